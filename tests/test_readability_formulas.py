"""The formulas are textstat's, per language, computed from counts of our own sentences."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pyphen
import pytest
from hypothesis import given
from hypothesis import strategies as st
from textstat.textstat import textstatistics

from pipeline.checks.readability import LANGUAGES, language_for
from pipeline.checks.readability.prose import score_metrics
from pipeline.checks.readability.formulas import Counts, arabic_syllables, count_sentence, faseeh_words
from pipeline.checks.readability.hyphenation import LazyHyphDict
from pipeline.checks.readability.sentences import sentences

#: Texts whose sentences textstat's own splitter finds too (3+ words each, no inner periods).
TEXTS = {
    "en": "Leg cramps are common at night. The calf muscle suddenly becomes tight and painful. "
    "Stretching before bed often helps considerably. Drink enough water during the day.",
    "es": "Los calambres en las piernas son frecuentes por la noche. El músculo de la pantorrilla "
    "se contrae de repente. Estirar antes de dormir ayuda muchísimo. Beba suficiente agua durante el día.",
    "de": "Wadenkrämpfe kommen nachts häufig vor. Der Muskel zieht sich plötzlich schmerzhaft zusammen. "
    "Dehnübungen vor dem Schlafengehen helfen oft. Trinken Sie tagsüber genug Wasser.",
    "fr": "Les crampes aux jambes sont fréquentes la nuit. Le muscle du mollet se contracte brusquement. "
    "Étirer le mollet avant de dormir aide souvent. Buvez assez d'eau pendant la journée.",
    "it": "I crampi alle gambe sono frequenti di notte. Il muscolo del polpaccio si contrae all'improvviso. "
    "Allungare il muscolo prima di dormire aiuta spesso. Bevete abbastanza acqua durante il giorno.",
    "nl": "Kuitkrampen komen vaak voor in de nacht. De spier trekt plotseling pijnlijk samen. "
    "Rekken voor het slapengaan helpt vaak. Drink overdag genoeg water.",
    # With vowel marks and shadda, which textstat's OSMAN counts weigh (stress) or strip.
    "ar": "تَحْدُثُ تَشَنُّجَاتُ السَّاقِ كَثِيرًا فِي اللَّيْلِ. "
    "يَنْقَبِضُ عَضَلُ السَّاقِ فَجْأَةً بِأَلَمٍ شَدِيدٍ. "
    "يُسَاعِدُ التَّمَدُّدُ قَبْلَ النَّوْمِ كَثِيرًا.",
}

#: Our metric id -> the textstat method (and arguments) it must equal.
TEXTSTAT_METHODS: dict[str, tuple[str] | tuple[str, int]] = {
    "smog": ("smog_index",),
    "flesch_kincaid_grade": ("flesch_kincaid_grade",),
    "flesch_reading_ease": ("flesch_reading_ease",),
    "gunning_fog": ("gunning_fog",),
    "coleman_liau": ("coleman_liau_index",),
    "automated_readability": ("automated_readability_index",),
    "dale_chall": ("dale_chall_readability_score",),
    "szigriszt_pazos": ("szigriszt_pazos",),
    "fernandez_huerta": ("fernandez_huerta",),
    "gutierrez_polini": ("gutierrez_polini",),
    "crawford": ("crawford",),
    "wiener_sachtextformel": ("wiener_sachtextformel", 1),
    "flesch_amstad": ("flesch_reading_ease",),
    "flesch_kandel_moles": ("flesch_reading_ease",),
    "flesch_vacca": ("flesch_reading_ease",),
    "gulpease": ("gulpease_index",),
    "flesch_douma": ("flesch_reading_ease",),
    "osman": ("osman",),
}

ENGLISH_ONLY = {"smog", "flesch_kincaid_grade", "flesch_reading_ease", "gunning_fog", "coleman_liau",
                "automated_readability", "dale_chall"}


def totals(code: str, text: str) -> Counts:
    language = LANGUAGES[code]
    total = Counts()
    for sentence in sentences(text, code):
        total = total + count_sentence(language.textstat, language.fields, sentence)
    return total


@pytest.mark.parametrize("code", sorted(TEXTS))
def test_every_metric_equals_textstats_own_function(code: str):
    language = LANGUAGES[code]
    text = TEXTS[code]
    stats = textstatistics()
    stats.set_lang(language.textstat)
    counts = totals(code, text)
    assert counts.sentences == stats.sentence_count(text)  # the texts split alike
    ours = score_metrics(language, counts)
    assert set(ours) == {m.id for m in language.metrics}
    for metric_id, value in ours.items():
        method, *args = TEXTSTAT_METHODS[metric_id]
        assert value == pytest.approx(getattr(stats, str(method))(text, *args), abs=1e-9), metric_id


def test_english_grade_formulas_are_never_applied_to_other_languages():
    for code, language in LANGUAGES.items():
        ids = {m.id for m in language.metrics}
        assert (ids & ENGLISH_ONLY == set()) == (code != "en"), code


def test_each_language_has_its_own_primary_formula():
    primary = {code: language.primary for code, language in LANGUAGES.items()}
    assert primary == {
        "en": "smog", "es": "szigriszt_pazos", "de": "wiener_sachtextformel", "fr": "flesch_kandel_moles",
        "it": "flesch_vacca", "nl": "flesch_douma", "ar": "osman",
    }


@pytest.mark.parametrize(("locale", "language"), [
    ("es-ES", "es"), ("es-MX", "es"), ("es_419", "es"), ("en-GB", "en"), ("de-AT", "de"), ("fr-CA", "fr"),
    ("ar-EG", "ar"), ("pt-BR", None), ("ja", None), ("en-XA", None),
])
def test_regional_tags_map_to_textstat_languages_explicitly(locale: str, language: str | None):
    found, reason = language_for(locale)
    assert (found.code if found else None) == language
    assert bool(reason) == (language is None)


def test_a_regional_tag_gets_its_languages_constants_not_englishs():
    # textstat's trap: set_lang("es-ES") silently scores with English constants.
    trap = textstatistics()
    trap.set_lang("es-ES")
    spanish = LANGUAGES[language_for("es-ES")[0].code]
    ours = spanish.metric("fernandez_huerta").compute(totals("es", TEXTS["es"]))
    proper = textstatistics()
    proper.set_lang("es")
    assert ours == pytest.approx(proper.fernandez_huerta(TEXTS["es"]))
    assert trap.flesch_reading_ease(TEXTS["es"]) != pytest.approx(proper.flesch_reading_ease(TEXTS["es"]))


def test_textstats_global_language_does_not_leak_into_scores():
    import textstat

    before = score_metrics(LANGUAGES["es"], totals("es", TEXTS["es"]))
    textstat.set_lang("de")
    try:
        after = score_metrics(LANGUAGES["es"], totals("es", TEXTS["es"] + " Una frase más para variar el texto."))
        again = score_metrics(LANGUAGES["es"], totals("es", TEXTS["es"]))
    finally:
        textstat.set_lang("en_US")
    assert again == before and after != before


def test_languages_scored_in_parallel_threads_get_their_own_results():
    expected = {code: score_metrics(LANGUAGES[code], totals(code, TEXTS[code])) for code in ("en", "es", "de")}
    count_sentence.cache_clear()  # make the threads count, not read the cache
    results: list[tuple[str, dict[str, float]]] = []

    def work(code: str) -> None:
        for _ in range(20):
            results.append((code, score_metrics(LANGUAGES[code], totals(code, TEXTS[code]))))

    threads = [threading.Thread(target=work, args=(code,)) for code in expected for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == 120
    assert all(metrics == expected[code] for code, metrics in results)


def test_counts_add_up_across_sentences():
    language = LANGUAGES["en"]
    one = count_sentence(language.textstat, language.fields, "Leg cramps are common at night.")
    two = count_sentence(language.textstat, language.fields, "Drink enough water during the day.")
    both = one + two
    assert both.sentences == 2 and both.words == one.words + two.words == 12
    assert both.syllables == one.syllables + two.syllables


#: Arabic with and without vowel marks, stress marks, faseeh letters and pairs, punctuation between marks, Latin.
ARABIC_COUNTED = [
    TEXTS["ar"],
    "تحدث تشنجات الساق كثيرا في الليل، والأطفال يؤذون ذلك الظلام في والمستشفيات ومستذكرونهم.",
    "وَاوٌ وَنُونٌ: ذُو ظِلٍّ؟ «أُولَئِكَ» يُؤَدُّونَ! بَ.ا وَ-ن",
    "Ãĺmøšt äĺĺ ïňšüräňċĕ ċømpäňïĕš øffĕr ċøvĕräĝĕ.",
    "",
    "* ... !",
]


@pytest.mark.parametrize("text", ARABIC_COUNTED)
def test_arabic_syllables_and_faseeh_words_are_textstats(text: str):
    from textstat.backend.counts import count_arabic_syllables, count_faseeh

    assert arabic_syllables(text) == count_arabic_syllables(text)
    assert faseeh_words(text) == count_faseeh(text)


#: Arabic letters and marks (U+0621–U+0652), with the spaces, punctuation and Latin letters textstat treats apart.
ARABIC_ALPHABET = st.text(st.sampled_from([chr(c) for c in range(0x621, 0x653)] + list(" ،.?!,*-'aب")), max_size=40)


@given(ARABIC_ALPHABET)
def test_arabic_counts_equal_textstats_on_any_arabic_text(text: str):
    from textstat.backend.counts import count_arabic_syllables, count_faseeh

    assert arabic_syllables(text) == count_arabic_syllables(text)
    assert faseeh_words(text) == count_faseeh(text)


def _same_patterns(lazy: LazyHyphDict, eager: pyphen.HyphDict) -> None:
    """Every pattern Pyphen parsed, with its offset, values and nonstandard hyphenations, and no other."""
    patterns = lazy.patterns
    assert {*patterns._raw, *patterns._parsed} == set(eager.patterns)
    for key, (offset, values) in eager.patterns.items():
        assert patterns.get(key) == (offset, values), key
        assert [getattr(v, "data", None) for v in patterns.get(key)[1]] == [getattr(v, "data", None) for v in values]
    assert lazy.maxlen == eager.maxlen


#: Pyphen's dictionaries for the languages we score, one with ^^hh escapes (af_ZA), one with nonstandard
#: hyphenations such as "l·l" (ca).
CHECKED_DICTIONARIES = sorted({pyphen.LANGUAGES[pyphen.language_fallback(code)]
                               for code in (*LANGUAGES, "af_ZA", "ca") if pyphen.language_fallback(code)})


@pytest.mark.parametrize("path", CHECKED_DICTIONARIES, ids=lambda path: path.name)
def test_hyphenation_patterns_read_lazily_are_pyphens(path: Path):
    _same_patterns(LazyHyphDict(path), pyphen.HyphDict(path))


def test_odd_lines_of_a_hyphenation_dictionary_are_read_as_pyphen_reads_them(tmp_path: Path):
    lines = ["% a comment 2024", "# another 1", "LEFTHYPHENMIN 2", "RIGHTHYPHENMIN 3", "", "  .ab1c  ", "a1b\r",
             "x1y", "x0y", "q1r", "q2r", "00z0", "^^e9t1", "c1k/k=k,1,1", "c1k", "d1d/d=d,1,1", "ab0c"]
    for encoding in ("UTF-8", "ISO8859-1"):
        path = tmp_path / f"hyph_{encoding}.dic"
        path.write_bytes(f"{encoding}\n".encode() + "\n".join(lines).encode(encoding))
        _same_patterns(LazyHyphDict(path), pyphen.HyphDict(path))


def test_german_hyphenation_loads_in_a_fraction_of_pyphens_time():
    path = pyphen.LANGUAGES["de"]
    started = time.process_time()
    pyphen.HyphDict(path)
    eager = time.process_time() - started
    started = time.process_time()
    LazyHyphDict(path)
    assert time.process_time() - started < eager / 4  # 0.1 s against 1.9 s, quiet


def test_syllables_are_counted_with_the_lazy_patterns():
    count_sentence("de", ("syllables",), "Die Krampfadern schmerzen nachts.")
    assert isinstance(pyphen.hdcache[pyphen.LANGUAGES["de"]], LazyHyphDict)
