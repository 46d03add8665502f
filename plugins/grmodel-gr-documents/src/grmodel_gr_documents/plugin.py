"""The plugin module registered under the ``grmodel`` entry-point group."""

from __future__ import annotations

from grmodel.importing.base import Importer, SourceDocument
from grmodel.plugins import hookimpl
from grmodel_gr_documents.agenda import parse_agenda
from grmodel_gr_documents.combined import detect_combined, parse_combined
from grmodel_gr_documents.detect import evidence
from grmodel_gr_documents.protocol import parse_notes, parse_protocol
from grmodel_gr_documents.staff_report import parse_staff_report

__all__ = ["IMPORTERS", "detect", "grmodel_detect_kind", "grmodel_importers"]


IMPORTERS: tuple[Importer, ...] = (
    Importer(
        name="protocol",
        summary="Protokoll: meeting, attendance, paragraphs, decisions, justering",
        parse=lambda document: parse_protocol(document),
    ),
    Importer(
        name="notes",
        summary="Minnesanteckningar: a meeting with attendance and items, without justering",
        parse=parse_notes,
    ),
    Importer(
        name="agenda",
        summary="Dagordning, kallelse: a planned meeting with its items and their kinds",
        parse=lambda document: parse_agenda(document),
    ),
    Importer(
        name="staff-report",
        summary="Tjänsteskrivelse, tjänsteutlåtande, styrelseärende: proposals, funding",
        parse=lambda document: parse_staff_report(document),
    ),
    Importer(
        name="combined",
        summary="Several documents in one source (agenda + staff report + …), split and imported",
        parse=parse_combined,
        detect=detect_combined,
    ),
)
"""The importers this plugin provides."""


_NAMES = {importer.name for importer in IMPORTERS}
_STRONG = 7.0
"""Points at which a protocol's evidence outweighs a split into parts."""


def detect(document: SourceDocument) -> str | None:
    """The kind of ``document`` from the evidence across it
    (:mod:`~grmodel_gr_documents.detect`); ``combined`` where it holds several
    documents of different kinds in sequence; ``None`` for a kind not imported."""
    seen = evidence(document)
    kind = seen.best
    strong = kind is not None and seen.scores[kind] >= _STRONG
    if not (kind == "protocol" and strong) and detect_combined(document) > 0.6:
        return "combined"
    return kind if kind in _NAMES else None


@hookimpl
def grmodel_importers() -> list[Importer]:
    """The GR document importers."""
    return list(IMPORTERS)


@hookimpl
def grmodel_detect_kind(document: SourceDocument) -> str | None:
    """Detect protocols, agendas, staff reports and combined documents."""
    return detect(document)
