"""Hostile record sets: nothing is lost without a finding, nothing exhausts the machine."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from grmodel.converter import GrConverter
from grmodel.recordset.loading import LoadedRecord, LoadLimits, LoadProblem, load_records
from tests.hostile.conftest import PERSON, one_line_error, run_cli


@pytest.fixture(scope="module")
def conv() -> GrConverter:
    from grmodel.plugins import get_plugin_manager

    return get_plugin_manager(load_entrypoints=False).converter


def _load(path: Path, conv: GrConverter, limits: LoadLimits | None = None) -> list[object]:
    return list(load_records([path], conv, limits))


def _problems(entries: list[object]) -> list[LoadProblem]:
    return [e for e in entries if isinstance(e, LoadProblem)]


def _ids(entries: list[object]) -> list[str]:
    return [e.record.id for e in entries if isinstance(e, LoadedRecord)]


# --- duplicate keys and columns ---------------------------------------------------


def test_yaml_duplicate_key_is_an_error_at_the_second_key(
    tmp_path: Path, conv: GrConverter
) -> None:
    path = tmp_path / "p.yaml"
    path.write_text("type: person\nid: p1\nname: A\nname: B\n", encoding="utf-8")
    [problem] = _problems(_load(path, conv))
    assert (problem.line, problem.code) == (4, "LOAD008")
    assert "duplicate key 'name'" in problem.message and "line 3" in problem.message


def test_yaml_duplicate_key_in_one_list_item_keeps_the_others(
    tmp_path: Path, conv: GrConverter
) -> None:
    path = tmp_path / "p.yaml"
    path.write_text(
        "- type: person\n  id: p1\n  name: A\n  name: B\n- type: person\n  id: p2\n  name: C\n",
        encoding="utf-8",
    )
    entries = _load(path, conv)
    assert [p.line for p in _problems(entries)] == [4]
    assert _ids(entries) == ["p2"]


@pytest.mark.parametrize("suffix", [".json", ".jsonl"])
def test_json_duplicate_key_is_an_error_at_its_line(
    tmp_path: Path, conv: GrConverter, suffix: str
) -> None:
    path = tmp_path / f"p{suffix}"
    if suffix == ".json":
        text = '[{"type": "person", "id": "p1",\n "name": "A",\n "name": "B"},\n'
        text += ' {"type": "person", "id": "p2", "name": "C"}]'
        line = 3
    else:
        text = '{"type": "person", "id": "p2", "name": "C"}\n'
        text += '{"type": "person", "id": "p1", "name": "A", "name": "B"}\n'
        line = 2
    path.write_text(text, encoding="utf-8")
    entries = _load(path, conv)
    [problem] = _problems(entries)
    assert (problem.line, problem.code) == (line, "LOAD008")
    assert _ids(entries) == ["p2"]


def test_json_duplicate_key_in_a_nested_object(tmp_path: Path, conv: GrConverter) -> None:
    path = tmp_path / "p.json"
    path.write_text(
        '{"type": "person", "id": "p1", "name": "A",\n "provenance": {"line": 1,\n "line": 2}}',
        encoding="utf-8",
    )
    [problem] = _problems(_load(path, conv))
    assert problem.line == 3 and "'line'" in problem.message


@pytest.mark.parametrize(
    ("header", "message"),
    [
        ("type,id,name,name", "'name' is given twice"),
        ("type,id,name,provenance.line,provenance.line.x", "'provenance.line'"),
        ("type,id,name,provenance,provenance.line", "'provenance'"),
    ],
)
def test_csv_duplicate_and_conflicting_columns(
    tmp_path: Path, conv: GrConverter, header: str, message: str
) -> None:
    path = tmp_path / "p.csv"
    cells = ",".join(["person", "p1", "A", "1", "2"][: header.count(",") + 1])
    path.write_text(f"{header}\n{cells}\n", encoding="utf-8")
    [problem] = _problems(_load(path, conv))
    assert problem.line == 1 and message in problem.message and problem.code == "LOAD008"


def test_csv_unterminated_quote_does_not_swallow_rows(tmp_path: Path, conv: GrConverter) -> None:
    path = tmp_path / "p.csv"
    path.write_text('type,id,name\nperson,p1,A\nperson,p2,"B\nperson,p3,C\n', encoding="utf-8")
    entries = _load(path, conv)
    [problem] = _problems(entries)
    assert problem.line == 3 and "never closed" in problem.message
    assert _ids(entries) == ["p1"]


def test_csv_multiline_quoted_cell_is_still_fine(tmp_path: Path, conv: GrConverter) -> None:
    path = tmp_path / "p.csv"
    path.write_text('type,id,name\nperson,p1,"A\nB"\nperson,p2,C\n', encoding="utf-8")
    entries = _load(path, conv)
    assert _problems(entries) == [] and _ids(entries) == ["p1", "p2"]


# --- resource bounds ----------------------------------------------------------------

ALIAS_BOMB = (
    'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    + "".join(
        f"{c}: &{c} [{','.join([f'*{p}'] * 9)}]\n"
        for p, c in zip("abcdefgh", "bcdefghi", strict=True)
    )
    + "type: person\nid: p1\nname: *i\n"
)


def test_alias_bomb_fails_fast_with_one_line(tmp_path: Path) -> None:
    assert len(ALIAS_BOMB.encode()) < 600
    path = tmp_path / "bomb.yaml"
    path.write_text(ALIAS_BOMB, encoding="utf-8")
    for command in ("validate", "count"):
        result = (
            run_cli(command, "--type", "person", path)
            if command == "count"
            else run_cli(command, path)
        )
        assert result.returncode == 1, result.stderr
        output = result.stdout + result.stderr
        assert "LOAD010" in output and "aliases expanded" in output
        assert "Traceback" not in output


def test_aliases_within_the_limit_load(tmp_path: Path, conv: GrConverter) -> None:
    path = tmp_path / "p.yaml"
    path.write_text("- &a {type: person, id: p1, name: A}\n- {type: person, id: p2, name: B}\n")
    assert _ids(_load(path, conv)) == ["p1", "p2"]


def test_recursive_alias_is_refused(tmp_path: Path, conv: GrConverter) -> None:
    path = tmp_path / "p.yaml"
    path.write_text("type: person\nid: p1\nname: &x [*x]\n", encoding="utf-8")
    [problem] = _problems(_load(path, conv))
    assert "itself" in problem.message


@pytest.mark.parametrize("suffix", [".json", ".jsonl", ".yaml"])
def test_deep_nesting_is_a_finding_not_a_recursion_error(
    tmp_path: Path, conv: GrConverter, suffix: str
) -> None:
    path = tmp_path / f"deep{suffix}"
    path.write_text("[" * 3500 + "]" * 3500 + "\n", encoding="utf-8")
    [problem] = _problems(_load(path, conv))
    assert problem.code in ("LOAD010", "LOAD001")
    assert problem.line == 1


def test_moderate_nesting_over_the_depth_limit(tmp_path: Path, conv: GrConverter) -> None:
    path = tmp_path / "p.json"
    nested = "[" * 150 + "]" * 150
    path.write_text(f'{{"type": "person", "id": "p1", "name": {nested}}}', encoding="utf-8")
    [problem] = _problems(_load(path, conv))
    assert problem.code == "LOAD010" and "deeper than 100" in problem.message
    [problem] = _problems(_load(path, conv, LoadLimits(depth=200)))
    assert problem.code == "LOAD002"  # now read, and reported as the wrong type


@pytest.mark.parametrize("suffix", [".json", ".yaml"])
def test_huge_integer_is_a_finding(tmp_path: Path, conv: GrConverter, suffix: str) -> None:
    path = tmp_path / f"p{suffix}"
    digits = "1" * 5000
    text = (
        f'{{"type": "person",\n "id": "p1", "name": {digits}}}'
        if suffix == ".json"
        else f"type: person\nid: p1\nname: {digits}\n"
    )
    path.write_text(text, encoding="utf-8")
    [problem] = _problems(_load(path, conv))
    assert problem.line == (2 if suffix == ".json" else 3)
    assert "digits" in problem.message


@pytest.mark.parametrize(("text", "value"), [("0x1F", 31), ("0o17", 15), ("-12", -12)])
def test_explicit_int_tag_forms(text: str, value: int) -> None:
    from grmodel.recordset.yamlio import load_one

    assert load_one(f"a: !!int {text}") == {"a": value}


def test_explicit_int_tag_on_garbage_is_a_finding(tmp_path: Path, conv: GrConverter) -> None:
    path = tmp_path / "p.yaml"
    path.write_text("type: person\nid: p1\nname: !!int zebra\n", encoding="utf-8")
    [problem] = _problems(_load(path, conv))
    assert problem.line == 3 and "not an integer" in problem.message


def test_file_size_limit_and_raising_it(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text(PERSON.format(id="p1", name="A" * 2000), encoding="utf-8")
    result = run_cli("validate", "--limit", "file-size=1K", path)
    assert result.returncode == 1 and "LOAD010" in result.stdout and "file-size" in result.stdout
    result = run_cli("validate", "--select", "LOAD", "--limit", "file-size=1M", path)
    assert result.returncode == 0, result.stdout


def test_bad_limit_option_is_one_line() -> None:
    result = run_cli("validate", "--limit", "bogus=3")
    assert result.returncode == 2 and "unknown limit 'bogus'" in one_line_error(result)


def test_lone_surrogate_is_a_finding(tmp_path: Path, conv: GrConverter) -> None:
    path = tmp_path / "p.json"
    path.write_text('{"type": "person", "id": "p1", "name": "A\\ud800"}', encoding="utf-8")
    [problem] = _problems(_load(path, conv))
    assert problem.path == ("name",) and "surrogate" in problem.message


# --- paths that cannot be read ------------------------------------------------------


def test_fifo_among_inputs_is_skipped_with_a_finding(good_person: Path) -> None:
    os.mkfifo(good_person / "pipe.yaml")
    result = run_cli("validate", "--select", "LOAD", good_person)
    assert result.returncode == 1
    assert "pipe.yaml:1: LOAD009" in result.stdout and "FIFO" in result.stdout
    result = run_cli("count", "--type", "person", good_person)
    assert result.returncode == 1 and "LOAD009" in result.stderr
    assert "1 person record(s)" in result.stdout


def test_fifo_given_as_a_document_is_not_read(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "protocol.txt")
    result = run_cli("validate", tmp_path / "protocol.txt")
    assert result.returncode == 1 and "FIFO" in result.stdout


def test_device_given_as_input_is_not_read() -> None:
    result = run_cli("validate", "/dev/zero")
    assert result.returncode == 1 and "character device" in result.stdout


def test_unreadable_directory_is_a_finding(
    good_person: Path, conv: GrConverter, monkeypatch: pytest.MonkeyPatch
) -> None:
    hidden = good_person / "sub"
    hidden.mkdir()
    (hidden / "p.yaml").write_text(PERSON.format(id="p2", name="B"), encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path: str | os.PathLike[str]) -> object:
        if Path(path) == hidden:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    entries = _load(good_person, conv)
    [problem] = _problems(entries)
    assert problem.file == str(hidden) and "Permission denied" in problem.message
    assert problem.code == "LOAD009"
    assert _ids(entries) == ["ok"]


def test_links_inside_a_record_set(good_person: Path, conv: GrConverter) -> None:
    (good_person / "gone.yaml").symlink_to("nowhere.yaml")
    (good_person / "loop").symlink_to(good_person)
    problems = _problems(_load(good_person, conv))
    messages = sorted(p.message for p in problems)
    assert any("broken symbolic link" in m for m in messages)
    assert any("already read" in m for m in messages)


@pytest.mark.parametrize("kind", ["missing", "dangling", "loop"])
def test_bad_path_argument_is_one_line_naming_it(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "arg.yaml"
    if kind == "dangling":
        path.symlink_to(tmp_path / "nowhere")
    elif kind == "loop":
        path.symlink_to(path)
    for command in ("validate", "count", "export"):
        extra = ["--to", "json", "-o", str(tmp_path / "out.json")] if command == "export" else []
        result = run_cli(command, *extra, path)
        assert result.returncode == 2
        line = one_line_error(result)
        assert str(path) in line
        assert {"missing": "no such file", "dangling": "broken", "loop": "loop"}[kind] in line


def test_non_utf8_file_name(tmp_path: Path) -> None:
    name = os.fsdecode(b"caf\xe9.yaml")
    (tmp_path / name).write_text("type: person\nid: p1\n", encoding="utf-8")  # no name
    for fmt in ("text", "json", "sarif"):
        result = run_cli("validate", "--format", fmt, tmp_path)
        assert "Traceback" not in result.stderr and "internal error" not in result.stderr
        assert result.returncode == 1, result.stderr
        assert "caf" in result.stdout and "LOAD003" in result.stdout


def test_document_with_a_non_utf8_name_imports_and_exports(tmp_path: Path) -> None:
    """A source path that is not UTF-8 is written with its bytes escaped (it was a
    UnicodeEncodeError: an internal error on import, the exporter "failed" on export)."""
    from grmodel.examples import example_data_path

    documents = tmp_path / "docs"
    documents.mkdir()
    text = next((example_data_path() / "_documents").glob("*.txt")).read_bytes()
    (documents / os.fsdecode(b"protokoll-\xe9.txt")).write_bytes(text)
    imported = run_cli("import", documents, "-o", tmp_path / "out", plugins=True)
    assert imported.returncode == 0, imported.stderr
    [written] = (tmp_path / "out").iterdir()
    assert os.fsencode(written.name) == b"protokoll-\xe9.yaml"
    assert "source_file: protokoll-\\xe9.txt" in written.read_text(encoding="utf-8")
    for fmt in ("json", "yaml", "sqlite", "datapackage", "ics", "oparl", "popolo"):
        out = tmp_path / f"o-{fmt}"
        result = run_cli("export", "--to", fmt, "-o", out, documents, plugins=True)
        assert result.returncode == 0, result.stderr


# --- commands agree --------------------------------------------------------------------


def test_count_export_and_validate_fail_on_the_same_problem(good_person: Path) -> None:
    (good_person / "bad.json").write_text('{"type": "person", "id": "x", "name": }')
    validate = run_cli("validate", "--select", "LOAD", good_person)
    count = run_cli("count", "--type", "person", good_person)
    export = run_cli("export", "--to", "json", "-o", good_person.parent / "o.json", good_person)
    assert (validate.returncode, count.returncode, export.returncode) == (1, 1, 1)
    for result in (count, export):
        assert "bad.json:1: LOAD001" in result.stderr
    assert "bad.json:1: LOAD001" in validate.stdout
    assert not (good_person.parent / "o.json").exists()


def test_export_refuses_duplicate_ids(tmp_path: Path) -> None:
    root = tmp_path / "set"
    root.mkdir()
    (root / "a.yaml").write_text(PERSON.format(id="p1", name="A"), encoding="utf-8")
    (root / "b.yaml").write_text(PERSON.format(id="p1", name="B"), encoding="utf-8")
    for fmt, out in (("oparl", "oparl"), ("datapackage", "pkg"), ("json", "all.json")):
        result = run_cli("export", "--to", fmt, "-o", tmp_path / out, root, plugins=True)
        assert result.returncode == 1, result.stderr
        assert "b.yaml:1: LOAD008" in result.stderr and "'p1'" in result.stderr
        assert not (tmp_path / out).exists()


@pytest.mark.parametrize("force", [(), ("--force",)], ids=["plain", "force"])
def test_import_refuses_two_sources_with_one_target(tmp_path: Path, force: tuple[str, ...]) -> None:
    for sub in ("a", "b"):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "protokoll.txt").write_text("Protokoll\n", encoding="utf-8")
    sources = (tmp_path / "a/protokoll.txt", tmp_path / "b/protokoll.txt")
    result = run_cli("import", *sources, *force, "-o", tmp_path / "o", plugins=True)
    assert result.returncode == 2 and "would both be written" in one_line_error(result)
    assert not (tmp_path / "o").exists()


def test_json_records_roundtrip_still_load(tmp_path: Path, conv: GrConverter) -> None:
    path = tmp_path / "p.json"
    path.write_text(json.dumps([{"type": "person", "id": f"p{i}", "name": "A"} for i in range(3)]))
    entries = _load(path, conv)
    assert _problems(entries) == [] and _ids(entries) == ["p0", "p1", "p2"]


def test_yaml_block_nesting_over_the_depth_limit(tmp_path: Path, conv: GrConverter) -> None:
    path = tmp_path / "p.yaml"
    nested = "".join(f"{'  ' * level}a:\n" for level in range(1, 120)) + "  " * 120 + "a: 1\n"
    path.write_text(f"type: person\nid: p1\nname:\n{nested}", encoding="utf-8")
    [problem] = _problems(_load(path, conv))
    assert problem.code == "LOAD010" and "deeper than 100" in problem.message


def test_yaml_control_character_is_one_line_at_its_line(tmp_path: Path, conv: GrConverter) -> None:
    """Found by the fuzzer: PyYAML's reader error spans three lines."""
    path = tmp_path / "p.yaml"
    path.write_text("type: person\nid: p1\nname: A\x00\n", encoding="utf-8")
    [problem] = _problems(_load(path, conv))
    assert problem.line == 3 and "U+0000" in problem.message and "\n" not in problem.message


@pytest.mark.parametrize("extra", ["", "nested: x\n"])
def test_numeric_key_is_an_unknown_field(tmp_path: Path, conv: GrConverter, extra: str) -> None:
    """Found by the atheris load fuzzer: a number as a key beside named ones broke the
    sorting of the unknown fields (an internal error)."""
    path = tmp_path / "b.yaml"
    path.write_text(f"type: person\nid: p1\nname: A\n{extra}1: value\n", encoding="utf-8")
    problems = _problems(_load(path, conv))
    assert "unknown field 1" in [p.message for p in problems]
    assert len(problems) == (2 if extra else 1)
