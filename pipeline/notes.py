"""Notes and citations on a page: each note reference linked to its note and back, citation markers linked.

A note (`[^label]`, mdit-py-plugins' footnote plugin) keeps the number the source gives it
in every locale: a translation's references are matched to the source's notes by label, so
the page has the same notes, in the same order, in every language. A citation marker `[n]`
in the text links to the n-th item of the References list.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from typing import Any, Mapping, Sequence

from markdown_it.token import Token

from .markdown import REFERENCE_HEADINGS, inline_tokens

CITATION = re.compile(r"\[(\d{1,3})\]")


class PageNotes:
    """The notes and the References list of one page, and the references made to them."""

    def __init__(self, tokens: list[Token], env: Mapping[str, Any]):
        refs = env.get("footnotes", {}).get("refs", {})
        self.notes = {label[1:]: number for label, number in refs.items() if number >= 0}
        self.made: set[tuple[int, int]] = set()
        self.citations = _number_references(tokens)

    def link(self, children: Sequence[Token], cite: bool) -> list[Token]:
        """A unit's inline tokens with its note references numbered as the source's notes are, and
        (with `cite`) its citation markers linked to the References list."""
        linked: list[Token] = []
        in_link = False
        for child in children:
            in_link = (in_link or child.type == "link_open") and child.type != "link_close"
            if child.type == "footnote_ref":
                linked.append(self._note_reference(child))
            elif cite and child.type == "text" and not in_link and self.citations and "[" in child.content:
                linked += self._cited(child.content)
            else:
                linked.append(child)
        return linked

    def prune(self, tokens: list[Token]) -> list[Token]:
        """The body without links back to references the page does not make."""
        return [t for t in tokens if t.type != "footnote_anchor"
                or (t.meta["id"], t.meta.get("subId", 0)) in self.made]

    def _note_reference(self, token: Token) -> Token:
        label = token.meta.get("label")
        number = self.notes.get(label) if label is not None else None
        if number is None:
            return Token("text", "", 0, content=f"[^{label}]")  # no such note in the source
        sub = sum(1 for made, _ in self.made if made == number)
        self.made.add((number, sub))
        return Token("footnote_ref", "", 0, meta={"id": number, "subId": sub, "label": label})

    def _cited(self, text: str) -> list[Token]:
        tokens: list[Token] = []
        position = 0
        for match in CITATION.finditer(text):
            if int(match.group(1)) not in self.citations:
                continue
            if match.start() > position:
                tokens.append(Token("text", "", 0, content=text[position : match.start()]))
            tokens += [Token("link_open", "a", 1, attrs={"href": f"#ref-{match.group(1)}", "class": "citation"}),
                       Token("text", "", 0, content=match.group(0)), Token("link_close", "a", -1)]
            position = match.end()
        if position < len(text):
            tokens.append(Token("text", "", 0, content=text[position:]))
        return tokens


def _number_references(tokens: list[Token]) -> set[int]:
    """Give each item of the first list under a References heading its id (`ref-3`); their numbers."""
    numbers: set[int] = set()
    heading = None
    for index, token in enumerate(tokens):
        if token.type == "heading_open":
            heading = tokens[index + 1].content.strip().rstrip(":").casefold()
        elif token.type in ("ordered_list_open", "bullet_list_open") and heading in REFERENCE_HEADINGS:
            number = int(token.attrGet("start") or 1)
            for item in itertools.islice(tokens, index + 1, None):
                if item.level <= token.level:
                    break
                if item.type == "list_item_open" and item.level == token.level + 1:
                    item.attrSet("id", f"ref-{number}")
                    numbers.add(number)
                    number += 1
            return numbers  # the first list under the heading is the References list (ids are unique)
    return numbers


def note_labels(text: str) -> Counter[str]:
    """The notes a unit's text refers to (`[^label]`), counted."""
    return Counter(str(t.meta.get("label")) for t in inline_tokens(text) if t.type == "footnote_ref")


def citation_markers(text: str) -> Counter[str]:
    """The citation markers (`[2]`) in a unit's text outside its links, counted."""
    markers: Counter[str] = Counter()
    in_link = False
    for token in inline_tokens(text):
        in_link = (in_link or token.type == "link_open") and token.type != "link_close"
        if token.type == "text" and not in_link:
            markers.update(match.group(0) for match in CITATION.finditer(token.content))
    return markers
