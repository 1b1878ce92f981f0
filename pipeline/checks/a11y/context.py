"""What the build knows about a page and HTML alone does not: its locale, article and fallbacks."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping

from ...layout import UNIT_ATTRIBUTE, address_of
from ...model import Location
from .semantics.document import Element
from .semantics.language import is_valid_language_tag


@dataclass(frozen=True)
class FallbackPassage:
    """A unit shown in the source language because it has no translation yet."""

    text: str  # the passage's text as the page shows it (HTML text content; spaces are collapsed)
    origin: Location | None = None  # where a translator fixes it: the PO entry, or the source line

    @classmethod
    def from_html(cls, fragment: str, origin: Location | None = None) -> FallbackPassage:
        """A passage from its rendered HTML (`<em>`, links and entities become plain text)."""
        if not fragment.strip():
            return cls("", origin)
        from lxml import html as lxml_html  # only a build makes passages: checking pages on disk does not load lxml

        return cls(lxml_html.fragment_fromstring(fragment, create_parent="div").text_content(), origin)


@dataclass(frozen=True)
class PageContext:
    """The build's facts about one page, for the rules HTML cannot decide alone."""

    locale: str | None = None
    article: str | None = None  # the article's slug; None for index pages
    source_locale: str | None = None
    fallback_passages: tuple[FallbackPassage, ...] = ()
    reading_grade: float | None = None  # the readability check's grade for the page's text
    reading_target: float | None = None  # the locale's target grade (settings: readability)
    reading_source: Location | None = None  # where an editor simplifies the text
    #: Where each marked part of the page is edited: `data-unit` index -> source line or PO entry.
    origins: Mapping[int, Location] = field(default_factory=dict)
    #: The templates that made the page: its own (for what is inside <main>) and the base one.
    templates: tuple[str, str] | None = None

    def source_of(self, element: Element) -> Location | None:
        """Where a person edits what an element shows: its unit's origin, or the template that wrote it."""
        inside_main = False
        for node in (element, *element.iterancestors()):
            marked = node.get(UNIT_ATTRIBUTE)
            if marked is not None and marked.isdigit() and int(marked) in self.origins:
                return self.origins[int(marked)]
            inside_main = inside_main or node.tag == "main"
        if self.templates is None:
            return None
        return Location(self.templates[0] if inside_main else self.templates[1])


def context_from_path(file: str) -> PageContext | None:
    """Locale and article of a page found on disk, from its place in the bundle's layout."""
    address = address_of(file, _is_locale_folder)
    return PageContext(locale=address.locale, article=address.slug) if address is not None else None


def _is_locale_folder(name: str) -> bool:
    return bool(name) and name[0].isalpha() and is_valid_language_tag(name)
