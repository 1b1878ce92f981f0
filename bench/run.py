"""The benchmark of issues 9 and 20: pipeline and its peers side by side, on one generated corpus, in one run.

    /work/venv/bin/python bench/run.py --articles 50 --locales 3 --repeat 3      # a quick try
    /work/venv/bin/python bench/run.py --articles 1000 --locales 10 --repeat 3   # the targets' size

Each step runs R times as a fresh process and its MEDIAN is reported: pipeline's extract,
update, compile, a full build (clean dist/), its checks (catalogs, readability, accessibility
of every page), a no-op rebuild and a rebuild after one PO edit; translate-toolkit's md2po,
pot2po and po2md, pybabel's update and compile, po4a (on a subset, scaled per document) and
axe-core in one warm Chromium against pipeline's accessibility checker on the same sample of
pages. Prints the table and the machine, writes the figures as JSON; --profile runs the full
build and a no-op rebuild under cProfile and prints where the time goes. Run `bench/setup` first.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import random
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import BENCH, PEERS_VENV, REPO, CorpusSpec, generate, make_spec, pipeline_command, pipeline_env  # noqa: E402
from measure import (  # noqa: E402
    CRASH, Measurement, StepFailed, describe_machine, format_seconds, measure, remove, remove_all, run_once,
)
from report import Row, print_profile, print_table  # noqa: E402

BROWSER = REPO / "tests" / "browser"
AXE_RUNNER = BROWSER / "axe.mjs"
CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
#: Rules axe-core ships switched off that pipeline's checker has (as tests/axe.py enables them).
AXE_ENABLE = "duplicate-id,duplicate-id-active,identical-links-same-purpose"
FULL_ARTICLES, FULL_LOCALES = 1000, 10
# Issue 20's targets.
FULL_BUILD_TARGET = 30.0
BARE_RENDERING_RATIO = 6.0  # the full build against bare Markdown rendering of the same pages
NO_OP_TARGET = 0.5
EDIT_TARGET, SMALL_EDIT_TARGET = 2.0, 1.0  # at the full size; at 200 × 5 and below
EXTRACT_SPEEDUP, UPDATE_SPEEDUP, COMPILE_SPEEDUP, A11Y_SPEEDUP = 5.0, 1.5, 1.5, 200.0
VERSION_TARGET, ONE_PAGE_TARGET = 0.10, 0.25  # `pipeline --version`; `pipeline check a11y page.html`
MEMORY_TARGET_MB = 1024.0
#: pipeline's incremental build cache (pipeline/cache.py), removed before every clean build.
BUILD_CACHE = ".pipeline-cache"
#: The steps, in the order they run (`--only` names some of them).
STEPS = ("extract", "update", "update-one", "compile", "build", "rebuild", "a11y", "start-up", "po4a", "one-locale")
#: Called untimed before each run, with the run's number.
Before = Callable[[int], None] | None


def summed(*parts: Measurement) -> Measurement:
    """Steps run one after the other: per repetition, the sum of their times; the largest peak."""
    return Measurement([sum(s) for s in zip(*(p.samples for p in parts))], max(p.peak_mb for p in parts),
                       max(p.tree_peak_mb for p in parts))


class Benchmark:
    """The steps of the benchmark on one corpus; each adds a Row."""

    def __init__(self, root: Path, spec: CorpusSpec, repeat: int, sample: int, log: bool = True):
        self.root, self.spec, self.repeat, self.sample = root, spec, repeat, sample
        self.env = pipeline_env()
        self.pipeline = [*pipeline_command(), "-C", str(root)]
        self.work = root / "peers" / "work"
        self.dist = root / "dist"
        self.rows: list[Row] = []
        self.kept: dict[str, Measurement] = {}
        self.verbose = log
        remove(self.work)
        self.work.mkdir(parents=True)

    # --- helpers ---------------------------------------------------------------------------

    def say(self, text: str) -> None:
        """Progress on stderr, so a long run shows where it is."""
        if self.verbose:
            print(f"bench: {text}", file=sys.stderr, flush=True)

    def run_pipeline(self, name: str, args: list[str], before: Before = None, ok_codes: tuple[int, ...] = (0, 1)) -> Measurement:
        """Time a pipeline command on the corpus; keep it under `name`."""
        self.say(f"pipeline {' '.join(args)} ×{self.repeat}")
        result = measure([*self.pipeline, *args], self.repeat, env=self.env, before=before, ok_codes=ok_codes)
        self.kept[name] = result
        self.say(f"  median {format_seconds(result.median)}, peak {result.peak_mb:.0f} MB")
        return result

    def peer_tool(self, name: str) -> Path:
        """A peer's executable in bench/.venv, or StepFailed saying how to install it."""
        path = PEERS_VENV / "bin" / name
        if not path.exists():
            raise StepFailed(f"not installed ({path} missing): run bench/setup")
        return path

    def run_peer(self, label: str, command: list, before: Before = None, cwd: Path | None = None) -> Measurement:
        """Time a peer's command."""
        self.say(f"{label} ×{self.repeat}")
        result = measure([str(c) for c in command], self.repeat, before=before, cwd=cwd)
        self.say(f"  median {format_seconds(result.median)}")
        return result

    def add(self, row: Row) -> None:
        """Record a row."""
        self.rows.append(row)

    def attempt(self, step: str, peer_name: str, body: Callable[[], None], kept: str = "") -> None:
        """Run one step; a failure becomes a row that says why instead of a figure (pipeline's, if it was measured)."""
        try:
            body()
        except StepFailed as error:
            lines = [line.strip() for line in str(error).splitlines() if line.strip()]
            why = lines[0] if len(lines) < 2 else f"{lines[0]} … {lines[-1]}"  # the command, and how it ended
            self.say(f"{step}: {why}")
            self.add(Row(step, self.kept.get(kept), peer_name, None, note=f"not measured: {why}"))

    @property
    def pages(self) -> int:
        """Article pages of a full build: every article in the source locale and each target."""
        return self.spec.articles * (len(self.spec.locales) + 1)

    @property
    def scale(self) -> float:
        """This corpus's share of the targets' size (1,000 articles × 10 locales)."""
        return self.pages / (FULL_ARTICLES * (FULL_LOCALES + 1))

    # --- the translators' steps ------------------------------------------------------------

    def extract(self) -> None:
        """pipeline extract (every POT rewritten) vs translate-toolkit's md2po on the same files."""
        templates = self.root / "locales" / "templates"
        pipeline = self.run_pipeline("extract", ["extract"], before=lambda _: remove_all(templates.glob("*.pot")), ok_codes=(0,))
        out = self.work / "md2po"
        peer = self.run_peer("md2po", [self.peer_tool("md2po"), "-P", "-i", self.root / "source", "-o", out], before=lambda _: remove(out))
        self.add(self.speedup(Row("extract: every POT written", pipeline, "translate-toolkit md2po -P", peer), EXTRACT_SPEEDUP))

    def update_all(self) -> None:
        """pipeline update (all locales, catalogs current) vs pybabel update of every domain."""
        pipeline = self.run_pipeline("update", ["update"], ok_codes=(0,))
        copy = self.work / "pybabel-locales"

        def fresh_copy(_: int) -> None:
            remove(copy)
            shutil.copytree(self.root / "locales", copy)

        peer = self.run_peer("pybabel update", self.pybabel("update", copy), before=fresh_copy)
        self.add(self.speedup(Row("update: all locales, catalogs current", pipeline, "pybabel update --no-wrap --previous", peer,
                                  note="pipeline's update also extracts from the Markdown; pybabel starts from the POTs"),
                              UPDATE_SPEEDUP))

    def update_one(self) -> None:
        """pipeline update --locale L vs translate-toolkit's pot2po with the filled catalogs as template."""
        locale = self.spec.locales[0]
        pipeline = self.run_pipeline("update one", ["update", "--locale", locale], ok_codes=(0,))
        tt = self.root / "peers" / "tt"
        out = self.work / "pot2po"
        peer = self.run_peer("pot2po", [self.peer_tool("pot2po"), "-t", tt / "filled" / locale, "-i", tt / "templates", "-o", out],
                             before=lambda _: remove(out))
        self.add(self.speedup(Row(f"update: one locale ({locale})", pipeline, "translate-toolkit pot2po -t", peer), UPDATE_SPEEDUP))

    def compile(self) -> None:
        """pipeline compile (every MO removed first) vs pybabel compile of every domain."""
        def no_mo(folder: Path) -> None:
            for mo in folder.rglob("*.mo"):
                mo.unlink()

        pipeline = self.run_pipeline("compile", ["compile"], before=lambda _: no_mo(self.root / "locales"), ok_codes=(0,))
        copy = self.work / "pybabel-locales"
        if not copy.exists():
            shutil.copytree(self.root / "locales", copy)
        peer = self.run_peer("pybabel compile", self.pybabel("compile", copy), before=lambda _: no_mo(copy))
        self.add(self.speedup(Row("compile: every MO", pipeline, "pybabel compile", peer), COMPILE_SPEEDUP))

    @staticmethod
    def speedup(row: Row, target: float) -> Row:
        """The row judged against a target speed-up over its peer."""
        row.target = f"≥ {target:g}× faster"
        row.met = row.ratio is not None and row.ratio >= target
        return row

    def pybabel(self, step: str, locales: Path) -> list:
        """The command that runs `pybabel <step>` on every domain of a catalog tree (bench/pybabel_all.py)."""
        return [self.peer_tool("python"), BENCH / "pybabel_all.py", step, locales / "templates", locales]

    # --- the build ---------------------------------------------------------------------------

    def a11y_available(self) -> str:
        """Empty when pipeline's checker imports; else why not."""
        run = run_once([sys.executable, "-c", "from pipeline.checks.a11y import check_paths"], env=self.env)
        return "" if run.code == 0 else run.output.strip().splitlines()[-1]

    def full_build(self) -> None:
        """The full build (`pipeline build` renders and runs every check), then each check on its own."""
        build = self.run_pipeline("build", ["build"], before=lambda _: self.clean_dist())
        built = len(list(self.dist.glob("*/*/index.html")))
        if built != self.pages:
            raise StepFailed(f"the build wrote {built} article pages, not {self.pages}: not a full build")
        note = "pipeline build: render every locale, check catalogs, readability and accessibility, write dist/ and reports/"
        if self.scale == 1:
            row = Row("full build with every check (clean dist/)", build, target=f"≤ {FULL_BUILD_TARGET:g} s",
                      met=build.median <= FULL_BUILD_TARGET, note=note)
        else:
            row = Row("full build with every check (clean dist/)", build, target=f"≤ {FULL_BUILD_TARGET:g} s at full size",
                      note=f"{note}; judged only at {FULL_ARTICLES} × {FULL_LOCALES}: linear extrapolation from this size "
                           f"{format_seconds(build.median / self.scale)} (start-up costs make it pessimistic at small sizes)")
        self.add(row)
        self.attempt("  against bare Markdown rendering of the same pages", "markdown-it-py, bare", self.bare_rendering)
        for name in ("catalogs", "readability", "a11y"):
            self.attempt(f"  check {name} (on its own)", "", functools.partial(self.check_alone, name), f"check {name}")

    def bare_rendering(self) -> None:
        """The full build against markdown-it-py alone rendering every article once per locale (bench/bare_render.py)."""
        build = self.kept["build"]
        out = self.work / "bare"
        command = [sys.executable, BENCH / "bare_render.py", "--times", len(self.spec.locales) + 1, self.root / "source", out]
        bare = self.run_peer("bare rendering", command, before=lambda _: remove(out))
        ratio = build.median / bare.median if bare.median > 0 else None
        self.add(Row("  against bare Markdown rendering of the same pages", None, "markdown-it-py, bare", bare,
                     target=f"build ≤ {BARE_RENDERING_RATIO:g}× it", met=None if ratio is None else ratio <= BARE_RENDERING_RATIO,
                     shown="—" if ratio is None else f"build = {ratio:.3g}× it",
                     note="the source articles rendered by markdown-it-py (pipeline's parser and options) once per locale, "
                          "one HTML file each, in one fresh process: what any Markdown site generator pays at the least"))

    def check_alone(self, name: str) -> None:
        """One of the build's checks on its own (`pipeline check NAME`): which check costs what."""
        self.add(Row(f"  check {name} (on its own)", self.run_pipeline(f"check {name}", ["check", name])))

    def clean_dist(self) -> None:
        """Remove dist/ and the build cache: the next build starts from nothing."""
        remove(self.dist)
        remove(self.root / BUILD_CACHE)
        for stale in self.root.glob(".staging-*"):
            remove(stale)
        for stale in self.root.glob(".retired-*"):
            remove(stale)

    def rebuilds(self) -> None:
        """A rebuild with nothing changed, and one after editing one msgstr in one PO."""
        if not self.dist.exists():
            raise StepFailed("no dist/ to rebuild: the clean build failed")
        no_op = self.run_pipeline("no-op rebuild", ["build"])
        self.add(Row("rebuild: nothing changed", no_op, target=f"≤ {NO_OP_TARGET:g} s", met=no_op.median <= NO_OP_TARGET))
        po = self.root / "locales" / self.spec.locales[0] / "LC_MESSAGES" / f"{self._first_slug()}.po"
        original = po.read_bytes()

        def edit(n: int) -> None:
            text = original.decode("utf-8")
            strings = [m for m in re.finditer(r'^msgstr "(.+)"$', text, re.MULTILINE)]
            if len(strings) < 2:
                raise StepFailed(f"{po} has no translated message to edit")
            at = strings[1].start(1)  # the second translation: the first is the title
            po.write_bytes((text[:at] + f"Ëdït{n} " + text[at:]).encode("utf-8"))
            future = time.time() + 1 + n  # a new mtime even within the file system's timestamp granularity
            os.utime(po, (future, future))

        try:
            edited = self.run_pipeline("rebuild after edit", ["build"], before=edit)
        finally:
            po.write_bytes(original)
        target = EDIT_TARGET if self.scale > 200 * 6 / (FULL_ARTICLES * (FULL_LOCALES + 1)) else SMALL_EDIT_TARGET
        self.add(Row("rebuild: one msgstr edited in one PO", edited, target=f"≤ {target:g} s", met=edited.median <= target,
                     note=f"edited {po.relative_to(self.root)}; target ≤ {EDIT_TARGET:g} s at {FULL_ARTICLES} × {FULL_LOCALES}, "
                          f"≤ {SMALL_EDIT_TARGET:g} s at 200 × 5 and below"))

    def _first_slug(self) -> str:
        return sorted((self.root / "source").glob("*.md"))[0].stem

    def start_up(self) -> None:
        """What a pre-commit hook or an editor pays on every call: `pipeline --version`, `check a11y` on one page."""
        version = self.run_pipeline("--version", ["--version"], ok_codes=(0,))
        self.add(Row("start-up: pipeline --version", version, target=f"≤ {VERSION_TARGET:g} s", met=version.median <= VERSION_TARGET))
        page = self.sample_pages()[0]
        one = self.run_pipeline("check a11y one page", ["check", "a11y", str(page)])
        self.add(Row("start-up: pipeline check a11y page.html", one, target=f"≤ {ONE_PAGE_TARGET:g} s",
                     met=one.median <= ONE_PAGE_TARGET, note=f"checked {page.relative_to(self.root)}"))

    def memory(self) -> None:
        """Peak resident memory of the clean build, and of the largest step of the full build."""
        build = self.kept.get("build")
        if build is None:
            return
        self.add(Row("peak memory of the full build: all processes / largest one",
                     shown=f"{build.tree_peak_mb:.0f} MB / {build.peak_mb:.0f} MB", target="< 1 GB (all processes)",
                     met=build.tree_peak_mb < MEMORY_TARGET_MB,
                     note="all processes: the largest total PSS of the build and its workers at one moment, sampled every 0.1 s; "
                          "largest one: the maximum RSS of any single process (wait4's rusage)"))

    # --- accessibility against axe-core ------------------------------------------------------------

    def sample_pages(self) -> list[Path]:
        """K article pages of dist/, chosen with the corpus seed, across locales."""
        pages = sorted(p for p in self.dist.glob("*/*/index.html"))
        if not pages:
            raise StepFailed("no built article pages to sample")
        return sorted(random.Random(self.spec.seed).sample(pages, min(self.sample, len(pages))))

    def accessibility(self) -> None:
        """Per page: pipeline's checker (warm, in-process) vs axe-core in one warm headless Chromium."""
        step = f"accessibility per page: {self.sample} sampled pages, warm"
        pages = self.sample_pages()
        missing = self.a11y_available()
        pipeline = None
        note = []
        if missing:
            note.append(f"pipeline's checker not available: {missing}")
        else:
            self.say(f"pipeline accessibility check of {len(pages)} pages ×{self.repeat} (warm)")
            run = run_once([sys.executable, str(BENCH / "a11y_check.py"), "--root", str(self.dist),
                            "--repeat", str(self.repeat), "--warm", *map(str, pages)], env=self.env)
            if run.code != 0:
                raise StepFailed(f"a11y_check.py exited {run.code}: {run.output[-2000:]}")
            report = json.loads(run.output.strip().splitlines()[-1])
            pipeline = Measurement([s / len(pages) for s in report["seconds"]], run.peak_mb, unit="s/page",
                                   cpu_samples=[s / len(pages) for s in report["cpu_seconds"]])
            note.append(f"pipeline: {report['findings']} findings")
        axe = self._axe(pages, note)
        row = self.speedup(Row(step, pipeline, "axe-core in Chromium (one browser)", axe, note="; ".join(note)), A11Y_SPEEDUP)
        row.met = None if row.ratio is None else row.met
        self.add(row)

    def _axe(self, pages: list[Path], note: list[str]) -> Measurement | None:
        """axe-core's warm time per page: (K pages − 1 page) ÷ (K − 1), so the browser's start is left out."""
        needed = (CHROMIUM, BROWSER / "node_modules" / "axe-core", BROWSER / "node_modules" / "playwright-core")
        problems = [str(p) for p in needed if not p.exists()]
        if shutil.which("node") is None:
            problems.append("node")
        if problems:
            note.append(f"axe-core not measured: missing {', '.join(problems)}: run bench/setup")
            return None
        if len(pages) < 2:
            note.append("axe-core not measured: needs at least 2 pages")
            return None
        base = ["node", str(AXE_RUNNER), "--enable", AXE_ENABLE]
        samples, violations = [], 0
        self.say(f"axe-core on 1 and on {len(pages)} pages ×{self.repeat}")
        for _ in range(self.repeat):
            one = run_once([*base, str(pages[0])])
            many = run_once([*base, *map(str, pages)])
            failed = one if one.code else many if many.code else None
            if failed is not None:
                raise StepFailed(f"axe.mjs failed: {failed.output[-2000:]}")
            samples.append(max(many.seconds - one.seconds, 0.0) / (len(pages) - 1))
            report = json.loads(many.output.strip().splitlines()[-1])
            violations = sum(len(rule["nodes"]) for page in report["pages"] for rule in page["violations"])
        self.say(f"  median {format_seconds(sorted(samples)[len(samples) // 2])} per page")
        note.append(f"axe-core {report.get('axe', '?')}: {violations} violation nodes")
        return Measurement(samples, unit="s/page")

    # --- one locale's output, and po4a -------------------------------------------------------------

    def one_locale_output(self) -> None:
        """pipeline build --locale L (HTML, clean dist/) vs translate-toolkit's po2md (Markdown)."""
        locale = self.spec.locales[0]
        pipeline = self.run_pipeline("build one", ["build", "--locale", locale], before=lambda _: self.clean_dist())
        out = self.work / "po2md"
        tt = self.root / "peers" / "tt"
        command = [self.peer_tool("po2md"), "-m", "0", "-t", self.root / "source", "-i", tt / "filled" / locale, "-o", out]
        peer = self.run_peer("po2md", command, before=lambda _: remove(out))
        self.add(Row(f"translated output: one locale ({locale})", pipeline, "translate-toolkit po2md -m 0", peer,
                     note="pipeline writes HTML pages (and reads every locale); po2md writes Markdown"))

    def po4a(self) -> None:
        """po4a --force on a subset (one catalog per document), scaled per document, vs pipeline update + build."""
        update, build = self.kept.get("update"), self.kept.get("build")
        step = "update + translated output (po4a scaled)"
        ours = summed(update, build) if update and build else None
        config = self.root / "peers" / "po4a" / "po4a.cfg"
        if shutil.which("po4a") is None:
            self.add(Row(step, ours, "po4a", note="po4a not installed: run bench/setup"))
            return
        if not config.exists():
            raise StepFailed(f"{config} missing: regenerate the corpus")
        documents = self.spec.po4a_documents
        measured = self.run_peer(f"po4a --force ({documents} documents)", ["po4a", "--force", "po4a.cfg"], cwd=config.parent)
        factor = self.spec.articles / documents
        scaled = Measurement([s * factor for s in measured.samples], measured.peak_mb)
        self.add(Row(step, ours, f"po4a --force ({documents} docs × {factor:g})", scaled,
                     note=f"po4a measured on {documents} of {self.spec.articles} documents × {len(self.spec.locales)} locales "
                          f"(median {format_seconds(measured.median)}), scaled per document; pipeline: update + clean build"))

    # --- running -------------------------------------------------------------------------------

    def run_all(self, only: Sequence[str] = ()) -> None:
        """Every step (or those `only` names, in STEPS) in an order that leaves each one its inputs (the one-locale
        build comes last). Rebuilds without the full build first get one untimed build: this code's cache and dist/."""
        steps = {
            "extract": lambda: self.attempt("extract: every POT written", "translate-toolkit md2po -P", self.extract, "extract"),
            "update": lambda: self.attempt("update: all locales, catalogs current", "pybabel update", self.update_all,
                                           "update"),
            "update-one": lambda: self.attempt(f"update: one locale ({self.spec.locales[0]})", "translate-toolkit pot2po -t",
                                               self.update_one, "update one"),
            "compile": lambda: self.attempt("compile: every MO", "pybabel compile", self.compile, "compile"),
            "build": lambda: (self.attempt("full build with every check (clean dist/)", "", self.full_build, "build"),
                              self.memory()),
            "rebuild": lambda: self.attempt("rebuild", "", self.rebuilds),
            "a11y": lambda: self.attempt(f"accessibility per page: {self.sample} sampled pages, warm", "axe-core",
                                         self.accessibility),
            "start-up": lambda: self.attempt("start-up", "", self.start_up),
            "po4a": lambda: self.attempt("update + translated output (po4a scaled)", "po4a", self.po4a),
            "one-locale": lambda: self.attempt(f"translated output: one locale ({self.spec.locales[0]})",
                                               "translate-toolkit po2md", self.one_locale_output, "build one"),
        }
        assert tuple(steps) == STEPS
        if "rebuild" in only and "build" not in only:
            self.say("one untimed build, so the rebuilds start from this code's cache and dist/")
            run_once([*self.pipeline, "build"], env=self.env)
        for name, step in steps.items():
            if not only or name in only:
                step()


# --- the profile and the output --------------------------------------------------------------------


def profile(bench: Benchmark) -> dict:
    """Run the full build (clean) and then a no-op rebuild under cProfile; print where their time goes."""
    out = bench.work / "profile"
    remove(out)
    out.mkdir(parents=True)
    serial = "--jobs" in run_once([*bench.pipeline, "build", "--help"], env=bench.env).output
    jobs = ["--jobs", "1"] if serial else []  # cProfile sees one process: the workers' share would be lost
    bench.clean_dist()
    profiles = {}
    for name, title, top, top_own in (("build", f"Profile of the full build (pipeline build {' '.join(jobs)}, clean)", 25, 15),
                                      ("no-op", "Profile of a no-op rebuild (pipeline build, right after it)", 15, 0)):
        path = out / f"{name}.prof"
        bench.say(f"profiling: {title}")
        command = [sys.executable, "-m", "cProfile", "-o", str(path), "-m", "pipeline", "-C", str(bench.root), "build"]
        run = run_once([*command, *jobs], env=bench.env)
        if run.code not in (0, 1) or CRASH in run.output or not path.exists():
            raise StepFailed(f"profiling the build failed ({run.code}): {run.output[-2000:]}")
        profiles[name] = print_profile(path, run.seconds, title, top, top_own)
    return profiles


def print_report(bench: Benchmark, machine: dict[str, str], generated: float | None) -> None:
    """The machine, the corpus and the table."""
    spec = bench.spec
    corpus = [
        f"{spec.articles} articles × {len(spec.locales)} locales ({', '.join(spec.locales)}) + en = "
        f"{bench.pages} article pages; seed {spec.seed}",
        f"{bench.root}{'' if generated is None else f'  (generated in {format_seconds(generated)})'}",
        f"every figure is the median of {bench.repeat} runs, each a fresh process; ratio = peer ÷ pipeline (> 1: pipeline is faster)",
    ]
    footer = ""
    if bench.scale != 1:
        footer = (f"The issue's targets are for {FULL_ARTICLES} articles × {FULL_LOCALES} locales: at this size the full-build "
                  "target is not judged; the rebuild, speed-up and memory targets are judged as they stand, but only the full "
                  "size tells whether they hold.")
    print_table(bench.rows, machine, corpus, footer)


def use_snapshot(ref: str) -> str:
    """Measure `pipeline/` as committed at `ref`, not the working tree: extract it once, put it first on the path."""
    done = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--verify", f"{ref}^{{commit}}"],
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"bench: --ref {ref}: not a commit of {REPO}")
    commit = done.stdout.strip()
    folder = BENCH / ".snapshots" / commit[:12]
    if not (folder / "pipeline" / "__init__.py").exists():
        remove(folder)
        folder.mkdir(parents=True)
        archive = subprocess.run(["git", "-C", str(REPO), "archive", "--format=tar", commit, "pipeline"], capture_output=True, check=True)
        subprocess.run(["tar", "-x", "-C", str(folder)], input=archive.stdout, check=True)
        subprocess.run(["chmod", "-R", "go-w", str(folder)], check=True)  # NLTK refuses data others can write
    # Bytecode, as pip writes it on install: without it (PYTHONDONTWRITEBYTECODE) every run compiles ~100 modules.
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(folder / "pipeline")], check=True, stdout=subprocess.DEVNULL)
    sys.path.insert(0, str(folder))  # ahead of the editable install's finder, here and in every child
    os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(folder), os.environ.get("PYTHONPATH", "")]))
    return commit


def main() -> None:
    """Command line: generate (or reuse) the corpus, run every step, print and save the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=50, help="articles in the corpus (default 50)")
    parser.add_argument("--locales", type=int, default=3, help="target locales (default 3)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each step; the median is reported (default 3)")
    parser.add_argument("--sample", type=int, default=20, help="pages checked by axe-core and by pipeline (default 20)")
    parser.add_argument("--po4a-documents", type=int, default=10, help="documents po4a runs on, scaled per document (default 10)")
    parser.add_argument("--seed", type=int, default=1, help="seed of the corpus' variations (default 1)")
    parser.add_argument("--corpus", type=Path, help="the corpus folder (default bench/corpus-NxM-sS)")
    parser.add_argument("--json", type=Path, help="write the figures here (default bench/results/<corpus>.json)")
    parser.add_argument("--profile", action="store_true", help="also profile the full build")
    parser.add_argument("--ref", help="measure pipeline/ as committed at this git ref instead of the working tree")
    parser.add_argument("--only", type=lambda text: text.split(","), default=[],
                        help=f"run only these steps, comma-separated: {', '.join(STEPS)} (default: all)")
    args = parser.parse_args()
    if args.repeat < 1 or args.sample < 2:
        parser.error("--repeat must be at least 1 and --sample at least 2")
    if set(args.only) - set(STEPS):
        parser.error(f"--only: no step {', '.join(sorted(set(args.only) - set(STEPS)))} (the steps: {', '.join(STEPS)})")
    commit = use_snapshot(args.ref) if args.ref else ""
    try:
        import pipeline  # noqa: F401
    except ImportError:
        parser.error(f"pipeline does not import in {sys.executable}: run with the project's venv (/work/venv/bin/python)")
    spec = make_spec(args.articles, args.locales, args.seed, args.po4a_documents)
    root = (args.corpus or BENCH / spec.name).resolve()
    machine = describe_machine({
        "pipeline": ["git", "-C", str(REPO), "log", "-1", "--format=%h %cd %s", "--date=short", "--", "pipeline"],
        "translate-toolkit": [str(PEERS_VENV / "bin" / "md2po"), "--version"],
        "babel (pybabel)": [str(PEERS_VENV / "bin" / "pybabel"), "--version"],
        "po4a": ["po4a", "--version"],
        "chromium": [str(CHROMIUM), "--version"],
        "node": ["node", "--version"],
    })
    dirty = run_once(["git", "-C", str(REPO), "status", "--porcelain", "--", "pipeline"]).output.strip()
    if commit:
        last = run_once(["git", "-C", str(REPO), "log", "-1", "--format=%h %cd %s", "--date=short", commit, "--", "pipeline"]).output
        machine["pipeline"] = f"{last.strip()[:110]} (--ref {args.ref} = {commit[:12]}: pipeline/ as committed)"
    elif dirty:
        machine["pipeline"] += f" + uncommitted changes to {len(dirty.splitlines())} files in pipeline/ (the working tree is measured)"
    start = time.perf_counter()
    existed = root.exists()
    generate(root, spec, log=lambda text: print(f"bench: {text}", file=sys.stderr, flush=True))
    generated = None if existed and time.perf_counter() - start < 5 else time.perf_counter() - start
    bench = Benchmark(root, spec, args.repeat, args.sample)
    bench.run_all(args.only)
    machine["load average at end"] = " ".join(f"{x:.2f}" for x in os.getloadavg())
    print_report(bench, machine, generated)
    profiled = profile(bench) if args.profile else None
    target = args.json or BENCH / "results" / f"{spec.name}.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps({
        "machine": machine,
        "corpus": {"articles": spec.articles, "locales": list(spec.locales), "seed": spec.seed, "pages": bench.pages,
                   "root": str(root), "generated_seconds": generated},
        "repeat": args.repeat,
        "sample": args.sample,
        "rows": [row.as_json() for row in bench.rows],
        "profile": profiled,
    }, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"\nfigures written to {target}")


if __name__ == "__main__":
    main()
