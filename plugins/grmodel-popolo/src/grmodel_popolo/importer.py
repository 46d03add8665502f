"""A Popolo file written by grmodel → records (the inverse of :mod:`grmodel_popolo.exporter`).

Organizations marked ``grmodel:reference`` (bodies and parties pulled in from
reference data) are not turned into records. Decisions are rebuilt from the
motions (attached to the agenda item named by ``grmodel:agenda_item``, in file
order) and their votes from the vote events (by ``motion_id``).

The file is read through :func:`grmodel.importing.jsonkeys.track`: a key the
importer does not read is kept on the import's document record and reported
(IMP009, :func:`grmodel.importing.jsonkeys.account`). Keys grmodel's exporter
writes for Popolo's readers and rebuilds from others on import (:data:`DERIVED`)
count as read where the export of the records read repeats them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import attrs

from grmodel.converter import GrConverter
from grmodel.errors import GrmodelError
from grmodel.exporting.base import ExportOptions
from grmodel.ids import slug
from grmodel.importing.base import Importer, ImportResult, SourceDocument
from grmodel.importing.jsonkeys import (
    JsonPath,
    TrackedArray,
    TrackedObject,
    UnreadKey,
    account,
    changed_derived,
    read_json,
    track,
    unread_keys,
)
from grmodel.model import (
    CORE_RECORD_TYPES,
    AgendaItem,
    Body,
    Decision,
    Document,
    DocumentKind,
    Meeting,
    Membership,
    Party,
    Person,
    Record,
    Vote,
)
from grmodel.refdata import ReferenceData
from grmodel_popolo.exporter import EXT, build_popolo

__all__ = ["DERIVED", "IMPORTER", "read_popolo", "read_popolo_keys", "records_from_popolo"]

PopoloObject = TrackedObject
"""A Popolo object, as the importer reads it."""

DERIVED: dict[str, tuple[str, ...]] = {
    "party": ("other_names",),
    "identifier": ("scheme",),
    "membership": ("on_behalf_of_id",),
    "meeting": ("name", "start_date", "end_date", "attendees"),
    "agenda_item": ("organization_id", "start_date", "identifiers"),
    "motion": ("organization_id", "legislative_session_id", "text", "result", "date"),
    "vote_event": ("id", "organization_id", "legislative_session_id", "result", "start_date"),
    "vote": ("vote_event_id",),
}
"""The keys the exporter writes that the importer rebuilds from others, by object
(each counts as read where the export of the records read writes the same value
again, an object matched by collection and id; else it is an unread key): a party
identifier's scheme, a party's other names (aliases, kept in ``grmodel:aliases``), a
membership's party organization (``grmodel:party``), a meeting's name, dates and
attendees (``grmodel:date``, ``grmodel:attendance``…), an agenda item's number
identifier (``grmodel:number``), a motion's and a vote event's links, text and
result (the decision's own fields)."""


def _ext(obj: PopoloObject, cls: type[Any]) -> dict[str, Any]:
    keys = [f.name for f in attrs.fields(cls)]
    return {key: obj.whole(EXT + key) for key in keys if EXT + key in obj}


def _period(obj: PopoloObject, start: str, end: str) -> dict[str, Any] | None:
    period = {key: obj[prop] for key, prop in (("start", start), ("end", end)) if prop in obj}
    return period or None


def _derived(obj: PopoloObject, what: str) -> None:
    obj.derive(*DERIVED[what])


def records_from_popolo(data: dict[str, Any], converter: GrConverter) -> list[Record]:
    """Records from a parsed Popolo export written by grmodel.

    The keys it does not read are not told here; :func:`read_popolo_keys` gives them.

    :raises GrmodelError: when the data is not such an export.
    """
    return _checked(track(data), converter)


def _checked(data: Any, converter: GrConverter) -> list[Record]:
    try:
        return _records(data, converter)
    except (KeyError, IndexError, TypeError, AttributeError) as exc:
        raise GrmodelError(
            f"not a Popolo export written by grmodel ({type(exc).__name__}: {exc}; "
            "a property grmodel writes is missing or malformed)"
        ) from exc


def _records(data: dict[str, Any], converter: GrConverter) -> list[Record]:
    if not isinstance(data, TrackedObject) or not isinstance(data.get("persons"), TrackedArray):
        raise GrmodelError("not a Popolo export (a JSON object with a 'persons' list)")
    raws = [*_organisation_raws(data), *_meeting_raws(data), *data.whole(EXT + "records", [])]

    out: dict[tuple[str, str], Record] = {}
    for raw in raws:
        try:
            record = converter.structure_record(raw)
        except Exception as exc:
            cls = converter.record_types.get(str(raw.get("type")))
            problems = "; ".join(
                ".".join(map(str, p.path)) + f": {p.message}" if p.path else p.message
                for p in converter.explain(exc, cls)
            )
            raise GrmodelError(
                f"{raw.get('type')} {raw.get('id')!r} in the Popolo export: {problems or exc} "
                "(only exports written by grmodel are read back)"
            ) from exc
        out.setdefault((record.TYPE, record.id), record)
    order = {cls.TYPE: n for n, cls in enumerate(CORE_RECORD_TYPES)}
    return sorted(out.values(), key=lambda r: (order.get(r.TYPE, len(order)), r.TYPE, r.id))


def _organisation_raws(data: dict[str, Any]) -> list[dict[str, Any]]:
    """Persons, parties, bodies and memberships, as grmodel's raw records."""
    raws: list[dict[str, Any]] = []
    for obj in data.get("persons", []):
        raw = {"type": Person.TYPE, "id": obj["id"], "name": obj["name"]}
        raw.update({k: obj[k] for k in ("given_name", "family_name") if k in obj})
        raws.append(raw | _ext(obj, Person))
    for obj in data.get("organizations", []):
        if obj.get(EXT + "reference"):
            obj.skip(*obj)  # reference data, not a record
            continue
        if obj.get("classification") == "party":
            identifier = obj["identifiers"][0]
            _derived(identifier, "identifier")
            raw = {
                "type": Party.TYPE,
                "id": obj["id"],
                "name": obj["name"],
                "abbreviation": identifier["identifier"],
            }
            _derived(obj, "party")
            if (valid := _period(obj, "founding_date", "dissolution_date")) is not None:
                raw["valid"] = valid
            raws.append(raw | _ext(obj, Party))
            continue
        raw = {"type": Body.TYPE, "id": obj["id"], "name": obj["name"]}
        raw["kind"] = obj["classification"]
        if "parent_id" in obj:
            raw["parent"] = obj["parent_id"]
        if (period := _period(obj, "founding_date", "dissolution_date")) is not None:
            raw["period"] = period
        raws.append(raw | _ext(obj, Body))
    for obj in data.get("memberships", []):
        raw = {
            "type": Membership.TYPE,
            "id": obj["id"],
            "person": obj["person_id"],
            "body": obj["organization_id"],
            "role": obj["role"],
        }
        if (period := _period(obj, "start_date", "end_date")) is not None:
            raw["period"] = period
        _derived(obj, "membership")
        raws.append(raw | _ext(obj, Membership))
    return raws


def _meeting_raws(data: dict[str, Any]) -> list[dict[str, Any]]:
    """Meetings with their agenda items, decisions and votes, as raw records."""
    raws: list[dict[str, Any]] = []
    votes: dict[str, dict[str, Any]] = {}
    for obj in data.get("vote_events", []):
        vote: dict[str, Any] = {c["option"]: c["value"] for c in obj.get("counts", [])}
        if obj.get("votes"):
            vote["roll_call"] = [_cast(v) for v in obj["votes"]]
        _derived(obj, "vote_event")
        votes[obj["motion_id"]] = vote | _ext(obj, Vote)
    decisions: dict[str, list[dict[str, Any]]] = {}
    for obj in data.get("motions", []):
        decision: dict[str, Any] = {"id": obj["id"], "kind": obj["classification"]}
        if obj["id"] in votes:
            decision["votes"] = votes[obj["id"]]
        _derived(obj, "motion")
        decisions.setdefault(obj[EXT + "agenda_item"], []).append(decision | _ext(obj, Decision))
    items: dict[str, list[dict[str, Any]]] = {}
    for obj in data.get("events", []):
        if obj.get("classification") != "agenda_item":
            continue
        item: dict[str, Any] = {"id": obj["id"], "title": obj["name"]}
        if obj["id"] in decisions:
            item["decisions"] = decisions[obj["id"]]
        _derived(obj, "agenda_item")
        items.setdefault(obj["parent_id"], []).append(item | _ext(obj, AgendaItem))
    for obj in data.get("events", []):
        if obj.get("classification") != "meeting":
            continue
        raw = {
            "type": Meeting.TYPE,
            "id": obj["id"],
            "body": obj["organization_id"],
            "status": obj["status"],
        }
        if "location" in obj:
            raw["place"] = obj["location"]
        if obj["id"] in items:
            raw["items"] = items[obj["id"]]
        _derived(obj, "meeting")
        raws.append(raw | _ext(obj, Meeting))
    return raws


def _cast(vote: PopoloObject) -> dict[str, Any]:
    _derived(vote, "vote")
    return {"person": vote["voter_id"], "choice": vote["option"]}


def read_popolo(path: Path, converter: GrConverter | None = None) -> list[Record]:
    """Read a Popolo file written by grmodel back into records.

    :param converter: the converter to structure records with (default: one with
        every installed plugin's record types).
    :raises GrmodelError: when the file cannot be read or is not such an export (a
        key given twice is an error at its line).
    """
    return read_popolo_keys(path, converter)[0]


def read_popolo_keys(
    path: Path, converter: GrConverter | None = None, refdata: ReferenceData | None = None
) -> tuple[list[Record], list[UnreadKey]]:
    """As :func:`read_popolo`, and the keys of the file that were not read (with
    their lines): a key the importer does not know, and a derived key
    (:data:`DERIVED`) whose value the export of the records read does not repeat.

    :param refdata: the reference data to export the records again with (default:
        the installed plugins').
    """
    text, data = read_json(path)
    if converter is None or refdata is None:
        from grmodel.plugins import get_plugin_manager

        pm = get_plugin_manager()
        converter, refdata = converter or pm.converter, refdata or pm.refdata
    view = track(data)
    records = _checked(view, converter)
    options = ExportOptions(converter=converter, refdata=refdata, reference_bodies=refdata.bodies)
    again = _by_id(build_popolo(records, options))
    changed = changed_derived(view, lambda obj: _counterpart(data, again, obj.path))
    return records, unread_keys(str(path), text, data, view, changed)


def _by_id(export: dict[str, Any]) -> dict[tuple[str | int, Any], Any]:
    return {
        (collection, obj.get("id")): obj
        for collection, objects in export.items()
        if isinstance(objects, list)
        for obj in objects
        if isinstance(obj, dict)
    }


def _counterpart(data: Any, again: dict[tuple[str | int, Any], Any], path: JsonPath) -> Any:
    """The object at ``path`` of the file in the export of the records read (matched
    by collection and id, then by the same keys and positions), or ``None``."""
    collection, index, *rest = path
    found: Any = again.get((collection, data[collection][index].get("id")))
    for part in rest:
        try:
            found = found[part]
        except (KeyError, IndexError, TypeError):
            return None
    return found if isinstance(found, dict) else None


def _parse(document: SourceDocument) -> ImportResult:
    records, unread = read_popolo_keys(document.path, refdata=document.refdata)
    line_count = len(document.lines)
    source = Document(
        id=f"popolo-{slug(document.path.stem) or 'export'}",
        kind=DocumentKind.OTHER,
        title=f"Popolo export {document.path.name}",
        source_file=str(document.path),
        line_count=line_count,
    )
    source, placed = account(source, line_count, unread, str(document.path))
    return ImportResult(document=source, records=records, placed_lines=placed)


def _detect(document: SourceDocument) -> float:
    head = document.text[:2000].lstrip()
    return 0.9 if head.startswith("{") and '"persons"' in head else 0.0


IMPORTER = Importer(
    name="popolo",
    summary="A Popolo JSON file written by grmodel (persons, organizations, events, motions…)",
    parse=_parse,
    detect=_detect,
)
"""The ``popolo`` importer."""
