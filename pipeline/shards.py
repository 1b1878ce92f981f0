"""A build split across CI jobs: the articles of each shard, and the record `pipeline merge` reads.

`pipeline build --shard K/N` builds the articles whose source file's name hashes into
shard K (Lamping and Veach's jump consistent hash: adding an article moves no other, and
going from N to N+1 shards moves only the articles the new shard takes, so each shard's
CI cache stays useful). Beside its partial `dist/` and `reports/` it writes a record,
`reports/shard.msgpack`: every article job's output (`jobs.ArticleOutput`), K and N, the
build's options, and the key of the whole build's inputs.

`pipeline merge` reads the records of the N folders as a CI job downloaded them, which it
trusts no more than any input: a record must decode into its type, all must be of one
build (one key, the project's own) and shard each once, and every page it copies must be
a regular file inside the folder's bundle with the bytes its record gives it.
"""

from __future__ import annotations

import hashlib
import re
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

import msgspec

from .bundle import BundleWriter, is_bundle_path
from .config import Settings
from .errors import ShardError
from .jobs import ArticleOutput, report_lines
from .layout import SLUG
from .model import Severity
from .reports import FindingLines

RECORD = "shard.msgpack"
FORMAT = 2  # bump when the record changes shape
#: A record larger than this is not read (the record of 100,000 pages is some hundreds of MB).
MAX_RECORD_BYTES = 4 * 2**30
#: A page larger than this is not copied (a 5 MB article's page is a few MB).
MAX_PAGE_BYTES = 256 * 2**20
_SPEC = re.compile(r"([1-9][0-9]*)/([1-9][0-9]*)")


@dataclass(frozen=True)
class Shard:
    """Which part of the build: shard `number` (from 1) of `count`."""

    number: int
    count: int

    def holds(self, source: Path) -> bool:
        """Whether an article's source file is built by this shard."""
        return shard_of(source.name, self.count) == self.number


def parse_shard(text: str) -> Shard:
    """`K/N` as a `Shard`; ValueError unless 1 <= K <= N."""
    match = _SPEC.fullmatch(text.strip())
    if match is None or int(match[1]) > int(match[2]):
        raise ValueError(f"{text!r} is not K/N with 1 <= K <= N (2/3: the second of three shards)")
    return Shard(int(match[1]), int(match[2]))


def shard_of(name: str, count: int) -> int:
    """The shard (1 to `count`) of an article's source file, by its name alone."""
    key = int.from_bytes(hashlib.blake2b(name.encode(), digest_size=8).digest(), "big")
    bucket, candidate = -1, 0
    while candidate < count:  # jump consistent hash (arXiv:1406.2294), 64-bit arithmetic
        bucket = candidate
        key = (key * 2862933555777941757 + 1) % 2**64
        candidate = int((bucket + 1) * (2**31 / ((key >> 33) + 1)))
    return bucket + 1


@dataclass(frozen=True)
class ShardRecord:
    """What a shard leaves for the merge: its articles' job outputs and what makes them one build's."""

    format: int
    shard: int
    shards: int
    inputs: str  # the key of the whole build's inputs (freshness.inputs_key)
    locales: tuple[str, ...]  # the build's options, which the merge repeats
    make_zip: bool
    fail_on: Severity
    outputs: list[ArticleOutput]


def record_file(settings: Settings, folder: Path | None = None) -> Path:
    """Where a shard's record is: in the reports of the project, or of a shard's folder."""
    return (folder if folder is not None else settings.root) / settings.reports_dir / RECORD


def encode_record(record: ShardRecord) -> bytes:
    """A record as MessagePack."""
    return msgspec.msgpack.encode(record)


def read_record(folder: Path, settings: Settings) -> ShardRecord:
    """The record in a shard's folder, decoded into its type and checked field by field; else ShardError."""
    path = record_file(settings, folder)
    try:
        if not path.is_file():
            raise ShardError(f"no shard record ({settings.reports_dir}/{RECORD}): not the folder of a "
                             "`pipeline build --shard` job", folder)
        if path.stat().st_size > MAX_RECORD_BYTES:
            raise ShardError(f"the shard record is larger than {MAX_RECORD_BYTES // 2**30} GB", path)
        record = msgspec.msgpack.decode(path.read_bytes(), type=ShardRecord)
    except OSError as exc:
        raise ShardError(f"cannot read the shard record: {exc.strerror or exc}", path) from None
    except (msgspec.DecodeError, ValueError, TypeError, RecursionError) as exc:  # ValidationError is a DecodeError
        raise ShardError(f"not a shard record this version of pipeline can read ({exc})", path) from None
    if record.format != FORMAT or not 1 <= record.shard <= record.shards:
        raise ShardError(f"not a shard record this version of pipeline can read (format {record.format}, "
                         f"shard {record.shard} of {record.shards})", path)
    return record


def check_shards(records: Sequence[tuple[Path, ShardRecord]]) -> None:
    """Refuse records that are not the N shards of one build, each once: the first folder that does not fit."""
    first_folder, first = records[0]
    seen: dict[int, Path] = {}
    for folder, record in records:
        if record.inputs != first.inputs or (record.locales, record.make_zip, record.fail_on) != (
                first.locales, first.make_zip, first.fail_on):
            raise ShardError(f"a shard of another build than {first_folder} (other sources, catalogs, settings, "
                             "options or version of pipeline)", folder)
        if record.shards != first.shards:
            raise ShardError(f"shard {record.shard} of {record.shards}, but {first_folder} is one of "
                             f"{first.shards}", folder)
        if record.shard in seen:
            raise ShardError(f"shard {record.shard} of {record.shards} again (also in {seen[record.shard]})", folder)
        seen[record.shard] = folder
    missing = [str(k) for k in range(1, first.shards + 1) if k not in seen]
    if missing:
        raise ShardError(f"shard {', '.join(missing)} of {first.shards} missing: give the folders of all "
                         f"{first.shards} shards", first_folder)


def check_outputs(folder: Path, record: ShardRecord, expected: Sequence[str], settings: Settings) -> list[list[FindingLines]]:
    """Refuse a record whose articles are not the ones its shard builds, or that names unsafe paths; its report lines."""
    sources = [o.source for o in record.outputs]
    if sorted(sources) != sorted(expected):
        extra, lost = sorted(set(sources) - set(expected)), sorted(set(expected) - set(sources))
        detail = f"lacks {lost[0]}" if lost else f"holds {extra[0]}, not of this shard" if extra else "repeats an article"
        raise ShardError(f"the record of shard {record.shard} {detail}", folder)
    lines: list[list[FindingLines]] = []
    for output in record.outputs:
        locales_ok = set(output.cells) <= set(record.locales) and set(output.entries) <= set(output.cells)
        if not SLUG.fullmatch(output.slug) or not set(output.published) <= set(settings.all_locales) or not locales_ok:
            raise ShardError(f"the record of {output.source} names a slug or locale this build does not have", folder)
        found = report_lines(output)
        if found is None:
            raise ShardError(f"the record of {output.source} holds report lines that are not one per finding, "
                             "each JSON", folder)
        lines.append(found)
        unsafe = next((p for p in output.pages if not is_bundle_path(p)), None)
        if unsafe is not None:
            raise ShardError(f"the record of {output.source} names an unsafe path: {unsafe!r}", folder)
    return lines

def copy_pages(folder: Path, output: ArticleOutput, settings: Settings, bundle: BundleWriter) -> None:
    """Copy an article's pages from a shard's bundle into the merged one, each checked against its record."""
    dist = folder / settings.dist_dir
    inside = dist.resolve()
    for page, digest in output.pages.items():
        path = dist / page
        try:
            if not path.resolve().is_relative_to(inside):
                raise ShardError("is a link that leaves the shard's bundle", path)
            status = path.stat()
            if not stat.S_ISREG(status.st_mode) or status.st_size > MAX_PAGE_BYTES:
                raise ShardError("is not a page of the shard's bundle (not a regular file, or too large)", path)
            data = path.read_bytes()
        except FileNotFoundError:
            raise ShardError("missing from the shard's bundle, which its record says holds it", path) from None
        except OSError as exc:
            raise ShardError(f"cannot read it: {exc.strerror or exc}", path) from None
        if hashlib.sha256(data).hexdigest() != digest:
            raise ShardError("its bytes differ from the shard's record", path)
        if bundle.hashes.get(page, digest) != digest:  # a file two articles share (by content) is one file
            raise ShardError("another shard's article has a file of this name with other bytes", path)
        bundle.write(page, data)
