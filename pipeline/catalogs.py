"""Gettext catalogs on Babel: extract, update, compile and status.

One POT per article (`locales/templates/<slug>.pot`), one PO per article and locale
(`locales/<ll>/LC_MESSAGES/<slug>.po`), and the `ui` domain for the templates' own strings.
Files are written without wrapping (as `msgcat --no-wrap` does), so a changed paragraph is
a one-line diff, and only when their content changed (a POT's date alone does not count).
Nothing a translator wrote is dropped: changed units come back fuzzy with `#| msgid`,
removed ones become obsolete (`#~`), and an obsolete entry whose text returns is restored.
"""

from __future__ import annotations

import datetime
import functools
import gettext
import io
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import PoFileError, read_po, write_po

from .errors import CatalogError
from .files import write_atomic
from .layout import shown_path
from .locales import normalize_code, parse_locale
from .markdown import count_words
from .model import Article, CatalogStatus, Translation
from .pseudo import pseudo_translate
from .theme import SHIPPED, Theme

UI_DOMAIN = "ui"
#: Catalogs larger than this are refused, to keep memory bounded (100,000 entries are about 14 MB).
MAX_CATALOG_BYTES = 64 * 1024 * 1024
#: A PO line Babel may read: a keyword and a C string, a continuation string, or nothing.
_PO_LINE = re.compile(rb'\s*(?:(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)\s+)?"(?:[^"\\]|\\.)*"\s*|\s*')
#: A POT's date header, which alone may differ without the template having changed.
_CREATION_DATE = re.compile(rb'^"POT-Creation-Date: ([^"\\]*)\\n"$', re.MULTILINE)
#: The header line where Babel names its own version.
_GENERATED_BY = re.compile(rb'^"Generated-By: [^"\\]*\\n"\n', re.MULTILINE)
#: Flags Babel adds by itself when a msgid holds `%` or `{…}`; prose such as "67%" is no format.
FORMAT_FLAGS = frozenset({"python-format", "python-brace-format"})


@dataclass(frozen=True)
class CatalogTree:
    """Where the catalogs of a project live."""

    root: Path  # the project root, for the paths reports show
    folder: Path  # the locales folder

    def pot(self, domain: str) -> Path:
        """The template of a domain (an article's slug, or `ui`)."""
        return self.folder / "templates" / f"{domain}.pot"

    def po(self, locale: str, domain: str) -> Path:
        """The catalog of a domain in a locale."""
        return self.folder / parse_locale(locale).gettext / "LC_MESSAGES" / f"{domain}.po"

    def rel(self, path: Path) -> str:
        """A path as reports show it: relative to the project root."""
        return shown_path(path, self.root)


def creation_date() -> datetime.datetime:
    """Now, or SOURCE_DATE_EPOCH when set (reproducible builds)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch is not None and epoch.strip().isdigit():
        return datetime.datetime.fromtimestamp(int(epoch), tz=datetime.timezone.utc)
    return datetime.datetime.now(tz=datetime.timezone.utc).replace(second=0, microsecond=0)


def article_template(article: Article, date: datetime.datetime) -> Catalog:
    """The POT of an article: each distinct unit text once, with its lines and what it is."""
    catalog = _new_catalog(article.slug, None, date)
    catalog.header_comment = f"# Translations of {article.path}.\n# Edit msgstr only; `pipeline update` keeps this file in step with the source."
    for unit in article.units:
        existing = catalog.get(unit.text)
        if existing is None:
            catalog.add(unit.text, locations=[(article.path, unit.line)], auto_comments=[unit.description])
        else:
            existing.locations.append((article.path, unit.line))
            if unit.description not in existing.auto_comments:
                existing.auto_comments.append(unit.description)
    return catalog


def ui_template(date: datetime.datetime, root: Path, theme: Theme = SHIPPED) -> Catalog:
    """The POT of the templates' own strings (shipped, then the publisher's), extracted with Babel's Jinja2 support."""
    catalog = _new_catalog(UI_DOMAIN, None, date)
    catalog.header_comment = "# Translations of the HTML templates' own strings (pipeline/templates)."
    for folder in reversed(theme.templates):
        prefix = _display_path(folder, root)
        for filename, lineno, message, comments, context in _template_strings(folder, _stamps(folder)):
            catalog.add(message, locations=[(f"{prefix}/{filename}", lineno)], auto_comments=list(comments),
                        context=context)
    return catalog


def _stamps(folder: Path) -> tuple[tuple[str, int, int], ...]:
    """The size and time of every template in a folder: what tells one version of it from another."""
    files = sorted(folder.rglob("*.html")) if folder.is_dir() else []
    return tuple((p.as_posix(), p.stat().st_mtime_ns, p.stat().st_size) for p in files)


@functools.lru_cache(maxsize=8)
def _template_strings(folder: Path, stamps: tuple) -> tuple[tuple, ...]:
    """The `_()` strings of a folder's templates, extracted once per version of its files (a preview rebuilds often)."""
    found = extract_from_dir(
        folder,
        method_map=[("**.html", "jinja2.ext:babel_extract")],
        options_map={"**.html": {"extensions": "jinja2.ext.i18n"}},
    )
    return tuple((filename, lineno, message, tuple(comments), context) for filename, lineno, message, comments, context in found)


def render_catalog(catalog: Catalog) -> bytes:
    """A catalog as PO bytes: no wrapping, previous msgids kept, obsolete entries last."""
    if catalog.domain != UI_DOMAIN:
        for message in (*catalog, *catalog.obsolete.values()):
            message.flags -= FORMAT_FLAGS
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=0, include_previous=True, sort_output=False)
    # Babel ends with a stray blank line, and names its own version in the header: a new
    # Babel release would make every catalog out of date without a change of content.
    return _GENERATED_BY.sub(b"", buffer.getvalue().rstrip(b"\n") + b"\n", count=1)


def read_catalog(path: Path, tree: CatalogTree, locale: str | None = None) -> Catalog:
    """Read a PO or POT strictly: a syntax error, bad encoding or wrong Language names file and line."""
    rel = tree.rel(path)
    try:
        size = path.stat().st_size
        if size > MAX_CATALOG_BYTES:
            raise CatalogError(f"the catalog is {size / 2**20:.0f} MB, more than the {MAX_CATALOG_BYTES // 2**20} MB "
                               "a catalog may have", rel)
        data = path.read_bytes()
        _check_strings(data, rel)
        catalog = read_po(io.BytesIO(data), domain=path.stem, abort_invalid=True)
    except PoFileError as exc:
        raise CatalogError(f"not a valid PO file: {exc.args[0]}", rel, exc.lineno + 1) from None
    except UnicodeDecodeError as exc:
        raise CatalogError(f"not valid text in its declared charset: {exc.reason}", rel) from None
    except (LookupError, ValueError) as exc:  # unknown charset, broken header values
        raise CatalogError(f"not a valid PO file: {exc}", rel) from None
    except OSError as exc:
        raise CatalogError(f"cannot read: {exc.strerror or exc}", rel) from None
    declared = catalog.locale_identifier
    if locale is not None and declared and normalize_code(str(declared)) != locale:
        raise CatalogError(
            f"the Language header says {declared!r} but the catalog is in the folder of {locale!r}",
            rel,
            _header_line(path, "Language"),
        )
    return catalog


def load_translations(path: Path, tree: CatalogTree, locale: str) -> dict[str, Translation]:
    """The translations of a PO file (msgid -> text, fuzziness, line); empty when there is no file."""
    if not path.exists():
        return {}
    return translations_of(read_catalog(path, tree, locale))


def translations_of(catalog: Catalog) -> dict[str, Translation]:
    """A catalog's translations: msgid -> text, fuzziness and line."""
    return {
        m.id: Translation(m.string, m.fuzzy, m.lineno or 0)
        for m in catalog
        if m.id and isinstance(m.id, str) and isinstance(m.string, str)
    }


#: A locale without template strings: one object, so that what is cached per translations object is kept.
NO_UI_STRINGS = gettext.NullTranslations()


def ui_translations(path: Path, tree: CatalogTree, locale: str) -> gettext.NullTranslations:
    """The template strings of a locale, for Jinja2: compiled in memory (fuzzy left out)."""
    try:
        stat = path.stat()
    except FileNotFoundError:
        return NO_UI_STRINGS
    return _compiled_ui(path, tree, locale, stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=64)
def _compiled_ui(path: Path, tree: CatalogTree, locale: str, mtime_ns: int, size: int) -> gettext.GNUTranslations:
    """A ui catalog compiled once per version of the file (the same object: renderers can share it)."""
    buffer = io.BytesIO()
    write_mo(buffer, read_catalog(path, tree, locale), use_fuzzy=False)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


def extract(templates: Iterable[Catalog], tree: CatalogTree, write: bool = True) -> list[Path]:
    """Write each POT whose content changed (its date aside); return the files (to be) written.

    A template whose POT differs only in its date takes the POT's date, so that catalogs
    merged from it do not change either.
    """
    changed = []
    for template in templates:
        path = tree.pot(str(template.domain))
        kept_date = store_template(path, render_catalog(template), tree, write)
        if kept_date is None:
            changed.append(path)
        else:
            template.creation_date = kept_date
    return changed


def store_template(path: Path, rendered: bytes, tree: CatalogTree, write: bool = True) -> datetime.datetime | None:
    """Write a rendered POT unless the file holds it already, its date aside; then return that date."""
    try:
        previous = path.read_bytes()
    except FileNotFoundError:
        previous = None
    except OSError as exc:
        raise CatalogError(f"cannot read: {exc.strerror or exc}", tree.rel(path)) from None
    if previous is not None:
        kept = _CREATION_DATE.search(previous)
        if kept and _CREATION_DATE.sub(lambda _: kept.group(0), rendered, count=1) == previous:
            return datetime.datetime.strptime(kept.group(1).decode(), "%Y-%m-%d %H:%M%z")
    if write:
        write_atomic(path, rendered)
    return None


def merge_catalog(template: Catalog, existing: Catalog | None, locale: str, memory: dict[str, str]) -> Catalog:
    """The PO of `locale` brought in step with its template; nothing translated is lost."""
    info = parse_locale(locale)
    if info.pseudo:
        return _pseudo_catalog(template, locale)
    catalog = existing if existing is not None else _new_catalog(str(template.domain), locale, template.creation_date)
    _restore_obsolete(catalog, template)
    catalog.update(template, update_header_comment=True)
    for message in catalog:
        if message.id and not message.string and message.id in memory:
            message.string = memory[message.id]
            message.flags.add("fuzzy")  # from another article's catalog: a translator confirms it
    return catalog


def translation_memory(catalogs: Iterable[Catalog]) -> dict[str, str]:
    """Confirmed translations of a locale's catalogs (msgid -> msgstr), the first one winning."""
    memory: dict[str, str] = {}
    for catalog in catalogs:
        for message in catalog:
            if message.id and message.string and not message.fuzzy and isinstance(message.string, str):
                memory.setdefault(message.id, message.string)
    return memory


def compile_catalogs(paths: Iterable[Path], tree: CatalogTree) -> list[Path]:
    """Compile each PO into an MO beside it when the MO is missing or older; fuzzy entries left out."""
    compiled = []
    for po in paths:
        mo = po.with_suffix(".mo")
        if mo.exists() and mo.stat().st_mtime >= po.stat().st_mtime:
            continue
        catalog = read_catalog(po, tree, normalize_code(po.parent.parent.name))
        buffer = io.BytesIO()
        write_mo(buffer, catalog, use_fuzzy=False)
        write_atomic(mo, buffer.getvalue())
        compiled.append(mo)
    return compiled


def catalog_status(locale: str, domain: str, msgids: list[str], translations: dict[str, Translation], file: str) -> CatalogStatus:
    """Count what is translated, fuzzy and left, in messages and source words."""
    counts = {"translated": [0, 0], "fuzzy": [0, 0], "untranslated": [0, 0]}
    total_words = 0
    for msgid in msgids:
        words = count_words(msgid)
        total_words += words
        found = translations.get(msgid)
        state = "untranslated" if found is None or not found.text else "fuzzy" if found.fuzzy else "translated"
        counts[state][0] += 1
        counts[state][1] += words
    return CatalogStatus(
        locale, domain, file, len(msgids), counts["translated"][0], counts["fuzzy"][0],
        total_words, counts["translated"][1], counts["fuzzy"][1],
    )


def total_status(rows: Iterable[CatalogStatus]) -> dict[str, CatalogStatus]:
    """Per locale, the sum of its articles' rows (the ui domain left out: it is not content)."""
    totals: dict[str, CatalogStatus] = {}
    for row in rows:
        if row.article == UI_DOMAIN:
            continue
        before = totals.get(row.locale) or CatalogStatus(row.locale, "(all articles)", "", 0, 0, 0, 0, 0, 0)
        totals[row.locale] = CatalogStatus(
            row.locale, before.article, "",
            before.messages_total + row.messages_total,
            before.messages_translated + row.messages_translated,
            before.messages_fuzzy + row.messages_fuzzy,
            before.words_total + row.words_total,
            before.words_translated + row.words_translated,
            before.words_fuzzy + row.words_fuzzy,
        )
    return totals


def template_msgids(template: Catalog) -> list[str]:
    """The message ids of a template, in order."""
    return [m.id for m in template if m.id and isinstance(m.id, str)]


def _new_catalog(domain: str, locale: str | None, date: datetime.datetime | None) -> Catalog:
    """A catalog with a real, non-fuzzy header (Babel's API makes fuzzy ones by default)."""
    catalog = Catalog(
        locale=parse_locale(locale).gettext if locale else None,
        domain=domain,
        project=domain,
        version="1",
        creation_date=date,
        revision_date=date if locale else None,  # a template keeps gettext's placeholder
        last_translator="Automatically generated",
        language_team="none",
        msgid_bugs_address="",
        charset="utf-8",
        fuzzy=False,
    )
    return catalog


def _pseudo_catalog(template: Catalog, locale: str) -> Catalog:
    """A pseudo-locale's catalog: generated from the template, never edited by hand."""
    catalog = _new_catalog(str(template.domain), locale, template.creation_date)
    catalog.header_comment = f"# Pseudo-translation ({locale}) of {template.domain}: generated by `pipeline update`."
    for message in template:
        if message.id:
            catalog.add(message.id, pseudo_translate(str(message.id)), locations=message.locations,
                        auto_comments=message.auto_comments, flags=message.flags, context=message.context)
    return catalog


def _restore_obsolete(catalog: Catalog, template: Catalog) -> None:
    """Bring back obsolete entries whose text the source has again (as msgmerge does)."""
    for message in template:
        if message.id and message.id not in catalog and message.id in catalog.obsolete:
            catalog[message.id] = catalog.obsolete.pop(message.id)


def _check_strings(data: bytes, rel: str) -> None:
    """Refuse lines Babel would misread: it accepts an unterminated string and drops its last letter."""
    for number, line in enumerate(data.split(b"\n"), start=1):
        if line.startswith(b"#~"):
            line = line[2:]
        elif line.startswith(b"#"):
            continue
        if not _PO_LINE.fullmatch(line.rstrip(b"\r")):
            raise CatalogError("not a valid PO line (an unterminated string or an unknown keyword)", rel, number)


def _header_line(path: Path, field: str) -> int | None:
    """The line of a header field in a PO file, for error messages."""
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    return next((n for n, line in enumerate(lines, 1) if line.startswith(f'"{field}:')), None)


def _display_path(path: Path, root: Path) -> str:
    """The templates folder as catalogs show it: relative to the project, else to the package's parent."""
    for base in (root.resolve(), Path(__file__).resolve().parent.parent):
        try:
            return path.resolve().relative_to(base).as_posix()
        except ValueError:
            continue
    return path.as_posix()


def iter_messages(catalog: Catalog) -> Iterator[Message]:
    """The active messages of a catalog (not the header, not obsolete entries)."""
    return (m for m in catalog if m.id)
