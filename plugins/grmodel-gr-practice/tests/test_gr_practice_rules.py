"""Tests of the GRP rules, through grmodel's public API only.

The plugin module is registered by hand (``plugins=[...]``), so these tests run
whether or not the distribution is installed.
"""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest
from grmodel_gr_practice import plugin
from grmodel_gr_practice.rules import RULES

from grmodel.pipeline import Finding, validate
from grmodel.plugins import GrPluginManager, get_plugin_manager
from grmodel.validation import ValidationConfig

CODES = [rule.code for rule in RULES]


@pytest.fixture
def pm() -> GrPluginManager:
    """A fresh plugin manager: the built-ins plus this plugin, no other installed plugin."""
    return get_plugin_manager(load_entrypoints=False, plugins=[("gr-practice", plugin)])


def check(pm: GrPluginManager, tmp_path: Path, text: str, select: str = "GRP") -> list[Finding]:
    """Validate one YAML record file with only ``select`` rules; return the findings."""
    file = tmp_path / "records.yaml"
    file.write_text(textwrap.dedent(text), encoding="utf-8")
    report = validate([file], pm, ValidationConfig(select=(select,)))
    return report.findings


def codes(findings: list[Finding]) -> list[str]:
    return [f.code for f in findings]


# -- registration and metadata ------------------------------------------------


def test_rules_registered_under_plugin_name(pm: GrPluginManager) -> None:
    registered = {r.code: r for r in pm.rules if r.code.startswith("GRP")}
    assert sorted(registered) == CODES
    assert {r.plugin for r in registered.values()} == {"gr-practice"}


def test_disabled_by_name() -> None:
    pm = get_plugin_manager(
        load_entrypoints=False, plugins=[("gr-practice", plugin)], disabled=["gr-practice"]
    )
    assert not [r for r in pm.rules if r.code.startswith("GRP")]


@pytest.mark.parametrize("rule", RULES, ids=CODES)
def test_metadata_complete(rule) -> None:  # type: ignore[no-untyped-def]
    assert re.fullmatch(r"GRP\d{3}", rule.code)
    assert re.fullmatch(r"[a-z]+(-[a-z]+)*", rule.name)
    assert rule.summary.endswith(".")
    assert len(rule.rationale) > 200
    assert rule.hint
    assert rule.example


@pytest.mark.parametrize("rule", RULES, ids=CODES)
def test_example_trips_its_rule(pm: GrPluginManager, tmp_path: Path, rule) -> None:  # type: ignore[no-untyped-def]
    findings = check(pm, tmp_path, rule.example, select=rule.code)
    assert codes(findings) == [rule.code]
    assert findings[0].plugin == "gr-practice"
    assert findings[0].rule == rule.name
    assert findings[0].file and findings[0].line


# -- GRP001 --------------------------------------------------------------------

SG = """\
- {type: body, id: sg, name: Styrgruppen, kind: steering_group}
"""


def meetings(body: str, dates: list[str], status: str = "held") -> str:
    return "".join(
        f'- {{type: meeting, id: {body}-{d}-{status}, body: {body}, date: "{d}", status: {status}}}\n'
        for d in dates
    )


def test_grp001_passes_six_meetings(pm: GrPluginManager, tmp_path: Path) -> None:
    dates = ["2019-02-07", "2019-03-14", "2019-05-09", "2019-09-12", "2019-10-10", "2019-11-07"]
    text = SG + meetings("sg", ["2018-12-06", *dates, "2020-02-06"])
    assert check(pm, tmp_path, text, "GRP001") == []


def test_grp001_counts_planned_not_cancelled_and_dates_once(
    pm: GrPluginManager, tmp_path: Path
) -> None:
    held = ["2019-02-07", "2019-03-14", "2019-05-09"]
    text = (
        SG
        + meetings("sg", ["2018-12-06", *held, "2020-02-06"])
        + meetings("sg", held, status="planned")  # the same dates, announced earlier
        + meetings("sg", ["2019-09-12", "2019-10-10"], status="cancelled")
    )
    findings = check(pm, tmp_path, text, "GRP001")
    assert codes(findings) == ["GRP001"]
    assert "3 meeting(s) in 2019" in findings[0].message
    text += meetings("sg", ["2019-11-07"], status="planned")
    assert check(pm, tmp_path, text, "GRP001") == []


def test_grp001_too_many(pm: GrPluginManager, tmp_path: Path) -> None:
    dates = [f"2019-{month:02d}-10" for month in range(1, 11)]
    findings = check(pm, tmp_path, SG + meetings("sg", ["2018-12-06", *dates, "2020-02-06"]))
    assert codes(findings) == ["GRP001"]
    assert "10 meeting(s)" in findings[0].message


def test_grp001_first_and_last_year_not_judged(pm: GrPluginManager, tmp_path: Path) -> None:
    assert check(pm, tmp_path, SG + meetings("sg", ["2019-11-07", "2020-02-06"])) == []


def test_grp001_years_after_a_gap_not_judged(pm: GrPluginManager, tmp_path: Path) -> None:
    # Scattered protocols (2009, then 2019 and next year's planned dates) say nothing
    # about how often the group met in 2019.
    text = SG + meetings("sg", ["2009-09-09", "2019-11-07", "2020-02-06"])
    assert check(pm, tmp_path, text) == []


def test_grp001_only_steering_groups(pm: GrPluginManager, tmp_path: Path) -> None:
    text = "- {type: body, id: net, name: IFO-chefer, kind: network}\n" + meetings(
        "net", ["2018-12-06", "2019-03-14", "2020-02-06"]
    )
    assert check(pm, tmp_path, text) == []


def test_grp001_reference_body_kind(pm: GrPluginManager, tmp_path: Path) -> None:
    body = "gr-styrgruppen-social-valfard"  # a steering group in GR's reference bodies
    findings = check(pm, tmp_path, meetings(body, ["2018-12-06", "2019-03-14", "2020-02-06"]))
    assert codes(findings) == ["GRP001"]
    assert findings[0].record == f"{body}-2019-03-14-held"


# -- GRP002 --------------------------------------------------------------------


def meeting_with(attendance: str) -> str:
    return (
        'type: meeting\nid: m\nbody: gr-styrgruppen-social-valfard\ndate: "2019-11-07"\n'
        "attendance:\n" + attendance
    )


def test_grp002_passes_for_missing_party(pm: GrPluginManager, tmp_path: Path) -> None:
    text = meeting_with(
        "  - {person: a, status: present, party: S}\n"
        "  - {person: b, status: absent, party: V}\n"
        "  - {person: c, status: adjungerad, party: V}\n"
    )
    assert check(pm, tmp_path, text) == []


def test_grp002_party_aliases_and_serving_substitutes(pm: GrPluginManager, tmp_path: Path) -> None:
    text = meeting_with(
        "  - {person: a, status: serving_substitute, party: (m)}\n"
        "  - {person: b, status: adjungerad, party: M}\n"
    )
    findings = check(pm, tmp_path, text)
    assert codes(findings) == ["GRP002"]
    assert findings[0].line == 7  # the adjungerad entry's line
    assert findings[0].path == "attendance[1]"


def test_grp002_without_party_not_judged(pm: GrPluginManager, tmp_path: Path) -> None:
    text = meeting_with(
        "  - {person: a, status: present, party: S}\n  - {person: b, status: adjungerad}\n"
    )
    assert check(pm, tmp_path, text) == []


# -- GRP003 --------------------------------------------------------------------

RESERVATION = """\
type: meeting
id: m
body: gr-styrgruppen-social-valfard
date: "2019-11-07"
items:
  - id: m-p41
    ordinal: 1
    title: Budget
    decisions:
      - id: m-p41-d1
        kind: proposal
        reservations:
          - person: c
            party: D
"""


def test_grp003_trips_without_reason(pm: GrPluginManager, tmp_path: Path) -> None:
    findings = check(pm, tmp_path, RESERVATION)
    assert codes(findings) == ["GRP003"]
    assert str(findings[0].severity) == "info"
    assert findings[0].line == 13
    assert findings[0].path == "items[0].decisions[0].reservations[0]"


def test_grp003_passes_with_reason(pm: GrPluginManager, tmp_path: Path) -> None:
    text = RESERVATION + "            reason: på grund av att budgeten inte räcker\n"
    assert check(pm, tmp_path, text) == []


# -- GRP004 --------------------------------------------------------------------


def membership(body: str, person: str, role: str) -> str:
    return (
        f"- {{type: membership, id: {body}-{person}, person: {person}, body: {body}, "
        f"role: {role}}}\n"
    )


def test_grp004_passes_with_chair_and_vice(pm: GrPluginManager, tmp_path: Path) -> None:
    text = SG + membership("sg", "a", "ordförande") + membership("sg", "b", "vice_ordförande")
    assert check(pm, tmp_path, text) == []


def test_grp004_presidium_body_counts(pm: GrPluginManager, tmp_path: Path) -> None:
    text = (
        SG
        + "- {type: body, id: sg-presidium, name: Presidiet, kind: presidium, parent: sg}\n"
        + membership("sg", "a", "ledamot")
        + membership("sg-presidium", "a", "ordförande")
        + membership("sg-presidium", "b", "vice_ordförande")
    )
    assert check(pm, tmp_path, text) == []


def test_grp004_reports_missing_roles_at_body(pm: GrPluginManager, tmp_path: Path) -> None:
    findings = check(pm, tmp_path, SG + membership("sg", "a", "ledamot"))
    assert codes(findings) == ["GRP004"]
    assert "no chair (ordförande) and no vice chair" in findings[0].message
    assert findings[0].record == "sg"
    assert findings[0].line == 1


def test_grp004_only_steering_groups(pm: GrPluginManager, tmp_path: Path) -> None:
    text = "- {type: body, id: net, name: IFO-chefer, kind: network}\n" + membership(
        "net", "a", "ledamot"
    )
    assert check(pm, tmp_path, text) == []


# -- GRP005 --------------------------------------------------------------------

OMEDELBAR = """\
type: meeting
id: m
body: gr-forbundsstyrelsen
date: "2019-12-13"
items:
  - id: m-p300
    ordinal: 1
    title: Budget 2020
    text: {item_text}
    decisions:
      - id: m-p300-d1
        kind: decided
        clauses: [fastställa budget 2020{clause}]
        immediate_justering: {flag}
"""


@pytest.mark.parametrize(
    ("item_text", "clause", "flag", "expected"),
    [
        ("Ärendet föredras.", ", förklara paragrafen för omedelbart justerad", "false", ["GRP005"]),
        ("Ärendet föredras.", ", förklara paragrafen för omedelbart justerad", "true", []),
        ("Paragrafen förklaras omedelbart justerad.", "", "false", ["GRP005"]),
        ("Omedelbar justering.", "", "true", []),
        ("Ärendet föredras.", "", "false", []),
    ],
)
def test_grp005(  # type: ignore[no-untyped-def]
    pm: GrPluginManager, tmp_path: Path, item_text, clause, flag, expected
) -> None:
    text = OMEDELBAR.format(item_text=item_text, clause=clause, flag=flag)
    assert codes(check(pm, tmp_path, text)) == expected
