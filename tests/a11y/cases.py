"""Reading the rule fixtures: the cases, what each expects, and what the checker reports."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from pipeline.checks.a11y import FallbackPassage, PageContext, check_html, check_paths
from pipeline.checks.a11y.page import Page
from pipeline.model import Finding, Location

FIXTURES = Path(__file__).resolve().parent
#: (file relative to the case root, rule, outcome, CSS selector)
Expectation = tuple[str, str, str, str]
MARKS = {"data-fails": "failed", "data-review": "cantTell"}


@dataclass(frozen=True)
class Case:
    """One fixture: a page, or a folder holding a small site."""

    path: Path

    @property
    def root(self) -> Path:
        """The folder findings are relative to."""
        return self.path if self.path.is_dir() else self.path.parent

    @property
    def name(self) -> str:
        """`rule-id/fail-something.html`, as people refer to the case."""
        return self.path.relative_to(FIXTURES).as_posix()

    @property
    def pages(self) -> list[Path]:
        """The HTML pages of the case."""
        return sorted(self.path.rglob("*.html")) if self.path.is_dir() else [self.path]

    @property
    def context_file(self) -> Path:
        """Where the build context of a single-page case is kept."""
        return self.path.with_name(self.path.name.removesuffix(".html") + ".context.json")

    def context(self) -> PageContext | None:
        """The build context of the case, if it has one."""
        if not self.context_file.exists():
            return None
        data = json.loads(self.context_file.read_text(encoding="utf-8"))
        passages = tuple(
            FallbackPassage(p["text"], Location(**p["origin"]) if p.get("origin") else None)
            for p in data.pop("fallback_passages", [])
        )
        source = data.pop("reading_source", None)
        return PageContext(**data, fallback_passages=passages,
                           reading_source=Location(**source) if source else None)

    def expected(self) -> set[Expectation]:
        """What the fixture's data-fails / data-review marks say the checker must report."""
        found: set[Expectation] = set()
        for page_path in self.pages:
            file = page_path.relative_to(self.root).as_posix()
            page = Page(page_path.read_bytes(), file)
            for element in page.root.iter(etree.Element):
                for attribute, outcome in MARKS.items():
                    for rule in (element.get(attribute) or "").split():
                        found.add((file, rule, outcome, page.selector(element)))
        return found

    def findings(self, all_outcomes: bool = False) -> list[Finding]:
        """What the checker reports on the case, with the build context when there is one.

        A rule off unless asked for is asked for on its own fixtures (the folder named by its id).
        """
        context, enable = self.context(), (self.path.parent.name,)
        if context is not None:
            return check_html(self.path.read_bytes(), self.path.name, context=context, all_outcomes=all_outcomes,
                              level="AAA", enable=enable)
        return check_paths([self.path], self.root, all_outcomes=all_outcomes, level="AAA", enable=enable)

    def reported(self) -> set[Expectation]:
        """The checker's failed and cantTell findings, in the form of expectations."""
        return {(f.file or "", f.rule, f.outcome, f.selector or "") for f in self.findings()}


def rule_folders() -> list[Path]:
    """Every fixture folder named after a rule (all but `clean`)."""
    return sorted(p for p in FIXTURES.iterdir() if p.is_dir() and p.name not in ("clean", "__pycache__"))


def cases() -> list[Case]:
    """Every case of every rule, and the clean pages."""
    found = []
    for folder in [*rule_folders(), FIXTURES / "clean"]:
        for path in sorted(folder.iterdir()):
            is_case = path.name.startswith(("fail-", "review-", "pass-")) or folder.name == "clean"
            if is_case and (path.is_dir() or path.suffix == ".html"):
                found.append(Case(path))
    return found


def all_pages() -> list[Path]:
    """Every HTML page of the fixtures."""
    return sorted(page for case in cases() for page in case.pages)
