"""Site chrome and page markers: the quick test for page markers finds every line that
holds one; a newer docplayer page's chrome and one-line pages."""

from __future__ import annotations

from collections.abc import Callable

from test_layout_classes import by_status, imported, meeting_of

from grmodel.importing.base import SourceDocument
from grmodel_gr_documents.chrome import deglue, inline_marks, marked_lines, page_prefixes

Source = Callable[..., SourceDocument]


def test_marked_lines_hold_every_line_with_a_page_marker() -> None:
    lines = [
        "Protokoll Sida 2 (5)",
        "Kommunstyrelsen 2019-11-07",
        "… Mikael Berglund 1(25)",
        "Sida 2 av 4 Beslut",
        "",
        "3 (35) Protokoll från mötet",
        "§ 12 Anmälan",
        "Sida 3\t/ 9",
    ]
    with_marks = {i for i, line in enumerate(lines) if inline_marks(line)}
    assert with_marks == {0, 2, 3, 5, 7}
    assert with_marks <= marked_lines(lines)
    assert not marked_lines(["Sida 2", "(5) nästa rad", "§ 12 Anmälan"])  # not across lines


def test_words_run_together_are_parted_but_not_a_double_given_name() -> None:
    """ "KommunstyrelsenSammanträdesdatum" and "Per LindAnna Berg" are two words each;
    "JanAnders Palmqvist" is one person's double given name, written as one word."""
    assert deglue("KommunstyrelsenSammanträdesdatum Per LindAnna Berg") == (
        "Kommunstyrelsen Sammanträdesdatum Per Lind Anna Berg"
    )
    assert deglue("Ordförande: JanAnders Palmqvist") == "Ordförande: JanAnders Palmqvist"


NEWER_DOCPLAYER = """\
Protokoll. Nämnden för teknik
|
|
- Stina Uppladdare
- för 8 år sedan
- Visningar:
Transkript
1 Nämnden för teknik
2 2 118 Val av justerare Budget 2019 Anmälningar...12
3 3 Plats och tid Stadshuset, Exempelby kl 13.00 Beslutande Eva Lind (S), ordförande Per Holm (M) \
Anna Berg (C) Olle Nord (L) Utses att justera Per Holm
4 4 § 118 Val av justerare Per Holm utses att justera protokollet.
"""


def test_newer_docplayer_chrome_and_one_line_pages(source: Source) -> None:
    """docplayer's newer page: the uploader, the age and the views as a list, and each
    page one line numbered 1, 2, 3 … (then the PDF's own page number) with no blank
    line between: chrome and page numbers, never names or items."""
    kind, result = imported(source(NEWER_DOCPLAYER))
    assert kind == "protocol"
    document = result.document
    dropped = {seg.text for seg in document.dropped}
    assert {"|", "- Stina Uppladdare", "- för 8 år sedan", "- Visningar:"} <= dropped
    cut = sorted((seg.span.line, seg.text) for seg in document.cut if seg.reason == "page number")
    assert cut[:6] == [(8, "1"), (9, "2"), (9, "2"), (10, "3"), (10, "3"), (11, "4")]
    meeting = meeting_of(result)
    assert by_status(meeting)["present"] == ["eva-lind", "per-holm", "anna-berg", "olle-nord"]
    assert "stina-uppladdare" not in {a.person for a in meeting.attendance}


def test_lines_numbered_without_a_run_are_no_pages() -> None:
    """Two numbered lines, or numbers out of order, are no one-line pages."""
    lines = ["Transkript", "1 Protokoll", "3 Kommunstyrelsen", "4 Plats och tid"]
    assert page_prefixes(lines, 0) == {}


FOOT_BOX = """\
PROTOKOLL
Kommunfullmäktige
Sammanträdesdatum
2016-02-22
Beslutande
Eva Lind (S), ordförande
Per Holm (M)
1
Justerar
PROTOKOLL
Kommunfullmäktige
Sammanträdesdatum
2016-02-22
Anna Berg (C)
Olle Nord (L)
Justerare: Per Holm (M)
2
Justerar
"""


def test_a_page_foot_s_number_and_initials_box_are_furniture(source: Source) -> None:
    """Each page's foot: its number on a line of its own over the initials box
    ("1" / "Justerar"): page furniture, no item 1 — the list runs on over the page."""
    kind, result = imported(source(FOOT_BOX))
    assert kind == "protocol"
    meeting = meeting_of(result)
    assert not meeting.items
    assert by_status(meeting)["present"] == ["eva-lind", "per-holm", "anna-berg", "olle-nord"]
    dropped = [s.text for s in result.document.dropped]
    assert [d.split("\n")[:2] for d in dropped if "Justerar" in d] == [
        ["1", "Justerar"],
        ["2", "Justerar"],
    ]
