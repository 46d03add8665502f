"""A staff report's title over several paragraphs.

A transcript that writes each line of the PDF as a paragraph of its own (5dok's
"Förslag till yttrande över ”Genomförandeprocessen" / "Vision Västra Götaland –
samverkan och" / …) splits a long title into paragraphs. The title goes on to the
next paragraph while it is open — a quotation not closed, a last line that ends in
a comma, a dash or a word that needs its complement ("… efter", "… i samband med
ny"), or a next paragraph that starts in lower case, with a digit or a bracket —
and never into a paragraph that reads as the report's text (a finite verb, a
sentence's end). A title the site gives (the PDF's own title) that equals some
paragraphs joined confirms where it ends.
"""

from __future__ import annotations

import re

from grmodel_gr_documents.vocabulary import finite_verb

__all__ = ["cut_in_head", "joined_title"]

_TITLE_LONGEST = 200
_QUOTES = re.compile(r"[”“\"«»]")
_OPEN_END = re.compile(
    r"(?:[,–-]|\b(?:och|samt|eller|av|till|för|i|om|med|på|över|från|mot|vid|inom|under|"
    r"efter|mellan|inför|kring|enligt|avseende|angående|gällande|ny|nya|nytt|den|det|de|"
    r"en|ett|&))\s*$",
    re.IGNORECASE,
)
"""A title's line that cannot end it: its last word needs what follows."""
_GOES_ON = re.compile(r"^(?:[a-zåäöé]|\d|\()")
"""A paragraph that cannot start a sentence: lower case, a number, a bracket."""
_SENTENCE_END = re.compile(r"[\wåäö)]{2}[.!?](?:\s|$)")


def _is_text(paragraph: str) -> bool:
    """Whether a paragraph reads as a report's text: a finite verb or a sentence's end."""
    words = paragraph.split()
    return _SENTENCE_END.search(paragraph) is not None or any(finite_verb(w) for w in words)


def _open(title: str) -> bool:
    return len(_QUOTES.findall(title)) % 2 == 1 or _OPEN_END.search(title) is not None


def _goes_on(title: str, paragraph: str) -> bool:
    if not paragraph or _is_text(paragraph):
        return False
    if len(title) + 1 + len(paragraph) > _TITLE_LONGEST:
        return False
    return _open(title) or _GOES_ON.match(paragraph) is not None


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def joined_title(paragraphs: list[str], known: list[str] | None = None) -> tuple[str, int]:
    """The title that starts with ``paragraphs[0]`` and how many paragraphs it takes.

    ``known`` are titles the site gives the document: one that equals the first
    paragraphs joined says how many."""
    paragraphs = [" ".join(p.split()) for p in paragraphs]
    if not paragraphs:
        return "", 0
    for given in known or ():
        want, joined = _norm(given), ""
        for count, paragraph in enumerate(paragraphs, start=1):
            joined = f"{joined} {paragraph}".strip()
            if _norm(joined) == want and count > 1:
                return joined, count
            if not want.startswith(_norm(joined)):
                break
    title, used = paragraphs[0], 1
    for paragraph in paragraphs[1:]:
        if not _goes_on(title, paragraph):
            break
        title, used = f"{title} {paragraph}", used + 1
    return title, used


def cut_in_head(lines: list[str]) -> bool:
    """Whether the lines from a report's start hold no text of it (no finite verb, no
    sentence's end): the source was cut in its header or title."""
    return not any(_is_text(line) for line in lines if line)
