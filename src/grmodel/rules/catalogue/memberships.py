"""MEM: a person's memberships are consistent with each other and with meetings."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import attrs

from grmodel.model import AttendanceStatus, Meeting, Membership, Record
from grmodel.rules.base import Issue, RecordRef, Rule, RuleContext, Severity
from grmodel.rules.columns import (
    Columns,
    Groups,
    Interned,
    Keys,
    Placed,
    RecordTable,
    SourceLine,
)
from grmodel.rules.idindex import id_index
from grmodel.rules.spans import entries, keep, pack, span, unpack
from grmodel.rules.spans import pair as person_body
from grmodel.rules.support import party_lineage, shared, shared_day

__all__ = ["RULES"]


class _Overlaps:
    """(person, body) → the memberships met: each one's span, (role, party lineage)
    and id's number packed into one integer."""

    def __init__(self, ctx: RuleContext):
        self._refdata = ctx.refdata
        self._ids = id_index(ctx)
        self._values = Interned()
        self._seen: dict[int, int | list[int]] = {}

    def visit(self, record: Record, ref: RecordRef) -> Iterator[Issue]:
        if not isinstance(record, Membership):
            return
        start, end = span(record)
        day = record.period.start.to_date() if record.period and record.period.start else None
        party = party_lineage(self._refdata, record.party, day) if record.party else None
        party = party or record.party
        key = person_body(self._ids, record.person, record.body)
        values = self._values.values
        for entry in entries(self._seen.get(key)):
            other_start, other_end, value = unpack(entry >> 32)
            if start > other_end or other_start > end:
                continue
            role, other_party = values[value]
            if role != record.role or (party and other_party and party != other_party):
                mine = (record.person, record.body, str(record.role), record.party)
                other_id = self._ids.text(entry & 0xFFFFFFFF)
                yield _overlap(mine, role, other_party, other_id)
                break
        value = self._values((shared(str(record.role)), party and shared(party)))
        keep(self._seen, key, pack(start, end, value) << 32 | self._ids.number(record.id))

    def finish(self) -> Iterator[Issue]:
        return iter(())


def _overlap(
    mine: tuple[str, str, str, str | None], role: str, other_party: str | None, other_id: str
) -> Issue:
    """An overlap of a membership (its person, body, role and party as written) with
    ``other_id`` of another role, else of another party."""
    person, body, own_role, party = mine
    if role != own_role:
        return Issue(
            message=f"{person} is {own_role} of {body} here and {role} in {other_id} over the "
            "same time",
            path=("role",),
        )
    return Issue(
        message=f"{person} is in {body} for {party} here and for {other_party} in {other_id} "
        "over the same time",
        path=("party",),
    )


class _OverlapColumns:
    """MEM001 over columns: a self-join of the memberships on (person, body), each
    with the ones met before it; the first that overlaps it with another role or
    party is the finding, reported at the membership as the plain rule does."""

    def __init__(self, ctx: RuleContext):
        self._refdata = ctx.refdata
        self._rows = Columns(
            seq="int32",
            person="text",
            body="text",
            start="int32",
            end="int32",
            role="int32",
            lineage="int32",
            written="int32",
        )
        self._values = Interned()

    def collect(self, record: Record, seq: int) -> None:
        if not isinstance(record, Membership):
            return
        start, end = span(record)
        day = record.period.start.to_date() if record.period and record.period.start else None
        party = party_lineage(self._refdata, record.party, day) if record.party else None
        party = party or record.party
        values = self._values
        row = (
            seq,
            record.person,
            record.body,
            start,
            end,
            values(str(record.role)),
            values(party) if party else None,
            values(record.party) if record.party else None,
        )
        for column, value in zip(self._rows.lists, row, strict=True):
            column.append(value)
        self._rows.added()

    def tables(self) -> dict[str, Any]:
        return {"memberships": self._rows.table()}

    def finish(self, records: RecordTable, tables: dict[str, Any]) -> Iterator[Placed]:
        import pyarrow as pa
        import pyarrow.compute as pc

        rows = tables["memberships"]
        pairs = Keys(records, [rows["person"], rows["body"]]).pairs(0, 1)
        groups = Groups(pairs)
        own = pa.array(range(rows.num_rows), pa.int64())
        start, end, role, lineage = (rows[name] for name in ("start", "end", "role", "lineage"))
        first = pa.nulls(rows.num_rows, pa.int64())
        for n in range(groups.widest):  # the n-th membership of the pair, if met before
            other = groups.nth(pairs, n)
            overlapping = pc.and_(
                pc.less_equal(start, pc.take(end, other)),
                pc.less_equal(pc.take(start, other), end),
            )
            other_lineage = pc.take(lineage, other)
            party = pc.fill_null(pc.not_equal(lineage, other_lineage), False)
            differs = pc.or_(pc.not_equal(role, pc.take(role, other)), party)
            conflict = pc.and_(pc.and_(pc.less(other, own), overlapping), differs)
            conflict = pc.fill_null(conflict, False)
            first = pc.if_else(pc.and_(conflict, pc.is_null(first)), other, first)
        found = pc.is_valid(first)
        mine = rows.take(pc.filter(own, found)).to_pylist()
        theirs = rows.take(pc.filter(first, found)).to_pylist()
        for row, earlier in zip(mine, theirs, strict=True):
            yield self._explain(row, earlier, records)

    def _explain(
        self, row: dict[str, Any], earlier: dict[str, Any], records: RecordTable
    ) -> Placed:
        values = self._values.values
        at = records.ref(row["seq"])
        written = values[row["written"]] if row["written"] is not None else None
        mine = (row["person"], row["body"], values[row["role"]], written)
        other_party = values[earlier["lineage"]] if earlier["lineage"] is not None else None
        other_id = records.ref(earlier["seq"]).id
        issue = _overlap(mine, values[earlier["role"]], other_party, other_id)
        return Placed(row["seq"], attrs.evolve(issue, at=at))


_PARTY_STATUSES = frozenset(
    {
        AttendanceStatus.PRESENT,
        AttendanceStatus.ABSENT,
        AttendanceStatus.SERVING_SUBSTITUTE,
        AttendanceStatus.SUBSTITUTE,
    }
)


class _MeetingParty:
    """Memberships' parties by (person, body), each membership's span and (lineage,
    party) packed into one integer; attendance parties checked against them."""

    def __init__(self, ctx: RuleContext):
        self._refdata = ctx.refdata
        self._ids = id_index(ctx)
        self._values = Interned()
        self._parties: dict[int, int | list[int]] = {}
        self._open: list[tuple[str, str, int, str, str, RecordRef, int]] = []

    def _key(self, person: str, body_number: int | None) -> int | None:
        """The (person, body) key, when memberships with a party have one."""
        person_number = self._ids.find(person)
        if person_number is None or body_number is None:
            return None
        key = person_number << 32 | body_number
        return key if key in self._parties else None

    def _check(self, key: int, day: int, lineage: str) -> str | None:
        """The party of the first membership of ``key`` valid on the day, unless one
        is of the lineage (``None`` too when none is valid)."""
        first = None
        values = self._values.values
        for packed in entries(self._parties[key]):
            start, end, value = unpack(packed)
            if start <= day <= end:
                if values[value][0] == lineage:
                    return None
                if first is None:
                    first = values[value][1]
        return first

    def visit(self, record: Record, ref: RecordRef) -> Iterator[Issue]:
        if isinstance(record, Membership):
            if record.party:
                start, end = span(record)
                lineage = party_lineage(self._refdata, record.party, None) or record.party
                value = self._values((shared(lineage), shared(record.party)))
                key = person_body(self._ids, record.person, record.body)
                keep(self._parties, key, pack(start, end, value))
            return
        if not isinstance(record, Meeting) or record.date is None or not record.date.is_complete:
            return
        day = record.date.earliest()
        ordinal = shared_day(day.toordinal())
        refdata, body_number = self._refdata, self._ids.find(record.body)
        for index, entry in enumerate(record.attendance):
            if not entry.party or entry.status not in _PARTY_STATUSES:
                continue
            lineage = party_lineage(refdata, entry.party, day) or entry.party
            pair = self._key(entry.person, body_number)
            if pair is None:
                person, body = shared(entry.person), shared(record.body)
                party = shared(entry.party)
                self._open.append((person, body, ordinal, shared(lineage), party, ref, index))
                continue
            found = self._check(pair, ordinal, lineage)
            if found is not None:
                message = _party_message(entry.person, record.body, entry.party, found)
                yield Issue(message=message, path=("attendance", index, "party"), node=entry)

    def finish(self) -> Iterator[Issue]:
        for person, body, day, lineage, written, ref, index in self._open:
            key = self._key(person, self._ids.find(body))
            found = self._check(key, day, lineage) if key is not None else None
            if found is not None:
                message = _party_message(person, body, written, found)
                yield Issue(message=message, path=("attendance", index, "party"), at=ref)


def _party_message(person: str, body: str, written: str, party: str) -> str:
    return (
        f"{person} is listed for {written} at the meeting, but their membership of {body} "
        f"is for {party}"
    )


class _MeetingPartyColumns:
    """MEM002 over columns: memberships with a party and attendance entries with a
    party are rows; at the end, a join on (person, body) with a range filter on the
    day finds the entries whose valid memberships are all of another party. As in
    the plain rule, an entry whose person already had a membership of the body met
    before the meeting is judged by those (and reported at the meeting); the others
    by all of them, at the end."""

    def __init__(self, ctx: RuleContext):
        self._refdata = ctx.refdata
        self._memberships = Columns(
            seq="int32",
            person="text",
            body="text",
            start="int32",
            end="int32",
            lineage="int32",
            party="int32",
        )
        self._meetings = Columns(seq="int32", body="text", day="int32")
        self._entries = Columns(
            seq="int32", person="text", lineage="int16", written="int16", index="int16"
        )
        self._lines = Columns(entry="int32", line="int32")
        self._known: dict[tuple[str, dt.date], tuple[int, int]] = {}
        """Party as written and day → the interned (lineage, party)."""
        """The source lines of the entries that have one (imported documents)."""
        self._count = 0
        self._parties = Interned()

    def collect(self, record: Record, seq: int) -> None:
        parties = self._parties
        if isinstance(record, Membership):
            if record.party:
                start, end = span(record)
                lineage = party_lineage(self._refdata, record.party, None) or record.party
                for values, value in zip(
                    self._memberships.lists,
                    (
                        seq,
                        record.person,
                        record.body,
                        start,
                        end,
                        parties(lineage),
                        parties(record.party),
                    ),
                    strict=True,
                ):
                    values.append(value)
                self._memberships.added()
            return
        if not isinstance(record, Meeting) or record.date is None or not record.date.is_complete:
            return
        day = record.date.earliest()
        count, known = self._count, self._known
        seqs, persons, lineages, written, indexes = self._entries.lists
        for index, entry in enumerate(record.attendance):
            if not entry.party or entry.status not in _PARTY_STATUSES:
                continue
            party = known.get((entry.party, day))
            if party is None:
                party = known[entry.party, day] = self._party(entry.party, day)
            seqs.append(seq)
            persons.append(entry.person)
            lineages.append(party[0])
            written.append(party[1])
            indexes.append(index)
            if entry.source is not None:
                self._lines.lists[0].append(count)
                self._lines.lists[1].append(entry.source.line)
                self._lines.added()
            count += 1
        if count > self._count:
            self._count = count
            for values, value in zip(
                self._meetings.lists, (seq, record.body, day.toordinal()), strict=True
            ):
                values.append(value)
            self._meetings.added()
            self._entries.added()

    def _party(self, party: str, day: dt.date) -> tuple[int, int]:
        lineage = party_lineage(self._refdata, party, day) or party
        return self._parties(lineage), self._parties(party)

    def tables(self) -> dict[str, Any]:
        return {
            "memberships": self._memberships.table(),
            "meetings": self._meetings.table(),
            "entries": self._entries.table(),
            "lines": self._lines.table(),
        }

    def finish(self, records: RecordTable, tables: dict[str, Any]) -> Iterator[Placed]:
        import pyarrow as pa
        import pyarrow.compute as pc

        members, meetings = tables["memberships"], tables["meetings"]
        entries = _entries_with_meetings(tables["entries"], meetings)
        keys = Keys(
            records, [members["person"], members["body"], entries["person"], entries["body"]]
        )
        groups, pairs = Groups(keys.pairs(0, 1)), keys.pairs(2, 3)
        seqs, days, lineages = entries["seq"], entries["day"], entries["lineage"]
        # Judged at the meeting (placed) when the pair had a membership met before it.
        placed = pc.fill_null(pc.less(pc.take(members["seq"], groups.nth(pairs, 0)), seqs), False)
        matched = pa.nulls(len(seqs), pa.bool_()).fill_null(False)
        first_valid = pa.nulls(len(seqs), pa.int64())
        for n in range(groups.widest):  # the n-th membership of each entry's pair
            row = groups.nth(pairs, n)
            valid = pc.and_(
                pc.and_(
                    pc.less_equal(pc.take(members["start"], row), days),
                    pc.less_equal(days, pc.take(members["end"], row)),
                ),
                pc.or_(pc.invert(placed), pc.less(pc.take(members["seq"], row), seqs)),
            )
            valid = pc.fill_null(valid, False)
            same = pc.fill_null(pc.equal(pc.take(members["lineage"], row), lineages), False)
            matched = pc.or_(matched, pc.and_(valid, same))
            first_valid = pc.if_else(pc.and_(valid, pc.is_null(first_valid)), row, first_valid)
        failing = pc.and_(pc.invert(matched), pc.is_valid(first_valid))
        rows = pc.filter(pa.array(range(len(seqs)), pa.int64()), failing)
        parties = pc.take(members["party"], pc.filter(first_valid, failing)).to_pylist()
        judged = pc.filter(placed, failing).to_pylist()
        lines = tables["lines"]
        source = dict(zip(lines["entry"].to_pylist(), lines["line"].to_pylist(), strict=True))
        for index, row, at_meeting, party in zip(
            rows.to_pylist(), entries.take(rows).to_pylist(), judged, parties, strict=True
        ):
            row["line"] = source.get(index)
            yield self._explain(row, at_meeting, self._parties.values[party], records)

    def _explain(
        self, row: dict[str, Any], placed: bool, party: str, records: RecordTable
    ) -> Placed:
        written = self._parties.values[row["written"]]
        message = _party_message(row["person"], row["body"], written, party)
        path = ("attendance", row["index"], "party")
        at = records.ref(row["seq"])
        if placed:
            node = SourceLine(row["line"]) if row["line"] is not None else None
            return Placed(row["seq"], Issue(message=message, path=path, node=node, at=at))
        return Placed(None, Issue(message=message, path=path, at=at))


def _entries_with_meetings(entries: Any, meetings: Any) -> Any:
    """The attendance entries with their meeting's body and day (kept once a meeting)."""
    import pyarrow.compute as pc

    meeting = pc.index_in(entries["seq"], value_set=meetings["seq"].combine_chunks())
    return entries.append_column("body", pc.take(meetings["body"], meeting)).append_column(
        "day", pc.take(meetings["day"], meeting)
    )


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
        make_column_rule=_OverlapColumns,
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
        make_column_rule=_MeetingPartyColumns,
        example=_MEMBERSHIP.format(id="m1", role="ledamot", party="D")
        + "---\ntype: meeting\nid: sg-2019-11-07\nbody: gr-styrgruppen-social-valfard\n"
        'date: "2019-11-07"\nattendance:\n'
        "  - {person: mariette-risberg, status: present, party: SD}\n",
    ),
]
