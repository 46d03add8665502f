"""Helpers for testing rules: validate a YAML snippet and look at the findings.

Plugin authors use these in their own test suites exactly as grmodel's tests
do::

    from grmodel.testing import codes, validate_yaml

    def test_my_rule_trips() -> None:
        findings = validate_yaml(EXAMPLE, select=["XYZ001"])
        assert codes(findings) == ["XYZ001"]

The pytest fixture factory :func:`make_validate_fixture` builds a fixture that
binds a plugin manager and pytest's ``tmp_path``.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Protocol

from grmodel.model import (
    AgendaItem,
    Attendance,
    AttendanceStatus,
    Body,
    BodyKind,
    Decision,
    DecisionKind,
    Diarienummer,
    Document,
    DocumentKind,
    ItemKind,
    Justering,
    Meeting,
    MeetingKind,
    MeetingStatus,
    Membership,
    Municipality,
    ParagraphRange,
    PartialDate,
    Party,
    Period,
    Person,
    Provenance,
    Record,
    Reservation,
    Role,
    Span,
    Vote,
    VoteCast,
)
from grmodel.pipeline.validation import Finding, validate
from grmodel.plugins import GrPluginManager, get_plugin_manager
from grmodel.validation.config import ValidationConfig

__all__ = [
    "SAMPLE_MEETING",
    "SAMPLE_PERSONS",
    "ValidateYaml",
    "codes",
    "make_validate_fixture",
    "sample_records",
    "validate_yaml",
]


def validate_yaml(
    text: str,
    *,
    select: Sequence[str] = (),
    pm: GrPluginManager | None = None,
    tmp_dir: Path | None = None,
    file_name: str = "records.yaml",
) -> list[Finding]:
    """Validate a YAML record set given as text and return the findings.

    :param text: the record set: YAML documents separated by ``---`` or a list
        of records.
    :param select: rule codes or prefixes to run; empty runs every rule.
    :param pm: the plugin manager to use; a fresh one with only the built-in
        plugins when ``None``.
    :param tmp_dir: folder to write the file in (pytest's ``tmp_path``); a
        temporary folder, removed afterwards, when ``None``.
    :param file_name: name of the file written, as findings report it.
    :returns: the findings, in the order the engine reported them.
    """
    manager = pm if pm is not None else get_plugin_manager(load_entrypoints=False)
    config = ValidationConfig(select=tuple(select) or ("ALL",))
    if tmp_dir is not None:
        path = tmp_dir / file_name
        path.write_text(text, encoding="utf-8")
        return validate([path], manager, config).findings
    with tempfile.TemporaryDirectory(prefix="grmodel-test-") as folder:
        path = Path(folder) / file_name
        path.write_text(text, encoding="utf-8")
        return validate([path], manager, config).findings


def codes(findings: Iterable[Finding]) -> list[str]:
    """The codes of ``findings``, in order (``["MTG001", "JUS002"]``)."""
    return [finding.code for finding in findings]


class ValidateYaml(Protocol):
    """The callable a :func:`make_validate_fixture` fixture returns."""

    def __call__(self, text: str, *, select: Sequence[str] = ()) -> list[Finding]:
        """Validate ``text`` with the bound plugin manager and folder."""


def make_validate_fixture(
    pm_factory: Callable[[], GrPluginManager] | None = None,
) -> Callable[[Path], ValidateYaml]:
    """Build a pytest fixture function that validates YAML snippets.

    Use it in a ``conftest.py``::

        import pytest
        from grmodel.testing import make_validate_fixture

        check = pytest.fixture(make_validate_fixture())

    and in a test: ``def test_x(check): assert codes(check(TEXT, select=["MTG"]))``.

    :param pm_factory: makes the plugin manager; by default one with only the
        built-in plugins (pass ``get_plugin_manager`` to include installed ones).
    """

    def fixture(tmp_path: Path) -> ValidateYaml:
        manager = pm_factory() if pm_factory is not None else None

        def run(text: str, *, select: Sequence[str] = ()) -> list[Finding]:
            return validate_yaml(text, select=select, pm=manager, tmp_dir=tmp_path)

        return run

    return fixture


# --- a sample record set -------------------------------------------------------

SAMPLE_MEETING = "sgx-2019-11-07"
"""Id of the sample set's meeting."""
SAMPLE_PERSONS = ["anna-andersson", "bo-berg", "cecilia-carlsson", "david-dahl", "eva-ek"]


def _d(text: str) -> PartialDate:
    return PartialDate.parse(text)


def sample_records() -> list[Record]:
    """A small record set built in code that touches every field exporters map.

    One steering group's meeting (``SAMPLE_MEETING``) with attendance of every
    status, paragraphs, decisions of every kind with clauses, a reservation, a
    roll-call vote, justering, basis documents, memberships, parties and a
    municipality: use it to test an exporter or importer round trip.
    """
    group = Body(
        id="sgx",
        name="Styrgruppen för X",
        kind=BodyKind.STEERING_GROUP,
        parent="gr-forbundsstyrelsen",
        period=Period(start=_d("2015")),
        description="A steering group.",
    )
    presidium = Body(
        id="sgx-presidium",
        name="Presidiet",
        kind=BodyKind.PRESIDIUM,
        parent="sgx",
        period=Period(start=_d("2015-01-01"), end=_d("2018-12-31")),
    )
    persons: list[Record] = [
        Person(
            id="anna-andersson", name="Anna Andersson", given_name="Anna", family_name="Andersson"
        ),
        Person(id="bo-berg", name="Bo Berg"),
        Person(id="cecilia-carlsson", name="Cecilia Carlsson", note="name spelt Cecilia in 2019"),
        Person(id="david-dahl", name="David Dahl", title="avdelningschef", organisation="GR"),
        Person(id="eva-ek", name="Eva Ek", provenance=Provenance(source="protokoll.txt", line=3)),
    ]
    memberships: list[Record] = [
        Membership(
            id="sgx-anna-andersson",
            person="anna-andersson",
            body="sgx",
            role=Role.ORDFORANDE,
            party="S",
            municipality="1480",
            period=Period(start=_d("2019-01-01"), end=_d("2022-12-31")),
        ),
        Membership(
            id="sgx-bo-berg",
            person="bo-berg",
            body="sgx",
            role=Role.LEDAMOT,
            party="m",
            municipality="Ale",
            period=Period(start=_d("2019")),
        ),
        Membership(
            id="sgx-cecilia-carlsson",
            person="cecilia-carlsson",
            body="sgx",
            role=Role.ERSATTARE,
            party="MP",
        ),
        Membership(
            id="sgx-presidium-anna-andersson",
            person="anna-andersson",
            body="sgx-presidium",
            role=Role.OTHER,
        ),
    ]
    basis = Document(
        id="dnr-2019-00368",
        kind=DocumentKind.TJANSTESKRIVELSE,
        title="Förslag om X",
        date=_d("2019-10-20"),
        diarienummer=Diarienummer("2019-00368"),
        organisation="sgx",
        meeting=SAMPLE_MEETING,
        proposed_clauses=("godkänna X", "föreslå Y"),
    )
    report = Document(
        id="rapport-2019-x", kind=DocumentKind.RAPPORT, title="Rapport om X", date=_d("2019-09")
    )
    protocol = Document(
        id=f"{SAMPLE_MEETING}-protokoll",
        kind=DocumentKind.PROTOKOLL,
        title="Protokoll",
        date=_d("2019-11-07"),
        meeting=SAMPLE_MEETING,
        source_file="protokoll.txt",
        line_count=120,
    )
    agenda = Document(
        id=f"{SAMPLE_MEETING}-dagordning", kind=DocumentKind.DAGORDNING, meeting=SAMPLE_MEETING
    )
    items = (
        AgendaItem(
            id=f"{SAMPLE_MEETING}-p38",
            ordinal=1,
            title="Mötets öppnande",
            number="§ 38",
            paragraph=38,
            kind=ItemKind.OVRIGT,
        ),
        AgendaItem(
            id=f"{SAMPLE_MEETING}-p39",
            ordinal=2,
            title="Förslag om X",
            number="§ 39",
            paragraph=39,
            kind=ItemKind.BESLUTSARENDE,
            presenters=("david-dahl",),
            text="Bakgrund.",
            basis=("dnr-2019-00368", "rapport-2019-x", "dnr-missing"),
            attachment=True,
            source=Span(40, 60),
            decisions=(
                Decision(
                    id=f"{SAMPLE_MEETING}-p39-d1",
                    kind=DecisionKind.PROPOSAL,
                    text="Styrgruppen beslutar att föreslå förbundsstyrelsen",
                    clauses=("godkänna X,", "föreslå Y."),
                    target_body="gr-forbundsstyrelsen",
                    reservations=(Reservation(person="bo-berg", party="M", reason="Nej till X"),),
                    votes=Vote(
                        yes=2,
                        no=1,
                        roll_call=(
                            VoteCast(person="anna-andersson", choice="yes"),
                            VoteCast(person="bo-berg", choice="no"),
                        ),
                        description="bifall mot avslag",
                    ),
                    immediate_justering=True,
                ),
                Decision(
                    id=f"{SAMPLE_MEETING}-p39-d2",
                    kind=DecisionKind.ASSIGNMENT,
                    clauses=("ge kansliet i uppdrag att utreda Z.",),
                    assignee="david-dahl",
                ),
            ),
        ),
        AgendaItem(
            id=f"{SAMPLE_MEETING}-i3",
            ordinal=3,
            title="Information",
            decisions=(Decision(id=f"{SAMPLE_MEETING}-i3-d1", kind=DecisionKind.NOTED),),
        ),
    )
    meeting = Meeting(
        id=SAMPLE_MEETING,
        body="sgx",
        date=_d("2019-11-07"),
        body_name="Styrgruppen för X",
        start_time=dt.time(9, 0),
        end_time=dt.time(12, 30),
        place="GR, Gårdavägen 2, Göteborg",
        attendance=(
            Attendance(
                person="anna-andersson",
                status=AttendanceStatus.PRESENT,
                role=Role.ORDFORANDE,
                party="S",
                municipality="Göteborg",
            ),
            Attendance(person="bo-berg", status=AttendanceStatus.ABSENT, party="M"),
            Attendance(
                person="cecilia-carlsson",
                status=AttendanceStatus.SERVING_SUBSTITUTE,
                replaces="bo-berg",
                paragraphs=(38, 39),
            ),
            Attendance(
                person="david-dahl",
                status=AttendanceStatus.OTHER,
                organisation="GR",
                title="avdelningschef",
                source=Span(10),
            ),
            Attendance(person="eva-ek", status=AttendanceStatus.SECRETARY),
        ),
        secretary="eva-ek",
        justering=Justering(
            justerare=("cecilia-carlsson",),
            date=_d("2019-11-14"),
            signatories=("anna-andersson", "cecilia-carlsson"),
        ),
        items=items,
        stated_paragraphs=ParagraphRange(38, 40),
        documents=(protocol.id, agenda.id),
    )
    planned = Meeting(
        id="sgx-2020-02",
        body="sgx",
        date=_d("2020-02"),
        status=MeetingStatus.PLANNED,
        kind=MeetingKind.RESIDENTIAL,
        announced_in=SAMPLE_MEETING,
    )
    cancelled = Meeting(
        id="gr-forbundsstyrelsen-2019-12-13",
        body="gr-forbundsstyrelsen",
        date=_d("2019-12-13"),
        status=MeetingStatus.CANCELLED,
    )
    others: list[Record] = [
        Party(id="parti-s", abbreviation="S", name="Socialdemokraterna"),
        Municipality(id="kommun-1480", code="1480", name="Göteborg", county="14"),
    ]
    return [
        *others,
        group,
        presidium,
        *persons,
        *memberships,
        basis,
        report,
        protocol,
        agenda,
        meeting,
        planned,
        cancelled,
    ]
