"""Videos have captions.

Deaf and hard-of-hearing viewers need the speech and sounds of a video as text (WCAG
1.2.2). A `<track kind="captions">` passes, as in axe-core; without one, only the video
file tells whether captions are burned in, so it is left to review, never failed.

Fails:

    <video src="stretches.mp4" controls></video>

Passes:

    <video src="stretches.mp4" controls><track kind="captions" src="stretches.en.vtt" srclang="en"></video>
"""

from __future__ import annotations

from collections.abc import Iterator

from ..page import Page, Result
from ..semantics.captions import caption_outcome

IMPACT = "critical"
WCAG = ("1.2.2",)


def check(page: Page) -> Iterator[Result]:
    """Ask for review of each video in the accessibility tree with no captions track."""
    for element in page.elements_by_tag("video"):
        if not page.is_hidden(element):
            outcome, message = caption_outcome(element)
            yield page.result(outcome, element, message)
