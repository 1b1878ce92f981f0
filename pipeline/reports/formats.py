"""Reports for machines: JSON (the source of truth, with a schema version) and SARIF 2.1.0."""

from __future__ import annotations

import dataclasses
import hashlib
import json
from itertools import chain
from typing import TYPE_CHECKING, Callable, Iterable, Iterator, NamedTuple, Sequence

from .. import __version__
from ..model import Finding, Report, RuleInfo
from ..wording import finding_text

if TYPE_CHECKING:
    import msgspec

SCHEMA = "https://health.example.org/pipeline/report-1.json"
SCHEMA_VERSION = 1
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def tool_version() -> str:
    """The version of pipeline: the release pyproject.toml gives the installed metadata (`pipeline.__version__`).

    Read from the package, as `pipeline --version` does, not from the installed metadata
    (importlib.metadata and a scan of the environment's distributions: 1.3 ms a call, 67 ms the first).
    """
    return __version__


def fingerprint(finding: Finding) -> str:
    """A finding's identity across runs: rule, place, message and quote, but not its line (lines move)."""
    parts = (finding.rule, finding.file or "", finding.locale or "", finding.article or "", finding.selector or "",
             finding.message, *((finding.quote,) if finding.quote else ()))
    key = "\x1f".join(parts)
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:24]


_FINDING_FIELDS = tuple(field.name for field in dataclasses.fields(Finding))


def finding_record(finding: Finding) -> dict:
    """A finding as JSON data, its fields in their order: empty ones left out, locations as plain values."""
    record = {name: value for name in _FINDING_FIELDS if (value := getattr(finding, name)) is not None and value != ""
              and value != ()}
    if finding.wcag:
        record["wcag"] = list(finding.wcag)
    if finding.related:
        record["related"] = [{k: v for k, v in (("file", r.file), ("line", r.line), ("selector", r.selector))
                              if v is not None} for r in finding.related]
    return record


def findings_json(report: Report) -> str:
    """`{"findings": [...]}`, as every check prints it with --format json."""
    return json.dumps({"findings": [finding_record(f) for f in report.findings]}, indent=2, ensure_ascii=False)


#: One encoder each, made once: `json.dumps` with options makes a new one per call.
_encode_sorted = json.JSONEncoder(ensure_ascii=False, sort_keys=True).encode
_encode = json.JSONEncoder(ensure_ascii=False).encode
#: Where a SARIF result's `baselineState` goes: between its members before and those after.
_STATES = {state: f', "baselineState": {_encode(state)}, '.encode() for state in ("new", "unchanged")}
_HEAD_START, _TAIL_START = b'{"ruleId": ', b'{"partialFingerprints": '


class FindingLines(NamedTuple):
    """A finding as report.json and report.sarif write it, encoded once: UTF-8 JSON (bytes, or a slice of a block).

    The SARIF result is kept as two objects, its members before `baselineState` and those after,
    since only the build's last step (the baseline stage) knows whether it is new or unchanged.
    """

    json: bytes | msgspec.Raw
    sarif_head: bytes | msgspec.Raw
    sarif_tail: bytes | msgspec.Raw

    def sarif(self, state: str) -> bytes:
        """The SARIF result, new or unchanged (accepted by the baseline)."""
        return b"".join((memoryview(self.sarif_head)[:-1], _STATES[state], memoryview(self.sarif_tail)[1:]))


class ReportBlocks(NamedTuple):
    """The lines of an article's findings, in their order, as three JSON arrays: what its job output keeps."""

    json: bytes = b"[]"
    sarif_heads: bytes = b"[]"
    sarif_tails: bytes = b"[]"


#: What gives each finding's lines: `finding_lines`, or `KnownLines` of findings encoded before.
LinesOf = Callable[[Finding], FindingLines]


def finding_lines(finding: Finding) -> FindingLines:
    """A finding's line of report.json (its record and fingerprint) and its SARIF result."""
    key = fingerprint(finding)
    head, tail = _result(finding, key)
    return FindingLines(_encode_sorted(finding_record(finding) | {"fingerprint": key}).encode(),
                        _encode(head).encode(), _encode(tail).encode())


def report_blocks(lines: Sequence[FindingLines]) -> ReportBlocks:
    """Findings' lines joined into the blocks a job output keeps."""
    return ReportBlocks(*(b"[" + b",".join(part) + b"]" for part in zip(*lines))) if lines else ReportBlocks()


def lines_of_blocks(blocks: ReportBlocks, count: int) -> list[FindingLines] | None:
    """The lines of `count` findings from their blocks; None unless each block holds `count` JSON values of their kind.

    Blocks read from a cache or a shard's record are untrusted, and their lines go into the
    reports as they are: each is checked to be one JSON value, each SARIF part an object.
    """
    import msgspec  # only a build reads blocks back: `check` commands load no msgspec

    try:
        parts = [msgspec.json.decode(block, type=list[msgspec.Raw]) for block in blocks]
    except (msgspec.DecodeError, TypeError):
        return None
    if any(len(part) != count for part in parts):
        return None
    json_lines, heads, tails = parts
    if not all(memoryview(h)[:len(_HEAD_START)] == _HEAD_START and memoryview(t)[:len(_TAIL_START)] == _TAIL_START
               for h, t in zip(heads, tails)):
        return None
    return [FindingLines(*line) for line in zip(json_lines, heads, tails)]


class KnownLines:
    """The lines of findings encoded before (by their jobs), found by identity; any other finding is encoded now."""

    def __init__(self, known: Iterable[tuple[Sequence[Finding], Sequence[FindingLines]]] = ()):
        self._known = {id(f): (f, lines) for findings, encoded in known for f, lines in zip(findings, encoded)}

    def __call__(self, finding: Finding) -> FindingLines:
        known = self._known.get(id(finding))
        return known[1] if known is not None and known[0] is finding else finding_lines(finding)


def report_json_chunks(report: Report, lines_of: LinesOf = finding_lines) -> Iterator[bytes]:
    """The full report in pieces, for writing it without holding it whole (it can be hundreds of MB)."""
    head = {
        "$schema": SCHEMA,
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "pipeline", "version": tool_version()},
        "summary": {
            "exit_code": report.return_code,
            "fail_on": report.fail_on,
            "findings": report.figures["findings"],
            "accepted_by_baseline": len(report.accepted),
        },
        "figures": report.figures,
    }
    yield f'{top_level_json(head)[:-2]},\n  "findings": ['.encode()
    yield from _lines((lines_of(f).json for f in report.findings), 4)
    yield b'],\n  "accepted": ['
    yield from _lines((lines_of(f).json for f in report.accepted), 4)
    yield b"]\n}\n"


def top_level_json(document: dict) -> str:
    """A JSON object with one top-level key a line and each value compact.

    Large reports stay readable at the top and are written by json's C encoder, which
    indentation would turn off (about ten times slower for a thousand articles' figures).
    """
    lines = (f"  {json.dumps(key)}: {json.dumps(value, ensure_ascii=False, sort_keys=True)}" for key, value in document.items())
    return "{\n" + ",\n".join(lines) + "\n}\n"


def sarif_log(report: Report, rules: Sequence[RuleInfo]) -> str:
    """SARIF 2.1.0 for code-scanning annotations: locations relative to the repository root."""
    return b"".join(sarif_chunks(report, rules)).decode("utf-8")


def sarif_chunks(report: Report, rules: Sequence[RuleInfo], lines_of: LinesOf = finding_lines) -> Iterator[bytes]:
    """The SARIF log in pieces, for writing it without holding it whole."""
    used = sorted({f.rule for f in (*report.findings, *report.accepted)})
    known = {rule.id: rule for rule in rules}
    descriptors = [_rule_descriptor(known.get(rule_id) or RuleInfo(rule_id, "", rule_id)) for rule_id in used]
    run = {
        "tool": {
            "driver": {
                "name": "pipeline",
                "version": tool_version(),
                "informationUri": "https://health.example.org/pipeline",
                "rules": descriptors,
            }
        },
        "originalUriBaseIds": {"%SRCROOT%": {"description": {"text": "The repository root."}}},
        "columnKind": "unicodeCodePoints",
    }
    results = chain((lines_of(f).sarif("new") for f in report.findings),
                    (lines_of(f).sarif("unchanged") for f in report.accepted))
    head = json.dumps({"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}, indent=2, ensure_ascii=False)
    run_end = head.rindex("}", 0, head.rindex("]"))  # the end of the run object, where "results" goes
    yield f'{head[:run_end].rstrip()},\n      "results": ['.encode()
    yield from _lines(results, 8)
    yield f"]\n    {head[run_end:]}\n".encode()


def _lines(items: Iterable[bytes | msgspec.Raw], indent: int) -> Iterator[bytes]:
    """JSON values one per line inside brackets (compact for huge reports, still readable), in batches."""
    pad = b" " * indent
    between = b",\n" + pad
    batch: list[bytes | msgspec.Raw] = []
    first = True
    for item in items:
        batch.append(item)
        if len(batch) == 2048:
            yield (b"\n" if first else b",\n") + pad + between.join(batch)
            batch, first = [], False
    if batch:
        yield (b"\n" if first else b",\n") + pad + between.join(batch)
    if batch or not first:
        yield b"\n" + pad[:-2]


def _rule_descriptor(rule: RuleInfo) -> dict:
    descriptor: dict = {"id": rule.id, "shortDescription": {"text": rule.help or rule.id}}
    if rule.help_uri:
        descriptor["helpUri"] = rule.help_uri
    descriptor["properties"] = {"tags": [rule.check, *(f"wcag{c.replace('.', '')}" for c in rule.wcag)]}
    return descriptor


def _location(file: str, line: int | None, note: str | None = None) -> dict:
    physical: dict = {"artifactLocation": {"uri": file, "uriBaseId": "%SRCROOT%"}}
    if line:
        physical["region"] = {"startLine": line}
    location: dict = {"physicalLocation": physical}
    if note:
        location["message"] = {"text": note}
    return location


def _result(finding: Finding, key: str) -> tuple[dict, dict]:
    """A finding's SARIF result: its members before `baselineState`, and those after it."""
    head: dict = {
        "ruleId": finding.rule,
        "level": SARIF_LEVELS[finding.severity],
        "message": {"text": finding_text(finding)},
    }
    tail: dict = {"partialFingerprints": {"pipeline/v1": key}}
    if finding.file:
        tail["locations"] = [_location(finding.file, finding.line)]
    related = [
        _location(r.file, r.line, f"element {r.selector}" if r.selector else None) | {"id": i}
        for i, r in enumerate(finding.related)
    ]
    if related:
        tail["relatedLocations"] = related
    properties = {k: v for k, v in (("locale", finding.locale), ("article", finding.article),
                                     ("outcome", finding.outcome), ("selector", finding.selector)) if v}
    if properties:
        tail["properties"] = properties
    return head, tail
