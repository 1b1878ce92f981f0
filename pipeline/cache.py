"""The build cache: what earlier builds made, kept by the content of everything they read.

An article's job is redone only when its key changes: the hash of the article's source,
its catalogs in every locale, each locale's template strings and glossary, the settings,
the locales built, and the code of the tool itself (its modules, templates and data). A
build whose every key is unchanged, with its bundle in place, writes nothing at all.

Files are hashed by content; a memo of (size, mtime) per file spares reading unchanged ones.
The cache lives in `.pipeline-cache/` beside pyproject.toml; deleting it only costs time.
"""

from __future__ import annotations

import functools
import hashlib
import json
import pickle
from pathlib import Path
from typing import Any, Callable, ContextManager, Iterable

from .files import exclusive_lock, write_atomic

FOLDER = ".pipeline-cache"
#: The lock that every command writing the project holds, so that they take turns.
LOCK = "project.lock"
PACKAGE = Path(__file__).resolve().parent
FORMAT = 1  # bump when what the cache holds changes shape


@functools.lru_cache(maxsize=1)
def code_version() -> str:
    """A hash of the tool's own modules, templates and data: a changed tool redoes every job."""
    digest = hashlib.blake2b(str(FORMAT).encode(), digest_size=16)
    for path in sorted(PACKAGE.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(PACKAGE).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def lock_path(root: Path) -> Path:
    """The file of the project's lock."""
    return root / FOLDER / LOCK


def project_lock(root: Path, on_wait: Callable[[], None] | None = None) -> ContextManager[None]:
    """Held while a command writes the project's outputs or catalogs (build, extract, update): one at a time."""
    return exclusive_lock(lock_path(root), on_wait)


class BuildCache:
    """Job outputs and file digests of earlier builds, in one folder."""

    def __init__(self, root: Path):
        self.folder = root / FOLDER
        self._memo_path = self.folder / "digests.json"
        self._memo_loaded: dict[str, list] | None = None  # read at first use: workers need no digests
        self._memo_changed = False

    @property
    def _memo(self) -> dict[str, list]:
        if self._memo_loaded is None:
            try:
                self._memo_loaded = json.loads(self._memo_path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                self._memo_loaded = {}
        return self._memo_loaded

    def digest(self, path: Path) -> str:
        """A file's content hash, read only when its size or time changed.

        A file that is missing or cannot be read gets a mark instead: reading it is the job of
        the code that needs it, which reports the problem with the file's name.
        """
        try:
            stat = path.stat()
        except OSError:
            return "-"
        name = str(path)
        known = self._memo.get(name)
        if known and known[0] == stat.st_size and known[1] == stat.st_mtime_ns:
            return str(known[2])
        try:
            value = hashlib.blake2b(path.read_bytes(), digest_size=16).hexdigest()
        except OSError as exc:
            return f"unreadable:{exc.errno}"
        self._memo[name] = [stat.st_size, stat.st_mtime_ns, value]
        self._memo_changed = True
        return value

    def key(self, *parts: Any, files: Iterable[Path] = ()) -> str:
        """A key from values (their repr) and the content of files."""
        digest = hashlib.blake2b(code_version().encode(), digest_size=16)
        for part in parts:
            digest.update(repr(part).encode())
            digest.update(b"\x1f")
        for path in files:
            digest.update(self.digest(path).encode())
        return digest.hexdigest()

    def load(self, name: str, key: str, part: str) -> Any | None:
        """What was stored under a name with this key (one of its parts), or None."""
        try:
            with open(self.folder / f"{name}.{part}", "rb") as handle:
                stored_key, value = pickle.load(handle)
        except (OSError, pickle.UnpicklingError, EOFError, ValueError, AttributeError, ImportError):
            return None
        return value if stored_key == key else None

    def store(self, name: str, key: str, **parts: Any) -> None:
        """Keep values under a name and key, one file per part (so each loads alone)."""
        for part, value in parts.items():
            data = pickle.dumps((key, value), protocol=pickle.HIGHEST_PROTOCOL)
            write_atomic(self.folder / f"{name}.{part}", data, durable=False)  # a lost entry only costs time

    def save(self) -> None:
        """Write the memo of file digests, when it changed."""
        if self._memo_changed:
            write_atomic(self._memo_path, json.dumps(self._memo, sort_keys=True).encode("utf-8"), durable=False)
            self._memo_changed = False
