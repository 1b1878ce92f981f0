"""The pages of one run, for rules that look across pages (alternates must point back)."""

from __future__ import annotations

import posixpath
from collections.abc import Sequence
from pathlib import Path

from ...layout import served_file
from .page import Page, head_only
from .semantics.document import PageParseError


class Site:
    """The pages checked together; with a root folder, other pages on disk can be opened too."""

    def __init__(self, pages: Sequence[Page], root: Path | None = None):
        self.pages = list(pages)
        self.root = root
        self._by_file: dict[str, Page | None] = {page.file: page for page in pages}

    def page(self, file: str) -> Page | None:
        """The page at a site path (`es/slug/index.html`), from this run or from disk; None if missing."""
        file = posixpath.normpath(file)
        if file not in self._by_file:
            self._by_file[file] = self._load(file)
        return self._by_file[file]

    def _load(self, file: str) -> Page | None:
        """A page of the site that this run does not check, read up to its `</head>` (`head_only`)."""
        if self.root is None or file.startswith("../"):
            return None
        path = self.root / file
        try:
            return Page(head_only(path.read_bytes()), file)
        except (OSError, PageParseError):
            return None

    @staticmethod
    def page_file(directory_or_file: str) -> str:
        """The file a site path serves: `es/slug/` is `es/slug/index.html`."""
        return served_file(directory_or_file)
