"""Form fields have a label one can see, not only a title or a description.

A field named only by its `title` (a tooltip that appears on hover, never on touch screens
or for keyboard users) or described only by `aria-describedby` has no label a sighted
user can read before typing. A label is a `<label>` (around the field or pointing at its
id), `aria-labelledby` or `aria-label`. Buttons and hidden fields are not concerned. A best
practice in axe-core. A `<label>` moved off the screen counts (screen readers read it), one
hidden by CSS does not.

Fails:

    <input type="text" name="postcode" title="Postcode">

Passes:

    <label for="postcode">Postcode</label> <input type="text" id="postcode" title="For example SW1A 1AA">
"""

from __future__ import annotations

from collections.abc import Iterator

from ..page import Page, Result
from ..semantics.accname import labelledby_name, normalize_space
from ..semantics.document import Element
from ..semantics.labels import label_elements, takes_label, visible_text

IMPACT = "serious"
WCAG = ()
BEST_PRACTICE = True


def has_label(page: Page, field: Element) -> bool:
    """Whether aria-labelledby, aria-label or a rendered `<label>` labels the field."""
    if labelledby_name(page, field) or normalize_space(field.get("aria-label") or ""):
        return True
    return any(visible_text(page, label, on_screen=False) for label in label_elements(page, field))


def check(page: Page) -> Iterator[Result]:
    """Fail for each form field in the accessibility tree labelled only by its title or aria-describedby."""
    for field in page.elements_by_tag("input", "select", "textarea"):
        if not takes_label(field) or page.is_hidden(field):
            continue
        hinted = normalize_space(field.get("title") or "") or (field.get("aria-describedby") or "").strip()
        if hinted and not has_label(page, field):
            yield page.failed(field, "this field is labelled only by its title or aria-describedby, which most "
                                     "users never see: give it a <label>")
        else:
            yield page.passed(field)
