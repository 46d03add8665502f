"""A line is placed only when each of its significant words reached a record; a line a
reader took whose words reached nothing is unplaced text, kept on the document record,
and of a line partly read the words that reached nothing are."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from grmodel.importing.base import ImportResult, SourceDocument
from grmodel.model import DocumentKind, PartialDate
from grmodel_gr_documents.accounting import WORDS_NOT_PLACED, record_words, unreached
from grmodel_gr_documents.building import Builder
from grmodel_gr_documents.plugin import IMPORTERS
from grmodel_gr_documents.protocol import parse_protocol

Source = Callable[..., SourceDocument]
Check = Callable[[ImportResult], None]

TEXT = """\
Protokoll 2019-11-07
Ledamöter
Anna Berg
Presentation laddar. Vänta.
Till: Förbundsstyrelsen
Datum: 7november2019
x
"""


def _placed_everything(document: SourceDocument) -> Builder:
    builder = Builder(document)
    builder.tracker.place(1, len(document.lines))
    builder.person("Anna Berg", 3)
    return builder


def test_a_line_whose_words_reached_nothing_is_unplaced_and_kept(
    source: Source, check_accounting: Check
) -> None:
    builder = _placed_everything(source(TEXT))
    result = builder.finish(kind=DocumentKind.PROTOKOLL, addressee="gr-forbundsstyrelsen")
    check_accounting(result)
    assert [(s.span.line, s.text, s.reason) for s in result.document.unplaced] == [
        (1, "2019-11-07", WORDS_NOT_PLACED),  # "Protokoll" is the kind, the date in no record
        (4, "Presentation laddar. Vänta.", None),
        (6, "Datum: 7november2019", None),  # the document record has no date
    ]
    # "Ledamöter" is a heading of the vocabulary, "Anna Berg" a person's name,
    # "Förbundsstyrelsen" the name of the addressee, "x" the mark of a table
    assert {2, 3, 5, 7} <= result.placed_lines


def test_the_document_records_own_kept_text_counts(source: Source) -> None:
    builder = _placed_everything(source(TEXT))
    result = builder.finish(
        kind=DocumentKind.PROTOKOLL,
        title="Protokoll",
        date=PartialDate(2019, 11, 7),  # the glued "7november2019" too: 7 and 2019
        addressee="gr-forbundsstyrelsen",
    )
    assert [s.span.line for s in result.document.unplaced] == [4]


def test_spans_provenance_and_the_unplaced_text_itself_do_not_count(source: Source) -> None:
    document = source("Anna Berg\n4\nPresentation laddar\n")
    builder = Builder(document)
    builder.tracker.place(1, 3)
    builder.person("Anna Berg", 1)  # its provenance holds lines 1 and the file name
    result = builder.finish(kind=DocumentKind.OTHER)
    assert [(s.span.line, s.span.last) for s in result.document.unplaced] == [(2, 3)]
    assert "presentation" not in record_words([result.document, *result.records])


@pytest.mark.parametrize(
    ("addressee", "unplaced"),
    [
        (None, [(2, 3, "Göteborgs-\nregionens ordförande", None)]),
        ("gr", [(2, 3, "ordförande", WORDS_NOT_PLACED)]),
    ],
)
def test_a_hyphenated_line_goes_with_the_line_it_is_joined_onto(
    source: Source, addressee: str | None, unplaced: list[tuple[int, int, str, str | None]]
) -> None:
    """ "Göteborgs-" / "regionens ordförande" is read as one line, unplaced together:
    whole when no word reached a record, else the words that did not ("Göteborgsregionens"
    is the name of the body ``gr``)."""
    builder = Builder(source("Anna Berg\nGöteborgs-\nregionens ordförande\n"))
    builder.tracker.place(1, 2)
    builder.person("Anna Berg", 1)
    result = builder.finish(kind=DocumentKind.OTHER, addressee=addressee)
    segments = result.document.unplaced
    assert [(s.span.line, s.span.last, s.text, s.reason) for s in segments] == unplaced
    assert result.placed_lines == frozenset({1, 4})


def test_a_line_is_placed_only_when_each_significant_word_reached_a_record(
    source: Source, check_accounting: Check
) -> None:
    """Function words, the words of a date around its numbers, single letters and
    structure phrases need not reach a record; a name or a number must."""
    text = (
        "Anna Berg (S), ordf, närvarar på § 1 den 7 november 2019 kl 13.00 x\n"
        "Anna Berg och Bo Ek, Göteborg, 2019-11-07 kl 13.00, Justeras: Bo Ek 12 x\n"
    )
    builder = Builder(source(text))
    builder.tracker.place(1, 2)
    builder.person("Anna Berg", 1)
    result = builder.finish(kind=DocumentKind.OTHER, date=PartialDate(2019, 11, 7))
    check_accounting(result)
    # line 1: "närvarar", "1", "13", "00" reached nothing; line 2: "Bo Ek", "Göteborg", "12"
    assert [(s.span.line, s.text, s.reason) for s in result.document.unplaced] == [
        (1, "närvarar på § 1 … 13.00", WORDS_NOT_PLACED),
        (2, "Bo Ek, Göteborg … 13.00 … Bo Ek 12", WORDS_NOT_PLACED),
    ]
    assert 1 not in result.placed_lines and 2 not in result.placed_lines


@pytest.mark.parametrize("importer", IMPORTERS, ids=lambda importer: importer.name)
@pytest.mark.parametrize("number", ["000", "001", "002", "003", "004"])
def test_every_placed_line_of_the_seeds_reached_a_record(
    seed: Callable[[str], SourceDocument], check_accounting: Check, number: str, importer: object
) -> None:
    """With every importer, on every seed (read with ``--kind`` whether it fits or not)."""
    document = seed(number)
    result: ImportResult = importer.parse(document)  # type: ignore[attr-defined]
    check_accounting(result)
    builder = Builder(document)
    builder.tracker.placed = set(result.placed_lines)
    assert not unreached(builder.tracker, result.document, result.records, builder.refdata)


def test_seed_001_read_as_a_staff_report_keeps_the_web_pages_titles_unplaced(
    seed: Callable[[str], SourceDocument],
) -> None:
    """The first lines are titles of other documents on the hosting web page: the
    staff-report reader took them, and none of their words reached a record."""
    document = seed("001")
    importer = next(i for i in IMPORTERS if i.name == "staff-report")
    result = importer.parse(document)
    unplaced = {s.span.line: s.text for s in result.document.unplaced}
    # "Relevanta dokument" over them is the web page's too (no part of the title)
    assert unplaced[3] == "Relevanta dokument\nVerksamhetsberättelse 2009"
    assert result.document.title == "Kartläggning av mellankommunal samverkan i GRkommunerna"
    assert unplaced[16].startswith("Evidensbaserad praktik inom socialtjänstens område")
    assert 4 not in result.placed_lines


def test_seed_003_headings_stay_placed(seed: Callable[[str], SourceDocument]) -> None:
    result = parse_protocol(seed("003"))
    lines = seed("003").lines
    headings = [
        n for n in result.placed_lines if lines[n - 1].strip() in ("Ledamöter", "Justeras:")
    ]
    assert len(headings) >= 3
