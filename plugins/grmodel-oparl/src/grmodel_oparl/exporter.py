"""Records → an OParl 1.1 directory: one JSON file per object and per object list.

Layout under the output directory (``{base}`` is :attr:`ExportOptions.base_url`;
the object at ``{base}/X`` is stored in ``X.json``)::

    system.json                     System ({base}/system)
    bodies.json                     external list of Bodies
    body/<id>.json                  Body: the association (GR)
    body/<id>/organization.json     external lists of the Body: organization,
    body/<id>/person.json             person, meeting, paper, membership
    body/<id>/meeting.json
    body/<id>/paper.json
    body/<id>/membership.json
    body/<id>/meeting/page/<n>.json   page n > 1 of a list ({list}/page/n)
    organization/<id>.json          one file per object …
    person/<id>.json, membership/<id>.json, meeting/<id>.json,
    agendaitem/<id>.json, paper/<id>.json, consultation/<id>.json,
    file/<id>.json, location/<id>.json
    grmodel/records.json            records OParl has no object for (vendor file)

Lists are paged (:mod:`grmodel_oparl.paging`, ``-O page_size=N``). A meeting
without a stated time starts at the day's start with ``grmodel:timeStated: false``
(OParl's ``start`` is a date-time; its day is ``grmodel:date``; ``-O untimed=omit``
writes no ``start`` for a client that would show a midnight), and
``created``/``modified`` are written only when ``-O timestamp=…`` gives the time
of publication. A path segment too long for a file name is shortened with a
hash in the file name only (:func:`grmodel_oparl.common.bounded_segment`).

What OParl cannot carry is kept in ``grmodel:<field>`` extension properties in
grmodel's own serialisation, so the importer reads the export back losslessly;
see ``docs/explanation/oparl-popolo.rst``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from grmodel.converter import GrConverter
from grmodel.exporting.base import Exporter, ExportOptions
from grmodel.model import (
    Body,
    BodyKind,
    Document,
    Meeting,
    Membership,
    Person,
    Record,
    iter_refs,
)
from grmodel_oparl.common import (
    EXT,
    OPARL_VERSION,
    UrlScheme,
    leftovers,
    oparl_type,
)
from grmodel_oparl.mapping import (
    FILE_KINDS,
    MAPPED_TYPES,
    NON_VOTING_ROLES,
    VOTING_ROLES,
    page_size,
    period_dates,
    timestamp,
    untimed,
)
from grmodel_oparl.meetings import MeetingObjects, OParlObject
from grmodel_oparl.paging import DEFAULT_PAGE_SIZE, pages

__all__ = ["EXPORTER", "build_oparl", "write_oparl"]


class _Export(MeetingObjects):
    """One export run: indexes over the records, then one method per object type."""

    def __init__(
        self,
        records: Sequence[Record],
        options: ExportOptions,
        converter: GrConverter,
        reference_bodies: Iterable[Body],
    ):
        self.urls = UrlScheme(options.base_url)
        self.conv = converter
        self.records = records
        self.files: dict[str, OParlObject] = {}
        self.bodies: dict[str, Body] = {r.id: r for r in records if isinstance(r, Body)}
        self.own_bodies = set(self.bodies)
        self.reference = {b.id: b for b in reference_bodies}
        self.persons = [r for r in records if isinstance(r, Person)]
        self.person_names = {p.id: p.name for p in self.persons}
        self.memberships = [r for r in records if isinstance(r, Membership)]
        self.meetings = [r for r in records if isinstance(r, Meeting)]
        self.documents = {r.id: r for r in records if isinstance(r, Document)}
        self.others = [r for r in records if not isinstance(r, MAPPED_TYPES)]
        meeting_ids = {m.id for m in self.meetings}
        self.meeting_files: dict[str, list[Document]] = {}
        for doc in self.documents.values():
            if doc.kind in FILE_KINDS and doc.meeting in meeting_ids:
                self.meeting_files.setdefault(doc.meeting, []).append(doc)
        self.papers = [d for d in self.documents.values() if not self._is_file(d)]
        self._pull_in_referenced_bodies()
        self.stamp = timestamp(options)
        self.page_size = page_size(options)
        self.untimed = untimed(options)

    # -- indexes ---------------------------------------------------------------

    def _is_file(self, doc: Document) -> bool:
        return doc.meeting is not None and doc in self.meeting_files.get(doc.meeting, ())

    def _pull_in_referenced_bodies(self) -> None:
        wanted = [m.body for m in self.meetings] + [m.body for m in self.memberships]
        wanted += [b.parent for b in list(self.bodies.values()) if b.parent]
        wanted += [r.id for o in self.others for r in iter_refs(o) if r.types == ("body",)]
        while wanted:
            body_id = wanted.pop()
            if body_id in self.bodies:
                continue
            body = self.reference.get(body_id) or Body(
                id=body_id, name=self._name_as_used(body_id), kind=BodyKind.OTHER
            )
            self.bodies[body_id] = body
            if body.parent:
                wanted.append(body.parent)
        if not any(b.kind is BodyKind.ASSOCIATION for b in self.bodies.values()):
            fallback = self.reference.get("gr") or Body(
                id="association", name="Association", kind=BodyKind.ASSOCIATION
            )
            self.bodies[fallback.id] = fallback

    def _name_as_used(self, body_id: str) -> str:
        for meeting in self.meetings:
            if meeting.body == body_id and meeting.body_name:
                return meeting.body_name
        return body_id

    def root(self, body_id: str) -> str:
        """The association a body belongs to (the OParl Body)."""
        seen: set[str] = set()
        current = self.bodies.get(body_id)
        while current is not None and current.id not in seen:
            if current.kind is BodyKind.ASSOCIATION:
                return current.id
            seen.add(current.id)
            current = self.bodies.get(current.parent) if current.parent else None
        return self.primary

    @property
    def primary(self) -> str:
        """The first association: the Body of objects that belong to none."""
        for body in self.bodies.values():
            if body.kind is BodyKind.ASSOCIATION:
                return body.id
        raise AssertionError("an association is always present")

    def times(self) -> dict[str, str]:
        """``created``/``modified``: the publication time given as ``-O timestamp``, else
        none (grmodel knows when a meeting was held, not when its record was made)."""
        return {"created": self.stamp, "modified": self.stamp} if self.stamp else {}

    def put(self, obj: OParlObject) -> OParlObject:
        self.files[self.urls.path(obj["id"])] = obj
        return obj

    def unstructure(self, value: Any) -> dict[str, Any]:
        data: dict[str, Any] = self.conv.cattrs.unstructure(value)
        return data

    # -- objects ---------------------------------------------------------------

    def organization(self, body: Body) -> OParlObject:
        data = self.conv.unstructure_record(body)
        carried = {"name", "kind"}
        obj: OParlObject = {
            "id": self.urls.url("organization", body.id),
            "type": oparl_type("Organization"),
            "body": self.urls.url("body", self.root(body.id)),
            "name": body.name,
            "classification": body.kind.value,
        }
        if body.parent:
            obj["subOrganizationOf"] = self.urls.url("organization", body.parent)
            carried.add("parent")
        dates, exact = period_dates(body.period)
        if exact:
            obj.update(dates)
            carried.add("period")
        members = [m for m in self.memberships if m.body == body.id]
        if members:
            obj["membership"] = [self.urls.url("membership", m.id) for m in members]
        obj.update(self.times())
        obj.update(leftovers(data, carried))
        if body.id not in self.own_bodies:
            obj[EXT + "reference"] = True
        return self.put(obj)

    def membership(self, ms: Membership) -> OParlObject:
        data = self.conv.unstructure_record(ms)
        carried = {"person", "body", "role"}
        obj: OParlObject = {
            "id": self.urls.url("membership", ms.id),
            "type": oparl_type("Membership"),
            "person": self.urls.url("person", ms.person),
            "organization": self.urls.url("organization", ms.body),
            "role": ms.role.value,
        }
        if ms.role in VOTING_ROLES:
            obj["votingRight"] = True
        elif ms.role in NON_VOTING_ROLES:
            obj["votingRight"] = False
        dates, exact = period_dates(ms.period)
        if exact:
            obj.update(dates)
            carried.add("period")
        obj.update(self.times())
        obj.update(leftovers(data, carried))
        return self.put(obj)

    def person(self, person: Person, memberships: list[OParlObject]) -> OParlObject:
        data = self.conv.unstructure_record(person)
        obj: OParlObject = {
            "id": self.urls.url("person", person.id),
            "type": oparl_type("Person"),
            "body": self.urls.url("body", self.person_body(person.id)),
            "name": person.name,
        }
        carried = {"name"}
        if person.family_name is not None:
            obj["familyName"] = person.family_name
            carried.add("family_name")
        if person.given_name is not None:
            obj["givenName"] = person.given_name
            carried.add("given_name")
        if memberships:
            obj["membership"] = memberships
        obj.update(self.times())
        obj.update(leftovers(data, carried))
        return self.put(obj)

    def person_body(self, person_id: str) -> str:
        for ms in self.memberships:
            if ms.person == person_id:
                return self.root(ms.body)
        for meeting in self.meetings:
            if any(a.person == person_id for a in meeting.attendance):
                return self.root(meeting.body)
        return self.primary

    def external_list(self, url: str, objects: list[OParlObject]) -> None:
        for page_at, page in pages(url, objects, self.page_size):
            self.files[self.urls.path(page_at)] = page

    def link(self, type_tag: str, ref_id: str) -> str | None:
        """The URL of the OParl object that stands for a record of ``type_tag``, if any."""
        if type_tag == "body":
            return self.urls.url("organization", ref_id)
        if type_tag in ("person", "membership", "meeting"):
            return self.urls.url(type_tag, ref_id)
        if type_tag == "document":
            doc = self.documents.get(ref_id)
            return self.urls.url("file" if doc and self._is_file(doc) else "paper", ref_id)
        return None

    def links(self, record: Record) -> dict[str, str]:
        """Field path → URL, for each reference of a record without an OParl object of
        its own to a record with one (from the model's reference declarations)."""
        out: dict[str, str] = {}
        for ref in iter_refs(record):
            url = self.link(ref.types[0], ref.id) if len(ref.types) == 1 else None
            if url is not None:
                out[".".join(str(part) for part in ref.path)] = url
        return out

    def run(self) -> dict[str, Any]:
        organizations = [self.organization(b) for b in self.bodies.values()]
        memberships = [self.membership(m) for m in self.memberships]
        by_person: dict[str, list[OParlObject]] = {}
        for ms, ms_obj in zip(self.memberships, memberships, strict=True):
            by_person.setdefault(ms.person, []).append(ms_obj)
        persons = [self.person(p, by_person.get(p.id, [])) for p in self.persons]
        meetings: list[OParlObject] = []
        consultations: dict[str, list[OParlObject]] = {}
        locations: dict[str, OParlObject] = {}
        for meeting in self.meetings:
            obj, found = self.meeting(meeting)
            meetings.append(obj)
            for paper_id, items in found.items():
                consultations.setdefault(paper_id, []).extend(items)
            if "location" in obj:
                location = obj["location"]
                known = locations.setdefault(location["id"], dict(location, meetings=[]))
                known["meetings"].append(obj["id"])
        for location in locations.values():
            self.put(location)
        papers = [self.paper(d, consultations.get(d.id, [])) for d in self.papers]

        system_url = self.urls.url("system")
        body_objects = []
        for body in self.bodies.values():
            if body.kind is not BodyKind.ASSOCIATION:
                continue
            body_url = self.urls.url("body", body.id)
            lists = {
                "organization": [o for o in organizations if o["body"] == body_url],
                "person": [p for p in persons if p["body"] == body_url],
                "meeting": [
                    m
                    for m, rec in zip(meetings, self.meetings, strict=True)
                    if self.root(rec.body) == body.id
                ],
                "paper": [p for p in papers if p["body"] == body_url],
                "membership": [
                    o
                    for o, rec in zip(memberships, self.memberships, strict=True)
                    if self.root(rec.body) == body.id
                ],
            }
            body_obj: OParlObject = {
                "id": body_url,
                "type": oparl_type("Body"),
                "system": system_url,
                "name": body.name,
                "legislativeTerm": [],
                EXT + "organization": self.urls.url("organization", body.id),
            }
            for key, objects in lists.items():
                list_url = f"{body_url}/{key}"
                body_obj[key] = list_url
                self.external_list(list_url, objects)
            body_obj.update(self.times())
            body_objects.append(self.put(body_obj))
        self.external_list(self.urls.url("bodies"), body_objects)
        system: OParlObject = {
            "id": system_url,
            "type": oparl_type("System"),
            "oparlVersion": OPARL_VERSION,
            "body": self.urls.url("bodies"),
            "name": "grmodel OParl export",
            "website": "https://schema.oparl.org/",
        }
        system.update(self.times())
        if self.others:
            records_url = self.urls.url("grmodel", "records")
            system[EXT + "records"] = records_url
            links = {r.id: to for r in self.others if (to := self.links(r))}
            self.files[self.urls.path(records_url)] = {
                EXT + "records": [self.conv.unstructure_record(r) for r in self.others],
                **({EXT + "links": links} if links else {}),
            }
        self.put(system)
        return self.files


def build_oparl(records: Iterable[Record], options: ExportOptions) -> dict[str, dict[str, Any]]:
    """Build an OParl 1.1 export in memory.

    :param records: the records to export.
    :param options: base URL (ids are ``{base}/{type}/{id}``), the run's converter and
        reference bodies (bodies the records refer to but do not contain), and
        ``extra``: ``timestamp``, an ISO date-time of publication written as
        ``created``/``modified`` of every object (default: neither is written,
        rather than a time made up from the data), and ``page_size``, the
        objects per page of an external list (default 100).
    :returns: relative file path → JSON object.
    :raises GrmodelError: when ``options`` has no converter.
    """
    converter = options.require_converter()
    return _Export(list(records), options, converter, options.reference_bodies.values()).run()


def write_oparl(records: Iterable[Record], target: Path, options: ExportOptions) -> None:
    """Write an OParl 1.1 export directory (see :func:`build_oparl`)."""
    for rel, obj in build_oparl(records, options).items():
        path = target / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(obj, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


EXPORTER = Exporter(
    name="oparl",
    summary="OParl 1.1: a directory of JSON objects (System, Body, Meeting, Person, Paper…)",
    write=write_oparl,
    directory=True,
    options={
        "timestamp": "ISO date-time of publication: created/modified of every object "
        "(default: none written)",
        "page_size": f"objects per page of a list (default {DEFAULT_PAGE_SIZE})",
        "untimed": "a meeting without a stated time: start (the day's start, "
        "grmodel:timeStated false; default) or omit (no start; the day in grmodel:date)",
    },
)
"""The ``oparl`` export format."""
