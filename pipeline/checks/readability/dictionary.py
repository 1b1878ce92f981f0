"""The CMU Pronouncing Dictionary, shipped inside the package so English scores work offline.

textstat 0.7.13 counts English syllables with the CMU dictionary, which it asks NLTK for
(`nltk.data.find("corpora/cmudict")`) and downloads at first use: on a machine without
internet that raises `LookupError`. The package ships the dictionary's BSD-licensed data,
converted to NLTK's layout, under `pipeline/data/nltk/corpora/cmudict/`; this module puts
that folder first on NLTK's search path, so every machine scores with the same data and
nothing is downloaded. See that folder's README for the source and the conversion.
"""

from __future__ import annotations

import functools
from pathlib import Path

import nltk

#: The NLTK data folder the package ships (it holds `corpora/cmudict/cmudict`).
NLTK_DATA = Path(__file__).resolve().parents[2] / "data" / "nltk"


def use_shipped_cmudict() -> Path:
    """Put the shipped NLTK data first on `nltk.data.path` (once) and return its folder."""
    folder = str(NLTK_DATA)
    if not nltk.data.path or nltk.data.path[0] != folder:
        if folder in nltk.data.path:
            nltk.data.path.remove(folder)
        # First, so that scores never depend on another copy found in a user's NLTK_DATA.
        nltk.data.path.insert(0, folder)
    nltk.data.find("corpora/cmudict")  # a LookupError here means a broken installation
    return NLTK_DATA


@functools.lru_cache(maxsize=1)
def english_syllables() -> dict[str, int]:
    """Each word of the shipped dictionary and the syllables of its first pronunciation.

    What textstat 0.7.13 counts for an English word it finds there (the vowels of
    `cmudict.dict()[word][0]`, which carry a stress digit), read straight from the file:
    NLTK's reader builds every pronunciation of 134,000 words, which takes a second, where
    this takes a fraction of one. Tests compare the two.
    """
    syllables: dict[str, int] = {}
    with open(NLTK_DATA / "corpora" / "cmudict" / "cmudict", encoding="latin-1") as lines:
        for line in lines:
            word, _, *phones = line.split()
            syllables.setdefault(word.lower(), sum(1 for phone in phones if phone[-1].isdigit()))
    return syllables
