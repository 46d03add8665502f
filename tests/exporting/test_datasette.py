"""The SQLite export as Datasette serves it: the join from attendance to municipality
names runs through Datasette's JSON API, and Datasette reads the foreign keys."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pytest
from datasette.app import Datasette

from grmodel.examples import example_data_path
from grmodel.pipeline.exporting import export
from grmodel.plugins import get_plugin_manager

ATTENDANCE_MUNICIPALITIES = """
SELECT a.meeting_id, a.person_id, a.municipality_as_written, m.name AS municipality,
       c.name AS county
FROM attendance AS a
JOIN municipalities AS m ON m.code = a.municipality_code
JOIN counties AS c ON c.code = m.county_code
ORDER BY a.meeting_id, a.ordinal
"""


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("datasette") / "examples.sqlite"
    export("sqlite", [example_data_path()], out, get_plugin_manager(load_entrypoints=False))
    return out


def _get(database: Path, *paths: str) -> list[Any]:
    """The JSON of each path, as Datasette answers it for ``database``."""

    async def run() -> list[Any]:
        ds = Datasette(files=[str(database)], immutables=[])
        await ds.invoke_startup()
        out = []
        for path in paths:
            response = await ds.client.get(path)
            assert response.status_code == 200, (path, response.text[:300])
            out.append(response.json())
        return out

    return asyncio.run(run())


def test_the_join_runs_through_datasette(database: Path) -> None:
    query = urlencode({"sql": ATTENDANCE_MUNICIPALITIES, "_shape": "array"})
    (served,) = _get(database, f"/examples.json?{query}")
    with sqlite3.connect(database) as db:
        direct = db.execute(ATTENDANCE_MUNICIPALITIES).fetchall()
    assert len(served) == len(direct) > 10
    assert [tuple(row.values()) for row in served] == direct
    chair = next(row for row in served if row["person_id"] == "kent-lagrell")
    assert (chair["municipality"], chair["county"]) == ("Öckerö", "Västra Götalands län")


def test_datasette_labels_codes_from_the_foreign_keys(database: Path) -> None:
    attendance, memberships = _get(
        database,
        "/examples/attendance.json?_shape=array&_labels=on&municipality_code=1407&_size=1",
        "/examples/memberships.json?_shape=array&_labels=on&party_abbreviation=M&_size=1",
    )
    assert attendance[0]["municipality_code"] == {"value": "1407", "label": "Öckerö"}
    assert memberships[0]["party_abbreviation"] == {"value": "M", "label": "Moderaterna"}
