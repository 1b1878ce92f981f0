"""XLIFF 1.2 and 2.1 for CAT tools (Trados, memoQ, Phrase): catalogs out, translations back in."""

from .exchange import ExportResult, ImportResult, export_xliff, import_xliff

__all__ = ["ExportResult", "ImportResult", "export_xliff", "import_xliff"]
