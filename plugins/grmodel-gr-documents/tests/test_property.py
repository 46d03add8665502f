"""Property: any text goes through every importer without a crash, and every line is
accounted for exactly once (placed, unplaced or dropped)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from grmodel.importing.base import SourceDocument
from grmodel_gr_documents.plugin import IMPORTERS, detect

_WORDS = [
    "Protokoll",
    "§ 38.",
    "§§ 18-32",
    "1.",
    "2 ",
    "Närvarande",
    "Ledamöter",
    "EJ NÄRVARANDE",
    "Ersättare",
    "Beslut",
    "Beslutsunderlag",
    "att ",
    "Kent Lagrell (M), Öckerö, ordförande",
    "Åsa Öberg (s)",
    "utses till justerare.",
    "reserverar sig mot beslutet på grund av",
    "Styrgruppen beslutar att föreslå förbundsstyrelsen",
    "Informationen antecknas.",
    "Sammanträdestider 2020",
    "19-20 mars",
    "31 februari",
    "2019-13-45",
    "kl 25-99",
    "Plats:",
    "Tid:",
    "Dagordning",
    "Tjänsteutlåtande 2009-08-31",
    "Projekt - X",
    "Ansökan till Länsstyrelsen är 265 000 kr varav 35 00 kr är egen finansiering",
    "Vid protokollet",
    "Justeras",
    "Sida 2 av 4",
    "2 (5)",
    "Beslutsärende",
    "(handling bifogas)",
    "Dnr: 08-193.012",
    "Omröstning 8 ja-röster",
]

texts = st.lists(
    st.one_of(
        st.sampled_from(_WORDS),
        st.text(alphabet=st.sampled_from("abcåäöÅÄÖ §0123456789.,:;()-–\n\t\r\u00a0"), max_size=30),
    ),
    max_size=40,
).map(lambda parts: "".join(p + (" " if i % 3 else "\n") for i, p in enumerate(parts)))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts)
def test_every_importer_accounts_for_every_line(text: str) -> None:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    document = SourceDocument(path=Path("arbitrary.txt"), text=text, encoding="utf-8")
    detect(document)
    total = len(document.lines)
    for importer in IMPORTERS:
        result = importer.parse(document)
        unplaced = [
            n for seg in result.document.unplaced for n in range(seg.span.line, seg.span.last + 1)
        ]
        dropped = [
            n for seg in result.document.dropped for n in range(seg.span.line, seg.span.last + 1)
        ]
        placed = sorted(result.placed_lines)
        assert len(placed) + len(unplaced) + len(dropped) == total, importer.name
        assert set(placed) | set(unplaced) | set(dropped) == set(range(1, total + 1))
        assert 0.0 <= result.coverage <= 1.0
