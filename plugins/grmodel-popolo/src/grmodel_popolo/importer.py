"""A Popolo file written by grmodel → records (the inverse of :mod:`grmodel_popolo.exporter`).

Organizations marked ``grmodel:reference`` (bodies and parties pulled in from
reference data) are not turned into records. Decisions are rebuilt from the
motions (attached to the agenda item named by ``grmodel:agenda_item``, in file
order) and their votes from the vote events (by ``motion_id``).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import attrs

from grmodel.converter import GrConverter
from grmodel.errors import GrmodelError
from grmodel.ids import slug
from grmodel.importing.base import Importer, ImportResult, SourceDocument
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
from grmodel_popolo.exporter import EXT

__all__ = ["IMPORTER", "read_popolo", "records_from_popolo"]

PopoloObject = dict[str, Any]


def _ext(obj: PopoloObject, cls: type[Any]) -> dict[str, Any]:
    keys = [f.name for f in attrs.fields(cls)]
    return {key: obj[EXT + key] for key in keys if EXT + key in obj}


def _period(obj: PopoloObject, start: str, end: str) -> dict[str, Any] | None:
    period = {key: obj[prop] for key, prop in (("start", start), ("end", end)) if prop in obj}
    return period or None


def records_from_popolo(data: dict[str, Any], converter: GrConverter) -> list[Record]:
    """Records from a parsed Popolo export written by grmodel.

    :raises GrmodelError: when the data is not such an export.
    """
    try:
        return _records(data, converter)
    except (KeyError, IndexError, TypeError, AttributeError) as exc:
        raise GrmodelError(
            f"not a Popolo export written by grmodel ({type(exc).__name__}: {exc}; "
            "a property grmodel writes is missing or malformed)"
        ) from exc


def _records(data: dict[str, Any], converter: GrConverter) -> list[Record]:
    if not isinstance(data, dict) or not isinstance(data.get("persons"), list):
        raise GrmodelError("not a Popolo export (a JSON object with a 'persons' list)")
    raws = [*_organisation_raws(data), *_meeting_raws(data), *data.get(EXT + "records", [])]

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
            continue
        if obj.get("classification") == "party":
            raw = {
                "type": Party.TYPE,
                "id": obj["id"],
                "name": obj["name"],
                "abbreviation": obj["identifiers"][0]["identifier"],
            }
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
        raws.append(raw | _ext(obj, Membership))
    return raws


def _meeting_raws(data: dict[str, Any]) -> list[dict[str, Any]]:
    """Meetings with their agenda items, decisions and votes, as raw records."""
    raws: list[dict[str, Any]] = []
    votes: dict[str, dict[str, Any]] = {}
    for obj in data.get("vote_events", []):
        vote: dict[str, Any] = {c["option"]: c["value"] for c in obj.get("counts", [])}
        if obj.get("votes"):
            vote["roll_call"] = [
                {"person": v["voter_id"], "choice": v["option"]} for v in obj["votes"]
            ]
        votes[obj["motion_id"]] = vote | _ext(obj, Vote)
    decisions: dict[str, list[dict[str, Any]]] = {}
    for obj in data.get("motions", []):
        decision: dict[str, Any] = {"id": obj["id"], "kind": obj["classification"]}
        if obj["id"] in votes:
            decision["votes"] = votes[obj["id"]]
        decisions.setdefault(obj[EXT + "agenda_item"], []).append(decision | _ext(obj, Decision))
    items: dict[str, list[dict[str, Any]]] = {}
    for obj in data.get("events", []):
        if obj.get("classification") != "agenda_item":
            continue
        item: dict[str, Any] = {"id": obj["id"], "title": obj["name"]}
        if obj["id"] in decisions:
            item["decisions"] = decisions[obj["id"]]
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
        raws.append(raw | _ext(obj, Meeting))
    return raws


def read_popolo(path: Path, converter: GrConverter | None = None) -> list[Record]:
    """Read a Popolo file written by grmodel back into records.

    :param converter: the converter to structure records with (default: one with
        every installed plugin's record types).
    :raises GrmodelError: when the file cannot be read or is not such an export.
    """
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise GrmodelError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    except json.JSONDecodeError as exc:
        raise GrmodelError(f"{path}:{exc.lineno}: not JSON: {exc.msg}") from exc
    except UnicodeDecodeError as exc:  # found by fuzzing: named, not a crash
        raise GrmodelError(f"{path}: not UTF-8 JSON (byte {exc.start})") from exc
    if converter is None:
        from grmodel.plugins import get_plugin_manager

        converter = get_plugin_manager().converter
    return records_from_popolo(data, converter)


def _parse(document: SourceDocument) -> ImportResult:
    records = read_popolo(document.path)
    line_count = len(document.lines)
    source = Document(
        id=f"popolo-{slug(document.path.stem) or 'export'}",
        kind=DocumentKind.OTHER,
        title=f"Popolo export {document.path.name}",
        source_file=str(document.path),
        line_count=line_count,
    )
    return ImportResult(
        document=source, records=records, placed_lines=frozenset(range(1, line_count + 1))
    )


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
