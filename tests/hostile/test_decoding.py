"""Text documents in every encoding Swedish text comes in: chosen from evidence."""

from __future__ import annotations

import pytest

from grmodel.importing.decoding import decode_text, repair_mojibake, score

TEXT = (
    "Protokoll fört vid sammanträde med styrgruppen för social välfärd\n"
    "Plats: GR, Gårdavägen 2, Göteborg\n"
    "Närvarande: Åsa Öberg (S), Ärla Ängström (M), René Müller (L)\n"
)


@pytest.mark.parametrize(
    ("encoding", "reported"),
    [
        ("utf-8", "utf-8"),
        ("utf-8-sig", "utf-8"),
        ("cp1252", "cp1252"),
        ("mac-roman", "mac-roman"),
        ("cp437", "cp437"),
        ("utf-16", "utf-16-le"),
        ("utf-16-le", "utf-16-le"),
        ("utf-16-be", "utf-16-be"),
    ],
)
def test_encoding_chosen_from_evidence(encoding: str, reported: str) -> None:
    text, used = decode_text(TEXT.encode(encoding))
    assert text == TEXT and used == reported


def test_latin1_is_read_right() -> None:
    text, used = decode_text((TEXT + "½ §").encode("latin-1"))
    assert text == TEXT + "½ §" and used in ("cp1252", "latin-1")


def test_swedish_scores_above_the_wrong_code_page() -> None:
    raw = TEXT.encode("mac-roman")
    assert score(raw.decode("mac-roman")) > score(raw.decode("latin-1"))
    raw = TEXT.encode("cp437")
    assert score(raw.decode("cp437")) > score(raw.decode("latin-1"))


def test_mojibake_repaired_sequence_by_sequence() -> None:
    broken = TEXT.encode("utf-8").decode("cp1252") + "snögubbe ☃"
    text, used = decode_text(broken.encode("utf-8"))
    assert text == TEXT + "snögubbe ☃"  # the one character outside cp1252 blocks nothing
    assert used == "utf-8+mojibake-repaired"


def test_repair_leaves_what_is_not_mojibake() -> None:
    assert repair_mojibake("Ã and Â alone, Ãx") == ("Ã and Â alone, Ãx", 0)
    assert repair_mojibake("GÃ¶teborg, MÃ¶lndal") == ("Göteborg, Mölndal", 2)


def test_line_ends_normalised() -> None:
    assert decode_text(b"a\r\nb\rc\n") == ("a\nb\nc\n", "utf-8")
