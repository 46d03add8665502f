"""Dates and times as Swedish documents write them.

"7 november 2019", "28 mars, 2011", "2019-11-07", "1november2012", "torsdag den 18 december"
(no year: the caller gives one from context), "19-20 mars", "14 feb 2020",
"190523" (YYMMDD, only on request), "kl 9-15", "kl. 13:00-16:00",
"klockan 18.00 – 19.30".
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
from collections import Counter
from collections.abc import Iterable

import attrs

from grmodel.model import PartialDate

__all__ = [
    "MONTHS",
    "DateMatch",
    "TimeMatch",
    "context_year",
    "find_dates",
    "find_times",
]

MONTHS: dict[str, int] = {
    "januari": 1,
    "februari": 2,
    "mars": 3,
    "april": 4,
    "maj": 5,
    "juni": 6,
    "juli": 7,
    "augusti": 8,
    "september": 9,
    "oktober": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "febr": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "okt": 10,
    "nov": 11,
    "dec": 12,
}
"""Month names and abbreviations → month number."""

_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_WEEKDAY = r"(?:måndag|tisdag|onsdag|torsdag|fredag|lördag|söndag)(?:en)?"

# each starts with a quick test of its first character (a digit, a weekday's initial),
# so the slower tests run only where one can start
_ISO = re.compile(r"(?=\d)(?<![\d-])(\d{4})-(\d{1,2})-(\d{1,2})(?![\d])")
_TEXT = re.compile(
    rf"(?i)(?=[\dmtofls])(?:{_WEEKDAY}\s+(?:den\s+)?)?(?<![\w\d])(\d{{1,2}})(?:\s*[-–]\s*(\d{{1,2}}))?"
    rf"\s*(?:e\s+|:e\s+)?({_MONTH})\.?(?![a-zåäö])(?:(?:\s*|,\s?)(\d{{4}})(?!\d))?"
)
_COMPACT = re.compile(r"(?<![\d-])(\d{2})(\d{2})(\d{2})(?![\d-])")
_YEAR = re.compile(r"(?<![\d-])((?:19|20)\d{2})(?![\d-])")


@attrs.frozen
class DateMatch:
    """A date (or date range) found in text."""

    start: int
    """Offset of the match in the text."""
    end: int
    """Offset after the match."""
    date: PartialDate
    """The (first) day."""
    end_date: PartialDate | None
    """The last day of a range ("19-20 mars"), else ``None``."""
    text: str
    """The matched text."""
    year_stated: bool = True
    """False when the year came from context."""


@attrs.frozen
class TimeMatch:
    """A time or time range found in text."""

    start: int
    """Offset of the match."""
    end: int
    """Offset after the match."""
    start_time: dt.time
    """Start time."""
    end_time: dt.time | None
    """End time, for a range."""
    text: str
    """The matched text."""


def _date(year: int, month: int, day: int) -> PartialDate | None:
    try:
        return PartialDate(year, month, day)
    except ValueError:
        return None


class _Spans:
    """Spans of a text taken by the dates found, none overlapping another, in order: a
    span is tested against its neighbour only (a text of many dates is read in linear
    time)."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def free(self, start: int, end: int) -> bool:
        """Whether ``start:end`` overlaps no span taken."""
        before = bisect.bisect_left(self.starts, end)  # the spans that start before its end
        return before == 0 or self.ends[before - 1] <= start

    def take(self, start: int, end: int) -> None:
        at = bisect.bisect_left(self.starts, start)
        self.starts.insert(at, start)
        self.ends.insert(at, end)


def find_dates(
    text: str, default_year: int | None = None, *, compact: bool = False
) -> list[DateMatch]:
    """All dates in ``text``, in order.

    :param default_year: year for dates written without one ("18 december");
        without it such dates are skipped.
    :param compact: also read ``YYMMDD`` ("190523" → 2019-05-23).
    """
    return list(_find_dates(text, default_year, compact))


@functools.lru_cache(maxsize=16)
def _find_dates(text: str, default_year: int | None, compact: bool) -> tuple[DateMatch, ...]:
    """:func:`find_dates`, once per text: a document's text is read for its dates by
    several readers."""
    found: list[DateMatch] = []
    taken = _Spans()
    free, take = taken.free, taken.take

    for m in _ISO.finditer(text):
        date = _date(int(m[1]), int(m[2]), int(m[3]))
        if date is not None:
            found.append(DateMatch(m.start(), m.end(), date, None, m[0]))
            take(m.start(), m.end())
    for m in _TEXT.finditer(text):
        if not free(m.start(), m.end()):
            continue
        month = MONTHS[m[3].lower()]
        year = int(m[4]) if m[4] else default_year
        if year is None:
            continue
        first = _date(year, month, int(m[1]))
        if first is None:
            continue
        last = _date(year, month, int(m[2])) if m[2] else None
        if m[2] and (last is None or int(m[2]) <= int(m[1])):
            continue
        found.append(DateMatch(m.start(), m.end(), first, last, m[0], year_stated=bool(m[4])))
        take(m.start(), m.end())
    if compact:
        for m in _COMPACT.finditer(text):
            if not free(m.start(), m.end()):
                continue
            date = _date(2000 + int(m[1]), int(m[2]), int(m[3])) if 1 <= int(m[2]) <= 12 else None
            if date is not None:
                found.append(DateMatch(m.start(), m.end(), date, None, m[0]))
                take(m.start(), m.end())
    return tuple(sorted(found, key=lambda d: d.start))


def context_year(text: str, found: Iterable[DateMatch] | None = None) -> int | None:
    """The year a text is most likely about: the most frequent year of its full
    dates (``found``, when the caller has found them already), else of its bare
    four-digit years (1990–2039)."""
    dates = find_dates(text) if found is None else found
    full = Counter(d.date.year for d in dates if d.year_stated)
    if full:
        return full.most_common(1)[0][0]
    years = Counter(int(y) for y in _YEAR.findall(text) if 1990 <= int(y) <= 2039)
    return years.most_common(1)[0][0] if years else None


_CLOCK = r"(\d{1,2})(?:[.:](\d{2}))?"
_TIME = re.compile(
    rf"(?i)(?<![\w])(?:kl(?:ockan)?\.?|tid\s*:)\s*{_CLOCK}"
    rf"(?:\s*(?:[-–]|till)\s*{_CLOCK})?(?![\d\w])"
)
_BARE_RANGE = re.compile(r"(?<![\d.:-])(\d{1,2})[.:](\d{2})\s*[-–]\s*(\d{1,2})[.:](\d{2})(?![\d])")


def _time(hour: str | None, minute: str | None) -> dt.time | None:
    if hour is None:
        return None
    h, m = int(hour), int(minute or 0)
    return dt.time(h, m) if 0 <= h <= 23 and 0 <= m <= 59 else None


def find_times(text: str, *, bare: bool = False) -> list[TimeMatch]:
    """Times introduced by "kl", "kl.", "klockan" or "Tid:"; with ``bare``, also
    ranges like "13.00-16.00" without a prefix."""
    found: list[TimeMatch] = []
    for m in _TIME.finditer(text):
        start = _time(m[1], m[2])
        if start is None:
            continue
        found.append(TimeMatch(m.start(), m.end(), start, _time(m[3], m[4]), m[0]))
    if bare and not found:
        for m in _BARE_RANGE.finditer(text):
            start = _time(m[1], m[2])
            if start is not None:
                found.append(TimeMatch(m.start(), m.end(), start, _time(m[3], m[4]), m[0]))
    return found
