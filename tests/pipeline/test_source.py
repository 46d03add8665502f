"""The record source: a directory gives its record files and its source documents
(read here by the test importer of memos, :mod:`tests.memo`)."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.importing.pdfwriter import write_pdf
from tests.memo import MemoPlugin

from grmodel.pipeline import RecordSource, discover_inputs, source_documents, validate
from grmodel.plugins import GrPluginManager, get_plugin_manager
from grmodel.recordset.loading import LoadProblem
from grmodel.validation import ValidationConfig


@pytest.fixture
def memo_pm() -> GrPluginManager:
    return get_plugin_manager(load_entrypoints=False, plugins=[("memo", MemoPlugin())])


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    """Record files, documents, a file that is neither, and a ``_``-directory."""
    (tmp_path / "a-people.yaml").write_text("type: person\nid: p1\nname: Anna Ek\n")
    (tmp_path / "b-memo.txt").write_text("MEMO Bo Ek\n")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c-memo.txt").write_text("MEMO Cia Ek\n")
    (tmp_path / "sub" / "notes.md").write_text("# not read\n")
    (tmp_path / "_drafts").mkdir()
    (tmp_path / "_drafts" / "d-memo.txt").write_text("MEMO Dan Ek\n")
    return tmp_path


def test_a_directory_gives_record_files_and_documents(mixed: Path) -> None:
    names = [path.relative_to(mixed).as_posix() for path in discover_inputs([mixed])]
    assert names == ["a-people.yaml", "b-memo.txt", "sub/c-memo.txt"]


def test_documents_in_a_directory_are_imported(memo_pm: GrPluginManager, mixed: Path) -> None:
    entries = list(RecordSource([mixed], memo_pm).entries())
    assert [(e.record.id, imported) for e, imported in entries] == [  # type: ignore[union-attr]
        ("p1", False),
        ("b-memo", True),
        ("bo-ek", True),
        ("c-memo", True),
        ("bo-ek", True),
    ]


def test_a_directory_of_documents_only_validates(memo_pm: GrPluginManager, tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_text("MEMO Bo Ek\n")
    (tmp_path / "y.txt").write_text("MEMO Bo Ek\n")  # the same person twice: a finding
    report = validate([tmp_path], memo_pm, ValidationConfig(select=("LOAD", "IDN003")))
    assert report.summary.files == 2 and report.summary.records == 4
    found = [(Path(f.file or "").name, f.line, f.code) for f in report.findings]
    assert found == [("y.txt", 1, "IDN003")]


def test_a_document_no_importer_reads_is_a_finding_naming_it(
    memo_pm: GrPluginManager, mixed: Path
) -> None:
    (mixed / "letter.txt").write_text("Dear Bo\n")
    report = validate([mixed], memo_pm, ValidationConfig(select=("LOAD",)))
    assert report.summary.records == 5
    [finding] = report.findings
    assert (Path(finding.file or "").name, finding.line, finding.code) == (
        "letter.txt",
        1,
        "LOAD007",
    )
    assert "cannot tell what kind of document" in finding.message


def test_source_documents_of_a_directory_leave_record_files_out(mixed: Path) -> None:
    (mixed / "given.yaml").write_text("type: person\nid: p2\nname: Eva Ek\n")
    found = source_documents([mixed / "given.yaml", mixed])
    names = [path.relative_to(mixed).as_posix() for path in found]
    assert names == ["given.yaml", "b-memo.txt", "sub/c-memo.txt"]


def test_problems_of_a_directory_come_first(memo_pm: GrPluginManager, mixed: Path) -> None:
    (mixed / "broken.txt").symlink_to(mixed / "nowhere.txt")
    first, *_ = RecordSource([mixed], memo_pm).entries()
    assert isinstance(first.entry, LoadProblem) and first.entry.file.endswith("broken.txt")


def test_pdf_documents_in_a_directory_are_imported_or_named(
    memo_pm: GrPluginManager, tmp_path: Path
) -> None:
    write_pdf(tmp_path / "memo.pdf", [[[(72, 780, "MEMO Bo Ek")], [(72, 760, "Till styrelsen")]]])
    (tmp_path / "trasig.pdf").write_bytes(b"%PDF-1.4\nnot really a PDF\n")
    report = validate([tmp_path], memo_pm, ValidationConfig(select=("LOAD",)))
    assert report.summary.files == 2 and report.summary.records == 2  # memo: document, person
    [finding] = report.findings
    assert (Path(finding.file or "").name, finding.line, finding.code) == (
        "trasig.pdf",
        1,
        "LOAD007",
    )


def test_documents_with_jobs_give_the_findings_of_one_job(
    memo_pm: GrPluginManager, mixed: Path
) -> None:
    (mixed / "bad.yaml").write_text("type: person\nid: p9\nname: 3\n")
    one, two = (validate([mixed], memo_pm, jobs=jobs).findings for jobs in (1, 2))
    assert [f.to_json() for f in two] == [f.to_json() for f in one]
    assert {Path(f.file or "").name for f in one} >= {"bad.yaml", "c-memo.txt"}
