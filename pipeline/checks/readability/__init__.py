"""Readability: scores per language from textstat, and the sentences editors should fix.

`check_readability(editions, targets, sources=...)` scores every edition's prose with its
language's own formulas (see `languages.py`) and returns a `ReadabilityReport`: a
`ReadabilityResult` per article and locale, and findings located at the source line or the
PO entry. `format_table` and `render_html` are its terminal and editors' views.
"""

from __future__ import annotations

from .check import all_rules, check_readability, load_languages
from .editor_view import render_html
from .languages import LANGUAGES, language_for
from .report import ReadabilityReport, ReadabilityResult, format_table
from .targets import ReadabilityTarget, default_target

__all__ = [
    "LANGUAGES",
    "ReadabilityReport",
    "ReadabilityResult",
    "ReadabilityTarget",
    "all_rules",
    "check_readability",
    "default_target",
    "format_table",
    "language_for",
    "load_languages",
    "render_html",
]
