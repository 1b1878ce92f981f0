"""Each catalog rule fails on a slip a translator could make and passes on the right translation."""

import pytest

from pipeline.checks.catalogs import CheckContext, Entry, GlossaryTerm, all_rules, check_entries

GLOSSARY = CheckContext("en", (GlossaryTerm("varicose veins", ("venas varicosas",)),))


def findings(msgid, msgstr, *, locale="es", fuzzy=False, kind="paragraph", flags=(), allowed=()):
    entry = Entry(msgid, msgstr, fuzzy, 7, "locales/es/LC_MESSAGES/a.po", locale, "a", kind, frozenset(flags), frozenset(allowed))
    return {(f.rule, f.message) for f in check_entries([entry], GLOSSARY)}


def rule_ids(*args, **kwargs):
    return {rule for rule, _ in findings(*args, **kwargs)}


CASES = [
    # rule, source, slip, right translation, options
    ("inline-markdown", "See [the NHS page](https://www.nhs.uk/).", "Vea la página del NHS.", "Vea [la página del NHS](https://www.nhs.uk/).", {}),
    ("inline-markdown", "Cramps are *sudden*.", "Los calambres son repentinos.", "Los calambres son *repentinos*.", {}),
    ("urls", "[Our clinic](https://example.org/)", "[Nuestra clínica](https://example.org/es)", "[Nuestra clínica](https://example.org/)", {}),
    ("urls", "Visit https://example.org/a now.", "Visite https://example.org/b ahora.", "Visite https://example.org/a ahora.", {}),
    ("emails", "Write to help@example.org.", "Escriba a ayuda@example.org.", "Escriba a help@example.org.", {}),
    ("phone-numbers", "Call [816-396-0245](tel:+18163960245).", "Llame al [816-396-0254](tel:+18163960245).", "Llame al [816-396-0245](tel:+18163960245).", {}),
    ("bidi-controls", "Call 816-396-0245.", "Llame al \u202e816-396-0245\u202c.", "Llame al 816-396-0245.", {}),
    ("bidi-controls", "Call 816-396-0245.", "اتصل على \u2067816-396-0245\u2069.", "اتصل على 816-396-0245.", {"locale": "ar"}),
    ("numbers", "67% of patients improved.", "El 76 % de los pacientes mejoró.", "El 67 % de los pacientes mejoró.", {}),
    ("numbers", "sixty-seven percent of patients", "el setenta y seis por ciento de los pacientes", "el sesenta y siete por ciento de los pacientes", {}),
    ("numbers", "It costs 1,000.50 dollars.", "Es kostet 1.000,60 Dollar.", "Es kostet 1.000,50 Dollar.", {"locale": "de"}),
    ("numbers", "In 2 weeks.", "En 3 semanas.", "En dos semanas.", {}),
    ("untranslated", "Leg cramps", "", None, {}),
    ("fuzzy", "Leg cramps at night", "Calambres en las piernas", None, {"fuzzy": True}),
    ("same-as-source", "Managing Restless Leg Syndrome", "Managing Restless Leg Syndrome", "Tratamiento del síndrome", {}),
    ("end-punctuation", "Is it serious?", "¿Es grave.", "¿Es grave?", {}),
    ("end-punctuation", "It is rare.[1]", "Es raro[1]", "Es raro.[1]", {}),
    ("whitespace", "Leg cramps", "Calambres en las piernas ", "Calambres en las piernas", {}),
    ("doubled-words", "the cause of the cramps", "la causa de de los calambres", "la causa de los calambres", {}),
    ("length", "Low iron levels in the blood have been linked to RLS.", "Hierro.", "Los niveles bajos de hierro en la sangre se han relacionado con el SPI.", {}),
    ("glossary", "Varicose veins hurt.", "Las várices duelen.", "Las venas varicosas duelen.", {}),
    ("references", "Stretch first.[^1]", "Estire primero.", "Estire primero.[^1]", {}),
    ("references", "Stretch first.[^1]", "Estire primero.[^nota]", "Estire primero.[^1]", {}),
    ("references", "One study showed it.[2]", "Un estudio lo mostró.", "Un estudio lo mostró.[2]", {}),
    ("inline-html", "Water is H<sub>2</sub>O.", "El agua es H<b>2</b>O.", "El agua es H<sub>2</sub>O.", {}),
    ("inline-html", "Water is H<sub>2</sub>O.", "El agua es H2O.", "El agua es H<sub>2</sub>O.", {}),
    ("inline-html", "Cramps hurt.", "Duelen <!-- revisar -->.", "Duelen.", {}),
    ("placeholders", "Shown in %(language)s.", "Mostrado en %(idioma)s.", "Mostrado en %(language)s.", {"flags": ["python-format"]}),
]


@pytest.mark.parametrize("rule, source, slip, right, options", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_each_rule_fails_on_the_slip_and_passes_on_the_right_translation(rule, source, slip, right, options):
    assert rule in rule_ids(source, slip, **options)
    if right is not None:
        assert rule not in rule_ids(source, right, **{k: v for k, v in options.items() if k != "fuzzy"})


def test_every_rule_has_a_case_and_documentation():
    tested = {case[0] for case in CASES}
    for rule in all_rules():
        assert rule.id in tested, f"rule {rule.id} has no test case"
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
