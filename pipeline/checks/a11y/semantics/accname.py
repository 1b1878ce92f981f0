"""Accessible names, by the W3C algorithm (Accessible Name and Description Computation 1.2).

As far as HTML alone decides a name: `aria-labelledby`, `aria-label`, the host language's
own text alternatives (`alt`, `<label>`, `<legend>`, `<caption>`, `<figcaption>`, `value`),
the text of the content for roles named from it, and `title` last. Hidden content (the
`hidden` attribute, `aria-hidden="true"`, `display: none`, `visibility: hidden`) does not
count, except inside an element that `aria-labelledby` points to and that is itself hidden.
Text that CSS generates (`::before`, `::after`: `content` strings, `attr()`, or the alternative
text after `/`) counts as the element's first and last text (step 2F.ii), as in Chromium.
"""

from __future__ import annotations

from .aria import is_visual_content, name_from_content
from .css import BLOCK_ELEMENTS
from .document import Element, is_svg
from .facts import PageFacts

#: Controls whose value, not their content, names them inside another element's name.
TEXT_INPUT_TYPES = frozenset({"", "text", "search", "tel", "url", "email", "number"})
LABELABLE = frozenset({"button", "input", "meter", "output", "progress", "select", "textarea"})
#: The name HTML-AAM gives an image button that has no alternative text: never a description.
DEFAULT_IMAGE_BUTTON = "Submit Query"


def normalize_space(text: str) -> str:
    """Collapse runs of white space (no-break spaces included) into one space, trimmed."""
    return " ".join(text.split())


def accessible_name(page: PageFacts, element: Element) -> str:
    """The element's accessible name, white space collapsed; "" when it has none."""
    return normalize_space(_Computation(page).name(element))


def labelledby_name(page: PageFacts, element: Element) -> str:
    """The name `aria-labelledby` alone gives the element, "" when it gives none."""
    if not element.get("aria-labelledby"):
        return ""
    return normalize_space(_Computation(page).labelled_by(element))


def content_text(page: PageFacts, element: Element) -> str:
    """The text the element's content gives a name (step 2F: descendants' names and text), white space collapsed."""
    return normalize_space(_Computation(page).content(element))


def has_content(page: PageFacts, element: Element, deep: bool = False) -> bool:
    """Text of its own, an image or control, or an ARIA label (axe-core's hasContent); `deep`: or in a descendant."""
    if page.has_own_text(element) or is_visual_content(element):
        return True
    if (element.get("aria-label") or "").strip() or labelledby_name(page, element):
        return True
    return deep and any(isinstance(child.tag, str) and has_content(page, child, deep) for child in element)


def has_author_name(page: PageFacts, element: Element) -> bool:
    """Whether `aria-labelledby`, `aria-label` or `title` names the element (for landmark roles)."""
    if (element.get("aria-label") or "").strip() or (element.get("title") or "").strip():
        return True
    return bool(labelledby_name(page, element))


class _Computation:
    """One run of the algorithm: remembers the nodes visited so reference cycles end."""

    def __init__(self, page: PageFacts):
        self.page = page
        self.visited: set[Element] = set()

    def name(
        self, element: Element, *, recursing: bool = False, in_labelledby: bool = False, show_hidden: bool = False
    ) -> str:
        """Steps 2A to 2I for one element."""
        if element in self.visited:
            return ""
        self.visited.add(element)
        page = self.page
        if page.is_hidden(element) and not show_hidden:  # 2A
            return ""
        if not in_labelledby:  # 2B
            labelled = normalize_space(self.labelled_by(element))
            if labelled:
                return labelled
        role = page.role(element)
        if recursing and self._is_embedded_control(element, role):  # 2C
            return self._control_value(element, role)
        label = (element.get("aria-label") or "").strip()  # 2D
        if label:
            return label
        if role not in ("none", "presentation"):  # 2E: the host language
            native = self._native_alternative(element, show_hidden)
            if native:
                return native
        if recursing or in_labelledby or name_from_content(role):  # 2F
            content = self.content(element, in_labelledby=in_labelledby, show_hidden=show_hidden)
            if content.strip():
                return content
        return (element.get("title") or "").strip()  # 2I

    def labelled_by(self, element: Element) -> str:
        """The names of the elements `aria-labelledby` points to, joined by spaces."""
        refs = (element.get("aria-labelledby") or "").split()
        names = []
        for ref in refs:
            target = self.page.element_by_id(ref)
            if target is not None and target not in self.visited:
                names.append(self.name(target, in_labelledby=True, show_hidden=self.page.is_hidden(target)))
        return " ".join(n for n in names if n.strip())

    def content(self, element: Element, *, in_labelledby: bool = False, show_hidden: bool = False) -> str:
        """Step 2F: the names of the children, in order, block-level ones set apart by spaces, between the text
        CSS generates before and after them."""
        before, after = self.page.generated_text(element)
        parts = [before, element.text or ""]
        for child in element:
            if isinstance(child.tag, str) and child.tag not in ("script", "style", "template"):
                text = self.name(child, recursing=True, in_labelledby=in_labelledby, show_hidden=show_hidden)
                parts.append(f" {text} " if child.tag in BLOCK_ELEMENTS else text)
            parts.append(child.tail or "")
        parts.append(after)
        return "".join(parts)

    def _is_embedded_control(self, element: Element, role: str | None) -> bool:
        return role in ("textbox", "searchbox", "combobox", "listbox", "slider", "spinbutton")

    def _control_value(self, element: Element, role: str | None) -> str:
        """Step 2C: an embedded control contributes its value, not its label."""
        if element.tag == "select":
            chosen = [o for o in element.iter("option") if o.get("selected") is not None]
            options = chosen or list(element.iter("option"))[:1]
            return " ".join(normalize_space("".join(o.itertext())) for o in options)
        if element.tag == "textarea":
            return "".join(element.itertext())
        if element.tag == "input":
            return element.get("value") or ""
        return element.get("aria-valuetext") or element.get("aria-valuenow") or ""

    def _native_alternative(self, element: Element, show_hidden: bool) -> str:
        """The host language's own text alternative (HTML-AAM, accessible name computation)."""
        tag = element.tag
        if tag in ("img", "area"):
            return (element.get("alt") or "").strip()
        if tag == "input":
            kind = (element.get("type") or "text").strip().lower()
            labels = self._labels(element) if kind in ("button", "submit", "reset", "image") else ""
            if labels:  # HTML-AAM: a button input's <label> comes before its value or alt, as in Chromium
                return labels
            if kind in ("button", "submit", "reset"):
                value = element.get("value")
                return value if value is not None else {"submit": "Submit", "reset": "Reset"}.get(kind, "")
            if kind == "image":
                own = (element.get("alt") or "").strip() or (element.get("title") or "").strip()
                return own or DEFAULT_IMAGE_BUTTON
        if tag in LABELABLE:
            labels = self._labels(element)
            if labels:
                return labels
            if tag in ("input", "textarea"):
                return "" if element.get("title") else (element.get("placeholder") or "").strip()
        if is_svg(element):  # SVG-AAM: an SVG element is named by its <title> child
            title = next((child for child in element if child.tag == "title"), None)
            return normalize_space("".join(title.itertext())) if title is not None else ""
        first_child = {"fieldset": "legend", "figure": "figcaption", "table": "caption"}.get(tag)
        if first_child:
            for child in element:
                if child.tag == first_child:
                    return normalize_space(self.name(child, recursing=True, show_hidden=show_hidden))
        return ""

    def _labels(self, element: Element) -> str:
        """The text of the `<label>`s of a form control (`for` its id, or around it), in document order."""
        element_id = element.get("id")
        around = next(element.iterancestors("label"), None)
        if around is not None and around.get("for") not in (None, element_id):
            around = None
        labels = [label for label in self.page.elements_by_tag("label")
                  if label is around or (element_id and label.get("for") == element_id)]
        names = [normalize_space(self.content(label)) for label in labels
                 if label not in self.visited and not self.page.is_hidden(label)]  # 2A: a hidden label says nothing
        return " ".join(n for n in names if n)
