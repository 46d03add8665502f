"""The plugin module registered under the ``grmodel`` entry-point group."""

from __future__ import annotations

from grmodel.importing.base import Importer, SourceDocument
from grmodel.plugins import hookimpl
from grmodel_gr_documents.agenda import detect_agenda, parse_agenda
from grmodel_gr_documents.combined import detect_combined, parse_combined
from grmodel_gr_documents.protocol import detect_protocol, parse_protocol
from grmodel_gr_documents.staff_report import detect_staff_report, parse_staff_report

__all__ = ["IMPORTERS", "detect", "grmodel_detect_kind", "grmodel_importers"]


IMPORTERS: tuple[Importer, ...] = (
    Importer(
        name="protocol",
        summary="Protokoll: meeting, attendance, paragraphs, decisions, justering",
        parse=lambda document: parse_protocol(document),
        detect=detect_protocol,
    ),
    Importer(
        name="agenda",
        summary="Dagordning, kallelse: a planned meeting with its items and their kinds",
        parse=lambda document: parse_agenda(document),
        detect=detect_agenda,
    ),
    Importer(
        name="staff-report",
        summary="Tjänsteskrivelse, tjänsteutlåtande, styrelseärende: proposals, funding",
        parse=lambda document: parse_staff_report(document),
        detect=detect_staff_report,
    ),
    Importer(
        name="combined",
        summary="Several documents in one source (agenda + staff report + …), split and imported",
        parse=parse_combined,
        detect=detect_combined,
    ),
)
"""The importers this plugin provides."""


def detect(document: SourceDocument) -> str | None:
    """The most confident of this plugin's importers (above 0.5), else ``None``."""
    best, best_score = None, 0.5
    for importer in IMPORTERS:
        score = importer.detect(document) if importer.detect else 0.0
        if score > best_score:
            best, best_score = importer.name, score
    return best


@hookimpl
def grmodel_importers() -> list[Importer]:
    """The GR document importers."""
    return list(IMPORTERS)


@hookimpl
def grmodel_detect_kind(document: SourceDocument) -> str | None:
    """Detect protocols, agendas, staff reports and combined documents."""
    return detect(document)
