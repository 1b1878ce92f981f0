"""Objects that show an image, sound or video have a name.

An `<object>` embedding a picture or a recording is announced by its name; `alt` does not
give one, and neither does the fallback content inside it. Use `aria-label`,
`aria-labelledby` or `title`. What the object embeds is told by its `type`, or by the file
name in `data` (or the type of a `data:` URL); when neither says, a person must judge, as for
an object showing a page or document with no fallback content to stand in for it. An object
without `data` embeds nothing and shows its fallback content (W3C ACT rule 8fc3b6; axe-core
checks only `object[data]` too). An object with a role of its own is left out by ACT, but an
unnamed one still fails, as in axe-core, unless the role needs no name (`role="none"` that
nothing overrides, a role that needs no name on an object that takes no focus).

Fails:

    <object data="stretches.mp4"></object>

Passes:

    <object data="stretches.mp4" title="Video: three stretches for the calf"></object>
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator
from urllib.parse import urlsplit

from ..page import Page, Result
from ..semantics.aria import PRESENTATIONAL_ROLES, explicit_role
from ..semantics.document import Element
from ..semantics.naming import needs_name_as_written

IMPACT = "serious"
WCAG = ("1.1.1",)
ACT = ("8fc3b6",)

MEDIA_EXTENSIONS = frozenset(
    "apng avif bmp gif ico jpeg jpg png svg tif tiff webp aac flac m4a mp3 oga ogg opus wav weba avi m4v mkv "
    "mov mp4 mpeg mpg ogv webm".split()
)
OTHER_EXTENSIONS = frozenset("htm html xhtml php asp aspx jsp pdf txt xml json swf".split())


def embeds_media(element: Element) -> bool | None:
    """Whether an object embeds an image, audio or video; None when neither its type nor its URL tells."""
    data = (element.get("data") or "").strip()
    if not data:
        return False  # nothing to embed: the fallback content is what shows
    kind = (element.get("type") or "").strip().lower()
    if not kind and data.lower().startswith("data:"):
        kind = data[5:].split(",")[0].split(";")[0].strip().lower() or "text/plain"
    if kind:
        return kind.split("/")[0] in ("image", "audio", "video")
    extension = posixpath.splitext(urlsplit(data).path)[1].lstrip(".").lower()
    if extension in MEDIA_EXTENSIONS:
        return True
    return False if extension in OTHER_EXTENSIONS else None


def check(page: Page) -> Iterator[Result]:
    """Fail for each `<object>` in the accessibility tree embedding media (or with a role that needs a name) unnamed."""
    for element in page.elements_by_tag("object"):
        if page.is_hidden(element) or not (element.get("data") or "").strip():
            continue
        if explicit_role(element) is not None:
            if needs_name_as_written(element) and page.role(element) not in PRESENTATIONAL_ROLES \
                    and not page.name(element):
                yield page.failed(element, f"this object with role {page.role(element)!r} has no name: add title "
                                           "or aria-label")
            continue
        media, named = embeds_media(element), bool(page.name(element))
        inline = (element.get("data") or "").strip().lower().startswith("data:")  # it loads: no fallback shows
        if media is False and (named or (_has_fallback(element) and not inline)):
            continue  # a page or document, named or standing in for itself: not non-text content
        if named:
            yield page.passed(element)
        elif media:
            yield page.failed(element, "this object shows an image, a sound or a video but has no name: add "
                                       "title or aria-label (alt does not name an object)")
        else:
            yield page.cant_tell(element, "this object has no name; if it shows an image, a sound, a video or "
                                          "content that needs a name, give it title or aria-label")


def _has_fallback(element: Element) -> bool:
    """Whether the object holds content to show in its place (an element, or text)."""
    return bool((element.text or "").strip()) or any(isinstance(child.tag, str) for child in element)
