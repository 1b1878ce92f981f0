"""Reading a file as a document: its type, its text, its parse tree, and which vocabulary an element is in."""

from __future__ import annotations

import contextlib
import posixpath
import re

from lxml import etree

#: An element of a parsed page: the one name every module uses for it.
Element = etree._Element

#: Elements whose content a browser keeps out of the document (template contents, and
#: noscript with scripting on): rules never see what is inside them.
INERT_CONTAINERS = ("template", "noscript")
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
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


def decode(html: str | bytes) -> str | bytes:
    """The page as text when it is UTF-8, else the bytes (libxml2 then reads the encoding from <meta charset>)."""
    if isinstance(html, bytes):
        with contextlib.suppress(UnicodeDecodeError):
            return html.decode("utf-8-sig")
    return html


def parse_html(html: str | bytes) -> Element:
    """The `<html>` element of a document; raises PageParseError when there is no document."""
    html = decode(html)
    if isinstance(html, str):
        html = _XML_DECLARATION.sub("", html, count=1)  # lxml refuses text that declares its own encoding
    if not html.strip():
        raise PageParseError("the file is empty")
    parser = etree.HTMLParser(no_network=True, remove_pis=True, default_doctype=False)
    root = etree.fromstring(html, parser)
    if root is None:
        raise PageParseError("the file holds no HTML")
    return root


def is_svg(element: Element) -> bool:
    """Whether the element is an SVG element (an `svg` or inside one)."""
    return element.tag == "svg" or any(a.tag == "svg" for a in element.iterancestors())


def is_mathml(element: Element) -> bool:
    """Whether the element is MathML (a `math` or inside one): neither HTML nor SVG."""
    return element.tag == "math" or any(a.tag == "math" for a in element.iterancestors())
