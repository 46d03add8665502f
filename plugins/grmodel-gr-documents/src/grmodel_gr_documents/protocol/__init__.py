"""The ``protocol`` importer: a protokoll into a meeting with everything it states.

A reading pipeline, one job per module: the text layer
(:mod:`~grmodel_gr_documents.lines`, :mod:`~grmodel_gr_documents.chrome`) drops
chrome and page furniture; the stream (:mod:`~grmodel_gr_documents.stream`) and
segments (:mod:`~grmodel_gr_documents.segments`) cut the text at the vocabulary's
markers wherever they stand; then :mod:`.header`, :mod:`.attendance`,
:mod:`.body` and :mod:`.closing` read their segments, and :mod:`.assemble`
builds the records.
"""

from __future__ import annotations

from grmodel.importing.base import ImportResult, SourceDocument
from grmodel.model import DocumentKind
from grmodel_gr_documents.building import Builder
from grmodel_gr_documents.protocol.assemble import Assembler

__all__ = ["parse_notes", "parse_protocol"]


def parse_protocol(
    document: SourceDocument,
    *,
    within: range | None = None,
    year: int | None = None,
    part_of: str | None = None,
) -> ImportResult:
    """Import a protocol (protokoll).

    :param within: only these lines (a part of a combined document).
    :param year: year for dates written without one, from context.
    :param part_of: id of the combined document this is a part of.
    """
    builder = Builder(document, within=within, year=year)
    return Assembler(builder).run(part_of=part_of)


def parse_notes(document: SourceDocument) -> ImportResult:
    """Import minnesanteckningar: a meeting record read as a protocol is, without a
    justering."""
    return Assembler(Builder(document), DocumentKind.MINNESANTECKNINGAR).run()
