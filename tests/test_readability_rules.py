"""Each readability rule against its fixture folder: `fail` cases find it, `pass` cases do not.

A folder is named after its rule. It holds `fail.md` / `pass.md` articles, or, for a rule
about translations, `source.md` and `fail.<locale>.po` / `pass.<locale>.po`.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any

import pytest

from pipeline.checks.readability import all_rules, check_readability
from pipeline.model import Finding
from pipeline.translate import source_edition

from .readability.helpers import FIXTURES, REPO, article_from, translated

RULES_DIR = FIXTURES / "rules"


def findings_for(case: Path) -> list[Finding]:
    """The findings of one fixture case, for the locale the case is in."""
    if case.suffix == ".po":
        article = article_from(case.parent / "source.md")
        source = source_edition(article)
        locale = case.suffixes[-2].lstrip(".")
        edition = translated(article, case, locale)
        report = check_readability([source, edition], {}, sources={article.slug: source})
        return [f for f in report.findings if f.locale == locale]
    return check_readability([source_edition(article_from(case))], {}).findings


def cases(kind: str) -> list[Any]:
    return [
        pytest.param(folder.name, case, id=f"{folder.name}-{case.name}")
        for folder in sorted(RULES_DIR.iterdir())
        for case in sorted(folder.glob(f"{kind}.*"))
    ]


def test_every_rule_has_a_fixture_folder_with_a_failing_case():
    ids = {rule.id for rule in all_rules()}
    folders = {p.name for p in RULES_DIR.iterdir() if p.is_dir()}
    assert ids == folders
    for rule_id in ids:
        assert list((RULES_DIR / rule_id).glob("fail.*")), rule_id


def test_rules_are_discovered_with_their_help_and_wcag():
    rules = {rule.id: rule for rule in all_rules()}
    assert {"long-sentence", "hard-sentence", "jargon", "passive-voice", "number-words",
            "acronym-before-definition", "too-little-text", "translation-harder", "above-target"} == set(rules)
    assert all(rule.help and not rule.help.endswith(":") for rule in rules.values())
    assert rules["above-target"].wcag == ("3.1.5",)
    assert rules["jargon"].wcag == ()


@pytest.mark.parametrize(("rule", "case"), cases("fail"))
def test_failing_case_is_found(rule: str, case: Path):
    found = [f for f in findings_for(case) if f.rule == rule]
    assert found, f"{rule} found nothing in {case.name}"
    assert all(f.check == "readability" and f.file and f.line for f in found)


@pytest.mark.parametrize(("rule", "case"), cases("pass"))
def test_passing_case_is_clean(rule: str, case: Path):
    assert [f.message for f in findings_for(case) if f.rule == rule] == []


JARGON_DIR = REPO / "pipeline" / "data" / "jargon"


@pytest.mark.parametrize("language", ["en", "es", "de", "fr", "ar"])
def test_each_language_ships_its_own_jargon_list_under_mit(language: str):
    from pipeline.checks.readability.rules.jargon import read_terms, word_list

    path = JARGON_DIR / f"{language}.csv"
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("#") and "MIT" in first
    terms = read_terms(path)
    assert len(terms) >= 20 and all(t.term and t.plain for t in terms)
    words = word_list(language)
    assert words.pattern is not None
    for term in terms:
        assert words.pattern.fullmatch(term.term), term.term  # every term finds itself
        assert not words.pattern.search(term.plain), (term.term, term.plain)  # and the plain words are plain
    assert "project's own" in (JARGON_DIR / "README.md").read_text(encoding="utf-8")


def test_the_english_list_covers_the_jargon_of_the_shipped_articles():
    from pipeline.checks.readability.rules.jargon import word_list

    words = word_list("en")
    assert words.pattern is not None
    for term in ("venous insufficiency", "sclerotherapy", "ablation", "dopamine pathways", "endo-venous laser ablation"):
        assert words.pattern.fullmatch(term), term


@pytest.mark.parametrize(("language", "text", "expected"), [
    ("en", "RLS (restless legs syndrome) is common. RLS starts at night.", []),
    ("en", "Restless legs syndrome (RLS) is common. RLS starts at night.", []),
    ("es", "Piernas inquietas (SPI) y calambres. El SPI es frecuente.", []),
    ("ar", "متلازمة تململ الساقين (RLS) شائعة. تبدأ RLS ليلا.", []),
    ("en", "Your CVI may get worse. Chronic venous insufficiency (CVI) is common.", ["CVI"]),
    ("en", "CVI (see above) is common.", ["CVI"]),
    ("en", "Your DNA and the NHS.", ["NHS"]),
])
def test_acronyms_count_as_spelled_out_in_any_language(language: str, text: str, expected: list[str]):
    acronyms = importlib.import_module("pipeline.checks.readability.rules.acronym-before-definition").acronyms

    first_uses: list[str] = []
    defined: set[str] = set()
    for acronym, spelled in acronyms(text):
        if spelled:
            defined.add(acronym)
        elif acronym not in defined and acronym not in first_uses:
            first_uses.append(acronym)
    assert first_uses == expected
