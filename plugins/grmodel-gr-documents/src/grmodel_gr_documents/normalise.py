"""Line normalisation: Unicode forms, ligatures, PDF-font bullets, odd spaces and
words a transcript ran together (:func:`normalise_line`); list bullets
(:func:`strip_bullet`); and words broken over a line by a hyphen (:func:`hyphen_join`).
"""

from __future__ import annotations

import re
import unicodedata

from grmodel_gr_documents.chrome import deglue

__all__ = ["COLUMN_GAP", "SPACES", "hyphen_join", "normalise_line", "strip_bullet"]


SPACES = re.compile(r"[ \t\f\v\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
COLUMN_GAP = re.compile(r"\t+|[ \u00a0\u202f]{2,}|\f")
_LIGATURES = str.maketrans(
    {
        "ﬀ": "ff",
        "ﬁ": "fi",
        "ﬂ": "fl",
        "ﬃ": "ffi",
        "ﬄ": "ffl",
        "ﬅ": "st",
        "ﬆ": "st",
        "\u00ad": "",  # soft hyphen
        "\u200b": "",  # zero-width space
        "\u200c": "",
        "\u200d": "",
        "\u2060": "",
        "\ufeff": "",
        "\u2010": "-",  # hyphen
        "\u2011": "-",  # non-breaking hyphen
        "\u2212": "-",  # minus sign, as PostScript-made PDFs write "2021−03−18"
        "\uf0b7": "•",  # Symbol-font bullet in the private use area
        "\uf0a7": "•",
        "\uf0d8": "•",
        "\u25cf": "•",
        "\u25aa": "•",
        "\u2023": "•",
        "\u2043": "•",
        "\u2219": "•",
    }
)
_BULLET = re.compile(r"^[•·▪◦○■□➢►✓-]\s*(?=\S)|^–\s+")
"""A list bullet at the start of a line (a hyphen only when a space follows it)."""


_TRANSLATED = re.compile("[" + "".join(map(chr, _LIGATURES)) + "]")
"""A character :data:`_LIGATURES` changes (a line without one is left as it is)."""
_ODD_SPACE = re.compile(r"[\t\f\v\u00a0\u2000-\u200b\u202f\u205f\u3000]|  ")
"""A space that :data:`SPACES` changes (a line without one is left as it is)."""


def normalise_line(line: str) -> str:
    """NFC; ligatures ("ﬁ"), soft hyphens and zero-width characters resolved; PDF-font
    bullets ("\uf0b7") made "•"; non-breaking spaces, tabs and form feeds made spaces;
    words a transcript ran together separated (:func:`~grmodel_gr_documents.chrome.deglue`);
    runs of spaces collapsed; stripped."""
    line = unicodedata.normalize("NFC", line)
    if _TRANSLATED.search(line):
        line = line.translate(_LIGATURES)
    line = deglue(line)
    if _ODD_SPACE.search(line):
        line = SPACES.sub(" ", line)
    return line.strip()


def strip_bullet(line: str) -> str:
    """``line`` without a leading list bullet ("• ", "- ", "– ")."""
    if line.startswith("-") and not line[1:2].isspace():
        return line
    return _BULLET.sub("", line, count=1).strip()


# --- hyphenated line breaks ----------------------------------------------------

_BROKEN = re.compile(r"(?<=[^\W\d_])-$")
"""A line ending in a word broken by a hyphen ("Göteborgs-", "social-")."""
_ACRONYM_END = re.compile(r"(?:^|[^\w])[A-ZÅÄÖ]{2,}[\d]*-$|\d-$")
"""A hyphen after an acronym ("EU-", "IT-") stays: "EU-projekt"."""
_NOT_CONTINUATION = re.compile(
    r"(?i)^(?:och|samt|eller|respektive|resp\.?|alternativt|liksom|men|till|som|inklusive|"
    r"inkl\.?|utan|med|&)\b"
)
"""A next line starting a coordinated compound ("hälso- / och sjukvård"): no join."""


def hyphen_join(line: str, following: str) -> str | None:
    """``line`` and ``following`` as one line when ``line`` ends in a word broken by a
    hyphen and ``following`` continues it in lower case ("social-" + "sekreterare …" →
    "socialsekreterare …"); ``None`` when they are not one word ("hälso-" + "och
    sjukvård", "Britt-" + "Marie"). After an acronym the hyphen stays ("EU-projekt")."""
    if not line.endswith(("-", "-\n")) or not _BROKEN.search(line):  # the test is quick
        return None
    if not following[:1].islower():
        return None
    if _NOT_CONTINUATION.match(following):
        return None
    if _ACRONYM_END.search(line):
        return line + following
    return line[:-1] + following
