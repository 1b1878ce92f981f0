"""Markdown as the pipeline reads it: one markdown-it configuration and the table of units.

Extraction (`sources.py`) and rendering (`render.py`) both walk a body's tokens with
`unit_slots`, so the units a translator sees and the places their translations go back
into are found by the same code. A unit's text is the source's inline Markdown as
translators should see it (`msgids.py`): characters rather than entities, reference links
written inline, comments left out, a hard line break as a plain newline.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Any, Iterator, Mapping, Sequence

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token
from mdit_py_plugins.attrs import attrs_block_plugin
from mdit_py_plugins.attrs.parse import ParseError, parse as parse_attrs
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.footnote.index import footnote_ref

from .msgids import UNIT_MODE, is_comment, record_spans, unit_text

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
    "footnote_open": "footnote",
}

#: Headings under which list items are citations (kind "reference"), not prose.
REFERENCE_HEADINGS = frozenset({"references", "sources", "bibliography", "citations", "notes and references"})

#: How many distinct texts the pure text functions remember: an article's sources and their
#: translations in every locale, which a build's job for that article analyses again and again.
TEXT_CACHE_SIZE = 1 << 12

#: Link targets kept in rendered pages; anything else with a scheme is dropped and reported.
SAFE_SCHEMES = frozenset({"http", "https", "mailto", "tel"})

#: The render environment's key for the words of the notes' section in the page's language, HTML-escaped.
NOTE_LABELS = "pipeline.note-labels"
_DEFAULT_LABELS = {"heading": "Notes", "back": "Back to text"}

_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
_WORD = re.compile(r"\w+(?:['’-]\w+)*")
#: The characters at which an inline rule of `parser()` can start (newline, escape, code, strikethrough,
#: emphasis, link, image, notes, autolink, HTML, entity), and those its normalization rewrites
#: (CR, NUL): a text with none of them is one text token (tests/test_markdown.py lists the rules).
_INLINE_START = re.compile(r"[\n\r\0\\`~*_\[\]!^<&]")


@dataclass
class UnitSlot:
    """Where a unit sits in a token stream, and where its language can be marked."""

    kind: str
    level: int | None
    line: int  # 0-based line within the body
    inline: Token  # the inline token holding the unit's text
    element: Token | None  # the opening token that can carry `lang`; None: wrap in a span
    image: Token | None = None  # for image alt text and titles: the image token
    container: Token | None = None  # the innermost list item, blockquote or note around the unit
    text: str = field(default="")  # the unit's text as a translator sees it (see `unit_text`)

    @property
    def holder(self) -> Token | None:
        """The opening token of the element that holds the unit in the page: its own, or its container's."""
        return self.element or self.container


@functools.lru_cache(maxsize=1)
def parser() -> MarkdownIt:
    """The one Markdown parser: CommonMark with tables, strikethrough, footnotes and heading ids; raw HTML
    is parsed so that `sanitize.py` can keep what is allowed and drop the rest."""
    return new_parser()


def new_parser() -> MarkdownIt:
    """A fresh instance of the one configuration, for a reader that adds rules of its own (XLIFF, `msgids`)."""
    md = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    md.options["store_labels"] = True  # reference links keep their label: `msgids` writes them inline
    # Keep every link target in the tokens so that unsafe ones can be reported, not just
    # left unlinked; `render.py` removes targets outside SAFE_SCHEMES.
    md.validateLink = lambda url: True
    md.use(footnote_plugin)
    # A unit's text is parsed without the article's notes: any `[^label]` in it is a note
    # reference, which the renderer matches to the source's notes by label.
    md.inline.ruler.at("footnote_ref", lambda state, silent: footnote_ref(
        state, silent, always_match=UNIT_MODE in state.env))
    md.add_render_rule("footnote_ref", _render_note_reference)
    md.add_render_rule("footnote_block_open", _render_notes_open)
    md.add_render_rule("footnote_anchor", _render_note_anchor)
    md.use(attrs_block_plugin, allowed=("id",))
    md.core.ruler.after("block", "heading_id", _heading_ids)
    return md


@functools.lru_cache(maxsize=1)
def _recording_parser() -> MarkdownIt:
    """The same parser, its inline rules reporting where they match: for writing a unit's text (`msgids`)."""
    md = new_parser()
    record_spans(md)
    return md


def _heading_ids(state: StateCore) -> None:
    """Take a trailing `{#id}` off a heading's text and give its id to the heading."""
    tokens = state.tokens
    for index, token in enumerate(tokens):
        if token.type != "heading_open" or tokens[index + 1].type != "inline":
            continue
        inline = tokens[index + 1]
        content = inline.content.rstrip()
        start = content.rfind("{")
        if not content.endswith("}") or start < 0:
            continue
        try:
            last, attrs = parse_attrs(content[start:])  # the offset of the closing brace
        except ParseError:
            continue
        if start + last + 1 == len(content) and "id" in attrs:
            token.attrSet("id", attrs["id"])
            inline.content = content[:start].rstrip()


def _render_note_reference(self: Any, tokens: Sequence[Token], idx: int, options: Any, env: Mapping[str, Any]) -> str:
    """A reference to a note: its number raised, as GitHub shows it (a citation marker keeps its brackets),
    described by the notes' heading for screen readers."""
    meta = tokens[idx].meta
    number = meta["id"] + 1
    anchor = f"fnref{number}" + (f":{meta['subId']}" if meta.get("subId", 0) > 0 else "")
    return (f'<sup class="footnote-ref"><a href="#fn{number}" id="{anchor}" aria-describedby="notes-heading">'
            f"{number}</a></sup>")


def _render_notes_open(self: Any, tokens: Sequence[Token], idx: int, options: Any, env: Mapping[str, Any]) -> str:
    """The notes' section, with a heading in the page's language."""
    heading = env.get(NOTE_LABELS, _DEFAULT_LABELS)["heading"]
    return (f'<section class="footnotes" aria-labelledby="notes-heading">\n<h2 id="notes-heading">{heading}</h2>\n'
            '<ol class="footnotes-list">\n')


def _render_note_anchor(self: Any, tokens: Sequence[Token], idx: int, options: Any, env: Mapping[str, Any]) -> str:
    """The link from a note back to where the text refers to it, named in the page's language."""
    meta = tokens[idx].meta
    target = f"fnref{meta['id'] + 1}" + (f":{meta['subId']}" if meta.get("subId", 0) > 0 else "")
    back = env.get(NOTE_LABELS, _DEFAULT_LABELS)["back"]
    return f' <a href="#{target}" class="footnote-backref" aria-label="{back}">↩\ufe0e</a>'


def parse_document(body: str) -> tuple[list[Token], dict[str, Any]]:
    """Block tokens of a Markdown body, and the parse's environment (link references, notes)."""
    env: dict[str, Any] = {}
    return parser().parse(body, env), env


def parse_document_to_change(body: str) -> tuple[list[Token], Mapping[str, Any]]:
    """Like `parse_document`, for a caller that changes block tokens and images: each locale's page renders
    the same source, parsed once; each call gets its own copies of those, the other inline tokens and the
    environment are shared, for reading only."""
    tokens, env = parsed_document(body)
    return [_own_copy(token) for token in tokens], env


@functools.lru_cache(maxsize=8)  # the article a build's job reads, checks the links of and renders in every locale
def parsed_document(body: str) -> tuple[tuple[Token, ...], Mapping[str, Any]]:
    """Like `parse_document`, parsed once and shared: for reading only, never to change."""
    tokens, env = parse_document(body)
    return tuple(tokens), env


def _own_copy(token: Token) -> Token:
    """A block token whose attributes, content and children can change, and whose images can."""
    copy = token.copy(attrs=dict(token.attrs))
    if token.children is not None:
        copy.children = [child.copy(attrs=dict(child.attrs)) if child.type == "image" else child for child in token.children]
    return copy


def parse_body(body: str) -> list[Token]:
    """Block tokens of a Markdown body."""
    return parse_document(body)[0]


def parse_inline(text: str) -> list[Token]:
    """Inline tokens (the children) of one unit's text: fresh ones, which the caller may change.

    In a unit's text a newline is a hard line break (that is how `msgids` writes one). Most
    texts hold no Markdown at all: those become their one text token without the parser's
    pass (the tests compare both ways).
    """
    if not _INLINE_START.search(text):
        return [Token("text", "", 0, content=text)] if text else []
    tokens = parser().parseInline(text, {UNIT_MODE: True})
    children = tokens[0].children or [] if tokens else []
    for child in children:
        if child.type == "softbreak":
            child.type, child.tag = "hardbreak", "br"
    return children


@functools.lru_cache(maxsize=TEXT_CACHE_SIZE)
def inline_tokens(text: str) -> tuple[Token, ...]:
    """The inline tokens of a text, parsed once and shared: for reading only, never to change."""
    return tuple(parse_inline(text))


def unit_slots(tokens: Sequence[Token], env: Mapping[str, Any] | None = None) -> Iterator[UnitSlot]:
    """Every translatable unit of a body, in document order (`env`: its parse's environment)."""
    containers: list[Token] = []
    in_references = False
    references = (env or {}).get("references", {})
    for index, token in enumerate(tokens):
        if token.type == "inline" and tokens[index - 1].type == "heading_open":
            in_references = token.content.strip().rstrip(":").casefold() in REFERENCE_HEADINGS
        if token.type in CONTAINER_UNITS:
            containers.append(token)
        elif token.type.replace("_close", "_open") in CONTAINER_UNITS and token.nesting == -1:
            containers.pop()
        elif token.type == "inline" and index > 0 and tokens[index - 1].type in BLOCK_UNITS:
            for slot in _slots(tokens[index - 1], token, containers, references):
                if in_references and slot.kind == "list-item":
                    slot.kind = "reference"
                yield slot


def _slots(opening: Token, inline: Token, containers: list[Token], references: Mapping) -> Iterator[UnitSlot]:
    """The units an inline token holds: its text, or a standalone image's alt text and title."""
    kind = BLOCK_UNITS[opening.type]
    level = int(opening.tag[1]) if kind == "heading" else None
    if kind == "paragraph" and containers:
        kind = CONTAINER_UNITS[containers[-1].type]
    line = (inline.map or opening.map or [0])[0]
    element = None if opening.hidden else opening
    container = containers[-1] if containers else None
    children = [c for c in inline.children or [] if not (c.type == "text" and not c.content.strip())]
    children = [c for c in children if not is_comment(c)]
    if kind != "heading" and len(children) == 1 and children[0].type == "image":
        image = children[0]
        alt = unit_text(image.content, image.children or [], references, _recording_parser())
        if alt:
            yield UnitSlot("image-alt", None, line, inline, image, image, container, alt)
        title = str(image.attrGet("title") or "").strip()
        if alt and title:
            yield UnitSlot("image-title", None, line, inline, None, image, container, title)
        return
    text = unit_text(inline.content, inline.children or [], references, _recording_parser()) if inline.content.strip() else ""
    if text:
        yield UnitSlot(kind, level, line, inline, element, None, container, text)


def link_scheme(url: str) -> str | None:
    """The scheme of a link target (`https`), or None for a relative link."""
    match = _SCHEME.match(url.strip())
    return match.group(1).lower() if match else None


@functools.lru_cache(maxsize=TEXT_CACHE_SIZE)
def plain_text(text: str) -> str:
    """A unit's words without Markdown syntax, HTML tags or link targets."""
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
