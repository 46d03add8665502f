"""NUM: numbering of paragraphs (§) and agenda items.

Within a meeting § numbers are unique, ascending and without gaps, and agree
with a stated range ("PARAGRAFER 38-47"). Some bodies' § numbers run on across
the term (förbundsstyrelsen: § 287 in December 2017, § 310 in February 2018); a
set rule follows each body's meetings in date order.
"""

from __future__ import annotations

import itertools
import re
from array import array
from collections.abc import Iterator

from grmodel.model import Meeting, Record
from grmodel.rules.base import Issue, RecordRef, Rule, RuleContext, Severity
from grmodel.rules.idindex import PackedRefs, RefArray, id_index
from grmodel.rules.support import shared

__all__ = ["RULES"]


def _paragraphs(meeting: Meeting) -> list[tuple[int, int]]:
    """(item index, §) for items with a § number."""
    return [
        (i, item.paragraph) for i, item in enumerate(meeting.items) if item.paragraph is not None
    ]


def _duplicates(meeting: Meeting, _ctx: RuleContext) -> Iterator[Issue]:
    seen: dict[int, int] = {}
    for index, paragraph in _paragraphs(meeting):
        if paragraph in seen:
            yield Issue(
                message=f"§ {paragraph} is used by items[{seen[paragraph]}] and items[{index}]",
                path=("items", index, "paragraph"),
                node=meeting.items[index],
            )
        else:
            seen[paragraph] = index


def _sequence(meeting: Meeting, _ctx: RuleContext) -> Iterator[Issue]:
    numbered = _paragraphs(meeting)
    highest: int | None = None
    for index, paragraph in numbered:
        if highest is not None and paragraph < highest:
            yield Issue(
                message=f"§ {paragraph} comes after § {highest}",
                path=("items", index, "paragraph"),
                node=meeting.items[index],
            )
        highest = paragraph if highest is None else max(highest, paragraph)
    first_index: dict[int, int] = {}
    for index, paragraph in numbered:
        first_index.setdefault(paragraph, index)
    ordered = sorted(first_index)
    for previous, paragraph in itertools.pairwise(ordered):
        if paragraph > previous + 1:
            gap = (
                f"§ {previous + 1}"
                if paragraph == previous + 2
                else f"§§ {previous + 1}–{paragraph - 1}"
            )
            index = first_index[paragraph]
            yield Issue(
                message=f"§ {paragraph} follows § {previous}: {gap} missing",
                path=("items", index, "paragraph"),
                node=meeting.items[index],
            )


def _stated(meeting: Meeting, _ctx: RuleContext) -> Iterator[Issue]:
    stated = meeting.stated_paragraphs
    found = {p for _, p in _paragraphs(meeting)}
    if stated is None or not found:
        return
    expected = set(stated)
    missing = sorted(expected - found)
    extra = sorted(found - expected)
    label = f"§§ {stated.first}–{stated.last}"
    if missing:
        yield Issue(
            message=f"the document states {label}, but there is no item for "
            f"§ {', '.join(map(str, missing))}",
            path=("stated_paragraphs",),
        )
    if extra:
        yield Issue(
            message=f"§ {', '.join(map(str, extra))} outside the stated {label}",
            path=("stated_paragraphs",),
        )


def _ordinals(meeting: Meeting, _ctx: RuleContext) -> Iterator[Issue]:
    seen: dict[int, int] = {}
    reported = False
    for index, item in enumerate(meeting.items):
        if item.ordinal in seen:
            yield Issue(
                message=f"ordinal {item.ordinal} is used by items[{seen[item.ordinal]}] "
                f"and items[{index}]",
                path=("items", index, "ordinal"),
                node=item,
            )
            continue
        seen[item.ordinal] = index
        if not reported and item.ordinal != index + 1:
            reported = True
            yield Issue(
                message=f"items[{index}] has ordinal {item.ordinal}; ordinals run 1..n in "
                f"order, so it should be {index + 1}",
                path=("items", index, "ordinal"),
                node=item,
            )


_FIRST_NUMBER = re.compile(r"\d+")


def _number_text(meeting: Meeting, _ctx: RuleContext) -> Iterator[Issue]:
    for index, item in enumerate(meeting.items):
        if item.number is None or "§" not in item.number:
            continue
        match = _FIRST_NUMBER.search(item.number)
        if match is None:
            continue
        written = int(match[0])
        if item.paragraph is None:
            yield Issue(
                message=f"number {item.number!r} states § {written}, but paragraph is not set",
                path=("items", index, "number"),
                node=item,
            )
        elif written != item.paragraph:
            yield Issue(
                message=f"number {item.number!r} disagrees with paragraph {item.paragraph}",
                path=("items", index, "number"),
                node=item,
            )


_TOP = 1 << 63
"""§ numbers from ``-_TOP`` to below ``_TOP`` fit a column of 64-bit integers."""


class _Meetings:
    """A body's meetings with § numbers, in the order met, as columns of machine
    integers: the day and the index of the date's text in one, the first and the last
    § (a § number past 64 bits is kept in :attr:`wide` instead), and the ref."""

    __slots__ = ("first", "last", "refs", "when", "wide")

    def __init__(self, refs: PackedRefs):
        self.when = array("q")
        self.first = array("q")
        self.last = array("q")
        self.refs = RefArray(refs)
        self.wide: dict[int, tuple[int, int]] = {}

    def add(self, day: int, date: int, numbers: list[int], ref: RecordRef) -> None:
        first, last = min(numbers), max(numbers)
        if not (first >= -_TOP and last < _TOP):
            self.wide[len(self.first)] = (first, last)
            first = last = 0
        self.when.append(day << 32 | date)
        self.first.append(first)
        self.last.append(last)
        self.refs.append(ref)

    def rows(self, dates: list[str]) -> list[tuple[int, int, int, str, RecordRef]]:
        """(day, first §, last §, date text, ref) of each meeting, in the order met."""
        wide, out = self.wide, []
        for index, when in enumerate(self.when):
            first, last = wide.get(index) or (self.first[index], self.last[index])
            out.append((when >> 32, first, last, dates[when & 0xFFFFFFFF], self.refs[index]))
        return out


class _RunOn:
    """Per body, each meeting with § numbers (its day, first and last §, date text and
    ref) in compact columns, in the order met."""

    def __init__(self, ctx: RuleContext):
        self._meetings: dict[str, _Meetings] = {}
        self._refs = PackedRefs(id_index(ctx))
        self._dates: list[str] = []
        self._date_index: dict[str, int] = {}

    def visit(self, record: Record, ref: RecordRef) -> Iterator[Issue]:
        if isinstance(record, Meeting) and record.date is not None:
            numbers = [i.paragraph for i in record.items if i.paragraph is not None]
            if numbers:
                text = str(record.date)
                date = self._date_index.get(text)
                if date is None:
                    date = self._date_index[text] = len(self._dates)
                    self._dates.append(text)
                meetings = self._meetings.get(record.body)
                if meetings is None:
                    meetings = self._meetings[shared(record.body)] = _Meetings(self._refs)
                meetings.add(record.date.earliest().toordinal(), date, numbers, ref)
        return iter(())

    def finish(self) -> Iterator[Issue]:
        for body, kept in self._meetings.items():
            # By (day, first §), ties in the order met (a stable sort, as of the tuples).
            meetings = kept.rows(self._dates)
            meetings.sort(key=lambda m: (m[0], m[1]))
            for previous, current in itertools.pairwise(meetings):
                _, _, last, date, _ = previous
                _, first, _, next_date, ref = current
                if first in (last + 1, 1):
                    continue
                if first <= last:
                    what = f"overlaps the previous meeting ({date}, up to § {last})"
                else:
                    what = (
                        f"leaves §§ {last + 1}–{first - 1} unaccounted for after {date} (§ {last})"
                    )
                yield Issue(
                    message=f"{body} {next_date} starts at § {first}, which {what}",
                    at=ref,
                )


_MEETING = 'type: meeting\nid: m1\nbody: b\ndate: "2019-11-07"\n'


def _items(*paragraphs: int | None, number: str | None = None) -> str:
    out = "items:\n"
    for ordinal, paragraph in enumerate(paragraphs, start=1):
        out += f"  - id: i{ordinal}\n    ordinal: {ordinal}\n    title: Ärende\n"
        if paragraph is not None:
            out += f"    paragraph: {paragraph}\n"
        if number is not None:
            out += f'    number: "{number}"\n'
    return out


RULES: list[Rule] = [
    Rule(
        code="NUM001",
        name="duplicate-paragraph",
        severity=Severity.ERROR,
        summary="Two items of a meeting have the same § number.",
        rationale="A § number identifies a matter in the protocol (KL 5:66); two items with "
        "one number cannot both be cited, and one is usually misread.",
        hint="Correct the paragraph numbers against the protocol.",
        legal_basis="KL 5:66",
        applies_to=("meeting",),
        check=_duplicates,
        example=_MEETING + _items(38, 38),
    ),
    Rule(
        code="NUM002",
        name="paragraph-sequence",
        severity=Severity.WARNING,
        summary="A meeting's § numbers are out of order or have gaps.",
        rationale="Paragraphs are numbered consecutively in the order handled; a gap or a step "
        "back means a § was lost in extraction or a number was misread.",
        hint="Add the missing §, or correct the misread number.",
        applies_to=("meeting",),
        check=_sequence,
        example=_MEETING + _items(38, 39, 41),
    ),
    Rule(
        code="NUM003",
        name="stated-paragraphs",
        severity=Severity.WARNING,
        summary="A meeting's § numbers disagree with the range the document states.",
        rationale="Protocols state their range ('PARAGRAFER 38-47'); the items should cover "
        "exactly that range, so a missing or extra § is caught.",
        hint="Add the missing items or correct stated_paragraphs.",
        applies_to=("meeting",),
        check=_stated,
        example=_MEETING + "stated_paragraphs: {first: 38, last: 40}\n" + _items(38, 39),
    ),
    Rule(
        code="NUM004",
        name="paragraph-run-on",
        severity=Severity.INFO,
        summary="A body's § numbers do not run on from its previous meeting.",
        rationale="Some bodies number paragraphs across the term (förbundsstyrelsen: § 287 in "
        "December 2017, § 310 in February 2018): a meeting's first § should follow the "
        "previous meeting's last. A gap may be a meeting missing from the record set; an "
        "overlap a misread number. A restart at § 1 (a new term or per-meeting numbering) is "
        "accepted.",
        hint="Check for a missing meeting in between, or a misread § number.",
        applies_to=("meeting",),
        make_set_rule=_RunOn,
        example=_MEETING + _items(38, 39) + "---\n"
        'type: meeting\nid: m2\nbody: b\ndate: "2019-12-05"\n' + _items(45, 46),
    ),
    Rule(
        code="NUM005",
        name="agenda-ordinals",
        severity=Severity.ERROR,
        summary="Agenda item ordinals are not 1..n in order, or repeat.",
        rationale="The ordinal is an item's position in the meeting; exporters and ids rely on "
        "it being 1, 2, 3 … in order.",
        hint="Renumber the ordinals 1..n in the order of the items.",
        applies_to=("meeting",),
        check=_ordinals,
        example=_MEETING + "items:\n  - {id: i1, ordinal: 1, title: Justering}\n"
        "  - {id: i2, ordinal: 3, title: Remiss}\n",
    ),
    Rule(
        code="NUM006",
        name="paragraph-number-text",
        severity=Severity.WARNING,
        summary="An item's written number ('§ 39.') disagrees with its paragraph.",
        rationale="The number as written and the § number come from the same heading; a "
        "disagreement means one of them was mistyped or misread.",
        hint="Make number and paragraph agree with the document.",
        applies_to=("meeting",),
        check=_number_text,
        example=_MEETING + _items(38, number="§ 39."),
    ),
]
