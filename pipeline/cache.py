"""The build cache: what earlier builds made, kept by the content of everything they read.

An article's job is redone only when its key changes: the hash of the article's source,
its catalogs in every locale, each locale's template strings and glossary, the settings,
the locales built, and the code of the tool itself (its modules, templates and data) and of
what it runs on: the Python version and Unicode data, and the version of every distribution it
depends on (a cache restored onto a runner with another Babel, lxml or textstat is not reused). A
build whose every key is unchanged, with its bundle in place, writes nothing at all.

Entries are data, never code: each kind of entry is declared once (`CacheEntry`, beside the
type it holds), stored as MessagePack and decoded into that type, checked field by field;
an entry that does not decode — planted, truncated, of an older shape — is a miss.
Files are hashed by content; their stat (size, times, inode) only spares hashing a file
seen before, and a file changed too recently for its times to tell is hashed again.
The cache lives in `.pipeline-cache/` beside pyproject.toml; deleting it only costs time.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import stat
import sys
import time
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, ContextManager, Generic, Iterable, Sequence, TypeVar

import msgspec

from .errors import OutputError
from .files import exclusive_lock, write_atomic
from .layout import CACHE_FOLDER

FOLDER = CACHE_FOLDER
#: The lock that every command writing the project holds, so that they take turns.
LOCK = "project.lock"
PACKAGE = Path(__file__).resolve().parent
FORMAT = 3  # bump when what the cache holds changes shape
#: An entry larger than this is not read (none is near it: a 5 MB article's job is a few MB).
MAX_ENTRY_BYTES = 512 * 2**20
#: A file whose status changed this recently may change again within one tick of the clock
#: without its times showing it: it is hashed every time until it is older (as git does).
RACY_NS = 2_000_000_000

Value = TypeVar("Value")
#: What the memo keeps of a file: size, modification and change times, inode, content hash.
Stat = tuple[int, int, int, int]


@dataclass(frozen=True)
class CacheEntry(Generic[Value]):
    """A kind of value the cache keeps: its name (a folder of the cache) and the type it decodes to."""

    name: str
    type: Any


DIGESTS: CacheEntry[dict[str, tuple[int, int, int, int, str]]] = CacheEntry("digests", dict[str, tuple[int, int, int, int, str]])


@functools.lru_cache(maxsize=1)
def package_files() -> tuple[Path, ...]:
    """The tool's own modules, templates and data, sorted."""
    return tuple(sorted(p for p in PACKAGE.rglob("*") if p.is_file() and "__pycache__" not in p.parts))


#: The distributions the tool runs on, its dependencies and theirs (normalized names, as in `*.dist-info`
#: folders; tests/test_cache.py holds them equal to the installed tool's requirements, followed through).
DEPENDENCIES = frozenset(
    "anyio babel beautifulsoup4 click cloudpickle cssselect2 defusedxml filelock idna jinja2 joblib lxml "
    "markdown_it_py markupsafe mdit_py_plugins mdurl msgspec nh3 nltk platformdirs polib pyphen python_bidi "
    "pyyaml rapidfuzz regex selectolax setuptools soupsieve text2num textstat tinycss2 tqdm typing_extensions "
    "unicode_segmentation_rs watchfiles webencodings".split())


def runtime_versions() -> tuple[str, ...]:
    """What the tool's results also depend on: Python's version, its Unicode data, and the name and version of
    each distribution it runs on (their `*.dist-info` folders on the path: listed, not read, not imported)."""
    installed = set()
    for folder in sys.path:
        try:
            names = os.listdir(folder or ".")
        except OSError:  # a zip, a folder that is not there
            continue
        installed.update(name for name in names if name.endswith(".dist-info")
                         and name.partition("-")[0].lower().replace(".", "_") in DEPENDENCIES)
    return (sys.version.split()[0], unicodedata.unidata_version, *sorted(installed))


#: The code version of this process's tool, once computed (see `BuildCache.code_version`).
_CODE_VERSION: dict[Path, str] = {}


def lock_path(root: Path) -> Path:
    """The file of the project's lock."""
    return root / FOLDER / LOCK


def project_lock(root: Path, on_wait: Callable[[], None] | None = None) -> ContextManager[None]:
    """Held while a command writes the project's outputs or catalogs (build, extract, update): one at a time."""
    return exclusive_lock(lock_path(root), on_wait)


def file_stat(path: Path) -> Stat | None:
    """What tells a file's versions apart without reading it: size, both times, inode; None when missing.

    Restoring a modification time (as `touch -r` or some editors do) still changes the change time.
    """
    try:
        stat = path.stat()
    except OSError:
        return None
    return stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino


class BuildCache:
    """Job outputs and file digests of earlier builds, in one folder."""

    def __init__(self, root: Path):
        self.folder = root / FOLDER
        self._memo_loaded: dict[str, tuple[int, int, int, int, str]] | None = None  # read at first use
        self._memo_changed = False

    @property
    def _memo(self) -> dict[str, tuple[int, int, int, int, str]]:
        if self._memo_loaded is None:
            self._memo_loaded = self.load(DIGESTS, (), "") or {}
        return self._memo_loaded

    def digest(self, path: Path) -> str:
        """A file's content hash; a file whose stat is as it was when last hashed is not read again.

        A file that is missing or cannot be read gets a mark instead: reading it is the job of
        the code that needs it, which reports the problem with the file's name.
        """
        stat = file_stat(path)
        if stat is None:
            return "-"
        name = str(path)
        known = self._memo.get(name)
        if known is not None and known[:4] == stat:
            return known[4]
        try:
            value = hashlib.blake2b(path.read_bytes(), digest_size=16).hexdigest()
        except OSError as exc:
            return f"unreadable:{exc.errno}"
        if stat[2] < time.time_ns() - RACY_NS:
            self._memo[name] = (*stat, value)
            self._memo_changed = True
        return value

    def key(self, *parts: Any, files: Iterable[Path] = ()) -> str:
        """A key from values (their repr) and the content of files."""
        digest = hashlib.blake2b(self.code_version().encode(), digest_size=16)
        for part in parts:
            digest.update(repr(part).encode())
            digest.update(b"\x1f")
        for path in files:
            digest.update(self.digest(path).encode())
        return digest.hexdigest()

    def code_version(self) -> str:
        """A hash of the tool's own modules, templates and data: a changed tool redoes every job.

        Each file is hashed as an input is (read again only when its stat changed), once per process.
        """
        if PACKAGE not in _CODE_VERSION:
            digest = hashlib.blake2b(str(FORMAT).encode(), digest_size=16)
            digest.update(repr(runtime_versions()).encode())
            for path in package_files():
                digest.update(path.relative_to(PACKAGE).as_posix().encode())
                digest.update(self.digest(path).encode())
            _CODE_VERSION[PACKAGE] = digest.hexdigest()
        return _CODE_VERSION[PACKAGE]

    def load(self, entry: CacheEntry[Value], item: Sequence[str], key: str) -> Value | None:
        """The value kept for an item (an article's slug, a page's path…) under this key, or None.

        None too for an entry that does not decode into the entry's type, whatever its bytes.
        """
        try:
            data = _read_entry(self._path(entry, item))
            if data is None:
                return None
            version, name, stored_item, stored_key, raw = msgspec.msgpack.decode(data, type=_Envelope)
            if (version, name, stored_item, stored_key) != (FORMAT, entry.name, list(item), key):
                return None
            return msgspec.msgpack.decode(raw, type=entry.type)
        except (OSError, msgspec.DecodeError, ValueError, TypeError, RecursionError):  # ValidationError is a DecodeError
            return None

    def holds(self, entry: CacheEntry[Any], item: Sequence[str]) -> bool:
        """Whether a value is kept for an item, under any key."""
        return self._path(entry, item).is_file()

    def store(self, entry: CacheEntry[Value], item: Sequence[str], key: str, value: Value) -> None:
        """Keep a value for an item under a key (each item in a file of its own, so each loads alone)."""
        data = msgspec.msgpack.encode((FORMAT, entry.name, list(item), key, msgspec.Raw(msgspec.msgpack.encode(value))))
        with contextlib.suppress(OutputError):  # a full disk, or something planted in the way: a lost entry only costs time
            write_atomic(self._path(entry, item), data, durable=False)

    def save(self) -> None:
        """Write the memo of file digests, when it changed."""
        if self._memo_changed:
            self.store(DIGESTS, (), "", dict(sorted(self._memo.items())))
            self._memo_changed = False

    def _path(self, entry: CacheEntry[Any], item: Sequence[str]) -> Path:
        """An item's file: named by a hash, so that no slug or page path can lead elsewhere."""
        name = hashlib.blake2b("\x1f".join(item).encode(), digest_size=16).hexdigest()
        return self.folder / entry.name / f"{name}.msgpack"


_Envelope = tuple[int, str, list[str], str, msgspec.Raw]


def _read_entry(path: Path) -> bytes | None:
    """An entry's bytes; None unless it is a regular file of a sane size (a planted link to /dev/zero or a FIFO is not)."""
    descriptor = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    with os.fdopen(descriptor, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_ENTRY_BYTES:
            return None
        return handle.read(MAX_ENTRY_BYTES + 1)


def stat_of(paths: Iterable[Path]) -> dict[str, Stat | None]:
    """Each file's stat, by path: how a build recognises the files it wrote without hashing them."""
    return {str(path): file_stat(path) for path in paths}
