"""Decoding document bytes: the encoding chosen from evidence, mojibake repaired.

A text document may come in UTF-8, UTF-16, or one of the 8-bit code pages
Swedish text was written in: cp1252 (Windows), latin-1, mac-roman (old Macs) and
cp437 (DOS). A byte-order mark settles it; so does UTF-16's pattern of zero
bytes, and text that decodes as UTF-8. Otherwise every 8-bit candidate is
decoded and scored by what its non-ASCII characters look like in Swedish text —
å, ä, ö and é inside words count for it; control characters, box drawing and
letters no Swedish text uses (Œ, ∑, ╣) count against it — and the best one wins.

UTF-8 that was itself once decoded as cp1252 ("GÃ¶teborg") is repaired sequence
by sequence, so that one character that cannot be repaired does not leave the
rest broken.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

__all__ = ["CANDIDATES", "decode_text", "repair_mojibake", "score"]

CANDIDATES = ("cp1252", "latin-1", "mac-roman", "cp437")
"""8-bit encodings tried when the text is not UTF-8 or UTF-16, in order of preference."""

_SWEDISH = set("åäöÅÄÖéÉ")
_COMMON = set("üÜèàáíóúñøæØÆ–—’‘“”…«»§°½€£´")


def score(text: str) -> int:
    """How much a decoded text looks like Swedish text (higher is likelier)."""
    total = 0
    for index, char in enumerate(text):
        if char.isascii():
            continue
        if char in _SWEDISH:
            before = text[index - 1] if index else " "
            total += 4 if before.isalpha() or text[index + 1 : index + 2].isalpha() else 2
        elif char in _COMMON:
            total += 1
        elif unicodedata.category(char).startswith("C"):
            total -= 6  # control characters: the wrong code page
        else:
            total -= 3  # box drawing, maths, letters Swedish text does not use
    return total


def _utf16(data: bytes) -> str | None:
    """``utf-16-le``/``-be`` for text with a zero byte beside most ASCII letters."""
    sample = data[:4096]
    if len(sample) < 4 or sample.count(0) < len(sample) // 4:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if odd > 3 * even:
        return "utf-16-le"
    if even > 3 * odd:
        return "utf-16-be"
    return None


_CONT = "".join(
    sorted({bytes([b]).decode("cp1252", "ignore") or chr(b) for b in range(0x80, 0xC0)})
)
_LEAD2 = "".join(chr(b) for b in range(0xC2, 0xE0))
_LEAD3 = "".join(chr(b) for b in range(0xE0, 0xF0))
_CLASS = re.escape(_CONT)
_MOJIBAKE = re.compile(f"[{_LEAD2}][{_CLASS}]|[{_LEAD3}][{_CLASS}]{{2}}")


def _as_byte(char: str) -> bytes:
    try:
        return char.encode("cp1252")
    except UnicodeEncodeError:
        return char.encode("latin-1")


def repair_mojibake(text: str) -> tuple[str, int]:
    """Repair UTF-8 read as cp1252 ("GÃ¶teborg" → "Göteborg"), one sequence at a time.

    :returns: the text and the number of sequences repaired.
    """
    repaired = 0

    def fix(match: re.Match[str]) -> str:
        nonlocal repaired
        try:
            char = b"".join(_as_byte(c) for c in match.group()).decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            return match.group()
        repaired += 1
        return char

    return _MOJIBAKE.sub(fix, text), repaired


_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def _decode(data: bytes) -> tuple[str, str]:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(name, "replace"), name
    utf16 = _utf16(data)
    if utf16 is not None:
        try:
            return data.decode(utf16), utf16
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    best: tuple[int, int, str, str] | None = None
    for rank, name in enumerate(CANDIDATES):
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        key = (score(text), -rank, name, text)
        if best is None or key[:2] > best[:2]:
            best = key
    assert best is not None  # latin-1 decodes every byte
    return best[3], best[2]


def decode_text(data: bytes) -> tuple[str, str]:
    """Decode document bytes (see the module docstring); line ends become ``\\n``.

    :returns: the text and the encoding used, with ``+mojibake-repaired`` when
        sequences of UTF-8 read as cp1252 were repaired.
    """
    text, encoding = _decode(data)
    if _MOJIBAKE.search(text):
        text, repaired = repair_mojibake(text)
        if repaired:
            encoding += "+mojibake-repaired"
    return text.replace("\r\n", "\n").replace("\r", "\n"), encoding
