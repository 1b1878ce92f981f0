"""Writing `dist/`: into a temporary folder beside it, swapped in only when complete.

A build that fails or is killed leaves the previous `dist/` as it was. The files of a
bundle are deterministic: sorted, with no dates, so two builds of one input are identical.
"""

from __future__ import annotations

import hashlib
import io
import os
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path
from types import TracebackType
from xml.sax.saxutils import escape

from .errors import OutputError

STAGING_PREFIX = ".staging-"
RETIRED_PREFIX = ".retired-"
ZIP_DATE = (1980, 1, 1, 0, 0, 0)  # the earliest date a zip can hold: archives never change by date


class BundleWriter:
    """Collects a bundle's files in a staging folder and publishes them in one swap.

    Use as a context manager: leaving the block normally publishes, an exception discards.
    """

    def __init__(self, target: Path):
        self.target = target
        self._folders: set[Path] = set()  # folders of the staging bundle known to exist
        self.hashes: dict[str, str] = {}  # bundle path -> sha256 of its bytes
        self.staging: Path | None = None

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
        """Take unchanged files from the bundle in place (hard links); False if one is missing."""
        assert self.staging is not None
        for path in files:
            destination = self.staging / path
            try:
                if destination.parent not in self._folders:
                    destination.parent.mkdir(parents=True, exist_ok=True)
                    self._folders.add(destination.parent)
                os.link(self.target / path, destination)
            except FileNotFoundError:
                return False
            except OSError:  # another file system, or links not allowed: copy instead
                try:
                    shutil.copyfile(self.target / path, destination)
                except OSError:
                    return False
        self.hashes.update(files)
        return True

    def _publish(self) -> None:
        """Swap the staging folder in for the target; the old one is removed after."""
        assert self.staging is not None
        retired = None
        try:
            if self.target.exists():
                retired = Path(tempfile.mkdtemp(prefix=f"{RETIRED_PREFIX}{self.target.name}-", dir=self.target.parent))
                os.replace(self.target, retired / self.target.name)
            os.replace(self.staging, self.target)
        except OSError as exc:
            if retired is not None and not self.target.exists():
                os.replace(retired / self.target.name, self.target)  # put the previous bundle back
            shutil.rmtree(self.staging, ignore_errors=True)
            raise OutputError(f"cannot replace the bundle: {exc.strerror or exc}", self.target) from None
        if retired is not None:
            _delete_in_background(retired)


def _delete_in_background(folder: Path) -> None:
    """Delete a retired bundle in a process of its own: thousands of files need not hold up the build.

    Should it be stopped first, the next build deletes what is left (`_recover_leftovers`).
    """
    try:
        subprocess.Popen(["rm", "-rf", "--", str(folder)], start_new_session=True,
                         stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    except OSError:
        shutil.rmtree(folder, ignore_errors=True)


def write_into(folder: Path, path: str, content: str | bytes) -> str:
    """Write one file below a folder; its sha256. Safe to call from several processes at once."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    destination = folder / path
    try:
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
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ]
    for url, alternates in urls.items():
        lines.append(f"  <url>\n    <loc>{escape(url)}</loc>")
        for hreflang, href in alternates.items():
            lines.append(f'    <xhtml:link rel="alternate" hreflang="{_attribute(hreflang)}" href="{_attribute(href)}"/>')
        lines.append("  </url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def _attribute(value: str) -> str:
    """A value escaped for a double-quoted XML attribute."""
    return escape(value, {'"': "&quot;"})


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
