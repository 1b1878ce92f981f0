"""Frames have a title that says what they show.

Screen reader users move between frames by their titles; a video or map embedded without
one is announced only as "frame". A frame taken out of the tab order (negative
`tabindex`) or marked decorative (`role="none"`) is exempt (W3C ACT rule cae760), unless it
has a `title` (even an empty one: JAWS then announces it as a group), a `tabindex` or a
global ARIA attribute, which undo `role="none"` (as axe-core's presentational-role check decides).

Fails:

    <iframe src="https://www.youtube-nocookie.com/embed/x"></iframe>

Passes:

    <iframe src="https://www.youtube-nocookie.com/embed/x" title="Video: stretches for leg cramps"></iframe>
"""

from __future__ import annotations

from collections.abc import Iterator

from ..page import Page, Result
from ..semantics.aria import PRESENTATIONAL_ROLES, explicit_role, has_global_aria
from ..semantics.focus import tabindex_of

IMPACT = "serious"
WCAG = ("4.1.2",)
ACT = ("cae760",)


def check(page: Page) -> Iterator[Result]:
    """Fail for each `<iframe>` or `<frame>` in the accessibility tree, reachable by keyboard, without a name."""
    for frame in page.elements_by_tag("iframe", "frame"):
        tabindex = tabindex_of(frame)
        if page.is_hidden(frame) or (tabindex is not None and tabindex < 0):
            continue
        overridden = frame.get("title") is not None or tabindex is not None or has_global_aria(frame)
        if explicit_role(frame) in PRESENTATIONAL_ROLES and not overridden:
            continue
        if page.name(frame):
            yield page.passed(frame)
        else:
            source = (frame.get("src") or "")[:60]
            yield page.failed(frame, f"the frame showing {source!r} has no title: "
                                     "add title=\"…\" saying what it shows")
