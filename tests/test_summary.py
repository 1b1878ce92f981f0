"""One set of figures: the build's table, report.json, manifest.json and the HTML report agree on every number."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

from click.testing import CliRunner
from lxml import html

from pipeline.cli import cli
from pipeline.wording import VERDICT_WORDS

SEVERITIES = ("error", "warning", "info")
EMPTY_LINK = "\nSee [](https://example.org/more) for more.\n"


def run(root: Path, *args: str) -> str:
    return CliRunner().invoke(cli, ["-C", str(root), *args], catch_exceptions=False).output


def terminal_rows(output: str) -> dict[str, list[str]]:
    """The build's table: per locale its articles, left out, words translated, errors, warnings, infos."""
    lines = output.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("locale "))
    rows = {}
    for line in lines[start + 2:]:
        if not re.match(r"^[a-z]{2}\S*\s+\d", line):
            break
        locale, *values = line.split()
        rows[locale] = values
    return rows


def texts(tree, path: str) -> list[str]:
    return [" ".join(e.text_content().split()) for e in tree.xpath(path)]


def test_the_four_reports_give_the_same_figures(repo_copy):
    source = repo_copy / "source/restless-legs-leg-cramps.md"
    source.write_text(source.read_text() + EMPTY_LINK)  # an error on every page of one article
    output = run(repo_copy, "build")
    report = json.loads((repo_copy / "reports/report.json").read_text())
    manifest = json.loads((repo_copy / "dist/manifest.json").read_text())
    index = html.parse(str(repo_copy / "reports/html/index.html"))
    figures = report["figures"]
    totals = figures["totals"]

    # Counted from the findings themselves, and from the translators' own status command.
    found = Counter(f["severity"] for f in report["findings"] + report["accepted"])
    by_locale = Counter((f.get("locale"), f["severity"]) for f in report["findings"] + report["accepted"])
    status = {line.split()[0]: line.split()[-1] for line in run(repo_copy, "status").splitlines()
              if "(all articles)" in line}
    assert float(status["fr"]) < 80 and found["error"] > 0  # fr leaves one article out; one link has no text

    # The JSON report and the manifest.
    assert report["summary"]["findings"] == figures["findings"] == manifest["findings"] == {
        s: found[s] for s in ("error", "warning", "info")}
    assert manifest["totals"] == totals and manifest["locales"] == figures["cells"]

    # The terminal.
    rows = terminal_rows(output)
    assert set(rows) == set(totals)
    for locale, total in totals.items():
        published, left_out, words, errors, warnings, infos = rows[locale]
        assert (int(published), int(left_out)) == (total["published"], len(total["left_out"]))
        assert words == f"{total['coverage']:.1f}%" == f"{status.get(locale, '100.0')}%"
        assert [int(errors), int(warnings), int(infos)] == [total["findings"][s] for s in SEVERITIES] == [
            by_locale[(locale, s)] for s in ("error", "warning", "info")]

    # The HTML report: the counts, both charts and every cell of the matrix.
    counts = texts(index, "//p[@class='counts']/span")
    assert counts[:3] == [f"{found['error']} errors", f"{found['warning']} warnings", f"{found['info']} infos"]
    coverage_labels = texts(index, "(//svg)[1]/text")
    findings_labels = texts(index, "(//svg)[2]/text")
    for position, locale in enumerate(figures["locales"]):
        code, total = locale["code"], totals[locale["code"]]
        assert coverage_labels[position] == f"{locale['name']} ({code}): {total['coverage']:.1f}%"
        words = [f"{n} {s}{'s' if n != 1 else ''}" for s in SEVERITIES if (n := total["findings"][s])]
        assert findings_labels[position] == f"{code}: {', '.join(words) or 'none'}"
    matrix = index.xpath("//table[@class='matrix']/tbody/tr")
    assert len(matrix) == len(figures["articles"])
    for row, article in zip(matrix, figures["articles"]):
        for cell, locale in zip(row.xpath("td"), figures["locales"]):
            figures_cell = figures["cells"][locale["code"]][article["slug"]]
            text = " ".join(cell.text_content().split())
            assert text.startswith(f"{figures_cell['coverage']:.1f}% of words")
            readability = figures_cell["readability"]
            if readability and "score" in readability:
                assert f"{readability['score']} ({readability['target']}): {VERDICT_WORDS[readability['verdict']]}" in text
            a11y = figures_cell["findings"]["a11y"]
            errors = f"{a11y['error']} error{'s' if a11y['error'] != 1 else ''}"
            assert f"accessibility: {errors}," in text
        page = html.parse(str(repo_copy / "reports/html/articles" / f"{article['slug']}.html"))
        for line, locale in zip(page.xpath("(//table)[1]/tbody/tr"), figures["locales"]):
            figures_cell = figures["cells"][locale["code"]][article["slug"]]
            cells = [" ".join(td.text_content().split()) for td in line.xpath("td")]
            assert cells[0].startswith(f"{figures_cell['coverage']:.1f}%")
            assert int(cells[2]) == sum(sum(c.values()) for c in figures_cell["findings"].values())


def test_no_word_of_a_verdict_reads_as_a_severity():
    assert not {"error", "warning", "info"} & {word for words in VERDICT_WORDS.values() for word in words.split()}
