"""A unit's text as its catalog holds it: the source's inline Markdown, written for translators.

What md2po and po4a-commonmark give translators, and what they expect: characters rather
than entities (`föö` for `f&ouml;&ouml;`), a reference link written inline with its target
(`[NHS](https://www.nhs.uk/)` for `[NHS][nhs]`, so the translation carries its link), no
HTML comments, soft line breaks joined, and a hard line break as a plain newline (never as
trailing spaces, whichever way the source wrote it).

The parser's own inline rules find these spans: `record_spans` wraps them so that, while a
unit's text is being rewritten, each reports where it matched. A rewritten text must render
as its source does; one that would not (an edge of emphasis rules) is kept as written.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Callable, Mapping, NamedTuple, Sequence

from markdown_it.rules_inline import StateInline, entity, escape, html_inline, image, link, newline
from markdown_it.token import Token

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

#: The parse environment's key of a unit's own text (see `markdown.parse_inline`).
UNIT_MODE = "pipeline.unit"
_SPANS = "pipeline.spans"
_HARD_BREAK = "\x00"  # markdown-it turns NUL into U+FFFD, so a source never holds one
_ASCII_PUNCTUATION = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
#: ASCII punctuation that means nothing in inline Markdown, written as is when an entity gave it.
_INERT = frozenset("\"'#$%,-./:;=>?@^{}+")
_STARTS_ENTITY = re.compile(r"#\d|#x[0-9a-f]|[a-z][a-z0-9]*;", re.IGNORECASE)
_STARTS_TAG = re.compile(r"[A-Za-z/!?]")
_SPACES = re.compile(r"[ \t\n]+")


class Span(NamedTuple):
    """A stretch of a unit's source that its text writes differently."""

    start: int
    end: int
    kind: str  # entity, hard-break, soft-break, comment, reference
    char: str = ""  # an entity's character
    label: tuple[int, int] = (0, 0)  # a reference link's text, within the source
    target: str = ""  # a reference link's destination and title, written inline
    image: bool = False


def is_comment(token: Token) -> bool:
    """Whether an inline or block token is an HTML comment (never a unit, never on a page)."""
    return token.type in ("html_inline", "html_block") and token.content.lstrip().startswith("<!--")


def unit_text(content: str, tokens: Sequence[Token], references: Mapping[str, Any], md: "MarkdownIt") -> str:
    """The text of a unit whose source is `content`, parsed into `tokens` with the body's link references.

    `md` is the parser with `record_spans`; only a unit that holds something to rewrite is parsed again.
    """
    maybe = "&" in content or "<!--" in content or (references and "[" in content) or (
        "\n" in content and any(token.type == "hardbreak" for token in tokens))
    if not maybe or ("&" not in content and not any(_rewritten(token) for token in tokens)):
        return _joined(content)
    spans: list[Span] = []
    md.inline.parse(content, md, {"references": references, _SPANS: spans}, [])
    text = _joined(_rewrite(content, 0, len(content), sorted(spans)))
    if _rendered(md, text, {}, as_unit=True) != _rendered(md, content, references, as_unit=False):
        return _joined(content)  # an edge case the rewriting would change: kept as written
    return text


def _rewritten(token: Token) -> bool:
    """Whether a unit's text writes a token differently from its source: a hard break, a comment, a reference."""
    return token.type == "hardbreak" or is_comment(token) or (token.type in ("link_open", "image") and "label" in token.meta)


def _rewrite(src: str, start: int, end: int, spans: list[Span]) -> str:
    """The source between two offsets, with the spans inside it written as a unit's text has them."""
    out: list[str] = []
    position = start
    for span in spans:
        if span.start < position or span.end > end:
            continue  # inside a span already written, or outside this stretch
        before = src[position : span.start]
        if span.kind in ("hard-break", "soft-break") or (span.kind == "comment" and src[span.end : span.end + 1] in ("", " ", "\n")):
            before = before.rstrip(" \t")
        out.append(before)
        if span.kind == "entity":
            out.append(_entity_text(span.char, src[span.end :]))
        elif span.kind == "hard-break":
            out.append(_HARD_BREAK)
        elif span.kind == "soft-break":
            out.append(" ")
        elif span.kind == "reference":
            inner = _rewrite(src, span.label[0], span.label[1], spans)
            out.append(f"{'!' if span.image else ''}[{inner}]({span.target})")
        position = span.end
    out.append(src[position:end])
    return "".join(out)


def _entity_text(char: str, after: str) -> str:
    """An entity's character as a unit's text writes it: itself, or escaped where Markdown would read it."""
    if char not in _ASCII_PUNCTUATION or char in _INERT:
        return char
    if char == "&" and not _STARTS_ENTITY.match(after):
        return char
    if char == "<" and not _STARTS_TAG.match(after[:1]):
        return char
    return "\\" + char


def _joined(text: str) -> str:
    """Lines joined into one (code spans and tags included), hard breaks kept as newlines."""
    joined = " ".join(line.strip() for line in text.split("\n")).strip()
    return "\n".join(part.strip(" ") for part in joined.split(_HARD_BREAK))


def _rendered(md: "MarkdownIt", text: str, references: Mapping[str, Any], as_unit: bool) -> str:
    """A text's inline HTML without comments, white space folded: what two spellings must share.

    `as_unit`: the text is a unit's, where a newline is a hard break; else the source's.
    """
    tokens = md.parseInline(text, {"references": references, UNIT_MODE: True})
    children = [c for c in (tokens[0].children or []) if not is_comment(c)] if tokens else []
    for child in children if as_unit else ():
        if child.type == "softbreak":
            child.type = "hardbreak"
    return _SPACES.sub(" ", md.renderer.renderInline(children, md.options, {})).strip()


def _destination(href: str, title: str) -> str:
    """A link's destination and title as an inline link writes them."""
    written = f"<{href}>" if any(c in href for c in " ()<>") or not href else href
    if title:
        written += ' "' + title.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return written


Rule = Callable[[StateInline, bool], bool]


def _recording(rule: Rule, record: Callable[[StateInline, int, int], Span | None]) -> Rule:
    """An inline rule that, while a unit's text is rewritten, reports the spans it matched."""

    def recorded(state: StateInline, silent: bool) -> bool:
        spans = state.env.get(_SPANS)
        if spans is None or silent:
            return rule(state, silent)
        start, count = state.pos, len(state.tokens)
        if not rule(state, silent):
            return False
        span = record(state, start, count)
        if span is not None:
            spans.append(span)
        return True

    return recorded


def _entity(state: StateInline, start: int, count: int) -> Span | None:
    return Span(start, state.pos, "entity", char=state.tokens[-1].content)


def _break(state: StateInline, start: int, count: int) -> Span | None:
    made = state.tokens[-1].type if len(state.tokens) > count else ""
    if made in ("hardbreak", "softbreak"):
        return Span(start, state.pos, "hard-break" if made == "hardbreak" else "soft-break")
    return None


def _comment(state: StateInline, start: int, count: int) -> Span | None:
    return Span(start, state.pos, "comment") if is_comment(state.tokens[-1]) else None


def _reference(state: StateInline, start: int, count: int) -> Span | None:
    # Pending text is pushed first: the link's own token is the first link or image after it.
    opening = next(t for t in state.tokens[count:] if t.type in ("link_open", "image"))
    if "label" not in opening.meta:
        return None  # an inline link: written as it is
    is_image = opening.type == "image"
    end = state.pos
    state.pos = start
    label_end = state.md.helpers.parseLinkLabel(state, start + 1 if is_image else start, not is_image)
    state.pos = end
    href = str(opening.attrGet("src" if is_image else "href") or "")
    target = _destination(href, str(opening.attrGet("title") or ""))
    return Span(start, end, "reference", label=(start + (2 if is_image else 1), label_end), target=target,
                image=is_image)


def record_spans(md: "MarkdownIt") -> None:
    """Make the parser's inline rules report the spans a unit's text writes differently."""
    md.inline.ruler.at("entity", _recording(entity, _entity))
    md.inline.ruler.at("newline", _recording(newline, _break))
    md.inline.ruler.at("escape", _recording(escape, _break))
    md.inline.ruler.at("html_inline", _recording(html_inline, _comment))
    md.inline.ruler.at("link", _recording(link, _reference))
    md.inline.ruler.at("image", _recording(image, _reference))
