"""The OParl exporter: every object validates against the official OParl 1.1 schemas,
embedded objects included; links resolve; planted defects are caught; round trip."""

from __future__ import annotations

import copy
import importlib.metadata
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import grmodel_oparl.plugin
import pytest
from grmodel_oparl import OParlValidator, build_oparl, oparl_validator, read_oparl
from oparl_samples import MEETING, OPARL_SCHEMAS, iter_objects, load_dir, sample_records

from grmodel.errors import GrmodelError
from grmodel.exporting.base import ExportOptions
from grmodel.model import Meeting, Record
from grmodel.pipeline.exporting import export
from grmodel.plugins import GrPluginManager, get_plugin_manager

BASE = "https://data.example.org/oparl"
EXAMPLE_MEETING = "gr-styrgruppen-social-valfard-2019-11-07"


@pytest.fixture(scope="module")
def pm() -> GrPluginManager:
    return get_plugin_manager(load_entrypoints=False, plugins=[("oparl", grmodel_oparl.plugin)])


@pytest.fixture(scope="module")
def validator() -> OParlValidator:
    if not OPARL_SCHEMAS.is_dir():
        pytest.skip(f"the OParl 1.1 schemas are not at {OPARL_SCHEMAS}")
    return oparl_validator(OPARL_SCHEMAS)


@pytest.fixture(scope="module")
def files(pm: GrPluginManager) -> dict[str, Any]:
    return build_oparl(sample_records(), pm.export_options(ExportOptions(base_url=BASE)))


def all_errors(files: dict[str, Any], validator: OParlValidator) -> list[str]:
    """Validate every object, each embedded object explicitly against its own schema
    (``grmodel/records.json`` is a vendor file of grmodel records, not OParl)."""
    errors = []
    for rel, content in files.items():
        if rel.startswith("grmodel/"):
            continue
        for path, obj in iter_objects(content):
            errors += [f"{rel} {path}{e[1:]}" for e in validator.errors(obj)]
    return errors


def by_type(files: dict[str, Any], name: str) -> list[dict[str, Any]]:
    return [
        obj
        for rel, obj in files.items()
        if obj.get("type") == f"https://schema.oparl.org/1.1/{name}"
    ]


# -- validity ---------------------------------------------------------------------


def test_every_object_valid(files: dict[str, Any], validator: OParlValidator) -> None:
    assert all_errors(files, validator) == []


def test_every_type_is_exported(files: dict[str, Any]) -> None:
    types = {
        obj["type"].rsplit("/", 1)[-1]
        for content in files.values()
        for _, obj in iter_objects(content)
    }
    assert types >= {
        "System",
        "Body",
        "Organization",
        "Person",
        "Membership",
        "Meeting",
        "AgendaItem",
        "Paper",
        "Consultation",
        "Location",
        "File",
    }


def test_embedded_objects_are_checked(files: dict[str, Any], validator: OParlValidator) -> None:
    meeting = files[f"meeting/{MEETING}.json"]
    embedded = [
        ("AgendaItem", meeting["agendaItem"][0]),
        ("Location", meeting["location"]),
        ("File", meeting["resultsProtocol"]),
    ]
    for name, obj in embedded:
        assert validator.errors(obj, name) == []
    # The official Meeting schema alone (plain Draft 4) does not look inside agendaItem:
    import jsonschema

    broken = copy.deepcopy(meeting)
    broken["agendaItem"][0]["order"] = "first"
    plain = jsonschema.Draft4Validator(validator.schemas["Meeting"])
    assert list(plain.iter_errors(broken)) == []
    # ... but ours does, through the embedded-schema keyword and the explicit walk.
    assert any("agendaItem[0].order" in e for e in validator.errors(broken))
    assert validator.errors(broken["agendaItem"][0]) != []


def plant(files: dict[str, Any], rel: str, change: Any) -> dict[str, Any]:
    broken = copy.deepcopy(files)
    change(broken[rel])
    return broken


DEFECTS = {
    "system without body": ("system.json", lambda o: o.pop("body")),
    "body without legislativeTerm": ("body/gr.json", lambda o: o.pop("legislativeTerm")),
    "person type URL wrong": (
        "person/bo-berg.json",
        lambda o: o.update(type="https://schema.oparl.org/1.0/Person"),
    ),
    "membership votingRight a string": (
        "membership/sgx-bo-berg.json",
        lambda o: o.update(votingRight="yes"),
    ),
    "meeting start without offset": (
        f"meeting/{MEETING}.json",
        lambda o: o.update(start="2019-11-07T09:00:00"),
    ),
    "embedded agenda item without order": (
        f"meeting/{MEETING}.json",
        lambda o: o["agendaItem"][1].pop("order"),
    ),
    "embedded file without accessUrl": (
        f"meeting/{MEETING}.json",
        lambda o: o["resultsProtocol"].pop("accessUrl"),
    ),
    "embedded location id not a URL": (
        f"meeting/{MEETING}.json",
        lambda o: o["location"].update(id="gardavagen"),
    ),
    "paper date not a date": ("paper/dnr-2019-00368.json", lambda o: o.update(date="2019-13-40")),
    "listed organization without id": (
        "body/gr/organization.json",
        lambda o: o["data"][0].pop("id"),
    ),
}


@pytest.mark.parametrize("defect", list(DEFECTS))
def test_planted_defect_fails(
    files: dict[str, Any], validator: OParlValidator, defect: str
) -> None:
    rel, change = DEFECTS[defect]
    assert all_errors(plant(files, rel, change), validator) != []


# -- structure and links ----------------------------------------------------------


def test_ids_are_stable_urls(files: dict[str, Any]) -> None:
    assert f"{BASE}/person/anna-andersson" == files["person/anna-andersson.json"]["id"]
    for rel, obj in files.items():
        if "id" in obj:
            assert obj["id"] == f"{BASE}/{rel.removesuffix('.json')}"


def test_every_link_resolves(files: dict[str, Any]) -> None:
    text = json.dumps(files)
    urls = set(re.findall(re.escape(BASE) + r"/[^\"]+", text))
    missing = sorted(u for u in urls if u.removeprefix(BASE + "/") + ".json" not in files)
    assert missing == []


def test_system_body_lists(files: dict[str, Any]) -> None:
    system = files["system.json"]
    assert system["oparlVersion"] == "https://schema.oparl.org/1.1/"
    bodies = files["bodies.json"]
    assert [b["id"] for b in bodies["data"]] == [f"{BASE}/body/gr"]
    assert bodies["pagination"]["totalElements"] == 1
    body = files["body/gr.json"]
    meetings = files[body["meeting"].removeprefix(BASE + "/") + ".json"]["data"]
    assert {m["id"].rsplit("/", 1)[-1] for m in meetings} == {
        MEETING,
        "sgx-2020-02",
        "gr-forbundsstyrelsen-2019-12-13",
    }
    organizations = files["body/gr/organization.json"]["data"]
    reference = {o["id"].rsplit("/", 1)[-1] for o in organizations if o.get("grmodel:reference")}
    assert reference == {"gr", "gr-forbundsstyrelsen", "gr-forbundsfullmaktige"}


def test_meeting_mapping(files: dict[str, Any]) -> None:
    meeting = files[f"meeting/{MEETING}.json"]
    assert meeting["start"] == "2019-11-07T09:00:00+01:00"
    assert meeting["end"] == "2019-11-07T12:30:00+01:00"
    assert meeting["organization"] == [f"{BASE}/organization/sgx"]
    assert [p.rsplit("/", 1)[-1] for p in meeting["participant"]] == [
        "anna-andersson",
        "cecilia-carlsson",
    ]
    assert [p.rsplit("/", 1)[-1] for p in meeting["grmodel:alsoPresent"]] == [
        "david-dahl",
        "eva-ek",
    ]
    assert meeting["grmodel:absent"] == [f"{BASE}/person/bo-berg"]
    assert meeting["grmodel:justering"]["justerare"] == ["cecilia-carlsson"]
    assert meeting["grmodel:stated_paragraphs"] == {"first": 38, "last": 40}
    assert "modified" not in meeting and "created" not in meeting  # none made up
    assert meeting["invitation"]["id"] == f"{BASE}/file/{MEETING}-dagordning"
    assert meeting["resultsProtocol"]["name"] == "Protokoll"
    item = meeting["agendaItem"][1]
    assert (item["number"], item["order"], item["name"]) == ("§ 39", 2, "Förslag om X")
    assert item["resolutionText"].splitlines()[1:3] == ["att godkänna X,", "att föreslå Y."]
    assert "reservation: Bo Berg (M)" in item["result"]
    assert "omedelbar justering" in item["keyword"]
    assert item["consultation"] == f"{BASE}/consultation/{MEETING}-p39--dnr-2019-00368"
    cancelled = files["meeting/gr-forbundsstyrelsen-2019-12-13.json"]
    assert cancelled["cancelled"] is True
    # a day without a stated time: the day's start, flagged as not stated
    assert cancelled["start"] == "2019-12-13T00:00:00+01:00"
    assert cancelled["grmodel:timeStated"] is False
    planned = files["meeting/sgx-2020-02.json"]
    assert "start" not in planned  # a month, no day: no start
    assert planned["grmodel:date"] == "2020-02"


def test_untimed_meetings_can_go_without_start(pm: GrPluginManager) -> None:
    """``-O untimed=omit``: a meeting without a stated time has no start, its day
    in grmodel:date; an unknown value is a one-line error."""
    options = ExportOptions(base_url=BASE, extra={"untimed": "omit"})
    files = build_oparl(sample_records(), pm.export_options(options))
    cancelled = files["meeting/gr-forbundsstyrelsen-2019-12-13.json"]
    assert "start" not in cancelled and "grmodel:timeStated" not in cancelled
    assert cancelled["grmodel:date"] == "2019-12-13"
    assert files[f"meeting/{MEETING}.json"]["start"] == "2019-11-07T09:00:00+01:00"
    wrong = ExportOptions(base_url=BASE, extra={"untimed": "midnight"})
    with pytest.raises(GrmodelError, match="untimed=midnight: not one of start, omit"):
        build_oparl(sample_records(), pm.export_options(wrong))


def test_paper_and_consultation(files: dict[str, Any]) -> None:
    paper = files["paper/dnr-2019-00368.json"]
    assert (paper["reference"], paper["date"], paper["paperType"]) == (
        "2019-00368",
        "2019-10-20",
        "tjänsteskrivelse",
    )
    consultation = paper["consultation"][0]
    assert consultation["agendaItem"] == f"{BASE}/agendaitem/{MEETING}-p39"
    assert consultation["meeting"] == f"{BASE}/meeting/{MEETING}"
    report = files["paper/rapport-2019-x.json"]
    assert "date" not in report
    assert report["grmodel:date"] == "2019-09"


def test_membership_mapping(files: dict[str, Any]) -> None:
    chair = files["membership/sgx-anna-andersson.json"]
    assert chair["role"] == "ordförande"
    assert chair["votingRight"] is True
    assert (chair["startDate"], chair["endDate"]) == ("2019-01-01", "2022-12-31")
    assert chair["grmodel:party"] == "S"
    substitute = files["membership/sgx-cecilia-carlsson.json"]
    assert substitute["votingRight"] is False
    partial = files["membership/sgx-bo-berg.json"]
    assert "startDate" not in partial
    assert partial["grmodel:period"] == {"start": "2019"}
    person = files["person/anna-andersson.json"]
    assert [m["id"] for m in person["membership"]] == [
        f"{BASE}/membership/sgx-anna-andersson",
        f"{BASE}/membership/sgx-presidium-anna-andersson",
    ]


def test_deterministic_and_base_url(pm: GrPluginManager) -> None:
    options = pm.export_options(ExportOptions(base_url=BASE))
    assert build_oparl(sample_records(), options) == build_oparl(sample_records(), options)
    other = build_oparl(
        sample_records(),
        pm.export_options(
            ExportOptions(
                base_url="https://other.example/x/",
                extra={"timestamp": "2024-01-02T03:04:05+01:00"},
            )
        ),
    )
    assert other["person/bo-berg.json"]["id"] == "https://other.example/x/person/bo-berg"
    assert other["person/bo-berg.json"]["created"] == "2024-01-02T03:04:05+01:00"


# -- round trip ----------------------------------------------------------------------


def keyed(records: list[Record]) -> dict[tuple[str, str], Record]:
    return {(r.TYPE, r.id): r for r in records}


def test_round_trip(pm: GrPluginManager, tmp_path: Path) -> None:
    records = sample_records()
    out = tmp_path / "oparl"
    source = tmp_path / "records.json"
    source.write_text(
        json.dumps([pm.converter.unstructure_record(r) for r in records], ensure_ascii=False),
        encoding="utf-8",
    )
    export("oparl", [source], out, pm, options=ExportOptions(base_url=BASE))
    back = read_oparl(out, pm.converter)
    assert keyed(back) == keyed(records)


def test_importer_via_plugin_manager(pm: GrPluginManager, tmp_path: Path) -> None:
    from grmodel.pipeline.importing import import_path

    out = tmp_path / "oparl"
    out.mkdir()
    for rel, obj in build_oparl(
        sample_records(), pm.export_options(ExportOptions(base_url=BASE))
    ).items():
        (out / rel).parent.mkdir(parents=True, exist_ok=True)
        (out / rel).write_text(json.dumps(obj), encoding="utf-8")
    result = import_path(out / "system.json", pm)  # detected as kind oparl
    assert keyed(list(result.records)) == keyed(sample_records())
    assert result.coverage == 1.0


# -- command line --------------------------------------------------------------------

GRMODEL = (sys.executable, "-m", "grmodel")

installed = {ep.name for ep in importlib.metadata.entry_points(group="grmodel")}


@pytest.mark.slow
@pytest.mark.skipif(
    "oparl" not in installed, reason="grmodel-oparl is not installed (pip install -e)"
)
def test_cli_export_and_import(pm: GrPluginManager, tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "GRMODEL_DISABLE_PLUGIN_AUTOLOAD"}
    source = tmp_path / "records.json"
    source.write_text(
        json.dumps([pm.converter.unstructure_record(r) for r in sample_records()]),
        encoding="utf-8",
    )
    out = tmp_path / "oparl"
    run = subprocess.run(
        [*GRMODEL, "export", "--to", "oparl", "--base-url", BASE, "-o", str(out), str(source)],
        capture_output=True,
        text=True,
        check=False,
        env=env,
    )
    assert run.returncode == 0, run.stderr
    assert (
        json.loads((out / "person" / "bo-berg.json").read_text())["id"] == f"{BASE}/person/bo-berg"
    )
    imported = tmp_path / "imported"
    system = str(out / "system.json")
    run = subprocess.run(
        [*GRMODEL, "import", "--kind", "oparl", "--format", "json", "-o", str(imported), system],
        capture_output=True,
        text=True,
        check=False,
        env=env,
    )
    assert run.returncode == 0, run.stderr
    written = list(imported.glob("*.json"))
    assert len(written) == 1
    ids = {r["id"] for r in json.loads(written[0].read_text())}
    assert {r.id for r in sample_records()} <= ids


# -- the bundled example data ------------------------------------------------------


def example_records(pm: GrPluginManager) -> list[Record]:
    from grmodel.examples import example_data_path
    from grmodel.pipeline.exporting import iter_records

    path = example_data_path()
    records = (
        list(iter_records([path], pm))
        if any(path.rglob("*.y*ml")) or any(path.rglob("*.json"))
        else []
    )
    if not any(isinstance(r, Meeting) and r.id == EXAMPLE_MEETING for r in records):
        pytest.skip(f"the example data has no meeting {EXAMPLE_MEETING} yet")
    return records


def test_example_data(pm: GrPluginManager, tmp_path: Path) -> None:
    records = example_records(pm)
    from grmodel.examples import example_data_path

    out = tmp_path / "oparl"
    export("oparl", [example_data_path()], out, pm, options=ExportOptions(base_url=BASE))
    files = load_dir(out)
    meetings = {m["id"] for m in files["body/gr/meeting.json"]["data"]}
    assert f"{BASE}/meeting/{EXAMPLE_MEETING}" in meetings
    meeting = files[f"meeting/{EXAMPLE_MEETING}.json"]
    assert len(meeting["participant"]) == 13
    items = meeting["agendaItem"]
    assert len(items) == 10
    numbers = [
        int(re.sub(r"\D", "", item.get("number") or str(item["grmodel:paragraph"])))
        for item in items
    ]
    assert numbers == list(range(38, 48))
    if OPARL_SCHEMAS.is_dir():
        assert all_errors(files, oparl_validator(OPARL_SCHEMAS)) == []
    mapped = {"body", "person", "membership", "meeting", "document"}
    back = keyed(read_oparl(out, pm.converter))
    assert {k: v for k, v in back.items() if k[0] in mapped} == {
        k: v for k, v in keyed(records).items() if k[0] in mapped
    }
    assert back == keyed(records)


def test_foreign_oparl_is_a_one_line_error(pm: GrPluginManager, tmp_path: Path) -> None:
    from grmodel.errors import GrmodelError

    files = copy.deepcopy(
        build_oparl(sample_records(), pm.export_options(ExportOptions(base_url=BASE)))
    )
    files["body/gr/meeting.json"]["data"][0].pop("meetingState")
    for rel, obj in files.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(json.dumps(obj), encoding="utf-8")
    with pytest.raises(GrmodelError, match="not an OParl export written by grmodel"):
        read_oparl(tmp_path, pm.converter)
    files["body/gr/meeting.json"]["data"][0]["meetingState"] = "held"
    files["body/gr/meeting.json"]["data"][0]["grmodel:date"] = "7 nov 2019"
    (tmp_path / "body/gr/meeting.json").write_text(json.dumps(files["body/gr/meeting.json"]))
    with pytest.raises(GrmodelError, match="meeting"):
        read_oparl(tmp_path, pm.converter)


def test_official_examples_as_control(validator: OParlValidator) -> None:
    """The validator passes OParl's own examples, except one: Meeting-01's embedded
    agenda item has no ``order``, which AgendaItem.json requires; only a validator
    that looks inside embedded objects (ours) sees it."""
    examples = OPARL_SCHEMAS.parent / "examples"
    results = {
        path.name: validator.errors(json.loads(path.read_text(encoding="utf-8")))
        for path in sorted(examples.glob("*.json"))
    }
    assert len(results) == 8
    assert results.pop("Meeting-01.json") == ["$.agendaItem[0]: 'order' is a required property"]
    assert all(errors == [] for errors in results.values()), results
