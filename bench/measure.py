"""Timing child processes honestly: wall time and the child's own peak memory, medians over runs.

Each run is a fresh process (imports and start-up included, as a user or CI sees them);
its peak resident memory comes from `wait4`'s rusage of that one child, not of all children.
"""

from __future__ import annotations

import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path


#: A Python program that crashed says this, whatever its exit code.
CRASH = "Traceback (most recent call last)"


class StepFailed(RuntimeError):
    """A timed command exited with an unexpected code; the message ends with its output."""


@dataclass
class Measurement:
    """Seconds per repetition (or per page) and the largest peak memory of the runs, in MB."""

    samples: list[float]
    peak_mb: float = 0.0
    unit: str = "s"  # "s" for a whole step, "s/page" for a per-page figure
    outputs: list[str] = field(default_factory=list, repr=False)

    @property
    def median(self) -> float:
        """The median of the samples."""
        return statistics.median(self.samples)

    def as_json(self) -> dict:
        """The figures, for the results file."""
        return {"median": self.median, "samples": self.samples, "unit": self.unit, "peak_mb": round(self.peak_mb, 1)}


def run_once(command: Sequence[str], cwd: Path | None = None, env: dict[str, str] | None = None) -> tuple[float, float, int, str]:
    """Run a command to its end: wall seconds, its peak RSS in MB, its exit code, its output."""
    with tempfile.TemporaryFile() as output:
        start = time.perf_counter()
        process = subprocess.Popen(list(command), cwd=cwd, env=env, stdout=output, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        output.seek(0)
        text = output.read().decode("utf-8", errors="replace")
    return elapsed, usage.ru_maxrss / 1024, process.returncode, text


def measure(
    command: Sequence[str],
    repeat: int,
    *,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
    before: Callable[[int], None] | None = None,
    ok_codes: Sequence[int] = (0,),
) -> Measurement:
    """Run `command` `repeat` times (calling `before(n)` untimed ahead of each run)."""
    result = Measurement([])
    for n in range(repeat):
        if before is not None:
            before(n)
        seconds, peak, code, text = run_once(command, cwd, env)
        if code not in ok_codes or CRASH in text:
            raise StepFailed(f"{' '.join(map(str, command))} exited {code}:\n{text[-2500:]}")
        result.samples.append(seconds)
        result.peak_mb = max(result.peak_mb, peak)
        result.outputs.append(text)
    return result


def remove(path: Path) -> None:
    """Remove a file or folder if it is there."""
    if path.is_dir():
        shutil.rmtree(path)
    elif path.exists():
        path.unlink()


def remove_all(paths: Iterable[Path]) -> None:
    """Remove files or folders."""
    for path in list(paths):
        remove(path)


def _first_line(command: Sequence[str]) -> str:
    """The first line a command prints, or why it could not run."""
    try:
        done = subprocess.run(list(command), capture_output=True, text=True, timeout=60, check=False)
    except (OSError, subprocess.TimeoutExpired) as error:
        return f"unavailable ({error})"
    text = (done.stdout or done.stderr).strip()
    return text.splitlines()[0] if text else f"unavailable (exit {done.returncode})"


def describe_machine(tools: dict[str, Sequence[str]]) -> dict[str, str]:
    """The machine and the versions measured: CPU, cores, memory, load, Python, each tool's version."""
    cpuinfo = Path("/proc/cpuinfo").read_text(encoding="utf-8", errors="replace") if Path("/proc/cpuinfo").exists() else ""
    model = re.search(r"^model name\s*:\s*(.+)$", cpuinfo, re.MULTILINE)
    meminfo = Path("/proc/meminfo").read_text(encoding="utf-8") if Path("/proc/meminfo").exists() else ""
    memory = re.search(r"^MemTotal:\s*(\d+) kB", meminfo, re.MULTILINE)
    machine = {
        "cpu": model.group(1).strip() if model else platform.processor() or "unknown",
        "cores": str(len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()),
        "memory": f"{int(memory.group(1)) / 1024 / 1024:.1f} GB" if memory else "unknown",
        "load average at start": " ".join(f"{x:.2f}" for x in os.getloadavg()),
        "os": f"{platform.system()} {platform.release()} ({_debian_version()})",
        "python": f"{platform.python_implementation()} {platform.python_version()} ({sys.executable})",
    }
    for name, command in tools.items():
        machine[name] = _first_line(command)
    return machine


def _debian_version() -> str:
    path = Path("/etc/debian_version")
    return f"Debian {path.read_text().strip()}" if path.exists() else platform.platform()


def format_seconds(seconds: float | None) -> str:
    """Seconds as a person reads them: µs, ms or s with three significant digits."""
    if seconds is None:
        return "—"
    if seconds < 1e-3:
        return f"{seconds * 1e6:.0f} µs"
    if seconds < 1:
        return f"{seconds * 1e3:.3g} ms"
    return f"{seconds:.3g} s" if seconds < 100 else f"{seconds:.0f} s"
