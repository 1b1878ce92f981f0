import random
import re

from pipeline import markdown
from pipeline.markdown import count_words, link_scheme, parse_body, parse_inline, parser, plain_text, unit_slots

#: The inline rules `markdown._INLINE_START` knows the first characters of: a new one needs its characters there.
INLINE_RULES = ["text", "newline", "escape", "backticks", "strikethrough", "emphasis", "link", "image",
                "footnote_inline", "footnote_ref", "autolink", "html_inline", "entity"]


def test_image_standing_alone_is_an_alt_text_unit_and_inline_images_stay_in_their_paragraph():
    tokens = parse_body("![Alt text](a.png)\n\nSee ![icon](i.png) here.\n\n![](decorative.png)\n")
    slots = list(unit_slots(tokens))
    assert [(s.kind, s.text) for s in slots] == [("image-alt", "Alt text"), ("paragraph", "See ![icon](i.png) here.")]


def test_paragraphs_in_containers_take_the_innermost_kind():
    tokens = parse_body("> - quoted item\n\n- item\n\n  > quote in item\n")
    assert [s.kind for s in unit_slots(tokens)] == ["list-item", "list-item", "blockquote"]


def test_hidden_paragraphs_of_tight_lists_have_no_element_to_carry_lang():
    [slot] = unit_slots(parse_body("- tight item\n"))
    assert slot.element is None
    [slot] = unit_slots(parse_body("Para.\n"))
    assert slot.element is not None and slot.element.type == "paragraph_open"


def test_words_exclude_markdown_syntax_and_link_targets():
    text = "Call [816-396-0245](tel:+18163960245) or see **the** [NHS](https://www.nhs.uk/a-long/path)."
    assert plain_text(text) == "Call 816-396-0245 or see the NHS."
    assert count_words(text) == 6
    assert count_words("don’t de-oxygenated 67%") == 3


def test_link_scheme():
    assert link_scheme("JavaScript:alert(1)") == "javascript"
    assert link_scheme("https://x.org") == "https"
    assert link_scheme("../other/") is None
    assert link_scheme("#top") is None


def test_list_items_under_a_references_heading_are_citations():
    tokens = parse_body("## Causes\n\n- iron\n\n## References\n\n1. Hirai M. Vasa 2000.\n\n## More\n\n- item\n")
    assert [s.kind for s in unit_slots(tokens)] == ["heading", "list-item", "heading", "reference", "heading", "list-item"]


def test_a_text_without_markdown_is_parsed_as_the_parser_would(monkeypatch):
    """parse_inline skips the parser for texts where no inline rule can start; the parser gives the same tokens."""
    assert parser().inline.ruler.get_active_rules() == INLINE_RULES
    rng = random.Random(20)
    # Markdown's characters too, so that a character missing from `_INLINE_START` shows as a text parsed differently.
    alphabet = "ab AZéß.,;:?()\"'-+=#%$@{}|/\t\u00a0\u2003\u200f١٢ك\u064e" + "*_`[]!<>&\\~^\n\r\0"
    texts = ["", " ", "  a  ", "Water helps: 2.5 mg, twice a day (see below) - or not?", "a\nb", "a\r\nb", "a\0b",
             "a \\*b", "`c`", "~~s~~", "a *b*", "a _b_", "[l](u)", "![i](s)", "^[n]", "[^1]", "<https://x.org>",
             "<b>x</b>", "&amp; &#35;"]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 16))) for _ in range(5000)]
    skipping = [parse_inline(text) for text in texts]
    monkeypatch.setattr(markdown, "_INLINE_START", re.compile(""))  # matches every text: always parsed
    assert [parse_inline(text) for text in texts] == skipping
