"""Names of reference-data entries declared on the model (``refdata_ref``): walked by
iter_refdata_refs, checked by the MUN and PTY rules, exported as code columns with
foreign keys; a plugin's record type gets all of it from its declarations."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import ClassVar

import attrs
import pytest

from grmodel.exporting.tables import flatten
from grmodel.model import (
    CORE_RECORD_TYPES,
    Body,
    BodyKind,
    PartialDate,
    Record,
    RefdataReference,
    SeatAllocation,
    iter_refdata_refs,
    ref,
    refdata_ref,
)
from grmodel.model.refs import REFDATA_KINDS, refdata_kind, refdata_loose
from grmodel.pipeline.exporting import export
from grmodel.plugins import GrPluginManager, get_plugin_manager, hookimpl
from grmodel.testing import validate_yaml


@attrs.frozen(kw_only=True)
class Delegate:
    """A nested value of the plugin's type naming a party and a municipality."""

    person: str = ref("person")
    party: str | None = refdata_ref("party", default=None)
    municipality: str | None = refdata_ref("municipality", default=None)


@attrs.frozen(kw_only=True)
class Delegation(Record):
    """A plugin's record type: a delegation hosted by a municipality."""

    TYPE: ClassVar[str] = "delegation"

    date: PartialDate | None = None
    host: str = refdata_ref("municipality")
    county: str | None = refdata_ref("county", default=None)
    delegates: tuple[Delegate, ...] = ()
    partners: tuple[str, ...] = refdata_ref("municipality", loose=True, default=())


class DelegationPlugin:
    @hookimpl
    def grmodel_record_types(self) -> list[type[Record]]:
        return [Delegation]


DELEGATION_SET = """\
type: person
id: bo-ek
name: Bo Ek
---
type: delegation
id: del-1
date: "2016-03-01"
host: Gäteborg
county: "14"
delegates:
  - person: bo-ek
    party: FP
    municipality: Kungälv
  - person: bo-ek
    party: "(m)"
    municipality: Heby
  - person: bo-ek
    party: Xyz
partners: [Västkom, Alingsåss]
"""


@pytest.fixture(scope="module")
def pm() -> GrPluginManager:
    return get_plugin_manager(load_entrypoints=False, plugins=[("d", DelegationPlugin())])


def test_the_walk_follows_the_declarations() -> None:
    body = Body(
        id="gr",
        name="GR",
        kind=BodyKind.ASSOCIATION,
        members=("1480", "Kungälv"),
        municipality="1480",
        seats=SeatAllocation(per_municipality={"1480": 3}),
    )
    seats = body.seats
    assert list(iter_refdata_refs(body)) == [
        RefdataReference("1480", "municipality", False, ("members", 0), None),
        RefdataReference("Kungälv", "municipality", False, ("members", 1), None),
        RefdataReference(
            "1480", "municipality", False, ("seats", "per_municipality", "1480"), seats
        ),
        RefdataReference("1480", "municipality", False, ("municipality",), None),
    ]
    delegation = Delegation(
        id="d",
        host="Öckerö",
        delegates=(Delegate(person="p", party="S"),),
        partners=("Västkom",),
    )
    assert [(r.text, r.kind, r.loose, r.path) for r in iter_refdata_refs(delegation)] == [
        ("Öckerö", "municipality", False, ("host",)),
        ("S", "party", False, ("delegates", 0, "party")),
        ("Västkom", "municipality", True, ("partners", 0)),
    ]
    assert list(iter_refdata_refs(delegation))[1].node == delegation.delegates[0]


def test_every_refdata_field_of_the_core_is_declared() -> None:
    """Project and collaboration participants and agreement parties may be other
    organisations: declared loose, so only near misses are findings."""
    loose = set()
    for cls in CORE_RECORD_TYPES:
        for field in attrs.fields(cls):
            if refdata_kind(field) is not None and refdata_loose(field):
                loose.add((cls.TYPE, field.name))
            if field.name in {"municipality", "party", "members", "county"}:
                assert refdata_kind(field) in REFDATA_KINDS, (cls.TYPE, field.name)
    assert loose == {
        ("project", "participants"),
        ("collaboration", "participants"),
        ("agreement", "parties"),
    }


def test_a_plugin_type_s_names_are_checked_by_mun_and_pty(pm: GrPluginManager) -> None:
    findings = validate_yaml(DELEGATION_SET, pm=pm, select=["MUN", "PTY"])
    got = sorted((f.code, f.path, f.line) for f in findings)
    assert got == [
        ("MUN002", "host", 8),  # Gäteborg: unknown
        ("MUN002", "partners[1]", 19),  # loose, but a near miss of Alingsås
        ("PTY001", "delegates[2].party", 18),  # Xyz: not in the reference data
        ("PTY002", "delegates[0].party", 12),  # FP on 2016-03-01: replaced by L
        ("PTY003", "delegates[1].party", 15),  # (m): written for M
    ]
    by_path = {f.path: f.message for f in findings}
    assert "did you mean Göteborg" in by_path["host"]
    assert "did you mean Alingsås" in by_path["partners[1]"]
    assert "succeeded by L" in by_path["delegates[0].party"]


def test_a_core_body_s_municipality_is_checked() -> None:
    # Body.municipality is declared like every other municipality field: checked too.
    body = "type: body\nid: ks\nname: KS\nkind: board\nmunicipality: Gäteborg\n"
    findings = validate_yaml(body, select=["MUN002"])
    assert [(f.code, f.path) for f in findings] == [("MUN002", "municipality")]


def test_a_plugin_type_s_names_are_code_columns(pm: GrPluginManager, tmp_path: Path) -> None:
    source = tmp_path / "set.yaml"
    source.write_text(DELEGATION_SET, encoding="utf-8")
    target = tmp_path / "set.sqlite"
    export("sqlite", [source], target, pm)
    with sqlite3.connect(target) as db:
        keys = {(row[3], row[2], row[4]) for row in db.execute(
            "PRAGMA foreign_key_list(extra_record_refdata)"
        )}  # fmt: skip
        assert keys == {
            ("record_id", "extra_records", "id"),
            ("municipality_code", "municipalities", "code"),
            ("county_code", "counties", "code"),
            ("party_abbreviation", "parties", "abbreviation"),
        }
        rows = db.execute(
            "SELECT r.field, r.kind, m.name, c.name, p.name FROM extra_record_refdata AS r "
            "LEFT JOIN municipalities AS m ON m.code = r.municipality_code "
            "LEFT JOIN counties AS c ON c.code = r.county_code "
            "LEFT JOIN parties AS p ON p.abbreviation = r.party_abbreviation "
            "ORDER BY r.ordinal"
        ).fetchall()
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    assert rows == [
        ("host", "municipality", None, None, None),  # Gäteborg names none: no code
        ("county", "county", None, "Västra Götalands län", None),
        ("delegates.0.party", "party", None, None, "Folkpartiet liberalerna"),
        ("delegates.0.municipality", "municipality", "Kungälv", None, None),
        ("delegates.1.party", "party", None, None, "Moderaterna"),
        ("delegates.1.municipality", "municipality", "Heby", None, None),
        ("delegates.2.party", "party", None, None, None),
        ("partners.0", "municipality", None, None, None),
        ("partners.1", "municipality", None, None, None),
    ]


def test_a_plugin_type_s_names_are_read_as_of_its_date(pm: GrPluginManager) -> None:
    def heby(year: int) -> str | None:
        record = Delegation(id="d", date=PartialDate(year), host="Heby")
        (row,) = (r for t, r in flatten([record], converter=pm.converter, refdata=pm.refdata)
                  if t == "extra_record_refdata")  # fmt: skip
        code: str | None = row["municipality_code"]
        return code

    assert (heby(2005), heby(2010)) == ("1917", "0331")


@pytest.mark.slow
def test_a_plugin_type_s_data_package_validates(pm: GrPluginManager, tmp_path: Path) -> None:
    import frictionless  # slow to import: only the slow tests need it

    source = tmp_path / "set.yaml"
    source.write_text(DELEGATION_SET, encoding="utf-8")
    out = tmp_path / "package"
    export("datapackage", [source], out, pm)
    report = frictionless.validate(out / "datapackage.json")
    assert report.valid, report.flatten(["type", "message"])
    lines = (out / "extra_record_refdata.csv").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1 + 9
    assert any(",Kungälv,1482" in line for line in lines)
