"""Writing `dist/`: into a temporary folder beside it, swapped in only when complete.

A build that fails or is killed leaves the previous `dist/` as it was. The swap is one
system call where Linux has it (`renameat2` with RENAME_EXCHANGE); elsewhere two renames,
and a build killed between them has the previous bundle put back by the next one. The
bundle's manifest says what it holds: a page is reused from it only when the manifest
has the very bytes the cache expects. The files of a bundle are deterministic: sorted,
with no dates, so two builds of one input are identical.
"""

from __future__ import annotations

import ctypes
import errno
import functools
import hashlib
import io
import os
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path
from types import TracebackType
from typing import Any

import msgspec

from .errors import OutputError
from .files import fault_point

MANIFEST = "manifest.json"
STAGING_PREFIX = ".staging-"
RETIRED_PREFIX = ".retired-"
ZIP_DATE = (1980, 1, 1, 0, 0, 0)  # the earliest date a zip can hold: archives never change by date


class BundleWriter:
    """Collects a bundle's files in a staging folder and publishes them in one swap.

    Use as a context manager: leaving the block normally publishes, an exception discards.
    """

    def __init__(self, target: Path):
        self.target = target
        self._folders: set[str] = set()  # folders of the staging bundle known to exist (bundle paths)
        self.hashes: dict[str, str] = {}  # bundle path -> sha256 of its bytes
        self.staging: Path | None = None
        self._published: dict[str, str] | None = None  # what the bundle in place holds, read at first reuse

    def __enter__(self) -> "BundleWriter":
        parent = self.target.parent
        try:
            parent.mkdir(parents=True, exist_ok=True)
            _recover_leftovers(parent, self.target.name)
            self.staging = Path(tempfile.mkdtemp(prefix=f"{STAGING_PREFIX}{self.target.name}-", dir=parent))
            self.staging.chmod(0o755)  # mkdtemp makes it private; a published site is not
        except OSError as exc:
            raise OutputError(f"cannot write the bundle here: {exc.strerror or exc}", parent) from None
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        assert self.staging is not None
        if kind is None:
            self._publish()
        else:
            shutil.rmtree(self.staging, ignore_errors=True)

    def write(self, path: str, content: str | bytes) -> None:
        """Write one file of the bundle (`es/slug/index.html`)."""
        assert self.staging is not None, "use BundleWriter as a context manager"
        self.hashes[path] = write_into(self.staging, path, content)

    def written(self, files: dict[str, str]) -> None:
        """Record files another process wrote into the staging folder (path -> sha256)."""
        self.hashes.update(files)

    def reuse(self, files: dict[str, str]) -> bool:
        """Take unchanged files from the bundle in place (hard links); False if one is not there as expected.

        A file is there as expected when the manifest of the bundle in place (written with it,
        swapped in with it) gives it the same hash: a job whose pages a killed build never
        published is run again.
        """
        assert self.staging is not None
        published = self._in_place()
        if not all(_is_bundle_path(path) and published.get(path) == digest for path, digest in files.items()):
            return False
        # Paths as strings, not Path objects: a rebuild links a thousand pages, and pathlib's
        # joins, parents and hashes cost more than the links themselves.
        staging, target, hashes = os.fspath(self.staging), os.fspath(self.target), self.hashes
        for path, digest in files.items():
            if hashes.get(path) == digest:
                continue  # a file several articles share (an image they link), in place already
            folder = path.rpartition("/")[0]
            destination = f"{staging}/{path}"
            try:
                if folder and folder not in self._folders:
                    os.makedirs(f"{staging}/{folder}", exist_ok=True)
                    self._folders.add(folder)
                os.link(f"{target}/{path}", destination)
            except FileNotFoundError:
                return False
            except OSError:  # another file system, or links not allowed: copy instead
                try:
                    shutil.copyfile(f"{target}/{path}", destination)
                except OSError:
                    return False
        self.hashes.update(files)
        return True

    def publishes(self, path: str, content: str) -> bool:
        """Whether the bundle in place holds this file with this content, by its manifest (a cached page is not trusted)."""
        return self._in_place().get(path) == hashlib.sha256(content.encode("utf-8")).hexdigest()

    def _in_place(self) -> dict[str, str]:
        """What the bundle in place holds (path -> sha256), read once."""
        if self._published is None:
            self._published = published_files(self.target)
        return self._published

    def _publish(self) -> None:
        """Swap the staging folder in for the target; the old one is removed after."""
        assert self.staging is not None
        fault_point("swap", self.target)
        retired = None
        try:
            if self.target.exists():
                retired = Path(tempfile.mkdtemp(prefix=f"{RETIRED_PREFIX}{self.target.name}-", dir=self.target.parent))
                if _exchange(self.staging, self.target):  # one step: the staging folder holds the previous bundle
                    fault_point("retire", self.staging)
                    os.replace(self.staging, retired / self.target.name)
                    _delete_in_background(retired)
                    return
                os.replace(self.target, retired / self.target.name)
                fault_point("swap", self.target)  # between the two renames: the next build puts it back
            os.replace(self.staging, self.target)
        except OSError as exc:
            if retired is not None and not self.target.exists():
                os.replace(retired / self.target.name, self.target)  # put the previous bundle back
            shutil.rmtree(self.staging, ignore_errors=True)
            raise OutputError(f"cannot replace the bundle: {exc.strerror or exc}", self.target) from None
        if retired is not None:
            _delete_in_background(retired)


class _PublishedFile(msgspec.Struct):
    sha256: str


class _Manifest(msgspec.Struct):
    files: dict[str, _PublishedFile]


def published_files(target: Path) -> dict[str, str]:
    """What the bundle in place holds by its manifest (path -> sha256); empty when it has none that reads."""
    try:
        manifest = msgspec.json.decode((target / MANIFEST).read_bytes(), type=_Manifest)
    except (OSError, msgspec.DecodeError):
        return {}
    return {path: entry.sha256 for path, entry in manifest.files.items()}


def _is_bundle_path(path: str) -> bool:
    """Whether a path stays inside the bundle: relative, forward slashes, no `..` (cache entries are not trusted)."""
    parts = path.split("/")
    return bool(path) and not path.startswith("/") and "\\" not in path and all(p not in ("", ".", "..") for p in parts)


#: renameat2(2) flags and the "current folder" file descriptor, from <linux/fs.h> and <fcntl.h>.
_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


@functools.lru_cache(maxsize=1)
def _renameat2() -> Any:
    """glibc's renameat2, or None where the C library has none."""
    try:
        function = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return None
    function.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    function.restype = ctypes.c_int
    return function


def _exchange(first: Path, second: Path) -> bool:
    """Swap two folders in one step (Linux 3.15 and later, on most file systems); False where it cannot be done."""
    function = _renameat2()
    if function is None:
        return False
    if function(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE) == 0:
        return True
    error = ctypes.get_errno()
    if error in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP):
        return False  # the kernel or the file system cannot: two renames instead
    raise OutputError(f"cannot replace the bundle: {os.strerror(error)}", second)


def _delete_in_background(folder: Path) -> None:
    """Delete a retired bundle in a process of its own: thousands of files need not hold up the build.

    Should it be stopped first, the next build deletes what is left (`_recover_leftovers`).
    """
    try:
        subprocess.Popen(["rm", "-rf", "--", str(folder)], start_new_session=True,
                         stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    except OSError:
        shutil.rmtree(folder, ignore_errors=True)


def is_bundle_path(path: str) -> bool:
    """Whether a path stays inside the bundle: relative, forward slashes, no `..` (records are not trusted)."""
    parts = path.split("/")
    return bool(path) and not path.startswith("/") and "\\" not in path and all(p not in ("", ".", "..") for p in parts)


def write_into(folder: Path, path: str, content: str | bytes) -> str:
    """Write one file below a folder; its sha256. Safe to call from several processes at once."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    destination = folder / path
    try:
        fault_point("write", destination)
        destination.parent.mkdir(parents=True, exist_ok=True)
        destination.unlink(missing_ok=True)  # it may be a hard link into the previous bundle: never write through
        destination.write_bytes(data)
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}", folder) from None
    return hashlib.sha256(data).hexdigest()


def _recover_leftovers(parent: Path, name: str) -> None:
    """Clean up after a build killed while publishing: restore the bundle, drop the rest."""
    if not (parent / name).exists():
        for retired in sorted(parent.glob(f"{RETIRED_PREFIX}{name}-*/{name}")):
            os.replace(retired, parent / name)
            break
    for prefix in (STAGING_PREFIX, RETIRED_PREFIX):
        for leftover in parent.glob(f"{prefix}{name}-*"):
            shutil.rmtree(leftover, ignore_errors=True)


def sitemap_xml(urls: dict[str, dict[str, str]]) -> str:
    """A sitemap with hreflang alternates: page URL -> {hreflang: URL of each edition}."""
    from xml.sax.saxutils import escape  # it loads urllib.request (http, ssl, email): a no-op build does not wait

    attributes: dict[str, str] = {}  # each URL is an alternate of every edition: escaped once

    def attribute(value: str) -> str:
        """A value escaped for a double-quoted XML attribute."""
        escaped = attributes.get(value)
        if escaped is None:
            escaped = attributes[value] = escape(value, {'"': "&quot;"})
        return escaped

    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ]
    for url, alternates in urls.items():
        lines.append(f"  <url>\n    <loc>{escape(url)}</loc>")
        lines += [f'    <xhtml:link rel="alternate" hreflang="{attribute(hreflang)}" href="{attribute(href)}"/>'
                  for hreflang, href in alternates.items()]
        lines.append("  </url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def zip_archive(files: dict[str, bytes]) -> bytes:
    """A deterministic zip: sorted names, one fixed date, fixed permissions and compression."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, files[name])
    return buffer.getvalue()
