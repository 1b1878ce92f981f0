"""The CSS cascade, as far as accessibility rules need it: which value of a property wins, and where from.

Style comes from the browser's defaults (`[hidden]`, `<head>`, `<template>`...), `<style>`
blocks and `style` attributes, parsed with tinycss2 and cascaded by origin, importance,
specificity and order, as a browser does. Only the properties in `PROPERTIES` are kept:
those that hide, move or size content, and the text-spacing ones. Linked style sheets are
not read. `@media` blocks apply when they target all media or screens without conditions;
`@supports` blocks apply; `@layer` blocks rank below unlayered rules.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import tinycss2
from lxml import etree
from tinycss2 import ast

from .css_selectors import InvalidSelector, Selector, matches, parse_selector_list
from .document import Element

#: The properties the rules look at.
PROPERTIES = frozenset(
    "display visibility position left top right bottom margin-left margin-top width height max-width "
    "overflow overflow-x clip clip-path opacity font-size letter-spacing word-spacing line-height "
    "white-space".split()
)
#: Elements whose default display is block (the browser's style sheet): their text is set apart by spaces in a name.
BLOCK_ELEMENTS = frozenset(
    "address article aside blockquote br caption dd details dialog div dl dt fieldset figcaption figure footer "
    "form h1 h2 h3 h4 h5 h6 header hgroup hr legend li main menu nav ol p pre search section summary table "
    "tbody td tfoot th thead tr ul".split()
)

#: Cascade origins and importance, weakest first (CSS Cascading 4, 6.2).
AUTHOR_LAYERED, AUTHOR, INLINE, AUTHOR_IMPORTANT, AUTHOR_LAYERED_IMPORTANT, INLINE_IMPORTANT = range(1, 7)

#: Elements browsers never render (HTML, 15.3.1 "Hidden elements"): user-agent `display: none`.
USER_AGENT_HIDDEN_TAGS = frozenset(
    "area base basefont datalist head link meta noembed noframes noscript param rp script style template "
    "title".split()
)


@dataclass(frozen=True)
class Declaration:
    """The value that won the cascade for one property of one element, and where it came from."""

    value: str  # lowercased, serialized
    important: bool
    inline: bool  # declared in the element's `style` attribute


def hidden_by_user_agent(element: Element) -> bool:
    """Whether the browser's own style sheet gives the element `display: none`."""
    tag = element.tag
    if tag in USER_AGENT_HIDDEN_TAGS or element.get("hidden") is not None:
        return True
    if tag == "input":
        return (element.get("type") or "").strip().lower() == "hidden"
    if tag == "dialog":
        return element.get("open") is None
    parent = element.getparent()
    # A closed <details> shows only its first <summary>.
    return (
        parent is not None
        and parent.tag == "details"
        and parent.get("open") is None
        and not (tag == "summary" and parent.find("summary") is element)
    )


@dataclass(frozen=True)
class StyleRule:
    """A style rule reduced to the properties we keep: its selectors and declarations."""

    selectors: tuple[Selector, ...]
    declarations: dict[str, str]  # property -> lowercased value
    origin: int
    order: int


def parse_declarations(tokens: Iterable[ast.Node] | str) -> list[tuple[str, str, bool]]:
    """The declarations we keep of a block or a `style` attribute: (property, value, important)."""
    found = []
    for item in tinycss2.parse_blocks_contents(tokens, skip_comments=True, skip_whitespace=True):
        if item.type == "declaration" and item.lower_name in PROPERTIES:
            value = tinycss2.serialize(item.value).strip().lower()
            found.append((item.lower_name, value, item.important))
    return found


def parse_style_sheet(css: str, first_order: int = 0) -> list[StyleRule]:
    """The rules of a `<style>` block that set a property we keep, in source order."""
    rules: list[StyleRule] = []
    _collect(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True), False, rules, first_order)
    return rules


def _collect(nodes: list[ast.Node], layered: bool, rules: list[StyleRule], first_order: int) -> None:
    for node in nodes:
        if node.type == "qualified-rule":
            declarations = parse_declarations(node.content)
            if not declarations:
                continue
            try:
                selectors = tuple(parse_selector_list(node.prelude))
            except InvalidSelector:
                continue  # an unreadable selector drops its whole rule, as in browsers
            for important in (False, True):
                chosen = {name: value for name, value, imp in declarations if imp == important}
                if chosen:
                    origin = _author_origin(layered, important)
                    rules.append(StyleRule(selectors, chosen, origin, first_order + len(rules)))
        elif node.type == "at-rule" and node.content is not None:
            keyword = node.lower_at_keyword
            applies = keyword == "supports" or keyword == "layer" or (keyword == "media" and _media_applies(node))
            if applies:
                children = tinycss2.parse_rule_list(node.content, skip_comments=True, skip_whitespace=True)
                _collect(children, layered or keyword == "layer", rules, first_order)


def _author_origin(layered: bool, important: bool) -> int:
    if important:
        return AUTHOR_LAYERED_IMPORTANT if layered else AUTHOR_IMPORTANT
    return AUTHOR_LAYERED if layered else AUTHOR


def _media_applies(rule: ast.AtRule) -> bool:
    """Whether a media query list surely applies to a screen of any size."""
    queries = tinycss2.serialize(rule.prelude).lower().split(",")
    return any(q.split() in (["all"], ["screen"], ["only", "screen"], []) for q in queries)


def _media_attribute_applies(media: str | None) -> bool:
    if media is None or not media.strip():
        return True
    return any(q.split() in (["all"], ["screen"], ["only", "screen"]) for q in media.lower().split(","))


class Styles:
    """The cascade of one page: winning declarations per element, and the elements CSS hides."""

    def __init__(self, root: Element, elements: list[Element]):
        self.rules: list[StyleRule] = []
        for style in (e for e in elements if e.tag == "style"):
            if _media_attribute_applies(style.get("media")):
                self.rules.extend(parse_style_sheet("".join(style.itertext()), first_order=len(self.rules)))
        self.author_styled = bool(self.rules) or any(e.get("style") is not None for e in elements)
        self._declared: dict[Element, dict[str, Declaration]] = {}
        self.hidden: set[Element] = set()
        self._cascade_hiding(root)

    def declared(self, element: Element) -> dict[str, Declaration]:
        """The winning author declaration of each property for one element (no inheritance)."""
        if element not in self._declared:
            self._declared[element] = self._compute(element) if self.author_styled else {}
        return self._declared[element]

    def value(self, element: Element, name: str) -> str | None:
        """The winning author value of a property on the element, or None when no author rule sets it."""
        found = self.declared(element).get(name)
        return found.value if found else None

    def _compute(self, element: Element) -> dict[str, Declaration]:
        best: dict[str, tuple[tuple[int, tuple[int, int, int], int], Declaration]] = {}
        for rule in self.rules:
            matched = [s.specificity for s in rule.selectors if matches(element, s)]
            if not matched:
                continue
            rank = (rule.origin, max(matched), rule.order)
            for name, value in rule.declarations.items():
                if name not in best or rank > best[name][0]:
                    best[name] = (rank, Declaration(value, rule.origin >= AUTHOR_IMPORTANT, False))
        inline = element.get("style")
        if inline:
            for order, (name, value, important) in enumerate(parse_declarations(inline)):
                rank = (INLINE_IMPORTANT if important else INLINE, (0, 0, 0), order)
                if name not in best or rank > best[name][0]:
                    best[name] = (rank, Declaration(value, important, True))
        return {name: declaration for name, (_, declaration) in best.items()}

    def _cascade_hiding(self, root: Element) -> None:
        """Walk the tree once, parents first, so display and visibility can inherit."""
        visibility: dict[Element, str] = {}
        for element in root.iter(etree.Element):
            parent = element.getparent()
            if parent is not None and parent in self.hidden and visibility.get(parent) is None:
                self.hidden.add(element)  # inside a display: none subtree
                continue
            user_agent_hidden = hidden_by_user_agent(element)
            display = self.value(element, "display") or ("none" if user_agent_hidden else "inline")
            if display in ("revert", "initial", "unset", "inherit") and user_agent_hidden:
                display = "none"
            if display == "none":
                self.hidden.add(element)
                continue
            inherited = visibility.get(parent, "visible") if parent is not None else "visible"
            own = self.value(element, "visibility") or "inherit"
            if own in ("inherit", "unset"):
                own = inherited
            elif own not in ("hidden", "collapse"):
                own = "visible"
            visibility[element] = own
            if own != "visible":
                self.hidden.add(element)
