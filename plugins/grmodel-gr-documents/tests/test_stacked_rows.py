"""A cover's row of headings closed by the justering's label.

A PDF cover's label column flattened by a transcript: "… Utses att justera
Justeringens plats och tid" and then every value in one run, the justering's
place last. The run belongs to the headings of the row, and the justerare is the
name at its end that was named before. The persons and places are invented.
"""

from __future__ import annotations

from collections.abc import Callable

from test_layout_classes import by_status, imported, meeting_of
from test_stated_attendance import error_codes

from grmodel.importing.base import SourceDocument

Source = Callable[..., SourceDocument]

DOCPLAYER = "Protokoll\n\nStorlek: px\nStarta visningen från sidan:\n\nTranskript\n\n"
PAGE_TWO = "\n2 Kulturskolans avgifter Arbetsutskottet föreslår kommunstyrelsen besluta att …\n"

WHOLE_ROW = DOCPLAYER + (
    "1 Kommunstyrelsens arbetsutskott 25 mars 2004 Plats och tid för sammanträdet "
    "Beslutande Övriga deltagare Utses att justera Justeringens plats och tid Ekrummet, "
    "Kommunhuset, Exempelby torsdagen den 25 mars 2004 kl Eva Lind (m), ordförande "
    "Per Holm (fp), vice ordförande Anna Berg (c) Olle Nord (s) Kommundirektör Karin Ek "
    "Olle Nord (s) Kommunledningskontoret, Exempelby Sekreterare Karin Ek Paragrafer "
    "Ordförande Eva Lind Justerande Olle Nord\n" + PAGE_TWO
)

OTHERS_ROW = DOCPLAYER + (
    "1 (48) Plats och tid Rådhuset, kl 08.30 Beslutande Eva Lind (M), ordförande "
    "Per Holm (S) Anna Berg (C) Övriga närvarande Utses att justera Justeringens plats "
    "och tid Bo Sund, kommundirektör Karin Ek, kommunsekreterare Lisa Dahl, ekonomichef, "
    "532, 533 Per Holm Kommunledningskontoret Underskrifter Paragrafer Sekreterare "
    "Karin Ek Ordförande Eva Lind Justerande Per Holm\n" + PAGE_TWO
)


def test_a_row_with_the_decision_makers_closed_by_the_justering_label(source: Source) -> None:
    kind, result = imported(source(WHOLE_ROW))
    assert kind == "protocol"
    meeting = meeting_of(result)
    assert by_status(meeting)["present"] == ["eva-lind", "per-holm", "anna-berg", "olle-nord"]
    assert meeting.justering is not None and meeting.justering.justerare == ("olle-nord",)
    assert "för sammanträdet" not in (meeting.place or "")  # the label, not its value


def test_a_row_of_the_others_whose_justerare_was_named_above(source: Source) -> None:
    """The decision-makers listed above the row: the run holds the officials, and its
    last name, already a decision-maker, is the justerare (not the first official)."""
    document = source(OTHERS_ROW)
    kind, result = imported(document)
    assert kind == "protocol"
    meeting = meeting_of(result)
    status = by_status(meeting)
    assert status["present"] == ["eva-lind", "per-holm", "anna-berg"]
    assert status["other"] == ["bo-sund", "karin-ek", "lisa-dahl"]
    assert meeting.justering is not None and meeting.justering.justerare == ("per-holm",)
    assert "JUS001" not in error_codes(document)


SIGNATURES_ROW = DOCPLAYER + (
    "1 PROTOKOLL 1(39) Plats och tid Beslutande och tjänstgörande ersättare Närvarande ersättare "
    "Närvarorätt enligt särskilt beslut Övriga deltagande Utses att justera Justeringens plats och "
    "tid Underskrifter Sal 3, Kommunhuset, kl 09:05-14:05 Eva Lind (M), ordförande Per Holm (S) "
    "Anna Berg (C) tjg för Olle Nord (C) Karin Dahl (S) Lisa Sund (M) Bo Ek (L) Maja Alm, "
    "kommunchef Stig Ros, kommunsekreterare Ulla Lund, planeringschef på GR Per Holm "
    "Kommunhuset, Exempelby Paragrafer:\n" + PAGE_TWO
)


def test_a_row_closed_by_the_signatures_label(source: Source) -> None:
    """Every label first, the signatures' label last ("… Justeringens plats och tid
    Underskrifter"), its value the run: a long decision-makers' heading, a heading of
    those with närvarorätt, and the justerare named again at the end."""
    kind, result = imported(source(SIGNATURES_ROW))
    assert kind == "protocol"
    meeting = meeting_of(result)
    status = by_status(meeting)
    # where the decision-makers end and the ersättare present begin is not written:
    # both lists' entries have a party and no occupation
    assert status["present"][:3] == ["eva-lind", "per-holm", "karin-dahl"]
    assert set(status["present"][3:]) | set(status.get("substitute", [])) == {"lisa-sund", "bo-ek"}
    assert status["serving_substitute"] == ["anna-berg"]
    assert status["other"] == ["maja-alm", "stig-ros", "ulla-lund"]
    assert meeting.justering is not None and meeting.justering.justerare == ("per-holm",)


POINTER_ROW = DOCPLAYER + (
    "1 Kommunstyrelsen (36) Plats och tid Sal B, Exempelby kl 8:30 16:15 Beslutande Övriga "
    "deltagare Utses att justera Justeringens tid Se bifogad närvarolista Stig Ros, kommunchef "
    "Maja Alm, ekonomichef 111: Kommunens revisorer: Åke Lund, ordförande (S), Gun Sten (L), "
    "Kurt Ås (C) samt bolagets styrelse. Ulla Lund, sekreterare Per Holm (M) Eva Lind (V) "
    "Underskrifter Sekreterare\n" + PAGE_TWO
)


def test_a_row_whose_decision_makers_are_in_an_attachment(source: Source) -> None:
    """ "Se bifogad närvarolista" opens the run: the decision-makers are listed
    elsewhere, so no one here is one — those with a party are guests (the revisorer)."""
    kind, result = imported(source(POINTER_ROW))
    assert kind == "protocol"
    status = by_status(meeting_of(result))
    assert not status.get("present") and not status.get("serving_substitute")
    assert {"stig-ros", "maja-alm", "ake-lund", "gun-sten", "kurt-as"} <= set(status["other"])


POSTED_FIRST = DOCPLAYER + (
    "1 Anslag/Bevis\nProtokollet är justerat. Justeringen har tillkännagivits genom anslag Organ och\n"
    "sammanträdesdatum Tekniska nämnden 2016-09-15\nPlats och tid Stadshuset kl 18.00\n"
    "Beslutande Eva Lind (M), ordförande Per Holm (S) Anna Berg (C)\n"
    "Insynsplats Kim Sten (SD), oppositionsråd\n" + PAGE_TWO
)


def test_the_posting_box_first_gives_body_and_date(source: Source) -> None:
    """ "Organ och sammanträdesdatum", broken over two lines, in the posting box that
    heads the page: the body and the meeting's date; an insynsplats is no seat."""
    kind, result = imported(source(POSTED_FIRST))
    assert kind == "protocol"
    meeting = meeting_of(result)
    assert str(meeting.date) == "2016-09-15"
    assert meeting.body_name == "Tekniska nämnden"
    status = by_status(meeting)
    assert status["present"] == ["eva-lind", "per-holm", "anna-berg"]
    assert status["other"] == ["kim-sten"]


SIGNATURE_LABELS_FIRST = DOCPLAYER + (
    "1 Plats och tid Stadshuset kl 18.00 Beslutande Eva Lind (M), ordförande Per Holm (S) "
    "Anna Berg (C) Övriga deltagare Maja Alm, sekreterare Utses att justera: Anna Berg (C) "
    "Underskrifter: Sekreterare Ordförande Justerare Maja Alm Eva Lind (M) Anna Berg (C) "
    "Anslag/Bevis Protokollet är justerat.\n" + PAGE_TWO
)


def test_signature_labels_in_a_row_before_their_names(source: Source) -> None:
    """ "Underskrifter: Sekreterare Ordförande Justerare" and then the three names: one
    per label in order — the secretary is no justerare."""
    kind, result = imported(source(SIGNATURE_LABELS_FIRST))
    assert kind == "protocol"
    meeting = meeting_of(result)
    assert meeting.secretary == "maja-alm"
    assert meeting.justering is not None
    assert meeting.justering.justerare == ("anna-berg",)
    assert meeting.justering.signatories == ("eva-lind", "anna-berg")


def test_the_justerare_s_reserve_is_no_attendance(source: Source) -> None:
    text = SIGNATURE_LABELS_FIRST.replace(
        "Utses att justera: Anna Berg (C) ",
        "Utses att justera: Anna Berg och Per Holm. Ersättare: Olle Nord. ",
    )
    _, result = imported(source(text))
    meeting = meeting_of(result)
    assert "olle-nord" not in {a.person for a in meeting.attendance}
    assert meeting.justering is not None
    assert set(meeting.justering.justerare) >= {"anna-berg", "per-holm"}


VOTING_TABLE = DOCPLAYER + (
    "1 Plats och tid Sal 3, Kommunhuset, kl 18.00 Beslutande Övriga deltagande Utses att justera "
    "Justeringens plats och tid Stig Ros, kommunchef Eva Lind Kommunhuset\n\n"
    "2 Kommunfullmäktige Deltagarförteckning Omröstningsprotokoll KF 30 KF KF Nr Ledamot Närv "
    "Tjg ers Ja Nej Avst Ja Nej Avst Anm 1 Eva Lind (S) X X 2 Per Holm (S) 3 Anna Berg (M) X X "
    "4 Olle Nord (M) X X Lisa Sund (M) X X Bo Ek (S)\n"
)


def test_a_voting_table_of_numbered_rows_with_marks(source: Source) -> None:
    """A deltagarförteckning on its own page: its column names ("KF 30 KF KF Nr Ledamot
    Närv Tjg ers Ja Nej") are neither an item nor headings, its rows' numbers no items,
    and only the rows with a mark were there."""
    kind, result = imported(source(VOTING_TABLE))
    assert kind == "protocol"
    meeting = meeting_of(result)
    assert not meeting.items
    attending = {a.person for a in meeting.attendance if str(a.status) != "other"}
    assert {"eva-lind", "anna-berg", "olle-nord", "lisa-sund"} <= attending
    assert not attending & {"per-holm", "bo-ek", "kf-kf"}
