"""Raw HTML in articles: what may reach a page, through nh3 (the Ammonia sanitizer).

The publisher's own team writes the sources: their HTML blocks and inline tags are kept
where the allowlist allows (`<sup>`, `<sub>`, `<abbr title>`, `<kbd>`, `<br>`, `<small>`,
`<mark>`) and removed otherwise, their text kept; comments never reach a page. A
translation may use only the tags its source unit has; any other tag is shown as text
(the `inline-html` catalog rule reports it).
"""

from __future__ import annotations

import functools
import re
from collections import Counter

import nh3
from markdown_it.token import Token

from .markdown import inline_tokens

#: Tags an article may use, with the attributes each may carry.
ALLOWED_TAGS: dict[str, frozenset[str]] = {
    "sup": frozenset(),
    "sub": frozenset(),
    "abbr": frozenset({"title"}),
    "kbd": frozenset(),
    "br": frozenset(),
    "small": frozenset(),
    "mark": frozenset(),
}
_TAG_NAME = re.compile(r"<\s*/?\s*([A-Za-z][A-Za-z0-9-]*)")


@functools.lru_cache(maxsize=1)
def _cleaner() -> nh3.Cleaner:
    """The one sanitizer: the allowlist, comments and scripts removed, no attributes added."""
    return nh3.Cleaner(
        tags=set(ALLOWED_TAGS),
        attributes={tag: set(names) for tag, names in ALLOWED_TAGS.items() if names},
        strip_comments=True,
        link_rel=None,
    )


def clean_html(html: str) -> str:
    """An HTML block or fragment with only the allowed tags and attributes left."""
    return _cleaner().clean(html)


def tag_name(token: Token) -> str | None:
    """The lower-case name of the tag an `html_inline` token is (None for comments and the like)."""
    match = _TAG_NAME.match(token.content)
    return match.group(1).lower() if match else None


def tag_names(tokens: list[Token] | tuple[Token, ...]) -> frozenset[str]:
    """The names of the allowed tags some inline tokens use."""
    return frozenset(name for t in tokens if t.type == "html_inline" and (name := tag_name(t)) in ALLOWED_TAGS)


def clean_tag(token: Token) -> str:
    """One inline tag as it may appear on a page: sanitized, or "" when it is not allowed.

    nh3 cleans fragments, so a lone opening tag comes back closed: its opening part is kept.
    """
    name = tag_name(token)
    if name not in ALLOWED_TAGS:
        return ""
    if token.content.lstrip("< \t").startswith("/"):
        return f"</{name}>"
    cleaned = clean_html(token.content)
    return cleaned.removesuffix(f"</{name}>")


def inline_html(children: list[Token], source_tags: frozenset[str], translated: bool) -> list[Token]:
    """A unit's inline tokens with its HTML made safe: allowed tags cleaned, others removed.

    In a translation, a tag its source unit does not have is shown as text instead.
    """
    kept: list[Token] = []
    for child in children:
        if child.type != "html_inline":
            kept.append(child)
        elif child.content.lstrip().startswith("<!--") and not translated:
            continue
        elif translated and tag_name(child) not in source_tags:
            kept.append(Token("text", "", 0, content=child.content))
        elif cleaned := clean_tag(child):
            kept.append(Token("html_inline", "", 0, content=cleaned))
    return kept


def html_in_text(text: str) -> Counter[str]:
    """The HTML a unit's text uses, counted by tag name (`<!--` for a comment, `<?` for anything else)."""
    found: Counter[str] = Counter()
    for token in inline_tokens(text):
        if token.type == "html_inline":
            name = tag_name(token)
            found["<!--" if token.content.startswith("<!--") else f"<{name}>" if name else "<?"] += 1
    return found
