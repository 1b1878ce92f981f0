"""Right-to-left pages in headless Chromium: every run read left to right is drawn in reading order.

Each character's drawn box is measured (`Range.getBoundingClientRect`): a phone number whose
groups are laid out right to left would send a patient to a wrong number.
"""

from pipeline.build import build
from pipeline.config import load_settings

from .bidi_project import RUNS, bidi_project
from .chromium import boxes, measure, reads_left_to_right


def test_runs_read_left_to_right_are_drawn_in_order_on_arabic_and_hebrew_pages(tmp_path):
    root = bidi_project(tmp_path / "project")
    build(load_settings(root))
    dist = root / "dist"
    pages = [dist / locale / "help" / "index.html" for locale in ("ar", "he")]
    indexes = [dist / locale / "index.html" for locale in ("ar", "he")]
    drawn = measure({**{p: [*RUNS, "1–2"] for p in pages}, **{p: ["816-396-0245", "help@example.org"] for p in indexes}})
    for page in pages + indexes:
        for run, occurrences in drawn[page.resolve()].items():
            if run == "1–2":
                continue
            assert occurrences, (page, run)
            for chars in occurrences:
                assert reads_left_to_right(chars), (str(page.relative_to(dist)), run, [(c["char"], c["x"]) for c in chars])
    for page in pages:
        # A range keeps right-to-left reading: its first number is drawn on the right.
        [range_] = drawn[page.resolve()]["1–2"]
        assert range_[0]["x"] > range_[-1]["x"]
        # The fallback's phone number, the tel: link's and the description's (index) are all there.
        assert len(drawn[page.resolve()]["816-396-0245"]) == 3


def test_without_isolation_the_measure_sees_the_numbers_reversed(tmp_path):
    """The same runs on hand-written pages without isolation: the measure tells the difference."""
    pages = {}
    for locale, words in (("ar", "اتصل على 816-396-0245 أو 816 396 0245 اليوم"), ("he", "התקשרו 816 396 0245 היום")):
        page = tmp_path / f"{locale}.html"
        page.write_text(f'<!DOCTYPE html><html lang="{locale}" dir="rtl"><title>t</title><p>{words}</p>',
                        encoding="utf-8")
        pages[page] = ["816 396 0245"] + (["816-396-0245"] if locale == "ar" else [])
    drawn = measure(pages)
    for page, runs in pages.items():
        for run in runs:
            [chars] = drawn[page.resolve()][run]
            assert not reads_left_to_right(chars), (page.name, run)


def test_fallbacks_in_right_to_left_pages_are_aligned_alike_whatever_element_holds_them(tmp_path):
    """A paragraph, list item, heading, quote and table cell left in English: each reads from its left edge."""
    root = bidi_project(tmp_path / "project")
    build(load_settings(root))
    pages = [root / "dist" / locale / "help" / "index.html" for locale in ("ar", "he")]
    for width in (1280, 375):
        found = boxes({page: "article, .untranslated" for page in pages}, width)
        for page in pages:
            article, *shown = found[page.resolve()]
            assert sorted(e["tag"] for e in shown) == ["h2", "li", "p", "p", "td"], page
            for element in shown:
                assert element["direction"] == "ltr", element
                # Its text starts at the left of its box; outside tables that box starts at the left of
                # the article (a list item's marker and a quote's bar aside), and short texts end far
                # from the right.
                assert abs(element["textBox"]["left"] - element["content"]["left"]) < 1, (width, element)
                if element["tag"] != "td":
                    assert element["content"]["left"] - article["content"]["left"] < 40, (width, element)
                    assert article["content"]["right"] - element["textBox"]["right"] > 40, (width, element)
