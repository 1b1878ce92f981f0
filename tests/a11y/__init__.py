"""Fixtures of the accessibility rules: one folder per rule id, and `clean/` pages.

In a rule's folder, `fail-*`, `review-*` and `pass-*` are cases: an HTML page, or a folder
holding a small site (for rules that look across pages). Each element a rule must report
says so: `data-fails="rule-id …"` (outcome failed) or `data-review="rule-id"` (cantTell);
page-level findings mark `<html>`. A `<case>.context.json` beside a page holds the
`PageContext` the build would pass. `cases.py` reads all this for the tests.
"""
