"""Writing an import result as a record set file."""

from __future__ import annotations

import json
from pathlib import Path

from grmodel.converter import GrConverter
from grmodel.importing.base import ImportResult
from grmodel.io import atomic_write_text
from grmodel.recordset.yamlio import dump_documents

__all__ = ["import_target", "write_import"]


def import_target(source: Path | str, outdir: Path, fmt: str) -> Path:
    """The record set file that importing ``source`` writes: ``outdir/<stem>.<fmt>``."""
    return outdir / f"{Path(source).stem}.{fmt}"


def write_import(
    result: ImportResult,
    outdir: Path,
    converter: GrConverter,
    *,
    fmt: str = "yaml",
    force: bool = False,
) -> Path:
    """Write the document record and its records to ``outdir/<source stem>.<fmt>``.

    :raises OutputExistsError: when the file exists and ``force`` is false.
    """
    target = import_target(result.document.source_file or result.document.id, outdir, fmt)
    data = [converter.unstructure_record(r) for r in (result.document, *result.records)]
    if fmt == "json":
        text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    else:
        text = dump_documents(data)
    atomic_write_text(target, text, force=force)
    return target
