"""Where a project's inputs are: its source articles and its catalogs, found without reading them.

    source/<name>.md                         an article (its slug is in its front matter)
    locales/templates/<domain>.pot           a domain's template: an article's slug, or `ui`
    locales/<locale>/LC_MESSAGES/<domain>.po a domain's catalog in a locale

Kept apart from `sources.py` and `catalogs/`, which read these files (with YAML, markdown-it and
polib), so that a build with nothing to do finds its inputs without loading their readers.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Protocol

from .errors import SourceError
from .layout import shown_path
from .locales import parse_locale

#: The domain of the templates' own strings (the HTML chrome), beside one domain per article.
UI_DOMAIN = "ui"


class ProjectFolders(Protocol):
    """What a project's settings say of its folders (`config.Settings` is one)."""

    root: Path

    def path(self, key: str) -> Path: ...


@dataclass(frozen=True)
class CatalogTree:
    """Where the catalogs of a project live."""

    root: Path  # the project root, for the paths reports show
    folder: Path  # the locales folder

    @classmethod
    def of(cls, project: ProjectFolders) -> CatalogTree:
        """The catalogs of a project: its `locales_dir`."""
        return cls(project.root, project.path("locales_dir"))

    def pot(self, domain: str) -> Path:
        """The template of a domain (an article's slug, or `ui`)."""
        return self.folder / "templates" / f"{domain}.pot"

    def po(self, locale: str, domain: str) -> Path:
        """The catalog of a domain in a locale (its folder named as settings spell the locale: `pt-BR`)."""
        return self.folder / parse_locale(locale).code / "LC_MESSAGES" / f"{domain}.po"

    def rel(self, path: Path) -> str:
        """A path as reports show it: relative to the project root."""
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()


def source_files(source_dir: Path, root: Path) -> list[Path]:
    """The article files of the source folder, sorted; links that leave the folder are refused."""
    if not source_dir.is_dir():
        raise SourceError("source folder not found (set source_dir in [tool.pipeline])", shown_path(source_dir, root))
    folder = source_dir.resolve()
    files = sorted(source_dir.glob("*.md"))
    for path in files:
        if not path.resolve().is_relative_to(folder):
            raise SourceError(f"is a link to {path.resolve()}, outside the source folder", shown_path(path, root))
    if not files:
        raise SourceError("no articles (*.md files) in the source folder", shown_path(source_dir, root))
    return files


def check_unique_slugs(slugs: Iterable[tuple[str, str]]) -> None:
    """Refuse two articles with one slug: (slug, file) pairs in file order."""
    seen: dict[str, str] = {}
    for slug, file in slugs:
        if slug in seen:
            raise SourceError(f"slug {slug!r} is already used by {seen[slug]}", file)
        seen[slug] = file
