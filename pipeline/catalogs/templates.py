"""Templates (POT files): one per article and one for the HTML templates' own strings.

A POT is rewritten only when its content changed: its creation date moves with its content,
never alone, and follows `SOURCE_DATE_EPOCH` when set (reproducible builds). No header field
names a library or its version, so a new release of a dependency changes no file.
"""

from __future__ import annotations

import datetime
import functools
import os
import re
import textwrap
from pathlib import Path

from ..model import Article
from ..project import UI_DOMAIN
from ..theme import SHIPPED, Theme
from .po import Catalog, Header, Message

DATE_FORMAT = "%Y-%m-%d %H:%M%z"
#: Long descriptions of units are split into `#.` lines of this width (as this tool always wrote them).
COMMENT_WIDTH = 76
#: A POT's date header, which alone may differ without the template having changed.
CREATION_DATE = re.compile(rb'^"POT-Creation-Date: ([^"\\]*)\\n"$', re.MULTILINE)


def creation_date() -> datetime.datetime:
    """Now, or SOURCE_DATE_EPOCH when set (reproducible builds)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch is not None and epoch.strip().isdigit():
        return datetime.datetime.fromtimestamp(int(epoch), tz=datetime.timezone.utc)
    return datetime.datetime.now(tz=datetime.timezone.utc).replace(second=0, microsecond=0)


def redated(rendered: bytes, date: datetime.datetime) -> bytes:
    """A rendered POT as rendering its template at `date` writes it: its creation date replaced."""
    line = f'"POT-Creation-Date: {date.strftime(DATE_FORMAT)}\\n"'.encode()
    return CREATION_DATE.sub(lambda _: line, rendered, count=1)


def template_header(domain: str, date: datetime.datetime, comments: list[str]) -> Header:
    """The header of a POT: the fields this tool has always written, none naming a library."""
    return Header(comments, [], [(name, f" {value}") for name, value in (
        ("Project-Id-Version", f"{domain} 1"),
        ("Report-Msgid-Bugs-To", "EMAIL@ADDRESS"),
        ("POT-Creation-Date", date.strftime(DATE_FORMAT)),
        ("PO-Revision-Date", "YEAR-MO-DA HO:MI+ZONE"),
        ("Last-Translator", "Automatically generated"),
        ("Language-Team", "none"),
        ("MIME-Version", "1.0"),
        ("Content-Type", "text/plain; charset=utf-8"),
        ("Content-Transfer-Encoding", "8bit"),
    )])


def article_template(article: Article, date: datetime.datetime) -> Catalog:
    """The POT of an article: each distinct unit text once, with its lines and what it is."""
    header = template_header(article.slug, date, [
        f" Translations of {article.path}.",
        " Edit msgstr only; `pipeline update` keeps this file in step with the source."])
    messages: dict[str, Message] = {}
    descriptions: dict[str, list[str]] = {}
    for unit in article.units:
        message = messages.setdefault(unit.text, Message(unit.text))
        message.references.append(f"{article.path}:{unit.line}")
        if unit.description not in descriptions.setdefault(unit.text, []):
            descriptions[unit.text].append(unit.description)
            message.extracted_comments += textwrap.wrap(unit.description, COMMENT_WIDTH, break_long_words=False,
                                                        break_on_hyphens=False)
    return Catalog(article.slug, header, list(messages.values()))


def ui_template(date: datetime.datetime, root: Path, theme: Theme = SHIPPED) -> Catalog:
    """The POT of the templates' own strings (shipped, then the publisher's), extracted with Babel's Jinja2 support."""
    from babel.messages.catalog import Message as BabelMessage  # (loaded only when the `ui` POT is made)

    header = template_header(UI_DOMAIN, date, [" Translations of the HTML templates' own strings (pipeline/templates)."])
    messages: dict[tuple[str | None, str], Message] = {}
    for folder in reversed(theme.templates):
        prefix = _display_path(folder, root)
        for filename, lineno, text, comments, context in _template_strings(folder, _stamps(folder)):
            singular, plural = (text, None) if isinstance(text, str) else (text[0], text[1])
            message = messages.get((context, singular))
            if message is None:
                flags = sorted(BabelMessage(text, context=context).flags)  # python-format where the string is one
                message = messages[(context, singular)] = Message(
                    singular, msgctxt=context, msgid_plural=plural, flags=flags,
                    msgstr_plural=["", ""] if plural is not None else [])
            message.references.append(f"{prefix}/{filename}:{lineno}")
            message.extracted_comments += [c for c in comments if c not in message.extracted_comments]
    return Catalog(UI_DOMAIN, header, list(messages.values()))


def _stamps(folder: Path) -> tuple[tuple[str, int, int], ...]:
    """The size and time of every template in a folder: what tells one version of it from another."""
    files = sorted(folder.rglob("*.html")) if folder.is_dir() else []
    return tuple((p.as_posix(), p.stat().st_mtime_ns, p.stat().st_size) for p in files)


@functools.lru_cache(maxsize=8)
def _template_strings(folder: Path, stamps: tuple) -> tuple[tuple, ...]:
    """The `_()` strings of a folder's templates, extracted once per version of its files (a preview rebuilds often)."""
    from babel.messages.extract import extract_from_dir

    found = extract_from_dir(
        folder,
        method_map=[("**.html", "jinja2.ext:babel_extract")],
        options_map={"**.html": {"extensions": "jinja2.ext.i18n"}},
    )
    return tuple((filename, lineno, message, tuple(comments), context) for filename, lineno, message, comments, context in found)


def same_template(a: Catalog, b: Catalog) -> bool:
    """Whether two templates hold the same messages and header (their creation dates aside)."""
    def content(catalog: Catalog) -> tuple:
        fields = tuple((k.lower(), v.strip()) for k, v in catalog.header.fields if k.lower() != "pot-creation-date")
        return fields, tuple(catalog.header.comments), tuple(
            (m.key, m.msgid_plural, tuple(m.extracted_comments), tuple(m.references), tuple(m.flags), m.obsolete)
            for m in catalog.messages)
    return content(a) == content(b)


def template_date(catalog: Catalog) -> datetime.datetime | None:
    """A template's creation date, when it has a readable one."""
    try:
        return datetime.datetime.strptime(catalog.header.get("POT-Creation-Date") or "", DATE_FORMAT)
    except ValueError:
        return None


def _display_path(path: Path, root: Path) -> str:
    """The templates folder as catalogs show it: relative to the project, else to the package's parent."""
    for base in (root.resolve(), Path(__file__).resolve().parent.parent.parent):
        try:
            return path.resolve().relative_to(base).as_posix()
        except ValueError:
            continue
    return path.as_posix()
