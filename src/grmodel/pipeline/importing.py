"""Reading source documents and running the right importer on them."""

from __future__ import annotations

from pathlib import Path

import attrs

from grmodel.bundled import install_command
from grmodel.errors import GrmodelError, SourceError
from grmodel.importing.base import Importer, ImportResult, SourceDocument
from grmodel.importing.decoding import decode_text
from grmodel.importing.pdf import pdf_text
from grmodel.io import open_regular
from grmodel.model import Document, Record
from grmodel.plugins import GrPluginManager

__all__ = [
    "DOCUMENT_SUFFIXES",
    "decode_text",
    "import_path",
    "import_read",
    "import_source",
    "read_source",
]

DOCUMENT_SUFFIXES = frozenset({".txt", ".pdf"})
"""Suffixes of the source documents taken from a directory (a document given by name
is read whatever its suffix: as PDF if ``.pdf``, else as text)."""


def read_source(path: Path) -> SourceDocument:
    """Read a text or PDF source document.

    :raises SourceError: when it cannot be read.
    """
    try:
        if path.suffix.lower() == ".pdf":
            return SourceDocument(path=path, text=pdf_text(path), encoding="pdf")
        with open(open_regular(path), "rb") as handle:  # never blocks on a FIFO
            data = handle.read()
    except OSError as exc:
        raise SourceError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    if b"\x00" in data[:4096]:
        raise SourceError(f"{path}:1: binary file, not a text document")
    text, encoding = decode_text(data)
    return SourceDocument(path=path, text=text, encoding=encoding)


def import_path(path: Path, pm: GrPluginManager, kind: str | None = None) -> ImportResult:
    """Import one source document with the importer ``kind`` or the detected one.

    :raises GrmodelError: when no importer fits or ``kind`` is unknown.
    """
    return import_source(path, pm, kind)[1]


def import_source(
    path: Path, pm: GrPluginManager, kind: str | None = None
) -> tuple[SourceDocument, ImportResult]:
    """As :func:`import_path`, and the source document read (with the encoding used).

    :raises GrmodelError: when no importer fits or ``kind`` is unknown.
    """
    _known_kind(pm, kind)
    return import_read(read_source(path), pm, kind)


def import_read(
    document: SourceDocument, pm: GrPluginManager, kind: str | None = None
) -> tuple[SourceDocument, ImportResult]:
    """As :func:`import_source`, for a document read already (by
    :func:`read_source`; a cluster's worker reads it where the client's path is).

    :raises GrmodelError: when no importer fits or ``kind`` is unknown.
    """
    _known_kind(pm, kind)
    document = attrs.evolve(document, refdata=pm.refdata)
    chosen = kind or pm.detect_kind(document)
    if chosen is None:
        known = ", ".join(sorted(pm.importers)) or "none installed"
        raise GrmodelError(
            f"{document.path}:1: cannot tell what kind of document this is; give --kind "
            f"(importers: {known}){_documents_hint(pm)}"
        )
    importer = pm.importers[chosen]
    return document, _parse(importer, document, pm.plugin_label(importer.plugin))


def _documents_hint(pm: GrPluginManager) -> str:
    """Where GR's own documents (protocols, agendas, …) are read, when no importer of
    theirs is installed: a plugin that did not load, else the bundled one."""
    if "protocol" in pm.importers:
        return ""
    broken = pm.missing_hint(importer="protocol")
    if "did not load" in broken:
        return broken
    return (
        "; GR's protocols, agendas and staff reports are read by the plugin "
        f"grmodel-gr-documents (from a grmodel checkout: {install_command('grmodel-gr-documents')})"
    )


def _known_kind(pm: GrPluginManager, kind: str | None) -> None:
    if kind is not None and kind not in pm.importers:
        known = ", ".join(sorted(pm.importers)) or "none installed"
        hint = pm.missing_hint(importer=kind)
        raise GrmodelError(f"unknown document kind {kind!r} (known: {known}){hint}")


def _parse(importer: Importer, document: SourceDocument, plugin: str) -> ImportResult:
    """Run an importer; a failure (an ``OSError`` too: the document was read
    already) or a result of the wrong types names it and its ``plugin``."""
    who = f"importer {importer.name!r} of {plugin}"
    try:
        result = importer.parse(document)
    except GrmodelError:
        raise
    except Exception as exc:
        first = (str(exc).strip().splitlines() or [""])[0]
        raise GrmodelError(f"{document.path}: {who} failed: {type(exc).__name__}: {first}") from exc
    if not isinstance(result, ImportResult):
        raise GrmodelError(
            f"{document.path}: {who} returned {type(result).__name__}, not an ImportResult"
        )
    wrong = (
        [result.document]
        if not isinstance(result.document, Document)
        else [r for r in result.records if not isinstance(r, Record)][:1]
    )
    if wrong:
        role = "as its document" if wrong[0] is result.document else "among its records"
        raise GrmodelError(f"{document.path}: {who} returned a {type(wrong[0]).__name__} {role}")
    return result
