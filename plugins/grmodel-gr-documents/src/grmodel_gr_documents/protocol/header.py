"""A meeting's header: date, times, place and body, from the header's own segments.

The meeting date comes from the header, never from a justering date, a clause or
a posting date: a date label ("Sammanträdesdatum", "Datum") first, then the time
label ("Tid: 4 december 2008 kl. 08:30-11:40"), then the title ("Protokoll
2011-05-26", "… sammanträde Fredag 10 september 1999"), then the site's title of
the document. The body is the one the header names; a nämnd outside the
reference data becomes a body of its own, with its municipality where the
document names it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

import attrs

from grmodel.model import (
    Body,
    MeetingKind,
    ParagraphRange,
    PartialDate,
    Provenance,
)
from grmodel_gr_documents.building import Builder
from grmodel_gr_documents.dates import DateMatch, TimeMatch, find_dates, find_times
from grmodel_gr_documents.own_body import body_municipality, own_body, stated_body
from grmodel_gr_documents.segments import TextSegment
from grmodel_gr_documents.stream import Stream

__all__ = ["Header", "read_header"]

_WEEKDAY = re.compile(r"(?i)\b(måndag|tisdag|onsdag|torsdag|fredag|lördag|söndag)(?:en)?\b")
_PLACE_NOISE = re.compile(r"(?i),?\s*\bkl(?:ockan|\.)?\s*$|^\s*[,:]\s*")


@attrs.define
class Header:
    """What the header says."""

    date: PartialDate | None = None
    end_date: PartialDate | None = None
    date_line: int | None = None
    date_source: str | None = None
    """Where the date came from: ``label``, ``title`` or ``site title``."""
    weekday: str | None = None
    """The weekday the header states with the date."""
    stated_date: str | None = None
    """A date the header states without a year ("torsdag den 18 december"), when
    no year is known: kept as written, never completed with an invented year."""
    start_time: dt.time | None = None
    end_time: dt.time | None = None
    place: str | None = None
    body: str = "okant-organ"
    body_name: str | None = None
    own_body: Body | None = None
    """A body outside the reference data, made from the header."""
    kind: MeetingKind = MeetingKind.ORDINARY
    stated: ParagraphRange | None = None
    first_line: int = 1
    lines: set[int] = attrs.field(factory=set)
    """Lines the header's fields were read from."""


def _labels(segments: Iterable[TextSegment], *meanings: str) -> list[TextSegment]:
    return [s for s in segments if s.cue == "label" and s.meaning in meanings]


def _label_value(stream: Stream, segment: TextSegment) -> str:
    """A label's value: to the end of its line, with the next line where the value
    goes on ("kl" / "15.00-16.00") or is empty on the label's line."""
    value = segment.value
    first, _, rest = value.partition("\n")
    if first.strip() and not re.search(r"(?i)(?:\bkl\.?|,|\boch|-)\s*$", first):
        return first.strip()
    following = rest.strip().split("\n", 1)[0]
    return f"{first.strip()} {following}".strip()


class _Reader:
    def __init__(self, b: Builder, stream: Stream, segments: list[TextSegment]):
        self.b = b
        self.stream = stream
        self.segments = segments
        self.header = Header()

    def lines_of(self, segment: TextSegment, value: str) -> list[int]:
        return self.stream.lines_between(segment.start, segment.value_start + len(value) + 1)

    def sources(self) -> list[tuple[str, str, list[int]]]:
        """(source, text, lines) of every date source, best first: the date labels, the
        title, the heading of a table of contents (its meeting named with its date),
        the site title."""
        out: list[tuple[str, str, list[int]]] = []
        justering: list[tuple[str, str, list[int]]] = []
        first_justerare = next(
            (s.start for s in self.segments if s.cue == "justerare"), len(self.stream.text)
        )
        for meanings in (("date", "body-date"), ("time", "place-time")):
            # in order, an empty label with the value after it; a time after the justerare
            # heading is the justering's ("Justerare: … Tid: Tisdagen den 18 november"), the
            # last resort
            for segment in _labels(self.segments, *meanings):
                value = _label_value(self.stream, segment)
                found = (
                    [("label", value, self.lines_of(segment, value))]
                    if value.strip()
                    else self.stacked_value(segment)
                )
                late = "date" not in meanings and segment.start > first_justerare
                (justering if late else out).extend(found)
        for segment in self.segments:
            if segment.cue == "title":
                out.append(
                    ("title", segment.value, self.stream.lines_between(segment.start, segment.end))
                )
        for segment in self.segments:
            if (
                segment.cue == "toc"
            ):  # "Innehållsförteckning Kommunfullmäktige den 18 december 2013"
                head = _TOC_ENTRY.split(segment.value, 1)[0][:_TOC_HEAD]
                out.append(
                    ("toc", head, self.stream.lines_between(segment.start, segment.value_start))
                )
        for line, title in self.b.tracker.site_titles:
            out.append(("site title", title, [line]))
        return out + justering

    def stacked_value(self, segment: TextSegment) -> list[tuple[str, str, list[int]]]:
        """Where the labels all stand first ("Organ: Plats och tid: ande: Kommunstyrelsen
        Stadshuset den 11 september 2008 …"): the first value after an empty date,
        time or place label (its start, as long as a header's values run)."""
        index = self.segments.index(segment)
        following = next((s for s in self.segments[index + 1 :] if s.value.strip()), None)
        if following is None:
            return []
        value = following.value[:_STACKED_VALUE]
        lines = self.stream.lines_between(following.value_start, following.value_start + 1)
        return [("label", value, lines)]

    def date(self) -> None:
        for compact in (False, True):
            for source, text, lines in self.sources():
                found = find_dates(text.replace("\n", " "), self.b.year, compact=compact)
                dated = [d for d in found if d.year_stated or self.b.year]
                if dated:
                    self.take_date(dated[0], source, text, lines)
                    return
        self.yearless()

    def yearless(self) -> None:
        """No year anywhere: keep the header's day and month as written."""
        for source, text, lines in self.sources():
            if source == "site title":
                continue
            # a leap year, so that "29 februari" is a date too; the year is not kept
            found = [d for d in find_dates(text.replace("\n", " "), 2000) if not d.year_stated]
            if found:
                self.take_date(found[0], source, text, lines)
                self.header.date = self.header.end_date = None
                self.header.stated_date = found[0].text.strip()
                return

    def take_date(self, found: DateMatch, source: str, text: str, lines: list[int]) -> None:
        h = self.header
        h.date, h.end_date, h.date_source = found.date, found.end_date, source
        h.date_line = next(
            (n for n in lines if found.text.split()[-1] in self.b.tracker.text(n)),
            lines[0] if lines else None,
        )
        around = text[max(0, found.start - 14) : found.end]
        weekday = _WEEKDAY.search(around)
        h.weekday = weekday[1].casefold() if weekday else None
        if source != "site title":
            h.lines.update(lines)

    def times(self) -> None:
        h = self.header
        for segment in _labels(self.segments, "time", "place-time"):
            value = _label_value(self.stream, segment)
            found = _times(value, bare=segment.meaning == "time")
            if found:
                h.start_time, h.end_time = found[0].start_time, found[0].end_time
                h.lines.update(self.lines_of(segment, value))
                return
        for segment in self.segments:
            if segment.cue == "title":
                found = _times(segment.value, bare=False)
                if found:
                    h.start_time, h.end_time = found[0].start_time, found[0].end_time
                    return

    def place(self) -> None:
        for segment in _labels(self.segments, "place", "place-time"):
            value = _label_value(self.stream, segment)
            place = _without_dates(value, self.b.year)
            if place:
                self.header.place = place[:200]
                self.header.lines.update(self.lines_of(segment, value))
                return
        self.place_after_date()

    def place_after_date(self) -> None:
        """A place written after the title's date ("… sammanträde torsdag den 18
        december, kl 9-15, GR, Gårdavägen 2")."""
        for segment in self.segments:
            if segment.cue != "title":
                continue
            line = segment.value.strip().split("\n", 1)[0]
            found = find_dates(line, self.b.year)
            if not found:
                continue
            rest = _without_dates(line[found[0].end :], self.b.year)
            rest = re.sub(
                r"(?i)^\W*(?:kl(?:ockan|\.)?\s*)(?:[\d.:]+(?:\s*[-–]\s*[\d.:]+)?)?[\s,]*", "", rest
            )
            if rest[:1].isupper() and len(rest) < 120:
                self.header.place = rest
            return

    def body(self, text: str) -> None:
        h = self.header
        named = (
            [_label_value(self.stream, s) for s in _labels(self.segments, "body", "body-date")]
            + [s.value for s in self.segments if s.cue == "title"]
            + [t for _, t in self.b.tracker.site_titles]
        )
        head = " \n".join(x.replace("\n", " ") for x in named)
        acting = self.b.bodies.acting_body(head, "") or None
        if acting is not None:
            h.body, h.body_name = acting
            return
        name = stated_body(named)
        if name is None:
            acting = self.b.bodies.acting_body("", text)
            if acting is not None:
                h.body, h.body_name = acting
            else:
                h.body = self.b.unknown_body(h.first_line, head[:80] or text[:80])
            return
        municipality = body_municipality(self.b.refdata, [h.place or "", head, text], h.place)
        h.body_name = name
        h.own_body = own_body(
            name,
            municipality,
            Provenance(source=self.b.path, line=h.first_line, document=self.b.doc_id),
        )
        h.body = h.own_body.id


def _times(text: str, *, bare: bool) -> list[TimeMatch]:
    """Times in a value; a date's day is never an hour."""
    return find_times(text.replace("\n", " "), bare=bare)


def _without_dates(value: str, year: int | None) -> str:
    text = value
    for found in sorted(find_dates(value, year), key=lambda d: -d.start):
        text = text[: found.start] + text[found.end :]
    text = re.sub(
        r"(?i)\b(?:kl(?:ockan|\.)?\s*)?\d{1,2}[.:]\d{2}(?:\s*[-–]\s*\d{1,2}[.:]\d{2})?", "", text
    )
    text = re.sub(r"\([^)]*\)", "", text)
    text = _PLACE_NOISE.sub("", text.strip(" ,"))
    return re.sub(r"\s+", " ", text).strip(" ,.")


_STACKED_VALUE = 300
_TOC_ENTRY = re.compile(r"(?<![\w.:/-])(?!(?:19|20)\d\d\b)(?:§\s*)?\d{1,4}\.?\s+[A-ZÅÄÖ]")
"""A table of contents' first entry: its heading (body, date, column labels) is before it."""
_TOC_HEAD = 120


def read_header(b: Builder, stream: Stream, segments: list[TextSegment], text: str) -> Header:
    """Read the header from its segments (the region before the first item)."""
    reader = _Reader(b, stream, segments)
    reader.date()
    reader.times()
    reader.place()
    reader.body(text)
    header = reader.header
    title = " ".join(s.value for s in segments if s.cue == "title")
    if re.search(r"(?i)\bextra\s+(?:sammanträde|möte)", title):
        header.kind = MeetingKind.EXTRAORDINARY
    elif re.search(r"(?i)internat", title):
        header.kind = MeetingKind.RESIDENTIAL
    for segment in _labels(segments, "paragraphs"):
        m = re.search(r"(\d{1,4})\s*[-–]\s*(\d{1,4})", _label_value(stream, segment))
        if m and int(m[1]) <= int(m[2]):
            header.stated = ParagraphRange(int(m[1]), int(m[2]))
            header.lines.update(stream.lines_between(segment.start, segment.end))
    for segment in segments:
        if segment.cue == "title":
            header.lines.update(stream.lines_between(segment.start, segment.end))
    return header
