"""The protocol assembler: segments into a meeting with everything it states."""

from __future__ import annotations

import re
from collections.abc import Callable

import attrs

from grmodel.ids import agenda_item_id, document_id, meeting_id, slug
from grmodel.importing.base import ImportResult
from grmodel.model import (
    AgendaItem,
    AttendanceStatus,
    Diarienummer,
    DocumentKind,
    Justering,
    Meeting,
    MeetingStatus,
    PartialDate,
    Reservation,
    Span,
)
from grmodel_gr_documents.building import Builder
from grmodel_gr_documents.dates import find_dates
from grmodel_gr_documents.decisions import reservations
from grmodel_gr_documents.entries import parse_run
from grmodel_gr_documents.lines import Paragraph
from grmodel_gr_documents.protocol.attendance import AttendanceReader
from grmodel_gr_documents.protocol.body import ItemReader
from grmodel_gr_documents.protocol.closing import ClosingReader
from grmodel_gr_documents.protocol.front import front_segments
from grmodel_gr_documents.protocol.header import Header, read_header
from grmodel_gr_documents.protocol.planned import SCHEDULE, planned_meetings
from grmodel_gr_documents.protocol.stacked import find_stacks
from grmodel_gr_documents.protocol.units import region_units
from grmodel_gr_documents.segments import (
    ItemStart,
    TextSegment,
    find_item_starts,
    listed_items,
    segment,
)
from grmodel_gr_documents.stream import Stream
from grmodel_gr_documents.titles import item_heading, split_diarienummer
from grmodel_gr_documents.toc import toc_entries
from grmodel_gr_documents.vocabulary import load_vocabulary

__all__ = ["Assembler"]

_SENTENCE = re.compile(r"\w[.!?](?:\s+[A-ZÅÄÖ]|\s*$)")
"""A sentence end in a line: a one-line item holding one runs its text on after the title."""

FRONT_CUES = ("label", "attendance", "justerare", "closing", "toc")
"""What the region before the first item is cut at."""


class Assembler:
    """Builds one protocol's records from its stream."""

    def __init__(self, b: Builder, kind: DocumentKind = DocumentKind.PROTOKOLL):
        self.b = b
        self.kind = kind
        self.stream = Stream(b, bullets=True)
        self.vocabulary = load_vocabulary()
        self.planned: list[Meeting] = []
        self.planned_ids: set[str] = set()
        self.closing = ClosingReader(b, self.stream)
        self.mid = ""
        self.header = Header()
        self.toc_end = 0
        """Where the table of contents' last entry ends (its line's end) in the stream."""

    # -- the regions ----------------------------------------------------------------------

    def toc(self) -> list[tuple[int, str, int]]:
        """A table of contents: (number, title, stream offset); a meeting page's list
        of its items before its paragraphs is one."""
        hits = [
            hit
            for hit in self.vocabulary.find(self.stream.text, ["toc"])
            if hit.phrase.meaning != "contents" or _ENTRY_NEXT.match(self.stream.text, hit.end)
        ]
        if not hits:
            return listed_items(self.stream)
        stream = self.stream
        end = _next_page(stream, hits[0].start)
        # the fragment ends in the table: no text after it, nor a line's end
        cut = not stream.text[end:].strip() and not self.b.text.endswith("\n")
        entries = toc_entries(stream.text[hits[0].end : end], cut)
        if entries:  # read, its entries the items' titles (a line it shares keeps its own)
            lines = stream.lines_between(hits[0].start, end)
            self.b.tracker.place_all(lines if stream.line_start(hits[0].start) else lines[1:])
            self.toc_end = _entries_end(stream.text, hits[0].end, end, entries)
        return [(n, title, hits[0].start) for n, title in entries]

    def items_and_front(
        self, toc: list[tuple[int, str, int]]
    ) -> tuple[list[ItemStart], list[TextSegment]]:
        expected = {n: title for n, title, _ in toc}
        start = 0
        if toc:  # the items after the table of contents (none where it ends the fragment)
            toc_line = self.stream.text.find("\n", toc[0][2])
            start = toc_line if toc_line >= 0 else len(self.stream.text)
            start = max(start, self.toc_end)  # its entries' own "§ 12 …" lines are no items
        starts = find_item_starts(self.stream, start, expected)
        front_end = starts[0].start if starts else len(self.stream.text)
        front = front_segments(segment(self.stream, self.vocabulary, FRONT_CUES, 0, front_end))
        return starts, front

    def closing_start(self, after: int) -> int | None:
        """The closing block after the last item: a closing marker at a line's start."""
        for hit in self.vocabulary.find(self.stream.text, ["closing"], after):
            if self.stream.line_start(hit.start):
                return hit.start
        return None

    # -- the pieces --------------------------------------------------------------------------

    def reservations(self, text: str, lines: tuple[int, ...]) -> list[Reservation]:
        out = []
        for r in reservations(text):
            head = r.sentence[:25]
            line = next((n for n in lines if head in self.b.tracker.text(n)), lines[0])
            for entry in parse_run(r.who, self.b.refdata)[0]:
                out.append(
                    Reservation(
                        person=self.b.person(entry.name, line, None),
                        party=entry.party,
                        municipality=entry.municipality,
                        reason=r.reason,
                        source=Span(line),
                    )
                )
        return out

    def schedule(self, title: str) -> Callable[[str, tuple[int, ...]], bool] | None:
        if not SCHEDULE.search(title):
            return None
        m = re.search(r"\b(19|20)\d{2}\b", title)
        year = int(m[0]) if m else None

        def read(text: str, lines: tuple[int, ...]) -> bool:
            if len(text) > 200 or not find_dates(text, year or self.b.year):
                return False
            found = planned_meetings(
                self.b,
                text,
                lines,
                body=self.header.body,
                body_name=self.header.body_name,
                announced_in=self.mid,
                year=year,
                known=self.planned_ids,
                after=self.header.date,
            )
            self.planned.extend(found)
            return True

        return read

    def item(
        self, ordinal: int, start: ItemStart, end: int, numbered: dict[int, str]
    ) -> AgendaItem:
        text = self.stream.text[start.end : end]
        listed = numbered.get(start.value, "")
        first_line = text.split("\n", 1)[0]
        whole = len(first_line.rstrip()) == len(text.rstrip())  # the item is one line
        run_on = (
            not self.stream.line_start(start.start)
            or (whole and end < len(self.stream.text) and not self.stream.line_start(end))
            or (whole and _SENTENCE.search(first_line) is not None)
        )
        dnr, rest = split_diarienummer(text.lstrip())
        skipped = len(text) - len(rest)  # a diarienummer before the title
        title_text, body_at = item_heading(rest, run_on=run_on)
        if listed and rest.casefold().startswith(listed.casefold()) and run_on:
            # the title the table of contents gives, where the heading runs on
            title_text, body_at = rest[: len(listed)], len(listed)
        body_at += skipped
        title = re.sub(r"\s+", " ", title_text).strip(" .")
        heading_lines = self.stream.lines_between(start.start, start.end + max(body_at, 1))
        self.b.tracker.place_all(heading_lines)
        paragraph = start.value if start.paragraph or start.value in numbered else None
        iid = agenda_item_id(self.mid, paragraph=paragraph, ordinal=ordinal)
        reader = ItemReader(
            self.b,
            iid,
            names_in=self.closing.names_in,
            reservations_of=self.reservations,
            justerare=self.closing.justerare_from,
            schedule=self.schedule(title),
        )
        units = region_units(self.b, self.stream, start.end + body_at, end)
        body = reader.read(units)
        lines = self.stream.lines_between(start.start, end)
        first, last = lines[0], lines[-1]
        return AgendaItem(
            id=iid,
            ordinal=ordinal,
            title=title,
            number=start.number,
            paragraph=paragraph,
            diarienummer=Diarienummer(dnr) if dnr else None,
            presenters=tuple(body.presenters),
            text="\n\n".join(body.texts) or None,
            decisions=tuple(body.decisions),
            basis=tuple(dict.fromkeys(body.basis)),
            source=Span(first, last if last != first else None),
        )

    def toc_items(
        self, toc: list[tuple[int, str, int]], found: set[int], ordinal: int
    ) -> list[AgendaItem]:
        """Items a table of contents lists that the text of the fragment does not reach."""
        out = []
        for number, title, offset in toc:
            if number in found:
                continue
            line = self.stream.line_at(offset)
            self.b.tracker.place(line)
            ordinal += 1
            out.append(
                AgendaItem(
                    id=agenda_item_id(self.mid, paragraph=number, ordinal=ordinal),
                    ordinal=ordinal,
                    title=title,
                    number=str(number),
                    paragraph=number,
                    source=Span(line),
                )
            )
        return out

    # -- the front ----------------------------------------------------------------------------

    def front(self, front: list[TextSegment], attendance: AttendanceReader) -> None:
        stacks = find_stacks(front)
        named = attendance.read(front, stacks)
        stacked = {h.start for stack in stacks for h in stack.headings}
        if named:
            line = self.stream.line_at(stacks[0].carrier.value_start + named[0].start)
            self.closing.add_justerare([e.name for e in named], line)
        for index, seg in enumerate(front):
            following = front[index + 1] if index + 1 < len(front) else None
            if seg.cue == "justerare" and seg.start in stacked:
                continue  # a stack's heading: its run's justerare are read above
            if seg.cue == "justerare" and seg.meaning == "reserve":
                lines = self.stream.lines_between(seg.start, seg.value_start + len(seg.value))
                self.b.tracker.place_all(lines)  # the reserve is no justerare
            elif seg.cue == "justerare":
                self.closing.justerare_segment(seg, following)
            elif seg.cue == "closing":
                self.closing.signatures(seg)
                self.b.tracker.place_all(self.stream.lines_between(seg.start, seg.value_start + 1))
            elif seg.cue == "label" and seg.meaning == "justering-time":
                line = self.stream.line_at(seg.value_start)
                self.closing.justering_label(seg.value.split("\n", 1)[0], line)
            elif seg.cue == "label" and seg.meaning == "posted":
                self.b.tracker.place_all(self.stream.lines_between(seg.start, seg.value_start + 1))

    # -- the whole ------------------------------------------------------------------------------

    def run(self, part_of: str | None = None) -> ImportResult:
        b = self.b
        word = str(self.kind)
        if not b.tracker.content():
            b.doc_id = word
            return b.finish(kind=self.kind, part_of=part_of)
        toc = self.toc()
        starts, front = self.items_and_front(toc)
        self.header = header = read_header(b, self.stream, front, b.text)
        b.tracker.place_all(header.lines)
        date = header.date or (PartialDate(b.year) if b.year else None)
        first = b.tracker.content()[0]
        if header.date is None or header.date_source == "site title":
            b.note(
                "date-outside-header",
                header.date_line or first,
                str(date or header.stated_date or "no date"),
            )
        # no year stated nor known: the meeting is kept, undated, named by its source
        self.mid = meeting_id(header.body, str(date) if date else slug(b.source.path.stem)[:40])
        b.doc_id = document_id(meeting=self.mid, kind=word)
        attendance = AttendanceReader(b, self.stream, body=header.body)
        if self.kind is DocumentKind.MINNESANTECKNINGAR:
            attendance.participants = AttendanceStatus.PRESENT
        self.front(front, attendance)
        attendance.stated()
        closing_at = self.closing_start(starts[-1].end if starts else len(self.stream.text))
        end_all = closing_at if closing_at is not None else len(self.stream.text)
        numbered = {n: title for n, title, _ in toc}
        numbered.update({n: "" for n in (header.stated or ()) if n not in numbered})
        items = [
            self.item(i + 1, s, starts[i + 1].start if i + 1 < len(starts) else end_all, numbered)
            for i, s in enumerate(starts)
        ]
        items += self.toc_items(toc, {i.paragraph or -1 for i in items}, len(items))
        self.quality(attendance, items, first)
        if closing_at is not None:
            region = region_units(b, self.stream, closing_at, len(self.stream.text))
            self.closing.block([(n, t) for unit in region for n, t in _lines_of(unit, b)])
        if self.closing.justerare_line is None:  # no heading named them: any sentence may
            whole = region_units(b, self.stream, 0, len(self.stream.text))
            self.closing.scan([(unit.text, unit.lines[0]) for unit in whole])
        _exclude(attendance, items)
        return self.finish(date, header, attendance, items, part_of)

    def quality(self, attendance: AttendanceReader, items: list[AgendaItem], first: int) -> None:
        """Note what was not read well."""
        for empty in attendance.empty:
            self.b.note("empty-attendance-heading", empty.span.line, empty.text)
        if not attendance.attendance:
            self.b.note("no-attendance", first, "no attendance heading with entries")
        if not items:
            self.b.note("no-items", first, "no numbered item")

    def finish(
        self,
        date: PartialDate | None,
        header: Header,
        attendance: AttendanceReader,
        items: list[AgendaItem],
        part_of: str | None,
    ) -> ImportResult:
        b, closing = self.b, self.closing
        justering = None
        if closing.justerare or closing.signatories or closing.date:
            line = closing.justerare_line or closing.block_line or closing.date_line
            justering = Justering(
                justerare=tuple(closing.justerare),
                date=closing.date,
                place=closing.place,
                signatories=tuple(dict.fromkeys(closing.signatories)),
                source=Span(line) if line else None,
            )
        if header.own_body is not None:
            b.add(attrs.evolve(header.own_body, provenance=b.prov(header.first_line)))
        for membership in attendance.memberships:
            b.add(membership)
        for planned in self.planned:
            b.add(planned)
        content = b.tracker.content()
        masthead = b.tracker.masthead
        first = min(header.lines | set(masthead)) if header.lines or masthead else content[0]
        meeting = Meeting(
            id=self.mid,
            body=header.body,
            body_name=header.body_name,
            date=date,
            stated_date=header.stated_date if date is None else None,
            weekday=header.weekday,
            end_date=header.end_date,
            start_time=header.start_time,
            end_time=header.end_time,
            place=header.place,
            kind=header.kind,
            status=MeetingStatus.HELD,
            attendance=tuple(attendance.attendance),
            attendance_elsewhere=attendance.elsewhere,
            attendance_unread=attendance.unread(),
            secretary=closing.secretary or attendance.secretary,
            justering=justering,
            items=tuple(items),
            stated_paragraphs=header.stated,
            documents=(b.doc_id,),
            provenance=b.prov(first, content[-1]),
        )
        b.add(meeting)
        name = header.body_name
        word = str(self.kind).capitalize()
        return b.finish(
            kind=self.kind,
            title=word + (f" {name}" if name else "") + f" {date or header.stated_date or ''}",
            date=date,
            meeting=self.mid,
            organisation=header.body,
            part_of=part_of,
        )


def _lines_of(unit: Paragraph, b: Builder) -> list[tuple[int, str]]:
    if len(unit.lines) == 1:
        return [(unit.lines[0], unit.text)]
    return [(n, b.tracker.text(n)) for n in unit.lines]


_ENTRY_NEXT = re.compile(r"\s+(?:[A-ZÅÄÖ][A-Za-zÅÄÖåäö]{0,4}\s+)?(?:§\s*)?\d{1,4}\.?\s+[A-ZÅÄÖ]")
"""A first entry right after a heading too common to be a table's by itself
("Innehåll 68 Val av …", "Innehåll KS 115 Godkännande …"; not "Innehåll och form")."""


def _entries_end(text: str, start: int, end: int, entries: list[tuple[int, str]]) -> int:
    """The end of the line of a table of contents' last entry, finding each entry's
    title after the one before between ``start`` and ``end`` (``start`` where a
    title is not found: a title cleaned of what the table wrote around it)."""
    at = start
    for _, title in entries:
        found = re.compile(re.escape(title[:30]), re.IGNORECASE).search(text, at, end)
        if found is None:
            return start
        at = found.end()
    line_end = text.find("\n", at, end)
    return line_end if line_end >= 0 else end


def _next_page(stream: Stream, offset: int) -> int:
    """Where the page after the one holding ``offset`` starts in the stream (the end of
    the text when no later page start is known): a table of contents ends there."""
    line = stream.line_at(offset)
    later = [n for n in stream.page_starts if n > line]
    if not later:
        return len(stream.text)
    return stream.starts[stream.lines.index(min(later))]


def _exclude(attendance: AttendanceReader, items: list[AgendaItem]) -> None:
    """ "(ej § 5)": present for every other § of the meeting."""
    numbers = [i.paragraph if i.paragraph is not None else i.ordinal for i in items]
    for index, excluded in attendance.excluded.items():
        entry = attendance.attendance[index]
        base = entry.paragraphs or tuple(numbers)
        kept = tuple(n for n in base if n not in excluded)
        if kept:
            attendance.attendance[index] = attrs.evolve(entry, paragraphs=kept)
