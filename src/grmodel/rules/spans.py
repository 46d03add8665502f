"""Memberships' spans packed into integers, kept by (person, body).

MEM001 and MEM002 keep, per (person, body) pair (one integer, by the ids' numbers in
the run's :class:`~grmodel.rules.idindex.IdIndex`), each membership's span of days
and an interned value packed into one integer; a pair with one membership keeps
that integer itself, more a list of them.
"""

from __future__ import annotations

from grmodel.model import Membership
from grmodel.rules.idindex import IdIndex
from grmodel.rules.support import shared_day

__all__ = ["OPEN_END", "entries", "keep", "pack", "pair", "span", "unpack"]

OPEN_END = 10**7
Span = tuple[int, int]


def span(record: Membership) -> Span:
    period = record.period
    start = period.start if period is not None else None
    end = period.end if period is not None else None
    return (
        shared_day(start.earliest().toordinal()) if start is not None else 0,
        shared_day(end.latest().toordinal()) if end is not None else OPEN_END,
    )


_BITS = 24
"""Bits of a day number in a packed span (days, and the open end, are below 2**24)."""


def pack(start: int, end: int, value: int) -> int:
    """A span and an interned value as one integer (the value, unbounded, on top)."""
    return (value << _BITS | start) << _BITS | end


def unpack(packed: int) -> tuple[int, int, int]:
    """(start, end, interned value) of a packed span."""
    mask = (1 << _BITS) - 1
    return packed >> _BITS & mask, packed & mask, packed >> 2 * _BITS


def pair(ids: IdIndex, person: str, body: str) -> int:
    """One integer for a (person, body) pair, by their ids' numbers."""
    return ids.number(person) << 32 | ids.number(body)


def entries(kept: int | list[int] | None) -> list[int] | tuple[int, ...]:
    """The entries kept for a key: one is kept as itself, more in a list."""
    if kept is None:
        return ()
    return (kept,) if isinstance(kept, int) else kept


def keep(table: dict[int, int | list[int]], key: int, entry: int) -> None:
    """Add ``entry`` to the key's entries (most keys have one: no list for it)."""
    kept = table.get(key)
    if kept is None:
        table[key] = entry
    elif isinstance(kept, int):
        table[key] = [kept, entry]
    else:
        kept.append(entry)
