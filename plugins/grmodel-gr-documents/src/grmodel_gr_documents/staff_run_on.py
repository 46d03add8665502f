"""A run-on staff report's title and proposal, where a transcript ran its header,
title and proposal into one paragraph.

The title is the first phrase of three words or more (else the longest) of the
header that no header element claims: the kind word, labels and their dates,
diarienummer, page counts, a body's name, the addressee ("Till Göteborgs
kommunfullmäktige") and a person's name; a phrase loses the office or body that
heads it ("Socialnämnden Delårsbokslut …"), is cut where its text starts (a
subject and its verb) and must read as a title (no finite verb, no sentence).

The proposal follows its lead wherever the lead stands ("Beredningen föreslår
kommunstyrelsen besluta följande 1. … 2. …", "… föreslår att kommunfullmäktige
beslutar: 1. …", "Förslag till beslut Socialnämnden beslutar godkänna …"):
numbered points, att-clauses, or one clause to its sentence's end.
"""

from __future__ import annotations

import re

from grmodel_gr_documents.bodies import BODY_NOUN, BodyNames
from grmodel_gr_documents.decisions import sentences, strip_separator
from grmodel_gr_documents.names import is_person_name
from grmodel_gr_documents.titles import item_heading
from grmodel_gr_documents.vocabulary import finite_verb

__all__ = ["PROPOSER_POINTS", "run_on_proposal", "run_on_title"]

PROPOSER_POINTS = (
    r"\b[A-ZÅÄÖ][\wåäö-]*(?:ens|ets|s)\s+förslag(?:\s+till\s+beslut)?\s*:?\s*(?=1[.)]\s)"
)
"""A proposer's "förslag" before its first numbered point ("Ordförandens förslag 1.
…", a beslutsunderlag's proposal), as regex source."""

_ELEMENT = re.compile(
    r"(?i)\b(?:tjänsteskrivelse|tjänsteutlåtande|styrelseärende|styrgruppsärende|missiv)\b"
    r"|\bhandling\s+\d{4}\s+nr\s+\d+"
    r"|\bbilaga\s+[\d:]+(?:\s+till\s+[\wåäö]+\s+protokoll)?"
    r"|\b(?:handläggare|telefon|datum|vår\s+beteckning|vår\s+referens|er\s+beteckning|"
    r"diarienummer|diarienr|dnr|uppdnr|uppdragsnummer|ärende|kopia\s+till|mottagare|från)\b\.?:?"
    r"|\(\s*(?:dnr[^)]*)\)|\b\d{1,3}\s*\(\s*\d{1,3}\s*\)"
    r"|\b(?:\d{4}-\d{2}-\d{2}|(?:den\s+)?\d{1,2}\s+(?:jan|feb|mar|apr|maj|jun|jul|aug|sep|okt|nov|dec)"
    r"[a-zåäö]*\s+\d{4})\b"
    r"|\b(?:dnr\s*)?[A-ZÅÄÖ]{0,6}[\s/-]?\d{2,4}[/:.-]\d{1,5}(?:[/:.-]\d{1,5})*\b"
    rf"|\btill\s+(?:[\wåäö]+s\s+)?[\wåäö-]*(?:{BODY_NOUN}|gruppen)\b",
)
"""What a report's header holds besides its title."""
_TITLE_LONGEST = 200


def run_on_title(head: str, bodies: BodyNames, *, last: bool = False) -> str | None:
    """The longest phrase of ``head`` that no header element claims and that reads as
    a title (with ``last``, the last such phrase: the title right before a proposal
    that ends the head); ``None`` when there is none."""
    cuts = [(m.start(), m.end()) for m in _ELEMENT.finditer(head)]
    cuts += [(m.start, m.end) for m in bodies.find(head)]
    cuts.sort()
    spans, at = [], 0
    for start, end in cuts:
        if start > at:
            spans.append(head[at:start])
        at = max(at, end)
    spans.append(head[at:])
    titles = [t for t in (_as_title(s) for s in spans) if t]
    if last and titles:
        return titles[-1]
    first = next((t for t in titles if len(t.split()) >= 3), None)
    return first or (max(titles, key=len) if titles else None)


_OFFICE = re.compile(
    rf"^(?:(?:[A-ZÅÄÖ][\wåäö-]*(?:{BODY_NOUN}|kontoret|förvaltningen)"
    r"|[A-ZÅÄÖ][\wåäö-]*s\s+(?:arbetsutskott|presidium))\s+)+(?=[A-ZÅÄÖ])"
)
"""Offices or bodies heading a phrase ("Socialkontoret", "Socialnämnden", a report's
route: "Regionstyrelsens arbetsutskott Regionstyrelsen Regionfullmäktige")."""


def _as_title(span: str) -> str | None:
    text = _OFFICE.sub("", " ".join(span.split()).strip(" ,.;:-–"))
    if not text[:1].isupper():
        return None
    text = item_heading(text, run_on=True)[0].strip(" ,.;:-–")
    words = text.split()
    if len(words) < 2 or len(text) > _TITLE_LONGEST or is_person_name(text):
        return None
    if any(finite_verb(w) for w in words) or re.search(r"[.!?]\s+[A-ZÅÄÖ]", text):
        return None
    return text


_RUN_ON_LEAD = re.compile(
    r"(?i)\bföreslå[rs]?\s+(?:att\s+)?(?:[\wåäö-]+\s+){0,3}?besluta[r]?(?:\s+följande)?\s*:?\s*"
    r"|\bförslag\s+till\s+beslut\s*:?\s*(?:[A-ZÅÄÖ][\wåäö-]*\s+){1,3}beslutar\s+"
    rf"|{PROPOSER_POINTS}"
)
"""A proposal's lead anywhere in a line; a proposer's "förslag" before its first
numbered point ("Ordförandens förslag 1. …")."""
_POINT = re.compile(r"(?:^|\s+)(?=\d{1,2}[.)]\s+\S)")
_ATT = re.compile(r"(?i)(?:[,;]|\s(?:samt|och))\s+att\s+(?=[a-zåäö])")


_VERB_LEAD = re.compile(
    r"(?:[A-ZÅÄÖ][\wåäö-]+\s+){1,2}föreslås\s+(?=(?:välja|utse|godkänna|anta|fastställa|"
    r"bifalla|adjungera|uppdra|ge|överlämna|avslå|tillstyrka|anteckna|notera)\b)"
)
"""A body proposed to do something, the verb starting the clause ("Förbundsstyrelsen
föreslås välja Anna Ek (S), Ale, till …")."""
_CLAUSE_END = re.compile(
    r"(?<=[a-zåäö0-9)])\.(?=\s+[A-ZÅÄÖ]|\s*$)|\s+(?=(?:Sammanfattning|Bakgrund|Ärendet|Beskrivning)\b)"
)


def run_on_proposal(text: str) -> list[str]:
    """The clauses after the first proposal lead in ``text``: its numbered points,
    its att-clauses, or the one clause to its sentence's end; or each "X föreslås
    välja …" with its verb, up to the next such lead or the sentence's end."""
    lead = _RUN_ON_LEAD.search(text)
    verb_leads = list(_VERB_LEAD.finditer(text))
    if verb_leads and (lead is None or verb_leads[0].start() < lead.start()):
        return _verb_clauses(text, verb_leads)
    if lead is None:
        return []
    rest = text[lead.end() :].lstrip()
    if re.match(r"1[.)]\s", rest):
        points = [p for p in _POINT.split(rest) if p.strip()]
        numbered = [re.sub(r"^\d{1,2}[.)]\s+", "", p) for p in points]
        out, want = [], 1
        for point, raw in zip(numbered, points, strict=True):
            if not raw.lstrip().startswith(f"{want}"):
                break
            out.append(_to_sentence_end(point))
            want += 1
        return [c for c in out if c]
    rest = re.sub(r"(?i)^att\s+", "", rest)
    return [c for c in (_to_sentence_end(part) for part in _ATT.split(rest)) if c]


_POINT_END = re.compile(r"\s+(?:-{3,}|—{2,})(?:\s|$)|\s+(?=Vid\s+behandlingen\b)")
"""Where a proposal's last point ends before the text after it: a rule of dashes
("---- Vid behandlingen …"), the record of the report's handling."""


def _to_sentence_end(text: str) -> str:
    end = _POINT_END.search(text)
    text = text[: end.start()] if end else text
    first = sentences(text)[0] if sentences(text) else text
    return strip_separator(first.rstrip(" ."))


def _verb_clauses(text: str, leads: list[re.Match[str]]) -> list[str]:
    """Each verb-first clause after its lead, up to the next lead, a sentence's end or
    a section heading."""
    out = []
    for index, lead in enumerate(leads):
        stop = leads[index + 1].start() if index + 1 < len(leads) else len(text)
        end = _CLAUSE_END.search(text, lead.end(), stop)
        clause = strip_separator(text[lead.end() : end.start() if end else stop].strip(" ."))
        if clause:
            out.append(clause)
    return out
