"""Documents in the styles of real GR practice over the years, each imported whole,
with its key fields asserted and every line accounted for."""

from __future__ import annotations

from collections.abc import Callable

from grmodel_gr_documents.plugin import detect
from grmodel_gr_documents.protocol import parse_protocol

from grmodel.importing.base import ImportResult, SourceDocument
from grmodel.model import AttendanceStatus, Meeting, MeetingStatus

Source = Callable[..., SourceDocument]
Check = Callable[[ImportResult], None]


def meeting_of(result: ImportResult) -> Meeting:
    return next(
        r
        for r in result.records
        if isinstance(r, Meeting) and r.status is not MeetingStatus.PLANNED
    )


BOARD_2017 = (
    "Protokoll från förbundsstyrelsens sammanträde fredag den 15 december 2017, kl 09.00-12.00, "
    "Göteborgsregionens kommunalförbund, Anders Personsgatan 8\n"
    "\n"
    "Närvarande ledamöter\n"
    "Jonas Ransgård (m), Göteborg, ordförande; Ann-Sofie Hermansson (s), Göteborg, 1:e vice "
    "ordförande; Mikael Berglund (m), Lerum; Per Vorberg (m), Härryda; Miguel Odhner (s), Kungälv\n"
    "\n"
    "Tjänstgörande ersättare\n"
    "Birgitta Åkerlund (fp), Kungsbacka, ersätter Kerstin Bjurestrand (s), Mölndal\n"
    "\n"
    "Anmält förhinder\n"
    "Kerstin Bjurestrand (s), Mölndal\n"
    "\n"
    "§ 287 Val av justerare\n"
    "Mikael Berglund utses till justerare.\n"
    "\n"
    "§ 288 Budget 2018\n"
    "Beslutsunderlag: Tjänsteskrivelse 2017-11-30, diarienummer: 2017-00412\n"
    "Förbundsstyrelsen beslöt efter överläggning\n"
    "att fastställa budget 2018 enligt förslaget, och\n"
    "att uppdra åt förbundsdirektören att redovisa utfallet.\n"
    "Kerstin Bjurestrand (s) reserverar sig mot beslutet.\n"
    "\n"
    "Justeras\n"
    "Jonas Ransgård          Mikael Berglund\n"
)


def test_board_2017_defects(source: Source, check_accounting: Check) -> None:
    result = parse_protocol(source(BOARD_2017))
    check_accounting(result)
    meeting = meeting_of(result)
    assert meeting.justering is not None
    assert meeting.justering.signatories == ("jonas-ransgard", "mikael-berglund")
    (decision,) = meeting.items[1].decisions
    assert decision.clauses == (
        "fastställa budget 2018 enligt förslaget",
        "uppdra åt förbundsdirektören att redovisa utfallet.",
    )
    assert [r.person for r in decision.reservations] == ["kerstin-bjurestrand"]
    status = {a.person: a for a in meeting.attendance}
    serving = status["birgitta-akerlund"]
    assert serving.status is AttendanceStatus.SERVING_SUBSTITUTE
    assert serving.replaces == "kerstin-bjurestrand"
    assert serving.municipality == "Kungsbacka"


def test_signatories_on_one_line_single_spaced(source: Source) -> None:
    text = BOARD_2017.replace("Ransgård          Mikael", "Ransgård Mikael")
    meeting = meeting_of(parse_protocol(source(text)))
    assert meeting.justering is not None
    assert meeting.justering.signatories == ("jonas-ransgard", "mikael-berglund")


def test_signatories_tab_separated(source: Source) -> None:
    text = BOARD_2017.replace("Ransgård          Mikael", "Ransgård\tMikael")
    document = source(text)
    assert detect(document) == "protocol"
    meeting = meeting_of(parse_protocol(document))
    assert meeting.justering is not None
    assert meeting.justering.signatories == ("jonas-ransgard", "mikael-berglund")


def test_seed_001_mapping_gets_no_kind(seed: Callable[[str], SourceDocument]) -> None:
    """A mapping whose web-page title list holds "Protokoll från sammanträde med …"
    lines is not a protocol: no protocol structure follows those titles."""
    assert detect(seed("001")) is None


def test_protocol_title_needs_structure(source: Source) -> None:
    text = "Relevanta dokument\n\n" + "\n\n".join(f"Rapport {n}" for n in range(6))
    text += "\n\nProtokoll från sammanträde med sociala styrgruppen\n\nVästKom frågor\n"
    assert detect(source(text)) is None
