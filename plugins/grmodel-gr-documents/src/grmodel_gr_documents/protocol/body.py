"""An item's body: its text, decisions with their clauses, basis documents, votes,
reservations, presenters and announced meetings."""

from __future__ import annotations

import re
from collections.abc import Callable

import attrs

from grmodel.ids import decision_id
from grmodel.model import Decision, Reservation, Span, Vote
from grmodel_gr_documents.building import Builder
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
from grmodel_gr_documents.lines import Paragraph
from grmodel_gr_documents.protocol.units import BASIS, BESLUT

__all__ = ["Body", "ItemReader"]

_PRESENTS = re.compile(
    r"(?i)^(?P<who>.+?)\s+(?:informerar|informerade|presenterar|presenterade|föredrar|föredrog|"
    r"redogör|redogjorde|redovisar|redovisade|ger\s+information|gav\s+information|summerar|"
    r"berättar|rapporterar|rapporterade|visar)\b"
)
_SENTENCE_START = re.compile(r"(?<=[a-zåäö0-9)][.!?])\s+(?=[A-ZÅÄÖ])")
_BODY_DECIDES = re.compile(r"(?:[A-ZÅÄÖ][\wåäö-]+\s+){1,3}(?:beslutar|beslöt|beslutade)\s+att\s")
"""A body's decision ("Kommunfullmäktige beslutar att …", "Nämnden beslöt att …")."""
_NUMBERED_POINT = re.compile(r"^\d{1,2}[.)]\s+(?P<clause>\S.*)$")
"""A numbered decision point ("1. Sammanträdesplan 2011 … fastställs.")."""


@attrs.define
class _Draft:
    kind: Classified
    text: str
    clauses: list[str]
    lines: list[int]
    res: list[Reservation]


@attrs.define
class Body:
    """What an item's body holds."""

    texts: list[str] = attrs.field(factory=list)
    decisions: list[Decision] = attrs.field(factory=list)
    basis: list[str] = attrs.field(factory=list)
    presenters: list[str] = attrs.field(factory=list)


class ItemReader:
    """Reads the units of one item's body.

    :param names_in: person ids of the names in a text (made on first sight).
    :param reservations_of: the reservations a text states.
    :param justerare: called with a sentence naming justerare and its line.
    :param schedule: called with a unit that may announce meetings; True when it did.
    """

    def __init__(
        self,
        b: Builder,
        item_id: str,
        *,
        names_in: Callable[[str, int], list[str]],
        reservations_of: Callable[[str, tuple[int, ...]], list[Reservation]],
        justerare: Callable[[str, int], object],
        schedule: Callable[[str, tuple[int, ...]], bool] | None = None,
    ):
        self.b = b
        self.item_id = item_id
        self.names_in = names_in
        self.reservations_of = reservations_of
        self.justerare = justerare
        self.schedule = schedule
        self.body = Body()
        self.drafts: list[_Draft] = []
        self.votes: list[tuple[int, Vote]] = []
        self.pending: list[Reservation] = []
        self.immediate = False
        self.mode = "text"
        self.lead: _Draft | None = None

    def read(self, units: list[Paragraph]) -> Body:
        """Read every unit; the body."""
        for unit in units:
            self.b.tracker.place_all(unit.lines)
            self.unit(unit)
        self.body.decisions = self.built()
        return self.body

    # -- one unit ---------------------------------------------------------------------

    def unit(self, unit: Paragraph) -> None:
        text = unit.text
        if IMMEDIATE.search(text):
            self.immediate = True
        heading = BESLUT.match(text)
        if heading:
            self.mode, self.lead = "decision", None
            rest = heading["rest"] or heading["run_on"]
            if not rest:
                return
            text = rest
        if self.basis(text, unit):
            return
        for sentence in sentences(text):
            if justerare_names(sentence):
                self.justerare(sentence, unit.lines[0])
        if self.vote(text, unit):
            return
        self.decision_or_text(text, unit)

    def basis(self, text: str, unit: Paragraph) -> bool:
        heading = BASIS.match(text)
        if heading:
            self.mode, self.lead = "basis", None
            if heading["rest"]:
                self.add_basis(heading["rest"], unit.lines[0])
            return True
        if self.mode != "basis":
            return False
        docs = [self.b.basis_document(s, unit.lines[0], self.meeting) for s in text.split(";")]
        if any(docs):
            self.body.basis.extend(d for d in docs if d)
            return True
        self.mode = "text"
        return False

    @property
    def meeting(self) -> str:
        return self.item_id.rsplit("-p", 1)[0] if "-p" in self.item_id else self.item_id

    def add_basis(self, text: str, line: int) -> None:
        doc = self.b.basis_document(text, line, self.meeting)
        if doc:
            self.body.basis.append(doc)

    def vote(self, text: str, unit: Paragraph) -> bool:
        """A vote; True when the unit is only that."""
        vote = parse_vote(text)
        if vote is None:
            return False
        for name, _ in roll_call(text):
            self.b.person(name, unit.lines[0])
        self.votes.append((len(self.drafts), vote))
        return not STRONG_DECISION.match(text)

    def decision_or_text(self, text: str, unit: Paragraph) -> None:
        inner = self.inner_decision(text)
        if inner is not None:  # "Förhinder har anmälts … Kommunfullmäktige beslutar att …"
            self.body.texts.append(text[:inner].strip())
            text = text[inner:]
        found = self.reservations_of(text, unit.lines)
        own = [r.sentence for r in reservations(text)]
        decision_text = " ".join(s for s in sentences(text) if s not in own)
        clause = clause_text(text) or self.numbered_point(text)
        if self.lead is None and clause is not None and text.startswith("att "):
            # an att-clause with no lead before it: the lead ("… beslutar") was lost
            self.lead = self.start_draft(clause, unit, found)
            self.lead.clauses.append(clause)
            return
        if self.lead is not None and clause is not None:
            self.lead.clauses.append(clause)
            self.lead.lines.extend(unit.lines)
            self.lead.res.extend(found)
            return
        self.lead = None
        if found and not decision_text:
            self.attach(found)
            self.body.texts.append(text)
            return
        if self.mode == "decision" and _is_heading(text):
            self.mode = "text"
        schedule = self.schedule is not None
        if (self.mode == "decision" or STRONG_DECISION.match(text)) and not (
            schedule and self.mode == "text"
        ):
            self.new_decision(decision_text or text, unit, found)
            return
        if self.schedule is not None and self.schedule(text, unit.lines):
            return
        self.presenter(text, unit)
        self.attach(found)
        self.body.texts.append(text)

    def inner_decision(self, text: str) -> int | None:
        """Where a body's decision sentence starts inside a paragraph of text (a
        roll-call paragraph that ends "Kommunfullmäktige beslutar att godkänna
        anmälda förhinder."), when the paragraph does not start with one."""
        if self.mode == "decision" or STRONG_DECISION.match(text):
            return None
        for m in _SENTENCE_START.finditer(text):
            if _BODY_DECIDES.match(text, m.end()):
                return m.end()
        return None

    def numbered_point(self, text: str) -> str | None:
        """A numbered decision point under a decision heading is a clause."""
        m = _NUMBERED_POINT.match(text)
        if m is None or self.mode != "decision":
            return None
        return m["clause"].strip().rstrip(".")

    def start_draft(self, text: str, unit: Paragraph, found: list[Reservation]) -> _Draft:
        """A new decision stating ``text``, with the reservations waiting for one."""
        draft = _Draft(
            classify(text, self.b.bodies), text, [], list(unit.lines), list(self.pending)
        )
        self.pending.clear()
        self.drafts.append(draft)
        draft.res.extend(found)
        return draft

    def new_decision(self, text: str, unit: Paragraph, found: list[Reservation]) -> None:
        point = self.numbered_point(text)
        draft = self.start_draft(text, unit, found)
        if point is not None:
            draft.clauses.append(point)
            self.lead = draft
        elif is_lead_only(text):
            self.lead = draft
        else:
            inline = inline_clause(text)
            if inline:
                draft.clauses.append(inline)

    def attach(self, found: list[Reservation]) -> None:
        if not found:
            return
        if self.drafts:
            self.drafts[-1].res.extend(found)
        else:
            self.pending.extend(found)

    def presenter(self, text: str, unit: Paragraph) -> None:
        m = _PRESENTS.match(text)
        if m is None:
            return
        known = set(self.b.persons)
        who = re.sub(r"(?i)\s+(?:från|vid|på|i)\s+.*$", "", m["who"])
        for pid in self.names_in(who, unit.lines[0]):
            if pid in known and pid not in self.body.presenters:
                self.body.presenters.append(pid)

    # -- the decisions ----------------------------------------------------------------

    def built(self) -> list[Decision]:
        out: list[Decision] = []
        for index, d in enumerate(self.drafts):
            vote = next((v for at, v in self.votes if at == index + 1), None)
            out.append(
                Decision(
                    id=decision_id(self.item_id, index + 1),
                    kind=d.kind.kind,
                    text=d.text,
                    clauses=tuple(d.clauses),
                    target_body=d.kind.target_body,
                    assignee=d.kind.assignee,
                    reservations=tuple(d.res),
                    votes=vote,
                    immediate_justering=self.immediate,
                    source=Span(
                        min(d.lines), max(d.lines) if max(d.lines) != min(d.lines) else None
                    ),
                )
            )
        leftover = [v for at, v in self.votes if at == 0 or at > len(self.drafts)]
        if leftover and out:
            target = 0 if all(at == 0 for at, _ in self.votes) else len(out) - 1
            if out[target].votes is None:
                out[target] = attrs.evolve(out[target], votes=leftover[0])
        return out


def _is_heading(text: str) -> bool:
    return (
        len(text) <= 90
        and not re.search(r"[.:;!?]$", text)
        and not STRONG_DECISION.match(text)
        and not is_lead_only(text)
        and _NUMBERED_POINT.match(text) is None
    )
