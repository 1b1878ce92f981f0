"""Gettext catalogs: reading, writing, templates, merging, compiling and status.

One POT per article (`locales/templates/<slug>.pot`), one PO per article and locale
(`locales/<locale>/LC_MESSAGES/<slug>.po`), and the `ui` domain for the templates' own strings.
A catalog is read with polib and written back in its own style (`style.py`): an entry
nobody changed keeps its bytes, whichever tool saved the file. Files this tool creates are
not wrapped (as `msgcat --no-wrap` writes them), and files are written only when their
content changed. Nothing a translator wrote is dropped (`merge.py`).

The public entry points: `read_catalog`, `render_catalog`, `merge_catalog`, `new_catalog`.
"""

from __future__ import annotations

import array
import functools
import gettext
import struct
from pathlib import Path
from typing import Callable, Iterable

import polib

from ..errors import CatalogError
from ..files import committed_together, write_atomic
from ..locales import normalize_code, parse_locale
from ..model import CatalogStatus, Translation
from ..project import CatalogTree
from ..pseudo import PSEUDO_UI_STRINGS, pseudo_translate
from .style import NO_WRAP, Style
from .merge import merge, translation_memory
from .po import Catalog, Header, Message
from .pofile import PoSyntaxError, parse, render
from .templates import (
    CREATION_DATE, DATE_FORMAT, UI_DOMAIN, article_template, creation_date, same_template, template_date, ui_template,
)

__all__ = [
    "UI_DOMAIN", "Catalog", "CatalogTree", "Header", "Message", "Style", "article_template", "catalog_status",
    "compile_catalogs", "creation_date", "extract", "load_translations", "merge_catalog",
    "new_catalog", "read_catalog", "render_catalog", "store_template", "template_msgids", "total_status",
    "translation_memory", "translations_of", "ui_template", "ui_translations",
]

#: Catalogs larger than this are refused, to keep memory bounded (100,000 entries are about 14 MB).
MAX_CATALOG_BYTES = 64 * 1024 * 1024
#: Flags a format string carries; prose such as "67%" is no format, so article catalogs never carry them.
FORMAT_FLAGS = frozenset({"python-format", "python-brace-format"})


def read_catalog(path: Path, tree: CatalogTree, locale: str | None = None) -> Catalog:
    """Read a PO or POT strictly: a syntax error, a duplicate, bad encoding or wrong Language names file and line."""
    rel = tree.rel(path)
    try:
        size = path.stat().st_size
        if size > MAX_CATALOG_BYTES:
            raise CatalogError(f"the catalog is {size / 2**20:.0f} MB, more than the {MAX_CATALOG_BYTES // 2**20} MB "
                               "a catalog may have", rel)
        catalog = parse(path.read_bytes(), path.stem)
    except PoSyntaxError as exc:
        raise CatalogError(str(exc), rel, exc.line) from None
    except UnicodeDecodeError as exc:
        raise CatalogError(f"not valid text in its declared charset: {exc.reason}", rel) from None
    except LookupError as exc:
        raise CatalogError(f"not a valid PO file: {exc}", rel) from None
    except OSError as exc:
        raise CatalogError(f"cannot read: {exc.strerror or exc}", rel) from None
    declared = catalog.header.get("Language")
    if locale is not None and declared and normalize_code(declared) != locale:
        line = next((n for n, text in enumerate((catalog.header.original_text or "").split("\n"), 1)
                     if text.startswith('"Language:')), None)
        raise CatalogError(f"the Language header says {declared!r} but the catalog is in the folder of {locale!r}",
                           rel, line)
    return catalog


def render_catalog(catalog: Catalog, style: Style | None = None) -> bytes:
    """A catalog as PO bytes in its own style (or `style`); untouched entries as they were read."""
    if catalog.domain != UI_DOMAIN:
        for message in catalog.messages:
            if FORMAT_FLAGS & set(message.flags):
                message.flags = [f for f in message.flags if f not in FORMAT_FLAGS]
    try:
        return render(catalog, style)
    except UnicodeEncodeError:  # text the declared charset cannot hold: UTF-8, as msgmerge does
        charset = catalog.header.get("Content-Type") or ""
        catalog.header.set("Content-Type", charset.replace(f"charset={catalog.charset}", "charset=UTF-8")
                           if "charset=" in charset else "text/plain; charset=UTF-8")
        return render(catalog, style)


def merge_catalog(template: Catalog, existing: Catalog | None, locale: str, memory: dict[str, str]) -> Catalog:
    """The PO of `locale` brought in step with its template; nothing translated is lost."""
    if parse_locale(locale).pseudo:
        return _pseudo_catalog(template, locale)
    return merge(template, existing if existing is not None else new_catalog(template, locale), memory)


def new_catalog(template: Catalog, locale: str) -> Catalog:
    """An empty catalog for a locale, as `msginit` starts one: a real, non-fuzzy header from CLDR."""
    info = parse_locale(locale)
    date = template.header.get("POT-Creation-Date") or creation_date().strftime(DATE_FORMAT)
    fields = [(name, f" {value}") for name, value in (
        ("Project-Id-Version", f"{template.domain} 1"),
        ("Report-Msgid-Bugs-To", template.header.get("Report-Msgid-Bugs-To") or "EMAIL@ADDRESS"),
        ("POT-Creation-Date", date),
        ("PO-Revision-Date", date),
        ("Last-Translator", "Automatically generated"),
        ("Language", info.code),
        ("Language-Team", "none"),
        ("Plural-Forms", info.plural_forms),
        ("MIME-Version", "1.0"),
        ("Content-Type", "text/plain; charset=utf-8"),
        ("Content-Transfer-Encoding", "8bit"),
    )]
    return Catalog(template.domain, Header(list(template.header.comments), [], fields), style=NO_WRAP)


def load_translations(path: Path, tree: CatalogTree, locale: str) -> dict[str, Translation]:
    """The translations of a PO file (msgid -> text, fuzziness, line); empty when there is no file."""
    if not path.exists():
        return {}
    return translations_of(read_catalog(path, tree, locale))


def translations_of(catalog: Catalog) -> dict[str, Translation]:
    """A catalog's translations: msgid -> text (empty when only white space), fuzziness and line."""
    found: dict[str, Translation] = {}
    for m in catalog:
        if m.msgid and m.msgid_plural is None and m.msgid not in found:
            found[m.msgid] = Translation(m.msgstr if m.msgstr.strip() else "", m.fuzzy, m.line)
    return found


#: A locale without template strings: one object, so that what is cached per translations object is kept.
NO_UI_STRINGS = gettext.NullTranslations()


def ui_translations(path: Path, tree: CatalogTree, locale: str) -> gettext.NullTranslations:
    """The template strings of a locale, for Jinja2: compiled in memory (fuzzy left out); pseudo-locales' made up."""
    if parse_locale(locale).pseudo:
        return PSEUDO_UI_STRINGS
    try:
        stat = path.stat()
    except FileNotFoundError:
        return NO_UI_STRINGS
    return _compiled_ui(path, tree, locale, stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=64)
def _compiled_ui(path: Path, tree: CatalogTree, locale: str, mtime_ns: int, size: int) -> gettext.GNUTranslations:
    """A ui catalog compiled once per version of the file (the same object: renderers can share it)."""
    import io

    return gettext.GNUTranslations(io.BytesIO(compiled(read_catalog(path, tree, locale))))


def compiled(catalog: Catalog) -> bytes:
    """A catalog as MO bytes, exactly as polib writes them: translated messages only, fuzzy and blank ones left out.

    The header first (its fields in polib's order), then the messages sorted by their UTF-8
    `msgctxt\\x04msgid`; no hash table. Packed here: polib's writer wants an entry object per message.
    """
    charset = catalog.charset
    header = polib.POFile(encoding=charset)
    header.metadata = {name: value.strip() for name, value in catalog.header.fields if name}
    strings = []
    for m in catalog:
        if not m.translated:
            continue
        plural = m.msgid_plural or ""
        forms = m.msgstr_plural if plural else []
        if m.msgstr or (forms and all(forms)):  # what polib counts as translated
            context = f"{m.msgctxt}\x04" if m.msgctxt else ""
            strings.append((context + m.msgid, f"{m.msgid}\0{plural}" if plural else m.msgid,
                            "\0".join(forms) if plural else m.msgstr, context))
    strings.sort(key=lambda s: s[0].encode("utf-8"))
    pairs = [(b"", header.metadata_as_entry().msgstr.encode(charset))]
    pairs += [((context + key).encode(charset), value.encode(charset)) for _, key, value, context in strings]
    return _mo_bytes(pairs)


def _mo_bytes(pairs: list[tuple[bytes, bytes]]) -> bytes:
    """The MO file of (msgid, msgstr) pairs in order, laid out as polib's `to_binary` lays it out."""
    keys_start = 7 * 4 + 16 * len(pairs)
    ids = b"".join(key + b"\0" for key, _ in pairs)
    values_start = keys_start + len(ids)
    key_offsets, value_offsets, key_at, value_at = [], [], 0, 0
    for key, value in pairs:
        key_offsets += [len(key), key_at + keys_start]
        value_offsets += [len(value), value_at + values_start]
        key_at, value_at = key_at + len(key) + 1, value_at + len(value) + 1
    head = struct.pack("Iiiiiii", polib.MOFile.MAGIC, 0, len(pairs), 7 * 4, 7 * 4 + len(pairs) * 8, 0, keys_start)
    return head + array.array("i", key_offsets + value_offsets).tobytes() + ids + b"".join(value + b"\0" for _, value in pairs)


def extract(templates: Iterable[Catalog], tree: CatalogTree, write: bool = True) -> tuple[list[Path], dict[str, bytes]]:
    """Write each POT whose content changed (its date aside): the files (to be) written, and the POTs in place, rendered.

    A template whose POT differs only in its date takes the POT's date, so that catalogs
    merged from it do not change either.
    """
    changed, in_place = [], {}
    for template in templates:
        path = tree.pot(template.domain)
        rendered = render_catalog(template)
        kept_date = store_template(path, rendered, tree, write)
        if kept_date is None:
            changed.append(path)
        else:
            template.header.set("POT-Creation-Date", kept_date)
        if write or kept_date is not None:
            in_place[template.domain] = rendered
    return changed, in_place


def store_template(path: Path, rendered: bytes, tree: CatalogTree, write: bool = True) -> str | None:
    """Write a rendered POT unless the file holds its content already, its date aside; then return that date."""
    try:
        previous = path.read_bytes()
    except FileNotFoundError:
        previous = None
    except OSError as exc:
        raise CatalogError(f"cannot read: {exc.strerror or exc}", tree.rel(path)) from None
    if previous is not None:
        kept = CREATION_DATE.search(previous)
        if kept and CREATION_DATE.sub(lambda _: kept.group(0), rendered, count=1) == previous:
            return kept.group(1).decode()
        on_disk = _parsed_or_none(previous, path.stem)  # the same content written by another tool counts too
        if on_disk is not None and template_date(on_disk) and same_template(on_disk, parse(rendered, path.stem)):
            return on_disk.header.get("POT-Creation-Date")
    if write:
        write_atomic(path, rendered)
    return None


def compile_catalogs(paths: Iterable[Path], tree: CatalogTree, mo_of: Callable[[Path], bytes] | None = None) -> list[Path]:
    """Compile each PO into an MO beside it when the MO is missing or older; fuzzy entries left out; all or none.

    `mo_of` gives a PO's MO bytes (by default: the PO read and compiled).
    """
    done = []
    with committed_together():  # every MO, or none
        for po in paths:
            mo = po.with_suffix(".mo")
            if mo.exists() and mo.stat().st_mtime >= po.stat().st_mtime:
                continue
            write_atomic(mo, mo_of(po) if mo_of else compiled(read_catalog(po, tree, normalize_code(po.parent.parent.name))))
            done.append(mo)
    return done


def catalog_status(locale: str, domain: str, msgids: list[str], translations: dict[str, Translation], file: str) -> CatalogStatus:
    """Count what is translated, fuzzy and left, in messages and source words."""
    from ..markdown import count_words  # (reading a catalog loads no Markdown parser)

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
    return [m.msgid for m in template if m.msgid]


def _pseudo_catalog(template: Catalog, locale: str) -> Catalog:
    """A pseudo-locale's catalog: generated from the template, never edited by hand."""
    catalog = new_catalog(template, locale)
    catalog.header.comments = [f" Pseudo-translation ({locale}) of {template.domain}: generated by `pipeline update`."]
    for m in template:
        catalog.messages.append(Message(
            m.msgid, pseudo_translate(m.msgid) if m.msgid_plural is None else "", msgctxt=m.msgctxt,
            msgid_plural=m.msgid_plural, msgstr_plural=[pseudo_translate(m.msgid), pseudo_translate(m.msgid_plural)]
            if m.msgid_plural is not None else [], extracted_comments=list(m.extracted_comments),
            references=list(m.references), flags=list(m.flags)))
    return catalog


def _parsed_or_none(data: bytes, domain: str) -> Catalog | None:
    """A file's catalog, or None when it is not one (it is then simply rewritten)."""
    try:
        return parse(data, domain)
    except (PoSyntaxError, UnicodeDecodeError, LookupError):
        return None
