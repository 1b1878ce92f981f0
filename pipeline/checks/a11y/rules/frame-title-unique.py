"""Frames on a page have titles that differ.

Screen reader users pick a frame from a list of their titles; two frames titled "Video"
cannot be told apart. Titles are compared as axe-core compares them: white space collapsed,
case ignored. Frames with the same title pass when they show the same content (W3C ACT rule
4b1c6c), which only loading them tells: so, as axe-core, each is `cantTell`.

Fails:

    <iframe src="stretch.html" title="Video"></iframe> <iframe src="massage.html" title="Video"></iframe>

Passes:

    <iframe src="stretch.html" title="Video: calf stretch"></iframe> <iframe src="massage.html" title="Video: massage"></iframe>
"""

from __future__ import annotations

from collections.abc import Iterator

from ..page import Page, Result
from ..semantics.accname import normalize_space

IMPACT = "serious"
WCAG = ("4.1.2",)


def check(page: Page) -> Iterator[Result]:
    """Ask about each frame in the tree whose title another frame's title repeats (case and spacing aside)."""
    frames = [f for f in page.elements_by_tag("iframe", "frame") if normalize_space(f.get("title") or "")]
    frames = [f for f in frames if not page.is_hidden(f)]
    titles: dict[str, list] = {}
    for frame in frames:
        titles.setdefault(normalize_space(frame.get("title") or "").lower(), []).append(frame)
    for frame in frames:
        same = titles[normalize_space(frame.get("title") or "").lower()]
        if len(same) == 1:
            yield page.passed(frame)
        else:
            others = [page.location(f) for f in same if f is not frame]
            yield page.cant_tell(frame, f"{len(same)} frames are titled \"{frame.get('title')}\": unless they show "
                                        "the same content, give each a title that says what it holds", related=others)
