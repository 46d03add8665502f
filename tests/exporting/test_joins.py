"""Joinable table exports: reference data as rows, a foreign key on every code column."""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.conftest import Run

from grmodel.examples import example_data_path
from grmodel.exporting.tables import TABLES, TABLES_BY_NAME, flatten
from grmodel.model import (
    Attendance,
    AttendanceStatus,
    Body,
    BodyKind,
    Meeting,
    PartialDate,
)
from grmodel.pipeline.exporting import export
from grmodel.plugins import GrPluginManager, get_plugin_manager, hookimpl
from grmodel.refdata import normalise_name

ATTENDANCE_MUNICIPALITIES = """
SELECT a.meeting_id, a.person_id, a.municipality_as_written, m.name, c.name
FROM attendance AS a
JOIN municipalities AS m ON m.code = a.municipality_code
JOIN counties AS c ON c.code = m.county_code
ORDER BY a.meeting_id, a.ordinal
"""

SAME_MUNICIPALITY_AT_THE_MEETING_AS_IN_THE_BODY = """
SELECT a.person_id, at_meeting.name, in_body.name
FROM attendance AS a
JOIN meetings AS mt ON mt.id = a.meeting_id
JOIN memberships AS ms ON ms.person_id = a.person_id AND ms.body_id = mt.body_id
JOIN municipalities AS at_meeting ON at_meeting.code = a.municipality_code
JOIN municipalities AS in_body ON in_body.code = ms.municipality_code
"""


@pytest.fixture(scope="module")
def examples_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[sqlite3.Connection]:
    out = tmp_path_factory.mktemp("joins") / "examples.sqlite"
    export("sqlite", [example_data_path()], out, get_plugin_manager(load_entrypoints=False))
    con = sqlite3.connect(out, isolation_level=None)
    yield con
    con.close()


def test_attendance_joins_to_municipality_names(examples_db: sqlite3.Connection) -> None:
    rows = examples_db.execute(ATTENDANCE_MUNICIPALITIES).fetchall()
    stated = examples_db.execute(
        "SELECT count(*) FROM attendance WHERE municipality_as_written IS NOT NULL"
    ).fetchone()[0]
    assert stated > 10
    assert len(rows) == stated  # every municipality the protocols state joins
    for _meeting, _person, written, name, _county in rows:
        # the example protocols write names ("Göteborg"), the join gives SCB's
        assert normalise_name(written) == normalise_name(name)
    chair = next(r for r in rows if r[1] == "kent-lagrell")
    assert chair[2:] == ("Öckerö", "Öckerö", "Västra Götalands län")


def test_attendance_and_memberships_name_the_same_municipalities(
    examples_db: sqlite3.Connection,
) -> None:
    # The protocol writes names, the memberships codes: both join to one row.
    rows = examples_db.execute(SAME_MUNICIPALITY_AT_THE_MEETING_AS_IN_THE_BODY).fetchall()
    assert len(rows) > 10
    assert [r for r in rows if r[1] != r[2]] == []


def test_examples_keys_hold(examples_db: sqlite3.Connection) -> None:
    assert examples_db.execute("PRAGMA foreign_key_check").fetchall() == []
    parties = examples_db.execute(
        "SELECT DISTINCT p.name FROM memberships AS ms "
        "JOIN parties AS p ON p.abbreviation = ms.party_abbreviation ORDER BY p.name"
    ).fetchall()
    assert ("Socialdemokraterna",) in parties


@pytest.mark.parametrize(
    ("table", "column", "value", "parent"),
    [
        ("attendance", "municipality_code", "9999", "municipalities"),
        ("memberships", "party_abbreviation", "XYZ", "parties"),
        ("municipalities", "county_code", "99", "counties"),
        ("body_members", "municipality_code", "0000", "municipalities"),
    ],
)
def test_a_dangling_code_is_caught(
    examples_db: sqlite3.Connection, table: str, column: str, value: str, parent: str
) -> None:
    examples_db.execute("SAVEPOINT dangling")
    try:
        examples_db.execute(
            f"UPDATE {table} SET {column} = ? WHERE rowid = (SELECT min(rowid) FROM {table})",
            (value,),
        )
        problems = examples_db.execute("PRAGMA foreign_key_check").fetchall()
    finally:
        examples_db.execute("ROLLBACK TO dangling")
        examples_db.execute("RELEASE dangling")
    assert [(p[0], p[2]) for p in problems] == [(table, parent)]


def test_the_reference_data_is_in_the_tables(
    examples_db: sqlite3.Connection, core_pm: GrPluginManager
) -> None:
    refdata = core_pm.refdata
    assert examples_db.execute(
        "SELECT code, name, county_code, valid_from, valid_to FROM municipalities "
        "WHERE name = 'Heby' ORDER BY code"
    ).fetchall() == [
        ("0331", "Heby", "03", "2007-01-01", None),
        ("1917", "Heby", "19", None, "2006-12-31"),
    ]
    counts = examples_db.execute(
        "SELECT (SELECT count(*) FROM municipalities), (SELECT count(*) FROM counties), "
        "(SELECT count(*) FROM parties), (SELECT count(*) FROM party_aliases)"
    ).fetchone()
    aliases = sum(len(p.aliases) for p in refdata.parties)
    expected = (len(refdata.all_municipalities), len(refdata.counties), len(refdata.parties))
    assert counts == (*expected, aliases)
    assert examples_db.execute(
        "SELECT successor FROM parties WHERE abbreviation = 'FP'"
    ).fetchone() == ("L",)


@pytest.mark.parametrize(
    ("kind", "elsewhere"),
    [("municipalities", {"county"}), ("counties", set()), ("parties", {"aliases"})],
)
def test_the_refdata_json_keys_are_the_column_names(
    grmodel: Run, kind: str, elsewhere: set[str]
) -> None:
    """``grmodel refdata KIND --format json`` and the table name a value alike (but a
    municipality's county name, and a party's aliases, which are rows of their own)."""
    code, out, _ = grmodel("refdata", kind, "--format", "json")
    assert code == 0
    keys = set().union(*(row.keys() for row in json.loads(out)))
    assert elsewhere <= keys
    assert keys - elsewhere <= set(TABLES_BY_NAME[kind].column_names)
    assert "aliases" not in TABLES_BY_NAME["parties"].column_names
    assert "alias" in TABLES_BY_NAME["party_aliases"].column_names


def _key_targets() -> dict[str, set[str | None]]:
    """Column name → the tables it is a foreign key to (``self`` for its own table;
    columns of a composite key left out)."""
    targets: dict[str, set[str | None]] = defaultdict(set)
    for table in TABLES:
        single = {fk.columns[0]: fk for fk in table.foreign_keys if len(fk.columns) == 1}
        composite = {c for fk in table.foreign_keys if len(fk.columns) > 1 for c in fk.columns}
        for column in table.columns:
            if column.name in composite:
                continue
            fk = single.get(column.name)
            if fk is None:
                targets[column.name].add(None)
            else:
                target = "self" if fk.table == table.name else fk.table
                targets[column.name].add(f"{target}.{fk.ref_columns[0]}")
    return targets


def test_a_column_name_means_one_thing_everywhere() -> None:
    mixed = {name: found for name, found in _key_targets().items() if len(found) > 1}
    assert mixed == {}
    targets = _key_targets()
    assert targets["municipality_code"] == {"municipalities.code"}
    assert targets["party_abbreviation"] == {"parties.abbreviation"}
    assert targets["county_code"] == {"counties.code"}
    # the text as written is never a key, and no bare "municipality" column is left
    assert targets["municipality_as_written"] == {None}
    assert "municipality" not in targets


def test_every_column_that_names_reference_data_has_a_key() -> None:
    for table in TABLES:
        keyed = {fk.columns[0] for fk in table.foreign_keys if len(fk.columns) == 1}
        for column in table.columns:
            if column.lookup is not None or column.name.endswith(("_code", "_abbreviation")):
                assert column.name in keyed, (table.name, column.name)
            if column.lookup is not None:
                source = column.lookup[1]
                assert source in table.column_names, (table.name, column.name)


def test_names_are_read_as_of_the_meeting(core_pm: GrPluginManager) -> None:
    def code_at(year: int) -> str | None:
        meeting = Meeting(
            id=f"m{year}",
            body="gr",
            date=PartialDate(year, 3, 1),
            attendance=(
                Attendance(person="p", status=AttendanceStatus.PRESENT, municipality="Heby"),
            ),
        )
        rows = flatten([meeting], converter=core_pm.converter, refdata=core_pm.refdata)
        (row,) = (r for t, r in rows if t == "attendance")
        assert row["municipality_as_written"] == "Heby"
        code: str | None = row["municipality_code"]
        return code

    assert code_at(2005) == "1917"
    assert code_at(2010) == "0331"


def test_an_unknown_name_keeps_its_text_and_no_code(core_pm: GrPluginManager) -> None:
    meeting = Meeting(
        id="m",
        body="gr",
        date=PartialDate(2019),
        attendance=(
            Attendance(person="p", status=AttendanceStatus.PRESENT, municipality="Gäteborg"),
        ),
    )
    rows = flatten([meeting], converter=core_pm.converter, refdata=core_pm.refdata)
    (row,) = (r for t, r in rows if t == "attendance")
    assert row["municipality_as_written"] == "Gäteborg"
    assert row.get("municipality_code") is None


class _ExtraBodies:
    @hookimpl
    def grmodel_reference_bodies(self) -> list[Body]:
        return [Body(id="vastkom", name="Västkom", kind=BodyKind.ASSOCIATION, members=("1480",))]


def test_a_plugins_reference_bodies_are_rows(tmp_path: Path) -> None:
    pm = get_plugin_manager(load_entrypoints=False, plugins=[("extra", _ExtraBodies())])
    records = tmp_path / "p.yaml"
    records.write_text("type: person\nid: p\nname: P\n", encoding="utf-8")
    out = tmp_path / "out.sqlite"
    export("sqlite", [records], out, pm)
    con = sqlite3.connect(out)
    try:
        assert con.execute("SELECT origin FROM bodies WHERE id = 'vastkom'").fetchone() == (
            "refdata",
        )
        assert con.execute(
            "SELECT m.name FROM body_members AS b "
            "JOIN municipalities AS m ON m.code = b.municipality_code WHERE b.body_id = 'vastkom'"
        ).fetchall() == [("Göteborg",)]
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        con.close()


def test_the_sets_own_entries_replace_the_reference_data(
    small_set: Path, core_pm: GrPluginManager, tmp_path: Path
) -> None:
    out = tmp_path / "small.sqlite"
    export("sqlite", [small_set], out, core_pm)
    con = sqlite3.connect(out)
    try:
        rows = con.execute(
            "SELECT id, origin, organisationsnummer FROM municipalities WHERE code = '1480'"
        ).fetchall()
        assert rows == [("kommun-1480", "record", "212000-1355")]
        assert con.execute("SELECT origin FROM parties WHERE abbreviation = 'FP'").fetchall() == [
            ("record",)
        ]
        assert con.execute("SELECT origin FROM parties WHERE abbreviation = 'S'").fetchall() == [
            ("refdata",)
        ]
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        con.close()
