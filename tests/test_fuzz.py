"""Fuzzing: generated articles and catalogs (unicode, right-to-left text, long lines, nesting).

Whatever comes in, the build does not crash; every unit reaches its page translated or as
a fallback marked with the source language; every page parses; the checks run.
"""

import tempfile
from pathlib import Path

from bs4 import BeautifulSoup
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from pipeline.build import build
from pipeline.catalogs import CatalogTree, read_catalog, render_catalog
from pipeline.config import load_settings
from pipeline.characters import CONTROL_CHARACTER
from pipeline.markdown import inline_tokens
from pipeline.sources import load_articles
from pipeline.translate import is_usable
from pipeline.workflow import update_catalogs

from .conftest import write_project

WORDS = ["leg", "cramp", "vein", "قدم", "ساق", "רגל", "Bein", "pierna", "😀", "e\u0301", "ﬁ", "x" * 300]
word = st.one_of(st.sampled_from(WORDS), st.text(st.characters(blacklist_categories=["Cs", "Cc"]), min_size=1, max_size=12))
inline = st.lists(
    st.one_of(
        word,
        word.map(lambda w: f"*{w}*"),
        word.map(lambda w: f"**{w}**"),
        word.map(lambda w: f"`{w}`"),
        st.tuples(word, st.sampled_from(["https://example.org/a", "mailto:a@b.org", "javascript:alert(1)", "../x", "tel:+123"]))
        .map(lambda p: f"[{p[0]}]({p[1]})"),
    ),
    min_size=1, max_size=12,
).map(" ".join)
block = st.one_of(
    inline,
    inline.map(lambda t: f"## {t}"),
    st.lists(inline, min_size=1, max_size=4).map(lambda items: "\n".join(f"- {i}" for i in items)),
    st.lists(inline, min_size=1, max_size=3).map(lambda items: "\n".join(f"1. {i}\n   - {i}" for i in items)),
    inline.map(lambda t: f"> {t}\n>\n> > {t}"),
    st.tuples(inline, inline).map(lambda c: f"| {c[0]} | {c[1]} |\n|---|---|\n| {c[1]} | {c[0]} |"),
    inline.map(lambda t: f"![{t}](image.png)"),
    inline.map(lambda t: f"```\n{t}\n```"),
)
article = st.lists(block, min_size=1, max_size=8).map(lambda blocks: "\n\n".join(blocks))
#: Any text a page can carry: control characters are refused with the catalog's file and line (test_bad_input.py).
page_text = st.text(st.characters(blacklist_categories=["Cs"]).filter(lambda c: not CONTROL_CHARACTER.match(c)), max_size=80)
translation = st.one_of(st.just(""), inline, page_text, inline.map(lambda t: f"<b>{t}</b> {{{{ 7*7 }}}}"))


def shown_text(text: str, translated: bool) -> str:
    """A unit's words as a page shows them: an image's description is its alt attribute, not page text; in a
    translation, tags its source lacks (all here) are text too."""
    kinds = ("text", "code_inline", "image", "html_inline") if translated else ("text", "code_inline")
    # The fuzzed sources have no notes: a translation's `[^label]` is shown as written.
    return "".join(t.content if t.type in kinds else f"[^{t.meta['label']}]" if t.type == "footnote_ref"
                   else " " if t.type.endswith("break") else "" for t in inline_tokens(text))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(body=article, translations=st.lists(translation, min_size=1, max_size=40), fuzzy=st.booleans())
@example(body="leg", translations=["b[^\\]+"], fuzzy=False)  # a note reference the source has no note for
# An image inside a paragraph of text (its description holds a reference-like "[...]"): its alt is no page text
@example(body="leg\n\n![[\u00a5\u0118V]\U000bab41](https://example.org/a)](image.png)", translations=[""], fuzzy=False)
def test_any_article_and_catalog_build_into_pages_that_parse(body, translations, fuzzy):
    with tempfile.TemporaryDirectory() as folder:
        root = write_project(Path(folder), {"fuzz.md": f"---\ntitle: Fuzz\n---\n\n{body}\n"}, locales='["ar"]')
        settings_file = root / "pyproject.toml"
        settings_file.write_text(settings_file.read_text().replace("[tool.pipeline]", "[tool.pipeline]\nthreshold = 0"))
        settings = load_settings(root)
        update_catalogs(settings)
        tree = CatalogTree(root, root / "locales")
        path = tree.po("ar", "fuzz")
        catalog = read_catalog(path, tree, "ar")
        for index, message in enumerate(catalog):
            message.msgstr = translations[index % len(translations)]
            if fuzzy and index % 3 == 0:
                message.fuzzy = True
        path.write_bytes(render_catalog(catalog))

        result = build(settings)  # no crash, whatever the input
        assert result.report.figures["cells"]["ar"]["fuzz"]["published"]
        [article_] = load_articles(root / "source", root, "en")
        catalog = read_catalog(path, tree, "ar")
        for locale in ("en", "ar"):
            page = BeautifulSoup((root / f"dist/{locale}/fuzz/index.html").read_text(encoding="utf-8"), "lxml")
            assert page.html is not None and page.find("main") is not None
            text = " ".join(page.get_text("").split())
            for unit in article_.units:
                if unit.kind in ("description", "image-alt"):
                    continue
                found = catalog.get(unit.text) if locale == "ar" else None
                usable = found is not None and found.translated
                shown = found.msgstr if usable else unit.text
                shown = shown if unit.kind == "title" else shown_text(shown, translated=usable)  # titles are plain text
                assert " ".join(shown.split()) in text or not shown.strip(), (locale, unit, shown)
            if locale == "ar":
                fallbacks = [u for u in article_.body_units if not (catalog.get(u.text) and catalog.get(u.text).translated)]
                marked = page.select('[lang="en"]')
                assert len(marked) >= min(1, len(fallbacks))
        assert (root / "reports/report.json").exists()
