"""Accessibility checker: WCAG rules over HTML pages, one small module per rule.

    findings = check_paths([Path("dist")], root=Path("."))       # files and folders
    findings = check_html(html, "es/slug/index.html", context=PageContext(locale="es", ...))

Each rule lives in `rules/<rule-id>.py` and is discovered, not listed: see `engine.py` for
the rule contract, `page.py` for what a rule may ask of a page, `semantics/` for the facts
rules share.
"""

from __future__ import annotations

from .context import FallbackPassage, PageContext
from .engine import WCAG_LEVELS, AccessibilityRule, PageError, WcagLevel, all_rules, check_html, check_pages, check_paths
from .page import head_only

__all__ = [
    "WCAG_LEVELS",
    "WcagLevel",
    "AccessibilityRule",
    "FallbackPassage",
    "PageContext",
    "PageError",
    "all_rules",
    "check_html",
    "check_pages",
    "check_paths",
    "head_only",
]
