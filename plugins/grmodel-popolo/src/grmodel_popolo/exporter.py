"""Records → one Popolo JSON file.

The file is one JSON object with the Popolo collections (each a list of objects
of that Popolo class) and one vendor collection::

    {
      "persons": [...],         Person records
      "organizations": [...],   Body records (classification = body kind) and
                                parties (classification "party")
      "memberships": [...],     Membership records (on_behalf_of_id = the party)
      "events": [...],          meetings (classification "meeting") and their
                                agenda items (classification "agenda_item",
                                parent_id = the meeting)
      "motions": [...],         decisions (text = lead text and att-clauses)
      "vote_events": [...],     recorded votes of decisions
      "grmodel:records": [...]  records Popolo has no class for, as grmodel writes them
    }

What Popolo cannot carry is kept in ``grmodel:<field>`` properties in grmodel's
own serialisation, so the importer reads the file back losslessly; see
``docs/explanation/oparl-popolo.rst``.
"""

from __future__ import annotations

import datetime as dt
import json
import zoneinfo
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from grmodel.converter import GrConverter
from grmodel.exporting.base import Exporter, ExportOptions
from grmodel.ids import slug
from grmodel.model import (
    AgendaItem,
    AttendanceStatus,
    Body,
    BodyKind,
    Decision,
    Meeting,
    Membership,
    PartialDate,
    Party,
    Person,
    Record,
)

__all__ = ["EXPORTER", "EXT", "build_popolo", "write_popolo"]

EXT = "grmodel:"
"""Prefix of grmodel's extension properties."""

TIMEZONE = zoneinfo.ZoneInfo("Europe/Stockholm")
"""The time zone meeting times are stated in."""

COLLECTIONS = ("persons", "organizations", "memberships", "events", "motions", "vote_events")
"""The Popolo collections of the file, in order."""

MAPPED_TYPES: tuple[type[Record], ...] = (Person, Body, Party, Membership, Meeting)
"""Record types with a Popolo class; the others go to ``grmodel:records``."""

PARTICIPANT = {
    AttendanceStatus.PRESENT,
    AttendanceStatus.SERVING_SUBSTITUTE,
    AttendanceStatus.SUBSTITUTE,
    AttendanceStatus.ADJUNGERAD,
}
"""Attendance statuses listed as an event's ``attendees`` (the body's people present)."""

PopoloObject = dict[str, Any]


def leftovers(data: Mapping[str, Any], carried: Iterable[str]) -> dict[str, Any]:
    """Fields Popolo does not carry, as ``grmodel:<field>`` properties."""
    skip = {"type", "id", *carried}
    return {EXT + key: value for key, value in data.items() if key not in skip}


def _datetime(date: PartialDate, time: dt.time | None) -> str | None:
    """An ISO date-time (local, with offset) for a complete date, or ``None``."""
    day = date.to_date()
    if day is None:
        return None
    value = dt.datetime.combine(day, time or dt.time(0, 0), tzinfo=TIMEZONE)
    return value.replace(microsecond=0).isoformat()


def _event_date(date: PartialDate | None, time: dt.time | None) -> str | None:
    """A Popolo event date: a partial date, or a date-time when the time is known."""
    if date is None:
        return None
    if time is not None and date.is_complete:
        return _datetime(date, time)
    return str(date)


def resolution_text(decision: Decision) -> str:
    """The decision as one text: lead text, then one ``att …`` line per clause."""
    lines = [decision.text] if decision.text else []
    lines += [f"att {clause}" for clause in decision.clauses]
    return "\n".join(lines)


class _Export:
    def __init__(
        self,
        records: Sequence[Record],
        converter: GrConverter,
        reference_bodies: Iterable[Body],
        reference_parties: Any,
    ):
        self.conv = converter
        self.records = records
        self.bodies = {r.id: r for r in records if isinstance(r, Body)}
        self.own = {(r.TYPE, r.id) for r in records}
        self.reference = {b.id: b for b in reference_bodies}
        self.refdata = reference_parties
        self.parties = {r.id: r for r in records if isinstance(r, Party)}
        self.person_names = {r.id: r.name for r in records if isinstance(r, Person)}
        self.meetings = [r for r in records if isinstance(r, Meeting)]
        self.memberships = [r for r in records if isinstance(r, Membership)]
        wanted = [m.body for m in self.meetings] + [m.body for m in self.memberships]
        wanted += [b.parent for b in list(self.bodies.values()) if b.parent]
        while wanted:
            body_id = wanted.pop()
            if body_id in self.bodies:
                continue
            body = self.reference.get(body_id) or Body(
                id=body_id, name=body_id, kind=BodyKind.OTHER
            )
            self.bodies[body_id] = body
            if body.parent:
                wanted.append(body.parent)

    # -- parties -------------------------------------------------------------------

    def party_id(self, text: str, at: dt.date | None) -> str:
        """The id of the party organization an abbreviation as written stands for."""
        key = text.strip().strip("()").strip()
        for party in self.parties.values():
            if key in (party.abbreviation, *party.aliases) or key.upper() == party.abbreviation:
                return party.id
        found = self.refdata.party(key, at) if self.refdata is not None else None
        if found is not None:
            self.parties.setdefault(found.id, found)
            return str(found.id)
        party = Party(id=f"parti-{slug(key) or 'okant'}", abbreviation=key, name=key)
        self.parties.setdefault(party.id, party)
        return party.id

    # -- objects -------------------------------------------------------------------

    def person(self, person: Person) -> PopoloObject:
        data = self.conv.unstructure_record(person)
        obj: PopoloObject = {"id": person.id, "name": person.name}
        carried = {"name"}
        for key in ("given_name", "family_name"):
            if key in data:
                obj[key] = data[key]
                carried.add(key)
        obj.update(leftovers(data, carried))
        return obj

    def body(self, body: Body) -> PopoloObject:
        data = self.conv.unstructure_record(body)
        obj: PopoloObject = {"id": body.id, "name": body.name, "classification": body.kind.value}
        carried = {"name", "kind"}
        if body.parent:
            obj["parent_id"] = body.parent
            carried.add("parent")
        if body.period is not None:
            if body.period.start is not None:
                obj["founding_date"] = str(body.period.start)
            if body.period.end is not None:
                obj["dissolution_date"] = str(body.period.end)
            carried.add("period")
        obj.update(leftovers(data, carried))
        if (Body.TYPE, body.id) not in self.own:
            obj[EXT + "reference"] = True
        return obj

    def party(self, party: Party) -> PopoloObject:
        data = self.conv.unstructure_record(party)
        obj: PopoloObject = {
            "id": party.id,
            "name": party.name,
            "classification": "party",
            "identifiers": [{"identifier": party.abbreviation, "scheme": "abbreviation"}],
        }
        carried = {"name", "abbreviation"}
        if party.valid is not None:
            if party.valid.start is not None:
                obj["founding_date"] = str(party.valid.start)
            if party.valid.end is not None:
                obj["dissolution_date"] = str(party.valid.end)
            carried.add("valid")
        if party.aliases:
            obj["other_names"] = [{"name": alias, "note": "alias"} for alias in party.aliases]
        obj.update(leftovers(data, carried))
        if (Party.TYPE, party.id) not in self.own:
            obj[EXT + "reference"] = True
        return obj

    def membership(self, ms: Membership) -> PopoloObject:
        data = self.conv.unstructure_record(ms)
        obj: PopoloObject = {
            "id": ms.id,
            "person_id": ms.person,
            "organization_id": ms.body,
            "role": ms.role.value,
        }
        carried = {"person", "body", "role"}
        if ms.period is not None:
            if ms.period.start is not None:
                obj["start_date"] = str(ms.period.start)
            if ms.period.end is not None:
                obj["end_date"] = str(ms.period.end)
            carried.add("period")
        if ms.party:
            at = ms.period.start.earliest() if ms.period and ms.period.start else None
            obj["on_behalf_of_id"] = self.party_id(ms.party, at)
        obj.update(leftovers(data, carried))
        return obj

    def meeting(self, meeting: Meeting) -> list[PopoloObject]:
        data = self.conv.unstructure_record(meeting)
        body = self.bodies[meeting.body]
        obj: PopoloObject = {
            "id": meeting.id,
            "name": f"{meeting.body_name or body.name} {meeting.date_label}",
            "classification": "meeting",
            "organization_id": meeting.body,
            "status": meeting.status.value,
        }
        carried = {"body", "status", "items"}
        start = _event_date(meeting.date, meeting.start_time)
        end = _event_date(meeting.end_date or meeting.date, meeting.end_time)
        obj["start_date"] = start
        if meeting.end_date is not None or meeting.end_time is not None:
            obj["end_date"] = end
        if meeting.place is not None:
            obj["location"] = meeting.place
            carried.add("place")
        attendees: list[PopoloObject] = []
        for entry in meeting.attendance:
            if entry.status in PARTICIPANT and all(a["id"] != entry.person for a in attendees):
                person = {"id": entry.person}
                if entry.person in self.person_names:
                    person["name"] = self.person_names[entry.person]
                attendees.append(person)
        obj["attendees"] = attendees
        obj.update(leftovers(data, carried))
        events = [obj]
        for item, item_data in zip(meeting.items, data.get("items", []), strict=True):
            events.append(self.agenda_item(meeting, item, item_data))
        return events

    def agenda_item(self, meeting: Meeting, item: AgendaItem, data: dict[str, Any]) -> PopoloObject:
        obj: PopoloObject = {
            "id": item.id,
            "name": item.title,
            "classification": "agenda_item",
            "parent_id": meeting.id,
            "organization_id": meeting.body,
            "start_date": str(meeting.date) if meeting.date else None,
        }
        if item.number is not None:
            obj["identifiers"] = [{"identifier": item.number, "scheme": "number"}]
        obj.update(leftovers(data, {"title", "decisions"}))
        return obj

    def decision(
        self, meeting: Meeting, item: AgendaItem, decision: Decision, data: dict[str, Any]
    ) -> tuple[PopoloObject, PopoloObject | None]:
        motion: PopoloObject = {
            "id": decision.id,
            "organization_id": meeting.body,
            "legislative_session_id": meeting.id,
            "classification": decision.kind.value,
            "text": resolution_text(decision),
            "result": "pass",
            EXT + "agenda_item": item.id,
        }
        when = _datetime(meeting.date, meeting.start_time) if meeting.date else None
        if when is not None:
            motion["date"] = when
        motion.update(leftovers(data, {"kind", "votes"}))
        vote = decision.votes
        if vote is None:
            return motion, None
        vote_data = data["votes"]
        event: PopoloObject = {
            "id": f"{decision.id}-vote",
            "motion_id": decision.id,
            "organization_id": meeting.body,
            "legislative_session_id": meeting.id,
            "result": "pass",
        }
        if when is not None:
            event["start_date"] = when
        counts = [
            {"option": option, "value": value}
            for option, value in (("yes", vote.yes), ("no", vote.no), ("abstain", vote.abstain))
            if value is not None
        ]
        if counts:
            event["counts"] = counts
        if vote.roll_call:
            event["votes"] = [
                {"vote_event_id": event["id"], "voter_id": cast.person, "option": cast.choice}
                for cast in vote.roll_call
            ]
        event.update(leftovers(vote_data, {"yes", "no", "abstain", "roll_call"}))
        return motion, event

    def run(self) -> dict[str, Any]:
        out: dict[str, list[PopoloObject]] = {name: [] for name in COLLECTIONS}
        others: list[dict[str, Any]] = []
        for record in self.records:
            if isinstance(record, Person):
                out["persons"].append(self.person(record))
            elif isinstance(record, Membership):
                out["memberships"].append(self.membership(record))
            elif isinstance(record, Meeting):
                out["events"] += self.meeting(record)
                data = self.conv.unstructure_record(record)
                for item, item_data in zip(record.items, data.get("items", []), strict=True):
                    for decision, decision_data in zip(
                        item.decisions, item_data.get("decisions", []), strict=True
                    ):
                        motion, vote_event = self.decision(record, item, decision, decision_data)
                        out["motions"].append(motion)
                        if vote_event is not None:
                            out["vote_events"].append(vote_event)
            elif not isinstance(record, (Body, Party)):
                others.append(self.conv.unstructure_record(record))
        out["organizations"] = [self.body(b) for b in self.bodies.values()]
        out["organizations"] += [self.party(p) for p in self.parties.values()]
        result: dict[str, Any] = dict(out)
        if others:
            result[EXT + "records"] = others
        return result


def build_popolo(records: Iterable[Record], options: ExportOptions) -> dict[str, Any]:
    """Build a Popolo export in memory (see the module docstring for its shape).

    :param records: the records to export.
    :param options: the run's converter, reference data (parties) and reference
        bodies (bodies the records refer to but do not contain); other options are
        unused.
    :raises GrmodelError: when ``options`` has no converter or reference data.
    """
    converter = options.require_converter()
    refdata = options.require_refdata()
    return _Export(list(records), converter, options.reference_bodies.values(), refdata).run()


def write_popolo(records: Iterable[Record], target: Path, options: ExportOptions) -> None:
    """Write a Popolo export file (see :func:`build_popolo`)."""
    text = json.dumps(build_popolo(records, options), ensure_ascii=False, indent=2)
    target.write_text(text + "\n", encoding="utf-8")


EXPORTER = Exporter(
    name="popolo",
    summary="Popolo: one JSON file of persons, organizations, memberships, events, motions",
    write=write_popolo,
    suffix=".json",
)
"""The ``popolo`` export format."""
