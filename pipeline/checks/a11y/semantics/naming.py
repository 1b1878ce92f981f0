"""Which controls need a name, split as axe-core splits them, and whether theirs will do.

W3C ACT has two rules for names of controls: form fields (e086e5) and buttons (97a4e1).
axe-core checks the same names under seven ids, by what the author wrote: native fields
(`label`: `<input>`, `<textarea>`; `select-name`), native buttons (`button-name`,
`input-button-name`) and ARIA widgets on elements HTML gives no naming method
(`aria-input-field-name`, `aria-toggle-field-name`, `aria-command-name`), and the names of
other roles under a rule each (`aria-dialog-name`, `aria-tab-name`…): elements whose `role`
attribute is exactly that role, on elements HTML does not name itself (a `<button role="tab">`
takes its name as a button, and button rules test it). The rules ask this module which
elements are theirs and what each one's outcome is; all of them judge a name alike: the W3C
accessible name, non-empty.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Protocol

from ....model import Outcome
from .accname import normalize_space
from .aria import PRESENTATIONAL_ROLES, explicit_role, is_a, name_required
from .ariadata import NAMED_BY_HTML
from .document import Element, is_mathml
from .facts import PageFacts
from .focus import is_focusable
from .labels import label_elements, takes_label

#: ARIA roles of each of axe-core's naming rules for widgets that are not native controls.
INPUT_FIELD_ROLES = frozenset("combobox listbox searchbox slider spinbutton textbox".split())
TOGGLE_FIELD_ROLES = frozenset("checkbox menuitemcheckbox menuitemradio option radio switch".split())
COMMAND_ROLES = frozenset("button link menuitem".split())
BUTTON_TYPES = frozenset("button submit reset".split())
#: The messages of a control with no name (as form-field-name and button-name wrote them: baselines match).
FIELD_MISSING_NAME = "this {role} has no name: label it with <label>, aria-label or aria-labelledby"
BUTTON_MISSING_NAME = "the button has no text: give it words (or aria-label) that say what it does"


class NamingFacts(PageFacts, Protocol):
    """A page that also computes accessible names."""

    def elements_with(self, *attributes: str) -> list[Element]:
        """The elements carrying any of these attributes, in document order."""
        ...

    def name(self, element: Element) -> str:
        """The element's accessible name."""
        ...


def named_by_html(element: Element) -> bool:
    """Whether HTML gives the element a way to be named of its own (a label, alt text, its content)."""
    if element.tag == "a":
        return element.get("href") is not None
    if element.tag == "input":
        return f"input {(element.get('type') or 'text').strip().lower()}" in NAMED_BY_HTML
    return element.tag in NAMED_BY_HTML


def role_name_outcomes(page: NamingFacts, *roles: str) -> Iterator[tuple[Element, Outcome]]:
    """(element, passed or failed) for each element of `role="<one of roles>"` in the tree, by whether it has a name."""
    for element in page.elements_with("role"):
        if element.get("role") not in roles or named_by_html(element) or page.is_hidden(element):
            continue
        yield element, "passed" if page.name(element) else "failed"


def input_type(element: Element) -> str:
    """An `<input>`'s type as written, lower case ("" when it has none)."""
    return (element.get("type") or "").strip().lower()


def labelled_fields(page: PageFacts) -> Iterator[Element]:
    """The `<input>`s and `<textarea>`s a `<label>` is for (axe-core's `label` rule)."""
    return (element for element in page.elements_by_tag("input", "textarea") if takes_label(element))


def button_inputs(page: PageFacts) -> Iterator[Element]:
    """The `<input>` buttons: type button, submit and reset (axe-core's `input-button-name`)."""
    for element in page.elements_by_tag("input"):
        if input_type(element) in BUTTON_TYPES and needs_name_as_written(element):
            yield element


def buttons(page: PageFacts) -> Iterator[Element]:
    """The `<button>` elements whose role still needs a name (axe-core's `button-name`); a link's is link-name's."""
    return (element for element in page.elements_by_tag("button")
            if needs_name_as_written(element) and not is_a(page.role(element), "link"))


def aria_widgets(page: NamingFacts, roles: frozenset[str]) -> Iterator[Element]:
    """Elements given one of these roles by a `role` attribute, on elements HTML has no naming method for."""
    return (element for element in page.elements_with("role") if is_aria_widget(page, element, roles))


def is_aria_widget(page: PageFacts, element: Element, roles: frozenset[str]) -> bool:
    """Whether a `role` attribute gives the element one of these roles, and HTML no naming method of its own."""
    if element.get("role") is None or explicit_role(element) not in roles:
        return False
    return not named_by_html(element) and not _named_through_its_combobox(page, element)


def _named_through_its_combobox(page: PageFacts, element: Element) -> bool:
    """A combobox named by the input inside it, or a listbox that pops up from a combobox, is named there."""
    role = page.role(element)
    if role == "combobox":
        return any(input_type(e) != "hidden" for e in element.iterdescendants("input"))
    if role != "listbox":
        return False
    for ancestor in element.iterancestors():
        ancestor_role = page.role(ancestor)
        if ancestor_role not in (None, "generic", "none", "presentation"):
            if ancestor_role == "combobox":
                return True
            break
    ident = element.get("id")
    return bool(ident) and any(
        page.role(e) == "combobox" and e.tag != "select"
        and any(ident in (e.get(attribute) or "").split() for attribute in ("aria-controls", "aria-owns"))
        for e in page.elements if e.get("aria-controls") or e.get("aria-owns")
    )


def needs_name_as_written(element: Element) -> bool:
    """A native button keeps its rule unless a role that needs no name is given to one that cannot take focus."""
    role = explicit_role(element)
    return role is None or role in PRESENTATIONAL_ROLES or name_required(role) or is_focusable(element)


def name_outcomes(page: NamingFacts, elements: Iterable[Element], missing: str | Mapping[str, str], *,
                  label_must_name: bool = False, label_names: bool = False) -> Iterator[tuple[Outcome, Element, str]]:
    """(outcome, element, message) for each control in the accessibility tree: passed when it has a name.

    `missing` is the failure's message, or one per role; `{role}` in it is the control's role.
    A control its role makes presentational (after conflict resolution) is not one. With
    `label_must_name`, an ARIA widget whose `<label>` is not in its name is left to a person:
    a label does not name a `<div>`, and whether the name it has says the same is a judgement.
    With `label_names`, a `<label>` names the control even where HTML-AAM leaves it out of the
    name (an `<input>` button: browsers and axe-core take it).
    """
    for element in elements:
        role = page.role(element)
        if page.is_hidden(element) or is_mathml(element) or role in PRESENTATIONAL_ROLES:
            continue  # not in the accessibility tree, or not as a control: nothing to name
        name = page.name(element) or (_label_text(page, element) if label_names else "")
        label = _label_text(page, element) if label_must_name and name else ""
        if not name:
            template = missing if isinstance(missing, str) else missing.get(role or "", FIELD_MISSING_NAME)
            yield "failed", element, template.format(role=role)
        elif label and label.lower() not in name.lower():
            yield "cantTell", element, (f"the <label> {label!r} is not in this {role}'s name {name!r}: check that "
                                        "the name says what the label says")
        else:
            yield "passed", element, ""


def _label_text(page: PageFacts, element: Element) -> str:
    """The text of the `<label>`s around the element or `for` its id, white space collapsed."""
    ident = element.get("id")
    labels = [label for label in page.elements_by_tag("label") if ident and label.get("for") == ident]
    labels.extend(element.iterancestors("label"))
    return normalize_space(" ".join("".join(label.itertext()) for label in labels if not page.is_hidden(label)))
