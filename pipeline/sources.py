"""Source articles: Markdown files with YAML front matter, read into `Article`s.

Everything wrong with a source file is a `SourceError` naming the file and line:
bytes that are not UTF-8, a control character a web page cannot show, front matter that is not YAML or has a field of the wrong
type, an empty article, an unsafe or duplicate slug, a link that leaves the folder.
"""

from __future__ import annotations

import datetime
import difflib
from pathlib import Path
from typing import Any, Iterator, Sequence

import yaml
from markdown_it.token import Token

from .errors import SourceError
from .layout import SLUG, shown_path
from .locales import normalize_code
from .characters import control_character_problem
from .markdown import parsed_document, unit_slots
from .model import Article, Finding, Unit
from .project import check_unique_slugs, source_files

#: Articles larger than this are refused: a build stays within bounded memory and time
#: (a 5 MB article builds in seconds; patient articles are a few kilobytes).
MAX_ARTICLE_BYTES = 8 * 1024 * 1024
#: A unit (a paragraph, a cell…) or a table larger than these is refused: every check takes
#: time in proportion to its text, but the accessibility rules on a table grow with its cells
#: times its headers. Patient articles have paragraphs of a few hundred characters.
MAX_UNIT_CHARS = 32_000
MAX_TABLE_CELLS = 1_000
MAX_TABLE_COLUMNS = 20
#: libyaml's loader when it is installed (about nine times faster), else PyYAML's own.
SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
FRONT_MATTER_FENCE = "---"
#: Front-matter fields the pipeline reads, and the types they must have. Others are warned about.
FRONT_MATTER_TYPES: dict[str, tuple[type, ...]] = {
    "title": (str,),
    "slug": (str,),
    "description": (str,),
    "lang": (str,),
    "date": (datetime.date, str),
}


def load_articles(source_dir: Path, root: Path, source_locale: str, extra_keys: Sequence[str] = ()) -> list[Article]:
    """Every `*.md` article in the source folder, sorted by path, with unique slugs (`extra_keys`: see `read_article`)."""
    articles = [read_article(path, relative_path(path, root), source_locale, extra_keys)
                for path in source_files(source_dir, root)]
    check_unique_slugs((a.slug, a.path) for a in articles)
    return articles


def read_article(path: Path, rel: str, source_locale: str, extra_keys: Sequence[str] = ()) -> Article:
    """One source file as an `Article`; `rel` is its path as reports show it.

    `extra_keys` are front-matter keys of the project's own whose text is translated (the
    `front_matter` setting); any other key the pipeline does not know is a warning.
    """
    text = _read_text(path, rel)
    if not text.strip():
        raise SourceError("empty article: the file has no front matter and no text", rel)
    meta, meta_lines, body, body_line = _split_front_matter(text, rel)
    tokens, env = parsed_document(body)
    body_units = [
        Unit(slot.kind, slot.text, body_line + slot.line, slot.level) for slot in unit_slots(tokens, env)
    ]
    if not tokens:  # not even a code block: the body holds nothing (comments and link definitions aside)
        raise SourceError("empty article: nothing after the front matter", rel, body_line)
    _check_sizes(tokens, body_units, rel, body_line)

    title = meta.get("title") or _first_heading(body_units)
    if not title:
        raise SourceError("no title: add `title:` to the front matter or start with a `# heading`", rel)
    slug = meta.get("slug", Path(rel).stem)
    if not SLUG.fullmatch(slug):
        where = meta_lines.get("slug")
        raise SourceError(
            f"slug {slug!r} must be lowercase letters, digits and single hyphens "
            "(set `slug:` in the front matter)",
            rel,
            where,
        )
    lang = normalize_code(meta.get("lang", source_locale))
    if lang != source_locale:
        raise SourceError(
            f"lang {lang!r} differs from the source locale {source_locale!r}", rel, meta_lines.get("lang")
        )
    description = meta.get("description", "").strip()
    head_units = [Unit("title", title.strip(), meta_lines.get("title", body_line))]
    if description:
        head_units.append(Unit("description", description, meta_lines["description"]))
    for key in extra_keys:
        value = meta.get(key)
        if value is not None and not isinstance(value, str):
            raise SourceError(f"front-matter field {key!r} must be text, not {type(value).__name__}", rel, meta_lines.get(key))
        if value and value.strip():
            head_units.append(Unit("front-matter", value.strip(), meta_lines[key], key=key))
    findings = tuple(_unknown_key(key, extra_keys, rel, meta_lines[key], slug) for key in meta
                     if key not in FRONT_MATTER_TYPES and key not in extra_keys)
    return Article(
        path=rel,
        slug=slug,
        lang=lang,
        title=title.strip(),
        description=description,
        date=_date(meta.get("date"), rel, meta_lines.get("date")),
        body=body,
        body_line=body_line,
        units=tuple(head_units + body_units),
        findings=findings,
    )


def _check_sizes(tokens: Sequence[Token], units: list[Unit], rel: str, body_line: int) -> None:
    """Refuse a unit or a table too large for a page, naming its line."""
    for unit in units:
        if len(unit.text) > MAX_UNIT_CHARS:
            raise SourceError(f"this {unit.kind} has {len(unit.text):,} characters, more than the {MAX_UNIT_CHARS:,} "
                              "a unit may have: split it into several", rel, unit.line)
    for table, cells, columns in _tables(tokens):
        if cells > MAX_TABLE_CELLS or columns > MAX_TABLE_COLUMNS:
            raise SourceError(f"this table has {columns} columns and {cells:,} cells, more than a table may have "
                              f"({MAX_TABLE_COLUMNS} columns, {MAX_TABLE_CELLS:,} cells): split it into several",
                              rel, body_line + (table.map or [0])[0])


def _tables(tokens: Sequence[Token]) -> Iterator[tuple[Token, int, int]]:
    """Each table of a body: its opening token, its number of cells and of columns (its widest row)."""
    table, cells, columns, row = None, 0, 0, 0
    for token in tokens:
        if token.type == "table_open":
            table, cells, columns = token, 0, 0
        elif token.type == "tr_open":
            row = 0
        elif token.type in ("th_open", "td_open"):
            cells, row = cells + 1, row + 1
            columns = max(columns, row)
        elif token.type == "table_close" and table is not None:
            yield table, cells, columns


def _unknown_key(key: str, extra_keys: Sequence[str], rel: str, line: int, slug: str) -> Finding:
    """The warning for a front-matter key the pipeline does not read, naming the nearest one it does."""
    close = difflib.get_close_matches(key, [*FRONT_MATTER_TYPES, *extra_keys], n=1, cutoff=0.6)
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    return Finding("front-matter-key", "warning",
                   f"unknown front-matter key {key!r}{hint}: it is not read; declare keys of your own whose text "
                   "is translated in the front_matter setting", rel, line, article=slug, check="build")


def _read_text(path: Path, rel: str) -> str:
    """A file's text, strictly UTF-8; a byte that is not is reported with its line."""
    try:
        size = path.stat().st_size
        if size > MAX_ARTICLE_BYTES:
            raise SourceError(f"the article is {size / 2**20:.1f} MB, more than the {MAX_ARTICLE_BYTES // 2**20} MB "
                              "an article may have: split it into several articles", rel)
        data = path.read_bytes()
    except OSError as exc:
        raise SourceError(f"cannot read: {exc.strerror or exc}", rel) from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise SourceError(f"not UTF-8: byte 0x{data[exc.start]:02x} cannot be decoded", rel, line) from None
    problem = control_character_problem(text)
    if problem is not None:
        raise SourceError(problem[1], rel, text.count("\n", 0, problem[0]) + 1)
    return text.removeprefix("\ufeff").replace("\r\n", "\n")


def _split_front_matter(text: str, rel: str) -> tuple[dict[str, Any], dict[str, int], str, int]:
    """(fields, line of each field, body, first line of the body) of an article's text."""
    lines = text.split("\n")
    if lines[0].rstrip() != FRONT_MATTER_FENCE:
        return {}, {}, text, 1
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "...")), None)
    if end is None:
        raise SourceError("front matter opened with --- on line 1 is never closed with ---", rel, 1)
    meta, meta_lines = _parse_front_matter("\n".join(lines[1:end]), rel)
    return meta, meta_lines, "\n".join(lines[end + 1 :]), end + 2


def _parse_front_matter(source: str, rel: str) -> tuple[dict[str, Any], dict[str, int]]:
    """Front-matter fields, type-checked, with the file line of each."""
    loader = SafeLoader(source)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else {}
    except (ValueError, TypeError, KeyError, OverflowError):  # a tagged or implicit value that is not what it says
        bad = _first_unreadable_scalar(loader, node)
        value = f" {bad.value[:60]!r}" if bad is not None else ""
        raise SourceError(f"front matter is not valid YAML: the value{value} is not a {_tag_name(bad)}", rel,
                          bad.start_mark.line + 2 if bad is not None else None) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        if mark is not None and mark.line >= source.count("\n") and getattr(exc, "context_mark", None):
            mark = exc.context_mark  # at the end of the text: where the unclosed construct began helps more
        line = mark.line + 2 if mark is not None else None
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise SourceError(f"front matter is not valid YAML: {problem}", rel, line) from None
    finally:
        loader.dispose()
    if not isinstance(data, dict):
        raise SourceError("front matter must be a mapping of fields such as `title: …`", rel, 2)
    lines = {str(key.value): key.start_mark.line + 2 for key, _ in node.value}
    for name, types in FRONT_MATTER_TYPES.items():
        if name in data and not isinstance(data[name], types):
            wanted = "a date (YYYY-MM-DD)" if name == "date" else "text"
            raise SourceError(
                f"front-matter field {name!r} must be {wanted}, not {type(data[name]).__name__}",
                rel,
                lines.get(name),
            )
    return {str(k): v for k, v in data.items()}, lines


def _first_unreadable_scalar(loader: Any, node: yaml.Node | None) -> yaml.ScalarNode | None:
    """The first scalar of a document that its tag's constructor refuses (`date: 2024-13-45`, `!!int abc`)."""
    pending = [node] if node is not None else []
    while pending:
        current = pending.pop(0)
        if isinstance(current, yaml.ScalarNode):
            constructor = loader.yaml_constructors.get(current.tag)
            try:
                if constructor is not None:
                    constructor(loader, current)
            except (ValueError, TypeError, KeyError, OverflowError):
                return current
        elif isinstance(current, yaml.SequenceNode):
            pending.extend(current.value)
        elif isinstance(current, yaml.MappingNode):
            pending.extend(part for pair in current.value for part in pair)
    return None


def _tag_name(node: yaml.ScalarNode | None) -> str:
    """What a scalar's tag calls for, in words: `timestamp`, `int`."""
    name = node.tag.rpartition(":")[2] if node is not None else "value"
    return {"timestamp": "date (YYYY-MM-DD)", "bool": "true or false", "int": "whole number"}.get(name, name)


def _date(value: datetime.date | str | None, rel: str, line: int | None) -> datetime.date | None:
    """The front-matter date as a date (a datetime keeps only its day)."""
    if value is None or isinstance(value, datetime.datetime):
        return value.date() if value is not None else None
    if isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(value.strip())
    except ValueError:
        raise SourceError(f"date {value!r} is not a date in the form YYYY-MM-DD", rel, line) from None


def _first_heading(units: list[Unit]) -> str | None:
    """The text of the body's first level-1 heading, the title when front matter has none."""
    return next((u.text for u in units if u.kind == "heading" and u.level == 1), None)


def relative_path(path: Path, root: Path) -> str:
    """A path as reports show it: relative to the project root, with forward slashes."""
    return shown_path(path, root)
