"""Every exporter given hostile values: a clear line, never an internal error."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest

from grmodel.errors import GrmodelError
from grmodel.model import Meeting, Person, StatedFigure
from grmodel.model.projects import FigureMeasure
from grmodel.pipeline.exporting import export
from grmodel.plugins import GrPluginManager, get_plugin_manager
from grmodel.testing import sample_records
from tests.hostile.conftest import one_line_error, run_cli

BIG = 10**30


@pytest.fixture(scope="module")
def all_pm() -> GrPluginManager:
    return get_plugin_manager()


def test_big_integer_into_sqlite_is_a_line_naming_the_row(tmp_path: Path) -> None:
    (tmp_path / "set").mkdir()
    (tmp_path / "set" / "f.yaml").write_text(
        f"type: stated_figure\nid: f1\nstatement: many\nmeasure: record_count\nvalue: {BIG}\n",
        encoding="utf-8",
    )
    result = run_cli("export", "--to", "sqlite", "-o", tmp_path / "o.sqlite", tmp_path / "set")
    line = one_line_error(result)
    assert result.returncode == 2
    assert "'f1'" in line and "column value" in line and "31 digits" in line
    assert not (tmp_path / "o.sqlite").exists()


def _hostile_records() -> list[object]:
    meeting = next(r for r in sample_records() if isinstance(r, Meeting))
    return [
        Person(id="p1", name="A\ud800B"),
        StatedFigure(id="f1", statement="x", measure=FigureMeasure.RECORD_COUNT, value=BIG),
        attrs.evolve(meeting, place="Gö\udce9teborg"),
    ]


@pytest.mark.parametrize("fmt", ["json", "yaml", "sqlite", "datapackage", "ics", "oparl", "popolo"])
def test_every_exporter_fails_cleanly_on_a_lone_surrogate(
    tmp_path: Path, all_pm: GrPluginManager, fmt: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    if fmt not in all_pm.exporters:
        pytest.skip(f"no {fmt} exporter installed")
    records = _hostile_records()
    monkeypatch.setattr(
        "grmodel.pipeline.exporting.iter_records", lambda *args, **kwargs: iter(records)
    )
    target = tmp_path / "out"
    error: GrmodelError | None = None
    try:
        export(fmt, [], target, all_pm)
    except GrmodelError as exc:
        error = exc
    if error is not None:
        assert "\n" not in str(error)
        assert " of plugin " not in str(error)  # the data's fault, not the exporter's
        assert not target.exists()
    else:  # an exporter that holds neither value (ics: no meetings) may succeed
        assert target.exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_date_icalendar_cannot_hold_is_a_line_naming_the_meeting(tmp_path: Path) -> None:
    (tmp_path / "m.yaml").write_text(
        'type: meeting\nid: m1\nbody: gr\ndate: "9999-12-31"\n', encoding="utf-8"
    )
    result = run_cli("export", "--to", "ics", "-o", tmp_path / "o.ics", tmp_path / "m.yaml")
    assert result.returncode == 2
    assert "meeting 'm1' on 9999-12-31" in one_line_error(result)


def test_document_with_cut_segments_exports_to_sqlite(
    tmp_path: Path, all_pm: GrPluginManager, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Found by fuzzing the exporters: the table's enumeration lacked ``cut``."""
    import sqlite3

    from grmodel.model import Document, DocumentKind
    from grmodel.model.documents import Segment
    from grmodel.model.values import Span

    cut = Segment(span=Span(line=3), text="Sida 2 (5)")
    records = [Document(id="d1", kind=DocumentKind.PROTOKOLL, cut=(cut,))]
    monkeypatch.setattr("grmodel.pipeline.exporting.iter_records", lambda *a, **k: iter(records))
    export("sqlite", [], tmp_path / "o.sqlite", all_pm)
    with sqlite3.connect(tmp_path / "o.sqlite") as con:
        rows = con.execute("SELECT disposition, text FROM document_segments").fetchall()
    assert rows == [("cut", "Sida 2 (5)")]
