"""The errors a user can fix: each one names the file (and line) and says what is wrong.

The command line catches `PipelineError` only, prints its one line and exits with 2.
Any other exception is a bug in the tool and keeps its traceback.
"""

from __future__ import annotations

from pathlib import Path


class PipelineError(Exception):
    """Bad input or a bad command line: exit code 2, one line, nothing written."""

    exit_code = 2

    def __init__(self, message: str, file: str | Path | None = None, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.file = str(file) if file is not None else None
        self.line = line

    def __reduce__(self) -> tuple:
        # Errors raised in a build's worker processes come back whole: file and line included.
        return (self.__class__, (self.message, self.file, self.line))

    def __str__(self) -> str:
        where = self.file or ""
        if where and self.line is not None:
            where = f"{where}:{self.line}"
        return f"{where}: {self.message}" if where else self.message


class SettingsWarning(UserWarning):
    """A setting that still works but should be written otherwise (a renamed rule id): the command line says so."""


class ConfigError(PipelineError):
    """A setting in `[tool.pipeline]` or on the command line is wrong."""


class SourceError(PipelineError):
    """A source article cannot be read or understood."""


class CatalogError(PipelineError):
    """A gettext catalog (PO/POT) cannot be read or does not fit its place."""


class OutputError(PipelineError):
    """A file or folder the tool must write cannot be written."""


class ShardError(PipelineError):
    """The folders given to `pipeline merge` are not the shards of one build of this project."""
