"""Locale codes: what CLDR (through Babel) knows of them, and the pseudo-locales it does not.

Settings, folders and HTML use a code in two spellings: BCP 47 for people and HTML
(`pt-BR`, `lang="pt-BR"`) and gettext's for folders (`locales/pt_BR/LC_MESSAGES`).
"""

from __future__ import annotations

import datetime
import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import babel
from babel import Locale, UnknownLocaleError

#: Pseudo-locales for testing: Babel does not know them, so their base language supplies
#: direction and plural rules. `en-XA` (as on Android) is accented and about a third longer.
PSEUDO_LOCALES: dict[str, tuple[str, str]] = {
    "en-XA": ("en", "[Ëñğļîšħ ƥšéûðö]"),
}
#: The pseudo-locale `pipeline build --pseudo` builds.
PSEUDO_LOCALE = "en-XA"
#: The locales CLDR writes right to left, by Babel's identifier, as the Babel its first line names reports them.
RIGHT_TO_LEFT_TABLE = Path(__file__).resolve().parent / "data" / "cldr" / "right-to-left.txt"


@dataclass(frozen=True)
class LocaleInfo:
    """A locale as the pipeline uses it. What CLDR says of it is read when first asked for:
    validating the settings' locales does not load each one's CLDR data (a fifth of a second for five)."""

    code: str  # BCP 47, as written in settings and in `lang` attributes
    language: str  # the primary language subtag: "pt" for "pt-BR"
    pseudo: bool = False
    cldr_code: str = ""  # the code CLDR knows it by: the code itself, or a pseudo-locale's base language

    @property
    def gettext(self) -> str:
        """The code as gettext folders spell it: `pt_BR`."""
        return self.code.replace("-", "_")

    @functools.cached_property
    def direction(self) -> Literal["ltr", "rtl"]:
        """The direction the locale's script is written in."""
        locale, table = self._cldr(), right_to_left_locales()
        if table is None:
            return "rtl" if locale.text_direction == "rtl" else "ltr"
        return "rtl" if str(locale).partition("@")[0] in table else "ltr"

    @functools.cached_property
    def name(self) -> str:
        """The language's name in that language: "español"."""
        if self.pseudo:
            return PSEUDO_LOCALES[self.code][1]
        return self._cldr().get_display_name(self._cldr()) or self.code

    @functools.cached_property
    def plural_forms(self) -> str:
        """The gettext Plural-Forms header value."""
        from babel.messages.plurals import get_plural  # only catalog writers wait for Babel's catalog modules

        return get_plural(self._cldr()).plural_forms

    def _cldr(self) -> Locale:
        return Locale.parse(self.cldr_code or self.code, sep="-")


@functools.cache
def right_to_left_locales() -> frozenset[str] | None:
    """The shipped table of right-to-left locales; None when it was made with another Babel than this one."""
    lines = RIGHT_TO_LEFT_TABLE.read_text(encoding="utf-8").splitlines()
    if not lines or not lines[0].startswith(f"# Babel {babel.__version__} "):
        return None
    return frozenset(line for line in lines if line and not line.startswith("#"))


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
        base = parse_locale(PSEUDO_LOCALES[bcp47][0])
        return LocaleInfo(bcp47, base.language, pseudo=True, cldr_code=base.code)
    try:
        locale = Locale.parse(bcp47, sep="-")
    except (UnknownLocaleError, ValueError):
        raise ValueError(f"unknown locale {code!r}: CLDR (through Babel) does not know it") from None
    return LocaleInfo(code=bcp47, language=locale.language)


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
