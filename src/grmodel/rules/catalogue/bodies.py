"""BOD: a body's composition against its seat allocation.

GR's steering groups have 15 ledamöter: three from Göteborg and one from each
other member municipality. The composition is checked from memberships (at every
date a membership starts) and from each meeting's attendance list.
"""

from __future__ import annotations

import heapq
from array import array
from collections import Counter
from collections.abc import Iterator

from grmodel.model import AttendanceStatus, Body, Meeting, Membership, Record, Role
from grmodel.refdata import ReferenceData
from grmodel.rules.base import Issue, RecordRef, Rule, RuleContext, Severity
from grmodel.rules.columns import Interned
from grmodel.rules.idindex import PackedRefs, RefArray, id_index
from grmodel.rules.support import (
    NAMND_KINDS,
    STEERING_KINDS,
    BodyIndex,
    BodyInfo,
    MeetingOfBodyRule,
    resolve_municipality,
)

__all__ = ["RULES"]

_SEAT_ROLES = frozenset({Role.LEDAMOT, Role.ORDFORANDE, Role.VICE_ORDFORANDE})
_LEDAMOT_STATUSES = frozenset({AttendanceStatus.PRESENT, AttendanceStatus.ABSENT})


def _code(refdata: ReferenceData, text: str | None) -> str | None:
    if not text:
        return None
    found = resolve_municipality(refdata, text)
    return found.code if found is not None else text


def _name(refdata: ReferenceData, code: str) -> str:
    found = refdata.municipality(code)
    return found.name if found is not None else code


def _allowed(
    body_id: str, body: BodyInfo, bodies: BodyIndex, refdata: ReferenceData
) -> dict[str, int] | None:
    """Seats per municipality code, where the allocation says; ``None`` when it does not.

    Memoised per body in ``bodies.memo`` (cleared when a body record is seen).
    """
    key = ("allowed-seats", body_id)
    if key in bodies.memo:
        return bodies.memo[key]  # type: ignore[return-value]
    result = _compute_allowed(body_id, body, bodies, refdata)
    bodies.memo[key] = result
    return result


def _compute_allowed(
    body_id: str, body: BodyInfo, bodies: BodyIndex, refdata: ReferenceData
) -> dict[str, int] | None:
    seats = body.seats
    if seats is None or (not seats.per_municipality and seats.default_per_member is None):
        return None
    allowed = {_code(refdata, k) or k: v for k, v in seats.per_municipality.items()}
    if seats.default_per_member is not None:
        association = bodies.association_members(body_id)
        if association is not None:
            for member in association[1]:
                allowed.setdefault(member, seats.default_per_member)
    return allowed


def _composition(
    body_id: str,
    body: BodyInfo,
    bodies: BodyIndex,
    refdata: ReferenceData,
    count: int,
    per_municipality: Counter[str],
    when: str,
) -> Iterator[str]:
    seats = body.seats
    if seats is None:
        return
    if seats.total is not None and count > seats.total:
        yield f"{count} ledamöter {when}, but {body_id} has {seats.total} seats"
    allowed = _allowed(body_id, body, bodies, refdata)
    if allowed is None:
        return
    for code, n in sorted(per_municipality.items()):
        limit = allowed.get(code, 0 if seats.default_per_member is not None else None)
        if limit is not None and n > limit:
            yield (
                f"{_name(refdata, code)} has {n} ledamöter {when}; its allocation in "
                f"{body_id} is {limit}"
            )


# --- from a meeting's attendance ------------------------------------------------

_Listed = tuple[str, int, tuple[tuple[str, int], ...], int]


def _attendance_summary(meeting: Meeting, ctx: RuleContext) -> _Listed | None:
    entries = [
        (i, a)
        for i, a in enumerate(meeting.attendance)
        if a.status in _LEDAMOT_STATUSES and a.role is not Role.ERSATTARE
    ]
    if not entries:
        return None
    counts: Counter[str] = Counter()
    for _, entry in entries:
        code = _code(ctx.refdata, entry.municipality)
        if code is not None:
            counts[code] += 1
    return meeting.body, len({a.person for _, a in entries}), tuple(counts.items()), entries[0][0]


def _make_attendance_rule(ctx: RuleContext) -> MeetingOfBodyRule[_Listed]:
    def judge(summary: _Listed, body: BodyInfo, bodies: BodyIndex) -> Iterator[Issue]:
        body_id, count, counts, first = summary
        for message in _composition(
            body_id, body, bodies, ctx.refdata, count, Counter(dict(counts)), "listed"
        ):
            yield Issue(message=message, path=("attendance", first))

    return MeetingOfBodyRule(ctx, NAMND_KINDS | STEERING_KINDS, _attendance_summary, judge)


# --- from memberships -------------------------------------------------------------


_Seat = tuple[int, int, str | None, str, int]
"""A membership with a seat: start day, end day, municipality code, start's text and
the index of its ref."""


class _Seats:
    """A body's memberships with a seat, in the order met, as columns of machine
    integers: start and end day, the (municipality code, start's text) interned, and
    the ref."""

    __slots__ = ("refs", "spans", "values")

    def __init__(self, refs: PackedRefs):
        self.spans = array("q")
        self.values = array("i")
        self.refs = RefArray(refs)

    def rows(self, values: list[tuple[str | None, str]]) -> list[_Seat]:
        """The memberships' (start, end, code, start text, ref index), in the order met."""
        out: list[_Seat] = []
        for index, (span, value) in enumerate(zip(self.spans, self.values, strict=True)):
            code, text = values[value]
            out.append((span >> 32, span & 0xFFFFFFFF, code, text, index))
        return out


class _MembershipSeats:
    """Per body: (start, end, municipality code, start's text, ref) of memberships
    with a seat, in compact columns."""

    def __init__(self, ctx: RuleContext):
        self._refdata = ctx.refdata
        self._bodies = BodyIndex(ctx.refdata)
        self._seats: dict[str, _Seats] = {}
        self._refs = PackedRefs(id_index(ctx))
        self._values = Interned()

    def visit(self, record: Record, ref: RecordRef) -> Iterator[Issue]:
        if isinstance(record, Body):
            self._bodies.add(record)
        elif isinstance(record, Membership) and record.role in _SEAT_ROLES:
            period = record.period
            start = period.start if period is not None else None
            end = period.end if period is not None else None
            seats = self._seats.get(record.body)
            if seats is None:
                seats = self._seats[record.body] = _Seats(self._refs)
            first = start.earliest().toordinal() if start is not None else 0
            last = end.latest().toordinal() if end is not None else 10**7
            seats.spans.append(first << 32 | last)
            code = _code(self._refdata, record.municipality)
            seats.values.append(self._values((code, str(start) if start is not None else "")))
            seats.refs.append(ref)
        return iter(())

    def finish(self) -> Iterator[Issue]:
        for body_id, kept in self._seats.items():
            body = self._bodies.get(body_id)
            if body is None or body.seats is None:
                continue
            yield from self._sweep(body_id, body, kept.rows(self._values.values), kept.refs)

    def _sweep(
        self,
        body_id: str,
        body: BodyInfo,
        seats: list[_Seat],
        refs: RefArray,
    ) -> Iterator[Issue]:
        """Judge the composition at each distinct start date, in one sorted pass.

        Memberships join the active set at their start and leave once a later
        start date is past their end (a heap on end dates): O(n log n).
        """
        seats.sort(key=lambda s: s[0])
        ending: list[tuple[int, int]] = []  # (end, index into seats)
        counts: Counter[str] = Counter()
        active = 0
        reported: set[str] = set()
        index = 0
        while index < len(seats):
            start, start_text = seats[index][0], seats[index][3]
            while index < len(seats) and seats[index][0] == start:
                _, end, code, _, _ = seats[index]
                heapq.heappush(ending, (end, index))
                active += 1
                if code is not None:
                    counts[code] += 1
                index += 1
            while ending and ending[0][0] < start:
                _, gone = heapq.heappop(ending)
                active -= 1
                code = seats[gone][2]
                if code is not None:
                    counts[code] -= 1
                    if not counts[code]:
                        del counts[code]
            when = f"on {start_text}" if start_text else "at once"
            latest = refs[seats[index - 1][4]]
            for message in _composition(
                body_id, body, self._bodies, self._refdata, active, counts, when
            ):
                key = message.split(" ledamöter")[0].split(" has ")[0]
                if key not in reported:
                    reported.add(key)
                    yield Issue(message=message, at=latest)


_MEMBERSHIP = """\
type: membership
id: sg-{person}
person: {person}
body: gr-styrgruppen-social-valfard
role: ledamot
municipality: Göteborg
period: {{start: "2019-01-01", end: "2022-12-31"}}
"""

RULES: list[Rule] = [
    Rule(
        code="BOD001",
        name="membership-seats",
        severity=Severity.WARNING,
        summary="More memberships with a seat than the body's seat allocation allows.",
        rationale="A body's ledamöter (ordförande and vice ordförande included) at any date "
        "cannot outnumber its seats, in total or per municipality: GR's steering groups have "
        "15, three from Göteborg and one from each other member (the förbundsordning, KL 9:6, "
        "and GR's instruction for steering groups). An excess means overlapping terms, a "
        "wrong role (ersättare encoded as ledamot) or a wrong municipality.",
        hint="Check the memberships' periods, roles and municipalities.",
        legal_basis="KL 9:6",
        applies_to=("membership", "body"),
        make_set_rule=_MembershipSeats,
        example="---\n".join(
            _MEMBERSHIP.format(person=p) for p in ("a-one", "b-two", "c-three", "d-four")
        ),
    ),
    Rule(
        code="BOD002",
        name="attendance-composition",
        severity=Severity.WARNING,
        summary="A meeting lists more ledamöter than the body has seats, in total or per "
        "municipality.",
        rationale="The ledamöter a protocol lists (present and absent; serving ersättare take "
        "an absent ledamot's seat) cannot outnumber the body's seats: GR's steering groups "
        "have 15, Göteborg three and each other member one. An excess usually means an "
        "ersättare listed as ledamot or a wrong municipality.",
        hint="Check the statuses (ersättare as serving_substitute or substitute) and "
        "municipalities of the attendance list.",
        legal_basis="KL 9:6",
        applies_to=("meeting", "body"),
        make_set_rule=_make_attendance_rule,
        example="type: meeting\nid: sg-2019-11-07\nbody: gr-styrgruppen-social-valfard\n"
        'date: "2019-11-07"\nattendance:\n'
        "  - {person: a, status: present, municipality: Göteborg}\n"
        "  - {person: b, status: present, municipality: Göteborg}\n"
        "  - {person: c, status: present, municipality: Göteborg}\n"
        "  - {person: d, status: absent, municipality: Göteborg}\n"
        "  - {person: e, status: present, municipality: Ale}\n",
    ),
]
