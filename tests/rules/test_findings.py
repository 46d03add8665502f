"""Each rule on record sets that trip it (code, line, message) and that pass it."""

from __future__ import annotations

import pytest

from grmodel.testing import ValidateYaml, codes

from .good_set import GOOD, MEETING

M = 'type: meeting\nid: m1\nbody: {body}\ndate: "2019-11-07"\n'
SG = "gr-styrgruppen-social-valfard"


def meeting(body: str = SG, extra: str = "") -> str:
    return M.format(body=body) + extra


def board(kind: str = "board", total: int = 5) -> str:
    return f"type: body\nid: b\nname: Styrelsen\nkind: {kind}\nseats: {{total: {total}}}\n---\n"


def people(*entries: str) -> str:
    return "attendance:\n" + "".join(f"  - {{{e}}}\n" for e in entries)


def item(paragraph: int, ordinal: int = 1, extra: str = "") -> str:
    return (
        f"  - id: i{paragraph}\n    ordinal: {ordinal}\n    paragraph: {paragraph}\n"
        f"    title: Ärende\n{extra}"
    )


def reservation(paragraph: int, person: str, kind: str = "decided") -> str:
    return item(
        paragraph,
        extra=f"    decisions:\n      - id: d{paragraph}\n        kind: {kind}\n"
        f"        reservations:\n          - {{person: {person}}}\n",
    )


def sg_attendance(present: int) -> str:
    entries = [f"person: p{i}, status: present" for i in range(present)]
    entries += [f"person: q{i}, status: absent" for i in range(15 - present)]
    return people(*entries)


def swap(old: str, new: str, count: int = 1) -> str:
    assert old in GOOD, old
    return GOOD.replace(old, new, count)


# (code, record set, text on the finding's line, words the message must contain)
TRIPS: list[tuple[str, str, str | tuple[str, int], tuple[str, ...]]] = [
    # meetings
    (
        "MTG001",
        board()
        + meeting(
            "b",
            people(
                "person: a, status: present",
                "person: c, status: absent",
                "person: d, status: absent",
                "person: e, status: absent",
            ),
        ),
        "person: a",
        ("1 of 5", "quorum needs 3"),
    ),
    (
        "MTG001",
        board()
        + meeting(
            "b",
            people(
                "person: a, status: present",
                "person: b, status: present",
                "person: c, status: present, paragraphs: [39]",
                "person: d, status: absent",
                "person: e, status: absent",
            )
            + "items:\n"
            + item(38)
            + item(39, 2),
        ),
        "person: a",
        ("2 of 5", "§ 38"),
    ),
    ("MTG002", meeting(extra=sg_attendance(7)), "person: p0", ("7 of 15", "quorum needs 8")),
    (
        "MTG003",
        meeting(extra=people("person: a, status: absent", "person: s, status: other")),
        "person: a",
        ("no ledamot",),
    ),
    ("MTG004", meeting(extra=people("person: a, status: present")), "- {person: a", ("secretary",)),
    (
        "MTG005",
        swap("kind: proposal, target_body: gr-forbundsstyrelsen", "kind: proposal"),
        "kind: proposal",
        ("p39-d2", "§ 39", "target_body"),
    ),
    (
        "MTG006",
        swap("kind: assignment, assignee: avdelningschefen", "kind: assignment"),
        "kind: assignment",
        ("p40-d2", "assignee"),
    ),
    # attendance
    (
        "ATT001",
        swap(
            "{person: erling-alsin, status: present", "{person: erling-alsin, status: absent"
        ).replace(
            "  - {person: sara-nordenhielm",
            "  - {person: erling-alsin, status: present}\n  - {person: sara-nordenhielm",
        ),
        "{person: erling-alsin, status: present}",
        ("erling-alsin", "present", "absent"),
    ),
    (
        "ATT002",
        swap(
            "  - {person: sara-nordenhielm, status: secretary}\n",
            "  - {person: sara-nordenhielm, status: secretary}\n"
            "  - {person: sara-nordenhielm, status: other}\n",
        ),
        "status: other",
        ("sara-nordenhielm", "twice", "secretary", "other"),
    ),
    (
        "ATT003",
        board()
        + meeting(
            "b",
            people("person: a, status: present", "person: r, status: present, paragraphs: [38]")
            + "items:\n"
            + item(38)
            + reservation(39, "r"),
        ),
        "{person: r}",
        ("r reserved against d39", "§ 39", "present"),
    ),
    (
        "ATT004",
        swap(
            "{person: mariette-risberg, status: present",
            "{person: mariette-risberg, status: absent",
        ),
        "- {person: mariette-risberg, party: D",
        ("mariette-risberg", "§ 43", "absent"),
    ),
    (
        "ATT004",
        swap(
            "{person: mariette-risberg, party: D, municipality: Göteborg}",
            "{person: mette-risberg, party: D}",
        ),
        "{person: mette-risberg",
        ("mette-risberg", "not in the attendance list"),
    ),
    (
        "ATT005",
        meeting(
            extra=people(
                "person: a, status: present, paragraphs: [39]",
                "person: b, status: serving_substitute, replaces: a",
            )
        ),
        "replaces: a",
        ("ersättare b serves for a", "§ 39"),
    ),
    (
        "ATT006",
        swap(
            "{person: sara-nordenhielm, status: secretary}",
            "{person: sara-nordenhielm, status: secretary, paragraphs: [48]}",
        ),
        "paragraphs: [48]",
        ("§ 48", "§ 38–47"),
    ),
    # justering
    (
        "JUS001",
        swap("justerare: [patrik-linde]", "justerare: [kalle-passe-sundvall]"),
        "justerare: [kalle",
        ("justerare kalle-passe-sundvall", "absent"),
    ),
    (
        "JUS002",
        swap("justerare: [patrik-linde]", "justerare: [kent-lagrell]"),
        "justerare: [kent",
        ("justerare kent-lagrell is the chair",),
    ),
    (
        "JUS003",
        board()
        + meeting("b", 'end_date: "2019-11-08"\njustering: {justerare: [a], date: "2019-11-23"}\n'),
        "justering:",
        ("15 days after", "2019-11-08", "at most 14"),
    ),
    ("JUS004", swap('date: "2019-11-14"', 'date: "2019-12-02"'), '"2019-12-02"', ("25 days",)),
    ("JUS005", swap('date: "2019-11-14"', 'date: "2019-11-06"'), '"2019-11-06"', ("before",)),
    (
        "JUS006",
        swap('justering:\n  justerare: [patrik-linde]\n  date: "2019-11-14"\n', ""),
        "- {person: kent-lagrell",
        ("names no justerare",),
    ),
    # numbering
    (
        "NUM001",
        swap("paragraph: 41", "paragraph: 40"),
        ('"§ 41."\n    paragraph: 40', 1),
        ("§ 40", "items[2]", "items[3]"),
    ),
    (
        "NUM002",
        meeting(extra="items:\n" + item(38) + item(40, 2) + item(39, 3)),
        "paragraph: 39",
        ("§ 39 comes after § 40",),
    ),
    (
        "NUM003",
        swap(
            "stated_paragraphs: {first: 38, last: 47}", "stated_paragraphs: {first: 38, last: 48}"
        ),
        "stated_paragraphs",
        ("§§ 38–48", "§ 48"),
    ),
    (
        "NUM004",
        meeting(extra="items:\n" + item(287)).replace("2019-11-07", "2017-12-14")
        + "---\ntype: meeting\nid: m2\nbody: "
        + SG
        + '\ndate: "2018-02-01"\nitems:\n'
        + item(310),
        "type: meeting\nid: m2",
        ("starts at § 310", "§§ 288–309"),
    ),
    (
        "NUM005",
        swap("ordinal: 2\n", "ordinal: 1\n"),
        'ordinal: 1\n    number: "§ 39."',
        ("ordinal 1",),
    ),
    ("NUM006", swap('number: "§ 44."', 'number: "§ 45."'), '"§ 45."', ("'§ 45.'", "44")),
    # identifiers, references
    (
        "IDN001",
        swap('diarienummer: "2019-00368"', 'diarienummer: "2019-0368"'),
        "diarienummer",
        ("2019-0368",),
    ),
    ("IDN002", swap("212000-1355", "212000-1356"), "organisationsnummer", ("Luhn",)),
    ("IDN003", swap("id: f2", "id: f1"), "id: f1\nstatement: elva", ("'f1'", "stated_figure")),
    (
        "REF001",
        swap("announced_in: " + MEETING, "announced_in: " + MEETING + "-x"),
        "announced_in: " + MEETING + "-x",
        ("announced_in", "-x", "names no meeting"),
    ),
    (
        "REF001",
        swap("target_body: gr-forbundsstyrelsen", "target_body: kent-lagrell"),
        "target_body: kent-lagrell",
        ("names a person, not a body",),
    ),
    # parties
    (
        "PTY001",
        swap("party: V, municipality: Tjörn", "party: Xyz, municipality: Tjörn"),
        "party: Xyz",
        ("'Xyz'",),
    ),
    (
        "PTY002",
        swap("party: L, municipality: Göteborg", "party: FP, municipality: Göteborg"),
        "party: FP",
        ("FP", "2019-11-07", "succeeded by L"),
    ),
    (
        "PTY003",
        swap("party: V, municipality: Tjörn", 'party: "(v)", municipality: Tjörn'),
        "(v)",
        ("'(v)'", "V"),
    ),
    # municipalities
    (
        "MUN001",
        swap("name: Göteborg\ncounty", "name: Gäteborg\ncounty"),
        "name: Gäteborg",
        ("1480 is Göteborg",),
    ),
    ("MUN001", swap('county: "14"', 'county: "13"'), 'county: "13"', ("county 14, not 13",)),
    (
        "MUN002",
        swap("party: SD, municipality: Stenungsund", "party: SD, municipality: Stenungssund"),
        "Stenungssund",
        ("'Stenungssund'", "did you mean Stenungsund"),
    ),
    (
        "MUN002",
        swap("Partille, Stenungsund", "Partille, Stenungssund"),
        "participants",
        ("did you mean Stenungsund",),
    ),
    # dates
    (
        "DAT001",
        swap('start: "2008-07", end: "2010-06-30"', 'start: "2010-07", end: "2010-06-30"'),
        'start: "2010-07"',
        ("2010-06-30", "2010-07"),
    ),
    ("DAT002", swap('end_time: "12:00"', 'end_time: "08:00"'), "end_time", ("08:00", "09:00")),
    ("DAT003", swap('date: "2019-10-28"', 'date: "2019-11-28"'), "basis: [dnr", ("2019-11-28",)),
    (
        "DAT004",
        swap('date: "2020-01-24"', 'date: "2019-01-24"'),
        "announced_in:",
        ("2019-01-24", MEETING),
    ),
    ("DAT005", swap('date: "2019-10-28"', 'date: "2991-10-28"'), "2991", ("future",)),
    (
        "DAT006",
        'type: meeting\nid: m1\nbody: b\ndate: "2019-11-07"\nweekday: fredag\n',
        "weekday: fredag",
        ("fredag", "torsdag"),
    ),
    (
        "DAT007",
        'type: meeting\nid: m1\nbody: b\nstated_date: "den 18 december"\n',
        "stated_date",
        ("no date", "18 december"),
    ),
    (
        "IMP001",
        "type: document\nid: d1\nkind: protokoll\nnotes:\n"
        "  - {span: {line: 2}, text: x, reason: other-note}\n"
        "  - {span: {line: 4}, text: Närvarande, reason: empty-attendance-heading}\n",
        "reason: empty-attendance-heading",
        ("attendance heading",),
    ),
    (
        "IMP002",
        "type: document\nid: d1\nkind: protokoll\nnotes:\n"
        "  - {span: {line: 2}, text: x, reason: other-note}\n"
        "  - {span: {line: 4}, text: Närvarande, reason: no-attendance}\n",
        "reason: no-attendance",
        ("no attendance",),
    ),
    (
        "IMP003",
        "type: document\nid: d1\nkind: protokoll\nnotes:\n"
        "  - {span: {line: 2}, text: x, reason: other-note}\n"
        "  - {span: {line: 4}, text: Närvarande, reason: no-items}\n",
        "reason: no-items",
        ("no item",),
    ),
    (
        "IMP004",
        "type: document\nid: d1\nkind: protokoll\nnotes:\n"
        "  - {span: {line: 2}, text: x, reason: other-note}\n"
        "  - {span: {line: 4}, text: Närvarande, reason: date-outside-header}\n",
        "reason: date-outside-header",
        ("header",),
    ),
    (
        "IMP005",
        "type: document\nid: d1\nkind: protokoll\nnotes:\n"
        "  - {span: {line: 2}, text: x, reason: other-note}\n"
        "  - {span: {line: 4}, text: Närvarande, reason: body-not-named}\n",
        "reason: body-not-named",
        ("no body",),
    ),
    (
        "IMP006",
        "type: document\nid: d1\nkind: protokoll\nnotes:\n"
        "  - {span: {line: 2}, text: x, reason: other-note}\n"
        "  - {span: {line: 4}, text: Anna Ek, reason: attendance-conflict}\n",
        "reason: attendance-conflict",
        ("both",),
    ),
    (
        "IMP007",
        "type: document\nid: d1\nkind: protokoll\nnotes:\n"
        "  - {span: {line: 2}, text: x, reason: other-note}\n"
        "  - {span: {line: 4}, text: Anna Ek (M) Bo Lind (S), reason: justerare-unread}\n",
        "reason: justerare-unread",
        ("justerare heading",),
    ),
    (
        "IMP009",
        "type: document\nid: d1\nkind: other\nnotes:\n"
        "  - {span: {line: 2}, text: x, reason: other-note}\n"
        "  - {span: {line: 14}, text: 'persons[0].email', reason: unread-key}\n",
        "reason: unread-key",
        ("reached no record", "persons[0].email"),
    ),
    (
        "IMP008",
        "type: document\nid: d1\nkind: protokoll\nline_count: 12\n"
        "dropped:\n  - {span: {line: 1, end_line: 2}, text: Sida 1, reason: page header}\n"
        "unplaced:\n"
        '  - {span: {line: 3, end_line: 5}, text: "Presentation laddar.\\nVänta.\\nx"}\n'
        "  - {span: {line: 7}, text: Göteborg, reason: words not placed}\n"
        '  - {span: {line: 9, end_line: 10}, text: "Sidan kunde\\ninte visas"}\n',
        "- {span: {line: 3, end_line: 5}",
        ("6 of 10 lines (60%)", "9 word(s)", "from line(s) 3, 7, 9"),
    ),
    # bodies
    (
        "BOD001",
        GOOD
        + "---\ntype: membership\nid: extra\nperson: sara-nordenhielm\nbody: "
        + SG
        + '\nrole: ledamot\nperiod: {start: "2020-01-01"}\n',
        "type: membership\nid: extra",
        ("16 ledamöter on 2020-01-01", "15 seats"),
    ),
    (
        "BOD002",
        swap("party: M, municipality: Öckerö", "party: M, municipality: Göteborg"),
        "- {person: kent-lagrell",
        ("Göteborg has 4 ledamöter listed", "is 3"),
    ),
    # funding
    ("FUN001", swap("amount: 132500", "amount: 1325000"), "own_share", ("exceeds",)),
    (
        "FUN002",
        swap('{amount: 132500, stated: "132 500 kr"}', '{amount: 500, stated: "500 kr"}'),
        "own_share",
        ("0.19 %", "265 000 kr"),
    ),
    (
        "FUN003",
        swap('stated: "132 500 kr"', 'stated: "13 2500 kr"'),
        "own_share",
        ("irregular digit grouping",),
    ),
    (
        "FUN003",
        swap('stated: "265 000 kr"', 'stated: "256 000 kr"'),
        "amount: {amount: 265000",
        ("256 000", "265 000 kr"),
    ),
    (
        "FUN004",
        swap("amount: 265000}", "amount: 365000}"),
        ("funding:\n  - funder: Länsstyrelsen", 1),
        ("365 000 kr",),
    ),
    # figures
    (
        "FIG001",
        swap("value: 1\n", "value: 27\n"),
        "value: 27\n",
        ("states 27", "1 collaboration"),
    ),
    (
        "FIG002",
        swap("value: 11\n", "value: 12\n"),
        "value: 12\n",
        ("12 participants", "lists 11"),
    ),
    (
        "FIG003",
        swap("out_of: 13", "out_of: 12"),
        "out_of: 12",
        ("11 of 12", "13 members"),
    ),
    # memberships
    (
        "MEM001",
        GOOD
        + "---\ntype: membership\nid: extra\nperson: erling-alsin\nbody: "
        + SG
        + '\nrole: ledamot\nparty: S\nperiod: {start: "2020-01-01"}\n',
        "party: S\nperiod",
        ("erling-alsin", "S", "V"),
    ),
    (
        "MEM002",
        swap(
            "{person: erling-alsin, status: present, party: V",
            "{person: erling-alsin, status: present, party: S",
        ),
        "erling-alsin, status: present",
        ("listed for S", "for V"),
    ),
]


def line_of(text: str, marker: str | tuple[str, int]) -> int:
    """The line of the first occurrence of ``marker`` (plus an offset in lines)."""
    marker, offset = marker if isinstance(marker, tuple) else (marker, 0)
    return text[: text.index(marker)].count("\n") + 1 + offset


@pytest.mark.parametrize(
    ("code", "text", "marker", "words"), TRIPS, ids=[f"{c}-{i}" for i, (c, *_) in enumerate(TRIPS)]
)
def test_trips(
    check: ValidateYaml,
    code: str,
    text: str,
    marker: str | tuple[str, int],
    words: tuple[str, ...],
) -> None:
    findings = [f for f in check(text, select=[code]) if f.code == code]
    assert len(findings) == 1, [f.message for f in findings]
    finding = findings[0]
    assert finding.line == line_of(text, marker), finding
    for word in words:
        assert word in finding.message, finding.message


def test_every_rule_has_a_trip_case() -> None:
    from grmodel.plugins import get_plugin_manager

    tripped = {code for code, *_ in TRIPS}
    rules = {r.code for r in get_plugin_manager(load_entrypoints=False).rules}
    assert {c for c in rules if not c.startswith("LOAD")} <= tripped


# (code, record set) that must give no finding of that code: edge cases
PASSES: list[tuple[str, str]] = [
    # the stated weekday matches the date (and "torsdagen" is a weekday too)
    ("DAT006", 'type: meeting\nid: m1\nbody: b\ndate: "2019-11-07"\nweekday: torsdagen\n'),
    # the decision-makers are listed in an attachment: a justerare missing from the
    # partial list is no finding
    (
        "JUS001",
        'type: meeting\nid: m1\nbody: b\ndate: "2019-11-07"\n'
        "attendance_elsewhere: Se bilaga 1\n"
        "attendance:\n  - {person: p, status: other}\n"
        "justering:\n  justerare: [q]\n",
    ),
    # a dated meeting is not undated
    ("DAT007", 'type: meeting\nid: m1\nbody: b\ndate: "2019-11-07"\n'),
    # a note of another kind is not this rule's
    (
        "IMP001",
        "type: document\nid: d1\nkind: protokoll\nnotes:\n  - {span: {line: 2}, text: x, reason: no-items}\n",
    ),
    # half of the lines read unplaced is not more than half (page headers not read)
    (
        "IMP008",
        "type: document\nid: d1\nkind: protokoll\nline_count: 12\n"
        "dropped:\n  - {span: {line: 1, end_line: 2}, text: Sida 1, reason: page header}\n"
        'unplaced:\n  - {span: {line: 3, end_line: 7}, text: "a\\nb\\nc\\nd\\ne"}\n',
    ),
    # serving substitutes count for the quorum
    (
        "MTG001",
        board()
        + meeting(
            "b",
            people(
                "person: a, status: present",
                "person: b, status: present",
                "person: x, status: absent",
                "person: y, status: serving_substitute, replaces: x",
                "person: z, status: absent",
            ),
        ),
    ),
    # exactly half is not enough, more than half is: 8 of 15
    ("MTG002", meeting(extra=sg_attendance(8))),
    # an agenda without attendance is not a protocol
    ("MTG004", meeting(extra="items:\n" + item(1))),
    ("MTG003", meeting(status_extra := "") + "status: planned\n"),
    # present for § 39 only, absent for the rest: no conflict
    (
        "ATT001",
        meeting(
            extra=people(
                "person: a, status: present, paragraphs: [39]",
                "person: a, status: absent, paragraphs: [40, 41]",
            )
        ),
    ),
    (
        "ATT002",
        meeting(
            extra=people(
                "person: a, status: other, paragraphs: [39]",
                "person: a, status: other, paragraphs: [41]",
            )
        ),
    ),
    # present for the § of the reservation
    (
        "ATT003",
        board()
        + meeting(
            "b",
            people("person: r, status: present, paragraphs: [39]")
            + "items:\n"
            + reservation(39, "r"),
        ),
    ),
    (
        "ATT005",
        meeting(
            extra=people(
                "person: a, status: absent", "person: b, status: serving_substitute, replaces: a"
            )
        ),
    ),
    # a justerare who is a serving substitute
    (
        "JUS001",
        meeting(
            extra=people("person: a, status: serving_substitute") + "justering: {justerare: [a]}\n"
        ),
    ),
    # exactly 14 days after the last day of a two-day meeting
    (
        "JUS003",
        board()
        + meeting("b", 'end_date: "2019-11-08"\njustering: {justerare: [a], date: "2019-11-22"}\n'),
    ),
    ("JUS004", swap('date: "2019-11-14"', 'date: "2019-11-21"')),
    # a restart at § 1 is accepted; running on is accepted
    (
        "NUM004",
        meeting(extra="items:\n" + item(287)).replace("2019", "2017")
        + "---\ntype: meeting\nid: m2\nbody: "
        + SG
        + '\ndate: "2018-02-01"\nitems:\n'
        + item(1),
    ),
    (
        "NUM004",
        meeting(extra="items:\n" + item(287)).replace("2019", "2017")
        + "---\ntype: meeting\nid: m2\nbody: "
        + SG
        + '\ndate: "2018-02-01"\nitems:\n'
        + item(288),
    ),
    (
        "NUM002",
        meeting(
            extra="items:\n  - {id: i1, ordinal: 1, title: Justering}\n" + item(38, 2) + item(39, 3)
        ),
    ),
    # other diarienummer families
    (
        "IDN001",
        'type: document\nid: d\nkind: remiss\ndiarienummer: "KS 2019/123"\n---\n'
        'type: document\nid: d2\nkind: remiss\ndiarienummer: "08-193.012"\n',
    ),
    # FP before the rename, L after; KDS in 1994
    (
        "PTY002",
        meeting(extra=people("person: a, status: present, party: FP")).replace(
            "2019-11-07", "2014-03-06"
        ),
    ),
    (
        "PTY002",
        meeting(extra=people("person: a, status: present, party: KDS")).replace(
            "2019-11-07", "1994-03-06"
        ),
    ),
    (
        "PTY001",
        meeting(extra=people('person: a, status: present, party: "(fp)"')).replace(
            "2019-11-07", "2006-03-06"
        ),
    ),
    # Göteborgs Stad and Lerums kommun resolve; Länsstyrelsen is no near miss
    (
        "MUN002",
        'type: project\nid: p\nname: P\nparticipants: ["Göteborgs Stad", "Lerums kommun", '
        "Länsstyrelsen, Biskopsgården]\n",
    ),
    # Kungsbacka is in Hallands län
    ("MUN001", 'type: municipality\nid: k\ncode: "1384"\nname: Kungsbacka\ncounty: "13"\n'),
    # partial dates are read generously
    ("DAT001", 'type: project\nid: p\nname: P\nperiod: {start: "2010", end: "2010-06"}\n'),
    # a two-day meeting may end before it started on the clock
    (
        "DAT002",
        'type: meeting\nid: m\nbody: b\ndate: "2020-03-19"\nend_date: "2020-03-20"\n'
        'start_time: "13:00"\nend_time: "12:00"\n',
    ),
    # FP and L are one party by succession
    (
        "MEM002",
        swap(
            "{person: kristina-bergman-alme, status: present, party: L",
            "{person: kristina-bergman-alme, status: present, party: L",
        ).replace(
            "id: "
            + SG
            + "-kristina-bergman-alme\nperson: kristina-bergman-alme\nbody: "
            + SG
            + "\nrole: ledamot\nparty: L",
            "id: "
            + SG
            + "-kristina-bergman-alme\nperson: kristina-bergman-alme\nbody: "
            + SG
            + "\nrole: ledamot\nparty: FP",
        ),
    ),
    # consecutive memberships with different roles do not overlap
    (
        "MEM001",
        GOOD
        + "---\ntype: membership\nid: extra\nperson: erling-alsin\nbody: "
        + SG
        + '\nrole: ersättare\nparty: V\nperiod: {start: "2023-01-01"}\n',
    ),
    # figures count list membership
    (
        "FIG001",
        swap(
            'filters: {gr_participation: "true", kind: network}', "filters: {participants: Mölndal}"
        ),
    ),
]


@pytest.mark.parametrize(
    ("code", "text"), PASSES, ids=[f"{c}-{i}" for i, (c, _) in enumerate(PASSES)]
)
def test_passes(check: ValidateYaml, code: str, text: str) -> None:
    findings = check(text, select=[code])
    assert code not in codes(findings), [f.message for f in findings]
    assert not [f for f in findings if f.code.startswith("LOAD")], findings


def test_findings_on_imported_nodes_carry_the_source_span() -> None:
    from grmodel.model import (
        Attendance,
        AttendanceStatus,
        Justering,
        Meeting,
        PartialDate,
        Role,
        Span,
    )
    from grmodel.pipeline.validation import RunContext
    from grmodel.refdata import load_reference_data
    from grmodel.rules.catalogue import justering

    rule = next(r for r in justering.RULES if r.code == "JUS002")
    assert rule.check is not None
    chair = Attendance(person="k", status=AttendanceStatus.PRESENT, role=Role.ORDFORANDE)
    record = Meeting(
        id="m",
        body="b",
        date=PartialDate(2019, 11, 7),
        attendance=(chair,),
        justering=Justering(justerare=("k",), source=Span(240)),
    )
    issues = list(rule.check(record, RunContext(load_reference_data())))
    assert issues[0].node.source == Span(240)
    assert issues[0].path == ("justering", "justerare", 0)
