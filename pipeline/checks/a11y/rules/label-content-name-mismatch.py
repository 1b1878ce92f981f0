"""Controls named by aria-label contain the words they show.

Speech-input users say what they see ("click Book now"); a button showing "Book now"
whose `aria-label` is "Make an appointment" does not answer (WCAG 2.5.3, Label in Name).
For widgets named from their content that carry `aria-label` or `aria-labelledby`, the
words of the visible text must stand in the name in the same order; case, punctuation,
symbols and parenthetical remarks do not count. A text of one letter or symbol is left to a
person, and so is a mismatch on a checkbox, radio button or switch, whose visible text may be
its value. An experimental rule of axe-core, on by default since 4.14 (W3C ACT rule 2ee8b8).

Fails:

    <a href="/book" aria-label="Make an appointment">Book now</a>

Passes:

    <a href="/book" aria-label="Book now: an appointment with a nurse">Book now</a>
"""

from __future__ import annotations

from collections.abc import Iterator

from ..page import Page, Result
from ..semantics.accname import labelledby_name, normalize_space
from ..semantics.labels import is_interpretable, visible_text, words

IMPACT = "serious"
WCAG = ("2.5.3",)
#: Widgets named from their content (axe-core's list).
CONTENT_NAMED_WIDGETS = frozenset(
    "button checkbox gridcell link menuitem menuitemcheckbox menuitemradio option radio switch tab treeitem".split()
)
#: Widgets whose visible text may be their value, not their label.
VALUE_TEXT_ROLES = frozenset("switch checkbox radio menuitemcheckbox menuitemradio".split())


def contains_in_order(name: list[str], label: list[str]) -> bool:
    """Whether the label's words stand together, in order, among the name's."""
    return any(name[i:i + len(label)] == label for i in range(len(name) - len(label) + 1))


def check(page: Page) -> Iterator[Result]:
    """Fail for each named widget whose aria-label or aria-labelledby name leaves out the words it shows."""
    for element in page.elements_with("aria-label", "aria-labelledby"):
        role = page.role(element)
        if role not in CONTENT_NAMED_WIDGETS or page.is_hidden(element):
            continue
        if not normalize_space(element.get("aria-label") or "") and not labelledby_name(page, element):
            continue
        shown = visible_text(page, element).lower()
        if not shown:
            continue
        name = page.name(element).lower()
        if not is_interpretable(name) or not is_interpretable(shown):
            yield page.cant_tell(element, "the text shown or the name is a symbol: check that the name contains "
                                          "what is shown")
        elif not words(shown) or contains_in_order(words(name), words(shown)):
            yield page.passed(element)
        elif role in VALUE_TEXT_ROLES:
            yield page.cant_tell(element, f"the name \"{page.name(element)}\" does not contain the text shown, "
                                          "which may be the control's value: check it")
        else:
            yield page.failed(element, f"the name \"{page.name(element)}\" does not contain the text shown "
                                       f"(\"{visible_text(page, element)}\"): start the name with what is shown")
