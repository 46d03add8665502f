"""``grmodel validate DIR`` and ``grmodel import DIR`` take the documents in DIR.

The document is the bundled example protocol (invented for the examples) with its
importer from grmodel-gr-documents; a letter no importer reads is written here.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from tests.conftest import Run

from grmodel.examples import example_data_path

pytest.importorskip("grmodel_gr_documents")

PROTOCOL = example_data_path() / "_documents" / "protokoll-2021-03-18.txt"
LETTER = "Hej Bo,\ntack för senast.\n"


@pytest.fixture
def documents(tmp_path: Path) -> Path:
    """A directory holding only documents: the protocol, once more in a subdirectory."""
    root = tmp_path / "docs"
    (root / "2021").mkdir(parents=True)
    shutil.copy(PROTOCOL, root / "protokoll-2021-03-18.txt")
    shutil.copy(PROTOCOL, root / "2021" / "protokoll-kopia.txt")
    return root


def test_validate_a_directory_of_documents(grmodel: Run, documents: Path) -> None:
    (documents / "2021" / "protokoll-kopia.txt").unlink()
    code, out, err = grmodel("validate", "--no-config", str(documents))
    assert (code, err) == (0, "")
    assert "in 1 file(s)" in out and " 0 records" not in out
    single = grmodel("validate", "--no-config", str(documents / PROTOCOL.name))[1]
    assert _untimed(out) == _untimed(single)  # as validating the document by name


def _untimed(report: str) -> str:
    return re.sub(r"\([0-9.]+ s\)", "", report)


def test_validate_a_mixed_directory(grmodel: Run, documents: Path) -> None:
    (documents / "2021" / "protokoll-kopia.txt").unlink()
    (documents / "person.yaml").write_text("type: person\nid: p\nname: 3\n", encoding="utf-8")
    (documents / "brev.txt").write_text(LETTER, encoding="utf-8")
    code, out, _ = grmodel("validate", "--no-config", str(documents))
    assert code == 1
    assert f"{documents / 'person.yaml'}:3: LOAD002" in out
    assert f"{documents / 'brev.txt'}:1: LOAD007" in out and "cannot tell what kind" in out
    assert "in 3 file(s)" in out


def test_a_directory_without_records_or_documents_is_an_error(grmodel: Run, tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_text("x", encoding="utf-8")
    code, out, err = grmodel("validate", "--no-config", str(tmp_path))
    assert (code, out) == (2, "")
    assert "no record files" in err and "documents (.pdf, .txt)" in err and str(tmp_path) in err


def test_import_a_directory_writes_one_set_per_document(
    grmodel: Run, documents: Path, tmp_path: Path
) -> None:
    (documents / "person.yaml").write_text("type: person\nid: p\nname: Bo\n", encoding="utf-8")
    code, out, err = grmodel("import", str(documents), "-o", str(tmp_path / "out"))
    assert (code, err) == (0, "")
    written = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert written == ["protokoll-2021-03-18.yaml", "protokoll-kopia.yaml"]  # no person.yaml
    assert out.count(" → ") == 2
    code, out, _ = grmodel("validate", "--no-config", str(tmp_path / "out" / written[0]))
    assert code == 0


def test_import_a_directory_refuses_two_documents_of_one_name(
    grmodel: Run, documents: Path, tmp_path: Path
) -> None:
    shutil.copy(PROTOCOL, documents / "2021" / PROTOCOL.name)
    code, out, err = grmodel("import", str(documents), "-o", str(tmp_path / "out"))
    assert (code, out) == (2, "")
    assert "would both be written" in err and err.count("\n") == 1
    assert not (tmp_path / "out").exists()


def test_import_a_refused_document_names_it(grmodel: Run, tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "brev.txt").write_text(LETTER, encoding="utf-8")
    code, _, err = grmodel("import", str(tmp_path / "in"), "-o", str(tmp_path / "out"))
    assert code == 2 and f"{tmp_path / 'in' / 'brev.txt'}:1: cannot tell what kind" in err
    code, _, err = grmodel("import", str(tmp_path), "-o", str(tmp_path / "out"))
    assert code == 2 and "brev.txt" in err
    (tmp_path / "in" / "brev.txt").unlink()
    code, _, err = grmodel("import", str(tmp_path / "in"), "-o", str(tmp_path / "out"))
    assert code == 2 and "no documents (.pdf, .txt) in" in err
