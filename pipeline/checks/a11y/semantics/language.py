"""Language tags in `lang`, `hreflang` and `dir`: validity and writing direction, through CLDR.

Two questions, two answers. Whether a whole tag names a language variety CLDR knows
(`is_valid_language_tag`, through `pipeline.locales`: `en-US` and `zh-Hant` pass, `english`,
`en_US` and `en-XX` do not) decides our own pages' locales and `hreflang`. Whether the primary
language subtag is registered (`has_known_primary_language`, the W3C ACT definition) decides
whether assistive technology can pick a voice for a `lang`: `en-XX` is fine there, `eng` is not.
"""

from __future__ import annotations

import functools
import re
from typing import Literal

from babel import Locale
from babel.core import get_global

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


#: ISO 639-1 two-letter codes, and the deprecated ones the IANA registry keeps as languages.
TWO_LETTER_LANGUAGES = frozenset(
    "aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz "
    "ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik "
    "in io is it iu iw ja ji jv jw ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg "
    "mh mi mk ml mn mo mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro "
    "ru rw sa sc sd se sg sh si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty "
    "ug uk ur uz ve vi vo wa wo xh yi yo za zh zu".split()
)
_PRIMARY_SUBTAG = re.compile(r"^[A-Za-z]{2,3}$|^[A-Za-z]{5,8}$")


@functools.lru_cache(maxsize=512)
def has_known_primary_language(tag: str) -> bool | None:
    """Whether a `lang` value starts with a language subtag of the IANA registry (W3C ACT's "known
    primary language tag"): True, False, or None when a three-letter code is beyond what CLDR knows."""
    primary = tag.strip().split("-")[0]
    if not _PRIMARY_SUBTAG.match(primary) or len(primary) > 3:
        return False  # grandfathered tags (i-lux), ISO 639 names, symbols; no registered subtag is longer
    primary = primary.lower()
    if len(primary) == 2:
        return primary in TWO_LETTER_LANGUAGES
    if "qaa" <= primary <= "qtz":
        return True  # the registry's private-use range
    alias = _language_aliases().get(primary, "")
    if len(alias) == 2:
        return False  # an ISO 639-2 code of a language with a two-letter subtag (eng): not in the registry
    return True if primary in _cldr_languages() else None


@functools.cache
def _language_aliases() -> dict[str, str]:
    return dict(get_global("language_aliases"))


@functools.cache
def _cldr_languages() -> frozenset[str]:
    return frozenset(code for code in Locale("en").languages if len(code) == 3 and code.isalpha())


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
