"""Text contrast without a layout engine (WCAG 1.4.3 and 1.4.6), shared by the two contrast rules.

Each text element is measured once per page (its colour over what `painting.py` finds
behind it, its size and weight, its stroke and shadows: `shadows.py`), on the light screen and, when the page styles
a dark colour scheme, on the dark one too; each rule then holds the measure against its own
thresholds. Where layout decides the background, the answer is cantTell with why. Text in
the colour of its background, and text of symbols alone (icon fonts), are left to a person
when they fall short. Text of disabled controls, and their labels, is exempt (WCAG's
"inactive user interface component").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple, Protocol

from ....model import Outcome
from .clipping import Clipping
from .colour import Colour, contrast_ratio, parse_colour
from .css import Styles
from .document import Element, is_mathml, is_svg
from .media import DARK, LIGHT, Screen
from .painting import BUTTON_INPUTS, Painting, declared_schemes
from .shadows import shadowed_contrast
from .spacing import StyledFacts

#: WCAG's large text: 18 point, or 14 point bold (in CSS px).
LARGE_PX, LARGE_BOLD_PX, BOLD = 24.0, 18.66, 700
#: A -webkit-text-stroke of this many font sizes or more colours the letters (thinner, it hardly shows).
STROKE_EM = 0.03
TEXT_INPUTS = frozenset({"", "text", "search", "email", "url", "tel", "password", "number", "date", "time",
                         "datetime-local", "month", "week"})
_LETTER_OR_DIGIT = re.compile(r"[^\W_]")
_OUTCOME_ORDER = ("passed", "cantTell", "failed")


class ContrastFacts(StyledFacts, Protocol):
    """A page that also knows its cascade on each screen."""

    def styles_on(self, screen: Screen) -> Styles:
        """The CSS cascade of the page on a screen."""
        ...

    def painting_on(self, screen: Screen) -> Painting:
        """The colours and boxes of the page on a screen."""
        ...


class Measure(NamedTuple):
    """One text element's contrast on one screen, before any threshold: a reason instead when it cannot be known."""

    screen: Screen
    reason: str = ""  # why a person must check (the colours could not be known); "" when measured
    ratio: float = 0.0
    text: Colour | None = None
    background: Colour | None = None
    large: bool = False
    symbols: bool = False  # no letter or digit: maybe an icon

    def verdict(self, normal: float, large: float) -> tuple[Outcome, str]:
        """The outcome and message of this measure against thresholds for normal and large text."""
        if self.reason:
            return "cantTell", self.reason
        needed = large if self.large else normal
        what = f"{self.ratio:.2f}:1 ({self.text.hex() if self.text else ''} on " \
               f"{self.background.hex() if self.background else ''})"
        if self.ratio + 1e-9 >= needed:
            return "passed", ""
        if self.ratio < 1.01:
            return "cantTell", (f"The text is the colour of its background ({self.text.hex() if self.text else ''}):"
                                f" if it is meant to be read, give it a contrast of at least {needed:g}:1")
        if self.symbols:
            return "cantTell", (f"Text of symbols alone has a contrast of {what}: if it is an icon that carries "
                                f"meaning, give it at least {needed:g}:1")
        kind = "large text" if self.large else "text of this size"
        return "failed", f"The contrast of this text is {what}; {kind} needs at least {needed:g}:1"


Measured = tuple[Element, tuple[Measure, ...]]


def measure_texts(page: ContrastFacts) -> list[Measured]:
    """Each element with visible text, and its contrast measured on each screen the page is styled for."""
    texts = list(text_elements(page))
    if not texts:
        return []
    screens = [LIGHT, DARK] if _styles_both_schemes(page) else [LIGHT]
    paintings = [page.painting_on(screen) for screen in screens]
    return [(element, tuple(_measure(page, painting, element) for painting in paintings)) for element in texts]


def contrast_outcomes(measured: list[Measured], normal: float, large: float) -> Iterator[tuple[Outcome, Element, str]]:
    """(outcome, element, message) for each measured text against the thresholds: the worst screen's."""
    for element, measures in measured:
        verdicts = [(measure.screen, *measure.verdict(normal, large)) for measure in measures]
        screen, outcome, message = max(verdicts, key=lambda verdict: _OUTCOME_ORDER.index(verdict[1]))
        if len(verdicts) > 1 and outcome != "passed":
            message = f"In the {screen.color_scheme} colour scheme: {message[0].lower()}{message[1:]}"
        yield outcome, element, message


def _measure(page: ContrastFacts, painting: Painting, element: Element) -> Measure:
    screen, styles = painting.screen, painting.styles
    foreground = painting.colour(element)
    if foreground is None:
        return Measure(screen, f"Its text colour ({styles.computed(element, 'color')}) is not one the checker "
                               "converts to sRGB: check the contrast in a browser")
    fill = styles.computed(element, "-webkit-text-fill-color")
    if fill is not None and fill != "currentcolor":
        foreground = parse_colour(fill, foreground, painting.scheme) or foreground
    size, weight = page.rendering.font_size(element), painting.weight(element)
    stroke = painting.stroke(element)
    if stroke is not None and stroke[0] >= STROKE_EM * size:
        foreground = stroke[1].over(foreground)  # a stroke this wide colours the letters' edges
    shadows = painting.shadows(element)
    if shadows is None:
        return Measure(screen, f"Its text shadow's colour ({styles.computed(element, 'text-shadow')}) is not one the "
                               "checker converts to sRGB: check the contrast in a browser")
    if foreground.alpha == 0 and shadows and shadows[0][1:] == (0.0, 0.0, 0.0):
        foreground, shadows = shadows[0][0], shadows[1:]  # the text drawn only by its shadow
    layered = painting.layers(element, foreground)
    if isinstance(layered, str):
        return Measure(screen, layered)
    text, background = layered
    ratio = contrast_ratio(text, background)
    shadows = [shadow for shadow in shadows if shadow[0].alpha > 0]
    if shadows:
        shadowed = shadowed_contrast(text, background, shadows, size)
        if shadowed is None:
            return Measure(screen, "Its text shadows outline the letters on some sides only: how that reads "
                                   "depends on how the browser draws them, check the contrast in a browser")
        ratio, background = shadowed
    return Measure(
        screen, ratio=ratio, text=text, background=background,
        large=size >= LARGE_PX or (size >= LARGE_BOLD_PX and weight >= BOLD),
        symbols=not _LETTER_OR_DIGIT.search(_own_text(element)),
    )


def text_elements(page: ContrastFacts) -> Iterator[Element]:
    """Elements that draw text a reader sees: their own text, or a control's value."""
    disabled = _disabled_parts(page)
    inert = {inside for element in page.elements if element.get("inert") is not None for inside in element.iter()}
    clipping = Clipping(page)
    for element in page.elements:
        if not (page.has_own_text(element) or _control_text(element)):
            continue
        if element.tag in ("option", "optgroup") or is_svg(element) or is_mathml(element):
            continue
        if element in disabled or element in inert or not page.is_visible(element):
            continue
        if page.rendering.font_size(element) <= 0 or clipping.cut_off(element):
            continue
        yield element


def _control_text(element: Element) -> str:
    """The text a form control draws itself: a text field's or a button's value, a select's choice."""
    if element.tag == "input":
        kind = (element.get("type") or "").strip().lower()
        if kind in TEXT_INPUTS or kind in BUTTON_INPUTS:
            return (element.get("value") or "").strip()
    if element.tag == "select":
        options = element.findall(".//option")
        chosen = next((o for o in options if o.get("selected") is not None), options[0] if options else None)
        return "".join(chosen.itertext()).strip() if chosen is not None else ""
    return ""


def _own_text(element: Element) -> str:
    return (element.text or "") + "".join(child.tail or "" for child in element) + _control_text(element)


def _disabled_parts(page: ContrastFacts) -> set[Element]:
    """Disabled controls, what is inside them, and their labels: inactive components WCAG exempts."""
    found: set[Element] = set()
    for element in page.elements:
        disabled = (element.tag in ("button", "input", "select", "textarea", "fieldset") and
                    element.get("disabled") is not None) or (element.get("aria-disabled") or "").strip() == "true"
        if disabled:
            found.update(element.iter())
            ident = element.get("id")
            labels = list(element.iterancestors("label"))
            labels += [label for label in page.elements_by_tag("label") if ident and label.get("for") == ident]
            for label in labels:
                found.update(label.iter())
    return found


def _styles_both_schemes(page: ContrastFacts) -> bool:
    """Whether the page looks different in the dark colour scheme: its styles or its `color-scheme` say so."""
    styles = page.styles
    if any(sheet.scheme_dependent for sheet in styles.sheets):
        return True
    return "dark" in declared_schemes(page, styles)
