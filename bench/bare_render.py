"""Bare Markdown rendering, the floor a full build is compared with: markdown-it-py alone, no checks.

    python bench/bare_render.py --times T SOURCE_DIR OUT_DIR

Renders every `*.md` of SOURCE_DIR (its front matter left out) T times, once per locale of the
build it stands for, with pipeline's parser options (CommonMark, raw HTML off, tables and
strikethrough), and writes each page to OUT_DIR/<n>/<stem>.html, as a site generator would.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from markdown_it import MarkdownIt


def body(text: str) -> str:
    """The Markdown after a leading `---` front-matter block."""
    if text.startswith("---\n"):
        end = text.find("\n---\n", 4)
        if end != -1:
            return text[end + 5:]
    return text


def main() -> None:
    """Command line: render every article T times."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--times", type=int, default=1, help="renderings of each article (one per locale)")
    parser.add_argument("source", type=Path)
    parser.add_argument("out", type=Path)
    args = parser.parse_args()
    md = MarkdownIt("commonmark", {"html": False}).enable(["table", "strikethrough"])
    articles = sorted(args.source.glob("*.md"))
    for n in range(args.times):
        folder = args.out / str(n)
        folder.mkdir(parents=True, exist_ok=True)
        for article in articles:
            html = md.render(body(article.read_text(encoding="utf-8")))
            (folder / f"{article.stem}.html").write_text(html, encoding="utf-8")


if __name__ == "__main__":
    main()
