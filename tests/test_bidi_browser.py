"""Right-to-left pages in headless Chromium: every run read left to right is drawn in reading order.

Each character's drawn box is measured (`Range.getBoundingClientRect`): a phone number whose
groups are laid out right to left would send a patient to a wrong number.
"""

from collections import Counter

from pipeline import render
from pipeline.build import build
from pipeline.checks.a11y import check_paths
from pipeline.config import load_settings

from .bidi_project import RUNS, bidi_project
from .chromium import boxes, measure, reads_left_to_right


def test_runs_read_left_to_right_are_drawn_in_order_on_arabic_and_hebrew_pages(tmp_path):
    root = bidi_project(tmp_path / "project")
    result = build(load_settings(root))
    assert not [f for f in result.report.findings if f.rule == "bidi-isolation"]
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


#: Runs that occur on the pages only as themselves (not inside another run), so each can be counted.
WHOLE_RUNS = ["816-396-0245", "816 396 0245", "1-800-222-1222", "+1 913 555 0100", "help@example.org", "https://health.example.org/help",
              "ICD-10 G25.81", "10.1258/phleb.2007.007051", "ISBN 978-3-16-148410-0", "0800 123 4567"]


def test_the_bidi_isolation_rule_fails_exactly_the_runs_chromium_draws_out_of_order(tmp_path, monkeypatch):
    """Pages built without isolation: for each run, the rule's failures match what Chromium draws."""
    monkeypatch.setattr(render, "isolate_runs", list)
    root = bidi_project(tmp_path / "project")
    build(load_settings(root))
    pages = [root / "dist" / locale / "help" / "index.html" for locale in ("ar", "he")]
    drawn = measure({page: WHOLE_RUNS for page in pages})
    failures = Counter()
    for page in pages:
        for finding in check_paths([page], root):
            if finding.rule == "bidi-isolation":
                failures[(page, finding.message.split('"')[1])] += 1
    out_of_order = Counter()
    for page in pages:
        for run, occurrences in drawn[page.resolve()].items():
            out_of_order[(page, run)] += sum(not reads_left_to_right(chars) for chars in occurrences)
    assert +out_of_order == failures
    assert sum(failures.values()) >= 8  # phone numbers in both languages, the DOI, the tel: links
