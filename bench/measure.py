"""Timing child processes honestly: wall and CPU time and the child's own peak memory, medians over runs.

Each run is a fresh process (imports and start-up included, as a user or CI sees them).
Memory is measured two ways: the largest single process (`wait4`'s rusage of the child, which
covers its waited-for workers one by one) and the largest total of the whole process tree at one
moment (PSS, sampled every 0.1 s), since a parallel build's workers add up.
"""

from __future__ import annotations

import contextlib
import glob
import os
import platform
import re
import shutil
import statistics
import subprocess
import signal
import sys
import tempfile
import threading
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
    peak_mb: float = 0.0  # the largest single process
    tree_peak_mb: float = 0.0  # the largest sampled total of the process tree (workers included)
    unit: str = "s"  # "s" for a whole step, "s/page" for a per-page figure
    outputs: list[str] = field(default_factory=list, repr=False)
    cpu_samples: list[float] = field(default_factory=list)  # user + system seconds of the process and its workers

    @property
    def cpu_median(self) -> float | None:
        """The median CPU time of the runs (None when not measured)."""
        return statistics.median(self.cpu_samples) if self.cpu_samples else None

    @property
    def median(self) -> float:
        """The median of the samples."""
        return statistics.median(self.samples)

    def as_json(self) -> dict:
        """The figures, for the results file."""
        return {"median": self.median, "samples": self.samples, "unit": self.unit, "peak_mb": round(self.peak_mb, 1),
                "tree_peak_mb": round(self.tree_peak_mb, 1), "cpu_median": self.cpu_median, "cpu_samples": self.cpu_samples}


class TreeMemory(threading.Thread):
    """Samples the memory of a process and all its descendants (workers included) until stopped.

    The sum is of proportional set sizes (PSS, from /proc/<pid>/smaps_rollup): pages forked
    workers share with their parent count once, as the machine pays for them.
    """

    def __init__(self, pid: int, interval: float = 0.1):
        super().__init__(daemon=True)
        self.pid, self.interval = pid, interval
        self.peak_mb = 0.0
        self.peak_processes = 0
        self._halt = threading.Event()

    def run(self) -> None:
        """Sample until stopped."""
        while not self._halt.is_set():
            pids = _tree(self.pid)
            total = sum(_pss_kb(pid) for pid in pids) / 1024
            if total > self.peak_mb:
                self.peak_mb, self.peak_processes = total, len(pids)
            self._halt.wait(self.interval)

    def stop(self) -> float:
        """Stop sampling; the peak total in MB."""
        self._halt.set()
        self.join()
        return self.peak_mb


def _tree(pid: int) -> list[int]:
    """A process and its descendants, from /proc/<pid>/task/<tid>/children."""
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        for task in glob.glob(f"/proc/{current}/task/*/children"):
            try:
                todo.extend(int(child) for child in Path(task).read_text().split())
            except (OSError, ValueError):
                continue
    return found


def _pss_kb(pid: int) -> int:
    """A process's proportional set size in kB (0 when it has gone)."""
    try:
        text = Path(f"/proc/{pid}/smaps_rollup").read_text()
    except OSError:
        return 0
    match = re.search(r"^Pss:\s+(\d+) kB", text, re.MULTILINE)
    return int(match.group(1)) if match else 0


@dataclass
class Run:
    """One finished run of a command."""

    seconds: float
    peak_mb: float  # the largest single process (the child or one of its waited-for descendants), from wait4
    tree_peak_mb: float  # the largest sampled total over the child and its descendants at one moment
    cpu: float  # user + system seconds of the child and its waited-for descendants (wait4's rusage)
    code: int
    output: str


def run_once(command: Sequence[str], cwd: Path | None = None, env: dict[str, str] | None = None) -> Run:
    """Run a command to its end, in its own process group (killed with it if we are interrupted)."""
    with tempfile.TemporaryFile() as output:
        start = time.perf_counter()
        process = subprocess.Popen(list(command), cwd=cwd, env=env, stdout=output, stderr=subprocess.STDOUT,
                                   start_new_session=True)
        sampler = TreeMemory(process.pid)
        sampler.start()
        try:
            _, status, usage = os.wait4(process.pid, 0)
        except BaseException:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait()
            raise
        finally:
            tree_peak = sampler.stop()
        elapsed = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)  # workers the command left behind
        output.seek(0)
        text = output.read().decode("utf-8", errors="replace")
    return Run(elapsed, usage.ru_maxrss / 1024, tree_peak, usage.ru_utime + usage.ru_stime, process.returncode, text)


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
        run = run_once(command, cwd, env)
        if run.code not in ok_codes or CRASH in run.output:
            raise StepFailed(f"{' '.join(map(str, command))} exited {run.code}:\n{run.output[-2500:]}")
        result.samples.append(run.seconds)
        result.cpu_samples.append(run.cpu)
        result.peak_mb = max(result.peak_mb, run.peak_mb)
        result.tree_peak_mb = max(result.tree_peak_mb, run.tree_peak_mb)
        result.outputs.append(run.output)
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
