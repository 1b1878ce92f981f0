"""A command loads only what it uses: a pre-commit hook or an editor pays the start-up on every call."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PAGE = REPO / "tests" / "golden" / "de" / "restless-leg-syndrome-cause" / "index.html"

#: Runs the command line in a fresh interpreter, then prints the modules it had loaded.
PROBE = """
import json, sys
from pipeline.cli import main
sys.argv = ["pipeline", *sys.argv[1:]]
try:
    main()
except SystemExit:
    pass
print(json.dumps(sorted(sys.modules)))
"""


def loaded_by(*args: str) -> set[str]:
    """The modules a fresh process has loaded once `pipeline ARGS` has run."""
    done = subprocess.run([sys.executable, "-c", PROBE, *args], cwd=REPO, capture_output=True, text=True, check=True)
    return set(json.loads(done.stdout.strip().splitlines()[-1]))


def heavy(modules: set[str], names: set[str]) -> set[str]:
    """The names (packages or modules) that were loaded."""
    return {name for name in names if name in modules}


def test_version_loads_no_settings_cache_or_checks():
    modules = loaded_by("--version")
    assert "click" in modules  # the probe ran the command line
    assert heavy(modules, {"pipeline.config", "pipeline.cache", "babel", "msgspec", "filelock", "pipeline.checks",
                           "pipeline.reports", "jinja2", "lxml"}) == set()


def test_checking_one_page_loads_no_catalogs_readability_or_renderer():
    modules = loaded_by("check", "a11y", str(PAGE))
    assert "pipeline.checks.a11y.engine" in modules
    # (markdown-it's token class is loaded: the bidi-isolation rule shares pipeline/bidi.py with the renderer)
    assert heavy(modules, {"pipeline.checks.readability", "textstat", "pipeline.catalogs", "pipeline.workflow",
                           "pipeline.render", "jinja2", "polib", "yaml", "rapidfuzz", "importlib.metadata"}) == set()


def test_scoring_loads_no_nltk():
    """textstat imports NLTK only for the CMU dictionary, which the package ships: a build never loads it."""
    done = subprocess.run([sys.executable, "-c", "import json, sys; from pipeline.checks.readability.formulas import "
                           "count_sentence; count_sentence('en_US', ('words', 'syllables'), 'Water helps the body.'); "
                           "print(json.dumps(sorted(sys.modules)))"], cwd=REPO, capture_output=True, text=True, check=True)
    modules = set(json.loads(done.stdout))
    assert "textstat" in modules
    assert heavy(modules, {"nltk"}) == set()
