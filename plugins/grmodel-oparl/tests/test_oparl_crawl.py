"""An OParl client's view of a directory export: from the System through every page
of every list, every object fetched by its URL and valid; pages, times, file names."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import attrs
import grmodel_oparl.plugin
import pytest
from grmodel_oparl import oparl_validator, read_oparl
from grmodel_oparl.common import UrlScheme
from oparl_samples import MEETING, OPARL_SCHEMAS, iter_objects, sample_records

from grmodel.errors import GrmodelError
from grmodel.exporting.base import ExportOptions
from grmodel.model import Meeting, Record
from grmodel.pipeline.exporting import export
from grmodel.plugins import GrPluginManager, get_plugin_manager

BASE = "https://data.example.org/oparl"
LONG_PLACE = "Konferenssalen Bohuslän, " * 40 + "Göteborg"


@pytest.fixture(scope="module")
def pm() -> GrPluginManager:
    return get_plugin_manager(load_entrypoints=False, plugins=[("oparl", grmodel_oparl.plugin)])


def _records() -> list[Record]:
    """The sample set, one meeting moved to a very long place, and 7 more meetings."""
    out: list[Record] = []
    for record in sample_records():
        if isinstance(record, Meeting) and record.id == MEETING:
            extra = [
                attrs.evolve(record, id=f"{MEETING}-copy{n}", items=(), attendance=())
                for n in range(7)
            ]
            record = attrs.evolve(record, place=LONG_PLACE)
            out.extend(extra)
        out.append(record)
    return out


def _export(pm: GrPluginManager, tmp_path: Path, **extra: str) -> Path:
    tmp_path.mkdir(parents=True, exist_ok=True)
    source = tmp_path / "records.json"
    source.write_text(
        json.dumps([pm.converter.unstructure_record(r) for r in _records()], ensure_ascii=False),
        encoding="utf-8",
    )
    out = tmp_path / "oparl"
    export("oparl", [source], out, pm, options=ExportOptions(base_url=BASE, extra=extra))
    return out


class Client:
    """Fetches objects by URL from the export directory, as a crawler over HTTP would."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.urls = UrlScheme(BASE)
        self.fetched: list[str] = []

    def get(self, url: str) -> Any:
        self.fetched.append(url)
        return json.loads((self.root / self.urls.path(url)).read_text(encoding="utf-8"))

    def crawl_list(self, url: str) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """Objects and pages of a list, following links.next."""
        objects, pages = [], []
        next_url: str | None = url
        while next_url:
            page = self.get(next_url)
            pages.append(page)
            objects.extend(page["data"])
            next_url = page["links"].get("next")
            assert len(pages) <= 1000
        return objects, pages


def test_crawl_from_system_through_every_list(pm: GrPluginManager, tmp_path: Path) -> None:
    root = _export(pm, tmp_path, page_size="3")
    client = Client(root)
    system = client.get(f"{BASE}/system")
    bodies, _ = client.crawl_list(system["body"])
    validator = oparl_validator(OPARL_SCHEMAS) if OPARL_SCHEMAS.is_dir() else None
    seen: dict[str, dict[str, Any]] = {}
    for body in bodies:
        assert client.get(body["id"]) == body
        for key in ("organization", "person", "meeting", "paper", "membership"):
            objects, pages = client.crawl_list(body[key])
            total = pages[0]["pagination"]["totalElements"]
            assert len(objects) == total
            assert len(pages) == pages[0]["pagination"]["totalPages"] == max(1, -(-total // 3))
            assert all(len(p["data"]) <= 3 for p in pages)
            assert [p["pagination"]["currentPage"] for p in pages] == list(range(1, len(pages) + 1))
            for obj in objects:
                assert client.get(obj["id"]) == obj  # the listed object is the fetched one
                seen[obj["id"]] = obj
    meetings = [o for o in seen.values() if o["type"].endswith("/Meeting")]
    assert len(meetings) == 10  # 3 sample meetings + 7 copies: 4 pages of 3
    if validator is not None:
        errors = [
            e for obj in seen.values() for _, o in iter_objects(obj) for e in validator.errors(o)
        ]
        assert errors == []
    for path in root.rglob("*"):
        assert len(path.name.encode("utf-8")) <= 160, path.name
    assert read_oparl(root, pm.converter)  # the importer follows the pages as well


def test_long_place_gets_a_bounded_location(pm: GrPluginManager, tmp_path: Path) -> None:
    root = _export(pm, tmp_path)
    meeting = json.loads((root / "meeting" / f"{MEETING}.json").read_text(encoding="utf-8"))
    location = meeting["location"]
    assert location["description"] == LONG_PLACE
    assert len(location["id"].rsplit("/", 1)[-1]) <= 64
    assert (root / UrlScheme(BASE).path(location["id"])).is_file()


def test_a_long_id_gets_a_bounded_file_name(pm: GrPluginManager, tmp_path: Path) -> None:
    long_id = "ledamot-" + "långt-namn-" * 30  # 338 bytes: over a file system's 255
    source = tmp_path / "p.json"
    person = {"type": "person", "id": long_id, "name": "Lång Namnsson"}
    source.write_text(json.dumps([person], ensure_ascii=False), encoding="utf-8")
    root = tmp_path / "oparl"
    export("oparl", [source], root, pm, options=ExportOptions(base_url=BASE))
    assert max(len(p.name.encode("utf-8")) for p in root.rglob("*")) <= 160
    fetched = Client(root).get(UrlScheme(BASE).url("person", long_id))
    assert fetched["name"] == "Lång Namnsson"  # the URL keeps the whole id
    assert [r.id for r in read_oparl(root, pm.converter)] == [long_id]


def test_round_trip_over_pages(pm: GrPluginManager, tmp_path: Path) -> None:
    root = _export(pm, tmp_path, page_size="1")
    back = {(r.TYPE, r.id): r for r in read_oparl(root, pm.converter)}
    assert back == {(r.TYPE, r.id): r for r in _records()}


def test_no_invented_times(pm: GrPluginManager, tmp_path: Path) -> None:
    root = _export(pm, tmp_path)
    texts = [p.read_text(encoding="utf-8") for p in root.rglob("*.json")]
    assert not any('"created"' in t or '"modified"' in t for t in texts)
    planned = json.loads((root / "meeting" / "sgx-2020-02.json").read_text(encoding="utf-8"))
    assert "start" not in planned  # a month, no day: no start
    stamped = _export(pm, tmp_path / "b", timestamp="2024-01-02T03:04:05+01:00")
    person = json.loads((stamped / "person" / "bo-berg.json").read_text(encoding="utf-8"))
    assert person["created"] == person["modified"] == "2024-01-02T03:04:05+01:00"


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [("page_size", "0", "not a whole number"), ("timestamp", "yesterday", "not an ISO")],
)
def test_bad_options_are_one_line_errors(
    pm: GrPluginManager, tmp_path: Path, key: str, value: str, message: str
) -> None:
    with pytest.raises(GrmodelError, match=f"-O {key}={value}: {message}"):
        _export(pm, tmp_path, **{key: value})
