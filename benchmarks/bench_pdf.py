"""PDF reading speed: pages per second of grmodel's layout reading
(``grmodel.importing.pdf.pdf_text``) beside pypdf's plain and layout extraction, on a
generated protocol (a two-column cover, a närvarolista with X marks, body text),
in the same run. Needs fpdf2 (a test dependency).

    python benchmarks/bench_pdf.py [--pages 100] [--repeat 3]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import fpdf
import pypdf

from grmodel.importing.pdf import pdf_text

BODY = (
    "Förbundsstyrelsen beslutar att godkänna förslaget till budget för år 2021 och att "
    "uppdra åt förbundsdirektören att återkomma med en plan för genomförandet."
)


def document(pages: int, folder: Path) -> Path:
    """A protocol of ``pages`` A4 pages, about 45 lines each, in a core font."""
    pdf = fpdf.FPDF(unit="pt", format="A4")
    pdf.set_font("helvetica", size=10)
    for number in range(1, pages + 1):
        pdf.add_page()
        y = 60.0
        for row in range(8):  # the cover: labels and values
            pdf.text(50, y, f"Ledamot {row}")
            pdf.text(200, y, f"Anna Andersson {number}-{row} (S), Göteborg")
            pdf.text(420, y, "X" if row % 3 else "")
            y += 14
        for paragraph in range(6):  # body text, wrapped
            pdf.set_xy(50, y)
            pdf.multi_cell(480, 13, f"§ {paragraph + 1} {BODY} {BODY}")
            y = pdf.get_y() + 8
        pdf.text(500, 810, f"Sida {number} ({pages})")
    path = folder / "bench.pdf"
    pdf.output(str(path))
    return path


def _plain(path: Path) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(path).pages)


def _layout(path: Path) -> str:
    reader = pypdf.PdfReader(path)
    return "\n".join(page.extract_text(extraction_mode="layout") for page in reader.pages)


PASSES: dict[str, Callable[[Path], str]] = {
    "pypdf plain extract_text": _plain,
    "pypdf extract_text(layout)": _layout,
    "grmodel pdf_text (layout lines)": pdf_text,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=3, help="keep each pass's least CPU")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = document(args.pages, Path(folder))
        base: float | None = None
        for name, read in PASSES.items():
            spent = float("inf")
            for _ in range(args.repeat):
                started = time.process_time()
                text = read(path)
                spent = min(spent, time.process_time() - started)
            base = base or spent
            print(
                f"{name:34} {args.pages / spent:7.1f} pages/s  {spent:6.2f} s CPU  "
                f"{spent / base:4.2f}x plain  {len(text):8d} chars"
            )


if __name__ == "__main__":
    main()
