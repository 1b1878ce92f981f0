"""Images have a text alternative.

A screen reader reads an image without `alt` as its file name ("IMG underscore 2041
dot jpeg"). Informative images need words that carry their meaning; decorative ones
need `alt=""` so they are skipped; `alt=" "` is neither. `aria-label`,
`aria-labelledby` or `title` also name an image (W3C ACT rule 23a2a8, which `role-img-alt`
shares: as in axe-core, other elements with `role="img"` are that rule's).

Fails:

    <img src="stretch.png">

Passes:

    <img src="stretch.png" alt="A person stretching a calf against a wall">
"""

from __future__ import annotations

from collections.abc import Iterator

from ..page import Page, Result
from ..semantics.aria import PRESENTATIONAL_ROLES

IMPACT = "critical"
WCAG = ("1.1.1",)
ACT = ("23a2a8",)


def check(page: Page) -> Iterator[Result]:
    """Fail for each `<img>`, not hidden, without a name or a none role."""
    for element in page.elements_by_tag("img"):
        role = page.role(element)
        if page.is_svg(element) or page.is_hidden(element):
            continue
        alt = element.get("alt")
        if role in PRESENTATIONAL_ROLES or page.name(element):
            yield page.passed(element)
        elif alt is not None and alt.strip() == "" and alt != "":
            yield page.failed(element, "the image's alt is only spaces: describe the image, "
                                       "or use alt=\"\" if it is decorative")
        else:
            source = (element.get("src") or "").rsplit("/", 1)[-1][:60]
            yield page.failed(
                element,
                f"image {source!r} has no alt text: describe it in alt, or use alt=\"\" if it is decorative",
            )
