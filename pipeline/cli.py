"""The command line: the only module that imports Click and the only one that prints.

Each command loads the settings, applies its options, calls one function and exits
with the code its report decides: 0 clean, 1 findings at or above --fail-on, 2 bad input.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from .build import build as run_build
from .build import readability
from .checks.readability import format_table as readability_table
from .checks.readability import render_html as readability_html
from .config import Settings, load_settings
from .errors import PipelineError
from .catalogs import total_status
from .reports import write_report, build_summary, findings_json, findings_table, status_row, status_table
from .workflow import check_catalogs, compile_all, extract_templates, translation_status, update_catalogs


class PipelineGroup(click.Group):
    """Turns bad input and bad command lines into one line on stderr and exit code 2."""

    def main(self, args: Any = None, prog_name: str | None = None, **extra: Any) -> None:  # type: ignore[override]
        extra.pop("standalone_mode", None)
        try:
            code = super().main(args, prog_name or "pipeline", standalone_mode=False, **extra)
        except PipelineError as exc:
            _fail(str(exc), exc.exit_code)
        except click.UsageError as exc:
            hint = f" (see '{exc.ctx.command_path} --help')" if exc.ctx else ""
            _fail(exc.format_message() + hint, 2)
        except click.ClickException as exc:
            _fail(exc.format_message(), exc.exit_code)
        except click.Abort:
            _fail("aborted", 1)
        sys.exit(code if isinstance(code, int) else 0)


def _fail(message: str, code: int) -> None:
    """Print one line on stderr and exit."""
    click.echo(f"error: {' '.join(message.split())}", err=True)
    sys.exit(code)


@click.group(cls=PipelineGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "-C",
    "--project",
    type=click.Path(file_okay=False, path_type=Path),
    default=".",
    show_default=True,
    help="The project folder (holding pyproject.toml).",
)
@click.version_option(package_name="pipeline")
@click.pass_context
def cli(ctx: click.Context, project: Path) -> None:
    """Translate, check and build patient-facing health articles in many languages."""
    ctx.obj = project


LOCALE_OPTION = click.option(
    "--locale", "-l", "locales", multiple=True, metavar="LOCALE", help="Only this locale (repeat for more)."
)


def _settings(project: Path, **overrides: Any) -> Settings:
    """The project's settings with the command line's options applied."""
    return load_settings(project).with_overrides(**overrides)


def _shown(path: Path, settings: Settings) -> str:
    """A path as the user sees it: relative to the project."""
    try:
        return path.relative_to(settings.root).as_posix()
    except ValueError:
        return str(path)


@cli.command()
@click.pass_obj
def extract(project: Path) -> None:
    """Write one POT per article (and the ui domain) to locales/templates/."""
    settings = _settings(project)
    written = extract_templates(settings)
    for path in written:
        click.echo(f"wrote {_shown(path, settings)}")
    click.echo(f"{len(written)} templates changed" if written else "templates are up to date")


@cli.command()
@LOCALE_OPTION
@click.option("--check", is_flag=True, help="Write nothing; exit 1 if any catalog is out of date.")
@click.pass_obj
def update(project: Path, locales: tuple[str, ...], check: bool) -> None:
    """Merge the templates into every locale's catalogs, keeping every translation."""
    settings = _settings(project, locales=locales)
    result = update_catalogs(settings, settings.locales, check=check)
    verb = "out of date" if check else "updated"
    for path in result.changed:
        click.echo(f"{verb}: {_shown(path, settings)}")
    if not result.changed:
        click.echo("catalogs are up to date")
    sys.exit(1 if check and result.changed else 0)


@cli.command(name="compile")
@LOCALE_OPTION
@click.pass_obj
def compile_command(project: Path, locales: tuple[str, ...]) -> None:
    """Compile PO catalogs into MO files where the MO is older (fuzzy entries left out)."""
    settings = _settings(project, locales=locales)
    compiled = compile_all(settings, settings.locales)
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
    settings = _settings(project, locales=locales)
    rows = translation_status(settings, settings.locales)
    totals = total_status(rows)
    if output == "json":
        click.echo(json.dumps([status_row(r) for r in rows], indent=2, ensure_ascii=False))
    else:
        click.echo(status_table(rows, totals))
    below = [locale for locale, total in totals.items() if min_coverage is not None and total.coverage < min_coverage]
    for locale in below:
        click.echo(f"{locale} is below {min_coverage:g}% of words translated ({totals[locale].coverage:.1f}%)", err=True)
    sys.exit(1 if below else 0)


FORMAT_OPTION = click.option(
    "--format", "output", type=click.Choice(["table", "json"]), default="table", show_default=True, help="How to print the findings."
)
FAIL_ON_OPTION = click.option(
    "--fail-on", type=click.Choice(["error", "warning", "info"]), help="Exit 1 on findings at or above this severity [settings: error]."
)


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
    settings = _settings(project, locales=locales, fail_on=fail_on)
    report = check_catalogs(settings, settings.locales)
    click.echo(findings_json(report) if output == "json" else findings_table(report))
    sys.exit(report.exit_code(settings.fail_on))


@check.command(name="readability")
@LOCALE_OPTION
@click.option("--format", "output", type=click.Choice(["table", "json", "html"]), default="table", show_default=True,
              help="table and json print; html writes reports/readability.html for editors.")
@FAIL_ON_OPTION
@click.pass_obj
def check_readability_command(project: Path, locales: tuple[str, ...], output: str, fail_on: str | None) -> None:
    """Score every article in every locale and point at the sentences to make plainer."""
    settings = _settings(project, fail_on=fail_on)
    report, editions = readability(settings, settings.select_locales(locales))
    if output == "json":
        click.echo(json.dumps(report.to_json(), indent=2, ensure_ascii=False))
    elif output == "html":
        path = write_report(settings, "readability.html", readability_html(report, editions))
        click.echo(f"wrote {_shown(path, settings)}")
    else:
        click.echo(readability_table(report))
    sys.exit(report.to_report().exit_code(settings.fail_on))


@cli.command()
@LOCALE_OPTION
@click.option("--zip", "make_zip", is_flag=True, help="Also write one archive per locale (dist/<locale>.zip).")
@click.pass_obj
def build(project: Path, locales: tuple[str, ...], make_zip: bool) -> None:
    """Build the HTML bundle of every article in every locale into dist/."""
    settings = _settings(project)
    result = run_build(settings, settings.select_locales(locales), make_zip)
    click.echo(build_summary(result.published, result.left_out, result.report, len(result.files), settings.dist_dir))
    sys.exit(result.report.exit_code(settings.fail_on))


def main() -> None:
    """Console-script entry point."""
    cli.main(prog_name="pipeline")
