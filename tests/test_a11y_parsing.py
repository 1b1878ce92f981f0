"""The checker parses HTML as browsers do: the WHATWG tree-construction tests (html5lib-tests, MIT).

Each case's input is parsed by `parse_document` and its tree written in the tests' own format,
then compared with the expected tree. The checker keeps no comments, doctype or template
contents (rules never read them) and holds names without their namespace, so those parts of
the expected trees are left out before comparing.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pipeline.checks.a11y.page import Page
from pipeline.checks.a11y.semantics.document import Element, parse_document

CASES = Path(__file__).resolve().parent / "html5lib"
#: Cases the checker's tree cannot match, and why.
KNOWN_DIFFERENCES = {
    "webkit01.dat#14": "a tag name XML cannot hold (`rdar:`)",
    "webkit01.dat#45": "an attribute name XML cannot hold (`<`)",
    "webkit02.dat#23": "`xml:baaah` is no namespaced attribute in HTML, but lxml can hold the name only in the XML "
                       "namespace",
    "adoption01.dat#17": "each start tag carries a mark of its own while it is parsed (for its line), so four "
                         "identical `<b>` are no longer identical to the parser's Noah's Ark clause, which "
                         "reopens at most three: the fourth is reopened too",
}
_NAMESPACE_PREFIX = re.compile(r"^(\s*)<(?:svg|math) ")
_ATTRIBUTE_PREFIX = re.compile(r'^(\s*)(?:xlink|xml|xmlns) (\S+=")')


def read_cases(path: Path) -> list[tuple[str, str, list[str], set[str]]]:
    """(id, input, expected tree lines, flags) of each case of a .dat file."""
    cases, section, current = [], "", None
    for line in path.read_text(encoding="utf-8").split("\n"):
        if line == "#data":
            current = {"data": [], "document": [], "flags": set()}
            cases.append(current)
            section = "data"
        elif current is not None and line.startswith("#") and line[1:] in (
            "errors", "new-errors", "document", "document-fragment", "script-on", "script-off"
        ):
            section = line[1:]
            if section in ("document-fragment", "script-on", "script-off"):
                current["flags"].add(section)
        elif current is not None and section in ("data", "document"):
            current[section].append(line)
    found = []
    for number, case in enumerate(cases, start=1):
        document = case["document"]
        while document and document[-1] == "":
            document.pop()
        found.append((f"{path.name}#{number}", "\n".join(case["data"]), document, case["flags"]))
    return found


def expected_tree(lines: list[str]) -> list[str]:
    """The expected tree as the checker keeps it: no comments, doctype or template contents, no namespaces."""
    nodes: list[list[str]] = []  # each node's lines (a text node may span several)
    for line in lines:
        if line.startswith("| "):
            nodes.append([line[2:]])
        else:
            nodes[-1].append(line)
    kept: list[str] = []
    skip_below: int | None = None
    for node in nodes:
        text = "\n".join(node)
        depth = (len(text) - len(text.lstrip(" "))) // 2
        if skip_below is not None and depth > skip_below:
            continue
        skip_below = None
        body = text.strip(" ")
        if body.startswith(("<!--", "<!DOCTYPE")):
            skip_below = depth
            continue
        if body == "content":  # a template's contents: a document fragment, not children
            skip_below = depth - 1
            continue
        text = _ATTRIBUTE_PREFIX.sub(r"\1\2", _NAMESPACE_PREFIX.sub(r"\1<", text))
        if body.startswith('"') and kept and kept[-1].lstrip(" ").startswith('"') and _depth(kept[-1]) == depth:
            kept[-1] = kept[-1][:-1] + body[1:]  # text on both sides of a left-out comment is one text
        else:
            kept.append(text)
    return kept


def _depth(line: str) -> int:
    return (len(line) - len(line.lstrip(" "))) // 2


def tree_lines(element: Element, depth: int = 0) -> list[str]:
    """An element's tree in the tests' format."""
    pad = "  " * depth
    lines = [f"{pad}<{element.tag}>"]
    names = sorted(element.attrib, key=lambda n: _plain(n))
    lines += [f'{pad}  {_plain(name)}="{element.attrib[name]}"' for name in names]
    if element.text:
        lines.append(f'{pad}  "{element.text}"')
    for child in element:
        lines += tree_lines(child, depth + 1)
        if child.tail:
            lines.append(f'{pad}  "{child.tail}"')
    return lines


def _plain(name: str) -> str:
    return name.rpartition("}")[2]


def document_cases() -> list[tuple[str, str, list[str]]]:
    """Every document case (not fragments, not scripting off) of the shipped files."""
    found = []
    for path in sorted(CASES.glob("*.dat")):
        for ident, data, document, flags in read_cases(path):
            if not flags & {"document-fragment", "script-off"} and data.strip():  # an empty file is no page
                found.append((ident, data, document))
    return found


CASE_LIST = document_cases()


def test_the_selection_is_large_enough_to_mean_something():
    assert len(CASE_LIST) >= 600


@pytest.mark.parametrize(("ident", "data", "document"), CASE_LIST, ids=[c[0] for c in CASE_LIST])
def test_the_tree_is_the_one_the_html_standard_builds(ident: str, data: str, document: list[str]):
    got = tree_lines(parse_document(data).root)
    if ident in KNOWN_DIFFERENCES:
        assert got != expected_tree(document), f"{ident} now matches: remove it from KNOWN_DIFFERENCES"
    else:
        assert got == expected_tree(document)


def test_tables_get_their_implied_row_groups_and_rows():
    page = Page("<table><th>Rate<td>15%</table>", "t.html")
    (cell,) = page.elements_by_tag("td")
    assert [a.tag for a in cell.iterancestors()][:3] == ["tr", "tbody", "table"]


def test_each_element_keeps_the_line_of_its_start_tag():
    source = "<!doctype html>\n<html lang=en>\n<title>T</title>\n<p\n  class=x>one<p>two\n<table>\n<td>cell</table>"
    page = Page(source, "t.html")
    lines = {e.tag + str(i): page.line(e) for i, e in enumerate(page.elements)}
    assert [page.line(p) for p in page.elements_by_tag("p")] == [4, 5]
    assert page.line(page.elements_by_tag("td")[0]) == 7
    assert page.line(page.elements_by_tag("tbody")[0]) == 7, lines  # made up by the parser: the line of its cell


def test_markup_inside_comments_scripts_and_attribute_values_is_not_a_tag():
    source = '<p title="a <b> c">x</p><!-- <i> --><script>if (a<b) {}</script><textarea><u></textarea>'
    page = Page(source, "t.html")
    assert [e.tag for e in page.elements if e.tag in ("b", "i", "u")] == []
    assert page.elements_by_tag("p")[0].get("title") == "a <b> c"
    assert page.elements_by_tag("script")[0].text == "if (a<b) {}"
    assert [name for e in page.elements for name in e.attrib if name.startswith("data-pipeline")] == []


def test_a_page_in_another_encoding_is_read_by_its_meta_charset():
    page = Page('<meta charset="windows-1251"><title>Привет</title>'.encode("windows-1251"), "t.html")
    assert page.elements_by_tag("title")[0].text == "Привет"


def test_control_characters_html_keeps_become_replacement_characters():
    page = Page('<p title="a\x12b">q\x12\U000246a0</p>', "t.html")
    (paragraph,) = page.elements_by_tag("p")
    assert (paragraph.text, paragraph.get("title")) == ("q\ufffd\U000246a0", "a\ufffdb")


def _nested(opening: str, closing: str, inner: str, depth: int) -> str:
    return ('<!DOCTYPE html><html lang="en"><head><title>Deep</title><style>div { color: #333; background: #fff }'
            ' span { opacity: .9 }</style></head><body><main><h1>Deep</h1>'
            f"{opening * depth}{inner}{closing * depth}</main></body></html>")


def test_elements_nested_deeper_than_chromium_nests_become_siblings_as_in_chromium():
    # Measured in Chromium (headless, --dump-dom of 600 nested <div>s): the deepest element is at depth 513,
    # counting <html> as 1; the deeper ones are its siblings, nothing is lost.
    document = parse_document(_nested("<div>", "</div>", "deep text", 600))
    depths = [sum(1 for _ in element.iterancestors()) + 1 for element in document.elements]
    assert max(depths) == 513
    assert sum(1 for element in document.elements if element.tag == "div") == 600
    assert "deep text" in "".join(document.root.itertext())


@pytest.mark.parametrize(("opening", "closing", "inner"), [
    ("<div>", "</div>", "deep text"),
    ("<span>", "</span>", "deep text"),
    ("<ul><li>", "</li></ul>", "item"),
    ('<p dir="rtl" lang="ar">نص ', "</p>", "816-396-0245"),
], ids=["divs", "spans", "lists", "right-to-left"])
def test_a_page_nested_far_deeper_than_browsers_nest_is_checked_without_running_out_of_stack(opening, closing, inner):
    from pipeline.checks.a11y import check_html

    findings = check_html(_nested(opening, closing, inner, 700), "deep.html", all_outcomes=True)
    assert any(f.rule == "color-contrast" and f.outcome == "passed" for f in findings)
