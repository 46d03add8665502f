"""Tables of contents and item starts as web transcripts run them together: a
numbered table ("165. Title") under a heading that carries the body, the date and
the column labels; a table headed "Innehåll"; a table the fragment ends inside;
officials' paragraph references that are no items; run-on items whose § was lost.

Every name, place and title is invented.
"""

from __future__ import annotations

from collections.abc import Callable

from test_layout_classes import imported, meeting_of

from grmodel.importing.base import SourceDocument
from grmodel_gr_documents.titles import item_heading
from grmodel_gr_documents.toc import toc_entries

Source = Callable[..., SourceDocument]

DOTTED = (
    " Kommunfullmäktige den 12 november 2015 Paragraf, ärendebeskrivning 88. Godkännande "
    "av dagordningen 89. Informationspunkter 90. Interpellation från Eva Strand (S) om "
    "badhuset i Norrby 91. Taxa för bygglov 2016 92. Val av revisor 93. Motion om "
    "belysning längs Ådalsvägen"
)


def test_a_dotted_number_first_table_under_a_dated_heading() -> None:
    """ "88. Godkännande …": the numbers stand before their titles; the heading's
    body, date and column labels are no entry's title."""
    assert toc_entries(DOTTED) == [
        (88, "Godkännande av dagordningen"),
        (89, "Informationspunkter"),
        (90, "Interpellation från Eva Strand (S) om badhuset i Norrby"),
        (91, "Taxa för bygglov 2016"),
        (92, "Val av revisor"),
        (93, "Motion om belysning längs Ådalsvägen"),
    ]


def test_titles_before_their_numbers_stay_so() -> None:
    """A near miss: numbers after their titles, without periods, are still read as
    title-first; a title ending in a year keeps it."""
    entries = toc_entries("Information 35 Budget för år 2016 36 Delårsrapport 37 Övrigt 38")
    assert entries == [
        (35, "Information"),
        (36, "Budget för år 2016"),
        (37, "Delårsrapport"),
        (38, "Övrigt"),
    ]


def test_a_table_cut_by_the_fragments_end_loses_its_last_entry() -> None:
    text = DOTTED + " 94. Förslag till ändring av reglemente för tekn"
    assert [n for n, _ in toc_entries(text, cut=True)] == [88, 89, 90, 91, 92, 93]
    assert toc_entries(text)[-1] == (94, "Förslag till ändring av reglemente för tekn")


ESLOV_LIKE = (
    "1 ( 12 ) Plats och tid Rådhuset kl. 18:00-20:15 Beslutande Ulla Berg (S) (ordförande) "
    "Karl Nord (M) Övriga närvarande Åsa Holm (kommunsekreterare) Per Ljung (ekonomichef) "
    "41-43 Lisa Dahl (upphandlingschef) 45 Olof Ek (controller) 45 Utses att justera Karl "
    "Nord (M)\n"
    "2 ( 12 ) Innehåll 41 Val av protokolljusterare 42 Godkännande av dagordningen 43 "
    "Yttrande över remiss Bättre vägar. Betänkande (SOU 2017:12) 44 Finansiell rapport "
    "2015 45 Riktlinjer för inköp 46 Förslag till ny arbetsordning för nämnden och dess "
    "utsk"
)


def test_a_table_headed_innehall_lists_the_items(source: Source) -> None:
    kind, result = imported(source(ESLOV_LIKE))
    assert kind == "protocol"
    titles = {i.number: i.title for i in meeting_of(result).items}
    assert titles == {
        "41": "Val av protokolljusterare",
        "42": "Godkännande av dagordningen",
        "43": "Yttrande över remiss Bättre vägar. Betänkande (SOU 2017:12)",
        "44": "Finansiell rapport 2015",
        "45": "Riktlinjer för inköp",
    }


def test_innehall_in_prose_is_no_table(source: Source) -> None:
    """A near miss: "Innehåll" as a word of an item's text, no entry right after it;
    the items before and after it stay."""
    text = (
        "Protokoll Kulturnämnden 2015-03-04 Beslutande Ulla Berg (S), ordförande Karl Nord "
        "(M)\n\n1 Mötets öppnande\nOrdföranden öppnar mötet.\n2 Ny biblioteksplan\n"
        "Innehåll i planen presenteras av Åsa Holm.\n3 Övrigt\nInga frågor.\n"
        "4 Avslutning\nOrdföranden avslutar mötet.\n"
    )
    kind, result = imported(source(text))
    assert kind == "protocol"
    titles = {i.number: i.title for i in meeting_of(result).items}
    assert titles == {
        "1": "Mötets öppnande",
        "2": "Ny biblioteksplan",
        "3": "Övrigt",
        "4": "Avslutning",
    }


def test_officials_paragraph_references_start_no_items(source: Source) -> None:
    """ "Lisa Dahl (upphandlingschef) 45 Olof Ek (controller) 45 …": the numbers are
    the paragraphs the officials attended, no items; the items whose § was lost
    follow."""
    text = (
        "Protokoll Tekniska nämnden 2016-04-05 Beslutande Ulla Berg (S), ordförande Karl Nord "
        "(M) Övriga närvarande Lisa Dahl (upphandlingschef) 45 Olof Ek (controller) 45 Utses "
        "att justera Karl Nord (M)\n\n"
        "45 Riktlinjer för inköp Nämnden beslutar att anta riktlinjerna. 46 Finansiell rapport "
        "Rapporten läggs till handlingarna. 47 Val av ombud Nämnden utser Karl Nord (M).\n"
    )
    kind, result = imported(source(text))
    assert kind == "protocol"
    titles = {i.number: i.title for i in meeting_of(result).items}
    assert titles.get("45") == "Riktlinjer för inköp"
    assert list(titles) == ["45", "46", "47"]


def test_a_run_on_title_ends_before_the_decision_heading() -> None:
    assert item_heading("Godkännande av dagordning Nämndens beslut Dagordningen godkänns.")[0] == (
        "Godkännande av dagordning"
    )
    assert item_heading("Val av revisorer Kommunfullmäktiges förslag till beslut Att välja")[0] == (
        "Val av revisorer"
    )
    # near misses: a title that names a decision keeps it
    assert item_heading("Överklagande av Kommunstyrelsens beslut 2014-05-12")[0] == (
        "Överklagande av Kommunstyrelsens beslut 2014-05-12"
    )


def test_a_run_on_title_ends_before_a_short_plain_sentence() -> None:
    assert item_heading("Allmänhetens frågestund Inga frågor ställs.")[0] == (
        "Allmänhetens frågestund"
    )
    # near misses: a title ending in a period, a name in it
    assert item_heading("Svar på fråga från Eva Strand.")[0] == "Svar på fråga från Eva Strand."
    assert item_heading("Information om budget 2016.")[0] == "Information om budget 2016."
    assert item_heading("Delårsrapport Augusti 2016.")[0] == "Delårsrapport Augusti 2016."
    assert item_heading("Övrigt Inga övriga frågor.")[0] == "Övrigt"


def test_a_run_on_title_ends_before_a_person_and_a_verb() -> None:
    text = (
        "Samverkan med Högskolan i Norrby Anna Lind från Högskolan i Norrby informerar. "
        "Högskolan kommer bl.a. att skicka nyhetsbrev till de förtroendevalda i regionen och "
        "planerar fler möten under året med kommunerna"
    )
    assert item_heading(text, run_on=True)[0] == "Samverkan med Högskolan i Norrby"


RUN_ON = (
    "Transkript\n\n1 Plats och tid Norrby, kl Beslutande Ulla Berg (S) ordförande Karl Nord (M) "
    "Per Ljung (C) Övriga Åsa Holm, förbundsdirektör\n\n"
    "2 Sekreterare Åsa Holm Ordförande Ulla Berg Justerare Karl Nord\n\n"
    "3 21 Fastställande av dagordning att fastställa dagordningen 22 Val av justerare Karl "
    "Nord (M) utses att justera dagens protokoll. 23 Information från kansliet Åsa Holm "
    "informerar om hösten. att ta informationen till dagens protokoll 24 Ny webbplats Per "
    "Ljung visar webbplatsen. att ta informationen till dagens protokoll 25 Övrigt Inga "
    "övriga frågor fanns. 26 Nästa sammanträde Nästa sammanträde hålls den 4 oktober.\n"
)


def test_a_repeated_formula_before_the_numbers_is_no_running_header(source: Source) -> None:
    """ "… till dagens protokoll 24 Ny webbplats … dagens protokoll 25": the same word
    in lower case before two numbers is a decision's formula, not a page header."""
    kind, result = imported(source(RUN_ON))
    assert kind == "protocol"
    numbers = [i.number for i in meeting_of(result).items]
    assert numbers == ["21", "22", "23", "24", "25", "26"]


def test_a_running_header_word_repeated_is_no_run(source: Source) -> None:
    """The near miss: a capitalised word repeated before the numbers is a page's
    running header ("Norrby 2 … Norrby 3"), no items."""
    text = (
        "Protokoll Kulturnämnden 2015-03-04 Beslutande Ulla Berg (S), ordförande Karl Nord "
        "(M) Utses att justera Karl Nord (M) Norrby 2 Text av sidan två Norrby 3 Text av sidan "
        "tre Norrby 4 Text av sidan fyra\n"
    )
    _, result = imported(source(text))
    assert [i.number for i in meeting_of(result).items] == []


BASTAD_LIKE = (
    "Transkript\n\n1 Sammanträdesdatum Kommunfullmäktige (30) Plats och tid: Rådhuset i Norrby, "
    "kl Beslutande: Se bifogad närvarolista. Utses att justera: Eva Strand och Per Ljung. "
    "Sekreterare Paragrafer: Åsa Holm\n\n"
    "2 Innehållsförteckning Kommunfullmäktige den 12 november 2015 Paragraf, "
    "ärendebeskrivning 88. Godkännande av dagordningen 89. Informationspunkter 90. Val av "
    "revisor 91. Taxa för bygg"
)


def test_the_tables_heading_dates_an_undated_meeting(source: Source) -> None:
    kind, result = imported(source(BASTAD_LIKE))
    assert kind == "protocol"
    meeting = meeting_of(result)
    assert str(meeting.date) == "2015-11-12"
    assert {i.number: i.title for i in meeting.items} == {
        "88": "Godkännande av dagordningen",
        "89": "Informationspunkter",
        "90": "Val av revisor",
    }


def test_the_headers_own_date_wins_over_the_tables(source: Source) -> None:
    """The near miss: a header with its date keeps it (the table's heading may name
    another meeting's date, or a page's print date)."""
    text = BASTAD_LIKE.replace(
        "1 Sammanträdesdatum Kommunfullmäktige (30)",
        "1 Sammanträdesdatum 2015-11-10 Kommunfullmäktige (30)",
    )
    _, result = imported(source(text))
    assert str(meeting_of(result).date) == "2015-11-10"


KALLELSE = (
    "Transkript\n\n1 TEKNISKA NÄMNDENS ARBETSUTSKOTT KALLELSE SIDA 1 (3) Kallelse till "
    "Tekniska nämndens arbetsutskott Tid Tisdag den 8 mars 2016, klockan 13:00 Plats Rum 4, "
    "stadshuset Ärenden Diarienummer 1 Val av justerare 2 Godkännande av föredragningslista "
    "3 Ny taxa för parkering i Norrby centrum (KF) TN-2016/ Belysning av gång- och cykelvägar "
    "svar på motion väckt av Eva Strand (S) (KF) TN-2015/ Vinterväghållning 2016 TN-2016/\n\n"
    "2 TEKNISKA NÄMNDENS ARBETSUTSKOTT KALLELSE SIDA 2 (3) {n} Upphandling av snöröjning "
    "(KF) TN-2016/ Trafiksäkerhetsprogram TN-2016/\n"
)


def _agenda_titles(source: Source, text: str) -> dict[str, str]:
    from grmodel.model import Meeting

    _, result = imported(source(text))
    meeting = next(r for r in result.records if isinstance(r, Meeting))
    return {i.number: i.title for i in meeting.items}


def test_a_pages_first_item_after_a_long_running_header(source: Source) -> None:
    """ "… KALLELSE SIDA 2 (3) 8 Upphandling …": the number after the page's running
    header starts an item though the numbers before it were lost."""
    titles = _agenda_titles(source, KALLELSE.format(n=8))
    assert list(titles) == ["1", "2", "3", "8"]
    assert titles["8"].startswith("Upphandling av snöröjning")


def test_a_number_far_ahead_after_the_header_is_no_item(source: Source) -> None:
    """The near miss: a number far beyond the count after the header is no item."""
    titles = _agenda_titles(source, KALLELSE.format(n=40))
    assert list(titles) == ["1", "2", "3"]
