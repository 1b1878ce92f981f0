"""How many CPUs this process may use: its affinity, capped by its cgroup's CPU quota.

`os.cpu_count()` counts the machine's CPUs. A CI runner or a container often gets fewer:
`taskset`/cpusets narrow the affinity, and a cgroup quota (`docker run --cpus 2`,
Kubernetes' CPU limit) lets the process run only so many CPUs' worth of time per period
on any of them. A worker per machine CPU then only adds processes that wait for their
turn, each holding its memory. The quota is read as the kernel applies it: the smallest
of the process's cgroup and its ancestors, in cgroup v2 (`cpu.max`) or v1 (`cpu.cfs_quota_us`
over `cpu.cfs_period_us`), and rounded up (1.5 CPUs' worth keeps two workers busy).
"""

from __future__ import annotations

import math
import os
import re
from pathlib import Path

PROC = Path("/proc/self")


def usable_cpus(proc: Path = PROC) -> int:
    """The number of CPUs this process may use: affinity, then any cgroup CPU quota, at least 1."""
    try:
        cpus = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # no affinity on this system (macOS, Windows)
        cpus = os.cpu_count() or 1
    quota = cgroup_cpu_quota(proc)
    if quota is not None:
        cpus = min(cpus, math.ceil(quota))
    return max(1, cpus)


def cgroup_cpu_quota(proc: Path = PROC) -> float | None:
    """The CPUs' worth of time per period the process's cgroups allow (the tightest), or None without a limit."""
    limits = []
    for mount, version, path in _cgroup_folders(proc):
        # The process's cgroup, then each ancestor up to the hierarchy's root.
        for depth in range(len(path.parts), -1, -1):
            limit = _limit_in(mount.joinpath(*path.parts[:depth]), version)
            if limit is not None:
                limits.append(limit)
    return min(limits) if limits else None


def _limit_in(folder: Path, version: int) -> float | None:
    """One cgroup folder's CPU limit, in CPUs; None when it sets none or cannot be read."""
    try:
        if version == 2:
            quota, _, period = (folder / "cpu.max").read_text().partition(" ")
        else:
            quota, period = (folder / "cpu.cfs_quota_us").read_text(), (folder / "cpu.cfs_period_us").read_text()
        if quota.strip() in ("max", "-1"):
            return None
        value = int(quota) / int(period)
    except (OSError, ValueError, ZeroDivisionError):
        return None
    return value if value > 0 else None


def _cgroup_folders(proc: Path) -> list[tuple[Path, int, Path]]:
    """(mount point, cgroup version, the process's cgroup below it) for the hierarchies that can limit CPU."""
    try:
        memberships = (proc / "cgroup").read_text().splitlines()
        mounts = (proc / "mountinfo").read_text().splitlines()
    except OSError:
        return []
    found = []
    for line in memberships:  # "0::/path" (v2) or "4:cpu,cpuacct:/path" (v1)
        hierarchy, _, rest = line.partition(":")
        controllers, _, path = rest.partition(":")
        version = 2 if hierarchy == "0" and not controllers else 1
        if version == 1 and "cpu" not in controllers.split(","):
            continue
        for mount_root, mount_point in _mounts(mounts, version, controllers):
            # Without a cgroup namespace, a container's mount shows only its part of the tree.
            below = path[len(mount_root):] if path.startswith(mount_root) else path
            found.append((mount_point, version, Path(below.lstrip("/"))))
    return found


def _mounts(mountinfo: list[str], version: int, controllers: str) -> list[tuple[str, Path]]:
    """(root of the mount, mount point) of each cgroup file system of this version and controllers."""
    found = []
    for line in mountinfo:  # "id parent dev root point options [tags] - type source super-options"
        fields, _, tail = line.partition(" - ")
        parts, after = fields.split(), tail.split()
        if len(parts) < 5 or len(after) < 3:
            continue
        fs_type, options = after[0], after[2].split(",")
        if (version == 2 and fs_type == "cgroup2") or (
            version == 1 and fs_type == "cgroup" and set(controllers.split(",")) <= set(options)
        ):
            found.append((_unescape(parts[3]), Path(_unescape(parts[4]))))
    return found


def _unescape(field: str) -> str:
    """A mountinfo field with its octal escapes (`\\040` for a space) read back."""
    return re.sub(r"\\([0-7]{3})", lambda code: chr(int(code.group(1), 8)), field)
