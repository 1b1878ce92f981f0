"""The CMU Pronouncing Dictionary, shipped inside the package and read without NLTK.

textstat 0.7.13 counts English syllables with the CMU dictionary, which it asks NLTK's
loader for (`nltk.data.find("corpora/cmudict")`) and downloads at first use: offline that
raises `LookupError`, and NLTK 3.10 also refuses a data folder that its group may write
(any clone made under umask 002). The package ships the dictionary's BSD-licensed data in
`pipeline/data/cmudict/` (see its README for the source and the conversion); this module
reads that file itself and hands textstat the same dictionary NLTK's reader would build,
so no machine downloads it, trusts a folder or scores with other data.
"""

from __future__ import annotations

import bisect
import functools
import re
import sys
import types
from pathlib import Path
from typing import Iterator

#: The shipped dictionary: lines `WORD N PH ON EMES`, variant N of WORD, the first one first.
CMUDICT = Path(__file__).resolve().parents[2] / "data" / "cmudict" / "cmudict"
#: textstat 0.7.13's one module that imports NLTK, for `get_cmudict` alone.
TEXTSTAT_CMUDICT_MODULE = "textstat.backend.utils._get_cmudict"


def _entries() -> Iterator[tuple[str, list[str]]]:
    """Each line of the dictionary as (lowercased word, phones), in the file's order."""
    with open(CMUDICT, encoding="ascii") as lines:
        for line in lines:
            word, _, *phones = line.split()
            yield word.lower(), phones


@functools.lru_cache(maxsize=1)
def english_pronunciations() -> dict[str, list[list[str]]]:
    """Every word and its pronunciations, as NLTK's `cmudict.dict()` gives them (tests compare)."""
    pronunciations: dict[str, list[list[str]]] = {}
    for word, phones in _entries():
        pronunciations.setdefault(word, []).append(phones)
    return pronunciations


#: What a word of the dictionary can be asked as: lowercase, printable ASCII, no space (its words are uppercase ASCII).
_LOOKABLE = re.compile(r"[!-@\[-~]+")
_DIGITS = str.maketrans("", "", "0123456789")


@functools.lru_cache(maxsize=1)
def _sorted_lines() -> list[str]:
    """The dictionary's lines in sorted order: a word's variants stay in theirs (`WORD 1` before `WORD 2`)."""
    return sorted(CMUDICT.read_text(encoding="ascii").splitlines())


def english_syllables(word: str) -> int | None:
    """The syllables of a (lowercased) word's first pronunciation, what textstat 0.7.13 counts; None if unknown.

    The vowels of `cmudict.dict()[word][0]` carry a stress digit. Looked up by bisection in
    the file's sorted lines (30 ms to read and sort), not a table of 134,000 words built first
    (0.4 s, in every process that scores English: a rebuild after one edit spent a fifth of
    its time there).
    """
    if not _LOOKABLE.fullmatch(word):
        return None
    lines, key = _sorted_lines(), word.upper() + " "
    at = bisect.bisect_left(lines, key)
    if at == len(lines) or not lines[at].startswith(key):
        return None
    phones = lines[at].split(" ", 2)[2]
    return len(phones) - len(phones.translate(_DIGITS))


def shipped_cmudict(lang: str) -> dict[str, list[list[str]]] | None:
    """What textstat's `get_cmudict(lang)` returns, from the shipped file: English only."""
    from textstat.backend.utils import get_lang_root

    return english_pronunciations() if get_lang_root(lang) == "en" else None


def textstat_without_nltk() -> None:
    """Before textstat is imported: its `_get_cmudict` module is this dictionary, so NLTK is never imported.

    That module imports NLTK at its top (0.55 s of textstat's 0.64 s import, paid by every
    process that scores: the build and each of its workers) only to define `get_cmudict`,
    which `give_textstat_the_dictionary` replaces anyway. Registered first, the module
    textstat finds is one whose `get_cmudict` is `shipped_cmudict`. Once textstat is
    imported (by someone else first) this does nothing, and the replacement still holds.
    """
    if "textstat" in sys.modules or TEXTSTAT_CMUDICT_MODULE in sys.modules:
        return
    module = types.ModuleType(TEXTSTAT_CMUDICT_MODULE, "textstat's get_cmudict, from pipeline's shipped dictionary.")
    module.get_cmudict = shipped_cmudict  # type: ignore[attr-defined]
    sys.modules[TEXTSTAT_CMUDICT_MODULE] = module


def give_textstat_the_dictionary() -> None:
    """Make textstat's syllable counter read the shipped dictionary, never NLTK's loader.

    textstat 0.7.13 (pinned) looks `get_cmudict` up in the module of `count_syllables` at
    every call: that one name is replaced. Its cache is cleared, so that no count made
    before comes from elsewhere. A test fails if a textstat release moves the name.
    """
    from textstat.backend.counts import _count_syllables

    if _count_syllables.get_cmudict is not shipped_cmudict:
        _count_syllables.get_cmudict = shipped_cmudict
        _count_syllables.count_syllables.cache_clear()
