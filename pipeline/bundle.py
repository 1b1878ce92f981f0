"""Writing `dist/`: into a temporary folder beside it, swapped in only when complete.

A build that fails or is killed leaves the previous `dist/` as it was. The files of a
bundle are deterministic: sorted, with no dates, so two builds of one input are identical.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from pathlib import Path
from types import TracebackType

from .errors import OutputError

STAGING_PREFIX = ".staging-"
RETIRED_PREFIX = ".retired-"


class BundleWriter:
    """Collects a bundle's files in a staging folder and publishes them in one swap.

    Use as a context manager: leaving the block normally publishes, an exception discards.
    """

    def __init__(self, target: Path):
        self.target = target
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
        data = content.encode("utf-8") if isinstance(content, str) else content
        destination = self.staging / path
        try:
            destination.parent.mkdir(parents=True, exist_ok=True)
            destination.write_bytes(data)
        except OSError as exc:
            raise OutputError(f"cannot write {path}: {exc.strerror or exc}", self.target) from None
        self.hashes[path] = hashlib.sha256(data).hexdigest()

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
            shutil.rmtree(retired, ignore_errors=True)


def _recover_leftovers(parent: Path, name: str) -> None:
    """Clean up after a build killed while publishing: restore the bundle, drop the rest."""
    if not (parent / name).exists():
        for retired in sorted(parent.glob(f"{RETIRED_PREFIX}{name}-*/{name}")):
            os.replace(retired, parent / name)
            break
    for prefix in (STAGING_PREFIX, RETIRED_PREFIX):
        for leftover in parent.glob(f"{prefix}{name}-*"):
            shutil.rmtree(leftover, ignore_errors=True)
