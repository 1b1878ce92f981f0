"""Language alternates use valid codes, exist, and link back.

`<link rel="alternate" hreflang>` tells search engines and browsers which page is the
same article in another language. A wrong code, a missing page, or an alternate that
does not link back sends a reader to the wrong language, or to nothing.

Fails:

    <html lang="es"> … <link rel="alternate" hreflang="sp" href="https://example.org/es/cramps/">

Passes:

    <html lang="es"> … <link rel="alternate" hreflang="es" href="https://example.org/es/cramps/">
"""

from __future__ import annotations

import posixpath
import urllib.parse
from collections import Counter
from collections.abc import Iterator

from ....layout import folder_of
from ..page import Page, Result
from ..semantics.document import Element
from ..semantics.language import is_valid_language_tag, primary_subtag, same_language
from ..site import Site

IMPACT = "moderate"
WCAG = ()
BEST_PRACTICE = True
X_DEFAULT = "x-default"


def alternates(page: Page) -> list[Element]:
    """The page's `<link rel="alternate" hreflang>` elements."""
    return [
        link
        for link in page.elements_by_tag("link")
        if "alternate" in (link.get("rel") or "").lower().split() and link.get("hreflang") is not None
    ]


def check(page: Page) -> Iterator[Result]:
    """Fail for each alternate whose hreflang is not a language code (or x-default), or that has no href."""
    for link in alternates(page):
        code = (link.get("hreflang") or "").strip()
        if code.lower() != X_DEFAULT and not is_valid_language_tag(code):
            yield page.failed(link, f"hreflang=\"{code}\" is not a language code: use a BCP 47 code such as "
                                    "\"es\" or \"pt-BR\", or x-default")
        elif not (link.get("href") or "").strip():
            yield page.failed(link, f"the {code} alternate has no href")


def check_site(site: Site) -> Iterator[Result]:
    """Fail for alternates pointing to missing pages, to pages in another language, or not linked back."""
    base = _site_base(site)
    for page in site.pages:
        for link in alternates(page):
            code, href = (link.get("hreflang") or "").strip(), (link.get("href") or "").strip()
            if not href or (code.lower() != X_DEFAULT and not is_valid_language_tag(code)):
                continue  # reported by check()
            target_file = _resolve(page.file, href, base)
            if target_file is None:
                reason = (f"it is outside the site checked ({base[0]})" if base else
                          "no alternate of these pages points to itself, so the site's address is unknown")
                yield page.cant_tell(link, f"cannot tell whether {href} exists: {reason}")
                continue
            target = site.page(target_file)
            if target is None:
                yield page.failed(link, f"the {code} alternate points to {href}, which does not exist "
                                        f"({target_file})")
                continue
            yield from _check_target(page, link, code, target, base)


def _check_target(page: Page, link: Element, code: str, target: Page, base: tuple[str, str] | None
                  ) -> Iterator[Result]:
    target_lang = (target.root.get("lang") or "").strip()
    if code.lower() != X_DEFAULT and target_lang and not _compatible(code, target_lang):
        yield page.failed(link, f"hreflang=\"{code}\" points to {target.file}, a page in {target_lang}")
        return
    if code.lower() == X_DEFAULT or target is page:
        yield page.passed(link)
        return
    back = {_resolve(target.file, (a.get("href") or "").strip(), base) for a in alternates(target)}
    if posixpath.normpath(page.file) in back:
        yield page.passed(link)
    else:
        yield page.failed(link, f"{target.file} does not link back: its alternates must include this page "
                                f"(hreflang=\"{(page.root.get('lang') or '').strip()}\")")


def _compatible(code: str, page_lang: str) -> bool:
    """hreflang `pt` fits a page in `pt-BR`; `es` does not fit a page in `en`."""
    return same_language(code, page_lang) or primary_subtag(code) == primary_subtag(page_lang) and (
        "-" not in code.strip() or "-" not in page_lang.strip()
    )


def _site_base(site: Site) -> tuple[str, str] | None:
    """(URL prefix, file prefix) of the site, learnt from absolute alternates that point to their own page."""
    votes: Counter[tuple[str, str]] = Counter()
    for page in site.pages:
        own_dir = folder_of(page.file)
        for link in alternates(page):
            url = urllib.parse.urlsplit((link.get("href") or "").strip())
            if not url.scheme or not url.netloc:
                continue
            path = folder_of(url.path)
            tail = path.lstrip("/")
            if tail.strip("/") and (own_dir == tail or own_dir.endswith("/" + tail)):
                prefix = f"{url.scheme}://{url.netloc}{path[: len(path) - len(tail)]}"
                votes[(prefix, own_dir[: len(own_dir) - len(tail)])] += 1
    return votes.most_common(1)[0][0] if votes else None


def _resolve(page_file: str, href: str, base: tuple[str, str] | None) -> str | None:
    """The site file an href reaches from a page, or None when it cannot be known."""
    url = urllib.parse.urlsplit(href)
    if url.scheme or url.netloc:
        if base is None or not href.startswith(base[0]):
            return None
        relative = urllib.parse.unquote(urllib.parse.urlsplit(href[len(base[0]):]).path)
        return Site.page_file(base[1] + relative)
    path = urllib.parse.unquote(url.path)
    if not path:
        return posixpath.normpath(page_file)  # "#part" or "?query": the page itself
    if path.startswith("/"):
        return Site.page_file((base[1] if base else "") + path.lstrip("/"))
    return Site.page_file(posixpath.join(posixpath.dirname(page_file), path) + ("/" if path.endswith("/") else ""))
