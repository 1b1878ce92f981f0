"""What a bug in the tool leaves behind: its traceback in a log file, for the report a user files.

The log goes to the user's log folder (platformdirs: `~/.local/state/pipeline/log` on Linux,
`~/Library/Logs/pipeline` on macOS, `%LOCALAPPDATA%\\pipeline\\Logs` on Windows), or to the
temporary folder when that cannot be written; never into the project, whose files a bug
must not touch.
"""

from __future__ import annotations

import os
import platform
import sys
import tempfile
import time
import traceback
from importlib import metadata
from pathlib import Path

import platformdirs

from . import DISTRIBUTION


def crash_log_folders() -> list[Path]:
    """Where crash logs go, in order of preference."""
    return [platformdirs.user_log_path("pipeline", appauthor=False), Path(tempfile.gettempdir())]


def describe(error: BaseException) -> str:
    """The exception on one line: its type and message."""
    message = " ".join(str(error).split())
    return f"{type(error).__name__}: {message}" if message else type(error).__name__


def crash_report(error: BaseException, argv: list[str]) -> str:
    """The text of a crash log: the tool's and Python's versions, the command, the traceback."""
    try:
        version = metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        version = "unknown"
    return (
        f"pipeline {version} ({DISTRIBUTION}), Python {platform.python_version()} on {platform.platform()}\n"
        f"command: {' '.join(['pipeline', *argv])}\n"
        f"folder: {os.getcwd()}\n\n" + "".join(traceback.format_exception(error))
    )


def write_crash_log(error: BaseException, argv: list[str] | None = None) -> Path | None:
    """Write the crash log of `error` and return its path (None if no folder could take it)."""
    text = crash_report(error, sys.argv[1:] if argv is None else argv)
    name = f"pipeline-crash-{time.strftime('%Y%m%dT%H%M%SZ', time.gmtime())}-{os.getpid()}.log"
    for folder in crash_log_folders():
        try:
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / name
            path.write_text(text, encoding="utf-8")
            return path
        except OSError:
            continue
    return None
