"""Medical jargon that has a plainer word, from the project's per-language word lists.

The lists are `pipeline/data/jargon/<language>.csv` (columns term, plain, note), the
project's own, under MIT. A term matches whole words, case-insensitively, with its plural
or inflected endings; the longest term wins ("chronic venous insufficiency" before
"venous insufficiency").

Fails: "Our doctors treat venous insufficiency with sclerotherapy."
Passes: "Our doctors treat weak leg veins with injections that close them."
"""

from __future__ import annotations

import csv
import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from ..prose import Document, Flag

SEVERITY = "warning"
WCAG = ()

#: Where the word lists are.
JARGON_DIR = Path(__file__).resolve().parents[3] / "data" / "jargon"

#: Endings a term may carry: plurals and common inflections.
ENDINGS = {"en": "(?:s|es)?", "es": "(?:s|es)?", "fr": "(?:s|x)?", "de": "(?:e|en|n|s|es|er)?", "it": "[aeio]?"}
#: Arabic attaches the article and some prepositions to the word: "الدوالي", "بالليزر".
PREFIXES = {"ar": "(?:[وفبلك]?ال|[وفبلك])?"}


@dataclass(frozen=True)
class Term:
    """A jargon term and what to say instead."""

    term: str
    plain: str
    note: str


@dataclass(frozen=True)
class WordList:
    """A language's terms and the one pattern that finds them."""

    terms: dict[str, Term]  # key(term) -> Term
    pattern: re.Pattern[str] | None


_SEPARATOR = re.compile(r"[\s\-‐]+")


def key(term: str) -> str:
    """A term as the list is looked up: casefolded, spaces and hyphens alike."""
    return _SEPARATOR.sub(" ", term.casefold()).strip()


def read_terms(path: Path) -> list[Term]:
    """The terms of a word-list file (lines starting with # are comments)."""
    with path.open(encoding="utf-8", newline="") as file:
        rows = csv.DictReader(line for line in file if line.strip() and not line.lstrip().startswith("#"))
        return [Term(r["term"].strip(), r["plain"].strip(), (r.get("note") or "").strip()) for r in rows]


@functools.lru_cache(maxsize=None)
def word_list(language: str) -> WordList:
    """The word list of a language, or an empty one when the project has none."""
    path = JARGON_DIR / f"{language}.csv"
    terms = {key(t.term): t for t in read_terms(path)} if path.exists() else {}
    if not terms:
        return WordList({}, None)
    parts = [_SEPARATOR.split(term.strip()) for term in sorted((t.term for t in terms.values()), key=len, reverse=True)]
    alternatives = "|".join(_SEPARATOR.pattern.join(map(re.escape, words)) for words in parts)
    # Where no term's first letter stands, one test rules out every term (else tried one by one)
    firsts = {words[0][:1] for words in parts}
    starts = "" if "" in firsts else "(?=[" + "".join(map(re.escape, sorted(firsts))) + "])"
    prefix, ending = PREFIXES.get(language, ""), ENDINGS.get(language, "")
    pattern = re.compile(rf"(?<!\w){prefix}{starts}(?P<term>{alternatives}){ending}(?!\w)", re.IGNORECASE)
    return WordList(terms, pattern)


def check(document: Document) -> Iterator[Flag]:
    """Flag each jargon term in each sentence, with the plainer words to use."""
    assert document.language is not None
    words = word_list(document.language.code)
    if words.pattern is None:
        return
    for sentence in document.sentences:
        for match in words.pattern.finditer(sentence.text):
            term = words.terms[key(match.group("term"))]
            note = f" ({term.note})" if term.note else ""
            yield Flag(
                f"medical jargon {match.group(0)!r}: say {term.plain!r}{note}",
                sentence.unit,
                sentence,
                phrase=match.group(0),
            )
