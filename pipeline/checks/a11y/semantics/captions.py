"""Captions of media elements, as far as the markup tells: a `<track kind="captions">`.

Captions may also be burned into the video, or offered on another page; only the media
file or a person tells, so a media element without a captions track is left to review.
"""

from __future__ import annotations

from ....model import Outcome
from .document import Element

NO_TRACK = ("no <track kind=\"captions\">: check that the {what} has captions another way (burned in, or "
            "offered beside it); only the media file tells")


def caption_outcome(element: Element) -> tuple[Outcome, str]:
    """Passed when the media element has a captions track, else cantTell, with the message."""
    if any((track.get("kind") or "").strip().lower() == "captions" for track in element.iter("track")):
        return "passed", ""
    return "cantTell", NO_TRACK.format(what=element.tag)
