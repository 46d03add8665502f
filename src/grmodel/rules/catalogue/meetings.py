"""MTG: meetings — quorum, who is present, secretary, decisions' targets.

Quorum comes from kommunallagen for nämnder (KL 6:27; fullmäktige KL 5:45).
GR's political steering groups are beredande organ, not nämnder, so the same
check runs for them under its own code at severity warning.
"""

from __future__ import annotations

from collections.abc import Iterator

from grmodel.model import AttendanceStatus, DecisionKind, Meeting, MeetingStatus
from grmodel.rules.base import Issue, Rule, RuleContext, Severity
from grmodel.rules.support import (
    NAMND_AND_STEERING_KINDS,
    VOTING,
    BodyIndex,
    BodyInfo,
    MeetingOfBodyRule,
    steering_group_variant,
)

__all__ = ["RULES"]

_LEDAMOT_STATUSES = VOTING | {AttendanceStatus.ABSENT}

# --- quorum --------------------------------------------------------------------

_Quorum = tuple[int, int | None, int]
"""(voting members present, the § where that is lowest or None, index of first entry)."""


def _quorum_summary(meeting: Meeting, _ctx: RuleContext) -> _Quorum | None:
    if meeting.attendance_partial or not any(
        a.status in _LEDAMOT_STATUSES for a in meeting.attendance
    ):
        return None
    whole: set[str] = set()
    partial: dict[int, set[str]] = {}
    first = next(i for i, a in enumerate(meeting.attendance) if a.status in _LEDAMOT_STATUSES)
    for entry in meeting.attendance:
        if entry.status not in VOTING:
            continue
        if not entry.paragraphs:
            whole.add(entry.person)
        for paragraph in entry.paragraphs:
            partial.setdefault(paragraph, set()).add(entry.person)
    if not partial:
        return len(whole), None, first
    paragraphs = {i.paragraph for i in meeting.items if i.paragraph is not None} | set(partial)
    count, where = min((len(whole | partial.get(p, set())), p) for p in sorted(paragraphs))
    return count, where, first


def _quorum_judge(summary: _Quorum, body: BodyInfo, _bodies: BodyIndex) -> Iterator[Issue]:
    count, where, first = summary
    total = body.seats.total if body.seats is not None else None
    if total is None or 2 * count > total:
        return
    at = f" at § {where}" if where is not None else ""
    yield Issue(
        message=f"{count} of {total} ledamöter present{at}; a quorum needs {total // 2 + 1}",
        path=("attendance", first),
    )


_QUORUM_EXAMPLE = """\
type: body
id: styrelsen
name: Förbundsstyrelsen
kind: {kind}
seats:
  total: 5
---
type: meeting
id: styrelsen-2019-11-07
body: styrelsen
date: "2019-11-07"
attendance:
  - {{person: a, status: present}}
  - {{person: b, status: present}}
  - {{person: c, status: absent}}
  - {{person: d, status: absent}}
  - {{person: e, status: absent}}
"""

# --- record checks ---------------------------------------------------------------


def _no_ledamot(meeting: Meeting, _ctx: RuleContext) -> Iterator[Issue]:
    if meeting.status is not MeetingStatus.HELD or not meeting.attendance:
        return
    if meeting.attendance_partial or any(a.status in VOTING for a in meeting.attendance):
        return
    absent = sum(a.status is AttendanceStatus.ABSENT for a in meeting.attendance)
    yield Issue(
        message=f"no ledamot or serving ersättare is present ({len(meeting.attendance)} "
        f"listed, {absent} absent)",
        path=("attendance",),
        node=meeting.attendance[0],
    )


def _secretary(meeting: Meeting, _ctx: RuleContext) -> Iterator[Issue]:
    if meeting.status is not MeetingStatus.HELD or not meeting.attendance:
        return
    if meeting.secretary or any(a.status is AttendanceStatus.SECRETARY for a in meeting.attendance):
        return
    yield Issue(
        message=f"the protocol of {meeting.id} names no secretary",
        path=("attendance",),
        node=meeting.attendance[0],
    )


def _decision_targets(meeting: Meeting, _ctx: RuleContext) -> Iterator[Issue]:
    for i, item in enumerate(meeting.items):
        for j, decision in enumerate(item.decisions):
            if decision.kind is DecisionKind.PROPOSAL and not decision.target_body:
                where = f"§ {item.paragraph}" if item.paragraph is not None else item.title
                yield Issue(
                    message=f"decision {decision.id} ({where}) is a proposal but names no "
                    "target_body",
                    path=("items", i, "decisions", j),
                    node=decision,
                )


def _decision_assignees(meeting: Meeting, _ctx: RuleContext) -> Iterator[Issue]:
    for i, item in enumerate(meeting.items):
        for j, decision in enumerate(item.decisions):
            if decision.kind is DecisionKind.ASSIGNMENT and not decision.assignee:
                where = f"§ {item.paragraph}" if item.paragraph is not None else item.title
                yield Issue(
                    message=f"decision {decision.id} ({where}) is an assignment but names no "
                    "assignee",
                    path=("items", i, "decisions", j),
                    node=decision,
                )


_DECISION_EXAMPLE = """\
type: meeting
id: sg-2019-11-07
body: gr-styrgruppen-social-valfard
date: "2019-11-07"
items:
  - id: sg-2019-11-07-p39
    ordinal: 1
    paragraph: 39
    title: Regionalt stödcenter
    decisions:
      - id: sg-2019-11-07-p39-d1
        kind: {kind}
"""

RULES: list[Rule] = [
    Rule(
        code="MTG001",
        name="quorum",
        severity=Severity.ERROR,
        summary="A board, assembly or presidium met without more than half its ledamöter.",
        rationale="A nämnd may handle matters only when more than half of its ledamöter are "
        "present (KL 6:27; fullmäktige KL 5:45); serving ersättare count, since they have a "
        "ledamot's rights (KL 4:22). Where attendance is limited to some paragraphs, the "
        "quorum is checked for each §. Seats come from the body's seat allocation (a Body "
        "record of the set, or GR's reference bodies). Steering groups are checked by MTG002.",
        hint="Check the attendance list: a present ledamot may be missing, or the body's seat "
        "total may be wrong.",
        legal_basis="KL 6:27",
        applies_to=("meeting", "body"),
        make_set_rule=lambda ctx: MeetingOfBodyRule(
            ctx,
            NAMND_AND_STEERING_KINDS,
            _quorum_summary,
            steering_group_variant(_quorum_judge, "MTG002"),
        ),
        example=_QUORUM_EXAMPLE.format(kind="board"),
    ),
    Rule(
        code="MTG002",
        name="quorum-steering-group",
        severity=Severity.WARNING,
        summary="A steering group met without more than half its ledamöter.",
        rationale="KL 6:27 sets the quorum of nämnder. GR's political steering groups are "
        "beredande organ, not nämnder, so the law does not bind them; a meeting below half its "
        "ledamöter is still worth knowing about (the preparation may not be representative), "
        "so the nämnd rule is applied to them as a warning.",
        hint="Check the attendance list and the steering group's seat total (15 for GR's "
        "steering groups).",
        legal_basis="KL 6:27",
        applies_to=("meeting", "body"),
        reported_by="MTG001",
        example=_QUORUM_EXAMPLE.format(kind="steering_group"),
    ),
    Rule(
        code="MTG003",
        name="no-ledamot-present",
        severity=Severity.ERROR,
        summary="A held meeting's attendance lists nobody present with a vote.",
        rationale="A meeting with an attendance list but no ledamot or serving ersättare "
        "present cannot have decided anything; usually the statuses were encoded wrongly "
        "(everyone as 'other' or 'absent').",
        hint="Give present ledamöter status present (and serving ersättare serving_substitute).",
        applies_to=("meeting",),
        check=_no_ledamot,
        example='type: meeting\nid: m1\nbody: b\ndate: "2019-11-07"\nattendance:\n'
        "  - {person: a, status: absent}\n  - {person: s, status: secretary}\n",
    ),
    Rule(
        code="MTG004",
        name="secretary-missing",
        severity=Severity.WARNING,
        summary="A held meeting with attendance names no secretary.",
        rationale="A protocol is kept by a secretary ('Vid protokollet'); a missing secretary "
        "usually means the closing block was not encoded.",
        hint="Set the meeting's secretary, or list the secretary with status secretary.",
        applies_to=("meeting",),
        check=_secretary,
        example='type: meeting\nid: m1\nbody: b\ndate: "2019-11-07"\nattendance:\n'
        "  - {person: a, status: present}\n",
    ),
    Rule(
        code="MTG005",
        name="proposal-without-target",
        severity=Severity.WARNING,
        summary="A decision of kind proposal names no target body.",
        rationale="A proposal ('föreslår förbundsstyrelsen') goes to another body; without the "
        "target the matter cannot be followed to where it is decided.",
        hint="Set target_body to the id of the body the proposal goes to.",
        applies_to=("meeting",),
        check=_decision_targets,
        example=_DECISION_EXAMPLE.format(kind="proposal"),
    ),
    Rule(
        code="MTG006",
        name="assignment-without-assignee",
        severity=Severity.WARNING,
        summary="A decision of kind assignment names no assignee.",
        rationale="An assignment ('ger i uppdrag till avdelningschefen') is only useful with "
        "whoever has to carry it out.",
        hint="Set assignee (a person id, body id, or the role as written).",
        applies_to=("meeting",),
        check=_decision_assignees,
        example=_DECISION_EXAMPLE.format(kind="assignment"),
    ),
]
