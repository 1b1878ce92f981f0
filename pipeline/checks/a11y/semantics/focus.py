"""What takes focus: focusable elements, their tabindex, disabled controls, and the Tab order."""

from __future__ import annotations

from .aria import integer_attribute
from .document import Element
from .facts import PageFacts

#: Form controls HTML disables with the `disabled` attribute (or a disabled fieldset around them).
DISABLEABLE = frozenset({"button", "input", "select", "textarea", "optgroup", "option", "fieldset"})


def tabindex_of(element: Element) -> int | None:
    """The element's tabindex as an integer, or None when absent or not a number."""
    return integer_attribute(element, "tabindex")


def is_focusable(element: Element) -> bool:
    """Whether the element can take focus (by keyboard or script), ignoring CSS hiding."""
    tag = element.tag
    if tabindex_of(element) is not None:
        return True
    if tag in ("a", "area"):
        return element.get("href") is not None
    if tag in ("button", "select", "textarea"):
        return element.get("disabled") is None
    if tag == "input":
        return element.get("disabled") is None and (element.get("type") or "").lower() != "hidden"
    if tag in ("iframe", "embed"):
        return True
    if tag in ("audio", "video"):
        return element.get("controls") is not None
    if tag == "summary":
        parent = element.getparent()
        return parent is not None and parent.tag == "details" and parent.find("summary") is element
    return (element.get("contenteditable") or "").lower() in ("", "true") and element.get("contenteditable") is not None


def is_disabled(element: Element) -> bool:
    """Whether HTML disables the element: its `disabled` attribute, or a disabled fieldset around it."""
    if element.tag not in DISABLEABLE:
        return False
    if element.get("disabled") is not None:
        return True
    if element.tag in ("optgroup", "option"):
        parent = element.getparent()
        return parent is not None and parent.tag == "optgroup" and parent.get("disabled") is not None
    for ancestor in element.iterancestors("fieldset"):
        if ancestor.get("disabled") is not None:
            legend = ancestor.find("legend")
            inside_legend = legend is not None and any(a is legend for a in element.iterancestors())
            if not inside_legend:
                return True
    return False


def in_sequential_focus(page: PageFacts, element: Element) -> bool:
    """Whether Tab reaches the element: focusable, tabindex not negative, rendered, enabled, not inert."""
    tabindex = tabindex_of(element)
    if tabindex is not None and tabindex < 0:
        return False
    if not is_focusable(element) or is_disabled(element) or page.is_css_hidden(element):
        return False
    if element.tag == "a" and element.get("href") is None and tabindex is None:
        return False
    return not any(node.get("inert") is not None for node in (element, *element.iterancestors()))
