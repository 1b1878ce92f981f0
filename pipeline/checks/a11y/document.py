"""Reading a file as a document: its type, its text, its parse tree, and selectors for its elements."""

from __future__ import annotations

import contextlib
import posixpath
import re
from collections.abc import Callable

from lxml import etree

Element = etree._Element

#: Elements whose content a browser keeps out of the document (template contents, and
#: noscript with scripting on): rules never see what is inside them.
INERT_CONTAINERS = ("template", "noscript")
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_PLAIN_IDENTIFIER = re.compile(r"^-?[A-Za-z_][A-Za-z0-9_-]*$")
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


def selector(element: Element, unique_id: Callable[[str], bool]) -> str:
    """A short, stable CSS selector: `#id` when the id is unique, else a `tag:nth-of-type()` path."""
    parts: list[str] = []
    node: Element | None = element
    while node is not None:
        ident = node.get("id")
        if ident and unique_id(ident):
            parts.append("#" + css_identifier(ident))
            break
        parent = node.getparent()
        if parent is None or node.tag in ("body", "head"):
            parts.append(node.tag)
            break
        same = [c for c in parent if c.tag == node.tag]
        parts.append(node.tag if len(same) == 1 else f"{node.tag}:nth-of-type({same.index(node) + 1})")
        node = parent
    return " > ".join(reversed(parts))


def css_identifier(value: str) -> str:
    """A value written as a CSS identifier, escaped where needed (as `CSS.escape` does)."""
    if _PLAIN_IDENTIFIER.match(value) and not value.startswith("--"):
        return value
    out = []
    for index, char in enumerate(value):
        if not char.isascii() or (char.isalnum() or char in "-_") and not (char.isdigit() and index == 0):
            out.append(char)
        elif char.isdigit() or char in " \t\n\r\f":
            out.append(f"\\{ord(char):x} ")
        else:
            out.append("\\" + char)
    return "".join(out)
