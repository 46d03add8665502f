"""``grmodel import A B C -o DIR`` (and a directory) goes on past a document that fails.

Each failure is one line on stderr naming the file; the other documents are imported
and written; the exit code is 2 at the end. The documents are the bundled example
protocol (invented for the examples) with its importer from grmodel-gr-documents, and
failing documents written here: a letter no importer reads, a binary file, a
truncated PDF, a FIFO, an output that exists without ``--force``.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from tests.conftest import Run
from tests.importing.pdfwriter import write_pdf

from grmodel.examples import example_data_path

pytest.importorskip("grmodel_gr_documents")

PROTOCOL = example_data_path() / "_documents" / "protokoll-2021-03-18.txt"


def _letter(path: Path) -> str:
    path.write_text("Hej Bo,\ntack för senast.\n", encoding="utf-8")
    return f"{path}:1: cannot tell what kind of document this is"


def _binary(path: Path) -> str:
    path.write_bytes(b"\x00\x01 not a text")
    return f"{path}:1: binary file"


def _truncated_pdf(path: Path) -> str:
    whole = write_pdf(path.with_name("whole.pdf"), [b"BT /F1 11 Tf 50 780 Td (Protokoll) Tj ET"])
    path.write_bytes(whole.read_bytes()[:200])
    whole.unlink()
    return str(path)


FAILING: dict[str, tuple[str, Callable[[Path], str]]] = {
    "no importer": ("b-brev.txt", _letter),
    "binary": ("b-binar.txt", _binary),
    "truncated pdf": ("b-trasig.pdf", _truncated_pdf),
}


def _documents(folder: Path, failing: str) -> tuple[list[Path], Path, str]:
    """Two copies of the protocol around one failing document."""
    folder.mkdir()
    first, last = folder / "a-protokoll.txt", folder / "c-protokoll.txt"
    shutil.copy(PROTOCOL, first)
    shutil.copy(PROTOCOL, last)
    name, write = FAILING[failing]
    bad = folder / name
    return [first, bad, last], bad, write(bad)


@pytest.mark.parametrize("failing", sorted(FAILING))
@pytest.mark.parametrize("as_directory", [False, True], ids=["files", "directory"])
def test_the_other_documents_are_imported_and_written(
    grmodel: Run, tmp_path: Path, failing: str, as_directory: bool
) -> None:
    sources, bad, message = _documents(tmp_path / "in", failing)
    args = [str(tmp_path / "in")] if as_directory else [str(s) for s in sources]
    code, out, err = grmodel("import", *args, "-o", str(tmp_path / "out"))
    assert code == 2
    errors = err.splitlines()
    assert len(errors) == 2 and "Traceback" not in err
    assert errors[0].startswith("grmodel: error: ") and message in errors[0], err
    assert (
        errors[1]
        == "grmodel: 1 of 3 documents not imported (each named above); the other 2 written"
    )
    written = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert written == ["a-protokoll.yaml", "c-protokoll.yaml"]
    assert out.count(" → ") == 2 and str(bad) not in out
    code, _, _ = grmodel("validate", "--no-config", str(tmp_path / "out" / written[0]))
    assert code == 0


def test_a_fifo_among_the_documents_is_named_and_skipped(grmodel: Run, tmp_path: Path) -> None:
    """A special file is never read (issue 12): one line, the others written, exit 2."""
    sources, _, _ = _documents(tmp_path / "in", "no importer")
    (tmp_path / "in" / "b-brev.txt").unlink()
    fifo = tmp_path / "in" / "b-fifo.txt"
    os.mkfifo(fifo)
    for args in ([str(tmp_path / "in")], [str(sources[0]), str(fifo), str(sources[2])]):
        code, out, err = grmodel("import", *args, "-o", str(tmp_path / "out"), "--force")
        assert code == 2
        line, summary = err.splitlines()
        assert line.startswith(f"grmodel: error: {fifo}: ") and "not read" in line
        assert summary.startswith("grmodel: 1 of 3 documents not imported")
        assert out.count(" → ") == 2


def test_an_output_that_exists_is_kept_and_the_others_are_written(
    grmodel: Run, tmp_path: Path
) -> None:
    sources, _, _ = _documents(tmp_path / "in", "no importer")
    sources.remove(tmp_path / "in" / "b-brev.txt")
    (tmp_path / "out").mkdir()
    kept = tmp_path / "out" / "a-protokoll.yaml"
    kept.write_text("# the steward's own\n", encoding="utf-8")
    code, out, err = grmodel("import", *map(str, sources), "-o", str(tmp_path / "out"))
    assert code == 2
    [refused] = [line for line in err.splitlines() if str(kept) in line]
    assert refused.startswith("grmodel: error:")
    assert kept.read_text(encoding="utf-8") == "# the steward's own\n"
    assert (tmp_path / "out" / "c-protokoll.yaml").is_file() and out.count(" → ") == 1


def test_one_failing_document_alone_is_one_line(grmodel: Run, tmp_path: Path) -> None:
    letter = tmp_path / "brev.txt"
    message = _letter(letter)
    code, out, err = grmodel("import", str(letter), "-o", str(tmp_path / "out"))
    assert (code, out) == (2, "")
    [line] = err.splitlines()
    assert message in line


def test_two_sources_of_one_output_are_still_refused_before_any_is_read(
    grmodel: Run, tmp_path: Path
) -> None:
    for sub in ("a", "b"):
        (tmp_path / sub).mkdir()
        shutil.copy(PROTOCOL, tmp_path / sub / "protokoll.txt")
    bad = tmp_path / "brev.txt"
    _letter(bad)
    sources = [tmp_path / "a/protokoll.txt", bad, tmp_path / "b/protokoll.txt"]
    code, out, err = grmodel("import", *map(str, sources), "-o", str(tmp_path / "o"))
    assert (code, out) == (2, "")
    [line] = err.splitlines()
    assert "would both be written" in line
    assert not (tmp_path / "o").exists()


def test_the_report_tells_a_document_not_read_well(grmodel: Run, tmp_path: Path) -> None:
    """IMP008 in import's own report and in validate of the records written, alike."""
    text = PROTOCOL.read_text(encoding="utf-8")
    filler = "\n".join(f"Presentation laddar {n}. Vänta." for n in range(120))
    damaged = tmp_path / "laddar.txt"
    damaged.write_text(text + "\n" + filler + "\n", encoding="utf-8")
    code, out, err = grmodel("import", str(damaged), "-o", str(tmp_path / "out"))
    assert (code, err) == (0, "")
    [reported] = [line for line in out.splitlines() if "IMP008" in line]
    assert reported.startswith(f"  {damaged}:") and " IMP008 warning " in reported
    assert "lines" in reported and "not placed in a record" in reported
    code, report, _ = grmodel("validate", "--no-config", str(tmp_path / "out"))
    [found] = [line for line in report.splitlines() if "IMP008" in line]
    assert found.split("] ", 1)[1] == reported.split(" IMP008 warning ", 1)[1]
    clean = tmp_path / "ren.txt"
    shutil.copy(PROTOCOL, clean)
    code, out, _ = grmodel("import", str(clean), "-o", str(tmp_path / "out2"))
    assert code == 0 and "IMP008" not in out
