"""Content hidden with aria-hidden cannot be reached with the Tab key.

`aria-hidden="true"` takes an element and everything in it out of what screen readers
read, so a link or button inside it that Tab still lands on is announced as nothing at all.
A focus sentinel whose script moves focus on at once is allowed, so where a script handles
focus on the element (a script of the page names it, or its `onfocus` attribute), or where it
looks like one (empty, and `pointer-events: none`: no pointer reaches it and nothing shows, only
a focus trap puts such an element in the tab order), a person must judge (W3C ACT rule 6cfa84).

Fails:

    <div aria-hidden="true"><a href="/">Home</a></div>

Passes:

    <div aria-hidden="true"><a href="/" tabindex="-1">Home</a></div>
"""

from __future__ import annotations

from collections.abc import Iterator

from ..page import Page, Result
from ..semantics.document import Element
from ..semantics.tree import has_content

IMPACT = "serious"
WCAG = ("4.1.2",)
ACT = ("6cfa84",)


def check(page: Page) -> Iterator[Result]:
    """Fail for each element with aria-hidden="true" that has content in the tab order."""
    scripts = " ".join("".join(s.itertext()) for s in page.elements_by_tag("script"))
    for element in page.elements:
        if (element.get("aria-hidden") or "").strip().lower() != "true":
            continue
        inside = (element, *element.iterdescendants())
        focusable = [e for e in inside if isinstance(e.tag, str) and page.in_tab_order(e)]
        if not focusable:
            yield page.passed(element)
        elif all(_script_moves_focus(e, scripts) or _looks_like_sentinel(page, e) for e in focusable):
            yield page.cant_tell(element, "content hidden with aria-hidden can take focus, unless the page's "
                                          "script moves focus away at once: check it with the keyboard")
        else:
            what = f"<{focusable[0].tag}>"
            yield page.failed(element, f"this element is hidden with aria-hidden, but the {what} inside it can "
                                       "be reached with Tab: remove aria-hidden, or take it out of the tab order")


def _script_moves_focus(element: Element, scripts: str) -> bool:
    """Whether a script of the page names the element and handles focus (a focus sentinel, perhaps)."""
    ident = element.get("id")
    return bool(ident) and "focus" in scripts and any(
        f"{quote}{prefix}{ident}{quote}" in scripts for quote in ("'", '"') for prefix in ("", "#")
    )


def _looks_like_sentinel(page: Page, element: Element) -> bool:
    """Whether the element handles its own focus, or is an empty box no pointer reaches (a focus sentinel)."""
    if element.get("onfocus") is not None:
        return True
    return not has_content(element) and page.styles.computed(element, "pointer-events") == "none"
