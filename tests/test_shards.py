"""`build --shard K/N` and `merge`: shards built apart and merged write the bytes of one build; bad folders are refused."""

from __future__ import annotations

import dataclasses
import hashlib
import shutil
import sys
from collections import Counter
from pathlib import Path

import msgspec
import pytest
from click.testing import CliRunner

from pipeline.cli import cli
from pipeline.shards import RECORD, ShardRecord, encode_record, parse_shard, shard_of

from .conftest import REPO, run, translate_everything
from .test_cache import DAMAGE, spoilt_blocks
from .test_incremental import outputs, read_tree

sys.path.insert(0, str(REPO / "bench"))
import corpus  # noqa: E402  (bench/corpus.py, the benchmark's generator)

SHARDS = 3


def copy_project(origin: Path, folder: Path) -> Path:
    """A copy of a project's inputs (no outputs, no cache): what a CI job checks out."""
    folder.mkdir(parents=True)
    shutil.copy(origin / "pyproject.toml", folder)
    for name in ("source", "locales"):
        shutil.copytree(origin / name, folder / name, ignore=shutil.ignore_patterns("*.mo"))
    return folder


def build_shards(origin: Path, under: Path, *options: str) -> list[Path]:
    """Each shard built in a copy of its own, as N CI jobs do."""
    folders = []
    for number in range(1, SHARDS + 1):
        folder = copy_project(origin, under / f"shard-{number}")
        done = run(folder, "build", "--no-cache", *options, "--shard", f"{number}/{SHARDS}")
        assert done.exit_code in (0, 1), done.output
        folders.append(folder)
    return folders


def merge(project: Path, *folders: Path | str):
    return run(project, "merge", *map(str, folders))


def record_of(folder: Path) -> ShardRecord:
    return msgspec.msgpack.decode((folder / "reports" / RECORD).read_bytes(), type=ShardRecord)


def shipped_project(folder: Path) -> Path:
    return copy_project(REPO, folder)


def corpus_project(folder: Path, articles: int = 20) -> Path:
    """The benchmark's generated corpus: articles varied from the shipped ones, Spanish whole, German in part."""
    spec = corpus.make_spec(articles, 2)  # es, de
    folder.mkdir(parents=True)
    corpus.write_pyproject(folder, spec)
    corpus.write_sources(folder, spec)
    translate_everything(folder, "es", lambda text: corpus.pseudo_localize(text, "es"))
    # German for every other article only: the others are left out of it and reported.
    translate_everything(folder, "de", lambda text: corpus.pseudo_localize(text, "de"))
    for po in sorted((folder / "locales/de/LC_MESSAGES").glob("*.po"))[::2]:
        if po.stem != "ui":
            po.unlink()
    return folder


@pytest.mark.parametrize(("content", "options"), [
    ("shipped", ()),
    ("shipped", ("--fail-on", "warning", "--locale", "es", "--locale", "ar")),
    ("corpus", ("--zip",)),
], ids=["shipped", "shipped-options", "corpus"])
def test_three_shards_built_apart_and_merged_are_one_build_byte_for_byte(tmp_path, content, options):
    origin = (shipped_project if content == "shipped" else corpus_project)(tmp_path / "origin")
    whole = copy_project(origin, tmp_path / "whole")
    built = run(whole, "build", "--no-cache", *options)
    assert built.exit_code in (0, 1), built.output
    folders = build_shards(origin, tmp_path / "jobs", *options)
    merged = copy_project(origin, tmp_path / "merged")

    done = merge(merged, *reversed(folders))  # in any order
    assert done.exit_code == built.exit_code, done.output
    assert done.output.replace(str(merged), "") == built.output.replace(str(whole), "")
    assert outputs(merged) == outputs(whole)  # dist/ and reports/, file by file
    # Each article was built by one shard, and only there.
    sources = [o.source for f in folders for o in record_of(f).outputs]
    assert sorted(sources) == sorted(f"source/{p.name}" for p in (origin / "source").glob("*.md"))
    if content == "corpus":
        assert all(record_of(f).outputs for f in folders), "every shard of 20 articles has some"
        assert any(name.endswith(".zip") for name in outputs(merged))
        assert b"left out of de" in (merged / "reports/report.json").read_bytes()


def test_pseudo_shards_merge_into_the_pseudo_bundle_one_build_would_write(tmp_path):
    origin = shipped_project(tmp_path / "origin")
    whole = copy_project(origin, tmp_path / "whole")
    built = run(whole, "build", "--no-cache", "--pseudo")
    assert built.exit_code in (0, 1), built.output
    folders = build_shards(origin, tmp_path / "jobs", "--pseudo")
    merged = copy_project(origin, tmp_path / "merged")
    done = run(merged, "merge", "--pseudo", *map(str, folders))
    assert done.exit_code == built.exit_code, done.output
    pseudo = {name: read_tree(whole / name) for name in ("dist-pseudo", "reports-pseudo")}
    assert pseudo["dist-pseudo"] and {name: read_tree(merged / name) for name in pseudo} == pseudo
    assert not (merged / "dist").exists() and not (merged / "reports").exists()


def test_merge_update_baseline_accepts_what_build_update_baseline_accepts(tmp_path):
    origin = shipped_project(tmp_path / "origin")
    whole = copy_project(origin, tmp_path / "whole")
    assert run(whole, "build", "--no-cache", "--update-baseline").exit_code == 0
    merged = copy_project(origin, tmp_path / "merged")
    done = run(merged, "merge", "--update-baseline", *map(str, build_shards(origin, tmp_path / "jobs")))
    assert done.exit_code == 0, done.output
    assert (merged / "reports/baseline.json").read_bytes() == (whole / "reports/baseline.json").read_bytes()
    assert outputs(merged) == outputs(whole)


def test_under_github_actions_the_merge_annotates_the_findings_once_and_the_shards_not_at_all(tmp_path):
    origin = shipped_project(tmp_path / "origin")
    source = origin / "source/restless-legs-leg-cramps.md"
    source.write_text(source.read_text(encoding="utf-8") + "\nSee [](https://example.org/more).\n", encoding="utf-8")
    summary = tmp_path / "summary.md"
    ci = {"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary)}
    annotation = "::error file=source/restless-legs-leg-cramps.md,"
    folders = []
    for number in range(1, SHARDS + 1):
        folder = copy_project(origin, tmp_path / f"shard-{number}")
        done = CliRunner().invoke(cli, ["-C", str(folder), "build", "--shard", f"{number}/{SHARDS}"], env=ci)
        assert done.exit_code in (0, 1) and annotation not in done.output, done.output
        folders.append(folder)
    assert not summary.exists()
    merged = copy_project(origin, tmp_path / "merged")
    done = CliRunner().invoke(cli, ["-C", str(merged), "merge", *map(str, folders)], env=ci)
    assert done.exit_code == 1, done.output
    assert "## pipeline build" in summary.read_text(encoding="utf-8")
    whole = copy_project(origin, tmp_path / "whole")
    built = CliRunner().invoke(cli, ["-C", str(whole), "build"], env=ci)
    assert done.output.count(annotation) == built.output.count(annotation) > 0  # one per edition, as one build


def test_a_shard_is_chosen_by_the_file_name_alone_so_adding_an_article_moves_no_other():
    names = [f"article-{i:04d}.md" for i in range(3000)]
    before = {name: shard_of(name, SHARDS) for name in names}
    after = {name: shard_of(name, SHARDS) for name in [*names, *(f"new-{i}.md" for i in range(500))]}
    assert all(after[name] == before[name] for name in names)
    counts = Counter(before.values())
    assert set(counts) == {1, 2, 3} and all(900 < n < 1100 for n in counts.values()), counts
    # One more shard takes its share from the others, and moves nothing else.
    assert all(shard_of(name, SHARDS + 1) in (before[name], SHARDS + 1) for name in names)
    assert 600 < sum(shard_of(name, SHARDS + 1) == SHARDS + 1 for name in names) < 900


@pytest.mark.parametrize("text", ["0/3", "4/3", "1/0", "a/b", "3", "1/3/5", "-1/3", ""])
def test_a_shard_that_is_not_k_of_n_is_refused(project, text):
    with pytest.raises(ValueError):
        parse_shard(text)
    done = run(project, "build", "--shard", text)
    assert done.exit_code == 2 and "K/N" in done.output
    assert not (project / "dist").exists()


def test_a_shard_cannot_update_the_baseline_alone(project):
    done = run(project, "build", "--shard", "1/2", "--update-baseline")
    assert done.exit_code == 2 and "pipeline merge" in done.output
    assert parse_shard(" 2/3 ") == parse_shard("2/3")


# --- refusals: exit 2, one line naming the folder or file, nothing written --------------------------


@pytest.fixture(scope="module")
def shipped_shards(tmp_path_factory) -> tuple[Path, list[Path]]:
    """The shipped content built as three shards once; each test changes copies of them."""
    root = tmp_path_factory.mktemp("shards")
    origin = shipped_project(root / "origin")
    return origin, build_shards(origin, root / "jobs")


@pytest.fixture
def jobs(shipped_shards, tmp_path) -> tuple[Path, list[Path]]:
    """A project to merge into, with a previous bundle and reports, and copies of the three shards' folders."""
    origin, folders = shipped_shards
    project = copy_project(origin, tmp_path / "project")
    assert merge(project, *folders).exit_code == 0
    return project, [Path(shutil.copytree(f, tmp_path / f.name, symlinks=True)) for f in folders]


def refused(project: Path, folders: list[Path], names: Path | str) -> str:
    """Merge, expect a refusal naming `names`, and that the project's outputs are as they were."""
    before = outputs(project)
    done = merge(project, *folders)
    assert done.exit_code == 2, done.output
    lines = done.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error: {names}"), (lines, names)
    assert outputs(project) == before
    return lines[0]


def with_record(folder: Path, change) -> None:
    """Rewrite a shard's record with a change made to it (a dataclass -> dataclass function)."""
    path = folder / "reports" / RECORD
    path.write_bytes(encode_record(change(record_of(folder))))


def article_shard(folders: list[Path]) -> tuple[Path, str]:
    """A shard's folder that built an article, and one of the article's pages."""
    folder = next(f for f in folders if record_of(f).outputs)
    return folder, next(iter(record_of(folder).outputs[0].pages))


def test_shards_of_different_inputs_are_refused(shipped_shards, tmp_path):
    origin, folders = shipped_shards
    changed = copy_project(origin, tmp_path / "changed")
    po = next(p for p in sorted((changed / "locales/es/LC_MESSAGES").glob("*.po")) if p.stem != "ui")
    po.write_text(po.read_text(encoding="utf-8") + "\n", encoding="utf-8")  # a blank line: the same messages
    other = tmp_path / "other"
    shutil.copytree(changed, other)
    assert run(other, "build", "--no-cache", "--shard", f"2/{SHARDS}").exit_code in (0, 1)
    project = copy_project(origin, tmp_path / "project")
    assert "another build" in refused(project, [folders[0], other, folders[2]], other)


def test_shards_of_other_inputs_than_the_project_are_refused(shipped_shards, tmp_path):
    origin, folders = shipped_shards
    project = copy_project(origin, tmp_path / "project")
    article = next((project / "source").glob("*.md"))
    article.write_text(article.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
    assert "this project" in refused(project, folders, folders[0])


def test_shards_of_other_options_are_refused(shipped_shards, tmp_path):
    origin, folders = shipped_shards
    other = copy_project(origin, tmp_path / "zipped")
    assert run(other, "build", "--no-cache", "--zip", "--shard", f"3/{SHARDS}").exit_code in (0, 1)
    assert "another build" in refused(copy_project(origin, tmp_path / "project"), [*folders[:2], other], other)


def test_a_missing_shard_is_refused(jobs):
    project, folders = jobs
    assert "shard 2 of 3 missing" in refused(project, [folders[0], folders[2]], folders[0])


def test_a_duplicated_shard_is_refused(jobs, tmp_path):
    project, folders = jobs
    twin = Path(shutil.copytree(folders[1], tmp_path / "twin"))
    assert "again" in refused(project, [*folders, twin], twin)


def test_shards_of_another_count_are_refused(jobs):
    project, folders = jobs
    with_record(folders[2], lambda r: dataclasses.replace(r, shard=3, shards=4))
    assert "one of 3" in refused(project, folders, folders[2])


@pytest.mark.parametrize("damage", ["truncated", "garbage", "empty", "wrong-type", "missing", "other-format"])
def test_a_record_that_does_not_decode_is_refused(jobs, damage):
    project, folders = jobs
    path = folders[1] / "reports" / RECORD
    data = path.read_bytes()
    if damage == "missing":
        path.unlink()
        assert "no shard record" in refused(project, folders, folders[1])
        return
    if damage == "other-format":
        with_record(folders[1], lambda r: dataclasses.replace(r, format=99))
    else:
        path.write_bytes({"truncated": data[: len(data) // 2], "garbage": b"\x93\xff\x00 not msgpack",
                          "empty": b"", "wrong-type": msgspec.msgpack.encode({"shard": "two"})}[damage])
    assert "not a shard record" in refused(project, folders, path)


def test_a_page_whose_bytes_differ_from_its_record_is_refused(jobs):
    project, folders = jobs
    folder, page = article_shard(folders)
    path = folder / "dist" / page
    path.write_bytes(path.read_bytes().replace(b"</main>", b"<p>not what was built</p></main>"))
    assert "differ" in refused(project, folders, path)


def test_a_page_missing_from_its_shard_is_refused(jobs):
    project, folders = jobs
    folder, page = article_shard(folders)
    (folder / "dist" / page).unlink()
    assert "missing" in refused(project, folders, folder / "dist" / page)


@pytest.mark.parametrize("unsafe", ["../../../outside.html", "/etc/passwd", "es/../../x.html", "es\\..\\x.html", ""])
def test_a_record_naming_an_unsafe_path_is_refused(jobs, unsafe):
    project, folders = jobs
    folder, page = article_shard(folders)
    outside = folder.parent / "outside.html"
    outside.write_bytes(b"secret")

    def plant(record: ShardRecord) -> ShardRecord:
        first = record.outputs[0]
        pages = {**first.pages, unsafe: hashlib.sha256(b"secret").hexdigest()}
        return dataclasses.replace(record, outputs=[dataclasses.replace(first, pages=pages), *record.outputs[1:]])

    with_record(folder, plant)
    assert "unsafe path" in refused(project, folders, folder)


def test_a_page_that_links_out_of_its_shard_is_refused(jobs):
    project, folders = jobs
    folder, page = article_shard(folders)
    outside = folder.parent / "outside.html"
    outside.write_bytes((folder / "dist" / page).read_bytes())  # even with the very bytes of the record
    (folder / "dist" / page).unlink()
    (folder / "dist" / page).symlink_to(outside)
    assert "leaves" in refused(project, folders, folder / "dist" / page)


def test_a_record_that_lacks_an_article_of_its_shard_is_refused(jobs):
    project, folders = jobs
    folder, _ = article_shard(folders)
    with_record(folder, lambda r: dataclasses.replace(r, outputs=r.outputs[1:]))
    assert "lacks source/" in refused(project, folders, folder)


def test_a_record_with_an_article_of_another_shard_is_refused(jobs):
    project, folders = jobs
    giver, _ = article_shard(folders)
    taker = next(f for f in folders if f != giver)
    stolen = record_of(giver).outputs[0]
    with_record(taker, lambda r: dataclasses.replace(r, outputs=[*r.outputs, stolen]))
    assert "not of this shard" in refused(project, folders, taker)


def test_a_record_with_an_unsafe_slug_is_refused(jobs):
    project, folders = jobs
    folder, _ = article_shard(folders)
    with_record(folder, lambda r: dataclasses.replace(
        r, outputs=[dataclasses.replace(r.outputs[0], slug="../../x"), *r.outputs[1:]]))
    assert "slug" in refused(project, folders, folder)


@pytest.mark.parametrize(("part", "damage"), [
    ("cells", lambda cell: {**cell, "words": "many"}),
    ("cells", lambda cell: {**cell, "findings": ["a11y"]}),
    ("cells", lambda cell: {**cell, "readability": "fine"}),
    ("cells", lambda cell: {k: v for k, v in cell.items() if k != "coverage"}),
    ("entries", lambda entry: {k: v for k, v in entry.items() if k != "title"}),
    ("entries", lambda entry: {**entry, "url": 7}),
], ids=["words-a-string", "findings-a-list", "readability-a-string", "no-coverage", "entry-no-title", "url-a-number"])
def test_a_record_whose_figures_or_index_entries_are_malformed_is_refused(jobs, part, damage):
    project, folders = jobs
    folder, _ = article_shard(folders)

    def spoil(record: ShardRecord) -> ShardRecord:
        first = record.outputs[0]
        spoilt = {locale: damage(value) for locale, value in getattr(first, part).items()}
        return dataclasses.replace(record, outputs=[dataclasses.replace(first, **{part: spoilt}), *record.outputs[1:]])

    with_record(folder, spoil)
    assert "not a shard record" in refused(project, folders, folder / "reports" / RECORD)


@pytest.mark.parametrize("damage", DAMAGE)
def test_a_record_whose_report_lines_are_not_one_json_line_per_finding_is_refused(jobs, damage):
    """A shard's encoded report lines go into the merged report.json and report.sarif as they are: checked first."""
    project, folders = jobs
    folder = next(f for f in folders if any(len(o.findings) >= 2 for o in record_of(f).outputs))

    def spoil(record: ShardRecord) -> ShardRecord:
        first = next(o for o in record.outputs if len(o.findings) >= 2)
        blocks = spoilt_blocks(first.report_blocks, len(first.findings), damage)
        return dataclasses.replace(record, outputs=[dataclasses.replace(o, report_blocks=blocks) if o is first else o
                                                    for o in record.outputs])

    with_record(folder, spoil)
    assert "report lines" in refused(project, folders, folder)
