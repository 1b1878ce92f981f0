"""The build cache holds data, never code, and is only ever trusted for what it can prove."""

import os
import pickle
import sys
from pathlib import Path

import msgspec
import pytest

from pipeline.build import build
from pipeline import cache as cache_module
from pipeline.cache import DEPENDENCIES, FOLDER, BuildCache, CacheEntry, file_stat
from pipeline.config import load_settings
from pipeline.jobs import JOB_OUTPUT
from pipeline.model import Finding

from .conftest import run, translate_everything
from .test_incremental import clean_build, outputs

FINDINGS = CacheEntry("test-findings", list[Finding])


def entries(root: Path) -> list[Path]:
    return sorted(p for p in (root / FOLDER).rglob("*.msgpack"))


class Exploit:
    """Unpickling this runs a command: what a planted pickle could do."""

    def __reduce__(self):
        return (os.system, (f"touch {Path(os.environ['EXPLOIT_MARK'])}",))


def test_an_entry_round_trips_and_anything_else_is_a_miss(tmp_path):
    cache = BuildCache(tmp_path)
    value = [Finding("rule", "error", "message", file="a.po", line=3)]
    cache.store(FINDINGS, ("a", "b"), "key", value)
    assert cache.load(FINDINGS, ("a", "b"), "key") == value
    assert cache.load(FINDINGS, ("a", "b"), "other key") is None
    assert cache.load(FINDINGS, ("a",), "key") is None
    [path] = entries(tmp_path)
    good = path.read_bytes()
    for planted in (
        b"",  # truncated to nothing
        good[: len(good) // 2],  # truncated
        msgspec.msgpack.encode((2, "test-findings", ["a", "b"], "key", [{"rule": 1}])),  # wrong shape
        msgspec.msgpack.encode((2, "test-findings", ["a", "b"], "key", [{"rule": "r", "severity": "fatal", "message": "m"}])),
        msgspec.msgpack.encode({"not": "an envelope"}),
        b"\x91" * 100_000,  # nested arrays far deeper than any entry
        pickle.dumps((("key"), value)),
    ):
        path.write_bytes(planted)
        assert cache.load(FINDINGS, ("a", "b"), "key") is None, planted[:40]


def test_a_planted_pickle_is_never_run(tmp_path, monkeypatch):
    """Whatever sits in .pipeline-cache/ (a pull request, a restored CI cache), the build only reads data."""
    from .test_incremental import many_articles

    root = many_articles(tmp_path / "p", count=2)
    build(load_settings(root), cache=BuildCache(root))
    mark = tmp_path / "exploited"
    monkeypatch.setenv("EXPLOIT_MARK", str(mark))
    for path in entries(root):
        path.write_bytes(pickle.dumps(Exploit()))
    (root / FOLDER / "digests.json").write_bytes(pickle.dumps(Exploit()))
    result = run(root, "build")
    assert result.exit_code in (0, 1), result.output
    assert not mark.exists()
    assert outputs(root) == clean_build(root)


def test_cache_entries_of_the_wrong_shape_are_misses_never_crashes(tmp_path):
    from .test_incremental import many_articles

    root = many_articles(tmp_path / "p", count=2)
    build(load_settings(root), cache=BuildCache(root))
    for path in entries(root):
        version, name, item, key, _ = msgspec.msgpack.decode(path.read_bytes())
        path.write_bytes(msgspec.msgpack.encode((version, name, item, key, {"pages": 3, "findings": [None]})))
    result = run(root, "build")
    assert result.exit_code in (0, 1) and "Traceback" not in result.output
    assert outputs(root) == clean_build(root)


def test_a_planted_job_entry_cannot_make_the_bundle_reach_outside(tmp_path):
    """A job entry that decodes (its key computed by an attacker) still cannot link files from outside dist/."""
    from .test_incremental import many_articles

    root = many_articles(tmp_path / "p", count=1)
    build(load_settings(root), cache=BuildCache(root))
    secret = tmp_path / "secret.txt"
    secret.write_text("private")
    cache = BuildCache(root)
    [path] = [p for p in entries(root) if p.parent.name == JOB_OUTPUT.name]
    _, _, item, key, _ = msgspec.msgpack.decode(path.read_bytes())
    output = cache.load(JOB_OUTPUT, tuple(item), key)
    assert output is not None
    output.pages["../../secret.txt"] = "0" * 64
    cache.store(JOB_OUTPUT, tuple(item), key, output)
    assert run(root, "build").exit_code in (0, 1)
    assert not any(p.name == "secret.txt" for p in (root / "dist").rglob("*"))
    assert outputs(root) == clean_build(root)


def test_an_edit_that_keeps_the_size_and_restores_the_time_is_seen(project, monkeypatch):
    """`git checkout` and some editors keep a file's size and modification time: its content still decides."""
    from pipeline import cache

    monkeypatch.setattr(cache, "RACY_NS", 0)  # every hash memoized: the file's stat alone must tell
    translate_everything(project, "es")
    assert run(project, "build").exit_code in (0, 1)
    po = project / "locales/es/LC_MESSAGES/leg-cramps.po"
    before = po.stat()
    text = po.read_text()
    assert "ES Drink enough water." in text
    po.write_text(text.replace("ES Drink enough water.", "ES Drink enough juice."))  # same size
    os.utime(po, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert po.stat().st_size == before.st_size and po.stat().st_mtime_ns == before.st_mtime_ns
    result = run(project, "build")
    assert not result.output.startswith("nothing changed")
    assert "ES Drink enough juice." in (project / "dist/es/leg-cramps/index.html").read_text()


def test_a_file_changed_within_the_clock_tick_of_its_hash_is_hashed_again(tmp_path):
    """A file's times have a coarse clock: one changed right after it was hashed may keep every time."""
    path = tmp_path / "a.txt"
    path.write_text("one")
    cache = BuildCache(tmp_path)
    first = cache.digest(path)
    stat = path.stat()
    path.write_text("two")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert cache.digest(path) != first


def test_the_file_stat_tells_a_restored_time_apart(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("one")
    before = file_stat(path)
    stat = path.stat()
    path.write_text("two")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert file_stat(path) != before


@pytest.mark.parametrize("count", [2])
def test_a_build_killed_after_caching_and_before_the_swap_publishes_nothing_stale(tmp_path, count):
    """Job results are cached before the swap; pages are reused only when the bundle in place has their bytes."""
    from pipeline import bundle
    from .test_incremental import many_articles

    root = many_articles(tmp_path / "p", count=count)
    build(load_settings(root), cache=BuildCache(root))
    po = root / "locales/es/LC_MESSAGES/article-01.po"
    po.write_text(po.read_text().replace('msgstr "ES Drink enough water."', 'msgstr "Beba agua."'))

    def killed(self):
        raise KeyboardInterrupt  # as a kill would: after the jobs were cached, before anything is published
    original = bundle.BundleWriter._publish
    bundle.BundleWriter._publish = killed
    try:
        with pytest.raises(KeyboardInterrupt):
            build(load_settings(root), cache=BuildCache(root))
    finally:
        bundle.BundleWriter._publish = original
    assert "Beba agua." not in (root / "dist/es/article-01/index.html").read_text()
    result = run(root, "build")
    assert not result.output.startswith("nothing changed")
    assert "Beba agua." in (root / "dist/es/article-01/index.html").read_text()
    assert outputs(root) == clean_build(root)


@pytest.mark.parametrize("planted", ["a link to /dev/zero", "a FIFO", "a folder", "a link outside"])
def test_something_planted_where_an_entry_goes_is_a_miss_and_never_hangs(tmp_path, planted):
    cache = BuildCache(tmp_path)
    cache.store(FINDINGS, ("a",), "key", [])
    [path] = entries(tmp_path)
    path.unlink()
    if planted == "a link to /dev/zero":
        path.symlink_to("/dev/zero")
    elif planted == "a FIFO":
        os.mkfifo(path)
    elif planted == "a folder":
        path.mkdir()
    else:
        (tmp_path / "elsewhere").write_bytes(b"")
        path.symlink_to(tmp_path / "elsewhere")
    assert cache.load(FINDINGS, ("a",), "key") is None
    cache.store(FINDINGS, ("a",), "key", [])  # a lost entry only costs time: never an error


def test_a_reports_folder_linked_outside_the_project_is_refused(project, tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (project / "reports").symlink_to(outside)
    result = run(project, "build")
    assert result.exit_code == 2 and "reports: leads outside the project" in result.output
    assert not any(outside.iterdir())


def spoilt_blocks(blocks, count: int, damage: str):
    """Report blocks as a planted or damaged entry could hold them: a line that would break report.json, one lost,
    a SARIF part that is not an object."""
    from pipeline.reports import ReportBlocks

    lines = [bytes(raw) for raw in msgspec.json.decode(blocks.json, type=list[msgspec.Raw])]
    assert len(lines) == count >= 2
    if damage == "not JSON":
        return blocks._replace(json=b"[" + b",".join([b'{"rule": "x"}], "planted": [', *lines[1:]]) + b"]")
    if damage == "one line lost":
        return blocks._replace(json=b"[" + b",".join(lines[1:]) + b"]")
    heads = [bytes(raw) for raw in msgspec.json.decode(blocks.sarif_heads, type=list[msgspec.Raw])]
    return ReportBlocks(blocks.json, b"[" + b",".join([b"[1]", *heads[1:]]) + b"]", blocks.sarif_tails)


DAMAGE = ["not JSON", "one line lost", "a SARIF part not an object"]


@pytest.mark.parametrize("damage", DAMAGE)
def test_a_job_entry_whose_report_lines_are_not_one_json_line_per_finding_is_a_miss(tmp_path, damage):
    """A job's encoded report lines go into report.json and report.sarif as they are: they are checked first."""
    from .test_incremental import many_articles

    root = many_articles(tmp_path / "p", count=2)
    build(load_settings(root), cache=BuildCache(root))
    cache = BuildCache(root)
    for path in (p for p in entries(root) if p.parent.name == JOB_OUTPUT.name):
        _, _, item, key, _ = msgspec.msgpack.decode(path.read_bytes())
        output = cache.load(JOB_OUTPUT, tuple(item), key)
        assert output is not None
        output.report_blocks = spoilt_blocks(output.report_blocks, len(output.findings), damage)
        cache.store(JOB_OUTPUT, tuple(item), key, output)
    assert build(load_settings(root), cache=BuildCache(root)).jobs_run == 2
    assert outputs(root) == clean_build(root)


def test_the_dependencies_whose_versions_key_the_cache_are_the_tools_requirements_followed_through():
    from importlib import metadata

    from packaging.requirements import Requirement

    found, todo = set(), ["health-content-pipeline"]
    while todo:
        for line in metadata.requires(todo.pop()) or []:
            requirement = Requirement(line)
            name = requirement.name.lower().replace("-", "_").replace(".", "_")
            if (requirement.marker is None or requirement.marker.evaluate({"extra": ""})) and name not in found:
                found.add(name)
                todo.append(requirement.name)
    assert found == DEPENDENCIES


def test_another_version_of_a_dependency_changes_every_key_and_an_unrelated_distribution_none(tmp_path, monkeypatch):
    cache = BuildCache(tmp_path)
    monkeypatch.setattr(cache_module, "_CODE_VERSION", {})
    before = cache.key("article")
    elsewhere = tmp_path / "site-packages"
    (elsewhere / "somethingelse-1.0.dist-info").mkdir(parents=True)
    monkeypatch.setattr(sys, "path", [*sys.path, str(elsewhere)])
    monkeypatch.setattr(cache_module, "_CODE_VERSION", {})
    assert cache.key("article") == before
    (elsewhere / "textstat-0.7.14.dist-info").mkdir()  # a second textstat, as a restored cache may meet
    monkeypatch.setattr(cache_module, "_CODE_VERSION", {})
    assert cache.key("article") != before
