"""CSS selectors from tinycss2 tokens, matched against lxml elements, with their specificity.

Enough of Selectors Level 4 to decide which `<style>` rules hide which elements: type,
universal, id, class and attribute selectors, the four combinators, structural
pseudo-classes, `:not()`, `:is()` and `:where()`. User-action states (`:hover`, `:focus`...)
never match, as in a page nobody touches; pseudo-elements match no element. A selector
using anything else is invalid, which drops its whole rule, as browsers do.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

import tinycss2.nth
from tinycss2 import ast

from .document import Element
Specificity = tuple[int, int, int]
Test = tuple  # ("id", v) | ("class", v) | ("attr", name, op, value, ci) | ("pseudo", name) | ("nth", ...) | (fn, sels)

#: User-action and navigation states: a checker sees the page as loaded, untouched.
STATE_PSEUDO_CLASSES = frozenset(
    "active focus focus-visible focus-within hover target target-within visited user-invalid user-valid "
    "autofill playing paused".split()
)
STRUCTURAL_PSEUDO_CLASSES = frozenset(
    "root empty first-child last-child only-child first-of-type last-of-type only-of-type link any-link "
    "checked disabled enabled defined".split()
)
LEGACY_PSEUDO_ELEMENTS = frozenset({"before", "after", "first-line", "first-letter"})
NTH_PSEUDO_CLASSES = frozenset({"nth-child", "nth-last-child", "nth-of-type", "nth-last-of-type"})
#: Attributes whose values HTML compares without regard to case in selectors (HTML, 4.16.2).
CASE_INSENSITIVE_VALUES = frozenset(
    "accept-charset align alink axis bgcolor charset checked clear codetype color compact declare defer dir "
    "direction disabled enctype face frame hreflang http-equiv lang language link media method multiple nohref "
    "noresize noshade nowrap readonly rel rev rules scope scrolling selected shape target text type valign "
    "valuetype vlink".split()
)


class InvalidSelector(ValueError):
    """A selector this module cannot read: the style rule holding it is ignored."""


@dataclass(frozen=True)
class Compound:
    """A compound selector: an optional type and the tests the same element must pass."""

    tag: str | None
    tests: tuple[Test, ...] = ()


@dataclass(frozen=True)
class Selector:
    """A complex selector: compounds from left to right, joined by combinators."""

    compounds: tuple[Compound, ...]
    combinators: tuple[str, ...]  # " ", ">", "+", "~": one fewer than compounds
    specificity: Specificity
    matches_elements: bool = True  # False when it selects a pseudo-element
    source: str = field(default="", compare=False)


def parse_selector_list(tokens: Sequence[ast.Node]) -> list[Selector]:
    """A comma-separated selector list; raises InvalidSelector when any part is unreadable."""
    groups: list[list[ast.Node]] = [[]]
    for token in tokens:
        if token.type == "literal" and token.value == ",":
            groups.append([])
        elif token.type != "comment":
            groups[-1].append(token)
    return [_parse_complex(group) for group in groups]


def _parse_complex(tokens: list[ast.Node]) -> Selector:
    compounds: list[Compound] = []
    combinators: list[str] = []
    tokens = _strip_whitespace(tokens)
    if not tokens:
        raise InvalidSelector("empty selector")
    position, pending, pseudo_element = 0, None, False
    ids = classes = types = 0
    while position < len(tokens):
        token = tokens[position]
        if token.type == "whitespace" or (token.type == "literal" and token.value in (">", "+", "~")):
            if token.type == "literal":
                if pending not in (None, " "):
                    raise InvalidSelector("two combinators in a row")
                pending = token.value
            elif pending is None:
                pending = " "
            position += 1
            continue
        if pseudo_element:
            raise InvalidSelector("a pseudo-element must end its selector")
        if compounds:
            if pending is None:
                raise InvalidSelector("missing combinator")
            combinators.append(pending)
        elif pending not in (None, " "):
            raise InvalidSelector("selector starts with a combinator")
        pending = None
        compound, position, weight, pseudo_element = _parse_compound(tokens, position)
        compounds.append(compound)
        ids, classes, types = ids + weight[0], classes + weight[1], types + weight[2]
    if pending not in (None, " "):
        raise InvalidSelector("selector ends with a combinator")
    source = tinycss2.serialize(tokens)
    return Selector(tuple(compounds), tuple(combinators), (ids, classes, types), not pseudo_element, source)


def _parse_compound(tokens: list[ast.Node], position: int) -> tuple[Compound, int, Specificity, bool]:
    tag: str | None = None
    tests: list[Test] = []
    ids = classes = types = 0
    pseudo_element = False
    start = position
    while position < len(tokens):
        token = tokens[position]
        if token.type == "whitespace" or (token.type == "literal" and token.value in (">", "+", "~")):
            break
        if token.type == "ident" and position == start:
            tag, types = token.lower_value, types + 1
        elif token.type == "literal" and token.value == "*" and position == start:
            pass
        elif token.type == "hash" and token.is_identifier:
            tests.append(("id", token.value))
            ids += 1
        elif token.type == "literal" and token.value == "." and _next_is(tokens, position, "ident"):
            position += 1
            tests.append(("class", tokens[position].value))
            classes += 1
        elif token.type == "[] block":
            tests.append(_parse_attribute(token.content))
            classes += 1
        elif token.type == "literal" and token.value == ":":
            test, position, weight, is_element = _parse_pseudo(tokens, position)
            pseudo_element = pseudo_element or is_element
            if test is not None:
                tests.append(test)
            ids, classes, types = ids + weight[0], classes + weight[1], types + weight[2]
        else:
            raise InvalidSelector(f"unsupported token {tinycss2.serialize([token])!r}")
        position += 1
    return Compound(tag, tuple(tests)), position, (ids, classes, types), pseudo_element


def _parse_pseudo(tokens: list[ast.Node], position: int) -> tuple[Test | None, int, Specificity, bool]:
    """`:name`, `::name` or `:fn(...)` at `position` (the first colon)."""
    position += 1
    if position < len(tokens) and tokens[position].type == "literal" and tokens[position].value == ":":
        position += 1
        if not _next_is(tokens, position - 1, "ident"):
            raise InvalidSelector("pseudo-element without a name")
        return None, position, (0, 0, 1), True
    if position >= len(tokens):
        raise InvalidSelector("lone colon")
    token = tokens[position]
    if token.type == "ident":
        name = token.lower_value
        if name in LEGACY_PSEUDO_ELEMENTS:
            return None, position, (0, 0, 1), True
        if name in STATE_PSEUDO_CLASSES:
            return ("state", name), position, (0, 1, 0), False
        if name in STRUCTURAL_PSEUDO_CLASSES:
            return ("pseudo", name), position, (0, 1, 0), False
        raise InvalidSelector(f"unsupported pseudo-class :{name}")
    if token.type == "function":
        name = token.lower_name
        if name in NTH_PSEUDO_CLASSES:
            nth = tinycss2.nth.parse_nth(token.arguments)
            if nth is None:
                raise InvalidSelector(f"unreadable :{name}() argument")
            return ("nth", name, nth[0], nth[1]), position, (0, 1, 0), False
        if name in ("not", "is", "where", "matches"):
            inner = parse_selector_list(token.arguments)
            weight = (0, 0, 0) if name == "where" else max(s.specificity for s in inner)
            return (("not" if name == "not" else "is"), tuple(inner)), position, weight, False
        raise InvalidSelector(f"unsupported pseudo-class :{name}()")
    raise InvalidSelector("unreadable pseudo-class")


def _parse_attribute(tokens: list[ast.Node]) -> Test:
    tokens = [t for t in tokens if t.type not in ("whitespace", "comment")]
    if not tokens or tokens[0].type != "ident":
        raise InvalidSelector("attribute selector without a name")
    name = tokens[0].lower_value
    if len(tokens) == 1:
        return ("attr", name, None, None, False)
    operator = tokens[1].value if tokens[1].type == "literal" else ""
    if operator not in ("=", "~=", "|=", "^=", "$=", "*="):
        raise InvalidSelector(f"unsupported attribute operator {operator!r}")
    rest = tokens[2:]
    if not rest or rest[0].type not in ("ident", "string"):
        raise InvalidSelector("attribute selector without a value")
    flag = rest[1].lower_value if len(rest) > 1 and rest[1].type == "ident" else None
    if len(rest) > (2 if flag else 1) or flag not in (None, "i", "s"):
        raise InvalidSelector("unreadable attribute selector")
    insensitive = flag == "i" or (flag is None and name in CASE_INSENSITIVE_VALUES)
    return ("attr", name, operator, rest[0].value, insensitive)


def _next_is(tokens: list[ast.Node], position: int, kind: str) -> bool:
    return position + 1 < len(tokens) and tokens[position + 1].type == kind


def _strip_whitespace(tokens: list[ast.Node]) -> list[ast.Node]:
    start, end = 0, len(tokens)
    while start < end and tokens[start].type == "whitespace":
        start += 1
    while end > start and tokens[end - 1].type == "whitespace":
        end -= 1
    return tokens[start:end]


# --- matching ---------------------------------------------------------------------------


def matches(element: Element, selector: Selector) -> bool:
    """Whether the element is selected by a complex selector."""
    return selector.matches_elements and _match_at(element, selector, len(selector.compounds) - 1)


def _match_at(element: Element, selector: Selector, index: int) -> bool:
    if not _compound_matches(element, selector.compounds[index]):
        return False
    if index == 0:
        return True
    combinator = selector.combinators[index - 1]
    if combinator == ">":
        parent = element.getparent()
        return parent is not None and _match_at(parent, selector, index - 1)
    if combinator == " ":
        return any(_match_at(ancestor, selector, index - 1) for ancestor in element.iterancestors())
    siblings = _preceding_siblings(element)
    if combinator == "+":
        previous = next(siblings, None)
        return previous is not None and _match_at(previous, selector, index - 1)
    return any(_match_at(sibling, selector, index - 1) for sibling in siblings)


def _compound_matches(element: Element, compound: Compound) -> bool:
    if compound.tag is not None and element.tag != compound.tag:
        return False
    return all(_test_passes(element, test) for test in compound.tests)


def _test_passes(element: Element, test: Test) -> bool:
    kind = test[0]
    if kind == "id":
        return element.get("id") == test[1]
    if kind == "class":
        return test[1] in (element.get("class") or "").split()
    if kind == "attr":
        return _attribute_matches(element.get(test[1]), test[2], test[3], test[4])
    if kind == "state":
        return False
    if kind == "pseudo":
        return _pseudo_matches(element, test[1])
    if kind == "nth":
        return _nth_matches(element, test[1], test[2], test[3])
    if kind == "not":
        return not any(matches(element, s) for s in test[1])
    return any(matches(element, s) for s in test[1])  # :is() and :where()


def _attribute_matches(value: str | None, operator: str | None, expected: str | None, insensitive: bool) -> bool:
    if value is None:
        return False
    if operator is None or expected is None:
        return True
    if insensitive:
        value, expected = value.lower(), expected.lower()
    if operator == "=":
        return value == expected
    if operator == "~=":
        return expected in value.split()
    if operator == "|=":
        return value == expected or value.startswith(expected + "-")
    if not expected:
        return False
    if operator == "^=":
        return value.startswith(expected)
    if operator == "$=":
        return value.endswith(expected)
    return expected in value


def _pseudo_matches(element: Element, name: str) -> bool:
    if name == "root":
        return element.getparent() is None
    if name == "empty":
        return not (element.text or "") and all(not isinstance(c.tag, str) and not (c.tail or "") for c in element)
    if name in ("link", "any-link"):
        return element.tag in ("a", "area") and element.get("href") is not None
    if name == "checked":
        return element.get("checked" if element.tag == "input" else "selected") is not None
    if name in ("disabled", "enabled"):
        form_control = element.tag in ("button", "input", "select", "textarea", "optgroup", "option", "fieldset")
        return form_control and (element.get("disabled") is not None) == (name == "disabled")
    if name == "defined":
        return True
    position, total = _position(element, of_type=name.endswith("of-type"))
    if name.startswith("first"):
        return position == 1
    if name.startswith("last"):
        return position == total
    return total == 1  # only-child, only-of-type


def _nth_matches(element: Element, name: str, a: int, b: int) -> bool:
    position, total = _position(element, of_type=name.endswith("of-type"))
    if "-last-" in name:
        position = total - position + 1
    if a == 0:
        return position == b
    return (position - b) % a == 0 and (position - b) // a >= 0


def _position(element: Element, of_type: bool) -> tuple[int, int]:
    """(1-based position, count) of the element among its element siblings (of its type)."""
    parent = element.getparent()
    if parent is None:
        return 1, 1
    siblings = [c for c in parent if isinstance(c.tag, str) and (not of_type or c.tag == element.tag)]
    return siblings.index(element) + 1, len(siblings)


def _preceding_siblings(element: Element) -> Iterator[Element]:
    return (s for s in element.itersiblings(preceding=True) if isinstance(s.tag, str))
