"""One record per id in an export, found in one reading with a few bytes per record.

Holding every id of a ten-million-record set costs over a gigabyte (the strings
and a set around them). :class:`IdDigests` keeps a 16-byte BLAKE2b digest per id
instead, packed in short byte buckets searched at C speed (about 18 bytes a
record). A digest seen before is a duplicate: the record is left out and reported
at its file and line, as the stream goes, so the source is read once.

Two different ids share a digest with probability 2**-128; among *n* ids the
chance that any two do is at most n(n-1)/2**129 — about 1.5e-25 for ten million
ids, far below the rate of undetected hardware errors. BLAKE2b is a cryptographic
hash, so ids cannot be chosen to collide (a collision takes about 2**64 work).
Were it ever to happen, the record would still not be lost silently: it is
reported as a second record with that id, and the export refuses the set.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from hashlib import blake2b

from grmodel.model import Record
from grmodel.recordset.loading import LoadedRecord, LoadProblem

__all__ = ["DIGEST_SIZE", "IdDigests", "id_digest", "unique_records"]

DIGEST_SIZE = 16
"""Bytes of an id's digest."""


def id_digest(record_id: str) -> bytes:
    """The digest of an id (lone surrogates, which no file encoding holds, included)."""
    return blake2b(record_id.encode("utf-8", "surrogatepass"), digest_size=DIGEST_SIZE).digest()


def _top(digest: bytes) -> int:
    """The first 8 bytes of a digest as an integer, the way a bucket's bytes read."""
    return int.from_bytes(digest[:8], sys.byteorder)


class IdDigests:
    """A set of digests in byte buckets chosen by the top bits of their first 8 bytes.

    Buckets stay short (64 digests on average, 1 KiB to search): past that their
    number is multiplied by four. About 17 bytes a digest, and a bucket's 65.
    """

    FILL = 64
    """Digests per bucket, on average, before the buckets multiply."""

    def __init__(self) -> None:
        self._bits = 4
        self._buckets = [bytearray() for _ in range(1 << self._bits)]
        self.size = 0
        """Digests held."""

    def add(self, digest: bytes) -> bool:
        """Add a digest (:data:`DIGEST_SIZE` bytes); ``False`` when it was there already."""
        bucket = self._buckets[_top(digest) >> (64 - self._bits)]
        at = bucket.find(digest)
        while at >= 0:
            if at % DIGEST_SIZE == 0:
                return False
            at = bucket.find(digest, at + 1)  # a match across two entries
        bucket += digest
        self.size += 1
        if self.size > self.FILL * len(self._buckets):
            self._multiply()
        return True

    def _multiply(self) -> None:
        bits = self._bits + 2
        buckets = [bytearray() for _ in range(1 << bits)]
        shift = 64 - bits
        words = DIGEST_SIZE // 8
        for bucket in self._buckets:
            tops = memoryview(bucket).cast("Q")[::words]
            for at, top in enumerate(tops):
                start = at * DIGEST_SIZE
                buckets[top >> shift] += bucket[start : start + DIGEST_SIZE]
        self._buckets, self._bits = buckets, bits


def _duplicate(entry: LoadedRecord) -> LoadProblem:
    message = f"a second record with id {entry.record.id!r}; an export would keep only one"
    return LoadProblem(entry.file, entry.line, message, "duplicate", record=entry.record.id)


def unique_records(
    entries: Iterable[LoadedRecord | LoadProblem], on_problem: Callable[[LoadProblem], None]
) -> Iterator[Record]:
    """The records of ``entries``, in order, each id once: a problem is passed to
    ``on_problem``, and so is a second record with an id already seen (and left out)."""
    seen = IdDigests()
    for entry in entries:
        if isinstance(entry, LoadProblem):
            on_problem(entry)
        elif seen.add(id_digest(entry.record.id)):
            yield entry.record
        else:
            on_problem(_duplicate(entry))
