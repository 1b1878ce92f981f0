"""Pseudo-translation: accented and about a third longer, every mark and target left intact.

A build in a pseudo-locale (`en-XA`) shows at a glance which text escaped translation
(it stays plain) and which layouts break when text grows, before any translator starts.
"""

from __future__ import annotations

import gettext
import re

from .model import Article, Translation

ACCENTS = str.maketrans(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "åƀçðéƒĝĥîĵķļɱñöþǫŕšţûṽŵẋýžÅƁÇÐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ",
)
FILLER = ("ļöŕéɱ", "îþšûɱ", "ðöļöŕ", "šîţ", "åɱéţ", "çöñšéçţéţûŕ")
EXPANSION = 1.35
OPEN, CLOSE = "⟦", "⟧"

#: Text that must reach readers unchanged even inside prose: placeholders and entities.
_PLACEHOLDER = re.compile(r"%\(\w+\)[sdif]|%[sdif]|\{\w*\}|&#?\w+;")


def pseudo_translate(text: str) -> str:
    """Accent every letter outside link targets, code, placeholders and entities; pad by a third."""
    protected = _protected_ranges(text)
    letters = []
    for index, char in enumerate(text):
        letters.append(char if any(start <= index < end for start, end in protected) else char.translate(ACCENTS))
    accented = "".join(letters)
    padding: list[str] = []
    target = int(len(text) * EXPANSION)
    while len(accented) + sum(len(w) + 1 for w in padding) + 2 < target:
        padding.append(FILLER[len(padding) % len(FILLER)])
    return f"{OPEN}{accented}{' ' + ' '.join(padding) if padding else ''}{CLOSE}"


def pseudo_translations(article: Article) -> dict[str, Translation]:
    """An article's pseudo-translation, made from its source at build time (msgid -> translation at the source line)."""
    return {unit.text: Translation(pseudo_translate(unit.text), False, unit.line) for unit in article.units}


class PseudoTranslations(gettext.NullTranslations):
    """The template strings pseudo-translated as they are asked for: a pseudo-locale needs no ui catalog."""

    def gettext(self, message: str) -> str:
        """The message accented and padded."""
        return pseudo_translate(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        """The singular or plural, accented and padded."""
        return pseudo_translate(singular if n == 1 else plural)


#: One object for every pseudo-locale page, so the templates compiled for it are reused.
PSEUDO_UI_STRINGS = PseudoTranslations()


def _protected_ranges(text: str) -> list[tuple[int, int]]:
    """Where link targets, code spans, autolinks and placeholders sit in the text."""
    from .markdown import parse_inline  # (loaded by pseudo-locales only: reading a catalog needs no Markdown parser)

    literals: set[str] = set()
    for token in parse_inline(text):
        if token.type == "link_open":
            literals.add(str(token.attrGet("href") or ""))
            if token.markup == "autolink":
                literals.add(str(token.attrGet("href") or "").removeprefix("mailto:"))
        elif token.type == "image":
            literals.add(str(token.attrGet("src") or ""))
        elif token.type in ("code_inline", "html_inline"):
            literals.add(token.content)
        elif token.type == "footnote_ref":
            literals.add(f"[^{token.meta['label']}]")
    ranges = [m.span() for m in _PLACEHOLDER.finditer(text)]
    for literal in filter(None, literals):
        start = text.find(literal)
        while start != -1:
            ranges.append((start, start + len(literal)))
            start = text.find(literal, start + 1)
    return ranges
