"""What each fuzzer checks, one function of the input bytes per target.

A target returns quietly when the library answered as it must (records, problems
with a file and a line, a one-line refusal) and raises otherwise: any exception
other than the library's one-line :class:`~grmodel.errors.GrmodelError` is a find,
and so is an answer that breaks a promise (a problem without a line, a refusal over
two lines, an importer's crash reported as the plugin's failure, line accounting
outside the document, an export that does not read back as what was loaded).

The atheris driver (:mod:`tests.fuzz.run`) feeds them; the suite runs them over
their seeds and the regression inputs (``tests/fuzz/test_targets.py``).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from grmodel.errors import GrmodelError
from grmodel.importing.base import ImportResult
from grmodel.importing.write import write_import
from grmodel.pipeline.exporting import export
from grmodel.pipeline.importing import import_source
from grmodel.plugins import get_plugin_manager
from grmodel.recordset.loading import LoadedRecord, LoadProblem, load_records
from tests.fuzz.seeds import FORMATS

PM = get_plugin_manager()
"""The installed plugins: every importer and exporter there is."""
IMPORTERS = (None, *sorted(PM.importers))
"""What an import fuzzer's first byte picks (modulo): detection, or one importer."""
EXPORTERS = tuple(sorted(PM.exporters))
"""What an export fuzzer's first byte picks (modulo)."""
READ_BACK = {"json": "json", "yaml": "yaml"}
"""Exports that are record files again, and their format."""

_WORK = Path(
    tempfile.mkdtemp(prefix="grmodel-fuzz-", dir="/dev/shm" if Path("/dev/shm").is_dir() else None)
)


def _file(name: str, data: bytes) -> Path:
    path = _WORK / name
    path.write_bytes(data)
    return path


def _one_line(exc: GrmodelError) -> str:
    message = str(exc)
    assert message and "\n" not in message.strip(), f"refusal over several lines: {message!r}"
    return message


def _loaded(path: Path) -> Iterator[LoadedRecord | LoadProblem]:
    for entry in load_records([path], PM.converter):
        assert isinstance(entry, (LoadedRecord, LoadProblem)), entry
        if isinstance(entry, LoadProblem):
            assert entry.file == str(path), entry
            assert entry.line >= 1, entry
            assert entry.message and "\n" not in entry.message, entry
        yield entry


def load(data: bytes) -> None:
    """Record file bytes (first byte: the format) load as records and problems."""
    if not data:
        return
    path = _file(f"records.{FORMATS[data[0] % len(FORMATS)]}", data[1:])
    for _entry in _loaded(path):
        pass


DOCUMENT_NAMES = ("document.txt", os.fsdecode(b"protokoll-\xe9.txt"))
"""A document's file name: UTF-8, or not (the first byte's top bit)."""


def document(data: bytes) -> None:
    """Any bytes (first byte: detection or the importer, and the file name) import as
    records or a refusal; what is imported is written and loads back, every record."""
    if not data:
        return
    kind = IMPORTERS[data[0] % len(IMPORTERS)]
    path = _file(DOCUMENT_NAMES[data[0] >> 7], data[1:])
    try:
        _source, result = import_source(path, PM, kind)
    except GrmodelError as exc:
        message = _one_line(exc)
        assert " of plugin " not in message, message  # the importer itself failed
        return
    _check_accounting(result)
    written = write_import(result, _WORK / "imported", PM.converter, force=True)
    back = list(_loaded(written))
    assert all(isinstance(e, LoadedRecord) for e in back), [
        e for e in back if isinstance(e, LoadProblem)
    ][:3]
    assert len(back) == 1 + len(result.records), (len(back), len(result.records))


def _check_accounting(result: ImportResult) -> None:
    """Every line a result accounts for lies in the document; none is placed and dropped."""
    total = result.document.line_count or 0
    assert total >= 0, total
    assert all(1 <= n <= total for n in result.placed_lines), (total, sorted(result.placed_lines))
    dropped: set[int] = set()
    for segment in (*result.document.unplaced, *result.document.dropped):
        assert 1 <= segment.span.line <= segment.span.last <= total, (total, segment.span)
    for segment in result.document.dropped:
        dropped.update(range(segment.span.line, segment.span.last + 1))
    assert not dropped & result.placed_lines, sorted(dropped & result.placed_lines)
    relevant = total - len(dropped)
    assert len(result.placed_lines) <= max(relevant, 0), (len(result.placed_lines), relevant)
    assert 0.0 <= result.coverage <= 1.0, result.coverage


def exported(data: bytes) -> None:
    """Loaded records (first byte: the exporter, second: the record format) export, or
    the export is refused with one line; json and yaml exports read back as loaded."""
    if len(data) < 2:
        return
    fmt = EXPORTERS[data[0] % len(EXPORTERS)]
    path = _file(f"records.{FORMATS[data[1] % len(FORMATS)]}", data[2:])
    records = [e.record for e in _loaded(path) if isinstance(e, LoadedRecord)]
    target = _WORK / f"export-{fmt}"
    try:
        export(fmt, [path], target, PM, force=True)
    except GrmodelError as exc:
        message = _one_line(exc)
        assert " of plugin " not in message, message  # the exporter itself failed
        assert "constraint failed" not in message, message  # tables disagree with the model
        return
    if fmt in READ_BACK:
        back = target.with_name(f"back.{READ_BACK[fmt]}")
        target.replace(back)
        again = list(_loaded(back))
        assert all(isinstance(e, LoadedRecord) for e in again), again
        ids = [e.record.id for e in again if isinstance(e, LoadedRecord)]
        assert ids == [r.id for r in records], (ids, [r.id for r in records])


TARGETS: dict[str, Callable[[bytes], None]] = {
    "load": load,
    "document": document,
    "export": exported,
}
"""The fuzz targets by name."""
