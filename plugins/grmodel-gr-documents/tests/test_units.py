"""The small parsers: dates and times, amounts, attendance entries, page furniture."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from grmodel.model import Role
from grmodel.refdata import load_reference_data
from grmodel_gr_documents.amounts import find_amounts, find_own_shares
from grmodel_gr_documents.dates import _Spans, find_dates, find_times
from grmodel_gr_documents.entries import ParsedEntry, parse_run
from grmodel_gr_documents.lines import detect_furniture

REFDATA = load_reference_data()


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("7 november 2019", "2019-11-07", None),
        ("2019-11-07", "2019-11-07", None),
        ("1november2012", "2012-11-01", None),
        ("torsdag den 18 december", "2008-12-18", None),
        ("19-20 mars", "2008-03-19", "2008-03-20"),
        ("14 feb 2020", "2020-02-14", None),
        ("Onsdagen den 28 mars, 2011 kl", "2011-03-28", None),
    ],
)
def test_dates(text: str, first: str, last: str | None) -> None:
    (found,) = find_dates(text, 2008)
    assert str(found.date) == first
    assert (str(found.end_date) if found.end_date else None) == last


def test_compact_and_impossible_dates() -> None:
    assert [str(d.date) for d in find_dates("möte 190523", compact=True)] == ["2019-05-23"]
    assert find_dates("möte 190523") == []
    assert find_dates("31 februari 2019 och 2019-13-45") == []
    assert find_dates("18 december") == []  # no year and none from context


def test_a_date_over_another_is_found_once() -> None:
    text = "2019-03-7 mars 2019, 8 mars 2019 och 190309 " * 3  # "7 mars 2019" overlaps
    found = [(d.text, str(d.date)) for d in find_dates(text, compact=True)]
    assert found == [("2019-03-7", "2019-03-07"), ("8 mars 2019", "2019-03-08"),
                     ("190309", "2019-03-09")] * 3  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 60), st.integers(1, 6)), max_size=25))
def test_taken_spans_are_free_as_no_span_overlaps_them(spans: list[tuple[int, int]]) -> None:
    taken, plain = _Spans(), []
    for start, length in spans:
        end = start + length
        free = all(end <= a or start >= b for a, b in plain)
        assert taken.free(start, end) == free
        if free:
            taken.take(start, end)
            plain.append((start, end))


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("kl 9-15", "09:00:00", "15:00:00"),
        ("kl. 13:00-16:00", "13:00:00", "16:00:00"),
        ("klockan 18.00 – 19.30", "18:00:00", "19:30:00"),
        ("Tid: 13.00-16.00", "13:00:00", "16:00:00"),
    ],
)
def test_times(text: str, start: str, end: str) -> None:
    (found,) = find_times(text, bare=True)
    assert (str(found.start_time), str(found.end_time)) == (start, end)
    assert find_times("kl 25-99") == []


def test_amounts() -> None:
    found = [
        (a.money.amount, a.money.max_amount, a.money.stated)
        for a in find_amounts("265 000 kr, 2,5–3 mkr, 1 miljard kronor, 35 00 kr")
    ]
    assert found == [
        (265000, None, "265 000 kr"),
        (2500000, 3000000, "2,5–3 mkr"),
        (1000000000, None, "1 miljard kronor"),
        (3500, None, "35 00 kr"),
    ]
    (share,) = find_own_shares("är 265 000 kr varav 132 500 kr är egen finansiering")
    assert (share.total.amount, share.own.amount) == (265000, 132500)


@pytest.mark.parametrize(
    ("text", "name", "party", "municipality", "role", "paragraphs"),
    [
        (
            "Kent Lagrell (M), Öckerö, ordförande",
            "Kent Lagrell",
            "M",
            "Öckerö",
            Role.ORDFORANDE,
            (),
        ),
        ("Bo Ek, Lerum (m) (ordf.)", "Bo Ek", "m", "Lerum", Role.ORDFORANDE, ()),
        ("Eva Ek (S), Ale, v. ordf.", "Eva Ek", "S", "Ale", Role.VICE_ORDFORANDE, ()),
        ("Eva Ek (S), Ale, vice ordförande", "Eva Ek", "S", "Ale", Role.VICE_ORDFORANDE, ()),
        ("Per Ny (fp) Mölndal, §§ 18-20", "Per Ny", "fp", "Mölndal", None, (18, 19, 20)),
        ("Lisa Lund, Tjörn, p 4", "Lisa Lund", None, "Tjörn", None, (4,)),
        ("Lisa Lund, Tjörn (punkt 3)", "Lisa Lund", None, "Tjörn", None, (3,)),
    ],
)
def test_entries(
    text: str,
    name: str,
    party: str | None,
    municipality: str | None,
    role: Role | None,
    paragraphs: tuple[int, ...],
) -> None:
    entry = one(text)
    assert (entry.name, entry.party, entry.municipality, entry.role, tuple(entry.paragraphs)) == (
        name,
        party,
        municipality,
        role,
        paragraphs,
    )


def one(text: str) -> ParsedEntry:
    entries, stop = parse_run(text, REFDATA)
    assert len(entries) == 1 and stop is None, entries
    return entries[0]


def test_serving_substitute_entry() -> None:
    assert one("Olle Ek (S), Ale (tjänstgörande)").serving
    entry = one("Olle Ek (S), Ale, tjänstgörande ersättare för Kent Lagrell (M)")
    assert entry.serving and entry.replaces == "Kent Lagrell"
    assert entry.organisation is None and entry.party == "S"


def test_run_on_entries() -> None:
    text = "Kent Lagrell (M), Öckerö, ordförande, Patrik Linde (S), Härryda; Marie Raask (S), "
    text += "Partille och Erling Alsin (V), Tjörn"
    entries, _ = parse_run(text, REFDATA)
    assert [(e.name, e.party, e.municipality) for e in entries] == [
        ("Kent Lagrell", "M", "Öckerö"),
        ("Patrik Linde", "S", "Härryda"),
        ("Marie Raask", "S", "Partille"),
        ("Erling Alsin", "V", "Tjörn"),
    ]
    assert entries[0].role is Role.ORDFORANDE


def test_furniture_keeps_masthead_and_structural_repeats() -> None:
    lines = [
        "Protokoll 2019-11-07",
        "Göteborgsregionens kommunalförbund",
        "Beslut",
        "Informationen antecknas.",
        "Tjänsteskrivelse 2019-10-28, diarienummer: 2019-00368",
        "Protokoll 2019-11-07",
        "Göteborgsregionens kommunalförbund",
        "Beslut",
        "Informationen antecknas.",
        "Tjänsteskrivelse 2019-10-28, diarienummer: 2019-00224",
    ]
    furniture = detect_furniture(lines)
    assert furniture.masthead == (1, 2)
    assert [(s.span.line, s.span.last) for s in furniture.dropped] == [(6, 7)]


def test_a_weekday_is_never_part_of_a_name() -> None:
    """ "… Ek Nielsen Måndag den 27 februari": a capitalised weekday after a name."""
    entries, _ = parse_run("Anna Berg (S) Karin Ek Nielsen Måndag den 27 februari", REFDATA)
    assert [e.name for e in entries] == ["Anna Berg", "Karin Ek Nielsen"]
