"""Streaming loader: files of a record set → records with locations, or problems.

Records are yielded one at a time, never all held. Every structural problem is
reported with file, line and field path, and loading goes on after it: a bad
record is skipped, a file that cannot be parsed at all is reported at the line
where parsing stopped. Lines of fields inside a record are found lazily (only
when a finding needs them), so the fast path stays fast.
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import attrs
import yaml

from grmodel.converter import FieldPath, GrConverter, UnknownRecordTypeError
from grmodel.errors import SourceError
from grmodel.model import Record
from grmodel.recordset.csvio import CsvDecoder
from grmodel.recordset.fast import FastStructurer, fast_structurer
from grmodel.recordset.yamlio import GrLoader

__all__ = [
    "RECORD_SUFFIXES",
    "LoadProblem",
    "LoadedRecord",
    "Locator",
    "RawRecord",
    "discover",
    "iter_raw",
    "jsonl_lines",
    "load_records",
]

RECORD_SUFFIXES = {
    ".yaml": "yaml",
    ".yml": "yaml",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
}
"""File suffixes that hold records, and their format."""

Locator = Callable[[FieldPath], int]
"""Finds the line of a field path inside a record (1-based)."""


@attrs.frozen(slots=True)
class RawRecord:
    """One record as parsed from a file, before structuring."""

    data: Any
    """The parsed mapping."""
    file: str
    """The file it came from."""
    line: int
    """The line the record starts at."""
    locate: Locator | None = None
    """Resolves field paths to lines, lazily."""
    type_hint: str | None = None
    """Type tag implied by the file (CSV files named after a type)."""


@attrs.frozen(slots=True)
class LoadedRecord:
    """A structured record with where it came from."""

    record: Record
    """The record."""
    file: str
    """The file it came from."""
    line: int
    """The line the record starts at."""
    locate: Locator | None = None
    """Resolves field paths to lines, lazily."""

    def line_of(self, path: FieldPath) -> int:
        """The line of a field path (the record's line when it cannot be told)."""
        if path and self.locate is not None:
            try:
                return self.locate(path)
            except Exception:  # a best-effort lookup must never break a run
                return self.line
        return self.line


@attrs.frozen(slots=True)
class LoadProblem:
    """A structural problem: the file could not be parsed or a record not structured."""

    file: str
    """The file."""
    line: int
    """The line."""
    message: str
    """What is wrong, one line."""
    kind: str
    """``"parse"``, ``"type"``, ``"missing"``, ``"unknown"``, ``"value"``, ``"record-type"``."""
    path: FieldPath = ()
    """Field path inside the record."""
    record: str | None = None
    """Id of the record, where it has one."""
    hint: str | None = None
    """How to fix it."""


def discover(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """Expand paths to record files: directories recursively (hidden entries skipped),
    files as given; sorted within each directory for a stable order.

    :raises SourceError: when a path does not exist.
    """
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith((".", "_")))
                found.extend(
                    Path(root, name)
                    for name in sorted(files)
                    if not name.startswith(".") and Path(name).suffix.lower() in RECORD_SUFFIXES
                )
        elif path.exists():
            found.append(path)
        else:
            raise SourceError(f"{path}: no such file or directory")
    return found


# --- YAML ----------------------------------------------------------------------


def _yaml_node_line(node: yaml.Node, path: FieldPath) -> int:
    for key in path:
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                if key_node.value == key:
                    if not isinstance(value_node, (yaml.MappingNode, yaml.SequenceNode)):
                        node = key_node
                    else:
                        node = value_node
                    break
            else:
                break
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
            node = node.value[key]
        else:
            break
    return int(node.start_mark.line) + 1


def _iter_yaml(text: str, file: str) -> Iterator[RawRecord | LoadProblem]:
    loader = GrLoader(text)
    try:
        while loader.check_node():
            node = loader.get_node()
            if node is None:
                continue
            data = loader.construct_document(node)
            if isinstance(node, yaml.SequenceNode) and isinstance(data, list):
                for item_node, item in zip(node.value, data, strict=True):
                    yield RawRecord(
                        item, file, item_node.start_mark.line + 1, _yaml_locator(item_node)
                    )
            elif data is not None:
                yield RawRecord(data, file, node.start_mark.line + 1, _yaml_locator(node))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        yield LoadProblem(file, line, f"YAML syntax error: {exc.problem or exc.context}", "parse")
    except yaml.YAMLError as exc:
        yield LoadProblem(file, 1, f"YAML error: {exc}", "parse")
    finally:
        loader.dispose()


def _yaml_locator(node: yaml.Node) -> Locator:
    return lambda path: _yaml_node_line(node, path)


# --- JSON ----------------------------------------------------------------------

_decoder = json.JSONDecoder()
_WS = " \t\r\n"


def _skip_ws(text: str, index: int) -> int:
    while index < len(text) and text[index] in _WS:
        index += 1
    return index


def _json_value_pos(text: str, index: int, path: FieldPath) -> int:
    """Position of the value (or key) at ``path`` below the value starting at ``index``."""
    for key in path:
        index = _skip_ws(text, index)
        if text.startswith("{", index) and isinstance(key, str):
            index = _skip_ws(text, index + 1)
            while index < len(text) and text[index] == '"':
                key_pos = index
                name, index = json.decoder.scanstring(text, index + 1)  # type: ignore[attr-defined]
                index = _skip_ws(text, index) + 1  # past ':'
                index = _skip_ws(text, index)
                if name == key:
                    if text[index] not in "[{":
                        return key_pos
                    break
                _, index = _decoder.raw_decode(text, index)
                index = _skip_ws(text, index)
                if text.startswith(",", index):
                    index = _skip_ws(text, index + 1)
            else:
                return index
        elif text.startswith("[", index) and isinstance(key, int):
            index = _skip_ws(text, index + 1)
            for _ in range(key):
                _, index = _decoder.raw_decode(text, index)
                index = _skip_ws(text, index)
                if text.startswith(",", index):
                    index = _skip_ws(text, index + 1)
        else:
            return index
    return index


def _json_locator(text: str, start: int) -> Locator:
    return lambda path: text.count("\n", 0, _json_value_pos(text, start, path)) + 1


def _iter_json(text: str, file: str) -> Iterator[RawRecord | LoadProblem]:
    index = _skip_ws(text, 0)
    if not text.startswith("[", index):
        try:
            data, end = _decoder.raw_decode(text, index)
        except json.JSONDecodeError as exc:
            yield LoadProblem(file, exc.lineno, f"JSON syntax error: {exc.msg}", "parse")
            return
        if isinstance(data, dict) and isinstance(data.get("records"), list):
            yield LoadProblem(
                file,
                1,
                "a JSON record file is a record or a list of records, not an object with 'records'",
                "parse",
            )
            return
        yield RawRecord(data, file, text.count("\n", 0, index) + 1, _json_locator(text, index))
        return
    index = _skip_ws(text, index + 1)
    line, counted = 1, 0
    while index < len(text) and text[index] != "]":
        line += text.count("\n", counted, index)
        counted = index
        try:
            data, end = _decoder.raw_decode(text, index)
        except json.JSONDecodeError as exc:
            yield LoadProblem(file, exc.lineno, f"JSON syntax error: {exc.msg}", "parse")
            return
        yield RawRecord(data, file, line, _json_locator(text, index))
        index = _skip_ws(text, end)
        if text.startswith(",", index):
            index = _skip_ws(text, index + 1)
        elif index < len(text) and text[index] != "]":
            lineno = text.count("\n", 0, index) + 1
            yield LoadProblem(file, lineno, "JSON syntax error: expected ',' or ']'", "parse")
            return


def _iter_jsonl(
    handle: io.TextIOBase, file: str, fast: FastStructurer | None = None, first_line: int = 1
) -> Iterator[RawRecord | LoadProblem | LoadedRecord]:
    loads = json.loads
    for number, text in enumerate(handle, start=first_line):
        if not text.strip():
            continue
        record = fast(text) if fast is not None else None
        if record is not None:  # the fast path said yes; on any doubt the detailed path runs
            yield LoadedRecord(record, file, number, None)
            continue
        try:
            data = loads(text)
        except json.JSONDecodeError as exc:
            yield LoadProblem(
                file, number, f"JSON syntax error: {exc.msg} (column {exc.colno})", "parse"
            )
            continue
        yield RawRecord(data, file, number, None)


def jsonl_lines(
    handle: io.TextIOBase, file: str, fast: FastStructurer | None = None, first_line: int = 1
) -> Iterator[RawRecord | LoadProblem | LoadedRecord]:
    """Records of JSON Lines text whose first line is line ``first_line`` of ``file``
    (a byte range of a large file, read by a worker)."""
    return _iter_jsonl(handle, file, fast, first_line)


# --- CSV -----------------------------------------------------------------------


def _iter_csv(
    handle: io.TextIOBase, file: str, decoder: CsvDecoder
) -> Iterator[RawRecord | LoadProblem]:
    reader = csv.reader(handle)
    try:
        header = next(reader)
    except StopIteration:
        return
    except csv.Error as exc:
        yield LoadProblem(file, 1, f"CSV error: {exc}", "parse")
        return
    type_hint = decoder.type_from_filename(Path(file).stem)
    if "type" not in header and type_hint is None:
        yield LoadProblem(
            file,
            1,
            "a CSV record file needs a 'type' column or a name after a "
            "record type (e.g. persons.csv)",
            "parse",
            hint="known types: " + ", ".join(decoder.type_names),
        )
        return
    previous_end = reader.line_num
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield LoadProblem(file, reader.line_num, f"CSV error: {exc}", "parse")
            return
        line, previous_end = previous_end + 1, reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            yield LoadProblem(
                file, line, f"row has {len(row)} cells, header has {len(header)}", "parse"
            )
            continue
        data, problems = decoder.decode(dict(zip(header, row, strict=True)), type_hint)
        for path, message in problems:
            yield LoadProblem(file, line, message, "type", path, data.get("id"))
        if not problems:
            yield RawRecord(data, file, line, _constant_line(line), type_hint)


def _constant_line(line: int) -> Locator:
    return lambda _path: line


# --- dispatch ------------------------------------------------------------------


def iter_raw(
    path: Path, decoder: CsvDecoder, fast: FastStructurer | None = None
) -> Iterator[RawRecord | LoadProblem | LoadedRecord]:
    """Parse one record file into raw records (and parse problems); with ``fast``, the
    JSON Lines records it structures come already structured."""
    file = str(path)
    fmt = RECORD_SUFFIXES.get(path.suffix.lower())
    if fmt is None:
        yield LoadProblem(
            file,
            1,
            f"not a record file (expected one of {', '.join(sorted(RECORD_SUFFIXES))})",
            "parse",
        )
        return
    try:
        if fmt in ("jsonl", "csv"):
            with open(path, encoding="utf-8-sig", newline="" if fmt == "csv" else None) as handle:
                if fmt == "jsonl":
                    yield from _iter_jsonl(handle, file, fast)
                else:
                    yield from _iter_csv(handle, file, decoder)
            return
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        yield LoadProblem(
            file,
            1,
            f"not UTF-8 text ({exc.reason} at byte {exc.start})",
            "parse",
            hint="save the file as UTF-8",
        )
        return
    except OSError as exc:
        raise SourceError(f"{file}: cannot read: {exc.strerror or exc}") from exc
    yield from (_iter_yaml(text, file) if fmt == "yaml" else _iter_json(text, file))


def structure(raw: RawRecord, converter: GrConverter) -> LoadedRecord | list[LoadProblem]:
    """Structure a raw record; on failure return its problems with lines."""
    data = raw.data
    if raw.type_hint is not None and isinstance(data, dict) and "type" not in data:
        data = {"type": raw.type_hint, **data}
    try:
        record = converter.structure_record(data)
    except UnknownRecordTypeError as exc:
        record_id = data.get("id") if isinstance(data, dict) else None
        path: FieldPath = ("type",) if isinstance(data, dict) and "type" in data else ()
        line = raw.locate(path) if raw.locate and path else raw.line
        return [
            LoadProblem(
                raw.file,
                line,
                str(exc),
                "record-type",
                path,
                record_id if isinstance(record_id, str) else None,
                "known types: " + ", ".join(sorted(converter.record_types)),
            )
        ]
    except Exception as exc:
        record_id = data.get("id") if isinstance(data, dict) else None
        tag = data.get("type") if isinstance(data, dict) else None
        cls = converter.record_types.get(tag) if isinstance(tag, str) else None
        problems = []
        for problem in converter.explain(exc, cls):
            try:
                line = raw.locate(problem.path) if raw.locate and problem.path else raw.line
            except Exception:
                line = raw.line
            problems.append(
                LoadProblem(
                    raw.file,
                    line,
                    problem.message,
                    problem.kind,
                    problem.path,
                    record_id if isinstance(record_id, str) else None,
                    problem.hint,
                )
            )
        return problems
    return LoadedRecord(record, raw.file, raw.line, raw.locate)


def load_records(
    paths: Sequence[str | os.PathLike[str]] | Iterable[Path], converter: GrConverter
) -> Iterator[LoadedRecord | LoadProblem]:
    """Stream every record of a record set, with problems in between.

    :param paths: files and directories.
    :param converter: the converter to structure with.
    :raises SourceError: when a path does not exist or cannot be read.
    """
    decoder = CsvDecoder(converter)
    fast = fast_structurer(converter)
    for path in discover(paths):
        for raw in iter_raw(path, decoder, fast):
            if isinstance(raw, (LoadProblem, LoadedRecord)):
                yield raw
                continue
            result = structure(raw, converter)
            if isinstance(result, list):
                yield from result
            else:
                yield result
