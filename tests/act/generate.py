"""Build the ACT test-case corpus from the rule pages kept in `tests/act/source/`.

    python -m tests.act.generate          # rewrite tests/act/cases/ and tests/act/testcases.json

Each source file holds the test cases of one W3C ACT rule as its published page writes them:
"#### Passed Example 1" headings, a `testcase: <id>.<ext>` line (the file name W3C publishes
the case under) and one fenced code block. Each case becomes one file,
`cases/<act-id>/<outcome>-<n>.<ext>`, wrapped in a page the way the ACT tools wrap an HTML
snippet (act-rules/act-tools, `add-code-template.ts`), and one entry of `testcases.json`
with the expected outcome and the ids of our rules that implement the ACT rule (from the
`ACT` metadata of the rule modules, as axe-core keeps `actIds`).
"""

from __future__ import annotations

import json
import re
import shutil
import sys
from dataclasses import asdict, dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCE = HERE / "source"
CASES = HERE / "cases"
INDEX = HERE / "testcases.json"

_HEADING = re.compile(r"^#### (Passed|Failed|Inapplicable) Example (\d+)\s*$")
_TESTCASE = re.compile(r"^testcase: ([0-9a-f]{40})\.(\w+)\s*$")
_FENCE = re.compile(r"^```(\w*)\s*$")
_FRONT = re.compile(r"^(\w+): (.*)$")
#: Signs that a case needs what a checker of HTML alone does not have: files the page loads (images,
#: media, scripts, framed pages), other pages its links lead to, or running its scripts.
NEEDS = {
    "external file": re.compile(r"""\s(?:src|data)\s*=\s*["']?[^"'#\s>]""", re.I),
    "linked page": re.compile(r"""href\s*=\s*["'](?:/test-assets/[^"']*\.html|[^"'#:]+\.html?)""", re.I),
    "script": re.compile(r"<script\b|\son[a-z]+\s*=", re.I),
}


@dataclass(frozen=True)
class TestCase:
    """One ACT test case, as the index lists it."""

    file: str
    act_rule: str
    act_rule_name: str
    testcase_id: str
    title: str
    expected: str
    rules: list[str]
    needs: list[str]


def parse_source(path: Path) -> tuple[dict[str, str], list[tuple[str, int, str, str, str]]]:
    """The front matter and the (outcome, number, testcase id, extension, code) of each example."""
    lines = path.read_text(encoding="utf-8").split("\n")
    meta: dict[str, str] = {}
    if lines[0] == "---":
        end = lines.index("---", 1)
        for line in lines[1:end]:
            match = _FRONT.match(line)
            if match:
                meta[match.group(1)] = match.group(2)
        lines = lines[end + 1:]
    examples = []
    position = 0
    while position < len(lines):
        heading = _HEADING.match(lines[position])
        position += 1
        if not heading:
            continue
        testcase = None
        while position < len(lines) and not _FENCE.match(lines[position]):
            testcase = _TESTCASE.match(lines[position]) or testcase
            position += 1
        if testcase is None or position >= len(lines):
            raise ValueError(f"{path.name}: {heading.group(0)} has no testcase line or no code")
        start = position + 1
        end = next(i for i in range(start, len(lines)) if lines[i] == "```")
        code = "\n".join(lines[start:end])
        examples.append((heading.group(1).lower(), int(heading.group(2)), testcase.group(1), testcase.group(2), code))
        position = end + 1
    return meta, examples


def add_code_template(code: str, extension: str, title: str) -> str:
    """Wrap an HTML snippet in a page as the ACT tools do; other languages stay as written."""
    if extension not in ("html", "xhtml") or re.search(r"<!doctype", code, re.I):
        return code
    doctype = "<!DOCTYPE html>"
    if re.search(r"<html", code, re.I):
        return f"{doctype}\n{code}"
    body = "\n".join("\t" + line if line else line for line in code.split("\n"))
    return f'{doctype}\n<html lang="en">\n<head>\n\t<title>{title}</title>\n</head>\n<body>\n{body}\n</body>\n</html>'


def rules_by_act_id() -> dict[str, list[str]]:
    """ACT rule id -> the ids of our rules on by default that implement it, from the rule modules' ACT metadata.

    A rule off unless asked for (duplicate-id-active) is left out: the figures are what the checker does by default.
    """
    sys.path.insert(0, str(HERE.parents[1]))
    from pipeline.checks.a11y import all_rules

    mapping: dict[str, list[str]] = {}
    for rule in all_rules():
        for act_id in rule.act if rule.on_by_default else ():
            mapping.setdefault(act_id, []).append(rule.id)
    return mapping


def build(source: Path = SOURCE, cases: Path = CASES) -> list[TestCase]:
    """Write every case file under `cases` and return the index entries, sorted."""
    mapping = rules_by_act_id()
    if cases.exists():
        shutil.rmtree(cases)
    index: list[TestCase] = []
    for path in sorted(source.glob("*.md")):
        meta, examples = parse_source(path)
        act_id = meta["id"]
        for outcome, number, testcase_id, extension, code in examples:
            title = f"{outcome.title()} Example {number}"
            name = f"{act_id}/{outcome}-{number}.{extension}"
            (cases / act_id).mkdir(parents=True, exist_ok=True)
            (cases / name).write_text(add_code_template(code, extension, title) + "\n", encoding="utf-8")
            needs = [need for need, pattern in NEEDS.items() if pattern.search(code)]
            index.append(TestCase(f"cases/{name}", act_id, meta["name"], testcase_id, title, outcome,
                                  sorted(mapping.get(act_id, [])), needs))
    return index


def main() -> None:
    """Regenerate the corpus and its index."""
    index = build()
    INDEX.write_text(json.dumps([asdict(case) for case in index], indent=1, ensure_ascii=False) + "\n",
                     encoding="utf-8")
    rules = {case.act_rule for case in index}
    print(f"{len(index)} test cases of {len(rules)} ACT rules written to {CASES.relative_to(HERE.parents[1])}")


if __name__ == "__main__":
    main()
