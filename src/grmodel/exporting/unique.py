"""One record per id in an export, found exactly with a few bytes per record.

Holding every id of a ten-million-record set costs over a gigabyte (the strings
and a set around them). :class:`IdHashes` keeps an 8-byte hash per id instead,
packed in short byte buckets searched at C speed (about 11 bytes a record). A hash seen before
means a duplicate or, rarely, two ids with one hash: the record is held back and
its place noted, and when the stream ends one more reading of the source settles
each such place exactly by comparing the ids themselves — a duplicate is a
problem at its file and line, a record that only shared a hash is yielded after
all. Without a repeated hash (the usual case) the source is read once.

Python's string hash is keyed per process, so ids cannot be chosen to collide.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator

from grmodel.errors import GrmodelError
from grmodel.model import Record
from grmodel.recordset.loading import LoadedRecord, LoadProblem

__all__ = ["Entries", "IdHashes", "id_hash", "unique_records"]

Entries = Callable[[], Iterator[LoadedRecord | LoadProblem]]
"""Reads the source from its start, the same entries each time."""

_MASK = 2**64 - 1


def id_hash(record_id: str) -> int:
    """The 8-byte (unsigned) hash of an id."""
    return hash(record_id) & _MASK


class IdHashes:
    """A set of 8-byte hashes in byte buckets chosen by the hash's top bits.

    Buckets stay short (64 hashes on average, 512 bytes to search): past that their
    number is multiplied by four. About 9 bytes a hash, and a bucket's 65.
    """

    FILL = 64
    """Hashes per bucket, on average, before the buckets multiply."""

    def __init__(self) -> None:
        self._bits = 4
        self._buckets = [bytearray() for _ in range(1 << self._bits)]
        self.size = 0
        """Hashes held."""

    def add(self, value: int) -> bool:
        """Add a hash (64 bits, unsigned); ``False`` when it was there already."""
        key = value.to_bytes(8, sys.byteorder)
        bucket = self._buckets[value >> (64 - self._bits)]
        at = bucket.find(key)
        while at >= 0:
            if at % 8 == 0:
                return False
            at = bucket.find(key, at + 1)  # a match across two entries
        bucket += key
        self.size += 1
        if self.size > self.FILL * len(self._buckets):
            self._multiply()
        return True

    def _multiply(self) -> None:
        bits = self._bits + 2
        buckets = [bytearray() for _ in range(1 << bits)]
        shift = 64 - bits
        for bucket in self._buckets:
            for value in memoryview(bucket).cast("Q"):
                buckets[value >> shift] += value.to_bytes(8, sys.byteorder)
        self._buckets, self._bits = buckets, bits


def _duplicate(entry: LoadedRecord) -> LoadProblem:
    message = f"a second record with id {entry.record.id!r}; an export would keep only one"
    return LoadProblem(entry.file, entry.line, message, "duplicate", record=entry.record.id)


def unique_records(entries: Entries, on_problem: Callable[[LoadProblem], None]) -> Iterator[Record]:
    """The records of ``entries``, each id once: a problem is passed to ``on_problem``,
    and so is a second record with an id already seen (and left out).

    :raises GrmodelError: when the source changed between its two readings.
    """
    seen = IdHashes()
    held: dict[int, int] = {}  # place among the records -> hash of a held-back record
    place = 0
    for entry in entries():
        if isinstance(entry, LoadProblem):
            on_problem(entry)
            continue
        value = id_hash(entry.record.id)
        if seen.add(value):
            yield entry.record
        else:
            held[place] = value
        place += 1
    if held:
        yield from _settle(entries, held, on_problem)


def _settle(
    entries: Entries, held: dict[int, int], on_problem: Callable[[LoadProblem], None]
) -> Iterator[Record]:
    """Read the source again: a held-back record whose id came before is a duplicate,
    one that only shared a hash is yielded."""
    ids: dict[int, set[str]] = {value: set() for value in held.values()}
    place = 0
    for entry in entries():
        if isinstance(entry, LoadProblem):
            continue
        record_id = entry.record.id
        value = id_hash(record_id)
        if place in held:
            if held[place] != value:
                raise GrmodelError(f"{entry.file}: changed while being exported; run again")
            if record_id in ids[value]:
                on_problem(_duplicate(entry))
            else:
                yield entry.record
        if value in ids:
            ids[value].add(record_id)
        place += 1
