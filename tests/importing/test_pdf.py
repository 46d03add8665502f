"""PDF text with its layout (grmodel.importing.pdf): lines rebuilt from positioned text,
column gaps kept, damaged and hostile PDFs refused with one line naming the file.

The PDFs are written here (``pdfwriter``: text placed with ``Tm`` at given x/y, one
``BT … ET`` per line as word processors write them), so each gap is known.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from grmodel.errors import SourceError
from grmodel.importing.pdf import Run, layout_lines, pdf_text
from grmodel.pipeline.importing import read_source
from tests.conftest import Run as CliRun
from tests.importing.pdfwriter import TextObject, write_pdf

Row = list[tuple[float, str]]


def _page(rows: list[Row], top: float = 780, leading: float = 16) -> list[TextObject]:
    """One text object per row of (x, text), a row every ``leading`` points down."""
    return [
        [(x, top - index * leading, text) for x, text in row]
        for index, row in enumerate(rows)
        if row
    ]


def cells(line: str) -> list[tuple[int, str]]:
    """A line's cells (split at two or more spaces) with their offsets."""
    return [(m.start(), m[0]) for m in re.finditer(r"\S+(?: \S+)*", line)]


def test_two_column_cover(tmp_path: Path) -> None:
    """Labels at x=50, values at x=200: each value starts at one offset, a value-only
    row is indented to it; a label written after its value still comes first."""
    rows: list[Row] = [
        [(50, "Protokoll")],
        [(50, "Beslutande"), (200, "Anna Andersson (S), ordförande")],
        [(200, "Bo Ek (M)")],
        [(200, "Övriga deltagare"), (50, "Tjänstgörande")],
        [(50, "Justerare"), (200, "Bo Ek")],
    ]
    text = pdf_text(write_pdf(tmp_path / "cover.pdf", [_page(rows)]))
    assert [cells(line) for line in text.split("\n")] == [
        [(0, "Protokoll")],
        [(0, "Beslutande"), (27, "Anna Andersson (S), ordförande")],
        [(27, "Bo Ek (M)")],
        [(0, "Tjänstgörande"), (27, "Övriga deltagare")],
        [(0, "Justerare"), (27, "Bo Ek")],
    ]


def test_narvarolista_table(tmp_path: Path) -> None:
    """A table with X marks: one line a row, each mark at its heading's offset."""
    rows: list[Row] = [
        [(50, "Närvarolista")],
        [(50, "Ledamot"), (300, "Närvarande"), (400, "Frånvarande")],
        [(50, "Anna Andersson (S)"), (300, "X")],
        [(50, "Bo Ek (M)"), (400, "X")],
        [(50, "Carl Dahl (MP), Mölndal"), (300, "X")],
    ]
    lines = pdf_text(write_pdf(tmp_path / "lista.pdf", [_page(rows)])).split("\n")
    heading = {name: offset for offset, name in cells(lines[1])}
    assert [cells(line) for line in lines[2:]] == [
        [(0, "Anna Andersson (S)"), (heading["Närvarande"], "X")],
        [(0, "Bo Ek (M)"), (heading["Frånvarande"], "X")],
        [(0, "Carl Dahl (MP), Mölndal"), (heading["Närvarande"], "X")],
    ]
    assert heading == {"Ledamot": 0, "Närvarande": 45, "Frånvarande": 64}


def test_single_column_protocol(tmp_path: Path) -> None:
    """Body text: lines in order, word gaps from ``TJ`` kerning one space, a word split
    by kerning whole, typed double spaces one space; no line has a column gap."""
    objects: list[TextObject] = [
        [(50, 780, "§ 1 Val av justerare")],
        [(50, 764, ["Förbundsstyrelsen", -280, "beslutar", -600, "att", -280, "fastställa"])],
        [(50, 748, ["Göteborgs", -15, "regionens", 0, " kommunalförbund."])],
        [(50, 732, "Mötet avslutas.  Nästa möte hålls i april.")],
        [(50, 716, "Sida 1 (1)")],
    ]
    text = pdf_text(write_pdf(tmp_path / "protokoll.pdf", [objects]))
    assert text.split("\n") == [
        "§ 1 Val av justerare",
        "Förbundsstyrelsen beslutar att fastställa",
        "Göteborgsregionens kommunalförbund.",
        "Mötet avslutas. Nästa möte hålls i april.",
        "Sida 1 (1)",
    ]


def test_run_together_entries_stay_one_column(tmp_path: Path) -> None:
    """Entries a PDF set with small gaps ("Gunilla Rivle, Kungsbacka Erik Malmgren,
    Lerum") are one cell; a gap of two font sizes in the same ``TJ`` is a column."""
    objects: list[TextObject] = [
        [(50, 780, ["Gunilla Rivle,", -250, "Kungsbacka", -300, "Erik Malmgren,", -400, "Lerum"])],
        [(50, 764, ["Boel Holgersson, Ale", -2000, "X"])],
    ]
    lines = pdf_text(write_pdf(tmp_path / "entries.pdf", [objects])).split("\n")
    assert lines[0] == "Gunilla Rivle, Kungsbacka Erik Malmgren, Lerum"
    assert [text for _, text in cells(lines[1])] == ["Boel Holgersson, Ale", "X"]


def test_relative_moves_in_one_text_object(tmp_path: Path) -> None:
    """A page as a PostScript-to-PDF converter writes it: one text object under scaled
    matrices, lines moved with ``'``, ``T*`` and ``Td``, columns by ``TJ`` kerning."""
    page = (
        "q 0.1 0 0 0.1 0 0 cm q 10 0 0 10 0 0 cm BT /F1 11 Tf\n"
        "1 0 0 1 50 780 Tm (Protokoll)Tj 16 TL (Förbundsstyrelsen)'\n"
        "T*[(Datum)-10691.4(2021-03-18)]TJ\n"
        "T*[(Närvarande ledamöter)-12779.3(Ersättare)]TJ\n"
        "T*[(Bo Ek \\(M\\), Lerum)-14892.3(Eva Gran \\(C\\), Ale)]TJ\n"
        "250 -16 Td (Gun Holm \\(L\\), Kungälv)Tj\n"
        "-250 -16 Td (Carl Dahl \\(MP\\), Mölndal)Tj\n"
        "ET Q Q"
    ).encode("cp1252")
    lines = pdf_text(write_pdf(tmp_path / "ps.pdf", [page])).split("\n")
    assert [cells(line) for line in lines] == [
        [(0, "Protokoll")],
        [(0, "Förbundsstyrelsen")],
        [(0, "Datum"), (27, "2021-03-18")],
        [(0, "Närvarande ledamöter"), (45, "Ersättare")],
        [(0, "Bo Ek (M), Lerum"), (45, "Eva Gran (C), Ale")],
        [(45, "Gun Holm (L), Kungälv")],
        [(0, "Carl Dahl (MP), Mölndal")],
    ]


def test_embedded_truetype_font(tmp_path: Path) -> None:
    """An embedded TrueType font with two-byte glyph codes (fpdf2 and DejaVu Sans, as
    office programs embed fonts): letters and columns as with a core font."""
    fpdf = pytest.importorskip("fpdf")
    font = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    if not font.exists():
        pytest.skip("DejaVu Sans not installed")
    pdf = fpdf.FPDF(unit="pt", format="A4")
    pdf.add_font("DejaVu", "", str(font))
    pdf.set_font("DejaVu", size=11)
    pdf.add_page()
    for y, row in (
        (100, [(50, "Tjänstgörande ersättare"), (200, "Åsa Öberg (KD), Härryda")]),
        (114, [(50, "Ledamot"), (300, "X")]),
    ):
        for x, text in row:
            pdf.text(x, y, text)
    path = tmp_path / "truetype.pdf"
    pdf.output(str(path))
    assert [cells(line) for line in pdf_text(path).split("\n")] == [
        [(0, "Tjänstgörande ersättare"), (27, "Åsa Öberg (KD), Härryda")],
        [(0, "Ledamot"), (45, "X")],
    ]


def test_pages_joined_by_a_line_end_furniture_kept(tmp_path: Path) -> None:
    pages = [
        _page([[(50, "Protokoll 2021-03-18")], [(450, "Sida 1 (2)")]]),
        _page([[(50, "Protokoll 2021-03-18")], [(450, "Sida 2 (2)")]]),
    ]
    document = read_source(write_pdf(tmp_path / "två.pdf", pages))
    assert document.encoding == "pdf"
    assert [line.strip() for line in document.lines] == [
        "Protokoll 2021-03-18",
        "Sida 1 (2)",
        "Protokoll 2021-03-18",
        "Sida 2 (2)",
    ]


def test_layout_lines_baselines_and_narrow_columns() -> None:
    """Baselines within half a font size are one line (a superscript, a cell set a
    little lower); a column gap is two spaces at least, even where the next cell's
    x would fall inside the text before it (a narrow font); text overprinted a hair to
    the right (simulated bold) is read once."""
    runs = [
        Run(x0=50, x1=100, y=700, size=10, text="Ledamot"),
        Run(x0=50.4, x1=100.4, y=700, size=10, text="Ledamot"),
        Run(x0=101, x1=104, y=703, size=6, text="1"),
        Run(x0=200, x1=210, y=698, size=10, text="X"),
        Run(x0=50, x1=160, y=686, size=10, text="Kommunstyrelsens ordförande"),
        Run(x0=180, x1=210, y=686, size=10, text="Anna"),
        Run(x0=50, x1=60, y=640, size=10, text="   "),
    ]
    assert layout_lines(runs) == ["Ledamot1" + " " * 22 + "X", "Kommunstyrelsens ordförande  Anna"]
    assert layout_lines([]) == []


def test_rotated_text_after_the_page_and_text_in_forms(tmp_path: Path) -> None:
    """Text set at a right angle (a margin note) is no part of the lines but follows
    them; a page that draws its text from a form XObject is read (plainly)."""
    page = (
        b"BT /F1 11 Tf 1 0 0 1 50 780 Tm (Protokoll) Tj ET\n"
        b"BT /F1 8 Tf 0 1 -1 0 30 300 Tm (Justerandes) Tj ( signatur) Tj ET"
    )
    form = b"BT /F1 11 Tf 1 0 0 1 50 780 Tm (Bilaga 1) Tj ET"
    path = write_pdf(tmp_path / "noter.pdf", [page, b"/X1 Do"], forms=[form])
    assert pdf_text(path).split("\n") == ["Protokoll", "Justerandes signatur", "Bilaga 1"]


def test_plain_text_when_pypdf_internals_change(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The positioned strings come from pypdf internals; where they fail (an older or
    a changed pypdf), the page is pypdf's plain text, columns closed to one space."""
    import grmodel.importing.pdf as module

    def changed(page: object) -> None:
        raise AttributeError("module has no attribute 'recurse_to_target_op'")

    monkeypatch.setattr(module, "_page_pieces", changed)
    rows: list[Row] = [[(50, "Beslutande"), (200, "Anna Andersson (S)")]]
    assert pdf_text(write_pdf(tmp_path / "äldre.pdf", [_page(rows)])) == (
        "Beslutande Anna Andersson (S)"
    )


# -- damaged, hostile and image-only PDFs ------------------------------------------------


def _valid(tmp_path: Path) -> bytes:
    rows: list[Row] = [[(50, "Protokoll")], [(50, "Förbundsstyrelsen")]]
    return write_pdf(tmp_path / "valid.pdf", [_page(rows)]).read_bytes()


def _fpdf_page(path: Path, **encryption: str) -> Path:
    fpdf = pytest.importorskip("fpdf")
    pdf = fpdf.FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(0, 10, "Protokoll")
    if encryption:
        pdf.set_encryption(**encryption)
    pdf.output(str(path))
    return path


def _scanned(path: Path) -> Path:
    fpdf = pytest.importorskip("fpdf")
    image = pytest.importorskip("PIL.Image")
    pdf = fpdf.FPDF()
    pdf.add_page()
    pdf.image(image.new("L", (60, 80), 200), x=10, y=10, w=100)
    pdf.output(str(path))
    return path


_BAD: dict[str, tuple[Callable[[Path, bytes], object], str]] = {
    "zero-byte": (lambda p, valid: p.write_bytes(b""), "cannot read PDF: the file is empty"),
    "truncated": (lambda p, valid: p.write_bytes(valid[: len(valid) // 2]), "cannot read PDF"),
    "corrupt": (
        lambda p, valid: p.write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 8),
        "cannot read PDF",
    ),
    "password": (
        lambda p, valid: _fpdf_page(p, owner_password="o", user_password="u"),
        "encrypted with a password",
    ),
    "image-only": (lambda p, valid: _scanned(p), r"no text layer \(scanned\?\)"),
}


@pytest.mark.parametrize("kind", sorted(_BAD))
def test_bad_pdf_one_line_error(tmp_path: Path, kind: str) -> None:
    make, message = _BAD[kind]
    path = tmp_path / f"{kind}.pdf"
    make(path, _valid(tmp_path))
    with pytest.raises(SourceError, match=rf"^{re.escape(str(path))}:1: .*{message}") as raised:
        read_source(path)
    assert "\n" not in str(raised.value)


def test_mutated_pdfs_read_or_refused_in_one_line(tmp_path: Path) -> None:
    """Bytes flipped, cut out and put in anywhere in a valid PDF: each read gives text
    or a one-line SourceError naming the file, never another exception."""
    valid = _page([[(50, "Beslutande"), (200, "Anna Andersson (S)")], [(50, "§ 1 Val")]])
    original = write_pdf(tmp_path / "valid.pdf", [valid, valid]).read_bytes()
    rng = random.Random(8)
    outcomes = {"read": 0, "refused": 0}
    for number in range(80):
        data = bytearray(original)
        for _ in range(rng.randint(1, 12)):
            at = rng.randrange(len(data))
            roll = rng.random()
            if roll < 0.5:
                data[at] = rng.randrange(256)
            elif roll < 0.8:
                del data[at : at + rng.randint(1, 40)]
            else:
                data[at:at] = rng.randbytes(rng.randint(1, 16))
        path = tmp_path / f"mutated-{number}.pdf"
        path.write_bytes(bytes(data))
        try:
            pdf_text(path)
            outcomes["read"] += 1
        except SourceError as exc:
            refused = str(exc)
            outcomes["refused"] += 1
            assert refused.startswith(f"{path}") and "\n" not in refused
    assert outcomes["read"] and outcomes["refused"]  # both kinds were exercised


def test_encrypted_without_user_password_is_read(tmp_path: Path) -> None:
    """Protected against editing only (the empty user password opens it): read."""
    path = _fpdf_page(tmp_path / "skyddad.pdf", owner_password="ägare")
    assert pdf_text(path) == "Protokoll"


def test_page_limit(tmp_path: Path) -> None:
    pages = [_page([[(50, f"Sida {n}")]]) for n in (1, 2, 3)]
    path = write_pdf(tmp_path / "lång.pdf", pages)
    assert pdf_text(path, max_pages=3).split("\n") == ["Sida 1", "Sida 2", "Sida 3"]
    with pytest.raises(SourceError, match=r"lång\.pdf:1: the PDF has 3 pages, more than .* 2$"):
        pdf_text(path, max_pages=2)


def test_import_of_bad_pdfs_is_one_line_each(tmp_path: Path, grmodel: CliRun) -> None:
    (tmp_path / "tom.pdf").write_bytes(b"")
    (tmp_path / "trasig.pdf").write_bytes(_valid(tmp_path)[:200])
    _scanned(tmp_path / "skannad.pdf")
    for name in ("tom.pdf", "trasig.pdf", "skannad.pdf"):
        code, _, err = grmodel("import", str(tmp_path / name), "-o", str(tmp_path / "out"))
        assert code != 0
        assert "Traceback" not in err
        lines = [line for line in err.splitlines() if line.strip()]
        assert len(lines) == 1 and name in lines[0], err


# -- end to end: the gr-documents importer reads the layout --------------------------------


def _protocol(tmp_path: Path) -> Path:
    """A protocol in GR's style: a two-column cover, attendance side by side in
    columns (a row with only an ersättare), items below."""
    rows: list[Row] = [
        [(50, "Protokoll")],
        [(50, "Förbundsstyrelsen")],
        [(50, "Datum"), (200, "2021-03-18")],
        [(50, "Tid"), (200, "Kl. 09.00-11.30")],
        [(50, "Plats"), (200, "Göteborgsregionen, Gårdavägen 2, Göteborg")],
        [],
        [(50, "Närvarande ledamöter"), (300, "Ersättare")],
        [(50, "Anna Andersson (S), Göteborg, ordförande"), (300, "Dan Falk (V), Tjörn")],
        [(50, "Bo Ek (M), Lerum"), (300, "Eva Gran (C), Ale")],
        [(300, "Gun Holm (L), Kungälv")],
        [(50, "Carl Dahl (MP), Mölndal")],
        [],
        [(50, "§ 1 Val av justerare")],
        [(50, "Bo Ek utses att justera protokollet.")],
        [(50, "§ 2 Budget 2021")],
        [(50, "Förbundsstyrelsen beslutar att fastställa budgeten.")],
        [(450, "Sida 1 (1)")],
    ]
    return write_pdf(tmp_path / "protokoll.pdf", [_page(rows)])


def test_import_protocol_pdf(tmp_path: Path, grmodel: CliRun) -> None:
    """``grmodel import`` of the PDF: the members present are the left column; the
    ersättare row under the right column alone (which plain extraction runs into the
    left column) stays an ersättare."""
    pytest.importorskip("grmodel_gr_documents")
    out = tmp_path / "out"
    code, _, err = grmodel("import", str(_protocol(tmp_path)), "-o", str(out), "--format", "json")
    assert code == 0, err
    (written,) = out.iterdir()
    data = json.loads(written.read_text(encoding="utf-8"))
    records = data["records"] if isinstance(data, dict) else data
    meeting = next(r for r in records if r["type"] == "meeting")
    assert meeting["date"] == "2021-03-18"
    attendance = {a["person"]: a["status"] for a in meeting["attendance"]}
    assert sorted(p for p, s in attendance.items() if s == "present") == [
        "anna-andersson",
        "bo-ek",
        "carl-dahl",
    ]
    assert sorted(p for p, s in attendance.items() if s == "substitute") == [
        "dan-falk",
        "eva-gran",
        "gun-holm",
    ]
    assert [item["paragraph"] for item in meeting["items"]] == [1, 2]
    document = next(r for r in records if r["type"] == "document")
    assert [seg["text"] for seg in document["dropped"]] == ["Sida 1 (1)"]  # the page number
    assert not document.get("unplaced")
