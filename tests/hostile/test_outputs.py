"""Hostile targets: nothing is clobbered, written through, raced or left half-done."""

from __future__ import annotations

import contextlib
import csv
import errno
import fcntl
import os
import socket
import stat
import subprocess
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

from grmodel.errors import GrmodelError, OutputExistsError
from grmodel.exporting.base import Exporter, ExportOptions
from grmodel.exporting.formats.datapackage import escape_formula
from grmodel.io import OutputLockedError, atomic_output, atomic_write_text, copy_tree
from grmodel.model import Record
from grmodel.pipeline.exporting import export
from grmodel.plugins import GrPluginManager, get_plugin_manager, hookimpl
from tests.hostile.conftest import PERSON, one_line_error, run_cli


def _hidden(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir() if p.name.startswith("."))


# --- what the target is --------------------------------------------------------------


def test_directory_of_records_never_replaced_by_a_file(good_person: Path) -> None:
    for force in ((), ("--force",)):
        result = run_cli("export", "--to", "json", "-o", good_person, *force, good_person.parent)
        assert result.returncode == 2
        assert "is a directory" in one_line_error(result) or "input" in result.stderr
    assert (good_person / "ok.yaml").is_file()


def test_directory_export_never_replaces_its_input(good_person: Path) -> None:
    result = run_cli("export", "--to", "datapackage", "-o", good_person, "--force", good_person)
    assert result.returncode == 2 and "holds the input" in one_line_error(result)
    assert (good_person / "ok.yaml").is_file()


def test_file_output_onto_another_directory_is_refused(tmp_path: Path) -> None:
    (tmp_path / "dir").mkdir()
    with pytest.raises(OutputExistsError, match="is a directory"):
        atomic_write_text(tmp_path / "dir", "x", force=True)


def _special(tmp_path: Path, kind: str) -> Path:
    target = tmp_path / "target"
    if kind == "fifo":
        os.mkfifo(target)
    elif kind == "socket":
        sock = socket.socket(socket.AF_UNIX)
        sock.bind(str(target))
        sock.close()
    elif kind == "chardev":  # a node of our own like /dev/null (1, 3), never the real one
        try:
            os.mknod(target, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
        except PermissionError:
            pytest.skip("this user cannot make device nodes")
    else:
        (tmp_path / "outside.txt").write_text("precious", encoding="utf-8")
        target.symlink_to(tmp_path / "outside.txt")
    return target


@pytest.mark.parametrize("kind", ["fifo", "socket", "chardev", "symlink"])
def test_special_targets_refused_without_force(tmp_path: Path, kind: str) -> None:
    target = _special(tmp_path, kind)
    with pytest.raises(OutputExistsError, match="--force"):
        atomic_write_text(target, "new")
    atomic_write_text(target, "new", force=True)
    assert not target.is_symlink() and target.read_text(encoding="utf-8") == "new"
    if kind == "symlink":
        assert (tmp_path / "outside.txt").read_text(encoding="utf-8") == "precious"


@pytest.mark.parametrize(
    "args",
    [("export", "--to", "json"), ("export", "--to", "sqlite"), ("validate",)],
    ids=lambda a: a[-1],
)
def test_cli_refuses_a_device_target(tmp_path: Path, good_person: Path, args: tuple[str]) -> None:
    """What ``-o /dev/full`` met as root: the device is refused, never replaced."""
    target = _special(tmp_path, "chardev")
    result = run_cli(*args, "-o", target, good_person)
    assert result.returncode == 2 and "character device" in one_line_error(result)
    assert stat.S_ISCHR(target.lstat().st_mode)
    assert _hidden(tmp_path) == []


def test_cli_refuses_a_fifo_target_without_hanging(tmp_path: Path, good_person: Path) -> None:
    target = _special(tmp_path, "fifo")
    result = run_cli("export", "--to", "json", "-o", target, good_person)
    assert result.returncode == 2 and "is a FIFO" in one_line_error(result)
    result = run_cli("validate", "-o", target, good_person)
    assert result.returncode == 2 and "is a FIFO" in one_line_error(result)


def test_examples_copy_force_never_writes_through_a_link(tmp_path: Path) -> None:
    source = tmp_path / "source"
    (source / "sub").mkdir(parents=True)
    (source / "a.yaml").write_text("new a", encoding="utf-8")
    (source / "sub" / "b.yaml").write_text("new b", encoding="utf-8")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "a.yaml").write_text("precious a", encoding="utf-8")
    (outside / "b.yaml").write_text("precious b", encoding="utf-8")
    target = tmp_path / "target"
    target.mkdir()
    (target / "mine.txt").write_text("keep", encoding="utf-8")
    (target / "a.yaml").symlink_to(outside / "a.yaml")
    (target / "sub").symlink_to(outside)
    with pytest.raises(OutputExistsError):
        copy_tree(source, target)
    assert copy_tree(source, target, force=True) == 2
    assert (outside / "a.yaml").read_text(encoding="utf-8") == "precious a"
    assert (outside / "b.yaml").read_text(encoding="utf-8") == "precious b"
    assert (target / "a.yaml").read_text(encoding="utf-8") == "new a"
    assert (target / "sub" / "b.yaml").read_text(encoding="utf-8") == "new b"
    assert not (target / "sub").is_symlink()
    assert (target / "mine.txt").read_text(encoding="utf-8") == "keep"
    assert _hidden(target) == [] and _hidden(target / "sub") == []


def test_examples_copy_cli_into_a_link_outside(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (tmp_path / "target").symlink_to(outside)
    result = run_cli("examples", "copy", tmp_path / "target")
    assert result.returncode == 2 and "symbolic link" in one_line_error(result)
    assert list(outside.iterdir()) == []


# --- locks and leftovers ------------------------------------------------------------------


def test_second_writer_to_one_target_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    with atomic_output(target) as tmp:
        tmp.write_text("first", encoding="utf-8")
        with pytest.raises(OutputLockedError, match="another grmodel run"):
            atomic_write_text(target, "second", force=True)
    assert target.read_text(encoding="utf-8") == "first"
    assert _hidden(tmp_path) == []
    atomic_write_text(target, "third", force=True)  # the lock is free again
    assert target.read_text(encoding="utf-8") == "third"


def test_cli_refuses_while_another_process_holds_the_lock(
    tmp_path: Path, good_person: Path
) -> None:
    target = tmp_path / "out.json"
    lock = tmp_path / ".out.json.grmodel-lock"
    fd = os.open(lock, os.O_RDWR | os.O_CREAT)
    fcntl.flock(fd, fcntl.LOCK_EX)
    try:
        result = run_cli("export", "--to", "json", "-o", target, good_person)
    finally:
        os.close(fd)
    assert result.returncode == 2 and "another grmodel run" in one_line_error(result)
    assert not target.exists()


def test_leftovers_of_killed_runs_are_cleaned(tmp_path: Path, good_person: Path) -> None:
    target = tmp_path / "pkg"
    (tmp_path / ".pkg.grmodel-tmp.99999.deadbeef").mkdir()
    (tmp_path / ".pkg.grmodel-tmp.99999.deadbeef" / "half.csv").write_text("x")
    (tmp_path / ".pkg.grmodel-tmp.99998.cafe").write_text("x")
    (tmp_path / ".other.grmodel-tmp.1.ab").write_text("not ours to clean")
    result = run_cli("export", "--to", "datapackage", "-o", target, good_person)
    assert result.returncode == 0, result.stderr
    assert _hidden(tmp_path) == [".other.grmodel-tmp.1.ab"]


def test_old_tree_moved_aside_is_restored_when_the_target_is_missing(tmp_path: Path) -> None:
    old = tmp_path / ".pkg.grmodel-old"
    old.mkdir()
    (old / "a.csv").write_text("old", encoding="utf-8")
    # restored, so now it exists and is not replaced without --force
    with pytest.raises(OutputExistsError), atomic_output(tmp_path / "pkg", directory=True):
        pass
    assert (tmp_path / "pkg" / "a.csv").read_text(encoding="utf-8") == "old"


# --- failures half-way ----------------------------------------------------------------------


def _full_disk(records: Iterable[Record], path: Path, options: ExportOptions) -> None:
    with path.open("w", encoding="utf-8") as out:
        for record in records:
            out.write(record.id)
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))


def _garbage(records: Iterable[Record], path: Path, options: ExportOptions) -> None:
    raise TypeError("'NoneType' object is not iterable")


class _Faulty:
    @hookimpl
    def grmodel_exporters(self) -> list[Exporter]:
        return [
            Exporter(name="full", summary="disk full half-way", write=_full_disk),
            Exporter(name="garbage", summary="a bug in a plugin", write=_garbage),
        ]


@pytest.fixture
def faulty_pm() -> GrPluginManager:
    return get_plugin_manager(load_entrypoints=False, plugins=[("faulty", _Faulty())])


def test_disk_full_leaves_the_old_output_and_no_temporary(
    tmp_path: Path, good_person: Path, faulty_pm: GrPluginManager
) -> None:
    target = tmp_path / "out.txt"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(OSError, match="No space left"):
        export("full", [good_person], target, faulty_pm, force=True)
    assert target.read_text(encoding="utf-8") == "old"
    assert _hidden(tmp_path) == []


@pytest.mark.parametrize(
    ("code", "words"),
    [
        (errno.ENOSPC, "disk full"),
        (errno.EACCES, "Permission denied"),
        (errno.ENAMETOOLONG, "File name too long"),
        (errno.EROFS, "Read-only file system"),
    ],
)
def test_environment_errors_are_one_line(
    tmp_path: Path,
    good_person: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    code: int,
    words: str,
) -> None:
    from grmodel import cli

    def fail(*args: object, **kwargs: object) -> None:
        raise OSError(code, os.strerror(code), str(tmp_path / "out.json"))

    monkeypatch.setattr("grmodel.pipeline.exporting._write", fail)
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["export", "--to", "json", "-o", str(tmp_path / "out.json"), str(good_person)])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and words in err[0] and "out.json" in err[0]
    assert "internal error" not in err[0]
    assert not (tmp_path / "out.json").exists() and _hidden(tmp_path) == []


def test_too_long_file_name_argument_is_one_line(tmp_path: Path) -> None:
    result = run_cli("validate", tmp_path / ("x" * 300 + ".yaml"))
    assert result.returncode == 2 and "too long" in one_line_error(result)


def test_failing_plugin_exporter_is_named(
    tmp_path: Path, good_person: Path, faulty_pm: GrPluginManager
) -> None:
    with pytest.raises(GrmodelError, match="exporter 'garbage' of plugin 'faulty' failed"):
        export("garbage", [good_person], tmp_path / "o", faulty_pm)
    assert list(tmp_path.iterdir()) == [good_person]


def test_examples_copy_failing_half_way_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil

    from grmodel.examples import example_data_path

    calls = []
    real_copy2, real_copytree = shutil.copy2, shutil.copytree

    def copy2(src: str, dst: str, **kwargs: object) -> object:
        calls.append(src)
        if len(calls) > 2:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), dst)
        return real_copy2(src, dst)

    def copytree(src: Path, dst: Path, *args: object, **kwargs: object) -> object:
        # shutil recurses into subdirectories with positional arguments
        return real_copytree(src, dst, copy_function=copy2, dirs_exist_ok=True)

    monkeypatch.setattr(shutil, "copytree", copytree)
    with pytest.raises((GrmodelError, OSError), match="No space left"):
        copy_tree(example_data_path(), tmp_path / "copy")
    assert list(tmp_path.iterdir()) == []


# --- CSV formulas ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ('=HYPERLINK("x")', '\'=HYPERLINK("x")'),
        ("+46 31 123", "'+46 31 123"),
        ("-1", "'-1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("'quoted", "''quoted"),
        ("Göteborg", "Göteborg"),
    ],
)
def test_formula_prefixes_escaped(text: str, written: str) -> None:
    assert escape_formula(text) == written


def test_datapackage_escapes_formulas_unless_kept(tmp_path: Path) -> None:
    root = tmp_path / "set"
    root.mkdir()
    (root / "p.yaml").write_text(PERSON.format(id="p1", name="'=1+2'"), encoding="utf-8")
    for extra, expected in (((), "'=1+2"), (("-O", "formulas=keep"), "=1+2")):
        out = tmp_path / f"pkg{len(extra)}"
        result = run_cli("export", "--to", "datapackage", *extra, "-o", out, root)
        assert result.returncode == 0, result.stderr
        with (out / "persons.csv").open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
        assert rows[0]["name"] == expected


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A real file system of 2 MiB (a tmpfs), where the machine lets us mount one."""
    mount = tmp_path / "disk"
    mount.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mount)],
        capture_output=True,
        check=False,
    )
    if done.returncode != 0:
        pytest.skip("cannot mount a tmpfs here (the simulated ENOSPC tests cover this)")
    try:
        yield mount
    finally:
        subprocess.run(["umount", str(mount)], check=False)


def _fill(directory: Path) -> None:
    with contextlib.suppress(OSError), (directory / "filler").open("wb", buffering=0) as out:
        while True:
            out.write(b"x" * 4096)


@pytest.mark.parametrize(
    ("fmt", "name"), [("datapackage", "pkg"), ("sqlite", "db.sqlite"), ("json", "all.json")]
)
def test_real_disk_full(small_disk: Path, good_person: Path, fmt: str, name: str) -> None:
    target = small_disk / name
    assert run_cli("export", "--to", fmt, "-o", target, good_person).returncode == 0
    before = sorted(p.name for p in small_disk.iterdir())
    _fill(small_disk)
    result = run_cli("export", "--examples", "--to", fmt, "--force", "-o", target)
    assert result.returncode == 2
    line = one_line_error(result)
    assert "full" in line or "No space" in line
    assert sorted(p.name for p in small_disk.iterdir()) == sorted([*before, "filler"])
    (small_disk / "filler").unlink()
    assert run_cli("export", "--to", fmt, "--force", "-o", target, good_person).returncode == 0
