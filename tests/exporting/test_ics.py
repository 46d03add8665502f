"""The ics exporter: meetings as iCalendar events."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import icalendar
import pytest

from grmodel.pipeline.exporting import export
from grmodel.plugins import GrPluginManager

STOCKHOLM = "Europe/Stockholm"


@pytest.fixture
def events(
    small_set: Path, core_pm: GrPluginManager, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> dict[str, icalendar.Event]:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1600000000")
    out = tmp_path / "meetings.ics"
    export("ics", [small_set], out, core_pm)
    calendar = icalendar.Calendar.from_ical(out.read_bytes())
    assert calendar["VERSION"] == "2.0"
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == [STOCKHOLM]
    return {str(e["UID"]): e for e in calendar.walk("VEVENT")}


def test_held_meeting_with_times(events: dict[str, icalendar.Event]) -> None:
    event = events["gr-styrgruppen-social-valfard-2019-11-07@example.org"]
    assert str(event["SUMMARY"]) == "Styrgruppen för social välfärd"
    assert str(event["LOCATION"]) == "GR, Anders Personsgatan 8, Göteborg"
    assert str(event["STATUS"]) == "CONFIRMED"
    start, end = event.decoded("DTSTART"), event.decoded("DTEND")
    assert start == dt.datetime(2019, 11, 7, 9, 0, tzinfo=start.tzinfo)
    assert end == dt.datetime(2019, 11, 7, 12, 0, tzinfo=end.tzinfo)
    assert event["DTSTART"].params["TZID"] == STOCKHOLM
    assert start.utcoffset() == dt.timedelta(hours=1)  # CET in November
    assert "§ 38 Regional överenskommelse" in str(event["DESCRIPTION"])
    assert event.decoded("DTSTAMP") == dt.datetime.fromtimestamp(1600000000, tz=dt.UTC)


def test_all_day_multi_day(events: dict[str, icalendar.Event]) -> None:
    event = events["test-arbetsgrupp-2019-03-19@example.org"]
    assert event.decoded("DTSTART") == dt.date(2019, 3, 19)
    assert event.decoded("DTEND") == dt.date(2019, 3, 21)  # exclusive: through 20 March
    assert event["DTSTART"].params.get("VALUE") == "DATE"
    assert str(event["SUMMARY"]) == "Arbetsgruppen för test (internat)"


def test_all_day_single_day(events: dict[str, icalendar.Event]) -> None:
    event = events["gr-styrgruppen-social-valfard-2020-02-06@example.org"]
    assert event.decoded("DTSTART") == dt.date(2020, 2, 6)
    assert event.decoded("DTEND") == dt.date(2020, 2, 7)
    # No body_name in the record: the reference body's name.
    assert str(event["SUMMARY"]) == "Styrgruppen för social välfärd"


def test_planned_and_cancelled(events: dict[str, icalendar.Event]) -> None:
    planned = events["gr-styrgruppen-social-valfard-2020-12-10@example.org"]
    assert str(planned["STATUS"]) == "TENTATIVE"
    assert planned.decoded("DTSTART").hour == 13
    assert "DTEND" not in planned
    cancelled = events["gr-styrgruppen-social-valfard-2020-03-19@example.org"]
    assert str(cancelled["STATUS"]) == "CANCELLED"


def test_partial_dates_are_left_out(events: dict[str, icalendar.Event]) -> None:
    assert "test-arbetsgrupp-2018-05@example.org" not in events
    assert len(events) == 5


def test_output_is_stable(
    small_set: Path, core_pm: GrPluginManager, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1600000000")
    export("ics", [small_set], tmp_path / "a.ics", core_pm)
    export("ics", [small_set], tmp_path / "b.ics", core_pm)
    assert (tmp_path / "a.ics").read_bytes() == (tmp_path / "b.ics").read_bytes()
