"""Hostile input takes time in proportion to its size: every catalog rule and the sentence splitter.

Each check runs on inputs of 1×, 10× and 100× a base size, built to provoke backtracking
(long runs of one character, of digits and spaces, of punctuation, of Markdown marks).
Time grows ten-fold per step for a linear check and a hundred-fold for a quadratic one;
the test allows growth up to 30-fold per step (noise, n log n) and compares CPU times
measured as the best of several runs, so a busy machine does not fail it.
"""

from __future__ import annotations

import itertools
import time
from typing import Callable

import pytest

from pipeline.checks.catalogs import CheckContext, Entry, GlossaryTerm, all_rules
from pipeline.checks.readability import check_readability
from pipeline.checks.readability.sentences import prose_text, split_sentences
from pipeline.model import Article, LocalizedArticle, LocalizedUnit, Location, Unit

#: Characters at 1×; 10× and 100× follow.
BASE = 120
#: The most a step of ten-fold size may multiply the time (linear: 10, quadratic: 100).
GROWTH = 30
#: Times below this (seconds) are noise: the ratio is not asked of them.
FLOOR = 0.004

#: Text families that make regular expressions and parsers backtrack, as functions of a size.
HOSTILE: dict[str, Callable[[int], str]] = {
    "one long word and an at sign": lambda n: "a" * n + " @",
    "words joined by dots and an at sign": lambda n: "a." * (n // 2) + "@b",
    "many at signs": lambda n: "a@" * (n // 2),
    "digits and spaces ending in a letter": lambda n: "1 " * (n // 2) + "x",
    "digits and dashes": lambda n: "1-" * (n // 2) + "1a",
    "a run of periods": lambda n: "." * n + "x",
    "sentence ends": lambda n: "Dr. A. b. " * (n // 10),
    "initials": lambda n: "e.g.i.e." * (n // 8) + " A",
    "a web address of punctuation": lambda n: "see https://" + "." * n,
    "web addresses back to back": lambda n: "http://" * (n // 7),
    "emphasis marks": lambda n: "*a_" * (n // 3),
    "open brackets": lambda n: "[" * n + "x](y",
    "citation marks": lambda n: "[1, " * (n // 4),
    "numbers": lambda n: "1.000,5 " * (n // 8),
    "placeholders": lambda n: "%(" * (n // 2),
    "repeated words": lambda n: "the " * (n // 4),
    "prose": lambda n: "Stretch your calf before bed, and drink enough water. " * (n // 54),
}
_unique = itertools.count()


def cpu_time(prepare: Callable[[], Callable[[], object]]) -> float:
    """The least CPU time of a few runs of a function, each prepared afresh (the checks remember texts)."""
    best = float("inf")
    for _ in range(2):
        function = prepare()
        started = time.process_time()
        function()
        best = min(best, time.process_time() - started)
    return best


def assert_linear(measure: Callable[[int], Callable[[], object]], what: str) -> None:
    """Time a check at 1×, 10× and 100× the base size and refuse faster than linear growth."""
    times = [cpu_time(lambda: measure(BASE * scale)) for scale in (1, 10, 100)]
    for smaller, larger in zip(times, times[1:]):
        assert larger <= GROWTH * max(smaller, FLOOR), f"{what}: {['%.4f s' % t for t in times]}"


def sized(family: str, size: int) -> str:
    """A hostile text of about `size` characters, never the same twice (the rules remember texts)."""
    return HOSTILE[family](size) + f" {next(_unique)}"


CONTEXT = CheckContext("en", (GlossaryTerm("water", ("agua",)),))


@pytest.mark.parametrize("family", sorted(HOSTILE))
@pytest.mark.parametrize("rule", [rule.id for rule in all_rules()])
def test_every_catalog_rule_takes_linear_time(rule, family):
    check = next(r for r in all_rules() if r.id == rule).check

    def measure(size: int) -> Callable[[], object]:
        entries = [Entry(sized(family, size), sized(family, size), False, 1, "x.po", "es", "article", "paragraph"),
                   Entry(sized(family, size), sized(family, size), False, 1, "ui.po", "es", "ui",
                         format_flags=frozenset({"python-format"}))]
        return lambda: [list(check(entry, CONTEXT)) for entry in entries]

    assert_linear(measure, f"{rule} on {family}")


@pytest.mark.parametrize("family", sorted(HOSTILE))
def test_splitting_sentences_takes_linear_time(family):
    def measure(size: int) -> Callable[[], object]:
        text = prose_text(sized(family, size))
        return lambda: split_sentences(text, "en")

    assert_linear(measure, f"split_sentences on {family}")


@pytest.mark.parametrize("family", ["prose", "sentence ends", "a run of periods", "repeated words", "initials"])
def test_the_readability_check_of_an_edition_takes_linear_time(family):
    def measure(size: int) -> Callable[[], object]:
        text = sized(family, size)
        unit = Unit("paragraph", text, 5)
        article = Article("source/a.md", "a", "en", "Title", "", None, text, 3, (Unit("title", "Title", 2), unit))
        units = tuple(LocalizedUnit(u, u.text, True, Location("source/a.md", u.line), "en") for u in article.units)
        edition = LocalizedArticle(article, "en", units, None, 100, 100)
        return lambda: check_readability([edition], {})

    assert_linear(measure, f"readability on {family}")
