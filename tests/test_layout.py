from pathlib import Path

import pytest

from pipeline.layout import Links, PageAddress, address_of, folder_of, locale_folder, page_file, served_file, shown_path


@pytest.mark.parametrize(
    ("locale", "slug", "file"),
    [("es", "leg-cramps", "es/leg-cramps/index.html"), ("pt-BR", None, "pt-BR/index.html"), (None, None, "index.html")],
)
def test_a_page_file_comes_from_its_locale_and_slug_and_back(locale, slug, file):
    assert page_file(locale, slug) == file
    if locale:
        assert address_of(file) == PageAddress(locale, slug)
        assert address_of(f"dist/{file}") == PageAddress(locale, slug)


def test_a_path_outside_the_layout_has_no_address():
    assert address_of("es/leg-cramps/page.html") is None
    assert address_of("index.html") is None
    assert address_of("es/Leg_Cramps/index.html") is None


def test_the_locale_check_decides_which_folder_is_the_locale():
    """`dist/es/index.html`: `dist` has a tag's shape, but the caller knows it is no language."""
    assert address_of("dist/es/index.html", lambda name: name != "dist") == PageAddress("es")


def test_links_go_down_directly_and_elsewhere_through_the_root():
    links = Links(directory_urls=True)
    assert links.href("es/index.html", "es/leg-cramps/index.html") == "leg-cramps/"
    assert links.href("es/leg-cramps/index.html", "es/index.html") == "../../es/"
    assert links.href("es/leg-cramps/index.html", "es/leg-cramps/index.html") == "../../es/leg-cramps/"
    assert links.href("es/leg-cramps/index.html", "assets/style.css") == "../../assets/style.css"
    assert links.href("index.html", "ar/index.html") == "ar/"


def test_links_a_file_browser_follows_end_in_the_file():
    links = Links()
    assert links.href("es/index.html", "es/leg-cramps/index.html") == "leg-cramps/index.html"
    assert links.href("es/leg-cramps/index.html", "es/index.html") == "../../es/index.html"
    assert links.href("index.html", "ar/index.html") == "ar/index.html"
    assert links.href("es/index.html", "assets/style.css") == "../assets/style.css"


def test_absolute_urls_are_written_as_links_are():
    assert Links("https://example.org/health/", directory_urls=True).url("es/leg-cramps/index.html") == \
        "https://example.org/health/es/leg-cramps/"
    assert Links("https://example.org/").url("es/index.html") == "https://example.org/es/index.html"
    with pytest.raises(AssertionError):
        Links().url("es/index.html")


def test_a_served_path_names_its_file():
    assert served_file("es/leg-cramps/") == "es/leg-cramps/index.html"
    assert served_file("") == "index.html"
    assert served_file("es/../fr/index.html") == "fr/index.html"
    assert folder_of("es/index.html") == "es/" and folder_of("assets/style.css") == "assets/style.css"
    assert locale_folder("de") == "de/"


def test_paths_are_shown_relative_to_the_project(tmp_path):
    assert shown_path(tmp_path / "source" / "a.md", tmp_path) == "source/a.md"
    assert shown_path(Path("/elsewhere/a.md"), tmp_path) == "/elsewhere/a.md"
    (tmp_path / "real").mkdir()
    (tmp_path / "link").symlink_to(tmp_path / "real")
    assert shown_path(tmp_path / "link" / "a.md", tmp_path / "real") == "a.md"
