"""Kind detection from evidence across the whole document.

Each kind collects points from what the text shows, wherever it stands: the
vocabulary's kind words (in the title, or the site's title of the document,
they count most), and each kind's structure: attendance headings, justerare
and "Vid protokollet" for a protocol; "föreslås besluta"/"föreslås välja" and an
addressee for a staff report; bracketed item kinds, "(bilaga)" and a day's
programme for an agenda. Site chrome and page numbers are dropped first, so a
leading "1 " or "Academic year: 2021" changes nothing.
"""

from __future__ import annotations

import re

import attrs

from grmodel.importing.base import SourceDocument
from grmodel_gr_documents.building import tracker_for
from grmodel_gr_documents.patterns import fold, quick_search
from grmodel_gr_documents.vocabulary import load_vocabulary

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
                r"(?i)(?=[uj])(?:\butses\s+att\s+justera|\bjustera\s+(?:dagens\s+)?protokollet|\bjusteringsman\b|\bjusteringsperson)"
            ),
            2.0,
        ),
        (
            re.compile(
                r"(?i)(?=[vj\s])(?:\bvid\s+protokollet\b|^\s*justeras\b|\bjusterandes\s+sign)"
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
        (re.compile(r"(?m)^\s*§\s*\d{1,4}.*\n(?:.*\n)*?\s*§\s*\d{1,4}"), 2.0),
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
        (re.compile(r"(?i)(?=[\sd])(?:^|\s)(?:dnr|diarienummer)[:.]?\s"), 1.0),
        (re.compile(r"(?i)(?=f)\bförslag\s+till\s+beslut\b"), 1.0),
        (
            re.compile(
                rf"(?i)\A{_HEAD}(?:\bhandläggare\s*:|\bärendebeskrivning\b|\bbeslutsunderlag\b"
                r"|\bförvaltningens\s+förslag\b|\bsammanfattning\b)"
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
        (
            re.compile(
                rf"(?i)\A{_HEAD}(?:\bföredragande\b|\bärendelista\b|\bsammanträdet\s+öppnas\b"
                r"|\banmälningsärenden\b|\bupprop\b|\bkallelse\s+till\b"
                r"|\bgodkännande\s+av\s+(?:föredragningslista|dagordning))"
            ),
            1.0,
        ),
    ),
}
_ADDRESSEE = re.compile(
    r"(?i)^(?:.{0,80}\s)?till\s+(?:förbundsstyrelsen|styrgruppen|kommunstyrelsen|[\wåäö]+nämnden)\b"
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
    scores: dict[str, float] = {}
    structure: dict[str, float] = {}
    seen: list[str] = []
    vocabulary = load_vocabulary()
    for rank, hit in enumerate(vocabulary.find(title, ["kind"])):
        scores[hit.phrase.meaning] = scores.get(hit.phrase.meaning, 0.0) + (
            4.0 if rank == 0 else 2.0
        )
        seen.append(title[hit.start : hit.end].strip())
    for hit in vocabulary.find(text, ["kind"])[:6]:
        scores[hit.phrase.meaning] = scores.get(hit.phrase.meaning, 0.0) + 0.5
    meanings = {h.phrase.meaning for h in vocabulary.find(text[:6000], ["attendance"])}
    if len(meanings) >= 2:
        structure["protocol"] = structure.get("protocol", 0.0) + 3.0
        seen.append("attendance headings")
    folded = fold(text)
    for kind, patterns in _STRUCTURE.items():
        for pattern, points in patterns:
            m = quick_search(pattern, text, folded)
            if m:
                structure[kind] = structure.get(kind, 0.0) + points
                seen.append(m[0].strip()[:40])
    if any(_ADDRESSEE.match(line) for line in lines[:12]):
        structure["staff-report"] = structure.get("staff-report", 0.0) + 1.5
    # a kind word alone (a title in a list of links) is no evidence without the kind's
    # structure; notes and invitations have none of their own
    total = {
        kind: scores.get(kind, 0.0) + structure.get(kind, 0.0)
        for kind in {*scores, *structure}
        if structure.get(kind, 0.0) > 0 or kind in ("notes", "invitation")
    }
    return Evidence({k: v for k, v in total.items() if v}, tuple(dict.fromkeys(seen)))


def detect_kind(document: SourceDocument) -> str | None:
    """The kind of importer for ``document``, or ``None``."""
    return evidence(document).best
