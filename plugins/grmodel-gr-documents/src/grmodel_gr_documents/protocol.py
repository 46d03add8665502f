"""The ``protocol`` importer: a protokoll into a meeting with everything it states."""

from __future__ import annotations

import re

import attrs

from grmodel.ids import agenda_item_id, decision_id, document_id, meeting_id, membership_id
from grmodel.importing.base import ImportResult, SourceDocument
from grmodel.model import (
    AgendaItem,
    Attendance,
    AttendanceStatus,
    Decision,
    DocumentKind,
    Justering,
    Meeting,
    MeetingKind,
    MeetingStatus,
    Membership,
    ParagraphRange,
    PartialDate,
    Reservation,
    Role,
    Span,
    Vote,
)
from grmodel.refdata import ReferenceData
from grmodel_gr_documents.bodies import stated_body_id
from grmodel_gr_documents.building import Builder
from grmodel_gr_documents.dates import find_dates, find_times
from grmodel_gr_documents.decisions import (
    IMMEDIATE,
    STRONG_DECISION,
    Classified,
    classify,
    clause_text,
    inline_clause,
    is_lead_only,
    justerare_names,
    parse_vote,
    reservations,
    roll_call,
    sentences,
)
from grmodel_gr_documents.lines import Paragraph, Tracker, normalise_line, paragraphs
from grmodel_gr_documents.names import (
    is_person_name,
    parse_entry,
    parse_role,
    split_entries,
)

__all__ = ["ItemHeading", "detect_protocol", "find_item_headings", "parse_protocol"]

# --- headings ----------------------------------------------------------------

_PARA_HEAD = re.compile(r"^§\s*(\d{1,4})\s*[.:)]?\s*(.*)$")
_NUM_DOT = re.compile(r"^(\d{1,3})[.)]\s*(\S.*)?$")
_NUM_BARE = re.compile(r"^(\d{1,3})\s+([A-ZÅÄÖ][^\d].*)$")
_STATED = re.compile(
    r"(?i)^(?:paragrafer|paragraferna|§§)\s*:?\s*(\d{1,4})\s*[-–]\s*(\d{1,4})\s*\.?$"
)
_STATED_ANY = re.compile(r"(?i)\b(?:paragrafer|§§)\s*:?\s*(\d{1,4})\s*[-–]\s*(\d{1,4})\b")

_ATT_HEADINGS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(rf"(?i)^(?:{p})\s*(?::\s*(?P<rest>.*))?$"), key)
    for p, key in (
        (
            r"ej\s+närvarande|frånvarande|ej\s+närvarande\s+ledamöter\s+och\s+ersättare",
            "absent-top",
        ),
        (r"närvarande", "present-top"),
        (
            r"närvarande\s+ledamöter|beslutande|beslutande\s+ledamöter|tjänstgörande\s+ledamöter|"
            r"ledamöter\s+närvarande",
            "present-members",
        ),
        (
            r"frånvarande\s+ledamöter|ej\s+närvarande\s+ledamöter|förhinder|anmält\s+förhinder|"
            r"anmälda\s+förhinder|anmält\s+frånvaro|deltog\s+ej|ej\s+deltagande|frånvarande\s+ersättare",
            "absent-members",
        ),
        (r"ledamöter|ledamot", "members"),
        (r"tjänstgörande\s+ersättare", "serving"),
        (
            r"övriga\s+ersättare|ej\s+tjänstgörande\s+ersättare|närvarande\s+ersättare|"
            r"övriga\s+närvarande\s+ersättare",
            "other-subs",
        ),
        (r"ersättare", "substitutes"),
        (r"adjungerade|adjungerad|adjungerande", "adjungerade"),
        (r"sekreterare|sekretariat|protokollförare", "secretary"),
        (
            r"övriga|övriga\s+deltagare|övriga\s+närvarande|närvarande\s+tjänstemän|tjänstemän|"
            r"övriga\s+närvarande\s+tjänstemän|dessutom\s+närvarande|deltagare|gäster|"
            r"föredragande|inbjudna",
            "others",
        ),
        (r"justerare|justeringsperson(?:er)?|utses\s+att\s+justera", "justerare"),
    )
)
_CLOSING = re.compile(
    r"(?i)^(?:vid\s+protokollet|justeras|justerat|justerade|protokollet\s+justeras|underskrifter|"
    r"justerandes\s+signatur|justeringens\s+plats|justeringsdatum|sekreterare\s*:?$|"
    r"ordförande\s*:?$|justerare\s*:?$|bevis\s+om\s+anslag|anslag|tillkännagivande)\b"
)
_BESLUT = re.compile(r"(?i)^(?:[\wåäö]+s\s+)?beslut(?:et)?\s*(?::\s*(?P<rest>.*))?$")
_BASIS = re.compile(r"(?i)^(?:beslutsunderlag|underlag|handlingar)\s*(?::\s*(?P<rest>.*))?$")
_SCHEDULE = re.compile(
    r"(?i)sammanträdes(?:tider|datum|plan|dagar)|mötes(?:tider|datum|plan|dagar)|nästa\s+(?:möte|sammanträde)"
)
_PRESENTS = re.compile(
    r"(?i)^(?P<who>.+?)\s+(?:informerar|informerade|presenterar|presenterade|föredrar|föredrog|"
    r"redogör|redogjorde|redovisar|redovisade|ger\s+information|gav\s+information|summerar|"
    r"berättar|rapporterar|rapporterade|visar)\b"
)
_PLACE = re.compile(
    r"(?i)(?:^|(?<=[\s.]))(?:plats|lokal|sammanträdesplats|mötesplats|plats\s+och\s+tid)\s*:\s*"
    r"(?P<p>.+?)(?=\s+(?:tid|datum|närvarande|ordförande)\s*:|$)"
)
_TID = re.compile(
    r"(?i)^(?:tid|datum|tid\s+och\s+plats|sammanträdesdatum|dag\s+och\s+tid)\s*:\s*(?P<t>.*)$"
)
_HEADER_WORDS = re.compile(
    r"(?i)protokoll|kommunalförbund|göteborgsregionen|sammanträde|möte\b|^plats|^tid\b|^datum"
)


@attrs.frozen
class ItemHeading:
    """An item heading found in the text."""

    line: int
    """Line of the heading."""
    number: str
    """The number as written ("§ 38.", "1.")."""
    paragraph: int | None
    """The § number, for paragraphs."""
    title: str
    """The title on the heading line (may be empty)."""


def find_item_headings(b: Builder, start: int, end: int) -> list[ItemHeading]:
    """§ headings when the text has them, else a numbered sequence 1, 2, 3 …"""
    lines = b.tracker.content(start, end)
    heads: list[ItemHeading] = []
    for n in lines:
        text = b.tracker.text(n)
        m = _PARA_HEAD.match(text)
        if m and not _STATED.match(text) and not text.startswith("§§"):
            number = text[: m.start(2)].strip() if m[2] else text.strip()
            heads.append(ItemHeading(n, number, int(m[1]), m[2].strip()))
    if heads:
        return heads
    for pattern in (_NUM_DOT, _NUM_BARE):
        expected = 1
        found: list[ItemHeading] = []
        for n in lines:
            text = b.tracker.text(n)
            m = pattern.match(text)
            if m and int(m[1]) == expected:
                title = (m[2] or "").strip()
                if len(title) > 200:
                    continue
                number = text[: m.start(2)].strip() if m[2] else text.strip()
                found.append(ItemHeading(n, number, None, title))
                expected += 1
        if len(found) >= 2:
            return found
    return []


def _heading_columns(t: Tracker, line: int) -> list[tuple[int, str]] | None:
    """Side-by-side attendance headings ("Närvarande ledamöter      Ersättare"): each
    column's start offset and heading key; ``None`` unless every cell is a heading."""
    cells = t.column_cells(line)
    if len(cells) < 2:
        cells = _two_headings(t.text(line))
    if len(cells) < 2:
        return None
    out: list[tuple[int, str]] = []
    for offset, cell in cells:
        heading = _attendance_key(cell)
        if heading is None or heading[1] or heading[0] == "justerare":
            return None
        out.append((offset, heading[0]))
    return out


def _two_headings(text: str) -> list[tuple[int, str]]:
    """Two attendance headings run together by PDF text extraction, which closes the
    gap between columns to one space ("Närvarande ledamöter Ersättare"); ``[]`` when
    ``text`` is one heading or not two."""
    whole = _attendance_key(text)
    if whole is not None and not whole[1]:
        return []
    for m in re.finditer(" ", text):
        left, right = text[: m.start()], text[m.end() :]
        if not right[:1].isupper():
            continue
        a, b = _attendance_key(left), _attendance_key(right)
        if a is not None and b is not None and not a[1] and not b[1]:
            return [(0, left), (m.end(), right)]
    return []


def _two_entries(text: str, refdata: ReferenceData) -> list[str]:
    """A line under two side-by-side headings whose column gap PDF extraction closed
    to one space ("Bo Ek (M), Lerum Carl Dahl (MP), Mölndal"), split where the second
    entry's name begins: the left part does not end in a separator, the right part
    starts with a full name followed by a party, a comma or the line's end, and the
    left part starts with a full name too. One piece when there is no such place."""
    for m in re.finditer(" ", text):
        left, right = text[: m.start()].strip(), text[m.end() :].strip()
        if not left or left[-1] in ",;(" or left.endswith((" och", " samt")):
            continue
        name = re.match(r"^([^,(;]+?)\s*(?:[(,;]|$)", right)
        head = re.match(r"^([^,(;]+?)\s*(?:[(,;]|$)", left)
        if name is None or head is None:
            continue
        if not is_person_name(name[1], refdata) or not is_person_name(head[1], refdata):
            continue
        return [left, right]
    return [text]


def _cells_under(
    cells: list[tuple[int, str]], layout: list[tuple[int, str]]
) -> list[tuple[int, str]]:
    """Each cell of a line under side-by-side headings with its column: in order when
    there are as many cells as columns (tab-separated text keeps no offsets), else
    the column whose heading starts nearest the cell."""
    if len(cells) == len(layout):
        return [(index, cell) for index, (_, cell) in enumerate(cells)]
    out: list[tuple[int, str]] = []
    for offset, cell in cells:
        column = min(range(len(layout)), key=lambda i: abs(layout[i][0] - offset))
        out.append((column, cell))
    return out


def _attendance_key(text: str) -> tuple[str, str] | None:
    for pattern, key in _ATT_HEADINGS:
        m = pattern.match(text)
        if m:
            return key, (m["rest"] or "").strip()
    return None


_STATUS: dict[str, tuple[AttendanceStatus, Role | None]] = {
    "present-members": (AttendanceStatus.PRESENT, Role.LEDAMOT),
    "absent-members": (AttendanceStatus.ABSENT, Role.LEDAMOT),
    "serving": (AttendanceStatus.SERVING_SUBSTITUTE, Role.ERSATTARE),
    "other-subs": (AttendanceStatus.SUBSTITUTE, Role.ERSATTARE),
    "adjungerade": (AttendanceStatus.ADJUNGERAD, None),
    "secretary": (AttendanceStatus.SECRETARY, None),
    "others": (AttendanceStatus.OTHER, None),
}


def _status(key: str, top: str | None) -> tuple[AttendanceStatus, Role | None]:
    absent = top == "absent-top"
    if key in ("members", "present-top", "absent-top"):
        return (AttendanceStatus.ABSENT if absent else AttendanceStatus.PRESENT), Role.LEDAMOT
    if key == "substitutes":
        return (AttendanceStatus.ABSENT if absent else AttendanceStatus.SUBSTITUTE), Role.ERSATTARE
    if absent and key in ("present-members", "serving", "other-subs"):
        return AttendanceStatus.ABSENT, _STATUS[key][1]
    return _STATUS.get(key, (AttendanceStatus.OTHER, None))


@attrs.define
class _Draft:
    kind: Classified
    text: str
    clauses: list[str]
    lines: list[int]
    res: list[Reservation]


@attrs.define
class _RawEntry:
    text: str
    lines: list[int]
    key: str
    top: str | None


class _Protocol:
    def __init__(self, b: Builder):
        self.b = b
        self.t = b.tracker
        self.justerare: list[str] = []
        self.justerare_line: int | None = None
        self.chair: str | None = None
        self.attendance: list[Attendance] = []
        self.memberships: list[Membership] = []
        self.secretary: str | None = None
        self.signatories: list[str] = []
        self.justering_date: PartialDate | None = None
        self.justering_place: str | None = None
        self.justering_block_line: int | None = None
        self.planned: list[Meeting] = []
        self.body = "okant-organ"
        self.body_name: str | None = None
        self.mid = ""
        self.secretary_closing: str | None = None
        self.excluded: dict[int, tuple[int, ...]] = {}

    # -- header ----------------------------------------------------------------

    def header(self, end: int) -> dict[str, object]:
        t = self.t
        lines = sorted(set(t.masthead) | set(t.content(1, end)))
        header_text = " \n".join(t.text(n) for n in lines)
        info: dict[str, object] = {}
        date_line = None
        for compact in (False, True):
            # "190523" (YYMMDD) only where no date is written out
            for n in [*t.masthead, *lines]:
                dates = find_dates(t.text(n), self.b.year, compact=compact)
                if dates:
                    info["date"], info["end_date"] = dates[0].date, dates[0].end_date
                    date_line = n
                    break
            if date_line is not None:
                break
        times = []
        for n in lines:
            text = t.text(n)
            found = find_times(text, bare=bool(_TID.match(text)))
            if found:
                times = found
                t.place(n)
                break
        if times:
            info["start_time"], info["end_time"] = times[0].start_time, times[0].end_time
        for n in lines:
            text = t.text(n)
            m = _PLACE.search(text)
            if m:
                info["place"] = m["p"].strip(" .")
                t.place(n)
                break
        if "place" not in info and date_line is not None:
            text = t.text(date_line)
            ends = [d.end for d in find_dates(text, self.b.year, compact=True)] + [
                x.end for x in find_times(text)
            ]
            rest = text[max(ends) :].strip(" ,.") if ends else ""
            if rest and rest[0].isupper() and len(rest) < 120:
                info["place"] = rest
        if re.search(r"(?i)\bextra\s+(?:sammanträde|möte)", header_text):
            info["kind"] = MeetingKind.EXTRAORDINARY
        elif re.search(r"(?i)internat", header_text):
            info["kind"] = MeetingKind.RESIDENTIAL
        acting = self.b.bodies.acting_body(header_text, self.b.text)
        if acting is not None:
            self.body, self.body_name = acting
        else:
            m = re.search(
                r"(?i)protokoll\s+från\s+(?:sammanträde\s+med\s+|möte\s+med\s+)?(?P<n>.+?)(?:\s+\d|,|$)",
                header_text,
            )
            if m:
                self.body, self.body_name = stated_body_id(m["n"]), m["n"].strip()
        for n in lines:
            text = t.text(n)
            if (
                _HEADER_WORDS.search(text)
                or find_dates(text, self.b.year, compact=n == date_line)
                or _TID.match(text)
                or (self.body_name and self.b.bodies.find(text))
            ):
                t.place(n)
        t.place_all(t.masthead)
        info["first"] = lines[0] if lines else 1
        return info

    # -- attendance --------------------------------------------------------------

    def attendance_zone(self, start: int, end: int) -> None:
        t = self.t
        raw: list[_RawEntry] = []
        key: str | None = None
        top: str | None = None
        layout: list[tuple[int, str]] | None = None
        last: dict[int, _RawEntry] = {}
        """The last entry of each column (column 0 without a column layout)."""
        consumed: set[int] = set()
        content = t.content(start, end)
        for index, n in enumerate(content):
            if n in consumed:
                continue
            text = t.text(n)
            columns = _heading_columns(t, n)
            if columns is not None:
                # side-by-side headings ("Närvarande ledamöter      Ersättare"): the
                # cells of the lines under them belong to the heading above them
                layout, key, last = columns, columns[0][1], {}
                if any(k in ("present-top", "absent-top") for _, k in columns):
                    top = next(k for _, k in columns if k in ("present-top", "absent-top"))
                t.place(n)
                continue
            heading = _attendance_key(text)
            if heading is not None and (not heading[1] or ":" in text):
                hkey, rest = heading
                if hkey in ("present-top", "absent-top"):
                    top = hkey
                key, layout, last = hkey, None, {}
                t.place(n)
                if not rest:
                    continue
                text = rest
            if key is None:
                continue
            if key == "justerare":
                self.justerare_from(text, n)
                t.place(n)
                continue
            if layout is not None and text == t.text(n):
                cells = t.column_cells(n)
                if len(cells) == 1 and len(layout) == 2:
                    split = _two_entries(cells[0][1], self.b.refdata)
                    if len(split) == 2:
                        cells = [(layout[0][0], split[0]), (layout[1][0], split[1])]
                for column, cell in _cells_under(cells, layout):
                    ckey = layout[column][1]
                    ctop = ckey if ckey in ("present-top", "absent-top") else top
                    self.attendance_text(cell, [n], ckey, ctop, raw, last, column)
                continue
            lines = [n]
            following = content[index + 1] if index + 1 < len(content) else None
            if following is not None and len(t.columns(n)) == 1:
                merged = self.split_name(text, t.text(following))
                if merged is not None:
                    text, lines = merged, [n, following]
                    consumed.add(following)
            columns_text = t.columns(n) if text == t.text(n) else [text]
            if len(columns_text) > 1:
                text = ", ".join(c.strip(" ,;") for c in columns_text)
            self.attendance_text(text, lines, key, top, raw, last, 0)
        for entry in raw:
            self.add_entry(entry)

    def attendance_text(
        self,
        text: str,
        lines: list[int],
        key: str,
        top: str | None,
        raw: list[_RawEntry],
        last: dict[int, _RawEntry],
        column: int,
    ) -> None:
        """Entries of one line (or one cell of a column layout) of attendance text:
        a continuation of the column's last entry, or new entries."""
        b = self.b
        pieces = split_entries(text, b.refdata)
        starts_entry = bool(pieces) and is_person_name(
            re.sub(r"[,(].*$", "", pieces[0]).strip(), b.refdata
        )
        previous = last.get(column)
        if (
            previous is not None
            and not starts_entry
            and (text[:1].islower() or text.startswith("§") or previous.text.endswith(","))
        ):
            previous.text += " " + text
            previous.lines.extend(n for n in lines if n not in previous.lines)
            return
        for piece in pieces:
            entry = _RawEntry(piece, list(lines), key, top)
            raw.append(entry)
            last[column] = entry

    def split_name(self, text: str, following: str) -> str | None:
        """``text`` and the ``following`` line as one when a name runs over the line
        break ("…; Mikael" / "Berglund (M), Lerum"): the line ends in a given name
        after a separator and the next line starts with a family name alone."""
        refdata = self.b.refdata
        if re.search(r"[,;.:)]\s*$", text) or _attendance_key(following) is not None:
            return None
        m = re.search(
            r"(?:^|[,;]\s*|\s+och\s+)(?P<given>(?:[A-ZÅÄÖÉ][\w'´-]*\s+){0,2}[A-ZÅÄÖÉ][\w'´-]*)$",
            text,
        )
        n = re.match(
            r"^(?P<family>[A-ZÅÄÖÉ][\w'´-]*(?:\s+[A-ZÅÄÖÉ][\w'´-]*)?)\s*(?:[(,;]|$)", following
        )
        if m is None or n is None:
            return None
        given, family = m["given"], n["family"]
        if refdata.municipality(given) is not None or parse_role(given) is not None:
            return None
        if is_person_name(given, refdata) or is_person_name(family, refdata):
            return None
        if refdata.municipality(family) is not None:
            return None
        if not is_person_name(f"{given} {family}", refdata):
            return None
        return f"{text} {following}"

    def add_entry(self, raw: _RawEntry) -> None:
        b = self.b
        entry = parse_entry(raw.text, b.refdata)
        if entry is None:
            return
        if not is_person_name(entry.name) and raw.key not in ("others", "secretary"):
            return
        if len(entry.name.split()) < 2:
            return
        status, role = _status(raw.key, raw.top)
        if (
            entry.serving
            and role in (Role.ERSATTARE, Role.LEDAMOT)
            and status in (AttendanceStatus.PRESENT, AttendanceStatus.SUBSTITUTE)
        ):
            status, role = AttendanceStatus.SERVING_SUBSTITUTE, Role.ERSATTARE
        line, last = raw.lines[0], raw.lines[-1]
        pid = b.person(entry.name, line, entry)
        self.t.place(line, last)
        if entry.role is Role.ORDFORANDE and self.chair is None:
            self.chair = pid
        if status is AttendanceStatus.SECRETARY and self.secretary is None:
            self.secretary = pid
        if entry.excluded:
            self.excluded[len(self.attendance)] = entry.excluded
        self.attendance.append(
            Attendance(
                person=pid,
                status=status,
                role=entry.role,
                party=entry.party,
                municipality=entry.municipality,
                organisation=entry.organisation,
                title=entry.title,
                paragraphs=entry.paragraphs,
                replaces=self.replaced(entry.replaces, line) if entry.replaces else None,
                source=Span(line, last if last != line else None),
            )
        )
        if role in (Role.LEDAMOT, Role.ERSATTARE) and (entry.party or entry.municipality):
            seat = entry.role if entry.role in (Role.ORDFORANDE, Role.VICE_ORDFORANDE) else role
            self.memberships.append(
                Membership(
                    id=membership_id(self.body, pid),
                    person=pid,
                    body=self.body,
                    role=seat,
                    party=entry.party,
                    municipality=entry.municipality,
                    provenance=b.prov(line, last),
                )
            )

    def replaced(self, name: str, line: int) -> str:
        """Id of the ledamot a serving ersättare replaces: a person already named
        whose full name or family name it is, else a new person."""
        name = re.sub(r"\s+", " ", name).strip(" ,.;")
        folded = name.casefold()
        for pid, person in self.b.persons.items():
            if person.name.casefold() == folded:
                return pid
        if len(name.split()) == 1:
            matches = [
                pid
                for pid, person in self.b.persons.items()
                if (person.family_name or "").casefold() == folded
            ]
            if len(matches) == 1:
                return matches[0]
        return self.b.person(name, line)

    # -- justerare ---------------------------------------------------------------

    def names_in(self, text: str, line: int) -> list[str]:
        ids = []
        for piece in split_entries(text, self.b.refdata):
            entry = parse_entry(piece, self.b.refdata)
            if entry is not None and len(entry.name.split()) >= 2:
                ids.append(self.b.person(entry.name, line, None))
        return ids

    def justerare_from(self, text: str, line: int) -> bool:
        names = justerare_names(text)
        if names is None:
            names = text if is_person_name(re.sub(r"[,(].*$", "", text).strip()) else None
        if not names:
            return False
        ids = self.names_in(names, line)
        if not ids:
            return False
        for pid in ids:
            if pid not in self.justerare:
                self.justerare.append(pid)
        if self.justerare_line is None:
            self.justerare_line = line
        return True

    def scan_justerare(self) -> None:
        for n in self.t.content():
            if self.justerare_line is not None:
                return
            for sentence in sentences(self.t.text(n)):
                if justerare_names(sentence) and self.justerare_from(sentence, n):
                    self.t.place(n)
                    break

    # -- items ---------------------------------------------------------------

    def units(self, start: int, end: int) -> list[Paragraph]:
        """Paragraphs, split further where a heading, clause or decision starts."""
        out: list[Paragraph] = []
        for para in paragraphs(self.t, start, end):
            run: list[int] = []
            for n in para.lines:
                text = self.t.text(n)
                begins = (
                    _BESLUT.match(text)
                    or _BASIS.match(text)
                    or clause_text(text) is not None
                    or STRONG_DECISION.match(text)
                    or (run and self.t.text(run[-1]).endswith(":"))
                    or (
                        run
                        and reservations(text)
                        and reservations(text)[0].sentence[:30] in text[:30]
                    )
                    or (
                        run
                        and clause_text(self.t.text(run[0])) is not None
                        and re.search(r"[.!?]$", self.t.text(run[-1]))
                        and text[:1].isupper()
                    )
                )
                if run and begins:
                    out.append(Paragraph(tuple(run), " ".join(self.t.text(x) for x in run)))
                    run = []
                run.append(n)
            if run:
                out.append(Paragraph(tuple(run), " ".join(self.t.text(x) for x in run)))
        return out

    def item(self, ordinal: int, head: ItemHeading, end: int) -> AgendaItem:
        t, b = self.t, self.b
        t.place(head.line)
        title = head.title.rstrip(" .")
        body_start = head.line + 1
        if not title:
            nxt = t.content(head.line + 1, end)
            if nxt:
                title = t.text(nxt[0]).rstrip(" .")
                t.place(nxt[0])
                body_start = nxt[0] + 1
        iid = agenda_item_id(self.mid, paragraph=head.paragraph, ordinal=ordinal)
        texts: list[str] = []
        decisions: list[_Draft] = []
        basis: list[str] = []
        votes: list[tuple[int, Vote]] = []
        pending_res: list[Reservation] = []
        immediate = False
        presenters: list[str] = []
        mode = "text"
        lead: _Draft | None = None
        schedule = bool(_SCHEDULE.search(title))
        schedule_year = None
        m = re.search(r"\b(19|20)\d{2}\b", title)
        if m:
            schedule_year = int(m[0])

        def new_decision(text: str, lines: tuple[int, ...]) -> _Draft:
            d = _Draft(classify(text, b.bodies), text, [], list(lines), list(pending_res))
            pending_res.clear()
            decisions.append(d)
            return d

        for unit in self.units(body_start, end):
            text = unit.text
            t.place_all(unit.lines)
            if IMMEDIATE.search(text):
                immediate = True
            bm = _BESLUT.match(text)
            if bm:
                mode, lead = "decision", None
                if not bm["rest"]:
                    continue
                text = bm["rest"]
            basis_m = _BASIS.match(text)
            if basis_m:
                mode, lead = "basis", None
                if basis_m["rest"]:
                    doc = b.basis_document(basis_m["rest"], unit.lines[0], self.mid)
                    if doc:
                        basis.append(doc)
                continue
            if mode == "basis":
                docs = [b.basis_document(s, unit.lines[0], self.mid) for s in text.split(";")]
                if any(docs):
                    basis.extend(d for d in docs if d)
                    continue
                mode = "text"
            for sentence in sentences(text):
                if justerare_names(sentence) and self.justerare_line is None:
                    self.justerare_from(sentence, unit.lines[0])
            vote = parse_vote(text)
            if vote is not None:
                for name, _ in roll_call(text):
                    b.person(name, unit.lines[0])
                votes.append((len(decisions), vote))
                if not STRONG_DECISION.match(text):
                    continue
            found_res = self.reservations(text, unit.lines)
            decision_text = " ".join(
                s for s in sentences(text) if not any(r.sentence == s for r in reservations(text))
            )
            clause = clause_text(text)
            if lead is not None and clause is not None:
                lead.clauses.append(clause)
                lead.lines.extend(unit.lines)
                lead.res.extend(found_res)
                continue
            lead = None
            if found_res and not decision_text:
                if decisions:
                    decisions[-1].res.extend(found_res)
                else:
                    pending_res.extend(found_res)
                texts.append(text)
                continue
            is_heading = (
                len(text) <= 90
                and not re.search(r"[.:;!?]$", text)
                and not STRONG_DECISION.match(text)
                and not is_lead_only(text)
            )
            if mode == "decision" and is_heading:
                mode = "text"
            if (mode == "decision" or STRONG_DECISION.match(text)) and not (
                schedule and mode == "text"
            ):
                d = new_decision(decision_text or text, unit.lines)
                d.res.extend(found_res)
                if is_lead_only(decision_text or text):
                    lead = d
                else:
                    inline = inline_clause(decision_text or text)
                    if inline:
                        d.clauses.append(inline)
                continue
            if schedule and self.schedule_line(text, unit.lines, schedule_year):
                continue
            pm = _PRESENTS.match(text)
            if pm:
                known = set(b.persons)
                who = re.sub(r"(?i)\s+(?:från|vid|på|i)\s+.*$", "", pm["who"])
                for pid in self.names_in(who, unit.lines[0]):
                    if pid in known and pid not in presenters:
                        presenters.append(pid)
            if found_res:
                if decisions:
                    decisions[-1].res.extend(found_res)
                else:
                    pending_res.extend(found_res)
            texts.append(text)
        built: list[Decision] = []
        for index, d in enumerate(decisions):
            lines = d.lines
            kind = d.kind
            vote = next((v for at, v in votes if at == index + 1), None)
            built.append(
                Decision(
                    id=decision_id(iid, index + 1),
                    kind=kind.kind,
                    text=d.text,
                    clauses=tuple(d.clauses),
                    target_body=kind.target_body,
                    assignee=kind.assignee,
                    reservations=tuple(d.res),
                    votes=vote,
                    immediate_justering=immediate,
                    source=Span(min(lines), max(lines) if max(lines) != min(lines) else None),
                )
            )
        leftover_votes = [v for at, v in votes if at == 0 or at > len(decisions)]
        if leftover_votes and built:
            target = 0 if all(at == 0 for at, _ in votes) else len(built) - 1
            if built[target].votes is None:
                built[target] = attrs.evolve(built[target], votes=leftover_votes[0])
        last = max([head.line, *t.content(head.line, end)])
        return AgendaItem(
            id=iid,
            ordinal=ordinal,
            title=title,
            number=head.number,
            paragraph=head.paragraph,
            presenters=tuple(presenters),
            text="\n\n".join(texts) or None,
            decisions=tuple(built),
            basis=tuple(dict.fromkeys(basis)),
            source=Span(head.line, last if last != head.line else None),
        )

    def reservations(self, text: str, lines: tuple[int, ...]) -> list[Reservation]:
        out = []
        for r in reservations(text):
            head = r.sentence[:25]
            line = next((n for n in lines if head in self.t.text(n)), lines[0])
            for piece in split_entries(r.who, self.b.refdata):
                entry = parse_entry(piece, self.b.refdata)
                if entry is None:
                    continue
                out.append(
                    Reservation(
                        person=self.b.person(entry.name, line, None),
                        party=entry.party,
                        municipality=entry.municipality,
                        reason=r.reason,
                        source=Span(line),
                    )
                )
        return out

    def schedule_line(self, text: str, lines: tuple[int, ...], year: int | None) -> bool:
        b = self.b
        base_year = year or b.year
        dates = find_dates(text, base_year)
        if not dates or len(text) > 200:
            return False
        times = find_times(text)
        for index, d in enumerate(dates):
            mid = meeting_id(self.body, str(d.date))
            if mid == self.mid or any(m.id == mid for m in self.planned):
                continue
            note = re.sub(r"^[-–•*\s]+", "", text)
            paren = re.search(r"\(([^)]*)\)", text)
            kind = MeetingKind.ORDINARY
            if re.search(r"(?i)studieresa", text):
                kind = MeetingKind.STUDY_TRIP
            elif re.search(r"(?i)internat", text):
                kind = MeetingKind.RESIDENTIAL
            time = times[index] if index < len(times) and len(times) == len(dates) else None
            self.planned.append(
                Meeting(
                    id=mid,
                    body=self.body,
                    body_name=self.body_name,
                    date=d.date,
                    end_date=d.end_date,
                    start_time=time.start_time if time else None,
                    end_time=time.end_time if time else None,
                    kind=kind,
                    status=MeetingStatus.PLANNED,
                    announced_in=self.mid,
                    note=paren[1] if paren else (note if note != d.text else None),
                    provenance=b.prov(lines[0], lines[-1]),
                )
            )
        return True

    # -- closing -----------------------------------------------------------------

    def closing(self, start: int, end: int) -> None:
        t, b = self.t, self.b
        state: str | None = None
        for n in t.content(start, end):
            text = t.text(n)
            m = re.match(r"(?i)^vid\s+protokollet\s*:?\s*(?P<rest>.*)$", text)
            if m:
                state = "secretary"
                t.place(n)
                text = m["rest"]
                if not text:
                    continue
            m = re.match(
                r"(?i)^(?:justeras|justerat|justerade|protokollet\s+justeras|justerandes\s+signatur"
                r"|underskrifter)\s*:?\s*(?P<rest>.*)$",
                text,
            )
            if m:
                state = "justeras"
                t.place(n)
                if self.justering_block_line is None:
                    self.justering_block_line = n
                text = m["rest"]
                if not text:
                    continue
            dates = find_dates(text, b.year)
            if dates and state in ("justeras", "secretary", None):
                self.justering_date = dates[0].date
                before = re.sub(
                    r"(?i)\b(?:den|justeringens\s+plats\s+och\s+tid\s*:?)\s*$",
                    "",
                    text[: dates[0].start],
                ).strip(" ,:")
                before = re.sub(
                    r"(?i)^(?:justerat|justeringsdatum|justeringens\s+plats(?:\s+och\s+tid)?)\s*:?\s*",
                    "",
                    before,
                )
                if before and before[0].isupper() and len(before) < 60:
                    self.justering_place = before
                t.place(n)
                continue
            if parse_role(text) is not None or re.match(
                r"(?i)^(?:justerare|justerande|sekreterare|beredningsansvarig|ordförande)\s*:?$",
                text,
            ):
                t.place(n)
                continue
            columns = t.columns(n) if text == t.text(n) else [text]
            if len(columns) > 1 and all(_is_role_word(c) for c in columns):
                t.place(n)
                continue
            names = [
                name
                for column in columns
                for name in self.closing_names(column)
                if not _is_role_word(name)
            ]
            if names:
                t.place(n)
                for name in names:
                    pid = b.person(name, n, None)
                    if state == "secretary" and self.secretary_closing is None:
                        self.secretary_closing = pid
                    else:
                        self.signatories.append(pid)
                continue
            if re.match(r"(?i)^(?:justerandes|ordförandes|sekreterarens)\s+sign", text):
                t.place(n)

    def closing_names(self, text: str) -> list[str]:
        """Names in a line of the closing block: entries as written, and a run of
        two names known from the attendance ("Jonas Ransgård Mikael Berglund")
        split in two."""
        b = self.b
        text = re.sub(r"(?i)^(?:ordförande|justerare|justerande|sekreterare)\s*:\s*", "", text)
        entries = [parse_entry(p, b.refdata) for p in split_entries(text, b.refdata)]
        names = [e.name for e in entries if e is not None and is_person_name(e.name)]
        out: list[str] = []
        for name in names:
            out.extend(self.split_known(name))
        return out

    def split_known(self, name: str) -> list[str]:
        """``name`` split into known persons' names when it is a run of them."""
        known = {p.name.casefold() for p in self.b.persons.values()}
        if name.casefold() in known:
            return [name]
        words = name.split()

        def split(start: int) -> list[str] | None:
            if start == len(words):
                return []
            for stop in range(len(words), start + 1, -1):
                head = " ".join(words[start:stop])
                if head.casefold() in known:
                    rest = split(stop)
                    if rest is not None:
                        return [head, *rest]
            return None

        found = split(0) if len(words) >= 4 else None
        return found if found and len(found) >= 2 else [name]

    # -- the whole -------------------------------------------------------------

    def run(self, part_of: str | None = None) -> ImportResult:
        b, t = self.b, self.t
        content = t.content()
        if not content:
            b.doc_id = "protokoll"
            return b.finish(kind=DocumentKind.PROTOKOLL, part_of=part_of)
        heads = find_item_headings(b, content[0], content[-1])
        stated_line = next((n for n in content if _STATED.match(t.text(n))), None)
        first_item = heads[0].line if heads else content[-1] + 1
        att_start = next(
            (
                n
                for n in content
                if n < first_item
                and (_attendance_key(t.text(n)) is not None or _heading_columns(t, n) is not None)
            ),
            None,
        )
        header_end = min(x for x in (att_start, stated_line, first_item) if x is not None) - 1
        info = self.header(header_end)
        date = info.get("date")
        if not isinstance(date, PartialDate):
            date = PartialDate(b.year) if b.year else None
        # stated paragraphs
        stated = None
        for n in content:
            text = t.text(n)
            m = _STATED.match(text) or (_STATED_ANY.search(text) if n <= first_item else None)
            if m and int(m[1]) <= int(m[2]) and stated is None:
                stated = ParagraphRange(int(m[1]), int(m[2]))
                t.place(n)
        if date is None:
            b.doc_id = document_id(kind="protokoll", title=b.source.path.stem)
            return b.finish(kind=DocumentKind.PROTOKOLL, title="Protokoll", part_of=part_of)
        self.mid = meeting_id(self.body, str(date))
        b.doc_id = document_id(meeting=self.mid, kind="protokoll")
        if att_start is not None:
            self.attendance_zone(att_start, first_item - 1)
        closing_start = None
        after = heads[-1].line if heads else first_item
        for n in t.content(after + 1):
            if _CLOSING.match(t.text(n)):
                closing_start = n
                break
        items = []
        end_all = (closing_start - 1) if closing_start else content[-1]
        for index, head in enumerate(heads):
            end = heads[index + 1].line - 1 if index + 1 < len(heads) else end_all
            items.append(self.item(index + 1, head, end))
        if closing_start is not None:
            self.closing(closing_start, content[-1])
        numbers = [i.paragraph if i.paragraph is not None else i.ordinal for i in items]
        for index, excluded in self.excluded.items():
            # "(ej § 5)": present for every other § of the meeting
            a = self.attendance[index]
            base = a.paragraphs or tuple(numbers)
            kept = tuple(n for n in base if n not in excluded)
            if kept:
                self.attendance[index] = attrs.evolve(a, paragraphs=kept)
        self.scan_justerare()
        secretary = self.secretary_closing or self.secretary
        justering = None
        if self.justerare or self.signatories or self.justering_date:
            source_line = self.justerare_line or self.justering_block_line
            justering = Justering(
                justerare=tuple(self.justerare),
                date=self.justering_date,
                place=self.justering_place,
                signatories=tuple(dict.fromkeys(self.signatories)),
                source=Span(source_line) if source_line else None,
            )
        for membership in self.memberships:
            b.add(membership)
        for planned in self.planned:
            b.add(planned)
        first = int(str(info.get("first", 1)))
        meeting = Meeting(
            id=self.mid,
            body=self.body,
            body_name=self.body_name,
            date=date,
            end_date=info.get("end_date"),  # type: ignore[arg-type]
            start_time=info.get("start_time"),  # type: ignore[arg-type]
            end_time=info.get("end_time"),  # type: ignore[arg-type]
            place=info.get("place"),  # type: ignore[arg-type]
            kind=info.get("kind", MeetingKind.ORDINARY),  # type: ignore[arg-type]
            status=MeetingStatus.HELD,
            attendance=tuple(self.attendance),
            secretary=secretary,
            justering=justering,
            items=tuple(items),
            stated_paragraphs=stated,
            documents=(b.doc_id,),
            provenance=b.prov(min(first, *t.masthead) if t.masthead else first, content[-1]),
        )
        b.add(meeting)
        return b.finish(
            kind=DocumentKind.PROTOKOLL,
            title="Protokoll" + (f" {self.body_name} {date}" if self.body_name else f" {date}"),
            date=date,
            meeting=self.mid,
            organisation=self.body,
            part_of=part_of,
        )


def _is_role_word(text: str) -> bool:
    return parse_role(text) is not None or bool(
        re.match(
            r"(?i)^(?:justerare|justerande|justeras|sekreterare|beredningsansvarig|ordförande|"
            r"vid\s+protokollet)\s*:?$",
            text.strip(),
        )
    )


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
    return _Protocol(builder).run(part_of=part_of)


_TITLE = re.compile(
    r"(?i)^(?:protokoll|protokollsutdrag|sammanträdesprotokoll|justerat\s+protokoll)\b"
    r"|^[\wåäöÅÄÖ ]{0,60}\b(?:protokoll|sammanträdesprotokoll)\s*(?:[\d,]|$)"
)
_STRUCTURE_HEADING = re.compile(
    r"(?i)^(?:närvarande|närvarande\s+ledamöter|ledamöter|beslutande(?:\s+ledamöter)?|"
    r"tjänstgörande\s+(?:ledamöter|ersättare)|ej\s+närvarande|frånvarande(?:\s+ledamöter)?|"
    r"anmält\s+förhinder|förhinder|deltog\s+ej|(?:övriga\s+)?ersättare|sekreterare|"
    r"tid|plats|datum)\s*(?::.*)?$"
)
_ITEM_LINE = re.compile(r"^(?:§\s*\d{1,4}\b|\d{1,3}[.)]?\s+[A-ZÅÄÖ])")


def detect_protocol(document: SourceDocument) -> float:
    """Confidence that ``document`` is a protocol.

    A protocol has a title line ("Protokoll …") near its start followed by protocol
    structure (attendance headings, "Tid:"/"Plats:", § items); a title line alone
    somewhere in a list of titles (a web page's links) is not enough.
    """
    lines = [normalise_line(x) for x in document.text.split("\n")]
    lines = [x for x in lines if x]
    title_at = next((i for i, x in enumerate(lines[:15]) if _TITLE.match(x)), None)
    start = title_at if title_at is not None else 0
    window = lines[start : start + 60]
    headings = sum(1 for x in window if _STRUCTURE_HEADING.match(x))
    items = sum(1 for x in lines[start : start + 400] if _ITEM_LINE.match(x))
    paragraphs = sum(1 for x in lines if re.match(r"^§\s*\d{1,4}\b", x))
    text = document.text
    closing = bool(
        re.search(r"(?i)vid protokollet|^\s*justeras\b|utses till justerare", text, re.M)
    )
    score = 0.0
    if title_at is not None:
        score = 0.6 if title_at <= 3 else 0.4
        if title_at > 3 and not headings:
            return 0.1
    elif not (headings and paragraphs >= 2 and closing):
        return 0.0
    else:
        score = 0.4
    if headings:
        score += 0.15
    if items >= 2 or paragraphs >= 2:
        score += 0.1
    if closing:
        score += 0.1
    return min(score, 0.95)
