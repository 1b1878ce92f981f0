"""Audio has captions or a transcript.

Deaf and hard-of-hearing listeners need recorded audio as text (WCAG 1.2.1). A
`<track kind="captions">` passes, as in axe-core; without one, a transcript may be on the
page or elsewhere, which a person checks. Hidden audio counts too (it may be revealed).
Deprecated (off by default) in axe-core.

Fails:

    <audio src="breathing-exercise.mp3" controls></audio>

Passes:

    <audio src="breathing-exercise.mp3" controls><track kind="captions" src="breathing.en.vtt"></audio>
"""

from __future__ import annotations

from collections.abc import Iterator

from ..page import Page, Result
from ..semantics.captions import caption_outcome

IMPACT = "critical"
WCAG = ("1.2.1",)


def check(page: Page) -> Iterator[Result]:
    """Ask for review of each audio element with no captions track."""
    for element in page.elements_by_tag("audio"):
        outcome, message = caption_outcome(element)
        yield page.result(outcome, element, message)
