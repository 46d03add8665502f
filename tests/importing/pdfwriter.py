"""A minimal PDF writer for tests: text placed at given x/y with hand-written content
streams (Helvetica, WinAnsi encoding, so Swedish letters work without a font file).

Each page is a list of text objects; a text object is a list of ``(x, y, show)``
where ``show`` is a string (``Tj``) or a list of strings and kerning numbers
(``TJ``, thousandths of a font size, negative moves right). All pieces of one
text object are written in one ``BT … ET``, placed with ``Tm``, as word
processors write a line.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

Show = str | Sequence[str | float]
TextObject = Sequence[tuple[float, float, Show]]

__all__ = ["Show", "TextObject", "write_pdf"]


def _string(text: str) -> bytes:
    data = text.encode("cp1252")
    return b"(" + data.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def _show(show: Show) -> bytes:
    if isinstance(show, str):
        return _string(show) + b" Tj"
    parts = [_string(p) if isinstance(p, str) else str(p).encode() for p in show]
    return b"[" + b" ".join(parts) + b"] TJ"


def content(objects: Sequence[TextObject], size: float = 11) -> bytes:
    """The content stream of one page."""
    out = []
    for obj in objects:
        out.append(b"BT /F1 %g Tf" % size)
        for x, y, show in obj:
            out.append(b"1 0 0 1 %g %g Tm %s" % (x, y, _show(show)))
        out.append(b"ET")
    return b"\n".join(out)


def write_pdf(
    path: Path,
    pages: Sequence[Sequence[TextObject] | bytes],
    size: float = 11,
    forms: Sequence[bytes] = (),
) -> Path:
    """Write a PDF of ``pages`` (A4) to ``path``. A page given as bytes is its content
    stream as written (font ``/F1``); ``forms`` are content streams of form XObjects
    that every page can draw (``/X1 Do``, ``/X2 Do``…)."""
    font = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
    objects: list[bytes] = [b"<< /Type /Catalog /Pages 2 0 R >>", b"", font]
    names = []
    for number, form in enumerate(forms, start=1):
        objects.append(
            b"<< /Type /XObject /Subtype /Form /BBox [0 0 595 842] "
            b"/Resources << /Font << /F1 3 0 R >> >> /Length %d >>\nstream\n%s\nendstream"
            % (len(form), form)
        )
        names.append(b"/X%d %d 0 R" % (number, len(objects)))
    xobjects = b" /XObject << %s >>" % b" ".join(names) if names else b""
    kids = []
    for page in pages:
        stream = page if isinstance(page, bytes) else content(page, size)
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            b"/Resources << /Font << /F1 3 0 R >>%s >> /Contents %d 0 R >>"
            % (xobjects, len(objects))
        )
        kids.append(b"%d 0 R" % len(objects))
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(kids), len(kids))
    data = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, obj in enumerate(objects, start=1):
        offsets.append(len(data))
        data += b"%d 0 obj\n%s\nendobj\n" % (number, obj)
    xref = len(data)
    data += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    data += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    data += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    path.write_bytes(bytes(data))
    return path
