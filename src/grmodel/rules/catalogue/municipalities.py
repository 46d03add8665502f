"""MUN: municipalities — Municipality records and references by name or code."""

from __future__ import annotations

from collections.abc import Iterator

from grmodel.model import (
    Attendance,
    AttendanceStatus,
    Municipality,
    Record,
    RefdataReference,
    iter_refdata_refs,
)
from grmodel.refdata import ReferenceData, normalise_name
from grmodel.rules.base import Issue, Rule, RuleContext, Severity
from grmodel.rules.support import resolve_municipality

__all__ = ["RULES"]


def _record(record: Municipality, ctx: RuleContext) -> Iterator[Issue]:
    known = ctx.refdata.municipality(record.code)
    if known is None or known.code != record.code:
        suggestions = ctx.refdata.suggest_municipality(record.name)
        by_name = ctx.refdata.municipality(record.name)
        extra = f"; {record.name} is {by_name.code}" if by_name is not None else ""
        if not extra and suggestions:
            extra = f"; did you mean {' or '.join(suggestions)}?"
        yield Issue(
            message=f"kommunkod {record.code} is not a known municipality{extra}",
            path=("code",),
        )
        return
    if normalise_name(record.name) != normalise_name(known.name):
        yield Issue(
            message=f"kommunkod {record.code} is {known.name}, not {record.name!r}",
            path=("name",),
            hint=f"Write the name {known.name!r} (or correct the code).",
        )
    if record.county != known.county:
        yield Issue(
            message=f"{known.name} ({record.code}) is in county {known.county}, "
            f"not {record.county}",
            path=("county",),
        )
    elif not record.code.startswith(record.county):
        yield Issue(
            message=f"kommunkod {record.code} does not start with its county code {record.county}",
            path=("code",),
        )


_NOT_REPRESENTING = (AttendanceStatus.OTHER, AttendanceStatus.SECRETARY)
"""Officials and guests at a meeting: the municipality written with them is where they
work, not one they represent, and is not checked."""


def _named(record: Record) -> Iterator[RefdataReference]:
    """The municipalities a record names, from the model's ``refdata_ref`` declarations
    (a plugin's record type included)."""
    for found in iter_refdata_refs(record):
        if found.kind != "municipality":
            continue
        if isinstance(found.node, Attendance) and found.node.status in _NOT_REPRESENTING:
            continue
        yield found


def _unknown(refdata: ReferenceData, text: str) -> str | None:
    """A message when ``text`` names no municipality, else ``None``."""
    if resolve_municipality(refdata, text) is not None:
        return None
    suggestions = refdata.suggest_municipality(text)
    guess = f"; did you mean {' or '.join(suggestions)}?" if suggestions else ""
    return f"{text!r} is not a known municipality{guess}"


def _references(record: Record, ctx: RuleContext) -> Iterator[Issue]:
    for found in _named(record):
        if found.loose:  # may name another organisation: only near misses
            if resolve_municipality(ctx.refdata, found.text) is None:
                suggestions = ctx.refdata.suggest_municipality(found.text)
                if suggestions:
                    yield Issue(
                        message=f"{found.text!r} is not a known municipality; did you mean "
                        f"{' or '.join(suggestions)}?",
                        path=found.path,
                    )
            continue
        message = _unknown(ctx.refdata, found.text)
        if message is not None:
            yield Issue(message=message, path=found.path, node=found.node)


RULES: list[Rule] = [
    Rule(
        code="MUN001",
        name="municipality-record",
        severity=Severity.ERROR,
        summary="A Municipality record's code, name or county disagrees with SCB's list.",
        rationale="A kommunkod is the two-digit county code plus two digits, and names one "
        "municipality (SCB, 'Län och kommuner'): Kungsbacka 1384 is in Hallands län (13), "
        "the other GR members in Västra Götalands län (14). A record that disagrees has a "
        "typo in one of the three.",
        hint="Correct the code, name or county against the reference data "
        "(grmodel refdata municipalities).",
        applies_to=("municipality",),
        check=_record,
        example='type: municipality\nid: kommun-1415\ncode: "1415"\nname: Stenungssund\n'
        'county: "14"\n',
    ),
    Rule(
        code="MUN002",
        name="unknown-municipality",
        severity=Severity.WARNING,
        summary="A municipality named by name or code is not known.",
        rationale="Attendance, reservations, memberships, a body's members, municipality and "
        "seat allocations name municipalities by kommunkod or name — every field the model "
        "declares as naming one, a plugin's record types included; an unknown one is usually "
        "a misspelling seen in real text ('Stenungssund', 'Gäteborg'). Participants of "
        "projects and collaborations and the parties of agreements may be other "
        "organisations too, so there only near misses of a municipality's name are reported.",
        hint="Use the name or kommunkod from the reference data.",
        check=_references,
        example="type: membership\nid: sg-alexandra-odelsheim\nperson: alexandra-odelsheim\n"
        "body: gr-styrgruppen-social-valfard\nrole: ledamot\nmunicipality: Stenungssund\n",
    ),
]
