"""Importer descriptions, source documents and import results."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from pathlib import Path

import attrs

from grmodel.model import Document, Record
from grmodel.refdata import ReferenceData

__all__ = ["ImportResult", "Importer", "SourceDocument"]


@attrs.frozen(kw_only=True)
class SourceDocument:
    """A source document's text, decoded, split into lines (1-based by index + 1)."""

    path: Path
    """Where the document was read from."""
    text: str
    """Full decoded text (``\\n`` line ends)."""
    encoding: str
    """Encoding it was decoded from (``"utf-8"``, ``"cp1252"``, ``"pdf"``)."""
    refdata: ReferenceData | None = attrs.field(default=None, eq=False, repr=False)
    """The run's reference data, with every plugin's reference bodies (set by
    :func:`~grmodel.pipeline.importing.import_path`); ``None`` outside a run."""

    @property
    def lines(self) -> list[str]:
        """The lines, without line ends; ``lines[0]`` is line 1."""
        return self.text.split("\n")


@attrs.frozen(kw_only=True)
class ImportResult:
    """What an importer made of a document.

    ``document`` is the record of the source document itself; it carries the
    unplaced and dropped segments. Every line of the source is either in a
    record's span, in ``document.unplaced`` or in ``document.dropped``.
    """

    document: Document
    """The source document's own record."""
    records: Sequence[Record] = ()
    """The records made (meetings, persons, memberships, documents, …)."""
    placed_lines: frozenset[int] = frozenset()
    """Line numbers placed in records (blank lines count as placed): each significant
    word of the line reached a record (it is in a record's field, the document
    record's own title or notes included, or stands in a heading or label read as the
    document's structure). A line an importer read of which a significant word reached
    no record belongs in ``document.unplaced``: whole when nothing of it did, else the
    words that did not."""

    @property
    def coverage(self) -> float:
        """Share of non-dropped lines that were placed, 0–1."""
        total = self.document.line_count or 0
        dropped = sum(seg.span.last - seg.span.line + 1 for seg in self.document.dropped)
        relevant = total - dropped
        if relevant <= 0:
            return 1.0
        return min(1.0, len(self.placed_lines) / relevant)

    @property
    def coverage_text(self) -> str:
        """The coverage as a whole percentage, rounded down: ``100%`` only when every
        line was placed (one unread line of thousands is ``99%``)."""
        return f"{math.floor(self.coverage * 100)}%"


@attrs.frozen(kw_only=True)
class Importer:
    """An importer for one kind of document, registered via ``grmodel_importers``."""

    name: str
    """Kind name used by ``--kind`` (``"protocol"``, ``"agenda"``, ``"staff-report"``)."""
    summary: str
    """One line: what documents it reads."""
    parse: Callable[[SourceDocument], ImportResult]
    """Turn a source document into records."""
    detect: Callable[[SourceDocument], float] | None = None
    """Confidence 0–1 that the document is of this kind (used by default detection)."""
    plugin: str = ""
    """Name of the providing plugin (filled in at registration)."""
