"""The record base class and provenance."""

from __future__ import annotations

from typing import ClassVar

import attrs

__all__ = ["Provenance", "Record"]


@attrs.frozen(kw_only=True)
class Provenance:
    """Where a record came from: a file and line span, and the source document.

    Hand-written records may leave it out; importers always set it.
    """

    source: str | None = None
    """Path of the source file or document, as given to grmodel."""
    line: int | None = None
    """First line of the record in the source (1-based)."""
    end_line: int | None = None
    """Last line of the record in the source (inclusive)."""
    document: str | None = None
    """Id of the :class:`~grmodel.Document` record the record was imported from."""


@attrs.frozen(kw_only=True)
class Record:
    """Base of every record type.

    A record has a stable ``id`` unique within its record set; records refer to
    each other by id. On disk a record is a mapping with a ``type`` tag (the
    class's :attr:`TYPE`), its ``id`` and its fields.
    """

    TYPE: ClassVar[str] = "record"
    """The type tag that names this record type in files (``type: meeting``)."""

    id: str
    """Stable identifier, unique in the record set (e.g. ``sgsv-2019-11-07``)."""
    note: str | None = None
    """A free-text note by the data steward (e.g. how an ambiguous source was read)."""
    provenance: Provenance | None = None
    """Where the record came from."""
