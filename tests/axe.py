"""axe-core in headless Chromium, for tests: run it on HTML files and read its results per file.

    results = run_axe([Path("dist/en/slug/index.html")])
    assert results[path].violations == {}

The browser and axe-core come from `tests/browser/setup` (CI runs it before the tests).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

BROWSER_DIR = Path(__file__).resolve().parent / "browser"
RUNNER = BROWSER_DIR / "axe.mjs"
SELECT_RUNNER = BROWSER_DIR / "select.mjs"
SEMANTICS_RUNNER = BROWSER_DIR / "semantics.mjs"
CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))

#: Rules axe-core ships switched off (deprecated or review-only) that our checker has.
OFF_BY_DEFAULT = ("duplicate-id", "duplicate-id-active", "identical-links-same-purpose", "aria-roledescription",
                  "audio-caption", "focus-order-semantics")


@dataclass(frozen=True)
class AxeNode:
    """One element axe-core reported: its selector, its HTML, and its /tag[n]/... path."""

    target: str
    html: str
    path: str | None


@dataclass
class AxeResult:
    """axe-core's verdict on one page: rule id -> nodes for violations and incomplete; ids otherwise."""

    violations: dict[str, list[AxeNode]] = field(default_factory=dict)
    incomplete: dict[str, list[AxeNode]] = field(default_factory=dict)
    passes: set[str] = field(default_factory=set)
    inapplicable: set[str] = field(default_factory=set)


class BrowserNotInstalled(RuntimeError):
    """Chromium or the npm packages are missing: run tests/browser/setup."""


def axe_version() -> str:
    """The axe-core version installed in tests/browser."""
    package = BROWSER_DIR / "node_modules" / "axe-core" / "package.json"
    return json.loads(package.read_text(encoding="utf-8"))["version"]


def run_axe(files: Sequence[Path], *, enable: Sequence[str] = OFF_BY_DEFAULT,
            only: Sequence[str] | None = None, timeout: float = 600) -> dict[Path, AxeResult]:
    """Run axe-core on each file in one browser; the results, keyed by the resolved file path."""
    if not files:
        return {}
    report = _run_runner([str(Path(f).resolve()) for f in files], enable=enable, only=only, timeout=timeout)
    return {Path(page["file"]): _result(page) for page in report["pages"]}


def run_axe_on_urls(urls: Mapping[str, Sequence[str]], *, enable: Sequence[str] = OFF_BY_DEFAULT,
                    context: str | None = None, iframes: bool = False, timeout: float = 600) -> dict[str, AxeResult]:
    """Run axe-core on pages a local server serves, each URL with only its rules, on the element `context` names."""
    if not urls:
        return {}
    extra = (["--context", context] if context else []) + (["--iframes"] if iframes else [])
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as listing:
        json.dump([{"page": url, "only": list(rules)} for url, rules in urls.items()], listing)
    try:
        report = _run_runner([], enable=enable, only=None, timeout=timeout, extra=[*extra, "--pages", listing.name])
    finally:
        os.unlink(listing.name)
    return {page["file"]: _result(page) for page in report["pages"]}


def _run_runner(pages: list[str], *, enable: Sequence[str], only: Sequence[str] | None, timeout: float,
                extra: Sequence[str] = ()) -> dict:
    _require_installation()
    command = ["node", str(RUNNER), *extra]
    if enable:
        command += ["--enable", ",".join(enable)]
    if only:
        command += ["--only", ",".join(only)]
    done = subprocess.run([*command, *pages], capture_output=True, text=True, timeout=timeout, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"axe-core run failed ({done.returncode}): {done.stderr.strip()[-2000:]}")
    return json.loads(done.stdout)


def select_in_chromium(requests: dict[Path, list[str]], timeout: float = 600) -> dict[Path, dict[str, tuple[int, str | None]]]:
    """For each page, each selector's `document.querySelectorAll` in Chromium: (how many match, the first's path)."""
    listing = [{"file": str(Path(f).resolve()), "selectors": s} for f, s in requests.items()]
    return {Path(page["file"]): {r["selector"]: (r["count"], r["path"]) for r in page["results"]}
            for page in _run_script(SELECT_RUNNER, listing, timeout)["pages"]}


@dataclass(frozen=True)
class BrowserView:
    """What Chromium makes of one page's elements, by /tag[n]/... path: (role, accessible name) of those in its
    accessibility tree; (colour, font size, weight) as computed of those drawn, or None if the page navigated away."""

    names: dict[str, tuple[str, str]]
    styles: dict[str, tuple[str, str, str]] | None


def view_in_chromium(files: Sequence[Path], timeout: float = 900) -> dict[Path, BrowserView]:
    """For each page, the roles, names and computed styles Chromium gives its elements (tests/browser/semantics.mjs)."""
    pages = _run_script(SEMANTICS_RUNNER, [str(Path(f).resolve()) for f in files], timeout)["pages"]
    return {Path(page["file"]): BrowserView({path: (node["role"], node["name"]) for path, node in page["elements"].items()},
                                            None if page["styles"] is None else
                                            {path: tuple(style) for path, style in page["styles"].items()})
            for page in pages}


def _run_script(script: Path, listing: list, timeout: float) -> dict:
    """Run one of tests/browser's scripts on a JSON listing of pages; what it prints, read as JSON."""
    _require_installation()
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as file:
        json.dump(listing, file)
    try:
        done = subprocess.run(["node", str(script), file.name], capture_output=True, text=True, timeout=timeout,
                              check=False)
    finally:
        os.unlink(file.name)
    if done.returncode != 0:
        raise RuntimeError(f"{script.name} failed ({done.returncode}): {done.stderr.strip()[-2000:]}")
    return json.loads(done.stdout)


def _result(page: dict) -> AxeResult:
    def nodes(rules: list[dict]) -> dict[str, list[AxeNode]]:
        return {rule["id"]: [AxeNode(n["target"], n["html"], n["path"]) for n in rule["nodes"]] for rule in rules}

    return AxeResult(nodes(page["violations"]), nodes(page["incomplete"]), set(page["passes"]),
                     set(page["inapplicable"]))


def _require_installation() -> None:
    missing = []
    if not CHROMIUM.exists():
        missing.append(str(CHROMIUM))
    if not (BROWSER_DIR / "node_modules" / "axe-core").is_dir() or not (
        BROWSER_DIR / "node_modules" / "playwright-core"
    ).is_dir():
        missing.append("tests/browser/node_modules")
    if shutil.which("node") is None:
        missing.append("node")
    if missing:
        raise BrowserNotInstalled(f"missing {', '.join(missing)}: run tests/browser/setup first")
