"""Regular expressions over many phrases, built so the regex engine tries few of them.

Python's engine tries the branches of an alternation one after the other at each
position, and under ``(?i)`` it cannot skip a branch by its first character, so a
pattern of a few hundred phrases costs a few hundred tries at every word.
:func:`alternation` groups the branches by their first character behind a
look-ahead for it: the same matches (the same branch wins at each position, as the
order within a group is kept and a text character can start the branches of one
group only), a handful of tries.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable, Iterator, Sequence
from typing import Any

__all__ = ["alternation", "finditer", "fold", "heads", "needles", "quick_match", "quick_search"]

_CASE_POOL = "".join(
    chr(c)
    for start, end in ((0x20, 0x250), (0x370, 0x530), (0x1E00, 0x1F00), (0x2100, 0x2150))
    for c in range(start, end)
)
"""Every character that can be a case variant of a Latin letter (ASCII, Latin-1 and
Latin Extended, Greek and Cyrillic, Latin Extended Additional, the letter-like
symbols: "ſ", "ı", "İ", "K" (Kelvin), "Å" (Ångström))."""


@functools.cache
def _variants(first: str) -> frozenset[str]:
    """The characters a case-insensitive ``first`` matches."""
    return frozenset(re.findall(f"(?i){re.escape(first)}", _CASE_POOL + first))


def alternation(branches: Sequence[str]) -> str:
    """``(?:b1|b2|…)`` for case-insensitive ``branches`` (regex source), grouped by
    first character. When a branch does not start with a literal character, or two
    first characters share some case variants but not all, it is the plain
    alternation, so the result always matches as the plain alternation does."""
    plain = "(?:" + "|".join(branches) + ")"
    groups: dict[frozenset[str], tuple[str, list[str]]] = {}  # variants → (first, branches)
    for branch in branches:
        first = _first(branch)
        if first is None:
            return plain
        variants = _variants(first)
        group = groups.get(variants)
        if group is None:
            if any(variants & other for other in groups):
                return plain
            group = groups[variants] = (first, [])
        group[1].append(branch)
    return (
        "(?:"
        + "|".join(
            f"(?=[{re.escape(first)}])(?:{'|'.join(items)})" for first, items in groups.values()
        )
        + ")"
    )


def _first(branch: str) -> str | None:
    """The literal character a branch's source starts with, if it does."""
    if branch[:1] == "\\" and len(branch) > 1 and not branch[1].isalnum():
        return branch[1]
    if branch[:1] and branch[0] not in r".^$*+?{}[]\|()":
        return branch[0]
    return None


# --- a quick test before a whole-text search ------------------------------------

_MIN_NEEDLE = 3
"""Shorter pieces of letters are in nearly every document: no use as a test."""


def fold(text: str) -> str:
    """``text`` lower-cased, "ſ" as "s" and "ı", "İ" as "i": so that each character a
    case-insensitive letter of a pattern matches is that letter, lower-cased."""
    return text.lower().replace("i\u0307", "i").replace("\u017f", "s").replace("\u0131", "i")


def _per_pattern(
    read: Callable[[re.Pattern[str]], frozenset[str]],
) -> Callable[[re.Pattern[str]], frozenset[str]]:
    """``read`` once per pattern, looked up by identity: a pattern's hash is one of its
    whole compiled code, which costs more than many a search it would speed up."""
    memo: dict[int, tuple[re.Pattern[str], frozenset[str]]] = {}

    @functools.wraps(read)
    def once(pattern: re.Pattern[str]) -> frozenset[str]:
        entry = memo.get(id(pattern))
        if entry is None or entry[0] is not pattern:
            entry = memo[id(pattern)] = (pattern, read(pattern))
        return entry[1]

    return once


def quick_search(
    pattern: re.Pattern[str], text: str, folded: str, start: int = 0
) -> re.Match[str] | None:
    """``pattern.search(text, start)``, skipped when ``folded`` (:func:`fold` of ``text``)
    holds none of the pieces of text every match of ``pattern`` holds (:func:`needles`):
    a substring test is a hundred times quicker than the regex engine's pass over a
    document."""
    if not _may_hold(pattern, folded):
        return None
    return next(finditer(pattern, text, start), None)


def quick_match(pattern: re.Pattern[str], text: str, folded: str) -> re.Match[str] | None:
    """``pattern.match(text)``, skipped as :func:`quick_search` skips a search."""
    return pattern.match(text) if _may_hold(pattern, folded) else None


def _may_hold(pattern: re.Pattern[str], folded: str) -> bool:
    required = needles(pattern)
    return not required or any(needle in folded for needle in required)


@_per_pattern
def needles(pattern: re.Pattern[str]) -> frozenset[str]:
    """Pieces of text, as :func:`fold` writes them, one of which every match of
    ``pattern`` holds, read from its parse (an empty set when there are none to tell,
    or no parser).

    A letter of a case-insensitive pattern counts only when every character it matches
    folds to the same one, so a match's text, folded, holds the piece exactly.
    """
    try:
        from re import _parser  # type: ignore[attr-defined]

        parsed = _parser.parse(pattern.pattern, pattern.flags)
        found = _sequence(list(parsed), bool(parsed.state.flags & re.IGNORECASE))
    except Exception:  # a parser of another Python version: no quick test, same result
        return frozenset()
    if not found or any(len(needle) < _MIN_NEEDLE and needle.isalnum() for needle in found):
        return frozenset()
    return found


def _sequence(items: list[tuple[Any, Any]], ignorecase: bool) -> frozenset[str] | None:
    """The best set of needles of a sequence of parsed items: a run of literal letters,
    or the needles of a group, branch, repeat (at least once) or look-around in it."""
    from re import _constants as c  # type: ignore[attr-defined]

    candidates: list[frozenset[str]] = []
    run: list[str] = []
    for op, av in [*items, (None, None)]:
        letter = _letter(av, ignorecase) if op is c.LITERAL else None
        if letter is not None:
            run.append(letter)
            continue
        if run:
            candidates.append(frozenset(["".join(run)]))
            leads = _leads([(op, av)], ignorecase) if op is c.BRANCH else None
            if leads:  # "d(?:nr|iarienummer)": "dnr" or "diarienummer"
                candidates.append(frozenset("".join(run) + lead for lead in leads))
            run = []
        inner: frozenset[str] | None = None
        if op is c.SUBPATTERN:
            flags = (ignorecase or bool(av[1] & re.IGNORECASE)) and not av[2] & re.IGNORECASE
            inner = _sequence(list(av[3]), flags)
        elif op is c.BRANCH:
            branches = [_sequence(list(branch), ignorecase) for branch in av[1]]
            if all(branches):
                inner = frozenset().union(*branches)  # type: ignore[arg-type]
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT) and av[0] >= 1:
            inner = _sequence(list(av[2]), ignorecase)
        elif op is c.ASSERT:
            inner = _sequence(list(av[1]), ignorecase)
        if inner:
            candidates.append(inner)
    return max(candidates, key=lambda found: min(map(len, found)), default=None)


def _leads(items: list[tuple[Any, Any]], ignorecase: bool) -> frozenset[str] | None:
    """The letters each match of a sequence starts with, a branch's alternatives each
    with their own (``None`` when one starts otherwise)."""
    from re import _constants as c  # type: ignore[attr-defined]

    run: list[str] = []
    for index, (op, av) in enumerate(items):
        letter = _letter(av, ignorecase) if op is c.LITERAL else None
        if letter is not None:
            run.append(letter)
            continue
        if op is c.BRANCH:
            tails = [_leads([*branch, *items[index + 1 :]], ignorecase) for branch in av[1]]
            if all(tails):
                return frozenset("".join(run) + tail for found in tails for tail in found)  # type: ignore[union-attr]
        break
    return frozenset(["".join(run)]) if run else None


def _letter(code: int, ignorecase: bool) -> str | None:
    """What a literal character is, lower-cased, in any text it matches (``None`` when
    that is not one thing)."""
    char = chr(code)
    folded = {fold(variant) for variant in (_variants(char) if ignorecase else [char])}
    return folded.pop() if len(folded) == 1 else None


# --- a whole-text scan from where a match can start -----------------------------

_SCAN_CHARS = 2000
"""Shorter texts are scanned by the regex engine itself: as quick as the look-ups."""
_SHIFTING = ("\u0307", "\u03a3")
"""Characters :func:`fold` may join with the one before ("i" and a combining dot
above) or write by their context ("Σ", "ς" at a word's end): in a text holding one,
an offset in the folded text need not be the same character's offset in the text."""
_FOLDED: dict[str, tuple[str | None, dict[str, list[int]]]] = {}
"""The last few texts scanned: each folded (``None``: it holds a character of
:data:`_SHIFTING`), and where each head starts in it (every offset, overlapping),
found once per text and head, not once per scan."""
_KEEP = 8


def _folded(text: str) -> tuple[str | None, dict[str, list[int]]]:
    entry = _FOLDED.get(text)
    if entry is None:
        folded = None if any(c in text for c in _SHIFTING) else fold(text)
        if len(_FOLDED) >= _KEEP:
            del _FOLDED[next(iter(_FOLDED))]
        entry = _FOLDED[text] = (folded, {})
    return entry


def _starts(folded: str, at_: dict[str, list[int]], head: str, start: int, stop: int) -> list[int]:
    """The offsets ``folded.find(head, start, stop)`` finds one after another."""
    offsets = at_.get(head)
    if offsets is None:
        offsets = []
        at = folded.find(head)
        while at >= 0:
            offsets.append(at)
            at = folded.find(head, at + 1)
        at_[head] = offsets
    low = bisect.bisect_left(offsets, start)
    return offsets[low : bisect.bisect_right(offsets, stop - len(head))]


def finditer(
    pattern: re.Pattern[str], text: str, start: int = 0, end: int | None = None
) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text, start, end)``, the same matches: where every match
    starts with one of a few pieces of text (:func:`heads`), the regex engine is tried
    only where :func:`fold` of ``text`` holds one (found by substring search, a hundred
    times quicker than the engine's try at every character), at each in order, as its
    scan would reach them."""
    stop = len(text) if end is None else end
    starts = heads(pattern)
    folded, at_ = (
        _folded(text) if starts and stop - start >= _SCAN_CHARS and start >= 0 else (None, {})
    )
    if folded is None:
        yield from pattern.finditer(text, start, stop)
        return
    found: set[int] = set()
    for head in starts:
        found.update(_starts(folded, at_, head, start, stop))
    resume = start
    for at in sorted(found):
        if at >= resume and (m := pattern.match(text, at, stop)) is not None:
            yield m
            resume = m.end()


@_per_pattern
def heads(pattern: re.Pattern[str]) -> frozenset[str]:
    """Pieces of text, as :func:`fold` writes them, one of which every match of
    ``pattern`` starts with, read from its parse (an empty set when there are none to
    tell, or no parser)."""
    try:
        from re import _parser  # type: ignore[attr-defined]

        parsed = _parser.parse(pattern.pattern, pattern.flags)
        found = _heads(list(parsed), bool(parsed.state.flags & re.IGNORECASE))
    except Exception:  # a parser of another Python version: the engine's own scan
        return frozenset()
    return found or frozenset()


def _heads(items: list[tuple[Any, Any]], ignorecase: bool) -> frozenset[str] | None:
    """What each match of a sequence of parsed items starts with: its leading literal
    characters (past any zero-width test), and those of the group, branch or repeat
    they lead to (``None`` when a match can start otherwise)."""
    from re import _constants as c  # type: ignore[attr-defined]

    run: list[str] = []
    for op, av in items:
        letter = _letter(av, ignorecase) if op is c.LITERAL else None
        if letter is not None:
            run.append(letter)
            continue
        if op in (c.ASSERT, c.ASSERT_NOT, c.AT):  # consumes nothing: the run goes on
            continue
        inner: list[frozenset[str] | None] = []
        if op is c.SUBPATTERN:
            flags = (ignorecase or bool(av[1] & re.IGNORECASE)) and not av[2] & re.IGNORECASE
            inner = [_heads(list(av[3]), flags)]
        elif op is c.BRANCH:
            inner = [_heads(list(branch), ignorecase) for branch in av[1]]
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT) and av[0] >= 1:
            inner = [_heads(list(av[2]), ignorecase)]
        if inner and all(inner):
            lead = "".join(run)
            return frozenset(lead + tail for found in inner for tail in found)  # type: ignore[union-attr]
        break
    return frozenset(["".join(run)]) if run else None
