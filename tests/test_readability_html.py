"""The editors' HTML view: hard sentences marked with numbers, suggestions beside, accessible itself."""

from __future__ import annotations

from bs4 import BeautifulSoup

from pipeline.checks.readability import check_readability, render_html
from pipeline.model import Translation
from pipeline.translate import localize, source_edition

from .readability.helpers import FIXTURES, REPO, article_from, translations

NEW_ARTICLE = FIXTURES / "new-article.md"


def page(editions, sources=None) -> BeautifulSoup:
    report = check_readability(editions, {}, sources=sources)
    return BeautifulSoup(render_html(report, editions), "lxml")


def test_the_page_is_itself_accessible():
    source = source_edition(article_from(REPO / "source" / "restless-legs-leg-cramps.md"))
    arabic = localize(source.article, "ar", translations(REPO / "locales/ar/LC_MESSAGES/restless-legs-leg-cramps.po"),
                      "locales/ar/LC_MESSAGES/restless-legs-leg-cramps.po")
    soup = page([source, arabic])
    assert soup.html["lang"] == "en"
    assert soup.title.get_text(strip=True) == "Readability report"
    assert len(soup.find_all("main")) == 1 and len(soup.find_all("h1")) == 1
    levels = [int(h.name[1]) for h in soup.find_all(["h1", "h2", "h3", "h4", "h5", "h6"])]
    assert levels[0] == 1 and all(b - a <= 1 for a, b in zip(levels, levels[1:]))
    table = soup.find("table")
    assert table.caption.get_text(strip=True) and all(th.get("scope") == "col" for th in table.find_all("th"))
    # Arabic text is marked as Arabic, right to left; the page's own words stay English.
    rtl = soup.select('p.text[lang="ar"]')
    assert rtl and all(p["dir"] == "rtl" for p in rtl)


def test_hard_sentences_are_marked_and_numbered_with_suggestions_beside_them():
    soup = page([source_edition(article_from(NEW_ARTICLE, "source/new-article.md"))])
    marks = soup.find_all("mark", class_=False)
    marked = {mark.get_text() for mark in marks if mark.find_parent("main") and mark.find_parent("p", class_="text")}
    assert "The vein is closed by the doctor with a small needle." in marked
    assert any(text.startswith("Before the treatment starts") for text in marked)
    for mark in soup.select("p.text mark"):
        links = mark.find_next_sibling("sup").find_all("a")
        for link in links:  # each number leads to a note that says, in words, what is wrong
            note = soup.find(id=link["href"][1:])
            assert note is not None and note.name == "li"
            assert note.find(class_="label").get_text(strip=True).endswith(":")
            assert "source/new-article.md:" in note.get_text()
    # The words a suggestion is about are marked inside the sentence, not by colour alone.
    assert {s.get_text() for s in soup.select("p.text mark strong")} >= {"sclerotherapy", "sixty-seven percent", "is closed"}
    notes = soup.get_text()
    assert "write '67%'" in notes and "say 'an injection that closes the vein'" in notes


def test_untranslated_units_are_shown_in_the_source_language_and_not_scored():
    article = article_from(FIXTURES / "rules" / "translation-harder" / "source.md")
    everything = translations(FIXTURES / "rules" / "translation-harder" / "pass.es.po")
    first = next(k for k in everything if k.startswith("Leg cramps are common"))
    partial = localize(article, "es", {first: everything[first]}, "pass.es.po")
    soup = page([partial])
    fallbacks = soup.select("div.fallback p.text")
    assert len(fallbacks) == 2 and all(p["lang"] == "en" for p in fallbacks)
    assert all("Not translated, not scored" in p.get_text() for p in fallbacks)
    assert soup.select('div.prose p.text[lang="es"]')


def test_translated_text_is_escaped():
    article = article_from(FIXTURES / "rules" / "translation-harder" / "source.md")
    first = next(u.text for u in article.units if u.kind == "paragraph")
    # Tags are not words (plain text leaves them out); written as entities they are text, and must stay text.
    hostile = {first: Translation("Hola &lt;script&gt;alert(1)&lt;/script&gt; amigos, <b>bienvenidos</b> <script>x</script>.", False, 7)}
    edition = localize(article, "es", hostile, "x.po")
    html = render_html(check_readability([edition], {}), [edition])
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_locales_that_are_not_scored_say_why():
    edition = localize(article_from(NEW_ARTICLE), "pt-BR", {}, "locales/pt_BR/LC_MESSAGES/new-article.po")
    soup = page([edition])
    assert "Not scored: no readability formula for" in soup.get_text()


def test_the_project_accessibility_checker_finds_nothing_in_the_editors_view():
    from pipeline.checks.a11y import check_html

    source = source_edition(article_from(REPO / "source" / "restless-leg-syndrome-cause.md"))
    po = "locales/ar/LC_MESSAGES/restless-leg-syndrome-cause.po"
    arabic = localize(source.article, "ar", translations(REPO / po), po)
    editions = [source, arabic, localize(source.article, "pt-BR", {}, "locales/pt_BR/LC_MESSAGES/x.po")]
    html = render_html(check_readability(editions, {}, sources={source.article.slug: source}), editions)
    failed = [f for f in check_html(html, "reports/readability.html") if f.outcome in ("failed", "cantTell")]
    assert failed == []
