"""What rules extract from a message: links, URLs, e-mail addresses, phone numbers, numbers.

Each is a pure function of the text, remembered: a source message is analysed once for
every rule and every locale. Callers must not change what they get back.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from typing import Iterator

from text_to_num import alpha2digit

from ...markdown import TEXT_CACHE_SIZE, inline_tokens, plain_text

remembered = functools.lru_cache(maxsize=TEXT_CACHE_SIZE)
URL = re.compile(r"https?://[^\s<>()\[\]]+[^\s<>()\[\].,;:!?'\"]")
#: An address starts where a run of its characters starts, and takes the run whole (`++`):
#: tried at every character of a long run, the pattern took quadratic time (tests/test_linear_time.py).
EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]++@[\w-]+(?:\.[\w-]+)+")
PHONE = re.compile(r"(?<!\w)(?<!\d[.,])\+?\(?\d[\d\s().-]{5,}\d(?!\w|[.,]\d)")
#: Digit groups joined by one separator: "1,000.5", "1.000,5", "1 000", "67", "٦٧".
NUMBER = re.compile(r"\d+(?:[.,\u00a0\u202f\u066b\u066c']\d+)*")
_ONES = "zero one two three four five six seven eight nine ten".split()
_SMALL_WORD = re.compile(r"\b(?:" + "|".join(_ONES) + r")\b", re.IGNORECASE)
#: Words for "per cent", which text2num would otherwise read as the number 100.
PERCENT_WORDS = {
    "en": ("per cent", "percent"), "es": ("por ciento",), "fr": ("pour cent", "pour-cent"),
    "de": ("Prozent",), "it": ("per cento",), "pt": ("por cento",), "nl": ("procent",),
}
PERCENT_PATTERNS = {
    language: re.compile("|".join(rf"\b{re.escape(w)}\b" for w in words), re.IGNORECASE)
    for language, words in PERCENT_WORDS.items()
}
#: A decimal digit of another script (Arabic-Indic, Devanagari…), read as its ASCII digit.
_MANY_DIGITS = re.compile(r"(?:\d\D{0,3}){7}")  # a phone number has seven digits at least
OTHER_DIGIT = re.compile(r"(?![0-9])\d")
_DIGIT = re.compile(r"\d")
#: Languages whose numbers written as words text2num reads.
SPELLED_NUMBER_LANGUAGES = frozenset(PERCENT_WORDS)


@remembered
def link_targets(text: str) -> Counter[str]:
    """Targets of the Markdown links and images of a message."""
    targets: Counter[str] = Counter()
    for token in inline_tokens(text):
        if token.type == "link_open":
            targets[str(token.attrGet("href"))] += 1
        elif token.type == "image":
            targets[str(token.attrGet("src"))] += 1
    return targets


@remembered
def inline_marks(text: str) -> Counter[str]:
    """The kinds of inline Markdown a message uses, counted: link, em, strong, code, image…"""
    marks: Counter[str] = Counter()
    for token in inline_tokens(text):
        if token.nesting == 1:
            marks[token.type.removesuffix("_open")] += 1
        elif token.type in ("code_inline", "image", "hardbreak"):
            marks[token.type] += 1
    return marks


@remembered
def bare_urls(text: str) -> set[str]:
    """Web addresses written out in the text itself (not as link targets)."""
    prose = plain_text(text)
    return set(URL.findall(prose)) if "://" in prose else set()


@remembered
def emails(text: str) -> set[str]:
    """E-mail addresses, written out or as mailto: targets."""
    prose = plain_text(text)
    found = {e.lower() for e in EMAIL.findall(prose)} if "@" in prose else set()
    found.update(t[7:].split("?")[0].lower() for t in link_targets(text) if t.lower().startswith("mailto:"))
    return found


@remembered
def phone_numbers(text: str) -> set[str]:
    """Phone numbers (as their digits), written out or as tel: targets."""
    return set(phone_spellings(text))


@remembered
def phone_spellings(text: str) -> dict[str, str]:
    """Phone numbers by their digits, each as the text spells it ("816-396-0245", "tel:+18163960245")."""
    prose = _prose_digits(text)
    found = {_digits(m): m.strip() for m in PHONE.findall(prose) if len(_digits(m)) >= 7} if _MANY_DIGITS.search(prose) else {}
    found.update((_digits(t), t) for t in link_targets(text) if t.lower().startswith("tel:"))
    return found


@remembered
def numbers(text: str, language: str | None, small_words: bool = False) -> Counter[tuple[str, ...]]:
    """Numbers of the prose as digit groups, any separators: "1.000,5" and "1,000.5" are equal.

    With a language text2num reads, numbers written as words count too ("sesenta y siete"
    is 67); isolated small ones ("one study", "un estudio") only with `small_words`.
    """
    prose = _prose_digits(text)
    if language not in SPELLED_NUMBER_LANGUAGES and not _DIGIT.search(prose):
        return Counter()  # (the common case: most messages hold no numeral)
    if _MANY_DIGITS.search(prose):
        prose = PHONE.sub(lambda m: " " if len(_digits(m.group())) >= 7 else m.group(), prose)
    if language in SPELLED_NUMBER_LANGUAGES:
        prose = PERCENT_PATTERNS[language].sub("%", prose)
        prose = alpha2digit(prose, language, threshold=0 if small_words else 3)
    return Counter(tuple(re.split(r"[.,\u00a0\u202f\u066b\u066c']", m)) for m in NUMBER.findall(prose))


@remembered
def small_number_words(text: str) -> Counter[tuple[str, ...]]:
    """English numbers up to ten written as words, which text2num leaves alone in isolation."""
    return Counter((str(_ONES.index(w.lower())),) for w in _SMALL_WORD.findall(plain_text(text)))


def differences(source: set[str], target: set[str], what: str) -> Iterator[str]:
    """The messages for items of the source missing from the translation, and items it added."""
    for missing in sorted(source - target):
        yield f"the {what} {missing} of the source is missing or changed"
    for added in sorted(target - source):
        yield f"the {what} {added} is not in the source"


@remembered
def _prose_digits(text: str) -> str:
    """A message's prose without web and e-mail addresses, its digits all ASCII."""
    prose = _without_urls_and_emails(plain_text(text))
    if not prose.isascii():
        prose = OTHER_DIGIT.sub(lambda m: str(unicodedata.decimal(m.group())), prose)
    return prose


def _digits(text: str) -> str:
    """Only the digits of a text."""
    return "".join(c for c in text if c.isdigit())


def _without_urls_and_emails(text: str) -> str:
    """Prose with web and e-mail addresses blanked, so their digits are not read as numbers."""
    if "://" in text:
        text = URL.sub(" ", text)
    return EMAIL.sub(" ", text) if "@" in text else text
