"""The ``combined`` importer: a source that holds several documents in sequence
(seed 000: an agenda, then a tjänsteutlåtande, then a verksamhetsinriktning) is
split at the part starts and each part is imported by its own importer."""

from __future__ import annotations

import re
from collections.abc import Callable

import attrs

from grmodel.ids import document_id, slug
from grmodel.importing.base import ImportResult, SourceDocument
from grmodel.model import Document, DocumentKind, PartialDate, Record, Segment
from grmodel_gr_documents.agenda import parse_agenda
from grmodel_gr_documents.building import Builder, source_dates, tracker_for
from grmodel_gr_documents.dates import context_year
from grmodel_gr_documents.protocol import parse_protocol
from grmodel_gr_documents.staff_report import STAFF_KINDS, parse_staff_report
from grmodel_gr_documents.staff_titles import cut_in_head
from grmodel_gr_documents.vocabulary import LOCAL_PREFIX

__all__ = ["Part", "detect_combined", "find_parts", "parse_combined", "parse_text_part"]

_AGENDA = re.compile(r"(?i)^.{0,60}?\b(?:förslag\s+till\s+dagordning|dagordning|kallelse)\b")
_PROTOCOL = re.compile(r"(?i)^(?:protokoll|sammanträdesprotokoll)\b")
_STAFF = re.compile(rf"(?i)^(?:dnr\b.{{0,60}}?)?(?:{STAFF_KINDS})\b")
_DIRECTION = re.compile(
    r"(?i)^(?:[\wåäöÅÄÖ:'-]+\s+){0,3}?(?:verksamhetsinriktning|verksamhetsplan)\b"
)
_ITEM_LINE = re.compile(
    r"(?i)^(?:§\s*\d{1,3}\b|punkt\s+\d{1,3}\b|\d{1,3}(?:[.)]|\s)\s*\S)"
    rf"|^(?-i:{LOCAL_PREFIX})\s+§?\s*\d{{1,4}}(?:/\d{{2,4}})?\s"
)
"""An item's heading ("§ 5", "3.", "SN 21 …"): a kind word in it starts no part."""
"""A numbered agenda item ("5. Verksamhetsplan 2016", "§ 5 …", "Punkt 5"): never a part start."""
_BASIS = re.compile(r"(?i)^(?:beslutsunderlag|underlag|handlingar)\b")


@attrs.frozen
class Part:
    """A part of a combined document."""

    kind: str
    """Importer name, or ``"text"`` for a part read only for its title."""
    start: int
    """First line."""
    end: int
    """Last line."""


def _staff_start(lines: list[str], index: int) -> bool:
    line = lines[index]
    if not _STAFF.match(line):
        return False
    previous = next((x for x in reversed(lines[:index]) if x), "")
    if _BASIS.match(previous):
        return False
    if len(line) > 150:
        return True
    following = " ".join(x for x in lines[index + 1 : index + 7] if x)
    return bool(re.search(r"(?i)\btill\b|\bdnr\b|bakgrund|ärende|sammanfattning", following))


def find_parts(document: SourceDocument) -> list[Part]:
    """Where the parts of a document start, with their kinds (one part if not combined)."""
    tracker = tracker_for(document)
    lines = [tracker.text(n) for n in range(1, len(document.lines) + 1)]
    dropped = tracker.dropped
    body_names = re.compile(
        r"(?i)^(?:styrgruppen\s+för\s+[\wåäö ]+?|sociala\s+styrgruppen|förbundsstyrelsen)"
        r"\s+(?:19|20)\d{2}\b"
    )
    starts: list[tuple[int, str]] = []
    for index, line in enumerate(lines):
        number = index + 1
        if not line or number in dropped or _ITEM_LINE.match(line):
            continue
        kind = None
        if _PROTOCOL.match(line):
            kind = "protocol"
        elif _AGENDA.match(line):
            kind = "agenda"
        elif _staff_start(lines, index):
            kind = "staff-report"
        elif _DIRECTION.match(line) or body_names.match(line):
            kind = "text"
        if kind is None or (starts and starts[-1][1] == kind and kind != "staff-report"):
            continue
        if kind == "protocol" and starts:
            continue
        if kind == "staff-report" and any(lines[at - 1] == line for at, _ in starts):
            # a page's running head repeats the report's ("Dnr: 04-63.10 Styrelseärende …")
            continue
        starts.append((number, kind))
    if (
        len(starts) > 1
        and starts[-1][1] == "staff-report"
        and cut_in_head(lines[starts[-1][0] - 1 :])
    ):
        # the source ends in the last report's head: no report, its lines the previous part's
        starts.pop()
    first = next((i + 1 for i, x in enumerate(lines) if x), 1)
    if not starts or starts[0][0] != first:
        # a title line or two before the first part (a transcript's title) is its head
        before = sum(1 for x in lines[first - 1 : starts[0][0] - 1] if x) if starts else 3
        starts.insert(0, (first, starts[0][1] if starts and before < 3 else "text"))
        if len(starts) > 1 and before < 3:
            starts.pop(1)
    parts = []
    for index, (start, kind) in enumerate(starts):
        end = starts[index + 1][0] - 1 if index + 1 < len(starts) else len(lines)
        parts.append(Part(kind=kind, start=start if index else 1, end=end))
    return parts


def parse_text_part(
    document: SourceDocument, *, within: range, year: int | None, part_of: str | None
) -> ImportResult:
    """A part read only for its kind, title and body: its text stays unplaced."""
    b = Builder(document, within=within, year=year)
    content = b.tracker.content()
    first = b.tracker.text(content[0]) if content else ""
    title = re.split(r"(?<=[.!?])\s", first, maxsplit=1)[0][:120]
    words = title.split()
    if len(words) > 8:
        title = " ".join(words[:8])
    if content and len(first) <= 150:
        b.tracker.place(content[0])
    kind = (
        DocumentKind.VERKSAMHETSINRIKTNING
        if re.search(
            r"(?i)verksamhetsinriktning|styrgruppens\s+roll|verksamhetsplan",
            first + " " + b.text[:3000],
        )
        else DocumentKind.OTHER
    )
    body = b.bodies.resolve(first[:80])
    year_m = re.search(r"\b((?:19|20)\d{2})\b", first[:100])
    date = PartialDate(int(year_m[1])) if year_m else None
    b.doc_id = document_id(kind=slug(kind.value), date=str(date) if date else None, title=title)
    return b.finish(kind=kind, title=title or None, date=date, organisation=body, part_of=part_of)


_PARSERS: dict[str, Callable[..., ImportResult]] = {
    "protocol": parse_protocol,
    "agenda": parse_agenda,
    "staff-report": parse_staff_report,
    "text": parse_text_part,
}


def parse_combined(document: SourceDocument) -> ImportResult:
    """Split ``document`` into its parts and import each."""
    parts = find_parts(document)
    combined_id = f"samlat-{slug(document.path.stem) or 'dokument'}"
    year = context_year(document.text, source_dates(document))
    records: list[Record] = []
    placed: set[int] = set()
    unplaced: list[Segment] = []
    dropped: list[Segment] = []
    cut: list[Segment] = []
    titles = []
    for part in parts:
        parse = _PARSERS[part.kind]
        result = parse(
            document, within=range(part.start, part.end + 1), year=year, part_of=combined_id
        )
        # the combined document carries every part's segments (one place, no duplicates)
        records.append(attrs.evolve(result.document, unplaced=(), dropped=(), cut=()))
        records.extend(result.records)
        placed |= {n for n in result.placed_lines if part.start <= n <= part.end}
        unplaced.extend(result.document.unplaced)
        dropped.extend(result.document.dropped)
        cut.extend(result.document.cut)
        titles.append(str(result.document.kind))
    b = Builder(document, year=year)
    total = len(document.lines)
    doc = Document(
        id=combined_id,
        kind=DocumentKind.OTHER,
        title="Samlat dokument: " + ", ".join(titles),
        source_file=document.path.name,
        line_count=total,
        unplaced=tuple(unplaced),
        dropped=tuple(dropped),
        cut=tuple(cut),
        provenance=attrs.evolve(b.prov(1, total), document=combined_id),
    )
    unique: dict[str, Record] = {}
    for record in records:
        unique.setdefault(record.id, record)
    return ImportResult(
        document=doc, records=tuple(unique.values()), placed_lines=frozenset(placed)
    )


def detect_combined(document: SourceDocument) -> float:
    """Confidence that ``document`` holds several documents of different kinds."""
    parts = find_parts(document)
    kinds = {p.kind for p in parts}
    several = len(kinds) >= 2 or kinds == {"staff-report"}
    if len(parts) >= 2 and several and parts[0].kind != "text":
        return 0.9
    return 0.0
