"""The templates' own translated strings (the `ui` domain): which placeholders a translation may use.

Jinja2 formats every translation of a template string with `%`, so a translation is
made safe for it before it is shown: a literal percent sign stays one, and a translation
whose named placeholders are not its source's is not used at all. The catalog rule
`placeholders` reports the same translations (`placeholder_problem`), so what a build
leaves out is what the translator is told to fix. GNU `msgfmt -c` refuses them too.
"""

from __future__ import annotations

import re

#: A `%` in a template string: `%%`, a named placeholder `%(name)s`, or (neither) a literal percent sign.
_FORMAT_MARK = re.compile(r"%(?:%|\((\w+)\)[#0 +\-]*\d*(?:\.\d+)?([diouxXeEfFgGcrsa]))?")


def formattable(translation: str, source: str, forms: tuple[str, ...] = ()) -> str:
    """A translation of a template string that Jinja2's `%` formatting cannot break.

    A literal `%` ("100 % de los consejos") is kept as a percent sign. A translation whose
    placeholders are not its source's (`%(idioma)s` for `%(language)s`, or one dropped)
    gives the source string instead: the catalog check reports it (rule `placeholders`).
    A plural form (`forms`: the source's singular and plural) may leave placeholders out.
    """
    if translation == source:
        return translation
    if forms:
        allowed = {("num", "d"), ("num", "s"), *(mark for form in forms for mark in placeholders(form))}
        fits = set(placeholders(translation)) <= allowed
    else:
        fits = placeholder_problem(translation, source) is None
    if not fits:
        return source
    return _FORMAT_MARK.sub(lambda mark: mark.group(0) if mark.group(1) or mark.group(0) == "%%" else "%%", translation)


def placeholders(text: str) -> list[tuple[str, str]]:
    """The named placeholders of a format string: (name, conversion) pairs."""
    return [(mark.group(1), mark.group(2)) for mark in _FORMAT_MARK.finditer(text) if mark.group(1)]


def placeholder_problem(translation: str, source: str) -> str | None:
    """What is wrong with a translation's placeholders, in words; None when they are its source's."""
    used, wanted = set(placeholders(translation)), set(placeholders(source))
    if used == wanted:
        return None
    return f"placeholders {_listed(used)} where the source has {_listed(wanted)}: the page shows the source text"


def _listed(marks: set[tuple[str, str]]) -> str:
    return ", ".join(f"%({name}){conversion}" for name, conversion in sorted(marks)) or "none"
