"""Link targets and web addresses come through unchanged.

A changed address sends a patient to the wrong page. If you localize an address on purpose,
add the translator comment `# allow: urls` to the entry.

Fails: msgid "[Our clinic](https://example.org/)" → msgstr "[Nuestra clínica](https://example.org/es)"
Passes: msgid "[Our clinic](https://example.org/)" → msgstr "[Nuestra clínica](https://example.org/)"
"""

from __future__ import annotations

from typing import Iterator

from . import CheckContext, Entry
from ._text import bare_urls, link_targets

SEVERITY = "error"


def check(entry: Entry, context: CheckContext) -> Iterator[str]:
    """Compare link targets (other than mailto: and tel:, checked elsewhere) and written-out URLs."""
    if not entry.msgstr:
        return
    web = lambda targets: {t for t in targets if not t.lower().startswith(("mailto:", "tel:"))}  # noqa: E731
    source = web(link_targets(entry.msgid)) | bare_urls(entry.msgid)
    target = web(link_targets(entry.msgstr)) | bare_urls(entry.msgstr)
    for missing in sorted(source - target):
        yield f"the address {missing} of the source is missing or changed"
    for added in sorted(target - source):
        yield f"the address {added} is not in the source"
