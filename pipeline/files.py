"""Writing files so that nothing is ever half-written: temporary file, fsync, rename.

Files are rewritten only when their content changed, so timestamps and diffs stay quiet;
files that belong together (a build's reports, an update's catalogs) replace the old ones
together. Commands that write the project take turns on a lock.
"""

from __future__ import annotations

import contextlib
import contextvars
import os
import tempfile
from pathlib import Path
from typing import Callable, Iterable, Iterator

import filelock

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
#: A function called before every step that changes a file (event, path): tests kill the process there.
FAULT_HOOK: Callable[[str, Path], None] | None = None
#: The files staged by the innermost `committed_together` block, if one is open.
_BATCH: contextvars.ContextVar[list[tuple[Path, str]] | None] = contextvars.ContextVar("batch", default=None)


def fault_point(event: str, path: Path) -> None:
    """Give the fault-injection hook its chance: `write` a file, `rename` it into place, `swap` a folder."""
    if FAULT_HOOK is not None:
        FAULT_HOOK(event, path)


def write_atomic(path: Path, content: bytes | Iterable[str], durable: bool = True) -> None:
    """Replace `path` with `content` in one step: readers see the old file or the new, never a part.

    `content` is bytes, or pieces of text too large to hold whole. `durable` also waits for
    the disk (fsync) before the rename; a cache can do without. Inside `committed_together`,
    a durable file is renamed into place only when every file of the block is written.
    """
    temporary = _stage(path, content, durable)
    batch = _BATCH.get()
    if durable and batch is not None:
        batch.append((path, temporary))
    else:
        _commit([(path, temporary)])


@contextlib.contextmanager
def committed_together() -> Iterator[None]:
    """Outputs written in this block replace their files together, or not at all if the block fails.

    Every file is written (and synced) to a temporary name first; a full disk or a folder
    that cannot be written leaves every old file in place. Reading a file staged here gives
    its old content until the block ends.
    """
    batch: list[tuple[Path, str]] = []
    token = _BATCH.set(batch)
    try:
        yield
    except BaseException:
        for _, temporary in batch:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
        raise
    finally:
        _BATCH.reset(token)
    _commit(batch)


def _stage(path: Path, content: bytes | Iterable[str], durable: bool) -> str:
    """Write content to a temporary file beside `path`, with the mode `path` has or will have; its name."""
    fault_point("write", path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise OutputError(f"cannot write: {exc.strerror or exc}", path) from None
    try:
        with os.fdopen(descriptor, "wb") as handle:
            if isinstance(content, bytes):
                handle.write(content)
            else:
                for piece in content:
                    handle.write(piece.encode("utf-8"))
            if durable:
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
        fault_point("rename", path)
        try:
            os.replace(temporary, path)
        except OSError as exc:
            for _, left in staged[index:]:
                with contextlib.suppress(OSError):
                    os.unlink(left)
            raise OutputError(f"cannot write: {exc.strerror or exc}", path) from None


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

    `on_wait` is called once when another run holds the lock, before waiting for it.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        lock = filelock.FileLock(path, thread_local=False)
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
