"""DAT: dates and periods — ends after starts, meetings in a sane order.

Partial dates ("2009", "2010-06") are compared generously: a finding is made
only when no reading of the partial dates would make them consistent.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import attrs

from grmodel.model import Document, Meeting, MeetingStatus, PartialDate, Period, Record
from grmodel.rules.base import Issue, RecordRef, Rule, RuleContext, Severity
from grmodel.rules.idindex import IdArray, id_index
from grmodel.rules.support import shared, shared_day

__all__ = ["RULES"]

_Path = tuple[str | int, ...]


_FIELD_NAMES: dict[type, tuple[str, ...] | None] = {}


def _field_names(cls: type) -> tuple[str, ...] | None:
    """The attrs fields of a class (``None``: not an attrs class); cached per class."""
    try:
        return _FIELD_NAMES[cls]
    except KeyError:
        names = tuple(field.name for field in attrs.fields(cls)) if attrs.has(cls) else None
        _FIELD_NAMES[cls] = names
        return names


def _periods(value: object, path: _Path, depth: int = 0) -> Iterator[tuple[Period, _Path]]:
    """Every Period inside an attrs value, two levels deep (records, their parts)."""
    if isinstance(value, Period):
        yield value, path
        return
    names = _field_names(type(value))
    if depth > 2 or names is None:
        return
    for name in names:
        inner = getattr(value, name)
        if isinstance(inner, tuple):
            for i, item in enumerate(inner):
                if _field_names(type(item)) is not None:
                    yield from _periods(item, (*path, name, i), depth + 1)
        elif inner is not None and (
            isinstance(inner, Period) or _field_names(type(inner)) is not None
        ):
            yield from _periods(inner, (*path, name), depth + 1)


def _reversed(record: Record, _ctx: RuleContext) -> Iterator[Issue]:
    for period, path in _periods(record, ()):
        if _is_reversed(period):
            yield Issue(
                message=f"{'.'.join(map(str, path)) or 'period'} ends {period.end} before it "
                f"starts {period.start}",
                path=(*path, "end"),
            )


def _is_reversed(period: Period) -> bool:
    return (
        period.start is not None
        and period.end is not None
        and period.end.latest() < period.start.earliest()
    )


def _meeting_order(meeting: Meeting, _ctx: RuleContext) -> Iterator[Issue]:
    if (
        meeting.end_date is not None
        and meeting.date is not None
        and meeting.end_date.latest() < meeting.date.earliest()
    ):
        yield Issue(
            message=f"end_date {meeting.end_date} is before the meeting's date {meeting.date}",
            path=("end_date",),
        )
        return
    one_day = meeting.end_date is None or meeting.end_date == meeting.date
    if (
        one_day
        and meeting.start_time is not None
        and meeting.end_time is not None
        and meeting.end_time <= meeting.start_time
    ):
        yield Issue(
            message=f"end_time {meeting.end_time:%H:%M} is not after start_time "
            f"{meeting.start_time:%H:%M}",
            path=("end_time",),
        )


_WEEKDAYS = ("måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag")


def _weekday(record: Record, _ctx: RuleContext) -> Iterator[Issue]:
    if not isinstance(record, Meeting) or record.weekday is None or record.date is None:
        return
    day = record.date.to_date()
    stated = record.weekday.casefold().removesuffix("en")
    if day is None or stated not in _WEEKDAYS:
        return
    actual = _WEEKDAYS[day.weekday()]
    if stated != actual:
        yield Issue(
            message=f"the document says {record.weekday} {record.date}, which is a {actual}",
            path=("weekday",),
        )


def _undated(meeting: Meeting, _ctx: RuleContext) -> Iterator[Issue]:
    if meeting.date is None:
        stated = f" (the document says {meeting.stated_date!r})" if meeting.stated_date else ""
        path = ("stated_date",) if meeting.stated_date else ("date",)
        yield Issue(message=f"meeting has no date{stated}", path=path)


def _future(record: Record, _ctx: RuleContext) -> Iterator[Issue]:
    today = dt.date.today()
    if isinstance(record, Meeting):
        if (
            record.status is MeetingStatus.HELD
            and record.date is not None
            and record.date.earliest() > today
        ):
            yield Issue(
                message=f"meeting dated {record.date} is in the future but has status held",
                path=("date",),
            )
    elif isinstance(record, Document) and record.date and record.date.earliest() > today:
        yield Issue(message=f"document dated {record.date} is in the future", path=("date",))


class _DatesById:
    """Per record id (its number in the run's :class:`~grmodel.rules.idindex.IdIndex`),
    the (earliest day, text) of its date: the index of one of the distinct dates, so
    an id costs four bytes. As a dict would, a later record of the id replaces it."""

    def __init__(self, ctx: RuleContext):
        self._ids = id_index(ctx)
        self._slots = IdArray("i", -1)
        self._dates: list[tuple[int, str]] = []
        self._index: dict[str, int] = {}

    def set(self, record_id: str, date: PartialDate) -> None:
        """Keep the date of the record of ``record_id``."""
        text = str(date)
        found = self._index.get(text)
        if found is None:
            found = self._index[text] = len(self._dates)
            self._dates.append((shared_day(date.earliest().toordinal()), shared(text)))
        self._slots.set(self._ids.number(record_id), found)

    def get(self, record_id: str) -> tuple[int, str] | None:
        """(earliest day, text) of the date kept for ``record_id``, if any."""
        number = self._ids.find(record_id)
        found = self._slots.get(number) if number is not None else -1
        return self._dates[found] if found >= 0 else None


class _BasisDates:
    """Document id → (earliest day, date text); meetings' basis checked against it."""

    def __init__(self, ctx: RuleContext):
        self._documents = _DatesById(ctx)
        self._open: list[tuple[str, int, str, RecordRef, _Path]] = []

    def visit(self, record: Record, ref: RecordRef) -> Iterator[Issue]:
        if isinstance(record, Document) and record.date is not None:
            self._documents.set(record.id, record.date)
        elif isinstance(record, Meeting) and (held := record.end_date or record.date):
            last = shared_day(held.latest().toordinal())
            for i, item in enumerate(record.items):
                for k, doc in enumerate(item.basis):
                    path = ("items", i, "basis", k)
                    found = self._documents.get(doc)
                    if found is None:
                        self._open.append((shared(doc), last, shared(record.date_label), ref, path))
                    elif found[0] > last:
                        yield self._issue(doc, found[1], record.date_label, path, None)

    @staticmethod
    def _issue(
        doc: str, doc_date: str, meeting_date: str, path: _Path, at: RecordRef | None
    ) -> Issue:
        return Issue(
            message=f"basis document {doc} is dated {doc_date}, after the meeting on "
            f"{meeting_date}",
            path=path,
            at=at,
        )

    def finish(self) -> Iterator[Issue]:
        for doc, last, meeting_date, ref, path in self._open:
            found = self._documents.get(doc)
            if found is not None and found[0] > last:
                yield self._issue(doc, found[1], meeting_date, path, ref)


class _Announced:
    """Meeting id → (earliest, latest day); planned meetings' announced_in checked."""

    def __init__(self, ctx: RuleContext):
        self._dates = _DatesById(ctx)
        self._open: list[tuple[str, int, str, RecordRef]] = []

    def visit(self, record: Record, ref: RecordRef) -> Iterator[Issue]:
        if not isinstance(record, Meeting) or record.date is None:
            return
        self._dates.set(record.id, record.date)
        if record.announced_in:
            latest = record.date.latest().toordinal()
            found = self._dates.get(record.announced_in)
            if found is None:
                announcer, date = shared(record.announced_in), shared(str(record.date))
                self._open.append((announcer, shared_day(latest), date, ref))
            elif found[0] >= latest:
                yield self._issue(record.announced_in, found[1], str(record.date), None)

    @staticmethod
    def _issue(announcer: str, when: str, date: str, at: RecordRef | None) -> Issue:
        return Issue(
            message=f"the meeting on {date} is announced in {announcer}, which is dated {when}, "
            "not before it",
            path=("announced_in",),
            at=at,
        )

    def finish(self) -> Iterator[Issue]:
        for announcer, latest, date, ref in self._open:
            found = self._dates.get(announcer)
            if found is not None and found[0] >= latest:
                yield self._issue(announcer, found[1], date, ref)


RULES: list[Rule] = [
    Rule(
        code="DAT001",
        name="period-reversed",
        severity=Severity.ERROR,
        summary="A period ends before it starts.",
        rationale="Periods of memberships, projects, agreements, collaborations, funding "
        "lines, body names and validity ranges must not be reversed; usually two dates were "
        "swapped or a year mistyped. Partial dates are read generously.",
        hint="Swap or correct the start and end dates.",
        applies_to=(
            "membership",
            "project",
            "agreement",
            "collaboration",
            "body",
            "municipality",
            "county",
            "party",
        ),
        check=_reversed,
        example='type: project\nid: dialoga\nname: Dialoga\nperiod:\n  start: "2010-06"\n'
        '  end: "2008-07"\n',
    ),
    Rule(
        code="DAT002",
        name="meeting-time-order",
        severity=Severity.ERROR,
        summary="A meeting ends before it starts (end_date, end_time).",
        rationale="A meeting over several days ('19-20 mars') has end_date on or after its "
        "date; a one-day meeting ('kl 9-15') ends after it starts.",
        hint="Correct the end_date or the times ('kl 9-15' is 09:00 to 15:00).",
        applies_to=("meeting",),
        check=_meeting_order,
        example='type: meeting\nid: m1\nbody: b\ndate: "2020-01-24"\nstart_time: "15:00"\n'
        'end_time: "09:00"\n',
    ),
    Rule(
        code="DAT003",
        name="basis-after-meeting",
        severity=Severity.WARNING,
        summary="A basis document (beslutsunderlag) is dated after the meeting.",
        rationale="A beslutsunderlag exists before the matter is decided ('Tjänsteskrivelse "
        "2019-10-28' for a meeting on 2019-11-07); a later date means a wrong link or a "
        "misread date.",
        hint="Check the document's date and the item's basis ids.",
        applies_to=("meeting", "document"),
        make_set_rule=_BasisDates,
        example='type: document\nid: dnr-2019-00368\nkind: tjänsteskrivelse\ndate: "2019-12-28"\n'
        '---\ntype: meeting\nid: m1\nbody: b\ndate: "2019-11-07"\nitems:\n'
        "  - {id: m1-p39, ordinal: 1, paragraph: 39, title: Stödcenter, basis: [dnr-2019-00368]}\n",
    ),
    Rule(
        code="DAT004",
        name="announced-after",
        severity=Severity.ERROR,
        summary="A planned meeting is announced in a meeting not dated before it.",
        rationale="Meeting dates are announced in an earlier protocol ('Sammanträdestider "
        "2020' in the protocol of 2019-11-07); an announcing meeting on or after the "
        "planned date is a wrong link or a wrong year (documents often omit the year).",
        hint="Check the planned meeting's year and its announced_in id.",
        applies_to=("meeting",),
        make_set_rule=_Announced,
        example='type: meeting\nid: m1\nbody: b\ndate: "2019-11-07"\n---\n'
        'type: meeting\nid: m2\nbody: b\ndate: "2019-01-24"\nstatus: planned\n'
        "announced_in: m1\n",
    ),
    Rule(
        code="DAT005",
        name="dated-in-future",
        severity=Severity.WARNING,
        summary="A held meeting or a document is dated in the future.",
        rationale="Only planned meetings lie ahead; a held meeting or an existing document in "
        "the future usually has a mistyped year.",
        hint="Correct the year, or give a future meeting status planned.",
        applies_to=("meeting", "document"),
        check=_future,
        example='type: meeting\nid: m1\nbody: b\ndate: "2991-11-07"\n',
    ),
    Rule(
        code="DAT006",
        name="weekday-mismatch",
        severity=Severity.WARNING,
        summary="The weekday a document states does not match its date.",
        rationale="'Fredag 10 september 1999' is a check on the date: when the weekday and "
        "the date disagree, one of them was mistyped (often the day or the year).",
        hint="Check the date against the source; correct the day, the year or the weekday.",
        applies_to=("meeting",),
        check=_weekday,
        example='type: meeting\nid: m1\nbody: b\ndate: "2019-11-07"\nweekday: fredag\n',
    ),
    Rule(
        code="DAT007",
        name="meeting-undated",
        severity=Severity.WARNING,
        summary="A meeting has no date.",
        rationale="A protocol that states its day and month but no year (or no date at all) "
        "imports as a meeting without a date, so that its attendance and items are not "
        "lost; every rule that needs the day (memberships, justering, numbering across "
        "meetings) skips it.",
        hint="Find the year in the full document or its archive and set date.",
        applies_to=("meeting",),
        check=_undated,
        example='type: meeting\nid: m1\nbody: b\nstated_date: "torsdag den 18 december"\n',
    ),
]
