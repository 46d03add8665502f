"""No path of the exporting machine in an export.

Records remember where they came from (:attr:`grmodel.Provenance.source`,
:attr:`grmodel.Document.source_file`), as given to grmodel — an absolute path when the
user typed one, which would publish the exporting machine's directory layout.
Before records reach an exporter, an absolute source path becomes relative to
the record-set path it was found under, or, outside every one, its file name.
Relative paths are data (``seeds/000_….txt``) and stay as written; with
``keep=False`` (``grmodel export --no-source-paths``) both fields are left out.

A file name that is not UTF-8 is held by Python with lone surrogates (PEP 383),
which no exporter can write; such a source path is written with its bytes
escaped (:func:`unicode_path`), by export and import alike.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import attrs

from grmodel.model import Document, Record

__all__ = ["SourcePaths", "unicode_path", "with_source_paths"]


def unicode_path(path: str) -> str:
    """``path`` as Unicode text: the bytes of a name that are not UTF-8 (lone
    surrogates in Python) written as ``\\xNN``; any other path as it is."""
    if path.isascii():
        return path
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        try:
            return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
        except UnicodeEncodeError:  # a surrogate no file name decodes to
            return path.encode("utf-8", "backslashreplace").decode("utf-8")
    return path


def with_source_paths(record: Record, change: Callable[[str | None], str | None]) -> Record:
    """The record with ``change`` applied to its source paths
    (:attr:`~grmodel.Provenance.source`, :attr:`~grmodel.Document.source_file`);
    itself when nothing changes."""
    changes: dict[str, Any] = {}
    prov = record.provenance
    if prov is not None and prov.source is not None:
        source = change(prov.source)
        if source != prov.source:
            changes["provenance"] = attrs.evolve(prov, source=source)
    if isinstance(record, Document) and record.source_file is not None:
        source_file = change(record.source_file)
        if source_file != record.source_file:
            changes["source_file"] = source_file
    return attrs.evolve(record, **changes) if changes else record


class SourcePaths:
    """Rewrites the source paths of records found under the given record-set paths."""

    def __init__(self, paths: Sequence[str | os.PathLike[str]], *, keep: bool = True) -> None:
        self.keep = keep
        self.bases = [
            Path(os.path.abspath(p if Path(p).is_dir() else Path(p).parent)) for p in paths
        ]

    def portable(self, source: str | None) -> str | None:
        """``source`` without the machine's directories (``None`` when not kept)."""
        if source is None or not self.keep:
            return None
        if not os.path.isabs(source):
            return unicode_path(source)
        path = Path(source)
        for base in self.bases:
            if path.is_relative_to(base):
                return unicode_path(path.relative_to(base).as_posix())
        return unicode_path(path.name)

    def __call__(self, record: Record) -> Record:
        """The record with portable source paths (itself when nothing changes)."""
        return with_source_paths(record, self.portable)
