"""Pyphen's hyphenation patterns, each parsed when a word first looks it up rather than all at once.

textstat counts the syllables of words outside English's CMU dictionary with Pyphen, and
Pyphen parses every pattern of a language's dictionary the first time it is used: 1.9 s of
CPU for German (1 MB of patterns), in every process that scores a German page, more than the
rest of that page's scoring. A word only ever looks up the patterns whose letters are one of
its substrings, so this dictionary indexes the patterns by their letters (a pattern without its
digits) in one pass over the file, and parses a pattern, by Pyphen's own rules, when a lookup
first finds it. It goes into Pyphen's own cache of dictionaries (`pyphen.hdcache`), where
textstat's `Pyphen` objects find it; Pyphen's `positions` runs on it unchanged.
`tests/test_readability_formulas.py` checks that it holds exactly the patterns Pyphen parses, for
the languages we score, dictionaries with `^^hh` escapes and nonstandard hyphenations, and odd lines
(all 50 dictionaries of Pyphen 0.18.1 were compared once).
"""

from __future__ import annotations

import itertools
import operator
import re
from collections.abc import Callable
from pathlib import Path

import pyphen

_DIGITS = str.maketrans("", "", "0123456789")
_HEX = re.compile(r"\^{2}([0-9a-f]{2})")  # Pyphen's ^^hh: the character of code hh
_NONZERO = re.compile("[1-9]")
#: The first characters of the lines Pyphen ignores (comments, LEFTHYPHENMIN...).
_IGNORED_START = frozenset(prefix[0] for prefix in pyphen.ignored)


def _hex_character(match: re.Match[str]) -> str:
    return chr(int(match.group(1), 16))


class LazyHyphDict(pyphen.HyphDict):
    """A `pyphen.HyphDict` whose patterns are parsed one at a time, on first lookup."""

    def __init__(self, path: Path):  # Pyphen's __init__ would parse every pattern: not called
        self.patterns = _Patterns(path)
        self.cache: dict[str, list] = {}
        self.maxlen = self.patterns.longest_key


class _Patterns:
    """Pattern letters -> (offset, values), as `HyphDict.patterns`, each entry made when first asked for."""

    def __init__(self, path: Path):
        first, _, body = path.read_bytes().partition(b"\n")
        encoding = first.decode()
        lines = body.decode(encoding).split("\n")
        # Each line's letters, all lines at once: ASCII digits are the same bytes in every encoding Pyphen reads
        keys = body.translate(None, b"0123456789").decode(encoding).split("\n")
        self._raw: dict[str, str] = {}  # letters -> the last pattern that gives them a value, as Pyphen keeps
        self._parsed: dict[str, tuple[int, tuple] | None] = {}
        # A line with a value has a digit from 1 to 9: blank lines and patterns of zeros only, which Pyphen
        # skips, have none (a line of fewer characters without them has one)
        without_values = body.translate(None, b"123456789").decode(encoding).split("\n")
        has_value = map(operator.ne, map(len, lines), map(len, without_values))
        for key, line in itertools.compress(zip(keys, lines), has_value):
            if line[0] in _IGNORED_START or line[0].isspace() or line[-1].isspace() or "^^" in line or "/" in line:
                self._add_odd(line)
            else:
                self._raw[key] = line
                if self._parsed:
                    self._parsed.pop(key, None)
        # Longer substrings than any pattern's letters are never looked up (Pyphen's maxlen)
        self.longest_key = max(map(len, [*self._raw, *self._parsed]))

    def _add_odd(self, line: str) -> None:
        """A line with more to it than a pattern: read exactly as Pyphen reads it."""
        line = line.strip()
        if not line or line.startswith(pyphen.ignored):
            return
        line = _HEX.sub(_hex_character, line)
        pattern, alternative = line.split("/", 1) if "/" in line and "=" in line else (line, None)
        if _NONZERO.search(pattern) is None:
            return
        key = pattern.translate(_DIGITS)
        if alternative is None:
            self._raw[key] = pattern
            self._parsed.pop(key, None)
        else:  # a nonstandard hyphenation ("ff=f"), parsed now
            self._raw.pop(key, None)
            self._parsed[key] = _values(pattern, pyphen.AlternativeParser(pattern, alternative))

    def get(self, key: str) -> tuple[int, tuple] | None:
        """The offset and values of the pattern of these letters, or None when there is none."""
        if key in self._parsed:
            return self._parsed[key]
        raw = self._raw.get(key)
        found = self._parsed[key] = _values(raw, int) if raw is not None else None
        return found


def _values(pattern: str, factory: Callable[[str], int]) -> tuple[int, tuple]:
    """Pyphen's parse of one pattern with a value: its offset, and its values with the zeros at both ends cut."""
    values = tuple(factory(digit or "0") for digit, _ in pyphen.parse(pattern))
    start, end = 0, len(values)
    while not values[start]:
        start += 1
    while not values[end - 1]:
        end -= 1
    return start, values[start:end]


def install_lazy_patterns(language: str) -> None:
    """Put the language's dictionary, read lazily, in Pyphen's cache (before textstat first asks for it)."""
    path = pyphen.LANGUAGES.get(pyphen.language_fallback(language) or "")
    if path is not None and path not in pyphen.hdcache:
        pyphen.hdcache[path] = LazyHyphDict(path)
