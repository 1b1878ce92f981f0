"""Elements put in the Tab order have a role that says what they do.

A `<div>`, `<span>`, `<p>` or heading given `tabindex="0"` takes keyboard focus, and the
screen reader then announces only its text, not that it can be activated or scrolled: give
it an interactive role (`button`, `link`, `tab`...) or a landmark role if it is a
scrollable region (`region`, `dialog`, `tooltip`...), or leave it out of the Tab order. An
experimental best practice of axe-core, off by default there.

Fails:

    <div tabindex="0" onclick="showDoses()">Show doses</div>

Passes:

    <div role="button" tabindex="0" onclick="showDoses()">Show doses</div>
"""

from __future__ import annotations

from collections.abc import Iterator

from ..page import Page, Result
from ..semantics.focus import tabindex_of

IMPACT = "minor"
WCAG = ()
BEST_PRACTICE = True
#: The elements axe-core looks at.
PLAIN_ELEMENTS = frozenset("div h1 h2 h3 h4 h5 h6 p span".split())
#: Roles that say what a focused element does: widgets and composite widgets, and regions there to be
#: read or scrolled (axe-core's lists).
PURPOSE_ROLES = frozenset(
    "button checkbox combobox grid gridcell link listbox menu menubar menuitem menuitemcheckbox menuitemradio "
    "option progressbar radio radiogroup scrollbar searchbox slider spinbutton switch tab tablist textbox tree "
    "treegrid treeitem alert alertdialog application article complementary contentinfo dialog form log main "
    "navigation region status tabpanel tooltip".split()
)


def check(page: Page) -> Iterator[Result]:
    """Fail for each plain element in the Tab order whose role attribute says nothing of what it does."""
    for element in page.elements_with("tabindex"):
        if element.tag not in PLAIN_ELEMENTS and element.get("role") != "heading":
            continue
        tabindex = tabindex_of(element)
        if tabindex is None or tabindex < 0 or page.is_hidden(element) or page.is_css_hidden(element):
            continue
        role = (element.get("role") or "").strip().lower()
        if role in PURPOSE_ROLES:
            yield page.passed(element)
        else:
            yield page.failed(element, "this element takes focus but its role does not say what it does: give it "
                                       "a role such as button or region, or remove tabindex")
