"""Which style a catalog was written in, read from its own lines.

A file none of whose strings is wrapped is the tool's own style (or, when every line is
short, the style its `X-Generator` names). Otherwise each wrapped or whole string says
which widths GNU's line filling would write it so at: a line of several pieces fits, and
the piece that opens the next line did not. When one width writes them all, that is the
file's (79 when the file allows it, else the width nearest to it); when none does, the
file is translate-toolkit's (Weblate's) or mixed, and the style that writes most of its
strings as they are wins.
"""

from __future__ import annotations

from typing import Iterable, Iterator, Mapping, Sequence

from .style import (
    GNU, MANDATORY_BREAKS, NO_WRAP, WEBLATE, Style, columns, escape, pieces, split_portions, string_lines,
)

_ANY = 10**9  # no bound
#: A string as read: its line prefix (`#~ `, `#| `…), keyword, value, lines, and whether its entry is `no-wrap`.
_String = tuple[str, str, str, list[str], bool]
#: An entry as read: each part's value and lines (`Message.original`, `Header.original`).
Original = Mapping[str, tuple[object, list]]


def detect_style(messages: Sequence[Original], header: Original, generator: str | None) -> Style:
    """The style that writes a file's strings as they are (the tool's own when any would), from what was read.

    Each message (and the header) is what it was on disk (`Message.original`: each part's
    value and lines), so that a catalog can be changed before its style is first asked for;
    `generator` is the X-Generator field as read.
    """
    strings = [string for original in messages for string in _strings_of(original)] + _header_string(header)
    references = [_reference_widths(m["references"][1]) for m in messages if "references" in m]
    lowest, highest = _common([found for found in references if found is not None])
    if not any(len(lines) > _unwrapped_lines(value) for _, _, value, lines, _ in strings):
        if lowest <= GNU.width <= highest:  # references as GNU writes them at 79, wrapping strings or not
            long_lines = any(len(line) > GNU.width // 2 and columns(line) > GNU.width  # (2 columns a character at most)
                             for _, _, _, lines, whole in strings if not whole for line in lines)
            return NO_WRAP if long_lines else _hinted(generator)  # (short lines leave it open)
    bounds = [_gnu_widths(*string) for string in strings] + references
    feasible = [found for found in bounds if found is not None]
    lowest, highest = _common(feasible)
    gnu = Style(min(max(GNU.width, lowest), highest)) if lowest <= highest else GNU
    if len(feasible) == len(bounds) and lowest <= highest:
        return gnu
    candidates = [style for style in dict.fromkeys([_hinted(generator), gnu, GNU, WEBLATE]) if style.width]
    scores = [_score(strings, style) for style in candidates]
    return candidates[scores.index(max(scores))]


def _score(strings: list[_String], style: Style) -> tuple[int, int]:
    """How many wrapped strings, then strings, a style writes as they are: the last tool to wrap is the file's."""
    wrapped = written = 0
    for prefix, keyword, value, lines, whole in strings:
        if string_lines(prefix, keyword, value, NO_WRAP if whole and not style.toolkit else style) == lines:
            written += 1
            wrapped += len(lines) > _unwrapped_lines(value)
    return wrapped, written


def _common(bounds: list[tuple[int, int]]) -> tuple[int, int]:
    """The widths every one of the bounds allows (lowest above highest when none)."""
    return max((low for low, _ in bounds), default=0), min((high for _, high in bounds), default=_ANY)


def _reference_widths(lines: list[str]) -> tuple[int, int] | None:
    """The widths at which GNU writes these `#:` lines: a line of several fits, the next reference did not."""
    if not all(line.startswith("#: ") for line in lines):
        return None
    sizes = [len(line.encode()) for line in lines]
    lowest = max((size for line, size in zip(lines, sizes) if len(line.split()) > 2), default=0)
    highest = min((size + len(following.split()[1].encode()) for size, following in zip(sizes, lines[1:])),
                  default=_ANY)
    return lowest, highest


def _gnu_widths(prefix: str, keyword: str, value: str, lines: list[str], whole: bool) -> tuple[int, int] | None:
    """The widths at which GNU writes the string as these lines, lowest and highest; None when no width does."""
    if whole:  # a `no-wrap` entry: GNU leaves it whole at any width
        return (0, _ANY) if lines == string_lines(prefix, keyword, value, NO_WRAP) else None
    margin = 2 + len(prefix)  # the quotes and the prefix of a continuation line
    start = len(keyword) + 1
    escaped = escape(value)
    portions = split_portions(value)
    if len(lines) == 1:
        if len(portions) > 1 or lines[0] != f'{prefix}{keyword} "{escaped}"':
            return None
        return _room(pieces(escaped), start) + margin, _ANY
    if lines[0] != f'{prefix}{keyword} ""' or not all(line.startswith(f'{prefix}"') for line in lines[1:]):
        return None
    lowest, highest = 0, _ANY
    if len(portions) == 1:  # it did not fit on the keyword's line
        room = _room(pieces(escaped), start)
        if not room:
            return None
        highest = room + margin - 1
    contents = (line[len(prefix) + 1:-1] for line in lines[1:])
    for portion in portions:
        bounds = _portion_widths(pieces(escape(portion)), contents)
        if bounds is None:
            return None
        lowest, highest = max(lowest, bounds[0] + margin), min(highest, bounds[1] + margin)
    if next(contents, None) is not None:
        return None
    return lowest, highest


def _portion_widths(parts: list[str], contents: Iterator[str]) -> tuple[int, int] | None:
    """The rooms between the quotes at which greedy filling cuts a portion's pieces into the next of `contents`."""
    lowest, highest, index = 0, _ANY, 0
    for line in contents:
        taken, length = index, 0
        while index < len(parts) and length < len(line):
            length += len(parts[index])
            index += 1
        if "".join(parts[taken:index]) != line:
            return None
        lowest = max(lowest, _room(parts[taken:index], 0))  # the line fits
        if index == len(parts):
            return lowest, highest
        if parts[index - 1].endswith(MANDATORY_BREAKS):  # GNU never breaks there
            return None
        highest = min(highest, _room(parts[taken:index + 1], 0) - 1)  # and the piece after it did not
    return None


def _room(parts: list[str], start: int) -> int:
    """The least room in which greedy filling from column `start` keeps the pieces on one line (0: any room)."""
    needed, column = 0, start
    for number, piece in enumerate(parts):
        size = columns(piece)
        if number and not parts[number - 1].endswith(MANDATORY_BREAKS):
            needed = max(needed, column + size)
        column = 0 if piece.endswith(MANDATORY_BREAKS) else column + size
    return needed


def _hinted(generator: str | None) -> Style:
    """The style the tool that last saved the file writes, as its header's X-Generator says (the tool's own otherwise)."""
    generator = (generator or "").lower()
    if "weblate" in generator or "translate toolkit" in generator:
        return WEBLATE
    return GNU if "poedit" in generator else NO_WRAP


def _unwrapped_lines(value: str) -> int:
    """How many lines a string takes when it is not wrapped: one, or `""` and one per `\\n`-ended piece."""
    count = len(split_portions(value))
    return 1 if count <= 1 else count + 1


def _strings_of(original: Original) -> Iterable[_String]:
    """The strings of a message as read from a file, each with its prefix, keyword, value and lines."""
    whole = "no-wrap" in original.get("flags", ((),))[0]  # type: ignore[operator]
    obsolete = original["obsolete"][0]
    prefix = "#~ " if obsolete else ""
    for part in ("previous_msgctxt", "previous_msgid", "previous_msgid_plural", "msgctxt", "msgid", "msgid_plural"):
        value = original[part][0] if part in original else None
        if isinstance(value, str):
            marker = ("#~| " if obsolete else "#| ") if part.startswith("previous_") else prefix
            yield marker, part.removeprefix("previous_"), value, original[part][1], whole
    if "msgstr" not in original:
        return
    value, lines = original["msgstr"]
    if isinstance(value, str):  # (a plural message's forms are a tuple)
        yield prefix, "msgstr", value, lines, whole
        return
    forms: list[list[str]] = []
    for line in lines:
        if line.lstrip("#~ ").startswith("msgstr[") or not forms:
            forms.append([])
        forms[-1].append(line)
    for number, (form, form_lines) in enumerate(zip(value, forms)):  # type: ignore[call-overload]
        yield prefix, f"msgstr[{number}]", form, form_lines, whole


def _header_string(header: Original) -> list[_String]:
    """The header's msgstr as read, when it was."""
    found = header.get("msgstr")
    return [("", "msgstr", str(found[0]), list(found[1]), False)] if found else []
