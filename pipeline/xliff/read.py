"""Reading XLIFF that came back from a CAT tool: untrusted XML, read safely and strictly.

The parser resolves no entities, loads no DTD, reaches no network and keeps libxml2's
limits on huge documents; a DOCTYPE is refused outright. What a CAT tool may add without
changing the content is accepted: `<mrk>` annotations, `<sm/>`/`<em/>` markers, comments,
`<cp/>` characters, `<sc>`/`<ec>` instead of `<pc>`, and a unit split into several
segments. Anything else inside a source or target is refused with its file and line.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from ..errors import PipelineError
from .inline import Piece, Pieces, Tag
from .write import XLIFF_2, XLIFF_12

#: XLIFF files larger than this are refused (an article's catalog is far smaller).
MAX_XLIFF_BYTES = 64 * 1024 * 1024
#: 1.x namespaces read alike (translate-toolkit writes 1.1 by default).
XLIFF_1 = (XLIFF_12, "urn:oasis:names:tc:xliff:document:1.1")
#: 1.2 target states that confirm a translation; every other state (new, needs-…) is fuzzy.
CONFIRMED_12 = frozenset({"translated", "signed-off", "final"})
#: 2.x segment states that confirm a translation; `initial` (the default) is a draft.
CONFIRMED_2 = frozenset({"translated", "reviewed", "final"})


class XliffError(PipelineError):
    """An XLIFF file that cannot be read or does not fit the project."""


@dataclass(frozen=True)
class ReadUnit:
    """A unit as the file has it."""

    id: str
    source: Pieces
    target: Pieces | None  # None: no target, or an empty one
    fuzzy: bool
    line: int
    target_line: int


@dataclass(frozen=True)
class ReadFile:
    """One `<file>` of an XLIFF document: which catalog it claims to be, and its units."""

    shown: str  # the path, as messages show it
    line: int
    original: str | None
    source_locale: str | None
    target_locale: str | None
    units: tuple[ReadUnit, ...]


def read_xliff(path: Path, shown: str) -> list[ReadFile]:
    """The `<file>`s of an XLIFF 1.2 or 2.x document, or XliffError naming the file and line."""
    root = _parse(path, shown)
    namespace = etree.QName(root).namespace
    if etree.QName(root).localname == "xliff" and namespace in XLIFF_1:
        return [_file_1(element, shown, namespace) for element in root.iterchildren(f"{{{namespace}}}file")]
    if etree.QName(root).localname == "xliff" and namespace == XLIFF_2:
        return [_file_2(element, shown, root) for element in root.iterchildren(f"{{{XLIFF_2}}}file")]
    raise XliffError(f"not an XLIFF 1.2 or 2.x document (its root is <{root.tag}>)", shown, root.sourceline)


def _parse(path: Path, shown: str) -> etree._Element:
    """The document's root, parsed without entities, DTDs or network."""
    try:
        size = path.stat().st_size
        if size > MAX_XLIFF_BYTES:
            raise XliffError(f"the file is {size / 2**20:.0f} MB, more than the {MAX_XLIFF_BYTES // 2**20} MB "
                             "an XLIFF file may have", shown)
        data = path.read_bytes()
    except OSError as exc:
        raise XliffError(f"cannot read: {exc.strerror or exc}", shown) from None
    parser = etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise XliffError(f"not well-formed XML: {exc.msg}", shown, exc.lineno) from None
    if root.getroottree().docinfo.doctype:
        raise XliffError("a DOCTYPE is not allowed in XLIFF (entities are never expanded)", shown, 1)
    return root


def _file_1(element: etree._Element, shown: str, namespace: str) -> ReadFile:
    """A 1.x `<file>`: its trans-units, wherever their groups put them."""
    q = lambda name: f"{{{namespace}}}{name}"  # noqa: E731
    units = []
    for unit in element.iter(q("trans-unit")):
        if unit.get("restype") == "x-gettext-domain-header":
            continue  # translate-toolkit's po2xliff carries the PO header as a unit
        source = unit.find(q("source"))
        if source is None:
            raise XliffError("a trans-unit without a source", shown, unit.sourceline)
        target = unit.find(q("target"))
        pieces = _content_1(target, shown, namespace) if target is not None else None
        confirmed = target is not None and (target.get("state") in CONFIRMED_12 or
                                            (target.get("state") is None and unit.get("approved") != "no"))
        units.append(ReadUnit(_unit_id(unit, shown), _content_1(source, shown, namespace), pieces or None,
                              not confirmed, unit.sourceline or 0, (target if target is not None else unit).sourceline or 0))
    return ReadFile(shown, element.sourceline or 0, element.get("original"), element.get("source-language"),
                    element.get("target-language"), tuple(units))


def _content_1(element: etree._Element, shown: str, namespace: str) -> Pieces:
    """A 1.x source or target as text and tags: `<bpt>`/`<ept>`/`<ph>` carry their Markdown."""
    pieces: list[Piece] = []
    _add_text(pieces, element.text)
    for child in element:
        if not _skippable(child, shown):
            name = etree.QName(child)
            roles = {"bpt": "open", "ept": "close", "ph": "standalone"}
            if name.namespace == namespace and name.localname in roles:
                if len(child):
                    raise XliffError(f"<{name.localname}> holds elements; pipeline's codes hold Markdown only",
                                     shown, child.sourceline)
                pieces.append(Tag(_code_id(child, "id", shown), roles[name.localname], child.text or ""))  # type: ignore[arg-type]
            elif name.namespace == namespace and name.localname == "mrk":
                pieces += _content_1(child, shown, namespace)
            else:
                raise XliffError(f"<{name.localname}> is not an inline element pipeline wrote: keep the "
                                 "<bpt>, <ept> and <ph> codes as they were", shown, child.sourceline)
        _add_text(pieces, child.tail)
    return tuple(pieces)


def _file_2(element: etree._Element, shown: str, root: etree._Element) -> ReadFile:
    """A 2.x `<file>`: its units, their segments and ignorables joined in order."""
    q = lambda name: f"{{{XLIFF_2}}}{name}"  # noqa: E731
    units = []
    for unit in element.iter(q("unit")):
        data = {d.get("id"): "".join(_data_text(d, shown)) for d in unit.iterfind(f"{q('originalData')}/{q('data')}")}
        source: list[Piece] = []
        target: list[Piece] = []
        missing = confirmed = 0
        parts = [p for p in unit if etree.QName(p).localname in ("segment", "ignorable") and etree.QName(p).namespace == XLIFF_2]
        for part in parts:
            part_source, part_target = part.find(q("source")), part.find(q("target"))
            if part_source is None:
                raise XliffError(f"a <{etree.QName(part).localname}> without a source", shown, part.sourceline)
            source += _content_2(part_source, data, shown)
            if part_target is not None:
                target += _content_2(part_target, data, shown)
            elif etree.QName(part).localname == "ignorable":
                target += _content_2(part_source, data, shown)
            else:
                missing += 1
            if etree.QName(part).localname == "segment":
                confirmed += part.get("state", "initial") in CONFIRMED_2
        segments = sum(etree.QName(p).localname == "segment" for p in parts)
        if missing and missing < segments:
            raise XliffError(f"unit {unit.get('id')} is partly translated: {missing} of its {segments} segments have "
                             "no target", shown, unit.sourceline)
        units.append(ReadUnit(_unit_id(unit, shown), tuple(source), tuple(target) if target and not missing else None,
                              confirmed < segments, unit.sourceline or 0, unit.sourceline or 0))
    return ReadFile(shown, element.sourceline or 0, element.get("original"), root.get("srcLang"),
                    root.get("trgLang"), tuple(units))


def _content_2(element: etree._Element, data: dict[str | None, str], shown: str) -> list[Piece]:
    """A 2.x source or target as text and tags, each code's Markdown taken from the unit's original data."""
    pieces: list[Piece] = []
    _add_text(pieces, element.text)
    for child in element:
        if not _skippable(child, shown):
            name = etree.QName(child).localname if etree.QName(child).namespace == XLIFF_2 else None
            if name == "pc":
                pieces.append(Tag(_code_id(child, "id", shown), "open", _data(child, "dataRefStart", data, shown)))
                pieces += _content_2(child, data, shown)
                pieces.append(Tag(_code_id(child, "id", shown), "close", _data(child, "dataRefEnd", data, shown)))
            elif name in ("ph", "sc", "ec"):
                role = {"ph": "standalone", "sc": "open", "ec": "close"}[name]
                key = "startRef" if name == "ec" and child.get("startRef") else "id"
                pieces.append(Tag(_code_id(child, key, shown), role, _data(child, "dataRef", data, shown)))  # type: ignore[arg-type]
            elif name == "mrk":
                pieces += _content_2(child, data, shown)
            elif name == "cp":
                _add_text(pieces, _code_point(child, shown))
            elif name not in ("sm", "em"):  # annotation markers carry no content
                raise XliffError(f"<{etree.QName(child).localname}> is not an inline element of XLIFF 2",
                                 shown, child.sourceline)
        _add_text(pieces, child.tail)
    return pieces


def _data(element: etree._Element, attribute: str, data: dict[str | None, str], shown: str) -> str:
    """The Markdown an inline code refers to in its unit's `<originalData>`."""
    ref = element.get(attribute)
    if ref not in data:
        raise XliffError(f"inline code {element.get('id') or element.get('startRef')} refers to no original data "
                         f"({attribute}={ref!r})", shown, element.sourceline)
    return data[ref]


def _data_text(element: etree._Element, shown: str) -> list[str]:
    """A `<data>` element's text, its `<cp>` characters included."""
    parts = [element.text or ""]
    for child in element:
        if not _skippable(child, shown):
            if etree.QName(child).localname != "cp":
                raise XliffError("original data holds only text and <cp/>", shown, child.sourceline)
            parts.append(_code_point(child, shown))
        parts.append(child.tail or "")
    return parts


def _code_point(element: etree._Element, shown: str) -> str:
    """The character a `<cp hex="…"/>` stands for."""
    try:
        return chr(int(element.get("hex", ""), 16))
    except (ValueError, OverflowError):
        raise XliffError(f"<cp hex={element.get('hex')!r}> is not a code point", shown, element.sourceline) from None


def _skippable(node: etree._Element, shown: str) -> bool:
    """Comments and processing instructions are skipped (their tails are not); entities are refused."""
    if isinstance(node, etree._Entity):
        raise XliffError("entity references are not allowed", shown, node.sourceline)
    return isinstance(node, (etree._Comment, etree._ProcessingInstruction))


def _add_text(pieces: list[Piece], text: str | None) -> None:
    """Append text, joined to the text before it."""
    if text:
        if pieces and isinstance(pieces[-1], str):
            pieces[-1] += text
        else:
            pieces.append(text)


def _unit_id(element: etree._Element, shown: str) -> str:
    """A unit's id, which it must have."""
    return _code_id(element, "id", shown)


def _code_id(element: etree._Element, attribute: str, shown: str) -> str:
    """An id attribute an element must have."""
    value = element.get(attribute)
    if not value:
        raise XliffError(f"<{etree.QName(element).localname}> has no {attribute}", shown, element.sourceline)
    return value
