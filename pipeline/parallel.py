"""Running many independent jobs on the CPUs this process may use, results in the jobs' order.

Worker processes cost a fraction of a second to start and to send results back: below
PARALLEL_FROM jobs the work runs in this process. The results are the same either way.
A worker ends with the process that started it, even when that one is killed: Linux
sends it SIGKILL then (PR_SET_PDEATHSIG), and elsewhere a watchdog thread sees that its
parent changed. Left alone, a worker would wait on its task pipe forever.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
import threading
import time
from typing import Callable, Iterator, Sequence, TypeVar

from .cpus import usable_cpus

Job = TypeVar("Job")
Result = TypeVar("Result")

#: Below this many jobs, worker processes cost more than they save.
PARALLEL_FROM = 8
#: prctl(2) option: the signal a process gets when its parent ends (<linux/prctl.h>).
_PR_SET_PDEATHSIG = 1
#: How often a worker's watchdog looks at its parent, in seconds.
WATCH_INTERVAL = 1.0


def map_jobs(function: Callable[[Job], Result], jobs: Sequence[Job], workers: int | None = None) -> list[Result]:
    """`function` applied to every job, on every CPU this process may use when there are enough jobs."""
    return list(iter_jobs(function, jobs, workers))


def iter_jobs(
    function: Callable[[Job], Result], jobs: Sequence[Job], workers: int | None = None,
    prepare: Callable[[], object] | None = None,
) -> Iterator[Result]:
    """Like `map_jobs`, one result at a time as they come (in the jobs' order).

    `prepare` runs here just before forked workers start, so that what it loads (dictionaries)
    is theirs without each of them loading it again; not when the jobs run in this process.
    """
    workers = workers or usable_cpus()
    if workers < 2 or len(jobs) < PARALLEL_FROM:
        yield from map(function, jobs)
        return
    import multiprocessing  # (with the pool, 10 ms to import: a rebuild of a few articles does without)
    from concurrent.futures import ProcessPoolExecutor

    if prepare is not None and multiprocessing.get_start_method() == "fork":
        prepare()
    with ProcessPoolExecutor(max_workers=workers, initializer=end_with_parent, initargs=(os.getpid(),)) as pool:
        yield from pool.map(function, jobs, chunksize=max(1, len(jobs) // (workers * 8)))


def end_with_parent(parent: int) -> None:
    """In a worker: end as soon as the process `parent` ends, however it ends."""
    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):
            pass  # no prctl in this C library: the watchdog alone
    if os.getppid() != parent:  # the parent ended before the signal was asked for
        os._exit(1)
    threading.Thread(target=_watch, args=(parent,), name="end-with-parent", daemon=True).start()


def _watch(parent: int) -> None:
    """Poll the parent's id; once it is another (the parent ended), end this process at once."""
    while os.getppid() == parent:
        time.sleep(WATCH_INTERVAL)
    os._exit(1)
