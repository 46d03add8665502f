"""Writing an import result as a record set file."""

from __future__ import annotations

import json
from pathlib import Path

from grmodel.converter import GrConverter
from grmodel.errors import GrmodelError
from grmodel.exporting.paths import unicode_path, with_source_paths
from grmodel.importing.base import ImportResult
from grmodel.io import atomic_write_text
from grmodel.recordset.yamlio import dump_documents

__all__ = ["import_target", "write_import"]


def import_target(source: Path | str, outdir: Path, fmt: str) -> Path:
    """The record set file that importing ``source`` writes: ``outdir/<stem>.<fmt>``."""
    return outdir / f"{Path(source).stem}.{fmt}"


def _unicode(path: str | None) -> str | None:
    return None if path is None else unicode_path(path)


def write_import(
    result: ImportResult,
    outdir: Path,
    converter: GrConverter,
    *,
    fmt: str = "yaml",
    force: bool = False,
) -> Path:
    """Write the document record and its records to ``outdir/<source stem>.<fmt>``
    (source paths as Unicode text: :func:`~grmodel.exporting.paths.unicode_path`).

    :raises OutputExistsError: when the file exists and ``force`` is false.
    :raises GrmodelError: when a record holds text that is not Unicode.
    """
    target = import_target(result.document.source_file or result.document.id, outdir, fmt)
    records = (result.document, *result.records)
    data = [converter.unstructure_record(with_source_paths(r, _unicode)) for r in records]
    if fmt == "json":
        text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    else:
        try:
            text = dump_documents(data)
        except UnicodeEncodeError as exc:  # json.dumps leaves it to the write
            raise GrmodelError(
                f"{target}: cannot write {exc.object[exc.start : exc.end]!r}: "
                "not Unicode text (a lone surrogate); nothing written"
            ) from None
    atomic_write_text(target, text, force=force)
    return target
