"""The vocabulary is data: a new heading variant is one row."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from grmodel.importing.base import SourceDocument
from grmodel.model import AttendanceStatus, Meeting
from grmodel_gr_documents.protocol import parse_protocol
from grmodel_gr_documents.vocabulary import extra_phrases, load_vocabulary, parse_rows

PROTOCOL = """\
Protokoll från förbundsstyrelsens sammanträde 14 mars 2019
Tid: 14 mars 2019 kl. 09:00-11:00
Politiker på plats: Anna Berg (S), Ale; Bo Ek (M), Lerum
Närvarande tjänstemän: Cia Dahl, GR

§ 1 Val av justerare
Bo Ek utses att justera protokollet.
"""


def present(document: SourceDocument) -> list[str]:
    meeting = next(r for r in parse_protocol(document).records if isinstance(r, Meeting))
    return [a.person for a in meeting.attendance if a.status is AttendanceStatus.PRESENT]


def test_a_new_heading_variant_is_one_row(source: Callable[..., SourceDocument]) -> None:
    document = source(PROTOCOL)
    assert present(document) == []  # "Politiker på plats" is no heading the table knows
    with extra_phrases("attendance\tpresent\tPolitiker på plats"):
        assert present(document) == ["anna-berg", "bo-ek"]
    assert present(document) == []  # the row is gone again


def test_every_row_is_well_formed() -> None:
    vocabulary = load_vocabulary()
    cues = {p.cue for p in vocabulary.phrases}
    assert cues == {
        "attendance",
        "label",
        "justerare",
        "closing",
        "signature",
        "toc",
        "basis",
        "kind",
        "nonname",
        "prefix",
        "elsewhere",
        "column",
        "verb",
        "prose",
        "section",
        "annotation",
    }
    assert vocabulary.meanings("kind") == {
        "protocol",
        "agenda",
        "staff-report",
        "notes",
        "invitation",
    }
    keys = [(p.cue, " ".join(p.text.split()).casefold()) for p in vocabulary.phrases]
    assert len(keys) == len(set(keys)), "a phrase is listed twice under one cue"


def test_a_malformed_row_names_its_line() -> None:
    with pytest.raises(ValueError, match=r"vocabulary.tsv:2: expected"):
        parse_rows("attendance\tpresent\tNärvarande\nattendance present\n")


def test_headings_are_found_anywhere_but_only_as_headings() -> None:
    vocabulary = load_vocabulary()
    text = "Plats: GR Närvarande: Anna Berg\nStyrgruppen var närvarande vid mötet\nnärvarande"
    hits = [
        (h.phrase.meaning, text[h.start : h.end]) for h in vocabulary.find(text, ["attendance"])
    ]
    # mid-line capitalised, lower case with a colon or alone on its line; not a word in prose
    assert hits == [("present-top", "Närvarande:"), ("present-top", "närvarande")]


def test_a_local_prefix_is_one_row(source: Callable[..., SourceDocument]) -> None:
    """A body's own paragraph prefix, met once in a fragment ("Ubn 7"), makes an item
    when the vocabulary knows it, and not before."""
    text = (
        "Protokoll Utbildningsnämnden 2019-03-04\n\nUtses att justera Eva Ek\n\n"
        "Ubn 7 Budget för skolan\n\nNämnden beslutar att godkänna budgeten.\n"
    )

    def items() -> list[tuple[int | None, str]]:
        result = parse_protocol(source(text))
        meeting = next(r for r in result.records if isinstance(r, Meeting))
        return [(i.paragraph, i.title) for i in meeting.items]

    assert items() == []
    with extra_phrases("prefix\titem\tUbn"):
        assert items() == [(7, "Budget för skolan")]
