"""The readability rules: one module each, named by its id (see `pipeline/checks/rules.py`).

A readability rule's `check(document)` yields `Flag`s from a scored `Document` (its
sentences, scores and target); the engine (`check.py`) locates them as findings.
"""
