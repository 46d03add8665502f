"""Stacked headings: a cover whose attendance headings all stand first, the entries after.

A PDF cover with a label column and a value column, flattened by a transcript,
gives "Beslutande Övriga deltagande Utses att justera Anna Ek (S), ordförande …
Per Holm, förvaltningschef … Anna Ek (S)": several headings with nothing under
them, then one run holding every entry. The run follows the headings' order, but
where one list ends is not written; each entry's own shape tells it:

- an ersättare "för" someone, or marked tjänstgörande, serves;
- an entry with a party (or a municipality) and no occupation is a decision-maker,
  unless it is marked "ersättare" (present, not serving);
- an entry with an occupation ("förvaltningschef", "sekreterare") and no party is
  one of the others;
- under a justerare heading, the names at the end of the run that were already
  named are the justerare.
"""

from __future__ import annotations

import re
from collections import Counter

import attrs

from grmodel.model import Role
from grmodel.refdata import ReferenceData
from grmodel_gr_documents.bodies import BODY_WORD
from grmodel_gr_documents.entries import ParsedEntry, parse_run
from grmodel_gr_documents.segments import TextSegment
from grmodel_gr_documents.vocabulary import load_vocabulary

__all__ = ["Stack", "find_stacks", "pointer", "split_stack"]

_STACKED_CUES = ("attendance", "justerare")


@attrs.frozen
class Stack:
    """Headings with nothing under them, and the segment whose value holds the run."""

    headings: tuple[TextSegment, ...]
    """The headings in order (the carrier's own heading last)."""
    carrier: TextSegment
    """The last heading, whose value is the run of every entry."""


_DECIDING = ("present", "members", "present-top")


def find_stacks(front: list[TextSegment]) -> list[Stack]:
    """Every run of two or more attendance or justerare headings in a row (header
    labels with their values between them), all but the last empty, where an empty
    one heads the decision-makers (a heading of others followed by its sub-heading,
    "Övriga närvarande Ej tjänstgörande ersättare", is no stack), and the run goes
    on in the last heading's line, or the headings stand one per line (a label column
    over its values); headings side by side over columns are read as columns.

    The justering's label after a justerare heading closes the row too, its value
    the run ("Övriga närvarande Utses att justera Justeringens plats och tid Eva Ek,
    kommundirektör …"): there the run's last entries already named are the
    justerare, whether or not a decision-makers' heading is in the row."""
    stacks: list[Stack] = []
    pending: list[TextSegment] = []
    for seg in front:
        if seg.cue in ("label", "closing") and pending and _closes_row(seg, pending):
            stacks.append(Stack((*pending, seg), seg))
            pending = []
            continue
        if seg.cue == "label" and pending:
            continue  # a header label's value between the columns ("Plats och tid …")
        if seg.cue not in _STACKED_CUES:
            pending = []
            continue
        if not seg.value.strip():
            pending.append(seg)
            continue
        runs_on = bool(seg.value.split("\n", 1)[0].strip())  # not a column heading
        column = all("\n" in h.value for h in pending) and not runs_on  # one per line
        if (runs_on or column) and any(
            h.cue == "attendance" and h.meaning in _DECIDING for h in pending
        ):
            stacks.append(Stack((*pending, seg), seg))
        pending = []
    return stacks


def _kind(entry: ParsedEntry) -> str:
    """What an entry's shape says it is: ``serving``, ``substitute``, ``member`` or
    ``other``."""
    title = (entry.title or "").casefold()
    if entry.serving or entry.replaces:
        return "serving"
    if entry.role is Role.ERSATTARE or title.startswith("ersättare"):
        return "substitute"
    if (entry.party or entry.municipality or _UNAFFILIATED.search(entry.organisation or "")) and (
        not title or BODY_WORD.search(title)  # a body for a title: "(MP), gymnasienämnden"
    ):
        return "member"
    if entry.role in (Role.ORDFORANDE, Role.VICE_ORDFORANDE):
        return "member"
    return "other"


_UNAFFILIATED = re.compile(
    r"(?i)^(?:oberoende|partilös|politisk\s+vilde)\b|\b(?:tidigare|f\.\s?d\.)\s+[A-ZÅÄÖ]{1,3}\b"
)
"""A politician's note in place of a party ("(oberoende, tidigare KD)")."""

_WANTS: dict[str, tuple[str, ...]] = {
    "serving": ("serving", "present", "members", "present-top", "table"),
    "member": ("present", "members", "present-top", "table", "serving"),
    "other": ("others", "secretary", "adjungerade"),
}


def _closes_row(label: TextSegment, pending: list[TextSegment]) -> bool:
    """Whether the justering's label, right after a justerare heading, or the
    signatures' label after them ("Utses att justera Justeringens plats och tid
    Underskrifter …"), carries the row's run in its value (attendance headings
    before it)."""
    if not (
        any(h.cue == "attendance" for h in pending)
        and any(h.cue == "justerare" for h in pending)
        and label.value.split("\n", 1)[0].strip()
    ):
        return False
    if label.cue == "closing":
        return label.meaning == "justeras"
    return label.meaning == "justering-time" and pending[-1].cue == "justerare"


def meaning_for(entry: ParsedEntry, headings: tuple[TextSegment, ...]) -> str:
    """The meaning (as of a vocabulary heading) an entry of a stack is read with: that
    of the heading its shape names, else of the first attendance heading; an
    ersättare present but not serving is one whatever the headings."""
    kind = _kind(entry)
    if kind == "substitute":
        return "other-subs"
    attendance = [h for h in headings if h.cue == "attendance"]
    for meaning in _WANTS[kind]:
        if any(h.meaning == meaning for h in attendance):
            return meaning
    return attendance[0].meaning


def justerare_of(entries: list[ParsedEntry], named: frozenset[str]) -> list[ParsedEntry]:
    """The entries at the end of a run that repeat a name named before them, in the
    run or in ``named`` (the decision-makers listed before the stack)."""
    counts = Counter(e.name for e in entries)
    out: list[ParsedEntry] = []
    for entry in reversed(entries[1:]):
        if counts[entry.name] < 2 and entry.name not in named:
            break
        counts[entry.name] -= 1
        out.append(entry)
    return out[::-1]


def split_stack(
    stack: Stack, refdata: ReferenceData, named: frozenset[str] = frozenset()
) -> tuple[list[tuple[str, ParsedEntry]], list[ParsedEntry]]:
    """Each entry of the run with the meaning it is read with; and the justerare
    (``named``: the names of the decision-makers listed before the stack)."""
    entries, _ = parse_run(stack.carrier.value, refdata)
    has_justerare = any(h.cue == "justerare" for h in stack.headings)
    repeated = justerare_of(entries, named) if has_justerare else []
    # "Se bifogad närvarolista" first: the decision-makers are listed elsewhere, and
    # those here with a party are others (revisorer, a presidium invited)
    elsewhere = pointer(stack.carrier.value) is not None
    placed = [
        (
            "others"
            if elsewhere and _kind(entry) in _VOTERS
            else meaning_for(entry, stack.headings),
            entry,
        )
        for entry in entries[: len(entries) - len(repeated)]
    ]
    return placed, repeated


_VOTERS = ("member", "serving")
"""The shapes of an entry that make it a decision-maker (:func:`_kind`)."""


def pointer(value: str) -> str | None:
    """A pointer at the start of a heading's value ("Se förteckning bilaga 1")."""
    hits = load_vocabulary().find(value, ["elsewhere"])
    if not hits or value[: hits[0].start].strip():
        return None
    m = _POINTER_TAIL.match(value, hits[0].end)
    return value[hits[0].start : m.end() if m else hits[0].end].strip()


_POINTER_TAIL = re.compile(r"(?i)(?:\s+bilaga)?(?:\s+\d{1,3}\b)?")
"""What may follow a pointer phrase: "bilaga", the attachment's number."""
