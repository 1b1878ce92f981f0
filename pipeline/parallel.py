"""Running many independent jobs on every core, with results in the jobs' order.

Worker processes cost a fraction of a second to start and to send results back: below
PARALLEL_FROM jobs the work runs in this process. The results are the same either way.
"""

from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from typing import Callable, Iterator, Sequence, TypeVar

Job = TypeVar("Job")
Result = TypeVar("Result")

#: Below this many jobs, worker processes cost more than they save.
PARALLEL_FROM = 8


def map_jobs(function: Callable[[Job], Result], jobs: Sequence[Job], workers: int | None = None) -> list[Result]:
    """`function` applied to every job, on every core when there are enough jobs."""
    return list(iter_jobs(function, jobs, workers))


def iter_jobs(function: Callable[[Job], Result], jobs: Sequence[Job], workers: int | None = None) -> Iterator[Result]:
    """Like `map_jobs`, one result at a time as they come (in the jobs' order)."""
    workers = workers or os.cpu_count() or 1
    if workers < 2 or len(jobs) < PARALLEL_FROM:
        yield from map(function, jobs)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        yield from pool.map(function, jobs, chunksize=max(1, len(jobs) // (workers * 8)))
