"""`check_readability`: score every edition, run the rules, and locate their findings."""

from __future__ import annotations

import functools
from collections.abc import Collection
from dataclasses import replace
from typing import Iterator, Mapping, Sequence

from ...model import Finding, LocalizedArticle, Location
from ..rules import Rule, discover, enabled
from .prose import Document, Flag, read_document, score_metrics
from .formulas import Counts, count_sentence
from .languages import language_for
from .report import ReadabilityReport, ReadabilityResult
from .sentences import prose_text
from .targets import ReadabilityTarget, above_lower_secondary, check_target

CHECK = "readability"


def check_readability(
    editions: Sequence[LocalizedArticle],
    targets: Mapping[str, ReadabilityTarget],
    *,
    sources: Mapping[str, LocalizedArticle] | None = None,
    disabled: Collection[str] = (),
    source_results: Mapping[str, ReadabilityResult] | None = None,
) -> ReadabilityReport:
    """Score every edition with its language's formulas and report sentence-level findings.

    `targets` maps locales (or languages: "es" covers "es-MX") to levels; locales not in it get
    `default_target`. `sources` maps an article's slug to its source-language edition, so that
    a translation much harder than its source is reported; `source_results`, by slug, the
    sources' results where they are known already (a build's cache): those are not scored again.
    Rules in `disabled` do not run.
    """
    report = ReadabilityReport()
    for document, flags in analyse(editions, targets, sources or {}, disabled, source_results):
        report.results.append(result_of(document))
        report.findings.extend(locate(document, flag) for flag in flags)
    report.findings.sort(key=Finding.sort_key)
    return report


def analyse(
    editions: Sequence[LocalizedArticle],
    targets: Mapping[str, ReadabilityTarget],
    sources: Mapping[str, LocalizedArticle],
    disabled: Collection[str] = (),
    source_results: Mapping[str, ReadabilityResult] | None = None,
) -> list[tuple[Document, tuple[Flag, ...]]]:
    """Each edition read and scored, with what the rules flagged in it (one per article and locale)."""
    known = source_results or {}
    documents: dict[tuple[str, str], Document] = {}
    for edition in editions:
        documents[(edition.article.slug, edition.locale)] = score_edition(edition, targets)
    scored_sources: dict[tuple[str, str], Document] = {}  # each source scored once, however many translations it has
    for (slug, locale), document in documents.items():
        source = sources.get(slug)
        if source is not None and source.locale != locale:
            key = (slug, source.locale)
            if key not in scored_sources:
                scored_sources[key] = documents.get(key) or source_document(source, known.get(slug), targets)
            document.source = scored_sources[key]
    return [(document, tuple(run_rules(document, disabled))) for document in documents.values()]


def load_languages(locales: Sequence[str]) -> None:
    """Load what scoring the locales' languages reads (textstat's settings, syllable dictionaries), once per process.

    A long-running process (the preview) calls this at start, so that its first rebuild
    after an edit does not wait a second for dictionaries.
    """
    for locale in locales:
        language, _ = language_for(locale)
        if language is not None:
            count_sentence(language.textstat, language.fields, "Water helps the body.")


def score_edition(edition: LocalizedArticle, targets: Mapping[str, ReadabilityTarget]) -> Document:
    """Read an edition's prose and score it against its locale's target."""
    language, reason = language_for(edition.locale)
    document = read_document(edition, language)
    if language is None:
        document.reason = reason
        return document
    target = targets.get(edition.locale) or targets.get(language.code) or ReadabilityTarget(*language.target)
    check_target(edition.locale, target, language)
    document.target = target
    document.metrics = score_metrics(language, document.counts)
    if not document.metrics:
        document.reason = "no translated prose" if edition.catalog else "no prose"
    return document


def source_document(
    source: LocalizedArticle, earlier: ReadabilityResult | None, targets: Mapping[str, ReadabilityTarget]
) -> Document:
    """A source edition as its translations' rules compare with it: from its result when known, else read and scored."""
    if earlier is None or (earlier.article, earlier.locale) != (source.article.slug, source.locale):
        return score_edition(source, targets)
    language, _ = language_for(source.locale)  # what the rules read of a source: its size, scores and target
    return Document(source, language, (), Counts(sentences=earlier.sentences, words=earlier.words),
                    dict(earlier.metrics), earlier.reason, earlier.target)


@functools.cache
def all_rules() -> tuple[Rule, ...]:
    """Every readability rule (`rules/`), discovered once per process."""
    return discover(f"{__package__}.rules", CHECK)


def run_rules(document: Document, disabled: Collection[str] = ()) -> Iterator[Flag]:
    """Every enabled rule's flags for a scored document, each with its rule's id; a note for one not scored."""
    if not document.metrics:
        yield Flag(f"not scored: {document.reason}", severity="info", rule="not-scored")
        return
    for rule in enabled(all_rules(), disabled):
        for flag in rule.check(document):
            yield replace(flag, rule=rule.id, severity=flag.severity or rule.severity)


def result_of(document: Document) -> ReadabilityResult:
    """The public result of a document."""
    edition, language, score = document.edition, document.language, document.score
    graded = language is not None and score is not None and language.scale == "grade"
    return ReadabilityResult(
        article=edition.article.slug,
        locale=edition.locale,
        file=edition.catalog or edition.article.path,
        words=document.counts.words,
        sentences=document.counts.sentences,
        metrics=dict(document.metrics),
        formula=language.primary if language and score is not None else None,
        formula_name=language.metric(language.primary).name if language and score is not None else None,
        score=score,
        target=document.target,
        verdict=document.verdict,
        reason=document.reason,
        grade=score if graded else None,
        above_lower_secondary=above_lower_secondary(score, language) if language and score is not None else None,
        start=edition.units[document.units[0].index].origin if document.units else None,
    )


def locate(document: Document, flag: Flag) -> Finding:
    """A flag as a finding, at the file and line where a person edits the text."""
    edition = document.edition
    if flag.unit is not None:
        origin = edition.units[flag.unit].origin
    else:
        origin = Location(edition.catalog or edition.article.path)
    return Finding(
        rule=flag.rule,
        severity=flag.severity,
        message=flag.message,
        file=origin.file,
        line=origin.line,
        locale=edition.locale,
        article=edition.article.slug,
        check=CHECK,
        outcome="inapplicable" if flag.rule == "not-scored" else "failed",
        wcag=flag.wcag,
        quote=quote_of(document, flag),
    )


def quote_of(document: Document, flag: Flag) -> str | None:
    """The words a flag is about: its sentence, else the sentence (or the unit) holding its phrase, else the phrase."""
    if flag.sentence is not None:
        return flag.sentence.text
    if flag.phrase is None or flag.unit is None:
        return flag.phrase
    for sentence in document.sentences:
        if sentence.unit == flag.unit and flag.phrase in sentence.text:
            return sentence.text
    text = prose_text(document.edition.units[flag.unit].text)
    return text if flag.phrase in text else flag.phrase
