"""Quality checks on every translation: one rule per module of `rules/`, discovered, not listed.

A catalog rule follows the contract of every rule (`pipeline/checks/rules.py`); its
`check(entry, context)` yields messages about one entry, which become findings at the
entry's PO line. A translator can silence a rule on one entry with a translator comment `# allow: <rule-id>`,
or with Weblate's flags: `#, ignore-<check>` for Weblate's own check names (`ignore-same`,
`ignore-end-stop`…, mapped in WEBLATE_CHECKS) or for a rule id (`ignore-numbers`).
"""

from __future__ import annotations

import csv
import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Collection, Iterable

from ...errors import CatalogError
from ...model import Finding
from ..rules import Rule, discover, enabled


#: Weblate's check names (as its `ignore-<check>` flags spell them) and the rule doing the same job here.
WEBLATE_CHECKS = {
    "same": "same-as-source", "end-stop": "end-punctuation", "end-question": "end-punctuation",
    "end-exclamation": "end-punctuation", "end-colon": "end-punctuation", "end-ellipsis": "end-punctuation",
    "end-semicolon": "end-punctuation", "begin-space": "whitespace", "end-space": "whitespace",
    "duplicate": "doubled-words", "url": "urls", "md-link": "inline-markdown", "md-reflink": "inline-markdown",
    "md-syntax": "inline-markdown", "python-format": "placeholders", "python-brace-format": "placeholders",
    "glossary": "glossary", "max-length": "length",
}


def allowed_rules(comments: Iterable[str], flags: Iterable[str]) -> frozenset[str]:
    """Rule ids switched off on an entry: `# allow: urls` comments and Weblate's `#, ignore-same` flags."""
    allowed: set[str] = set()
    for comment in comments:
        if comment.strip().startswith("allow:"):
            allowed.update(comment.strip()[len("allow:") :].replace(",", " ").split())
    for flag in flags:
        if flag.startswith("ignore-"):
            check = flag[len("ignore-"):]
            allowed.add(WEBLATE_CHECKS.get(check, check))
    return frozenset(allowed)


@dataclass(frozen=True)
class Entry:
    """One message of one catalog, as the rules see it."""

    msgid: str
    msgstr: str
    fuzzy: bool
    line: int
    file: str
    locale: str
    domain: str  # the article's slug, or "ui"
    kind: str | None = None  # the unit kind (paragraph, reference…) for article messages
    format_flags: frozenset[str] = frozenset()
    allowed: frozenset[str] = frozenset()  # rule ids a translator comment switched off here


@dataclass(frozen=True)
class GlossaryTerm:
    """A source term and the target forms a translation must use for it."""

    term: str
    translations: tuple[str, ...]


@dataclass(frozen=True)
class CheckContext:
    """What rules need beyond the entry: the source language and the locale's glossary."""

    source_language: str = "en"
    glossary: tuple[GlossaryTerm, ...] = ()


@functools.lru_cache(maxsize=1)
def all_rules() -> tuple[Rule, ...]:
    """Every catalog rule (`rules/`), sorted by id, discovered once per process."""
    return discover(f"{__name__}.rules", "catalogs")


def check_entries(entries: Iterable[Entry], context: CheckContext, disabled: Collection[str] = ()) -> list[Finding]:
    """Run every enabled rule on every entry; findings carry the PO file and line."""
    active = enabled(all_rules(), disabled)
    findings = []
    for entry in entries:
        for rule in active:
            if rule.id in entry.allowed:
                continue
            for message in rule.check(entry, context):
                findings.append(
                    Finding(
                        rule=rule.id,
                        severity=rule.severity,
                        message=message,
                        file=entry.file,
                        line=entry.line,
                        locale=entry.locale,
                        article=entry.domain,
                        check="catalogs",
                    )
                )
    return findings


def load_glossary(path: Path, shown: str) -> tuple[GlossaryTerm, ...]:
    """A glossary CSV (`term,translation,note`; variants separated by `|`); none when absent."""
    try:
        stat = path.stat()
    except FileNotFoundError:
        return ()
    return _read_glossary(path, shown, stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=64)
def _read_glossary(path: Path, shown: str, mtime_ns: int, size: int) -> tuple[GlossaryTerm, ...]:
    """A glossary's terms, read once per version of the file."""
    try:
        with open(path, encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            if reader.fieldnames is None or not {"term", "translation"} <= set(reader.fieldnames):
                raise CatalogError("a glossary needs the columns term,translation(,note)", shown, 1)
            terms = []
            for row in reader:
                variants = tuple(v.strip() for v in (row["translation"] or "").split("|") if v.strip())
                if not (row["term"] or "").strip() or not variants:
                    raise CatalogError("each glossary row needs a term and a translation", shown, reader.line_num)
                terms.append(GlossaryTerm(row["term"].strip(), variants))
    except UnicodeDecodeError:
        raise CatalogError("not UTF-8", shown) from None
    except csv.Error as exc:
        raise CatalogError(f"not valid CSV: {exc}", shown) from None
    return tuple(terms)
