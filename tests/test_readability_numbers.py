"""Numbers written as words, found and turned into numerals, in English, Spanish, French and German."""

from __future__ import annotations

import pytest

from pipeline.checks.readability.number_words import spelled_numbers


def found(text: str, language: str) -> list[tuple[str, str]]:
    return [(text[n.start : n.end], n.numeral) for n in spelled_numbers(text, language)]


@pytest.mark.parametrize(("language", "text", "expected"), [
    ("en", "a sixty-seven percent higher chance", [("sixty-seven percent", "67%")]),
    ("en", "Ninety-one per cent had cramps", [("Ninety-one per cent", "91%")]),
    ("en", "one hundred and five people", [("one hundred and five", "105")]),
    ("en", "two million adults", [("two million", "2 million")]),
    ("en", "take it three times a day", [("three", "3")]),
    ("en", "twelve", [("twelve", "12")]),
    ("es", "un sesenta y siete por ciento más", [("sesenta y siete por ciento", "67 %")]),
    ("es", "doscientas cincuenta personas", [("doscientas cincuenta", "250")]),
    ("es", "dos veces al día", [("dos", "2")]),
    ("fr", "quatre-vingt-dix-huit pour cent des patients", [("quatre-vingt-dix-huit pour cent", "98 %")]),
    ("fr", "soixante et onze ans", [("soixante et onze", "71")]),
    ("fr", "deux cents", [("deux cents", "200")]),
    ("de", "siebenundsechzig Prozent der Menschen", [("siebenundsechzig Prozent", "67 %")]),
    ("de", "Einundneunzig Prozent", [("Einundneunzig Prozent", "91 %")]),
    ("de", "zweihundert Patienten", [("zweihundert", "200")]),
])
def test_numbers_in_words_are_found_with_their_numeral(language: str, text: str, expected: list[tuple[str, str]]):
    assert found(text, language) == expected


@pytest.mark.parametrize(("language", "text"), [
    ("en", "One study showed that one day is enough."),
    ("en", "Millions of people and two or three friends."),
    ("en", "Often none of them are tired."),
    ("es", "Un estudio mostró que una vez basta; millones de personas."),
    ("fr", "Un patient sur une centaine; des millions de personnes."),
    ("de", "Ein Patient achtet auf eine Woche; Millionen Menschen."),
    ("ar", "سبعة وستون بالمائة"),  # no Arabic number words: not covered, not guessed
])
def test_words_that_are_not_numbers_to_rewrite_are_left_alone(language: str, text: str):
    assert found(text, language) == []


def test_joiners_only_join_numbers_that_belong_together():
    assert found("twenty and thirty", "en") == [("twenty", "20"), ("thirty", "30")]
    assert found("sesenta y siete", "es") == [("sesenta y siete", "67")]
