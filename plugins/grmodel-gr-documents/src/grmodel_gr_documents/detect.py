"""Kind detection from evidence across the whole document.

Each kind collects points from what the text shows, wherever it stands: the
vocabulary's kind words (in the title, or the site's title of the document,
they count most), and each kind's structure: attendance headings, justerare
and "Vid protokollet" for a protocol; "föreslås besluta"/"föreslås välja" and an
addressee for a staff report; bracketed item kinds, "(bilaga)" and a day's
programme for an agenda, and a meeting's opening items listed. Site chrome and
page numbers are dropped first, so a leading "1 " or "Academic year: 2021" changes
nothing. A heading or justering word in a numbered item's title ("1. Tjänstgörande
ledamöter", "4 Val av justerare") names the item, so it gives a protocol no points.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterator

import attrs

from grmodel.importing.base import SourceDocument
from grmodel_gr_documents.building import tracker_for
from grmodel_gr_documents.patterns import alternation, finditer, fold, quick_search
from grmodel_gr_documents.protocol.prose import stated_attendance
from grmodel_gr_documents.segments import NUMBER_MARKS
from grmodel_gr_documents.vocabulary import Hit, alone_on_line, load_vocabulary

__all__ = ["Evidence", "detect_kind", "evidence"]

_TITLE_CHARS = 400
_HEAD = r"[\s\S]{0,1500}?"
"""The head of a document, where what a kind's documents hold near the top stands."""
# a pattern searched through the whole text first tests the character a match can
# start with ("(?=[uj])"), so the slower tests run only there: the same matches, sooner
_STRUCTURE: dict[str, tuple[tuple[re.Pattern[str], float], ...]] = {
    "protocol": (
        (
            re.compile(
                r"(?i)(?=[uvj])(?:\b(?:utses|väljs|valdes|utsågs)\s+(?:att\s+justera|till\s+justera)"
                r"|\bjustera\s+(?:dagens\s+)?protokollet|\bjusteringsman\b|\bjusteringsperson)"
            ),
            2.0,
        ),
        (
            re.compile(
                r"(?i)(?=[vjpJ\s])(?:\bvid\s+protokollet\b|^\s*justeras\b|(?-i:\bJusteras\b)|\bjusterandes\s+sign"
                r"|\bprotokollet\s+för(?:e|d)s\s+av\b)"
            ),
            2.0,
        ),
        (
            re.compile(
                r"(?i)(?=[pu])(?:\bparagrafer\b|\butdragsbestyrkande\b|\bprotokollet\s+är\s+justerat)"
            ),
            2.0,
        ),
        (
            re.compile(
                r"(?=[.:A-ZÅÄÖ])(?:^|[.:]\s)(?:[A-ZÅÄÖ][\wåäö-]+\s+){1,4}(?:beslöt|beslutade|beslutar)\b"
            ),
            1.0,
        ),
        (
            # paragraph headings, a body's local prefix before them or not ("Kf § 17")
            re.compile(
                r"(?m)^\s*(?:[A-ZÅÄÖ][a-zåäö]{0,4}\s+)?§\s*\d{1,4}.*\n(?:.*\n)*?"
                r"\s*(?:[A-ZÅÄÖ][a-zåäö]{0,4}\s+)?§\s*\d{1,4}"
            ),
            2.0,
        ),
        (re.compile(r"(?m)^\s*\d{1,4}\s*§\s.*\n(?:.*\n)*?\s*\d{1,4}\s*§\s"), 2.0),
        (re.compile(r"(?m)^[A-ZÅÄÖ][\wåäö]*(?:-\s+och\s+[\wåäö]+)?s\s+beslut\s*:?\s*$"), 1.0),
        (re.compile(r"(?i)(?=[bp])(?:\bbilagor\s+till\s+protokoll|\bprotokollsutdrag\b)"), 2.0),
    ),
    "staff-report": (
        (
            re.compile(
                r"(?i)(?=f)\bföreslås\s+(?:besluta|välja|godkänna|anta|fastställa|bifalla|utse|ge)\b"
            ),
            3.0,
        ),
        (
            # the proposer's own words: "Borgarrådsberedningen föreslår kommunstyrelsen
            # besluta följande", "föreslår att kommunfullmäktige beslutar:"
            re.compile(
                r"(?i)(?=f)\bföreslår\s+(?:att\s+)?(?:[\wåäö-]+\s+){0,2}(?:besluta|beslutar)\b"
            ),
            2.0,
        ),
        (re.compile(r"(?i)(?=[\sd(])(?:^|[\s(])(?:dnr|diarienummer)[:.]?\s"), 1.0),
        (re.compile(r"(?i)(?=f)\bförslag\s+till\s+beslut\b"), 1.0),
        (
            re.compile(
                rf"(?i)\A{_HEAD}(?:\bhandläggare\s*:|\bärendebeskrivning\b|\bbeslutsunderlag\b"
                r"|\bförvaltningens\s+förslag\b|\bsammanfattning\b|\bbakgrund\b"
                r"|\bbeskrivning\s+av\s+ärendet\b)"
            ),
            1.5,
        ),
    ),
    "agenda": (
        (
            re.compile(
                r"(?i)\((?:bilaga|bilagor|beslutsärende|informationsärende|diskussionsärende|handling\s+bifogas|beslut|information|diskussion|muntlig\s+information|strategifråga)\)"
            ),
            2.0,
        ),
        (re.compile(r"(?im)^\s*kl\.?\s*\d{1,2}[.:]\d{2}\s+\S"), 1.0),
        (re.compile(r"(?i)(?=[vk])(?:\bvälkommen\b|\bkallas\s+till\b)"), 1.0),
        # a meeting announced ("Kommunfullmäktige sammanträder måndag …", "På mötet
        # behandlas bland annat …")
        (re.compile(r"(?i)(?=s)\bsammanträder\s+(?:på\s+|den\s+)?[\wåäö]+dag"), 1.0),
        (re.compile(r"(?i)(?=p)\bpå\s+(?:mötet|sammanträdet)\s+behandlas\b"), 1.0),
        (
            re.compile(
                rf"(?i)\A{_HEAD}(?:\bföredragande\b|\bärendelista\b|\bsammanträdet\s+öppnas\b"
                r"|\banmälningsärenden\b|\bupprop\b|\bkallelse\s+till\b"
                r"|\b(?:godkännande|fastställande)\s+av\s+(?:föredragningslista|dagordning)"
                r"|\bhandlingar\s+till\s+[\wåäö\s-]{0,60}?sammanträde|\bförteckning\s+över\s+[\wåäö\s-]{0,60}?ärenden\b)"
            ),
            1.0,
        ),
    ),
}
_ADDRESSEE = re.compile(
    r"(?i)^(?:.{0,160}\s)?till\s+(?:[\wåäö]+s\s+)?(?:förbundsstyrelsen|styrgruppen|kommunstyrelsen"
    r"|[\wåäö]*fullmäktige|[\wåäö]+nämnden)\b"
)
_THRESHOLD = 4.0


@attrs.frozen
class Evidence:
    """What detection saw."""

    scores: dict[str, float]
    """Points per kind."""
    seen: tuple[str, ...]
    """What gave them, as written (for the message when no kind wins)."""

    @property
    def best(self) -> str | None:
        """The kind with the most points, if it has enough and clearly leads."""
        if not self.scores:
            return None
        ranked = sorted(self.scores.items(), key=lambda kv: -kv[1])
        kind, points = ranked[0]
        if points < _THRESHOLD:
            return None
        if len(ranked) > 1 and ranked[1][1] == points:
            return None
        return kind


def evidence(document: SourceDocument) -> Evidence:
    """The evidence for each kind in ``document``."""
    tracker = tracker_for(document)
    lines = [tracker.text(n) for n in tracker.content()]
    text = "\n".join(lines)
    title = " ".join([t for _, t in tracker.site_titles] + [text[:_TITLE_CHARS]])
    title_words = [
        found
        for found in _kind_words(title + _line_rest(text, _TITLE_CHARS))
        if found[0] < len(title)
    ]
    scores: dict[str, float] = {}
    structure: dict[str, float] = {}
    seen: list[str] = []

    def add(points: dict[str, float], kind: str, value: float, what: str) -> None:
        points[kind] = points.get(kind, 0.0) + value
        seen.append(what.strip()[:40])

    for rank, (_, kind, written) in enumerate(title_words):
        add(scores, kind, 4.0 if rank == 0 else 2.0, written)
    # a title naming its kind in lower case after a date, where no kind word stands
    if not title_words and (dated := _dated_title(title)) is not None:
        add(scores, dated[0], 4.0, dated[1])
    kind_hits = load_vocabulary().find(text, ["kind"])
    for _, kind, _ in _kind_words(text, kind_hits)[:6]:
        scores[kind] = scores.get(kind, 0.0) + 0.5
    for kind, points, what in _layout(text, lines, kind_hits):
        add(structure, kind, points, what)
    # the site's title is the document's first words as the site read them: evidence too
    searched = "\n".join([t for _, t in tracker.site_titles] + [text])
    folded = fold(searched)
    for kind, patterns in _STRUCTURE.items():
        for pattern, points in patterns:
            m = _search(pattern, searched, folded, skip_items=kind == "protocol")
            if m:
                add(structure, kind, points, m[0])
    # a kind word alone (a title in a list of links) is no evidence without the kind's
    # structure; notes and invitations have none of their own
    total = {
        kind: scores.get(kind, 0.0) + structure.get(kind, 0.0)
        for kind in {*scores, *structure}
        if structure.get(kind, 0.0) > 0 or kind in ("notes", "invitation")
    }
    return Evidence({k: v for k, v in total.items() if v}, tuple(dict.fromkeys(seen)))


def _search(
    pattern: re.Pattern[str], text: str, folded: str, *, skip_items: bool
) -> re.Match[str] | None:
    """The first match of ``pattern`` in ``text`` (:func:`quick_search`), with
    ``skip_items`` the first not inside a numbered item's title."""
    m = quick_search(pattern, text, folded)
    while m is not None and skip_items and _in_item_title(text, m.start()):
        m = pattern.search(text, m.end())
    return m


_ITEM_TITLE_START = re.compile(r"[ \t]*\d{1,3}[.)]?[ \t]+(?:[^\s\d().:;!?]+[ \t]+){0,4}")
"""A numbered item line up to a word of its title ("1. ", "4 Val av ")."""
_ITEM_LINE_LONGEST = 100
"""A numbered line longer than this is run-on text after a page number, no item's title."""


def _in_item_title(text: str, at: int) -> bool:
    """Whether ``text[at]`` stands in the title of a numbered item line, a few words
    after its number ("1. Tjänstgörande ledamöter", "18. Övriga frågor", "4 Val av
    protokolljusterare"): an item that names a heading, not the heading."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    if (len(text) if end < 0 else end) - start > _ITEM_LINE_LONGEST:
        return False
    return _ITEM_TITLE_START.fullmatch(text, start, at) is not None


@functools.cache
def _compound() -> re.Pattern[str]:
    """A compound ending in a one-word kind phrase ("Direktionsprotokoll",
    "Möteskallelse"): Swedish writes a document's kind as a compound's head."""
    words = sorted(
        {
            p.text.casefold()
            for p in load_vocabulary().phrases
            if p.cue == "kind" and " " not in p.text
        },
        key=len,
        reverse=True,
    )
    # the head found first (a literal alternation the engine scans quickly), then the
    # word it ends, read back from there
    return re.compile(rf"(?i)(?<=[a-zåäöé]{{3}})({alternation(words)})(?!\w)")


def _kind_words(text: str, hits: list[Hit] | None = None) -> list[tuple[int, str, str]]:
    """The kinds the kind words of ``text`` name, in order, as (offset, kind, as
    written): the vocabulary's rows, and compounds ending in one; never an attached
    file's kind."""
    vocabulary = load_vocabulary()
    found = [
        (h.start, h.phrase.meaning, text[h.start : h.end])
        for h in (vocabulary.find(text, ["kind"]) if hits is None else hits)
        if not _LEADER.match(text, h.end)  # "Dagordning...3": an entry of a table of contents
    ]
    for m in finditer(_compound(), text):
        start = m.start()
        while start > 0 and text[start - 1].isalpha():
            start -= 1
        word = text[start : m.end()]
        phrase = vocabulary.lookup("kind", m[1])
        if phrase is not None and word[:1].isupper() and vocabulary.lookup("kind", word) is None:
            found.append((start, phrase.meaning, word))
    for m in _PAIRED.finditer(text):  # "KALLELSE/FÖREDRAGNINGSLISTA": kinds paired by a slash
        for group in (1, 2):
            phrase = vocabulary.lookup("kind", m[group])
            if phrase is not None:
                found.append((m.start(group), phrase.meaning, m[group]))
    return [entry for entry in sorted(found) if not _names_a_file(text, entry[0])]


_LEADER = re.compile(r"\s*\.{2,}\s*\d")
"""A dotted leader to a page number, after a table of contents' entry."""
_PAIRED = re.compile(r"(?<![\w/])([A-ZÅÄÖ][\wåäöÅÄÖ]{3,})\s?/\s?([A-ZÅÄÖ][\wåäöÅÄÖ]{3,})(?![\w/])")
"""Two words paired by a slash, as a document's heading names its kinds."""


_DATED_TITLE = re.compile(
    r"(?:(?<=\n)|^)\s*(?:\d{1,2}\s+[a-zåäö]{3,9}\s+\d{4}|\d{4}-\d{2}-\d{2})\s+([a-zåäö]{6,20})\b"
)
"""A title of a date and the kind in lower case ("17 mars 2016 protokoll")."""


def _dated_title(title: str) -> tuple[str, str] | None:
    """The kind a dated title names, and the title as written."""
    for m in _DATED_TITLE.finditer(title):
        phrase = load_vocabulary().lookup("kind", m[1])
        if phrase is not None:
            return phrase.meaning, m[0]
    return None


def _line_rest(text: str, at: int) -> str:
    """The rest of the line at ``text[at]`` (at most 200 characters)."""
    end = text.find("\n", at, at + 200)
    return text[at : at + 200 if end < 0 else end]


_FILE = re.compile(r"(?i)\.(?:pdf|docx?|odt|rtf|xlsx?)\s*$")


def _names_a_file(text: str, at: int) -> bool:
    """Whether the line of ``text[at]`` names an attached file ("Tjänsteskrivelse
    Ishall.pdf" under "Bilagor"): a kind word there is the attachment's kind."""
    end = text.find("\n", at)
    return _FILE.search(text[at : len(text) if end < 0 else end]) is not None


_MEETING_PAGE = re.compile(
    r"(?m)(?=S)^Sammanträde\s+\d{4}-\d{2}-\d{2}[ \t]*\n(?:.*\n){0,2}?"
    r"[ \t]*(?:Datum|Tid|Klockan|Plats)\b"
    r"|^(?![^\n]*(?i:protokoll|anteckningar))[^\n]{0,80}\bden\s+"
    r"\d{1,2}(?:\s*-\s*\d{1,2})?\s+[a-zåäö]+\s+\d{4}\b[^\n]{0,40}\n(?:.*\n){0,2}?"
    r"[ \t]*(?:Dag|Datum|Tid|Klockan|Plats)[ \t]*:"
)
"""A meeting's page: "Sammanträde 2015-05-12" over its date, time and place, or a
title dated "den 18 september 2012" over "Dag:", "Tid:" (a title that names no
protocol or notes: "Landstingsfullmäktiges sammanträde den 18 september 2012")."""
_PARAGRAPH_LINE = re.compile(r"(?m)^[ \t]*§[ \t]*\d{1,4}\b")
_PARTY = re.compile(r"\((?:[A-ZÅÄÖ]{1,3}|[a-zåäö]{1,3})\)")
"""A party after a name ("Anna Ek (S)", "(fp)")."""
_NAME_LIST = re.compile(r"(?:[A-ZÅÄÖ][\wåäö-]+\s+[A-ZÅÄÖ][\wåäö-]+\s*,\s*){2}")
"""Names in a comma-separated list ("Birgitta Nilsson, Carl-Axel Roslund, …")."""
_HEAD_CHARS = 1500
"""Where a document's own running header stands (a kind word over a page count
deeper in is a document it quotes)."""
_PAGE_HEADER = re.compile(r"\s*\d{1,3}\s*\(\s*\d{1,3}\s*\)")
"""A page count after a kind word: the document's running header ("KALLELSE 1 (2)")."""
_ENTRY = re.compile(r"(?P<n>\d{1,2})[.)]?\s+[A-ZÅÄÖ][^\n]{2,160}")
"""A numbered line of a list of items ("1 Kommundirektörens rapport maj 2015")."""


def _own_contents(text: str) -> list[tuple[str, float, str]]:
    """A protocol's own table of contents: a contents heading over entries that point
    to its pages ("Justering...2 Dagordning...3 215 Information …...4") or are its
    paragraphs ("KS § 186/17 …", a "§§" column); an agenda lists no pages of its own."""
    out: list[tuple[str, float, str]] = []
    if _SECTIONS_COLUMN.search(text, 0, _HEAD_CHARS):
        out.append(("protocol", 2.5, "a column of paragraphs (§§)"))
    if _counts_on(text[: _CONTENTS_CHARS * 2]):
        out.append(("protocol", 1.5, "paragraph numbers counting on"))
    hits = load_vocabulary().find(text, ["toc"], 0, _HEAD_CHARS)
    if not hits:
        return out
    after = text[hits[0].start : hits[0].start + _CONTENTS_CHARS]
    if len(_LEADER_PAGE.findall(after)) >= _CONTENTS_ENTRIES:
        out.append(("protocol", 2.5, "a table of contents with page numbers"))
    if len(_SECTION_ENTRY.findall(after)) >= _CONTENTS_ENTRIES:
        out.append(("protocol", 2.0, "a table of contents of paragraphs"))
    return out


def _counts_on(text: str) -> bool:
    """Whether numbers past an agenda's count (30 and more) stand before titles three
    in a row, each one more ("215 Information …", "216 Allmänhetens …"): the
    paragraphs of a protocol, numbered through its year."""
    numbers = [int(m[1]) for m in _TITLE_NUMBER.finditer(text)]
    run = 1
    for before, number in itertools.pairwise(numbers):
        run = run + 1 if number == before + 1 and before >= _PARAGRAPH_LEAST else 1
        if run >= _CONTENTS_ENTRIES:
            return True
    return False


_TITLE_NUMBER = re.compile(r"(?<![\d/.,:§-])(\d{2,4})(?=\s+[A-ZÅÄÖ])")
_PARAGRAPH_LEAST = 30
_SECTIONS_COLUMN = re.compile(r"(?m)^[ \t]*§§[ \t]*(?:$|[A-ZÅÄÖ][\wåäö]*:?[ \t]*$)")
"""A "§§" column header on a line of its own ("§§", "§§ Ärendeförteckning:")."""
_CONTENTS_CHARS = 1500
_CONTENTS_ENTRIES = 3
_LEADER_PAGE = re.compile(r"\S\s*\.{2,}\s*\d{1,3}\b")
_SECTION_ENTRY = re.compile(r"§\s*\d{1,4}(?:/\d{2})?\s+[A-ZÅÄÖ]")


def _layout(text: str, lines: list[str], kind_hits: list[Hit]) -> list[tuple[str, float, str]]:
    """Evidence from how the document is laid out: (kind, points, what was seen);
    ``kind_hits``: the vocabulary's kind words in ``text``."""
    vocabulary = load_vocabulary()
    out: list[tuple[str, float, str]] = []
    head = text[:6000]
    for hit in vocabulary.find(text, ["kind"], 0, _HEAD_CHARS):
        if _PAGE_HEADER.match(text, hit.end):
            out.append((hit.phrase.meaning, 2.0, text[hit.start : hit.end] + " N (M)"))
            break
    # a kind word as a heading of its own line ("Föredragningslista" over the items of
    # a municipality's page about the meeting), below the title too
    alone = {
        hit.phrase.meaning: text[hit.start : hit.end]
        for hit in kind_hits
        if alone_on_line(text, hit.start, hit.end)
    }
    out.extend((kind, 2.0, f"a {written!r} heading") for kind, written in alone.items())
    out.extend(_own_contents(text))
    headings = [
        h for h in vocabulary.find(head, ["attendance"]) if not _in_item_title(head, h.start)
    ]
    meanings = {h.phrase.meaning for h in headings}
    if len(meanings) >= 2:
        out.append(("protocol", 3.0, "attendance headings"))
    elif any(
        _PARTY.search(head, h.end, h.end + 200) or _NAME_LIST.search(head, h.end, h.end + 300)
        for h in headings
    ):
        out.append(("protocol", 1.5, "an attendance heading over names"))
    if stated_attendance(head):
        out.append(("protocol", 1.5, "attendance stated in a sentence"))
    if any(not _in_item_title(head, h.start) for h in vocabulary.find(head, ["justerare"])):
        out.append(("protocol", 1.5, "a justerare heading"))
    if any(h.phrase.meaning == "posted" for h in vocabulary.find(text, ["label"])):
        out.append(("protocol", 2.0, "the protocol's posting box"))
    if _MEETING_PAGE.search(text):
        # its agenda, or (going on to its paragraphs) the protocol of the meeting
        kind = "protocol" if _PARAGRAPH_LINE.search(text) else "agenda"
        out.append((kind, 3.0, "a meeting's page"))
    if _listed(lines):
        out.append(("agenda", 2.0, "a numbered list of item titles"))
        if len({m.lastgroup for line in lines if (m := _OPENING.match(line))}) >= 2:
            out.append(("agenda", 1.5, "a meeting's opening items listed"))
    elif _RUN_ON_LIST.search(head):
        out.append(("agenda", 1.5, "numbered item titles run on"))
    if _LETTERHEAD_REPORT.search(text, 0, _HEAD_CHARS):
        out.append(("staff-report", 2.0, "BESLUTSUNDERLAG"))
    if any(_ADDRESSEE.match(line) and not _ITEM_TITLE_START.match(line) for line in lines[:12]):
        out.append(("staff-report", 1.5, "an addressee"))
    return out


_OPENING = re.compile(
    r"(?i)[ \t]*\d{1,2}[.)]?[ \t]+(?:"
    r"(?P<opening>(?:sammanträdets|mötets)\s+öppnande|öppnande\s+av\s+(?:sammanträdet|mötet))"
    r"|(?P<roll>upprop)|(?P<justering>val\s+av\s+(?:protokoll)?justera|protokollets\s+justering"
    r"|justering\s+av\s+protokoll|val\s+av\s+justeringsperson)"
    r"|(?P<agenda>(?:fastställande|godkännande)\s+av\s+(?:dagordning|föredragningslista))"
    r"|(?P<public>allmänhetens\s+frågestund)|(?P<jav>anmälan\s+(?:om|av)\s+jäv))"
)
"""The items that open a meeting, at the start of a numbered line ("2 Sammanträdets
öppnande", "3. Fastställande av dagordning"): a meeting's agenda lists them."""
_LETTERHEAD_REPORT = re.compile(r"\bBESLUTSUNDERLAG\b")
"""A decision's basis named in the letterhead, in capitals: a staff report."""
_RUN_ON_LIST = re.compile(
    r"(?<![\w.,/-])1[.)]?\s+[A-ZÅÄÖ][^\n.!?]{2,80}?\s2[.)]?\s+[A-ZÅÄÖ][^\n.!?]{2,80}?"
    r"\s3[.)]?\s+[A-ZÅÄÖ]"
)
"""Items 1, 2 and 3 run on in one line, each a title ("… 1 Val av justerare 2 Delegationsbeslut
3 Bygglov …")."""


_NUMBER_ONLY = re.compile(rf"[ \t]*{NUMBER_MARKS}(?P<n>\d{{1,3}})[.)]?[ \t]*")
"""A line that is only an item's number, its title on the next line (a web page's list:
"1.", "• 12.", or "1. 4." where a section's own count stands before the item's)."""


def _entry_lines(lines: list[str]) -> Iterator[str]:
    """The lines, with a number alone on its line joined to the title on the next."""
    number: str | None = None
    for line in lines:
        if not line.strip():
            continue
        if number is not None:
            yield f"{number} {line.strip()}"
            number = None
            continue
        m = _NUMBER_ONLY.fullmatch(line)
        if m:
            number = m["n"]
        else:
            yield line


def _listed(lines: list[str]) -> bool:
    """Whether lines list items by number, each a title (no sentence): 1 and 2, or
    three numbers in a row from any (a fragment's list)."""
    run: list[int] = []
    for line in _entry_lines(lines):
        m = _ENTRY.fullmatch(line.strip())
        if m is None or line.rstrip().endswith("."):
            continue
        number = int(m["n"])
        run = [*run, number] if run and number == run[-1] + 1 else [number]
        if len(run) >= 3 or run[:2] == [1, 2]:
            return True
    return False


def detect_kind(document: SourceDocument) -> str | None:
    """The kind of importer for ``document``, or ``None``."""
    return evidence(document).best
