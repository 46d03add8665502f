"""Helpers for writing rules: the core catalogue's and plugins' alike.

Everything here is public and stable: use it in a plugin's rules rather than
writing it again. The set-rule helpers keep compact indexes only — body facts
(kind, seats, parent, members) and small per-meeting summaries, never whole
records — so rules built on them stay within memory on large record sets.

- :data:`VOTING`, :data:`NAMND_KINDS`, :data:`STEERING_KINDS`: attendance
  statuses and body kinds the rules of kommunallagen talk about.
- :class:`BodyIndex`: the bodies of the record set seen so far, over the
  reference bodies; :class:`MeetingOfBodyRule`: a set rule about held meetings
  that needs facts about the meeting's body.
- :func:`resolve_municipality`, :func:`party_lineage`: reference-data lookups,
  cached.
- :func:`scalar_text`, :func:`field_texts`: the texts a field's values compare as
  (what ``grmodel count`` and stated figures count by).
- :class:`MeetingOfBodyRule` with :func:`issues_summary` and :func:`pass_issues`
  for rules whose issues do not depend on the body, and
  :func:`steering_group_variant` for a nämnd rule that also checks steering
  groups under a second code.
- :func:`day`, :func:`overlaps`, :func:`last_record_memo`: small utilities.
- :func:`shared`, :func:`shared_day`: one object for equal values a set rule keeps
  (a body's id, a date's text, a day number), so an index holds each once.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import sys
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Generic, NamedTuple, TypeVar

import attrs

from grmodel.model import (
    AttendanceStatus,
    Body,
    BodyKind,
    Meeting,
    MeetingStatus,
    Municipality,
    PartialDate,
    Party,
    Record,
    SeatAllocation,
)
from grmodel.refdata import ReferenceData
from grmodel.rules.base import Issue, RecordRef, RuleContext

__all__ = [
    "NAMND_AND_STEERING_KINDS",
    "NAMND_KINDS",
    "STEERING_KINDS",
    "VOTING",
    "BodyIndex",
    "BodyInfo",
    "MeetingOfBodyRule",
    "day",
    "field_texts",
    "issues_summary",
    "last_record_memo",
    "overlaps",
    "party_lineage",
    "pass_issues",
    "resolve_municipality",
    "scalar_text",
    "shared",
    "shared_day",
    "steering_group_variant",
]

VOTING = frozenset({AttendanceStatus.PRESENT, AttendanceStatus.SERVING_SUBSTITUTE})
"""Statuses of those who take part in decisions (ledamöter and serving ersättare)."""

NAMND_KINDS = frozenset({BodyKind.BOARD, BodyKind.ASSEMBLY, BodyKind.PRESIDIUM})
"""Body kinds the nämnd (and fullmäktige) rules of kommunallagen apply to."""

STEERING_KINDS = frozenset({BodyKind.STEERING_GROUP})
"""GR's political steering groups: beredande organ, checked against nämnd rules as warnings."""

NAMND_AND_STEERING_KINDS = NAMND_KINDS | STEERING_KINDS
"""The bodies a nämnd rule with a steering-group variant checks."""


A = TypeVar("A")
R = TypeVar("R")


def last_record_memo(fn: Callable[[A], R]) -> Callable[[A], R]:
    """Remember ``fn``'s result for the last argument it saw (by identity).

    Several rules walk the same record (its attendance, its party texts) one after
    the other; with this the walk is done once per record. Records are immutable;
    the result is shared, so callers must not change it.
    """
    slot: list[tuple[Any, Any]] = [(object(), None)]

    @functools.wraps(fn)
    def memo(arg: A) -> R:
        seen, result = slot[0]
        if seen is arg:
            return result  # type: ignore[no-any-return]
        result = fn(arg)
        slot[0] = (arg, result)
        return result

    return memo


def shared(text: str) -> str:
    """One string object for every equal ``text`` kept (``sys.intern``): a set
    rule's index keeps a body's or a person's id, a role or a date's text once per
    distinct value, not once per record that wrote it (about 60 bytes each)."""
    return sys.intern(text)


_DAYS: dict[int, int] = {}
"""Day numbers met, each once (a few thousand distinct days in any record set)."""


def shared_day(ordinal: int) -> int:
    """One int object for every equal day number (``date.toordinal()``) kept in an
    index (28 bytes each otherwise)."""
    return _DAYS.setdefault(ordinal, ordinal)


def day(value: PartialDate | None) -> dt.date | None:
    """The exact date of a complete partial date, else ``None``."""
    return value.to_date() if value is not None else None


def scalar_text(value: object) -> str | None:
    """The text a filter or count compares: ``"true"``/``"false"`` for booleans, an
    enumeration's value, the string form of strings, integers and dates; ``None``
    for anything else."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, (str, int, PartialDate)):
        return str(value)
    return None


def field_texts(record: Record, field: str) -> list[str]:
    """The texts of one field: one for a scalar, one per item for a list, ``["-"]``
    for an empty or missing value."""
    value = getattr(record, field, None)
    if isinstance(value, tuple):
        texts = [t for t in (scalar_text(v) for v in value) if t is not None]
    else:
        text = scalar_text(value)
        texts = [text] if text is not None else []
    return texts or ["-"]


def overlaps(a: tuple[int, ...], b: tuple[int, ...]) -> bool:
    """True when two attendance paragraph lists share a § (empty = whole meeting)."""
    return not a or not b or not set(a).isdisjoint(b)


@functools.lru_cache(maxsize=1 << 12)
def resolve_municipality(refdata: ReferenceData, text: str) -> Municipality | None:
    """A municipality by kommunkod, name, or record id ``kommun-NNNN`` (cached)."""
    key = text.strip()
    if key.startswith("kommun-"):
        key = key.removeprefix("kommun-")
    return refdata.municipality(key)


@functools.lru_cache(maxsize=1 << 14)
def party_lineage(refdata: ReferenceData, text: str, at: dt.date | None) -> str | None:
    """The abbreviation a party ends up as by succession (FP → L, KDS → KD; cached)."""
    party: Party | None = refdata.party(text, at)
    if party is None:
        return None
    seen = {party.abbreviation}
    abbreviation = party.abbreviation
    successor = party.successor
    while successor and successor not in seen:
        seen.add(successor)
        abbreviation = successor
        nxt = refdata.party(successor)
        successor = nxt.successor if nxt is not None else None
    return abbreviation


class BodyInfo(NamedTuple):
    """What rules need to know about a body."""

    kind: BodyKind
    seats: SeatAllocation | None
    parent: str | None
    members: tuple[str, ...]
    name: str


def _info(body: Body) -> BodyInfo:
    return BodyInfo(body.kind, body.seats, body.parent, body.members, body.name)


class BodyIndex:
    """Bodies of the record set seen so far, over the reference bodies."""

    def __init__(self, refdata: ReferenceData):
        self._refdata = refdata
        self._seen: dict[str, BodyInfo] = {}
        self._reference: dict[str, BodyInfo | None] = {}
        self._members: dict[str, tuple[str, tuple[str, ...]] | None] = {}
        self.memo: dict[tuple[str, str], object] = {}
        """Per-body derived facts for rules (cleared whenever a body is added)."""

    def add(self, body: Body) -> None:
        """Index a Body record of the set."""
        self._seen[body.id] = _info(body)
        self._members.clear()
        self.memo.clear()

    def kind_of(self, body_id: str) -> BodyKind | None:
        """The body's kind, or ``None`` when neither the set nor the reference data has it."""
        info = self.get(body_id)
        return info.kind if info is not None else None

    def parent_of(self, body_id: str) -> str | None:
        """The id of the body's parent, if any."""
        info = self.get(body_id)
        return info.parent if info is not None else None

    def get(self, body_id: str) -> BodyInfo | None:
        """The body's facts, from the set or the reference data."""
        found = self._seen.get(body_id)
        if found is not None:
            return found
        if body_id not in self._reference:
            ref = self._refdata.body(body_id)
            self._reference[body_id] = _info(ref) if ref is not None else None
        return self._reference[body_id]

    def association_members(self, body_id: str) -> tuple[str, tuple[str, ...]] | None:
        """The nearest body up the parent chain with members: (id, member codes)."""
        if body_id not in self._members:
            self._members[body_id] = self._association_members(body_id)
        return self._members[body_id]

    def _association_members(self, body_id: str) -> tuple[str, tuple[str, ...]] | None:
        seen: set[str] = set()
        current: str | None = body_id
        while current is not None and current not in seen:
            seen.add(current)
            info = self.get(current)
            if info is None:
                return None
            if info.members:
                codes = []
                for member in info.members:
                    found = resolve_municipality(self._refdata, member)
                    codes.append(found.code if found is not None else member)
                return current, tuple(codes)
            current = info.parent
        return None


S = TypeVar("S")


class MeetingOfBodyRule(Generic[S]):
    """A set rule about held meetings that needs facts about the meeting's body.

    ``summarise`` turns a meeting into a compact summary (``None``: nothing to
    check); ``judge`` turns a summary and the body into issues. Meetings whose
    body is already known are judged at once (findings point at the exact
    line); the rest are judged at the end against the bodies seen by then.
    """

    def __init__(
        self,
        ctx: RuleContext,
        kinds: frozenset[BodyKind],
        summarise: Callable[[Meeting, RuleContext], S | None],
        judge: Callable[[S, BodyInfo, BodyIndex], Iterable[Issue]],
    ):
        self._ctx = ctx
        self._kinds = kinds
        self._summarise = summarise
        self._judge = judge
        self.bodies = BodyIndex(ctx.refdata)
        self._later: list[tuple[str, S, RecordRef]] = []

    def visit(self, record: Record, ref: RecordRef) -> Iterable[Issue]:
        # A plain function, not a generator: most visits find nothing.
        if isinstance(record, Body):
            self.bodies.add(record)
            return ()
        if not isinstance(record, Meeting) or record.status is not MeetingStatus.HELD:
            return ()
        summary = self._summarise(record, self._ctx)
        if summary is None:
            return ()
        body = self.bodies.get(record.body)
        if body is None:
            self._later.append((record.body, summary, ref))
        elif body.kind in self._kinds:
            return self._judge(summary, body, self.bodies)
        return ()

    def finish(self) -> Iterator[Issue]:
        for body_id, summary, ref in self._later:
            body = self.bodies.get(body_id)
            if body is not None and body.kind in self._kinds:
                for issue in self._judge(summary, body, self.bodies):
                    yield attrs.evolve(issue, at=ref)


def issues_summary(
    check: Callable[[Meeting, RuleContext], Iterable[Issue]],
) -> Callable[[Meeting, RuleContext], list[Issue] | None]:
    """Summarise a meeting as the (body-independent) issues ``check`` finds."""

    def summarise(meeting: Meeting, ctx: RuleContext) -> list[Issue] | None:
        return list(check(meeting, ctx)) or None

    return summarise


def pass_issues(summary: list[Issue], _body: BodyInfo, _bodies: BodyIndex) -> list[Issue]:
    """The ``judge`` of rules whose issues do not depend on the body."""
    return summary


def steering_group_variant(
    judge: Callable[[S, BodyInfo, BodyIndex], Iterable[Issue]], code: str
) -> Callable[[S, BodyInfo, BodyIndex], Iterable[Issue]]:
    """A nämnd rule's ``judge`` that reports a steering group's issues under ``code``.

    The rule checks :data:`NAMND_AND_STEERING_KINDS`; the rule of ``code`` declares
    ``reported_by`` the nämnd rule, with its own severity and documentation.
    """

    def judge_variant(summary: S, body: BodyInfo, bodies: BodyIndex) -> Iterable[Issue]:
        found = judge(summary, body, bodies)
        if body.kind in STEERING_KINDS:
            return [attrs.evolve(issue, code=code) for issue in found]
        return found

    return judge_variant
