"""What a browser makes of a page: our accessible names and computed styles against Chromium's, element by element.

Most rules judge an element by its accessible name (a link, a button, a field, an image, a frame, a
landmark...), and colour contrast by its computed colour, font size and weight. On every fixture page
(ours in tests/a11y, the W3C ACT cases in tests/act) and on the shipped articles built with the theme,
both must be what Chromium computes: names read from its accessibility tree over the DevTools protocol,
styles from getComputedStyle in a 1280 px wide viewport (tests/browser/semantics.mjs). Where they
differ on purpose, NAME_DIFFERENCES and STYLE_DIFFERENCES say why; a difference that goes away must
leave the list too. Needs tests/browser/setup (Chromium), which CI runs first.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from pipeline.checks.a11y.page import Page
from pipeline.checks.a11y.semantics.accname import accessible_name, normalize_space
from pipeline.checks.a11y.semantics.stylesheets import disk_style_sheets
from tests.axe import BrowserView, view_in_chromium
from tests.conftest import run
from tests.test_a11y_browser import path_of

TESTS = Path(__file__).resolve().parent
FIXTURES = sorted([*(TESTS / "a11y").rglob("*.html"), *(TESTS / "act" / "cases").rglob("*.html")])

#: Roles whose names no rule reads, where Chromium and WAI-ARIA 1.2 part ways: Chromium leaves HTML table rows
#: and row groups unnamed (ARIA names rows from their content) and names a <dt> from its content (ARIA: author
#: only); audio and video get the text of Chromium's own controls ("Unable to play media.").
UNCOMPARED_ROLES = frozenset({"row", "rowgroup", "LayoutTableRow", "term", "Audio", "Video"})

_IMAGE_BUTTON = ("An image button without alt: Chromium names it 'Submit', we 'Submit Query' (HTML-AAM's fallback, "
                 "as Firefox does); it has no text alternative either way, and input-image-alt fails it.")
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


#: Colour differences: form controls that are disabled, which Chromium's style sheet greys out (rgb(84, 84, 84),
#: rgba(16, 16, 16, 0.3)); ours keeps the field's text colour. WCAG 1.4.3 exempts inactive controls, and
#: color-contrast leaves them out, so no outcome depends on it.
DISABLED_CONTROLS = ("act/cases/307n5z/passed-3.html", "act/cases/73f2c2/inapplicable-4.html",
                     "act/cases/73f2c2/inapplicable-6.html", "act/cases/97a4e1/inapplicable-5.html",
                     "act/cases/97a4e1/passed-5.html", "act/cases/e086e5/failed-2.html",
                     "act/cases/e086e5/inapplicable-3.html", "act/cases/e086e5/passed-2.html",
                     "act/cases/e6952f/failed-2.html", "act/cases/e6952f/passed-3.html")


@pytest.fixture(scope="module")
def built_articles(tmp_path_factory) -> list[Path]:
    """The shipped articles built with the theme, in every locale: pages whose styles come from its style sheet."""
    root = tmp_path_factory.mktemp("semantics") / "repo"
    root.mkdir()
    shutil.copy(TESTS.parent / "pyproject.toml", root)
    for folder in ("source", "locales"):
        shutil.copytree(TESTS.parent / folder, root / folder, ignore=shutil.ignore_patterns("*.mo"))
    assert run(root, "build").exit_code in (0, 1)
    return sorted((root / "dist").glob("*/*/index.html"))


@pytest.fixture(scope="module")
def chromium(built_articles) -> dict[Path, BrowserView]:
    return view_in_chromium([*FIXTURES, *built_articles])


def page_of(file: Path) -> tuple[Page, dict[str, object]]:
    """Our page, its linked local style sheets read as the checker reads them, and its elements by path."""
    page = Page(file.read_bytes(), str(file), None, disk_style_sheets(Path("/")))
    return page, {path_of(element): element for element in page.root.iter() if isinstance(element.tag, str)}


def shown(file: Path) -> str:
    return file.relative_to(TESTS).as_posix() if file.is_relative_to(TESTS) else "/".join(file.parts[-3:])


def test_our_accessible_names_are_chromiums(chromium):
    compared, differences = 0, {}
    for file in FIXTURES:
        page, ours = page_of(file)
        for path, (role, name) in chromium[file].names.items():
            if role in UNCOMPARED_ROLES or path not in ours:
                continue
            compared += 1
            theirs, mine = normalize_space(name), accessible_name(page, ours[path])
            if theirs != mine:
                differences[(shown(file), path)] = f"{role}: Chromium {theirs!r}, ours {mine!r}"
    assert compared > 10_000  # every page was read: about 12,300 elements
    unexplained = {key: found for key, found in differences.items() if key not in NAME_DIFFERENCES}
    assert unexplained == {}
    assert sorted(set(NAME_DIFFERENCES) - set(differences)) == []  # fixed: take it off the list


def _rgb(value: str) -> tuple[int, int, int, float]:
    """Chromium's computed colour, `rgb(r, g, b)` or `rgba(r, g, b, a)`, as integers and alpha."""
    red, green, blue, *alpha = re.findall(r"[\d.]+", value)
    return round(float(red)), round(float(green)), round(float(blue)), float(alpha[0]) if alpha else 1.0


def test_our_computed_colours_font_sizes_and_weights_are_chromiums(chromium, built_articles):
    compared, differences = 0, []
    for file in [*FIXTURES, *built_articles]:
        styles = chromium[file].styles
        if styles is None:  # a page that refreshes to another as it loads
            continue
        page, ours = page_of(file)
        for path, (colour, size, weight) in styles.items():
            element = ours.get(path)
            if element is None or page.is_hidden(element) or not size.endswith("px") or \
                    element.tag.startswith("{") or element.tag == "svg":  # SVG's and MathML's own styling
                continue
            compared += 1
            mine = page.painting.colour(element)
            if mine is not None:
                red, green, blue, alpha = _rgb(colour)
                if max(abs(red - mine.red * 255), abs(green - mine.green * 255), abs(blue - mine.blue * 255)) > 1 \
                        or abs(alpha - mine.alpha) > 0.02:
                    if shown(file) not in DISABLED_CONTROLS:
                        differences.append((shown(file), path, "color", colour, mine.hex))
            if abs(page.rendering.font_size(element) - float(size[:-2])) > 0.05:
                differences.append((shown(file), path, "font-size", size, page.rendering.font_size(element)))
            if page.painting.weight(element) != round(float(weight)):
                differences.append((shown(file), path, "font-weight", weight, page.painting.weight(element)))
    assert compared > 15_000  # every page was read
    assert differences == []
