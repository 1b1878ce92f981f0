"""Reports: findings lead back to what a person edits; JSON, SARIF and HTML for CI and people."""

import json
from pathlib import Path

from click.testing import CliRunner

from pipeline.checks.a11y import check_paths
from pipeline.cli import cli

from .axe import run_axe

EMPTY_LINK = "\nSee [](https://example.org/more) for more.\n"


def build_in(root: Path, *args: str, env: dict | None = None):
    return CliRunner().invoke(cli, ["-C", str(root), "build", *args], env=env, catch_exceptions=False)


def line_of(path: Path, fragment: str) -> int:
    return next(n for n, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if fragment in text)


def test_the_shipped_content_builds_clean_and_writes_every_report(repo_copy):
    result = build_in(repo_copy)
    assert result.exit_code == 0, result.output
    assert "reports: reports/report.json, reports/report.sarif, reports/html/index.html" in result.output
    report = json.loads((repo_copy / "reports/report.json").read_text())
    assert report["schema_version"] == 1 and report["summary"]["exit_code"] == 0
    assert report["figures"]["cells"]["fr"]["restless-legs-leg-cramps"]["published"] is False
    sarif = json.loads((repo_copy / "reports/report.sarif").read_text())
    assert sarif["version"] == "2.1.0"
    driver = sarif["runs"][0]["tool"]["driver"]
    assert all({"id", "shortDescription"} <= set(rule) for rule in driver["rules"])
    assert any(rule.get("helpUri", "").startswith("https://www.w3.org/WAI/WCAG22/Understanding/") for rule in driver["rules"])
    for found in sarif["runs"][0]["results"]:
        for location in found.get("locations", []):
            uri = location["physicalLocation"]["artifactLocation"]["uri"]
            assert not uri.startswith("/") and not uri.startswith(str(repo_copy))


def test_a_link_with_no_text_in_a_source_article_fails_the_build_at_its_markdown_line(repo_copy):
    source = repo_copy / "source/restless-legs-leg-cramps.md"
    source.write_text(source.read_text() + EMPTY_LINK)
    line = line_of(source, "See [](https://example.org/more)")
    summary = repo_copy / "summary.md"
    result = build_in(repo_copy, env={"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary)})
    assert result.exit_code == 1
    annotation = f"::error file=source/restless-legs-leg-cramps.md,line={line},title=link-name::"
    assert annotation in result.output
    sarif = json.loads((repo_copy / "reports/report.sarif").read_text())
    [english] = [r for r in sarif["runs"][0]["results"]
                 if r["ruleId"] == "link-name" and r["properties"]["locale"] == "en"]
    place = english["locations"][0]["physicalLocation"]
    assert (place["artifactLocation"]["uri"], place["region"]["startLine"]) == ("source/restless-legs-leg-cramps.md", line)
    built = english["relatedLocations"][0]
    assert built["physicalLocation"]["artifactLocation"]["uri"] == "dist/en/restless-legs-leg-cramps/index.html"
    assert built["message"]["text"].startswith("element ")
    assert "## pipeline build" in summary.read_text()


def test_a_finding_in_a_translation_points_at_its_po_entry(repo_copy):
    po = repo_copy / "locales/es/LC_MESSAGES/restless-leg-syndrome-cause.po"
    lines = po.read_text().splitlines(keepends=True)
    target = line_of(po, "msgstr \"Si tiene síntomas")
    lines[target - 1] = lines[target - 1].replace("[TrufflesVeinSpecialists.com](", "[](")
    po.write_text("".join(lines))
    msgid_line = target - 1
    result = build_in(repo_copy, "--locale", "es")
    assert result.exit_code == 1
    report = json.loads((repo_copy / "reports/report.json").read_text())
    [finding] = [f for f in report["findings"] if f["rule"] == "link-name"]
    assert (finding["file"], finding["line"], finding["locale"]) == (
        "locales/es/LC_MESSAGES/restless-leg-syndrome-cause.po", msgid_line, "es")
    assert finding["related"][0]["file"] == "dist/es/restless-leg-syndrome-cause/index.html"


def test_template_chrome_findings_point_at_the_template(repo_copy):
    """A finding outside any unit belongs to the template that wrote it."""
    from pipeline.checks.a11y import PageContext, check_html

    html = "<!DOCTYPE html><html lang='en'><head><title>T</title></head><body><header><a href='/x'></a></header><main><h1>T</h1></main></body></html>"
    context = PageContext(locale="en", templates=("pipeline/templates/article.html", "pipeline/templates/base.html"))
    [finding] = [f for f in check_html(html, "dist/en/a/index.html", context=context) if f.rule == "link-name"]
    assert finding.file == "pipeline/templates/base.html" and finding.related[0].file == "dist/en/a/index.html"


def test_a_baseline_accepts_todays_findings_and_fails_only_on_new_ones(repo_copy):
    source = repo_copy / "source/restless-legs-leg-cramps.md"
    source.write_text(source.read_text() + EMPTY_LINK)
    accepted = build_in(repo_copy, "--update-baseline")
    assert accepted.exit_code == 0 and (repo_copy / "reports/baseline.json").exists()
    assert build_in(repo_copy).exit_code == 0
    source.write_text(source.read_text() + "\nAnd [](https://example.org/other) too.\n")
    result = build_in(repo_copy)
    assert result.exit_code == 1
    report = json.loads((repo_copy / "reports/report.json").read_text())
    assert {f["message"] for f in report["findings"] if f["rule"] == "link-name"} == {
        "the link to 'https://example.org/other' has no text: give it words that say where it goes"}
    assert report["summary"]["accepted_by_baseline"] >= 4


def test_the_html_report_shows_its_charts_and_passes_both_accessibility_checkers(repo_copy):
    build_in(repo_copy)
    folder = repo_copy / "reports/html"
    index = (folder / "index.html").read_text()
    assert index.count("<svg") == 2 and "<script" not in index and "http" not in index.split("<body>")[0]
    pages = sorted(folder.rglob("*.html"))
    assert len(pages) == 3
    assert check_paths([folder], repo_copy) == []
    results = run_axe(pages)
    assert {str(p): sorted(r.violations) for p, r in results.items() if r.violations} == {}


def test_reading_level_points_at_the_markdown_line_where_the_text_starts(repo_copy):
    build_in(repo_copy)
    report = json.loads((repo_copy / "reports/report.json").read_text())
    en = [f for f in report["findings"] if f["locale"] == "en" and f["article"] == "restless-legs-leg-cramps"]
    [level] = [f for f in en if f["rule"] == "reading-level"]
    [target] = [f for f in en if f["rule"] == "above-target"]
    assert level["file"] == "source/restless-legs-leg-cramps.md" and level["line"] == target["line"]
    assert level["related"][0]["file"] == "dist/en/restless-legs-leg-cramps/index.html"


def test_a_build_with_nothing_to_do_says_only_that(repo_copy):
    assert build_in(repo_copy).exit_code == 0
    again = build_in(repo_copy)
    assert again.exit_code == 0
    assert again.output == "nothing changed since the last build: dist/ and reports/ are as it left them\n"


def test_updating_the_baseline_accepts_every_finding_in_the_reports_and_exits_0(repo_copy):
    source = repo_copy / "source/restless-legs-leg-cramps.md"
    source.write_text(source.read_text() + EMPTY_LINK)
    failing = build_in(repo_copy, "--no-cache")
    report = json.loads((repo_copy / "reports/report.json").read_text())
    assert failing.exit_code == report["summary"]["exit_code"] == 1
    accepted = build_in(repo_copy, "--update-baseline")
    report = json.loads((repo_copy / "reports/report.json").read_text())
    assert accepted.exit_code == report["summary"]["exit_code"] == 0
    assert report["findings"] == [] and report["summary"]["accepted_by_baseline"] == len(report["accepted"]) > 0
    assert f"accepted {len(report['accepted'])} findings in reports/baseline.json" in accepted.output
    sarif = json.loads((repo_copy / "reports/report.sarif").read_text())
    assert {r["baselineState"] for r in sarif["runs"][0]["results"]} == {"unchanged"}
    check = CliRunner().invoke(cli, ["-C", str(repo_copy), "check", "readability", "--format", "sarif", "--fail-on", "info"])
    assert check.exit_code == 0  # the baseline is a stage of the checks too: the build accepted these
    assert {r["baselineState"] for r in json.loads(check.output)["runs"][0]["results"]} == {"unchanged"}


def test_a_baseline_written_before_a_rule_was_renamed_still_accepts_its_findings(tmp_path):
    from dataclasses import replace

    from pipeline.checks.a11y import check_html
    from pipeline.model import Report
    from pipeline.reports.baseline import apply_baseline, write_baseline

    page = ('<!DOCTYPE html><html lang="en"><head><title>T</title></head><body><main><h1>T</h1>'
            '<p><input name="q"> <input name="r"></p></main></body></html>')
    today = [f for f in check_html(page, "p.html") if f.rule == "label"]
    assert len(today) == 2
    baseline = tmp_path / "baseline.json"
    write_baseline([replace(today[0], rule="form-field-name")], baseline)  # as the old version wrote it
    report = apply_baseline(Report(today), baseline)
    assert report.accepted == [today[0]] and report.findings == [today[1]]


def test_a_findings_sarif_result_made_in_two_parts_is_the_encoding_of_the_whole_result():
    """A job keeps each SARIF result around its baselineState; joined, it is the whole object as json encodes it."""
    from pipeline.model import Finding, Location
    from pipeline.reports import finding_lines, lines_of_blocks, report_blocks

    finding = Finding("image-alt", "error", 'An image has no "alt" text', file="locales/es/LC_MESSAGES/a.po", line=3,
                      locale="es", article="a", check="a11y", selector="img", quote="Beba agua — ¿sí?",
                      related=(Location("dist/es/a/index.html", selector="main > img"), Location("x.md", line=2)))
    bare = Finding("no-base-url", "warning", "base_url is not set")
    made = [finding_lines(each) for each in (finding, bare)]
    for lines in (*made, *lines_of_blocks(report_blocks(made), 2)):  # as made, and as read back from a job's blocks
        for state in ("new", "unchanged"):
            result = json.loads(lines.sarif(state))
            assert result["baselineState"] == state
            assert list(result)[:5] == ["ruleId", "level", "message", "baselineState", "partialFingerprints"]
            assert lines.sarif(state) == json.JSONEncoder(ensure_ascii=False).encode(result).encode()
        record = json.loads(bytes(lines.json))
        assert bytes(lines.json) == json.dumps(record, ensure_ascii=False, sort_keys=True).encode()
        assert record["fingerprint"] == result["partialFingerprints"]["pipeline/v1"]
    assert lines_of_blocks(report_blocks([]), 0) == [] and lines_of_blocks(report_blocks(made), 3) is None
