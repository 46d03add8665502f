"""Outputs are written atomically and never overwrite without force."""

from __future__ import annotations

from pathlib import Path

import pytest

from grmodel.errors import OutputExistsError
from grmodel.io import atomic_output, atomic_write_text


def test_refuses_existing_file_without_force(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_text("user data", encoding="utf-8")
    with pytest.raises(OutputExistsError, match="--force"):
        atomic_write_text(target, "new")
    assert target.read_text(encoding="utf-8") == "user data"
    atomic_write_text(target, "new", force=True)
    assert target.read_text(encoding="utf-8") == "new"


def test_crash_leaves_target_and_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(RuntimeError), atomic_output(target, force=True) as tmp:
        tmp.write_text("half", encoding="utf-8")
        raise RuntimeError("exporter crashed")
    assert target.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.txt"]


def test_directory_output_replaced_whole(tmp_path: Path) -> None:
    target = tmp_path / "export"
    target.mkdir()
    (target / "stale.json").write_text("{}", encoding="utf-8")
    with atomic_output(target, directory=True, force=True) as tmp:
        (tmp / "fresh.json").write_text("{}", encoding="utf-8")
    assert sorted(p.name for p in target.iterdir()) == ["fresh.json"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["export"]


def test_empty_directory_is_not_a_user_file(tmp_path: Path) -> None:
    target = tmp_path / "empty"
    target.mkdir()
    with atomic_output(target, directory=True) as tmp:
        (tmp / "a.json").write_text("{}", encoding="utf-8")
    assert (target / "a.json").is_file()


def test_outputs_get_umask_modes_not_private_temp_modes(tmp_path: Path) -> None:
    import os

    mask = os.umask(0o022)
    try:
        atomic_write_text(tmp_path / "f.txt", "x")
        with atomic_output(tmp_path / "d", directory=True) as tmp:
            (tmp / "a.json").write_text("{}", encoding="utf-8")
    finally:
        os.umask(mask)
    assert (tmp_path / "f.txt").stat().st_mode & 0o777 == 0o644
    assert (tmp_path / "d").stat().st_mode & 0o777 == 0o755
    assert (tmp_path / "d" / "a.json").stat().st_mode & 0o777 == 0o644


def test_directory_output_over_a_file_leaves_no_backup(tmp_path: Path) -> None:
    target = tmp_path / "out"
    target.write_text("old file", encoding="utf-8")
    with atomic_output(target, directory=True, force=True) as tmp:
        (tmp / "a.json").write_text("{}", encoding="utf-8")
    assert (target / "a.json").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]
