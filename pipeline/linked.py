"""Files an article links to — images, PDFs — copied into the bundle once, named by their content.

A relative image or link in the source names a file beside the article
(`images/calf.png`). The build copies it to `files/<hash>/calf.png`, which every page
shares, and every article that links the same bytes; a file `images/calf.es.png` beside it
replaces it on the Spanish pages. A missing file, or one outside the source folder, is an
error at the Markdown line that links it, and the link stays as written.
"""

from __future__ import annotations

import hashlib
import posixpath
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator, Mapping
from urllib.parse import quote, unquote

from markdown_it.token import Token

from .layout import linked_file
from .markdown import link_scheme, parsed_document
from .model import Article, Finding

#: Link targets that are pages, not files to copy (other articles, folders).
PAGE_SUFFIXES = frozenset({"", ".md", ".html", ".htm"})


@dataclass
class LinkedFiles:
    """An article's local files: what to copy into the bundle, and each locale's link targets."""

    copies: dict[str, Path] = field(default_factory=dict)  # bundle path -> the file to copy there
    targets: dict[str, dict[str, str]] = field(default_factory=dict)  # locale -> {target as parsed: bundle path}
    findings: list[Finding] = field(default_factory=list)

    def for_locale(self, locale: str) -> dict[str, str]:
        """The link targets of a locale's pages: {target as parsed: bundle path}."""
        return self.targets.get(locale, {})


def linked_files(article: Article, source_dir: Path, locales: Iterable[str]) -> LinkedFiles:
    """The files an article's source links to, found beside it, with each locale's own version where there is one."""
    found = LinkedFiles()
    folder = source_dir.resolve()
    seen: set[str] = set()
    digests: dict[Path, str] = {}
    for target, is_image, line in _targets(article):
        path = file_path(target, is_image)
        if path is None or target in seen:
            continue
        seen.add(target)
        resolved = (source_dir / path).resolve()
        problem = (f"links to {path}, which is outside the source folder: it is not copied"
                   if not resolved.is_relative_to(folder) else
                   f"links to {path}, which is not in the source folder" if not resolved.is_file() else None)
        try:
            if problem is None:
                digests.setdefault(resolved, _digest(resolved))
        except OSError as exc:
            problem = f"links to {path}, which cannot be read: {exc.strerror or exc}"
        if problem is not None:
            found.findings.append(Finding("missing-file", "error", problem, article.path, line, article.lang,
                                          article.slug, check="build"))
            continue
        for locale in locales:
            chosen = _version_for(resolved, locale, folder, digests)
            bundle_path = linked_file(digests[chosen], chosen.name)
            found.copies[bundle_path] = chosen
            found.targets.setdefault(locale, {})[target] = bundle_path
    return found


def _version_for(path: Path, locale: str, folder: Path, digests: dict[Path, str]) -> Path:
    """A locale's own version of a file (`calf.es.png` beside `calf.png`) when there is a readable one, else the file."""
    variant = path.with_name(f"{path.stem}.{locale}{path.suffix}")
    if variant not in digests:
        if not (variant.is_file() and variant.resolve().is_relative_to(folder)):
            return path
        try:
            digests[variant] = _digest(variant)
        except OSError:
            return path
    return variant


def file_path(target: str, is_image: bool) -> str | None:
    """The relative file path a link target names (`images/calf.png`), or None for a page, an address or an anchor."""
    if link_scheme(target) is not None or target.startswith(("/", "#", "?")):
        return None
    path = unquote(target.split("#", 1)[0].split("?", 1)[0])
    if not path or path.endswith("/"):
        return None
    if not is_image and posixpath.splitext(path)[1].lower() in PAGE_SUFFIXES:
        return None
    return path


def relink(children: list[Token], targets: Mapping[str, str], href: Callable[[str], str]) -> list[Token]:
    """A unit's inline tokens with links and images to local files pointing at their bundle copies."""
    if not targets:
        return children
    relinked = []
    for child in children:
        name = "src" if child.type == "image" else "href" if child.type == "link_open" else None
        target = str(child.attrGet(name) or "") if name else ""
        path = targets.get(target)
        if path is not None:
            rest = target[len(target.split("#", 1)[0].split("?", 1)[0]):]  # a fragment or query stays
            child = child.copy(attrs={**child.attrs, name: href(quote(path)) + rest})
        relinked.append(child)
    return relinked


def _targets(article: Article) -> Iterator[tuple[str, bool, int]]:
    """Every link and image target of the source's body: (target as parsed, is an image, file line)."""
    tokens, _ = parsed_document(article.body)
    for token in tokens:
        line = article.body_line + (token.map or [0])[0]
        for child in _flattened(token.children or []):
            if child.type == "image":
                yield str(child.attrGet("src") or ""), True, line
            elif child.type == "link_open":
                yield str(child.attrGet("href") or ""), False, line


def _flattened(children: list[Token]) -> Iterator[Token]:
    for child in children:
        yield child
        yield from _flattened(child.children or [])


def _digest(path: Path) -> str:
    """The start of a file's sha256: its folder in the bundle, shared by every copy of the same bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]
