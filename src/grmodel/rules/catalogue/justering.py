"""JUS: justering — justerare present and not the chair; justering on time.

The 14-day limit is kommunallagen's for nämnder and fullmäktige (KL 5:69, for
nämnder via KL 6:35). GR's steering groups are beredande organ, not nämnder; for
them the deadline check runs under its own code as a warning.
"""

from __future__ import annotations

from collections.abc import Iterator

from grmodel.model import AttendanceStatus, Meeting, MeetingStatus, Role
from grmodel.rules.base import Issue, Rule, RuleContext, Severity
from grmodel.rules.support import (
    NAMND_AND_STEERING_KINDS,
    VOTING,
    MeetingOfBodyRule,
    issues_summary,
    pass_issues,
    steering_group_variant,
)

__all__ = ["RULES"]

_DEADLINE_DAYS = 14


def _justerare_present(meeting: Meeting, _ctx: RuleContext) -> Iterator[Issue]:
    justering = meeting.justering
    if justering is None or not meeting.attendance or meeting.attendance_partial:
        return
    for index, person in enumerate(justering.justerare):
        statuses = {a.status for a in meeting.attendance if a.person == person}
        if statuses & VOTING:
            continue
        listed = (
            f"is listed as {', '.join(sorted(map(str, statuses)))}"
            if statuses
            else "is not in the attendance list"
        )
        yield Issue(
            message=f"justerare {person} {listed}",
            path=("justering", "justerare", index),
            node=justering,
        )


def _justerare_chair(meeting: Meeting, _ctx: RuleContext) -> Iterator[Issue]:
    justering = meeting.justering
    if justering is None:
        return
    chairs = {
        a.person
        for a in meeting.attendance
        if a.role is Role.ORDFORANDE and a.status is not AttendanceStatus.ABSENT
    }
    for index, person in enumerate(justering.justerare):
        if person in chairs:
            yield Issue(
                message=f"justerare {person} is the chair of {meeting.id}",
                path=("justering", "justerare", index),
                node=justering,
            )


def _late(meeting: Meeting, _ctx: RuleContext) -> Iterator[Issue]:
    justering = meeting.justering
    stated = meeting.end_date or meeting.date
    if justering is None or justering.date is None or stated is None:
        return
    last_day = stated.latest()
    signed = justering.date.earliest()
    days = (signed - last_day).days
    if days > _DEADLINE_DAYS:
        yield Issue(
            message=f"justerat {justering.date}, {days} days after the meeting "
            f"{meeting.end_date or meeting.date} (at most {_DEADLINE_DAYS})",
            path=("justering", "date"),
            node=justering,
        )


def _before(meeting: Meeting, _ctx: RuleContext) -> Iterator[Issue]:
    justering = meeting.justering
    if justering is None or justering.date is None or meeting.date is None:
        return
    if justering.date.latest() < meeting.date.earliest():
        yield Issue(
            message=f"justerat {justering.date}, before the meeting on {meeting.date}",
            path=("justering", "date"),
            node=justering,
        )


def _missing(meeting: Meeting, _ctx: RuleContext) -> Iterator[Issue]:
    if meeting.status is not MeetingStatus.HELD or not meeting.attendance:
        return
    if meeting.justering is not None and meeting.justering.justerare:
        return
    yield Issue(
        message=f"the protocol of {meeting.id} names no justerare",
        path=("justering",) if meeting.justering is not None else ("attendance",),
        node=meeting.justering,
    )


_LATE_EXAMPLE = """\
type: body
id: grupp
name: Gruppen
kind: {kind}
---
type: meeting
id: grupp-2019-11-07
body: grupp
date: "2019-11-07"
justering:
  justerare: [patrik-linde]
  date: "2019-11-29"
"""

_MEETING = 'type: meeting\nid: m1\nbody: b\ndate: "2019-11-07"\n'

RULES: list[Rule] = [
    Rule(
        code="JUS001",
        name="justerare-not-present",
        severity=Severity.ERROR,
        summary="A justerare was not present at the meeting.",
        rationale="The justerare attests that the protocol is a true record of the meeting; "
        "someone who was not present (as ledamot or serving ersättare) cannot. Usually the "
        "person id is wrong or the attendance entry is missing.",
        hint="Check the justerare's person id and their attendance entry.",
        applies_to=("meeting",),
        check=_justerare_present,
        example=_MEETING + "attendance:\n  - {person: kent-lagrell, status: present}\n"
        "  - {person: linda-holmer-nordlund, status: absent}\n"
        "justering:\n  justerare: [linda-holmer-nordlund]\n",
    ),
    Rule(
        code="JUS002",
        name="justerare-is-chair",
        severity=Severity.WARNING,
        summary="A justerare is the meeting's chair.",
        rationale="The protocol is justerat by the chair together with one or more chosen "
        "justerare ('jämte ordföranden'); the justerare's point is a second pair of eyes, "
        "which the chair cannot be. The form of justering is set by the arbetsordning "
        "(KL 5:69).",
        hint="Name the chosen justerare; the chair signs anyway.",
        legal_basis="KL 5:69",
        applies_to=("meeting",),
        check=_justerare_chair,
        example=_MEETING + "attendance:\n"
        "  - {person: kent-lagrell, status: present, role: ordförande}\n"
        "justering:\n  justerare: [kent-lagrell]\n",
    ),
    Rule(
        code="JUS003",
        name="justering-late",
        severity=Severity.ERROR,
        summary="A nämnd's protocol was justerat more than 14 days after the meeting.",
        rationale="The protocol must be justerat no later than 14 days after the meeting "
        "(KL 5:69; nämnder via KL 6:35); the appeal period runs from its announcement. "
        "Applies to boards, assemblies and presidia; steering groups are checked by JUS004.",
        hint="Check the justering date (and the meeting's date and end_date).",
        legal_basis="KL 5:69",
        applies_to=("meeting", "body"),
        make_set_rule=lambda ctx: MeetingOfBodyRule(
            ctx,
            NAMND_AND_STEERING_KINDS,
            issues_summary(_late),
            steering_group_variant(pass_issues, "JUS004"),
        ),
        example=_LATE_EXAMPLE.format(kind="board"),
    ),
    Rule(
        code="JUS004",
        name="justering-late-steering-group",
        severity=Severity.WARNING,
        summary="A steering group's protocol was justerat more than 14 days after the meeting.",
        rationale="KL 5:69 sets a 14-day limit for justering of nämnd protocols. GR's steering "
        "groups are beredande organ, not nämnder, so the limit is applied to them as a "
        "warning: a late justering delays the board's handling of what they prepared.",
        hint="Check the justering date.",
        legal_basis="KL 5:69",
        applies_to=("meeting", "body"),
        reported_by="JUS003",
        example=_LATE_EXAMPLE.format(kind="steering_group"),
    ),
    Rule(
        code="JUS005",
        name="justering-before-meeting",
        severity=Severity.ERROR,
        summary="A protocol is dated as justerat before the meeting took place.",
        rationale="A protocol cannot be justerat before the meeting; the date is misread or "
        "belongs to another meeting.",
        hint="Check the justering date and the meeting date.",
        applies_to=("meeting",),
        check=_before,
        example=_MEETING + 'justering:\n  justerare: [patrik-linde]\n  date: "2019-11-01"\n',
    ),
    Rule(
        code="JUS006",
        name="justerare-missing",
        severity=Severity.WARNING,
        summary="A held meeting with attendance names no justerare.",
        rationale="A protocol is justerat by the chair and one or more chosen justerare "
        "(usually the first §, 'Val av justerare'); none named usually means that § was not "
        "encoded.",
        hint="Add justering.justerare with the chosen person ids.",
        legal_basis="KL 5:69",
        applies_to=("meeting",),
        check=_missing,
        example=_MEETING + "attendance:\n  - {person: kent-lagrell, status: present}\n",
    ),
]
