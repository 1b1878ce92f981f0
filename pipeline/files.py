"""Writing files so that nothing is ever half-written: temporary file, fsync, rename.

Files are rewritten only when their content changed, so timestamps and diffs stay quiet.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path
from typing import Callable, Iterable, Iterator

import filelock

from .errors import OutputError


def _default_mode() -> int:
    """The mode a new file gets here (0o644 with the usual umask); temp files start private."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


FILE_MODE = _default_mode()


def write_atomic(path: Path, data: bytes, durable: bool = True) -> None:
    """Replace `path` with `data` in one step: readers see the old file or the new, never a part.

    `durable` also waits for the disk (fsync) before the rename; a cache can do without.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise OutputError(f"cannot write: {exc.strerror or exc}", path) from None
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
        os.chmod(temporary, path.stat().st_mode & 0o7777 if path.exists() else FILE_MODE)
        os.replace(temporary, path)
    except BaseException as exc:  # Ctrl-C too: no temporary file is left behind
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        if isinstance(exc, OSError):
            raise OutputError(f"cannot write: {exc.strerror or exc}", path) from None
        raise


def write_atomic_chunks(path: Path, chunks: Iterable[str]) -> None:
    """Like `write_atomic`, for text too large to hold whole: written piece by piece, then renamed."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise OutputError(f"cannot write: {exc.strerror or exc}", path) from None
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="") as handle:
            handle.writelines(chunks)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, FILE_MODE)
        os.replace(temporary, path)
    except BaseException as exc:  # Ctrl-C too: no temporary file is left behind
        with contextlib.suppress(OSError):
            os.unlink(temporary)
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
