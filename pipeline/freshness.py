"""Whether a build has anything to do: the keys of its jobs and of the build as a whole.

Kept apart from `build.py` so that a build with nothing to do does not even import the
checks and renderers (textstat alone takes a third of a second to import).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from .bundle import MANIFEST
from .cache import BuildCache, CacheEntry, Stat, file_stat
from .config import Settings
from .layout import shown_path
from .model import Finding
from .project import UI_DOMAIN, CatalogTree, source_files


def job_keys(cache: BuildCache, settings: Settings, sources: Sequence[Path], wanted: Sequence[str]) -> list[str]:
    """Every article's job key: its source and its catalog in every locale, and what every job reads alike —
    the settings, each locale's template strings and glossary, the theme's own files and the files beside the
    articles (images, PDFs they may link), hashed once for all: a changed image builds every article again."""
    folders, _ = _catalog_inputs(settings.path("locales_dir"), settings.locales)
    common = common_key(cache, settings, wanted)
    return [cache.key(common, source.name, files=[source, *(folder / f"{source.stem}.po" for folder in folders)])
            for source in sources]


def common_key(cache: BuildCache, settings: Settings, wanted: Sequence[str]) -> str:
    """The key of what every job reads alike (see `job_keys`), and so does the check of the templates' strings."""
    _, shared = _catalog_inputs(settings.path("locales_dir"), settings.locales)
    media = sorted(p for p in settings.path("source_dir").rglob("*") if p.suffix != ".md" and p.is_file())
    return cache.key(_fields(settings), tuple(wanted), files=[*shared, *settings.theme.own_files(), *media])


def inputs_key(cache: BuildCache, settings: Settings, wanted: Sequence[str], make_zip: bool) -> str:
    """The key of everything a whole build reads, which tells the shards of one build from another's.

    The settings and options, the tool's code, and by name and content every file of the
    source folder, every catalog and glossary, and the theme's own files.
    """
    folders, shared = _catalog_inputs(settings.path("locales_dir"), settings.locales)
    sources = sorted(path for path in settings.path("source_dir").rglob("*") if path.is_file())
    catalogs = [path for folder in folders for path in sorted(folder.glob("*.po"))]
    files = list(dict.fromkeys([*sources, *catalogs, *shared, *settings.theme.own_files()]))
    names = [shown_path(path, settings.root) for path in files]
    return cache.key(_fields(settings), tuple(wanted), make_zip, names, files=files)


@functools.lru_cache(maxsize=8)
def _catalog_inputs(locales_dir: Path, locales: tuple[str, ...]) -> tuple[tuple[Path, ...], tuple[Path, ...]]:
    """Each locale's catalog folder, and the files every article's job reads: template strings, glossaries."""
    tree = CatalogTree(locales_dir, locales_dir)
    folders = tuple(tree.po(locale, UI_DOMAIN).parent for locale in locales)
    shared = tuple(path for folder in folders for path in (folder / f"{UI_DOMAIN}.po", folder.parent / "glossary.csv"))
    return folders, shared


@dataclass(frozen=True)
class LastBuild:
    """What a build found and wrote, kept for a later build with nothing to do."""

    failing: list[Finding]  # the findings at or above the failing severity
    figures: dict  # see summary.assemble_figures
    files: dict[str, str]  # the bundle: path -> sha256
    reports: list[str]  # the main report files, as shown (relative to the project)
    written: dict[str, Stat | None]  # those and the manifest: path -> stat when written


LAST_BUILD: CacheEntry[LastBuild] = CacheEntry("last-build", LastBuild)


def last_build(cache: BuildCache, settings: Settings, wanted: Sequence[str], make_zip: bool) -> LastBuild | None:
    """What the last build recorded, when every input and output is as it left them; else None."""
    sources = source_files(settings.path("source_dir"), settings.root)
    jobs = job_keys(cache, settings, sources, wanted)
    last = cache.load(LAST_BUILD, (), _build_key(cache, settings, wanted, make_zip, jobs))
    if last is None or any(file_stat(settings.root / path) != stat for path, stat in last.written.items()):
        return None  # what it wrote was changed, or replaced by a build without the cache
    if not all((settings.path("dist_dir") / path).exists() for path in last.files):
        return None
    return last


def record_build(
    cache: BuildCache,
    settings: Settings,
    wanted: Sequence[str],
    make_zip: bool,
    jobs: list[str],
    record: LastBuild,
) -> None:
    """Keep what a build found, once its bundle is in place, for a later build with nothing to do."""
    cache.store(LAST_BUILD, (), _build_key(cache, settings, wanted, make_zip, jobs), record)
    cache.save()


def written_stats(settings: Settings, reports: Sequence[str]) -> dict[str, Stat | None]:
    """The stat of the files a build wrote that a later one must find as they were: the reports and manifest.

    The reports module says which report files it wrote (`reports`, relative to the project).
    """
    manifest = settings.path("dist_dir") / MANIFEST
    return {path: file_stat(settings.root / path) for path in (*reports, manifest.relative_to(settings.root).as_posix())}


def baseline_path(settings: Settings) -> Path:
    """Where the accepted findings are kept."""
    return settings.path("reports_dir") / "baseline.json"


def _build_key(cache: BuildCache, settings: Settings, wanted: Sequence[str], make_zip: bool, jobs: list[str]) -> str:
    """Everything a build reads: equal keys, and outputs as they were written, mean nothing to do."""
    tree = CatalogTree.of(settings)
    ui = [tree.po(locale, UI_DOMAIN) for locale in settings.locales]
    files = [*ui, baseline_path(settings), *settings.theme.own_files()]
    return cache.key(_fields(settings), tuple(wanted), make_zip, jobs, files=files)


def _fields(settings: Settings) -> dict:
    """The settings that shape a build's output (the project's location aside)."""
    return {k: v for k, v in vars(settings).items() if k != "root"}
