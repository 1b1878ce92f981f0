"""Media queries evaluated for the screen a page is checked on: a 1280 × 800 px desktop browser.

The checker reads a page as it is drawn on one screen, so `@media`, `<link media>`,
`<style media>` and `@import … media` are decided for it (Media Queries 4: media types,
`not`/`only`/`and`/`or`, `(feature: value)`, `(feature)`, `min-`/`max-` and range syntax).
A feature this module does not know, and any function, is false, as browsers treat
a query they cannot read. The colour scheme is the one setting that differs between runs:
pages that style both schemes are checked in each.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

import tinycss2
from tinycss2 import ast

from .lengths import absolute_px


@dataclass(frozen=True)
class Screen:
    """The device a page is drawn on, as media queries see it."""

    width: int = 1280
    height: int = 800
    color_scheme: str = "light"  # or "dark"

    def features(self) -> dict[str, object]:
        """Each media feature's value: a number of px, a ratio, an integer or a keyword."""
        return {
            "width": self.width, "height": self.height, "device-width": self.width, "device-height": self.height,
            "aspect-ratio": Fraction(self.width, self.height), "device-aspect-ratio": Fraction(self.width, self.height),
            "orientation": "landscape" if self.width >= self.height else "portrait",
            "resolution": 1.0, "color": 8, "color-index": 0, "monochrome": 0, "grid": 0,
            "prefers-color-scheme": self.color_scheme, "prefers-reduced-motion": "no-preference",
            "prefers-contrast": "no-preference", "prefers-reduced-transparency": "no-preference",
            "prefers-reduced-data": "no-preference", "forced-colors": "none", "inverted-colors": "none",
            "hover": "hover", "any-hover": "hover", "pointer": "fine", "any-pointer": "fine",
            "scripting": "enabled", "update": "fast", "display-mode": "browser", "dynamic-range": "standard",
            "video-dynamic-range": "standard", "color-gamut": "srgb", "overflow-block": "scroll",
            "overflow-inline": "scroll",
        }


LIGHT = Screen()
DARK = Screen(color_scheme="dark")
#: Media types a desktop browser's screen matches.
SCREEN_TYPES = frozenset({"all", "screen"})
#: Keyword features whose every value but this one counts as true in boolean context, `(hover)`.
FALSE_KEYWORDS = frozenset({"none", "no-preference"})


def query_list_applies(tokens: list[ast.Node] | str | None, screen: Screen = LIGHT) -> bool:
    """Whether a comma-separated media query list matches the screen (an empty list matches all)."""
    if tokens is None:
        return True
    if isinstance(tokens, str):
        tokens = tinycss2.parse_component_value_list(tokens)
    queries: list[list[ast.Node]] = [[]]
    for token in tokens:
        if token.type == "literal" and token.value == ",":
            queries.append([])
        elif token.type not in ("whitespace", "comment"):
            queries[-1].append(token)
    if len(queries) == 1 and not queries[0]:
        return True
    return any(_query_applies(query, screen) for query in queries if query)


def _query_applies(tokens: list[ast.Node], screen: Screen) -> bool:
    first = tokens[0]
    if first.type != "ident" or (first.lower_value == "not" and (len(tokens) < 2 or tokens[1].type != "ident")):
        return _condition(tokens, screen)  # a condition alone: `(min-width: 40em)`, `not (hover)`
    modifier = first.lower_value if first.lower_value in ("not", "only") else ""
    rest = tokens[1:] if modifier else tokens
    if not rest or rest[0].type != "ident":
        return False
    media_type, tail = rest[0].lower_value, rest[1:]
    if tail and not (tail[0].type == "ident" and tail[0].lower_value == "and"):
        return False  # a type followed by anything but `and` is no query
    matched = media_type in SCREEN_TYPES and (not tail or _condition(tail[1:], screen))
    return matched != (modifier == "not")


def _condition(tokens: list[ast.Node], screen: Screen) -> bool:
    """`not (a)`, `(a) and (b) …` or `(a) or (b) …`; anything else is false."""
    if not tokens:
        return False
    first = tokens[0]
    if first.type == "ident" and first.lower_value == "not":
        return len(tokens) == 2 and not _in_parens(tokens[1], screen)
    results = [_in_parens(tokens[0], screen)]
    joiners = set()
    for index in range(1, len(tokens), 2):
        joiner = tokens[index]
        if joiner.type != "ident" or joiner.lower_value not in ("and", "or") or index + 1 >= len(tokens):
            return False
        joiners.add(joiner.lower_value)
        results.append(_in_parens(tokens[index + 1], screen))
    if len(joiners) > 1:
        return False  # `and` and `or` mixed without parentheses is invalid
    return any(results) if joiners == {"or"} else all(results)


def _in_parens(token: ast.Node, screen: Screen) -> bool:
    if token.type != "() block":
        return False  # a function or anything else the grammar calls general-enclosed: unknown, so false
    content = [t for t in token.content if t.type not in ("whitespace", "comment")]
    if content and (content[0].type == "() block" or (content[0].type == "ident" and content[0].lower_value == "not")):
        return _condition(content, screen)
    return _feature(content, screen)


def _feature(tokens: list[ast.Node], screen: Screen) -> bool:
    features = screen.features()
    if len(tokens) == 1 and tokens[0].type == "ident":  # boolean context: (hover), (color)
        value = features.get(tokens[0].lower_value)
        return value is not None and value not in FALSE_KEYWORDS and value != 0
    if len(tokens) >= 3 and tokens[1].type == "literal" and tokens[1].value == ":":
        if tokens[0].type != "ident":
            return False
        name = tokens[0].lower_value
        prefix, _, bare = name.partition("-") if name.startswith(("min-", "max-")) else ("", "", name)
        wanted = _value(tokens[2:])
        actual = features.get(bare)
        if actual is None or wanted is None:
            return False
        if prefix:
            return _compare(actual, wanted, ">=" if prefix == "min" else "<=")
        return _compare(actual, wanted, "=")
    return _range(tokens, features)


def _range(tokens: list[ast.Node], features: dict[str, object]) -> bool:
    """`(width >= 600px)`, `(600px <= width)`, `(400px < width <= 700px)`."""
    parts: list[list[ast.Node]] = [[]]
    operators: list[str] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token.type == "literal" and token.value in "<>=":
            operator = token.value
            following = tokens[index + 1] if index + 1 < len(tokens) else None
            if operator in "<>" and following is not None and following.type == "literal" and following.value == "=":
                operator += "="
                index += 1
            operators.append(operator)
            parts.append([])
        else:
            parts[-1].append(token)
        index += 1
    if len(parts) not in (2, 3) or any(not part for part in parts):
        return False
    names = [i for i, part in enumerate(parts) if len(part) == 1 and part[0].type == "ident"
             and part[0].lower_value in features]
    if len(names) != 1 or (len(parts) == 3 and names != [1]):
        return False
    actual = features[parts[names[0]][0].lower_value]
    for (left, right), operator in zip(zip(parts, parts[1:]), operators):
        if left is parts[names[0]]:
            wanted, flipped = _value(right), operator
        else:
            wanted, flipped = _value(left), _flip(operator)
        if wanted is None or not _compare(actual, wanted, flipped):
            return False
    return True


def _flip(operator: str) -> str:
    return {"<": ">", "<=": ">=", ">": "<", ">=": "<=", "=": "="}[operator]


def _value(tokens: list[ast.Node]) -> object | None:
    """A feature's value in a query: px for lengths, a ratio, dppx for resolutions, a keyword, a number."""
    if len(tokens) == 3 and tokens[1].type == "literal" and tokens[1].value == "/":
        if tokens[0].type == "number" and tokens[2].type == "number" and tokens[2].value:
            return Fraction(tokens[0].value).limit_denominator() / Fraction(tokens[2].value).limit_denominator()
        return None
    if len(tokens) != 1:
        return None
    token = tokens[0]
    if token.type == "ident":
        return token.lower_value
    if token.type == "number":
        return token.value
    if token.type == "dimension":
        unit = token.lower_unit
        if unit in ("dppx", "x"):
            return token.value
        if unit == "dpi":
            return token.value / 96
        if unit == "dpcm":
            return token.value * 2.54 / 96
        return absolute_px(token.value, unit)
    return None


def _compare(actual: object, wanted: object, operator: str) -> bool:
    if isinstance(actual, str) or isinstance(wanted, str):
        return operator == "=" and actual == wanted
    difference = float(actual) - float(wanted)  # type: ignore[arg-type]
    return {"<": difference < 0, "<=": difference <= 0, "=": difference == 0,
            ">=": difference >= 0, ">": difference > 0}[operator]
