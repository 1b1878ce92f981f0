"""Style sheets as the cascade reads them: rules parsed with tinycss2, selectors compiled by cssselect2.

A sheet comes from a `<style>` block, a `<link rel="stylesheet">` to a local file, or an
`@import` in either. Each is parsed once per run (the same text gives the same rules, so a
build's hundred pages share one parse), `@media` decided for the screen the page is checked
on, `@supports` taken as supported, `@layer` ranked below unlayered rules. Only the
properties the rules read are kept, and every custom property (`--name`), for `var()`.
Sheets on the web (`https:`, `//host`) are not fetched: the checker reads what is on disk.
"""

from __future__ import annotations

import functools
import posixpath
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

import cssselect2
import tinycss2
from tinycss2 import ast

from .media import LIGHT, Screen, query_list_applies

#: The properties the rules look at (custom properties are kept besides).
PROPERTIES = frozenset(
    "display visibility position left top right bottom inset inset-block-start inset-inline-start margin "
    "font margin-left margin-top margin-right margin-bottom width height max-width max-height min-width min-height overflow overflow-x overflow-y clip "
    "clip-path opacity font-size font-weight letter-spacing word-spacing line-height white-space color "
    "background background-color background-image text-shadow color-scheme transform "
    "-webkit-text-fill-color -webkit-text-stroke-color -webkit-text-stroke-width -webkit-text-stroke "
    "font-family font-style text-decoration text-decoration-line text-decoration-style outline outline-style "
    "outline-width border border-style border-width border-top border-top-style border-top-width border-bottom "
    "border-bottom-style border-bottom-width border-left border-left-style border-left-width border-right "
    "border-right-style border-right-width pointer-events content text-indent".split()
)
#: Properties whose values keep their case (the text `content` generates): their keywords are compared lowercased.
CASE_KEPT = frozenset({"content"})
#: Cascade origins and importance, weakest first (CSS Cascading 4, 6.2).
AUTHOR_LAYERED, AUTHOR, INLINE, AUTHOR_IMPORTANT, AUTHOR_LAYERED_IMPORTANT, INLINE_IMPORTANT = range(1, 7)
#: A style sheet larger than this is not read (a browser would, but no real theme is this large).
MAX_SHEET_BYTES = 8 * 1024 * 1024
MAX_IMPORT_DEPTH = 8


@dataclass(frozen=True)
class StyleRule:
    """The declarations we keep of one style rule at one importance, and the origin they rank in."""

    declarations: dict[str, str]  # property -> value (lowercased, except custom properties), in source order
    origin: int


@dataclass
class StyleSheet:
    """One parsed sheet: its rules, a matcher of their selectors, and the sheets it imports."""

    rules: list[StyleRule] = field(default_factory=list)
    matcher: cssselect2.Matcher = field(default_factory=cssselect2.Matcher)
    imports: list[str] = field(default_factory=list)  # the URLs of `@import` rules that apply
    #: The selectors of `::before` and `::after` rules that set `content` or `display` (of the generated box).
    generated: cssselect2.Matcher = field(default_factory=cssselect2.Matcher)
    generates: bool = False  # whether `generated` holds any selector
    #: Whether the sheet styles the colour schemes apart (`prefers-color-scheme`, `light-dark()`).
    scheme_dependent: bool = False


def parse_declarations(tokens: Iterable[ast.Node] | str) -> list[tuple[str, str, bool]]:
    """The declarations we keep of a block or a `style` attribute: (property, value, important)."""
    found = []
    for item in tinycss2.parse_blocks_contents(tokens, skip_comments=True, skip_whitespace=True):
        if item.type != "declaration":
            continue
        if item.name.startswith("--"):
            found.append((item.name, tinycss2.serialize(item.value).strip(), item.important))
        elif item.lower_name in CASE_KEPT:
            found.append((item.lower_name, tinycss2.serialize(item.value).strip(), item.important))
        elif item.lower_name in PROPERTIES:
            found.append((item.lower_name, tinycss2.serialize(item.value).strip().lower(), item.important))
    return found


@functools.lru_cache(maxsize=256)
def inline_declarations(style: str) -> tuple[tuple[str, str, bool], ...]:
    """The declarations of a `style` attribute (pages repeat the same attributes: parsed once)."""
    return tuple(parse_declarations(style))


@functools.lru_cache(maxsize=64)
def parse_style_sheet(css: str, screen: Screen = LIGHT) -> StyleSheet:
    """The rules of a style sheet that apply on the screen, with their compiled selectors."""
    lowered = css.lower()
    sheet = StyleSheet(scheme_dependent="prefers-color-scheme" in lowered or "light-dark(" in lowered)
    nodes = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
    _collect(nodes, False, sheet, screen, top_level=True)
    return sheet


def _collect(nodes: list[ast.Node], layered: bool, sheet: StyleSheet, screen: Screen, top_level: bool) -> None:
    for node in nodes:
        if node.type == "qualified-rule":
            _add_rule(node, layered, sheet)
        elif node.type == "at-rule":
            keyword = node.lower_at_keyword
            if keyword == "import" and top_level:
                _add_import(node, sheet, screen)
            elif node.content is not None and (
                keyword in ("supports", "layer") or (keyword == "media" and query_list_applies(node.prelude, screen))
            ):
                children = tinycss2.parse_rule_list(node.content, skip_comments=True, skip_whitespace=True)
                _collect(children, layered or keyword == "layer", sheet, screen, top_level=False)
            top_level = top_level and keyword in ("import", "charset", "layer") and node.content is None
        else:
            top_level = False


def _add_rule(node: ast.QualifiedRule, layered: bool, sheet: StyleSheet) -> None:
    declarations = parse_declarations(node.content)
    if not declarations:
        return
    try:
        selectors = cssselect2.compile_selector_list(node.prelude)
    except cssselect2.SelectorError:
        return  # an unreadable selector drops its whole rule, as in browsers
    for important in (False, True):
        chosen: dict[str, str] = {}
        for name, value, imp in declarations:
            if imp == important:
                chosen.pop(name, None)  # the last declaration wins, in its own place: shorthands compare by order
                chosen[name] = value
        if not chosen:
            continue
        if important:
            origin = AUTHOR_LAYERED_IMPORTANT if layered else AUTHOR_IMPORTANT
        else:
            origin = AUTHOR_LAYERED if layered else AUTHOR
        sheet.rules.append(StyleRule(chosen, origin))
        for selector in selectors:
            if selector.pseudo_element is None:  # ::before and the like style no element
                sheet.matcher.add_selector(selector, len(sheet.rules) - 1)
            elif selector.pseudo_element in ("before", "after") and ("content" in chosen or "display" in chosen):
                sheet.generated.add_selector(selector, len(sheet.rules) - 1)
                sheet.generates = True


def _add_import(node: ast.AtRule, sheet: StyleSheet, screen: Screen) -> None:
    prelude = [t for t in node.prelude if t.type not in ("whitespace", "comment")]
    if not prelude:
        return
    first = prelude[0]
    if first.type == "string" or first.type == "url":
        url = first.value
    elif first.type == "function" and first.lower_name == "url" and first.arguments and first.arguments[0].type == "string":
        url = first.arguments[0].value
    else:
        return
    rest = prelude[1:]
    if any(t.type in ("ident", "function") and (t.lower_value if t.type == "ident" else t.lower_name) in ("layer", "supports")
           for t in rest[:1]):
        rest = rest[1:]  # `layer(x)` or `supports(...)` before the media list: the media list still decides
    if query_list_applies(rest, screen):
        sheet.imports.append(url)


class LocalStyleSheets:
    """Local style sheets that pages link to, read from disk once per run.

    `locate` turns a file name in the space pages are named in (`dist/assets/style.css`) into
    the file on disk, or None; `site_root` is the name that `/`-rooted links start from.
    """

    def __init__(self, locate: Callable[[str], Path | None], site_root: str | None = None):
        self.locate = locate
        self.site_root = site_root
        self._texts: dict[str, str | None] = {}

    def resolve(self, base_file: str, href: str) -> str | None:
        """The file name a link or `@import` from `base_file` leads to, if it is local."""
        parts = urlsplit(href.strip())
        if parts.scheme or parts.netloc or not parts.path:
            return None
        path = unquote(parts.path)
        if path.startswith("/"):
            if self.site_root is None:
                return None
            joined = posixpath.join(self.site_root, path.lstrip("/"))
        else:
            joined = posixpath.join(posixpath.dirname(base_file), path)
        return posixpath.normpath(joined)

    def text(self, name: str) -> str | None:
        """The text of a local style sheet, or None when there is none to read."""
        if name not in self._texts:
            self._texts[name] = self._read(name)
        return self._texts[name]

    def _read(self, name: str) -> str | None:
        path = self.locate(name)
        if path is None:
            return None
        try:
            if not path.is_file() or path.stat().st_size > MAX_SHEET_BYTES:
                return None
            data = path.read_bytes()
        except OSError:
            return None
        return _decode(data)


def _decode(data: bytes) -> str:
    """A style sheet's text: its BOM, its `@charset`, else UTF-8 (CSS Syntax 3, 3.2)."""
    _, encoding = tinycss2.parse_stylesheet_bytes(data[:1024])
    return data.decode(encoding.codec_info.name, errors="replace").removeprefix("\ufeff")


def disk_style_sheets(root: Path) -> LocalStyleSheets:
    """Style sheets of pages on disk, whose names are relative to `root` (or absolute)."""
    return LocalStyleSheets(lambda name: Path(name) if posixpath.isabs(name) else root / name)


def bundle_style_sheets(dist: str, assets: dict[str, Path]) -> LocalStyleSheets:
    """Style sheets of a bundle being built: its pages are named `<dist>/…`, its files are the theme's assets."""
    prefix = dist.rstrip("/") + "/"
    return LocalStyleSheets(lambda name: assets.get(name[len(prefix):]) if name.startswith(prefix) else None,
                            site_root=dist.rstrip("/"))


def imported_sheets(sheets: LocalStyleSheets, base_file: str, sheet: StyleSheet, screen: Screen,
                    seen: frozenset[str] = frozenset()) -> list[StyleSheet]:
    """The sheets `sheet` imports, nested imports first, then `sheet` itself: the order they cascade in."""
    ordered: list[StyleSheet] = []
    if len(seen) < MAX_IMPORT_DEPTH:
        for url in sheet.imports:
            name = sheets.resolve(base_file, url)
            text = sheets.text(name) if name is not None and name not in seen else None
            if name is not None and text is not None:
                child = parse_style_sheet(text, screen)
                ordered += imported_sheets(sheets, name, child, screen, seen | {name})
    return [*ordered, sheet]
