"""Accessible names as a browser computes them: ours against Chromium's accessibility tree, element by element.

Most rules judge an element by its accessible name (a link, a button, a field, an image, a frame,
a landmark...). On every fixture page (ours in tests/a11y and the W3C ACT cases in tests/act), the
name our checker computes for each element Chromium puts in its accessibility tree must be the one
Chromium computes (read over the DevTools protocol, tests/browser/names.mjs), white space collapsed.
Where they differ on purpose, or for a reason not yet fixed, NAME_DIFFERENCES says why; a difference
that goes away must leave the list too. Needs tests/browser/setup (Chromium), which CI runs first.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.checks.a11y.page import Page
from pipeline.checks.a11y.semantics.accname import accessible_name, normalize_space
from tests.axe import names_in_chromium
from tests.test_a11y_browser import path_of

TESTS = Path(__file__).resolve().parent
PAGES = sorted([*(TESTS / "a11y").rglob("*.html"), *(TESTS / "act" / "cases").rglob("*.html")])

#: Roles whose names no rule reads, where Chromium and WAI-ARIA 1.2 part ways: Chromium leaves HTML table rows
#: and row groups unnamed (ARIA names rows from their content) and names a <dt> from its content (ARIA: author
#: only); audio and video get the text of Chromium's own controls ("Unable to play media.").
UNCOMPARED_ROLES = frozenset({"row", "rowgroup", "LayoutTableRow", "term", "Audio", "Video"})

_IMAGE_BUTTON = ("An image button without alt: Chromium names it 'Submit', we 'Submit Query' (HTML-AAM's fallback, "
                 "as Firefox does); it has no text alternative either way, and input-image-alt fails it.")
_GENERATED = ("A link followed by a mark that CSS generates (a::after { content: ' \\2197' }): Chromium adds "
              "generated content to the name (accessible name step 2F.ii); our names leave CSS content out.")
_FIGURE = ("A <figure> with a <figcaption>: HTML-AAM names the figure from its caption, as we do; Chromium 156 "
           "leaves its name empty.")
_SCRIPTED_DIALOG = ("A <dialog> a script opens as the page loads (showModal): we read the page as served, where "
                    "the dialog is closed and hidden; Chromium ran the script.")

#: (page under tests/, element) -> why Chromium's name and ours differ.
NAME_DIFFERENCES: dict[tuple[str, str], str] = {
    ("a11y/aria-valid-attr/fail-misspelt-attribute.html", "/html[1]/body[1]/main[1]/article[1]/p[5]/a[1]"):
        "aria-labeledby (misspelt): Chromium reads it as aria-labelledby, a leniency of its own; WAI-ARIA has no "
        "such attribute, the page fails aria-valid-attr for it, and the link keeps the name of its text.",
    ("a11y/input-image-alt/fail-image-button-without-alt.html",
     "/html[1]/body[1]/main[1]/article[1]/form[1]/p[1]/input[2]"): _IMAGE_BUTTON,
    ("act/cases/59796f/failed-1.html", "/html[1]/body[1]/input[1]"): _IMAGE_BUTTON,
    ("act/cases/59796f/failed-2.html", "/html[1]/body[1]/input[1]"): _IMAGE_BUTTON,
    ("act/cases/59796f/failed-3.html", "/html[1]/body[1]/input[1]"): _IMAGE_BUTTON,
    ("a11y/link-in-text-block/review-colour-and-generated-mark.html",
     "/html[1]/body[1]/main[1]/article[1]/p[2]/a[1]"): _GENERATED,
    ("a11y/link-in-text-block/review-colour-and-generated-mark.html",
     "/html[1]/body[1]/main[1]/article[1]/p[4]/a[1]"): _GENERATED,
    ("a11y/video-caption/pass-video-with-captions.html", "/html[1]/body[1]/main[1]/article[1]/figure[1]"): _FIGURE,
    ("a11y/video-caption/review-video-without-track.html", "/html[1]/body[1]/main[1]/article[1]/figure[1]"): _FIGURE,
    ("act/cases/307n5z/passed-2.html", "/html[1]/body[1]/p[1]/span[1]"):
        "A checkbox labelled (aria-labelledby) by the paragraph it is in: Chromium's name includes the checkbox's "
        "own text ('I agree to the terms of service'); ours skips the element being named when the traversal "
        "comes back to it ('terms of service').",
    ("act/cases/5f99a7/failed-2.html", "/html[1]/body[1]/div[1]"):
        "A role=searchbox with aria-placeholder only: Chromium names it from the placeholder; the accessible name "
        "computation has no such step, so we find no name.",
    ("act/cases/akn7bn/inapplicable-6.html", "/html[1]/body[1]/dialog[1]"): _SCRIPTED_DIALOG,
    ("act/cases/akn7bn/inapplicable-6.html", "/html[1]/body[1]/dialog[1]/h2[1]"): _SCRIPTED_DIALOG,
    ("act/cases/akn7bn/inapplicable-6.html", "/html[1]/body[1]/dialog[1]/button[1]"): _SCRIPTED_DIALOG,
    ("act/cases/kb1m8s/failed-5.html", "/html[1]/body[1]/h1[1]"):
        "<h1 role=none> with aria-brailleroledescription: Chromium counts that attribute (new in WAI-ARIA 1.3) as "
        "global, which keeps the heading role and its name; we follow WAI-ARIA 1.2, where role none holds.",
}


@pytest.fixture(scope="module")
def chromium_names() -> dict[Path, dict[str, tuple[str, str]]]:
    return names_in_chromium(PAGES)


def test_our_accessible_names_are_chromiums(chromium_names):
    compared, differences = 0, {}
    for file in PAGES:
        page = Page(file.read_bytes(), file.name)
        ours = {path_of(element): element for element in page.root.iter() if isinstance(element.tag, str)}
        for path, (role, name) in chromium_names[file].items():
            if role in UNCOMPARED_ROLES or path not in ours:
                continue
            compared += 1
            theirs, mine = normalize_space(name), accessible_name(page, ours[path])
            if theirs != mine:
                differences[(file.relative_to(TESTS).as_posix(), path)] = f"{role}: Chromium {theirs!r}, ours {mine!r}"
    assert compared > 10_000  # every page was read: about 12,300 elements
    unexplained = {key: found for key, found in differences.items() if key not in NAME_DIFFERENCES}
    assert unexplained == {}
    assert sorted(set(NAME_DIFFERENCES) - set(differences)) == []  # fixed: take it off the list
