"""Permission denied, for real: inputs and outputs whose modes refuse the run.

Root reads and writes whatever the modes say; there the runs are made without
root's file privileges (:func:`tests.hostile.conftest.run_cli` with ``as_user``).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.hostile.conftest import PERSON, needs_denial, one_line_error, run_cli

pytestmark = needs_denial

COMMANDS = {
    "validate": ("validate", "--select", "LOAD"),
    "count": ("count",),
    "export": ("export", "--to", "json", "-o", "{out}/out.json"),
}


def _run(command: str, out: Path, *paths: Path) -> tuple[int, str]:
    args = [a.format(out=out) for a in COMMANDS[command]]
    result = run_cli(*args, *paths, as_user=True)
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    return result.returncode, result.stdout + result.stderr


@pytest.fixture
def locked_dir(tmp_path: Path) -> Iterator[Path]:
    """A directory the run may neither list nor write."""
    locked = tmp_path / "locked"
    locked.mkdir()
    yield locked
    locked.chmod(0o755)  # let pytest clean it up


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_unreadable_file_among_inputs(good_person: Path, tmp_path: Path, command: str) -> None:
    locked = good_person / "locked.yaml"
    locked.write_text(PERSON.format(id="p2", name="B"), encoding="utf-8")
    locked.chmod(0)
    code, said = _run(command, tmp_path, good_person)
    assert code == 1 and "locked.yaml:1: LOAD009" in said and "Permission denied" in said
    assert not (tmp_path / "out.json").exists()


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_unreadable_subdirectory(good_person: Path, tmp_path: Path, command: str) -> None:
    sub = good_person / "sub"
    sub.mkdir()
    (sub / "p.yaml").write_text(PERSON.format(id="p2", name="B"), encoding="utf-8")
    sub.chmod(0)
    try:
        code, said = _run(command, tmp_path, good_person)
    finally:
        sub.chmod(0o755)
    assert code == 1 and f"{sub}:1: LOAD009" in said and "Permission denied" in said
    assert not (tmp_path / "out.json").exists()


def test_unreadable_document_to_import(tmp_path: Path) -> None:
    document = tmp_path / "protokoll.txt"
    document.write_text("Protokoll\n", encoding="utf-8")
    document.chmod(0)
    result = run_cli("import", document, "-o", tmp_path / "out.yaml", as_user=True)
    line = one_line_error(result)
    assert result.returncode == 2 and str(document) in line
    assert "Permission denied" in line or "not readable" in line
    assert not (tmp_path / "out.yaml").exists()


@pytest.mark.parametrize(
    "args",
    [
        ("export", "--to", "json", "-o", "{out}/out.json", "{input}"),
        ("export", "--to", "datapackage", "-o", "{out}/pkg", "{input}"),
        ("export", "--to", "sqlite", "-o", "{out}/db.sqlite", "{input}"),
        ("validate", "--output-format", "json", "-o", "{out}/report.json", "{input}"),
        ("examples", "copy", "{out}/examples"),
    ],
    ids=lambda a: "-".join(a[:3]),
)
def test_output_into_a_directory_without_write_permission(
    good_person: Path, locked_dir: Path, args: tuple[str, ...]
) -> None:
    locked_dir.chmod(0o555)
    result = run_cli(*(a.format(out=locked_dir, input=good_person) for a in args), as_user=True)
    line = one_line_error(result)
    assert result.returncode == 2 and "Permission denied" in line and str(locked_dir) in line
    assert list(locked_dir.iterdir()) == []
