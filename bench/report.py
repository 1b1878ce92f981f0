"""The benchmark's output: table rows, the printed table, and where the build's time goes (cProfile)."""

from __future__ import annotations

import pstats
import re
from dataclasses import dataclass
from pathlib import Path

from measure import Measurement, format_seconds


@dataclass
class Row:
    """One line of the table: a step, pipeline's figure, a peer's figure, the target and its verdict."""

    step: str
    pipeline: Measurement | None = None
    peer_name: str = ""
    peer: Measurement | None = None
    target: str = ""
    met: bool | None = None
    note: str = ""
    shown: str = ""  # a figure that is not a time (peak memory)

    @property
    def ratio(self) -> float | None:
        """How many times faster pipeline is than the peer (peer ÷ pipeline)."""
        if self.pipeline is None or self.peer is None or self.pipeline.median <= 0:
            return None
        return self.peer.median / self.pipeline.median

    def as_json(self) -> dict:
        """The row, for the results file."""
        return {
            "step": self.step,
            "pipeline": self.pipeline.as_json() if self.pipeline else None,
            "peer_name": self.peer_name or None,
            "peer": self.peer.as_json() if self.peer else None,
            "ratio": self.ratio,
            "target": self.target or None,
            "met": self.met,
            "value": self.shown or None,
            "note": self.note or None,
        }


def print_table(rows: list[Row], machine: dict[str, str], corpus: list[str], footer: str = "") -> None:
    """The machine, the corpus, the table of rows and their notes."""
    print("\nMachine")
    for key, value in machine.items():
        print(f"  {key:<22} {value}")
    print("\nCorpus")
    for text in corpus:
        print(f"  {text}")
    headers = ("step", "pipeline median (min–max)", "CPU", "peer", "peer median (min–max)", "ratio", "target", "met")
    lines = [(row.step, _figure(row.pipeline, row.shown), _cpu(row.pipeline), row.peer_name, _figure(row.peer), _ratio(row),
              row.target, _verdict(row)) for row in rows]
    widths = [max(len(str(x)) for x in column) for column in zip(headers, *lines)]
    print()
    rule = tuple("-" * w for w in widths)
    for line in (headers, rule, *lines):
        print("  ".join(str(cell).ljust(width) for cell, width in zip(line, widths)).rstrip())
    notes = [(row.step.strip(), row.note) for row in rows if row.note]
    if notes:
        print("\nNotes")
        for step, note in notes:
            print(f"  {step}: {' '.join(note.split())[:600]}")
    if footer:
        print(f"\n  {footer}")


def _figure(measurement: Measurement | None, shown: str = "") -> str:
    if shown:
        return shown
    if measurement is None:
        return "—"
    text = format_seconds(measurement.median) + ("/page" if measurement.unit == "s/page" else "")
    if len(measurement.samples) > 1:  # the spread, on a machine others share
        text += f" ({format_seconds(min(measurement.samples))}–{format_seconds(max(measurement.samples))})"
    return text


def _cpu(measurement: Measurement | None) -> str:
    """The median CPU time (user + system, workers included): what a loaded machine does not distort."""
    if measurement is None or measurement.cpu_median is None:
        return ""
    return format_seconds(measurement.cpu_median)


def _ratio(row: Row) -> str:
    return f"{row.ratio:.3g}×" if row.ratio is not None else "—"


def _verdict(row: Row) -> str:
    return "" if row.met is None else ("met" if row.met else "NOT MET")


# --- the profile ---------------------------------------------------------------------------------

#: Frames that only carry the call down (interpreter, Click, runpy): left out of the listing.
_PLUMBING = re.compile(r"runpy|click/|cProfile|profile\.py|<frozen|^~$|<string>|pipeline/__main__|pipeline/cli\.py")


def print_profile(path: Path, wall: float, title: str, top: int = 25, top_own: int = 15) -> dict:
    """Read a cProfile file of `pipeline build`: print its stages and top entries; return them as data."""
    table = pstats.Stats(str(path)).stats  # type: ignore[attr-defined]
    entries = []
    for (file, line, function), (_, calls, own, cumulative, _) in table.items():
        where = _short_path(file)
        if _PLUMBING.search(where) or function == "<built-in method builtins.exec>":
            continue
        entries.append({"function": function, "where": f"{where}:{line}", "calls": calls, "own": own, "cumulative": cumulative})
    stages = _stages(table)
    build = next((value[3] for key, value in table.items() if key[0].endswith("pipeline/build.py") and key[2] == "build"), None)
    total = build or max((e["cumulative"] for e in entries), default=wall)
    outside = max(wall - total, 0.0)  # interpreter start, imports, the CLI, writing the profile
    print(f"\n{title} under cProfile: {format_seconds(wall)} wall, {format_seconds(total)} in build(), "
          f"{format_seconds(outside)} outside it (start-up, imports, CLI); cProfile slows Python code down: read the shares. "
          f"Saved in {path}")
    jobs_run = sum(value[1] for key, value in table.items() if key[0].endswith("pipeline/jobs.py") and key[2] == "run_article")
    print(f"articles whose job ran (not taken from the build cache): {jobs_run}")
    if stages:
        print("\nStages: what build() calls directly, by cumulative time")
        for stage in [s for s in stages if s["cumulative"] >= 0.005 * total][:12]:
            share = stage["cumulative"] / total
            print(f"  {format_seconds(stage['cumulative']):>9}  {share:6.1%}  {stage['function']}  ({stage['where']})")
    by_cumulative = sorted(entries, key=lambda e: -e["cumulative"])[:top]
    by_own = sorted(entries, key=lambda e: -e["own"])[:top_own]
    _print_entries(f"Top {top} by cumulative time (interpreter, imports, Click and CLI frames left out)", by_cumulative)
    if top_own:
        _print_entries(f"Top {top_own} by own time", by_own)
    return {"wall_seconds": wall, "outside_build_seconds": outside, "jobs_run": jobs_run, "stages": stages,
            "top_cumulative": by_cumulative, "top_own": by_own}


def _stages(table: dict) -> list[dict]:
    """The functions `pipeline.build.build` calls, with the time spent in them from there."""
    build = next((key for key in table if key[0].endswith("pipeline/build.py") and key[2] == "build"), None)
    if build is None:
        return []
    stages = []
    for (file, line, function), value in table.items():
        from_build = value[4].get(build)
        if from_build:
            stages.append({"function": function, "where": f"{_short_path(file)}:{line}", "calls": from_build[1],
                           "cumulative": from_build[3]})
    return sorted(stages, key=lambda s: -s["cumulative"])


def _short_path(file: str) -> str:
    """A source path without its installation prefix."""
    for marker in ("site-packages/", "/work/main/", "lib/python3.11/"):
        if marker in file:
            return file.split(marker, 1)[1]
    return file


def _print_entries(title: str, entries: list[dict]) -> None:
    print(f"\n{title}:")
    print(f"  {'cumulative':>10} {'own':>9} {'calls':>9}  function")
    for e in entries:
        print(f"  {format_seconds(e['cumulative']):>10} {format_seconds(e['own']):>9} {e['calls']:>9}  {e['function']}  ({e['where']})")
