"""The words every report uses for counts, percentages, verdicts and quotes, so that all of them read alike.

Counts take their plural from `ngettext` ("1 warning", "90 warnings"); the reports are in
English, so no catalog is installed and gettext's own English rule applies.
"""

from __future__ import annotations

from gettext import ngettext

from .model import Finding

#: A count of findings of each severity, singular and plural.
SEVERITY_COUNTS = {
    "error": ("%d error", "%d errors"),
    "warning": ("%d warning", "%d warnings"),
    "info": ("%d info", "%d infos"),
}

#: A readability verdict in words that do not read as a severity: every readability
#: finding is a warning, whichever level of the target the score passed.
VERDICT_WORDS = {
    "ok": "easy enough",
    "warning": "hard",
    "error": "too hard",
    "not scored": "not scored",
}


def severity_count(count: int, severity: str) -> str:
    """"1 error", "90 warnings"."""
    singular, plural = SEVERITY_COUNTS[severity]
    return ngettext(singular, plural, count) % count


def findings_count(count: int) -> str:
    """"1 finding", "258 findings"."""
    return ngettext("%d finding", "%d findings", count) % count


def percent(value: float) -> str:
    """A percentage as every report writes it: "89.3%"."""
    return f"{value:.1f}%"


def verdict_words(verdict: str) -> str:
    """A readability verdict as people read it ("too hard" rather than "error")."""
    return VERDICT_WORDS[verdict]


def quoted(text: str, limit: int | None = None) -> str:
    """Text in quotation marks, cut at a word to about `limit` characters with an ellipsis."""
    text = " ".join(text.split())
    if limit is not None and len(text) > limit:
        cut = text[: limit - 1].rsplit(" ", 1)[0] if " " in text[: limit - 1] else text[: limit - 1]
        text = cut.rstrip(",;:") + "…"
    return f"“{text}”"


def finding_text(finding: Finding) -> str:
    """A finding's message with what it is about, so that two findings at one line never read the same."""
    return f"{finding.message} — {quoted(finding.quote)}" if finding.quote else finding.message
