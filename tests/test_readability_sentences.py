"""Text preparation: prose only, Markdown stripped, sentences split the way readers see them."""

from __future__ import annotations

import sys

import pytest
from textstat.textstat import textstatistics

from pipeline.checks.readability import check_readability
from pipeline.checks.readability.sentences import _ALNUM, prose_text, sentences
from pipeline.translate import source_edition

from .readability.helpers import article_text


@pytest.mark.parametrize(("text", "language", "expected"), [
    ("Dr. Lee saw her on Monday. She was fine.", "en",
     ["Dr. Lee saw her on Monday.", "She was fine."]),
    ("Take 2.5 mg twice a day. Then stop.", "en", ["Take 2.5 mg twice a day.", "Then stop."]),
    ("Eat foods rich in iron, e.g. spinach or beans. They help.", "en",
     ["Eat foods rich in iron, e.g. spinach or beans.", "They help."]),
    ("Many U.S. doctors use it. Ask yours.", "en", ["Many U.S. doctors use it.", "Ask yours."]),
    ("Is it serious? Yes! Call us now.", "en", ["Is it serious?", "Yes!", "Call us now."]),
    ("See No. 5 in the list. It helps.", "en", ["See No. 5 in the list.", "It helps."]),
    ("Cramps are common (most adults get them). Stretching helps.", "en",
     ["Cramps are common (most adults get them).", "Stretching helps."]),
    ("“Leaky pipes” let blood pool. It hurts… Then it stops.", "en",
     ["“Leaky pipes” let blood pool.", "It hurts…", "Then it stops."]),
    ("¿Es grave? Sí. Consulte a su médico.", "es", ["¿Es grave?", "Sí.", "Consulte a su médico."]),
    ("La Dra. Ruiz lo explica. Es fácil.", "es", ["La Dra. Ruiz lo explica.", "Es fácil."]),
    ("Viven en EE. UU. desde hace años. Les va bien.", "es", ["Viven en EE. UU. desde hace años.", "Les va bien."]),
    ("Das hilft z. B. bei Krämpfen. Trinken Sie Wasser.", "de",
     ["Das hilft z. B. bei Krämpfen.", "Trinken Sie Wasser."]),
    ("Mme Dupont va mieux. Elle marche.", "fr", ["Mme Dupont va mieux.", "Elle marche."]),
    ("هل هذا خطير؟ لا. اتصل بطبيبك.", "ar", ["هل هذا خطير؟", "لا.", "اتصل بطبيبك."]),
    ("Walk every day", "en", ["Walk every day"]),  # a list item without a period is a sentence
])
def test_sentences_are_split_where_readers_see_them(text: str, language: str, expected: list[str]):
    assert list(sentences(text, language)) == expected


def test_prose_text_strips_markdown_link_targets_and_citation_marks():
    markdown = "See **the [NHS page](https://www.nhs.uk/)** on `cramps`, ninety-one percent.[1] Or [2,3] *that*."
    assert prose_text(markdown) == "See the NHS page on cramps, ninety-one percent. Or that."


def test_article_scores_and_sentence_counts_come_from_the_same_split(tmp_path):
    article = article_text(tmp_path, """\
        ---
        title: Iron
        ---
        Dr. Lee says iron helps, e.g. in spinach. Take 2.5 mg a day. Is it safe? Yes. Ask first.
        """)
    result = check_readability([source_edition(article)], {}).results[0]
    assert result.sentences == 5
    # textstat's own splitter reads this text differently (it breaks on "Dr." and "2.5").
    assert textstatistics().sentence_count(prose_text(article.units[-1].text)) != 5


def test_only_prose_is_scored_not_headings_code_tables_or_references(tmp_path):
    article = article_text(tmp_path, """\
        ---
        title: A very long title with many extraordinarily complicated polysyllabic words
        ---
        # A heading with extraordinarily complicated polysyllabic terminology

        Cramps hurt. Stretch your calf.

        > Call a doctor if it lasts.

        - Drink water.

        | Sign | Meaning |
        |------|---------|
        | Extraordinarily complicated | Polysyllabic terminology |

        ```
        Extraordinarily complicated polysyllabic terminology in code.
        ```

        ![An extraordinarily complicated polysyllabic illustration](x.png)

        ## References

        1. Hirai M. Prevalence and characteristics of muscle cramps. Vasa. 2000.
        """)
    result = check_readability([source_edition(article)], {}).results[0]
    assert (result.words, result.sentences) == (13, 4)


def test_the_letter_or_digit_pattern_is_str_isalnum_on_every_character():
    """A sentence needs a letter or digit: found by a pattern, which must agree with str.isalnum everywhere."""
    assert [c for c in map(chr, range(sys.maxunicode + 1)) if bool(_ALNUM.match(c)) != c.isalnum()] == []
