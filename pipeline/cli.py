"""The command line: the only module that imports Click and the only one that prints (`__main__` answers `--version`).

Each command loads the settings, applies its options, calls one function and exits
with the code its report decides: 0 clean, 1 findings at or above --fail-on, 2 bad input;
the group itself gives 3 for a bug in the tool (its traceback in a log file) and 130 for Ctrl-C.
A command imports what it needs when it runs: `extract` does not wait for textstat.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import warnings
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterator

import click

from . import DISTRIBUTION, __version__
from .errors import PipelineError, SettingsWarning
from .layout import shown_path
from .model import WCAG_LEVELS, Report

if TYPE_CHECKING:  # imported when a command needs them: `extract` does not wait for the build's modules
    from .build import BuildResult
    from .config import Settings
    from .shards import Shard


#: Exit codes of the group's own (the commands give 0, 1 and 2): see `cli`'s help.
INTERNAL_ERROR, INTERRUPTED = 3, 130


class PipelineGroup(click.Group):
    """Turns every way a command can end into its exit code and at most one line on stderr."""

    debug = False  # --debug: print an internal error's traceback too

    def main(self, args: Any = None, prog_name: str | None = None, **extra: Any) -> None:  # type: ignore[override]
        extra.pop("standalone_mode", None)
        self.debug = False
        try:
            code = super().main(args, prog_name or "pipeline", standalone_mode=False, **extra)
        except PipelineError as exc:
            _fail(str(exc), exc.exit_code)
        except click.UsageError as exc:
            hint = f" (see '{exc.ctx.command_path} --help')" if exc.ctx else ""
            _fail(exc.format_message() + hint, 2)
        except click.ClickException as exc:
            _fail(exc.format_message(), exc.exit_code)
        except (click.Abort, KeyboardInterrupt):  # Click turns Ctrl-C into Abort
            click.echo("interrupted: nothing was half-written", err=True)
            sys.exit(INTERRUPTED)
        except BrokenPipeError:  # the reader of stdout went away (`pipeline status | head`)
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no second error at exit
            sys.exit(1)
        except Exception as exc:
            _internal_error(exc, self.debug)
        sys.exit(code if isinstance(code, int) else 0)

    def invoke(self, ctx: click.Context) -> Any:
        self.debug = bool(ctx.params.get("debug"))
        return super().invoke(ctx)


def _fail(message: str, code: int) -> None:
    """Print one line on stderr and exit."""
    click.echo(_safe_for_ci(f"error: {' '.join(message.split())}"), err=True)
    sys.exit(code)


def _safe_for_ci(text: str) -> str:
    """Text printed after a command's own output guard ended: under CI, no line of it a workflow command."""
    if not _in_ci():
        return text
    from .reports.ci import neutralize_commands

    return neutralize_commands(text)


def _internal_error(error: Exception, debug: bool) -> None:
    """A bug in the tool: its traceback to a log (and stderr with --debug), one line, exit 3."""
    import traceback

    from .crash import describe, write_crash_log

    log = write_crash_log(error)
    if debug:
        click.echo(_safe_for_ci("".join(traceback.format_exception(error)).rstrip()), err=True)
    where = f"the traceback is in {log}" if log else "the traceback could not be logged (use --debug)"
    click.echo(_safe_for_ci(f"internal error: {describe(error)}; {where} (please report it)"), err=True)
    sys.exit(INTERNAL_ERROR)


def _in_ci() -> bool:
    """Whether the output is read by GitHub's runner, which takes some lines for workflow commands."""
    return os.environ.get("GITHUB_ACTIONS") == "true"


@click.group(cls=PipelineGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "-C",
    "--project",
    type=click.Path(file_okay=False, path_type=Path),
    default=".",
    show_default=True,
    help="The project folder (holding pyproject.toml).",
)
@click.option("--debug", is_flag=True, help="On an internal error, print its traceback too.")
@click.version_option(__version__, package_name=DISTRIBUTION)
@click.pass_context
def cli(ctx: click.Context, project: Path, debug: bool) -> None:
    """Translate, check and build patient-facing health articles in many languages.

    \b
    Exit codes, for every command:
      0  done and clean
      1  done, with findings at or above the failing severity
      2  bad input or command line: one line naming the file (and line)
      3  a bug in the tool: one line, and the traceback in a log file
         (--debug prints it); please report it
    130  interrupted (Ctrl-C): nothing half-written
    """
    ctx.obj = project
    if _in_ci():  # no file name or translation printed may pass for a workflow command
        from .reports.ci import commands_neutralized

        ctx.with_resource(commands_neutralized())


LOCALE_OPTION = click.option(
    "--locale", "-l", "locales", multiple=True, metavar="LOCALE", help="Only this locale (repeat for more)."
)


def _settings(project: Path, **overrides: Any) -> Settings:
    """The project's settings with the command line's options applied; what they warn of, one line each on stderr."""
    from .config import load_settings

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", SettingsWarning)
        settings = load_settings(project)
    for warning in caught:
        if issubclass(warning.category, SettingsWarning):
            click.echo(_safe_for_ci(f"warning: {warning.message}"), err=True)
        else:
            warnings.showwarning(warning.message, warning.category, warning.filename, warning.lineno)
    return settings.with_overrides(**overrides)


def _catalog_locales(settings: Settings, locales: tuple[str, ...]) -> tuple[str, ...]:
    """The configured target locales a catalog command works on: all, or those of --locale (others refused)."""
    return tuple(code for code in settings.select_locales(locales) if code in settings.locales)


def _shown(path: Path, settings: Settings) -> str:
    """A path as the user sees it: relative to the project (escaped as workflow command data under CI)."""
    shown = shown_path(path, settings.root)
    if _in_ci():
        from .reports.ci import escape_for_ci

        return escape_for_ci(shown)
    return shown


@cli.command()
@click.pass_obj
def extract(project: Path) -> None:
    """Write one POT per article (and the ui domain) to locales/templates/."""
    from .workflow import extract_templates

    settings = _settings(project)
    written = extract_templates(settings)
    for path in written:
        click.echo(f"{'wrote' if path.exists() else 'removed'} {_shown(path, settings)}")
    click.echo(f"{len(written)} templates changed" if written else "templates are up to date")


@cli.command()
@LOCALE_OPTION
@click.option("--check", is_flag=True, help="Write nothing; exit 1 if any catalog is out of date.")
@click.pass_obj
def update(project: Path, locales: tuple[str, ...], check: bool) -> None:
    """Merge the templates into every locale's catalogs, keeping every translation."""
    from .commands import update_report

    settings = _settings(project)
    changed, report = update_report(settings, _catalog_locales(settings, locales), check)
    verb = "out of date" if check else "updated"
    for path in changed:
        click.echo(f"{verb}: {_shown(path, settings)}")
    if not changed:
        click.echo("catalogs are up to date")
    sys.exit(report.return_code)


@cli.command(name="compile")
@LOCALE_OPTION
@click.pass_obj
def compile_command(project: Path, locales: tuple[str, ...]) -> None:
    """Compile PO catalogs into MO files where the MO is older (fuzzy entries left out)."""
    from .workflow import compile_all

    settings = _settings(project)
    compiled = compile_all(settings, _catalog_locales(settings, locales))
    for path in compiled:
        click.echo(f"compiled {_shown(path, settings)}")
    click.echo(f"{len(compiled)} catalogs compiled" if compiled else "compiled catalogs are up to date")


@cli.command()
@LOCALE_OPTION
@click.option("--format", "output", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--min-coverage", type=click.FloatRange(0, 100), help="Exit 1 if a locale has less than this % of words translated.")
@click.pass_obj
def status(project: Path, locales: tuple[str, ...], output: str, min_coverage: float | None) -> None:
    """Show what is translated, fuzzy and left, in messages and words, per locale and article."""
    from .catalogs import total_status
    from .commands import coverage_report
    from .reports import status_row, status_table
    from .workflow import orphaned_catalogs, translation_status

    settings = _settings(project)
    chosen = _catalog_locales(settings, locales)
    rows = translation_status(settings, chosen)
    totals = total_status(rows)
    if output == "json":
        click.echo(json.dumps([status_row(r) for r in rows], indent=2, ensure_ascii=False))
    else:
        click.echo(status_table(rows, totals))
    for path in orphaned_catalogs(settings, chosen, {r.article for r in rows}):
        click.echo(f"{_shown(path, settings)}: its article is gone; the catalog is kept, with its translations", err=True)
    report = coverage_report(totals, min_coverage)
    for finding in report.findings:
        click.echo(finding.message, err=True)
    sys.exit(report.return_code)


FORMATS = ["table", "json", "sarif"]
FORMAT_OPTION = click.option(
    "--format", "output", type=click.Choice(FORMATS), default="table", show_default=True, help="How to print the findings."
)


class ShardType(click.ParamType):
    """`K/N`: shard K of N."""

    name = "shard"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        from .shards import Shard, parse_shard

        if isinstance(value, Shard):
            return value
        try:
            return parse_shard(value)
        except ValueError as exc:
            self.fail(str(exc), param, ctx)


class SettingOption(click.Option):
    """An option whose default is a setting: its help shows the project's value, read when help is asked for."""

    def __init__(self, *args: Any, setting: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.setting = setting

    def get_help_record(self, ctx: click.Context) -> tuple[str, str] | None:
        from .config import Settings, load_settings

        record = super().get_help_record(ctx)
        if record is None:
            return None
        try:
            value = getattr(load_settings(ctx.find_root().obj or "."), self.setting)
        except PipelineError:  # no project, or a broken one: say where the value comes from
            value = getattr(Settings, self.setting)
        return record[0], f"{record[1]} [default: {value}, the {self.setting} setting]"


FAIL_ON_OPTION = click.option(
    "--fail-on", cls=SettingOption, setting="fail_on", type=click.Choice(["error", "warning", "info"]),
    help="Exit 1 on findings at or above this severity.",
)


def _finish(report: Report, output: str | None) -> None:
    """Print a check's findings in a format (None: the command printed them), annotate CI, exit with its code."""
    from .reports import findings_json, findings_table, sarif_log

    if output == "json":
        click.echo(findings_json(report))
    elif output == "sarif":
        from .build_checks import rule_infos  # every check's rules: loaded only when SARIF describes them

        click.echo(sarif_log(report, rule_infos()), nl=False)
    elif output == "table":
        click.echo(findings_table(report))
    _annotate_ci(report)
    sys.exit(report.return_code)


def _annotate_ci(report: Report, summary: str = "") -> None:
    """Under GitHub Actions: a workflow annotation per finding, and the step summary."""
    from .reports import github_annotations
    from .reports.ci import print_command

    if not _in_ci():
        return
    for line in github_annotations(report):
        print_command(line)
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary and target:
        with open(target, "a", encoding="utf-8") as handle:
            handle.write(summary)


@cli.group()
def check() -> None:
    """Check translations, readability or accessibility, and report findings."""


@check.command(name="catalogs")
@LOCALE_OPTION
@FORMAT_OPTION
@FAIL_ON_OPTION
@click.pass_obj
def check_catalogs_command(project: Path, locales: tuple[str, ...], output: str, fail_on: str | None) -> None:
    """Check every translation: markup, links, numbers, punctuation, glossary terms…"""
    from .commands import catalogs_report

    settings = _settings(project, fail_on=fail_on)
    _finish(catalogs_report(settings, _catalog_locales(settings, locales)), output)


@check.command(name="readability")
@LOCALE_OPTION
@click.option("--format", "output", type=click.Choice([*FORMATS, "html"]), default="table", show_default=True,
              help="html writes reports/readability.html for editors; the others print.")
@FAIL_ON_OPTION
@click.pass_obj
def check_readability_command(project: Path, locales: tuple[str, ...], output: str, fail_on: str | None) -> None:
    """Score every article in every locale and point at the sentences to make plainer."""
    from .checks.readability import format_table, render_html
    from .commands import readability_report
    from .reports import write_file

    settings = _settings(project, fail_on=fail_on)
    scores, editions, report = readability_report(settings, settings.select_locales(locales))
    if output == "json":  # scores and findings, where the other checks print findings only
        click.echo(json.dumps(scores.to_json(), indent=2, ensure_ascii=False))
    elif output == "html":
        path = write_file(settings.path("reports_dir"), "readability.html", render_html(scores, editions))
        click.echo(f"wrote {_shown(path, settings)}")
    elif output == "table":
        click.echo(format_table(scores) + "\n")
    _finish(report, output if output in ("table", "sarif") else None)

LEVEL_OPTION = click.option(
    "--level", cls=SettingOption, setting="wcag_level", type=click.Choice(WCAG_LEVELS),
    help="The WCAG level accessibility is checked at: rules serving only criteria above it are left out.",
)


@check.command(name="a11y")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@FORMAT_OPTION
@FAIL_ON_OPTION
@LEVEL_OPTION
@click.option("--all-outcomes", is_flag=True, help="Also report passed and inapplicable outcomes, per rule and element.")
@click.option("--rule", "rules", multiple=True, metavar="ID",
              help="Also run this rule, one that is off unless asked for (hidden-content, duplicate-id-active, "
                   "target-size); repeatable, added to the enabled_rules setting.")
@click.pass_obj
def check_a11y_command(project: Path, paths: tuple[Path, ...], output: str, fail_on: str | None, level: str | None,
                       all_outcomes: bool, rules: tuple[str, ...]) -> None:
    """Check HTML pages for accessibility (default: the built bundle in dist/)."""
    from .commands import a11y_report

    settings = _settings(project, fail_on=fail_on, wcag_level=level)
    if rules:
        from .config import refuse_unknown_rules

        refuse_unknown_rules(rules, "--rule", None)
        settings = settings.with_overrides(enabled_rules=(*settings.enabled_rules, *rules))
    _finish(a11y_report(settings, paths, all_outcomes), output)


@cli.command()
@LOCALE_OPTION
@click.option("--zip", "make_zip", is_flag=True, help="Also write one archive per locale (dist/<locale>.zip).")
@FAIL_ON_OPTION
@LEVEL_OPTION
@click.option("--update-baseline", is_flag=True, help="Accept today's findings: later runs fail only on new ones.")
@click.option("--jobs", "-j", type=click.IntRange(1), help="Worker processes [default: one per CPU this process may use].")
@click.option("--no-cache", is_flag=True, help="Redo every article, ignoring what earlier builds kept.")
@click.option("--pseudo", is_flag=True, help="Build the pseudo-locale en-XA, for testers, into dist-pseudo/.")
@click.option("--shard", type=ShardType(), metavar="K/N",
              help="Build only shard K of N (by a hash of each source file's name), for `pipeline merge`.")
@click.pass_obj
def build(project: Path, locales: tuple[str, ...], make_zip: bool, fail_on: str | None, level: str | None,
          update_baseline: bool, jobs: int | None, no_cache: bool, pseudo: bool, shard: Shard | None) -> None:
    """Build, check and report every article in every locale: dist/ and reports/."""
    from .cache import BuildCache, lock_path, project_lock
    from .freshness import last_build

    settings = _settings(project, fail_on=fail_on, wcag_level=level).bundle(pseudo)
    click.get_current_context().with_resource(project_lock(settings.root, partial(_waiting, lock_path(settings.root), settings)))
    wanted = settings.select_locales(locales)
    if shard is not None and update_baseline:
        raise click.UsageError("--update-baseline accepts a whole build's findings: give it to `pipeline merge`")
    every_finding = update_baseline or os.environ.get("GITHUB_ACTIONS") == "true"
    cache = None if no_cache else BuildCache(settings.root)
    if cache is not None and shard is None and not every_finding and (last := last_build(cache, settings, wanted, make_zip)):
        click.echo("nothing changed since the last build: dist/ and reports/ are as it left them")
        sys.exit(Report(last.failing, fail_on=settings.fail_on).return_code)  # type: ignore[arg-type]
    from .build import build as run_build  # only now: it imports every check and renderer

    with _progress(settings) as advance:
        result = run_build(settings, wanted, make_zip, advance, jobs, cache, update_baseline, shard)
    _built(result, settings, annotate=shard is None)  # a shard's findings are the merge's to annotate


@cli.command()
@click.argument("folders", nargs=-1, required=True, type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--update-baseline", is_flag=True, help="Accept today's findings: later runs fail only on new ones.")
@click.option("--pseudo", is_flag=True, help="Merge the shards of `build --pseudo --shard`, into dist-pseudo/.")
@click.pass_obj
def merge(project: Path, folders: tuple[Path, ...], update_baseline: bool, pseudo: bool) -> None:
    """Merge the folders of `build --shard` jobs (each with its dist/ and reports/) into one build's dist/ and reports/."""
    from .cache import lock_path, project_lock

    settings = _settings(project).bundle(pseudo)
    click.get_current_context().with_resource(project_lock(settings.root, partial(_waiting, lock_path(settings.root), settings)))
    from .build import merge as run_merge  # only now: it imports every check and renderer

    _built(run_merge(settings, folders, update_baseline), settings)


def _built(result: BuildResult, settings: Settings, annotate: bool = True) -> None:
    """Print what a build or a merge wrote and found, annotate CI (unless told not to), exit with the report's code."""
    from .reports import step_summary
    from .reports.text import build_summary
    from .wording import findings_count

    report = result.report
    if result.baseline:
        click.echo(f"accepted {findings_count(len(report.accepted))} in {result.baseline}")
    for finding in (f for f in report.findings if f.check == "build" and f.article is None):
        click.secho(f"{finding.severity}: {finding.file}: {finding.message}", fg="yellow", err=True)
    summary = build_summary(report.figures, len(result.files), settings.dist_dir)
    click.echo(summary)
    click.echo("reports: " + ", ".join(result.reports))
    if annotate:
        _annotate_ci(report, step_summary(report, summary, result.reports))
    if report.failing():
        click.secho(f"{findings_count(len(report.failing()))} at or above {report.fail_on}", fg="red", err=True)
    sys.exit(report.return_code)


@cli.command()
@LOCALE_OPTION
@click.option("--host", default="127.0.0.1", show_default=True, help="The address to listen on.")
@click.option("--port", "-p", type=click.IntRange(0, 65535), default=8000, show_default=True,
              help="The port to listen on (0: any free port).")
@click.option("--jobs", "-j", type=click.IntRange(1), help="Worker processes [default: one per CPU this process may use].")
@click.pass_obj
def serve(project: Path, locales: tuple[str, ...], host: str, port: int, jobs: int | None) -> None:
    """Preview the site while you write: rebuild on every change, reload the page, show its findings."""
    from .serve import serve as run_preview

    settings = _settings(project)
    settings.select_locales(locales)  # an unknown --locale is refused before anything starts
    run_preview(lambda: _settings(project).bundle(), host, port, locales, click.echo, jobs)


@cli.command()
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path), default=".")
def init(folder: Path) -> None:
    """Start a new content project in FOLDER: settings, an example article, catalogs, CI and pre-commit."""
    from .starter import create_project

    written = create_project(folder)
    for path in written:
        click.echo(f"wrote {path.relative_to(folder).as_posix()}")
    click.echo(f"a new project is in {folder}: run `pipeline build` there")


@cli.group(name="export")
def export_group() -> None:
    """Hand catalogs to other tools: XLIFF for CAT tools (Trados, memoQ, Phrase)."""


@export_group.command(name="xliff")
@LOCALE_OPTION
@click.option("--xliff-version", type=click.Choice(["1.2", "2.1"]), default="1.2", show_default=True,
              help="1.2 is read by every CAT tool; 2.1 by the newer ones.")
@click.option("--output", "-o", type=click.Path(file_okay=False, path_type=Path),
              help="Folder for <locale>/<slug>.xlf [default: locales/xliff].")
@click.pass_obj
def export_xliff_command(project: Path, locales: tuple[str, ...], xliff_version: str, output: Path | None) -> None:
    """Write one XLIFF file per article and locale, inline Markdown protected as tags."""
    from .xliff import export_xliff

    settings = _settings(project)
    result = export_xliff(settings, locales, xliff_version, output)
    for path in result.written:
        click.echo(f"wrote {_shown(path, settings)}")
    click.echo(f"{len(result.written)} XLIFF files written, {result.unchanged} already up to date")


@cli.group(name="import")
def import_group() -> None:
    """Take work back from other tools: XLIFF from CAT tools."""


@import_group.command(name="xliff")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.pass_obj
def import_xliff_command(project: Path, files: tuple[Path, ...]) -> None:
    """Merge the translations of XLIFF files into their catalogs; nothing written if any file is wrong."""
    from .xliff import import_xliff

    settings = _settings(project)
    result = import_xliff(settings, files)
    for path in result.changed:
        click.echo(f"updated {_shown(path, settings)}")
    click.echo(f"{result.entries} entries changed in {len(result.changed)} catalogs")


def _waiting(lock: Path, settings: Settings) -> None:
    """Say why a command does not start: another one is writing the project."""
    click.echo(f"waiting for another pipeline run on this project to finish (it holds {_shown(lock, settings)})",
               err=True)


@contextlib.contextmanager
def _progress(settings: Settings) -> Iterator[Callable[[int], None] | None]:
    """A progress bar of articles on stderr when it is a terminal; nothing otherwise."""
    if not sys.stderr.isatty():
        yield None
        return
    total = sum(1 for _ in settings.path("source_dir").glob("*.md"))
    with click.progressbar(length=total, label="building", file=sys.stderr) as bar:
        yield bar.update


def main() -> None:
    """Console-script entry point."""
    cli.main(prog_name="pipeline")
