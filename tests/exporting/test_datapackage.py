"""The datapackage exporter: a Frictionless Data Package that validates."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from grmodel.examples import example_data_path
from grmodel.exporting.tables import TABLES
from grmodel.pipeline.exporting import export
from grmodel.plugins import GrPluginManager

if TYPE_CHECKING:
    import frictionless


def _validate(package: Path) -> frictionless.Report:
    import frictionless  # slow to import: only the slow tests need it

    return frictionless.validate(package / "datapackage.json")


def _errors(report: frictionless.Report) -> list[list[str]]:
    return report.flatten(["type", "message"])  # type: ignore[no-any-return]


@pytest.fixture
def package(small_set: Path, core_pm: GrPluginManager, tmp_path: Path) -> Path:
    out = tmp_path / "package"
    export("datapackage", [small_set], out, core_pm)
    return out


@pytest.mark.slow
def test_small_set_validates(package: Path) -> None:
    report = _validate(package)
    assert report.valid, _errors(report)
    descriptor = json.loads((package / "datapackage.json").read_text(encoding="utf-8"))
    names = [r["name"] for r in descriptor["resources"]]
    assert names == [t.name for t in TABLES]
    for table in TABLES:
        assert (package / f"{table.name}.csv").is_file()
    decisions = next(r for r in descriptor["resources"] if r["name"] == "decisions")
    assert decisions["schema"]["primaryKey"] == ["id"]
    assert {"fields": ["item_id"], "reference": {"resource": "agenda_items", "fields": ["id"]}} in (
        decisions["schema"]["foreignKeys"]
    )


def test_rows_are_there(package: Path) -> None:
    with (package / "decisions.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    proposal = next(r for r in rows if r["id"].endswith("2019-11-07-p38-d1"))
    assert proposal["kind"] == "proposal"
    assert proposal["target_body_id"] == "gr-forbundsstyrelsen"
    assert proposal["immediate_justering"] == "true"
    assert proposal["votes_yes"] == "1"
    with (package / "bodies.csv").open(encoding="utf-8", newline="") as handle:
        bodies = {r["id"]: r for r in csv.DictReader(handle)}
    assert bodies["gr-forbundsstyrelsen"]["origin"] == "refdata"


def _rewrite(path: Path, column: str, row_index: int, value: str) -> None:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    rows[row_index + 1][rows[0].index(column)] = value
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("table", "column", "value", "error"),
    [
        ("attendance", "meeting_id", "no-such-meeting", "foreign-key"),
        ("memberships", "person_id", "no-such-person", "foreign-key"),
        ("decisions", "item_id", "no-such-item", "foreign-key"),
        ("bodies", "parent_id", "no-such-body", "foreign-key"),
        ("attendance", "municipality_code", "9999", "foreign-key"),
        ("memberships", "party_abbreviation", "XYZ", "foreign-key"),
        ("municipalities", "county_code", "99", "foreign-key"),
        ("municipalities", "code", "1481", "unique-error"),
        ("agenda_items", "ordinal", "first", "type-error"),
        ("meetings", "date", "7 november 2019", "constraint-error"),
        ("decisions", "kind", "beslutat", "constraint-error"),
    ],
)
def test_planted_defect_fails_validation(
    package: Path, table: str, column: str, value: str, error: str
) -> None:
    _rewrite(package / f"{table}.csv", column, 0, value)
    report = _validate(package)
    assert not report.valid
    assert error in {e[0] for e in _errors(report)}


@pytest.mark.slow
def test_duplicate_id_fails_validation(package: Path) -> None:
    path = package / "persons.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join([*lines, lines[1]]), encoding="utf-8")
    report = _validate(package)
    assert not report.valid
    assert "primary-key" in {e[0] for e in _errors(report)}


@pytest.mark.slow
def test_example_data_validates(core_pm: GrPluginManager, tmp_path: Path) -> None:
    examples = example_data_path()
    if not any(p.suffix in {".yaml", ".yml", ".json"} for p in examples.rglob("*")):
        pytest.skip("the example data set is still empty")
    out = tmp_path / "examples"
    export("datapackage", [examples], out, core_pm)
    report = _validate(out)
    assert report.valid, _errors(report)[:20]
