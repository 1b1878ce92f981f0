"""The built bundle in a real browser: axe-core in headless Chromium finds no violation on any page."""

from pipeline.build import build
from pipeline.config import load_settings

from .axe import run_axe


def test_axe_core_reports_no_violation_on_any_built_page(repo_copy):
    build(load_settings(repo_copy))
    pages = sorted((repo_copy / "dist").rglob("*.html"))
    assert len(pages) == 15  # 5 locales' indexes, 9 article pages, the language chooser
    results = run_axe(pages)
    assert set(results) == {p.resolve() for p in pages}
    violations = {str(p.relative_to(repo_copy / "dist")): sorted(r.violations) for p, r in
                  ((p, results[p.resolve()]) for p in pages) if r.violations}
    assert violations == {}
    assert all("html-has-lang" in results[p.resolve()].passes for p in pages)
