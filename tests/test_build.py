import os
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from pipeline import bundle
from pipeline.build import build
from pipeline.config import load_settings
from pipeline.errors import OutputError
from pipeline.markdown import plain_text

from .conftest import REPO

GOLDEN = Path(__file__).parent / "golden"


def read_tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


BLOCKS = ["h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "td", "th"]


def test_source_pages_have_lang_title_main_one_h1_and_every_unit(repo_copy):
    result = build(load_settings(repo_copy))
    dist = repo_copy / "dist"
    assert {"index.html", "en/index.html", "assets/style.css"} <= set(result.files)
    for edition in result.built["en"]:
        page = dist / "en" / edition.article.slug / "index.html"
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "lxml")
        assert soup.html["lang"] == "en" and soup.html["dir"] == "ltr"
        assert soup.title.string.startswith(edition.article.title)
        assert len(soup.find_all("main")) == 1 and len(soup.find_all("h1")) == 1
        assert soup.find("a", class_="skip-link")["href"] == "#main"
        blocks = {" ".join(el.get_text().split()) for el in soup.find_all(BLOCKS)}
        for unit in edition.article.body_units:
            assert " ".join(plain_text(unit.text).split()) in blocks, unit


def test_pages_match_the_golden_files(repo_copy):
    """Rendered pages, byte for byte. Set PIPELINE_UPDATE_GOLDEN=1 to accept a deliberate change."""
    build(load_settings(repo_copy))
    built = {k: v for k, v in read_tree(repo_copy / "dist").items() if k.endswith(".html")}
    if os.environ.get("PIPELINE_UPDATE_GOLDEN"):
        for path, data in built.items():
            (GOLDEN / path).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / path).write_bytes(data)
    golden = {k: v for k, v in read_tree(GOLDEN).items()}
    assert sorted(built) == sorted(golden)
    for path in golden:
        assert built[path].decode() == golden[path].decode(), path


def test_two_builds_are_byte_identical(repo_copy):
    build(load_settings(repo_copy))
    first = read_tree(repo_copy / "dist")
    build(load_settings(repo_copy))
    assert read_tree(repo_copy / "dist") == first


def test_a_failed_build_leaves_the_previous_bundle_untouched(repo_copy, monkeypatch):
    build(load_settings(repo_copy))
    before = read_tree(repo_copy / "dist")
    written = 0

    def failing_write(self, path, content):
        nonlocal written
        written += 1
        if written == 3:
            raise OutputError("disk full", path)
        return original(self, path, content)

    original = bundle.BundleWriter.write
    monkeypatch.setattr(bundle.BundleWriter, "write", failing_write)
    with pytest.raises(OutputError):
        build(load_settings(repo_copy))
    assert read_tree(repo_copy / "dist") == before
    assert not [p for p in repo_copy.iterdir() if p.name.startswith((".staging-", ".retired-"))]


def test_a_bundle_interrupted_while_being_swapped_is_restored(tmp_path):
    """A build killed between its two renames leaves the old bundle retired: the next build puts it back."""
    dist = tmp_path / "dist"
    retired = tmp_path / f"{bundle.RETIRED_PREFIX}dist-x"
    (retired / "dist").mkdir(parents=True)
    (retired / "dist" / "index.html").write_text("previous", encoding="utf-8")
    with pytest.raises(RuntimeError):
        with bundle.BundleWriter(dist):
            raise RuntimeError("killed")
    assert (dist / "index.html").read_text(encoding="utf-8") == "previous"


def test_unsafe_links_in_content_are_removed_and_reported(project):
    article = project / "source" / "leg-cramps.md"
    article.write_text(article.read_text() + "\nClick [here](javascript:alert(1)) or [mail](mailto:a@b.org).\n")
    result = build(load_settings(project))
    html = (project / "dist/en/leg-cramps/index.html").read_text()
    assert "javascript:" not in html and "<a href=\"mailto:a@b.org\">mail</a>" in html
    [finding] = result.report.findings
    assert (finding.rule, finding.file, finding.line) == ("unsafe-link", "source/leg-cramps.md", 24)


def test_raw_html_in_content_is_shown_as_text(project):
    article = project / "source" / "leg-cramps.md"
    article.write_text(article.read_text() + "\n<script>alert(1)</script> and <b>bold</b>\n")
    build(load_settings(project))
    html = (project / "dist/en/leg-cramps/index.html").read_text()
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
