"""axe-core's own rule fixtures as a held-out suite: our checker, and axe-core, scored element by element.

    pages = build_pages(Path("/tmp/pages"))          # each fixture inside a page, as axe's runner puts it
    ours = score(pages, our_outcomes(pages))         # per rule: accuracy, precision, recall
    theirs = score(pages, axe_outcomes(pages))       # axe-core 4.14 in headless Chromium, the same way

`tests/axe_integration/rules/<rule>/<name>.json` lists, for the HTML fragment beside it, the
elements axe-core reports as violations, passes and incomplete (a selector per frame, outermost
first). Each fragment goes into `<div id="fixture">` of an HTML5 page, as axe's runner puts it,
and every tool runs on that page; an element it reports for the fixture's rule gets the class
`violation` (failed), `incomplete` (cantTell: a person must judge, as axe's "needs review") or
`pass` (passed, not applicable, or not reported); where axe-core reports a table and we the cell
at fault, our cells' worst outcome is the table's. The elements scored are those the fixture
lists, and any other element inside the fixture the tool reports (the fixture expects it
inapplicable: a report there is a false alarm). Accuracy is the share of elements whose class
the tool gets right; precision and recall are those of its violations.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import json
import shutil
import threading
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin, urlparse

import cssselect2
from lxml import etree

from pipeline.checks.a11y import check_html
from pipeline.checks.a11y.page import Page
from tests.axe import run_axe_on_urls
from tests.test_a11y_browser import path_of

SUITE = Path(__file__).resolve().parent / "axe_integration" / "rules"
#: axe-core's commit the fixtures were copied from (release 4.11.4).
AXE_COMMIT = "57cb1efb8f81d46158551532d9dcfc9c7aa32ab1"
#: Where the pages are served from, as axe's test server serves them (`/integration/rules/...`).
SERVED_AS = Path("integration") / "rules"
CLASSES = {"violations": "violation", "passes": "pass", "incomplete": "incomplete"}
OUR_CLASS = {"failed": "violation", "cantTell": "incomplete", "passed": "pass", "inapplicable": "pass"}
RANK = {"pass": 0, "incomplete": 1, "violation": 2}
#: Rules axe-core reports on the table where ours reports the cell at fault (W3C ACT's target): our
#: outcome for the table is the worst of its cells', so that both tools name the same element.
REPORTED_ON_TABLE = frozenset({"td-headers-attr", "th-has-data-cells"})
FIXTURE_PATH = "/html[1]/body[1]/div[1]"  # the <div id="fixture"> every page puts its fragment in
#: An element: its /tag[n]/... path, and that of each frame it is in, outermost first, joined by " >>> ".
Key = str
Outcomes = dict[str, dict[Key, str]]  # fixture name -> element -> class


@dataclass(frozen=True)
class Fixture:
    """One of axe-core's rule fixtures: a fragment and the outcome it expects of each element listed."""

    json_path: Path

    @functools.cached_property
    def data(self) -> dict:
        """The fixture's JSON: its rule and the selectors of its violations, passes and incomplete."""
        return json.loads(self.json_path.read_text(encoding="utf-8"))

    @property
    def rule(self) -> str:
        """The axe-core rule the fixture tests."""
        return self.data["rule"]

    @property
    def name(self) -> str:
        """`rule-folder/name.html`, as the fixture is referred to."""
        return self.json_path.with_suffix(".html").relative_to(SUITE).as_posix()

    def expected(self) -> dict[tuple[str, ...], str]:
        """Each listed element's selectors (one per frame) and the class axe-core's runner expects."""
        return {tuple(selectors): cls for kind, cls in CLASSES.items() for selectors in self.data.get(kind, [])}


def fixtures() -> list[Fixture]:
    """Every rule fixture of the suite, by name."""
    return [Fixture(path) for path in sorted(SUITE.glob("*/*.json"))]


def page_html(fixture: Fixture) -> str:
    """The page a fixture is checked in: its fragment inside `<div id="fixture">` of an HTML5 document."""
    fragment = fixture.json_path.with_suffix(".html").read_text(encoding="utf-8")
    return ('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            f"<title>axe-core rule fixture {fixture.name}</title>\n</head>\n<body>\n"
            f'<div id="fixture">\n{fragment}\n</div>\n</body>\n</html>\n')


@dataclass(frozen=True)
class Pages:
    """The fixtures written as pages under `root` (served as `/integration/rules/...`), frames beside them."""

    root: Path
    fixtures: tuple[Fixture, ...]

    def path(self, fixture: Fixture) -> Path:
        """Where a fixture's page is."""
        return self.root / SERVED_AS / fixture.name

    def url_path(self, fixture: Fixture) -> str:
        """The page's path on the server."""
        return "/" + (SERVED_AS / fixture.name).as_posix()


def build_pages(root: Path, chosen: Iterable[Fixture] | None = None) -> Pages:
    """Copy the suite under `root` and write each fixture (by default every one) as its page."""
    picked = tuple(fixtures() if chosen is None else chosen)
    shutil.copytree(SUITE, root / SERVED_AS, dirs_exist_ok=True)
    pages = Pages(root, picked)
    for fixture in picked:
        pages.path(fixture).write_text(page_html(fixture), encoding="utf-8")
    return pages


# --- elements ---------------------------------------------------------------------------------


@functools.lru_cache(maxsize=64)
def _parsed(file: Path) -> etree._Element:
    return Page(file.read_bytes(), file.name).root


def _select(root: etree._Element, selector: str) -> etree._Element | None:
    found = cssselect2.ElementWrapper.from_html_root(root).query(selector)
    return None if found is None else found.etree_element


def _frame_file(pages: Pages, page_file: Path, frame: etree._Element) -> Path | None:
    """The local file a frame element loads, if it has one (`/integration/...` served from the root)."""
    src = frame.get("src")
    if not src:
        return None
    served = "/" + page_file.relative_to(pages.root).as_posix()
    target = urlparse(urljoin(served, src.strip())).path
    path = pages.root / target.lstrip("/")
    return path if path.is_file() and path.stat().st_size else None  # an empty file shows a blank page


def resolve(pages: Pages, fixture: Fixture, selectors: tuple[str, ...]) -> Key | None:
    """The element a listed target names in our parsed page (through its frames), or None."""
    file = pages.path(fixture)
    parts: list[str] = []
    for depth, selector in enumerate(selectors):
        element = _select(_parsed(file), selector)
        if element is None:
            return None
        parts.append(path_of(element))
        if depth < len(selectors) - 1:
            frame_file = _frame_file(pages, file, element)
            if frame_file is None:
                return None
            file = frame_file
    return " >>> ".join(parts)


def in_fixture(key: Key) -> bool:
    """Whether an element is the fixture's `<div>`, inside it, or inside a frame in it."""
    top = key.split(" >>> ")[0]
    return top == FIXTURE_PATH or top.startswith(FIXTURE_PATH + "/")


# --- what each tool reports -------------------------------------------------------------------


def _worst(found: dict[Key, str], key: Key, cls: str) -> None:
    if key not in found or RANK[cls] > RANK[found[key]]:
        found[key] = cls


def _table_of(cell: etree._Element) -> etree._Element:
    """The table a cell is in (the cell itself outside any)."""
    node: etree._Element | None = cell
    while node is not None and node.tag != "table":
        node = node.getparent()
    return cell if node is None else node


def _our_page_outcomes(pages: Pages, file: Path, rule: str, prefix: str, depth: int = 0) -> dict[Key, str]:
    """Our outcome per element of one page for one rule, at level AAA; then the same in its local frames."""
    page = Page(file.read_bytes(), file.name)
    found: dict[Key, str] = {}
    for finding in check_html(file.read_bytes(), file.name, all_outcomes=True, level="AAA", enable=(rule,)):
        if finding.rule == rule and finding.selector:
            element = _select(page.root, finding.selector)
            if element is not None:
                if rule in REPORTED_ON_TABLE:
                    element = _table_of(element)
                _worst(found, prefix + path_of(element), OUR_CLASS[finding.outcome])
    if depth < 3:
        for frame in page.root.iter("iframe", "frame"):
            frame_file = _frame_file(pages, file, frame)
            if frame_file is not None:
                inner = _our_page_outcomes(pages, frame_file, rule, f"{prefix}{path_of(frame)} >>> ", depth + 1)
                found.update(inner)
    return found


def our_outcomes(pages: Pages, rules: Mapping[str, str] | None = None) -> Outcomes:
    """Our checker's class for each element of each fixture's page, for the fixture's rule.

    `rules` maps an axe rule id to the id of ours scored for it (by default the same id).
    """
    chosen = rules or {}
    return {f.name: _our_page_outcomes(pages, pages.path(f), chosen.get(f.rule, f.rule), "") for f in pages.fixtures}


@contextlib.contextmanager
def serving(root: Path) -> Iterator[str]:
    """A local HTTP server for the pages, on a free port of 127.0.0.1; yields its base URL."""

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def axe_outcomes(pages: Pages) -> Outcomes:
    """axe-core's class for each element of each fixture's page, run as its runner runs it.

    On the fixture's element, inside frames, and with the fixture's rule alone (axe-core caches what
    one rule computes of an element, such as its background, and another rule would reuse it).
    """
    rules = sorted({f.rule for f in pages.fixtures})
    with serving(pages.root) as base:
        urls = {base + pages.url_path(f): f for f in pages.fixtures}
        results = run_axe_on_urls({url: [f.rule] for url, f in urls.items()}, enable=rules, context="#fixture",
                                  iframes=True)
    found: Outcomes = {}
    for url, fixture in urls.items():
        result, classes = results[url], found.setdefault(fixture.name, {})
        for kind, cls in (("incomplete", "incomplete"), ("violations", "violation")):
            for node in getattr(result, kind).get(fixture.rule, []):
                _worst(classes, node.path or node.target, cls)
    return found


# --- scores -----------------------------------------------------------------------------------


@dataclass
class Tally:
    """Element-level counts: how many scored, how many right, and the violations found, false and missed."""

    elements: int = 0
    right: int = 0
    true_violations: int = 0
    false_violations: int = 0
    missed_violations: int = 0

    def add(self, truth: str, ours: str) -> None:
        """Count one element: its expected class and the tool's."""
        self.elements += 1
        self.right += truth == ours
        if ours == "violation":
            if truth == "violation":
                self.true_violations += 1
            else:
                self.false_violations += 1
        elif truth == "violation":
            self.missed_violations += 1

    def __iadd__(self, other: Tally) -> Tally:
        for name in ("elements", "right", "true_violations", "false_violations", "missed_violations"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        return self

    @property
    def accuracy(self) -> float:
        """The share of elements whose class is right."""
        return self.right / self.elements if self.elements else 1.0

    @property
    def precision(self) -> float:
        """The share of reported violations that are violations (1.0 when none is reported)."""
        reported = self.true_violations + self.false_violations
        return self.true_violations / reported if reported else 1.0

    @property
    def recall(self) -> float:
        """The share of violations reported (1.0 when there are none)."""
        expected = self.true_violations + self.missed_violations
        return self.true_violations / expected if expected else 1.0


@dataclass(frozen=True)
class Difference:
    """One element whose class a tool gets wrong: fixture, element as listed (or our path), expected, reported."""

    fixture: str
    element: str
    expected: str
    reported: str


@dataclass
class Score:
    """A tool's tallies per axe rule, and every element it gets wrong."""

    by_rule: dict[str, Tally] = field(default_factory=dict)
    differences: dict[str, list[Difference]] = field(default_factory=dict)

    def total(self, rules: Iterable[str]) -> Tally:
        """The tallies of some rules added up."""
        total = Tally()
        for rule in rules:
            total += self.by_rule.get(rule, Tally())
        return total


def score(pages: Pages, outcomes: Outcomes) -> Score:
    """Each tool outcome against each fixture's expectations; unresolvable targets raise ValueError."""
    result = Score()
    for fixture in pages.fixtures:
        tally, differences = result.by_rule.setdefault(fixture.rule, Tally()), result.differences.setdefault(fixture.rule, [])
        reported = dict(outcomes.get(fixture.name, {}))
        for selectors, truth in fixture.expected().items():
            key = resolve(pages, fixture, selectors)
            if key is None:
                raise ValueError(f"{fixture.name}: {list(selectors)} names no element of our parsed page")
            ours = reported.pop(key, "pass")
            tally.add(truth, ours)
            if ours != truth:
                differences.append(Difference(fixture.name, " >>> ".join(selectors), truth, ours))
        for key, ours in sorted(reported.items()):
            if ours != "pass" and in_fixture(key):
                tally.add("pass", ours)
                differences.append(Difference(fixture.name, key, "inapplicable", ours))
    return result
