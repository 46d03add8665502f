"""The converter is strict and reports every problem with a field path."""

from __future__ import annotations

from typing import Any

import pytest

from grmodel import Meeting, Money, PartialDate, Project, Role
from grmodel.converter import GrConverter, UnknownRecordTypeError, make_converter


@pytest.fixture(scope="module")
def conv() -> GrConverter:
    return make_converter()


def problems(conv: GrConverter, raw: dict[str, Any]) -> dict[tuple[Any, ...], str]:
    with pytest.raises(Exception) as info:
        conv.structure_record(raw)
    return {p.path: p.kind for p in conv.explain(info.value)}


def test_structures_and_round_trips_a_meeting(conv: GrConverter) -> None:
    raw = {
        "type": "meeting",
        "id": "m1",
        "body": "sg",
        "date": "2019-11-07",
        "start_time": "09:00",
        "attendance": [{"person": "p1", "status": "present", "role": "ordförande"}],
        "items": [{"id": "i1", "ordinal": 1, "title": "Justerare", "paragraph": 38}],
    }
    meeting = conv.structure_record(raw)
    assert isinstance(meeting, Meeting)
    assert meeting.date == PartialDate(2019, 11, 7)
    assert meeting.attendance[0].role is Role.ORDFORANDE
    assert conv.unstructure_record(meeting) == raw
    assert conv.structure_record(conv.unstructure_record(meeting)) == meeting


def test_float_is_not_silently_an_integer(conv: GrConverter) -> None:
    raw = {
        "type": "meeting",
        "id": "m",
        "body": "b",
        "date": "2019-01-01",
        "items": [{"id": "i", "ordinal": 3.7, "title": "x"}],
    }
    assert problems(conv, raw) == {("items", 0, "ordinal"): "type"}


def test_collects_every_problem_in_one_pass(conv: GrConverter) -> None:
    raw = {
        "type": "meeting",
        "id": "m",
        "body": 3,
        "date": "2019-13-01",
        "extra": 1,
        "attendance": [{"status": "presnt"}],
    }
    assert problems(conv, raw) == {
        ("body",): "type",
        ("date",): "value",
        ("extra",): "unknown",
        ("attendance", 0, "person"): "missing",
        ("attendance", 0, "status"): "value",
    }


def test_enum_rejects_unknown_value_with_suggestion(conv: GrConverter) -> None:
    raw = {"type": "membership", "id": "x", "person": "p", "body": "b", "role": "ledamöt"}
    with pytest.raises(Exception) as info:
        conv.structure_record(raw)
    (problem,) = conv.explain(info.value)
    assert "did you mean 'ledamot'" in problem.message


def test_unknown_type_tag_suggests(conv: GrConverter) -> None:
    with pytest.raises(UnknownRecordTypeError, match="did you mean 'person'"):
        conv.structure_record({"type": "persn", "id": "p"})


def test_money_accepts_int_and_mapping_and_round_trips(conv: GrConverter) -> None:
    raw = {
        "type": "project",
        "id": "p",
        "name": "Dialoga",
        "funding": [
            {
                "funder": "Länsstyrelsen",
                "amount": 265000,
                "own_share": {"amount": 3500, "stated": "35 00 kr"},
            }
        ],
    }
    project = conv.structure_record(raw)
    assert isinstance(project, Project)
    assert project.funding[0].amount == Money(amount=265000)
    assert project.funding[0].own_share == Money(amount=3500, stated="35 00 kr")
    assert conv.unstructure_record(project) == raw


def test_string_is_not_a_list(conv: GrConverter) -> None:
    raw = {"type": "project", "id": "p", "name": "n", "participants": "Ale"}
    assert problems(conv, raw) == {("participants",): "type"}


def test_duplicate_type_tag_is_refused() -> None:
    from grmodel import Person

    class Other(Person):
        pass

    with pytest.raises(ValueError, match="registered twice"):
        make_converter([Person, Other])
