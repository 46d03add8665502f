"""Meetings a protocol announces ("Sammanträdestider 2020: 6 februari, 12 mars …")."""

from __future__ import annotations

import re

from grmodel.ids import meeting_id
from grmodel.model import Meeting, MeetingKind, MeetingStatus, PartialDate
from grmodel_gr_documents.building import Builder
from grmodel_gr_documents.dates import find_dates, find_times

__all__ = ["SCHEDULE", "planned_meetings"]

SCHEDULE = re.compile(
    r"(?i)sammanträdes(?:tider|datum|plan|dagar)|mötes(?:tider|datum|plan|dagar)|nästa\s+(?:möte|sammanträde)"
)
"""An item title about future meetings."""


def planned_meetings(
    b: Builder,
    text: str,
    lines: tuple[int, ...],
    *,
    body: str,
    body_name: str | None,
    announced_in: str,
    year: int | None,
    known: set[str],
    after: PartialDate | None = None,
) -> list[Meeting]:
    """The meetings one line of a schedule item announces (none when it is no
    schedule line): dates after the meeting's own ``after`` (an earlier meeting
    the text mentions is no announcement)."""
    dates = find_dates(text, year or b.year)
    if not dates or len(text) > 200:
        return []
    times = find_times(text)
    out: list[Meeting] = []
    for index, d in enumerate(dates):
        mid = meeting_id(body, str(d.date))
        if mid == announced_in or mid in known or not _later(d.date, after):
            continue
        known.add(mid)
        note = re.sub(r"^[-–•*\s]+", "", text)
        paren = re.search(r"\(([^)]*)\)", text)
        kind = MeetingKind.ORDINARY
        if re.search(r"(?i)studieresa", text):
            kind = MeetingKind.STUDY_TRIP
        elif re.search(r"(?i)internat", text):
            kind = MeetingKind.RESIDENTIAL
        time = times[index] if index < len(times) and len(times) == len(dates) else None
        out.append(
            Meeting(
                id=mid,
                body=body,
                body_name=body_name,
                date=d.date,
                end_date=d.end_date,
                start_time=time.start_time if time else None,
                end_time=time.end_time if time else None,
                kind=kind,
                status=MeetingStatus.PLANNED,
                announced_in=announced_in,
                note=paren[1] if paren else (note if note != d.text else None),
                provenance=b.prov(lines[0], lines[-1]),
            )
        )
    return out


def _later(date: PartialDate, after: PartialDate | None) -> bool:
    first, second = date.to_date(), after.to_date() if after else None
    return first is None or second is None or first > second
