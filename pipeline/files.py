"""Writing files so that nothing is ever half-written: temporary file, fsync, rename.

Files are rewritten only when their content changed, so timestamps and diffs stay quiet;
files that belong together (a build's reports, an update's catalogs) replace the old ones
together. Commands that write the project take turns on a lock.
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
import os
import re
import sys
from pathlib import Path
from typing import Callable, Iterable, Iterator

from .errors import OutputError


def _default_mode() -> int:
    """The mode a new file gets here (0o644 with the usual umask); temp files start private.

    Read from /proc where it can be: setting the umask to read it back races other threads.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            umask = next(int(line.split()[1], 8) for line in status if line.startswith("Umask:"))
    except (OSError, StopIteration, ValueError, IndexError):
        umask = os.umask(0o022)
        os.umask(umask)
    return 0o666 & ~umask


FILE_MODE = _default_mode()
#: A function called before every step that changes a file (event, path): tests kill the process
#: there, or raise the OSError a full disk or a read-only folder would.
FAULT_HOOK: Callable[[str, Path], None] | None = None
#: The files staged by the innermost `committed_together` block, if one is open.
_BATCH: contextvars.ContextVar[list[tuple[Path, str]] | None] = contextvars.ContextVar("batch", default=None)


#: Temporary files are `.<name>.<pid>.<random>.tmp`: the process that made them is known.
TEMPORARY_SUFFIX = ".tmp"
_TEMPORARY = re.compile(r"\..+\.(\d+)\.[a-z0-9_]{8}" + re.escape(TEMPORARY_SUFFIX))


def remove_stale_temporaries(folders: Iterable[Path]) -> None:
    """Delete the temporary files that killed runs left below these folders (those of live processes stay)."""
    for folder in folders:
        for directory, _, names in os.walk(folder):
            for name in names:
                match = _TEMPORARY.fullmatch(name)
                if match and not _is_alive(int(match.group(1))):
                    with contextlib.suppress(OSError):
                        os.unlink(os.path.join(directory, name))


def _is_alive(pid: int) -> bool:
    """Whether a process of this id runs (one of another user's counts as running)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def fault_point(event: str, path: Path) -> None:
    """Give the fault-injection hook its chance: `write` a file, `rename` it into place, `swap` a folder."""
    if FAULT_HOOK is not None:
        FAULT_HOOK(event, path)


def write_atomic(path: Path, content: bytes | Iterable[str | bytes], durable: bool = True) -> None:
    """Replace `path` with `content` in one step: readers see the old file or the new, never a part.

    `content` is bytes, or pieces (text or bytes) too large to hold whole. `durable` also waits for
    the disk (fsync) before the rename; a cache can do without. Inside `StagedFiles.staging`,
    a durable file is renamed into place only with the others of its batch.
    """
    temporary = _stage(path, content, durable)
    batch = _BATCH.get()
    if durable and batch is not None:
        batch.append((path, temporary))
    else:
        _commit([(path, temporary)])


class StagedFiles:
    """Outputs that replace their files together: each written to a temporary name, renamed at the end.

    Durable writes made inside `staging()` are staged here. Leaving the `with` block waits for
    them all to reach the disk (one sync for the batch) and renames them into place; an
    exception drops them all, so a full disk or a folder that cannot be written leaves every
    old file as it was. A staged file reads as its old self until then.
    """

    def __init__(self) -> None:
        self._staged: list[tuple[Path, str]] = []

    @contextlib.contextmanager
    def staging(self) -> Iterator[None]:
        """While the block runs, durable writes are staged here rather than renamed into place."""
        token = _BATCH.set(self._staged)
        try:
            yield
        finally:
            _BATCH.reset(token)

    def __enter__(self) -> "StagedFiles":
        return self

    def __exit__(self, kind: type[BaseException] | None, *_: object) -> None:
        staged, self._staged = self._staged, []
        if kind is None:
            try:
                if staged:  # every staged file on the disk before any replaces its old one: one wait, not one per file
                    sync_to_disk(path.parent for path, _ in staged)
            except BaseException as exc:  # Ctrl-C or a failed sync: nothing was renamed yet, so nothing changes
                _discard(staged)
                if isinstance(exc, OSError):
                    raise OutputError(f"cannot write: {exc.strerror or exc}", exc.filename or staged[0][0]) from None
                raise
            _commit(staged)
        else:
            _discard(staged)


def sync_to_disk(folders: Iterable[Path]) -> None:
    """Wait until what was written in these folders is on the disk; raise OSError if the disk refused it.

    On Linux, one syncfs per file system the folders are on: it waits for those alone, not for
    every disk of the machine as sync does, and reports a write that failed (EIO, ENOSPC), which
    sync keeps to itself. Elsewhere, one sync.
    """
    syncfs = _syncfs()
    if syncfs is None:
        os.sync()
        return
    file_systems: dict[int, Path] = {}
    for folder in folders:
        file_systems.setdefault(os.stat(folder).st_dev, folder)
    for folder in file_systems.values():
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            syncfs(descriptor, folder)
        finally:
            os.close(descriptor)


@functools.cache
def _syncfs() -> Callable[[int, Path], None] | None:
    """The C library's syncfs, raising OSError as Python's os functions do; None where there is none."""
    if not sys.platform.startswith("linux"):
        return None
    import ctypes  # only commands that write files together wait for it

    try:
        function = ctypes.CDLL(None, use_errno=True).syncfs
    except (OSError, AttributeError):
        return None

    def syncfs(descriptor: int, folder: Path) -> None:
        if function(descriptor) != 0:
            error = ctypes.get_errno()
            raise OSError(error, os.strerror(error), str(folder))

    return syncfs


def _discard(staged: list[tuple[Path, str]]) -> None:
    """Remove the temporary files of a batch that is not committed."""
    for _, temporary in staged:
        with contextlib.suppress(OSError):
            os.unlink(temporary)


@contextlib.contextmanager
def committed_together() -> Iterator[None]:
    """Outputs written in this block replace their files together when it ends, or none if it fails."""
    with StagedFiles() as batch, batch.staging():
        yield


def _stage(path: Path, content: bytes | Iterable[str | bytes], durable: bool) -> str:
    """Write content to a temporary file beside `path`, with the mode `path` has or will have; its name."""
    import tempfile  # (shutil, random, bz2, lzma…) only for commands that write

    try:
        fault_point("write", path)
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}.", suffix=TEMPORARY_SUFFIX,
                                                 dir=path.parent)
    except OSError as exc:
        raise OutputError(f"cannot write: {exc.strerror or exc}", path) from None
    try:
        with os.fdopen(descriptor, "wb") as handle:
            if isinstance(content, bytes):
                handle.write(content)
            else:
                for piece in content:
                    handle.write(piece.encode("utf-8") if isinstance(piece, str) else piece)
            if durable and _BATCH.get() is None:  # a batch's files are flushed together (StagedFiles)
                handle.flush()
                os.fsync(handle.fileno())
        os.chmod(temporary, path.stat().st_mode & 0o7777 if path.exists() else FILE_MODE)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise OutputError(f"cannot write: {exc.strerror or exc}", path) from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    return temporary


def _commit(staged: list[tuple[Path, str]]) -> None:
    """Rename staged files into place, in order."""
    for index, (path, temporary) in enumerate(staged):
        try:
            fault_point("rename", path)
            os.replace(temporary, path)
        except BaseException as exc:  # Ctrl-C too: no temporary file is left behind
            for _, left in staged[index:]:
                with contextlib.suppress(OSError):
                    os.unlink(left)
            if isinstance(exc, OSError):
                raise OutputError(f"cannot write: {exc.strerror or exc}", path) from None
            raise


def refuse_links_outside(folders: Iterable[Path], root: Path) -> None:
    """Refuse to write into a folder that links lead outside the project (`locales/es` -> /elsewhere)."""
    project = root.resolve()
    for folder in folders:
        target = folder.resolve()
        if not target.is_relative_to(project):
            shown = folder.relative_to(root).as_posix() if folder.is_relative_to(root) else str(folder)
            raise OutputError(f"leads outside the project (to {target}) through a link: "
                              "pipeline writes only inside the project", shown)


def write_if_changed(path: Path, data: bytes) -> bool:
    """Write `data` atomically unless the file already holds exactly it; True when written."""
    try:
        if path.read_bytes() == data:
            return False
    except FileNotFoundError:
        pass
    except OSError as exc:
        raise OutputError(f"cannot read: {exc.strerror or exc}", path) from None
    write_atomic(path, data)
    return True


@contextlib.contextmanager
def exclusive_lock(path: Path, on_wait: Callable[[], None] | None = None) -> Iterator[None]:
    """Hold an exclusive lock (a file the tool keeps for it): concurrent runs take turns.

    `on_wait` is called once when another run holds the lock, before waiting for it. A
    process that holds the lock may take it again (a build inside the build command).
    """
    import filelock  # only the commands that write the project wait for its import (logging, secrets…)

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        lock = filelock.FileLock(path, thread_local=False, is_singleton=True)  # held again inside: a count
        try:
            lock.acquire(blocking=False)
        except filelock.Timeout:
            if on_wait is not None:
                on_wait()
            lock.acquire()
    except OSError as exc:
        raise OutputError(f"cannot lock: {exc.strerror or exc}", path) from None
    try:
        yield
    finally:
        lock.release()
