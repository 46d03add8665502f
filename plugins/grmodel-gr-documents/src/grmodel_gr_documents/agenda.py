"""The ``agenda`` importer: a dagordning (kallelse, förslag till dagordning) into a
planned meeting with its items, their kinds and attachments.

Items may be one per line ("1. Justering", "1 Val av justerare", "§ 1 …") or run
on in one paragraph ("1. Justering 2. Remiss: … Beslutsärende 3. …"); an item's
kind word may precede or follow its text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import attrs

from grmodel.ids import agenda_item_id, document_id, meeting_id
from grmodel.importing.base import ImportResult, SourceDocument
from grmodel.model import (
    AgendaItem,
    Body,
    BodyKind,
    Diarienummer,
    DocumentKind,
    ItemKind,
    Meeting,
    MeetingKind,
    MeetingStatus,
    PartialDate,
    Span,
)
from grmodel_gr_documents.bodies import stated_body_id
from grmodel_gr_documents.building import Builder, source_dates
from grmodel_gr_documents.chrome import column_header_row
from grmodel_gr_documents.dates import DateMatch, find_dates, find_times
from grmodel_gr_documents.own_body import body_municipality, own_body, stated_body
from grmodel_gr_documents.segments import NUMBER_MARKS, find_item_starts
from grmodel_gr_documents.stream import Stream
from grmodel_gr_documents.titles import (
    inner_diarienummer,
    item_heading,
    split_diarienummer,
    trailing_diarienummer,
)
from grmodel_gr_documents.vocabulary import load_vocabulary

__all__ = ["parse_agenda"]

_KINDS: dict[str, ItemKind] = {
    "beslutsärende": ItemKind.BESLUTSARENDE,
    "beslutsärenden": ItemKind.BESLUTSARENDE,
    "beslut": ItemKind.BESLUTSARENDE,
    "informationsärende": ItemKind.INFORMATIONSARENDE,
    "informationsärenden": ItemKind.INFORMATIONSARENDE,
    "information": ItemKind.INFORMATIONSARENDE,
    "strategifråga": ItemKind.STRATEGIFRAGA,
    "strategifrågor": ItemKind.STRATEGIFRAGA,
    "diskussionsärende": ItemKind.STRATEGIFRAGA,
    "diskussion": ItemKind.STRATEGIFRAGA,
}
_KIND_WORD = "|".join(sorted(_KINDS, key=len, reverse=True))
_KIND_END = re.compile(rf"(?i)[\s(]*\b({_KIND_WORD})\b\s*\)?[.:]?\s*$")
_KIND_START = re.compile(rf"(?i)^\(?({_KIND_WORD})\)?\s*[:–-]\s*")
_ATTACHED = re.compile(
    r"(?i)\(?\s*handling(?:ar)?\s+bifoga[st]\s*\)?|\bbifogas\b|\bbifogar\b|\bbilaga\b"
)
_RUN_ON = re.compile(
    r"(?:(?<![\w§.,:/-])(\d{1,2})[.)]|\b[Pp]unkt\s+(\d{1,2})[.):]?)\s+(?=[A-ZÅÄÖ§\"„”(])"
)
_LINE_START = re.compile(
    r"(?im)^(?:§\s*(\d{1,3})\s*[.:]?\s+|(?:punkt\s+)?(\d{1,2})[.):]?\s+)(?=[A-ZÅÄÖ\"„”(])"
)
_INNER_BREAK = re.compile(r"[.!?]\s+[A-ZÅÄÖ]|\s[a-h]\)\s")
"""Where an item's text goes on after its title: a sentence, a lettered point."""
_HEADING_GROUP = re.compile(rf"(?i)^({_KIND_WORD})\s*:?$")


@attrs.frozen
class _Found:
    start: int
    end: int
    number: str
    paragraph: int | None
    value: int


def _item_starts(stream: Stream) -> list[_Found]:
    """The agenda's items, by the numbering rules of
    :func:`~grmodel_gr_documents.segments.find_item_starts`."""
    found = find_item_starts(stream)
    return (
        [_Found(f.start, f.end, f.number, f.value if f.paragraph else None, f.value) for f in found]
        if len(found) >= 2
        else []
    )


_BRACKETED = re.compile(r"\s*\(\s*([^()]{3,60}?)\s*\)")


def _annotations(text: str) -> tuple[str, str, dict[str, str]]:
    """An item's text up to its first note in brackets about its papers ("(Inga
    handlingar)", "(handling bifogas)": the vocabulary's annotations), which ends its
    title; the text after it; and the notes with their meanings."""
    vocabulary = load_vocabulary()
    notes: dict[str, str] = {}
    first: re.Match[str] | None = None
    for m in _BRACKETED.finditer(text):
        phrase = vocabulary.lookup("annotation", m[1])
        if phrase is not None:
            notes[m[0].strip()] = phrase.meaning
            first = first or m
    if first is None or not text[: first.start()].strip():
        return text, "", {}  # no note, or one that opens the text: the title's own
    after = _BRACKETED.sub(lambda m: " " if m[0].strip() in notes else m[0], text[first.end() :])
    return text[: first.start()].strip(), " ".join(after.split()), notes


_NUMBER_MARKS = re.compile(NUMBER_MARKS)
_TITLE_ONLY = 100
"""The longest run-on item text that is only its title ("Remiss: Ingen får vara Svarte
Petter"), and the longest title before a diarienummer inside an item's text."""


def _title_and_text(
    text: str, under: str | None, *, whole: bool
) -> tuple[str | None, str, str | None]:
    """(diarienummer, title, text) of an item's text: the title is the ``whole`` text or
    where the words say it ends; a diarienummer before it, after it, or inside it where
    a column beside the list ran on after the list's "Dnr" column ("Delårsbokslut 2015
    HN 2015/41 familj") ends it. ``under``: the lines under a one-per-line item."""
    dnr, text = split_diarienummer(text)
    if dnr is None:
        inner, before, after = inner_diarienummer(text)
        if inner is not None and (whole or len(before) <= _TITLE_ONLY):
            return (
                inner,
                before.strip().rstrip(" ."),
                " ".join(filter(None, (after, under))) or None,
            )
    if whole:
        title, rest = text.rstrip(" ."), under
    else:
        heading, at = item_heading(text, run_on=True)
        title, rest = heading.strip().rstrip(" ."), text[at:].strip() or None
    if dnr is None:
        dnr, title = trailing_diarienummer(title)
    return dnr, title, rest


def _with_stated_year(
    found: DateMatch, source: Iterable[DateMatch], fallback: int | None = None
) -> DateMatch:
    """Give a date written without a year the year of the same day and month stated
    with a year elsewhere in the source (its dates ``source``: "9 september" → "den 9
    september 2009")."""
    for other in source:
        same = other.date.month == found.date.month and other.date.day == found.date.day
        if other.year_stated and same:
            year = other.date.year
            end = found.end_date
            try:
                return attrs.evolve(
                    found,
                    date=PartialDate(year, found.date.month, found.date.day),
                    end_date=PartialDate(year, end.month, end.day) if end else None,
                )
            except ValueError:
                return found
    if fallback is not None and fallback != found.date.year and found.date.month:
        try:
            return attrs.evolve(found, date=PartialDate(fallback, found.date.month, found.date.day))
        except ValueError:
            return found
    return found


_HEADER_WORD = re.compile(r"(?i)plats|tid|sammanträde|möte")
"""A word of an agenda header's line about the meeting ("Plats:", "Tid:", "Sammanträde med …")."""
_HEAD_LINES = 8
"""How many lines at an agenda's top may name its body."""


class _Agenda:
    """Reads one agenda."""

    def __init__(self, b: Builder):
        self.b = b
        self.t = b.tracker
        self.stream = Stream(b)
        self.found = _item_starts(self.stream)
        self.header_end = self.found[0].start if self.found else len(self.stream.text)
        self.header = self.stream.text[: self.header_end]
        self.group_kind: ItemKind | None = None

    def body(self) -> tuple[str, str | None]:
        """The body in the reference data the agenda names; else a body of its own,
        named as the agenda states it; else a placeholder with a note (never an id
        that refers to nothing)."""
        b = self.b
        acting = b.bodies.acting_body(self.header, b.text)
        if acting:
            return acting
        m = re.search(
            r"(?i)(?:dagordning|kallelse)\s+(?:för|till)\s+(?P<n>[^\d,.:\n]+)", self.header
        )
        first = self.stream.lines[0] if self.stream.lines else 1
        if m:
            name = m["n"].strip()
            body_id = stated_body_id(name)
            b.add(Body(id=body_id, name=name, kind=BodyKind.OTHER, provenance=b.prov(first)))
            return body_id, name
        # a nämnd's own agenda ("Kallelse / Kommunstyrelsen", "Sammanträde med Socialnämnden")
        head = self.header.split("\n")[:_HEAD_LINES]
        name = stated_body(head)
        if name is None:
            return b.unknown_body(first, self.header[:80]), None
        body = own_body(name, body_municipality(b.refdata, [*head, b.text]), b.prov(first))
        b.add(body)
        return body.id, name

    def dates(self) -> list[DateMatch]:
        b = self.b
        dates = find_dates(self.header, b.year) or find_dates(self.stream.text, b.year)
        for index in range(min(2, len(dates))):
            if not dates[index].year_stated:
                dates[index] = _with_stated_year(
                    dates[index], source_dates(b.source), dates[0].date.year
                )
        return dates

    def end_date(self, dates: list[DateMatch]) -> PartialDate | None:
        end_date = dates[0].end_date if dates else None
        if len(dates) > 1 and end_date is None and dates[0].date.to_date() is not None:
            second = dates[1].date.to_date()
            first = dates[0].date.to_date()
            if (
                first
                and second
                and 0 < (second - first).days <= 7
                and dates[1].start < self.header_end
            ):
                end_date = dates[1].date
        return end_date

    def place(self, dates: list[DateMatch]) -> str | None:
        pm = re.search(r"(?im)^(?:plats|lokal)\s*:\s*(?P<p>.+)$", self.header)
        if pm:
            return pm["p"].strip(" .")
        if not dates or dates[0].start >= self.header_end:
            return None
        last_date = [d for d in dates if d.start < self.header_end][-1]
        m = re.match(
            r"(?i:\s*,?\s*(?:kl\.?|klockan)\s*\d{1,2}(?:[.:]\d{2})?"
            r"(?:\s*[-–]\s*\d{1,2}(?:[.:]\d{2})?)?)?"
            r"\s*,\s*(?P<p>[A-ZÅÄÖ][^.:\n]{2,80}?)\s*(?:\.|\n|$|(?=(?i:dagordning|förslag)\b))",
            self.header[last_date.end :],
        )
        return m["p"].strip() if m else None

    def place_header(self) -> None:
        """Place the header's lines that were read: the kind word, the meeting's labels,
        dates and body."""
        vocabulary = load_vocabulary()
        for n in self.stream.lines_between(0, self.header_end):
            line = self.t.text(n)
            if (
                vocabulary.find(line, ["kind"])
                or _HEADER_WORD.search(line)
                or find_dates(line, self.b.year)
                or self.b.bodies.find(line)
                or stated_body([line])
                or column_header_row(line)
            ):
                self.t.place(n)

    def group_style(self) -> bool:
        """Kind lines are group headings ("Beslutsärenden" over the items it covers)
        when one stands right before the first item or any is plural; otherwise a
        kind line under an item is that item's kind ("3. Delårsrapport" /
        "Informationsärende")."""
        text, t = self.stream.text, self.t
        before_first = (
            text[: self.found[0].start].rstrip("\n").split("\n")[-1] if self.found else ""
        )
        return bool(_HEADING_GROUP.match(before_first)) or any(
            _HEADING_GROUP.match(t.text(n))
            and re.search(r"(?i)(?:ärenden|frågor)\s*:?$", t.text(n))
            for n in self.stream.lines
        )

    def last_end(self, f: _Found, end: int) -> int:
        """The last item ends at a blank line: what follows is the kallelse's closing
        ("Förhinder anmäls till …", "Välkomna!", the chair's name)."""
        stream, t = self.stream, self.t
        first_line = stream.line_at(f.start)
        gap = next(
            (
                k
                for k in range(first_line + 1, stream.lines[-1] + 1)
                if not t.text(k) and k not in t.dropped and k not in t.joined
            ),
            None,
        )
        after = next((i for i, n in enumerate(stream.lines) if gap and n > gap), None)
        return stream.starts[after] - 1 if after is not None else end

    def region(self, f: _Found, end: int, group_style: bool) -> tuple[str, re.Match[str] | None]:
        """An item's text in a one-item-per-line agenda, and a group heading after it."""
        segment = self.stream.text[f.end : end]
        first_break = segment.find("\n")
        tail = segment[first_break + 1 :] if first_break >= 0 else ""
        keep = [segment[:first_break] if first_break >= 0 else segment]
        for extra in tail.split("\n"):
            if not extra:
                continue
            if _HEADING_GROUP.match(extra) and group_style:
                break
            keep.append(extra)
        next_group = (
            _HEADING_GROUP.match(tail.strip().split("\n")[-1])
            if tail.strip() and group_style
            else None
        )
        return "\n".join(keep), next_group

    def item(
        self,
        mid: str,
        index: int,
        segment: str,
        f: _Found,
        *,
        line_mode: bool = False,
        followed: bool = False,
    ) -> AgendaItem:
        """One item from its text; in a one-item-per-line agenda its title is its line
        (with the next where the title goes on), the lines under it its text. A run-on
        item ``followed`` by another may hold the next group's heading or the titles of
        numbers the transcript lost ("5. … 8. …"): its own ends where the words say the
        next starts."""
        lines = self.stream.lines_between(f.start, f.start + (f.end - f.start) + len(segment))
        self.t.place_all(lines)
        under: str | None = None
        item_kind = self.group_kind
        if line_mode:
            heading, at = item_heading(segment)
            below = segment[at:].strip().split("\n")
            kind_line = _HEADING_GROUP.match(below[0].strip())
            if kind_line:  # "3. Delårsrapport" / "Informationsärende"
                item_kind, below = _KINDS[kind_line[1].lower()], below[1:]
            under = " ".join(" ".join(below).split()) or None
            segment = heading
        body_text = segment.replace("\n", " ").strip()
        body_text, after, notes = _annotations(body_text)
        if _KIND_END.fullmatch(" " + after):  # "Delårsrapport (handling bifogas) Information"
            body_text, after = f"{body_text} {after}", ""
        attachment = "attached" in notes.values() or bool(_ATTACHED.search(body_text))
        # the kind word before or after the text; an item titled by it keeps it ("3. Information")
        m = _KIND_END.search(body_text)
        if m:
            item_kind = _KINDS[m[1].lower()]
            body_text = body_text[: m.start()].strip() or body_text
        m = _KIND_START.match(body_text)
        if m:
            item_kind = _KINDS[m[1].lower()]
            body_text = body_text[m.end() :].strip() or body_text
        paragraphs = "\n" in segment.strip()  # a run-on item over a page: its closing after it
        whole = line_mode or (
            len(body_text) <= _TITLE_ONLY
            and not _INNER_BREAK.search(body_text)
            and not paragraphs
            and not followed
        )
        dnr, title, rest = _title_and_text(body_text, under, whole=whole)
        kept = [note for note, meaning in notes.items() if meaning != "attached"]
        rest = " ".join(filter(None, (*kept, rest, after))) or None  # "(Inga handlingar)": text
        return AgendaItem(
            id=agenda_item_id(mid, paragraph=f.paragraph, ordinal=index + 1),
            ordinal=index + 1,
            title=title or f.number,
            number=f.number,
            paragraph=f.paragraph,
            kind=item_kind,
            diarienummer=Diarienummer(dnr) if dnr else None,
            text=rest,
            attachment=attachment,
            source=Span(lines[0], lines[-1] if lines[-1] != lines[0] else None) if lines else None,
        )

    def items(self, mid: str) -> list[AgendaItem]:
        stream = self.stream
        found = self.found
        line_mode = all(
            _NUMBER_MARKS.fullmatch(stream.text, stream.line_begin(f.start), f.start) for f in found
        )
        group_style = self.group_style()
        items: list[AgendaItem] = []
        for index, f in enumerate(found):
            end = found[index + 1].start if index + 1 < len(found) else len(stream.text)
            if line_mode and index + 1 == len(found):
                end = self.last_end(f, end)
            if line_mode:
                segment, next_group = self.region(f, end, group_style)
            else:
                segment, next_group = stream.text[f.end : end], None
            # a run-on item before another: its title ends where the words say, before a
            # group's heading or the titles of numbers the transcript lost ("… 1/2016
            # Individ- och familjeomsorg 6. …", "5. … Motion om … 8. …")
            followed = index + 1 < len(found)
            items.append(self.item(mid, index, segment, f, line_mode=line_mode, followed=followed))
            if next_group is not None:
                self.group_kind = _KINDS[next_group[1].lower()]
                self.t.place(stream.line_at(end - 2))
        for n in self.t.content():
            if _HEADING_GROUP.match(self.t.text(n)):
                self.t.place(n)
        return items

    def run(self, part_of: str | None) -> ImportResult:
        b, stream = self.b, self.stream
        body, body_name = self.body()
        dates = self.dates()
        date: PartialDate | None = dates[0].date if dates else None
        if date is None and b.year:
            date = PartialDate(b.year)
        if date is None:
            b.doc_id = document_id(kind="dagordning", title=b.source.path.stem)
            return b.finish(kind=DocumentKind.DAGORDNING, title="Dagordning", part_of=part_of)
        times = find_times(self.header, bare=True)
        mid = meeting_id(body, str(date))
        b.doc_id = document_id(meeting=mid, kind="dagordning")
        self.place_header()
        meeting = Meeting(
            id=mid,
            body=body,
            body_name=body_name,
            date=date,
            end_date=self.end_date(dates),
            start_time=times[0].start_time if times else None,
            end_time=times[0].end_time if times else None,
            place=self.place(dates),
            kind=MeetingKind.RESIDENTIAL
            if re.search(r"(?i)internat", self.header)
            else MeetingKind.ORDINARY,
            status=MeetingStatus.PLANNED,
            items=tuple(self.items(mid)),
            documents=(b.doc_id,),
            provenance=b.prov(
                stream.lines[0] if stream.lines else 1, stream.lines[-1] if stream.lines else None
            ),
        )
        b.add(meeting)
        return b.finish(
            kind=DocumentKind.DAGORDNING,
            title="Dagordning" + (f" {body_name}" if body_name else ""),
            date=date,
            meeting=mid,
            organisation=body,
            part_of=part_of,
        )


def parse_agenda(
    document: SourceDocument,
    *,
    within: range | None = None,
    year: int | None = None,
    part_of: str | None = None,
) -> ImportResult:
    """Import an agenda (dagordning, kallelse, förslag till dagordning)."""
    return _Agenda(Builder(document, within=within, year=year)).run(part_of)
