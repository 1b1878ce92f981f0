"""The start tags of a page as written: where each one is, so the parsed tree can say which line made an element.

An HTML5 parser builds elements the source never spells out (`<tbody>`, `<html>`), moves
some (foster parenting) and clones others (formatting elements), so an element's line cannot
be recovered by counting tags afterwards. Instead each start tag is marked before parsing
with an attribute holding its index, which the parser carries onto the element (and onto
clones of it); the tree builder reads the mark and removes it.

The scan follows the HTML tokenizer's states as far as start tags need: comments, bogus
comments and CDATA sections, quoted and unquoted attribute values, and the raw text of
`script`, `style`, `textarea`, `title` and the like. Where the scan cannot be sure (a
`<style>` inside `svg` is an ordinary element, whose children it does not mark), it marks
nothing: an element without a mark takes the line of what the parser made it for.
"""

from __future__ import annotations

import re
from typing import NamedTuple

#: The attribute a mark is written in: a name no page uses, read and removed by the tree builder.
MARK = "data-pipeline-start-tag"
_ATTRIBUTES = (r"""(?:[\t\n\f\r /]+|[^\t\n\f\r />][^\t\n\f\r /=>]*"""
               r"""(?:[\t\n\f\r ]*=[\t\n\f\r ]*(?:"[^"]*"?|'[^']*'?|[^\t\n\f\r >]*))?)*""")
#: Elements whose content the tokenizer reads as text up to their end tag (scripting enabled).
RAW_TEXT = ("script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript")
_RAW_END = {name: re.compile(rf"</{name}[\t\n\f\r />]", re.IGNORECASE) for name in RAW_TEXT}
#: Where markup that may hide a start tag begins: a comment, CDATA, a bogus comment, or a start tag itself.
#: (End tags hold no start tag and are skipped.)
_MARKUP = re.compile(r"<(?:(!--)|(!\[CDATA\[)|([!?])|[A-Za-z])")
_COMMENT_END = re.compile(r"-?>|.*?(?:--!?>|$)", re.DOTALL)
_START_TAG = re.compile(rf"([^\t\n\f\r />]*){_ATTRIBUTES}>")
_ATTRIBUTE_NAME = re.compile(
    r"""[\t\n\f\r /]*([^\t\n\f\r />][^\t\n\f\r /=>]*)(?:[\t\n\f\r ]*=[\t\n\f\r ]*(?:"[^"]*"?|'[^']*'?|[^\t\n\f\r >]*))?"""
)


class StartTag(NamedTuple):
    """One start tag as written: where it starts, where its name ends, and where it ends in the source."""

    start: int
    name_end: int
    end: int

    def name(self, source: str) -> str:
        """Its tag name, lowercased."""
        return source[self.start + 1:self.name_end].lower()

    def attribute_names(self, source: str) -> list[str]:
        """The names of its attributes, lowercased, in the order written (repeats kept)."""
        return [name.lower() for name in _ATTRIBUTE_NAME.findall(source, self.name_end, self.end - 1)]


def mark_start_tags(source: str) -> tuple[str, list[StartTag]]:
    """The source with each start tag marked by its index, and the start tags in source order."""
    pieces: list[str] = []
    tags: list[StartTag] = []
    copied = position = 0
    search, match, length = _MARKUP.search, _START_TAG.match, len(source)
    while (found := search(source, position)) is not None:
        start = found.start()
        if found.lastindex == 1:  # a comment
            position = _COMMENT_END.match(source, start + 4).end()
        elif found.lastindex == 2:
            end = source.find("]]>", start)
            position = end + 3 if end != -1 else length
        elif found.lastindex == 3:  # a doctype or processing instruction ends at the first `>`
            end = source.find(">", start)
            position = end + 1 if end != -1 else length
        else:
            tag = match(source, start + 1)
            if tag is None:
                break  # a tag cut off by the end of the file: the tokenizer drops it
            name_end, position = tag.end(1), tag.end()
            pieces += (source[copied:name_end], f' {MARK}="{len(tags)}"')
            copied = name_end
            tags.append(StartTag(start, name_end, position))
            name = tag.group(1).lower()
            if name == "plaintext":
                break  # everything after it is text
            raw_end = _RAW_END.get(name)
            if raw_end is not None and source[position - 2] != "/":
                ended = raw_end.search(source, position)
                position = ended.start() if ended else length
    pieces.append(source[copied:])
    return "".join(pieces), tags
