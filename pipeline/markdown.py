"""Markdown as the pipeline reads it: one markdown-it configuration and the table of units.

Extraction (`sources.py`) and rendering (`render.py`) both walk a body's tokens with
`unit_slots`, so the units a translator sees and the places their translations go back
into are found by the same code.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Iterator

from markdown_it import MarkdownIt
from markdown_it.token import Token

#: Block tokens whose inline content is a unit, and the unit's kind.
BLOCK_UNITS: dict[str, str] = {
    "heading_open": "heading",
    "paragraph_open": "paragraph",
    "th_open": "table-cell",
    "td_open": "table-cell",
}

#: Containers that turn the paragraphs inside them into another kind (the innermost wins).
CONTAINER_UNITS: dict[str, str] = {
    "list_item_open": "list-item",
    "blockquote_open": "blockquote",
}

#: Headings under which list items are citations (kind "reference"), not prose.
REFERENCE_HEADINGS = frozenset({"references", "sources", "bibliography", "citations", "notes and references"})

#: How many distinct texts the pure text functions remember: an article's sources and their
#: translations in every locale, which a build's job for that article analyses again and again.
TEXT_CACHE_SIZE = 1 << 12

#: Link targets kept in rendered pages; anything else with a scheme is dropped and reported.
SAFE_SCHEMES = frozenset({"http", "https", "mailto", "tel"})

_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
_WORD = re.compile(r"\w+(?:['’-]\w+)*")


@dataclass
class UnitSlot:
    """Where a unit sits in a token stream, and where its language can be marked."""

    kind: str
    level: int | None
    line: int  # 0-based line within the body
    inline: Token  # the inline token holding the unit's text
    element: Token | None  # the opening token that can carry `lang`; None: wrap in a span
    image: Token | None = None  # for image alt text: the image token
    container: Token | None = None  # the innermost list item or blockquote around the unit

    @property
    def holder(self) -> Token | None:
        """The opening token of the element that holds the unit in the page: its own, or its container's."""
        return self.element or self.container

    @property
    def text(self) -> str:
        """The unit's text as a translator sees it: inline Markdown kept, soft breaks joined."""
        if self.image is not None:
            return self.image.content.strip()
        return unit_text(self.inline)


@functools.lru_cache(maxsize=1)
def parser() -> MarkdownIt:
    """The one Markdown parser: CommonMark with tables and strikethrough, raw HTML off."""
    return new_parser()


def new_parser() -> MarkdownIt:
    """A fresh instance of the one configuration, for a reader that adds rules of its own (XLIFF)."""
    md = MarkdownIt("commonmark", {"html": False}).enable(["table", "strikethrough"])
    # Keep every link target in the tokens so that unsafe ones can be reported, not just
    # left unlinked; `render.py` removes targets outside SAFE_SCHEMES.
    md.validateLink = lambda url: True
    return md


def parse_body(body: str) -> list[Token]:
    """Block tokens of a Markdown body."""
    return parser().parse(body)


def parse_inline(text: str) -> list[Token]:
    """Inline tokens (the children) of one unit's text: fresh ones, which the caller may change."""
    tokens = parser().parseInline(text)
    return tokens[0].children or [] if tokens else []


@functools.lru_cache(maxsize=TEXT_CACHE_SIZE)
def inline_tokens(text: str) -> tuple[Token, ...]:
    """The inline tokens of a text, parsed once and shared: for reading only, never to change."""
    return tuple(parse_inline(text))


def unit_text(inline: Token) -> str:
    """An inline token's source text, with soft line breaks joined into spaces."""
    children = inline.children or []
    if any(child.type == "hardbreak" for child in children):
        return inline.content.strip()
    return " ".join(line.strip() for line in inline.content.split("\n")).strip()


def unit_slots(tokens: list[Token]) -> Iterator[UnitSlot]:
    """Every translatable unit of a body, in document order."""
    containers: list[Token] = []
    in_references = False
    for index, token in enumerate(tokens):
        if token.type == "inline" and tokens[index - 1].type == "heading_open":
            in_references = token.content.strip().rstrip(":").casefold() in REFERENCE_HEADINGS
        if token.type in CONTAINER_UNITS:
            containers.append(token)
        elif token.type.replace("_close", "_open") in CONTAINER_UNITS and token.nesting == -1:
            containers.pop()
        elif token.type == "inline" and index > 0 and tokens[index - 1].type in BLOCK_UNITS:
            slot = _slot(tokens[index - 1], token, containers)
            if slot is not None and in_references and slot.kind == "list-item":
                slot.kind = "reference"
            if slot is not None:
                yield slot


def _slot(opening: Token, inline: Token, containers: list[Token]) -> UnitSlot | None:
    """The unit an inline token holds, or None when it holds nothing to translate."""
    if not inline.content.strip():
        return None
    kind = BLOCK_UNITS[opening.type]
    level = int(opening.tag[1]) if kind == "heading" else None
    if kind == "paragraph" and containers:
        kind = CONTAINER_UNITS[containers[-1].type]
    line = (inline.map or opening.map or [0])[0]
    element = None if opening.hidden else opening
    children = [c for c in inline.children or [] if not (c.type == "text" and not c.content.strip())]
    if kind != "heading" and len(children) == 1 and children[0].type == "image":
        image = children[0]
        if not image.content.strip():
            return None
        return UnitSlot("image-alt", None, line, inline, image, image, containers[-1] if containers else None)
    return UnitSlot(kind, level, line, inline, element, None, containers[-1] if containers else None)


def link_scheme(url: str) -> str | None:
    """The scheme of a link target (`https`), or None for a relative link."""
    match = _SCHEME.match(url.strip())
    return match.group(1).lower() if match else None


@functools.lru_cache(maxsize=TEXT_CACHE_SIZE)
def plain_text(text: str) -> str:
    """A unit's words without Markdown syntax or link targets."""
    parts: list[str] = []
    for child in inline_tokens(text):
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type == "image":
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
    return "".join(parts)


@functools.lru_cache(maxsize=TEXT_CACHE_SIZE)
def count_words(text: str) -> int:
    """Words of a unit's text, as translators are paid for them (Markdown syntax not counted)."""
    return len(_WORD.findall(plain_text(text)))
