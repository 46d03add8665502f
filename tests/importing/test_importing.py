"""The core's importing code: decoding, reading source documents, choosing an importer,
coverage, and writing an import result."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from grmodel.errors import GrmodelError, OutputExistsError, SourceError
from grmodel.importing.base import Importer, ImportResult, SourceDocument
from grmodel.importing.write import write_import
from grmodel.model import Document, DocumentKind, Segment, Span
from grmodel.pipeline.importing import decode_text, import_path, read_source
from grmodel.plugins import GrPluginManager, get_plugin_manager, hookimpl
from grmodel.recordset.loading import LoadedRecord, load_records
from tests.memo import MemoPlugin, parse_memo

# -- decoding ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "text", "encoding"),
    [
        ("Göteborg\n".encode(), "Göteborg\n", "utf-8"),
        ("\ufeffÖckerö".encode(), "Öckerö", "utf-8"),
        ("Härryda".encode("cp1252"), "Härryda", "cp1252"),
        (b"a\r\nb\rc", "a\nb\nc", "utf-8"),
        ("GÃ¶teborg".encode(), "Göteborg", "utf-8+mojibake-repaired"),
    ],
    ids=["utf-8", "bom", "cp1252", "line-ends", "mojibake"],
)
def test_decode_text(data: bytes, text: str, encoding: str) -> None:
    assert decode_text(data) == (text, encoding)


def test_decode_text_scores_the_code_pages() -> None:
    # 0x81 is undefined in cp1252, a C1 control in latin-1 and "Å" in mac-roman: the
    # Swedish letter wins (grmodel.importing.decoding scores the candidates).
    assert decode_text(b"\x81x") == ("\u00c5x", "mac-roman")


# -- reading source documents --------------------------------------------------------------


def test_read_source_text(tmp_path: Path) -> None:
    path = tmp_path / "protokoll.txt"
    path.write_bytes("Protokoll\r\nStyrgruppen för social välfärd\r\n".encode("cp1252"))
    document = read_source(path)
    assert document.encoding == "cp1252"
    assert document.lines == ["Protokoll", "Styrgruppen för social välfärd", ""]
    assert document.path == path


def test_read_source_refuses_binary(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\x00\x00")
    with pytest.raises(SourceError, match=r"image\.txt:1: binary file"):
        read_source(path)


def test_read_source_missing_file(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match=r"gone\.txt: cannot read"):
        read_source(tmp_path / "gone.txt")


def test_read_source_pdf_text_and_pdf_without_text(tmp_path: Path) -> None:
    fpdf = pytest.importorskip("fpdf")
    for name, lines in (("text.pdf", ["Protokoll", "Sammanträde"]), ("blank.pdf", [])):
        pdf = fpdf.FPDF()
        pdf.add_page()
        pdf.set_font("helvetica", size=10)
        for line in lines:
            pdf.cell(0, 5, line)
            pdf.ln()
        pdf.output(str(tmp_path / name))
    document = read_source(tmp_path / "text.pdf")
    assert document.encoding == "pdf"
    assert document.lines[:2] == ["Protokoll", "Sammanträde"]
    with pytest.raises(SourceError, match=r"blank\.pdf:1: the PDF has no text layer"):
        read_source(tmp_path / "blank.pdf")


def test_read_source_broken_pdf(tmp_path: Path) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.4 not really")
    with pytest.raises(SourceError, match=r"broken\.pdf:1: cannot read PDF"):
        read_source(path)


# -- choosing an importer ------------------------------------------------------------------


@pytest.fixture
def memo_pm() -> GrPluginManager:
    return get_plugin_manager(load_entrypoints=False, plugins=[("memo", MemoPlugin())])


@pytest.fixture
def memo(tmp_path: Path) -> Path:
    path = tmp_path / "memo-1.txt"
    path.write_text("MEMO Bo Ek\nsomething unplaced\n", encoding="utf-8")
    return path


def test_import_path_detects_the_kind(memo_pm: GrPluginManager, memo: Path) -> None:
    result = import_path(memo, memo_pm)
    assert result.document.id == "memo-1"
    assert [r.id for r in result.records] == ["bo-ek"]


def test_import_path_passes_the_run_refdata(memo_pm: GrPluginManager, memo: Path) -> None:
    seen: list[SourceDocument] = []

    class Spy:
        @hookimpl
        def grmodel_importers(self) -> list[Importer]:
            return [
                Importer(name="spy", summary="", parse=lambda d: seen.append(d) or parse_memo(d))
            ]

    pm = get_plugin_manager(load_entrypoints=False, plugins=[("spy", Spy())])
    import_path(memo, pm, kind="spy")
    assert seen[0].refdata is pm.refdata


def test_import_path_with_an_unknown_kind(memo_pm: GrPluginManager, memo: Path) -> None:
    with pytest.raises(
        GrmodelError, match=r"unknown document kind 'minutes' \(known: memo, note\)"
    ):
        import_path(memo, memo_pm, kind="minutes")


def test_import_path_when_nothing_fits(memo_pm: GrPluginManager, tmp_path: Path) -> None:
    path = tmp_path / "letter.txt"
    path.write_text("Dear Bo\n", encoding="utf-8")
    with pytest.raises(GrmodelError, match=r"letter\.txt:1: cannot tell what kind"):
        import_path(path, memo_pm)
    assert import_path(path, memo_pm, kind="note").document.id == "letter"


def test_import_path_without_importers(core_pm: GrPluginManager, memo: Path) -> None:
    with pytest.raises(
        GrmodelError, match=r"none installed\); .*pip install \./plugins/grmodel-gr-documents"
    ):
        import_path(memo, core_pm)


def test_import_path_with_other_importers_names_the_documents_plugin(
    memo_pm: GrPluginManager, tmp_path: Path
) -> None:
    """Other importers installed (a user who installed only grmodel-oparl), none of GR's
    documents: the message still says where a protocol is read."""
    path = tmp_path / "protokoll.txt"
    path.write_text("PROTOKOLL\n", encoding="utf-8")
    with pytest.raises(GrmodelError, match=r"\(importers: memo, note\); GR's protocols") as err:
        import_path(path, memo_pm)
    assert "pip install ./plugins/grmodel-gr-documents" in str(err.value)


# -- coverage ------------------------------------------------------------------------------


def test_coverage_counts_placed_lines_of_the_undropped() -> None:
    document = Document(
        id="d",
        kind=DocumentKind.OTHER,
        line_count=10,
        dropped=(Segment(span=Span(1, 2), text="header\nheader"),),
    )
    assert ImportResult(document=document, placed_lines=frozenset(range(3, 7))).coverage == 0.5
    empty = Document(id="e", kind=DocumentKind.OTHER, line_count=0)
    assert ImportResult(document=empty).coverage == 1.0


# -- writing -------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_write_import_round_trips(
    memo_pm: GrPluginManager, memo: Path, tmp_path: Path, fmt: str
) -> None:
    result = import_path(memo, memo_pm)
    out = tmp_path / "records"
    target = write_import(result, out, memo_pm.converter, fmt=fmt)
    assert target == out / f"memo-1.{fmt}"
    entries = list(load_records([target], memo_pm.converter))
    assert all(isinstance(e, LoadedRecord) for e in entries)
    loaded = [e.record for e in entries if isinstance(e, LoadedRecord)]
    assert loaded == [result.document, *result.records]
    if fmt == "json":
        assert json.loads(target.read_text(encoding="utf-8"))[0]["type"] == "document"


def test_write_import_refuses_to_overwrite(
    memo_pm: GrPluginManager, memo: Path, tmp_path: Path
) -> None:
    result = import_path(memo, memo_pm)
    target = write_import(result, tmp_path, memo_pm.converter)
    before = target.read_text(encoding="utf-8")
    with pytest.raises(OutputExistsError):
        write_import(result, tmp_path, memo_pm.converter)
    assert target.read_text(encoding="utf-8") == before
    write_import(result, tmp_path, memo_pm.converter, force=True)
