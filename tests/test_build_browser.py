"""The built bundle in a real browser: no axe-core violation on any page, and every page reached by its links."""

import functools
import http.server
import threading
from urllib.parse import unquote

import pytest

from pipeline.build import build
from pipeline.config import load_settings
from pipeline.layout import served_file

from .axe import run_axe
from .chromium import crawl


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


def reached_files(crawled: dict, base: str) -> set[str]:
    """The bundle files a crawl reached, relative to where the bundle is (file:// or http:// base)."""
    return {unquote(page["url"]).removeprefix(base) for page in crawled["reached"]}


def test_the_bundle_opened_from_disk_reaches_every_page(repo_copy):
    """`dist/index.html` opened in a browser from disk: every link opens a page, never a folder listing."""
    build(load_settings(repo_copy))
    dist = (repo_copy / "dist").resolve()
    pages = {p.relative_to(dist).as_posix() for p in dist.rglob("*.html")}
    crawled = crawl(dist / "index.html")
    assert crawled["broken"] == []
    assert reached_files(crawled, dist.as_uri() + "/") == pages
    assert all(page["lang"] for page in crawled["reached"])


@pytest.mark.parametrize("directory_urls", [False, True])
def test_the_bundle_served_by_a_plain_server_reaches_every_page(repo_copy, directory_urls):
    settings = load_settings(repo_copy).with_overrides(directory_urls=directory_urls)
    build(settings)
    dist = (repo_copy / "dist").resolve()
    pages = {p.relative_to(dist).as_posix() for p in dist.rglob("*.html")}
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(dist))
    with http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler) as server:
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        try:
            crawled = crawl(base + "index.html")
        finally:
            server.shutdown()
    assert crawled["broken"] == [] and all(page["status"] == 200 for page in crawled["reached"])
    reached = {served_file(path) for path in reached_files(crawled, base)}
    assert reached == pages
