"""The bundle's layout, in one place: where each page is written, the links between pages, paths shown to people.

    es/slug/index.html     an article in a locale
    es/index.html          a locale's index of articles
    index.html             the language chooser at the bundle's root
    assets/style.css       the shared stylesheet
    files/<hash>/calf.png  a file an article links to, named by its content (`linked.py`)

Pages are named by their locale and article (`PageAddress`); nothing else builds these
paths or reads a locale back out of one. Pages built in this run carry their locale as
data; only a page found on disk (`pipeline check a11y dist/`) is placed by its path.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

INDEX = "index.html"
ASSETS = "assets/"  # the shared files: the stylesheet, and a theme's own
STYLESHEET = ASSETS + "style.css"
LINKED_FILES = "files/"
#: Marks each unit's element while a built page is checked, so findings lead back to the
#: unit (`checks/a11y/context.py`); `render.publishable` removes the marks before the page is written.
UNIT_ATTRIBUTE = "data-unit"
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
#: The build cache's folder beside pyproject.toml (`cache.py`): named here so the settings can keep outputs apart
#: without loading the cache.
CACHE_FOLDER = ".pipeline-cache"
_LOCALE_FOLDER = re.compile(r"[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*")


def _looks_like_locale(name: str) -> bool:
    """Whether a folder's name has the shape of a BCP 47 tag (letters, digits and hyphens)."""
    return _LOCALE_FOLDER.fullmatch(name) is not None


@dataclass(frozen=True)
class PageAddress:
    """Which page of the bundle: a locale's article, a locale's index (no slug), or the root (neither)."""

    locale: str | None = None
    slug: str | None = None

    @property
    def folder(self) -> str:
        """The page's folder inside the bundle, with a trailing slash (`es/slug/`; `""` for the root)."""
        return "".join(f"{part}/" for part in (self.locale, self.slug) if part)

    @property
    def file(self) -> str:
        """The page's file inside the bundle: `es/slug/index.html`."""
        return self.folder + INDEX


def page_file(locale: str | None = None, slug: str | None = None) -> str:
    """The file of a page inside the bundle: `es/slug/index.html`, `es/index.html` or `index.html`."""
    return PageAddress(locale, slug).file


def linked_file(digest: str, name: str) -> str:
    """Where a file an article links to is copied: one folder per content, the file's own name kept."""
    return f"{LINKED_FILES}{digest}/{name}"


def locale_folder(locale: str) -> str:
    """The folder holding every page of a locale: `es/`."""
    return PageAddress(locale).folder


def address_of(file: str, is_locale: Callable[[str], bool] = _looks_like_locale) -> PageAddress | None:
    """Where a page file found on disk sits in a bundle's layout, from its last parts; None if it fits none."""
    parts = file.replace("\\", "/").split("/")
    if parts[-1] != INDEX:
        return None
    if len(parts) >= 3 and is_locale(parts[-3]) and SLUG.fullmatch(parts[-2]):
        return PageAddress(parts[-3], parts[-2])
    if len(parts) >= 2 and is_locale(parts[-2]):
        return PageAddress(parts[-2])
    return None


def served_file(path: str) -> str:
    """The file a server answers a path with: `es/slug/` is `es/slug/index.html`."""
    if not path or path.endswith("/"):
        return posixpath.normpath(path + INDEX)
    return posixpath.normpath(path)


def folder_of(file: str) -> str:
    """The folder a page file serves as a directory URL: `es/slug/index.html` is `es/slug/`."""
    return file[: -len(INDEX)] if file.endswith(INDEX) else file


@dataclass(frozen=True)
class Links:
    """How pages link to one another and are addressed from outside."""

    base_url: str = ""  # the address the bundle is published under, with a trailing slash; "" if unknown
    #: Link a page by its folder (`es/slug/`, as a server answers it) rather than its file
    #: (`es/slug/index.html`, which a file browser opens too).
    directory_urls: bool = False

    def href(self, origin: str, target: str) -> str:
        """A link from one bundle file to another: down into the origin's folder directly, else by the root."""
        here = origin.rpartition("/")[0] + "/" if "/" in origin else ""
        folder = folder_of(target)
        shown = folder if self.directory_urls else target
        if here and folder.startswith(here) and folder != here:
            return shown[len(here):]
        return "../" * origin.count("/") + shown

    def url(self, file: str) -> str:
        """A page's absolute URL, written as its links are; only when the bundle's address (`base_url`) is known."""
        assert self.base_url, "absolute URLs need base_url"
        return self.base_url + (folder_of(file) if self.directory_urls else file)


def shown_path(path: Path, root: Path) -> str:
    """A path as people read it in messages and reports: relative to the project root, with forward slashes."""
    for base, full in ((root, path), (root.resolve(), path.resolve())):
        try:
            return full.relative_to(base).as_posix()
        except ValueError:
            continue
    return path.as_posix()
