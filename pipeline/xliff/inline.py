"""A unit's inline Markdown as XLIFF carries it: runs of text between protected inline codes.

Links, emphasis, strong, strikethrough, images, code spans, autolinks and hard line breaks
become codes that a CAT tool shows as tags and cannot break; the text between them stays
Markdown (an escaped `\\*` is shown as it is written). The codes are found by the project's
own markdown-it configuration, whose inline rules are wrapped to note where in the text
each token came from, so the pieces joined again give the text back byte for byte.
"""

from __future__ import annotations

import functools
from collections import Counter
from dataclasses import dataclass, replace
from typing import Callable, Iterable, Literal

from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline

from ..markdown import new_parser
from ..msgids import UNIT_MODE

Role = Literal["open", "close", "standalone"]

#: The kind of code each token type stands for (an image's alt text stays inside its pair).
KINDS: dict[str, str] = {
    "em": "emphasis",
    "strong": "strong",
    "s": "strikethrough",
    "link": "link",
    "image": "image",
    "code_inline": "code",
    "hardbreak": "break",
    "softbreak": "break",  # in a unit's text a newline is a hard line break (see `msgids`)
}

_SPAN = "xliff_span"  # token.meta key: where in the text the token's Markdown is
_NOTED_END = "xliff_break_end"  # env key: where the last line break's span ends


@dataclass(frozen=True)
class Tag:
    """Where an inline code stands: its start, its end, or the whole of a standalone code."""

    id: str  # the code's id in its unit: "1", "2"…, shared by a pair's start and end
    role: Role
    markdown: str  # the Markdown this tag stands for: "[", "](https://…)", "`dose`"
    kind: str | None = None  # what it is (link, emphasis…), when the text was parsed here


Piece = str | Tag
Pieces = tuple[Piece, ...]


def join(pieces: Iterable[Piece]) -> str:
    """The Markdown text the pieces stand for."""
    return "".join(piece if isinstance(piece, str) else piece.markdown for piece in pieces)


def split_inline(text: str) -> Pieces:
    """A unit's text as runs of text and tags, codes numbered in the order they open."""
    tokens = _locating_parser().parseInline(text, {UNIT_MODE: True})
    spans: list[tuple[int, int, str, Role]] = []  # start, end, kind, role
    for token in tokens[0].children or [] if tokens else []:
        span = token.meta.get(_SPAN)
        if span is None or token.type == "text":
            continue  # text (unpaired delimiters too), an autolink's text and end
        if token.type == "link_open" and token.markup == "autolink":
            spans.append((*span, "autolink", "standalone"))
        elif token.type == "image":
            spans += [(span[0], span[1], "image", "open"), (span[2], span[3], "image", "close")]
        else:
            kind = KINDS[token.type if token.nesting == 0 else token.tag if token.tag != "a" else "link"]
            spans.append((*span, kind, "open" if token.nesting == 1 else "close" if token.nesting == -1 else "standalone"))
    return _pieces(text, sorted(spans))


def _pieces(text: str, spans: list[tuple[int, int, str, Role]]) -> Pieces:
    """The text cut at the codes' spans, in text order; a close ends the innermost open code.

    Pairs are matched in text order, not token order: markdown-it moves an odd `~` past
    the closing tokens of strikethrough, which reorders them.
    """
    pieces: list[Piece] = []
    opened: list[tuple[str, str]] = []  # id, kind
    position = count = 0
    for start, end, kind, role in spans:
        if start < position or end <= start:
            raise AssertionError(f"inline codes overlap at {start} in {text!r}")
        if start > position:
            pieces.append(text[position:start])
        if role == "close":
            code_id, opened_kind = opened.pop()
            if opened_kind != kind:
                raise AssertionError(f"{kind} closes {opened_kind} at {start} in {text!r}")
        else:
            count += 1
            code_id = str(count)
            if role == "open":
                opened.append((code_id, kind))
        pieces.append(Tag(code_id, role, text[start:end], kind))
        position = end
    if position < len(text):
        pieces.append(text[position:])
    return tuple(pieces)


def align(source: Pieces, target: Pieces) -> Pieces:
    """A translation's tags numbered as the source's codes they correspond to.

    A code matches the source's code of the same Markdown first, then one of the same
    kind, each in order; a code the source lacks gets a number of its own after theirs.
    """
    source_codes = _codes(source)
    target_codes = _codes(target)
    free = list(source_codes)
    renumbered: dict[str, str] = {}
    for same in (lambda a, b: a == b, lambda a, b: a[0] == b[0]):
        for code_id, code in target_codes.items():
            match = next((s for s in free if code_id not in renumbered and same(source_codes[s], code)), None)
            if match is not None:
                renumbered[code_id] = match
                free.remove(match)
    extra = len(source_codes)
    for code_id in target_codes:
        if code_id not in renumbered:
            extra += 1
            renumbered[code_id] = str(extra)
    return tuple(p if isinstance(p, str) else replace(p, id=renumbered[p.id]) for p in target)


def _codes(pieces: Pieces) -> dict[str, tuple[str | None, tuple[str, ...]]]:
    """Each code of a text: its kind and the Markdown of its tags."""
    codes: dict[str, tuple[str | None, tuple[str, ...]]] = {}
    for piece in pieces:
        if isinstance(piece, Tag):
            kind, markdown = codes.get(piece.id, (piece.kind, ()))
            codes[piece.id] = (kind, (*markdown, piece.markdown))
    return codes


def target_problem(source: Pieces, target: Pieces) -> str | None:
    """What is wrong with a translation's inline codes, or None.

    Its tags must be the source's, each once and nested, and still mean in Markdown what
    they meant; and its Markdown must have the source's codes, kind by kind. A tool that
    wrote the Markdown of a code as text (translate-toolkit does) is fine: the text is
    what counts, the tags only protect it.
    """
    kinds = {p.id: p.kind for p in source if isinstance(p, Tag)}
    roles = {(p.id, p.role) for p in source if isinstance(p, Tag)}
    found = Counter((p.id, p.role) for p in target if isinstance(p, Tag))
    for (code_id, role), count in sorted(found.items()):
        if (code_id, role) not in roles:
            return f"inline code {code_id} is not one of the source's"
        if count > 1:
            return f"inline code {code_id} is there {count} times; the source has it once"
    problem = _nesting_problem(target)
    if problem:
        return problem
    again = _at_offsets(split_inline(join(target)))
    for offset, tag in _at_offsets(target).items():
        parsed = again.get(offset)
        if parsed is None or (parsed.role, parsed.markdown) != (tag.role, tag.markdown):
            return (f"its text breaks inline code {tag.id} ({kinds[tag.id]}): escape a literal * _ ` [ ] < "
                    "or \\ next to it with a backslash")
        if parsed.kind != kinds[tag.id]:
            return f"inline code {tag.id} was {kinds[tag.id]} and is now {parsed.kind}"
    wanted = Counter(p.kind for p in source if isinstance(p, Tag) and p.role != "close")
    made = Counter(p.kind for p in again.values() if p.role != "close")
    for kind in sorted(set(wanted) | set(made), key=str):
        if wanted[kind] != made[kind]:
            return f"it has {made[kind]} {kind} where the source has {wanted[kind]}"
    return None


def _at_offsets(pieces: Pieces) -> dict[int, Tag]:
    """A text's tags by where they start in its Markdown."""
    tags: dict[int, Tag] = {}
    offset = 0
    for piece in pieces:
        if isinstance(piece, Tag):
            tags[offset] = piece
        offset += len(piece if isinstance(piece, str) else piece.markdown)
    return tags


def _nesting_problem(pieces: Pieces) -> str | None:
    """Whether the pairs of a text open before they close and nest, as Markdown needs."""
    opened: list[str] = []
    for piece in pieces:
        if isinstance(piece, Tag) and piece.role == "open":
            opened.append(piece.id)
        elif isinstance(piece, Tag) and piece.role == "close":
            if not opened or opened[-1] != piece.id:
                inner = f" inside {opened[-1]}" if opened else " before it starts"
                return f"inline code {piece.id} ends{inner}: pairs must nest"
            opened.pop()
    if opened:
        return f"inline code {opened[-1]} starts and never ends"
    return None


@functools.lru_cache(maxsize=1)
def _locating_parser() -> MarkdownIt:
    """The project's Markdown configuration, with every inline rule noting its tokens' spans."""
    md = new_parser()
    md.core.ruler.disable("normalize")  # spans index the text as given, "\r\n" and all
    for name in md.inline.ruler.get_all_rules():
        rule = md.inline.ruler.__rules__[md.inline.ruler.__find__(name)].fn
        md.inline.ruler.at(name, _locating(name, rule))
    md.inline.ruler2.before("fragments_join", "xliff_strong_spans", _strong_spans)
    return md


def _locating(name: str, rule: Callable[[StateInline, bool], bool]) -> Callable[[StateInline, bool], bool]:
    """An inline rule that also notes, on the tokens it made, the span of text they stand for."""

    def located(state: StateInline, silent: bool) -> bool:
        start, first = state.pos, len(state.tokens) + bool(state.pending)  # a pending text is flushed first
        if not rule(state, silent):
            return False
        if not silent:
            _note_spans(name, state, start, first)
        return True

    return located


def _note_spans(name: str, state: StateInline, start: int, first: int) -> None:
    """Record where the tokens a rule just made came from, for the kinds that become codes."""
    tokens, end = state.tokens, state.pos
    last = tokens[-1] if tokens else None
    if name in ("newline", "escape") and last is not None and last.type in ("hardbreak", "softbreak"):
        begin, floor = start, state.env.get(_NOTED_END, 0)
        while name == "newline" and begin > floor and state.src[begin - 1] == " ":
            begin -= 1  # the trailing spaces before the break belong to it (not those the last break took)
        last.meta[_SPAN] = (begin, end)
        state.env[_NOTED_END] = end  # a break takes the next line's leading spaces too
    elif name == "backticks" and last is not None and last.type == "code_inline":
        last.meta[_SPAN] = (start, end)
    elif name in ("emphasis", "strikethrough"):
        position = start
        for token in tokens[first:]:  # one text token per delimiter; post-processing may pair them
            token.meta[_SPAN] = (position, position + len(token.content))
            position += len(token.content)
    elif name == "link":
        label_end = state.md.helpers.parseLinkLabel(state, start, True)
        tokens[first].meta[_SPAN] = (start, start + 1)
        tokens[-1].meta[_SPAN] = (label_end, end)
    elif name == "image":
        label_end = state.md.helpers.parseLinkLabel(state, start + 1, False)
        tokens[-1].meta[_SPAN] = (start, start + 2, label_end, end)
    elif name == "autolink":
        tokens[-3].meta[_SPAN] = (start, end)


def _strong_spans(state: StateInline) -> None:
    """A strong delimiter is two characters: markdown-it empties the outer one's token; join it in."""
    tokens = state.tokens
    for index, token in enumerate(tokens):
        if token.type in ("strong_open", "strong_close"):
            outer = tokens[index - 1] if token.type == "strong_open" else tokens[index + 1]
            if outer.type != "text" or outer.content or _SPAN not in outer.meta:
                raise AssertionError(f"unexpected tokens around a strong delimiter in {state.src!r}")
            (a, b), (c, d) = token.meta[_SPAN], outer.meta.pop(_SPAN)
            token.meta[_SPAN] = (min(a, c), max(b, d))
