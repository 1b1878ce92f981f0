"""A gettext catalog as data: its header and its messages, with what each part looked like on disk.

Every part of an entry GNU gettext knows is kept: translator and extracted comments,
references, flags, the previous msgctxt/msgid/msgid_plural (`#|`, `#~|` when obsolete),
msgctxt, plural forms. A message read from a file remembers the lines of each of its parts,
so that writing it back leaves every part nobody changed exactly as it was.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterator

#: A message's parts, in the order GNU gettext writes them.
PARTS = (
    "translator_comments", "extracted_comments", "references", "flags",
    "previous_msgctxt", "previous_msgid", "previous_msgid_plural",
    "msgctxt", "msgid", "msgid_plural", "msgstr",
)


@dataclass
class Message:
    """One entry of a catalog (the header aside), active or obsolete."""

    msgid: str
    msgstr: str = ""
    msgctxt: str | None = None
    msgid_plural: str | None = None
    msgstr_plural: list[str] = field(default_factory=list)  # msgstr[0], msgstr[1]… when msgid_plural is set
    translator_comments: list[str] = field(default_factory=list)
    extracted_comments: list[str] = field(default_factory=list)
    references: list[str] = field(default_factory=list)  # "file:line", as written
    flags: list[str] = field(default_factory=list)
    previous_msgctxt: str | None = None
    previous_msgid: str | None = None
    previous_msgid_plural: str | None = None
    obsolete: bool = False
    line: int = 0  # the line of its msgid in the file it was read from (0: not read from a file)
    #: Each part as read: part name -> (value, the lines that wrote it); and the whole entry's text.
    original: dict[str, tuple[object, list[str]]] = field(default_factory=dict, repr=False, compare=False)
    original_text: str | None = field(default=None, repr=False, compare=False)

    @property
    def key(self) -> tuple[str | None, str]:
        """What identifies the message in its catalog: msgctxt and msgid."""
        return self.msgctxt, self.msgid

    @property
    def fuzzy(self) -> bool:
        """Whether the translation waits for a translator's review."""
        return "fuzzy" in self.flags

    @fuzzy.setter
    def fuzzy(self, value: bool) -> None:
        if value and not self.fuzzy:
            self.flags.insert(0, "fuzzy")  # GNU writes fuzzy first
        elif not value:
            self.flags = [f for f in self.flags if f != "fuzzy"]

    @property
    def text(self) -> str:
        """The translation (its first form, for a plural message)."""
        return self.msgstr_plural[0] if self.msgid_plural is not None and self.msgstr_plural else self.msgstr

    @property
    def has_translation(self) -> bool:
        """Whether a translator wrote something here: a form that is not empty or only white space."""
        forms = self.msgstr_plural if self.msgid_plural is not None else [self.msgstr]
        return any(form.strip() for form in forms)

    @property
    def translated(self) -> bool:
        """Whether readers may see the translation: every form written, and not fuzzy."""
        forms = self.msgstr_plural if self.msgid_plural is not None else [self.msgstr]
        return bool(forms) and all(form.strip() for form in forms) and not self.fuzzy

    def value(self, part: str) -> object:
        """A part's value, comparable with the value it had when read."""
        found = getattr(self, part)
        if part == "msgstr" and self.msgid_plural is not None:
            found = self.msgstr_plural
        return tuple(found) if isinstance(found, list) else found

    def unchanged(self) -> bool:
        """Whether every part is as it was read (the entry can be written back as its own text)."""
        return self.original_text is not None and all(
            self.original[part][0] == self.value(part) if part in self.original else _empty(self.value(part))
            for part in PARTS
        ) and self.obsolete == self.original.get("obsolete", (self.obsolete, []))[0]


@dataclass
class Header:
    """The header entry: its comment lines, flags and fields in the file's order, spelled as written."""

    comments: list[str] = field(default_factory=list)  # the lines after '#', as written
    flags: list[str] = field(default_factory=list)
    fields: list[tuple[str, str]] = field(default_factory=list)  # (name, what follows its colon); name "" for a line without one
    terminated: bool = True  # whether the last field ends with \n, as every field should
    original: dict[str, tuple[object, list]] = field(default_factory=dict, repr=False, compare=False)
    original_text: str | None = field(default=None, repr=False, compare=False)

    def get(self, name: str) -> str | None:
        """A field's value (names compare without case, as GNU does), or None."""
        return next((value.strip() for key, value in self.fields if key and key.lower() == name.lower()), None)

    def set(self, name: str, value: str) -> None:
        """Change a field in its place (its spelling kept when its value is the same), or add it at the end."""
        for index, (key, raw) in enumerate(self.fields):
            if key and key.lower() == name.lower():
                if raw.strip() != value:
                    self.fields[index] = (key, f" {value}")
                return
        self.fields.append((name, f" {value}"))

    def remove(self, name: str) -> None:
        """Drop a field."""
        self.fields = [(key, raw) for key, raw in self.fields if not (key and key.lower() == name.lower())]

    @property
    def text(self) -> str:
        """The header's msgstr."""
        lines = [f"{key}:{raw}" if key else raw for key, raw in self.fields]
        return "\n".join(lines) + ("\n" if self.terminated and lines else "")

    @property
    def charset(self) -> str:
        """The charset the Content-Type field declares (UTF-8 when it declares none)."""
        content_type = self.get("Content-Type") or ""
        _, found, charset = content_type.partition("charset=")
        charset = charset.split(";")[0].strip()
        return charset if found and charset and charset != "CHARSET" else "UTF-8"


class Deferred:
    """A value worked out only when first asked for (a catalog's style, found in its lines: most reads never ask)."""

    def __init__(self, work: Callable[[], object]) -> None:
        self.work = work


@dataclass
class Catalog:
    """A PO or POT file: header, messages in order (obsolete ones last), and how the file is laid out."""

    domain: str
    header: Header = field(default_factory=Header)
    messages: list[Message] = field(default_factory=list)
    style: object = None  # a `style.Style`, detected from the file's lines when first asked for (None: the tool's own)
    newline: str = "\n"
    byte_order_mark: bool = False
    trailer: str = ""  # what follows the last entry (comments GNU keeps there)

    def __iter__(self) -> Iterator[Message]:
        """The active messages, in order."""
        return (m for m in self.messages if not m.obsolete)

    def __len__(self) -> int:
        return sum(1 for _ in self)

    @property
    def obsolete(self) -> list[Message]:
        """The obsolete messages (`#~`), in order."""
        return [m for m in self.messages if m.obsolete]

    def get(self, msgid: str, msgctxt: str | None = None) -> Message | None:
        """The active message with this msgid (and msgctxt), or None."""
        return next((m for m in self if m.msgid == msgid and m.msgctxt == msgctxt), None)

    def __contains__(self, msgid: object) -> bool:
        return any(m.msgid == msgid for m in self)

    @property
    def charset(self) -> str:
        """The charset the file is written in, as its header declares it."""
        return self.header.charset


def _style(catalog: Catalog) -> object:
    if isinstance(catalog.style_source, Deferred):
        catalog.style_source = catalog.style_source.work()
    return catalog.style_source


def _set_style(catalog: Catalog, style: object) -> None:
    catalog.style_source = style  # a Style, None, or a Deferred one: what a catalog made from this one passes on


Catalog.style = property(_style, _set_style, doc="The catalog's style (`style.Style`), found when first asked for.")  # type: ignore[assignment]


def _empty(value: object) -> bool:
    """Whether a part's value means the part is absent."""
    return value is None or value == () or value == ""
