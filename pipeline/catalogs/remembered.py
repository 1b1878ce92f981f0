"""What extract, update and compile remember between runs (in the build cache): unchanged inputs cost no work.

- Each source's POT as rendered (and the templates' own `ui` POT): extract writes a missing or
  edited POT again without reading the Markdown; only its date is brought up to now.
- That a PO was in step with its POT: update neither reads nor merges a locale's catalogs
  while every source, POT and PO is as it was when it found them current.
- Each PO's MO bytes: compile writes a missing MO without reading its PO again.

Every entry is keyed by the content of the files it was made from, the settings that shape it
and the tool's own code (`BuildCache.key`): an edit of any of them, or a new version of the
tool, does the work again. A file is known by its size, times and inode (hashed again while
they are recent), as the build knows its inputs.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence

from ..cache import BuildCache, CacheEntry
from ..locales import normalize_code
from ..theme import Theme
from . import CatalogTree, compiled, read_catalog

#: A source's (or the `ui` domain's) POT: its domain, the hash of the POT file as it was left, the POT as rendered.
POT_OF_SOURCE: CacheEntry[tuple[str, str, bytes]] = CacheEntry("pot-of-source", tuple[str, str, bytes])
#: That a PO was found (or written) in step with its POT.
CURRENT_CATALOG: CacheEntry[bool] = CacheEntry("current-catalog", bool)
#: A PO's MO, as compiled.
MO_OF_CATALOG: CacheEntry[bytes] = CacheEntry("mo-of-catalog", bytes)
#: The item under which the `ui` POT is kept (no source file is named so: sources end in `.md`).
UI_ITEM = "ui templates"


@dataclass(frozen=True)
class TemplateSource:
    """What a POT is made from: a source article, or the HTML templates (`path` None); its cache item and key."""

    item: str
    key: str
    path: Path | None


def template_sources(cache: BuildCache, tree: CatalogTree, sources: Sequence[Path], shaped_by: Sequence[object],
                     theme: Theme) -> list[TemplateSource]:
    """The sources' POT keys (content, path and `shaped_by`: the settings that shape a POT), then the `ui` POT's."""
    found = [TemplateSource(path.name, cache.key(tree.rel(path), *shaped_by, files=[path]), path) for path in sources]
    own = sorted(p for folder in theme.own_templates if folder.is_dir() for p in folder.rglob("*.html"))
    ui_key = cache.key(UI_ITEM, str(tree.root), [str(f) for f in theme.templates], [str(p) for p in own],
                       files=own)  # the shipped templates are part of the tool's code
    return [*found, TemplateSource(UI_ITEM, ui_key, None)]


def remembered_pot(cache: BuildCache, source: TemplateSource) -> tuple[str, str, bytes] | None:
    """A source's domain, its POT's hash when last left, and its POT as rendered then; None if not known."""
    return cache.load(POT_OF_SOURCE, (source.item,), source.key)


def remember_pot(cache: BuildCache, tree: CatalogTree, source: TemplateSource, domain: str, rendered: bytes,
                 known: tuple[str, str, bytes] | None = None) -> None:
    """Keep a source's POT as rendered, with the hash of the POT file now in place (unless that is what is `known`)."""
    value = (domain, cache.digest(tree.pot(domain)), rendered)
    if known is None or known[:2] != value[:2]:  # (the same POT file: the same rendering, whatever its date)
        cache.store(POT_OF_SOURCE, (source.item,), source.key, value)


def templates_unchanged(cache: BuildCache, tree: CatalogTree, sources: Sequence[TemplateSource]) -> list[str] | None:
    """The domains of the sources when each one and its POT are as they were last left; else None."""
    domains = []
    for source in sources:
        known = remembered_pot(cache, source)
        if known is None or cache.digest(tree.pot(known[0])) != known[1]:
            return None
        domains.append(known[0])
    return domains


def catalog_key(cache: BuildCache, tree: CatalogTree, locale: str, domain: str, width: int | None) -> str:
    """What a PO's merge depends on: the locale, the wrapping setting (`po_width`), its POT and itself."""
    return cache.key(locale, width, files=[tree.pot(domain), tree.po(locale, domain)])


def catalogs_current(cache: BuildCache, tree: CatalogTree, locales: Sequence[str], domains: Sequence[str],
                     width: int | None) -> bool:
    """Whether every PO of these locales and domains is as it was when update last found it current."""
    return all(cache.load(CURRENT_CATALOG, (locale, domain), catalog_key(cache, tree, locale, domain, width))
               for locale in locales for domain in domains)


def remember_current(cache: BuildCache, tree: CatalogTree, locale: str, domain: str, width: int | None) -> None:
    """Keep that a PO is in step with its POT, as both files are now."""
    cache.store(CURRENT_CATALOG, (locale, domain), catalog_key(cache, tree, locale, domain, width), True)


def mo_compiler(cache: BuildCache, tree: CatalogTree) -> Callable[[Path], bytes]:
    """A PO's MO bytes: as last compiled while the PO is as it was, else compiled (and kept)."""
    def mo_of(po: Path) -> bytes:
        locale = normalize_code(po.parent.parent.name)
        key = cache.key(tree.rel(po), locale, files=[po])
        data = cache.load(MO_OF_CATALOG, (tree.rel(po),), key)
        if data is None:
            data = compiled(read_catalog(po, tree, locale))
            cache.store(MO_OF_CATALOG, (tree.rel(po),), key, data)
        return data
    return mo_of
