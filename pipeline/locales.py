"""Locale codes: what CLDR (through Babel) knows of them, and the pseudo-locales it does not.

Settings, folders and HTML use a code in two spellings: BCP 47 for people and HTML
(`pt-BR`, `lang="pt-BR"`) and gettext's for folders (`locales/pt_BR/LC_MESSAGES`).
"""

from __future__ import annotations

import datetime
import functools
from dataclasses import dataclass
from typing import Literal

from babel import Locale, UnknownLocaleError
from babel.messages.plurals import get_plural

#: Pseudo-locales for testing: Babel does not know them, so their base language supplies
#: direction and plural rules. `en-XA` (as on Android) is accented and about a third longer.
PSEUDO_LOCALES: dict[str, tuple[str, str]] = {
    "en-XA": ("en", "[Ëñğļîšħ ƥšéûðö]"),
}
#: The pseudo-locale `pipeline build --pseudo` builds.
PSEUDO_LOCALE = "en-XA"


@dataclass(frozen=True)
class LocaleInfo:
    """A locale as the pipeline uses it."""

    code: str  # BCP 47, as written in settings and in `lang` attributes
    language: str  # the primary language subtag: "pt" for "pt-BR"
    direction: Literal["ltr", "rtl"]
    name: str  # the language's name in that language: "español"
    plural_forms: str  # the gettext Plural-Forms header value
    pseudo: bool = False

    @property
    def gettext(self) -> str:
        """The code as gettext folders spell it: `pt_BR`."""
        return self.code.replace("-", "_")


def normalize_code(code: str) -> str:
    """Spell a code the BCP 47 way: `pt_br` -> `pt-BR`, `sr_latn` -> `sr-Latn`."""
    parts = code.strip().replace("_", "-").split("-")
    out = [parts[0].lower()]
    for part in parts[1:]:
        if len(part) == 4 and part.isalpha():
            out.append(part.title())
        elif len(part) in (2, 3):
            out.append(part.upper())
        else:
            out.append(part.lower())
    return "-".join(out)


@functools.lru_cache(maxsize=None)
def parse_locale(code: str) -> LocaleInfo:
    """Look a locale code up in CLDR; raise ValueError naming it when it is unknown."""
    bcp47 = normalize_code(code)
    if bcp47 in PSEUDO_LOCALES:
        base, name = PSEUDO_LOCALES[bcp47]
        info = parse_locale(base)
        return LocaleInfo(bcp47, info.language, info.direction, name, info.plural_forms, pseudo=True)
    try:
        locale = Locale.parse(bcp47, sep="-")
    except (UnknownLocaleError, ValueError):
        raise ValueError(f"unknown locale {code!r}: CLDR (through Babel) does not know it") from None
    plural = get_plural(locale)
    return LocaleInfo(
        code=bcp47,
        language=locale.language,
        direction="rtl" if locale.text_direction == "rtl" else "ltr",
        name=locale.get_display_name(locale) or bcp47,
        plural_forms=plural.plural_forms,
    )


def is_known_language_tag(tag: str) -> bool:
    """Whether a `lang` value names a language CLDR knows (BCP 47, any known subtags)."""
    if not tag or tag != tag.strip():
        return False
    try:
        parse_locale(tag)
    except ValueError:
        return False
    return True


@functools.lru_cache(maxsize=None)
def format_date_for(date: datetime.date, code: str) -> str:
    """A date written the way readers of the locale expect: `1 de marzo de 2024`."""
    info = parse_locale(code)
    babel_code = PSEUDO_LOCALES[info.code][0] if info.pseudo else info.gettext
    from babel.dates import format_date  # only a build that renders dates waits for the date formats

    return format_date(date, format="long", locale=babel_code)
