"""Each catalog rule against its fixture folder, as the other checks' rules are tested.

A folder is named after its rule: `fail.<locale>.po` holds slips a translator could make, each
entry one that breaks the rule; `pass.<locale>.po` the right translations, which keep it. They
are real PO files, read as `pipeline check catalogs` reads a translator's file.
"""

from pathlib import Path

import pytest

from pipeline.catalogs import CatalogTree, read_catalog
from pipeline.checks.catalogs import CheckContext, Entry, GlossaryTerm, all_rules, check_entries, load_glossary
from pipeline.model import Finding
from pipeline.workflow import catalog_findings

GLOSSARY = CheckContext("en", (GlossaryTerm("varicose veins", ("venas varicosas",)),))


def findings(msgid, msgstr, *, locale="es", fuzzy=False, kind="paragraph", flags=(), allowed=()):
    entry = Entry(msgid, msgstr, fuzzy, 7, "locales/es/LC_MESSAGES/a.po", locale, "a", kind, frozenset(flags), frozenset(allowed))
    return {(f.rule, f.message) for f in check_entries([entry], GLOSSARY)}


def rule_ids(*args, **kwargs):
    return {rule for rule, _ in findings(*args, **kwargs)}


FIXTURES = Path(__file__).parent / "catalogs" / "rules"


def fixture_findings(case: Path) -> list[Finding]:
    """The catalog rules' findings on a fixture PO, read as `check catalogs` reads a translator's file
    (a `glossary.csv` beside it is the locale's glossary)."""
    locale = case.suffixes[-2].lstrip(".")
    tree = CatalogTree(case.parent, case.parent)
    catalog = read_catalog(case, tree, locale)
    context = CheckContext("en", load_glossary(case.parent / "glossary.csv", "glossary.csv"))
    return catalog_findings(catalog, case.name, locale, {}, {m.msgid for m in catalog}, context, ())


def cases(kind: str) -> list:
    return [pytest.param(folder.name, case, id=f"{folder.name}-{case.name}")
            for folder in sorted(FIXTURES.iterdir()) for case in sorted(folder.glob(f"{kind}.*.po"))]


@pytest.mark.parametrize(("rule", "case"), cases("fail"))
def test_each_entry_of_a_failing_case_breaks_its_rule(rule: str, case: Path):
    entries = [m.line for m in read_catalog(case, CatalogTree(case.parent, case.parent)) if m.msgid]
    found = {f.line for f in fixture_findings(case) if f.rule == rule}
    assert found == set(entries), f"{rule} not found at lines {sorted(set(entries) - found)} of {case.name}"


@pytest.mark.parametrize(("rule", "case"), cases("pass"))
def test_a_passing_case_keeps_its_rule(rule: str, case: Path):
    assert [f.message for f in fixture_findings(case) if f.rule == rule] == []


def test_every_rule_has_a_fixture_folder_with_a_failing_case_and_documentation():
    folders = {p.name for p in FIXTURES.iterdir() if p.is_dir()}
    assert {rule.id for rule in all_rules()} == folders
    for rule in all_rules():
        assert list((FIXTURES / rule.id).glob("fail.*.po")), rule.id
        assert rule.severity in ("error", "warning", "info") and rule.help.endswith(".")


def test_locale_number_formatting_is_not_a_change():
    for locale, translation in (("de", "67 % der Patienten"), ("fr", "67 % des patients"), ("ar", "67٪ من المرضى"), ("ar", "٦٧٪ من المرضى")):
        assert "numbers" not in rule_ids("67% of patients", translation, locale=locale)


def test_references_are_exempt_from_same_as_source_and_glossary():
    citation = "Hirai M. Prevalence of cramps in patients with varicose veins. Vasa 2000."
    assert rule_ids(citation, citation, kind="reference") == set()


def test_a_translator_comment_allows_one_rule_on_one_entry():
    assert "same-as-source" not in rule_ids("Conclusion", "Conclusion", locale="fr", allowed={"same-as-source"})
    assert "same-as-source" in rule_ids("Conclusion", "Conclusion", locale="fr")


def test_weblate_flags_allow_a_rule_on_one_entry_by_weblates_name_or_ours():
    from pipeline.checks.catalogs import allowed_rules

    assert allowed_rules([], ["fuzzy", "ignore-same", "ignore-end-stop", "ignore-numbers"]) == {
        "same-as-source", "end-punctuation", "numbers"}
    assert allowed_rules(["allow: urls, emails"], []) == {"urls", "emails"}


def test_a_changed_phone_number_is_one_finding_naming_the_text_and_the_link():
    found = findings("Call [816-396-0245](tel:+18163960245).", "Llame al [816-396-0254](tel:+18163960254).")
    assert found == {("phone-numbers", "the phone number 816-396-0245 / tel:+18163960245 of the source is missing or "
                                       "changed (the translation has 816-396-0254 / tel:+18163960254)")}


def test_bidi_controls_the_source_has_are_not_a_finding():
    assert "bidi-controls" not in rule_ids("Say \u2067שלום\u2069 twice.", "Diga \u2067שלום\u2069 dos veces.")


def test_findings_name_the_po_file_line_and_locale():
    entry = Entry("In 2 weeks.", "En 3 semanas.", False, 41, "locales/es/LC_MESSAGES/a.po", "es", "a")
    found = check_entries([entry], CheckContext())
    assert {(f.rule, f.file, f.line, f.locale, f.article, f.check, f.severity) for f in found} == {
        ("numbers", "locales/es/LC_MESSAGES/a.po", 41, "es", "a", "catalogs", "error")}
    assert [f.message for f in found] == ["the number 2 of the source is missing or changed", "the number 3 is not in the source"]
