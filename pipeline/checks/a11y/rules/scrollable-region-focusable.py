"""A box that scrolls can be scrolled with the keyboard.

A box with `overflow: auto` or `scroll` whose content does not fit scrolls with a mouse or a
finger; keyboard users scroll it only when it, or something in it, takes focus (WCAG 2.1.1).
It passes when it is in the tab order itself (or editable) or holds an element that is. Whether
the content overflows needs layout, which the checker does not do: a box fails only when some
content is sure to lie outside it (a line of text or a control taller than its fixed height, an
image wider than its fixed width), and is `cantTell` otherwise, with why. (W3C ACT rule 0ssw9k, which axe-core
implements, needs layout for the same question: its cases are not in this checker's ACT corpus.)

Fails:

    <div style="overflow: auto; height: 8em"><p>Hirai M, et al. …</p> … </div>

Passes:

    <div style="overflow: auto; height: 8em" tabindex="0" role="region" aria-label="References">…</div>
"""

from __future__ import annotations

from collections.abc import Iterator

from ..page import Page, Result
from ..semantics.accname import has_content
from ..semantics.aria import is_visual_content
from ..semantics.document import Element

IMPACT = "serious"
WCAG = ("2.1.1", "2.1.3")

SCROLLING = frozenset({"auto", "scroll"})
#: Boxes that scroll by the keyboard of their own (a field, a list of options).
OWN_SCROLLING = frozenset({"select", "textarea"})


def check(page: Page) -> Iterator[Result]:
    """Pass each scrolling box the keyboard reaches; fail one whose content surely overflows; ask about the rest."""
    styles = page.styles
    if not styles.author_styled:
        return  # no CSS, no box that scrolls
    for element in page.elements:
        scrolls = styles.value(element, "overflow-x") in SCROLLING or styles.value(element, "overflow-y") in SCROLLING
        if not scrolls or element.tag in OWN_SCROLLING or page.is_css_hidden(element) or _is_combobox_popup(page, element):
            continue
        inside = [e for e in element.iterdescendants() if isinstance(e.tag, str) and not page.is_css_hidden(e)]
        content = [e for e in inside if has_content(page, e)]
        if not content:
            continue  # nothing that could overflow
        if _is_editable(element) or page.in_tab_order(element) or any(page.in_tab_order(e) for e in inside):
            yield page.passed(element)
        elif _sure_to_overflow(page, element, content):
            yield page.failed(element, "this box scrolls and its content does not fit in it, but nothing in it takes "
                                       "focus, so keyboard users cannot scroll it: give it tabindex=\"0\", "
                                       "role=\"region\" and a name")
        else:
            yield page.cant_tell(element, "this box scrolls (overflow: auto or scroll) and nothing in it takes focus "
                                          "from the keyboard: whether its content overflows needs layout; if it "
                                          "does, keyboard users cannot scroll it: give it tabindex=\"0\", "
                                          "role=\"region\" and a name")


def _sure_to_overflow(page: Page, box: Element, content: list[Element]) -> bool:
    """Whether some content lies outside the box whatever the layout: a line or control taller than its fixed
    height, an image wider than its fixed width (positioned content, which may lie anywhere, proves nothing)."""
    rendering = page.rendering
    height = _limit(page, box, "height", "max-height")
    width = _limit(page, box, "width", "max-width")
    for element in content:
        if _positioned_within(page, element, box):
            continue
        if height is not None and _line_height(page, element) > height:
            return True
        own_width = rendering.box_length(element, "width") if is_visual_content(element) else None
        if width is not None and own_width is not None and own_width > width:
            return True
    return False


def _positioned_within(page: Page, element: Element, box: Element) -> bool:
    """Whether the element, or an ancestor of it inside the box, is taken out of the flow (absolute or fixed)."""
    node: Element | None = element
    while node is not None and node is not box:
        if page.styles.value(node, "position") in ("absolute", "fixed"):
            return True
        node = node.getparent()
    return False


def _limit(page: Page, box: Element, *names: str) -> float | None:
    """The smallest of the box's fixed sizes (say `height` and `max-height`) in px, or None."""
    sizes = [size for name in names if (size := page.rendering.box_length(box, name)) is not None]
    return min(sizes) if sizes else None


def _line_height(page: Page, element: Element) -> float:
    """The least height the element's own line of text, or the control, takes (0 when unknown)."""
    size = page.rendering.font_size(element)
    value = page.styles.computed(element, "line-height")
    if value in (None, "normal"):
        return size
    try:
        return float(value) * size  # a number multiplies the font size
    except ValueError:
        length = page.rendering.box_length(element, "line-height") if page.styles.value(element, "line-height") else None
        return length or 0.0


def _is_editable(element: Element) -> bool:
    """Whether the element is, or is inside, an editing host (`contenteditable`), which the keyboard reaches."""
    for node in (element, *element.iterancestors()):
        value = node.get("contenteditable")
        if value is not None and value.strip().lower() in ("", "true", "plaintext-only"):
            return True
        if value is not None and value.strip().lower() == "false":
            return False
    return False


def _is_combobox_popup(page: Page, element: Element) -> bool:
    """A combobox's list, which the combobox scrolls with the arrow keys."""
    parent = element.getparent()
    if parent is not None and page.role(parent) == "combobox":
        return True
    ident = element.get("id")
    return bool(ident) and any(
        ident in (other.get("aria-controls") or "").split() + (other.get("aria-owns") or "").split()
        for other in page.elements_with("aria-controls", "aria-owns") if page.role(other) == "combobox"
    )
