"""Objects that show an image, sound or video have a name.

An `<object>` embedding a picture or a recording is announced by its name; `alt` does not
give one, and neither does the fallback content inside it. Use `aria-label`,
`aria-labelledby` or `title`. What the object embeds is told by its `type`, or by the file
name in `data` (or the type of a `data:` URL); when neither says, a person must judge. An
object without `data` embeds nothing and shows its fallback content (W3C ACT rule 8fc3b6;
axe-core checks only `object[data]` too).

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
from ..semantics.aria import explicit_role
from ..semantics.document import Element

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
    """Fail for each `<object>` in the accessibility tree, without a role, embedding media and without a name."""
    for element in page.elements_by_tag("object"):
        if explicit_role(element) is not None or page.is_hidden(element):
            continue
        media = embeds_media(element)
        if media is False:
            continue
        if page.name(element):
            yield page.passed(element)
        elif media is None:
            yield page.cant_tell(element, "this object has no name; if it shows an image, a sound or a video, "
                                          "give it title or aria-label")
        else:
            yield page.failed(element, "this object shows an image, a sound or a video but has no name: add "
                                       "title or aria-label (alt does not name an object)")
