"""Value types: partial dates, periods, money, identifiers and enumerations.

Value types are small, immutable and self-validating. Invariants that concern a
single value live here (a month is 1–12); anything that needs another record is a
rule (see :mod:`grmodel.rules`).
"""

from __future__ import annotations

import calendar
import datetime as dt
import enum
import re
from collections.abc import Iterator
from typing import ClassVar

import attrs

__all__ = [
    "Area",
    "Diarienummer",
    "Money",
    "Organisationsnummer",
    "ParagraphRange",
    "PartialDate",
    "Period",
    "Span",
]


def _check_month(_: object, __: attrs.Attribute[int | None], value: int | None) -> None:
    if value is not None and not 1 <= value <= 12:
        raise ValueError(f"month must be 1-12, not {value}")


@attrs.frozen
class PartialDate:
    """A calendar date that may lack its day or month, as documents state them.

    ``"2019-11-07"``, ``"2008-07"`` and ``"2009"`` are all partial dates. The text
    form is the serialised form.
    """

    year: int
    """Four-digit year."""
    month: int | None = attrs.field(default=None, validator=_check_month)
    """Month 1–12, or ``None`` when only the year is known."""
    day: int | None = None
    """Day of the month, or ``None`` when only year (and month) are known."""

    _PATTERN: ClassVar[re.Pattern[str]] = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")

    def __attrs_post_init__(self) -> None:
        if not 1 <= self.year <= 9999:
            raise ValueError(f"year out of range: {self.year}")
        if self.day is not None:
            if self.month is None:
                raise ValueError("a day needs a month")
            last = calendar.monthrange(self.year, self.month)[1]
            if not 1 <= self.day <= last:
                raise ValueError(f"day must be 1-{last} in {self.year}-{self.month:02d}")

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Parse ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``.

        :raises ValueError: when the text is not one of those forms or names no
            real date.
        """
        match = cls._PATTERN.match(text)
        if match is None:
            raise ValueError(f"not a date (YYYY, YYYY-MM or YYYY-MM-DD): {text!r}")
        year, month, day = match.groups()
        return cls(int(year), int(month) if month else None, int(day) if day else None)

    @classmethod
    def from_date(cls, value: dt.date) -> PartialDate:
        """Make a complete partial date from a :class:`datetime.date`."""
        return cls(value.year, value.month, value.day)

    @property
    def is_complete(self) -> bool:
        """True when year, month and day are all known."""
        return self.day is not None

    def earliest(self) -> dt.date:
        """The first day this partial date can mean."""
        return dt.date(self.year, self.month or 1, self.day or 1)

    def latest(self) -> dt.date:
        """The last day this partial date can mean."""
        month = self.month or 12
        day = self.day or calendar.monthrange(self.year, month)[1]
        return dt.date(self.year, month, day)

    def to_date(self) -> dt.date | None:
        """The exact date, or ``None`` when the date is partial."""
        return self.earliest() if self.is_complete else None

    def __str__(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"


@attrs.frozen(kw_only=True)
class Period:
    """A span of time; either end may be open (``None``) or partial.

    Whether ``end`` is on or after ``start`` is checked by a rule, not here, so
    that a record set with a reversed period loads and is reported precisely.
    """

    start: PartialDate | None = None
    """First day (inclusive), or ``None`` when open or unknown."""
    end: PartialDate | None = None
    """Last day (inclusive), or ``None`` when open-ended or unknown."""

    def contains(self, day: dt.date) -> bool:
        """True when ``day`` may fall in the period (partial ends are generous)."""
        if self.start is not None and day < self.start.earliest():
            return False
        return not (self.end is not None and day > self.end.latest())

    def overlaps(self, other: Period) -> bool:
        """True when the two periods may share at least one day."""
        if (
            self.end is not None
            and other.start is not None
            and self.end.latest() < other.start.earliest()
        ):
            return False
        return not (
            other.end is not None
            and self.start is not None
            and other.end.latest() < self.start.earliest()
        )


@attrs.frozen(kw_only=True)
class Money:
    """An amount in Swedish kronor, exact, or a range as documents state it.

    ``amount`` is the exact amount, or the low end of a range when
    ``max_amount`` is set ("2,5–3 mkr" is ``2_500_000``–``3_000_000``).
    ``stated`` keeps the text as written, next to the computed value.
    """

    amount: int
    """Whole kronor (the exact amount, or the low end of a range)."""
    max_amount: int | None = None
    """The high end of a range, or ``None`` for an exact amount."""
    stated: str | None = None
    """The amount as the source document wrote it, e.g. ``"35 00 kr"``."""

    @property
    def is_range(self) -> bool:
        """True when the amount is a range."""
        return self.max_amount is not None

    def __str__(self) -> str:
        low = f"{self.amount:,}".replace(",", " ")
        if self.max_amount is None:
            return f"{low} kr"
        return f"{low}–{self.max_amount:,} kr".replace(",", " ")


@attrs.frozen
class Span:
    """A 1-based, inclusive line span in a source file or document."""

    line: int
    """First line."""
    end_line: int | None = None
    """Last line, or ``None`` when the span is a single line."""

    @property
    def last(self) -> int:
        """The last line of the span."""
        return self.end_line if self.end_line is not None else self.line


@attrs.frozen
class ParagraphRange:
    """A stated range of paragraph (§) numbers, e.g. "PARAGRAFER 38-47"."""

    first: int
    """First § number."""
    last: int
    """Last § number (inclusive)."""

    def __iter__(self) -> Iterator[int]:
        return iter(range(self.first, self.last + 1))


# --- identifiers -------------------------------------------------------------

_DNR_FAMILIES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("gr", re.compile(r"^(?P<year>\d{4})-(?P<number>\d{5})$")),
    ("gr-legacy", re.compile(r"^(?P<year>\d{2})-(?P<number>\d{3})\.(?P<class>\d{3})$")),
    ("year-slash", re.compile(r"^(?P<year>\d{4})/(?P<number>\d{1,6})$")),
    ("year-colon", re.compile(r"^(?P<year>\d{4}):(?P<number>\d{1,6})(?:-(?P<class>\d{1,6}))?$")),
    ("number-slash-year", re.compile(r"^(?P<number>\d{1,6}(?:-\d{1,6})?)/(?P<year>\d{4})$")),
)
_DNR_PREFIX = re.compile(r"^(?P<prefix>(?:Dnr|[A-ZÅÄÖ]{1,6})(?:[ /]|\s*:\s*))(?P<rest>.+)$")


@attrs.frozen
class Diarienummer:
    """A registration number (diarienummer) as written, e.g. ``2019-00368``.

    Known families: GR's ``YYYY-NNNNN`` (``gr``) and older ``YY-NNN.KKK``
    (``gr-legacy``), ``KS 2019/123`` (``year-slash``), ``KS/2012:628-805``
    (``year-colon``) and ``Dnr 106-156/2013`` (``number-slash-year``), each with
    an optional organisation prefix (``KS``, ``RS``, ``Dnr``). A value of
    unknown shape is kept as written: rule ``IDN001`` reports it.
    """

    value: str
    """The number exactly as written."""

    def _split(self) -> tuple[str | None, str]:
        text = self.value.strip()
        match = _DNR_PREFIX.match(text)
        if match and any(p.match(match["rest"].strip()) for _, p in _DNR_FAMILIES):
            return match["prefix"].strip(" /:"), match["rest"].strip()
        return None, text

    @property
    def prefix(self) -> str | None:
        """The organisation prefix (``"KS"``, ``"RS"``, ``"Dnr"``), if any."""
        return self._split()[0]

    @property
    def family(self) -> str | None:
        """The name of the known family the number belongs to, or ``None``."""
        _, rest = self._split()
        for name, pattern in _DNR_FAMILIES:
            if pattern.match(rest):
                return name
        return None

    def __str__(self) -> str:
        return self.value


@attrs.frozen
class Organisationsnummer:
    """A Swedish organisation number, ``NNNNNN-NNNN``, kept as written.

    :attr:`is_valid` checks the form, the Luhn check digit and that the third
    digit is at least 2; rule ``IDN002`` reports numbers that fail.
    """

    value: str
    """The number as written."""

    _PATTERN: ClassVar[re.Pattern[str]] = re.compile(r"^(\d{6})-?(\d{4})$")

    @property
    def digits(self) -> str | None:
        """The ten digits, or ``None`` when the form is wrong."""
        match = self._PATTERN.match(self.value.strip())
        return match[1] + match[2] if match else None

    @property
    def is_valid(self) -> bool:
        """True when form, third digit and Luhn check digit are all right."""
        digits = self.digits
        if digits is None or int(digits[2]) < 2:
            return False
        return luhn_ok(digits)

    @property
    def is_public_body(self) -> bool:
        """True for numbers starting with 2 (state, regions, municipalities)."""
        digits = self.digits
        return digits is not None and digits[0] == "2"

    def __str__(self) -> str:
        return self.value


def luhn_ok(digits: str) -> bool:
    """True when the last digit of ``digits`` is its Luhn check digit."""
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char)
        if index % 2 == 1:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total % 10 == 0


# --- enumerations ------------------------------------------------------------


class Area(enum.StrEnum):
    """An area of municipal activity; the first five are the social-care areas."""

    ELDERLY_CARE = "äldreomsorg"
    DISABILITY = "funktionshinder"
    INDIVIDUAL_AND_FAMILY_CARE = "individ_och_familjeomsorg"
    PSYCHIATRY = "psykiatri"
    WHOLE_SOCIAL_FIELD = "hela_sociala_området"
    HEALTH_CARE = "hälso_och_sjukvård"
    EDUCATION = "utbildning"
    LABOUR_MARKET = "arbetsmarknad"
    ENVIRONMENT_AND_PLANNING = "miljö_och_samhällsbyggnad"
    OTHER = "övrigt"
