"""Streaming loader: files of a record set → records with locations, or problems.

Records are yielded one at a time, never all held. Every structural problem is
reported with file, line and field path, and loading goes on after it: a bad
record is skipped, a file that cannot be parsed at all is reported at the line
where parsing stopped. Lines of fields inside a record are found lazily (only
when a finding needs them), so the fast path stays fast.

Nothing is skipped without a problem: an unreadable file or directory, a FIFO,
device or socket among the inputs (never opened for reading), a symbolic link
that leads nowhere or in a loop, and a file over the size limit are each a
problem naming the path.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Collection, Iterable, Iterator, Sequence
from pathlib import Path

from grmodel.converter import FieldPath, GrConverter, UnknownRecordTypeError
from grmodel.errors import SourceError
from grmodel.io import open_regular, special_kind
from grmodel.recordset.base import (
    LOAD_CODES,
    LoadedRecord,
    LoadLimits,
    LoadProblem,
    Locator,
    RawRecord,
    format_problem,
)
from grmodel.recordset.csvio import CsvDecoder, iter_csv
from grmodel.recordset.fast import FastStructurer, fast_structurer
from grmodel.recordset.jsonio import iter_json, iter_jsonl
from grmodel.recordset.yamlio import iter_yaml

__all__ = [
    "LOAD_CODES",
    "RECORD_SUFFIXES",
    "LoadLimits",
    "LoadProblem",
    "LoadedRecord",
    "Locator",
    "RawRecord",
    "discover",
    "format_problem",
    "iter_raw",
    "load_records",
    "path_error",
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


def path_error(path: Path, exc: OSError) -> str:
    """One line saying why ``path`` cannot be used, naming it."""
    if exc.errno == errno.ENOENT and os.path.lexists(path):
        return f"{path}: broken symbolic link (its target does not exist)"
    if exc.errno == errno.ELOOP:
        return f"{path}: symbolic link loop"
    if exc.errno == errno.ENOENT:
        return f"{path}: no such file or directory"
    return f"{path}: {exc.strerror or exc}"


class _Walk:
    """Collects files of a record set and the problems of the paths it cannot use."""

    def __init__(self, problems: list[LoadProblem] | None, suffixes: Collection[str]):
        self.found: list[Path] = []
        self._problems = problems
        self._visited: set[tuple[int, int]] = set()
        self._suffixes = suffixes

    def problem(self, path: Path, message: str) -> None:
        if self._problems is None:
            raise SourceError(f"{path}: {message}")
        self._problems.append(LoadProblem(str(path), 1, message, "unreadable"))

    def add(self, path: Path, st: os.stat_result) -> None:
        if stat.S_ISREG(st.st_mode):
            self.found.append(path)
        elif stat.S_ISDIR(st.st_mode):
            self.directory(path, st)
        else:
            self.problem(
                path, f"{special_kind(st.st_mode) or 'not a regular file'}; skipped, not read"
            )

    def directory(self, root: Path, st: os.stat_result) -> None:
        stack = [(root, st)]
        while stack:
            path, st = stack.pop()
            if (st.st_dev, st.st_ino) in self._visited:
                self.problem(path, "a directory already read (a symbolic link loop?); skipped")
                continue
            self._visited.add((st.st_dev, st.st_ino))
            try:
                with os.scandir(path) as scan:
                    entries = sorted(scan, key=lambda e: e.name)
            except OSError as exc:
                self.problem(path, f"cannot read the directory: {exc.strerror or exc}")
                continue
            subdirs = []
            for entry in entries:
                if entry.name.startswith("."):
                    continue
                child = Path(entry.path)
                try:
                    child_st = child.stat()
                except OSError as exc:
                    if (
                        entry.is_dir(follow_symlinks=False)
                        or Path(entry.name).suffix.lower() in self._suffixes
                    ):
                        self.problem(child, path_error(child, exc).removeprefix(f"{child}: "))
                    continue
                if stat.S_ISDIR(child_st.st_mode):
                    if not entry.name.startswith("_"):
                        subdirs.append((child, child_st))
                elif Path(entry.name).suffix.lower() in self._suffixes:
                    self.add(child, child_st)
            stack.extend(reversed(subdirs))


def discover(
    paths: Iterable[str | os.PathLike[str]],
    problems: list[LoadProblem] | None = None,
    *,
    also: Collection[str] = (),
) -> list[Path]:
    """Expand paths to record files: directories recursively (hidden entries and
    ``_``-directories skipped, symbolic links followed), files as given; sorted
    within each directory for a stable order.

    :param problems: where paths that cannot be used go (an unreadable
        directory, a special file, a broken link inside a directory); without
        it they raise.
    :param also: more suffixes (lower case, with the dot) to take from
        directories besides the record files' (source documents: ``.txt``).
    :raises SourceError: when a given path does not exist or cannot be used.
    """
    walk = _Walk(problems, {*RECORD_SUFFIXES, *also})
    for raw in paths:
        path = Path(raw)
        try:
            st = path.stat()
        except OSError as exc:
            raise SourceError(path_error(path, exc)) from None
        walk.add(path, st)
    return walk.found


# --- dispatch ------------------------------------------------------------------


def _open_regular(path: Path) -> int | str:
    """A descriptor of a regular file, or why it cannot be read (never blocks on a FIFO)."""
    try:
        return open_regular(path)
    except OSError as exc:
        return path_error(path, exc).removeprefix(f"{path}: ")
    except SourceError as exc:
        return str(exc).removeprefix(f"{path}: ")


def iter_raw(
    path: Path,
    decoder: CsvDecoder,
    limits: LoadLimits | None = None,
    fast: FastStructurer | None = None,
    *,
    name: str | None = None,
) -> Iterator[RawRecord | LoadProblem | LoadedRecord]:
    """Parse one record file into raw records (and parse problems); with ``fast``, the
    JSON Lines records it structures come already structured.

    :param name: the file's name in what is yielded (default: ``path``).
    """
    limits = limits or LoadLimits()
    file = str(path) if name is None else name
    fmt = RECORD_SUFFIXES.get(path.suffix.lower())
    if fmt is None:
        yield LoadProblem(
            file,
            1,
            f"not a record file (expected one of {', '.join(sorted(RECORD_SUFFIXES))})",
            "parse",
        )
        return
    fd = _open_regular(path)
    if isinstance(fd, str):
        yield LoadProblem(file, 1, fd, "unreadable")
        return
    try:
        if fmt in ("jsonl", "csv"):
            if fmt == "jsonl":  # a line that is not UTF-8 is a problem at its line
                with open(fd, encoding="utf-8-sig", errors="surrogateescape") as handle:
                    yield from iter_jsonl(handle, file, limits, fast)
                return
            with open(fd, encoding="utf-8-sig", newline="") as handle:
                yield from iter_csv(handle, file, decoder)
            return
        size = os.fstat(fd).st_size
        if size > limits.file_size:
            os.close(fd)
            yield LoadProblem(
                file,
                1,
                f"refused: {size:,} bytes, over the limit of {limits.file_size:,} for a "
                f"{fmt.upper()} file read whole (limit 'file-size'; or use JSON Lines)",
                "limit",
            )
            return
        with open(fd, encoding="utf-8-sig") as handle:
            text = handle.read()
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
        yield LoadProblem(file, 1, f"cannot read: {exc.strerror or exc}", "unreadable")
        return
    yield from (iter_yaml(text, file, limits) if fmt == "yaml" else iter_json(text, file, limits))


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
    paths: Sequence[str | os.PathLike[str]] | Iterable[Path],
    converter: GrConverter,
    limits: LoadLimits | None = None,
) -> Iterator[LoadedRecord | LoadProblem]:
    """Stream every record of a record set, with problems in between.

    :param paths: files and directories.
    :param converter: the converter to structure with.
    :param limits: bounds on file size, nesting and alias expansion.
    :raises SourceError: when a given path does not exist.
    """
    decoder = CsvDecoder(converter)
    fast = fast_structurer(converter)
    problems: list[LoadProblem] = []
    files = discover(paths, problems)
    yield from problems
    for path in files:
        for raw in iter_raw(path, decoder, limits, fast):
            if isinstance(raw, (LoadProblem, LoadedRecord)):
                yield raw
                continue
            result = structure(raw, converter)
            if isinstance(result, list):
                yield from result
            else:
                yield result
