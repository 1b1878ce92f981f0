"""The CSS cascade, as far as accessibility rules need it: which value of a property wins, and where from.

Style comes from the browser's defaults (`[hidden]`, `<head>`, `<template>`...), `<style>`
blocks, `<link rel="stylesheet">` to local files and their `@import`s (`stylesheets.py`),
and `style` attributes; selectors are matched by cssselect2 and declarations cascaded by
origin, importance, specificity and order, as a browser does. `var()` takes the inherited
custom properties; `@media` is decided for a 1280 px screen (`media.py`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import cssselect2
import tinycss2
from lxml import etree

from .document import Element
from .media import LIGHT, Screen, query_list_applies
from .shorthands import SHORTHAND_OF, longhand
from .stylesheets import (
    AUTHOR_IMPORTANT,
    INLINE,
    INLINE_IMPORTANT,
    LocalStyleSheets,
    StyleSheet,
    imported_sheets,
    inline_declarations,
    parse_style_sheet,
)

#: Elements whose default display is block (the browser's style sheet): their text is set apart by spaces in a name.
BLOCK_ELEMENTS = frozenset(
    "address article aside blockquote br caption dd details dialog div dl dt fieldset figcaption figure footer "
    "form h1 h2 h3 h4 h5 h6 header hgroup hr legend li main menu nav ol p pre search section summary table "
    "tbody td tfoot th thead tr ul".split()
)

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
    rank: tuple = ()  # where it stands in the cascade: a shorthand and its longhands compare by it


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


#: Values that take the parent's value (for an inherited property, `unset` does too).
INHERIT = "inherit"
#: Values that give a property its initial value: for the checker, "no author value".
INITIAL = frozenset({"initial", "revert", "revert-layer"})
MAX_VAR_DEPTH = 16
CSS_WIDE = frozenset({INHERIT, "unset", *INITIAL})
#: The `content` of an element's `::before` and `::after` when neither draws anything.
NO_GENERATED_CONTENT: tuple[str | None, str | None] = (None, None)


def page_style_sheets(elements: Sequence[Element], file: str, sheets: LocalStyleSheets | None,
                      screen: Screen = LIGHT) -> list[StyleSheet]:
    """The style sheets that apply to a page on the screen, in cascade order: `<style>` blocks and linked files."""
    found: list[StyleSheet] = []
    for element in elements:
        if element.tag not in ("style", "link") or (element.get("type") or "text/css").strip().lower() != "text/css":
            continue
        if not query_list_applies(element.get("media"), screen):
            continue
        if element.tag == "style":
            sheet = parse_style_sheet("".join(element.itertext()), screen)
            found += imported_sheets(sheets, file, sheet, screen) if sheets is not None else [sheet]
        elif sheets is not None and _is_style_sheet_link(element):
            name = sheets.resolve(file, element.get("href") or "")
            text = sheets.text(name) if name is not None else None
            if name is not None and text is not None:
                found += imported_sheets(sheets, name, parse_style_sheet(text, screen), screen, frozenset({name}))
    return found


def _is_style_sheet_link(element: Element) -> bool:
    rel = (element.get("rel") or "").lower().split()
    return "stylesheet" in rel and "alternate" not in rel and element.get("disabled") is None


class Styles:
    """The cascade of one page: winning declarations per element, and the elements CSS hides."""

    def __init__(self, root: Element, elements: list[Element], sheets: Sequence[StyleSheet] = ()):
        self.root = root
        self.sheets = list(sheets)
        self._matched = [(position, sheet) for position, sheet in enumerate(self.sheets) if sheet.rules]
        self._generating = [(position, sheet) for position, sheet in self._matched if sheet.generates]
        self._generated: dict[Element, tuple[str | None, str | None]] = {}
        self.author_styled = bool(self._matched) or any(e.get("style") is not None for e in elements)
        # Every property a rule or a `style` attribute of the tree declares (template content too, which
        # `elements` leaves out): the others have no author value on any element.
        self._declared_anywhere = {name for _, sheet in self._matched for rule in sheet.rules
                                   for name in rule.declarations}
        self._declared_anywhere.update(name for element in root.iter(etree.Element) if element.get("style")
                                       for name, _, _ in inline_declarations(element.get("style") or ""))
        self._wrappers: dict[Element, cssselect2.ElementWrapper] | None = None
        self._declared: dict[Element, dict[str, Declaration]] = {}
        self._custom: dict[Element, dict[str, str]] = {}
        self._values: dict[tuple[Element, str], str | None] = {}
        self._computed: dict[tuple[Element, str], str | None] = {}
        self.hidden: set[Element] = set()
        self._cascade_hiding(root)

    def declared(self, element: Element) -> dict[str, Declaration]:
        """The winning author declaration of each property for one element (no inheritance)."""
        if element not in self._declared:
            self._declared[element] = self._compute(element) if self.author_styled else {}
        return self._declared[element]

    def value(self, element: Element, name: str) -> str | None:
        """The winning author value of a property on the element (`var()` replaced), or None when none is set.

        A value whose `var()` names no custom property and has no fallback is invalid at
        computed-value time: None, as if no author rule set it.
        """
        # Asked some 1,400 times a page, mostly of elements that declare nothing or not this property:
        # those answer None from the element's declarations, and only values found are cached.
        declared = self._declared.get(element)
        if declared is None:
            declared = self.declared(element)
        found = declared.get(name)
        shorthand = SHORTHAND_OF.get(name)
        whole = declared.get(shorthand) if shorthand is not None else None
        if found is None and whole is None:
            return None
        key = (element, name)
        if key not in self._values:
            self._values[key] = self._value(element, name, found, shorthand, whole)
        return self._values[key]

    def _value(self, element: Element, name: str, found: Declaration | None, shorthand: str | None,
               whole: Declaration | None) -> str | None:
        if whole is not None and shorthand is not None and (found is None or whole.rank > found.rank):
            value = self._substituted(element, shorthand, whole)
            return longhand(shorthand, name, value) if value is not None and value not in CSS_WIDE else value
        return self._substituted(element, name, found) if found is not None else None

    def _substituted(self, element: Element, name: str, found: Declaration) -> str | None:
        if "var(" not in found.value:
            return found.value
        value = substitute_variables(found.value, self.custom_properties(element))
        return value.lower() if value is not None and not name.startswith("--") else value

    def computed(self, element: Element, name: str) -> str | None:
        """An inherited property's author value on the element: its own, else the nearest ancestor's."""
        shorthand = SHORTHAND_OF.get(name)
        if name not in self._declared_anywhere and (shorthand is None or shorthand not in self._declared_anywhere):
            return None  # no element sets it, so none inherits it (text shadows and strokes, on most pages)
        computed = self._computed
        node: Element | None = element
        passed = []  # elements that inherit the value found further up
        found: str | None = None
        while node is not None:
            if (node, name) in computed:
                found = computed[(node, name)]
                break
            passed.append((node, name))
            value = self.value(node, name)
            if value is not None and value not in (INHERIT, "unset"):
                found = None if value in INITIAL else value
                break
            node = node.getparent()
        computed.update(dict.fromkeys(passed, found))
        return found

    def custom_properties(self, element: Element) -> dict[str, str]:
        """The custom properties (`--name`) the element has: its own, and those it inherits."""
        if element not in self._custom:
            chain = [element, *element.iterancestors()]
            known = {}
            for node in reversed(chain):  # from the root down, so each inherits its parent's
                if node in self._custom:
                    known = self._custom[node]
                    continue
                own = {n: d.value for n, d in self.declared(node).items() if n.startswith("--")}
                if own:
                    known = {**known, **own}
                    for name, value in own.items():
                        if "var(" in value:
                            resolved = substitute_variables(value, {k: v for k, v in known.items() if k != name})
                            known[name] = resolved if resolved is not None else ""
                self._custom[node] = known
        return self._custom[element]

    def has_generated_content(self, element: Element) -> bool:
        """Whether the element's `::before` or `::after` draws content (text or an image) beside its own."""
        return self.generated_content(element) != NO_GENERATED_CONTENT

    def generated_text(self, element: Element) -> tuple[str, str]:
        """The text CSS generates before and after the element's content (`::before`, `::after`), "" for none."""
        before, after = self.generated_content(element)
        return (content_text(before, element) if before is not None else "",
                content_text(after, element) if after is not None else "")

    def generated_content(self, element: Element) -> tuple[str | None, str | None]:
        """The `content` that wins the cascade for the element's `::before` and `::after` (`var()` replaced), as
        written; None for one that draws nothing (`none`, `normal`, or `display: none`). One match for both."""
        if not self._generating:
            return NO_GENERATED_CONTENT
        if element not in self._generated:
            self._generated[element] = self._cascade_generated(element)
        return self._generated[element]

    def _cascade_generated(self, element: Element) -> tuple[str | None, str | None]:
        wrapper = self._wrapper(element)
        if wrapper is None:
            return NO_GENERATED_CONTENT
        best: dict[tuple[str, str], tuple[tuple, str]] = {}  # (pseudo-element, property) -> (rank, value)
        for position, sheet in self._generating:
            for specificity, _, pseudo, index in sheet.generated.match(wrapper):
                rule = sheet.rules[index]
                for order, (name, value) in enumerate(rule.declarations.items()):
                    rank = (rule.origin, specificity, position, index, order)
                    if name in ("content", "display") and ((pseudo, name) not in best or rank > best[pseudo, name][0]):
                        best[pseudo, name] = (rank, value)

        def drawn(pseudo: str) -> str | None:
            content = best[pseudo, "content"][1] if (pseudo, "content") in best else "normal"
            if "var(" in content:
                content = substitute_variables(content, self.custom_properties(element)) or "normal"
            display = best[pseudo, "display"][1] if (pseudo, "display") in best else "inline"
            return None if content.lower() in ("none", "normal", *CSS_WIDE) or display == "none" else content

        return drawn("before"), drawn("after")

    def _wrapper(self, element: Element) -> cssselect2.ElementWrapper | None:
        if self._wrappers is None:
            top = cssselect2.ElementWrapper.from_html_root(self.root)
            self._wrappers = {wrapper.etree_element: wrapper for wrapper in top.iter_subtree()}
        return self._wrappers.get(element)

    def _compute(self, element: Element) -> dict[str, Declaration]:
        best: dict[str, tuple[tuple, Declaration]] = {}
        wrapper = self._wrapper(element) if self._matched else None
        if wrapper is not None:
            for position, sheet in self._matched:
                for specificity, _, _, index in sheet.matcher.match(wrapper):
                    rule = sheet.rules[index]
                    important = rule.origin >= AUTHOR_IMPORTANT
                    for order, (name, value) in enumerate(rule.declarations.items()):
                        rank = (rule.origin, specificity, position, index, order)
                        if name not in best or rank > best[name][0]:
                            best[name] = (rank, Declaration(value, important, False, rank))
        inline = element.get("style")
        if inline:
            for order, (name, value, important) in enumerate(inline_declarations(inline)):
                rank = (INLINE_IMPORTANT if important else INLINE, (0, 0, 0), 0, 0, order)
                if name not in best or rank > best[name][0]:
                    best[name] = (rank, Declaration(value, important, True, rank))
        return {name: declaration for name, (_, declaration) in best.items()}

    def displays_none(self, element: Element) -> bool:
        """Whether the element's own `display` is `none` (an ancestor's aside): the author's, else the browser's."""
        user_agent_hidden = hidden_by_user_agent(element)
        display = self.value(element, "display") or ("none" if user_agent_hidden else "inline")
        return display == "none" or (display in ("revert", "initial", "unset", "inherit") and user_agent_hidden)

    def _cascade_hiding(self, root: Element) -> None:
        """Walk the tree once, parents first, so display and visibility can inherit."""
        visibility: dict[Element, str] = {}
        for element in root.iter(etree.Element):
            parent = element.getparent()
            if parent is not None and parent in self.hidden and visibility.get(parent) is None:
                self.hidden.add(element)  # inside a display: none subtree
                continue
            if self.displays_none(element):
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


def substitute_variables(value: str, custom: dict[str, str], depth: int = 0) -> str | None:
    """`value` with each `var(--name, fallback)` replaced (CSS Variables 1, 3); None when one cannot be."""
    start = value.find("var(")
    if start == -1:
        return value
    if depth > MAX_VAR_DEPTH:
        return None  # a cycle, or nesting no sheet needs
    level, end = 0, -1
    for index in range(start + 3, len(value)):
        if value[index] == "(":
            level += 1
        elif value[index] == ")":
            level -= 1
            if level == 0:
                end = index
                break
    if end == -1:
        return None
    name, comma, fallback = value[start + 4:end].partition(",")
    replacement = custom.get(name.strip()) or None  # "" is the guaranteed-invalid value
    if replacement is None:
        if not comma:
            return None
        replacement = fallback.strip()
    replacement = substitute_variables(replacement, custom, depth + 1)
    rest = substitute_variables(value[end + 1:], custom, depth)
    if replacement is None or rest is None:
        return None
    return value[:start] + replacement + rest


def content_text(content: str, element: Element) -> str:
    """The text a `content` value gives assistive technology (CSS Generated Content 3, 1.2): its strings and
    `attr()`s, or its alternative text after a `/` when it has one (`content: "★" / ""` is read as nothing).

    Images (`url()`), counters and quotes give no text: what they draw needs the document laid out.
    """
    shown: list[str] = []
    alternative: list[str] | None = None
    for token in tinycss2.parse_component_value_list(content, skip_comments=True):
        into = shown if alternative is None else alternative
        if token.type == "literal" and token.value == "/":
            alternative = []
        elif token.type == "string":
            into.append(token.value)
        elif token.type == "function" and token.lower_name == "attr":
            names = [argument.value for argument in token.arguments if argument.type == "ident"]
            into.append((element.get(names[0].lower()) or "") if names else "")
    return "".join(shown if alternative is None else alternative)
