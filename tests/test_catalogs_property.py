"""Nothing a translator wrote is ever lost, whatever sequence of source edits `update` follows.

After every edit, `update` then `update --check` is clean, `update` twice gives the same bytes,
and every `#| msgid` shows a text the source once had (the one the translation was made for).
"""

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.catalogs import CatalogTree, read_catalog, render_catalog
from pipeline.config import load_settings
from pipeline.workflow import update_catalogs

from .conftest import write_project

WORDS = ["leg", "cramps", "vein", "iron", "blood", "pain", "night", "rest", "sleep", "calf", "doctor", "walk"]
paragraph = st.lists(st.sampled_from(WORDS), min_size=3, max_size=10).map(lambda w: " ".join(w).capitalize() + ".")

edit = st.one_of(
    st.tuples(st.just("reword"), st.integers(0, 20), st.sampled_from(WORDS)),  # one word changed: fuzzy match
    st.tuples(st.just("rewrite"), st.integers(0, 20), paragraph),  # a new text: obsolete + new
    st.tuples(st.just("remove"), st.integers(0, 20), st.none()),
    st.tuples(st.just("add"), st.integers(0, 20), paragraph),
    st.tuples(st.just("duplicate"), st.integers(0, 20), st.none()),
    st.tuples(st.just("restore"), st.integers(0, 20), st.none()),  # a removed text comes back
)


def apply(units: list[str], removed: list[str], operation) -> None:
    kind, index, value = operation
    if kind == "add" or not units:
        units.insert(index % (len(units) + 1), value if kind == "add" else "Walk at night.")
        return
    i = index % len(units)
    if kind == "reword":
        words = units[i].rstrip(".").split()
        words[index % len(words)] = value
        units[i] = " ".join(words).capitalize() + "."
    elif kind == "rewrite":
        removed.append(units[i])
        units[i] = value
    elif kind == "remove" and len(units) > 1:
        removed.append(units.pop(i))
    elif kind == "duplicate":
        units.insert(i, units[i])
    elif kind == "restore" and removed:
        units.insert(i, removed.pop(index % len(removed)))


def every_translation(path: Path, tree: CatalogTree) -> set[str]:
    catalog = read_catalog(path, tree, "es")
    return {m.msgstr for m in catalog.messages if m.msgstr}


def translate_what_is_left(path: Path, tree: CatalogTree, counter: list[int], confirm: bool) -> None:
    """A translator's pass: translate every empty entry, and confirm fuzzy ones if `confirm`."""
    catalog = read_catalog(path, tree, "es")
    for message in catalog:
        if not message.msgstr:
            counter[0] += 1
            message.msgstr = f"Traducción {counter[0]}."
        elif confirm:  # as Poedit does: the review done, the flag and the previous msgid go
            message.fuzzy = False
            message.previous_msgctxt = message.previous_msgid = None
    path.write_bytes(render_catalog(catalog))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(start=st.lists(paragraph, min_size=1, max_size=6), edits=st.lists(st.tuples(edit, st.booleans()), min_size=1, max_size=8))
def test_update_never_drops_a_translation(start, edits):
    with tempfile.TemporaryDirectory() as folder:
        root = write_project(Path(folder))
        settings_ = load_settings(root)
        tree = CatalogTree(root, root / "locales")
        po = tree.po("es", "leg-cramps")
        units, removed, counter = list(start), [], [0]
        seen = set(units) | {"Leg cramps"}  # the title is a message too

        def write_source() -> None:
            body = "\n\n".join(units)
            (root / "source" / "leg-cramps.md").write_text(f"---\ntitle: Leg cramps\n---\n\n{body}\n", encoding="utf-8")

        write_source()
        update_catalogs(settings_)
        translate_what_is_left(po, tree, counter, confirm=True)
        for operation, confirm in edits:
            apply(units, removed, operation)
            write_source()
            before = every_translation(po, tree)
            update_catalogs(settings_)
            after = every_translation(po, tree)
            assert before <= after, f"lost: {before - after}"
            written = po.read_bytes()
            assert update_catalogs(settings_, check=True).changed == []  # update, then update --check: clean
            update_catalogs(settings_)
            assert po.read_bytes() == written  # update twice: the same bytes
            seen.update(units)
            for message in read_catalog(po, tree, "es").messages:  # #| shows a text the translation was made for
                assert message.previous_msgid is None or (message.fuzzy and message.previous_msgid in seen)
            translate_what_is_left(po, tree, counter, confirm)
            seen.update(units)
