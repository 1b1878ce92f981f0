"""Benchmark corpus: N articles varied from the shipped ones, M locales, catalogs pseudo-translated.

    python bench/corpus.py --articles 200 --locales 5 [--seed 1] [--out bench/corpus-200x5-s1]

The project folder holds `pyproject.toml` with `[tool.pipeline]`, `source/*.md` (each article a
deterministic variation of one of the two shipped articles: synonyms swapped, neighbouring words
exchanged, numbers changed, list items shuffled, a paragraph borrowed from the other article), and
`locales/` made by `pipeline update` with every msgstr filled by a per-locale pseudo-translation
(letters accented differently in each locale, text about a fifth longer; link targets, code,
placeholders and numbers kept). No two articles, and no two locales, share their text, so
textstat's per-text cache cannot make a later run look fast.

The peers get their own inputs under `peers/`: translate-toolkit's templates and one filled
locale (`peers/tt/`) and a `po4a.cfg` with one catalog per document on a subset (`peers/po4a/`).
Run it with the project's venv (it imports `pipeline`); peers come from `bench/.venv`.
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import json
import os
import random
import re
import shutil
import subprocess
import sys
import zlib
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
SHIPPED_SOURCES = REPO / "source"
PEERS_VENV = BENCH / ".venv"
#: Real CLDR codes, those with readability formulas first (es, de, fr, ar, it).
LOCALES = ("es", "de", "fr", "ar", "it", "pt", "nl", "pl", "sv", "tr", "ru", "ja", "ko", "zh", "cs", "da")
#: Catalog dates fixed so every generated or rewritten file is byte-identical from run to run.
SOURCE_DATE_EPOCH = "1767225600"  # 2026-01-01
#: Bump when the generator changes what it writes, so an old corpus is not reused.
GENERATOR_VERSION = 3
MARKER = ".bench-corpus.json"

SYNONYMS = {
    "legs": "limbs", "leg": "limb", "doctors": "physicians", "symptoms": "signs", "patients": "people",
    "may": "might", "significant": "notable", "often": "frequently", "condition": "disorder",
    "treatment": "therapy", "treatments": "therapies", "improve": "better", "research": "science",
    "discomfort": "unease", "blood": "circulation", "chronic": "long-term", "several": "a few",
    "individuals": "persons", "experience": "feel", "reduce": "lower", "severity": "strength",
    "common": "frequent", "usually": "mostly", "problem": "issue", "help": "assist",
    "provide": "offer", "approach": "method", "factors": "causes", "studies": "trials",
    "study": "trial", "daily": "everyday", "lack": "shortage", "sleep": "rest", "heart": "chest",
    "muscles": "tissues", "pressure": "strain", "safe": "secure", "effective": "useful",
}
#: Spans a varied or pseudo-translated text must keep as they are.
PROTECTED = re.compile(
    r"\]\([^)\s]*(?:\s+\"[^\"]*\")?\)"  # a link's target
    r"|<[^>\s]+>"  # an autolink
    r"|`+[^`]*`+"  # a code span
    r"|https?://\S+|[\w.+-]+@[\w-]+\.[\w.]+"  # bare URLs and e-mail addresses
    r"|%\(\w+\)[sdif]|%[sdif]|\{[^{}]*\}"  # placeholders (Python formats, translate-toolkit's {1})
    r"|&#?\w+;"  # entities
    r"|\d+(?:[.,:/-]\d+)*"  # numbers
)
WORD = re.compile(r"[A-Za-z]+")
ACCENTED = {
    "a": "áàâäãåāă", "e": "éèêëēĕė", "i": "íìîïīĭ", "o": "óòôöõøō", "u": "úùûüūŭ",
    "c": "çćĉċ", "n": "ñńņň", "s": "śŝşš", "y": "ýÿŷ", "z": "źżž", "g": "ĝğġ", "l": "ĺļľ",
}
FILLER = ("lorem", "ipsum", "dolor", "amet", "consectetur", "adipiscing", "tempor", "magna", "aliqua", "veniam")
EXPANSION = 0.2


@dataclass(frozen=True)
class CorpusSpec:
    """What a corpus is made of: its size, its locales and the seed of its variations."""

    articles: int
    locales: tuple[str, ...]
    seed: int
    po4a_documents: int
    version: int = GENERATOR_VERSION

    @property
    def name(self) -> str:
        """The corpus folder's default name."""
        return f"corpus-{self.articles}x{len(self.locales)}-s{self.seed}"


# --- pseudo-translation --------------------------------------------------------------------------


def _locale_table(locale: str) -> dict[int, str]:
    """A letter map proper to one locale: each locale accents letters its own way."""
    shift = zlib.crc32(locale.encode())
    table: dict[int, str] = {}
    for letter, variants in ACCENTED.items():
        table[ord(letter)] = variants[shift % len(variants)]
        upper = variants[(shift + 1) % len(variants)].upper()
        table[ord(letter.upper())] = upper if len(upper) == 1 else letter.upper()
    return table


_TABLES: dict[str, dict[int, str]] = {}


def pseudo_localize(text: str, locale: str) -> str:
    """A deterministic stand-in translation: letters accented per locale, about a fifth longer.

    Link targets, code, URLs, placeholders and numbers are kept; end punctuation stays last.
    """
    table = _TABLES.setdefault(locale, _locale_table(locale))
    parts: list[str] = []
    last = 0
    for match in PROTECTED.finditer(text):
        parts.append(text[last:match.start()].translate(table))
        parts.append(match.group())
        last = match.end()
    parts.append(text[last:].translate(table))
    translated = "".join(parts)
    words = len(WORD.findall(text))
    extra = int(words * EXPANSION)
    if not extra:
        return translated
    start = zlib.crc32(f"{locale}:{text}".encode())
    filler = " ".join(FILLER[(start + n) % len(FILLER)].translate(table) for n in range(extra))
    body = translated.rstrip()
    end = len(body)
    while end and body[end - 1] in ".!?:;…\"”'":  # end punctuation stays last
        end -= 1
    return f"{body[:end]} {filler}{body[end:]}" if end else translated


# --- source articles -----------------------------------------------------------------------------


@dataclass(frozen=True)
class SeedArticle:
    """A shipped article split into its front matter values and its body lines."""

    slug: str
    title: str
    description: str
    body: list[str]


def read_seed(path: Path) -> SeedArticle:
    """Read a shipped article: front matter (title, slug, description) and body lines."""
    text = path.read_text(encoding="utf-8")
    match = re.match(r"---\n(.*?)\n---\n(.*)", text, re.DOTALL)
    if not match:
        raise SystemExit(f"corpus: {path} has no front matter")
    fields = dict(line.split(": ", 1) for line in match.group(1).splitlines() if ": " in line)
    body = [line for line in match.group(2).splitlines() if not line.startswith("[//]: #")]
    return SeedArticle(fields.get("slug", path.stem), fields["title"], fields["description"], body)


def vary_text(text: str, rng: random.Random) -> str:
    """The same sentence told differently: synonyms, two neighbouring words swapped, new numbers."""
    pieces = re.split(f"({PROTECTED.pattern})", text)
    out: list[str] = []
    for index, piece in enumerate(pieces):
        if index % 2 == 1:  # protected: only numbers change, and never inside link targets
            if re.fullmatch(r"\d+", piece) and rng.random() < 0.7:
                piece = str(rng.randint(10 ** (len(piece) - 1) if len(piece) > 1 else 1, 10 ** len(piece) - 1))
            out.append(piece)
            continue
        words = piece.split(" ")
        for n, word in enumerate(words):
            core = word.strip(".,;:!?()“”\"'")
            swap = SYNONYMS.get(core.lower())
            if swap and rng.random() < 0.5:
                swap = swap.capitalize() if core[:1].isupper() else swap
                words[n] = word.replace(core, swap, 1)
        plain = [n for n in range(1, len(words) - 1) if words[n].isalpha() and words[n + 1].isalpha()
                 and words[n].islower() and words[n + 1].islower()]
        for _ in range(min(2, len(plain))):
            n = rng.choice(plain)
            words[n], words[n + 1] = words[n + 1], words[n]
        out.append(" ".join(words))
    return "".join(out)


def _blocks(body: list[str]) -> list[list[str]]:
    """Body lines grouped into blocks separated by blank lines."""
    blocks: list[list[str]] = [[]]
    for line in body:
        if line.strip():
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    return [b for b in blocks if b]


def vary_article(seed_article: SeedArticle, other: SeedArticle, number: int, rng: random.Random) -> str:
    """Article `number` as Markdown with front matter, varied from `seed_article`."""
    title = f"{vary_text(seed_article.title, rng)} ({number})"
    slug = f"{seed_article.slug}-{number:04d}"
    description = vary_text(seed_article.description, rng)
    date = datetime.date(2024, 1, 1) + datetime.timedelta(days=rng.randrange(900))
    blocks = _blocks(seed_article.body)
    borrowed = [b for b in _blocks(other.body) if not b[0].startswith(("#", "-", "1.", "[//]"))]
    if borrowed and rng.random() < 0.5:
        at = rng.randrange(2, len(blocks))
        while at < len(blocks) and blocks[at][0].startswith(("#", "-", "1.")):
            at += 1
        blocks.insert(at, list(rng.choice(borrowed)))
    out: list[str] = []
    in_references = False
    for block in blocks:
        if block[0].startswith("# "):
            out.append(f"# {title}")
            continue
        if block[0].startswith("#"):
            in_references = block[0].lstrip("# ").lower() in ("references", "sources", "bibliography")
            out.append(vary_text(block[0], rng) if not in_references else block[0])
            continue
        lines = [vary_text(line, rng) if not in_references else line for line in block]
        if all(line.startswith("- ") for line in lines):
            rng.shuffle(lines)
        out.append("\n".join(lines))
    front = "\n".join([
        "---",
        f"title: {json.dumps(title, ensure_ascii=False)}",
        f"slug: {slug}",
        f"description: {json.dumps(description, ensure_ascii=False)}",
        f"date: {date.isoformat()}",
        "---",
    ])
    return front + "\n\n" + "\n\n".join(out) + "\n"


def write_sources(root: Path, spec: CorpusSpec) -> list[Path]:
    """Write the N varied articles into `root/source`."""
    seeds = [read_seed(p) for p in sorted(SHIPPED_SOURCES.glob("*.md"))]
    if len(seeds) < 1:
        raise SystemExit(f"corpus: no shipped articles in {SHIPPED_SOURCES}")
    folder = root / "source"
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for index in range(spec.articles):
        rng = random.Random(f"{spec.seed}:{index}")
        base, other = seeds[index % len(seeds)], seeds[(index + 1) % len(seeds)]
        path = folder / f"{base.slug}-{index + 1:04d}.md"
        path.write_text(vary_article(base, other, index + 1, rng), encoding="utf-8")
        written.append(path)
    return written


def write_pyproject(root: Path, spec: CorpusSpec) -> None:
    """The corpus project's settings."""
    locales = ", ".join(f'"{code}"' for code in spec.locales)
    root.joinpath("pyproject.toml").write_text(
        "# Generated by bench/corpus.py: a benchmark corpus, not a real project.\n"
        "[tool.pipeline]\n"
        'source_locale = "en"\n'
        f"locales = [{locales}]\n"
        'base_url = "https://health.example.org/"\n'
        "threshold = 80\n"
        'fail_on = "error"\n',
        encoding="utf-8",
    )


# --- catalogs ------------------------------------------------------------------------------------


def pipeline_env() -> dict[str, str]:
    """The environment every pipeline run gets: fixed catalog dates."""
    return {**os.environ, "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH}


def pipeline_command() -> list[str]:
    """How to run the pipeline CLI: the console script beside this interpreter."""
    script = Path(sys.executable).with_name("pipeline")
    if not script.exists():
        raise SystemExit(f"corpus: no pipeline script beside {sys.executable}: run with /work/venv/bin/python")
    return [str(script)]


def fill_catalog(path: Path, locale: str) -> None:
    """Fill every msgstr of a PO file with its pseudo-translation, fuzzy flags removed."""
    from pipeline.catalogs import CatalogTree, read_catalog, render_catalog

    catalog = read_catalog(path, CatalogTree(path.parent, path.parent))
    catalog.header.flags = [flag for flag in catalog.header.flags if flag != "fuzzy"]
    for message in catalog:
        if not message.msgid:
            continue
        if message.msgid_plural is not None:
            count = max(len(message.msgstr_plural), 2)
            message.msgstr_plural = [pseudo_localize(message.msgid if n == 0 else message.msgid_plural, locale)
                                     for n in range(count)]
        else:
            message.msgstr = pseudo_localize(message.msgid, locale)
        message.fuzzy = False
        message.previous_msgctxt = message.previous_msgid = message.previous_msgid_plural = None
    path.write_bytes(render_catalog(catalog))


def _fill_locale(folder: str, locale: str) -> int:
    """Fill every catalog of one locale folder (a worker's job)."""
    paths = sorted(Path(folder).glob("*.po"))
    for path in paths:
        fill_catalog(path, locale)
    return len(paths)


def fill_catalogs(root: Path, locales: tuple[str, ...]) -> int:
    """Fill the catalogs of every locale, one worker per core."""
    from pipeline.locales import parse_locale

    jobs = [(str(root / "locales" / parse_locale(l).gettext / "LC_MESSAGES"), l) for l in locales]
    with ProcessPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        return sum(pool.map(_fill_locale, *zip(*jobs)))


def run_checked(command: list[str], cwd: Path | None = None, env: dict[str, str] | None = None) -> None:
    """Run a command; on failure stop with its output."""
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"corpus: {' '.join(command)} failed ({done.returncode}):\n{done.stderr[-3000:]}{done.stdout[-2000:]}")


# --- peers' inputs -------------------------------------------------------------------------------


def peer_tool(name: str) -> Path:
    """A peer's executable in bench/.venv; stop with a hint when bench/setup has not run."""
    path = PEERS_VENV / "bin" / name
    if not path.exists():
        raise SystemExit(f"corpus: {path} is missing: run bench/setup first")
    return path


def prepare_translate_toolkit(root: Path, locale: str) -> None:
    """translate-toolkit's side: POTs by md2po, and one locale's POs by pot2po, filled."""
    tt = root / "peers" / "tt"
    shutil.rmtree(tt, ignore_errors=True)
    (tt / "filled").mkdir(parents=True)  # the converters create one folder level, not two
    run_checked([str(peer_tool("md2po")), "-P", "-i", str(root / "source"), "-o", str(tt / "templates")])
    filled = tt / "filled" / locale
    run_checked([str(peer_tool("pot2po")), "-i", str(tt / "templates"), "-o", str(filled)])
    _fill_locale(str(filled), locale)


def prepare_po4a(root: Path, locales: tuple[str, ...], documents: int) -> None:
    """po4a's side: a po4a.cfg for the first documents, one catalog per document, catalogs filled."""
    if shutil.which("po4a") is None:
        return  # run.py reports po4a as not installed
    po4a = root / "peers" / "po4a"
    shutil.rmtree(po4a, ignore_errors=True)
    (po4a / "po").mkdir(parents=True)
    sources = sorted((root / "source").glob("*.md"))[:documents]
    lines = [
        "# Generated by bench/corpus.py: one catalog per document (NOTES.md), Markdown with YAML front matter.",
        f"[po4a_langs] {' '.join(locales)}",
        "[po4a_paths] po/$master.pot $lang:po/$master.$lang.po",
        '[options] opt:"-o markdown -o yfm_keys=title,description" --keep 0 -M UTF-8',  # else read as Latin-1
    ]
    lines += [f"[type: text] ../../source/{p.name} $lang:out/$lang/{p.name}" for p in sources]
    (po4a / "po4a.cfg").write_text("\n".join(lines) + "\n", encoding="utf-8")
    run_checked(["po4a", "--no-translations", "po4a.cfg"], cwd=po4a)
    for locale in locales:
        for path in sorted((po4a / "po").glob(f"*.{locale}.po")):
            fill_catalog(path, locale)


# --- the corpus ----------------------------------------------------------------------------------


def corpus_is_current(root: Path, spec: CorpusSpec) -> bool:
    """Whether `root` holds a complete corpus made from this spec."""
    marker = root / MARKER
    try:
        return json.loads(marker.read_text(encoding="utf-8")) == _marker(spec)
    except (OSError, ValueError):
        return False


def _marker(spec: CorpusSpec) -> dict:
    shipped = hashlib.sha256(b"".join(p.read_bytes() for p in sorted(SHIPPED_SOURCES.glob("*.md")))).hexdigest()
    return {**asdict(spec), "locales": list(spec.locales), "shipped_sources": shipped}


def generate(root: Path, spec: CorpusSpec, log: Callable[[str], None] = print) -> Path:
    """Make the corpus in `root` from scratch (or keep it when it is current); return `root`."""
    if corpus_is_current(root, spec):
        log(f"corpus: reusing {root}")
        return root
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    log(f"corpus: writing {spec.articles} articles and {len(spec.locales)} locales into {root}")
    write_pyproject(root, spec)
    write_sources(root, spec)
    log("corpus: pipeline update (catalogs for every article and locale)")
    run_checked([*pipeline_command(), "-C", str(root), "update"], env=pipeline_env())
    filled = fill_catalogs(root, spec.locales)
    log(f"corpus: {filled} catalogs pseudo-translated")
    log("corpus: translate-toolkit templates and one filled locale; po4a configuration")
    prepare_translate_toolkit(root, spec.locales[0])
    prepare_po4a(root, spec.locales, spec.po4a_documents)
    (root / MARKER).write_text(json.dumps(_marker(spec), indent=2) + "\n", encoding="utf-8")
    return root


def make_spec(articles: int, locales: int, seed: int = 1, po4a_documents: int = 10) -> CorpusSpec:
    """A spec from sizes: the first `locales` codes of LOCALES."""
    if articles < 1:
        raise SystemExit("corpus: --articles must be at least 1")
    if not 1 <= locales <= len(LOCALES):
        raise SystemExit(f"corpus: --locales must be between 1 and {len(LOCALES)}")
    return CorpusSpec(articles, LOCALES[:locales], seed, min(po4a_documents, articles))


def main() -> None:
    """Command line: generate a corpus."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=50)
    parser.add_argument("--locales", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--po4a-documents", type=int, default=10, help="documents in po4a's subset")
    parser.add_argument("--out", type=Path, help="the project folder (default bench/corpus-NxM-sS)")
    args = parser.parse_args()
    spec = make_spec(args.articles, args.locales, args.seed, args.po4a_documents)
    generate((args.out or BENCH / spec.name).resolve(), spec)


if __name__ == "__main__":
    main()
