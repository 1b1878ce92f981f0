"""Reading and writing PO files: polib reads them, and an index of their lines keeps their bytes.

polib decides what a file means (strings, comments, flags, previous msgids, obsolete
entries). Beside it, a pass over the lines records where each entry and each of its parts
sits, so that an entry nobody changed is written back byte for byte, and a changed one
keeps the lines of its unchanged parts. polib skips GNU's `#~|` lines (the previous msgid of
an obsolete entry): they are read as `#|`, which polib understands, and written back as `#~|`.
"""

from __future__ import annotations

import codecs
import functools
import re
from dataclasses import dataclass, field

import polib

from ..characters import CONTROL_CHARACTER, control_character_problem
from .detect import detect_style
from .style import NO_WRAP, Style, header_lines, message_lines
from .po import Catalog, Deferred, Header, Message

#: The start of a line that is none of these: a string line (after `#~`, `#|` or `#~|` too), a bare `#~`
#: or `#|`, a blank line, a comment not ending in `\` (GNU joins such a comment to the next line).
_INVALID_LINE = re.compile(r'''^(?![^\S\n]*(?:  # (each space can be matched one way only: linear on any line)
        (?:(?:\#~\|?|\#\|)[^\S\n]*)?(?:(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)[^\S\n]+)?
            "[^"\\\n]*(?:\\[\\"ntrf][^"\\\n]*)*"[^\S\n]*  # (runs of plain characters: 3x faster than one at a time)
      | (?:\#~\|?|\#\|)[^\S\n]*
      | \#(?![~|])(?:[^\n]*[^\\\n])?
      | )$)''', re.MULTILINE | re.VERBOSE)
#: The escapes a string may hold; the others (\a, \b, \v, octal, hex) spell bytes or controls a page cannot show.
_ESCAPE = re.compile(r'\\(.?)', re.DOTALL)
_ALLOWED_ESCAPES = frozenset('\\"ntrf')
_CHARSET = re.compile(rb"charset=([A-Za-z0-9_.:-]+)")
_KEYWORD = re.compile(r"(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\b")
_POLIB_LINE = re.compile(r"\(line (\d+)\)")
_PREVIOUS = {"msgctxt": "previous_msgctxt", "msgid": "previous_msgid", "msgid_plural": "previous_msgid_plural"}
_COMMENTS = {"#,": "flags", "#.": "extracted_comments", "#:": "references"}
#: A file's style is found in its first messages (and header): enough to tell, in a bounded time.
STYLE_SAMPLE = 300


class PoSyntaxError(ValueError):
    """A PO file that is not valid, at a line."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.line = line


@dataclass
class _Block:
    """The lines of one entry: blank lines before it, its own lines, and each part's lines."""

    leading: list[str] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)
    parts: dict[str, list[str]] = field(default_factory=dict)
    msgid_line: int = 0
    has_msgstr: bool = False
    portions: list[tuple[str, list[str]]] = field(default_factory=list)  # msgstr split at each \n


def decode(data: bytes) -> tuple[str, str, bool]:
    """A PO file's text in the charset its header declares; also that charset and whether a BOM led."""
    bom = data.startswith(codecs.BOM_UTF8)
    if bom:
        data = data[len(codecs.BOM_UTF8):]
    found = _CHARSET.search(data[:4096])
    charset = found.group(1).decode() if found and found.group(1) != b"CHARSET" else "UTF-8"
    codecs.lookup(charset)  # LookupError for a charset Python does not know
    return data.decode(charset), charset, bom


def parse(data: bytes, domain: str) -> Catalog:
    """A catalog from the bytes of a PO or POT file; PoSyntaxError names the line of a problem."""
    text, _, bom = decode(data)
    newline = "\r\n" if "\r\n" in text and text.count("\r\n") == text.count("\n") else "\n"
    lines = text.split(newline)
    ends_with_newline = lines[-1] == ""
    if ends_with_newline:
        lines.pop()
    _check_lines(lines)
    blocks, trailer = _blocks(lines)
    entries = _polib_entries(lines)
    header = Header()
    messages = []
    for block, entry in _paired(blocks, entries):
        if entry is None:
            header = _header(block)
        else:
            messages.append(_message(entry, block))
    _refuse_duplicates(messages)
    catalog = Catalog(domain, header, messages, newline=newline, byte_order_mark=bom,
                      trailer=newline.join(trailer) + (newline if ends_with_newline else ""))
    catalog.style = Deferred(functools.partial(detect_style, [m.original for m in messages[:STYLE_SAMPLE]], header.original,
                                               header.get("X-Generator")))
    return catalog


def render(catalog: Catalog, style: Style | None = None) -> bytes:
    """A catalog as the bytes of a PO file, in its charset; untouched entries exactly as they were read."""
    chosen = functools.cache(lambda: style or catalog.style or NO_WRAP)  # (only a changed entry needs the style)
    header = catalog.header
    unchanged_header = header.original_text is not None and header.original.get("state") == _header_state(header)
    lines = [header.original_text] if unchanged_header else header_lines(header, chosen())
    for message in catalog.messages:
        if message.unchanged():
            lines.append(str(message.original_text))
        else:
            lines += ["", *message_lines(message, chosen())]
    text = catalog.newline.join(lines)
    text += catalog.trailer if catalog.trailer else catalog.newline
    if catalog.newline != "\n":
        text = text.replace("\r\n", "\n").replace("\n", catalog.newline)
    data = text.encode(catalog.charset)
    return codecs.BOM_UTF8 + data if catalog.byte_order_mark else data


def _check_lines(lines: list[str]) -> None:
    """Refuse what polib would misread (an unterminated string loses its last letter) and what a page cannot show."""
    text = "\n".join(lines)
    found = sorted(m.start() for pattern in (_INVALID_LINE, CONTROL_CHARACTER) for m in pattern.finditer(text))
    number, counted = 1, 0
    for position in found:  # only the lines the two patterns point at: one pass over the text
        number, counted = number + text.count("\n", counted, position), position
        line = lines[number - 1]
        string = _string_part(line)
        if _INVALID_LINE.match(line):
            if string is None:
                raise PoSyntaxError("a comment ends with a backslash: GNU gettext reads it as joined to the next "
                                    "line (delete the backslash or add a space after it)", number)
            escape = next((m.group(1) for m in _ESCAPE.finditer(string) if m.group(1) not in _ALLOWED_ESCAPES), "")
            if escape:
                raise PoSyntaxError(f"the escape \\{escape} is not allowed in a catalog string (only \\n, \\t, "
                                    "\\r, \\f, \\\\ and \\\" are: the others spell bytes, or control "
                                    "characters a web page cannot show)", number)
            raise PoSyntaxError("not a valid PO line (an unterminated string or an unknown keyword)", number)
        problem = control_character_problem(line) if string is not None else None  # (a comment may hold one)
        if problem is not None:
            raise PoSyntaxError(f"a string {problem[1]}", number)


def _string_part(line: str) -> str | None:
    """What a line holds after its `#~`, `#|` or `#~|` marker; None for a comment."""
    stripped = line.strip()
    if stripped.startswith(("#~|", "#|")):
        return stripped[3 if stripped.startswith("#~|") else 2:]
    if stripped.startswith("#~"):
        return stripped[2:]
    return None if stripped.startswith("#") else stripped


def _blocks(lines: list[str]) -> tuple[list[_Block], list[str]]:
    """The file's lines grouped into entries and parts; lines after the last entry are the trailer."""
    blocks: list[_Block] = []
    current, pending, part = _Block(), [], ""
    for number, line in enumerate(lines, start=1):
        stripped = line.strip()
        if not stripped:
            if current.has_msgstr:
                blocks.append(current)
                current, part = _Block(), ""
            (pending if not current.lines else current.lines).append(line)
            continue
        part, starts_entry, keyword = _part_of(stripped, part)
        if current.has_msgstr and starts_entry:
            blocks.append(current)
            current = _Block()
        if not current.lines:
            current.leading, pending = pending, []
        current.lines.append(line)
        current.parts.setdefault(part, []).append(line)
        if part == "msgid" and keyword:
            current.msgid_line = number
        current.has_msgstr = current.has_msgstr or part == "msgstr"
    if current.has_msgstr:
        blocks.append(current)
        return blocks, pending
    return blocks, pending + current.leading + current.lines


def _part_of(stripped: str, previous_part: str) -> tuple[str, bool, bool]:
    """Which part a line belongs to, whether it can only start an entry's lines, and whether it has a keyword."""
    body, prefix = stripped, ""
    for marker in ("#~|", "#~", "#|"):
        if stripped.startswith(marker):
            body, prefix = stripped[len(marker):].lstrip(), marker
            break
    else:
        if stripped.startswith("#"):
            return _COMMENTS.get(stripped[:2], "translator_comments"), True, False
    keyword = _KEYWORD.match(body)
    if keyword is None:  # a continuation string
        return previous_part, False, False
    name = keyword.group(1)
    if prefix.endswith("|"):
        return _PREVIOUS[name], True, True
    part = "msgstr" if name.startswith("msgstr") else name
    return part, part in ("msgctxt", "msgid"), True


def _polib_entries(lines: list[str]) -> list[polib.POEntry]:
    """The entries polib reads, the header first (as an entry with msgid "") when there is one."""
    parser = polib._POFileParser("")  # given the lines: polib's own splitlines() would split at U+2028 too
    parser.fhandle = [_for_polib(line) for line in lines]
    try:
        po = parser.parse()
    except OSError as exc:
        found = _POLIB_LINE.search(str(exc))
        raise PoSyntaxError(f"not a valid PO file ({str(exc).split(':')[-1].strip() or 'syntax error'})",
                            int(found.group(1)) if found else None) from None
    return list(po)


def _for_polib(line: str) -> str:
    """A line as polib can read it: `#~|` as `#|`, and comments GNU accepts without a space given one."""
    stripped = line.strip()
    if stripped.startswith("#~|"):
        return "#|" + stripped[3:]
    if stripped.startswith("#") and len(stripped) > 1 and stripped[1] not in " .:,|~#":
        return "# " + stripped[1:]
    return line


def _paired(blocks: list[_Block], entries: list) -> list[tuple[_Block, polib.POEntry | None]]:
    """Each block of lines with the entry polib read from it (None for the header)."""
    if blocks and _block_is_header(blocks[0]):
        entries = [None, *entries]  # polib keeps the header apart
    if len(blocks) != len(entries):
        raise PoSyntaxError(f"not a valid PO file: {len(blocks)} entries found, polib read {len(entries)}")
    return list(zip(blocks, entries))


def _block_is_header(block: _Block) -> bool:
    """Whether the lines are the header's: msgid "" without msgctxt."""
    return "msgctxt" not in block.parts and [line.strip() for line in block.parts.get("msgid", [])] == ['msgid ""']


def _message(entry: polib.POEntry, block: _Block) -> Message:
    """A message from polib's entry, remembering each part's value and lines."""
    plural = entry.msgid_plural if entry.msgid_plural else None
    message = Message(
        msgid=entry.msgid,
        msgstr="" if plural is not None else entry.msgstr,
        msgctxt=entry.msgctxt,
        msgid_plural=plural,
        msgstr_plural=[entry.msgstr_plural[k] for k in sorted(entry.msgstr_plural)] if plural is not None else [],
        translator_comments=[_comment(line, "#") for line in block.parts.get("translator_comments", [])],
        extracted_comments=[_comment(line, "#.") for line in block.parts.get("extracted_comments", [])],
        references=[f"{name}:{line}" if line else name for name, line in entry.occurrences],
        flags=[flag for flag in entry.flags if flag],
        previous_msgctxt=entry.previous_msgctxt,
        previous_msgid=entry.previous_msgid,
        previous_msgid_plural=entry.previous_msgid_plural,
        obsolete=bool(entry.obsolete),
        line=block.msgid_line,
    )
    message.original = {part: (message.value(part), lines) for part, lines in block.parts.items()}
    message.original["obsolete"] = (message.obsolete, [])
    message.original_text = "\n".join([*block.leading, *block.lines])
    return message


def _comment(line: str, marker: str) -> str:
    """A comment's text as written, after its marker and one space (polib drops the spaces at its end)."""
    text = line.lstrip()[len(marker):]
    return text[1:] if text.startswith(" ") else text


def _header(block: _Block) -> Header:
    """The header entry: comments, flags and fields in order, with the lines of each."""
    comments = [line.strip()[1:] for line in block.parts.get("translator_comments", [])]
    flags = [f.strip() for line in block.parts.get("flags", []) for f in line.strip()[2:].split(",") if f.strip()]
    portions = _portions(block.parts.get("msgstr", []))
    text = "".join(portion for portion, _ in portions)
    header = Header(comments, flags, _fields(text), terminated=text.endswith("\n") or not text)
    header.original = {
        "comments": (tuple(comments), block.parts.get("translator_comments", [])),
        "flags": (tuple(flags), block.parts.get("flags", [])),
        "msgid": ('', block.parts.get("msgid", [])),
        "msgstr": (text, block.parts.get("msgstr", [])),
        "portions": (None, [(p, lines) for p, lines in portions if lines and '"' == lines[0].strip()[:1]]),
    }
    header.original["state"] = (None, [])
    header.original["state"] = _header_state(header)
    header.original_text = "\n".join([*block.leading, *block.lines])
    return header


def _header_state(header: Header) -> tuple:
    """What a header holds, to tell whether it changed since it was read."""
    return (tuple(header.comments), tuple(header.flags), header.text)


def _portions(lines: list[str]) -> list[tuple[str, list[str]]]:
    """A string's lines grouped by the `\\n`-ended pieces of its value (the first line's keyword dropped)."""
    portions, text, group = [], "", []
    for line in lines:
        quoted = line.strip()
        quoted = quoted[quoted.index('"'):]
        piece = polib.unescape(quoted[1:-1])
        if not piece and not group and not text and line.strip() != quoted:
            continue  # msgstr "" before the fields
        text += piece
        group.append(line)
        if text.endswith("\n"):
            portions.append((text, group))
            text, group = "", []
    return portions + ([(text, group)] if group else [])


def _fields(text: str) -> list[tuple[str, str]]:
    """Header fields (name, what follows its colon) in order; a line without a name is kept whole."""
    fields = []
    for line in (text[:-1] if text.endswith("\n") else text).split("\n") if text else []:
        name, colon, raw = line.partition(":")
        fields.append((name, raw) if colon and name and " " not in name.strip() else ("", line))
    return fields


def _refuse_duplicates(messages: list[Message]) -> None:
    """Refuse a msgid (in its msgctxt) defined twice among the active entries, as msgfmt does."""
    seen: dict[tuple[str | None, str], int] = {}
    for message in messages:
        if message.obsolete:
            continue
        if message.key in seen:
            raise PoSyntaxError(
                f"duplicate message definition: {message.msgid[:60]!r} is defined on line {seen[message.key]} "
                f"and again on line {message.line}", message.line)
        seen[message.key] = message.line
