"""Role attributes name a role that exists.

A misspelt role (`role="lnik"`) or an abstract one (`role="widget"`) is ignored, so the
element keeps its HTML role and users never learn what it was meant to be. A list of
fallback roles passes if one of them is valid; WebKit's `text` counts as valid, as axe-core
has it (W3C ACT rule 674b10).

Fails:

    <span role="lnik" onclick="go()">ACT rules</span>

Passes:

    <span role="link" tabindex="0" onclick="go()">ACT rules</span>
"""

from __future__ import annotations

from collections.abc import Iterator

from ..page import Page, Result
from ..semantics.aria import valid_role_tokens

IMPACT = "critical"
WCAG = ("1.3.1", "4.1.2")
ACT = ("674b10",)


def check(page: Page) -> Iterator[Result]:
    """Fail for each visible role attribute with no valid, non-abstract WAI-ARIA role among its tokens."""
    for element in page.elements:
        value = element.get("role")
        if value is None or not value.strip() or page.is_hidden(element) or page.is_mathml(element):
            continue
        if valid_role_tokens(element):
            yield page.passed(element)
        else:
            yield page.failed(element, f"role=\"{value}\" is not a WAI-ARIA role: check the spelling, or remove it")
