"""The command line: the only module that imports Click and the only one that prints.

Each command loads the settings, applies its options, calls one function and exits
with the code its report decides: 0 clean, 1 findings at or above --fail-on, 2 bad input.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from .build import build as run_build
from .config import load_settings
from .errors import PipelineError


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


@cli.command()
@click.pass_obj
def build(project: Path) -> None:
    """Build the HTML bundle of every article into dist/."""
    settings = load_settings(project)
    result = run_build(settings)
    for locale, editions in result.built.items():
        click.echo(f"{locale}: {len(editions)} articles")
    click.echo(f"wrote {len(result.files)} files to {settings.dist_dir}/")


def main() -> None:
    """Console-script entry point."""
    cli.main(prog_name="pipeline")
