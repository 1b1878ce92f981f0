"""Phone numbers, e-mail addresses and URLs in right-to-left text are isolated, so they are drawn in order.

Inside Arabic or Hebrew text the Unicode bidi algorithm lays out digits, hyphens and spaces
by their neighbours: after an Arabic word `816-396-0245` is drawn `0245-396-816`, and in
Hebrew `816 396 0245` is drawn `0245 396 816`. A patient who dials what they see calls a
wrong number; a DOI or an address drawn in pieces cannot be typed. Such runs need
`<bdi dir="ltr">` around them, or an element of their own with `dir="ltr"`. The rule finds
the runs read left to right as a whole (phone numbers, e-mail addresses, URLs and domains,
DOIs, ISBNs, codes, dates), lays out their paragraph as a browser does from `dir`, `<bdi>`
and `<bdo>`, and fails each run drawn out of order; one drawn in order by luck of its
neighbours passes. A range such as `1–2` is read from the right in right-to-left text and
is no such run. CSS `direction` and `unicode-bidi` are not read.

Fails:

    <p dir="rtl">اتصل على 816-396-0245 اليوم.</p>

Passes:

    <p dir="rtl">اتصل على <bdi dir="ltr">816-396-0245</bdi> اليوم.</p>
"""

from __future__ import annotations

from collections.abc import Iterator

from ..page import Page, Result
from ..semantics.paragraphs import drawn_runs

IMPACT = "serious"
WCAG = ("1.3.2",)
#: What each kind of run is called in a finding.
KINDS = {"url": "address", "scheme": "link", "email": "e-mail address", "doi": "DOI", "isbn": "ISBN",
         "phone": "phone number", "grouped": "number", "code": "code", "domain": "domain name"}


def check(page: Page) -> Iterator[Result]:
    """Fail for each left-to-right run that the bidi algorithm draws out of order in its paragraph."""
    for drawn in drawn_runs(page):
        if drawn.in_order:
            yield page.passed(drawn.element)
        else:
            kind = KINDS.get(drawn.run.lastgroup or "", "run")
            yield page.failed(drawn.element, f"the {kind} \"{drawn.run.group()}\" is drawn out of order in this "
                                             "right-to-left text: wrap it in <bdi dir=\"ltr\">")
