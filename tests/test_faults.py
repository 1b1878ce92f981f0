"""Fault injection: a build or an update killed at every write, run at once, on read-only folders or a full disk.

After each fault the next run must give exactly the bytes of a clean run: nothing lost,
nothing stale, nothing half-written. Kills happen at every step `files.fault_point`
announces (each file written, renamed into place, the bundle swapped), in a forked copy of
this process that SIGKILLs itself there. A full disk is a small tmpfs where the machine
lets tests mount one, else faked at every write with the error the kernel gives.
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import re
import shutil
import signal
import subprocess
import sys
from pathlib import Path
from typing import Callable, Iterator

import pytest
from click.testing import CliRunner

from pipeline import bundle, files
from pipeline.cli import cli

from .conftest import run, translate_everything, write_project
from .test_incremental import outputs, read_tree
from .test_reliability import pipeline_process, translations_in

EPOCH = "1700000000"
#: What a build leaves for a process of its own to delete (a replaced bundle): never copied.
LEFTOVERS = shutil.ignore_patterns(".retired-*")  # POT dates from SOURCE_DATE_EPOCH: two updates write the same bytes


def invoke_with_hook(root: Path, command: list[str], hook: Callable[[str, Path], None]) -> int:
    """Run a command in a forked copy of this process with a fault hook; its exit status (-signal when killed)."""
    pid = os.fork()
    if pid == 0:  # the child: run, then leave without pytest's clean-up
        code = 0
        try:
            files.FAULT_HOOK = hook
            with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
                code = CliRunner().invoke(cli, ["-C", str(root), *command]).exit_code
        finally:
            os._exit(code if isinstance(code, int) else 3)
    _, status = os.waitpid(pid, 0)
    return -os.WTERMSIG(status) if os.WIFSIGNALED(status) else os.WEXITSTATUS(status)


def kill_at(point: int) -> Callable[[str, Path], None]:
    """A hook that SIGKILLs the process at its `point`-th step (1-based)."""
    seen = [0]

    def hook(event: str, path: Path) -> None:
        seen[0] += 1
        if seen[0] == point:
            os.kill(os.getpid(), signal.SIGKILL)
    return hook


def steps_of(root: Path, command: list[str]) -> list[tuple[str, str]]:
    """The steps a command takes on a copy of the project (event, path), without faults."""
    copy = root.parent / f"{root.name}-steps"
    shutil.copytree(root, copy, symlinks=True, ignore=LEFTOVERS)
    seen: list[tuple[str, str]] = []
    files.FAULT_HOOK = lambda event, path: seen.append((event, str(path)))
    try:
        run(copy, *command)
    finally:
        files.FAULT_HOOK = None
        shutil.rmtree(copy, ignore_errors=True)
    return seen


@pytest.fixture
def built(project: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A translated, built project, then a translation and a source edited: the state every fault starts from."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    translate_everything(project, "es")
    assert run(project, "build").exit_code in (0, 1)
    po = project / "locales/es/LC_MESSAGES/leg-cramps.po"
    text = po.read_text().replace("ES Drink enough water.", "Beba suficiente agua.")
    # A number added to every translation: a finding each, so every report grows (a full disk fills up on them).
    po.write_text(re.sub(r'^msgstr "ES (.+)"$', r'msgstr "ES \1 1000"', text, flags=re.MULTILINE))
    return project


def dist_of(outputs: dict[str, bytes]) -> dict[str, bytes]:
    """The bundle's files of a run's outputs, by their path in the bundle."""
    return {name.removeprefix("dist/"): data for name, data in outputs.items() if name.startswith("dist/")}


def fresh(template: Path, name: str) -> Path:
    """A copy of a project, to fault."""
    copy = template.parent / name
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(template, copy, symlinks=True, ignore=LEFTOVERS)
    return copy


def clean_outputs(template: Path, *command: str) -> tuple[dict[str, bytes], dict[str, bytes]]:
    """What a clean run gives: (dist and reports, catalogs)."""
    copy = fresh(template, "clean")
    assert run(copy, *command).exit_code in (0, 1)
    return outputs(copy) if (copy / "dist").exists() else {}, read_tree(copy / "locales")


@pytest.mark.parametrize("exchange", [True, False], ids=["renameat2", "two-renames"])
def test_a_build_killed_at_any_step_leaves_the_next_build_clean(built, exchange, monkeypatch):
    if not exchange:  # the swap as systems without renameat2 do it, a kill between its renames included
        monkeypatch.setattr(bundle, "_renameat2", lambda: None)
    expected, catalogs = clean_outputs(built, "build")
    steps = steps_of(built, ["build"])
    assert len(steps) > 10 and ("swap", str(built.parent / "project-steps" / "dist")) in steps
    for point, (event, path) in enumerate(steps, 1):
        if not exchange and event != "swap":
            continue
        root = fresh(built, "faulted")
        before = read_tree(root / "dist")
        assert invoke_with_hook(root, ["build"], kill_at(point)) == -signal.SIGKILL, (point, event, path)
        bundle_left = read_tree(root / "dist")
        # Between two renames there is no dist/ until the next build puts the previous one back.
        allowed = [before, dist_of(expected)] + ([] if exchange else [{}])
        assert bundle_left in allowed, f"a kill at {event} {path}: a mixed bundle"
        assert run(root, "build").exit_code in (0, 1)
        assert outputs(root) == expected, f"after a kill at {event} {path}"
        assert read_tree(root / "locales") == catalogs


def test_an_update_killed_at_any_step_loses_nothing_and_the_next_update_is_clean(built):
    source = built / "source/leg-cramps.md"
    source.write_text(source.read_text().replace("Drink enough water.", "Drink water.").replace("## What helps", "## Help"))
    _, expected = clean_outputs(built, "update")
    before = translations_in(built)
    steps = steps_of(built, ["update"])
    assert len(steps) >= 4
    for point, (event, path) in enumerate(steps, 1):
        root = fresh(built, "faulted")
        assert invoke_with_hook(root, ["update"], kill_at(point)) == -signal.SIGKILL
        assert before <= translations_in(root), f"a kill at {event} {path} lost a translation"
        assert run(root, "update").exit_code == 0
        assert read_tree(root / "locales") == expected, f"after a kill at {event} {path}"


def test_builds_and_updates_at_once_end_as_a_clean_run_would(built):
    source = built / "source/leg-cramps.md"
    source.write_text(source.read_text().replace("Drink enough water.", "Drink water."))
    sequential = fresh(built, "sequential")
    assert run(sequential, "update").exit_code == 0 and run(sequential, "update").exit_code == 0
    expected_catalogs = read_tree(sequential / "locales")  # what the two updates give one after the other
    runs = [pipeline_process(built, *command) for command in (["build"], ["update"], ["build"], ["update"])]
    assert [p.wait(timeout=600) in (0, 1) for p in runs] == [True] * 4, [p.stderr.read() for p in runs]
    assert read_tree(built / "locales") == expected_catalogs
    assert run(built, "build").exit_code in (0, 1)
    reference = fresh(built, "reference")
    shutil.rmtree(reference / "dist")
    shutil.rmtree(reference / ".pipeline-cache")
    assert run(reference, "build", "--no-cache").exit_code in (0, 1)
    assert outputs(built) == outputs(reference)


@contextlib.contextmanager
def read_only(folder: Path) -> Iterator[None]:
    """A folder no file can be created in or renamed into, even by root (immutable), or a fake where it cannot be."""
    if os.geteuid() != 0:
        folder.chmod(0o555)
        try:
            yield
        finally:
            folder.chmod(0o755)
        return
    if subprocess.run(["chattr", "+i", str(folder)], capture_output=True).returncode == 0:
        try:
            yield
        finally:
            subprocess.run(["chattr", "-i", str(folder)], check=True)
        return

    def refuse(event: str, path: Path) -> None:
        if Path(path).parent == folder:
            raise PermissionError(errno.EROFS, "Read-only file system", str(path))
    files.FAULT_HOOK = refuse
    try:
        yield
    finally:
        files.FAULT_HOOK = None


def test_a_read_only_catalog_folder_replaces_no_template(built):
    """The POT is written before the POs: an update that cannot write a PO must not have replaced it."""
    source = built / "source/leg-cramps.md"
    source.write_text(source.read_text().replace("Drink enough water.", "Drink water."))
    before = read_tree(built / "locales")
    with read_only(built / "locales/es/LC_MESSAGES"):
        result = run(built, "update")
        assert result.exit_code == 2 and "locales/es/LC_MESSAGES/leg-cramps.po" in result.output, result.output
        assert read_tree(built / "locales") == before
    assert run(built, "update").exit_code == 0
    assert read_tree(built / "locales") != before


def test_a_read_only_reports_folder_replaces_no_report_and_no_bundle(built):
    """The JSON and SARIF reports are written first: a build that cannot write the HTML one must keep them."""
    expected, _ = clean_outputs(built, "build")
    before = outputs(built)
    with read_only(built / "reports/html"):  # report.json and report.sarif are written before it
        result = run(built, "build")
        assert result.exit_code == 2 and "reports/html" in result.output, result.output
        assert outputs(built) == before
    assert run(built, "build").exit_code in (0, 1)
    assert outputs(built) == expected


@contextlib.contextmanager
def small_disk(place: Path, size: str = "4m") -> Iterator[Path | None]:
    """A tmpfs of a few megabytes mounted at `place`, or None where this machine lets no test mount one."""
    place.mkdir(parents=True, exist_ok=True)
    mounted = os.geteuid() == 0 and subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(place)], capture_output=True).returncode == 0
    try:
        yield place if mounted else None
    finally:
        if mounted:
            subprocess.run(["umount", "-l", str(place)], check=True)


def fill(disk: Path, leave: int) -> Path:
    """Fill a file system but for `leave` bytes; the filler file."""
    filler = disk / "filler"
    free = shutil.disk_usage(disk).free
    with open(filler, "wb") as handle:
        handle.truncate(0)
        os.posix_fallocate(handle.fileno(), 0, max(0, free - leave))
    return filler


def test_a_full_disk_replaces_nothing_and_the_next_build_is_clean(built, tmp_path):
    expected, catalogs = clean_outputs(built, "build")
    with small_disk(tmp_path / "disk") as disk:
        if disk is None:  # a fake: every write in turn fails as a full disk fails
            for point in range(1, len(steps_of(built, ["build"])) + 1):
                root = fresh(built, "faulted")
                before = outputs(root)
                countdown = iter(range(point, 0, -1))

                def full(event: str, path: Path) -> None:
                    if next(countdown, 0) == 1:
                        raise OSError(errno.ENOSPC, "No space left on device", str(path))
                files.FAULT_HOOK = full
                try:
                    result = run(root, "build")
                finally:
                    files.FAULT_HOOK = None
                assert result.exit_code in (0, 1, 2) and (result.exit_code != 2 or outputs(root) == before)
                assert run(root, "build").exit_code in (0, 1) and outputs(root) == expected
            return
        refused = 0
        # The disk full at every point of the build in turn: page by page where the reports are written.
        for leave in [*range(0, 98_304, 4_096), *range(98_304, 200_000, 16_384)]:
            root = disk / "project"
            shutil.rmtree(root, ignore_errors=True)
            shutil.copytree(built, root, symlinks=True, ignore=LEFTOVERS)
            before = outputs(root)
            filler = fill(disk, leave)
            result = run(root, "build")
            assert result.exit_code in (0, 1, 2), result.output
            if result.exit_code == 2:
                refused += 1
                assert "No space left on device" in result.output and len(result.output.splitlines()) == 1
                assert outputs(root) == before, f"with {leave} bytes free"
            assert read_tree(root / "locales") == catalogs
            filler.unlink()
            assert run(root, "build").exit_code in (0, 1)
            assert outputs(root) == expected, f"after a build with {leave} bytes free"
        assert refused >= 2  # the disk was full for some builds at least


def test_a_disk_that_fails_the_batch_at_its_sync_replaces_no_catalog(built, monkeypatch):
    """The kernel's writeback fails (EIO) after the bytes were written: nothing is renamed, exit 2 naming the folder."""
    source = built / "source/leg-cramps.md"
    source.write_text(source.read_text().replace("Drink enough water.", "Drink water."))
    before = read_tree(built / "locales")
    synced: list[Path] = []

    def failing(descriptor: int, folder: Path) -> None:
        synced.append(folder)
        raise OSError(errno.EIO, os.strerror(errno.EIO), str(folder))

    monkeypatch.setattr(files, "_syncfs", lambda: failing)
    result = run(built, "update")
    assert result.exit_code == 2, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].endswith(": cannot write: Input/output error"), result.output
    assert read_tree(built / "locales") == before
    assert not list(built.rglob("*.tmp"))
    assert len(synced) == 1  # one file system: one syncfs, whatever the number of folders written


def write_a_batch(folder: Path) -> None:
    """Three files in three folders of one file system, committed together."""
    with files.committed_together():
        for name in ("a/one.txt", "b/two.txt", "three.txt"):
            files.write_atomic(folder / name, b"bytes")
    assert [(folder / name).read_bytes() for name in ("a/one.txt", "b/two.txt", "three.txt")] == [b"bytes"] * 3


def test_a_batch_waits_for_each_file_system_once_with_the_real_syncfs(tmp_path, monkeypatch):
    """On Linux the C library's syncfs is used, once per file system (not sync, which waits for every disk and
    reports no error); on other systems there is none, and the next test's fallback runs."""
    real = files._syncfs()
    assert (real is not None) == sys.platform.startswith("linux")
    calls: list[Path] = []

    def counted(descriptor: int, folder: Path) -> None:
        calls.append(folder)
        if real is not None:
            real(descriptor, folder)

    monkeypatch.setattr(files, "_syncfs", lambda: counted)
    monkeypatch.setattr(os, "sync", lambda: pytest.fail("sync() waits for every disk of the machine"))
    write_a_batch(tmp_path)
    assert len(calls) == 1


def test_without_syncfs_a_batch_waits_for_one_sync(tmp_path, monkeypatch):
    """Where the C library has no syncfs (macOS, BSD), one sync() for the batch, before any file is renamed."""
    synced: list[bool] = []
    monkeypatch.setattr(files, "_syncfs", lambda: None)
    monkeypatch.setattr(os, "sync", lambda: synced.append(not (tmp_path / "three.txt").exists()))
    write_a_batch(tmp_path)
    assert synced == [True]  # once, and nothing was in place yet
