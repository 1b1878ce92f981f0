import time

import pytest

from pipeline.bidi import isolate_runs, isolated_html, isolated_text, ltr_runs
from pipeline.markdown import inline_tokens, parser


@pytest.mark.parametrize(("text", "runs"), [
    ("اتصل على 816-396-0245 أو 1-800-222-1222.", ["816-396-0245", "1-800-222-1222"]),
    ("اتصل على +1 816 396 0245 أو +18163960245", ["+1 816 396 0245", "+18163960245"]),
    ("اتصل على (816) 396-0245", ["(816) 396-0245"]),
    ("اتصل على ٨١٦-٣٩٦-٠٢٤٥", ["٨١٦-٣٩٦-٠٢٤٥"]),
    ("راسلنا على info@example.org.", ["info@example.org"]),
    ("زوروا https://health.example.org/ar/، أو www.nhs.uk.", ["https://health.example.org/ar/", "www.nhs.uk"]),
    ("على Medicare.gov", ["Medicare.gov"]),
    ("المقال 10.1258/phleb.2007.007051.", ["10.1258/phleb.2007.007051"]),
    ("الكتاب ISBN 978-3-16-148410-0", ["ISBN 978-3-16-148410-0"]),
    ("الرمز ICD-10 G25.81 و COVID-19", ["ICD-10 G25.81", "COVID-19"]),
    ("في 2024-03-01", ["2024-03-01"]),
    ("1\u00a0000\u00a0000 شخص", ["1\u00a0000\u00a0000"]),
])
def test_runs_read_left_to_right_are_found(text, runs):
    assert [m.group() for m in ltr_runs(text)] == runs


@pytest.mark.parametrize("text", [
    "تناول 1–2 قرص", "من 10-20 مرة", "بين 1990-2000", "67% و 3.5", "e.g. Dr.Smith U.S. i.e. a.m.",
    "Vasa, November 2000, 29(4):269-73", "الخطوات 1-2-3",
])
def test_ranges_numbers_and_abbreviations_are_not_runs(text):
    assert [m.group() for m in ltr_runs(text)] == []


def test_isolating_makes_new_tokens_and_changes_none_of_the_shared_ones():
    text = "اتصل على 816-396-0245 أو [اتصل بنا](tel:+18163960245) أو `G25.81`"
    shared = inline_tokens(text)
    before = [(t.type, t.content) for t in shared]
    md = parser()
    html = md.renderer.renderInline(isolate_runs(shared), md.options, {})
    assert [(t.type, t.content) for t in shared] == before
    assert '<bdi dir="ltr" class="nowrap">816-396-0245</bdi>' in html
    assert '<bdi dir="ltr"><code>G25.81</code></bdi>' in html
    # A tel: link's text is isolated whole only when it holds no right-to-left letter.
    assert '<a href="tel:+18163960245">اتصل بنا</a>' in html


def test_plain_text_is_escaped_and_isolated_only_in_right_to_left_text():
    assert isolated_html("<b> 816-396-0245", right_to_left=True) == '&lt;b&gt; <bdi dir="ltr" class="nowrap">816-396-0245</bdi>'
    assert isolated_html("help@example.org", right_to_left=True) == '<bdi dir="ltr">help@example.org</bdi>'
    assert isolated_html("<b> 816-396-0245", right_to_left=False) == "&lt;b&gt; 816-396-0245"


def test_bidi_controls_are_closed_inside_their_text():
    assert isolated_text("نشر\u202e") == "\u2068نشر\u202e\u2069"
    assert isolated_text("نشر") == "نشر"


@pytest.mark.parametrize("hostile", ["1-" * 40000, "a." * 40000, "1" * 80000 + "x", "A" * 40000 + "1" * 40000,
                                     "a" * 80000 + "@", "+1" + " 1" * 40000 + "a", "http://" + "a" * 80000 + "."])
def test_finding_runs_takes_linear_time(hostile):
    started = time.process_time()
    list(ltr_runs(hostile))
    assert time.process_time() - started < 2
