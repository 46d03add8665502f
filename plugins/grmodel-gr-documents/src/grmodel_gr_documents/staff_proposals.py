"""A staff report's proposed clauses, read line by line: "… föreslås besluta att …"
inline, or a "Förslag till beslut" / "Beslutsförslag" heading or a proposer's lead
("Förbundsstyrelsen föreslås besluta") over its ``att`` lines (a run-on report's are
:func:`~grmodel_gr_documents.staff_run_on.run_on_proposal`'s)."""

from __future__ import annotations

import re

import attrs

from grmodel_gr_documents.building import Builder
from grmodel_gr_documents.decisions import clause_text, sentences, strip_separator

__all__ = ["Proposal", "proposals"]

_PROPOSE = re.compile(
    r"(?i)föreslås\s+(?:besluta|bifalla\s+förslag(?:et)?\s+till\s+beslut|bifalla)\s*(?::\s*)?att\s+(?P<c>.+)$"
)
_LEAD = re.compile(
    r"(?i)^(?:(?:förslag\s+till\s+beslut|beslutsförslag)\s*:?\s*)?"
    r"(?P<who>(?:[\wåäöÅÄÖ-]+\s+){0,4}?)(?:föreslås|föreslår\s+(?:[\wåäöÅÄÖ-]+\s+){0,3}?(?:att\s+)?)\s*"
    r"(?:besluta|bifalla(?:\s+förslag(?:et)?\s+till\s+beslut)?)\s*:?\s*(?:att\s+(?P<c>.+))?$"
)
_POINT = re.compile(r"^\d{1,2}[.)]\s+(?P<c>\S.*)$")
"""A numbered decision point under a proposal's lead."""
_PROPOSAL_HEADING = re.compile(r"(?i)^(?:förslag\s+till\s+beslut|beslutsförslag)\s*:?\s*(?P<c>.*)$")


def _clauses(text: str) -> list[str]:
    text = re.sub(r"\s+\d{1,3}\s*$", "", text.strip())
    parts = re.split(r"(?i)(?:[,;]|\s(?:samt|och))\s+att\s+(?=[a-zåäö])", text)
    # a clause ends at its sentence's end (a run-on report's signature follows it)
    firsts = [sentences(p)[0] if sentences(p) else p for p in parts]
    return [strip_separator(p) for p in firsts if strip_separator(p)]


@attrs.frozen
class Proposal:
    """What a staff report proposes, and who is to decide it."""

    clauses: list[str]
    proposer: str | None
    """The subject of the first lead ("Kommunstyrelsen" in "Kommunstyrelsen föreslår
    kommunfullmäktige besluta"), the body the report goes to."""


def proposals(b: Builder, content: list[int]) -> Proposal:
    """The proposed clauses: "… föreslås besluta att …" inline, or a "Förslag till
    beslut" / "Beslutsförslag" heading or a lead ("Förbundsstyrelsen föreslås
    besluta") followed by ``att`` lines or numbered points; a wrapped clause continues
    on the next line."""
    t = b.tracker
    proposed: list[str] = []
    proposer: str | None = None
    collecting = False
    for n in content:
        line = t.text(n)
        lead = _LEAD.match(line)
        if lead and proposer is None and lead["who"].strip():
            proposer = lead["who"].strip()
        heading = _PROPOSAL_HEADING.match(line)
        found = lead or _PROPOSE.search(line)
        if found:
            rest = found["c"]
            if rest:
                proposed.extend(_clauses(rest))
            t.place(n)
            collecting = True
            continue
        if heading:
            t.place(n)
            collecting = True
            if heading["c"]:
                clause = clause_text(heading["c"])
                if clause:
                    proposed.append(clause)
            continue
        if not collecting:
            continue
        point = _POINT.match(line)  # "1. Motionen avslås."
        if point:
            clause = strip_separator(point["c"])
        else:
            clause = clause_text(line) if re.match(r"(?i)^(?:att\s|[-–•*])", line) else None
        if clause:
            proposed.append(clause)
            t.place(n)
        elif proposed and re.match(r"[a-zåäö]", line) and not proposed[-1].endswith("."):
            proposed[-1] = strip_separator(f"{proposed[-1]} {line}")
            t.place(n)
        else:
            collecting = False
    return Proposal(proposed, proposer)
