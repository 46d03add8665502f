"""The text of a PDF with its layout: lines rebuilt from positioned text.

pypdf's plain extraction closes the gap between side-by-side columns to one
space ("Beslutande Anna Andersson (S), ordförande"), so a reader can no longer
tell a label column from its value, or a närvarolista's name from its X mark.
Here every text run is read with its position (pypdf's text-show operations, as
its layout mode reads them: start x, end x, baseline y, font size) and the lines
are rebuilt in reading order:

- runs whose baselines lie within :data:`LINE_TOLERANCE_EM` of a font size are
  one line, ordered by x;
- a horizontal gap of at least :data:`COLUMN_GAP_EM` font sizes is a column gap,
  written as a run of two or more spaces that pads the next cell to its x
  position (one character per half font size), so that cells of one column start
  at the same offset on every line and a value-only row under a label column is
  indented to the value column (spaces, not a tab: the plugin places a cell under
  the heading whose character offset is nearest, and a tab is one character); a
  smaller gap is one space, a gap under :data:`WORD_GAP_EM` none;
- inside one string shown, a run of four or more typed spaces is a column gap and
  a shorter one is one space, so that two or more spaces in the output mean a
  column gap and nothing else.

This is what the gr-documents plugin's column reader expects (``Tracker.columns``
splits a line at a tab or two or more spaces, ``column_cells`` gives each cell's
offset).
Pages are joined by a line end, as plain extraction does; page-number furniture is
kept as text (the importers recognise and drop it).

Text set at a right angle (a margin note) follows the page's lines, a line per
text object. When pypdf's positioned text is not available (a pypdf older than 7.0
lacks the layout internals this reads) or a page draws forms (XObjects, which the layout
reading does not enter) and pypdf's plain extraction finds more letters, that
page's text is the plain extraction.
"""

from __future__ import annotations

import logging
import math
import os
import statistics
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO, Literal

import attrs

from grmodel.errors import GrmodelError, SourceError
from grmodel.io import open_regular

__all__ = [
    "COLUMN_GAP_EM",
    "LINE_TOLERANCE_EM",
    "MAX_CHARS",
    "MAX_PAGES",
    "WORD_GAP_EM",
    "Run",
    "layout_lines",
    "pdf_text",
]

COLUMN_GAP_EM = 1.2
"""A gap between two runs on one line of at least this many font sizes is a column gap
(a word space is about 0.25–0.35, a justified line's widest some 0.8)."""
WORD_GAP_EM = 0.12
"""A smaller gap than this between two runs is none (a word split by kerning)."""
LINE_TOLERANCE_EM = 0.5
"""Runs whose baselines differ by at most this many font sizes are one line."""
_CELL_UNIT_EM = 0.5
"""One character of padding per this many font sizes of x distance."""
_SPACES_IN_RUN = 4
"""A run of this many spaces inside one string shown is a column gap (text
aligned by typed spaces: about 0.3 font sizes each)."""
MAX_PAGES = 5000
"""A PDF with more pages is refused (``pdf_text(max_pages=…)`` raises the bound)."""
MAX_CHARS = 20_000_000
"""A PDF whose text grows past this many characters is refused: no protocol is that
long, and it bounds the memory a hostile file can take."""


@attrs.frozen
class Run:
    """A piece of text on a page with its position (PDF units, y upwards)."""

    x0: float
    """Where it starts."""
    x1: float
    """Where it ends."""
    y: float
    """Its baseline."""
    size: float
    """Its font size (the effective height on the page)."""
    text: str
    """What it says."""


def pdf_text(path: Path, *, max_pages: int = MAX_PAGES) -> str:
    """The text of the PDF at ``path``, its lines rebuilt from positioned text.

    :raises SourceError: naming the file when it cannot be read (empty, truncated,
        corrupt, encrypted with a password, not a regular file), has no text layer,
        or is larger than ``max_pages`` pages or :data:`MAX_CHARS` characters.
    """
    try:
        import pypdf
    except ImportError as exc:  # pragma: no cover - pypdf is a dependency
        raise GrmodelError("reading PDF needs pypdf: pip install pypdf") from exc
    quiet = logging.getLogger("pypdf")
    level = quiet.level
    quiet.setLevel(logging.CRITICAL)  # its repair notes ("EOF marker not found") name no file
    try:
        with open(open_regular(path), "rb") as handle:  # never blocks on a FIFO
            pages = _read_pages(path, handle, pypdf, max_pages)
    except GrmodelError:
        raise
    except OSError as exc:
        raise SourceError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    except Exception as exc:
        first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        raise SourceError(f"{path}:1: cannot read PDF (damaged or truncated?): {first}") from exc
    finally:
        quiet.setLevel(level)
    if not any(page.strip() for page in pages):
        raise SourceError(f"{path}:1: the PDF has no text layer (scanned?); OCR it first")
    return "\n".join(page.rstrip("\n") for page in pages)


def _read_pages(path: Path, handle: BinaryIO, pypdf: Any, max_pages: int) -> list[str]:
    """The text of each page, within the bounds."""
    if os.fstat(handle.fileno()).st_size == 0:
        raise SourceError(f"{path}:1: cannot read PDF: the file is empty")
    reader = pypdf.PdfReader(handle)
    if reader.is_encrypted:
        try:
            opened = reader.decrypt("")
        except pypdf.errors.DependencyError as exc:
            raise SourceError(
                f"{path}:1: the PDF is encrypted; reading it needs the cryptography "
                "package: pip install cryptography"
            ) from exc
        if not opened:
            raise SourceError(f"{path}:1: the PDF is encrypted with a password; decrypt it first")
    count = len(reader.pages)
    if count > max_pages:
        raise SourceError(
            f"{path}:1: the PDF has {count} pages, more than the limit of {max_pages}"
        )
    pages: list[str] = []
    total = 0
    for page in reader.pages:
        pages.append(_page_text(page))
        total += len(pages[-1])
        if total > MAX_CHARS:
            raise SourceError(
                f"{path}:1: the PDF's text is longer than the limit of {MAX_CHARS} characters"
            )
    return pages


def _page_text(page: Any) -> str:
    """One page's lines, then its rotated text (a margin note), a line per text object.

    pypdf's plain text instead when the positioned text is not there (a pypdf without
    its layout internals), or when the page draws forms (XObjects, which the layout
    reading does not enter) and the plain text has more letters."""
    try:
        runs, rotated = _page_pieces(page)
    except Exception:  # pypdf's internals changed (before 7.0), or the page's layout is unreadable
        runs, rotated = [], []
    text = "\n".join([*layout_lines(runs), *rotated])
    if text and not _draws_forms(page):
        return text
    plain = str(page.extract_text() or "")
    return plain if _letters(plain) > _letters(text) else text


def _letters(text: str) -> int:
    return sum(ch.isalnum() for ch in text)


def _draws_forms(page: Any) -> bool:
    """True when the page's resources hold a form XObject (text may be inside)."""
    resources = page.get("/Resources")
    objects = resources.get_object().get("/XObject") if resources is not None else None
    if objects is None:
        return False
    objects = objects.get_object()
    return any(objects[name].get_object().get("/Subtype") == "/Form" for name in objects)


def _page_pieces(page: Any) -> tuple[list[Run], list[str]]:
    """The page's text runs with their positions, one per string shown (a ``Tj``, or a
    piece of a ``TJ`` between kerning moves), as pypdf's layout mode reads them; and its
    rotated text, one line per text object. Text in fonts pypdf cannot interpret (it
    warns of them) is left out."""
    from pypdf._text_extraction._layout_mode import _fixed_width_page as fixed
    from pypdf._text_extraction._layout_mode._text_state_manager import TextStateManager
    from pypdf.generic import ArrayObject, ContentStream, StreamObject

    runs: list[Run] = []
    rotated: list[str] = []
    contents = page.get("/Contents")
    contents = contents.get_object() if contents is not None else None
    if not isinstance(contents, (ArrayObject, StreamObject)):
        return runs, rotated
    fonts = page._layout_mode_fonts()
    state = TextStateManager()
    ops = iter(ContentStream(contents, page.pdf, "bytes").operations)
    for operands, op in ops:  # the loop of pypdf's text_show_operations, keeping every show
        if op in (b"BT", b"q"):
            end: Literal[b"ET", b"Q"] = b"ET" if op == b"BT" else b"Q"
            _, shown = fixed.recurse_to_target_op(ops, state, end, fonts, True)
            shown = [tj for tj in shown if tj.font.interpretable and tj.text.strip()]
            for tj in shown:
                if not tj.rotated:
                    y = -tj.ty if tj.flip_vertical else tj.ty
                    size = abs(tj.font_height) or abs(tj.font_size)
                    runs.extend(_split(tj.text, tj.tx, tj.displaced_tx, y, size))
            turned = " ".join(" ".join(tj.text.split()) for tj in shown if tj.rotated)
            if turned:
                rotated.append(turned)
        elif op == b"Tf":
            fixed.set_font_operation(state, fonts, operands)
        else:
            state.set_state_param(op, operands)
    return runs, rotated


def _split(text: str, x0: float, x1: float, y: float, size: float) -> Iterator[Run]:
    """``text`` drawn from ``x0`` to ``x1`` as runs, cut where it holds a column gap
    written as :data:`_SPACES_IN_RUN` or more spaces (x estimated per character)."""
    width = (x1 - x0) / len(text) if text else 0.0
    start = 0
    gap = " " * _SPACES_IN_RUN
    while start < len(text):
        cut = text.find(gap, start)
        end = len(text) if cut < 0 else cut
        piece = text[start:end]
        if piece.strip():
            lead = len(piece) - len(piece.lstrip())
            trail = len(piece) - len(piece.rstrip())
            yield Run(
                x0=x0 + (start + lead) * width,
                x1=x0 + (end - trail) * width,
                y=y,
                size=size,
                text=" ".join(piece.split()),
            )
        if cut < 0:
            break
        start = cut
        while start < len(text) and text[start] == " ":
            start += 1


def layout_lines(runs: Iterable[Run]) -> list[str]:
    """The lines of one page's ``runs``, top to bottom, each in reading order, with
    column gaps as padding of two or more spaces (see the module's description)."""
    ordered = sorted((r for r in runs if r.text.strip()), key=lambda r: (-r.y, r.x0))
    if not ordered:
        return []
    left = min(r.x0 for r in ordered)
    sizes = [r.size for r in ordered for _ in range(min(len(r.text), 50)) if r.size > 0]
    unit = _CELL_UNIT_EM * (statistics.median(sizes) if sizes else 10.0)
    return [_line_text(line, left, unit) for line in _group_lines(ordered)]


def _group_lines(ordered: list[Run]) -> Iterator[list[Run]]:
    """Runs (sorted top to bottom) grouped into lines by baseline, each ordered by x."""
    line = [ordered[0]]
    for run in ordered[1:]:
        base = line[0]
        if abs(run.y - base.y) <= LINE_TOLERANCE_EM * max(run.size, base.size):
            line.append(run)
            continue
        yield sorted(line, key=lambda r: r.x0)
        line = [run]
    yield sorted(line, key=lambda r: r.x0)


def _line_text(line: list[Run], left: float, unit: float) -> str:
    """One line: its runs joined by nothing, one space, or column padding. A run drawn
    again a hair to the right (bold simulated by overprinting) is read once."""
    out = ""
    previous: Run | None = None
    for run in line:
        text = run.text.strip()
        if previous is not None and text == previous.text and run.x0 - previous.x0 < run.size / 4:
            continue
        if previous is None:
            gap, size = run.x0 - left, run.size
        else:
            gap, size = run.x0 - previous.x1, max(run.size, previous.size)
        if gap >= COLUMN_GAP_EM * size:
            column = math.floor((run.x0 - left) / unit + 0.5)
            out += " " * max(2, column - len(out)) + text
        elif previous is not None and gap > WORD_GAP_EM * size:
            out += " " + text
        else:
            out += text
        previous = run
    return out.rstrip()
