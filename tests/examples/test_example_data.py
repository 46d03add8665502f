"""The bundled example data set loads cleanly and says what its sources say.

Each test reads the hand-encoded records back and checks them field by field
against the seed documents (``/work/shared/seeds``): the 2019-11-07 protocol,
the 2009-09-09 agenda with the Dialoga applications, the 2009 mapping, the
Kvinnofrid Norra Bohuslän slides and the Barnen i fokus report.
"""

from __future__ import annotations

from collections import Counter
from typing import TypeVar

import pytest

from grmodel.examples import example_data_path
from grmodel.model import (
    Agreement,
    AttendanceStatus,
    Body,
    Collaboration,
    DecisionKind,
    Document,
    ItemKind,
    Meeting,
    MeetingKind,
    MeetingStatus,
    Membership,
    Person,
    Project,
    Record,
    Role,
    StatedFigure,
)
from grmodel.pipeline import validate
from grmodel.plugins import get_plugin_manager
from grmodel.recordset.loading import LoadedRecord, LoadProblem, load_records
from grmodel.validation import ValidationConfig

R = TypeVar("R", bound=Record)

MEETING = "gr-styrgruppen-social-valfard-2019-11-07"
AGENDA_MEETING = "gr-styrgruppen-social-valfard-2009-09-09"
MAPPING = "kartlaggning-2009-kartlaggning-av-mellankommunal-samverkan"
TJUT = "tjansteutlatande-2009-08-31-dialoga-relationsvaldscentrum"
GR13 = {
    "1440", "1489", "1480", "1401", "1384", "1482", "1441",
    "1462", "1481", "1402", "1415", "1419", "1407",
}  # fmt: skip


@pytest.fixture(scope="module")
def loaded() -> tuple[list[LoadedRecord], list[LoadProblem]]:
    ok: list[LoadedRecord] = []
    bad: list[LoadProblem] = []
    for entry in load_records([example_data_path()], get_plugin_manager().converter):
        if isinstance(entry, LoadedRecord):
            ok.append(entry)
        else:
            bad.append(entry)
    return ok, bad


@pytest.fixture(scope="module")
def records(loaded: tuple[list[LoadedRecord], list[LoadProblem]]) -> dict[str, Record]:
    by_id: dict[str, Record] = {}
    for entry in loaded[0]:
        assert entry.record.id not in by_id, f"duplicate id {entry.record.id}"
        by_id[entry.record.id] = entry.record
    return by_id


def get(records: dict[str, Record], record_id: str, cls: type[R]) -> R:
    record = records[record_id]
    assert isinstance(record, cls)
    return record


def of_type(records: dict[str, Record], cls: type[R]) -> list[R]:
    return [r for r in records.values() if isinstance(r, cls)]


# --- the whole set -----------------------------------------------------------------


def test_no_load_problems(loaded: tuple[list[LoadedRecord], list[LoadProblem]]) -> None:
    assert loaded[1] == []


def test_record_counts_per_type(loaded: tuple[list[LoadedRecord], list[LoadProblem]]) -> None:
    counts = Counter(entry.record.TYPE for entry in loaded[0])
    assert counts == {
        "document": 9,
        "person": 28,
        "membership": 15,
        "meeting": 10,
        "project": 6,
        "agreement": 1,
        "body": 3,
        "collaboration": 45,
        "stated_figure": 19,
    }


def test_every_record_has_provenance_with_a_seed_source(records: dict[str, Record]) -> None:
    for record in records.values():
        assert record.provenance is not None, record.id
        assert record.provenance.source is not None
        assert record.provenance.source.startswith("seeds/0"), record.id
        assert record.provenance.document in records, record.id


def test_validate_has_no_load_findings() -> None:
    report = validate([example_data_path()], get_plugin_manager(), ValidationConfig())
    codes = Counter(f.code for f in report.findings)
    assert not [code for code in codes if code.startswith("LOAD")], codes
    assert report.summary.by_severity.get("error", 0) == 0, report.summary.by_severity


# --- seed 003: the protocol of 2019-11-07 ------------------------------------------

PRESENT = [
    ("kent-lagrell", "M", "Öckerö"),
    ("patrik-linde", "S", "Härryda"),
    ("marita-henriksson", "SD", "Ale"),
    ("britt-marie-kuylenstierna", "MP", "Alingsås"),
    ("mariette-risberg", "D", "Göteborg"),
    ("kristina-bergman-alme", "L", "Göteborg"),
    ("pia-gillerstedt", "S", "Kungälv"),
    ("eva-andersson", "C", "Lerum"),
    ("ove-droscher", "S", "Mölndal"),
    ("marie-raask", "S", "Partille"),
    ("alexandra-odelsheim", "SD", "Stenungsund"),
    ("nina-miskovsky", "M", "Göteborg"),
    ("erling-alsin", "V", "Tjörn"),
]
ABSENT = [
    ("kalle-passe-sundvall", "M", "Kungsbacka"),
    ("linda-holmer-nordlund", "V", "Lilla Edet"),
]


def test_meeting_header(records: dict[str, Record]) -> None:
    meeting = get(records, MEETING, Meeting)
    assert meeting.body == "gr-styrgruppen-social-valfard"
    assert str(meeting.date) == "2019-11-07"
    assert meeting.place == "GR, Anders Personsgatan 8, Göteborg"
    assert meeting.status is MeetingStatus.HELD
    assert meeting.stated_paragraphs is not None
    assert list(meeting.stated_paragraphs) == list(range(38, 48))
    assert meeting.secretary == "sara-nordenhielm"
    assert meeting.documents == (f"{MEETING}-protokoll",)
    protocol = get(records, f"{MEETING}-protokoll", Document)
    assert protocol.kind.value == "protokoll"
    assert protocol.meeting == MEETING
    assert len(protocol.dropped) == 7


def test_attendance_present_and_absent(records: dict[str, Record]) -> None:
    meeting = get(records, MEETING, Meeting)
    present = [
        (a.person, a.party, a.municipality)
        for a in meeting.attendance
        if a.status is AttendanceStatus.PRESENT
    ]
    absent = [
        (a.person, a.party, a.municipality)
        for a in meeting.attendance
        if a.status is AttendanceStatus.ABSENT
    ]
    assert present == PRESENT
    assert absent == ABSENT
    names = {p.id: p.name for p in of_type(records, Person)}
    assert names["kalle-passe-sundvall"] == "Kalle Pässe Sundvall"
    assert names["linda-holmer-nordlund"] == "Linda Holmér Nordlund"
    roles = {a.person: a.role for a in meeting.attendance if a.role is not None}
    assert roles == {"kent-lagrell": Role.ORDFORANDE, "patrik-linde": Role.VICE_ORDFORANDE}


def test_secretary_and_others(records: dict[str, Record]) -> None:
    meeting = get(records, MEETING, Meeting)
    secretary = [a for a in meeting.attendance if a.status is AttendanceStatus.SECRETARY]
    assert [(a.person, a.title) for a in secretary] == [("sara-nordenhielm", "beredningsansvarig")]
    others = {
        (a.person, a.title, a.paragraphs)
        for a in meeting.attendance
        if a.status is AttendanceStatus.OTHER
    }
    assert others == {
        ("lena-holmlund", "avdelningschef", ()),
        # listed again under Övriga, with the typo "beredningsvarig", as written
        ("sara-nordenhielm", "beredningsvarig", ()),
        ("maria-ljung", "planeringsledare", (41,)),
        ("cecilia-axelsson", "planeringsledare", (41,)),
        ("pia-eriksson", None, (39,)),
        ("zan-jankovski", None, (39,)),
        ("catharina-lindstedt", None, (39,)),
        ("linda-sjostrom", None, (39,)),
        ("klas-forsberg", None, (39,)),
        ("jeanette-stahl", None, (39,)),
        ("dag-eliasson", None, (40,)),
        ("anna-hedenstrom", None, (40,)),
    }


def test_memberships(records: dict[str, Record]) -> None:
    memberships = [
        m for m in of_type(records, Membership) if m.body == "gr-styrgruppen-social-valfard"
    ]
    assert len(memberships) == 15
    by_person = {m.person: m for m in memberships}
    assert by_person["kent-lagrell"].role is Role.ORDFORANDE
    assert by_person["kent-lagrell"].municipality == "1407"
    assert by_person["patrik-linde"].role is Role.VICE_ORDFORANDE
    assert sum(m.role is Role.LEDAMOT for m in memberships) == 13
    municipalities = Counter(m.municipality for m in memberships)
    assert set(municipalities) == GR13
    assert municipalities["1480"] == 3
    assert {m.person for m in memberships} == {p for p, _, _ in PRESENT + ABSENT}
    for person, party, _ in PRESENT + ABSENT:
        assert by_person[person].party == party
        assert by_person[person].id == f"gr-styrgruppen-social-valfard-{person}"


def test_items_in_order(records: dict[str, Record]) -> None:
    items = get(records, MEETING, Meeting).items
    assert [i.paragraph for i in items] == list(range(38, 48))
    assert [i.number for i in items] == [f"§ {n}." for n in range(38, 48)]
    assert [i.ordinal for i in items] == list(range(1, 11))
    assert [i.id for i in items] == [f"{MEETING}-p{n}" for n in range(38, 48)]
    assert [i.title for i in items] == [
        "Justerare",
        "Tema: Organiserad brottslighet och hedersrelaterat våld",
        "SPINK (Samlad placerings- och inköpsfunktion)",
        "Hälso- och sjukvårdsfrågor",
        "Summering av styrgruppen arbete 2019 och förslag till årshjul 2020",
        "Sammanträdestider 2020",
        "Delårsrapport per augusti 2019",
        "Göteborgs medverkan i LUPP",
        "Nationellt mål kring minskade bostadsbränder",
        "Rapport från Förbundsstyrelsen (18 okt)",
    ]
    for item in items:
        assert item.decisions, item.id
        for n, decision in enumerate(item.decisions, start=1):
            assert decision.id == f"{item.id}-d{n}"


def test_decisions_p39(records: dict[str, Record]) -> None:
    item = get(records, MEETING, Meeting).items[1]
    assert item.paragraph == 39
    noted, proposal = item.decisions
    assert noted.kind is DecisionKind.NOTED
    assert noted.text == "Informationen antecknas."
    assert proposal.kind is DecisionKind.PROPOSAL
    assert proposal.target_body == "gr-forbundsstyrelsen"
    assert proposal.text == "Styrgruppen beslutar att föreslå förbundsstyrelsen"
    assert proposal.clauses == (
        "ge styrgruppen för social välfärd och styrgruppen för utbildning "
        "(utbildningsgruppen) ett gemensamt uppdrag att utreda förutsättningarna för ett "
        "regionalt stödcentrum för utsatta för hedersrelaterat våld.",
        "uppdraget genomförs i samverkan med Göteborgs Stad samt andra berörda myndigheter "
        "och relevanta samverkansaktörer.",
    )
    assert item.basis == ("dnr-2019-00368",)


def test_decisions_p41(records: dict[str, Record]) -> None:
    item = get(records, MEETING, Meeting).items[3]
    assert item.paragraph == 41
    noted, proposal = item.decisions
    assert noted.kind is DecisionKind.NOTED
    assert noted.text == "Informationen kring remisser antecknas."
    assert proposal.kind is DecisionKind.PROPOSAL
    assert proposal.target_body == "gr-forbundsstyrelsen"
    assert proposal.text == "Styrgruppen beslutar föreslå förbundsstyrelsen"
    assert proposal.clauses == (
        "Uppdra åt styrgruppen för social välfärd att via sitt presidium bevaka, bereda och "
        "lyfta strategiska hälso- och sjukvårdsfrågor till förbundsstyrelsens presidium för "
        "information, dialog och ställningstagande inför beslut i förbundsstyrelsen.",
        "Uppdra åt sitt presidium att adjungera presidiet för styrgruppen för social välfärd "
        "till förbundsstyrelsens presidium när så bedöms vara relevant.",
        "Uppdra åt förbundsdirektören att beakta förslagen i denna tjänsteskrivelse i den "
        "fortsatta utredningen kring vilken politisk organisation och struktur som är mest "
        "relevant för att genomföra förbundets uppdrag.",
    )
    assert item.basis == ("dnr-2019-00224",)


def test_other_decisions(records: dict[str, Record]) -> None:
    items = {i.paragraph: i for i in get(records, MEETING, Meeting).items}
    assignment = items[40].decisions[1]
    assert assignment.kind is DecisionKind.ASSIGNMENT
    assert assignment.assignee == "avdelningschefen"
    assert items[42].decisions[0].kind is DecisionKind.DECIDED
    assert items[42].decisions[0].text == "Styrgruppen godkänner förslag till årshjul 2020."
    assert items[46].decisions[0].kind is DecisionKind.ASSIGNMENT
    for paragraph in (44, 45, 47):
        assert [d.kind for d in items[paragraph].decisions] == [DecisionKind.NOTED]


def test_reservation(records: dict[str, Record]) -> None:
    item = get(records, MEETING, Meeting).items[5]
    assert item.paragraph == 43
    plan, trip, _wish = item.decisions
    assert plan.text == "Styrgruppen godkänner förslag till sammanträdesplan 2020."
    assert plan.reservations == ()
    assert trip.text == "Styrgruppen godkänner förslag till studieresa 19-20 mars."
    (reservation,) = trip.reservations
    assert reservation.person == "mariette-risberg"
    assert reservation.party == "D"
    assert reservation.municipality == "Göteborg"
    assert reservation.reason == "de ekonomiska kostnaderna"
    assert reservation.source is not None and reservation.source.line == 210


def test_basis_documents(records: dict[str, Record]) -> None:
    for dnr in ("2019-00368", "2019-00224"):
        document = get(records, f"dnr-{dnr}", Document)
        assert document.kind.value == "tjänsteskrivelse"
        assert str(document.date) == "2019-10-28"
        assert document.diarienummer is not None
        assert document.diarienummer.value == dnr
        assert document.diarienummer.family == "gr"
        assert document.meeting == MEETING


def test_justering(records: dict[str, Record]) -> None:
    justering = get(records, MEETING, Meeting).justering
    assert justering is not None
    assert justering.justerare == ("patrik-linde",)
    assert justering.signatories == ("kent-lagrell", "patrik-linde")


def test_planned_meetings_2020(records: dict[str, Record]) -> None:
    planned = sorted(
        (m for m in of_type(records, Meeting) if m.status is MeetingStatus.PLANNED),
        key=lambda m: str(m.date),
    )
    times = [
        (
            str(m.date),
            m.end_date and str(m.end_date),
            m.start_time and m.start_time.strftime("%H:%M"),
            m.end_time and m.end_time.strftime("%H:%M"),
        )
        for m in planned
    ]
    assert times == [
        ("2020-01-24", None, "09:00", "15:00"),
        ("2020-03-19", "2020-03-20", None, None),
        ("2020-04-16", None, "09:00", "12:00"),
        ("2020-05-15", None, "09:00", "12:00"),
        ("2020-08-27", None, "09:00", "12:00"),
        ("2020-09-22", None, "09:00", "15:00"),
        ("2020-11-05", None, "09:00", "12:00"),
    ]
    for meeting in planned:
        assert meeting.announced_in == MEETING
        assert meeting.body == "gr-styrgruppen-social-valfard"
        assert meeting.id == f"gr-styrgruppen-social-valfard-{meeting.date}"
    trip = planned[1]
    assert trip.kind is MeetingKind.STUDY_TRIP
    assert trip.note is not None and "prel studieresa till Oslo" in trip.note
    assert {m.kind for m in planned[:1] + planned[2:]} == {MeetingKind.ORDINARY}


# --- seed 000: the agenda of 2009-09-09 and the Dialoga applications -------------------


def test_agenda(records: dict[str, Record]) -> None:
    meeting = get(records, AGENDA_MEETING, Meeting)
    assert meeting.body_name == "Sociala styrgruppen"
    assert meeting.kind is MeetingKind.RESIDENTIAL
    assert (str(meeting.date), str(meeting.end_date)) == ("2009-09-09", "2009-09-10")
    assert meeting.start_time is not None and meeting.start_time.strftime("%H:%M") == "16:00"
    assert meeting.place == "St Jörgen Park"
    assert meeting.documents == (f"{AGENDA_MEETING}-dagordning",)
    assert get(records, f"{AGENDA_MEETING}-dagordning", Document).kind.value == "dagordning"
    assert [(i.number, i.title, i.kind) for i in meeting.items] == [
        ("1.", "Justering", None),
        ("2.", "Remiss: Ingen får vara Svarte Petter SOU 2009:38", ItemKind.BESLUTSARENDE),
        ("3.", "Nuläget kring ensamkommande, asylsökande barn", ItemKind.BESLUTSARENDE),
        (
            "4.",
            "Dialoga projektansökningar till Länsstyrelsen respektive Brottsofferfonden",
            ItemKind.BESLUTSARENDE,
        ),
        ("5.", "Sociala styrgruppens verksamhetsinriktning 2011", ItemKind.STRATEGIFRAGA),
        ("6.", "Övriga frågor", None),
    ]
    assert [i.id for i in meeting.items] == [f"{AGENDA_MEETING}-i{n}" for n in range(1, 7)]


def test_tjansteutlatande(records: dict[str, Record]) -> None:
    document = get(records, TJUT, Document)
    assert document.kind.value == "tjänsteutlåtande"
    assert str(document.date) == "2009-08-31"
    assert document.author == "lotta-wall"
    assert get(records, "lotta-wall", Person).name == "Lotta Wall"
    assert document.addressee == "gr-styrgruppen-social-valfard"
    assert document.proposed_clauses == (
        "söka medel hos Länsstyrelsen och Brottsofferfonden enligt de projekt som presenteras "
        "ovan.",
    )


def test_dialoga_project(records: dict[str, Record]) -> None:
    dialoga = get(records, "dialoga-relationsvaldscentrum", Project)
    assert dialoga.owner == "gr"
    assert dialoga.operator == "Social resursförvaltning, Göteborgs stad"
    assert len(dialoga.participants) == 11
    assert set(dialoga.participants) == GR13 - {"1489", "1481"}  # not Alingsås, Mölndal
    assert dialoga.period is not None
    assert (str(dialoga.period.start), str(dialoga.period.end)) == ("2008-07", "2010-06")
    figures = [
        f for f in of_type(records, StatedFigure) if f.subject == "dialoga-relationsvaldscentrum"
    ]
    assert sorted((f.source, f.value, f.out_of) for f in figures) == [
        (MAPPING, 11, 13),
        (TJUT, 11, 13),
    ]


def test_dialoga_applications(records: dict[str, Record]) -> None:
    applications = {
        p.name: [
            (f.funder, f.amount.amount, f.own_share and f.own_share.amount, f.status.value)
            for f in p.funding
        ]
        for p in of_type(records, Project)
        if p.parent == "dialoga-relationsvaldscentrum"
    }
    assert applications == {
        "Kvinnor i missbruk och våld": [
            ("Länsstyrelsen", 265_000, 132_500, "applied"),
            ("Brottsofferfonden", 220_000, 110_000, "applied"),
        ],
        "Samverkan om våldsamma pappors föräldraansvar": [
            ("Länsstyrelsen", 430_000, 215_000, "applied"),
        ],
        "Hållbar utveckling av kommunernas insatser mot våld i nära relationer": [
            ("Länsstyrelsen", 495_000, 247_500, "applied"),
            ("Brottsofferfonden", 430_000, 85_000, "applied"),
        ],
        "Basutbildning med integrering i ordinarie verksamhet": [
            # "35 00 kr" as written (likely 350 000 kr meant; see the record's note)
            ("Länsstyrelsen", 535_000, 3_500, "applied"),
            ("Brottsofferfonden", 500_000, 150_000, "applied"),
        ],
    }
    stated = {
        f.own_share.stated
        for p in of_type(records, Project)
        for f in p.funding
        if f.own_share is not None
    }
    assert {"35 00 kr", "247 500"} <= stated
    for project in of_type(records, Project):
        for line in project.funding:
            assert line.document == TJUT


def test_verksamhetsinriktning(records: dict[str, Record]) -> None:
    document = get(
        records, "verksamhetsinriktning-styrgruppen-for-det-sociala-omradet-2010", Document
    )
    assert document.kind.value == "verksamhetsinriktning"
    assert document.note is not None and "15 ledamöter" in document.note


# --- seed 001: the 2009 mapping ----------------------------------------------------------


def test_mapping_counts(records: dict[str, Record]) -> None:
    collaborations = [c for c in of_type(records, Collaboration) if c.source == MAPPING]
    # What this encoding yields. The mapping states (line 224): 43 in all, 27 with GR
    # (4 networks, 3 guidelines, 1 recommendation, 6 agreements, 13 projects) and 16
    # without (13 networks, 3 projects). The encoding agrees except for two more
    # projects with GR, both in individ- och familjeomsorg (see kartlaggning-2009.yaml).
    assert len(collaborations) == 45  # stated 43
    by_gr = Counter(c.gr_participation for c in collaborations)
    assert by_gr == {True: 29, False: 16}  # stated 27 / 16
    by_type = Counter((c.gr_participation, c.kind.value) for c in collaborations)
    assert by_type == {
        (True, "network"): 4,  # stated 4
        (True, "guideline"): 3,  # stated 3
        (True, "recommendation"): 1,  # stated 1
        (True, "agreement"): 6,  # stated 6
        (True, "project"): 15,  # stated 13
        (False, "network"): 13,  # stated 13
        (False, "project"): 3,  # stated 3
    }
    by_area = Counter((c.gr_participation, a.value) for c in collaborations for a in c.areas)
    assert by_area == {
        (True, "äldreomsorg"): 9,  # stated 9
        (True, "funktionshinder"): 7,  # stated 7
        (True, "individ_och_familjeomsorg"): 11,  # stated 9
        (True, "psykiatri"): 1,  # stated 1
        (True, "hela_sociala_området"): 3,  # stated 3
        (False, "individ_och_familjeomsorg"): 5,  # stated 5
        (False, "hela_sociala_området"): 11,  # stated 11
    }


def test_mapping_items_in_two_areas_are_one_record(records: dict[str, Record]) -> None:
    by_name = {c.name: c for c in of_type(records, Collaboration)}
    assert [a.value for a in by_name["Vård- och omsorgscollege (VO-college)"].areas] == [
        "äldreomsorg",
        "funktionshinder",
    ]
    assert [a.value for a in by_name["Västbus"].areas] == [
        "individ_och_familjeomsorg",
        "psykiatri",
    ]
    assert sum("Dialoga" in name for name in by_name) == 1


def test_mapping_stated_figures_kept_as_stated(records: dict[str, Record]) -> None:
    document = get(records, MAPPING, Document)
    assert document.kind.value == "kartläggning"
    figures = {
        tuple(sorted((k, v) for k, v in f.filters.items() if k != "source")): f.value
        for f in of_type(records, StatedFigure)
        if f.source == MAPPING and f.record_type == "collaboration"
    }
    assert figures == {
        (): 43,
        (("gr_participation", "true"),): 27,
        (("gr_participation", "false"),): 16,
        (("gr_participation", "true"), ("kind", "network")): 4,
        (("gr_participation", "true"), ("kind", "guideline")): 3,
        (("gr_participation", "true"), ("kind", "recommendation")): 1,
        (("gr_participation", "true"), ("kind", "agreement")): 6,
        (("gr_participation", "true"), ("kind", "project")): 13,
        (("gr_participation", "false"), ("kind", "network")): 13,
        (("gr_participation", "false"), ("kind", "project")): 3,
        (("areas", "äldreomsorg"), ("gr_participation", "true")): 9,
        (("areas", "funktionshinder"), ("gr_participation", "true")): 7,
        (("areas", "individ_och_familjeomsorg"), ("gr_participation", "true")): 9,
        (("areas", "psykiatri"), ("gr_participation", "true")): 1,
        (("areas", "hela_sociala_området"), ("gr_participation", "true")): 3,
        (("areas", "individ_och_familjeomsorg"), ("gr_participation", "false")): 5,
        (("areas", "hela_sociala_området"), ("gr_participation", "false")): 11,
    }


def test_mapping_disagreements_are_reported() -> None:
    report = validate([example_data_path()], get_plugin_manager(), ValidationConfig())
    fig = sorted(f.record or "" for f in report.findings if f.code == "FIG001")
    if not fig:  # the rule may not be registered in every build
        pytest.skip("FIG001 not available")
    assert fig == [
        "kartlaggning-2009-figure-total",
        "kartlaggning-2009-figure-with-gr",
        "kartlaggning-2009-figure-with-gr-ifo",
        "kartlaggning-2009-figure-with-gr-project",
    ]


# --- seeds 002 and 004 ----------------------------------------------------------------


def test_kvinnofrid_norra_bohuslan(records: dict[str, Record]) -> None:
    project = get(records, "kvinnofrid-norra-bohuslan", Project)
    assert project.participants == ("1430", "1427", "1484", "1435", "1486")
    assert not set(project.participants) & GR13
    assert len(project.goals) == 4
    for body_id in project.bodies:
        assert get(records, body_id, Body).kind.value == "project_group"
    assert {"kvinnofrid-norra-bohuslan-styrgrupp", "kvinnofrid-norra-bohuslan-arbetsgrupp"} <= set(
        project.bodies
    )
    slides = get(records, "presentation-2009-06-10-kvinnofrid-norra-bohuslan", Document)
    assert slides.kind.value == "presentation"
    assert str(slides.date) == "2009-06-10"
    agreement = get(records, "kvinnofrid-norra-bohuslan-samverkansavtal", Agreement)
    assert agreement.parties == project.participants


def test_barnen_i_fokus(records: dict[str, Record]) -> None:
    report = get(records, "rapport-2012-barnen-i-fokus", Document)
    assert report.kind.value == "rapport"
    assert str(report.date) == "2012"
    assert report.note
