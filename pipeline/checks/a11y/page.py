"""One HTML page, parsed once as a browser parses it, and what rules ask of it: elements, roles, names, hiding.

Everything a rule may ask is computed at most once per page and cached: the elements by tag
and by id, which elements are hidden from assistive technology, roles and accessible names.
The helpers of `semantics/` compute these facts and ask the page for others (`PageFacts`);
the page alone caches and ties them together. A rule reports through the page:
`page.failed(element, message)` and its siblings.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from lxml import etree

from ...model import Location, Outcome
from .context import PageContext
from .semantics import accname, aria
from .semantics.contrast import Measured, measure_texts
from .semantics.css import Styles, page_style_sheets
from .semantics.document import (
    MARKUP_TYPES,
    Element,
    content_type,
    Document,
    decode,
    is_mathml,
    is_svg,
    parse_document,
    xml_lang,
)
from .semantics.focus import in_sequential_focus
from .semantics.media import LIGHT, Screen
from .semantics.painting import Painting
from .semantics.rendering import Rendering
from .semantics.roles import role_of
from .semantics.selectors import Positions, selector
from .semantics.stylesheets import LocalStyleSheets
from .semantics.tables import Table, table_of
from .semantics.tree import AccessibilityTree

#: Elements whose own text is never shown as text.
NO_TEXT_ELEMENTS = frozenset("head title template script style iframe object video audio noscript".split())


def head_only(markup: bytes) -> bytes:
    """A page up to the end of its head, closed: its lines and the head's selectors are unchanged.

    Site rules ask a page for its language and alternates, which its head holds; parsing the
    body too would cost ten times more for a page with ten alternates.
    """
    end = markup.lower().find(b"</head>")
    return markup[:end] + b"</head></html>" if end != -1 else markup


class Result(NamedTuple):
    """One outcome of one rule on one element (or the whole page when `element` is None)."""

    outcome: Outcome
    page: Page
    element: Element | None
    message: str = ""
    related: tuple[Location, ...] = ()


class Page:
    """A parsed page and its cached facts; `file` is where findings point."""

    def __init__(self, html: str | bytes, file: str, context: PageContext | None = None,
                 style_sheets: LocalStyleSheets | None = None):
        self.file = file
        self.context = context  # None when the page is checked without the build
        self.style_sheets = style_sheets  # where linked style sheets are read; None: they are not
        self.content_type = content_type(file)
        # The markup as written (rules that read tags, not elements), decoded as a browser decodes it.
        self.source = decode(html)
        self.document: Document = parse_document(self.source, self.content_type)
        self.root: Element = self.document.root
        self.elements: list[Element] = self.document.elements
        self._by_tag: dict[str, list[Element]] = {}
        self._by_id: dict[str, list[Element]] = {}
        self._by_attribute: dict[str, list[Element]] = {}
        self._index()
        self._hidden: set[Element] | None = None
        self._styles: dict[Screen, Styles] = {}
        self._light: Styles | None = None
        self._paintings: dict[Screen, Painting] = {}
        self._rendering: Rendering | None = None
        self._tree: AccessibilityTree | None = None
        self._tables: dict[Element, Table] = {}
        self._positions: Positions | None = None
        self._contrast: list[Measured] | None = None
        self._roles: dict[Element, str | None] = {}
        self._names: dict[Element, str] = {}
        self._headings: list[tuple[Element, int]] | None = None
        self._order: dict[Element, int] | None = None

    def _index(self) -> None:
        for element in self.elements:
            self._by_tag.setdefault(element.tag, []).append(element)
            for attribute in element.keys():
                self._by_attribute.setdefault(attribute, []).append(element)
            ident = element.get("id")
            if ident is not None:
                self._by_id.setdefault(ident, []).append(element)

    # --- finding elements ---------------------------------------------------------------

    def elements_by_tag(self, *tags: str) -> list[Element]:
        """The elements with these tag names, in document order."""
        if len(tags) == 1:
            return self._by_tag.get(tags[0], [])
        wanted = set(tags)
        return [e for e in self.elements if e.tag in wanted]

    def elements_with(self, *attributes: str) -> list[Element]:
        """The elements carrying any of these attributes, in document order."""
        if len(attributes) == 1:
            return self._by_attribute.get(attributes[0], [])
        found = {e for name in attributes for e in self._by_attribute.get(name, [])}
        return sorted(found, key=self.order)

    def elements_by_id(self, ident: str) -> list[Element]:
        """Every element whose id is exactly `ident` (more than one is a fault of the page)."""
        return self._by_id.get(ident, [])

    def element_by_id(self, ident: str) -> Element | None:
        """The element a reference to `ident` reaches: the first with that id, as in browsers."""
        found = self._by_id.get(ident)
        return found[0] if found else None

    @property
    def ids(self) -> dict[str, list[Element]]:
        """Every id on the page and the elements carrying it."""
        return self._by_id

    @property
    def body(self) -> Element | None:
        """The `<body>` element, if the parser made one."""
        bodies = self._by_tag.get("body")
        return bodies[0] if bodies else None

    # --- what assistive technology sees ------------------------------------------------------

    @property
    def is_markup(self) -> bool:
        """Whether the document is one the rules read: an HTML page or an SVG image, not a script or data."""
        return self.content_type in MARKUP_TYPES

    @property
    def is_document(self) -> bool:
        """Whether the document is a web page (HTML or XHTML), not an SVG image."""
        return self.content_type in ("text/html", "application/xhtml+xml")

    @property
    def is_html(self) -> bool:
        """Whether the document is an HTML page served as `text/html` (not XHTML, not SVG)."""
        return self.content_type == "text/html"

    @property
    def styles(self) -> Styles:
        """The CSS cascade of the page on a 1280 px screen in the light colour scheme."""
        if self._light is None:  # asked for often: kept at hand
            self._light = self.styles_on(LIGHT)
        return self._light

    def styles_on(self, screen: Screen) -> Styles:
        """The CSS cascade of the page on a screen (the colour scheme is what differs)."""
        if screen not in self._styles:
            sheets = page_style_sheets(self.elements, self.file, self.style_sheets, screen)
            self._styles[screen] = Styles(self.root, self.elements, sheets)
        return self._styles[screen]

    def painting_on(self, screen: Screen) -> Painting:
        """The page's colours and boxes on a screen (the contrast rules and those comparing text styles read it)."""
        if screen not in self._paintings:
            self._paintings[screen] = Painting(self, self.styles_on(screen), screen)
        return self._paintings[screen]

    @property
    def painting(self) -> Painting:
        """The page's colours and boxes on a 1280 px screen in the light colour scheme."""
        return self.painting_on(LIGHT)

    def contrast_measures(self) -> list[Measured]:
        """Each text element's contrast on each screen the page is styled for (both contrast rules read it)."""
        if self._contrast is None:
            self._contrast = measure_texts(self)
        return self._contrast

    @property
    def rendering(self) -> Rendering:
        """Font sizes and visibility, from the cascade."""
        if self._rendering is None:
            self._rendering = Rendering(self.styles)
        return self._rendering

    @property
    def tree(self) -> AccessibilityTree:
        """Who owns whom in the accessibility tree."""
        if self._tree is None:
            self._tree = AccessibilityTree(self)
        return self._tree

    def table(self, element: Element) -> Table:
        """The grid of cells of a table (an HTML `table`, or an element with a table role)."""
        if element not in self._tables:
            self._tables[element] = table_of(self, element)
        return self._tables[element]

    def is_hidden(self, element: Element) -> bool:
        """Whether the element is hidden from assistive technology (CSS, `hidden`, aria-hidden, inert)."""
        if self._hidden is None:
            self._hidden = self._compute_hidden()
        return element in self._hidden

    def is_css_hidden(self, element: Element) -> bool:
        """Whether CSS (or the `hidden` attribute) keeps the element from being rendered at all."""
        return element in self.styles.hidden and not self._shown_in_image_map(element)

    def generated_text(self, element: Element) -> tuple[str, str]:
        """The text CSS generates before and after the element's content (`::before`, `::after`)."""
        return self.styles.generated_text(element)

    def is_visible(self, element: Element) -> bool:
        """Whether the element is drawn where a reader can see it."""
        return not self.is_css_hidden(element) and not self.rendering.out_of_sight(element)

    def in_tab_order(self, element: Element) -> bool:
        """Whether sequential focus navigation (Tab) reaches the element."""
        return in_sequential_focus(self, element)

    @staticmethod
    def is_svg(element: Element) -> bool:
        """Whether the element is an SVG element (an `svg` or inside one)."""
        return is_svg(element)

    @staticmethod
    def is_mathml(element: Element) -> bool:
        """Whether the element is MathML (a `math` or inside one): neither HTML nor SVG."""
        return is_mathml(element)

    def _compute_hidden(self) -> set[Element]:
        # CSS hiding arrives complete (a visible child of a visibility: hidden parent stays visible);
        # aria-hidden and inert hide whole subtrees, whatever the children say.
        excluded: set[Element] = set()
        for element in self.root.iter(etree.Element):
            parent = element.getparent()
            if (parent is not None and parent in excluded) or element.get("inert") is not None or (
                (element.get("aria-hidden") or "").strip().lower() == "true"
            ):
                excluded.add(element)
        return excluded | {e for e in self.styles.hidden if not self._shown_in_image_map(e)}

    def _shown_in_image_map(self, element: Element) -> bool:
        """An `area` is drawn by the image that uses its map, though CSS gives it `display: none`."""
        if element.tag != "area":
            return False
        maps = [a for a in element.iterancestors("map")]
        name = maps[0].get("name") if maps else None
        return bool(name) and any(
            (img.get("usemap") or "") == f"#{name}" and img not in self.styles.hidden
            for img in self.elements_by_tag("img")
        )

    def role(self, element: Element) -> str | None:
        """The element's role: a valid explicit role, unless presentational in conflict, else the implicit one."""
        if element not in self._roles:
            self._roles[element] = role_of(self, element)
        return self._roles[element]

    def name(self, element: Element) -> str:
        """The element's accessible name (W3C accname), "" when it has none."""
        if element not in self._names:
            self._names[element] = accname.accessible_name(self, element)
        return self._names[element]

    def has_author_name(self, element: Element) -> bool:
        """Whether `aria-labelledby`, `aria-label` or `title` gives the element a name."""
        return accname.has_author_name(self, element)

    def headings(self) -> list[tuple[Element, int]]:
        """The headings assistive technology sees, in document order, with their levels."""
        if self._headings is None:
            self._headings = []
            for element in self.elements:
                if element.tag in aria.HEADING_LEVEL or "heading" in (element.get("role") or ""):
                    level = aria.heading_level(element, self.role(element))
                    if level is not None and not self.is_hidden(element):
                        self._headings.append((element, level))
        return self._headings

    def language_of(self, element: Element) -> str | None:
        """The language the element is in: its own `lang`, else the nearest ancestor's."""
        node: Element | None = element
        while node is not None:
            value = node.get("lang")
            if value is None:
                value = xml_lang(node)
            if value is not None:
                return value
            node = node.getparent()
        return None

    @staticmethod
    def has_own_text(element: Element) -> bool:
        """Whether the element has text directly inside it, not only inside its children."""
        if element.tag in NO_TEXT_ELEMENTS:
            return False
        return bool((element.text or "").strip()) or any((child.tail or "").strip() for child in element)

    def has_language_text(self, element: Element) -> bool:
        """Whether some text (or named image) is in the element's own language, not a child's `lang`."""
        if self.has_own_text(element):
            return True
        if aria.is_visual_content(element):
            return bool(self.name(element))
        return any(
            isinstance(child.tag, str)
            and not child.get("lang")
            and not self.is_hidden(child)
            and self.has_language_text(child)
            for child in element
        )

    def order(self, element: Element) -> int:
        """The element's position in document order."""
        if self._order is None:
            self._order = {e: i for i, e in enumerate(self.elements)}
        return self._order.get(element, -1)

    def text(self, element: Element) -> str:
        """The element's text content, white space collapsed."""
        return accname.normalize_space("".join(element.itertext()))

    # --- where a finding points ----------------------------------------------------------

    def selector(self, element: Element) -> str:
        """The shortest CSS selector that selects only this element: `#id` when its id is unique."""
        if self._positions is None:
            self._positions = Positions(self.elements)
        return selector(element, self, self._positions)

    def line(self, element: Element) -> int | None:
        """The source line an element starts on."""
        return self.document.line(element)

    # --- reporting -------------------------------------------------------------------------

    def failed(self, element: Element | None, message: str, related: Sequence[Location] = ()) -> Result:
        """A failure of the rule on this element."""
        return Result("failed", self, element, message, tuple(related))

    def cant_tell(self, element: Element | None, message: str, related: Sequence[Location] = ()) -> Result:
        """A possible failure that a person must judge."""
        return Result("cantTell", self, element, message, tuple(related))

    def result(self, outcome: Outcome, element: Element | None, message: str = "",
               related: Sequence[Location] = ()) -> Result:
        """An outcome a shared helper decided, as this page's result."""
        return Result(outcome, self, element, message, tuple(related))

    def passed(self, element: Element | None, message: str = "") -> Result:
        """The rule applied to this element and found nothing wrong."""
        return Result("passed", self, element, message)

    def inapplicable(self, message: str = "") -> Result:
        """The rule has nothing to look at on this page (the engine says so itself when a rule yields nothing)."""
        return Result("inapplicable", self, None, message)

    def location(self, element: Element) -> Location:
        """Where an element of this page is, for a finding's related places."""
        return Location(self.file, self.line(element), self.selector(element))
