"""Language tags in `lang`, `hreflang` and `dir`: validity and writing direction, through CLDR.

Validity is decided by the language registry as Babel carries it (`pipeline.locales`), not by
a pattern: `en-US` and `zh-Hant` pass, `english`, `en_US` and `en-XX` do not.
"""

from __future__ import annotations

import functools
from typing import Literal

from ...locales import is_known_language_tag, parse_locale

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
