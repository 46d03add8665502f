"""No path of the exporting machine in an export.

Records remember where they came from (:attr:`grmodel.Provenance.source`,
:attr:`grmodel.Document.source_file`), as given to grmodel — an absolute path when the
user typed one, which would publish the exporting machine's directory layout.
Before records reach an exporter, an absolute source path becomes relative to
the record-set path it was found under, or, outside every one, its file name.
Relative paths are data (``seeds/000_….txt``) and stay as written; with
``keep=False`` (``grmodel export --no-source-paths``) both fields are left out.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import attrs

from grmodel.model import Document, Record

__all__ = ["SourcePaths"]


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
            return source
        path = Path(source)
        for base in self.bases:
            if path.is_relative_to(base):
                return path.relative_to(base).as_posix()
        return path.name

    def __call__(self, record: Record) -> Record:
        """The record with portable source paths (itself when nothing changes)."""
        changes: dict[str, Any] = {}
        prov = record.provenance
        if prov is not None and prov.source is not None:
            source = self.portable(prov.source)
            if source != prov.source:
                changes["provenance"] = attrs.evolve(prov, source=source)
        if isinstance(record, Document) and record.source_file is not None:
            source_file = self.portable(record.source_file)
            if source_file != record.source_file:
                changes["source_file"] = source_file
        return attrs.evolve(record, **changes) if changes else record
