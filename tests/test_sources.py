import datetime
import os

import pytest

from pipeline.errors import SourceError
from pipeline.sources import load_articles, read_article

from .conftest import REPO, write_project


def load(root):
    return load_articles(root / "source", root, "en")


def test_units_in_document_order_with_kinds_and_lines(project):
    [article] = load(project)
    assert article.slug == "leg-cramps"
    assert article.date == datetime.date(2024, 3, 1)
    assert [(u.kind, u.line) for u in article.units] == [
        ("title", 2),
        ("description", 3),
        ("heading", 7),
        ("paragraph", 9),
        ("heading", 11),
        ("list-item", 13),
        ("list-item", 14),
        ("blockquote", 16),
        ("table-cell", 18),
        ("table-cell", 18),
        ("table-cell", 20),
        ("table-cell", 20),
        ("image-alt", 22),
    ]
    paragraph = article.units[3]
    assert paragraph.text == "Cramps are *sudden* and painful. See [the NHS page](https://www.nhs.uk/)."
    assert article.units[-1].text == "A person stretching a calf"
    assert article.units[4].description == "heading level 2"


def test_code_blocks_are_not_units_and_soft_breaks_are_joined(tmp_path):
    root = write_project(tmp_path, {"a.md": "---\ntitle: A\n---\nOne line\nand the next.\n\n```\ncode here\n```\n\n    indented code\n"})
    [article] = load(root)
    assert [u.text for u in article.body_units] == ["One line and the next."]


def test_title_defaults_to_the_first_heading(tmp_path):
    root = write_project(tmp_path, {"no-front-matter.md": "# Cramps\n\nText.\n"})
    [article] = load(root)
    assert (article.title, article.slug) == ("Cramps", "no-front-matter")


def test_shipped_articles_keep_every_seed_sentence():
    articles = load_articles(REPO / "source", REPO, "en")
    assert [a.slug for a in articles] == ["restless-leg-syndrome-cause", "restless-legs-leg-cramps"]
    texts = " ".join(u.text for a in articles for u in a.units)
    for sentence in (
        "Dopamine is a chemical messenger that plays a vital role in controlling movement and regulating sensations.",
        "Varicose veins are “leaky pipes” in our legs that allow blood to pool and become stagnant.",
        "Iron Deficiency: Low iron levels in the blood have been linked to the development and severity of RLS symptoms.",
    ):
        assert sentence in texts
    assert "CommentsRestless" not in texts and "crampsLeg" not in texts and "•" not in texts


@pytest.mark.parametrize(
    "name, content, expected",
    [
        ("bad.md", b"---\ntitle: x\n---\nfine\n\xff\n", "bad.md:5: not UTF-8"),
        ("bad.md", b"---\ntitle: [unclosed\n---\ntext\n", "bad.md:2: front matter is not valid YAML"),
        ("bad.md", b"---\ntitle: x\n", "bad.md:1: front matter opened with --- on line 1 is never closed"),
        ("bad.md", b"---\ntitle: x\ndate: 12\n---\ntext\n", "bad.md:3: front-matter field 'date' must be a date"),
        ("bad.md", b"---\ntitle: [1, 2]\n---\ntext\n", "bad.md:2: front-matter field 'title' must be text"),
        ("bad.md", b"  \n\n", "bad.md: empty article"),
        ("bad.md", b"---\ntitle: x\n---\n\n", "bad.md:4: empty article: nothing after the front matter"),
        ("bad.md", b"---\ntitle: x\nslug: ../etc\n---\ntext\n", "bad.md:3: slug '../etc' must be"),
        ("Bad Name.md", b"---\ntitle: x\n---\ntext\n", "Bad Name.md: slug 'Bad Name' must be"),
        ("bad.md", b"---\ntitle: x\nlang: fr\n---\ntext\n", "bad.md:3: lang 'fr' differs from the source locale"),
        ("bad.md", b"text without a title\n", "bad.md: no title"),
    ],
)
def test_bad_source_files_name_the_file_and_line(tmp_path, name, content, expected):
    (tmp_path / name).write_bytes(content)
    with pytest.raises(SourceError) as caught:
        read_article(tmp_path / name, f"source/{name}", "en")
    assert str(caught.value).startswith(f"source/{expected}")


def test_duplicate_slugs_name_both_files(tmp_path):
    root = write_project(tmp_path, {"a.md": "---\ntitle: A\nslug: same\n---\nx\n", "b.md": "---\ntitle: B\nslug: same\n---\ny\n"})
    with pytest.raises(SourceError, match="source/b.md: slug 'same' is already used by source/a.md"):
        load(root)


def test_a_link_leaving_the_source_folder_is_refused(tmp_path):
    root = write_project(tmp_path, {})
    outside = tmp_path / "secret.md"
    outside.write_text("---\ntitle: S\n---\nsecret\n", encoding="utf-8")
    os.symlink(outside, root / "source" / "secret.md")
    with pytest.raises(SourceError, match="outside the source folder"):
        load(root)


def test_missing_or_empty_source_folder(tmp_path):
    with pytest.raises(SourceError, match="source: source folder not found"):
        load(tmp_path)
    (tmp_path / "source").mkdir()
    with pytest.raises(SourceError, match="no articles"):
        load(tmp_path)


def test_an_article_of_code_alone_is_not_empty(tmp_path):
    root = write_project(tmp_path, {"code.md": "---\ntitle: Commands\n---\n\n```\npipeline build\n```\n"})
    [article] = load(root)
    assert [u.kind for u in article.units] == ["title"]
