"""How a catalog is laid out on disk: line wrapping as GNU gettext, Poedit or Weblate write it.

A catalog is written in the style of the file it came from, so that a translator's tool and
ours agree on every line. Three families exist in the wild:

- **no wrapping** (`msgcat --no-wrap`, and this tool's own files): one line per message, and
  per `\\n` of it;
- **GNU** (msgcat, msgmerge, Poedit): lines of at most 79 columns (or `-w N`), broken where
  Unicode's line-breaking rules (UAX #14) allow, as libunistring decides;
- **translate-toolkit** (Weblate's PO layer): lines wrapped at 77 by Weblate's own
  gettext-compatible wrapper (`unicode_segmentation_rs.gettext_wrap`).

Only parts of an entry that changed are laid out again: the others keep their lines.
"""

from __future__ import annotations

import functools
import itertools
import re
from dataclasses import dataclass
from typing import Iterable, Sequence

from unicode_segmentation_rs import gettext_wrap, line_breaks, text_width

from .po import PARTS, Header, Message

_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r", "\a": "\\a", "\b": "\\b",
            "\f": "\\f", "\v": "\\v"}
_TO_ESCAPE = re.compile("[" + re.escape("".join(_ESCAPES)) + "]")
#: GNU breaks after a full stop or comma before a letter (libunistring tailors UAX #14 so: "<P>Some sentence.</P>").
_INFIX = re.compile(r"[.,:;](?=[^\W\d_])")
_ESCAPED = re.compile(r"\\.")
#: Line and paragraph separators: mandatory breaks in UAX #14 (the other ones are escaped or refused).
MANDATORY_BREAKS = ("\u2028", "\u2029")
_SEPARATOR = re.compile("[\u2028\u2029] *")
_PORTION = re.compile(r"[^\n]*\n|[^\n]+")
#: References are wrapped at this width when strings are not (as msgcat --no-wrap does).
REFERENCE_WIDTH = 79


@dataclass(frozen=True)
class Style:
    """A way of wrapping strings: a width (None: never) and whose wrapping rules."""

    width: int | None = None
    toolkit: bool = False  # translate-toolkit's rules (Weblate) rather than GNU's

    def __str__(self) -> str:
        if self.width is None:
            return "no wrapping"
        return f"wrapped at {self.width} as {'translate-toolkit' if self.toolkit else 'GNU gettext'} does"


NO_WRAP = Style()
GNU = Style(79)
WEBLATE = Style(77, toolkit=True)


def escape(text: str) -> str:
    """A string as a PO file spells it between quotes."""
    return _TO_ESCAPE.sub(lambda m: _ESCAPES[m.group()], text)


def string_lines(prefix: str, keyword: str, value: str, style: Style, kept: Sequence[tuple[str, list[str]]] = ()) -> list[str]:
    """The lines of `keyword "value"` in a style; `kept` portions (text, lines) already on disk are reused."""
    portions = split_portions(value)
    if style.toolkit and style.width:
        return _toolkit_lines(prefix, keyword, value, style.width)
    width = (style.width or 10**9) - 2 - len(prefix)  # the room between the quotes of a continuation line
    if len(portions) <= 1 and _fits(escape(value), len(keyword) + 1, width):
        return [f'{prefix}{keyword} "{escape(value)}"']
    reuse = dict(kept)
    lines = [f'{prefix}{keyword} ""']
    for portion in portions:
        lines += reuse.get(portion) or [f'{prefix}"{line}"' for line in _gnu_wrap(escape(portion), width)]
    return lines


def split_portions(value: str) -> list[str]:
    """A string cut after each `\\n`: GNU starts a new line there whatever the width."""
    return _PORTION.findall(value)


def reference_lines(references: Iterable[str], width: int = REFERENCE_WIDTH) -> list[str]:
    """`#:` lines as GNU writes them: as many references per line as fit in `width` bytes."""
    lines, line, size = [], "#:", 2
    for reference in references:
        length = len(reference.encode())
        if size > 2 and size + length + 1 > width:
            lines.append(line)
            line, size = "#:", 2
        line += f" {reference}"
        size += length + 1
    return [*lines, line] if size > 2 else lines


def message_lines(message: Message, style: Style) -> list[str]:
    """The lines of one entry, parts that did not change as they were on disk."""
    lines: list[str] = []
    references_width = style.width or REFERENCE_WIDTH
    if "no-wrap" in message.flags and not style.toolkit:  # GNU leaves such an entry's strings whole
        style = NO_WRAP
    string_prefix = "#~ " if message.obsolete else ""
    same_place = message.original.get("obsolete", (None,))[0] == message.obsolete  # `#~ ` lines stay `#~ ` lines
    for part in PARTS:
        value = message.value(part)
        if part in message.original and message.original[part][0] == value and (same_place or "comments" in part):
            lines += message.original[part][1]
        elif part == "translator_comments":
            lines += [f"# {c}" if c else "#" for c in message.translator_comments]
        elif part == "extracted_comments":
            lines += [f"#. {c}" for c in message.extracted_comments]
        elif part == "references":
            lines += reference_lines(message.references, references_width)
        elif part == "flags":
            lines += [f"#, {', '.join(message.flags)}"] if message.flags else []
        elif part.startswith("previous_"):
            if value is not None:
                lines += string_lines("#~| " if message.obsolete else "#| ", part[9:], str(value), style)
        elif part == "msgstr" and message.msgid_plural is not None:
            forms = message.msgstr_plural or [""]
            lines += [line for n, form in enumerate(forms) for line in string_lines(string_prefix, f"msgstr[{n}]", form, style)]
        elif value is not None:
            lines += string_lines(string_prefix, part, str(value), style)
    return lines


def header_lines(header: Header, style: Style) -> list[str]:
    """The header entry's lines; unchanged comments, flags and fields keep theirs."""
    original = header.original
    lines = list(original["comments"][1]) if original.get("comments", (None,))[0] == tuple(header.comments) else [
        f"#{c}" for c in header.comments]
    if original.get("flags", (None,))[0] == tuple(header.flags):
        lines += original["flags"][1]
    elif header.flags:
        lines.append(f"#, {', '.join(header.flags)}")
    lines += original.get("msgid", (None, ['msgid ""']))[1]
    if original.get("msgstr", (None,))[0] == header.text:
        return lines + original["msgstr"][1]
    kept = original.get("portions", (None, []))[1]
    return lines + string_lines("", "msgstr", header.text, style, kept)


def _fits(escaped: str, start: int, width: int) -> bool:
    """Whether GNU writes the text on the keyword's line: it fits, or cannot be broken anyway."""
    return len(_gnu_wrap(escaped, width, start)) == 1


def _gnu_wrap(escaped: str, width: int, start: int = 0) -> list[str]:
    """GNU's greedy line filling over the places UAX #14 (tailored as libunistring) lets it break.

    After a line or paragraph separator (a mandatory break) libunistring counts columns from
    zero again, and GNU does not break the line there.
    """
    lines, line, column = [], "", start
    for piece in pieces(escaped):
        size = columns(piece)
        if line and column + size > width and not line.endswith(MANDATORY_BREAKS):
            lines.append(line)
            line, column = "", 0
        line += piece
        column = 0 if piece.endswith(MANDATORY_BREAKS) else column + size
    return [*lines, line]


def columns(text: str) -> int:
    """Columns a text takes, character by character as libunistring counts (no ligatures such as lam-alef)."""
    return len(text) if text.isascii() else sum(_char_columns(c) for c in text)


@functools.lru_cache(maxsize=4096)
def _char_columns(char: str) -> int:
    return 0 if char in MANDATORY_BREAKS else text_width(char)  # libunistring gives separators no width


def pieces(escaped: str) -> list[str]:
    """The text cut at every place a line may break: never inside an escape, nor before a final `\\n`."""
    breaks = [b for b, _ in line_breaks(escaped)]
    if not escaped.isascii():  # UAX #14 answers in UTF-8 bytes
        characters = dict(zip(itertools.accumulate((len(c.encode()) for c in escaped), initial=0), itertools.count()))
        breaks = [characters[b] for b in breaks if b in characters]
    allowed = set(breaks)
    allowed.update(m.end() for m in _INFIX.finditer(escaped) if _char_columns(escaped[m.end()]) == 1)
    allowed.difference_update(m.start() + 1 for m in _ESCAPED.finditer(escaped))
    if escaped.endswith("\\n"):
        allowed.discard(len(escaped) - 2)
    for separator in _SEPARATOR.finditer(escaped):  # a new line starts there: no break after its first spaces
        allowed.difference_update(range(separator.start() + 2, separator.end() + 1))
    cuts = [0, *sorted(allowed), len(escaped)]
    return [escaped[a:b] for a, b in zip(cuts, cuts[1:]) if b > a]


def _toolkit_lines(prefix: str, keyword: str, value: str, width: int) -> list[str]:
    """A string as translate-toolkit writes it (Weblate's gettext_wrap, `""` first when it wraps)."""
    escaped = escape(value)
    wrapped = gettext_wrap(escaped, width) if escaped else []
    if not wrapped:
        return [f'{prefix}{keyword} ""']
    if len(wrapped) >= 2 or len(wrapped[0]) > width - 6:
        wrapped = ["", *wrapped]
    return [f'{prefix}{keyword} "{wrapped[0]}"', *(f'{prefix}"{line}"' for line in wrapped[1:])]
