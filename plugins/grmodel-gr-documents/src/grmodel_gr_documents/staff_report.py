"""The ``staff-report`` importer: tjänsteskrivelse, tjänsteutlåtande, styrelseärende,
styrgruppsärende.

Reads kind, date, diarienummer ("Dnr: 08-193.012"), author, addressee ("Till
Förbundsstyrelsen", "Beslutsärende till Sociala styrgruppen den 9 september
2009"), title, proposed clauses ("föreslås besluta att …", "Förslag till
beslut"), the signature ("Göteborg den 8 februari 2010 Name /Name") and funding
applications ("Projekt - X Ansökan till Länsstyrelsen är 265 000 kr varav 132 500
kr är egen finansiering …") as :class:`~grmodel.Project` records.
"""

from __future__ import annotations

import re

from grmodel.ids import document_id, slug
from grmodel.importing.base import ImportResult, SourceDocument
from grmodel.model import DocumentKind, FundingLine, FundingStatus, PartialDate, Project, Span
from grmodel_gr_documents.agenda import Stream
from grmodel_gr_documents.amounts import find_own_shares
from grmodel_gr_documents.building import Builder, doc_kind, find_diarienummer
from grmodel_gr_documents.dates import find_dates
from grmodel_gr_documents.decisions import strip_separator
from grmodel_gr_documents.names import is_person_name

__all__ = ["STAFF_KINDS", "detect_staff_report", "parse_staff_report"]

STAFF_KINDS = r"tjänsteskrivelse|tjänsteutlåtande|styrelseärende|styrgruppsärende"
"""The words that open a staff report."""

_KIND_AT = re.compile(rf"(?i)(?:^|\b)({STAFF_KINDS})\b")
_SECTION = re.compile(
    r"\b(?:Bakgrund|Sammanfattning|Ärendet|Ärendebeskrivning|Beskrivning|Saken|Förslag till beslut|"
    r"Beslutsförslag|Syfte)\b"
)
_ADDRESSEE = re.compile(
    r"(?i)(?:(?:beslutsärende|informationsärende|ärende)\s+)?\btill\s+(?P<a>[A-ZÅÄÖ][^\n,.;]{2,80}?)"
    r"(?=\s+(?:den\s+)?\d|\s*$|[,.;\n]|\s+(?:Dnr|Dialoga|Ärende)\b)"
)
_PROJECT = re.compile(
    r"Projekt\s*[-–]\s*(?P<name>.+?)(?=\s+(?:Ansökan|Bakgrund|Syfte|Mål|Målgrupp|Budget)\b|[.\n]|$)"
)
_PROPOSE = re.compile(
    r"(?i)föreslås\s+(?:besluta|bifalla\s+förslag(?:et)?\s+till\s+beslut|bifalla)\s*(?::\s*)?att\s+(?P<c>.+)$"
)
_SIGNATURE = re.compile(
    r"(?P<place>[A-ZÅÄÖ][a-zåäö]+)\s+den\s+(?P<date>\d{1,2}\s+[a-zåäö]+\s+\d{4})\s+(?P<names>.+)$"
)
_SIGNATURE_DATE = re.compile(r"[A-ZÅÄÖ][a-zåäö]+\s+den\s+\d{1,2}\s+[a-zåäö]+\s+\d{4}")
_FUNDER = re.compile(
    r"(?:Ansökan\s+till\s+)?(?P<f>[A-ZÅÄÖ][\wåäöÅÄÖ-]+(?:\s+i\s+[A-ZÅÄÖ][\wåäö ]+?)?)\s+(?:är\s+)?$"
)


def _clauses(text: str) -> list[str]:
    text = re.sub(r"\s+\d{1,3}\s*$", "", text.strip())
    parts = re.split(r"(?i)(?:[,;]|\s(?:samt|och))\s+att\s+(?=[a-zåäö])", text)
    return [strip_separator(p) for p in parts if strip_separator(p)]


def parse_staff_report(
    document: SourceDocument,
    *,
    within: range | None = None,
    year: int | None = None,
    part_of: str | None = None,
) -> ImportResult:
    """Import a staff report."""
    b = Builder(document, within=within, year=year)
    t = b.tracker
    stream = Stream(b)
    text = stream.text
    km = _KIND_AT.search(text[:400])
    kind = doc_kind(km[1]) if km else None
    kind = kind or DocumentKind.TJANSTESKRIVELSE
    head_start = km.start() if km else 0
    section = _SECTION.search(text, head_start)
    head_end = section.start() if section else min(len(text), head_start + 400)
    head = text[:head_end]
    dates = find_dates(head, b.year)
    date: PartialDate | None = dates[0].date if dates else None
    dnr = find_diarienummer(head)
    addressee = None
    addressee_end = None
    am = _ADDRESSEE.search(head)
    if am:
        resolved = b.bodies.resolve(am["a"])
        addressee = resolved or am["a"].strip()
        addressee_end = am.end()
    author = None
    if date is not None and dates:
        after = head[dates[0].end :]
        am2 = re.match(
            r"\s*(?P<n>[A-ZÅÄÖ][\wåäö-]+(?:\s+[A-ZÅÄÖ][\wåäö-]+){1,3}?)\s+(?=Beslutsärende|Informationsärende|Till\b|Dnr|Ärende)",
            after,
        )
        if am2 and is_person_name(am2["n"]):
            author = am2["n"]
    title = None
    if addressee_end is not None:
        rest = head[addressee_end:]
        dm = find_dates(rest, b.year)
        if dm and dm[0].start < 20:
            rest = rest[dm[0].end :]
        title = rest.strip(" ,.\n").replace("\n", " ") or None
    if title is None:
        lines = [ln for ln in head.split("\n") if ln.strip()]
        candidates = [
            ln
            for ln in lines
            if not _KIND_AT.match(ln)
            and not re.match(r"(?i)^(?:dnr|till|diarienummer)\b", ln)
            and not find_dates(ln, b.year)
        ]
        title = candidates[0].strip() if candidates else None
    if title and len(title) > 200:
        title = title[:200].rsplit(" ", 1)[0]
    t.place_all(stream.lines_between(0, head_end))
    # signature
    content = t.content()
    for index, n in enumerate(content):
        line = t.text(n)
        sm = _SIGNATURE.search(line)
        if sm is None and index + 1 < len(content):
            # "Göteborg den 8 februari 2010" with the names on the next line
            nxt = content[index + 1]
            joined = f"{line} {t.text(nxt)}"
            if _SIGNATURE_DATE.fullmatch(line) and (
                "/" in t.text(nxt) or is_person_name(t.text(nxt))
            ):
                sm = _SIGNATURE.search(joined)
                if sm:
                    t.place(nxt)
        if sm:
            names = [x.strip() for x in re.split(r"\s*/\s*", sm["names"]) if x.strip()]
            person = next((x for x in names if is_person_name(x)), None)
            if person and author is None:
                author = person
            if date is None:
                sd = find_dates(sm["date"])
                date = sd[0].date if sd else None
            t.place(n)
    if date is None and b.year:
        date = PartialDate(b.year)
    b.doc_id = document_id(
        diarienummer=dnr, kind=slug(kind.value), date=str(date) if date else None, title=title
    )
    # proposed clauses
    proposed: list[str] = []
    for n in t.content():
        pm = _PROPOSE.search(t.text(n))
        if pm:
            proposed.extend(_clauses(pm["c"]))
            t.place(n)
    fm = re.search(r"(?im)^(?:förslag\s+till\s+beslut|beslutsförslag)\s*:?\s*$", text)
    if fm:
        start_line = stream.line_at(fm.start())
        t.place(start_line)
        for n in t.content(start_line + 1):
            line = t.text(n)
            cm = re.match(r"(?i)^(?:att\s+|[-–•]\s*(?:att\s+)?)(?P<c>.+)$", line)
            if cm:
                proposed.append(cm["c"].strip())
                t.place(n)
            elif proposed:
                break
    # projects with funding
    projects = list(_PROJECT.finditer(text))
    for index, pm2 in enumerate(projects):
        end = projects[index + 1].start() if index + 1 < len(projects) else len(text)
        stop = re.search(r"(?m)\bFörslag\b|^Förslag", text[pm2.end() : end])
        if stop:
            end = pm2.end() + stop.start()
        segment = text[pm2.start() : end]
        name = pm2["name"].strip(" -–")
        funding = []
        for share in find_own_shares(segment[:1500]):
            fm2 = _FUNDER.search(segment[max(0, share.start - 80) : share.start])
            funder = fm2["f"] if fm2 else "okänd"
            at = stream.line_at(pm2.start() + share.start)
            funding.append(
                FundingLine(
                    funder=funder,
                    amount=share.total,
                    own_share=share.own,
                    status=FundingStatus.APPLIED,
                    document=b.doc_id,
                    source=Span(at),
                )
            )
        covered = stream.lines_between(pm2.start(), end)
        t.place_all(covered)
        b.add(
            Project(
                id=slug(name) or f"projekt-{index + 1}",
                name=name,
                funding=tuple(funding),
                description=segment[pm2.end() - pm2.start() :].strip() or None,
                provenance=b.prov(covered[0], covered[-1]) if covered else b.prov(1),
            )
        )
    return b.finish(
        kind=kind,
        title=title,
        date=date,
        author=author,
        addressee=addressee,
        diarienummer=dnr,
        proposed=tuple(proposed),
        part_of=part_of,
    )


def detect_staff_report(document: SourceDocument) -> float:
    """Confidence that ``document`` is a staff report."""
    head = "\n".join([x for x in document.text.split("\n") if x.strip()][:8])[:500]
    if re.search(r"(?im)^\s*protokoll\b", head):
        return 0.1
    if re.search(rf"(?im)^\s*(?:dnr\b.*\b)?(?:{STAFF_KINDS})\b", head):
        return 0.85
    if re.search(rf"(?i)\b(?:{STAFF_KINDS})\b", head) and re.search(
        r"(?i)föreslås\s+besluta", document.text
    ):
        return 0.7
    return 0.0
