"""Settings: `[tool.pipeline]` in pyproject.toml, every key declared once and validated.

All problems are collected and reported together; an unknown key names the nearest
known one. Command-line options override settings (an option not given never does).
"""

from __future__ import annotations

import dataclasses
import difflib
import re
import tomllib
import warnings
from functools import partial
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Sequence
from urllib.parse import urlsplit

from .errors import ConfigError, SettingsWarning
from .layout import CACHE_FOLDER
from .rule_ids import current_ids, known_rule_ids, renamed_notice
from .locales import PSEUDO_LOCALE, normalize_code, parse_locale
from .model import SEVERITIES, WCAG_LEVELS, ReadabilityTarget
from .theme import Theme


CONFIG_FILE = "pyproject.toml"
SECTION = "tool.pipeline"


@dataclass(frozen=True)
class Settings:
    """The project's settings, validated. Paths are relative to `root`."""

    root: Path = Path(".")
    #: The language the articles are written in.
    source_locale: str = "en"
    #: The locales to translate into (BCP 47 codes CLDR knows, or a pseudo-locale such as en-XA).
    locales: tuple[str, ...] = ()
    #: Folder of the source articles (Markdown with YAML front matter).
    source_dir: str = "source"
    #: Folder of the gettext catalogs: templates/<slug>.pot and <locale>/LC_MESSAGES/<slug>.po.
    locales_dir: str = "locales"
    #: Folder the build writes the localized bundles to.
    dist_dir: str = "dist"
    #: Folder for JSON, SARIF and HTML reports.
    reports_dir: str = "reports"
    #: Absolute URL the bundles are published under; needed for hreflang alternates and sitemap.xml.
    base_url: str = ""
    #: Link pages by folder (`es/slug/`, for a server) instead of by file (`es/slug/index.html`, also from disk).
    directory_urls: bool = False
    #: Percentage of an article's source words a locale must translate for the article to be built.
    threshold: float = 80.0
    #: Findings at or above this severity make a command exit 1: error, warning or info.
    fail_on: str = "error"
    #: Rule ids to switch off.
    disabled_rules: tuple[str, ...] = ()
    #: Ids of rules off unless asked for to switch on (hidden-content, duplicate-id-active, target-size).
    enabled_rules: tuple[str, ...] = ()
    #: Front-matter keys of the project's own whose text is translated, besides title and description.
    front_matter: tuple[str, ...] = ()
    #: The WCAG level the accessibility check holds pages to: A, AA or AAA (rules above it are left out).
    wcag_level: str = "AA"
    #: Width of new and changed catalog lines: 0 for none, N to wrap at N columns as GNU gettext does;
    #: unset, each catalog keeps the style it was saved in (GNU, Poedit and Weblate each have theirs).
    po_width: int | None = None
    #: Readability targets per locale: {"en": {"warning": 8, "error": 10}}.
    readability: dict[str, ReadabilityTarget] = field(default_factory=dict)
    #: Folder of the publisher's own templates, which override the shipped ones by name.
    templates_dir: str = ""
    #: Folder of the publisher's own static files (stylesheets, images), copied to assets/.
    static_dir: str = ""

    @property
    def theme(self) -> Theme:
        """The templates and static files the pages are made with."""
        return Theme.of(self.root, self.templates_dir, self.static_dir)

    @property
    def all_locales(self) -> tuple[str, ...]:
        """The source locale first, then the target locales."""
        return (self.source_locale, *self.locales)

    def select_locales(self, codes: Sequence[str]) -> tuple[str, ...]:
        """Some of the configured locales (all when none are given), in the configured order."""
        problems: list[str] = []
        wanted = {_locale("--locale", code, problems) for code in codes}
        unknown = sorted(wanted - set(self.all_locales))
        if problems or unknown:
            configured = ", ".join(self.all_locales)
            raise ConfigError("; ".join(problems) or f"--locale {', '.join(unknown)}: not configured in the `locales` setting of [tool.pipeline] "
                                                 f"(configured: {configured})")
        return tuple(code for code in self.all_locales if not wanted or code in wanted)

    def path(self, name: str) -> Path:
        """One of the configured folders, resolved against the project root."""
        return self.root / getattr(self, name)

    def bundle(self, pseudo: bool = False) -> "Settings":
        """The settings of a build: the readers' bundle (pseudo-locales left out), or the testers' pseudo bundle.

        The pseudo bundle holds the source and the pseudo-locale, made from the source at build
        time (no entry in `locales`, no catalog), in folders of its own: `dist-pseudo/`, `reports-pseudo/`.
        """
        if not pseudo:
            return dataclasses.replace(self, locales=tuple(l for l in self.locales if not parse_locale(l).pseudo))
        return dataclasses.replace(self, locales=(PSEUDO_LOCALE,), dist_dir=f"{self.dist_dir}-pseudo",
                                   reports_dir=f"{self.reports_dir}-pseudo")

    def with_overrides(self, **options: Any) -> "Settings":
        """These settings with command-line options applied; options that are None are ignored."""
        given = {k: v for k, v in options.items() if v is not None and v != ()}
        problems: list[str] = []
        values = {k: _validate(k, v, problems) for k, v in given.items()}
        if problems:
            raise ConfigError("; ".join(problems))
        return dataclasses.replace(self, **values)


FIELDS = {f.name: f for f in dataclasses.fields(Settings) if f.name != "root"}


def load_settings(root: Path | str = ".") -> Settings:
    """Read and validate `[tool.pipeline]` from the project's pyproject.toml."""
    root = Path(root)
    path = root / CONFIG_FILE
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"no {CONFIG_FILE} here: run pipeline in the project folder", path) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read: {exc}", path) from None
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"not valid TOML: {exc}", CONFIG_FILE) from None
    table = document.get("tool", {}).get("pipeline", {})
    if not isinstance(table, dict):
        raise ConfigError(f"[{SECTION}] must be a table", CONFIG_FILE)

    problems: list[tuple[str, str]] = []  # (key, message)
    values: dict[str, Any] = {}
    for key, raw in table.items():
        if key not in FIELDS:
            problems.append((key, f"unknown key {key!r}{suggest(key, FIELDS)}"))
            continue
        errors: list[str] = []
        value = _validate(key, raw, errors)
        problems.extend((key, e) for e in errors)
        values[key] = value
    if problems:
        key, _ = problems[0]
        line = _line_of(text, key) if len(problems) == 1 else None
        summary = "; ".join(message for _, message in problems)
        raise ConfigError(f"[{SECTION}] {summary}", CONFIG_FILE, line)
    settings = Settings(root=root, **values)
    _check_consistency(settings, text)
    return settings


def _validate(key: str, raw: Any, problems: list[str]) -> Any:
    """Validate and convert one setting; append what is wrong to `problems`."""
    if key not in FIELDS:
        problems.append(f"unknown setting {key!r}{suggest(key, FIELDS)}")
        return raw
    return VALIDATORS[key](key, raw, problems)


def _string(key: str, raw: Any, problems: list[str]) -> str:
    if not isinstance(raw, str) or not raw.strip():
        problems.append(f"{key} must be a non-empty string, not {raw!r}")
        return ""
    return raw


def _folder(key: str, raw: Any, problems: list[str]) -> str:
    value = _string(key, raw, problems)
    if value and (Path(value).is_absolute() or ".." in Path(value).parts):
        problems.append(f"{key} must be a folder inside the project, not {value!r}")
    return value


def _optional_folder(key: str, raw: Any, problems: list[str]) -> str:
    return "" if raw == "" else _folder(key, raw, problems)


def _locale(key: str, raw: Any, problems: list[str]) -> str:
    if not isinstance(raw, str):
        problems.append(f"{key} must be a locale code such as 'es', not {raw!r}")
        return ""
    try:
        return parse_locale(raw).code
    except ValueError as exc:
        problems.append(f"{key}: {exc}")
        return normalize_code(raw)


def _locale_list(key: str, raw: Any, problems: list[str]) -> tuple[str, ...]:
    if isinstance(raw, str):
        raw = [raw]
    if not isinstance(raw, (list, tuple)):
        problems.append(f"{key} must be a list of locale codes, not {raw!r}")
        return ()
    codes = tuple(_locale(key, item, problems) for item in raw)
    duplicates = sorted({c for c in codes if codes.count(c) > 1})
    if duplicates:
        problems.append(f"{key} lists {', '.join(duplicates)} more than once")
    return codes


#: What a base URL may hold: RFC 3986's unreserved and reserved characters and %-escapes, no quotes or spaces.
_URL_CHARACTERS = re.compile(r"(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/]|%[0-9A-Fa-f]{2})*")


def _base_url(key: str, raw: Any, problems: list[str]) -> str:
    if raw == "":
        return ""
    value = _string(key, raw, problems)
    if value and not _is_base_url(value):
        problems.append(f"{key} must be empty or an absolute http(s) URL such as 'https://example.org/health/' "
                        f"(ASCII, %-escaped, no query or fragment), not {value!r}")
    return value if value.endswith("/") or not value else value + "/"


def _is_base_url(value: str) -> bool:
    """Whether a value is an absolute http(s) URL that pages and the sitemap can hold as it is."""
    if not _URL_CHARACTERS.fullmatch(value):
        return False
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 - raises on a port that is not a number
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.hostname) and not parts.username and not parts.password


def _boolean(key: str, raw: Any, problems: list[str]) -> bool:
    if not isinstance(raw, bool):
        problems.append(f"{key} must be true or false, not {raw!r}")
        return False
    return raw


def _threshold(key: str, raw: Any, problems: list[str]) -> float:
    if isinstance(raw, bool) or not isinstance(raw, (int, float)) or not 0 <= raw <= 100:
        problems.append(f"{key} must be a percentage from 0 to 100, not {raw!r}")
        return 0.0
    return float(raw)


def _severity(key: str, raw: Any, problems: list[str]) -> str:
    if raw not in SEVERITIES:
        choices = ", ".join(reversed(SEVERITIES))
        problems.append(f"{key} must be one of {choices}, not {raw!r}")
    return raw


def _wcag_level(key: str, raw: Any, problems: list[str]) -> str:
    if raw not in WCAG_LEVELS:
        problems.append(f"{key} must be one of {', '.join(WCAG_LEVELS)}, not {raw!r}")
    return raw


def _string_list(key: str, raw: Any, problems: list[str]) -> tuple[str, ...]:
    if not isinstance(raw, (list, tuple)) or not all(isinstance(i, str) for i in raw):
        problems.append(f"{key} must be a list of strings, not {raw!r}")
        return ()
    return tuple(raw)


def _rule_ids(key: str, raw: Any, problems: list[str]) -> tuple[str, ...]:
    """Rule ids; one given up for axe-core's is read as its successors, with a SettingsWarning naming them."""
    ids = _string_list(key, raw, problems)
    for rule_id in ids:
        notice = renamed_notice(rule_id)
        if notice is not None:
            warnings.warn(f"{CONFIG_FILE}: [{SECTION}] {key}: {notice}", SettingsWarning, stacklevel=2)
    return current_ids(ids)


def _width(key: str, raw: Any, problems: list[str]) -> int | None:
    if isinstance(raw, bool) or not isinstance(raw, int) or not (raw == 0 or 20 <= raw <= 1000):
        problems.append(f"{key} must be 0 (no wrapping) or a line width from 20 to 1000, not {raw!r}")
        return None
    return raw


def _readability(key: str, raw: Any, problems: list[str]) -> dict[str, ReadabilityTarget]:
    if not isinstance(raw, dict):
        problems.append(f"{key} must be a table of locales, such as {key}.en = {{warning = 8, error = 10}}")
        return {}
    targets: dict[str, ReadabilityTarget] = {}
    for code, levels in raw.items():
        locale = _locale(f"{key}.{code}", code, problems)
        levels_ok = isinstance(levels, dict) and set(levels) == {"warning", "error"} and all(
            isinstance(v, (int, float)) and not isinstance(v, bool) for v in levels.values()
        )
        if not levels_ok:
            problems.append(f"{key}.{code} must be {{warning = <number>, error = <number>}}, not {levels!r}")
            continue
        targets[locale] = ReadabilityTarget(float(levels["warning"]), float(levels["error"]))
    return targets


VALIDATORS: dict[str, Callable[[str, Any, list[str]], Any]] = {
    "po_width": _width,
    "source_locale": _locale,
    "locales": _locale_list,
    "source_dir": _folder,
    "locales_dir": _folder,
    "dist_dir": _folder,
    "reports_dir": _folder,
    "base_url": _base_url,
    "directory_urls": _boolean,
    "threshold": _threshold,
    "fail_on": _severity,
    "disabled_rules": _rule_ids,
    "enabled_rules": _rule_ids,  # each the id of a rule: refuse_unknown_rules, once the settings are read
    "front_matter": _string_list,
    "wcag_level": _wcag_level,
    "readability": _readability,
    "templates_dir": _optional_folder,
    "static_dir": _optional_folder,
}
assert set(VALIDATORS) == set(FIELDS), "every setting needs a validator"


#: The folders a build writes (and replaces), and those it reads; the cache folder is not a setting.
OUTPUT_FOLDERS = ("dist_dir", "reports_dir", "cache")
INPUT_FOLDERS = ("source_dir", "locales_dir", "templates_dir", "static_dir")


def _check_consistency(settings: Settings, text: str = "") -> None:
    """Problems that involve two settings at once, or a setting and the project's folders."""
    for key in ("templates_dir", "static_dir"):
        if getattr(settings, key) and not settings.path(key).is_dir():
            raise ConfigError(f"[{SECTION}] {key}: no folder {getattr(settings, key)!r} in the project", CONFIG_FILE)
    if settings.source_locale in settings.locales:
        raise ConfigError(
            f"[{SECTION}] locales must not include the source locale {settings.source_locale!r}",
            CONFIG_FILE,
        )
    overlap = _overlapping_folders(settings)
    if overlap:
        keys, message = overlap
        line = next((line for line in map(partial(_line_of, text), keys) if line is not None), None)
        raise ConfigError(f"[{SECTION}] {message}", CONFIG_FILE, line)
    for key in ("enabled_rules", "disabled_rules"):
        refuse_unknown_rules(getattr(settings, key), f"[{SECTION}] {key}", CONFIG_FILE,
                             partial(_value_line, text, key))


def refuse_unknown_rules(ids: Sequence[str], where: str, file: str | None = None,
                         line_of: Callable[[str], int | None] = lambda rule_id: None) -> None:
    """Raise ConfigError naming the first id no rule has (`where`, `file` and `line_of` an id: what named them)."""
    if not ids:
        return
    known = known_rule_ids()
    for rule_id in ids:
        if rule_id not in known:
            raise ConfigError(f"{where}: no rule {rule_id!r}{suggest(rule_id, known)}", file, line_of(rule_id))


def _overlapping_folders(settings: Settings) -> tuple[list[str], str] | None:
    """(settings involved, message) for a folder the tool writes that is or holds the project, an input or an output."""
    root = settings.root.resolve()
    inputs = [name for name in INPUT_FOLDERS if getattr(settings, name)]  # templates_dir and static_dir may be unset
    folders = {name: _resolved(settings, name) for name in (*OUTPUT_FOLDERS, *inputs)}
    for output in OUTPUT_FOLDERS:
        if root.is_relative_to(folders[output]):
            return [output], f"{_described(settings, output)} is the project folder: a build would replace the project"
    for index, output in enumerate(OUTPUT_FOLDERS):
        for other in (*inputs, *OUTPUT_FOLDERS[index + 1 :]):
            if folders[other].is_relative_to(folders[output]):
                outer, inner = output, other
            elif other in OUTPUT_FOLDERS and folders[output].is_relative_to(folders[other]):
                outer, inner = other, output
            else:  # an output inside an input (dist in source/) replaces nothing of it
                continue
            relation = "is" if folders[inner] == folders[outer] else "holds"
            return [output, other], (f"{_described(settings, outer)} {relation} {_described(settings, inner)}: "
                                     "the folders the tool writes must not be or hold the sources, the catalogs, "
                                     "the templates or one another")
    return None


def _resolved(settings: Settings, name: str) -> Path:
    """A folder setting as an absolute path, links followed (a link to `locales` is `locales`)."""
    relative = CACHE_FOLDER if name == "cache" else getattr(settings, name)
    return (settings.root / relative).resolve()


def _described(settings: Settings, name: str) -> str:
    """A folder setting as messages name it: `dist_dir 'locales'`."""
    return f"the cache folder {CACHE_FOLDER!r}" if name == "cache" else f"{name} {getattr(settings, name)!r}"


def suggest(word: str, known: Any) -> str:
    """`" (did you mean 'locales'?)"` for the nearest known word, or nothing."""
    close = difflib.get_close_matches(word, list(known), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _value_line(text: str, key: str, value: str) -> int | None:
    """The line of the settings file's `text` where `key`'s `value` is written (the key's own line if not found)."""
    line = _line_of(text, key)
    if line is None:
        return None
    for number, row in enumerate(text.splitlines()[line - 1:], start=line):
        if f'"{value}"' in row or f"'{value}'" in row:
            return number
        if "]" in row:  # the end of the key's list
            break
    return line


def _line_of(text: str, key: str) -> int | None:
    """The line of `key = …` inside [tool.pipeline], for error messages."""
    in_section = False
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if stripped.startswith("["):
            in_section = stripped.startswith(f"[{SECTION}")
        elif in_section and re.match(rf"{re.escape(key)}\s*=", stripped):
            return number
    return None
