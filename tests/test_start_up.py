"""A command loads only what it uses: a pre-commit hook or an editor pays the start-up on every call."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import run, translate_everything, write_project

REPO = Path(__file__).resolve().parent.parent
PAGE = REPO / "tests" / "golden" / "de" / "restless-leg-syndrome-cause" / "index.html"

#: Runs the command line in a fresh interpreter, then prints the modules it had loaded.
PROBE = """
import json, sys
from pipeline.__main__ import main
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


def run_pipeline(*args: str, entry: str = "pipeline.__main__") -> tuple[int, str, str]:
    """(exit code, stdout, stderr) of `pipeline ARGS` through an entry point's `main`."""
    code = f"import sys; from {entry} import main; sys.argv = ['pipeline', *sys.argv[1:]]; main()"
    done = subprocess.run([sys.executable, "-c", code, *args], cwd=REPO, capture_output=True, text=True)
    return done.returncode, done.stdout, done.stderr


@pytest.mark.parametrize("args", [["--version"], ["-C", "tests", "--version"], ["--project=tests", "--version"],
                                  ["-Ctests", "--debug", "--version"]])
def test_version_is_answered_before_the_command_line_loads(args):
    modules = loaded_by(*args)
    assert "pipeline.__main__" in modules  # the probe ran the entry point
    assert heavy(modules, {"click", "pipeline.cli", "pipeline.config", "pipeline.cache", "babel", "msgspec",
                           "filelock", "pipeline.checks", "pipeline.reports", "jinja2", "lxml"}) == set()


@pytest.mark.parametrize("args", [["--version"], ["-C", "nowhere", "--version"], ["--project", "x", "--version"],
                                  ["--project=x", "--version"], ["-Cx", "--version"], ["--debug", "-C", "x", "--version"],
                                  ["-C", "--version"], ["--version", "--bogus"], ["--version", "build"], ["--help", "--version"],
                                  ["--proj", "x", "--version"], ["--", "--version"], ["--version", "--version"]])
def test_the_entry_point_answers_as_the_command_line_would(args):
    """Output and exit code equal Click's for the lines the entry point answers itself and for those it does not."""
    assert run_pipeline(*args) == run_pipeline(*args, entry="pipeline.cli")


def test_version_through_click_loads_no_settings_cache_or_checks():
    """`--version` among other arguments goes through Click, which still loads no command's modules."""
    modules = loaded_by("--version", "build")
    assert "click" in modules
    assert heavy(modules, {"pipeline.config", "pipeline.cache", "babel", "msgspec", "filelock", "pipeline.checks",
                           "pipeline.reports", "jinja2", "lxml"}) == set()


def test_checking_one_page_loads_no_catalogs_readability_or_renderer():
    modules = loaded_by("check", "a11y", str(PAGE))
    assert "pipeline.checks.a11y.engine" in modules
    assert heavy(modules, {"pipeline.checks.readability", "textstat", "pipeline.catalogs", "pipeline.workflow",
                           "pipeline.render", "pipeline.sources", "pipeline.markdown", "markdown_it", "jinja2", "polib",
                           "yaml", "rapidfuzz", "importlib.metadata", "lxml.html"}) == set()


def test_checking_one_page_loads_no_cache_lock_or_cldr_data():
    """The settings validate their locales without CLDR's data (Babel's dates and numbers come with it), and a page's
    direction is looked up in the shipped table; nothing is written, so neither the cache nor the lock is loaded."""
    modules = loaded_by("check", "a11y", str(PAGE))
    assert heavy(modules, {"pipeline.cache", "msgspec", "filelock", "tempfile", "babel.dates", "babel.numbers",
                           "babel.messages"}) == set()


def test_a_build_with_nothing_to_do_loads_no_reader_check_or_renderer(tmp_path):
    """`pipeline build` twice: the second finds its inputs and the last build's record, and loads nothing else."""
    root = write_project(tmp_path / "project")
    translate_everything(root)
    assert run(root, "build").exit_code in (0, 1)
    modules = loaded_by("-C", str(root), "build")
    assert "pipeline.freshness" in modules and "pipeline.build" not in modules  # it found nothing to do
    assert heavy(modules, {"pipeline.catalogs", "pipeline.sources", "pipeline.markdown", "pipeline.checks",
                           "pipeline.render", "pipeline.reports", "markdown_it", "yaml", "polib", "rapidfuzz", "jinja2",
                           "textstat", "lxml", "babel.dates", "babel.messages", "xml.sax", "urllib.request"}) == set()


def test_scoring_loads_no_nltk():
    """textstat imports NLTK only for the CMU dictionary, which the package ships: a build never loads it."""
    done = subprocess.run([sys.executable, "-c", "import json, sys; from pipeline.checks.readability.formulas import "
                           "count_sentence; count_sentence('en_US', ('words', 'syllables'), 'Water helps the body.'); "
                           "print(json.dumps(sorted(sys.modules)))"], cwd=REPO, capture_output=True, text=True, check=True)
    modules = set(json.loads(done.stdout))
    assert "textstat" in modules
    assert heavy(modules, {"nltk"}) == set()


def test_an_extract_that_remembers_every_pot_loads_no_reader(tmp_path):
    """`pipeline extract` with the POTs deleted, the sources as they were: written from the cache, nothing parsed."""
    root = write_project(tmp_path / "project")
    assert run(root, "extract").exit_code == 0
    written = {pot.name: pot.read_bytes() for pot in (root / "locales" / "templates").glob("*.pot")}
    for pot in (root / "locales" / "templates").glob("*.pot"):
        pot.unlink()
    modules = loaded_by("-C", str(root), "extract")
    assert {pot.name for pot in (root / "locales" / "templates").glob("*.pot")} == set(written)  # it wrote them again
    assert "pipeline.catalogs.remembered" in modules
    assert heavy(modules, {"pipeline.sources", "pipeline.markdown", "markdown_it", "yaml", "rapidfuzz", "jinja2",
                           "babel.messages", "pipeline.parallel", "pipeline.checks", "lxml"}) == set()


def test_a_rebuild_after_one_edit_loads_no_worker_pool(tmp_path):
    """One article's job runs in the process itself: nothing of a pool of worker processes is loaded."""
    root = write_project(tmp_path / "project")
    translate_everything(root)
    assert run(root, "build").exit_code in (0, 1)
    po = root / "locales/es/LC_MESSAGES/leg-cramps.po"
    po.write_text(po.read_text().replace('msgstr "ES Drink enough water."', 'msgstr "Beba suficiente agua."'))
    modules = loaded_by("-C", str(root), "build")
    assert "pipeline.build" in modules and "pipeline.reports.formats" in modules  # it rebuilt and wrote the reports
    assert heavy(modules, {"concurrent.futures.process", "multiprocessing"}) == set()
