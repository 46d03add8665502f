"""Shared record building: provenance, persons, basis documents, the result."""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Hashable, Sequence
from pathlib import Path
from typing import Any, TypeVar, cast

import attrs

from grmodel.exporting.paths import unicode_path
from grmodel.ids import document_id, person_id, slug
from grmodel.importing.base import ImportResult, SourceDocument
from grmodel.model import (
    Body,
    BodyKind,
    Diarienummer,
    Document,
    DocumentKind,
    PartialDate,
    Person,
    Provenance,
    Record,
    Segment,
    Span,
)
from grmodel.refdata import ReferenceData, load_reference_data
from grmodel_gr_documents.accounting import unreached
from grmodel_gr_documents.bodies import BodyNames
from grmodel_gr_documents.dates import DateMatch, context_year, find_dates
from grmodel_gr_documents.lines import Tracker
from grmodel_gr_documents.names import Entry
from grmodel_gr_documents.normalise import normalise_line

__all__ = [
    "DOC_KINDS",
    "Builder",
    "doc_kind",
    "find_diarienummer",
    "per_document",
    "source_dates",
    "tracker_for",
]

DOC_KINDS: dict[str, DocumentKind] = {
    "protokoll": DocumentKind.PROTOKOLL,
    "protokollsutdrag": DocumentKind.PROTOKOLL,
    "dagordning": DocumentKind.DAGORDNING,
    "kallelse": DocumentKind.DAGORDNING,
    "tjänsteskrivelse": DocumentKind.TJANSTESKRIVELSE,
    "skrivelse": DocumentKind.TJANSTESKRIVELSE,
    "tjänsteutlåtande": DocumentKind.TJANSTEUTLATANDE,
    "styrelseärende": DocumentKind.STYRELSEARENDE,
    "styrgruppsärende": DocumentKind.STYRGRUPPSARENDE,
    "remiss": DocumentKind.REMISS,
    "remissvar": DocumentKind.REMISS,
    "yttrande": DocumentKind.REMISS,
    "verksamhetsinriktning": DocumentKind.VERKSAMHETSINRIKTNING,
    "ansökan": DocumentKind.ANSOKAN,
    "rapport": DocumentKind.RAPPORT,
    "delårsrapport": DocumentKind.RAPPORT,
    "kartläggning": DocumentKind.KARTLAGGNING,
    "presentation": DocumentKind.PRESENTATION,
    "avtal": DocumentKind.AVTAL,
    "överenskommelse": DocumentKind.AVTAL,
}
"""Words that name a kind of document → its kind."""

_DNR = re.compile(
    r"(?i)(?:diarienummer|diarienr|dnr|dnr\.)\s*[:.]?\s*"
    r"(?P<dnr>(?:[A-ZÅÄÖ]{1,6}[ /])?\d[\w.:/-]*\d)"
)


def doc_kind(word: str) -> DocumentKind | None:
    """The kind a word names ("Tjänsteskrivelse" → tjänsteskrivelse)."""
    return DOC_KINDS.get(word.casefold().strip(" :.,"))


def find_diarienummer(text: str) -> str | None:
    """The diarienummer stated in ``text`` ("diarienummer: 2019-00368", "Dnr: 08-193.012")."""
    m = _DNR.search(text)
    return m["dnr"] if m else None


T = TypeVar("T")

_PER_DOCUMENT: dict[str, dict[Hashable, Any]] = {}
"""What was read of the last document's text, by what it is."""


def per_document(document: SourceDocument, key: Hashable, make: Callable[[], T]) -> T:
    """``make()``, once per document text and ``key``.

    Detection, the split of a combined document and the importers read the same
    text; what each reads of it is read once. Only the last document's values are
    kept, so memory stays flat over a run of any length. ``make`` returns a value
    that nobody changes (or :func:`tracker_for`'s copies).
    """
    memo = _PER_DOCUMENT.get(document.text)
    if memo is None:
        _PER_DOCUMENT.clear()
        memo = _PER_DOCUMENT[document.text] = {}
    if key not in memo:
        memo[key] = make()
    return cast(T, memo[key])


def tracker_for(document: SourceDocument, within: range | None = None) -> Tracker:
    """A new :class:`~grmodel_gr_documents.lines.Tracker` of ``document``'s lines
    (``within`` them), nothing placed yet: the lines are normalised and accounted once
    per document and part (:func:`per_document`), and each caller places lines in a
    copy of its own."""
    lines = document.lines
    key = within if within is not None else range(1, len(lines) + 1)
    normalised = per_document(document, "normalised", lambda: tuple(map(normalise_line, lines)))
    prepared = per_document(document, key, lambda: Tracker(lines, key, normalised=normalised))
    return _fresh(prepared)


def source_dates(document: SourceDocument) -> tuple[DateMatch, ...]:
    """The dates in ``document``'s text as written (:func:`~grmodel_gr_documents.dates.find_dates`
    without a default year), found once per document."""
    return per_document(document, "dates", lambda: tuple(find_dates(document.text)))


def _fresh(prepared: Tracker) -> Tracker:
    """A copy of ``prepared`` whose lists, sets and dicts are its own."""
    tracker = copy.copy(prepared)
    for name, value in vars(prepared).items():
        if isinstance(value, list | set | dict):
            setattr(tracker, name, copy.copy(value))
    return tracker


class Builder:
    """State shared while one document is imported."""

    def __init__(
        self,
        document: SourceDocument,
        *,
        within: range | None = None,
        year: int | None = None,
        refdata: ReferenceData | None = None,
    ):
        self.source = document
        self.path = str(document.path)
        self.tracker = tracker_for(document, within)
        self.refdata = refdata or document.refdata or load_reference_data()
        self.bodies = BodyNames(self.refdata)
        self.doc_id = "document"
        text = "\n".join(self.tracker.lines)
        self.year = year or context_year(text)
        self.persons: dict[str, Person] = {}
        self.records: list[Record] = []
        self._record_ids: set[str] = set()
        self.notes: list[Segment] = []
        """What was not read well (:data:`~grmodel.model.IMPORT_NOTES`)."""

    @property
    def text(self) -> str:
        """All (normalised, in-part) text."""
        return "\n".join(self.tracker.lines)

    def prov(self, line: int, end_line: int | None = None) -> Provenance:
        """Provenance of a record at ``line..end_line``."""
        return Provenance(
            source=self.path,
            line=line,
            end_line=end_line if end_line is not None and end_line != line else None,
            document=self.doc_id,
        )

    def note(self, reason: str, line: int, text: str) -> None:
        """Note a problem of reading (a reason of :data:`~grmodel.model.IMPORT_NOTES`)."""
        self.notes.append(Segment(span=Span(line), text=text, reason=reason))

    def unknown_body(self, line: int, text: str) -> str:
        """A body for a document that names none: a placeholder of this document, with a
        note saying so (not a reference to nothing)."""
        body_id = slug(f"okant-organ {Path(self.path).stem}")[:60].strip("-")
        self.add(
            Body(
                id=body_id,
                name="Okänt organ",
                kind=BodyKind.OTHER,
                description=f"the body of {unicode_path(Path(self.path).name)}, which names none",
                provenance=self.prov(line),
            )
        )
        self.note("body-not-named", line, text)
        return body_id

    def add(self, record: Record) -> None:
        """Add a record once (by id)."""
        if record.id not in self._record_ids:
            self._record_ids.add(record.id)
            self.records.append(record)

    def person(self, name: str, line: int, entry: Entry | None = None) -> str:
        """Id of a person; made on first sight."""
        name = re.sub(r"\s+", " ", name).strip(" ,.;")
        pid = person_id(name) or "okand-person"
        if pid not in self.persons:
            words = name.split()
            self.persons[pid] = Person(
                id=pid,
                name=name,
                given_name=words[0] if len(words) >= 2 else None,
                family_name=" ".join(words[1:]) if len(words) >= 2 else None,
                title=entry.title if entry else None,
                organisation=entry.organisation if entry else None,
                provenance=self.prov(line),
            )
        return pid

    def basis_document(self, text: str, line: int, meeting: str | None) -> str | None:
        """A basis document ("Tjänsteskrivelse 2019-10-28, diarienummer: 2019-00368")."""
        text = text.strip(" -•*\t")
        first = text.split()[0] if text.split() else ""
        kind = doc_kind(first) or DocumentKind.OTHER
        dnr = find_diarienummer(text)
        dates = find_dates(text)
        date = dates[0].date if dates else None
        if dnr is None and kind is DocumentKind.OTHER and date is None:
            return None
        title = re.split(r",?\s*(?:diarienummer|diarienr|dnr)\b", text, flags=re.I)[0].strip(" ,")
        doc = document_id(
            diarienummer=dnr,
            kind=slug(kind.value) if kind is not DocumentKind.OTHER else "dokument",
            date=str(date) if date else None,
            title=title,
        )
        self.add(
            Document(
                id=doc,
                kind=kind,
                title=title or None,
                date=date,
                diarienummer=Diarienummer(dnr) if dnr else None,
                meeting=meeting,
                provenance=self.prov(line),
            )
        )
        return doc

    def finish(
        self,
        *,
        kind: DocumentKind,
        title: str | None = None,
        date: PartialDate | None = None,
        meeting: str | None = None,
        organisation: str | None = None,
        author: str | None = None,
        addressee: str | None = None,
        diarienummer: str | None = None,
        proposed: tuple[str, ...] = (),
        part_of: str | None = None,
        first_line: int = 1,
        labels: Sequence[re.Pattern[str]] = (),
    ) -> ImportResult:
        """Build the document record and the import result (a placed line with a word
        that reached no record is unplaced: :mod:`~grmodel_gr_documents.accounting`;
        ``labels``: the reader's own labels, which are structure as the vocabulary's)."""
        within = self.tracker.within
        last = within[-1] if len(within) else first_line
        document = Document(
            id=self.doc_id,
            kind=kind,
            title=title,
            date=date,
            diarienummer=Diarienummer(diarienummer) if diarienummer else None,
            author=author,
            addressee=addressee,
            organisation=organisation,
            meeting=meeting,
            proposed_clauses=proposed,
            part_of=part_of,
            source_file=Path(self.path).name,
            line_count=len(within),
            cut=tuple(self.tracker.cut_segments),
            notes=tuple(self.notes),
            provenance=self.prov(within[0] if len(within) else first_line, last),
        )
        records: list[Record] = [*self.persons.values(), *self.records]
        found = unreached(self.tracker, document, records, self.refdata, labels)
        for line in found:
            self.tracker.placed.discard(line)
            self.tracker.placed.difference_update(self.tracker.continuations.get(line, ()))
        partly = {line: segment for line, segment in found.items() if segment is not None}
        placed, unplaced, dropped = self.tracker.finish(partly)
        document = attrs.evolve(document, unplaced=unplaced, dropped=dropped)
        return ImportResult(document=document, records=tuple(records), placed_lines=placed)
