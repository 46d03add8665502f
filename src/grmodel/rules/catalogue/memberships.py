"""MEM: a person's memberships are consistent with each other and with meetings."""

from __future__ import annotations

from collections.abc import Iterator

from grmodel.model import AttendanceStatus, Meeting, Membership, Record
from grmodel.rules.base import Issue, RecordRef, Rule, RuleContext, Severity
from grmodel.rules.support import party_lineage

__all__ = ["RULES"]

_OPEN_END = 10**7
_Span = tuple[int, int]


def _span(record: Membership) -> _Span:
    period = record.period
    start = period.start if period is not None else None
    end = period.end if period is not None else None
    return (
        start.earliest().toordinal() if start is not None else 0,
        end.latest().toordinal() if end is not None else _OPEN_END,
    )


class _Overlaps:
    """(person, body) → [(start, end, role, party lineage, membership id)]."""

    def __init__(self, ctx: RuleContext):
        self._refdata = ctx.refdata
        self._seen: dict[tuple[str, str], list[tuple[int, int, str, str | None, str]]] = {}

    def visit(self, record: Record, ref: RecordRef) -> Iterator[Issue]:
        if not isinstance(record, Membership):
            return
        start, end = _span(record)
        day = record.period.start.to_date() if record.period and record.period.start else None
        party = party_lineage(self._refdata, record.party, day) if record.party else None
        party = party or record.party
        entries = self._seen.setdefault((record.person, record.body), [])
        for other_start, other_end, role, other_party, other_id in entries:
            if start > other_end or other_start > end:
                continue
            if role != record.role:
                yield Issue(
                    message=f"{record.person} is {record.role} of {record.body} here and "
                    f"{role} in {other_id} over the same time",
                    path=("role",),
                )
                break
            if party and other_party and party != other_party:
                yield Issue(
                    message=f"{record.person} is in {record.body} for {record.party} here and "
                    f"for {other_party} in {other_id} over the same time",
                    path=("party",),
                )
                break
        entries.append((start, end, str(record.role), party, record.id))

    def finish(self) -> Iterator[Issue]:
        return iter(())


_PARTY_STATUSES = frozenset(
    {
        AttendanceStatus.PRESENT,
        AttendanceStatus.ABSENT,
        AttendanceStatus.SERVING_SUBSTITUTE,
        AttendanceStatus.SUBSTITUTE,
    }
)


class _MeetingParty:
    """Memberships' parties by (person, body); attendance parties checked against them."""

    def __init__(self, ctx: RuleContext):
        self._refdata = ctx.refdata
        self._parties: dict[tuple[str, str], list[tuple[int, int, str, str]]] = {}
        self._open: list[tuple[str, str, int, str, str, RecordRef, int]] = []

    def _check(self, person: str, body: str, day: int, lineage: str, written: str) -> str | None:
        first = None  # the first membership valid on the day
        for entry in self._parties.get((person, body), ()):
            if entry[0] <= day <= entry[1]:
                if entry[2] == lineage:
                    return None
                if first is None:
                    first = entry
        if first is None:
            return None
        return (
            f"{person} is listed for {written} at the meeting, but their membership of {body} "
            f"is for {first[3]}"
        )

    def visit(self, record: Record, ref: RecordRef) -> Iterator[Issue]:
        if isinstance(record, Membership):
            if record.party:
                start, end = _span(record)
                lineage = party_lineage(self._refdata, record.party, None) or record.party
                self._parties.setdefault((record.person, record.body), []).append(
                    (start, end, lineage, record.party)
                )
            return
        if not isinstance(record, Meeting) or record.date is None or not record.date.is_complete:
            return
        day = record.date.earliest()
        ordinal = day.toordinal()
        refdata, parties = self._refdata, self._parties
        for index, entry in enumerate(record.attendance):
            if not entry.party or entry.status not in _PARTY_STATUSES:
                continue
            lineage = party_lineage(refdata, entry.party, day) or entry.party
            if (entry.person, record.body) not in parties:
                self._open.append(
                    (entry.person, record.body, ordinal, lineage, entry.party, ref, index)
                )
                continue
            message = self._check(entry.person, record.body, ordinal, lineage, entry.party)
            if message is not None:
                yield Issue(message=message, path=("attendance", index, "party"), node=entry)

    def finish(self) -> Iterator[Issue]:
        for person, body, day, lineage, written, ref, index in self._open:
            message = self._check(person, body, day, lineage, written)
            if message is not None:
                yield Issue(message=message, path=("attendance", index, "party"), at=ref)


_MEMBERSHIP = """\
type: membership
id: {id}
person: mariette-risberg
body: gr-styrgruppen-social-valfard
role: {role}
party: {party}
period: {{start: "2019-01-01", end: "2022-12-31"}}
"""

RULES: list[Rule] = [
    Rule(
        code="MEM001",
        name="membership-overlap",
        severity=Severity.WARNING,
        summary="A person has overlapping memberships of one body with different roles or parties.",
        rationale="A person holds one seat in a body at a time: as ledamot or ersättare, for "
        "one party. Overlapping memberships with different roles or parties are usually a "
        "period that should have ended when the other began. Parties are compared by "
        "succession (FP and L are one party).",
        hint="End the earlier membership when the later one starts, or merge them.",
        applies_to=("membership",),
        make_set_rule=_Overlaps,
        example=_MEMBERSHIP.format(id="m1", role="ledamot", party="D")
        + "---\n"
        + _MEMBERSHIP.format(id="m2", role="ersättare", party="D"),
    ),
    Rule(
        code="MEM002",
        name="meeting-party-membership",
        severity=Severity.WARNING,
        summary="A person's party at a meeting differs from their membership's party.",
        rationale="The party a protocol gives a ledamot should be the party of their "
        "membership of the body at that date (FP and L count as one party, by succession); "
        "a difference is a misread party, a wrong person id, or a party change the "
        "memberships do not record.",
        hint="Check the attendance entry's party and the person's memberships.",
        applies_to=("membership", "meeting"),
        make_set_rule=_MeetingParty,
        example=_MEMBERSHIP.format(id="m1", role="ledamot", party="D")
        + "---\ntype: meeting\nid: sg-2019-11-07\nbody: gr-styrgruppen-social-valfard\n"
        'date: "2019-11-07"\nattendance:\n'
        "  - {person: mariette-risberg, status: present, party: SD}\n",
    ),
]
