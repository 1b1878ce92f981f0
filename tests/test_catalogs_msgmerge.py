"""A differential test against GNU `msgmerge --previous` on real edit sequences of Markdown articles.

After every edit, `pipeline update` and msgmerge (given the same old PO and new POT) must
agree on the msgids, the translations kept, the fuzzy flags, the previous msgids and the
obsolete entries. The one difference allowed is deliberate, and listed when it happens:

- **restored**: a unit whose text returns to the previous msgid of its fuzzy entry. msgmerge
  keeps it fuzzy; we confirm it, because `#| msgid` says the translation was made for exactly
  this text (issue 15). Every other decision is msgmerge's, so a reviewer used to GNU's
  results sees the same ones here.

The articles: the shipped ones, and a case of our own with the CommonMark constructs po4a's
and translate-toolkit's Markdown tests exercise (headings, nested lists, block quotes, tables,
code spans, emphasis, links, images, hard breaks, entities).
"""

from __future__ import annotations

import random
import shutil
import subprocess
from pathlib import Path

import pytest

from pipeline.catalogs import CatalogTree, read_catalog

from .conftest import REPO, run, translate_everything, write_project

# GNU gettext is installed by tests/browser/setup (as .ci/run does): without it these tests fail, never skip.

COMMONMARK = """\
---
title: Constructs translators meet
---

# Leg cramps: a *short* guide

Cramps are **sudden** and painful. See [the NHS page](https://www.nhs.uk/ "NHS") or `man cramp`.

## What helps

- Stretch your calf before bed.
  - Hold each stretch for 30 seconds.
- Drink enough water &amp; eat bananas.

1. Walk a little.
2. Massage the muscle.

> Call a doctor if the cramps last long.
> They may check your blood.

| Sign | Meaning |
|------|---------|
| Pain | A cramp |
| Swelling | See a doctor |

![A person stretching a calf](stretch.png)

Line one\\
line two after a hard break.
"""


def shipped(name: str) -> str:
    return (REPO / "source" / name).read_text(encoding="utf-8")


def paragraphs_of(text: str) -> tuple[str, list[str]]:
    front, body = text.split("\n---\n", 1)
    return front + "\n---\n", [block for block in body.split("\n\n") if block.strip()]


def edits(blocks: list[str], seed: int, steps: int = 6) -> list[list[str]]:
    """A sequence of versions of an article: words changed, blocks removed, added, restored, rewritten."""
    rng, versions, current, removed = random.Random(seed), [], list(blocks), []
    for _ in range(steps):
        kind = rng.choice(["reword", "reword", "remove", "add", "restore", "rewrite", "undo"])
        i = rng.randrange(len(current))
        if kind == "reword":
            words = current[i].split(" ")
            j = rng.randrange(len(words))
            words[j] = rng.choice(["often", "rarely", "legs", "veins", "doctors"])
            current[i] = " ".join(words)
        elif kind == "remove" and len(current) > 2:
            removed.append(current.pop(i))
        elif kind == "add":
            current.insert(i, rng.choice(["A new paragraph about sleep.", "Varicose veins are common."]))
        elif kind == "restore" and removed:
            current.insert(i, removed.pop())
        elif kind == "rewrite":
            current[i] = "An entirely different text, about something else."
        elif kind == "undo" and versions:
            current = list(versions[-2] if len(versions) > 1 else blocks)
        versions.append(list(current))
    return versions


def entries(path: Path) -> tuple[list[tuple], list[tuple]]:
    catalog = read_catalog(path, CatalogTree(path.parent, path.parent))
    active = [(m.msgid, m.msgstr, m.fuzzy, m.previous_msgid) for m in catalog]
    obsolete = sorted((m.msgid, m.msgstr, m.fuzzy) for m in catalog.obsolete)
    return active, obsolete


@pytest.mark.parametrize("name, seed", [("restless-legs-leg-cramps.md", 1), ("restless-leg-syndrome-cause.md", 2),
                                        ("commonmark", 3), ("commonmark", 4), ("restless-legs-leg-cramps.md", 5)])
def test_update_decides_as_msgmerge_does(tmp_path, name, seed):
    text = COMMONMARK if name == "commonmark" else shipped(name)
    front, blocks = paragraphs_of(text)
    root = write_project(tmp_path / "p", {"a.md": text})
    translate_everything(root, "es", lambda msgid: f"ES {msgid}")
    [po] = [p for p in (root / "locales/es/LC_MESSAGES").glob("*.po") if p.stem != "ui"]
    pot = root / "locales/templates" / f"{po.stem}.pot"
    differences = []
    for step, version in enumerate(edits(blocks, seed)):
        old = tmp_path / f"old-{step}.po"
        shutil.copy(po, old)
        (root / "source/a.md").write_text(front + "\n" + "\n\n".join(version) + "\n", encoding="utf-8")
        assert run(root, "update").exit_code == 0
        gnu = tmp_path / f"gnu-{step}.po"
        subprocess.run(["msgmerge", "--quiet", "--previous", "--no-wrap", "-o", str(gnu), str(old), str(pot)], check=True)
        (ours_active, ours_obsolete), (gnu_active, gnu_obsolete) = entries(po), entries(gnu)
        assert [e[0] for e in ours_active] == [e[0] for e in gnu_active], f"step {step}: msgids differ"
        assert ours_obsolete == gnu_obsolete, f"step {step}: obsolete entries differ"
        for ours, theirs in zip(ours_active, gnu_active):
            if ours == theirs:
                continue
            restored = (not ours[2] and ours[3] is None and theirs[2] and theirs[3] == ours[0] and ours[1] == theirs[1])
            assert restored, f"step {step}: {ours} where msgmerge has {theirs}"
            differences.append(("restored", step, ours[0]))
        translate_what_is_left(po)
    print(f"{name} (seed {seed}): decisions that differ from msgmerge's, each deliberate: {differences or 'none'}")


def translate_what_is_left(po: Path) -> None:
    """A translator's pass between edits: empty entries translated, fuzzy ones left for review."""
    from pipeline.catalogs import render_catalog

    catalog = read_catalog(po, CatalogTree(po.parent, po.parent))
    for message in catalog:
        if not message.msgstr:
            message.msgstr = f"ES {message.msgid}"
    po.write_bytes(render_catalog(catalog))
