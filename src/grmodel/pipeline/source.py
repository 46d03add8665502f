"""The one record source: paths in, records with their provenance out.

Validation, export and ``grmodel count`` all read their input here, and ``grmodel
import`` finds its documents here. The paths are discovered once: a directory gives
its record files (YAML, JSON, JSON Lines, CSV) and its source documents (``.txt``,
``.pdf``), a file given by name is taken whatever its suffix. A record file is read
by the record set loader, any other file is a source document that the matching
importer reads. Every record comes with where it came from (file and line), and
whether it was imported from a document.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import NamedTuple

from grmodel.errors import GrmodelError
from grmodel.model import Record
from grmodel.pipeline.importing import DOCUMENT_SUFFIXES, import_path
from grmodel.plugins import GrPluginManager
from grmodel.recordset.loading import (
    RECORD_SUFFIXES,
    LoadedRecord,
    LoadLimits,
    LoadProblem,
    discover,
    load_records,
)

__all__ = [
    "ProgressCallback",
    "ReadElsewhere",
    "RecordSource",
    "Sourced",
    "discover_inputs",
    "source_documents",
]

ProgressCallback = Callable[[int, int, str], None]
"""Called as ``progress(done, total, file)`` before each file and once at the end."""

ReadElsewhere = Callable[[Path], "Iterable[LoadedRecord | LoadProblem] | None"]
"""A record file's entries as read elsewhere (``--jobs``' workers), or ``None``."""


def discover_inputs(
    paths: Sequence[str | os.PathLike[str]], problems: list[LoadProblem] | None = None
) -> list[Path]:
    """Every record file and source document under ``paths``, in reading order
    (see :func:`~grmodel.recordset.loading.discover`).

    :param problems: where paths that cannot be used go; without it they raise.
    :raises SourceError: when a given path does not exist.
    """
    return discover([Path(p) for p in paths], problems, also=DOCUMENT_SUFFIXES)


def source_documents(
    paths: Sequence[str | os.PathLike[str]], problems: list[LoadProblem] | None = None
) -> list[Path]:
    """The source documents to import: a file as given, a directory's documents
    (``.txt``, ``.pdf``; its record files are records already, not documents).

    :param problems: where paths that cannot be used go (a special file, an
        unreadable directory: :func:`discover_inputs`); without it they raise.
    :raises SourceError: when a path does not exist or cannot be read.
    """
    out: list[Path] = []
    for path in map(Path, paths):
        given = not path.is_dir()
        found = discover_inputs([path], problems)
        out.extend(file for file in found if given or file.suffix.lower() in DOCUMENT_SUFFIXES)
    return out


class Sourced(NamedTuple):
    """One entry of a record source."""

    entry: LoadedRecord | LoadProblem
    """A record with its file and line, or a problem found reading one."""
    imported: bool
    """True when it comes from a source document (lines are the document's)."""


class RecordSource:
    """Records of record files and imported documents, in order.

    :param paths: record files, directories of them, or source documents.
    :param pm: the plugin manager (converter, importers, reference data).
    :param kind: the importer for source documents (default: detected).
    :param limits: bounds on file size, nesting and alias expansion.
    :raises GrmodelError: for a path argument that does not exist.
    """

    def __init__(
        self,
        paths: Sequence[str | os.PathLike[str]],
        pm: GrPluginManager,
        *,
        kind: str | None = None,
        limits: LoadLimits | None = None,
    ):
        self._problems: list[LoadProblem] = []
        self.files: list[Path] = discover_inputs(paths, self._problems)
        """Every file, discovered once (directories are read recursively, sorted, for
        their record files and source documents); paths that cannot be read
        (unreadable directories, special files) are problems of the first entries."""
        self._pm = pm
        self._kind = kind
        self._limits = limits

    def entries(
        self, progress: ProgressCallback | None = None, read: ReadElsewhere | None = None
    ) -> Iterator[Sourced]:
        """Every record and every problem, file by file.

        A document no importer can read is a problem of kind ``import`` at its line 1.

        :param read: a record file's entries as read elsewhere (worker processes), or
            ``None``: read it here.
        """
        for problem in self._problems:
            yield Sourced(problem, False)
        files = self.files
        for index, file in enumerate(files):
            if progress is not None:
                progress(index, len(files), str(file))
            if file.suffix.lower() in RECORD_SUFFIXES:
                found = read(file) if read is not None else None
                if found is None:
                    found = load_records([file], self._pm.converter, self._limits)
                for entry in found:
                    yield Sourced(entry, False)
            else:
                yield from self._imported(file)
        if progress is not None:
            progress(len(files), len(files), "")

    def _imported(self, file: Path) -> Iterator[Sourced]:
        try:
            result = import_path(file, self._pm, kind=self._kind)
        except GrmodelError as exc:
            message = str(exc).removeprefix(f"{file}:1: ").removeprefix(f"{file}: ")
            yield Sourced(LoadProblem(str(file), 1, message, "import"), True)
            return
        for record in (result.document, *result.records):
            prov = record.provenance
            line = prov.line if prov and prov.line else 1
            yield Sourced(LoadedRecord(record, str(file), line), True)

    def records(self) -> Iterator[Record]:
        """Just the records, for consumers that need a record set that loads.

        :raises GrmodelError: on the first problem (``grmodel validate`` shows them all).
        """
        for entry, _imported in self.entries():
            if isinstance(entry, LoadProblem):
                if entry.kind == "import":
                    raise GrmodelError(f"{entry.file}:{entry.line}: {entry.message}")
                raise GrmodelError(
                    f"{entry.file}:{entry.line}: {entry.message} "
                    "(run grmodel validate for every problem)"
                )
            yield entry.record
