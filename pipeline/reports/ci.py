"""CI conventions: GitHub workflow annotations and the step summary.

GitHub's runner reads a workflow command from any output line that starts with `::`
(after white space) or holds `##[` anywhere: a file name or a translation printed raw
could mask secrets, stop commands or fake annotations. Under CI every line the tool
prints passes `neutralize_commands`, and file names are escaped as annotation data is.
"""

from __future__ import annotations

import contextlib
import io
import re
import sys
from typing import Iterable, Iterator, TextIO

from ..model import SEVERITIES, Report
from ..wording import finding_text, severity_count

ANNOTATION_LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


def github_annotations(report: Report) -> list[str]:
    """`::error file=…,line=…,title=…::message` workflow commands, one per new finding."""
    lines = []
    for finding in report.findings:
        properties = []
        if finding.file:
            properties.append(f"file={_escape_property(finding.file)}")
        if finding.line:
            properties.append(f"line={finding.line}")
        properties.append(f"title={_escape_property(finding.rule)}")
        message = f"{finding_text(finding)} [{finding.locale}]" if finding.locale else finding_text(finding)
        lines.append(f"::{ANNOTATION_LEVELS[finding.severity]} {','.join(properties)}::{_escape_data(message)}")
    return lines


def step_summary(report: Report, table: str, reports: Iterable[str]) -> str:
    """A Markdown summary for $GITHUB_STEP_SUMMARY: the build's table, counts and report files."""
    counts = report.figures["findings"]
    lines = ["## pipeline build", "", "```", table, "```", ""]
    lines.append("Findings: " + ", ".join(severity_count(counts[s], s) for s in reversed(SEVERITIES)))
    if report.accepted:
        lines.append(f"Accepted by the baseline: {len(report.accepted)}")
    lines += ["", "Reports: " + ", ".join(f"`{r}`" for r in reports), ""]
    return "\n".join(lines)


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


#: What the runner takes for a command: `::` first on a line (after any white space as .NET
#: counts it) or the legacy `##[` anywhere in it. Either is broken up by a %-escape.
_COMMAND_START = re.compile(r"^([\s\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*):(?=:)")
_LEGACY_COMMAND = re.compile(r"##\[")


def escape_for_ci(text: str) -> str:
    """A value (a file name) as workflow command data: `%`, CR and LF escaped, as annotations escape them."""
    return _escape_data(text)


def neutralize_commands(text: str) -> str:
    """Text that no runner reads a workflow command from: each line's command markers escaped, CR made visible."""
    lines = text.replace("\r", "%0D").split("\n")
    return "\n".join(_COMMAND_START.sub(r"\1%3A", _LEGACY_COMMAND.sub("##%5B", line)) for line in lines)


class CommandSafeStream(io.TextIOBase):
    """A text stream that passes each complete line through `neutralize_commands`; `command` alone writes raw."""

    def __init__(self, inner: TextIO):
        self.inner = inner
        self._pending = ""  # a line not yet ended: a marker may be split across writes

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return self.inner.encoding

    @property
    def errors(self) -> str | None:  # type: ignore[override]
        return self.inner.errors

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:  # type: ignore[override]
        if not isinstance(text, str):
            raise TypeError("CommandSafeStream writes text")
        complete, _, self._pending = (self._pending + text).rpartition("\n")
        if _:
            self.inner.write(neutralize_commands(complete) + "\n")
        return len(text)

    def command(self, line: str) -> None:
        """Write a workflow command the tool made itself (its values escaped), as it is."""
        self.close_line()
        self.inner.write(line + "\n")

    def close_line(self) -> None:
        """Write what is left of an unended line."""
        if self._pending:
            self.inner.write(neutralize_commands(self._pending))
            self._pending = ""

    def flush(self) -> None:
        self.inner.flush()


@contextlib.contextmanager
def commands_neutralized() -> Iterator[None]:
    """While the block runs, everything written to stdout and stderr is safe for a CI runner to read."""
    saved = sys.stdout, sys.stderr
    streams = CommandSafeStream(sys.stdout), CommandSafeStream(sys.stderr)
    sys.stdout, sys.stderr = streams
    try:
        yield
    finally:
        for stream in streams:
            stream.close_line()
            stream.flush()
        sys.stdout, sys.stderr = saved


def print_command(line: str) -> None:
    """Print a workflow command on stdout, past the guard of `commands_neutralized`."""
    if isinstance(sys.stdout, CommandSafeStream):
        sys.stdout.command(line)
    else:
        sys.stdout.write(line + "\n")
