"""The data the stages exchange: articles, their units, their translations, findings.

Data only: no I/O and no imports from the rest of the package, so every stage can use it.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Literal

#: What each kind of unit is, in the words a translator reads in the catalog.
UNIT_KINDS: dict[str, str] = {
    "title": "page title",
    "description": "page description (search results and link previews)",
    "heading": "heading",
    "paragraph": "paragraph",
    "list-item": "list item",
    "reference": "reference list entry: a citation, keep its titles and journal data as they are",
    "blockquote": "blockquote paragraph",
    "table-cell": "table cell",
    "image-alt": "image alt text",
    "image-title": "image title (shown when pointing at the image)",
    "footnote": "footnote: the note a [^label] in the text refers to",
    "front-matter": "front-matter field",
}

Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[Severity, ...] = ("info", "warning", "error")
#: The WCAG levels pages can be held to (the `wcag_level` setting, `--level`), lowest first.
WcagLevel = Literal["A", "AA", "AAA"]
WCAG_LEVELS: tuple[WcagLevel, ...] = ("A", "AA", "AAA")

#: Outcomes as the W3C ACT rules and axe-core name them.
Outcome = Literal["failed", "cantTell", "passed", "inapplicable"]


@dataclass(frozen=True)
class Unit:
    """One translatable piece of an article, with its inline Markdown kept."""

    kind: str
    text: str
    line: int
    level: int | None = None  # heading level, for headings only
    key: str | None = None  # the field's key, for front-matter fields only

    @property
    def description(self) -> str:
        """What the unit is, for the catalog's extracted comment."""
        if self.kind == "heading":
            return f"heading level {self.level}"
        if self.kind == "front-matter":
            return f"front-matter field {self.key}"
        return UNIT_KINDS[self.kind]


@dataclass(frozen=True)
class Article:
    """A source article: its metadata, its Markdown body and its units in document order."""

    path: str  # relative to the project root, with forward slashes
    slug: str
    lang: str
    title: str
    description: str
    date: datetime.date | None
    body: str
    body_line: int  # the file's line on which the body starts (1-based)
    units: tuple[Unit, ...]
    findings: tuple["Finding", ...] = ()  # what reading it found (unknown front-matter keys)

    @property
    def body_units(self) -> tuple[Unit, ...]:
        """The units of the Markdown body, without the front matter's."""
        return tuple(u for u in self.units if u.kind not in ("title", "description", "front-matter"))


@dataclass(frozen=True)
class ReadabilityTarget:
    """The scores at which a locale's text draws a warning and an error verdict, in its formula's scale."""

    warning: float
    error: float


@dataclass(frozen=True)
class Translation:
    """A catalog's translation of one message, and the PO line it is on."""

    text: str
    fuzzy: bool
    line: int


@dataclass(frozen=True, slots=True)
class Location:
    """A place a person can open: a file, a line, and in an HTML file the element."""

    file: str
    line: int | None = None
    selector: str | None = None


@dataclass(frozen=True)
class LocalizedUnit:
    """A unit as a reader of one locale sees it: translated, or the source text as fallback."""

    unit: Unit
    text: str
    translated: bool
    origin: Location  # where a person edits this text (PO entry, or the source line)
    lang: str = ""  # the language of `text`: the page's, or the source's for fallbacks and kept citations


@dataclass(frozen=True)
class LocalizedArticle:
    """An article in one locale, with every unit resolved and its coverage in source words."""

    article: Article
    locale: str
    units: tuple[LocalizedUnit, ...]
    catalog: str | None  # the PO file the translations came from, if any
    words_total: int
    words_translated: int

    @property
    def coverage(self) -> float:
        """Share of the source words that are translated, from 0.0 to 1.0."""
        return self.words_translated / self.words_total if self.words_total else 1.0

    def text_of(self, kind: str) -> str:
        """The localized text of the first unit of a kind (the title or the description)."""
        return next(u.text for u in self.units if u.unit.kind == kind)


@dataclass(frozen=True)
class CatalogStatus:
    """How far one article is translated in one locale, in messages and in source words."""

    locale: str
    article: str
    file: str
    messages_total: int
    messages_translated: int
    messages_fuzzy: int
    words_total: int
    words_translated: int
    words_fuzzy: int

    @property
    def messages_untranslated(self) -> int:
        """Messages with neither a translation nor a fuzzy suggestion."""
        return self.messages_total - self.messages_translated - self.messages_fuzzy

    @property
    def words_untranslated(self) -> int:
        """Source words with neither a translation nor a fuzzy suggestion."""
        return self.words_total - self.words_translated - self.words_fuzzy

    @property
    def coverage(self) -> float:
        """Percentage of the source words translated."""
        return 100.0 * self.words_translated / self.words_total if self.words_total else 100.0


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem a check found, located where a person can fix it.

    With slots: a build holds every finding of the site (230,000 at 11,000 pages), and reads those of
    unchanged articles back from its cache, twice as fast as into instances with a dictionary each.
    """

    rule: str
    severity: Severity
    message: str
    file: str | None = None
    line: int | None = None
    locale: str | None = None
    article: str | None = None
    check: str = ""  # which check produced it: catalogs, readability, a11y, build
    outcome: Outcome = "failed"
    impact: str | None = None
    wcag: tuple[str, ...] = ()
    selector: str | None = None
    related: tuple[Location, ...] = ()  # further places, e.g. the built file and element
    quote: str | None = None  # the text it is about, as the reader sees it: a sentence, a word

    def sort_key(self) -> tuple:
        """Order findings by file, line and rule, so reports are stable."""
        return (self.file or "", self.line or 0, self.rule, self.locale or "", self.message)


@dataclass(frozen=True)
class RuleInfo:
    """What reports say about a rule: its help text and where to read more."""

    id: str
    check: str
    help: str
    help_uri: str = ""
    wcag: tuple[str, ...] = ()


def severity_rank(severity: str) -> int:
    """Position of a severity from the mildest (0) to the gravest."""
    return SEVERITIES.index(severity)  # type: ignore[arg-type]


@dataclass
class Report:
    """Findings and figures of one run; it alone decides the exit code (black's `Report.return_code`).

    Findings a baseline accepted (`accepted`) are reported but never fail a run; `fail_on` is
    the mildest severity that does (the `fail_on` setting, or `--fail-on`).
    """

    findings: list[Finding] = field(default_factory=list)
    figures: dict = field(default_factory=dict)
    accepted: list[Finding] = field(default_factory=list)
    fail_on: Severity = "error"

    def failing(self) -> list[Finding]:
        """The new findings at or above the failing severity (only `failed` and `cantTell` count)."""
        failing = SEVERITIES[severity_rank(self.fail_on):]
        return [f for f in self.findings if f.outcome in ("failed", "cantTell") and f.severity in failing]

    @property
    def return_code(self) -> int:
        """The run's exit code: 0 when nothing new is at or above `fail_on`, else 1."""
        return 1 if self.failing() else 0
