"""Attendance as older protocols state it: "Samtliga ledamöter utom …" (only those
not present named), a flattened cover whose headings all stand first with a
header label between them, and sentences in the roll-call paragraph
("Förhinder har anmälts av ledamöterna …", "Suppleanterna … har inkallats för
tjänstgöring"); paragraphs each on its own page, their § lost, and a local
prefix after the body's name.

Each text is written for this test (invented bodies, people and titles).
"""

from __future__ import annotations

import json
from collections.abc import Callable

from click.testing import CliRunner
from test_layout_classes import by_status, imported, meeting_of

from grmodel.cli import cli
from grmodel.importing.base import SourceDocument
from grmodel.model import Meeting
from grmodel_gr_documents.protocol.prose import stated_attendance

Source = Callable[..., SourceDocument]


def error_codes(document: SourceDocument) -> set[str]:
    """The codes ``grmodel validate`` finds in the document, as a steward runs it."""
    result = CliRunner().invoke(cli, ["validate", "--format", "json", str(document.path)])
    assert result.exit_code in (0, 1), result.output
    return {str(f["code"]) for f in json.loads(result.output)["findings"]}


KF_1991 = """\
Save this PDF as:

Transkript

1 1 EKEBY KOMMUN Sammanträdesprotokoll Sammanträdesdatum Kommunfullmäktige Plats och tid \
Beslutande Tjg suppl Övriga Justerare Plats och tid Stora salen, Folkets hus måndagen den \
14 oktober 1991, kl Samtliga ledamöter utom Karl Ström Lena Falk Maj Berg Tjg suppl Olle \
Nord Sara Ek Övriga Lisa Holm, sekr Justerare Nils Dahl och Eva Lund

2 2 EKEBY KOMMUN Sammanträdesprotokoll Sammanträdesdatum Kommunfullmäktige Kf 41 Anmälda \
förhinder och upprop Förhinder har anmälts av ledamöterna Karl Ström, Lena Falk och Maj \
Berg. Suppleanterna Olle Nord samt Sara Ek har inkallats för tjänstgöring. \
Kommunfullmäktige beslutar att godkänna anmälda förhinder.
"""


def test_roll_call_sentences_settle_a_flattened_cover(source: Source) -> None:
    """The cover's headings stand first (a label's value between them), so its one
    run says little; the roll-call paragraph's sentences give each their status.
    "Samtliga ledamöter utom" names only the absent: the present ledamöter are
    unnamed, so the rules that need the whole list skip the meeting."""
    document = source(KF_1991)
    kind, result = imported(document)
    assert kind == "protocol"
    meeting = meeting_of(result)
    statuses = by_status(meeting)
    assert sorted(statuses["absent"]) == ["karl-strom", "lena-falk", "maj-berg"]
    assert sorted(statuses["serving_substitute"]) == ["olle-nord", "sara-ek"]
    assert meeting.attendance_unread is not None
    assert "Samtliga ledamöter utom" in meeting.attendance_unread
    assert [(i.number, i.title) for i in meeting.items] == [
        ("Kf 41", "Anmälda förhinder och upprop")
    ]
    assert str(meeting.date) == "1991-10-14"
    assert not error_codes(document) & {"JUS001", "MTG003", "ATT001"}


def test_a_sentence_names_from_its_phrase_to_its_end_or_back_to_its_start() -> None:
    text = (
        "Därefter förrättas upprop varvid ledamöterna Per Lind och Eva Ek befanns "
        "frånvarande. Förhinder har anmälts av ledamoten Bo Holm (S)."
    )
    assert [(s.meaning, s.names) for s in stated_attendance(text)] == [
        ("absent", "Per Lind och Eva Ek"),
        ("absent", "Bo Holm (S)"),
    ]


ONE_PARAGRAPH_A_PAGE = """\
Transkript

1 Plats och tid Stadshuset, klockan 13:00-15:00 Beslutande Anna Berg (S), ordförande Per \
Lind (M) Olle Ek (C) Utses att justera Per Lind Justeringens plats och tid Stadshuset

2 Övriga närvarande Eva Holm, nämndsekreterare

3 TN/2019:12 57 Val av justerare Beslut Per Lind utses att justera protokollet.

4 58 Budgetuppföljning Beslut Uppföljningen godkänns.
"""


def test_paragraphs_that_each_start_a_page_their_sign_lost(source: Source) -> None:
    """Each § starts a page, the § sign lost: a bare number at a page's head (after
    a diarienummer there) is the paragraph's; the cover's numbers are not."""
    kind, result = imported(source(ONE_PARAGRAPH_A_PAGE))
    assert kind == "protocol"
    meeting = meeting_of(result)
    assert [(i.number, i.title) for i in meeting.items] == [
        ("57", "Val av justerare"),
        ("58", "Budgetuppföljning"),
    ]
    assert sorted(by_status(meeting)["present"]) == ["anna-berg", "olle-ek", "per-lind"]
    assert meeting.attendance_unread is None


EXTRACT = """\
Protokoll Tekniska nämnden

Transkript

1 34 Organ: Tekniska nämnden Plats och tid: Stadshuset den 3 maj 2012 Beslutande: Anna \
Berg (S), ordförande Per Lind (M) Olle Ek (C)

2 35 12 Val av justerare Per Lind utses att justera.
"""


def test_an_extract_keeps_its_own_page_numbers_out_of_its_items(source: Source) -> None:
    """An extract starting on its protocol's page 34: "1 34 …", "2 35 12 …" are the
    transcript's and the protocol's page numbers; 12 is the paragraph."""
    kind, result = imported(source(EXTRACT))
    assert kind == "protocol"
    assert [i.number for i in meeting_of(result).items] == ["12"]
    cut = {s.text for s in result.document.cut}
    assert {"34", "35"} <= cut


def test_a_decision_makers_heading_read_empty_is_kept_as_unread(source: Source) -> None:
    """Nothing read under "Beslutande" (its entries torn by the transcript): the
    attendance is known to be incomplete, and no rule counts on it."""
    text = (
        "PROTOKOLL\nTekniska nämnden 2012-05-03\nBeslutande\n1 2 3\n"
        "Övriga närvarande Eva Holm, sekreterare\nJusterare Per Lind\n"
        "§ 1 Val av justerare\nPer Lind utses att justera protokollet.\n"
    )
    document = source(text)
    kind, result = imported(document)
    assert kind == "protocol"
    meeting = meeting_of(result)
    assert meeting.attendance_unread == "no entry read under 'Beslutande'"
    codes = error_codes(document)
    assert "IMP001" in codes  # the steward is told
    assert "JUS001" not in codes and "MTG003" not in codes


def test_serving_marks_abbreviated_or_capitalised(source: Source) -> None:
    """ "tj.g. ers. för", "Ersättare för" inside a run: the name after is the one
    replaced, never an attendee; "tjg ers" alone marks a serving ersättare and the
    next name starts a new entry."""
    text = (
        "PROTOKOLL\nTekniska nämnden 2012-05-03\n"
        "Beslutande Anna Berg (S), ordförande Bo Holm (S), tj.g. ers. för Per Lind (S) "
        "Eva Ek (M) Ersättare för Olle Nord (M) Kim Dahl (C), tjg ers Sara Falk (V) "
        "Lars Ek (M) Ersätter Mats Berg (M)\n"
        "Justerare Eva Ek\n§ 1 Val av justerare\nEva Ek utses att justera.\n"
    )
    kind, result = imported(source(text))
    assert kind == "protocol"
    meeting = meeting_of(result)
    statuses = by_status(meeting)
    assert sorted(statuses["serving_substitute"]) == ["bo-holm", "eva-ek", "kim-dahl", "lars-ek"]
    assert sorted(statuses["present"]) == ["anna-berg", "sara-falk"]
    replaced = {a.person: a.replaces for a in meeting.attendance if a.replaces}
    assert replaced == {"bo-holm": "per-lind", "eva-ek": "olle-nord", "lars-ek": "mats-berg"}


KF_PROSE = """\
Den 12 mars 1998 Protokollet föres av undertecknad kommunfullmäktiges sekreterare.

Närvarande vid uppropet: ordföranden, förste och andre vice ordförandena samt övriga \
ledamöter utom Anna Berg, Per Lind, Olle Ek och Eva Holm. Som ersättare för de \
frånvarande ledamöterna inträder: Sten Ström för Anna Berg, Kim Dahl för Per Lind och \
Sara Falk för Olle Ek. För Eva Holm saknas ersättare.
"""


def test_a_roll_call_told_in_prose(source: Source) -> None:
    """A protocol in running prose: "övriga ledamöter utom …" names the absent (those
    present are unnamed), "… ledamöterna inträder: X för Y" the serving ersättare
    and whom each replaces."""
    document = source(KF_PROSE)
    kind, result = imported(document)
    assert kind == "protocol"
    meeting = meeting_of(result)
    statuses = by_status(meeting)
    assert sorted(statuses["absent"]) == ["anna-berg", "eva-holm", "olle-ek", "per-lind"]
    assert sorted(statuses["serving_substitute"]) == ["kim-dahl", "sara-falk", "sten-strom"]
    replaced = {a.person: a.replaces for a in meeting.attendance if a.replaces}
    assert replaced == {"sten-strom": "anna-berg", "kim-dahl": "per-lind", "sara-falk": "olle-ek"}
    assert meeting.attendance_unread is not None


NOTES = """\
Anteckningar Skolchefsgruppen

Transkript

1 1 EKEBY KOMMUNALFÖRBUND ANTECKNINGAR Skolchefsgruppen Tid: Onsdagen 4 juni 2003 Plats: \
Förbundshuset Deltagare Anna Berg, Ale, ordförande Per Lind, Lerum Olle Ek, Tjörn Eva Holm, \
GR, sekreterare Bo Dahl, GR Deltog ej Sara Falk, Ale 1. Introduktion av nya rektorer \
Rapporterades om utbildningen.
"""


def test_notes_participants_are_the_meeting_s(source: Source) -> None:
    """In minnesanteckningar "Deltagare" lists the meeting: the delegates of the
    municipalities are present, the host's staff among them others; a transcript's
    one page "1 1 …" carries its page number twice."""
    kind, result = imported(source(NOTES))
    assert kind == "notes"
    meeting = next(r for r in result.records if isinstance(r, Meeting))
    statuses = by_status(meeting)
    assert sorted(statuses["present"]) == ["anna-berg", "olle-ek", "per-lind"]
    assert sorted(statuses["other"]) == ["bo-dahl", "eva-holm"]
    assert statuses["absent"] == ["sara-falk"]


def test_presence_marks_glued_to_the_party(source: Source) -> None:
    """A flattened närvarolista: "Name (Party)X" per line, the X glued; an X is a
    mark, never a name's first word, and an ersättare without one was not there."""
    text = (
        "SAMMANTRÄDESPROTOKOLL\nTekniska nämnden\n2019-01-28\nBeslutande\nNärvaro§§\n"
        "Ordinarie ledamöter TjgEj tjg\nAnna Berg (C)X\nPer Lind (M)X\nOlle Ek (S)X\n"
        "Ersättare\nNärvaro§§\nKim Dahl (C)X\nSara Falk (M)\nBo Holm (S)\n"
        "Utses att justera Per Lind\n§ 1 Val av justerare\nPer Lind utses att justera.\n"
    )
    kind, result = imported(source(text))
    assert kind == "protocol"
    statuses = by_status(meeting_of(result))
    assert sorted(statuses["present"]) == ["anna-berg", "olle-ek", "per-lind"]
    assert statuses["substitute"] == ["kim-dahl"]
    everyone = {a.person for a in meeting_of(result).attendance}
    assert not everyone & {"sara-falk", "bo-holm"}


def test_a_justerare_heading_after_names_is_no_sentence(source: Source) -> None:
    """ "… Bo Holm, brandman Utses att justera: Sekreterare: Per Lind …": the
    capitalised heading does not make the names before it justerare; the sentence
    in the paragraph does."""
    text = (
        "Sammanträdesprotokoll\nPlats och tid: Brandstationen, kl. 13:00 Beslutande: Anna Berg "
        "(S), ordförande Per Lind (M) Olle Ek (C) Övriga: Eva Holm, förbundsdirektör "
        "Personalföreträdare Bo Holm, brandman Utses att justera: Sekreterare: Per Lind "
        "Paragrafer Kim Dahl\nMötet öppnas. 36. Val av justerare. Direktionen beslutar: Utse "
        "Per Lind till justerare för dagens sammanträde.\n"
    )
    kind, result = imported(source(text))
    assert kind == "protocol"
    justering = meeting_of(result).justering
    assert justering is not None and list(justering.justerare) == ["per-lind"]


def test_an_unaffiliated_member_on_a_flattened_cover(source: Source) -> None:
    """Stacked headings share one run by each entry's shape: "(oberoende, tidigare KD)"
    in place of a party still makes a decision-maker, not one of the others."""
    text = (
        "Sammanträdesprotokoll OMSORGSSTYRELSEN Plats och tid Förvaltningen, kl 14:00 "
        "Beslutande Övriga deltagande Utses att justera Anna Berg (S), ordförande Per Lind "
        "(M) Bo Ek (oberoende, tidigare KD) Eva Holm, förvaltningschef Bo Ek\n"
        "§ 1 Val av justerare\nBo Ek utses att justera.\n"
    )
    kind, result = imported(source(text))
    assert kind == "protocol"
    statuses = by_status(meeting_of(result))
    assert sorted(statuses["present"]) == ["anna-berg", "bo-ek", "per-lind"]
    assert statuses["other"] == ["eva-holm"]


TORN_COVER = """\
Protokoll Tekniska nämnden

Transkript

1 34 Organ: Plats och tid: ande: Tekniska nämnden Stadshuset, Ekeby Torsdagen den 3 maj \
2012 kl Anna Berg, ordf Per Lind Olle Ek, tjg ers Övriga deltagare: Eva Holm

2 35 12 TEMA: Trafik A. Sammanfattning av dialogen Eva Holm redogör för arbetet.
"""


def test_a_cover_whose_labels_stand_first_and_whose_heading_was_torn(source: Source) -> None:
    """ "Organ: Plats och tid: ande:" — the labels first, "Beslutande" torn to "ande":
    the date comes from the values after the labels, the decision-makers from the
    torn heading; a lettered point before a section is no part of the title."""
    kind, result = imported(source(TORN_COVER))
    assert kind == "protocol"
    meeting = meeting_of(result)
    assert str(meeting.date) == "2012-05-03"
    statuses = by_status(meeting)
    assert {"anna-berg", "per-lind"} <= set(statuses["present"])
    assert [(i.number, i.title) for i in meeting.items] == [("12", "TEMA: Trafik")]


def test_a_torn_heading_inside_a_line(source: Source) -> None:
    """ "… kl. 09:00-16:20 ande Anna Berg (S) …": "Beslutande" torn to "ande" by the
    transcript heads the decision-makers wherever it stands; "Ersättare för" right
    after an entry relates two entries."""
    text = (
        "Sammanträdesprotokoll\nSammanträdesdatum Plats och tid Stadshuset, kl. 09:00-16:20 "
        "ande Anna Berg (S), ordförande Per Lind (M) Olle Ek (S) Ersättare för Eva Holm (MP) "
        "Ersättare Kim Dahl (FP)\nUtses att justera Per Lind\n§ 1 Val av justerare\n"
        "Per Lind utses att justera.\n"
    )
    kind, result = imported(source(text))
    assert kind == "protocol"
    statuses = by_status(meeting_of(result))
    assert sorted(statuses["present"]) == ["anna-berg", "per-lind"]
    assert statuses["serving_substitute"] == ["olle-ek"]
    assert statuses["substitute"] == ["kim-dahl"]


def test_a_name_read_both_present_and_absent_keeps_the_first(source: Source) -> None:
    """ "Justerande Ej närvarande Per Lind Kim Dahl": side-by-side headings put the
    justerare under the absent heading; the first reading stays and the conflict
    is noted (IMP006), not reported as the document's contradiction (ATT001)."""
    document = source(
        "PROTOKOLL\nTekniska nämnden 2015-06-24\nBeslutande Anna Berg (S), ordförande "
        "Per Lind (M) Olle Ek (S)\nJusterande Ej närvarande Per Lind (M) Kim Dahl (C)\n"
        "§ 1 Val av justerare\nPer Lind utses att justera.\n"
    )
    kind, result = imported(document)
    assert kind == "protocol"
    statuses = by_status(meeting_of(result))
    assert "per-lind" in statuses["present"] and statuses["absent"] == ["kim-dahl"]
    assert [n.reason for n in result.document.notes] == ["attendance-conflict"]
    codes = error_codes(document)
    assert "IMP006" in codes and "ATT001" not in codes


def test_a_row_of_headings_is_no_list_of_justerare(source: Source) -> None:
    """ "Övriga deltagare Utses att justera Anna Berg (S) Per Lind (M), …": the headings
    in one row, their values after it; the names after the justerare heading are the
    other headings' values, so none is taken as justerare (IMP007), and no justerare is
    reported absent (JUS001)."""
    document = source(
        "SAMMANTRÄDESPROTOKOLL Tekniska nämnden Sammanträdesdatum 2015-06-24 Plats och tid "
        "Kommunhuset kl 13.00 Beslutande Ej tjänstgörande ersättare Anna Berg (S), ordförande "
        "Per Lind (M) Olle Ek (S), Kim Dahl (C) Tjänstemän och övriga deltagare Utses att "
        "justera Siv Ahl (M) Kim Dahl (C), Ola Ros (S) Olle Ek (S) Eva Holm, nämndsekreterare "
        "Bo Alm, förvaltningschef Justeringens plats och tid Kommunhuset Sekreterare Eva Holm "
        "Justerande Olle Ek\n§ 1 Val av justerare\nBeslut Nämnden godkänner dagordningen.\n"
    )
    kind, result = imported(document)
    assert kind == "protocol"
    meeting = meeting_of(result)
    assert meeting.justering is None or "siv-ahl" not in meeting.justering.justerare
    assert "justerare-unread" in [n.reason for n in result.document.notes]
    codes = error_codes(document)
    assert "IMP007" in codes and "JUS001" not in codes


def test_a_row_of_headings_with_marks_after_the_names(source: Source) -> None:
    """ "Plats Närvarande ledamöter Närvarande ers Övriga närvarande Sekreterare", then the
    place and every entry in one run: the marks after a name tell its status ("tj
    ersättare" serves, "ej närvarande" is absent, "deltog inte under 12" took part but
    in § 12), the entries without a party are the others."""
    text = (
        "PROTOKOLL Regionstyrelsen Tid Måndagen den 10 november 2008, kl 09.00 Plats "
        "Närvarande ledamöter Närvarande ers Övriga närvarande Sekreterare Stora salen, "
        "Regionhuset Anna Berg (m), ordf Per Lind (c) Olle Ek (s) tj ersättare Kim Dahl (s) "
        "deltog inte under 12 Eva Holm (s) ej närvarande Siv Ahl (v) Bo Alm, Ola Ros "
        "Karin Sund\n§ 10 Val av justerare\nPer Lind utses att justera.\n"
    )
    kind, result = imported(source(text))
    assert kind == "protocol"
    meeting = meeting_of(result)
    statuses = by_status(meeting)
    assert statuses["present"] == ["anna-berg", "per-lind", "kim-dahl", "siv-ahl"]
    assert statuses["serving_substitute"] == ["olle-ek"]
    assert statuses["absent"] == ["eva-holm"]
    dahl = next(a for a in meeting.attendance if a.person == "kim-dahl")
    assert dahl.title is None


def test_a_flattened_list_of_names_parties_and_presence_marks(source: Source) -> None:
    """A närvarolista table flattened to "Name P 1" / "Name P -" rows: 1 is there, "-"
    not; only the marked take part."""
    text = (
        "PROTOKOLL\nArbetsutskottet 2019-05-14\nBeslutande Enligt närvarolista\n"
        "Närvarolista Namn Parti Närvaro Anteckningar Ledamöter (5) Anna Berg S 1 Ordförande "
        "Per Lind M 1 Olle Ek S 1 Kim Dahl C - Vakant plats Eva Holm L 1 Siv Ahl S - "
        "Bo Alm KD -\nÖvriga närvarande Ola Ros, nämndsekreterare\n§ 10 Val av justerare\n"
        "Per Lind utses att justera.\n"
    )
    kind, result = imported(source(text))
    assert kind == "protocol"
    statuses = by_status(meeting_of(result))
    assert statuses["present"] == ["anna-berg", "per-lind", "olle-ek", "eva-holm"]
    assert "kim-dahl" not in str(statuses) and "bo-alm" not in str(statuses)


def test_substitutions_chained_in_a_run(source: Source) -> None:
    """ "X (s) för Y", "X (s) Tjänstgör för A Y", "X (M), ersättare för Vakant (M)": the
    ersättare serves and the ledamot replaced is not present, however the next entry
    follows (a name right after the replaced one, a vacant seat)."""
    text = (
        "PROTOKOLL\nSocialnämnden 2004-03-11\nBeslutande Anna Berg (s), ordförande "
        "Glenn Lund (s) för Marie Sten Irhan Kasic (s) för Vera Nord Eje Björk (s) Tjänstgör "
        "för A Malm (s) Bo Fors (M), ersättare för Vakant (M) Jan Örn (C), ersättare för "
        "Lena Ros (L) Per Ek (v)\nUtses att justera Per Ek\n§ 1 Val av justerare\n"
        "Per Ek utses att justera.\n"
    )
    kind, result = imported(source(text))
    assert kind == "protocol"
    meeting = meeting_of(result)
    statuses = by_status(meeting)
    assert statuses["present"] == ["anna-berg", "per-ek"]
    assert statuses["serving_substitute"] == [
        "glenn-lund",
        "irhan-kasic",
        "eje-bjork",
        "bo-fors",
        "jan-orn",
    ]
    replaced = {a.person: a.replaces for a in meeting.attendance if a.replaces}
    assert replaced == {
        "glenn-lund": "marie-sten",
        "irhan-kasic": "vera-nord",
        "eje-bjork": "a-malm",
        "jan-orn": "lena-ros",
    }


def test_role_labels_with_colons_and_a_serving_ersattare_among_the_others(
    source: Source,
) -> None:
    """ "1:e vice ordförande: Berg Anna (FP) 2:e vice ordförande: Lind Per (S) Ledamöter: …"
    (names written family name first) heads decision-makers, "vice ordförande" alone
    does not, nor a signature block's "Ordförande:"; "Ersättare: Övriga närvarande: … Ek
    Kim (C), tjänstgörande för Eva Holm (C)": the ersättare serves."""
    text = (
        "Sammanträdesprotokoll Plats och tid: Skolan, kl 18:30-21:10 1:e vice ordförande: "
        "Berg Anna (FP) 2:e vice ordförande: Lind Per (S) Ledamöter: Sten Olle (M) Ros Ola "
        "(KD) Ersättare: Övriga närvarande: Ahl Siv (FP) Ek Kim (C), tjänstgörande för Eva "
        "Holm (C) Alm Bo (S) Underskrifter: Sekreterare: Ordförande: Justerare: Siv Ahl "
        "Anna Berg Per Lind\n§ 1 Val av justerare\nLind Per utses att justera.\n"
    )
    kind, result = imported(source(text))
    assert kind == "protocol"
    statuses = by_status(meeting_of(result))
    assert statuses["present"] == ["berg-anna", "lind-per", "sten-olle", "ros-ola"]
    assert statuses["serving_substitute"] == ["ek-kim"]


def test_the_meetings_place_and_time_label_comes_before_the_justerings(
    source: Source,
) -> None:
    """Labels stacked over their values twice, the meeting's "Plats och tid" empty (its
    value after the headings), the justering's "Justerare Plats och tid" with its own
    date: the meeting's date is the first label's; a venue ("Folkets hus") is no
    person."""
    text = (
        "EKBY KOMMUN Sammanträdesprotokoll Sammanträdesdatum Kommunfullmäktige Plats och tid "
        "Beslutande Ekby Folkets hus, måndagen den 15 november 1993, kl Samtliga ledamöter "
        "utom Anna Berg Per Lind Tjg ersättare Olle Ek Kim Dahl Övriga Justerare Plats och "
        "tid Eva Holm, sekr Siv Ahl, Bo Alm Stadshuset torsdagen den 18 november 1993, kl "
        "Sekreterare Eva Holm\nKf 110 Val av justerare\nSiv Ahl och Bo Alm utses att justera.\n"
    )
    kind, result = imported(source(text))
    assert kind == "protocol"
    meeting = meeting_of(result)
    assert str(meeting.date) == "1993-11-15"
    assert not any("folkets" in a.person for a in meeting.attendance)


LABEL_COLUMN = """\
SAMVERKAN UNGDOM
Protokoll 2017-04-27
Tid och plats
Ledamöter
Adjungerade
Justerare
Tid och plats för justering
Övriga närvarande
Torsdag den 27 april 2017 kl. 09:00-11:30 Stadshuset, sal A.
Anna Berg (L), barn- och ungdomsnämnden, ordförande
Per Lind (S) gymnasienämnden
Olle Ek (MP), arbetsmarknads- och socialnämnden
Kim Dahl, Polisen
Olle Ek (MP)
Förvaltningen den 5 maj 2017
Siv Ahl, barn- och ungdomsförvaltningen och gymnasieförvaltningen
Bo Alm, kultur- och fritidsförvaltningen
Eva Holm, sekreterare
§1
Riktlinje mot våld
Nämnden har beslutat att ta fram riktlinjer.
"""


def test_a_label_column_over_its_values_one_per_line(source: Source) -> None:
    """The labels one per line, then their values one per line: a stack; a politician
    with a nämnd in place of a title decides; an organisation's name with "och" twice is
    no prose (the run goes on after it)."""
    kind, result = imported(source(LABEL_COLUMN))
    assert kind == "protocol"
    statuses = by_status(meeting_of(result))
    assert statuses["present"] == ["anna-berg", "per-lind", "olle-ek"]
    assert {"siv-ahl", "bo-alm"} <= set(statuses["other"])


def test_a_time_after_the_justerare_is_the_justerings(source: Source) -> None:
    """ "Datum: Klockan: 09:00-12:10" (the date lost), then "Justerare: … Tid: Tisdagen den 18
    november 2014": that time is the justering's; the site's title keeps the date."""
    text = (
        'Download "Miljönämnden. Protokoll. Datum: 2014-11-11 Klockan: 09:00-12:10"\n\n'
        "Transkript\n\n1 Protokoll Miljönämnden Datum: Klockan: 09:00-12:10 Plats: "
        "Stadshuset Närvarande ledamöter Anna Berg (S) Per Lind (M) Olle Ek (C) Justerare: "
        "Per Lind (M) Tid: Tisdagen den 18 november 2014, kl. 08:30 Plats: Förvaltningen\n"
        "§ 1 Val av justerare\nPer Lind utses att justera.\n"
    )
    kind, result = imported(source(text))
    assert kind == "protocol"
    assert str(meeting_of(result).date) == "2014-11-11"


def test_a_transposed_serving_mark(source: Source) -> None:
    """ "tgj ers för" is "tjg ers för" with two letters swapped."""
    text = (
        "Protokoll från Utskottets sammanträde 2011-10-12\n\nPlats och tid Huset, kl 09.00\n\n"
        "Beslutande Anna Berg (C), ordförande\n\nPer Lind (M)\n\nKim Dahl (S), tgj ers för "
        "Eva Holm (S)\n\n§ 150 Val av justerare\n\nPer Lind utses att justera.\n"
    )
    kind, result = imported(source(text))
    assert kind == "protocol"
    statuses = by_status(meeting_of(result))
    assert statuses["serving_substitute"] == ["kim-dahl"]
    assert "eva-holm" not in statuses.get("present", [])


def test_entries_that_take_part_from_afar(source: Source) -> None:
    """ "… (M) 1:e vice ordförande närvarar på distans": a note after the role, no prose;
    the run goes on."""
    text = (
        "PROTOKOLL Utbildningsnämnden 2020-11-10 Närvarande Ledamöter Anna Berg (L), "
        "ordförande Per Lind (M) 1:e vice ordförande närvarar på distans Olle Ek (V), 2:e vice "
        "ordförande Kim Dahl (S) närvarar på distans Tjänstgörande ersättare Siv Ahl (M) "
        "närvarar på distans Övriga närvarande Bo Alm, nämndsekreterare\n"
        "§ 1 Val av justerare\nPer Lind utses att justera.\n"
    )
    kind, result = imported(source(text))
    assert kind == "protocol"
    statuses = by_status(meeting_of(result))
    assert statuses["present"] == ["anna-berg", "per-lind", "olle-ek", "kim-dahl"]
    assert statuses["serving_substitute"] == ["siv-ahl"]
