"""Format-specific ``-O`` options: a key the exporter does not take is an error."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.conftest import Run

from grmodel.errors import GrmodelError
from grmodel.examples import example_data_path
from grmodel.exporting.base import ExportOptions
from grmodel.pipeline.exporting import export
from grmodel.plugins import GrPluginManager


def test_unknown_option_lists_the_exporters_options(
    core_pm: GrPluginManager, tmp_path: Path
) -> None:
    options = ExportOptions(extra={"calendar_nmae": "GR"})
    with pytest.raises(GrmodelError, match=r"ics export: unknown option -O calendar_nmae") as err:
        export("ics", [example_data_path()], tmp_path / "a.ics", core_pm, options=options)
    assert "(options: calendar_name)" in str(err.value)
    assert not (tmp_path / "a.ics").exists()


def test_known_option_is_used(core_pm: GrPluginManager, tmp_path: Path) -> None:
    options = ExportOptions(extra={"calendar_name": "GR:s möten"})
    export("ics", [example_data_path()], tmp_path / "a.ics", core_pm, options=options)
    assert "X-WR-CALNAME:GR:s möten" in (tmp_path / "a.ics").read_text(encoding="utf-8")


def test_a_format_without_options_says_so(grmodel: Run, tmp_path: Path) -> None:
    code, _, err = grmodel(
        "export", "--to", "sqlite", "-o", str(tmp_path / "a.sqlite"), "-O", "x=1",
        str(example_data_path()),
    )  # fmt: skip
    assert code == 2
    assert "sqlite export: unknown option -O x (options: none)" in err


def test_the_list_shows_each_formats_options(grmodel: Run) -> None:
    code, out, _ = grmodel("export", "--list")
    assert code == 0
    lines = out.splitlines()
    ics = next(i for i, line in enumerate(lines) if line.startswith("ics "))
    assert lines[ics + 1].split()[:2] == ["-O", "calendar_name=…"]
    sqlite = next(i for i, line in enumerate(lines) if line.startswith("sqlite "))
    assert sqlite + 1 == len(lines) or not lines[sqlite + 1].startswith(" ")  # none
