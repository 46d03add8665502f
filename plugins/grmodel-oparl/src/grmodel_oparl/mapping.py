"""How grmodel's values map to OParl's: roles, attendance, decision words, which
documents are Files, Location ids, and the exporter's ``-O`` options."""

from __future__ import annotations

import datetime as dt
import hashlib

from grmodel.errors import GrmodelError
from grmodel.exporting.base import ExportOptions
from grmodel.ids import slug
from grmodel.model import (
    AttendanceStatus,
    Body,
    Decision,
    DecisionKind,
    Document,
    DocumentKind,
    Meeting,
    Membership,
    PartialDate,
    Period,
    Person,
    Record,
    Role,
)
from grmodel_oparl.common import stamp
from grmodel_oparl.paging import DEFAULT_PAGE_SIZE

__all__ = [
    "ALSO_PRESENT",
    "FILE_KINDS",
    "MAPPED_TYPES",
    "NON_VOTING_ROLES",
    "PARTICIPANT",
    "RESULT_WORDS",
    "VOTING_ROLES",
    "complete_date",
    "location_id",
    "page_size",
    "period_dates",
    "resolution_text",
    "timestamp",
]

VOTING_ROLES = {Role.ORDFORANDE, Role.VICE_ORDFORANDE, Role.LEDAMOT}
NON_VOTING_ROLES = {
    Role.ERSATTARE,
    Role.SEKRETERARE,
    Role.ADJUNGERAD,
    Role.TJANSTEPERSON,
}
PARTICIPANT = {
    AttendanceStatus.PRESENT,
    AttendanceStatus.SERVING_SUBSTITUTE,
    AttendanceStatus.SUBSTITUTE,
    AttendanceStatus.ADJUNGERAD,
}
"""Attendance statuses that make a person a Meeting ``participant``: the body's own
people present (ledamöter, ersättare, adjungerade). The secretary, officials and
guests present are listed in ``grmodel:alsoPresent``; those absent in ``grmodel:absent``."""
ALSO_PRESENT = {AttendanceStatus.SECRETARY, AttendanceStatus.OTHER}

RESULT_WORDS = {
    DecisionKind.DECIDED: "beslutat",
    DecisionKind.PROPOSAL: "förslag till beslut",
    DecisionKind.ASSIGNMENT: "uppdrag",
    DecisionKind.NOTED: "informationen antecknad",
}

FILE_KINDS = {DocumentKind.PROTOKOLL, DocumentKind.DAGORDNING}
"""Document kinds exported as Files of their meeting (others become Papers)."""

MAPPED_TYPES: tuple[type[Record], ...] = (Body, Person, Membership, Meeting, Document)
"""Record types with an OParl object; the others go to ``grmodel/records.json``, with
``grmodel:links`` from their references to OParl objects (record id → field path → URL)."""


def location_id(place: str) -> str:
    """The id of a meeting place: its slug, shortened with a hash past 64 characters.

    >>> from grmodel_oparl.mapping import location_id
    >>> location_id("GR, Anders Personsgatan 8, Göteborg")
    'gr-anders-personsgatan-8-goteborg'
    >>> len(location_id("Sal " * 200)) <= 64
    True
    """
    whole = slug(place) or "place"
    if len(whole) <= 64:
        return whole
    digest = hashlib.sha256(place.encode("utf-8")).hexdigest()[:10]
    head = whole[:53]
    return f"{head.rsplit('-', 1)[0] if '-' in head else head}-{digest}"


def complete_date(date: PartialDate | None) -> dt.date | None:
    return date.to_date() if date is not None else None


def period_dates(period: Period | None) -> tuple[dict[str, str], bool]:
    """``startDate``/``endDate`` and whether they carry the period exactly."""
    if period is None:
        return {}, True
    out: dict[str, str] = {}
    exact = True
    for key, value in (("startDate", period.start), ("endDate", period.end)):
        if value is None:
            continue
        day = complete_date(value)
        if day is None:
            exact = False
        else:
            out[key] = day.isoformat()
    return (out, True) if exact else ({}, False)


def timestamp(options: ExportOptions) -> str | None:
    given = options.extra.get("timestamp")
    if not given:
        return None
    try:
        value = dt.datetime.fromisoformat(given)
    except ValueError:
        raise GrmodelError(f"oparl export: -O timestamp={given}: not an ISO date-time") from None
    return stamp(value if value.tzinfo else value.replace(tzinfo=dt.UTC))


UNTIMED = ("start", "omit")
"""What ``-O untimed=…`` does with a meeting whose time no document states."""


def untimed(options: ExportOptions) -> str:
    """``start`` (the day's start, flagged ``grmodel:timeStated: false``; the
    default, since clients file meetings by ``start``) or ``omit`` (no ``start``:
    the day only in ``grmodel:date``)."""
    given = options.extra.get("untimed", UNTIMED[0])
    if given not in UNTIMED:
        raise GrmodelError(f"oparl export: -O untimed={given}: not one of {', '.join(UNTIMED)}")
    return given


def page_size(options: ExportOptions) -> int:
    given = options.extra.get("page_size", str(DEFAULT_PAGE_SIZE))
    if not given.isdigit() or int(given) < 1:
        raise GrmodelError(f"oparl export: -O page_size={given}: not a whole number above 0")
    return int(given)


def resolution_text(decision: Decision) -> str:
    lines = [decision.text] if decision.text else []
    lines += [f"att {clause}" for clause in decision.clauses]
    return "\n".join(lines)
