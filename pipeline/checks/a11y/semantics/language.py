"""Language tags in `lang`, `hreflang` and `dir`: validity and writing direction, through CLDR.

Two questions, two answers. Whether a whole tag names a language variety CLDR knows
(`is_valid_language_tag`, through `pipeline.locales`: `en-US` and `zh-Hant` pass, `english`,
`en_US` and `en-XX` do not) decides our own pages' locales and `hreflang`. Whether the primary
language subtag is in the IANA Language Subtag Registry (`has_known_primary_language`, the W3C
ACT definition) decides whether assistive technology can pick a voice for a `lang`: `en-XX` and
`cmn` are fine there, `eng` is not.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Literal

from ....locales import is_known_language_tag, parse_locale

Direction = Literal["ltr", "rtl"]

#: ISO 15924 scripts written right to left: an explicit script subtag decides the direction
#: (`az-Arab` is right to left although Azerbaijani is usually written in Latin letters).
RTL_SCRIPTS = frozenset(
    "Adlm Arab Aran Armi Avst Chrs Elym Hatr Hebr Hung Khar Lydi Mand Mani Mend Narb Nbat Nkoo Orkh Palm Phli "
    "Phlp Phnx Prti Rohg Samr Sarb Sogd Sogo Syrc Thaa Yezi".split()
)


@functools.lru_cache(maxsize=512)
def is_valid_language_tag(tag: str) -> bool:
    """Whether a `lang` value names a language CLDR knows (surrounding spaces ignored, as browsers do)."""
    tag = tag.strip()
    return bool(tag) and "_" not in tag and is_known_language_tag(tag)


#: The language subtags of the IANA registry, shipped as a list (`pipeline/data/iana/`).
REGISTRY = Path(__file__).resolve().parents[3] / "data" / "iana" / "language-subtags.txt"


@functools.cache
def registered_languages() -> tuple[frozenset[str], tuple[tuple[str, str], ...]]:
    """The registry's language subtags, and its ranges (`qaa..qtz`, private use)."""
    subtags, ranges = set(), []
    for line in REGISTRY.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            first, dots, last = line.partition("..")
            if dots:
                ranges.append((first, last))
            else:
                subtags.add(line)
    return frozenset(subtags), tuple(ranges)


@functools.lru_cache(maxsize=512)
def has_known_primary_language(tag: str) -> bool:
    """Whether a `lang` value starts with a language subtag of the IANA registry (W3C ACT's valid language
    tag): `cmn`, `arb` and `en-XX` are, `eng`, `english` and `i-lux` are not."""
    primary = tag.strip().split("-")[0].lower()
    if not (primary.isascii() and primary.isalpha()):
        return False
    subtags, ranges = registered_languages()
    return primary in subtags or any(first <= primary <= last and len(primary) == len(first)
                                     for first, last in ranges)


@functools.lru_cache(maxsize=512)
def direction_of(tag: str) -> Direction | None:
    """The direction a language is written in, or None when the tag names no known language."""
    subtags = tag.strip().split("-")
    if len(subtags) > 1 and len(subtags[1]) == 4 and subtags[1].isalpha():
        return "rtl" if subtags[1].title() in RTL_SCRIPTS else "ltr"
    for candidate in (tag.strip(), subtags[0]):
        if candidate and "_" not in candidate:
            try:
                return parse_locale(candidate).direction
            except ValueError:
                continue
    return None


def same_language(tag: str, other: str) -> bool:
    """Whether two tags name the same language variety (case and surrounding spaces ignored)."""
    return tag.strip().lower() == other.strip().lower()


def primary_subtag(tag: str) -> str:
    """The language subtag of a tag, lowercased: `pt` for `pt-BR`."""
    return tag.strip().split("-")[0].lower()
