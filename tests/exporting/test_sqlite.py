"""The sqlite exporter: a normalised database with keys that hold."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from grmodel.errors import GrmodelError
from grmodel.examples import example_data_path
from grmodel.exporting.formats.sqlite import write_sqlite
from grmodel.exporting.tables import TABLES
from grmodel.model import Person
from grmodel.pipeline.exporting import export
from grmodel.plugins import GrPluginManager

PROPOSALS_TO_THE_BOARD_2019 = """
SELECT d.id, m.date, m.body_id, d.text
FROM decisions AS d
JOIN meetings AS m ON m.id = d.meeting_id
WHERE d.kind = 'proposal'
  AND d.target_body_id = 'gr-forbundsstyrelsen'
  AND m.date >= '2019' AND m.date < '2020'
ORDER BY m.date, d.id
"""


@pytest.fixture
def db(small_set: Path, core_pm: GrPluginManager, tmp_path: Path) -> Iterator[sqlite3.Connection]:
    out = tmp_path / "out.sqlite"
    export("sqlite", [small_set], out, core_pm)
    con = sqlite3.connect(out)
    con.execute("PRAGMA foreign_keys = ON")
    yield con
    con.close()


def test_tables_keys_and_indexes(db: sqlite3.Connection) -> None:
    names = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert names == {t.name for t in TABLES}
    fks = {(r[2], r[3], r[4]) for r in db.execute("PRAGMA foreign_key_list(attendance)")}
    assert ("meetings", "meeting_id", "id") in fks
    assert ("persons", "person_id", "id") in fks
    fks = {(r[2], r[3], r[4]) for r in db.execute("PRAGMA foreign_key_list(decisions)")}
    assert ("agenda_items", "item_id", "id") in fks
    indexes = {r[1] for r in db.execute("PRAGMA index_list(meetings)")}
    assert {"ix_meetings_date", "ix_meetings_body_id"} <= indexes


def test_foreign_key_check_is_clean(db: sqlite3.Connection) -> None:
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_proposals_to_the_board_in_2019(db: sqlite3.Connection) -> None:
    rows = db.execute(PROPOSALS_TO_THE_BOARD_2019).fetchall()
    assert rows == [
        (
            "gr-styrgruppen-social-valfard-2019-11-07-p38-d1",
            "2019-11-07",
            "gr-styrgruppen-social-valfard",
            "Styrgruppen beslutar att föreslå förbundsstyrelsen",
        )
    ]


def test_values(db: sqlite3.Connection) -> None:
    row = db.execute(
        "SELECT start_time, date_first_day, status FROM meetings "
        "WHERE id = 'gr-styrgruppen-social-valfard-2019-11-07'"
    ).fetchone()
    assert row == ("09:00:00", "2019-11-07", "held")
    clauses = db.execute(
        "SELECT text FROM decision_clauses WHERE decision_id LIKE '%p38-d1' ORDER BY ordinal"
    ).fetchall()
    assert clauses == [("godkänna överenskommelsen",), ("ge förbundsdirektören i uppdrag",)]
    assert db.execute("SELECT origin FROM bodies WHERE id = 'gr'").fetchone() == ("refdata",)


def test_constraints_are_enforced(db: sqlite3.Connection) -> None:
    with pytest.raises(sqlite3.IntegrityError):
        db.execute(
            "INSERT INTO attendance (meeting_id, ordinal, person_id, status, whole_meeting) "
            "VALUES ('no-such-meeting', 1, 'bo-berg', 'present', 1)"
        )
    with pytest.raises(sqlite3.IntegrityError):
        db.execute("UPDATE meetings SET date = '7 nov 2019' WHERE id LIKE '%2019-11-07'")
    with pytest.raises(sqlite3.IntegrityError):
        db.execute("UPDATE decisions SET kind = 'beslutat'")


def test_duplicate_id_is_a_clear_error(tmp_path: Path, core_pm: GrPluginManager) -> None:
    records = [Person(id="p", name="A"), Person(id="p", name="B")]
    with pytest.raises(GrmodelError, match="persons"):
        write_sqlite(records, tmp_path / "dup.sqlite", core_pm.export_options())


def test_example_data(core_pm: GrPluginManager, tmp_path: Path) -> None:
    examples = example_data_path()
    if not any(p.suffix in {".yaml", ".yml", ".json"} for p in examples.rglob("*")):
        pytest.skip("the example data set is still empty")
    out = tmp_path / "examples.sqlite"
    export("sqlite", [examples], out, core_pm)
    con = sqlite3.connect(out)
    try:
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
        assert con.execute("SELECT count(*) FROM meetings").fetchone()[0] > 0
        con.execute(PROPOSALS_TO_THE_BOARD_2019).fetchall()
    finally:
        con.close()
