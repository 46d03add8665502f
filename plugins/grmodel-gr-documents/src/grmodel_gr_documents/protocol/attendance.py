"""Attendance: the header's attendance segments into attendance entries, persons and
memberships.

A heading's meaning (``data/vocabulary.tsv``) gives the status of the entries
under it; a top heading ("Närvarande", "Ej närvarande") colours the headings under
it ("Ledamöter", "Ersättare"). An ersättare marked "tjänstgörande" serves; in a
tabular närvarolista only entries with a presence mark are present.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs

from grmodel.ids import membership_id
from grmodel.model import Attendance, AttendanceStatus, Membership, Role, Segment, Span
from grmodel_gr_documents.building import Builder
from grmodel_gr_documents.columns import column_rows, side_by_side
from grmodel_gr_documents.entries import ParsedEntry, parse_run
from grmodel_gr_documents.names import OCCUPATION, Entry
from grmodel_gr_documents.protocol.prose import stated_attendance
from grmodel_gr_documents.protocol.replacements import Replacements, replacement_columns
from grmodel_gr_documents.protocol.stacked import Stack, split_stack
from grmodel_gr_documents.protocol.stacked import pointer as pointer_at
from grmodel_gr_documents.segments import TextSegment
from grmodel_gr_documents.stream import Stream

__all__ = ["AttendanceReader", "status_of"]

_STATUS: dict[str, tuple[AttendanceStatus, Role | None]] = {
    "present": (AttendanceStatus.PRESENT, Role.LEDAMOT),
    "absent": (AttendanceStatus.ABSENT, Role.LEDAMOT),
    "all-but": (AttendanceStatus.ABSENT, Role.LEDAMOT),
    "serving": (AttendanceStatus.SERVING_SUBSTITUTE, Role.ERSATTARE),
    "other-subs": (AttendanceStatus.SUBSTITUTE, Role.ERSATTARE),
    "adjungerade": (AttendanceStatus.ADJUNGERAD, None),
    "secretary": (AttendanceStatus.SECRETARY, None),
    "others": (AttendanceStatus.OTHER, None),
}
_STRENGTH = {
    AttendanceStatus.PRESENT: 5,
    AttendanceStatus.SERVING_SUBSTITUTE: 5,
    AttendanceStatus.ABSENT: 4,
    AttendanceStatus.SUBSTITUTE: 3,
    AttendanceStatus.ADJUNGERAD: 3,
    AttendanceStatus.SECRETARY: 2,
    AttendanceStatus.OTHER: 1,
}


def status_of(meaning: str, top: str | None) -> tuple[AttendanceStatus, Role | None]:
    """The status a heading gives, under a top heading."""
    absent = top == "absent-top"
    if meaning in ("members", "present-top", "absent-top", "table"):
        return (AttendanceStatus.ABSENT if absent else AttendanceStatus.PRESENT), Role.LEDAMOT
    if meaning == "substitutes":
        return (AttendanceStatus.ABSENT if absent else AttendanceStatus.SUBSTITUTE), Role.ERSATTARE
    if absent and meaning in ("present", "serving", "other-subs"):
        return AttendanceStatus.ABSENT, _STATUS[meaning][1]
    return _STATUS.get(meaning, (AttendanceStatus.OTHER, None))


@attrs.define
class AttendanceReader:
    """Reads attendance segments into records (through the builder)."""

    b: Builder
    stream: Stream
    body: str = "okant-organ"
    attendance: list[Attendance] = attrs.field(factory=list)
    memberships: list[Membership] = attrs.field(factory=list)
    chair: str | None = None
    secretary: str | None = None
    excluded: dict[int, tuple[int, ...]] = attrs.field(factory=dict)
    empty: list[Segment] = attrs.field(factory=list)
    """Attendance headings under which no entry was read."""
    elsewhere: str | None = None
    """The pointer under the decision-makers' heading to a list kept elsewhere."""
    unread_voters: str | None = None
    """A decision-makers' heading under which no entry was read."""
    implicit: str | None = None
    """A heading that names only the ledamöter not present ("Samtliga ledamöter
    utom"): those present are not named."""
    participants: AttendanceStatus = AttendanceStatus.OTHER
    """The status a "Deltagare" heading gives: in minnesanteckningar its names are
    the meeting's, in a protocol the others present."""
    shared: set[int] = attrs.field(factory=set)
    marked_table: bool = False
    """A run's entries carried presence marks: the lists are a table's columns."""
    """Indexes of entries whose status a stack's run shared out by shape (a guess)."""

    def read(self, segments: list[TextSegment], stacks: Sequence[Stack] = ()) -> list[ParsedEntry]:
        """Read every attendance segment in order; headings side by side on one line
        are read as columns (:mod:`~grmodel_gr_documents.columns`); stacked headings
        (:mod:`~grmodel_gr_documents.protocol.stacked`) share out their one run.
        Returns the justerare a stack's run names at its end."""
        top: str | None = None
        table = False
        stacked = {h.start for stack in stacks for h in stack.headings}
        justerare = [entry for stack in stacks for entry in self.stacked(stack, segments)]
        attendance = [s for s in segments if s.cue == "attendance" and s.start not in stacked]
        self.headless(segments, attendance)
        index = 0
        while index < len(attendance):
            group = side_by_side(self.stream, attendance, index)
            if len(group) >= 2:
                self.columns(group, top)
                index += len(group)
                continue
            segment = attendance[index]
            index += 1
            if segment.meaning in ("present-top", "absent-top"):
                top = segment.meaning
            if segment.meaning == "table":
                table = True
            status, role = status_of(segment.meaning, top)
            if segment.meaning == "participants":
                status, role = self.participants, None
            self.run(segment, status, role, table)
            if segment.meaning == "all-but":
                self.implicit = self.implicit or segment.head.strip()
        return justerare

    def headless(self, segments: list[TextSegment], attendance: list[TextSegment]) -> None:
        """A leading list whose heading was lost: lines of three or more "Name (P)"
        entries and nothing else just before the first heading (after the title and
        the header's labels, if any, or as the last label's whole value), when no
        heading heads the ledamöter present (a fragment cut into its cover keeps the
        decision-makers, not their heading)."""
        if not attendance:
            return
        before = segments[: segments.index(attendance[0])]
        if any(s.cue not in ("title", "label") for s in before):
            return
        if any(status_of(s.meaning, None)[0] is AttendanceStatus.PRESENT for s in attendance):
            return
        end = attendance[0].start
        starts = [s for s in self.stream.starts if s < end][-_HEADLESS_LINES:]
        # or the value of the label before the heading, its own value lost ("Omfattning
        # Anna Ek (S), …" where the §§ were): a run that is entries to the end only
        starts += [before[-1].value_start] if before and before[-1].cue == "label" else []
        for start in starts:
            text = self.stream.text[start:end]
            entries, stop = parse_run(text, self.b.refdata)
            if (
                stop is None
                and len(entries) >= _HEADLESS_LEAST
                and all(e.party for e in entries)
                and not text[: entries[0].start].strip()
            ):
                for entry in entries:
                    where = self.stream.lines_between(start + entry.start, start + entry.end)
                    self.add(entry, where, *_HEADLESS)
                return

    def stacked(self, stack: Stack, segments: list[TextSegment]) -> list[ParsedEntry]:
        """The entries of stacked headings, each under the heading its shape says;
        returns the justerare the run names at its end."""
        carrier = stack.carrier
        implicit = next((h for h in stack.headings if h.meaning == "all-but"), None)
        if implicit is not None:
            self.implicit = self.implicit or implicit.head.strip()
        self.b.tracker.place_all(
            self.stream.lines_between(stack.headings[0].start, carrier.value_start + 1)
        )
        earlier = [
            s
            for s in segments
            if s.cue == "attendance" and s.start < stack.headings[0].start and s.value.strip()
        ]
        named = frozenset(
            e.name
            for s in earlier
            if status_of(s.meaning, None)[0] in _VOTING
            for e in parse_run(s.value, self.b.refdata)[0]
        )
        placed, justerare = split_stack(stack, self.b.refdata, named)
        for meaning, entry in placed:
            status, role = status_of(meaning, None)
            where = self.stream.lines_between(
                carrier.value_start + entry.start, carrier.value_start + entry.end
            )
            before = len(self.attendance)
            self.add(entry, where, status, role)
            self.shared.update(range(before, len(self.attendance)))
        return justerare

    def columns(self, group: list[TextSegment], top: str | None) -> None:
        """Entries under side-by-side headings, by column."""
        self.b.tracker.place_all(
            self.stream.lines_between(group[0].start, group[-1].value_start + 1)
        )
        for line, column, text in column_rows(self.b, self.stream, group):
            status, role = status_of(group[column].meaning, top)
            entries, _ = parse_run(text, self.b.refdata)
            for entry in entries:
                self.add(entry, [line], status, role)

    def run(
        self, segment: TextSegment, status: AttendanceStatus, role: Role | None, table: bool
    ) -> None:
        if status is AttendanceStatus.SERVING_SUBSTITUTE:
            columns = replacement_columns(segment.value, self.b.refdata)
            if columns is not None:
                self.replacements(segment, columns)
                return
        entries, _ = parse_run(segment.value, self.b.refdata)
        lines = self.stream.lines_between(segment.start, segment.value_start + 1)
        self.b.tracker.place_all(lines)
        pointer = pointer_at(segment.value) if status is AttendanceStatus.PRESENT else None
        self.elsewhere = self.elsewhere or pointer
        if (
            not entries
            and segment.value.strip()
            and segment.meaning not in ("present-top", "absent-top")
        ):
            self.empty.append(
                Segment(
                    span=Span(lines[0]) if lines else Span(1),
                    text=segment.head.strip(),
                    reason="attendance heading without entries",
                )
            )
            if status in _VOTING and not pointer:
                self.unread_voters = self.unread_voters or segment.head.strip()
        # entries with presence marks ("Anna Ek (C)X"): the run is a table's column,
        # and so are the runs after it; an entry without one was not there
        self.marked_table = self.marked_table or sum(e.marked for e in entries) >= 2
        table = table or self.marked_table
        # a närvarolista's own run: its marks say who was there, if it has marks
        marked_list = table if segment.meaning in _MARKED_LISTS else segment.meaning == "table"
        mixed = status is AttendanceStatus.PRESENT and any(
            e.party or e.municipality for e in entries
        )
        for entry in entries:
            if marked_list and self.marked_table and not entry.marked:
                continue
            where = self.stream.lines_between(
                segment.value_start + entry.start, segment.value_start + entry.end
            )
            staff = segment.meaning == "participants" and not (entry.party or entry.municipality)
            if staff or (
                _official(entry) and (pointer or status in _UNSEATED or (mixed and _titled(entry)))
            ):
                # the host's staff among the delegates ("Per Holm, GR, sekreterare"), an
                # official after the ersättare ("samt sekreterare Per Holm, …") or among
                # the members present ("Förbundsdirektör Helena Sörby")
                self.add(entry, where, AttendanceStatus.OTHER, None)
                continue
            self.add(entry, where, status, role)

    def replacements(self, segment: TextSegment, columns: Replacements) -> None:
        """The ledamöter absent and the ersättare serving for them, a run's two columns
        (:mod:`~grmodel_gr_documents.protocol.replacements`)."""
        self.b.tracker.place_all(self.stream.lines_between(segment.start, segment.value_start + 1))
        for entries, status, role in (
            (columns.absent, AttendanceStatus.ABSENT, Role.LEDAMOT),
            (columns.serving, AttendanceStatus.SERVING_SUBSTITUTE, Role.ERSATTARE),
        ):
            for entry in entries:
                where = self.stream.lines_between(
                    segment.value_start + entry.start, segment.value_start + entry.end
                )
                self.add(entry, where, status, role)

    def stated(self, start: int = 0) -> None:
        """Attendance the text from ``start`` states in sentences
        (:mod:`~grmodel_gr_documents.protocol.prose`): a person not yet listed gets
        the status the sentence gives; a list read under its heading wins, a status
        a stack's run shared out by shape does not."""
        listed = {a.person: index for index, a in enumerate(self.attendance)}
        for stated in stated_attendance(self.stream.text[start:]):
            status, role = status_of(stated.meaning, None)
            offset = start + stated.start
            if stated.meaning == "all-but":
                self.implicit = self.implicit or "… ledamöter utom"
            names = stated.names
            if stated.meaning == "serving":  # "Sten Ek för Anna Berg": who replaces whom
                names = re.sub(r"(?<=[\w)]) för (?=[A-ZÅÄÖ])", " tjg för ", names)
            for entry in parse_run(names, self.b.refdata)[0]:
                where = self.stream.lines_between(offset + entry.start, offset + entry.end)
                person = self.b.person(entry.name, where[0] if where else 1)
                index = listed.get(person)
                if index is None:
                    self.add(entry, where, status, role)
                elif index in self.shared:
                    self.attendance[index] = attrs.evolve(self.attendance[index], status=status)

    def add(
        self, entry: ParsedEntry, lines: list[int], status: AttendanceStatus, role: Role | None
    ) -> None:
        b = self.b
        line, last = (lines[0], lines[-1]) if lines else (1, 1)
        if (
            entry.serving
            and role in (Role.ERSATTARE, Role.LEDAMOT)
            and status
            in (
                AttendanceStatus.PRESENT,
                AttendanceStatus.SUBSTITUTE,
            )
        ):
            status, role = AttendanceStatus.SERVING_SUBSTITUTE, Role.ERSATTARE
        if entry.serving and entry.replaces and status is AttendanceStatus.OTHER:
            # "… Nilsson Karin (C), tjänstgörande för Eva Ek (C)" under the others' heading
            status, role = AttendanceStatus.SERVING_SUBSTITUTE, Role.ERSATTARE
        if entry.absent and status in _VOTING:
            status = AttendanceStatus.ABSENT  # "Per Lind (s) ej närvarande" in the list
        person = b.person(entry.name, line, _as_entry(entry))
        b.tracker.place_all(lines)
        if self.conflicts(person, status, entry):
            b.note("attendance-conflict", line, entry.name)
            return
        if self.known(person, status):
            return
        if (
            entry.role is Role.ORDFORANDE
            and self.chair is None
            and status is not AttendanceStatus.ABSENT
        ):
            self.chair = person
        if (
            status is AttendanceStatus.SECRETARY or entry.role is Role.SEKRETERARE
        ) and self.secretary is None:
            self.secretary = person
        if entry.excluded:
            self.excluded[len(self.attendance)] = tuple(entry.excluded)
        self.attendance.append(
            Attendance(
                person=person,
                status=status,
                role=entry.role,
                party=entry.party,
                municipality=entry.municipality,
                organisation=entry.organisation,
                title=entry.title,
                paragraphs=tuple(dict.fromkeys(entry.paragraphs)),
                replaces=self.replaced(entry.replaces, line) if entry.replaces else None,
                source=Span(line, last if last != line else None),
            )
        )
        self.membership(person, entry, role, line, last)

    def unread(self) -> str | None:
        """Why the attendance read is known to be incomplete: a decision-makers'
        heading with no entry read under it, or entries but no one with a vote."""
        if self.elsewhere:
            return None
        if self.implicit:
            return f"the ledamöter present are not named ({self.implicit!r} names the others)"
        if self.unread_voters:
            return f"no entry read under {self.unread_voters!r}"
        if self.attendance and not any(a.status in _VOTING for a in self.attendance):
            return "no decision-maker read among the attendance"
        return None

    def conflicts(self, person: str, status: AttendanceStatus, entry: ParsedEntry) -> bool:
        """Whether ``person``, read before as taking part (or absent) for the whole
        meeting, is now read as absent (or taking part): a flattened cover's reading
        against itself ("Justerande Ej närvarande Anna Ek …")."""
        side = _side(status)
        if entry.paragraphs or side is None:
            return False
        return any(
            a.person == person and not a.paragraphs and _side(a.status) not in (None, side)
            for a in self.attendance
        )

    def known(self, person: str, status: AttendanceStatus) -> bool:
        """True when the person is already in the attendance (a page shown twice, a
        ledamot named again among the guests): the stronger status stays."""
        for index, present in enumerate(self.attendance):
            if present.person != person:
                continue
            if present.status == status:
                return True
            if _STRENGTH[present.status] >= 4 and _STRENGTH[status] <= 2:
                return True
            if _STRENGTH[status] >= 4 and present.status is AttendanceStatus.OTHER:
                self.attendance[index] = attrs.evolve(present, status=status)
                return True
        return False

    def membership(
        self, person: str, entry: ParsedEntry, role: Role | None, line: int, last: int
    ) -> None:
        if role not in (Role.LEDAMOT, Role.ERSATTARE) or not (entry.party or entry.municipality):
            return
        seat = entry.role if entry.role in (Role.ORDFORANDE, Role.VICE_ORDFORANDE) else role
        self.memberships.append(
            Membership(
                id=membership_id(self.body, person),
                person=person,
                body=self.body,
                role=seat,
                party=entry.party,
                municipality=entry.municipality,
                provenance=self.b.prov(line, last),
            )
        )

    def replaced(self, name: str, line: int) -> str:
        """Id of the ledamot a serving ersättare replaces: a person already named
        whose full name or family name it is, else a new person."""
        name = re.sub(r"\s+", " ", name).strip(" ,.;")
        folded = name.casefold()
        for pid, person in self.b.persons.items():
            if person.name.casefold() == folded:
                return pid
        if len(name.split()) == 1:
            matches = [
                pid
                for pid, person in self.b.persons.items()
                if (person.family_name or "").casefold() == folded
            ]
            if len(matches) == 1:
                return matches[0]
        return self.b.person(name, line)


_HEADLESS_LEAST = 3
_HEADLESS_LINES = 8
"""How many lines before the first heading a headless list is looked for in."""
_HEADLESS = (AttendanceStatus.PRESENT, Role.LEDAMOT)


def _as_entry(entry: ParsedEntry) -> Entry:
    return Entry(name=entry.name, title=entry.title, organisation=entry.organisation)


def _side(status: AttendanceStatus) -> str | None:
    """Taking part (with a vote), absent, or neither."""
    if status in _VOTING:
        return "present"
    return "absent" if status is AttendanceStatus.ABSENT else None


_MARKED_LISTS = ("members", "substitutes", "present", "present-top", "other-subs")
"""Headings whose entries a presence mark tells present or not."""
_VOTING = (AttendanceStatus.PRESENT, AttendanceStatus.SERVING_SUBSTITUTE)
_UNSEATED = (AttendanceStatus.SUBSTITUTE,)
"""Under an ersättare heading, officials run on after the list ("samt sekreterare …")."""


def _official(entry: ParsedEntry) -> bool:
    """An entry with an occupation and neither party nor municipality."""
    title = (entry.title or "").casefold()
    return (
        bool(title)
        and not title.startswith("ersättare")
        and not (entry.party or entry.municipality or entry.serving)
    )


def _titled(entry: ParsedEntry) -> bool:
    """An entry whose title holds an occupation ("förvaltningschef", "Förbundsdirektör")."""
    return any(OCCUPATION.match(word) for word in (entry.title or "").split())
