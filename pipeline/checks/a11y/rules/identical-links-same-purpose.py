"""Links that read the same go to the same place.

Screen reader users often list a page's links out of context; links that read the same
but go to different pages cannot be told apart there. Whether the two targets serve the
same purpose (a page and its printable copy, say) is for a person to judge.

Fails:

    <a href="/en/leg-cramps/">Read more</a> … <a href="/en/varicose-veins/">Read more</a>

Passes:

    <a href="/en/leg-cramps/">Leg cramps</a> … <a href="/en/varicose-veins/">Varicose veins</a>
"""

from __future__ import annotations

import re
import unicodedata
import urllib.parse
from collections.abc import Iterator

from ..page import Page, Result
from ..semantics.document import Element

IMPACT = "minor"
WCAG = ("2.4.9",)

#: Punctuation that does not change what a link says (axe-core's list, so results compare).
_PUNCTUATION = re.compile(
    "[\u2000-\u206f\u2e00-\u2e7f\u3000-\u3004\u3008-\u3020\u3030\u3036-\u3037\u303d-\u303f\u30fb\ufe10-\ufe1f"
    "\ufe30-\ufe4f\ufe50-\ufe6f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\\\\'!\"#$%&\xa3\xa2\xa5\xa7"
    "\u20ac()*+,\\-./:;<=>?@\\[\\]^_`{|}~\xb1]"
)
#: A stand-in address for the page, so relative links can be compared with each other.
_PAGE_BASE = "https://page.invalid/"


def check(page: Page) -> Iterator[Result]:
    """Can't tell, once per link text, when links reading the same go to different addresses."""
    groups: dict[str, list[Element]] = {}
    for link in page.elements:
        if not _is_link(page, link):
            continue
        text = comparable_text(page.name(link))
        if text:
            groups.setdefault(text, []).append(link)
    base = urllib.parse.urljoin(_PAGE_BASE, page.file)
    for links in groups.values():
        first, *others = links
        if not others:  # a text only one link has: nothing to compare (most links)
            yield page.passed(first)
            continue
        target = destination(base, first.get("href"))
        if all(destination(base, other.get("href")) == target for other in others):
            yield page.passed(first)
            continue
        yield page.cant_tell(
            first,
            f"{len(links)} links read \"{page.name(first)}\" but go to different places: if their purposes "
            "differ, say where each one goes",
            related=[page.location(other) for other in others],
        )


def _is_link(page: Page, element: Element) -> bool:
    if element.tag in ("a", "area") and element.get("href") is not None:
        return page.role(element) == "link"
    return (element.get("role") or "").strip() == "link" and page.role(element) == "link"


def comparable_text(name: str) -> str:
    """A link's name as compared: punctuation, emoji and astral symbols dropped, lowercased."""
    text = _PUNCTUATION.sub("", name)
    text = "".join(c for c in text if ord(c) <= 0xFFFF and unicodedata.category(c) != "So")
    return " ".join(text.split()).lower()


def destination(base: str, href: str | None) -> tuple:
    """Where a link goes, as axe-core compares it: scheme family, host, port, folder, query, route."""
    if href is None:
        return ()
    url = urllib.parse.urlsplit(urllib.parse.urljoin(base, href.strip()))
    scheme = {"https": "http", "ftps": "ftp"}.get(url.scheme, url.scheme)
    port = "" if url.port in (None, 80, 443) else str(url.port)
    path = url.path if url.path.startswith("/") else "/" + url.path
    folder, _, filename = path.rpartition("/")
    if "." not in filename:
        folder, filename = path, ""
    elif re.search("index.", filename):
        filename = ""
    folder = folder if folder.endswith("/") else folder + "/"
    query = tuple(sorted(urllib.parse.parse_qsl(url.query, keep_blank_values=True)))
    route = "#" + url.fragment if url.fragment[:1] in ("!", "/") else ""
    return (scheme, url.hostname or "", port, folder, query, route, filename)
