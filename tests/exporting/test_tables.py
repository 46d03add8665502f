"""The declared table schema and the flattening of records into rows."""

from __future__ import annotations

import json
from collections import Counter
from typing import ClassVar

import attrs

from grmodel.exporting.tables import REFERENCE_TABLES, TABLES, TABLES_BY_NAME, flatten
from grmodel.model import Body, BodyKind, Meeting, PartialDate, Person, Record
from grmodel.plugins import GrPluginManager, get_plugin_manager, hookimpl


def test_schema_is_consistent() -> None:
    assert len(TABLES_BY_NAME) == len(TABLES)
    for table in TABLES:
        names = table.column_names
        assert len(set(names)) == len(names), table.name
        assert set(table.primary_key) <= set(names), table.name
        for column in table.primary_key:
            assert next(c for c in table.columns if c.name == column).required
        for fk in table.foreign_keys:
            assert set(fk.columns) <= set(names), table.name
            target = TABLES_BY_NAME[fk.table]
            unique = tuple(c.name for c in target.columns if c.unique)
            assert fk.ref_columns == target.primary_key or (
                len(fk.ref_columns) == 1 and fk.ref_columns[0] in unique
            ), (table.name, fk)
    for name in REFERENCE_TABLES:
        assert "origin" in TABLES_BY_NAME[name].column_names


def test_every_record_type_has_a_table() -> None:
    for name in (
        "persons", "bodies", "memberships", "meetings", "documents", "projects", "agreements",
        "collaborations", "stated_figures", "municipalities", "counties", "parties",
        "attendance", "agenda_items", "decisions", "decision_clauses", "reservations",
        "roll_call_votes", "funding_lines", "item_basis_documents", "project_participants",
        "collaboration_participants", "collaboration_areas",
    ):  # fmt: skip
        assert name in TABLES_BY_NAME


def test_rows_only_have_declared_columns(
    small_records: list[Record], core_pm: GrPluginManager
) -> None:
    counts: Counter[str] = Counter()
    for table, row in flatten(small_records, converter=core_pm.converter, refdata=core_pm.refdata):
        assert set(row) <= set(TABLES_BY_NAME[table].column_names), (table, row)
        counts[table] += 1
    assert counts["meetings"] == 6
    assert counts["decisions"] == 3
    assert counts["decision_clauses"] == 3
    assert counts["attendance"] == 3
    assert counts["attendance_paragraphs"] == 1
    assert counts["roll_call_votes"] == 2
    assert counts["funding_lines"] == 2
    # Every reference body, and the set's own one.
    assert counts["bodies"] == 1 + len(core_pm.refdata.bodies)
    # The set's own county, municipality and party replace those of the reference data.
    assert counts["municipalities"] == len(core_pm.refdata.all_municipalities)
    assert counts["counties"] == len(core_pm.refdata.counties)
    assert counts["parties"] == len(core_pm.refdata.parties)


def test_reference_bodies_and_stubs_keep_keys_whole(core_pm: GrPluginManager) -> None:
    records = [
        Meeting(id="m1", body="gr-forbundsstyrelsen", date=PartialDate(2019), secretary="ghost"),
        Body(id="b1", name="Egen grupp", kind=BodyKind.OTHER, parent="not-a-body"),
        Person(id="p1", name="P"),
    ]
    rows = list(flatten(records, converter=core_pm.converter, refdata=core_pm.refdata))
    bodies = {r["id"]: r["origin"] for t, r in rows if t == "bodies"}
    assert bodies == {
        "b1": "record",
        **dict.fromkeys(core_pm.refdata.bodies, "refdata"),
        "not-a-body": "stub",
    }
    assert bodies["gr-forbundsstyrelsen"] == "refdata"
    persons = {r["id"]: r["origin"] for t, r in rows if t == "persons"}
    assert persons == {"p1": "record", "ghost": "stub"}


def test_partial_dates_are_strings_with_first_and_last_day(core_pm: GrPluginManager) -> None:
    meeting = Meeting(id="m", body="gr", date=PartialDate(2018, 5))
    rows = flatten([meeting], converter=core_pm.converter, refdata=core_pm.refdata)
    (row,) = (r for t, r in rows if t == "meetings")
    assert row["date"] == "2018-05"
    assert str(row["date_first_day"]) == "2018-05-01"
    assert str(row["date_last_day"]) == "2018-05-31"


@attrs.frozen(kw_only=True)
class Site(Record):
    """A plugin's own record type."""

    TYPE: ClassVar[str] = "site"

    name: str


class SitePlugin:
    @hookimpl
    def grmodel_record_types(self) -> list[type[Record]]:
        return [Site]


def test_plugin_record_types_go_to_extra_records() -> None:
    pm = get_plugin_manager(load_entrypoints=False, plugins=[("sites", SitePlugin())])
    rows = [
        (table, row)
        for table, row in flatten(
            [Site(id="s1", name="Plats")], converter=pm.converter, refdata=pm.refdata
        )
        if table.startswith("extra_")
    ]
    assert rows == [
        (
            "extra_records",
            {"id": "s1", "type": "site", "data": '{"type": "site", "id": "s1", "name": "Plats"}'},
        )
    ]
    assert json.loads(rows[0][1]["data"])["name"] == "Plats"
