"""Whether a build has anything to do: the keys of its jobs and of the build as a whole.

Kept apart from `build.py` so that a build with nothing to do does not even import the
checks and renderers (textstat alone takes a third of a second to import).
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Sequence

from .cache import BuildCache
from .catalogs import UI_DOMAIN, CatalogTree
from .config import Settings
from .sources import source_files

LAST_BUILD = "last-build"


def job_key(cache: BuildCache, settings: Settings, source: Path, wanted: Sequence[str]) -> str:
    """What an article's job depends on: its source, and per locale its catalog, template strings and glossary."""
    folders, shared = _locale_files(settings.path("locales_dir"), settings.locales)
    files = [source, *(folder / f"{source.stem}.po" for folder in folders), *shared, *settings.theme.own_files()]
    return cache.key(_fields(settings), tuple(wanted), source.name, files=files)


@functools.lru_cache(maxsize=8)
def _locale_files(locales_dir: Path, locales: tuple[str, ...]) -> tuple[tuple[Path, ...], tuple[Path, ...]]:
    """Each locale's catalog folder, and the files every article's job reads: template strings, glossaries."""
    tree = CatalogTree(locales_dir, locales_dir)
    folders = tuple(tree.po(locale, UI_DOMAIN).parent for locale in locales)
    shared = tuple(path for folder in folders for path in (folder / f"{UI_DOMAIN}.po", folder.parent / "glossary.csv"))
    return folders, shared


def last_build(cache: BuildCache, settings: Settings, wanted: Sequence[str], make_zip: bool) -> dict | None:
    """What the last build recorded, when every input and output is as it left them; else None."""
    sources = source_files(settings.path("source_dir"), settings.root)
    jobs = [job_key(cache, settings, path, wanted) for path in sources]
    last = cache.load(LAST_BUILD, _build_key(cache, settings, wanted, make_zip, jobs), "last")
    if last is None or not all((settings.path("dist_dir") / path).exists() for path in last["files"]):
        return None
    return last


def record_build(
    cache: BuildCache, settings: Settings, wanted: Sequence[str], make_zip: bool, jobs: list[str], record: dict
) -> None:
    """Keep what a build found, for a later build with nothing to do (its key includes what was written)."""
    cache.store(LAST_BUILD, _build_key(cache, settings, wanted, make_zip, jobs), last=record)
    cache.save()


def baseline_path(settings: Settings) -> Path:
    """Where the accepted findings are kept."""
    return settings.path("reports_dir") / "baseline.json"


def _build_key(cache: BuildCache, settings: Settings, wanted: Sequence[str], make_zip: bool, jobs: list[str]) -> str:
    """Everything a build reads and the main files it writes: equal keys mean nothing to do."""
    tree = CatalogTree(settings.root, settings.path("locales_dir"))
    written = [settings.path("dist_dir") / "manifest.json", settings.path("reports_dir") / "report.json",
               settings.path("reports_dir") / "report.sarif"]
    ui = [tree.po(locale, UI_DOMAIN) for locale in settings.locales]
    # What the build wrote is recognised by size and time (hashing hundreds of megabytes of
    # reports would cost more than it tells); what it reads, by content.
    stamps = [_stamp(path) for path in written]
    return cache.key(_fields(settings), tuple(wanted), make_zip, jobs, stamps, files=[*ui, baseline_path(settings), *settings.theme.own_files()])


def _fields(settings: Settings) -> dict:
    """The settings that shape a build's output (the project's location aside)."""
    return {k: v for k, v in vars(settings).items() if k != "root"}


def _stamp(path: Path) -> tuple[int, int] | None:
    """A file's size and modification time, or None when it is missing."""
    try:
        stat = path.stat()
    except OSError:
        return None
    return stat.st_size, stat.st_mtime_ns
