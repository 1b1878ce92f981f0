"""Link targets and web addresses come through unchanged.

A changed address sends a patient to the wrong page. If you localize an address on purpose,
add the translator comment `# allow: urls` to the entry.

Fails: msgid "[Our clinic](https://example.org/)" → msgstr "[Nuestra clínica](https://example.org/es)"
Passes: msgid "[Our clinic](https://example.org/)" → msgstr "[Nuestra clínica](https://example.org/)"
"""

from __future__ import annotations

from typing import Iterator

from .. import CheckContext, Entry
from ..text import bare_urls, differences, link_targets

SEVERITY = "error"


def check(entry: Entry, context: CheckContext) -> Iterator[str]:
    """Compare link targets (other than mailto: and tel:, checked elsewhere) and written-out URLs."""
    if not entry.msgstr:
        return
    source = _web_targets(entry.msgid) | bare_urls(entry.msgid)
    target = _web_targets(entry.msgstr) | bare_urls(entry.msgstr)
    yield from differences(source, target, "address")


def _web_targets(text: str) -> set[str]:
    """Link targets other than e-mail addresses and phone numbers (their own rules compare them)."""
    return {t for t in link_targets(text) if not t.lower().startswith(("mailto:", "tel:"))}
