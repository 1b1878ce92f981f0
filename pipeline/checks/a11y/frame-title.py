"""Frames have a title that says what they show.

Screen reader users move between frames by their titles; a video or map embedded without
one is announced only as "frame".

Fails:

    <iframe src="https://www.youtube-nocookie.com/embed/x"></iframe>

Passes:

    <iframe src="https://www.youtube-nocookie.com/embed/x" title="Video: stretches for leg cramps"></iframe>
"""

from __future__ import annotations

from collections.abc import Iterator

from .aria import tabindex_of
from .page import Page, Result

IMPACT = "serious"
WCAG = ("4.1.2",)


def check(page: Page) -> Iterator[Result]:
    """Fail for each visible `<iframe>` or `<frame>` reachable by keyboard that has no accessible name."""
    for frame in page.elements_by_tag("iframe", "frame"):
        tabindex = tabindex_of(frame)
        if page.is_hidden(frame) or (tabindex is not None and tabindex < 0):
            continue
        if page.name(frame):
            yield page.passed(frame)
        else:
            source = (frame.get("src") or "")[:60]
            yield page.failed(frame, f"the frame showing {source!r} has no title: add title=\"…\" saying what it shows")
