"""The GRP rules: checks from the practice of Göteborgsregionens kommunalförbund (GR).

They rest on GR's instruction for its political steering groups (15 ledamöter,
a party otherwise missing may be *adjungerad*, 6–7 meetings a year, a presidium
of chair and vice chair) and on local practice around reservations and
omedelbar justering. None of them is a rule of kommunallagen, so none is an
error: GRP findings are warnings or information.

Record rules (:data:`ADJUNGERAD_PARTY`, :data:`RESERVATION_REASON`,
:data:`OMEDELBAR_JUSTERING`) look at one meeting at a time. Set rules
(:data:`MEETING_FREQUENCY`, :data:`PRESIDIUM`) see every record once and keep
only small indexes (counts, sets of roles) until the end of the run. They are
built with the core's public helpers (:mod:`grmodel.rules.support`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from grmodel.model import (
    AttendanceStatus,
    Body,
    BodyKind,
    Meeting,
    MeetingStatus,
    Membership,
    Record,
    Role,
)
from grmodel.refdata import ReferenceData
from grmodel.rules.base import Issue, RecordRef, Rule, RuleContext, Severity
from grmodel.rules.idindex import PackedRefs, id_index
from grmodel.rules.support import VOTING, BodyIndex, shared

__all__ = [
    "ADJUNGERAD_PARTY",
    "MEETINGS_PER_YEAR",
    "MEETING_FREQUENCY",
    "OMEDELBAR_JUSTERING",
    "PRESIDIUM",
    "RESERVATION_REASON",
    "RULES",
]

MEETINGS_PER_YEAR = (4, 9)
"""The number of meetings a year GRP001 accepts (GR's instruction says 6–7)."""


# ---------------------------------------------------------------------------
# GRP001: a steering group meets 6–7 times a year
# ---------------------------------------------------------------------------


_FEW_DATES = 16
"""Distinct dates a (body, year) keeps in a list (a set costs about 700 bytes from five
members on); more go into a set."""


class _MeetingFrequency:
    """Distinct meeting dates per (body, year); judged at the end of the run."""

    def __init__(self, ctx: RuleContext) -> None:
        self._bodies = BodyIndex(ctx.refdata)
        self._dates: dict[tuple[str, int], list[str] | set[str]] = {}
        self._refs = PackedRefs(id_index(ctx))
        self._first: dict[tuple[str, int], int] = {}
        """The packed ref of the first meeting of a (body, year)."""

    def visit(self, record: Record, ref: RecordRef) -> Iterable[Issue]:
        if isinstance(record, Body):
            self._bodies.add(record)
        elif (
            isinstance(record, Meeting)
            and record.date is not None
            and record.status is not MeetingStatus.CANCELLED
        ):
            key = (shared(record.body), record.date.year)
            if key not in self._dates:
                self._first[key] = self._refs.pack(ref)
            dates, text = self._dates.setdefault(key, []), shared(str(record.date))
            if isinstance(dates, set):
                dates.add(text)
            elif text not in dates:
                dates.append(text)
                if len(dates) > _FEW_DATES:
                    self._dates[key] = set(dates)
        return ()

    def finish(self) -> Iterator[Issue]:
        years: dict[str, list[int]] = {}
        for body, year in self._dates:
            years.setdefault(body, []).append(year)
        low, high = MEETINGS_PER_YEAR
        for body, seen in sorted(years.items()):
            if self._bodies.kind_of(body) is not BodyKind.STEERING_GROUP:
                continue
            covered = set(seen)
            for year in sorted(seen):
                if year - 1 not in covered or year + 1 not in covered:
                    continue  # the record set may not cover the whole of this year
                count = len(self._dates[body, year])
                if count < low or count > high:
                    yield Issue(
                        message=(
                            f"steering group {body!r} has {count} meeting(s) in {year}; "
                            f"GR's instruction says 6–7 a year (this rule accepts {low}–{high})"
                        ),
                        at=self._refs.ref(self._first[body, year]),
                    )


MEETING_FREQUENCY = Rule(
    code="GRP001",
    name="steering-group-meeting-frequency",
    severity=Severity.WARNING,
    summary="A steering group has fewer than 4 or more than 9 meetings in a complete year.",
    rationale=(
        "GR's instruction for its political steering groups says they meet 6–7 times a "
        "year. The rule counts held and planned meetings (distinct dates; cancelled ones "
        "not) per steering group and calendar year, and accepts 4–9 so that an extra "
        "meeting, a residential meeting over two days or one cancelled meeting is not "
        "reported. Fewer than 4 usually means the record set misses meetings (or the "
        "group has all but stopped meeting); more than 9 usually means duplicates or "
        "meetings filed under the wrong body. Only years the record set evidently "
        "covers are judged: a year is judged when the set also has meetings of the group "
        "in the year before and the year after, since a record set rarely starts in "
        "January or ends in December, and a set of a few scattered protocols says "
        "nothing about the years between them. Which bodies are steering groups is read "
        "from body records (kind steering_group) or GR's reference bodies."
    ),
    hint=(
        "Add the missing meetings (planned ones too: protocols announce next year's "
        "dates), remove duplicates, or check the meetings' body."
    ),
    make_set_rule=_MeetingFrequency,
    example="""\
- type: body
  id: sg
  name: Styrgruppen för social välfärd
  kind: steering_group
- {type: meeting, id: sg-2018-12-06, body: sg, date: "2018-12-06"}
- {type: meeting, id: sg-2019-03-14, body: sg, date: "2019-03-14"}
- {type: meeting, id: sg-2019-10-10, body: sg, date: "2019-10-10"}
- {type: meeting, id: sg-2020-02-06, body: sg, date: "2020-02-06"}
""",
)
"""GRP001 (set rule): a steering group meets 4–9 times in a complete year."""


# ---------------------------------------------------------------------------
# GRP002: an adjungerad member's party is otherwise missing
# ---------------------------------------------------------------------------


def _party_key(text: str, meeting: Meeting, refdata: ReferenceData) -> str:
    """A party as written ("(m)", "fp", "S") → its canonical abbreviation."""
    party = refdata.party(text, meeting.date.to_date() if meeting.date else None)
    return party.abbreviation if party is not None else text.strip().strip("()").strip().upper()


def _check_adjungerad(meeting: Meeting, ctx: RuleContext) -> Iterator[Issue]:
    adjungerad = AttendanceStatus.ADJUNGERAD
    if not any(entry.status is adjungerad and entry.party for entry in meeting.attendance):
        return  # nothing to judge: skip the party look-ups of everyone serving
    serving: dict[str, str] = {}
    for entry in meeting.attendance:
        if entry.status in VOTING and entry.party:
            serving.setdefault(_party_key(entry.party, meeting, ctx.refdata), entry.person)
    for index, entry in enumerate(meeting.attendance):
        if entry.status is not AttendanceStatus.ADJUNGERAD or not entry.party:
            continue
        party = _party_key(entry.party, meeting, ctx.refdata)
        if party in serving:
            yield Issue(
                message=(
                    f"{entry.person} is adjungerad for {party}, but {party} has a serving "
                    f"ledamot at the meeting ({serving[party]})"
                ),
                path=("attendance", index),
                node=entry,
            )


ADJUNGERAD_PARTY = Rule(
    code="GRP002",
    name="adjungerad-party-represented",
    severity=Severity.WARNING,
    summary="An adjungerad member's party already has a serving ledamot at the meeting.",
    rationale=(
        "GR's instruction for steering groups: the ledamöter are chosen from the combined "
        "election result, and a party that is otherwise missing from the group may be "
        "adjungerad (co-opted, without a vote). An adjungerad member of a party that "
        "has a present ledamot or serving ersättare at the same meeting is therefore "
        "either a misread attendance list (a ledamot or ersättare filed as adjungerad) "
        "or a wrong party. Parties are compared by canonical abbreviation, so '(m)' "
        "and 'M' are the same party; attendance without a party is not judged."
    ),
    hint=(
        "Check the attendance list: the person is probably a ledamot or ersättare, or "
        "the party is written wrongly."
    ),
    applies_to=("meeting",),
    check=_check_adjungerad,
    example="""\
type: meeting
id: sg-2019-11-07
body: gr-styrgruppen-social-valfard
date: "2019-11-07"
attendance:
  - {person: anna-andersson, status: present, party: S}
  - {person: bo-berg, status: adjungerad, party: S}
""",
)
"""GRP002 (record rule): an adjungerad member's party must be otherwise missing."""


# ---------------------------------------------------------------------------
# GRP003: a reservation states its reason
# ---------------------------------------------------------------------------


def _check_reservation_reason(meeting: Meeting, _ctx: RuleContext) -> Iterator[Issue]:
    for i, item in enumerate(meeting.items):
        for j, decision in enumerate(item.decisions):
            for k, reservation in enumerate(decision.reservations):
                if reservation.reason is None or not reservation.reason.strip():
                    yield Issue(
                        message=(
                            f"the reservation by {reservation.person} against decision "
                            f"{decision.id} states no reason"
                        ),
                        path=("items", i, "decisions", j, "reservations", k),
                        node=reservation,
                    )


RESERVATION_REASON = Rule(
    code="GRP003",
    name="reservation-without-reason",
    severity=Severity.INFO,
    summary="A reservation against a decision states no reason.",
    rationale=(
        "Kommunallagen lets someone who took part in a decision reserve themselves "
        "against it, announced before the meeting closes (KL 4:27); it does not require "
        "a reason. Local rules (arbetsordning, reglemente) usually do: the reason is to be "
        "handed in writing before the protocol is justerat, and the protocol then states "
        "it ('reserverar sig mot beslutet på grund av …'). A reservation without a "
        "reason is either a gap in the protocol or a reason that was not transcribed. "
        "The rule is information only, because the requirement is local."
    ),
    hint=(
        "Add the reason as the protocol (or the written reservation attached to it) "
        "states it, in the reservation's reason field."
    ),
    legal_basis="KL 4:27",
    applies_to=("meeting",),
    check=_check_reservation_reason,
    example="""\
type: meeting
id: sg-2019-11-07
body: gr-styrgruppen-social-valfard
date: "2019-11-07"
items:
  - id: sg-2019-11-07-p41
    ordinal: 4
    paragraph: 41
    title: Verksamhetsinriktning och budget 2020
    decisions:
      - id: sg-2019-11-07-p41-d1
        kind: proposal
        reservations:
          - {person: cecilia-carlsson, party: D}
""",
)
"""GRP003 (record rule): a reservation should state its reason."""


# ---------------------------------------------------------------------------
# GRP004: a steering group's presidium has a chair and a vice chair
# ---------------------------------------------------------------------------


class _Presidium:
    """Presidium roles per body, from memberships; judged at the end of the run."""

    def __init__(self, ctx: RuleContext) -> None:
        self._bodies = BodyIndex(ctx.refdata)
        self._body_refs: dict[str, RecordRef] = {}
        self._roles: dict[str, set[Role]] = {}
        self._first: dict[str, RecordRef] = {}

    def visit(self, record: Record, ref: RecordRef) -> Iterable[Issue]:
        if isinstance(record, Body):
            self._bodies.add(record)
            self._body_refs[record.id] = ref
        elif isinstance(record, Membership):
            self._roles.setdefault(record.body, set()).add(record.role)
            self._first.setdefault(record.body, ref)
        return ()

    def _group_of(self, body: str) -> str | None:
        """The steering group a membership's body stands for (itself or its presidium's)."""
        kind = self._bodies.kind_of(body)
        if kind is BodyKind.STEERING_GROUP:
            return body
        if kind is BodyKind.PRESIDIUM:
            parent = self._bodies.parent_of(body)
            if parent is not None and self._bodies.kind_of(parent) is BodyKind.STEERING_GROUP:
                return parent
        return None

    def finish(self) -> Iterator[Issue]:
        roles: dict[str, set[Role]] = {}
        first: dict[str, RecordRef] = {}
        for body, body_roles in self._roles.items():
            group = self._group_of(body)
            if group is not None:
                roles.setdefault(group, set()).update(body_roles)
                first.setdefault(group, self._first[body])
        for group, found in sorted(roles.items()):
            missing = [
                label
                for role, label in (
                    (Role.ORDFORANDE, "a chair (ordförande)"),
                    (Role.VICE_ORDFORANDE, "a vice chair (vice_ordförande)"),
                )
                if role not in found
            ]
            if missing:
                yield Issue(
                    message=(
                        f"the memberships of steering group {group!r} name no "
                        f"{' and no '.join(m.removeprefix('a ') for m in missing)}"
                    ),
                    at=self._body_refs.get(group, first[group]),
                )


PRESIDIUM = Rule(
    code="GRP004",
    name="steering-group-presidium",
    severity=Severity.WARNING,
    summary="A steering group's memberships name no chair or no vice chair.",
    rationale=(
        "GR's instruction for steering groups gives each a presidium of a chair "
        "(ordförande) and a vice chair (vice ordförande). The presidium decides what "
        "reaches the group's agenda, and the chair signs the protocol beside the "
        "justerare, so a steering group whose memberships are recorded but name no chair "
        "or no vice chair is incomplete. Memberships of the group's own presidium body "
        "(a body of kind presidium whose parent is the group) count too. The rule judges "
        "only steering groups that have memberships in the record set, over the whole set "
        "(it does not compare terms of office)."
    ),
    hint=(
        "Add the chair's and vice chair's memberships (role ordförande / vice_ordförande), "
        "from the protocols' attendance lists or GR's web pages."
    ),
    make_set_rule=_Presidium,
    example="""\
- type: body
  id: sg
  name: Styrgruppen för social välfärd
  kind: steering_group
- {type: membership, id: sg-anna-andersson, person: anna-andersson, body: sg, role: ordförande}
- {type: membership, id: sg-bo-berg, person: bo-berg, body: sg, role: ledamot}
""",
)
"""GRP004 (set rule): a steering group's presidium has a chair and a vice chair."""


# ---------------------------------------------------------------------------
# GRP005: omedelbar justering is recorded on the decision
# ---------------------------------------------------------------------------

_OMEDELBAR = re.compile(r"\bomedelbar(?:t)?\s+juster", re.IGNORECASE)
"""Matches "omedelbart justerad/justerat" and "omedelbar justering"."""


def _says_omedelbar(*texts: str | None) -> bool:
    return any(text is not None and _OMEDELBAR.search(text) for text in texts)


def _check_omedelbar(meeting: Meeting, _ctx: RuleContext) -> Iterator[Issue]:
    for i, item in enumerate(meeting.items):
        flagged_in_decision = False
        for j, decision in enumerate(item.decisions):
            if not _says_omedelbar(decision.text, *decision.clauses):
                continue
            flagged_in_decision = True
            if not decision.immediate_justering:
                yield Issue(
                    message=(
                        f"decision {decision.id} says the § is omedelbart justerad, "
                        "but immediate_justering is not set"
                    ),
                    path=("items", i, "decisions", j),
                    node=decision,
                    hint="set immediate_justering: true on the decision",
                )
        if (
            not flagged_in_decision
            and _says_omedelbar(item.text)
            and not any(d.immediate_justering for d in item.decisions)
        ):
            yield Issue(
                message=(
                    f"item {item.id} says the § is omedelbart justerad, but none of its "
                    "decisions sets immediate_justering"
                ),
                path=("items", i),
                node=item,
            )


OMEDELBAR_JUSTERING = Rule(
    code="GRP005",
    name="omedelbar-justering-not-recorded",
    severity=Severity.WARNING,
    summary="A § is declared omedelbart justerad in the text but not on the decision.",
    rationale=(
        "Omedelbar justering of a single § is set locally, not by the law: the body "
        "decides 'att förklara protokollet under denna paragraf för omedelbart "
        "justerat'. It matters because the justering starts the clock of the "
        "announcement on the anslagstavla (KL 8:12) and of the three weeks for appeal "
        "(KL 13:5), and lets the decision be executed before the whole protocol is "
        "justerat. grmodel records it as the decision's immediate_justering flag, which "
        "exporters and the justering rules read; a flag missing where the text says it "
        "hides the earlier dates. The rule looks for 'omedelbart justerad/justerat' or "
        "'omedelbar justering' in a decision's text and att-clauses, and in the item's "
        "text."
    ),
    hint="Set immediate_justering: true on the decision the § declares immediately justerad.",
    applies_to=("meeting",),
    check=_check_omedelbar,
    example="""\
type: meeting
id: fs-2019-12-13
body: gr-forbundsstyrelsen
date: "2019-12-13"
items:
  - id: fs-2019-12-13-p300
    ordinal: 1
    paragraph: 300
    title: Budget 2020
    decisions:
      - id: fs-2019-12-13-p300-d1
        kind: decided
        clauses:
          - fastställa budget 2020
          - förklara protokollet under denna paragraf för omedelbart justerat
""",
)
"""GRP005 (record rule): omedelbar justering must be recorded on the decision."""


RULES: tuple[Rule, ...] = (
    MEETING_FREQUENCY,
    ADJUNGERAD_PARTY,
    RESERVATION_REASON,
    PRESIDIUM,
    OMEDELBAR_JUSTERING,
)
"""Every GRP rule, in code order; :func:`grmodel_gr_practice.plugin.grmodel_rules`
registers them."""
