"""Numbers written as words ("sixty-seven percent", "siebenundsechzig Prozent"), and their value.

Patient-education guidance asks for numerals: "67%" is read at a glance, "sixty-seven
percent" is not. Languages covered: English, Spanish, French, German (German and French
compounds included). A number word is found when the whole word breaks into the
language's number atoms ("sieben|und|sechzig", "quatre-vingt|-|dix").
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Iterator

_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}


def _atoms(words: str, start: int = 0, step: int = 1) -> dict[str, int]:
    return {word: start + step * i for i, word in enumerate(words.split())}


@dataclass(frozen=True)
class NumberWords:
    """One language's number words, how they join, and how a numeral is written."""

    atoms: dict[str, int]  # word -> value
    scales: dict[str, int]  # words that multiply what comes before them
    joiners: frozenset[str]  # "and", "y", "et", "und": only between number words
    join_after: str  # what a joiner may follow: "scale" (hundred and five), "tens" (sesenta y siete)
    articles: frozenset[str]  # words that are numbers only when counting something ("un", "ein")
    percent: re.Pattern[str]  # the words for percent, after a number
    counted: re.Pattern[str]  # quantity words after which even a small number should be a numeral
    percent_sign: str  # "%" or " %" (a space before the sign, as the language writes it)


def _words(pattern: str) -> re.Pattern[str]:
    return re.compile(rf"\s+(?:{pattern})(?!\w)", re.IGNORECASE)


LANGUAGES: dict[str, NumberWords] = {
    "en": NumberWords(
        {
            **_atoms("one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
                     "fifteen sixteen seventeen eighteen nineteen", 1),
            **_atoms("twenty thirty forty fifty sixty seventy eighty ninety", 20, 10),
        },
        _SCALES,
        frozenset({"and"}),
        "scale",
        frozenset({"one"}),
        _words(r"per\s?cent|percentage points"),
        _words(r"times|hours?|days?|weeks?|months?|years?|minutes?|tablets?|pills?|doses?|glass(?:es)?"
               r"|cups?|people|patients|adults|children|steps?"),
        "%",
    ),
    "es": NumberWords(
        {
            **_atoms("uno dos tres cuatro cinco seis siete ocho nueve diez once doce trece catorce quince "
                     "dieciséis diecisiete dieciocho diecinueve veinte veintiuno veintidós veintitrés "
                     "veinticuatro veinticinco veintiséis veintisiete veintiocho veintinueve", 1),
            **_atoms("treinta cuarenta cincuenta sesenta setenta ochenta noventa", 30, 10),
            **_atoms("cien doscientos trescientos cuatrocientos quinientos seiscientos setecientos "
                     "ochocientos novecientos", 100, 100),
            **_atoms("doscientas trescientas cuatrocientas quinientas seiscientas setecientas "
                     "ochocientas novecientas", 200, 100),
            "ciento": 100, "veintiún": 21, "una": 1, "un": 1,
        },
        {"mil": 1000, "millón": 1_000_000, "millones": 1_000_000},
        frozenset({"y"}),
        "tens",
        frozenset({"un", "una", "uno"}),
        _words(r"por\s+ciento"),
        _words(r"veces|horas?|días?|semanas?|meses|mes|años?|minutos?|pastillas?|comprimidos?|dosis"
               r"|vasos?|personas|pacientes|adultos|niños|pasos?"),
        " %",
    ),
    "fr": NumberWords(
        {
            **_atoms("un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze "
                     "seize", 1),
            **_atoms("vingt trente quarante cinquante soixante", 20, 10),
            "une": 1, "quatre-vingt": 80, "quatre-vingts": 80, "cent": 100, "cents": 100,
        },
        {"cent": 100, "cents": 100, "mille": 1000, "million": 1_000_000, "millions": 1_000_000},
        frozenset({"et"}),
        "tens",
        frozenset({"un", "une"}),
        _words(r"pour\s?cent"),
        _words(r"fois|heures?|jours?|semaines?|mois|ans|années?|minutes?|comprimés?|doses?|verres?"
               r"|personnes|patients|adultes|enfants|étapes?"),
        " %",
    ),
    "de": NumberWords(
        {
            **_atoms("eins zwei drei vier fünf sechs sieben acht neun zehn elf zwölf dreizehn vierzehn "
                     "fünfzehn sechzehn siebzehn achtzehn neunzehn zwanzig", 1),
            **_atoms("dreißig vierzig fünfzig sechzig siebzig achtzig neunzig", 30, 10),
            "ein": 1,
        },
        {"hundert": 100, "tausend": 1000, "million": 1_000_000, "millionen": 1_000_000},
        frozenset({"und"}),
        "never",  # German joins inside the word: siebenundsechzig
        frozenset({"ein", "eins"}),
        _words(r"prozent"),
        _words(r"mal|stunden?|tage?n?|wochen?|monate?n?|jahre?n?|minuten?|tabletten?|gläser|glas"
               r"|menschen|personen|patienten|erwachsene|kinder|schritte?"),
        " %",
    ),
}


@dataclass(frozen=True)
class SpelledNumber:
    """A number written in words in a sentence, and how to write it as a numeral."""

    start: int
    end: int  # the percent word included, when there is one
    value: int
    numeral: str  # "67%", "67 %", "91"


_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


def spelled_numbers(sentence: str, language: str) -> Iterator[SpelledNumber]:
    """Numbers a sentence writes in words that read easier as numerals.

    Every number from ten up, and a smaller one when a percent or quantity word follows it
    ("three times a day"), but not "one study" or "un estudio".
    """
    words = LANGUAGES.get(language)
    if words is None or not _vocabulary(language)[3].search(sentence.casefold()):
        return  # a number word holds one of the vocabulary's words (most sentences hold none)
    run: list[re.Match[str]] = []
    consumed = 0  # the end of the last number found, its percent word included
    for match in [*_WORD.finditer(sentence), None]:
        if match is not None and match.start() < consumed:
            continue
        if match is not None and _continues(run, match, sentence, language):
            run.append(match)
            continue
        while run and run[-1].group(0).casefold() in words.joiners:
            run.pop()
        if run:
            found = _spelled(run, sentence, language)
            if found is not None:
                consumed = found.end
                yield found
        run = [match] if match is not None and _pieces(match.group(0), language) is not None else []


def _continues(run: list[re.Match[str]], match: re.Match[str], sentence: str, language: str) -> bool:
    """Whether a word extends the run of number words before it (single spaces between)."""
    words = LANGUAGES[language]
    if not run or sentence[run[-1].end() : match.start()] != " ":
        return False
    word, previous = match.group(0).casefold(), run[-1].group(0).casefold()
    if word in words.joiners:
        last = (_pieces(previous, language) or (0,))[-1]
        if words.join_after == "scale":
            return last < 0
        return words.join_after == "tens" and 20 <= last <= 90 and last % 10 == 0
    pieces = _pieces(word, language)
    if pieces is None:
        return False
    # "un estudio" and "un sesenta por ciento": an article starts a number only before a scale
    return not (len(run) == 1 and previous in words.articles and min(pieces) > 0)


def _spelled(run: list[re.Match[str]], sentence: str, language: str) -> SpelledNumber | None:
    words = LANGUAGES[language]
    numbers = [m.group(0) for m in run if m.group(0).casefold() not in words.joiners]
    values = [value for word in numbers for value in _pieces(word, language) or ()]
    value = _value(values)
    start, end = run[0].start(), run[-1].end()
    percent = words.percent.match(sentence, end)
    counted = percent or words.counted.match(sentence, end)
    lone_article = len(run) == 1 and run[0].group(0).casefold() in words.articles
    if value < 10 and (not counted or lone_article and not percent):
        return None
    if all(v < 0 for v in values) and not percent:
        return None  # "millions of people", "des centaines": no number to write
    last = values[-1] if values else 0
    if last <= -1_000_000:  # "2 million" reads easier than "2,000,000"
        numeral = f"{value // -last:,} {run[-1].group(0).split('-')[-1]}"
    else:
        numeral = f"{value:,}"
    numeral = numeral.replace(",", "\u202f" if words.percent_sign != "%" else ",")
    if percent:
        return SpelledNumber(start, percent.end(), value, numeral + words.percent_sign)
    return SpelledNumber(start, end, value, numeral)


def _value(pieces: list[int]) -> int:
    """The value of number words in order: units add up, scales multiply what precedes them."""
    total = current = 0
    for piece in pieces:
        if piece < 0:  # a scale, stored negated by _pieces
            scale = -piece
            if scale >= 1000:
                total += max(current, 1) * scale
                current = 0
            else:
                current = max(current, 1) * scale
        else:
            current += piece
    return total + current


@functools.lru_cache(maxsize=4096)
def _pieces(word: str, language: str) -> tuple[int, ...] | None:
    """A word broken into number values (scales negated), or None when it is not a number."""
    vocabulary, tokens, number, _ = _vocabulary(language)
    word = word.casefold()
    if not number.fullmatch(word):
        return None  # (most words: the pattern reads them as the loop below would, in C)
    pieces: list[int] = []
    position = 0
    while position < len(word):
        token = next((t for t in tokens if word.startswith(t, position)), None)
        if token is None:
            return None
        if token in vocabulary:
            pieces.append(vocabulary[token])
        position += len(token)
    return tuple(pieces) or None


@functools.cache
def _vocabulary(language: str) -> tuple[dict[str, int], tuple[str, ...], re.Pattern[str], re.Pattern[str]]:
    """A language's number words and their values (scales negated), every token longest first, the
    pattern of a word made of tokens taken longest first: each one is kept (`++`), as `_pieces` takes them,
    and the pattern of any of the vocabulary's words anywhere in a casefolded text.

    A word with a value holds one of the vocabulary's words, and casefolding a sentence casefolds
    each of its words in place: a sentence in which the last pattern finds nothing has no number word.
    """
    words = LANGUAGES[language]
    vocabulary = {**words.atoms, **{k: -v for k, v in words.scales.items()}}
    tokens = tuple(sorted({*vocabulary, *words.joiners, "-"}, key=len, reverse=True))
    return (vocabulary, tokens, re.compile("(?:" + "|".join(map(re.escape, tokens)) + ")++"),
            re.compile("|".join(map(re.escape, vocabulary))))
