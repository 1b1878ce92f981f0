"""Images have a text alternative.

A screen reader reads an image without `alt` as its file name ("IMG underscore 2041
dot jpeg"). Informative images need words that carry their meaning; decorative ones
need `alt=""` so they are skipped; `alt=" "` is neither. `aria-label`,
`aria-labelledby` or `title` also name an image.

Fails:

    <img src="stretch.png">

Passes:

    <img src="stretch.png" alt="A person stretching a calf against a wall">
"""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree

from .aria import PRESENTATIONAL_ROLES, ROLES, explicit_role, is_focusable
from .page import Page, Result

IMPACT = "critical"
WCAG = ("1.1.1",)


def check(page: Page) -> Iterator[Result]:
    """Fail for each visible `<img>` that has no text alternative, or an `alt` of only spaces."""
    for image in page.elements_by_tag("img"):
        if page.is_hidden(image) or not _needs_name(image):
            continue
        alt = image.get("alt")
        presentational = page.role(image) in PRESENTATIONAL_ROLES
        if alt and not alt.strip() and not presentational:
            yield page.failed(image, "the image's alt is only spaces: describe the image, "
                                     "or use alt=\"\" if it is decorative")
        elif alt is not None or presentational or page.name(image):
            yield page.passed(image)
        else:
            source = (image.get("src") or "").rsplit("/", 1)[-1][:60]
            yield page.failed(
                image,
                f"image {source!r} has no alt text: describe it in alt, or use alt=\"\" if it is decorative",
            )


def _needs_name(image: etree._Element) -> bool:
    """An image with a role that needs no name (and not focusable) is some other widget's business."""
    role = explicit_role(image)
    if role is None or role in PRESENTATIONAL_ROLES:
        return True
    return ROLES[role].name_required or is_focusable(image)
