"""Meetings as an iCalendar file (RFC 5545), one ``VEVENT`` per meeting.

Held, planned (announced future dates) and cancelled meetings are all written:

- ``UID`` is ``<meeting id>@grmodel``, stable across exports, so a calendar that
  subscribes to the file updates events instead of duplicating them.
- ``SUMMARY`` is the body's name (the name the meeting's document used, else the
  body record's or reference body's name), with the kind of meeting for
  anything but an ordinary one ("Förbundsstyrelsen (internat)").
- ``DTSTART``/``DTEND`` carry times where the meeting has them, as local time in
  ``Europe/Stockholm`` (``TZID=Europe/Stockholm`` with its ``VTIMEZONE``), so
  clients anywhere show the right instant. Without a start time the event is
  all-day (``VALUE=DATE``); an end date makes it span the days through
  ``end_date`` (``DTEND`` is exclusive, so the day after). A start time without
  an end time gives no ``DTEND`` on a one-day meeting (the event is a point in
  time, RFC 5545 3.6.1) and ends at midnight after ``end_date`` otherwise.
- ``STATUS`` is ``CONFIRMED`` for held, ``TENTATIVE`` for planned and
  ``CANCELLED`` for cancelled meetings.
- ``LOCATION`` is the place; ``DESCRIPTION`` lists the agenda items.

A meeting whose date lacks its day (``2018-05``) cannot be placed in a calendar
and is left out. ``DTSTAMP`` is the time of the export, or ``SOURCE_DATE_EPOCH``
when that is set (reproducible builds).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar

from grmodel.errors import GrmodelError
from grmodel.exporting.base import Exporter, ExportOptions
from grmodel.model import Body, Meeting, MeetingKind, MeetingStatus, Record

__all__ = ["EXPORTERS", "TIMEZONE", "meeting_event", "write_ics"]

TIMEZONE = ZoneInfo("Europe/Stockholm")
"""The time zone meeting times are in."""

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


def _dtstamp() -> dt.datetime:
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC)
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def _local(day: dt.date, time: dt.time) -> dt.datetime:
    return dt.datetime.combine(day, time, tzinfo=TIMEZONE)


def meeting_event(
    meeting: Meeting, body_names: Mapping[str, str], dtstamp: dt.datetime
) -> icalendar.Event | None:
    """The ``VEVENT`` of a meeting, or ``None`` when its date is partial."""
    start = meeting.date.to_date()
    if start is None:
        return None
    end = meeting.end_date.to_date() if meeting.end_date is not None else None
    last = end if end is not None and end > start else start
    event = icalendar.Event()
    event.add("uid", f"{meeting.id}@grmodel")
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


def write_ics(records: Iterable[Record], path: Path, options: ExportOptions) -> None:
    """Write the meetings among ``records`` as an iCalendar file."""
    from grmodel.refdata import load_gr_bodies

    body_names = {b.id: b.name for b in load_gr_bodies()}
    meetings: list[Meeting] = []
    for record in records:
        if isinstance(record, Meeting):
            meetings.append(record)
        elif isinstance(record, Body):
            body_names[record.id] = record.name
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//grmodel//grmodel meetings//SV")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", options.extra.get("calendar_name", "grmodel meetings"))
    calendar.add("x-wr-timezone", "Europe/Stockholm")
    dtstamp = _dtstamp()
    for meeting in sorted(meetings, key=lambda m: (str(m.date), m.id)):
        try:
            event = meeting_event(meeting, body_names, dtstamp)
        except (OverflowError, ValueError) as exc:  # e.g. an all-day event ending after 9999
            raise GrmodelError(
                f"ics export: meeting {meeting.id!r} on {meeting.date}: iCalendar cannot "
                f"hold it ({exc})"
            ) from exc
        if event is not None:
            calendar.add_component(event)
    calendar.add_missing_timezones()
    path.write_bytes(calendar.to_ical())


EXPORTERS: list[Exporter] = [
    Exporter(
        name="ics",
        summary="meetings (held, planned, cancelled) as iCalendar events",
        write=write_ics,
        suffix=".ics",
    )
]
"""The ``ics`` exporter."""
