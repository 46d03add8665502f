"""An OParl 1.1 export directory → records (the inverse of :mod:`grmodel_oparl.exporter`).

The importer starts at ``system.json``, follows the System's body list and each
Body's external lists (organization, person, meeting, paper, membership), and
rebuilds records from the OParl properties grmodel writes plus the
``grmodel:<field>`` extension properties. Objects marked ``grmodel:reference``
(bodies pulled in from reference data) are not turned into records.
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
    Document,
    DocumentKind,
    Meeting,
    Membership,
    Person,
    Record,
)
from grmodel_oparl.common import EXT, UrlScheme, oparl_type

__all__ = ["IMPORTER", "read_oparl"]

OParlObject = dict[str, Any]


def _keys(cls: type[Any]) -> list[str]:
    return [f.name for f in attrs.fields(cls)]


def _ext(obj: OParlObject, cls: type[Any]) -> dict[str, Any]:
    """The ``grmodel:<field>`` properties of ``obj`` that are fields of ``cls``."""
    return {key: obj[EXT + key] for key in _keys(cls) if EXT + key in obj}


def _period(obj: OParlObject) -> dict[str, Any] | None:
    period = {
        key: obj[prop] for key, prop in (("start", "startDate"), ("end", "endDate")) if prop in obj
    }
    return period or None


class _Reader:
    def __init__(self, system_file: Path, converter: GrConverter):
        self.root = system_file.parent
        self.conv = converter
        system = self._load_path(system_file)
        if system.get("type") != oparl_type("System"):
            raise GrmodelError(f"{system_file}: not an OParl 1.1 System object")
        system_url: str = system["id"]
        self.urls = UrlScheme(system_url.rsplit("/", 1)[0])
        self.system = system

    def _load_path(self, path: Path) -> Any:
        try:
            return json.loads(path.read_text(encoding="utf-8"))
        except OSError as exc:
            raise GrmodelError(f"{path}: cannot read: {exc.strerror or exc}") from exc
        except json.JSONDecodeError as exc:
            raise GrmodelError(f"{path}:{exc.lineno}: not JSON: {exc.msg}") from exc
        except UnicodeDecodeError as exc:  # found by fuzzing: named, not a crash
            raise GrmodelError(f"{path}: not UTF-8 JSON (byte {exc.start})") from exc

    def load(self, url: str) -> Any:
        return self._load_path(self.root / self.urls.path(url))

    def listed(self, url: str) -> list[OParlObject]:
        page = self.load(url)
        data: list[OParlObject] = list(page.get("data", []))
        return data

    def record(self, raw: dict[str, Any]) -> Record:
        try:
            return self.conv.structure_record(raw)
        except Exception as exc:
            problems = "; ".join(
                ".".join(map(str, p.path)) + f": {p.message}" if p.path else p.message
                for p in self.conv.explain(exc, self.conv.record_types.get(str(raw.get("type"))))
            )
            raise GrmodelError(
                f"{raw.get('type')} {raw.get('id')!r} in the OParl export: {problems or exc} "
                "(only exports written by grmodel are read back)"
            ) from exc

    def id_of(self, url: str) -> str:
        return self.urls.record_id(url)

    # -- objects -----------------------------------------------------------------

    def body(self, obj: OParlObject) -> Record | None:
        if obj.get(EXT + "reference"):
            return None
        raw: dict[str, Any] = {
            "type": Body.TYPE,
            "id": self.id_of(obj["id"]),
            "name": obj["name"],
            "kind": obj["classification"],
        }
        if "subOrganizationOf" in obj:
            raw["parent"] = self.id_of(obj["subOrganizationOf"])
        if (period := _period(obj)) is not None:
            raw["period"] = period
        raw.update(_ext(obj, Body))
        return self.record(raw)

    def person(self, obj: OParlObject) -> Record:
        raw: dict[str, Any] = {
            "type": Person.TYPE,
            "id": self.id_of(obj["id"]),
            "name": obj["name"],
        }
        if "givenName" in obj:
            raw["given_name"] = obj["givenName"]
        if "familyName" in obj:
            raw["family_name"] = obj["familyName"]
        raw.update(_ext(obj, Person))
        return self.record(raw)

    def membership(self, obj: OParlObject) -> Record:
        raw: dict[str, Any] = {
            "type": Membership.TYPE,
            "id": self.id_of(obj["id"]),
            "person": self.id_of(obj["person"]),
            "body": self.id_of(obj["organization"]),
            "role": obj["role"],
        }
        if (period := _period(obj)) is not None:
            raw["period"] = period
        raw.update(_ext(obj, Membership))
        return self.record(raw)

    def agenda_item(self, obj: OParlObject) -> dict[str, Any]:
        raw: dict[str, Any] = {
            "id": self.id_of(obj["id"]),
            "ordinal": obj["order"],
            "title": obj["name"],
        }
        if "number" in obj:
            raw["number"] = obj["number"]
        raw.update(_ext(obj, AgendaItem))
        return raw

    def meeting(self, obj: OParlObject) -> Record:
        raw: dict[str, Any] = {
            "type": Meeting.TYPE,
            "id": self.id_of(obj["id"]),
            "body": self.id_of(obj["organization"][0]),
            "status": obj["meetingState"],
        }
        if "location" in obj:
            raw["place"] = obj["location"]["description"]
        items = [self.agenda_item(item) for item in obj.get("agendaItem", [])]
        if items:
            raw["items"] = items
        raw.update(_ext(obj, Meeting))
        return self.record(raw)

    def document(self, obj: OParlObject, kind: str | None = None) -> Record:
        raw: dict[str, Any] = {"type": Document.TYPE, "id": self.id_of(obj["id"])}
        if kind is not None:
            raw["kind"] = kind
        for key, prop in (("title", "name"), ("date", "date"), ("diarienummer", "reference")):
            if prop in obj:
                raw[key] = obj[prop]
        raw.update(_ext(obj, Document))
        return self.record(raw)

    def files(self, meeting: OParlObject) -> list[OParlObject]:
        found = [meeting[key] for key in ("invitation", "resultsProtocol") if key in meeting]
        return found + list(meeting.get("auxiliaryFile", []))

    def run(self) -> list[Record]:
        out: dict[tuple[str, str], Record] = {}

        def add(record: Record | None) -> None:
            if record is not None:
                out.setdefault((record.TYPE, record.id), record)

        for body in self.listed(self.system["body"]):
            for obj in self.listed(body["organization"]):
                add(self.body(obj))
            for obj in self.listed(body["person"]):
                add(self.person(obj))
            for obj in self.listed(body["membership"]):
                add(self.membership(obj))
            for obj in self.listed(body["meeting"]):
                add(self.meeting(obj))
                for file in self.files(obj):
                    add(self.document(file))
            for obj in self.listed(body["paper"]):
                add(self.document(obj, kind=obj["paperType"]))
        if EXT + "records" in self.system:
            for raw in self.load(self.system[EXT + "records"])[EXT + "records"]:
                add(self.record(raw))
        return _ordered(out.values())


def _ordered(records: Any) -> list[Record]:
    order = {cls.TYPE: n for n, cls in enumerate(CORE_RECORD_TYPES)}
    return sorted(records, key=lambda r: (order.get(r.TYPE, len(order)), r.TYPE, r.id))


def read_oparl(path: Path, converter: GrConverter | None = None) -> list[Record]:
    """Read an OParl export written by grmodel back into records.

    :param path: the export directory or its ``system.json``.
    :param converter: the converter to structure records with (default: one with
        every installed plugin's record types).
    :returns: the records, in the core's dependency order, then by id.
    :raises GrmodelError: when the export cannot be read.
    """
    if path.is_dir():
        path = path / "system.json"
    if converter is None:
        from grmodel.plugins import get_plugin_manager

        converter = get_plugin_manager().converter
    try:
        return _Reader(path, converter).run()
    except (KeyError, IndexError, TypeError, AttributeError) as exc:
        raise GrmodelError(
            f"{path}: not an OParl export written by grmodel "
            f"({type(exc).__name__}: {exc}; a property grmodel writes is missing or malformed)"
        ) from exc


def _parse(document: SourceDocument) -> ImportResult:
    records = read_oparl(document.path)
    line_count = len(document.lines)
    source = Document(
        id=f"oparl-{slug(document.path.parent.name) or 'export'}",
        kind=DocumentKind.OTHER,
        title=f"OParl export {document.path.parent.name}",
        source_file=str(document.path),
        line_count=line_count,
    )
    return ImportResult(
        document=source, records=records, placed_lines=frozenset(range(1, line_count + 1))
    )


def _detect(document: SourceDocument) -> float:
    head = document.text[:4000]
    return 0.95 if oparl_type("System") in head and '"oparlVersion"' in head else 0.0


IMPORTER = Importer(
    name="oparl",
    summary="An OParl 1.1 export directory written by grmodel (give its system.json)",
    parse=_parse,
    detect=_detect,
)
"""The ``oparl`` importer."""
