"""Readability formulas computed from counts that textstat makes, one sentence at a time.

textstat's metric functions re-split the text into sentences with a regular expression that
breaks on "Dr." and "2.5" and drops short sentences (NOTES.md). So that an article's score and
its sentence count come from the same split, this module asks textstat only for the counts
(words, syllables, polysyllables...) of each sentence our own splitter found, adds them up,
and applies textstat's formulas to the totals: the coefficients below are textstat 0.7.13's
(its per-language Flesch constants are read from textstat itself), and the tests check every
formula against textstat's own function on text that both split alike.

One `textstatistics` instance per language (its `set_lang` is state), always given a language
textstat understands: "en_US", never "en-US" or "es-ES", which it silently misreads.
"""

from __future__ import annotations

import dataclasses
import functools
import math
import operator
import re
from dataclasses import dataclass
from typing import Callable, Iterable

from .dictionary import english_syllables, give_textstat_the_dictionary, textstat_without_nltk
from .hyphenation import install_lazy_patterns

textstat_without_nltk()  # before textstat's first import: it then does not import NLTK

from textstat.backend.counts import count_syllables  # noqa: E402
from textstat.backend.selections import list_words  # noqa: E402
from textstat.backend.utils import get_lang_cfg, get_lang_easy_words, get_lang_root, get_pyphen  # noqa: E402
from textstat.textstat import textstatistics  # noqa: E402

# Before any count: textstat then never asks NLTK's loader (nor the network) for the dictionary.
give_textstat_the_dictionary()


@dataclass(frozen=True)
class Counts:
    """What the formulas need to know about a stretch of text; counts of sentences add up."""

    sentences: int = 0
    words: int = 0
    syllables: int = 0
    polysyllables: int = 0  # words of 3 syllables or more
    monosyllables: int = 0
    long_words: int = 0  # words of more than 6 letters
    letters: int = 0
    chars: int = 0  # characters other than spaces, punctuation included
    tokens: int = 0  # words with punctuation-only tokens counted (for characters per word)
    fog_words: int = 0  # words of 3+ syllables not on textstat's easy-word list (Gunning fog)
    dale_chall_words: int = 0  # words not on the Dale-Chall easy-word list
    arabic_complex: int = 0
    arabic_long: int = 0
    arabic_syllables: int = 0
    faseeh: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(*(getattr(self, name) + getattr(other, name) for name in COUNT_FIELDS))


COUNT_FIELDS = tuple(f.name for f in dataclasses.fields(Counts))
_VALUES = operator.attrgetter(*COUNT_FIELDS)


def total_of(counts: Iterable[Counts]) -> Counts:
    """The sum of counts, field by field, in one pass (not a Counts made per addition)."""
    return Counts(*map(sum, zip(*map(_VALUES, counts))))

Counter = Callable[[textstatistics, str], int]

#: How textstat counts each field of `Counts` for one sentence.
COUNTERS: dict[str, Counter] = {
    "words": lambda ts, s: ts.lexicon_count(s),
    "syllables": lambda ts, s: ts.syllable_count(s),
    "polysyllables": lambda ts, s: ts.polysyllabcount(s),
    "monosyllables": lambda ts, s: ts.monosyllabcount(s),
    "long_words": lambda ts, s: ts.long_word_count(s),
    "letters": lambda ts, s: ts.letter_count(s),
    "chars": lambda ts, s: ts.char_count(s),
    "tokens": lambda ts, s: ts.lexicon_count(s, removepunct=False),
    "fog_words": lambda ts, s: ts.difficult_words(s, syllable_threshold=3, unique=False),
    "dale_chall_words": lambda ts, s: ts.difficult_words(s, syllable_threshold=0, unique=False),
    "arabic_complex": lambda ts, s: ts.count_complex_arabic_words(s),
    "arabic_long": lambda ts, s: ts.count_arabic_long_words(s),
    # textstat 0.7.13 strips the vowel marks before it counts Arabic syllables, so it always
    # falls back to "letters - 2" for the whole text: the 2 is added back per sentence here
    # and taken off once per total in `osman`, which then equals textstat's on the whole text.
    "arabic_syllables": lambda ts, s: arabic_syllables(s) + 2,
    "faseeh": lambda ts, s: faseeh_words(s),
}

#: Fatha, damma and kasra (textstat's short vowels), those before an alef, waw or yaa (long), the
#: stress marks (tanween and shadda), and what textstat leaves out of letters counted as syllables.
_SHORT_VOWEL = re.compile("[\u064e\u064f\u0650]")
_LONG_VOWEL = re.compile("[\u064e\u064f\u0650](?=[\u0627\u0648\u064a])")
_STRESS = re.compile("[\u064b\u064c\u064d\u0651]")
_NOT_SYLLABLE = re.compile(r"[\u0627\u0649\?\.\!\,\s*]")
#: textstat's faseeh letters (hamzas, thal, dhaa) and pairs (waw-alef, waw-noon).
_FASEEH = re.compile("[\u0626\u0621\u0624\u0630\u0638]|\u0648[\u0627\u0646]")


def arabic_syllables(text: str) -> int:
    """textstat 0.7.13's `count_arabic_syllables`, its three passes over every letter made by its patterns in C.

    A vowel (fatha, damma, kasra) is long when the next letter of the text's words run together
    is an alef, waw or yaa, short otherwise; stress marks count double; without short vowels the
    syllables are the letters but alefs, punctuation and spaces, less 2 (tests compare with textstat's).
    """
    letters = "".join(list_words(text, rm_apostrophe=True))
    long = len(_LONG_VOWEL.findall(letters))
    short = len(_SHORT_VOWEL.findall(letters)) - long
    if short == 0:
        short = len(_NOT_SYLLABLE.sub("", text)) - 2
    return short + 2 * (long + len(_STRESS.findall(text)))


def faseeh_words(text: str) -> int:
    """textstat 0.7.13's `count_faseeh`: the words of more than 5 syllables with a faseeh letter or pair.

    A word's syllables are counted only when it has one (textstat counts every word's first).
    """
    return sum(1 for word in list_words(text, rm_apostrophe=True)
               if _FASEEH.search(word) and _word_arabic_syllables(word) > 5)


@functools.lru_cache(maxsize=1 << 16)  # a vocabulary: words recur across articles
def _word_arabic_syllables(word: str) -> int:
    return arabic_syllables(word)


@functools.lru_cache(maxsize=None)
def textstat_for(language: str) -> textstatistics:
    """The one textstat instance of a textstat language ("en_US", "es", "de"...)."""
    install_lazy_patterns(language)  # before textstat's Pyphen first reads the language's hyphenation patterns
    stats = textstatistics()
    stats.set_lang(language)
    return stats


#: Counts that rest on each word's syllables: made from one pass over the words (see below).
SYLLABLE_FIELDS = frozenset({"syllables", "polysyllables", "monosyllables", "fog_words", "dale_chall_words"})


@functools.lru_cache(maxsize=1 << 12)  # an article's sentences in every locale: what a build's job re-reads
def count_sentence(language: str, fields: tuple[str, ...], sentence: str) -> Counts:
    """The counts of one sentence (cached: the same sentence is never counted twice)."""
    stats = textstat_for(language)
    counts = {name: COUNTERS[name](stats, sentence) for name in fields if name not in SYLLABLE_FIELDS}
    if SYLLABLE_FIELDS.intersection(fields):
        counts |= _syllable_counts(language, sentence, fields)
    return Counts(sentences=1, **counts)


def _syllable_counts(language: str, sentence: str, fields: tuple[str, ...]) -> dict[str, int]:
    """The syllable-based counts, each word's syllables counted once.

    textstat 0.7.13 counts a sentence's syllables, its poly- and monosyllables and its
    difficult words in four passes, recounting each word's syllables through a cache of
    128 entries. The same rules, from one list of words and a larger cache of words:
    the results are equal (tests compare them with textstat's own functions).
    """
    words = list_words(sentence, lowercase=True)
    syllables = [_word_syllables(word, language) for word in words]
    counts = {
        "syllables": sum(syllables),
        "polysyllables": sum(1 for n in syllables if n >= 3),
        "monosyllables": sum(1 for n in syllables if n == 1),
    }
    if "fog_words" in fields or "dale_chall_words" in fields:  # English only: other languages have no list
        easy = get_lang_easy_words(language)
        counts["fog_words"] = sum(1 for word, n in zip(words, syllables) if word not in easy and n >= 3)
        counts["dale_chall_words"] = sum(1 for word in words if word not in easy)
    return {name: value for name, value in counts.items() if name in fields}


@functools.lru_cache(maxsize=1 << 16)  # a vocabulary: words recur across articles
def _word_syllables(word: str, language: str) -> int:
    """One (lowercased) word's syllables, as textstat counts them: the CMU dictionary for English, else Pyphen."""
    if get_lang_root(language) == "en":
        known = english_syllables(word)
        return known if known is not None else len(get_pyphen(language).positions(word)) + 1
    return count_syllables(word, language)


# The formulas, on totals. Each needs words > 0 and sentences > 0 (the caller checks).


def _wps(c: Counts) -> float:
    return c.words / c.sentences


def _spw(c: Counts) -> float:
    return c.syllables / c.words


def flesch_ease(language: str) -> Callable[[Counts], float]:
    """Flesch reading ease with the constants textstat holds for a language."""
    base = get_lang_cfg(language, "fre_base")
    per_word = get_lang_cfg(language, "fre_sentence_length")
    per_syllable = get_lang_cfg(language, "fre_syll_per_word")
    return lambda c: base - per_word * _wps(c) - per_syllable * _spw(c)


def smog(c: Counts) -> float:
    """SMOG grade (McLaughlin 1969), polysyllables scaled to 30 sentences."""
    return 1.043 * math.sqrt(30 * c.polysyllables / c.sentences) + 3.1291


def flesch_kincaid_grade(c: Counts) -> float:
    """Flesch-Kincaid grade level."""
    return 0.39 * _wps(c) + 11.8 * _spw(c) - 15.59


def gunning_fog(c: Counts) -> float:
    """Gunning fog index."""
    return 0.4 * (_wps(c) + 100 * c.fog_words / c.words)


def coleman_liau(c: Counts) -> float:
    """Coleman-Liau index."""
    return 0.058 * (100 * c.letters / c.words) - 0.296 * (100 * c.sentences / c.words) - 15.8


def automated_readability(c: Counts) -> float:
    """Automated readability index."""
    return 4.71 * (c.chars / c.tokens) + 0.5 * _wps(c) - 21.43


def dale_chall(c: Counts) -> float:
    """Dale-Chall readability score (4.9 or lower: grade 4; 9.0-9.9: grades 13-15)."""
    difficult = 100 * c.dale_chall_words / c.words
    return 0.1579 * difficult + 0.0496 * _wps(c) + (3.6365 if difficult > 5 else 0.0)


def fernandez_huerta(c: Counts) -> float:
    """Fernández-Huerta reading ease for Spanish (0-100, higher is easier)."""
    return 206.84 - 60 * _spw(c) - 1.02 * _wps(c)


def szigriszt_pazos(c: Counts) -> float:
    """Szigriszt-Pazos perspicuity for Spanish, read on the INFLESZ scale (higher is easier)."""
    return get_lang_cfg("es", "fre_base") - 62.3 * _spw(c) - _wps(c)


def crawford(c: Counts) -> float:
    """Crawford: years of schooling a Spanish text needs."""
    return -0.205 * (100 * c.sentences / c.words) + 0.049 * (100 * _spw(c)) - 3.407


def gutierrez_polini(c: Counts) -> float:
    """Gutiérrez de Polini comprehensibility for Spanish (higher is easier)."""
    return 95.2 - 9.7 * (c.letters / c.words) - 0.35 * _wps(c)


def wiener_sachtextformel(c: Counts) -> float:
    """First Wiener Sachtextformel (Bamberger and Vanecek): the school grade a German text needs."""
    ms = 100 * c.polysyllables / c.words
    iw = 100 * c.long_words / c.words
    es = 100 * c.monosyllables / c.words
    return 0.1935 * ms + 0.1672 * _wps(c) + 0.1297 * iw - 0.0327 * es - 0.875


def gulpease(c: Counts) -> float:
    """Gulpease index for Italian (0-100, higher is easier)."""
    return 300 * c.sentences / c.words - 10 * (c.chars / c.tokens) + 89


def osman(c: Counts) -> float:
    """OSMAN (El-Haj and Rayson 2016) for Arabic (higher is easier)."""
    rate = (c.arabic_complex + c.arabic_syllables - 2 + c.faseeh + c.arabic_long) / c.words
    return 200.791 - 1.015 * _wps(c) - 24.181 * rate
