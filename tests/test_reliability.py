"""Nothing lost: locked and atomic catalog writes, killed processes, and large inputs in bounded time."""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline import catalogs, sources
from pipeline.catalogs import CatalogTree, Message, read_catalog, render_catalog
from pipeline.config import load_settings
from pipeline.files import exclusive_lock
from pipeline.workflow import catalogs_lock

from .conftest import REPO, run, translate_everything, write_project


def pipeline_process(root: Path, *args: str, patch: str = "") -> subprocess.Popen:
    """The command line in its own process, optionally with a patch applied first."""
    script = f"import sys\n{patch}\nfrom pipeline.cli import main\nsys.argv = ['pipeline', '-C', {str(root)!r}, *{list(args)!r}]\nmain()\n"
    return subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def translations_in(root: Path) -> set[str]:
    tree = CatalogTree(root, root / "locales")
    found = set()
    for path in (root / "locales").glob("*/LC_MESSAGES/*.po"):
        catalog = read_catalog(path, tree, path.parent.parent.name)
        found |= {m.msgstr for m in catalog.messages if m.msgstr}
    return found


def test_concurrent_updates_take_turns(repo_copy):
    """While one run holds the catalogs' lock, another update waits for it."""
    settings = load_settings(repo_copy)
    with exclusive_lock(catalogs_lock(settings)):
        waiting = pipeline_process(repo_copy, "update")
        time.sleep(3)
        assert waiting.poll() is None  # still waiting for the lock
    assert waiting.wait(timeout=60) == 0


def test_concurrent_updates_never_corrupt_or_drop_an_entry(repo_copy):
    before = translations_in(repo_copy)
    source = repo_copy / "source/restless-leg-syndrome-cause.md"
    source.write_text(source.read_text().replace("## Conclusion", "## In conclusion"))
    runs = [pipeline_process(repo_copy, "update") for _ in range(4)]
    assert [p.wait(timeout=120) for p in runs] == [0, 0, 0, 0]
    assert before <= translations_in(repo_copy)
    assert run(repo_copy, "update", "--check").exit_code == 0
    assert not list((repo_copy / "locales").rglob("*.tmp"))


def test_an_update_killed_halfway_leaves_every_catalog_whole(repo_copy):
    before = translations_in(repo_copy)
    source = repo_copy / "source/restless-legs-leg-cramps.md"
    source.write_text(source.read_text().replace("## References", "## Sources"))
    patch = (
        "import time\nfrom pipeline import files, catalogs, workflow\n"
        "original = files.write_atomic\ncount = [0]\n"
        "def slow(path, data):\n    original(path, data)\n    count[0] += 1\n"
        "    if count[0] == 3:\n        print('halfway', flush=True)\n        time.sleep(60)\n"
        "workflow.write_atomic = catalogs.write_atomic = slow\n"
    )
    process = pipeline_process(repo_copy, "update", patch=patch)
    assert process.stdout.readline().strip() == "halfway"
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert before <= translations_in(repo_copy)  # every catalog reads, nothing is lost
    assert run(repo_copy, "update").exit_code == 0  # and the next run completes the work
    assert run(repo_copy, "update", "--check").exit_code == 0


def test_a_five_megabyte_article_is_built_in_bounded_time_and_memory(tmp_path):
    body = (REPO / "source/restless-legs-leg-cramps.md").read_text().split("---\n", 2)[2]
    copies = [body.replace("Restless", f"Restless {i}").replace("[//]", f"[//{i}]") for i in range(1300)]
    root = write_project(tmp_path / "big", {"big.md": "---\ntitle: Big\n---\n" + "".join(copies)})
    assert (root / "source/big.md").stat().st_size > 5_000_000
    process = subprocess.run(["/usr/bin/time", "-f", "%U %S %M", sys.executable, "-m", "pipeline", "-C", str(root),
                              "build"], capture_output=True, text=True)
    assert process.returncode in (0, 1), process.stderr[-500:]
    user, system, peak = process.stderr.strip().splitlines()[-1].split()
    assert float(user) + float(system) < 120  # CPU seconds: a busy machine does not count
    assert int(peak) < 1_000_000  # peak memory under 1 GB (in KB)


def test_a_catalog_of_100000_entries_is_read_and_reported(tmp_path):
    root = write_project(tmp_path / "p")
    assert run(root, "update").exit_code == 0
    path = root / "locales/es/LC_MESSAGES/leg-cramps.po"
    catalog = read_catalog(path, CatalogTree(root, root / "locales"), "es")
    for i in range(100_000):
        catalog.messages.append(Message(f"Old message {i}", f"Viejo {i}", obsolete=True))
    path.write_bytes(render_catalog(catalog))
    started = time.process_time()  # CPU time: a busy machine does not count
    result = run(root, "status", "--format", "json")
    assert result.exit_code == 0 and json.loads(result.output)[0]["locale"] == "es"
    assert time.process_time() - started < 60


def test_oversized_inputs_are_refused_with_a_clear_message(project, monkeypatch):
    monkeypatch.setattr(sources, "MAX_ARTICLE_BYTES", 100)
    result = run(project, "build")
    assert result.exit_code == 2 and "source/leg-cramps.md: the article is" in result.output and "split it" in result.output
    monkeypatch.setattr(sources, "MAX_ARTICLE_BYTES", 8 * 2**20)
    assert run(project, "update").exit_code == 0
    monkeypatch.setattr(catalogs, "MAX_CATALOG_BYTES", 100)
    result = run(project, "status")
    assert result.exit_code == 2 and "the catalog is" in result.output


def test_a_second_build_waits_for_the_first_and_says_so(project):
    from pipeline.cache import project_lock

    translate_everything(project, "es")
    with project_lock(project):
        waiting = pipeline_process(project, "build")
        assert "waiting for another pipeline run on this project to finish" in waiting.stderr.readline()
        time.sleep(1)
        assert waiting.poll() is None and not (project / "dist").exists()  # still waiting for the lock
    assert waiting.wait(timeout=120) in (0, 1)
    assert (project / "dist/es/leg-cramps/index.html").exists()


def test_a_build_started_while_another_is_staging_leaves_the_bundle_of_a_clean_build(repo_copy):
    patch = (
        "import time\nfrom pipeline import bundle\noriginal = bundle.BundleWriter._publish\n"
        "def slow(self):\n    print('staged', flush=True)\n    time.sleep(5)\n    original(self)\n"
        "bundle.BundleWriter._publish = slow\n"
    )
    first = pipeline_process(repo_copy, "build", patch=patch)
    assert first.stdout.readline().strip() == "staged"
    second = pipeline_process(repo_copy, "build")
    assert first.wait(timeout=600) in (0, 1) and second.wait(timeout=600) in (0, 1)
    together = read_tree(repo_copy / "dist")
    assert run(repo_copy, "build", "--no-cache").exit_code in (0, 1)
    assert together == read_tree(repo_copy / "dist")


def read_tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def table(rows: int, columns: int) -> str:
    header = "| " + " | ".join(f"H{c}" for c in range(columns)) + " |\n|" + "---|" * columns + "\n"
    return header + "".join("| " + " | ".join(f"r{r}c{c}" for c in range(columns)) + " |\n" for r in range(rows - 1))


def test_a_unit_or_a_table_too_large_for_a_page_is_refused_with_its_line(tmp_path):
    root = write_project(tmp_path / "p", {"big.md": "---\ntitle: Big\n---\n# Big\n\n" + "Word " * 7000 + "\n"})
    result = run(root, "build")
    assert result.exit_code == 2 and "source/big.md:6: this paragraph has 34,999 characters" in result.output
    assert "split it" in result.output and not (root / "dist").exists()
    for rows, columns in ((100, 40), (20, 21), (251, 4)):
        (root / "source/big.md").write_text(f"---\ntitle: Big\n---\n# Big\n\nText.\n\n{table(rows, columns)}")
        result = run(root, "build")
        assert result.exit_code == 2 and "source/big.md:8: this table has" in result.output, result.output
    (root / "source/big.md").write_text(f"---\ntitle: Big\n---\n# Big\n\nText.\n\n{table(20, 6)}")
    assert run(root, "build").exit_code in (0, 1)


def children_of(pid: int) -> set[int]:
    """The live child processes of a process, from /proc."""
    found = set()
    for task in Path(f"/proc/{pid}/task").iterdir():
        found |= {int(p) for p in (task / "children").read_text().split()}
    return found


def is_running(pid: int) -> bool:
    """Whether a process exists and is not a zombie waiting to be reaped."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state != "Z"


@pytest.mark.parametrize("watchdog_only", [False, True])
def test_the_workers_of_a_killed_build_end_with_it(tmp_path, watchdog_only):
    """On Linux the kernel ends them (PR_SET_PDEATHSIG); elsewhere, their watchdog thread does."""
    from .test_incremental import many_articles

    root = many_articles(tmp_path / "p", count=10)
    platform = "import types\nfrom pipeline import parallel\nparallel.sys = types.SimpleNamespace(platform='other')\n"
    patch = (platform if watchdog_only else "") + (
        "import os, time\nfrom pipeline import build\n"
        "def stuck(job):\n    print('working', os.getpid(), flush=True)\n    time.sleep(120)\n"
        "build.run_article = stuck\n"
    )
    process = pipeline_process(root, "build", "--jobs", "2", patch=patch)
    assert process.stdout.readline().startswith("working")
    workers = children_of(process.pid)
    assert len(workers) >= 2
    process.send_signal(signal.SIGKILL)
    process.wait()
    deadline = time.monotonic() + 30
    while any(map(is_running, workers)) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not any(map(is_running, workers))
