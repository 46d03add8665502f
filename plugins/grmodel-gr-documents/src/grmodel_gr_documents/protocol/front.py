"""The front's segments as the protocol reader takes them: a closing marker's segment
takes in the signature labels after it, and an "Ersättare" heading right after the
justerare named is their reserve, not an attendance heading."""

from __future__ import annotations

import attrs

from grmodel_gr_documents.segments import TextSegment
from grmodel_gr_documents.vocabulary import load_vocabulary

__all__ = ["front_segments"]


def front_segments(front: list[TextSegment]) -> list[TextSegment]:
    """The front's segments, read as the reader takes them: a closing marker's segment
    takes in the signature labels after it ("Underskrifter Sekreterare X Ordförande
    Y": "Sekreterare" there signs, it heads no attendance); a närvarolista's column
    headers are its text; a justerare's reserve is no attendance heading."""
    vocabulary = load_vocabulary()
    out: list[TextSegment] = []
    table = False
    for seg in front:
        previous = out[-1] if out else None
        table = table or (seg.cue == "attendance" and seg.meaning == "table")
        if (
            table
            and previous is not None
            and (seg.cue == "label" or _column_heading(previous, seg))
        ):
            # a närvarolista's column header ("Tid Kl. 09.00-12.00", "Nr Ledamot Närv Tjg
            # ers Ja Nej"), not a header label or an attendance heading
            out[-1] = attrs.evolve(
                previous, value=previous.value + seg.head + seg.value, end=seg.end
            )
            continue
        if (
            previous is not None
            and previous.cue == "closing"
            and vocabulary.lookup("signature", seg.head) is not None
            and _only_signature_labels(previous.value)
        ):
            out[-1] = attrs.evolve(
                previous, value=previous.value + seg.head + seg.value, end=seg.end
            )
            continue
        if _reserve(previous, seg):
            seg = attrs.evolve(seg, cue="justerare", meaning="reserve")
        out.append(seg)
    return out


def _column_heading(previous: TextSegment, seg: TextSegment) -> bool:
    """Whether an attendance heading names a column of the table whose heading came
    before, its rows not yet begun (no party written in the table so far)."""
    return (
        seg.cue == "attendance"
        and seg.meaning != "table"
        and previous.cue == "attendance"
        and previous.meaning == "table"
        and "(" not in previous.value
    )


def _reserve(previous: TextSegment | None, seg: TextSegment) -> bool:
    """Whether an "Ersättare" heading right after the justerare named is their reserve
    ("Utses att justera: Anna Ek och Per Holm. Ersättare: Eva Lind."), no attendance."""
    return (
        previous is not None
        and previous.cue == "justerare"
        and previous.meaning == "justerare"
        and bool(previous.value.strip())
        and seg.cue == "attendance"
        and seg.meaning == "substitutes"
        and 0 < len(seg.value.split("\n", 1)[0].split()) <= _RESERVE_WORDS
    )


_RESERVE_WORDS = 6
"""At most this many words name a justerare's reserve (one or two persons)."""


def _only_signature_labels(value: str) -> bool:
    """Whether a closing label's value is empty or signature labels only ("Underskrifter:
    Sekreterare Ordförande", the names after the row's last label)."""
    return not load_vocabulary().without(value, ["signature"]).strip(" :\n")
