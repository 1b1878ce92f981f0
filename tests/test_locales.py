"""Locale codes through CLDR: what the shipped right-to-left table says is what Babel's data says."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import babel
import pytest
from babel import Locale, localedata
from babel.messages.plurals import get_plural

from pipeline import locales
from pipeline.locales import RIGHT_TO_LEFT_TABLE, parse_locale, right_to_left_locales

REPO = Path(__file__).resolve().parent.parent


def babels_right_to_left() -> list[str]:
    """Every locale Babel's own data writes right to left, by Babel's identifier."""
    return sorted(i for i in localedata.locale_identifiers() if Locale.parse(i).text_direction == "rtl")


def pinned_babel() -> str:
    """The Babel version the lock (requirements/test.txt) installs."""
    pins = (REPO / "requirements" / "test.txt").read_text(encoding="utf-8")
    return re.search(r"^babel==(\S+)", pins, re.MULTILINE).group(1)


def test_the_right_to_left_table_is_babels():
    """Made with the locked Babel, equal to its data for every locale it knows (PIPELINE_UPDATE_GOLDEN=1 rewrites
    it); with any other Babel (the newest releases' job) it is not read, and directions come from that Babel."""
    expected = babels_right_to_left()
    if os.environ.get("PIPELINE_UPDATE_GOLDEN"):
        head = RIGHT_TO_LEFT_TABLE.read_text(encoding="utf-8").splitlines()[:3]
        version = f"# Babel {babel.__version__} (CLDR {babel.core.get_cldr_version()}):"
        head[0] = version + head[0].split(":", 1)[1]
        RIGHT_TO_LEFT_TABLE.write_text("\n".join([*head, *expected]) + "\n", encoding="utf-8")
        right_to_left_locales.cache_clear()
    made_with = RIGHT_TO_LEFT_TABLE.read_text(encoding="utf-8").split(maxsplit=3)[2]
    assert made_with == pinned_babel(), f"{RIGHT_TO_LEFT_TABLE} was made with Babel {made_with}, the lock has " \
        f"{pinned_babel()}: PIPELINE_UPDATE_GOLDEN=1 with the locked Babel rewrites it"
    table = right_to_left_locales()
    if babel.__version__ != made_with:
        assert table is None
        return
    assert sorted(table) == expected


def test_every_locale_babel_knows_has_babels_direction():
    """Right to left where Babel says so; left to right otherwise (Mongolian's top to bottom included)."""
    wrong = [identifier for identifier in localedata.locale_identifiers()
             if parse_locale(identifier.replace("_", "-")).direction
             != ("rtl" if Locale.parse(identifier).text_direction == "rtl" else "ltr")]
    assert wrong == []


def test_with_another_babel_the_direction_comes_from_its_data(monkeypatch):
    monkeypatch.setattr(babel, "__version__", "0.0")
    right_to_left_locales.cache_clear()
    parse_locale.cache_clear()
    try:
        assert right_to_left_locales() is None
        assert [parse_locale(code).direction for code in ("ar", "he-IL", "az-Arab", "de", "sd-Deva")] == \
            ["rtl", "rtl", "rtl", "ltr", "ltr"]
    finally:
        monkeypatch.undo()
        right_to_left_locales.cache_clear()
        parse_locale.cache_clear()


def test_a_pseudo_locale_takes_its_base_languages_direction_and_plurals():
    pseudo, base = parse_locale("en-XA"), parse_locale("en")
    assert pseudo.pseudo and (pseudo.direction, pseudo.plural_forms) == (base.direction, base.plural_forms)
    assert pseudo.name == locales.PSEUDO_LOCALES["en-XA"][1]


def test_what_cldr_says_is_babels():
    info, locale = parse_locale("pt-BR"), Locale.parse("pt_BR")
    assert (info.code, info.language, info.gettext) == ("pt-BR", "pt", "pt_BR")
    assert (info.name, info.direction, info.plural_forms) == (
        locale.get_display_name(locale), "ltr", get_plural(locale).plural_forms)


#: Looks five locales up, asks their direction, then one name; prints whether CLDR data was loaded after each step.
PROBE = """
import sys
from babel import localedata
from pipeline.locales import parse_locale
infos = [parse_locale(code) for code in ("es", "de", "fr", "ar", "pt-BR")]
print(bool(localedata._cache))
print([info.direction for info in infos], bool(localedata._cache))
print(infos[0].name, bool(localedata._cache))
"""


def test_looking_codes_up_and_their_direction_loads_no_cldr_data():
    """Validating the settings' locales and laying pages out by direction read no locale's CLDR data (0.3 s for five)."""
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True)
    assert done.stdout.splitlines() == ["False", "['ltr', 'ltr', 'ltr', 'rtl', 'ltr'] False", "español True"]


def test_an_unknown_code_is_refused_at_once():
    with pytest.raises(ValueError, match="unknown locale 'xx-YY'"):
        parse_locale("xx-YY")
