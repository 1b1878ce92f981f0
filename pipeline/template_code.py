"""Compiled templates shared by Jinja2 environments made alike: each template compiles once per process.

A build renders every locale through an environment of its own (each with that locale's
template strings installed), and Jinja2 compiles every template again for each. The
environments `render.py` makes differ only in what is installed at run time (strings,
filters), never in what compiling reads (delimiters, autoescape, whitespace, extensions),
so the code of one serves all. Code is kept in memory only: nothing is written anywhere
(the build cache holds data, never code).
"""

from __future__ import annotations

import threading
from types import CodeType

import jinja2


class SharedCode(jinja2.BytecodeCache):
    """Template code by template (name and file) and source checksum, for environments of the same options."""

    def __init__(self) -> None:
        self._code: dict[str, tuple[str, CodeType]] = {}
        self._lock = threading.Lock()

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        """Give the bucket the code compiled before from the same source, if any."""
        with self._lock:
            known = self._code.get(bucket.key)
        if known is not None and known[0] == bucket.checksum:
            bucket.code = known[1]

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        """Keep a template's code just compiled (the latest source of each template only)."""
        if bucket.code is not None:
            with self._lock:
                self._code[bucket.key] = (bucket.checksum, bucket.code)
