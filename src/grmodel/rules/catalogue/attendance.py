"""ATT: attendance — contradictions in who was there, reservations, substitutes.

Reservations come from kommunallagen for nämnder (KL 4:27): only those who took
part in a decision may reserve against it. GR's steering groups are beredande
organ, not nämnder; for them the same check runs under its own code as a warning.
"""

from __future__ import annotations

from collections.abc import Iterator

from grmodel.model import Attendance, AttendanceStatus, Meeting
from grmodel.rules.base import Issue, Rule, RuleContext, Severity
from grmodel.rules.support import (
    NAMND_AND_STEERING_KINDS,
    VOTING,
    MeetingOfBodyRule,
    issues_summary,
    last_record_memo,
    overlaps,
    pass_issues,
    steering_group_variant,
)

__all__ = ["RULES"]


def _where(paragraphs: tuple[int, ...]) -> str:
    return "the whole meeting" if not paragraphs else "§ " + ", ".join(map(str, paragraphs))


@last_record_memo  # five rules group the same meeting's attendance
def _by_person(meeting: Meeting) -> dict[str, list[tuple[int, Attendance]]]:
    seen: dict[str, list[tuple[int, Attendance]]] = {}
    for index, entry in enumerate(meeting.attendance):
        seen.setdefault(entry.person, []).append((index, entry))
    return seen


def _present_and_absent(meeting: Meeting, _ctx: RuleContext) -> Iterator[Issue]:
    for person, entries in _by_person(meeting).items():
        for k, (index, entry) in enumerate(entries):
            for earlier_index, earlier in entries[:k]:
                absent = {entry.status, earlier.status} & {AttendanceStatus.ABSENT}
                if (
                    absent
                    and entry.status is not earlier.status
                    and overlaps(entry.paragraphs, earlier.paragraphs)
                ):
                    yield Issue(
                        message=f"{person} is listed as {entry.status} (attendance[{index}]) "
                        f"and as {earlier.status} (attendance[{earlier_index}]) for "
                        f"{_where(entry.paragraphs or earlier.paragraphs)}",
                        path=("attendance", index, "status"),
                        node=entry,
                    )
                    break


def _listed_twice(meeting: Meeting, _ctx: RuleContext) -> Iterator[Issue]:
    for person, entries in _by_person(meeting).items():
        for k, (index, entry) in enumerate(entries):
            for earlier_index, earlier in entries[:k]:
                contradict = (entry.status is AttendanceStatus.ABSENT) != (
                    earlier.status is AttendanceStatus.ABSENT
                )
                if not contradict and overlaps(entry.paragraphs, earlier.paragraphs):
                    yield Issue(
                        message=f"{person} is listed twice: as {earlier.status} "
                        f"(attendance[{earlier_index}]) and as {entry.status} "
                        f"(attendance[{index}])",
                        path=("attendance", index, "person"),
                        node=entry,
                    )
                    break


def _reservations(meeting: Meeting, _ctx: RuleContext) -> Iterator[Issue]:
    if not meeting.attendance or meeting.attendance_partial:
        return
    people = _by_person(meeting)
    for i, item in enumerate(meeting.items):
        for j, decision in enumerate(item.decisions):
            for k, reservation in enumerate(decision.reservations):
                entries = [e for _, e in people.get(reservation.person, ())]
                paragraph = item.paragraph
                took_part = any(
                    e.status in VOTING
                    and (paragraph is None or not e.paragraphs or paragraph in e.paragraphs)
                    for e in entries
                )
                if took_part:
                    continue
                where = f"§ {paragraph}" if paragraph is not None else f"item {item.ordinal}"
                listed = (
                    f"is listed as {', '.join(sorted({str(e.status) for e in entries}))}"
                    if entries
                    else "is not in the attendance list"
                )
                yield Issue(
                    message=f"{reservation.person} reserved against {decision.id} ({where}) "
                    f"but {listed}",
                    path=("items", i, "decisions", j, "reservations", k, "person"),
                    node=reservation,
                )


def _replaces_present(meeting: Meeting, _ctx: RuleContext) -> Iterator[Issue]:
    people = _by_person(meeting)
    for index, entry in enumerate(meeting.attendance):
        if entry.status is not AttendanceStatus.SERVING_SUBSTITUTE or not entry.replaces:
            continue
        for _, other in people.get(entry.replaces, ()):
            if other.status in VOTING and overlaps(other.paragraphs, entry.paragraphs):
                yield Issue(
                    message=f"ersättare {entry.person} serves for {entry.replaces}, who is "
                    f"listed as {other.status} for {_where(other.paragraphs)}",
                    path=("attendance", index, "replaces"),
                    node=entry,
                )
                break


def _unknown_paragraphs(meeting: Meeting, _ctx: RuleContext) -> Iterator[Issue]:
    known = {item.paragraph for item in meeting.items if item.paragraph is not None}
    if not known and meeting.stated_paragraphs is not None:
        known = set(meeting.stated_paragraphs)
    if not known:
        return
    for index, entry in enumerate(meeting.attendance):
        unknown = [p for p in entry.paragraphs if p not in known]
        if unknown:
            yield Issue(
                message=f"{entry.person} is listed for § {', '.join(map(str, unknown))}, "
                f"which the meeting does not have (§ {min(known)}–{max(known)})",
                path=("attendance", index, "paragraphs"),
                node=entry,
            )


_RESERVATION_EXAMPLE = """\
type: body
id: grupp
name: Gruppen
kind: {kind}
---
type: meeting
id: grupp-2019-11-07
body: grupp
date: "2019-11-07"
attendance:
  - {{person: kent-lagrell, status: present, role: ordförande}}
  - {{person: mariette-risberg, status: absent}}
items:
  - id: grupp-2019-11-07-p43
    ordinal: 1
    paragraph: 43
    title: Sammanträdestider 2020
    decisions:
      - id: grupp-2019-11-07-p43-d2
        kind: decided
        reservations:
          - {{person: mariette-risberg, party: D}}
"""

RULES: list[Rule] = [
    Rule(
        code="ATT001",
        name="present-and-absent",
        severity=Severity.ERROR,
        summary="A person is listed both as absent and as present at the same meeting.",
        rationale="The protocol must state who served (KL 5:66); a person both absent and "
        "present (for overlapping paragraphs) makes quorum, reservations and justering "
        "impossible to check.",
        hint="Keep one entry; limit presence to paragraphs (paragraphs: [39]) if the person "
        "came late or left early.",
        legal_basis="KL 5:66",
        applies_to=("meeting",),
        check=_present_and_absent,
        example='type: meeting\nid: m1\nbody: b\ndate: "2019-11-07"\nattendance:\n'
        "  - {person: kent-lagrell, status: present}\n"
        "  - {person: kent-lagrell, status: absent}\n",
    ),
    Rule(
        code="ATT002",
        name="listed-twice",
        severity=Severity.WARNING,
        summary="A person is listed twice in a meeting's attendance.",
        rationale="A duplicate entry double-counts the person (quorum, composition) and is "
        "often a sign of a name written two ways. Protocols do list a secretary both under "
        "'Sekreterare' and 'Övriga'; encode the person once.",
        hint="Merge the entries; use paragraphs to record presence for some § only.",
        applies_to=("meeting",),
        check=_listed_twice,
        example='type: meeting\nid: m1\nbody: b\ndate: "2019-11-07"\nattendance:\n'
        "  - {person: sara-nordenhielm, status: secretary}\n"
        "  - {person: sara-nordenhielm, status: other}\n",
    ),
    Rule(
        code="ATT003",
        name="reservation-not-present",
        severity=Severity.ERROR,
        summary="Someone reserved against a decision of a nämnd without taking part in it.",
        rationale="Only those who took part in a decision may reserve against it (KL 4:27). "
        "Taking part means being present (as ledamot or serving ersättare) for that §; "
        "attendance without paragraphs covers the whole meeting. Applies to boards, "
        "assemblies and presidia; steering groups are checked by ATT004.",
        hint="Check the reserving person's attendance (status and paragraphs) and the person "
        "id of the reservation.",
        legal_basis="KL 4:27",
        applies_to=("meeting", "body"),
        make_set_rule=lambda ctx: MeetingOfBodyRule(
            ctx,
            NAMND_AND_STEERING_KINDS,
            issues_summary(_reservations),
            steering_group_variant(pass_issues, "ATT004"),
        ),
        example=_RESERVATION_EXAMPLE.format(kind="board"),
    ),
    Rule(
        code="ATT004",
        name="reservation-not-present-steering-group",
        severity=Severity.WARNING,
        summary="Someone reserved against a steering group's decision without taking part.",
        rationale="KL 4:27 lets only those who took part in a decision reserve against it. "
        "GR's steering groups are beredande organ, not nämnder, so the law's rule is applied "
        "to them as a warning: a reservation by someone not present still contradicts the "
        "protocol's own attendance list.",
        hint="Check the reserving person's attendance (status and paragraphs).",
        legal_basis="KL 4:27",
        applies_to=("meeting", "body"),
        reported_by="ATT003",
        example=_RESERVATION_EXAMPLE.format(kind="steering_group"),
    ),
    Rule(
        code="ATT005",
        name="substitute-replaces-present",
        severity=Severity.WARNING,
        summary="A serving ersättare replaces a ledamot who is listed as present.",
        rationale="An ersättare serves only in place of an absent ledamot (KL 5:18, 6:16–17); "
        "replacing a present one double-counts a seat.",
        hint="Check the replaces field, or the replaced ledamot's status and paragraphs.",
        legal_basis="KL 6:16",
        applies_to=("meeting",),
        check=_replaces_present,
        example='type: meeting\nid: m1\nbody: b\ndate: "2019-11-07"\nattendance:\n'
        "  - {person: a, status: present}\n"
        "  - {person: b, status: serving_substitute, replaces: a}\n",
    ),
    Rule(
        code="ATT006",
        name="attendance-unknown-paragraph",
        severity=Severity.WARNING,
        summary="Attendance is limited to a § the meeting does not have.",
        rationale="Presence 'for § 39' must name a paragraph of the meeting; otherwise a "
        "number was misread (OCR) or belongs to another meeting.",
        hint="Correct the paragraph numbers of the attendance entry.",
        applies_to=("meeting",),
        check=_unknown_paragraphs,
        example='type: meeting\nid: m1\nbody: b\ndate: "2019-11-07"\n'
        "stated_paragraphs: {first: 38, last: 47}\nattendance:\n"
        "  - {person: pia-eriksson, status: other, paragraphs: [93]}\n",
    ),
]
