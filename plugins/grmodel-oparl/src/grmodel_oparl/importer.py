"""An OParl 1.1 export directory → records (the inverse of :mod:`grmodel_oparl.exporter`).

The importer starts at ``system.json``, follows the System's body list and each
Body's external lists (organization, person, meeting, paper, membership), and
rebuilds records from the OParl properties grmodel writes plus the
``grmodel:<field>`` extension properties. Objects marked ``grmodel:reference``
(bodies pulled in from reference data) are not turned into records.

Each file is read through :func:`grmodel.importing.jsonkeys.track`: a key the
importer does not read is kept on the import's document record and reported
(IMP009, :func:`grmodel.importing.jsonkeys.account`). Keys grmodel's exporter
writes for OParl's clients and rebuilds from others on import (:data:`DERIVED`)
count as read where the export of the records read repeats them; those it only
knows (:data:`KNOWN`: types, publication times, paging) count as read.
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
    Document,
    DocumentKind,
    Meeting,
    Membership,
    Person,
    Record,
)
from grmodel.refdata import ReferenceData
from grmodel_oparl.common import EXT, UrlScheme, oparl_type
from grmodel_oparl.exporter import build_oparl
from grmodel_oparl.paging import iter_list

__all__ = ["DERIVED", "IMPORTER", "KNOWN", "read_oparl", "read_oparl_keys"]

OParlObject = TrackedObject
"""An OParl object, as the importer reads it."""

KNOWN: dict[str, tuple[str, ...]] = {
    "object": ("type", "created", "modified"),
    "page": ("pagination",),
    "links": ("first", "prev", "last"),
    "records": (EXT + "links",),
}
"""The keys the importer knows and does not need: every object's ``type`` and
publication times (``-O timestamp``), the paging of lists, the links of records
OParl has no object for."""

DERIVED: dict[str, tuple[str, ...]] = {
    "System": ("oparlVersion", "name", "website"),
    "Body": ("id", "system", "name", "legislativeTerm", EXT + "organization"),
    "Organization": ("body", "membership"),
    "Membership": ("votingRight",),
    "Person": ("body", "membership"),
    "Meeting": (
        "name",
        "cancelled",
        "start",
        "end",
        EXT + "timeStated",
        "participant",
        "keyword",
        EXT + "alsoPresent",
        EXT + "absent",
    ),
    "Location": ("id", "meetings"),
    "AgendaItem": ("meeting", "result", "resolutionText", "consultation", "keyword"),
    "File": ("accessUrl", "meeting"),
    "Paper": ("body", "underDirectionOf", "consultation"),
}
"""The keys the exporter writes that the importer rebuilds from others (or that
only link objects), by object type: a body's own properties, an organization's
and a person's memberships (read from the body's membership list), a meeting's
name, times, participants and keywords (from ``grmodel:date``,
``grmodel:attendance``, ``grmodel:kind``…), a location's own id, agenda items'
results and resolution texts (from ``grmodel:decisions``). Each counts as read
where the export of the records read writes the same value again (an object
matched by its id and the id of the object it is embedded in); else it is an
unread key."""


def _keys(cls: type[Any]) -> list[str]:
    return [f.name for f in attrs.fields(cls)]


def _ext(obj: OParlObject, cls: type[Any]) -> dict[str, Any]:
    """The ``grmodel:<field>`` properties of ``obj`` that are fields of ``cls``."""
    return {key: obj.whole(EXT + key) for key in _keys(cls) if EXT + key in obj}


def _derived(obj: OParlObject, what: str) -> None:
    if what in KNOWN:
        obj.skip(*KNOWN[what])
    else:
        obj.skip(*KNOWN["object"])
        obj.derive(*DERIVED[what])


def _period(obj: OParlObject) -> dict[str, Any] | None:
    period = {
        key: obj[prop] for key, prop in (("start", "startDate"), ("end", "endDate")) if prop in obj
    }
    return period or None


class _Reader:
    def __init__(self, system_file: Path, converter: GrConverter):
        self.root = system_file.parent
        self.system_file = system_file
        self.conv = converter
        self.read: dict[Path, tuple[Any, Any]] = {}
        """Each file read: its JSON and the view it was read through."""
        system = self._load_path(system_file)
        if system.get("type") != oparl_type("System"):
            raise GrmodelError(f"{system_file}: not an OParl 1.1 System object")
        system_url: str = system["id"]
        self.urls = UrlScheme(system_url.rsplit("/", 1)[0])
        self.system = system
        _derived(system, "System")

    def _load_path(self, path: Path) -> Any:
        if path not in self.read:
            data = read_json(path)[1]
            self.read[path] = (data, track(data))
        return self.read[path][1]

    def load(self, url: str) -> Any:
        return self._load_path(self.root / self.urls.path(url))

    def page(self, url: str) -> Any:
        page = self.load(url)
        _derived(page, "page")
        if isinstance(links := page.get("links"), TrackedObject):
            _derived(links, "links")
        return page

    def listed(self, url: str) -> list[OParlObject]:
        return list(iter_list(self.page, url))

    def unread(self, again: dict[tuple[str | None, str | None], Any]) -> list[UnreadKey]:
        """The keys of every file read that the importer did not read, or that are
        derived and not written again in ``again`` (the export of the records read,
        :func:`_index`). A file other than the System's is named relative to the
        export directory."""
        found: list[UnreadKey] = []
        for path, (data, view) in self.read.items():

            def rebuilt(obj: TrackedObject, data: Any = data) -> Any:
                return again.get(_context(data, obj.path))

            changed = changed_derived(view, rebuilt)
            if changed or next(iter(view.unread()), None) is not None:
                name = path if path == self.system_file else path.relative_to(self.root)
                found += unread_keys(str(name), read_json(path)[0], data, view, changed)
        return found

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
            obj.skip(*obj)  # reference data, not a record
            return None
        _derived(obj, "Organization")
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
        _derived(obj, "Person")
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
        _derived(obj, "Membership")
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
        _derived(obj, "AgendaItem")
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
        _derived(obj, "Meeting")
        raw: dict[str, Any] = {
            "type": Meeting.TYPE,
            "id": self.id_of(obj["id"]),
            "body": self.id_of(obj["organization"][0]),
            "status": obj["meetingState"],
        }
        if "location" in obj:
            _derived(obj["location"], "Location")
            raw["place"] = obj["location"]["description"]
        items = [self.agenda_item(item) for item in obj.get("agendaItem", [])]
        if items:
            raw["items"] = items
        raw.update(_ext(obj, Meeting))
        return self.record(raw)

    def document(self, obj: OParlObject, kind: str | None = None) -> Record:
        _derived(obj, "File" if kind is None else "Paper")
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
            _derived(body, "Body")
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
            records = self.load(self.system[EXT + "records"])
            _derived(records, "records")
            for raw in records.whole(EXT + "records"):
                add(self.record(raw))
        return _ordered(out.values())


def _is_object(value: Any) -> bool:
    return isinstance(value, dict) and "type" in value and isinstance(value.get("id"), str)


def _index(files: dict[str, Any]) -> dict[tuple[str | None, str | None], Any]:
    """Every object of an export's files, by the id of the object it is embedded in
    (``None`` at a file's top or in a list page) and its own id."""
    index: dict[tuple[str | None, str | None], Any] = {}
    stack: list[tuple[Any, str | None]] = [(obj, None) for obj in files.values()]
    while stack:
        value, parent = stack.pop()
        if isinstance(value, dict):
            own = value["id"] if _is_object(value) else None
            if own is not None:
                index.setdefault((parent, own), value)
            stack.extend((v, own or parent) for v in value.values())
        elif isinstance(value, list):
            stack.extend((v, parent) for v in value)
    return index


def _context(data: Any, path: JsonPath) -> tuple[str | None, str | None]:
    """The :func:`_index` key of the object at ``path`` in a file's ``data``."""
    parent: str | None = None
    for part in path:
        if _is_object(data):
            parent = data["id"]
        data = data[part]
    own = data.get("id") if isinstance(data, dict) else None
    return parent, own if isinstance(own, str) else None


def _ordered(records: Any) -> list[Record]:
    order = {cls.TYPE: n for n, cls in enumerate(CORE_RECORD_TYPES)}
    return sorted(records, key=lambda r: (order.get(r.TYPE, len(order)), r.TYPE, r.id))


def read_oparl(path: Path, converter: GrConverter | None = None) -> list[Record]:
    """Read an OParl export written by grmodel back into records.

    :param path: the export directory or its ``system.json``.
    :param converter: the converter to structure records with (default: one with
        every installed plugin's record types).
    :returns: the records, in the core's dependency order, then by id.
    :raises GrmodelError: when the export cannot be read (a key given twice in a
        file is an error at its line).
    """
    return read_oparl_keys(path, converter)[0]


def read_oparl_keys(
    path: Path, converter: GrConverter | None = None, refdata: ReferenceData | None = None
) -> tuple[list[Record], list[UnreadKey]]:
    """As :func:`read_oparl`, and the keys of the files read that were not read (with
    their files and lines): a key the importer does not know, and a derived key
    (:data:`DERIVED`) whose value the export of the records read does not repeat.

    :param refdata: the reference data to export the records again with (default:
        the installed plugins').
    """
    if path.is_dir():
        path = path / "system.json"
    if converter is None or refdata is None:
        from grmodel.plugins import get_plugin_manager

        pm = get_plugin_manager()
        converter, refdata = converter or pm.converter, refdata or pm.refdata
    try:
        reader = _Reader(path, converter)
        records = reader.run()
        stamp = reader.system.get("created")  # the export's -O timestamp, if any
        options = ExportOptions(
            base_url=reader.urls.base,
            extra={"timestamp": stamp} if isinstance(stamp, str) else {},
            converter=converter,
            refdata=refdata,
            reference_bodies=refdata.bodies,
        )
        return records, reader.unread(_index(build_oparl(records, options)))
    except (KeyError, IndexError, TypeError, AttributeError) as exc:
        raise GrmodelError(
            f"{path}: not an OParl export written by grmodel "
            f"({type(exc).__name__}: {exc}; a property grmodel writes is missing or malformed)"
        ) from exc


def _parse(document: SourceDocument) -> ImportResult:
    records, unread = read_oparl_keys(document.path, refdata=document.refdata)
    line_count = len(document.lines)
    source = Document(
        id=f"oparl-{slug(document.path.parent.name) or 'export'}",
        kind=DocumentKind.OTHER,
        title=f"OParl export {document.path.parent.name}",
        source_file=str(document.path),
        line_count=line_count,
    )
    source, placed = account(source, line_count, unread, str(document.path))
    return ImportResult(document=source, records=records, placed_lines=placed)


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
