"""Frames with something to operate stay in the tab order.

`tabindex="-1"` on an `<iframe>` takes everything inside it out of the keyboard's reach:
a link or button in the frame can then only be used with a mouse. When the frame's
document is not in the page (`src`), HTML alone cannot tell whether it holds anything to
operate (W3C ACT rule akn7bn).

Fails:

    <iframe tabindex="-1" title="Opening hours" srcdoc="<a href='/hours'>Opening hours</a>"></iframe>

Passes:

    <iframe title="Opening hours" srcdoc="<a href='/hours'>Opening hours</a>"></iframe>
"""

from __future__ import annotations

from collections.abc import Iterator

from ..page import Page, Result
from ..semantics.document import PageParseError
from ..semantics.document import Element
from ..semantics.focus import tabindex_of

IMPACT = "serious"
WCAG = ("2.1.1",)
ACT = ("akn7bn",)


def frame_has_tab_stops(page: Page, frame: Element) -> bool | None:
    """Whether the frame's own document has a visible element in its tab order; None when it is elsewhere."""
    source = frame.get("srcdoc")
    if source is None:
        return None if (frame.get("src") or "").strip() else False
    try:
        document = Page(source, f"{page.file}#srcdoc")
    except PageParseError:
        return False
    return any(document.in_tab_order(e) and document.is_visible(e) for e in document.elements)


def check(page: Page) -> Iterator[Result]:
    """Fail for each visible, non-inert iframe with a negative tabindex whose document has tab stops."""
    for frame in page.elements_by_tag("iframe"):
        if not page.is_visible(frame) or any(e.get("inert") is not None for e in (frame, *frame.iterancestors())):
            continue
        negative = (tabindex_of(frame) or 0) < 0
        has_stops = frame_has_tab_stops(page, frame)
        if has_stops is None:
            if negative:
                yield page.cant_tell(frame, "this frame is out of the tab order (tabindex=\"-1\"): if its page has "
                                            "links or controls, keyboard users cannot reach them")
        elif has_stops:
            if negative:
                yield page.failed(frame, "this frame holds links or controls, but tabindex=\"-1\" keeps keyboard "
                                         "users out of it: remove the tabindex")
            else:
                yield page.passed(frame)
