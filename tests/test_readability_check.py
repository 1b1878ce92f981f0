"""`check_readability` end to end: shipped articles in every locale, findings at the right lines."""

from __future__ import annotations

import json
import re

import pytest

from pipeline.checks.readability import ReadabilityTarget, check_readability, default_target, format_table
from pipeline.model import ReadabilityTarget as SettingsTarget
from pipeline.model import Report
from pipeline.config import load_settings
from pipeline.errors import ConfigError
from pipeline.sources import load_articles
from pipeline.translate import localize, source_edition

from .readability.helpers import FIXTURES, REPO, article_from, article_text, translated, translations

NEW_ARTICLE = FIXTURES / "new-article.md"

#: The formula each language is scored with, and the range the shipped articles fall in.
EXPECTED = {
    "en": ("smog", 12.0, 17.0),
    "es": ("szigriszt_pazos", 40.0, 70.0),
    "de": ("wiener_sachtextformel", 9.0, 16.0),
    "fr": ("flesch_kandel_moles", 45.0, 85.0),
    "ar": ("osman", 50.0, 85.0),
}


@pytest.fixture(scope="module")
def shipped():
    """The shipped articles in the source locale and every configured locale, from their catalogs."""
    settings = load_settings(REPO)
    articles = load_articles(REPO / "source", REPO, settings.source_locale)
    editions, sources = [], {}
    for article in articles:
        sources[article.slug] = source_edition(article)
        editions.append(sources[article.slug])
        for locale in settings.locales:
            po = REPO / "locales" / locale / "LC_MESSAGES" / f"{article.slug}.po"
            rel = po.relative_to(REPO).as_posix()
            editions.append(localize(article, locale, translations(po), rel))
    return settings, editions, check_readability(editions, settings.readability, sources=sources)


def test_shipped_articles_get_scores_in_every_locale_with_their_own_formulas(shipped):
    settings, editions, report = shipped
    assert {(r.article, r.locale) for r in report.results} == {(e.article.slug, e.locale) for e in editions}
    assert {r.locale for r in report.results} == set(settings.all_locales)
    for result in report.results:
        formula, low, high = EXPECTED[result.locale]
        assert result.formula == formula, result
        assert result.verdict != "not scored"
        assert low <= result.score <= high, (result.article, result.locale, result.score)
        assert result.sentences > 0 and result.words > 0


def test_the_shipped_english_articles_read_far_above_the_guidance(shipped):
    _, _, report = shipped
    english = {r.article: r for r in report.results if r.locale == "en"}
    cause, cramps = english["restless-leg-syndrome-cause"], english["restless-legs-leg-cramps"]
    assert cause.metrics["smog"] == pytest.approx(15.0, abs=0.1)
    assert cause.metrics["flesch_kincaid_grade"] == pytest.approx(13.6, abs=0.1)
    assert cramps.metrics["smog"] == pytest.approx(13.4, abs=0.1)
    assert cramps.metrics["flesch_kincaid_grade"] == pytest.approx(11.9, abs=0.1)
    assert cause.grade == cause.score and cause.above_lower_secondary and cause.verdict == "error"


def test_translation_findings_point_at_their_po_entries(shipped):
    _, _, report = shipped
    for finding in report.findings:
        if finding.locale != "en":
            assert finding.file == f"locales/{finding.locale}/LC_MESSAGES/{finding.article}.po"
            lines = (REPO / finding.file).read_text(encoding="utf-8").splitlines()
            assert lines[finding.line - 1].startswith("msgid "), finding


def test_new_english_article_gets_a_finding_for_each_problem_at_its_line():
    report = check_readability([source_edition(article_from(NEW_ARTICLE, "source/new-article.md"))], {})
    found = {(f.rule, f.line) for f in report.findings if f.severity != "info"}
    assert found == {("long-sentence", 10), ("jargon", 12), ("number-words", 14), ("passive-voice", 16)}
    messages = {f.rule: f.message for f in report.findings}
    assert "50 words" in messages["long-sentence"]
    assert "'sclerotherapy'" in messages["jargon"] and "injection" in messages["jargon"]
    assert "'67%'" in messages["number-words"]
    assert "'is closed'" in messages["passive-voice"]
    assert all(f.file == "source/new-article.md" and f.check == "readability" for f in report.findings)


def test_nothing_is_reported_from_a_code_block():
    lines = NEW_ARTICLE.read_text(encoding="utf-8").splitlines()
    fence = [n for n, line in enumerate(lines, start=1) if line.startswith("```")]
    report = check_readability([source_edition(article_from(NEW_ARTICLE))], {})
    assert len(fence) == 2
    assert not [f for f in report.findings if fence[0] <= (f.line or 0) <= fence[1]]
    assert report.results[0].sentences == 14  # the code block's two sentences are not counted


def test_fail_on_warning_fails_when_warnings_exist():
    findings = check_readability([source_edition(article_from(NEW_ARTICLE))], {}).findings
    assert Report(findings, fail_on="warning").return_code == 1
    assert Report(findings, fail_on="error").return_code == 0  # readability findings are warnings by default


def test_an_article_past_its_error_level_is_a_warning_naming_wcag_3_1_5(shipped):
    """Readability is advice for editors: past the error level the verdict says so, the finding stays a warning."""
    _, _, report = shipped
    above = [f for f in report.findings if f.rule == "above-target" and f.locale == "en"]
    assert {f.severity for f in above} == {"warning"} and len(above) == 2
    assert all(f.wcag == ("3.1.5",) for f in above)
    assert all("error level" in f.message for f in above)
    assert {r.verdict for r in report.results if r.locale == "en"} == {"error"}
    assert Report(report.findings).return_code == 0 and Report(report.findings, fail_on="warning").return_code == 1
    jargon = [f for f in report.findings if f.rule == "jargon"]
    assert jargon and all(f.wcag == () for f in jargon)


def test_fallback_units_are_left_out_of_a_translations_score(tmp_path):
    article = article_from(FIXTURES / "rules" / "translation-harder" / "source.md")
    everything = translations(FIXTURES / "rules" / "translation-harder" / "pass.es.po")
    first = next(k for k in everything if k.startswith("Leg cramps are common"))
    partial = localize(article, "es", {first: everything[first]}, "pass.es.po")
    report = check_readability([partial], {})
    result = report.results[0]
    assert (result.words, result.sentences) == (34, 5)  # the one translated paragraph
    assert all(f.file == "pass.es.po" for f in report.findings)


def test_a_locale_without_a_formula_is_reported_as_not_scored_not_zero():
    edition = localize(article_from(NEW_ARTICLE), "pt-BR", {}, "locales/pt_BR/LC_MESSAGES/new-article.po")
    report = check_readability([edition], {})
    result = report.results[0]
    assert result.score is None and result.verdict == "not scored" and result.metrics == {}
    assert "no readability formula" in result.reason
    [finding] = report.findings
    assert (finding.rule, finding.severity, finding.outcome) == ("not-scored", "info", "inapplicable")
    assert Report(report.findings, fail_on="info").return_code == 0
    assert report.to_json()["results"][0]["score"] is None


def test_a_translation_with_nothing_translated_is_not_scored():
    edition = localize(article_from(NEW_ARTICLE), "es", {}, "locales/es/LC_MESSAGES/new-article.po")
    result = check_readability([edition], {}).results[0]
    assert result.verdict == "not scored" and result.reason == "no translated prose"


def test_targets_come_from_settings_per_locale_or_language():
    edition = source_edition(article_from(REPO / "source" / "restless-legs-leg-cramps.md"))
    lenient = check_readability([edition], {"en": SettingsTarget(14, 16)}).results[0]
    assert lenient.verdict == "ok" and lenient.target == SettingsTarget(14, 16)
    strict = check_readability([edition], {"en": ReadabilityTarget(8, 10)}).results[0]
    assert strict.verdict == "error"
    spanish = translated(article_from(FIXTURES / "rules" / "translation-harder" / "source.md"),
                         FIXTURES / "rules" / "translation-harder" / "pass.es.po", "es-MX")
    mexican = check_readability([spanish], {"es": ReadabilityTarget(95, 90)}).results[0]
    assert mexican.target == ReadabilityTarget(95, 90) and mexican.verdict == "warning"


def test_a_target_against_its_formulas_direction_is_a_config_error():
    edition = source_edition(article_from(NEW_ARTICLE))
    with pytest.raises(ConfigError, match=r"readability\.en: SMOG grade is a school grade"):
        check_readability([edition], {"en": ReadabilityTarget(10, 8)})


def test_default_targets_follow_the_guidance():
    assert default_target("en") == ReadabilityTarget(8, 10)
    assert default_target("en-GB") == ReadabilityTarget(8, 10)
    assert default_target("de") == ReadabilityTarget(8, 10)
    assert default_target("es") == ReadabilityTarget(55, 40)
    assert default_target("fr") == ReadabilityTarget(60, 50)
    assert default_target("ar") == ReadabilityTarget(60, 50)
    assert default_target("pt-BR") is None and default_target("en-XA") is None


def test_json_report_has_the_documented_shape(shipped):
    _, _, report = shipped
    data = json.loads(json.dumps(report.to_json()))
    assert set(data) == {"results", "findings"}
    for result in data["results"]:
        assert {"article", "locale", "words", "sentences", "metrics"} <= set(result)
        assert all(isinstance(v, float) for v in result["metrics"].values())
    for finding in data["findings"]:
        assert {"rule", "severity", "message", "file", "line", "locale", "article"} <= set(finding)
    keys = [(f["file"], f["line"]) for f in data["findings"]]
    assert keys == sorted(keys)


def test_terminal_table_shows_score_target_and_verdict_per_article_and_locale(shipped):
    _, _, report = shipped
    table = format_table(report)
    header, rule, *rows = table.splitlines()
    assert re.split(r"\s{2,}", header) == [
        "article", "locale", "words", "sentences", "formula", "score", "target (warn / error)", "verdict"]
    cause_en = next(line for line in rows if line.startswith("restless-leg-syndrome-cause  en "))
    assert "SMOG grade" in cause_en and "15.0" in cause_en and "> 8 / > 10" in cause_en
    assert cause_en.endswith("too hard")  # past the error level, in words that do not read as a severity
    assert any("< 55 / < 40" in line for line in rows)


def test_the_command_lists_each_finding_with_its_place_rule_sentence_and_advice(repo_copy):
    from click.testing import CliRunner

    from pipeline.cli import cli

    output = CliRunner().invoke(cli, ["-C", str(repo_copy), "check", "readability", "-l", "en"]).output
    findings = output.split("\n\n")[1].splitlines()
    assert re.split(r"\s{2,}", findings[0]) == ["where", "severity", "rule", "locale", "quote", "message"]
    hard = [line for line in findings if " hard-sentence " in line and "source/restless-leg-syndrome-cause.md:13 " in line]
    assert len(hard) == 2 and hard[0] != hard[1]  # two sentences of one paragraph, each quoted
    assert "“Dopamine is a chemical messenger" in "".join(hard) and "use shorter, everyday words" in hard[0]
    counts = output.rstrip().splitlines()[-1]
    warnings = sum(1 for line in findings[2:] if "  warning  " in line)
    infos = sum(1 for line in findings[2:] if "  info  " in line)
    assert counts == f"{warnings} warnings, {infos} info" and infos == 1  # the plural from ngettext
    data = json.loads(CliRunner().invoke(cli, ["-C", str(repo_copy), "check", "readability", "-l", "en",
                                               "--format", "json"]).output)
    quotes = [f["quote"] for f in data["findings"] if f["rule"] == "hard-sentence"]
    assert any(q.startswith("Dopamine is a chemical messenger") for q in quotes)


def test_same_text_is_not_counted_twice(tmp_path):
    from pipeline.checks.readability.formulas import count_sentence

    edition = source_edition(article_from(NEW_ARTICLE))
    check_readability([edition], {})
    before = count_sentence.cache_info()
    check_readability([edition, edition], {})
    after = count_sentence.cache_info()
    assert after.misses == before.misses and after.hits > before.hits


def test_scoring_many_pages_is_fast(tmp_path):
    import time

    pool = (NEW_ARTICLE.read_text(encoding="utf-8").split("# Treating varicose veins")[1]).split("```")[0]
    sentences = [s.strip() + "." for s in pool.replace("\n", " ").split(".") if s.strip()]
    editions = []
    for n in range(150):
        body = " ".join(f"{s[:-1]} on day {n * 7 + i}." for i, s in enumerate(sentences))
        article = article_text(tmp_path, f"---\ntitle: Page {n}\n---\n{body}\n", f"page-{n}.md")
        editions.append(source_edition(article))
    check_readability(editions[:1], {})  # the dictionary loads once per process
    started = time.process_time()  # CPU time: a busy machine does not count
    report = check_readability(editions, {})
    elapsed = time.process_time() - started
    assert len(report.results) == 150
    assert elapsed < 150 * 0.03, f"{elapsed / 150 * 1000:.1f} ms per page"


def test_a_translation_compared_with_its_sources_result_from_before_finds_what_scoring_the_source_finds(monkeypatch):
    """A build that has its source's result cached does not read and score the source again for a translation."""
    from pipeline.checks.readability import check

    folder = FIXTURES / "rules" / "translation-harder"
    article = article_from(folder / "source.md")
    source, spanish = source_edition(article), translated(article, folder / "fail.es.po", "es")
    both = check_readability([source, spanish], {}, sources={article.slug: source})
    assert "translation-harder" in {f.rule for f in both.findings if f.locale == "es"}
    scored = []
    original = check.score_edition
    monkeypatch.setattr(check, "score_edition", lambda edition, targets: scored.append(edition) or original(edition, targets))
    [before] = [r for r in both.results if r.locale == source.locale]
    alone = check_readability([spanish], {}, sources={article.slug: source}, source_results={article.slug: before})
    assert scored == [spanish]
    assert alone.findings == [f for f in both.findings if f.locale == "es"]
    assert alone.results == [r for r in both.results if r.locale == "es"]
