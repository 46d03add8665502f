"""Meetings as an iCalendar file (RFC 5545), one ``VEVENT`` per meeting.

Held, planned (announced future dates) and cancelled meetings are all written:

- ``UID`` is ``<meeting id>@<host of the base URL>`` (``--base-url``), stable
  across exports and globally unique (RFC 5545 3.8.4.7), so a calendar that
  subscribes to the file updates events instead of duplicating them.
- ``SUMMARY`` is the body's name (the name the meeting's document used, else the
  body record's or reference body's name), with the kind of meeting for
  anything but an ordinary one ("Förbundsstyrelsen (internat)").
- ``DTSTART``/``DTEND`` carry times where the meeting has them, as local time in
  ``Europe/Stockholm`` (``TZID=Europe/Stockholm`` with its ``VTIMEZONE``), so
  clients anywhere show the right instant. The ``VTIMEZONE`` states Sweden's
  rules as yearly ``RRULE`` lines (:data:`VTIMEZONE`), which every client reads
  alike, rather than a list of transition dates. Without a start time the event is
  all-day (``VALUE=DATE``); an end date makes it span the days through
  ``end_date`` (``DTEND`` is exclusive, so the day after). A start time without
  an end time gives no ``DTEND`` on a one-day meeting (the event is a point in
  time, RFC 5545 3.6.1) and ends at midnight after ``end_date`` otherwise.
- ``STATUS`` is ``CONFIRMED`` for held, ``TENTATIVE`` for planned and
  ``CANCELLED`` for cancelled meetings.
- ``LOCATION`` is the place; ``DESCRIPTION`` lists the agenda items.

A meeting whose date lacks its day (``2018-05``) cannot be placed in a calendar
and is left out. ``DTSTAMP`` is ``SOURCE_DATE_EPOCH`` when that is set, else
derived from the data — midnight UTC of the latest document date, or of the
latest held meeting when there are no dated documents — so the same records give
the same file.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import icalendar

from grmodel.errors import GrmodelError
from grmodel.exporting.base import Exporter, ExportOptions
from grmodel.model import Body, Document, Meeting, MeetingKind, MeetingStatus, Record

__all__ = ["EXPORTERS", "TIMEZONE", "VTIMEZONE", "meeting_event", "uid_domain", "write_ics"]

TIMEZONE = ZoneInfo("Europe/Stockholm")
"""The time zone meeting times are in."""

VTIMEZONE = """\
BEGIN:VTIMEZONE
TZID:Europe/Stockholm
X-LIC-LOCATION:Europe/Stockholm
BEGIN:STANDARD
DTSTART:19700101T000000
TZOFFSETFROM:+0100
TZOFFSETTO:+0100
TZNAME:CET
END:STANDARD
BEGIN:DAYLIGHT
DTSTART:19810329T020000
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU
TZOFFSETFROM:+0100
TZOFFSETTO:+0200
TZNAME:CEST
END:DAYLIGHT
BEGIN:STANDARD
DTSTART:19810927T030000
RRULE:FREQ=YEARLY;BYMONTH=9;BYDAY=-1SU;UNTIL=19950924T010000Z
TZOFFSETFROM:+0200
TZOFFSETTO:+0100
TZNAME:CET
END:STANDARD
BEGIN:STANDARD
DTSTART:19961027T030000
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU
TZOFFSETFROM:+0200
TZOFFSETTO:+0100
TZNAME:CET
END:STANDARD
END:VTIMEZONE
"""
"""Sweden's time since 1981 as RFC 5545 rules: summer time from the last Sunday of
March, 02:00, to the last Sunday of September (until 1995) or October (since
1996), 03:00. (Summer 1980 is not covered; no meeting in the data is that old.)"""

_STATUS = {
    MeetingStatus.HELD: "CONFIRMED",
    MeetingStatus.PLANNED: "TENTATIVE",
    MeetingStatus.CANCELLED: "CANCELLED",
}
_KIND_LABEL = {
    MeetingKind.EXTRAORDINARY: "extra sammanträde",
    MeetingKind.RESIDENTIAL: "internat",
    MeetingKind.STUDY_TRIP: "studieresa",
    MeetingKind.OTHER: "möte",
}


def _dtstamp(documents: Iterable[dt.date], meetings: Iterable[Meeting]) -> dt.datetime:
    """``SOURCE_DATE_EPOCH``, else midnight UTC of the latest document date, else of the
    latest held meeting (else of the epoch)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC)
    held = (m.date.to_date() for m in meetings if m.status is MeetingStatus.HELD and m.date)
    latest = max(documents, default=None) or max(filter(None, held), default=dt.date(1970, 1, 1))
    return dt.datetime.combine(latest, dt.time(0, 0), tzinfo=dt.UTC)


def uid_domain(base_url: str) -> str:
    """The host that qualifies UIDs: the base URL's (``grmodel.invalid`` without one).

    >>> from grmodel.exporting.formats.ics import uid_domain
    >>> uid_domain("https://data.example.org/gr")
    'data.example.org'
    """
    return urlsplit(base_url).hostname or "grmodel.invalid"


def _local(day: dt.date, time: dt.time) -> dt.datetime:
    return dt.datetime.combine(day, time, tzinfo=TIMEZONE)


def meeting_event(
    meeting: Meeting,
    body_names: Mapping[str, str],
    dtstamp: dt.datetime,
    domain: str = "grmodel.invalid",
) -> icalendar.Event | None:
    """The ``VEVENT`` of a meeting (UID ``<id>@<domain>``), or ``None`` when its date is
    partial or not stated."""
    start = meeting.date.to_date() if meeting.date is not None else None
    if start is None:
        return None
    end = meeting.end_date.to_date() if meeting.end_date is not None else None
    last = end if end is not None and end > start else start
    event = icalendar.Event()
    event.add("uid", f"{meeting.id}@{domain}")
    event.add("dtstamp", dtstamp)
    summary = meeting.body_name or body_names.get(meeting.body) or meeting.body
    if meeting.kind in _KIND_LABEL:
        summary = f"{summary} ({_KIND_LABEL[meeting.kind]})"
    event.add("summary", summary)
    if meeting.start_time is not None:
        event.add("dtstart", _local(start, meeting.start_time))
        if meeting.end_time is not None:
            event.add("dtend", _local(last, meeting.end_time))
        elif last != start:
            event.add("dtend", _local(last + dt.timedelta(days=1), dt.time(0, 0)))
    else:
        event.add("dtstart", start)
        event.add("dtend", last + dt.timedelta(days=1))
    event.add("status", _STATUS[meeting.status])
    if meeting.place:
        event.add("location", meeting.place)
    if meeting.items:
        lines = []
        for item in meeting.items:
            number = f"§ {item.paragraph}" if item.paragraph is not None else f"{item.ordinal}."
            lines.append(f"{number} {item.title}")
        event.add("description", "\n".join(lines))
    event.add("categories", [str(meeting.kind.value)])
    event.add("x-grmodel-body", meeting.body)
    return event


def _checked_event(
    meeting: Meeting, body_names: Mapping[str, str], dtstamp: dt.datetime, domain: str
) -> icalendar.Event | None:
    """:func:`meeting_event`, with a meeting iCalendar cannot hold as a clear error."""
    try:
        return meeting_event(meeting, body_names, dtstamp, domain)
    except (OverflowError, ValueError) as exc:  # e.g. an all-day event ending after 9999
        raise GrmodelError(
            f"ics export: meeting {meeting.id!r} on {meeting.date}: iCalendar cannot "
            f"hold it ({exc})"
        ) from exc


def write_ics(records: Iterable[Record], path: Path, options: ExportOptions) -> None:
    """Write the meetings among ``records`` as an iCalendar file."""
    from grmodel.refdata import load_gr_bodies

    body_names = {b.id: b.name for b in load_gr_bodies()}
    meetings: list[Meeting] = []
    documents: list[dt.date] = []
    for record in records:
        if isinstance(record, Meeting):
            meetings.append(record)
        elif isinstance(record, Body):
            body_names[record.id] = record.name
        elif isinstance(record, Document) and record.date is not None:
            day = record.date.to_date()
            if day is not None:
                documents.append(day)
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//grmodel//grmodel meetings//SV")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", options.extra.get("calendar_name", "grmodel meetings"))
    calendar.add("x-wr-timezone", "Europe/Stockholm")
    dtstamp = _dtstamp(documents, meetings)
    domain = uid_domain(options.base_url)
    events = [
        event
        for meeting in sorted(meetings, key=lambda m: (str(m.date), m.id))
        if (event := _checked_event(meeting, body_names, dtstamp, domain)) is not None
    ]
    if any(isinstance(event.decoded("dtstart"), dt.datetime) for event in events):
        calendar.add_component(icalendar.Timezone.from_ical(VTIMEZONE))
    for event in events:
        calendar.add_component(event)
    path.write_bytes(calendar.to_ical())


EXPORTERS: list[Exporter] = [
    Exporter(
        name="ics",
        summary="meetings (held, planned, cancelled) as iCalendar events",
        write=write_ics,
        suffix=".ics",
        options={"calendar_name": "the calendar's name (X-WR-CALNAME)"},
    )
]
"""The ``ics`` exporter."""
