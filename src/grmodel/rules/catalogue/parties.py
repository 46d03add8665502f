"""PTY: party abbreviations — known, in use at the date, written canonically.

Abbreviations changed over time: FP (Folkpartiet liberalerna) until 2015-11-21,
then L; KDS until 1995, then KD; D (Demokraterna, Göteborg) from 2018. Older
protocols write them in lower case, "(m)", "(fp)". Unknown local parties are
accepted with a finding of low severity.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from grmodel.model import Party, Record, iter_refdata_refs, refdata_date
from grmodel.refdata import ReferenceData
from grmodel.rules.base import Issue, Rule, RuleContext, Severity
from grmodel.rules.support import last_record_memo

__all__ = ["RULES"]

_Path = tuple[str | int, ...]


_PartyText = tuple[str, dt.date | None, _Path, object]


@last_record_memo  # the three rules share one walk of a record
def _party_texts(record: Record) -> tuple[_PartyText, ...]:
    """(party as written, date it was used, path, node) of a record: every field the
    model declares as naming a party (a plugin's record type included), at the
    record's date (:func:`~grmodel.model.refs.refdata_date`) where it is complete."""
    found = [r for r in iter_refdata_refs(record) if r.kind == "party"]
    if not found:
        return ()
    date = refdata_date(record)
    day = date.to_date() if date is not None else None
    return tuple((r.text, day, r.path, r.node) for r in found)


def _key(text: str) -> str:
    return text.strip().strip("()").strip()


def _unknown(record: Record, ctx: RuleContext) -> Iterator[Issue]:
    for text, _day, path, node in _party_texts(record):
        if ctx.refdata.party(text) is None:
            yield Issue(
                message=f"party {text!r} is not in the reference data (a local party?)",
                path=path,
                node=node,
            )


def _validity(party: Party) -> str:
    valid = party.valid
    if valid is None:
        return ""
    if valid.start is not None and valid.end is not None:
        return f"in use {valid.start} to {valid.end}"
    if valid.start is not None:
        return f"in use from {valid.start}"
    return f"in use until {valid.end}"


def _not_in_use(record: Record, ctx: RuleContext) -> Iterator[Issue]:
    for text, day, path, node in _party_texts(record):
        if day is None:
            continue
        party = ctx.refdata.party(text, day)
        if party is None or party.valid is None or party.valid.contains(day):
            continue
        succeeded = f"; succeeded by {party.successor}" if party.successor else ""
        named = f" ({party.abbreviation})" if party.abbreviation != text.strip() else ""
        yield Issue(
            message=f"party {text!r}{named} was not in use on {day}: {_validity(party)}{succeeded}",
            path=path,
            node=node,
        )


def _canonical(refdata: ReferenceData, text: str, day: dt.date | None) -> str | None:
    party = refdata.party(text, day)
    if party is None or party.abbreviation == text.strip():
        return None
    return party.abbreviation


def _alias(record: Record, ctx: RuleContext) -> Iterator[Issue]:
    for text, day, path, node in _party_texts(record):
        canonical = _canonical(ctx.refdata, text, day)
        if canonical is not None:
            yield Issue(
                message=f"party {text!r} is written for {canonical}",
                path=path,
                node=node,
                hint=f"Write {canonical!r} (the canonical abbreviation).",
            )


_EXAMPLE = """\
type: meeting
id: sg-2016-02-04
body: gr-styrgruppen-social-valfard
date: "2016-02-04"
attendance:
  - {{person: kristina-bergman-alme, status: present, party: {party}}}
"""

RULES: list[Rule] = [
    Rule(
        code="PTY001",
        name="unknown-party",
        severity=Severity.INFO,
        summary="A party abbreviation is not in the reference data.",
        rationale="Local parties exist (Vägvalet, Demokraterna in Göteborg) and must be "
        "accepted, so an unknown abbreviation is only noted; it may also be a misreading "
        "(OCR) of a known one.",
        hint="Check the spelling; a genuine local party can be ignored for the file "
        "(per-file-ignores) or contributed to the reference data.",
        check=_unknown,
        example=_EXAMPLE.format(party="Xyz"),
    ),
    Rule(
        code="PTY002",
        name="party-not-in-use",
        severity=Severity.WARNING,
        summary="A party abbreviation was not in use on the date it is used.",
        rationale="Abbreviations changed: FP until 2015-11-21 then L, KDS until 1995 then KD, "
        "D (Demokraterna) only from 2018, VägV 2010–2014. A party written at a date it did "
        "not exist is usually a wrong date or a wrong abbreviation. Memberships are checked "
        "at their start.",
        hint="Use the abbreviation in use at the date (FP before 2015-11-22, L after).",
        check=_not_in_use,
        example=_EXAMPLE.format(party="FP"),
    ),
    Rule(
        code="PTY003",
        name="party-alias",
        severity=Severity.INFO,
        summary="A party is written in a non-canonical form ('(m)', 'fp').",
        rationale="Older protocols write parties in lower case and in parentheses; grmodel "
        "accepts these aliases, but the canonical upper-case abbreviation compares and "
        "exports cleanly.",
        hint="Write the canonical abbreviation.",
        check=_alias,
        example=_EXAMPLE.format(party='"(m)"'),
    ),
]
