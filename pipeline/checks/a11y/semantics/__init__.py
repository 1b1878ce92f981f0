"""Shared facts the accessibility rules ask about: documents, ARIA, roles, names, the tree, tables, focus, CSS, language, WCAG.

Nothing here imports a rule or the page class: helpers ask a page for what they need through
`facts.PageFacts`, and `..page.Page` ties them together.
"""
