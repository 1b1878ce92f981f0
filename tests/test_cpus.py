"""The CPUs a build may use: affinity, and the cgroup v2 and v1 quotas as the kernel applies them."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline import parallel
from pipeline.cpus import cgroup_cpu_quota, usable_cpus


def fake_proc(tmp_path: Path, cgroup: str, mountinfo: str) -> Path:
    """A /proc/self with these cgroup memberships and mounts."""
    proc = tmp_path / "proc"
    proc.mkdir()
    (proc / "cgroup").write_text(cgroup)
    (proc / "mountinfo").write_text(mountinfo)
    return proc


def cgroup_files(folder: Path, **files: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name.replace("_", ".", 1)).write_text(text)


def v2_mount(point: Path, root: str = "/") -> str:
    return f"41 23 0:38 {root} {point} rw,nosuid,nodev,noexec,relatime - cgroup2 cgroup2 rw,nsdelegate\n"


def test_the_tightest_cpu_max_of_the_cgroup_and_its_ancestors_counts(tmp_path):
    mount = tmp_path / "cgroup"
    cgroup_files(mount, cpu_max="max 100000\n")
    cgroup_files(mount / "ci.slice", cpu_max="150000 100000\n")  # 1.5 CPUs for the slice
    cgroup_files(mount / "ci.slice" / "job.scope", cpu_max="max 100000\n")
    proc = fake_proc(tmp_path, "0::/ci.slice/job.scope\n", v2_mount(mount))
    assert cgroup_cpu_quota(proc) == 1.5


def test_a_quota_caps_the_affinity_rounded_up(tmp_path, monkeypatch):
    mount = tmp_path / "cgroup"
    cgroup_files(mount, cpu_max="150000 100000\n")
    proc = fake_proc(tmp_path, "0::/\n", v2_mount(mount))
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: set(range(64)), raising=False)
    assert usable_cpus(proc) == 2  # 1.5 CPUs' worth keeps two workers busy
    cgroup_files(mount, cpu_max="50000 100000\n")
    assert usable_cpus(proc) == 1  # never none
    cgroup_files(mount, cpu_max="max 100000\n")
    assert usable_cpus(proc) == 64


def test_the_affinity_caps_a_looser_quota(tmp_path, monkeypatch):
    mount = tmp_path / "cgroup"
    cgroup_files(mount, cpu_max="800000 100000\n")
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1, 2}, raising=False)
    assert usable_cpus(fake_proc(tmp_path, "0::/\n", v2_mount(mount))) == 3


def test_cgroup_v1_quota_over_period_in_a_container_without_a_cgroup_namespace(tmp_path):
    # Docker without a cgroup namespace: /proc/self/cgroup names the host's path, and the
    # mount shows only the container's part of the tree (its root is that path).
    mount = tmp_path / "cpu,cpuacct"
    cgroup_files(mount, cpu_cfs_quota_us="200000\n", cpu_cfs_period_us="100000\n")
    mountinfo = (
        f"35 31 0:31 /docker/0123abcd {mount} ro,nosuid - cgroup cgroup rw,cpu,cpuacct\n"
        f"36 31 0:32 /docker/0123abcd {tmp_path / 'memory'} ro,nosuid - cgroup cgroup rw,memory\n"
    )
    proc = fake_proc(tmp_path, "5:memory:/docker/0123abcd\n4:cpu,cpuacct:/docker/0123abcd\n", mountinfo)
    assert cgroup_cpu_quota(proc) == 2.0


def test_v1_without_a_quota_and_v2_without_the_cpu_controller_set_no_limit(tmp_path):
    v1 = tmp_path / "cpu"
    cgroup_files(v1, cpu_cfs_quota_us="-1\n", cpu_cfs_period_us="100000\n")
    unified = tmp_path / "unified"  # a hybrid host: cgroup2 mounted, no cpu.max in it
    unified.mkdir()
    mountinfo = f"32 31 0:29 / {v1} rw - cgroup cgroup rw,cpu\n" + v2_mount(unified)
    assert cgroup_cpu_quota(fake_proc(tmp_path, "1:cpu:/\n0::/\n", mountinfo)) is None


@pytest.mark.parametrize("text", ["", "max", "abc 100000", "100000 0", "0 100000", "-5 100000"])
def test_an_unreadable_or_odd_cpu_max_sets_no_limit(tmp_path, text):
    mount = tmp_path / "cgroup"
    cgroup_files(mount, cpu_max=text)
    assert cgroup_cpu_quota(fake_proc(tmp_path, "0::/\n", v2_mount(mount))) is None


def test_a_mount_point_with_a_space_is_read_back_from_its_escape(tmp_path):
    mount = tmp_path / "c group"
    cgroup_files(mount, cpu_max="300000 100000\n")
    escaped = str(mount).replace(" ", "\\040")
    assert cgroup_cpu_quota(fake_proc(tmp_path, "0::/\n", v2_mount(Path(escaped)))) == 3.0


def test_without_proc_the_affinity_alone_counts(tmp_path):
    assert usable_cpus(tmp_path / "missing") == len(os.sched_getaffinity(0))


@pytest.mark.skipif(not hasattr(os, "sched_setaffinity"), reason="no CPU affinity on this system")
def test_a_process_pinned_to_one_cpu_gets_one_worker():
    code = "import os; os.sched_setaffinity(0, {min(os.sched_getaffinity(0))}); from pipeline.cpus import usable_cpus; print(usable_cpus())"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout == "1\n"


def test_jobs_run_in_this_process_when_it_may_use_one_cpu(monkeypatch):
    monkeypatch.setattr(parallel, "usable_cpus", lambda: 1)
    assert set(parallel.map_jobs(_pid, range(parallel.PARALLEL_FROM * 2))) == {os.getpid()}
    monkeypatch.setattr(parallel, "usable_cpus", lambda: 2)
    assert os.getpid() not in set(parallel.map_jobs(_pid, range(parallel.PARALLEL_FROM * 2)))


def test_the_default_is_this_machines_real_count():
    assert 1 <= usable_cpus() <= (os.cpu_count() or 1)


def _pid(_: int) -> int:
    return os.getpid()
