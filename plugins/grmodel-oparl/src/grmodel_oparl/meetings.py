"""The meeting side of an OParl export: meetings with their agenda items,
consultations, papers, files and locations.

A mixin of the export run (:mod:`grmodel_oparl.exporter`), which holds the indexes
and the object store these methods use.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from grmodel.model import (
    AgendaItem,
    AttendanceStatus,
    Body,
    Decision,
    Document,
    DocumentKind,
    Meeting,
    MeetingStatus,
    Record,
)
from grmodel_oparl.common import EXT, leftovers, local, oparl_type, stamp
from grmodel_oparl.mapping import (
    ALSO_PRESENT,
    PARTICIPANT,
    RESULT_WORDS,
    complete_date,
    location_id,
    resolution_text,
)

__all__ = ["MeetingObjects", "OParlObject"]

OParlObject = dict[str, Any]
"""An OParl object as JSON."""


class MeetingObjects:
    """The objects of the meeting side, one method per object type."""

    if TYPE_CHECKING:  # what the export run provides
        from grmodel.converter import GrConverter
        from grmodel_oparl.common import UrlScheme

        urls: UrlScheme
        conv: GrConverter
        bodies: dict[str, Body]
        documents: dict[str, Document]
        meetings: list[Meeting]
        meeting_files: dict[str, list[Document]]
        person_names: dict[str, str]
        untimed: str

        @property
        def primary(self) -> str: ...
        def _is_file(self, doc: Document) -> bool: ...
        def put(self, obj: OParlObject) -> OParlObject: ...
        def root(self, body_id: str) -> str: ...
        def times(self) -> dict[str, str]: ...
        def unstructure(self, value: Any) -> dict[str, Any]: ...
        def links(self, record: Record) -> dict[str, str]: ...
        def link(self, type_tag: str, ref_id: str) -> str | None: ...

    def location(self, place: str, meeting_urls: list[str]) -> OParlObject:
        obj: OParlObject = {
            "id": self.urls.url("location", location_id(place)),
            "type": oparl_type("Location"),
            "description": place,
            "meetings": meeting_urls,
        }
        obj.update(self.times())
        return obj

    def file(self, doc: Document, meeting_url: str) -> OParlObject:
        data = self.conv.unstructure_record(doc)
        url = self.urls.url("file", doc.id)
        obj: OParlObject = {
            "id": url,
            "type": oparl_type("File"),
            "accessUrl": url,
            "meeting": [meeting_url],
        }
        carried: set[str] = set()
        if doc.title is not None:
            obj["name"] = doc.title
            carried.add("title")
        day = complete_date(doc.date)
        if day is not None:
            obj["date"] = day.isoformat()
            carried.add("date")
        obj.update(self.times())
        obj.update(leftovers(data, carried))
        return self.put(obj)

    def consultation(self, item: AgendaItem, meeting: Meeting, paper_id: str) -> OParlObject:
        obj: OParlObject = {
            "id": self.urls.url("consultation", f"{item.id}--{paper_id}"),
            "type": oparl_type("Consultation"),
            "paper": self.urls.url("paper", paper_id),
            "agendaItem": self.urls.url("agendaitem", item.id),
            "meeting": self.urls.url("meeting", meeting.id),
            "organization": [self.urls.url("organization", meeting.body)],
            "role": "beslutsunderlag",
        }
        obj.update(self.times())
        return self.put(obj)

    def agenda_item(
        self, item: AgendaItem, data: dict[str, Any], meeting: Meeting
    ) -> tuple[OParlObject, list[OParlObject]]:
        carried = {"ordinal", "title"}
        obj: OParlObject = {
            "id": self.urls.url("agendaitem", item.id),
            "type": oparl_type("AgendaItem"),
            "meeting": self.urls.url("meeting", meeting.id),
            "order": item.ordinal,
            "name": item.title,
        }
        if item.number is not None:
            obj["number"] = item.number
            carried.add("number")
        if item.decisions:
            obj["result"] = "; ".join(self._result(d) for d in item.decisions)
            resolution = "\n\n".join(filter(None, (resolution_text(d) for d in item.decisions)))
            if resolution:
                obj["resolutionText"] = resolution
        consultations = [
            self.consultation(item, meeting, doc_id)
            for doc_id in item.basis
            if doc_id in self.documents and not self._is_file(self.documents[doc_id])
        ]
        if consultations:
            obj["consultation"] = consultations[0]["id"]
        keywords = [item.kind.value] if item.kind else []
        if any(d.immediate_justering for d in item.decisions):
            keywords.append("omedelbar justering")
        if any(d.reservations for d in item.decisions):
            keywords.append("reservation")
        if any(d.votes for d in item.decisions):
            keywords.append("votering")
        if keywords:
            obj["keyword"] = keywords
        obj.update(self.times())
        obj.update(leftovers(data, carried))
        self.put(dict(obj))
        return obj, consultations

    def _result(self, decision: Decision) -> str:
        text = RESULT_WORDS[decision.kind]
        if decision.reservations:
            names = ", ".join(
                self.person_names.get(r.person, r.person) + (f" ({r.party})" if r.party else "")
                for r in decision.reservations
            )
            text += f" (reservation: {names})"
        return text

    def meeting(self, meeting: Meeting) -> tuple[OParlObject, dict[str, list[OParlObject]]]:
        data = self.conv.unstructure_record(meeting)
        url = self.urls.url("meeting", meeting.id)
        body = self.bodies[meeting.body]
        carried = {"body", "status", "items"}
        obj: OParlObject = {
            "id": url,
            "type": oparl_type("Meeting"),
            "name": f"{meeting.body_name or body.name} {meeting.date_label}",
            "meetingState": meeting.status.value,
            "cancelled": meeting.status is MeetingStatus.CANCELLED,
        }
        day = complete_date(meeting.date)
        if day is not None and meeting.start_time is not None:
            obj["start"] = stamp(local(day, meeting.start_time))
            if meeting.end_time is not None:
                end_day = complete_date(meeting.end_date) or day
                obj["end"] = stamp(local(end_day, meeting.end_time))
        elif day is not None and self.untimed == "start":
            # No stated time: OParl's start is a date-time, so the day's start, flagged as
            # a time the document does not state (grmodel:date keeps the date as written).
            obj["start"] = stamp(local(day, dt.time(0, 0)))
            obj["grmodel:timeStated"] = False
        if meeting.place:
            obj["location"] = self.location(meeting.place, [url])
            carried.add("place")
        obj["organization"] = [self.urls.url("organization", meeting.body)]
        obj["participant"] = self.attendees(meeting, PARTICIPANT)
        files = self.meeting_files.get(meeting.id, [])
        protocols = [f for f in files if f.kind is DocumentKind.PROTOKOLL]
        agendas = [f for f in files if f.kind is DocumentKind.DAGORDNING]
        if agendas:
            obj["invitation"] = self.file(agendas[0], url)
        if protocols:
            obj["resultsProtocol"] = self.file(protocols[0], url)
        extra = agendas[1:] + protocols[1:]
        if extra:
            obj["auxiliaryFile"] = [self.file(doc, url) for doc in extra]
        items: list[OParlObject] = []
        consultations: dict[str, list[OParlObject]] = {}
        for item, item_data in zip(meeting.items, data.get("items", []), strict=True):
            item_obj, item_consultations = self.agenda_item(item, item_data, meeting)
            items.append(item_obj)
            for consultation in item_consultations:
                paper_id = self.urls.record_id(consultation["paper"])
                consultations.setdefault(paper_id, []).append(consultation)
        obj["agendaItem"] = items
        obj["keyword"] = [meeting.kind.value]
        for key, statuses in (
            ("alsoPresent", ALSO_PRESENT),
            ("absent", {AttendanceStatus.ABSENT}),
        ):
            found = self.attendees(meeting, statuses)
            if found:
                obj[EXT + key] = found
        obj.update(self.times())
        obj.update(leftovers(data, carried))
        return self.put(obj), consultations

    def attendees(self, meeting: Meeting, statuses: set[AttendanceStatus]) -> list[str]:
        """URLs of the persons with one of ``statuses``, in protocol order, once each."""
        found: list[str] = []
        for entry in meeting.attendance:
            person_url = self.urls.url("person", entry.person)
            if entry.status in statuses and person_url not in found:
                found.append(person_url)
        return found

    def paper(self, doc: Document, consultations: list[OParlObject]) -> OParlObject:
        data = self.conv.unstructure_record(doc)
        carried = {"kind"}
        obj: OParlObject = {
            "id": self.urls.url("paper", doc.id),
            "type": oparl_type("Paper"),
            "body": self.urls.url("body", self.paper_body(doc)),
            "paperType": doc.kind.value,
        }
        if doc.title is not None:
            obj["name"] = doc.title
            carried.add("title")
        if doc.diarienummer is not None:
            obj["reference"] = doc.diarienummer.value
            carried.add("diarienummer")
        day = complete_date(doc.date)
        if day is not None:
            obj["date"] = day.isoformat()
            carried.add("date")
        if doc.organisation in self.bodies:
            obj["underDirectionOf"] = [self.urls.url("organization", doc.organisation)]
        if consultations:
            obj["consultation"] = consultations
        obj.update(self.times())
        obj.update(leftovers(data, carried))
        return self.put(obj)

    def paper_body(self, doc: Document) -> str:
        for meeting in self.meetings:
            if meeting.id == doc.meeting:
                return self.root(meeting.body)
        if doc.organisation in self.bodies:
            return self.root(doc.organisation)
        return self.primary

    # -- lists and the whole ------------------------------------------------------
