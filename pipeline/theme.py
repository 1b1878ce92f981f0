"""The look of the pages: the shipped templates and stylesheet, and a publisher's own.

A publisher's `templates_dir` and `static_dir` override the shipped files by name: a
`base.html` there replaces the shipped one. A template can also extend a shipped one
under the `pipeline/` prefix (`{% extends "pipeline/base.html" %}`) and replace only its
blocks (`title`, `meta`, `header`, `main`, `footer`). Findings on a page's chrome point at
the file that wrote it: the publisher's when it overrides, else the shipped one.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .layout import ASSETS

PACKAGE = Path(__file__).parent
SHIPPED_TEMPLATES = PACKAGE / "templates"
SHIPPED_STATIC = PACKAGE / "static"
#: The prefix under which a publisher's template reaches the shipped ones.
SHIPPED_PREFIX = "pipeline/"


@dataclass(frozen=True)
class Theme:
    """Where the templates and static files come from: the publisher's folders first."""

    root: Path  # the project, for the paths shown to people
    templates: tuple[Path, ...] = (SHIPPED_TEMPLATES,)
    static: tuple[Path, ...] = (SHIPPED_STATIC,)

    @classmethod
    def of(cls, root: Path, templates_dir: str = "", static_dir: str = "") -> "Theme":
        """The theme of a project: its own folders (when set) before the shipped ones."""
        own_templates = (root / templates_dir,) if templates_dir else ()
        own_static = (root / static_dir,) if static_dir else ()
        return cls(root, (*own_templates, SHIPPED_TEMPLATES), (*own_static, SHIPPED_STATIC))

    @property
    def own_templates(self) -> tuple[Path, ...]:
        """The publisher's template folders (none for the shipped theme)."""
        return self.templates[:-1]

    def template_file(self, name: str) -> Path:
        """The file a template name renders from: the first folder that has it."""
        if name.startswith(SHIPPED_PREFIX):
            return SHIPPED_TEMPLATES / name[len(SHIPPED_PREFIX):]
        for folder in self.templates:
            if (folder / name).is_file():
                return folder / name
        return SHIPPED_TEMPLATES / name

    def shown(self, name: str) -> str:
        """A template as findings show it: its path in the project, or in the package."""
        path = self.template_file(name)
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return f"pipeline/templates/{path.relative_to(SHIPPED_TEMPLATES).as_posix()}"

    def assets(self) -> dict[str, Path]:
        """Every static file by its path in the bundle (`assets/style.css`), the publisher's winning."""
        found: dict[str, Path] = {}
        for folder in reversed(self.static):
            for path in sorted(folder.rglob("*")) if folder.is_dir() else ():
                if path.is_file() and not any(part.startswith(".") for part in path.relative_to(folder).parts):
                    found[ASSETS + path.relative_to(folder).as_posix()] = path
        return dict(sorted(found.items()))

    def own_files(self) -> list[Path]:
        """The publisher's templates and static files: what a build's key must read besides the tool."""
        folders = [*self.own_templates, *self.static[:-1]]
        return [p for folder in folders if folder.is_dir() for p in sorted(folder.rglob("*")) if p.is_file()]


SHIPPED = Theme(Path("."))
