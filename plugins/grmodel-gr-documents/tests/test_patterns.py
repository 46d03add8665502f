"""``alternation`` matches exactly as the plain alternation of its branches, and
``quick_search`` finds exactly what ``search`` finds, ``finditer`` what ``finditer``
finds."""

from __future__ import annotations

import re
from collections.abc import Callable

from hypothesis import given, settings
from hypothesis import strategies as st

from grmodel.importing.base import SourceDocument
from grmodel_gr_documents import decisions, detect
from grmodel_gr_documents.patterns import (
    _SCAN_CHARS,
    _variants,
    alternation,
    finditer,
    fold,
    heads,
    needles,
    quick_match,
    quick_search,
)
from grmodel_gr_documents.vocabulary import folded, load_vocabulary

_LETTERS = "aAbsSſiIİıkKKåÅÅ §(:"
_branches = st.lists(
    st.text(_LETTERS, min_size=1, max_size=4).map(re.escape), min_size=1, max_size=12
)


def _matches(pattern: str, text: str) -> list[tuple[tuple[int, int], str]]:
    return [(m.span(), m[0]) for m in re.finditer(f"(?i)(?<!\\w){pattern}", text)]


@settings(max_examples=200, deadline=None)
@given(_branches, st.text(_LETTERS + "x\n", max_size=60))
def test_the_same_matches_as_the_plain_alternation(branches: list[str], text: str) -> None:
    assert _matches(alternation(branches), text) == _matches("(?:" + "|".join(branches) + ")", text)


def test_branches_are_grouped_by_first_letter_whatever_its_case() -> None:
    grouped = alternation(["ab", "Ac", "bd", r"\(x"])
    assert grouped.count("(?=[") == 3
    assert _matches(grouped, "AB ac (x bd") == [((0, 2), "AB"), ((3, 5), "ac"), ((6, 8), "(x"),
                                                  ((9, 11), "bd")]  # fmt: skip


def test_case_variants_share_a_group_and_a_class_keeps_the_plain_alternation() -> None:
    assert alternation(["sa", "\u017fb", "Sc"]).count("(?=[") == 1  # "ſ" is an "s"
    for branches in (["[ab]c", "d"], ["a", "(?:b)"]):
        assert alternation(branches) == "(?:" + "|".join(branches) + ")"


def test_the_vocabulary_finds_what_its_plain_pattern_finds(
    seed: Callable[[str], SourceDocument],
) -> None:
    vocabulary = load_vocabulary()
    texts = [seed(number).text for number in ("000", "003")]
    for cues in (["kind"], ["attendance", "closing", "justerare", "label", "toc"]):
        branches = sorted(
            {folded(p.written) for p in vocabulary.phrases if p.cue in cues}, key=len, reverse=True
        )
        body = "|".join(r"\s+".join(map(re.escape, b.split())) for b in branches)
        plain = rf"(?i)(?<![\w/])(?:{body})(?![\w/])(?P<colon>[ \t]*:)?"
        fast = vocabulary._pattern(frozenset(cues))
        assert fast.pattern != plain
        for text in texts:
            found = [(m.span(), m[0]) for m in fast.finditer(text)]
            assert found == [(m.span(), m[0]) for m in re.finditer(plain, text)]
            assert found


def test_the_case_pool_holds_every_case_variant_of_a_letter() -> None:
    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    for letter in "abcdefghijklmnopqrstuvwxyzåäöé§":
        assert set(re.findall(f"(?i){letter}", every)) == _variants(letter) != set()
    assert _variants("s") == {"s", "S", "\u017f"}
    assert fold("JUSTERA ſ İ ı") == "justera s i i"


def test_needles_are_what_every_match_holds() -> None:
    assert needles(re.compile(r"(?i)\bjusteras\b|vid\s+protokollet")) == {
        "justeras",
        "protokollet",
    }
    assert needles(re.compile(r"(?m)^\s*§\s*\d")) == {"§"}
    assert needles(re.compile(r"(?i)\s(?:dnr|diarienummer)")) == {"dnr", "diarienummer"}
    assert needles(re.compile(r"besl(?:öt|ut(?:ade|ar))")) == {"beslöt", "beslutade", "beslutar"}
    assert needles(re.compile(r"(?i)ab|\d+")) == frozenset()  # a branch without letters
    assert needles(re.compile(r"(?i)kl\s*\d")) == frozenset()  # too short to tell


_TRICKY = "justeraJUSTERA ſſİı§ protokollet PROTOKOLLET\n12 beslutade Föreslås besluta (bilaga)"
_STRUCTURE = [pattern for patterns in detect._STRUCTURE.values() for pattern, _ in patterns]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_TRICKY.split(" ") + list(_TRICKY)), max_size=40).map(" ".join))
def test_quick_search_finds_what_search_finds(text: str) -> None:
    folded = fold(text)
    for pattern in _STRUCTURE:
        quick = quick_search(pattern, text, folded)
        plain = pattern.search(text)
        assert (quick and quick.span()) == (plain and plain.span())


def test_quick_search_skips_a_text_without_the_needles() -> None:
    pattern = re.compile(r"(?i)\bjuſtera(?P<x>\w*)")
    assert quick_search(pattern, "JUSTERAS", fold("JUSTERAS"))["x"] == "S"  # type: ignore[index]
    assert quick_search(pattern, "juteras", fold("juteras")) is None


def test_heads_are_what_every_match_starts_with() -> None:
    assert heads(re.compile(r"(?i)(?<![\w/])(?:(?=[a])(?:ab\s+c|ad)|Kö)(?!\w)")) == {
        "ab",
        "ad",
        "kö",
    }
    assert heads(re.compile(r"(?i)(?<=[a-z]{3})(protokoll|kallelse)\b")) == {
        "protokoll",
        "kallelse",
    }
    assert heads(re.compile(r"\((?:bilaga|beslut)")) == {"(bilaga", "(beslut"}
    assert heads(re.compile(r"Ab(?i:c)+D")) == {"abc"}  # a repeat at least once, then a stop
    for none in (
        r"(?i)ab|\d+",
        r"^\s*§",
        r"(?:x)?y",
        r"[ab]c",
        "(?i)\u03c3x",
    ):  # "σ" folds as "ς" too
        assert heads(re.compile(none)) == frozenset()


_WORDS = [
    *_TRICKY.split(" "),
    "Protokoll",
    "Sammanträdesprotokoll",
    "Närvarande:",
    "ande",
    "i\u0307",
]
_PATTERNS = [
    *_STRUCTURE,
    detect._compound(),
    *(load_vocabulary()._pattern(frozenset(c)) for c in (["kind"], ["attendance", "label"])),
]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.sampled_from(_WORDS + list(_TRICKY)), min_size=1, max_size=30).map(" ".join),
    st.integers(0, 3000),
    st.integers(-1, 4000),
)
def test_finditer_finds_what_finditer_finds(piece: str, start: int, end: int) -> None:
    text = (piece + "\n") * (_SCAN_CHARS // len(piece) + 2)  # long enough to scan from heads
    stop = None if end < 0 else end
    for pattern in _PATTERNS:
        fast = [(m.span(), m.groups()) for m in finditer(pattern, text, start, stop)]
        plain = pattern.finditer(text, start, len(text) if stop is None else stop)
        assert fast == [(m.span(), m.groups()) for m in plain]


def test_finditer_resumes_after_a_match_as_finditer_does() -> None:
    pattern = _STRUCTURE[7]  # "bilagor till protokoll" or "protokollsutdrag"
    text = "Bilagor till protokollsutdrag, protokollsutdrag. " * 50
    fast = [m.span() for m in finditer(pattern, text)]
    assert fast == [m.span() for m in pattern.finditer(text)]
    assert len(fast) == 100


def test_finditer_reads_a_text_whose_folding_shifts_offsets() -> None:
    pattern = load_vocabulary()._pattern(frozenset(["kind"]))
    for text in ("i\u0307 Protokoll " * 300, "ΑΣ Kallelse " * 300, "İ KALLELSE " * 300):
        fast = [m.span() for m in finditer(pattern, text)]
        assert fast == [m.span() for m in pattern.finditer(text)]
        assert len(fast) == 300


_SENTENCES = [*decisions._JUSTERARE, decisions._RESERVE]


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.sampled_from([*_TRICKY.split(" "), "Anna", "Ek", "utses", "att", "reserverar", "sig"]),
        max_size=12,
    ).map(" ".join),
    st.integers(0, 20),
)
def test_quick_match_matches_what_match_matches(text: str, start: int) -> None:
    folded = fold(text)
    for pattern in _SENTENCES:
        quick, plain = quick_match(pattern, text, folded), pattern.match(text)
        assert (quick and quick.span()) == (plain and plain.span())
    for pattern in _STRUCTURE:
        quick, plain = quick_search(pattern, text, folded, start), pattern.search(text, start)
        assert (quick and quick.span()) == (plain and plain.span())
