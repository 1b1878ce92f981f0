"""Runs read left to right as a whole, kept whole inside right-to-left text.

In Arabic or Hebrew text the Unicode bidi algorithm (UAX #9) lays out digits, hyphens and
spaces by their neighbours: after an Arabic letter `816-396-0245` is drawn `0245-396-816`,
and in Hebrew `816 396 0245` is drawn `0245 396 816`. A patient who dials what they see
calls a wrong number. Such runs — phone numbers, e-mail addresses, URLs and domain names
written as text, DOIs, ISBNs, codes such as `ICD-10 G25.81`, ISO dates, numbers grouped
with spaces, inline code — are wrapped in `<bdi dir="ltr">`, whatever the translator typed;
numbers get `class="nowrap"` too, so a phone number is never split across two lines.

Number ranges are left alone on purpose: `1–2` or `10-20` inside Arabic text is drawn
`2–1`, and a right-to-left reader reads it from the right, first number first — the
ordinary right-to-left reading of a range. So two numbers joined by a dash are a range;
a phone number needs three groups (`396-0245` alone reads as a range), or a leading `+`,
or a tel: link, whose text is isolated whole.

Bidi control characters a translator typed (U+202A–U+202E, U+2066–U+2069) stay inside
their unit: a unit is a block of its own, and one that contains controls is also wrapped
in an isolate (FSI … PDI), which closes whatever the controls opened.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the renderer's tokens: the accessibility check shares the patterns and does not load markdown-it
    from markdown_it.token import Token

#: The tag that isolates a run; `dir` says it is left to right even when it holds no letter.
ISOLATE_OPEN = '<bdi dir="ltr">'
#: The same for numbers (phone numbers, ISBNs, codes, grouped digits), which the stylesheet keeps on one line.
NUMBER_OPEN = '<bdi dir="ltr" class="nowrap">'
ISOLATE_CLOSE = "</bdi>"
NUMBER_KINDS = frozenset({"phone", "grouped", "isbn", "code"})
FIRST_STRONG_ISOLATE, POP_DIRECTIONAL_ISOLATE = "\u2068", "\u2069"
CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
#: Letters written right to left (Hebrew, Arabic, Syriac, Thaana, N'Ko…, and their presentation forms).
RTL_LETTER = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")

#: What a URL-like run may end with: not punctuation (Latin, Arabic or Hebrew), quotes or brackets.
_END = r"[^\s<>\"'.,;:!?()\[\]{}«»‘’“”\u060c\u061b\u061f\u05c3]"
_PATTERNS = {
    "url": rf"(?<![\w/])(?:(?:https?|ftp)://|www\.)[^\s<>\"]*{_END}",
    "scheme": rf"(?<![\w/])(?:mailto|tel):[^\s<>\"]*{_END}",
    "email": r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+",
    "doi": rf"(?<![\w/.])10\.\d{{4,9}}/[^\s<>\"]*{_END}",
    "isbn": r"ISBN(?:-1[03])?:?[ \u00a0]?[\dX](?:[- ]?[\dX]){9,12}(?![\w-])",
    # Every repetition starts with a separator, so a long run of digits is read in linear time.
    "phone": r"(?<![\w+.,-])(?:\+[ \u00a0]?\d+(?:[ \u00a0.-]\(?\d+\)?)*|\(?\d+\)?(?:[ \u00a0.-]\(?\d+\)?){2,})"
             r"(?![\w-]|[.,]\d)",
    "grouped": r"(?<![\w.,])\d{1,3}(?:[\u00a0\u202f]\d{3})+(?!\w)",
    "code": r"(?<![\w-])[A-Z]+-?\d+(?:\.\d+)*(?:[ \u00a0][A-Z]+\d+(?:\.\d+)*)*(?![\w-])",
    "domain": r"(?<![\w.@/-])(?:[A-Za-z0-9-]+\.)+[a-z]{2,24}(?![\w@-])",
}
#: Every run starts with a Latin letter, a digit (of any script), "(" or "+": that one test at each
#: character, before the alternatives are tried, keeps the search fast over right-to-left words.
LTR_RUN = re.compile(r"(?=[A-Za-z(+]|\d)(?:" + "|".join(f"(?P<{k}>{p})" for k, p in _PATTERNS.items()) + ")")
_DIGIT = re.compile(r"\d")
MIN_PHONE_DIGITS = 7  # fewer digits in three groups is a list of numbers, not a phone number


def ltr_runs(text: str) -> Iterator[re.Match[str]]:
    """The runs of a text that are read left to right as a whole (see the module's docstring)."""
    for match in LTR_RUN.finditer(text):
        if match.lastgroup == "phone" and not match.group().startswith("+") and \
                len(_DIGIT.findall(match.group())) < MIN_PHONE_DIGITS:
            continue
        if match.lastgroup in ("domain", "code") and RTL_LETTER.search(match.group()):
            continue
        yield match


def has_controls(text: str) -> bool:
    """Whether a text holds bidi embedding, override or isolate controls."""
    return CONTROLS.search(text) is not None


def isolate_runs(children: Sequence[Token]) -> list[Token]:
    """Inline tokens with each left-to-right run isolated: in text, inline code, and the whole text of tel: links.

    Tokens are shared (parsed once per text): new ones are made, none is changed.
    """
    isolated: list[Token] = []
    in_tel_link = False
    for token in children:
        if token.type == "link_open":
            in_tel_link = str(token.attrGet("href") or "").lower().startswith("tel:")
        elif token.type == "link_close":
            in_tel_link = False
        if token.type == "text" and in_tel_link and not RTL_LETTER.search(token.content):
            isolated += _wrapped([token], NUMBER_OPEN)
        elif token.type == "text":
            isolated += _split(token.content)
        elif token.type == "code_inline" and not RTL_LETTER.search(token.content):
            isolated += _wrapped([token], ISOLATE_OPEN)
        else:
            isolated.append(token)
    return isolated


def isolate_controls(children: Sequence[Token]) -> list[Token]:
    """A unit's tokens inside an isolate (FSI … PDI) that closes whatever bidi controls in them opened."""
    return [_html(FIRST_STRONG_ISOLATE), *children, _html(POP_DIRECTIONAL_ISOLATE)]


def _split(text: str) -> list[Token]:
    """A text token cut around its left-to-right runs, each run isolated."""
    tokens: list[Token] = []
    done = 0
    for match in ltr_runs(text):
        if match.start() > done:
            tokens.append(_text(text[done:match.start()]))
        tokens += _wrapped([_text(match.group())], _opening(match))
        done = match.end()
    if done < len(text):
        tokens.append(_text(text[done:]))
    return tokens


def _opening(run: re.Match[str]) -> str:
    """The tag that opens a run's isolate: numbers are kept on one line."""
    return NUMBER_OPEN if run.lastgroup in NUMBER_KINDS else ISOLATE_OPEN


def _wrapped(tokens: list[Token], opening: str) -> list[Token]:
    return [_html(opening), *tokens, _html(ISOLATE_CLOSE)]


def _text(content: str) -> Token:
    return _token("text", content)


def _html(content: str) -> Token:
    return _token("html_inline", content)


def _token(kind: str, content: str) -> Token:
    from markdown_it.token import Token

    return Token(kind, "", 0, content=content)


def isolated_html(text: str, right_to_left: bool) -> str:
    """Plain text as HTML: escaped, its left-to-right runs isolated when it sits in right-to-left text."""
    if not right_to_left:
        return isolated_text(html.escape(text, quote=False))
    parts: list[str] = []
    done = 0
    for match in ltr_runs(text):
        parts += [html.escape(text[done:match.start()], quote=False), _opening(match),
                  html.escape(match.group(), quote=False), ISOLATE_CLOSE]
        done = match.end()
    parts.append(html.escape(text[done:], quote=False))
    return isolated_text("".join(parts))


def isolated_text(text: str) -> str:
    """A text that holds bidi controls inside an isolate (FSI … PDI) that closes what they opened; others as they are."""
    return f"{FIRST_STRONG_ISOLATE}{text}{POP_DIRECTIONAL_ISOLATE}" if has_controls(text) else text
