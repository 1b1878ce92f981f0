"""Images are not server-side image maps.

An `<img ismap>` inside a link sends the point clicked to the server: only a mouse can
choose a region, a keyboard or screen reader user cannot, and no region has a name. Unless
the page offers every region as a text link too, which only a person can see, that fails;
so, as axe-core, each one is `cantTell`. Use a client-side `<map>` with named `<area>`s, or
plain links.

Fails:

    <a href="/body-map"><img src="body.png" alt="Where does it hurt?" ismap></a>

Passes:

    <img src="body.png" alt="Where does it hurt?" usemap="#body">
"""

from __future__ import annotations

from collections.abc import Iterator

from ..page import Page, Result

IMPACT = "minor"
WCAG = ("2.1.1",)


def check(page: Page) -> Iterator[Result]:
    """Ask a person about each `<img ismap>` in the tree (are its regions offered as links too?); other images pass."""
    for image in page.elements_by_tag("img"):
        if page.is_hidden(image):
            continue
        if image.get("ismap") is None:
            yield page.passed(image)
        else:
            yield page.cant_tell(image, "this image is a server-side image map, which only a mouse can use: unless "
                                        "each region is also a text link on the page, use a <map> with an <area> "
                                        "per region, or links")
