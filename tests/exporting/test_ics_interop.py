"""iCalendar that every reader places at the same instant: icalendar, ics.py and
(slow) ical.js, the library most web calendars use, against zoneinfo's truth."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import ics as ics_py
import pytest
from tests.nodetools import npm_package

from grmodel.exporting.base import ExportOptions
from grmodel.exporting.formats.ics import VTIMEZONE
from grmodel.pipeline.exporting import export
from grmodel.plugins import GrPluginManager

STOCKHOLM = ZoneInfo("Europe/Stockholm")
BODY = "gr-styrgruppen-social-valfard"
# Local meeting times on both sides of summer time, in the old (September) and the
# current (October) regime, and on the transition days themselves.
TIMES = [
    ("1994-09-20", "09:00"),
    ("1994-10-04", "09:00"),
    ("2009-09-09", "16:00"),
    ("2019-03-30", "10:00"),
    ("2019-03-31", "10:00"),
    ("2019-06-13", "09:00"),
    ("2019-08-20", "13:30"),
    ("2019-10-26", "10:00"),
    ("2019-10-27", "10:00"),
    ("2019-12-12", "09:00"),
    ("2023-07-04", "08:15"),
]


def _write_set(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    docs = [
        f'---\ntype: meeting\nid: m-{day}\nbody: {BODY}\ndate: "{day}"\n'
        f'start_time: "{time}"\nend_time: "23:00"\n'
        for day, time in TIMES
    ]
    docs.append(f'---\ntype: meeting\nid: m-allday\nbody: {BODY}\ndate: "2019-07-01"\n')
    docs.append(
        '---\ntype: document\nid: protokoll-x\nkind: protokoll\ntitle: Protokoll\ndate: "2019-12-12"\n'
    )
    file = folder / "meetings.yaml"
    file.write_text("".join(docs), encoding="utf-8")
    return file


def _truth() -> dict[str, str]:
    """UID → UTC start, computed with zoneinfo."""
    out = {}
    for day, time in TIMES:
        local = dt.datetime.fromisoformat(f"{day}T{time}").replace(tzinfo=STOCKHOLM)
        out[f"m-{day}@data.example.org"] = local.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return out


def _utc(value: dt.datetime) -> str:
    return value.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@pytest.fixture
def ics(tmp_path: Path, core_pm: GrPluginManager, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    out = tmp_path / "meetings.ics"
    options = ExportOptions(base_url="https://data.example.org/gr")
    export("ics", [_write_set(tmp_path / "records")], out, core_pm, options=options)
    return out


def test_vtimezone_uses_rules_not_rdate_lists(ics: Path) -> None:
    text = ics.read_text(encoding="utf-8")
    assert text.count("BEGIN:VTIMEZONE") == 1
    assert "RDATE" not in text
    assert text.count("RRULE:") == 3


def test_vtimezone_matches_zoneinfo_1981_to_2040() -> None:
    tz = icalendar.Timezone.from_ical(VTIMEZONE).to_tz()
    instant = dt.datetime(1981, 1, 1, tzinfo=dt.UTC)
    while instant.year < 2040:
        expected = instant.astimezone(STOCKHOLM).utcoffset()
        assert instant.astimezone(tz).utcoffset() == expected, instant
        instant += dt.timedelta(hours=61)  # walks through every hour of day over time


def test_icalendar_reads_the_true_instants(ics: Path) -> None:
    calendar = icalendar.Calendar.from_ical(ics.read_bytes())
    starts = {
        str(e["UID"]): _utc(e.decoded("DTSTART"))
        for e in calendar.walk("VEVENT")
        if isinstance(e.decoded("DTSTART"), dt.datetime)
    }
    assert starts == _truth()


def test_ics_py_reads_the_true_instants(ics: Path) -> None:
    calendar = ics_py.Calendar(ics.read_text(encoding="utf-8"))
    starts = {e.uid: _utc(e.begin.datetime) for e in calendar.events if not e.all_day}
    assert starts == _truth()


def test_uids_are_domain_qualified_and_dtstamp_derived(ics: Path) -> None:
    calendar = icalendar.Calendar.from_ical(ics.read_bytes())
    events = list(calendar.walk("VEVENT"))
    assert all(str(e["UID"]).endswith("@data.example.org") for e in events)
    # The latest document date, not the time of the export.
    stamps = {e.decoded("DTSTAMP") for e in events}
    assert stamps == {dt.datetime(2019, 12, 12, tzinfo=dt.UTC)}


def test_output_is_reproducible_without_source_date_epoch(
    tmp_path: Path, core_pm: GrPluginManager, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    records = _write_set(tmp_path / "records")
    export("ics", [records], tmp_path / "a.ics", core_pm)
    export("ics", [records], tmp_path / "b.ics", core_pm)
    assert (tmp_path / "a.ics").read_bytes() == (tmp_path / "b.ics").read_bytes()


ICAL_JS = """
import fs from "node:fs";
import ICAL from "%s";
const root = new ICAL.Component(ICAL.parse(fs.readFileSync(process.argv[2], "utf8")));
for (const vtz of root.getAllSubcomponents("vtimezone")) {
  ICAL.TimezoneService.register(new ICAL.Timezone(vtz));
}
const out = {};
for (const vevent of root.getAllSubcomponents("vevent")) {
  const event = new ICAL.Event(vevent);
  if (!event.startDate.isDate) {
    out[event.uid] = event.startDate.toJSDate().toISOString().replace(".000Z", "Z");
  }
}
console.log(JSON.stringify(out));
"""


@pytest.mark.slow
def test_ical_js_reads_the_true_instants(ics: Path, tmp_path: Path) -> None:
    package = npm_package("ical.js")
    node = shutil.which("node")
    assert node is not None
    script = tmp_path / "read.mjs"
    script.write_text(ICAL_JS % (package / "dist" / "ical.js").as_uri(), encoding="utf-8")
    done = subprocess.run(
        [node, str(script), str(ics)], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == _truth()
