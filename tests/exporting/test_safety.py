"""Export never overwrites without --force and never leaves half-written output."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

import pytest

from grmodel.errors import GrmodelError, OutputExistsError
from grmodel.exporting.base import Exporter, ExportOptions
from grmodel.model import Record
from grmodel.pipeline.exporting import export
from grmodel.plugins import GrPluginManager, get_plugin_manager, hookimpl


class Crash(RuntimeError):
    """The fake exporter's failure."""


def _crash_file(records: Iterable[Record], path: Path, options: ExportOptions) -> None:
    with path.open("w", encoding="utf-8") as out:
        for record in records:
            out.write(f"{record.id}\n")
            out.flush()
            raise Crash("exporter failed half-way")


def _crash_directory(records: Iterable[Record], path: Path, options: ExportOptions) -> None:
    (path / "part-1.csv").write_text("half\n", encoding="utf-8")
    for _ in records:
        raise Crash("exporter failed half-way")


class CrashyPlugin:
    """A plugin whose exporters write part of their output, then raise."""

    @hookimpl
    def grmodel_exporters(self) -> list[Exporter]:
        return [
            Exporter(name="crashy", summary="writes half, then fails", write=_crash_file),
            Exporter(
                name="crashy-dir",
                summary="writes half a directory, then fails",
                write=_crash_directory,
                directory=True,
            ),
        ]


@pytest.fixture
def crashy_pm() -> GrPluginManager:
    return get_plugin_manager(load_entrypoints=False, plugins=[("crashy", CrashyPlugin())])


def _leftovers(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir() if p.name.startswith("."))


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "grmodel", *args],
        capture_output=True,
        text=True,
        check=False,
    )


# --- overwriting ---------------------------------------------------------------


def test_cli_refuses_to_overwrite_without_force(small_set: Path, tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.write_text("precious\n", encoding="utf-8")
    result = run_cli("export", "--to", "json", str(small_set), "-o", str(target))
    assert result.returncode == 2
    assert "--force" in result.stderr
    assert "Traceback" not in result.stderr
    assert target.read_text(encoding="utf-8") == "precious\n"


def test_cli_overwrites_with_force(small_set: Path, tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.write_text("precious\n", encoding="utf-8")
    result = run_cli("export", "--to", "json", str(small_set), "-o", str(target), "--force")
    assert result.returncode == 0, result.stderr
    assert target.read_text(encoding="utf-8").startswith("[\n")


def test_cli_refuses_to_overwrite_a_directory(small_set: Path, tmp_path: Path) -> None:
    target = tmp_path / "package"
    target.mkdir()
    (target / "keep.txt").write_text("precious\n", encoding="utf-8")
    result = run_cli("export", "--to", "datapackage", str(small_set), "-o", str(target))
    assert result.returncode == 2
    assert (target / "keep.txt").read_text(encoding="utf-8") == "precious\n"
    assert not (target / "datapackage.json").exists()
    result = run_cli("export", "--to", "datapackage", str(small_set), "-o", str(target), "--force")
    assert result.returncode == 0, result.stderr
    assert (target / "datapackage.json").is_file()
    assert not (target / "keep.txt").exists()  # a directory output is replaced as a whole


@pytest.mark.parametrize("fmt", ["json", "yaml", "sqlite", "ics", "datapackage"])
def test_library_refuses_to_overwrite(
    fmt: str, small_set: Path, core_pm: GrPluginManager, tmp_path: Path
) -> None:
    target = tmp_path / "out"
    export(fmt, [small_set], target, core_pm)
    before = sorted(p.name for p in target.iterdir()) if target.is_dir() else target.read_bytes()
    with pytest.raises(OutputExistsError):
        export(fmt, [small_set], target, core_pm)
    after = sorted(p.name for p in target.iterdir()) if target.is_dir() else target.read_bytes()
    assert after == before
    export(fmt, [small_set], target, core_pm, force=True)


# --- crashes -------------------------------------------------------------------


def test_crash_leaves_no_output(
    small_set: Path, crashy_pm: GrPluginManager, tmp_path: Path
) -> None:
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    with pytest.raises(GrmodelError, match="of plugin 'crashy' failed: Crash"):
        export("crashy", [small_set], out_dir / "out.txt", crashy_pm)
    with pytest.raises(GrmodelError, match="of plugin 'crashy' failed: Crash"):
        export("crashy-dir", [small_set], out_dir / "package", crashy_pm)
    assert list(out_dir.iterdir()) == []


def test_crash_leaves_existing_file_untouched(
    small_set: Path, crashy_pm: GrPluginManager, tmp_path: Path
) -> None:
    target = tmp_path / "out.txt"
    target.write_text("precious\n", encoding="utf-8")
    with pytest.raises(GrmodelError, match="of plugin 'crashy' failed: Crash"):
        export("crashy", [small_set], target, crashy_pm, force=True)
    assert target.read_text(encoding="utf-8") == "precious\n"
    assert _leftovers(tmp_path) == []


def test_crash_leaves_existing_directory_untouched(
    small_set: Path, crashy_pm: GrPluginManager, tmp_path: Path
) -> None:
    target = tmp_path / "package"
    target.mkdir()
    (target / "keep.txt").write_text("precious\n", encoding="utf-8")
    with pytest.raises(GrmodelError, match="of plugin 'crashy' failed: Crash"):
        export("crashy-dir", [small_set], target, crashy_pm, force=True)
    assert sorted(p.name for p in target.iterdir()) == ["keep.txt"]
    assert (target / "keep.txt").read_text(encoding="utf-8") == "precious\n"
    assert _leftovers(tmp_path) == []


@pytest.mark.parametrize("fmt", ["json", "yaml", "sqlite", "ics", "datapackage"])
def test_bad_record_mid_stream_leaves_target_untouched(
    fmt: str, small_set: Path, core_pm: GrPluginManager, tmp_path: Path
) -> None:
    (small_set.parent / "zz-broken.yaml").write_text(
        "---\ntype: person\nid: broken\nname: 42\n", encoding="utf-8"
    )
    target = tmp_path / "out"
    target.write_text("precious\n", encoding="utf-8")
    with pytest.raises(GrmodelError, match=r"zz-broken\.yaml"):
        export(fmt, [small_set.parent], target, core_pm, force=True)
    assert target.read_text(encoding="utf-8") == "precious\n"
    assert _leftovers(tmp_path) == []
