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
from grmodel.model import DocumentKind, PartialDate
from grmodel_gr_documents.bodies import BODY_NOUN
from grmodel_gr_documents.building import Builder, doc_kind, find_diarienummer
from grmodel_gr_documents.dates import DateMatch, find_dates
from grmodel_gr_documents.names import OCCUPATION, Entry, is_person_name
from grmodel_gr_documents.own_body import stated_body
from grmodel_gr_documents.patterns import fold, quick_search
from grmodel_gr_documents.staff_heads import basis_date, handler_head
from grmodel_gr_documents.staff_projects import read_projects
from grmodel_gr_documents.staff_proposals import proposals
from grmodel_gr_documents.staff_run_on import PROPOSER_POINTS, run_on_proposal, run_on_title
from grmodel_gr_documents.staff_titles import joined_title
from grmodel_gr_documents.stream import Stream
from grmodel_gr_documents.titles import item_heading

__all__ = ["STAFF_KINDS", "parse_staff_report"]

STAFF_KINDS = r"tjänsteskrivelse|tjänsteutlåtande|styrelseärende|styrgruppsärende"
"""The words that open a staff report."""

_KIND_AT = re.compile(rf"(?i)(?:^|\b)({STAFF_KINDS})\b")
_SECTION = re.compile(
    r"\b(?:Bakgrund|Sammanfattning|Ärendet|Ärendebeskrivning|Beskrivning|Saken|Förslag till beslut|"
    r"Beslutsförslag|Syfte)\b"
)
_ADDRESSEE = re.compile(
    r"(?i)(?:(?:beslutsärende|informationsärende|ärende)\s+)?\btill\s+(?P<a>(?-i:[A-ZÅÄÖ])[^\n,.;]{2,80}?)"
    r"(?=\s+(?:den\s+)?\d|\s*$|[,.;\n]|\s+(?:Dnr|Dialoga|Ärende)\b)"
)
_SIGNATURE = re.compile(
    r"(?P<place>[A-ZÅÄÖ][a-zåäö]+)\s+den\s+(?P<date>\d{1,2}\s+[a-zåäö]+\s+\d{4})\s+(?P<names>.+)$"
)
_SIGNATURE_DATE = re.compile(r"[A-ZÅÄÖ][a-zåäö]+\s+den\s+\d{1,2}\s+[a-zåäö]+\s+\d{4}")


_LABELS = (
    r"diarienummer|diarienr|dnr|vår\s+beteckning|vår\s+referens|datum|till|mottagare|från|"
    r"avsändare|handläggare|ärende|angående|rubrik"
)
_FIELD = re.compile(rf"(?i)(?:^|(?<=\s))(?P<label>{_LABELS})\s*:\s*")
"""A labelled header field ("Till: Förbundsstyrelsen", "Dnr: 2018-00117")."""
_BARE_FIELD = re.compile(
    r"(?i)^(?P<label>diarienummer|diarienr|dnr|vår\s+beteckning|datum|mottagare|handläggare)"
    r"\.?\s+(?=\S)"
)
"""A header field without a colon at the start of a line ("Dnr 2018-00117")."""
_SIGN_DATE = re.compile(
    r"^(?P<place>[A-ZÅÄÖ][a-zåäö]+)\s+(?:den\s+)?"
    r"(?P<date>\d{1,2}\s+[a-zåäö]+\s+\d{4}|(?:19|20)\d{2}-\d{2}-\d{2})\s*[,./]*\s*(?P<names>.*)$"
)


def header_fields(head: str) -> list[tuple[str, str]]:
    """The labelled fields of a header, in order (label lower-cased, one space).

    A line that starts with a label may hold several fields ("Datum: 2018-03-02
    Dnr: 2018-00117"); a label without a colon counts only at a line's start."""
    fields: list[tuple[str, str]] = []
    for line in head.split("\n"):
        line = line.strip()
        found: list[re.Match[str]] = list(_FIELD.finditer(line))
        if not found or found[0].start() != 0:
            bare = _BARE_FIELD.match(line)
            found = [bare] if bare else []
        for index, m in enumerate(found):
            end = found[index + 1].start() if index + 1 < len(found) else len(line)
            value = line[m.end() : end].strip(" ,;")
            if value:
                fields.append((re.sub(r"\s+", " ", m["label"].lower()), value))
    return fields


_SIGN_ANYWHERE = re.compile(
    r"(?P<place>[A-ZÅÄÖ][a-zåäö]+)\s+(?:den\s+)?"
    r"(?P<date>\d{1,2}\s+[a-zåäö]+\s+\d{4}|(?:19|20)\d{2}-\d{2}-\d{2})\s+(?P<names>[A-ZÅÄÖ].{0,80})$"
)
"""A signature with its place and date at the end of a run-on report ("… Göteborg den
8 februari 2010 Nils-Gunnar Ernstson /Gunnel Rydberg")."""
_RUN_ON_LEAD = re.compile(
    r"(?:[A-ZÅÄÖ][\wåäö-]*\s+){1,3}föreslås\s+(?:besluta|välja|godkänna|anta|fastställa|bifalla|utse)"
    r"|\b(?:Förslag\s+till\s+beslut|Beslutsförslag)\b"
    rf"|{PROPOSER_POINTS}"
)
"""Where a run-on report's proposal starts: its header and title end there."""


class _Report:
    """Reads one staff report."""

    def __init__(self, b: Builder):
        self.b = b
        self.t = b.tracker
        self.stream = Stream(b)
        self.text = self.stream.text
        km = _KIND_AT.search(self.text[:400])
        self.kind = (doc_kind(km[1]) if km else None) or DocumentKind.TJANSTESKRIVELSE
        head_start = km.start() if km else 0
        self.kind_at = head_start
        folded = fold(self.text)
        section = quick_search(_SECTION, self.text, folded, head_start)
        lead = quick_search(_RUN_ON_LEAD, self.text, folded, head_start)
        ends = [x.start() for x in (section, lead) if x is not None]
        self.head_end = min(ends) if ends else min(len(self.text), head_start + 400)
        # "… <title> Ordförandens förslag 1. …": the title stands right before
        self.title_last = (
            lead is not None
            and lead.start() == self.head_end
            and bool(re.match(PROPOSER_POINTS, self.text[lead.start() :]))
        )
        self.head = self.text[: self.head_end]
        # a run-on report: its header is one line with its proposal ("… Till
        # Förbundsstyrelsen <title> Förbundsstyrelsen föreslås besluta att …")
        own = self.head[head_start:].strip()
        self.run_on = "\n" not in own and not self.stream.line_start(self.head_end)
        self.field: dict[str, str] = {}
        for label, value in header_fields(self.head):
            self.field.setdefault(label, value)
        self.date: PartialDate | None = None
        self.author: str | None = None
        self.addressee: str | None = None
        self.addressee_end: int | None = None
        self.handled_title: str | None = None
        self.addressee_written: str | None = None

    # -- header ---------------------------------------------------------------------

    def read_date(self) -> list[DateMatch]:
        dates = find_dates(self.head, self.b.year)
        if self.run_on:
            # in a run-on header only a date beside the kind word dates the report
            # ("Tjänsteutlåtande 2009-08-31 …"); later ones belong to its text
            dates = [d for d in dates if d.start < self.kind_at + 60]
        self.date = dates[0].date if dates else None
        if "datum" in self.field:
            stated = find_dates(self.field["datum"], self.b.year)
            self.date = stated[0].date if stated else self.date
        if self.date is None:
            # the site's title of the document kept the date its text lost ("Datum
            # 2014-03-03 Sida 1 (3)" over "Datum Sida 1 (3)")
            titled = [d for _, t in self.t.site_titles for d in find_dates(t, self.b.year)]
            self.date = titled[0].date if titled else None
        return dates

    def diarienummer(self) -> str | None:
        dnr = find_diarienummer(self.head)
        for label in ("vår beteckning", "vår referens", "dnr", "diarienr", "diarienummer"):
            value = self.field.get(label, "")
            first = value.split()[0] if value.split() else ""
            if dnr is None and re.search(r"\d", first):
                dm0 = re.search(r"[\w.:/-]*\d[\w.:/-]*", value)
                dnr = dm0[0].rstrip(".:") if dm0 else None
        return dnr

    def read_addressee(self) -> None:
        to = self.field.get("till") or self.field.get("mottagare")
        if to:
            to = re.sub(r"\s+(?:den\s+)?\d.*$", "", to).strip(" ,.")
            self.addressee = self.b.bodies.resolve(to) or to
            return
        # the report's own header starts at its kind word (a bundle's cover before it
        # says "Handlingar till Socialnämndens sammanträde")
        own = self.kind_at
        for m in re.finditer(r"\b[Tt]ill\s+", self.head[own:]):
            at = own + m.end()
            mentions = self.b.bodies.find(self.head[at : at + 80])
            if mentions and mentions[0].start == 0:
                self.addressee = mentions[0].body
                self.addressee_end = at + mentions[0].end
                return
        am = _ADDRESSEE.search(self.head, own)
        if am:
            self.addressee = self.b.bodies.resolve(am["a"]) or am["a"].strip()
            self.addressee_end = am.end()

    def read_author(self, dates: list[DateMatch]) -> None:
        sender = (
            self.field.get("från") or self.field.get("avsändare") or self.field.get("handläggare")
        )
        if sender:
            name, _, role = sender.partition(",")
            name = name.strip(" .")
            if is_person_name(name):
                self.author = name
                role = role.strip(" .")
                if role and _is_title(role.split()[0]):
                    line = self.stream.line_at(self.head.find(sender))
                    self.b.person(name, line, Entry(name=name, title=role))
        if self.author is None and self.date is not None and dates:
            after = self.head[dates[0].end :]
            am2 = re.match(
                r"\s*(?P<n>[A-ZÅÄÖ][\wåäö-]+(?:\s+[A-ZÅÄÖ][\wåäö-]+){1,3}?)\s+"
                r"(?=Beslutsärende|Informationsärende|Till\b|Dnr|Ärende)",
                after,
            )
            if am2 and is_person_name(am2["n"]):
                self.author = am2["n"]

    def read_handler(self) -> None:
        """A run-on head "… Handläggare: <name> <addressee> <title>"."""
        if not self.run_on or self.addressee is not None:
            return
        head = handler_head(self.head[self.kind_at :], self.b.bodies)
        if head is None:
            return
        self.author = self.author or head.handler
        if head.addressee:
            self.addressee = self.b.bodies.resolve(head.addressee) or head.addressee
            self.addressee_written = head.addressee
        if _plausible(head.title):
            self.handled_title = head.title

    def title(self) -> str | None:
        if self.handled_title:
            return self.handled_title
        title = self.field.get("ärende") or self.field.get("angående") or self.field.get("rubrik")
        if title is None and self.addressee_end is not None:
            rest = self.head[self.addressee_end :]
            dm = find_dates(rest, self.b.year)
            if dm and dm[0].start < 20:
                rest = rest[dm[0].end :]
            if self.run_on:
                rest = item_heading(rest.strip(), run_on=True)[0]
            else:
                rest = joined_title(_paragraphs(rest), self.known_titles())[0]
            title = rest.strip(" ,.\n").replace("\n", " ") or None
        if title is None or not _plausible(title):
            own = self.head[self.kind_at :] if self.kind_at else self.head
            if not self.run_on:  # a field's value is no title ("Handläggare: Anna Berg")
                own = "\n".join(line for line in own.split("\n") if not header_fields(line))
                lined = self.title_line()
                if lined and _plausible(lined):
                    return lined
            title = (
                run_on_title(own, self.b.bodies, last=self.title_last) or title or self.title_line()
            )
        if title and len(title) > 200:
            title = title[:200].rsplit(" ", 1)[0]
        return title

    def title_line(self) -> str | None:
        """The first line of the header that is no field, kind word or date, with the
        paragraphs its title goes on into."""
        lines = _paragraphs(self.head[self.kind_at :])
        at = next((i for i, ln in enumerate(lines) if self._free(ln)), None)
        if at is None:
            return None
        return joined_title(lines[at:], self.known_titles())[0] or None

    def _free(self, line: str) -> bool:
        return (
            not _KIND_AT.match(line)
            and not re.match(r"(?i)^(?:dnr|till|diarienummer)\b", line)
            and not header_fields(line)
            and not find_dates(line, self.b.year)
            and not _LETTERHEAD.search(line)
            and not is_person_name(line)
            and not self.b.bodies.resolve(line)
        )

    def known_titles(self) -> list[str]:
        """The titles the site gives the document (the PDF's own title)."""
        return [t for _, t in self.t.site_titles]

    # -- signature ------------------------------------------------------------------

    def signature(self) -> None:
        """ "Göteborg den 8 februari 2010 Name /Name", or the names (with their titles:
        "Förbundsdirektör Name", "Name, avdelningschef") on the lines after."""
        content = self.t.content()
        for index, n in enumerate(content):
            sm = _SIGN_DATE.match(self.t.text(n)) or _SIGN_ANYWHERE.search(self.t.text(n))
            if sm is None:
                continue
            pieces = [sm["names"]] if sm["names"] else []
            used = [n]
            if not sm["names"]:
                for nxt in content[index + 1 : index + 7]:
                    signed = self.t.text(nxt)
                    if not (_signers(signed) or _is_roles(signed)):
                        break
                    pieces.append(signed)
                    used.append(nxt)
            signers = [name for piece in pieces for name in _signers(piece)]
            if not signers:
                continue
            self.t.place_all(used)
            self.author = self.author or signers[0]
            if self.date is None:
                sd = find_dates(sm["date"])
                self.date = sd[0].date if sd else self.date

    # -- projects --------------------------------------------------------------------

    def run(self, part_of: str | None) -> ImportResult:
        b = self.b
        dates = self.read_date()
        dnr = self.diarienummer()
        self.read_addressee()
        self.read_author(dates)
        self.read_handler()
        title = self.title()
        self.t.place_all(self.stream.lines_between(0, self.head_end))
        self.signature()
        if self.date is None and self.addressee_written:
            own = basis_date(self.text, self.addressee_written, self.kind.value)
            found = find_dates(own, b.year) if own else []
            self.date = found[0].date if found else None
        if self.date is None and b.year and not self.run_on:
            self.date = PartialDate(b.year)
        date = self.date
        b.doc_id = document_id(
            diarienummer=dnr,
            kind=slug(self.kind.value),
            date=str(date) if date else None,
            title=title,
        )
        proposal = proposals(b, self.t.content())
        proposed = proposal.clauses or run_on_proposal(self.text)
        if self.addressee is None and proposal.proposer:
            # the body that proposes is the one the report goes to ("Kommunstyrelsen
            # föreslår kommunfullmäktige besluta")
            self.addressee = b.bodies.resolve(proposal.proposer) or stated_body([proposal.proposer])
        read_projects(b, self.stream, title)
        return b.finish(
            kind=self.kind,
            title=title,
            date=date,
            author=self.author,
            addressee=self.addressee,
            diarienummer=dnr,
            proposed=tuple(proposed),
            part_of=part_of,
            labels=(_FIELD, _BARE_FIELD),
        )


_LETTERHEAD = re.compile(
    rf"@|\b(?:Postadress|Besöksadress|Telefon|E-post)\b|^[A-ZÅÄÖ][\wåäö-]*(?:kontoret|förvaltningen|{BODY_NOUN})$"
)
"""A letterhead's line: an address, an e-mail, the office or body alone ("Socialkontoret")."""


def _paragraphs(text: str) -> list[str]:
    return [line.strip() for line in text.split("\n") if line.strip()]


def _plausible(title: str) -> bool:
    """Whether a title read from the header reads as one: two words or more, at
    most 200 characters, no sentence in it."""
    return (
        len(re.findall(r"[^\W\d_]{2,}", title)) >= 2
        and len(title) <= 200
        and not re.search(r"[a-zåäö]\.\s+[A-ZÅÄÖ]", title)
    )


def parse_staff_report(
    document: SourceDocument,
    *,
    within: range | None = None,
    year: int | None = None,
    part_of: str | None = None,
) -> ImportResult:
    """Import a staff report."""
    return _Report(Builder(document, within=within, year=year)).run(part_of)


def _signers(text: str) -> list[str]:
    """Person names in a signature line ("Anna Berg /Bo Ek", "Förbundsdirektör
    Anna Berg", "Anna Berg, avdelningschef")."""
    names = []
    for piece in re.split(r"\s*/\s*", text.strip()):
        piece = piece.strip(" ,.")
        words = piece.replace(",", " ").split()
        if words and _is_title(words[0]):
            words = words[1:]
        if words and _is_title(words[-1]):
            words = words[:-1]
        name = " ".join(words)
        if name and is_person_name(name):
            names.append(name)
    return names


def _is_roles(text: str) -> bool:
    """A line of titles only ("Förbundsdirektör", "Avdelningschef / Förbundsdirektör")."""
    words = [w for w in re.split(r"[\s/,]+", text.strip()) if w]
    return bool(words) and all(map(_is_title, words))


def _is_title(word: str) -> bool:
    """An occupation or office, or the chair's ("Förbundsdirektör", "Ordförande")."""
    return bool(OCCUPATION.match(word)) or word.casefold() == "ordförande"
