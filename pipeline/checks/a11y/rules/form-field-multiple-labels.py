"""Form fields have one label.

A field with two `<label>`s (one pointing at its id, one around it, or two pointing at it)
is named differently by different browsers and screen readers: VoiceOver on iOS reads
only one of them. axe-core never fails this, it asks a person to check, unless only one
label is shown to assistive technology and `aria-labelledby` names it. Labels hidden by
CSS do not count.

Fails:

    <label for="weight">Weight</label> <input type="number" id="weight"> <label for="weight">kg</label>

Passes:

    <label for="weight">Weight in kg</label> <input type="number" id="weight">
"""

from __future__ import annotations

from collections.abc import Iterator

from ..page import Page, Result
from ..semantics.labels import label_elements, takes_label

IMPACT = "moderate"
WCAG = ("3.3.2",)


def check(page: Page) -> Iterator[Result]:
    """Ask for review of each form field in the accessibility tree with more than one label."""
    for field in page.elements_by_tag("input", "select", "textarea"):
        if not takes_label(field) or page.is_hidden(field):
            continue
        labels = [label for label in label_elements(page, field) if not page.is_css_hidden(label)
                  or any(a is label for a in field.iterancestors("label"))]
        heard = [label for label in labels if not page.is_hidden(label)]
        referenced = {page.element_by_id(ref) for ref in (field.get("aria-labelledby") or "").split()}
        if len(labels) > 1 and (len(heard) != 1 or heard[0] not in referenced):
            yield page.cant_tell(field, f"this field has {len(labels)} labels, which assistive technology reads "
                                        "differently: keep one", [page.location(label) for label in labels])
        else:
            yield page.passed(field)
