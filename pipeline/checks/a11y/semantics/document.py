"""Reading a file as a document: its type, its text, its parse tree, and which vocabulary an element is in."""

from __future__ import annotations

import bisect
import codecs
import contextlib
import itertools
import posixpath
import re

from lxml import etree
from selectolax.lexbor import LexborHTMLParser, LexborNode

from .markup import MARK, StartTag, mark_start_tags

#: An element of a parsed page: the one name every module uses for it.
Element = etree._Element

#: Elements whose content a browser keeps out of the document (template contents, and
#: noscript with scripting on): rules never see what is inside them.
INERT_CONTAINERS = ("template", "noscript")
#: How deep Chromium's HTML parser nests elements (the root is at depth 1); deeper ones become siblings.
MAX_TREE_DEPTH = 513
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_XML_NAME = re.compile(r"^[A-Za-z_][\w.-]*$")
_XML_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
#: Prefixed attribute names HTML and SVG give a namespace; lxml holds them by namespace.
_NAMESPACED = {"xml": "{http://www.w3.org/XML/1998/namespace}", "xlink": "{http://www.w3.org/1999/xlink}",
               "xmlns": "{http://www.w3.org/2000/xmlns/}"}
XML_LANG = _NAMESPACED["xml"] + "lang"
#: Documents by the suffix of their file name; anything else is read as an HTML page.
CONTENT_TYPES = {".svg": "image/svg+xml", ".xhtml": "application/xhtml+xml", ".xht": "application/xhtml+xml",
                 ".xml": "application/xml", ".js": "text/javascript", ".css": "text/css"}
#: Content types whose documents the rules read: HTML (either syntax) and SVG.
MARKUP_TYPES = frozenset({"text/html", "application/xhtml+xml", "image/svg+xml"})


class PageParseError(ValueError):
    """The bytes are not an HTML document (empty, or not text)."""


def content_type(file: str) -> str:
    """The content type a file is served with, by the suffix of its name; HTML when unknown."""
    return CONTENT_TYPES.get(posixpath.splitext(file.lower())[1], "text/html")


def decode(html: str | bytes) -> str:
    """The page as text, decoded as a browser decodes it: a byte order mark, UTF-8, `<meta charset>`, else windows-1252."""
    if isinstance(html, str):
        return html
    with contextlib.suppress(UnicodeDecodeError):
        return html.decode("utf-8-sig")
    for bom, encoding in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if html.startswith(bom):
            return html[len(bom):].decode(encoding, errors="replace")
    declared = _META_CHARSET.search(html[:1024])
    encoding = "windows-1252"
    if declared:
        with contextlib.suppress(LookupError):
            encoding = codecs.lookup(declared.group(1).decode("ascii")).name
    if encoding.startswith("utf-16"):  # a page that was readable as bytes is not UTF-16 (HTML, "prescan")
        encoding = "utf-8"
    return html.decode(encoding, errors="replace")


class Document:
    """A parsed document: its root element, and which start tag of its source made each element."""

    def __init__(self, source: str, root: Element, start_tags: list[StartTag], tag_of: dict[Element, int],
                 elements: list[Element]):
        self.source = source
        self.root = root
        self.elements = elements  # in document order, none inside an inert container
        self.start_tags = start_tags
        self.tag_of = tag_of  # element -> index in start_tags; elements the parser made up have none
        self._newlines: list[int] | None = None
        self._made: dict[int, list[Element]] | None = None

    def line(self, element: Element) -> int:
        """The line the element's start tag is on; for an element the parser made up, the next start tag's."""
        index = self.tag_of.get(element)
        if index is None:
            later = (node for node in itertools.chain(element.iterdescendants(), element.xpath("following::*"))
                     if node in self.tag_of)
            found = next(later, None)
            if found is None:
                return 1
            index = self.tag_of[found]
        if self._newlines is None:
            self._newlines = [m.start() for m in re.finditer("\n", self.source)]
        return bisect.bisect_left(self._newlines, self.start_tags[index].start) + 1

    def elements_of(self, index: int) -> list[Element]:
        """The elements a start tag made (more than one when the parser cloned a formatting element)."""
        if self._made is None:
            self._made = {}
            for element, tag in self.tag_of.items():
                self._made.setdefault(tag, []).append(element)
        return self._made.get(index, [])


def parse_document(text: str, kind: str = "text/html") -> Document:
    """The document's tree as a browser builds it; raises PageParseError when there is no document.

    HTML is parsed by the HTML standard's algorithm (Lexbor), with scripting on as in a browser:
    implied `<tbody>` and `<tr>`, foster-parented text, `<noscript>` as text. Other markup types
    (XHTML, SVG) keep libxml2's reading. Comments are left out of the tree.
    """
    if not text or text.isspace():
        raise PageParseError("the file is empty")
    marked, tags = mark_start_tags(text)
    if kind == "text/html":
        root, tag_of, elements = _from_lexbor(LexborHTMLParser(marked, scripting=True).root)
    else:
        root, tag_of = _from_libxml2(_XML_DECLARATION.sub("", marked, count=1))
        elements = _outside_inert_containers(root)
    return Document(text, root, tags, tag_of, elements)


def _from_lexbor(node: LexborNode) -> tuple[Element, dict[Element, int], list[Element]]:
    """The lxml tree of a Lexbor document (elements and text; comments left out), each element's mark,
    and the elements in document order."""
    tag_of: dict[Element, int] = {}
    elements: list[Element] = []
    sub_element = etree.SubElement
    root = etree.Element(_tag_name(node.tag or "html"))
    pending = [(node, root, 1)]
    while pending:
        source, element, depth = pending.pop()
        elements.append(element)
        attributes = source.attributes
        mark = attributes.pop(MARK, None)
        if mark is not None:
            tag_of[element] = int(mark)
        if attributes:
            try:
                element.attrib.update(attributes)
            except (ValueError, TypeError):  # a name lxml cannot hold as it is, or an attribute without value
                _copy_attributes(attributes, element)
        last: Element | None = None
        children = []
        # Nested deeper than Chromium's parser nests, an element becomes its parent's sibling.
        parent, child_depth = (element, depth + 1) if depth < MAX_TREE_DEPTH else (element.getparent(), depth)
        for child in source.iter(include_text=True):
            tag = child.tag
            if tag == "-text":
                text = child.text_content
                try:
                    if last is None:
                        element.text = (element.text or "") + text
                    else:
                        last.tail = (last.tail or "") + text
                except ValueError:  # a control character HTML keeps and XML cannot hold: U+FFFD, as XML parsers do
                    _append_text(element, last, _XML_UNSAFE.sub("\ufffd", text))
            elif tag[0] != "-":  # not a comment, doctype or processing instruction
                last = sub_element(parent, _tag_name(tag))
                children.append((child, last, child_depth))
        pending.extend(reversed(children))  # visited next, first child first: document order
    return root, tag_of, elements


def _append_text(element: Element, last: Element | None, text: str) -> None:
    if last is None:
        element.text = (element.text or "") + text
    else:
        last.tail = (last.tail or "") + text


def _copy_attributes(attributes: dict[str, str | None], element: Element) -> None:
    for name, value in attributes.items():
        prefix, colon, local = name.partition(":")
        with contextlib.suppress(ValueError):  # names lxml cannot hold (`@click`, `123`) no rule reads
            element.set(_NAMESPACED.get(prefix, "") + local if colon and prefix in _NAMESPACED else name,
                        _XML_UNSAFE.sub("\ufffd", value or ""))


def _tag_name(name: str) -> str:
    """The tag name as lxml can hold it: HTML allows names (`xyz:abc`) that XML does not."""
    return name if name.isalnum() or _XML_NAME.match(name) else "invalid-tag-name"


def _from_libxml2(text: str) -> tuple[Element, dict[Element, int]]:
    parser = etree.HTMLParser(no_network=True, remove_pis=True, remove_comments=True, default_doctype=False)
    root = etree.fromstring(text, parser)
    if root is None:
        raise PageParseError("the file holds no HTML")
    tag_of = {}
    for element in root.iter(etree.Element):
        mark = element.attrib.pop(MARK, None)
        if mark is not None and mark.isdigit():
            tag_of[element] = int(mark)
    return root, tag_of


def _outside_inert_containers(root: Element) -> list[Element]:
    """The elements in document order, leaving out the content of `template` and `noscript` (libxml2 parses it)."""
    skipped: set[Element] = set()
    for container in root.iter(*INERT_CONTAINERS):
        skipped.update(container.iterdescendants())
    return [element for element in root.iter(etree.Element) if element not in skipped]


def xml_lang(element: Element) -> str | None:
    """The element's `xml:lang` attribute."""
    return element.get(XML_LANG, element.get("xml:lang"))


def is_svg(element: Element) -> bool:
    """Whether the element is an SVG element (an `svg` or inside one)."""
    return element.tag == "svg" or next(element.iterancestors("svg"), None) is not None


def is_mathml(element: Element) -> bool:
    """Whether the element is MathML (a `math` or inside one): neither HTML nor SVG."""
    return element.tag == "math" or next(element.iterancestors("math"), None) is not None
