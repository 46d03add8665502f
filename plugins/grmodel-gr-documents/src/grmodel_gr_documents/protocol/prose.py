"""Attendance stated in sentences: "Förhinder har anmälts av ledamöterna Anna Berg
och Per Lind.", "Ersättarna Eva Ek och Bo Holm har inkallats för tjänstgöring.".

Each sentence form is a ``prose`` row of ``data/vocabulary.tsv``: its meaning is
the status it gives (as an attendance heading's), its phrase the sentence's fixed
words with "…" where the names stand ("Förhinder har anmälts av …", "… har
inkallats för tjänstgöring"). The names run from the phrase to the sentence's end,
or, before the phrase, back over names, parties, commas and "och" to the first
other word ("… upprop varvid ledamöterna Anna Berg och Per Lind befanns
frånvarande"); a word naming their role ("ledamöterna", "ersättaren") is no name.
"""

from __future__ import annotations

import functools
import re

import attrs

from grmodel_gr_documents.vocabulary import load_vocabulary

__all__ = ["Stated", "stated_attendance"]

_GAP = "…"
_ROLE_WORDS = re.compile(
    r"(?i)^\s*(?:ledamöterna|ledamoten|ledamot|ersättarna|ersättaren|ersättare|"
    r"suppleanterna|suppleanten|följande)\s+"
)
_SENTENCE_END = re.compile(r"(?<![A-ZÅÄÖ])[.!?](?=\s|$)|\n\n")
_NAMES_BEFORE = re.compile(
    r"(?:(?:[A-ZÅÄÖ](?:[\wåäöé'-]+|\.)|och|samt|,|\([^()\n]{1,12}\))[ \t]*)+$"
)
"""Names (an initial with its full stop, no other), parties, commas and "och" up to
the end of a text: a sentence's full stop ends them."""
_HEADINGS = ("attendance", "justerare", "label")
_REACH = 600
"""The longest run of names a sentence holds (characters)."""


@attrs.frozen
class Stated:
    """Names a sentence gives a status."""

    meaning: str
    """The status, as an attendance heading's meaning (``absent``, ``serving``, …)."""
    start: int
    """Offset of the names in the text."""
    names: str
    """The names as written ("Anna Berg, Per Lind och Eva Ek")."""


@functools.cache
def _forms() -> tuple[tuple[re.Pattern[str], str, bool, str], ...]:
    """Each ``prose`` row as (its fixed words as a pattern, meaning, names after, its
    longest word lower-cased: every match holds it)."""
    out = []
    for phrase in load_vocabulary().phrases:
        if phrase.cue != "prose" or _GAP not in phrase.text:
            continue
        before, after = (part.strip() for part in phrase.text.split(_GAP, 1))
        words = before or after
        pattern = r"\s+".join(map(re.escape, words.split()))
        needle = max(words.casefold().split(), key=len)
        out.append(
            (re.compile(rf"(?i)(?<!\w){pattern}(?!\w)"), phrase.meaning, bool(before), needle)
        )
    return tuple(out)


def stated_attendance(text: str) -> list[Stated]:
    """Every run of names a sentence of ``text`` gives a status, in order."""
    found: list[Stated] = []
    folded = text.casefold()
    for pattern, meaning, names_after, needle in _forms():
        if needle not in folded:
            continue  # a substring test, quicker than the regex engine's pass
        for m in pattern.finditer(text):
            if names_after:
                start = m.end()
                end_m = _SENTENCE_END.search(text, start, start + _REACH)
                end = end_m.start() if end_m else min(len(text), start + _REACH)
                heading = load_vocabulary().find(text, _HEADINGS, start, end)
                end = heading[0].start if heading else end  # a heading ends them too
            else:
                end = m.start()
                window = max(0, end - _REACH)
                tail = _NAMES_BEFORE.search(text[window:end])
                start = window + tail.start() if tail else end
            names = text[start:end]
            role = _ROLE_WORDS.match(names)
            if role:
                start, names = start + role.end(), names[role.end() :]
            if names.strip():
                found.append(Stated(meaning, start, names.rstrip(" ,;")))
    return sorted(found, key=lambda s: s.start)
