"""What the build knows about a page and HTML alone does not: its locale, article and fallbacks."""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import html as lxml_html

from ...model import Location
from .language import is_valid_language_tag

_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


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


def context_from_path(file: str) -> PageContext | None:
    """Locale and article of a built page from its place: `<locale>/<slug>/index.html`."""
    parts = file.replace("\\", "/").split("/")
    if len(parts) >= 3 and parts[-1] == "index.html" and _is_locale_folder(parts[-3]) and _SLUG.match(parts[-2]):
        return PageContext(locale=parts[-3], article=parts[-2])
    if len(parts) >= 2 and parts[-1] == "index.html" and _is_locale_folder(parts[-2]):
        return PageContext(locale=parts[-2])
    return None


def _is_locale_folder(name: str) -> bool:
    return bool(name) and name[0].isalpha() and is_valid_language_tag(name)
