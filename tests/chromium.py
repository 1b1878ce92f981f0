"""Built pages in headless Chromium, for tests: where characters are drawn, where links lead, screenshots.

    drawn = measure({page: ["816-396-0245"]})
    assert all(reads_left_to_right(chars) for chars in drawn[page]["816-396-0245"])

The browser comes from `tests/browser/setup`, as for axe-core (`tests/axe.py`).
"""

from __future__ import annotations

import json
import subprocess
from collections.abc import Mapping, Sequence
from pathlib import Path

from .axe import BROWSER_DIR, _require_installation

SCRIPT = BROWSER_DIR / "pages.mjs"


def _ask(request: dict, timeout: float = 600) -> dict:
    _require_installation()
    done = subprocess.run(["node", str(SCRIPT)], input=json.dumps(request), capture_output=True, text=True,
                          timeout=timeout, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"pages.mjs failed ({done.returncode}): {done.stderr.strip()[-2000:]}")
    return json.loads(done.stdout)


def measure(needles: Mapping[Path, Sequence[str]], width: int = 1280) -> dict[Path, dict[str, list[list[dict]]]]:
    """Per page and needle, each occurrence's characters with the box each is drawn in."""
    request = {"width": width, "measure": [{"file": str(p.resolve()), "needles": list(n)} for p, n in needles.items()]}
    return {Path(page["file"]): page["needles"] for page in _ask(request)["measure"]}


def reads_left_to_right(chars: list[dict]) -> bool:
    """Whether characters are drawn in their order, left to right, line after line (spaces aside)."""
    drawn = [c for c in chars if c["char"].strip() and c["width"] > 0]
    for before, after in zip(drawn, drawn[1:]):
        same_line = abs(before["y"] - after["y"]) < before["height"] / 2
        if same_line and after["x"] < before["x"] + before["width"] / 2:
            return False
        if not same_line and after["y"] < before["y"]:
            return False
    return bool(drawn)


def boxes(pages: Mapping[Path, str], width: int = 1280) -> dict[Path, list[dict]]:
    """Per page, the elements a CSS selector matches: their direction, border and content boxes, and text box."""
    request = {"width": width, "boxes": [{"file": str(p.resolve()), "selector": s} for p, s in pages.items()]}
    return {Path(page["file"]): page["elements"] for page in _ask(request)["boxes"]}


def crawl(start: Path | str) -> dict:
    """Every page reached from one by following its links, from disk (a path) or a local server (a URL)."""
    return _ask({"crawl": start if isinstance(start, str) else str(start.resolve())})["crawl"]


def screenshots(shots: Sequence[tuple[Path, int, Path]]) -> list[str]:
    """Full-page PNGs of pages at viewport widths: (page, width, output file)."""
    request = {"screenshots": [{"file": str(p.resolve()), "width": w, "out": str(o)} for p, w, o in shots]}
    return _ask(request)["screenshots"]
