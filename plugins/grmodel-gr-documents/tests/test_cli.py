"""End to end: ``grmodel import`` and ``grmodel validate`` on documents, a PDF included."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from grmodel.cli import cli
from grmodel.plugins import get_plugin_manager

BASE = """\
Protokoll från sammanträde med Förbundsstyrelsen
Tid: 2018-02-16 kl. 09:00-12:00
Plats: GR, Gårdavägen 2, Göteborg

Närvarande ledamöter
Anna Berg (S), Ale, ordförande
Bo Ek (M), Lerum
Carl Dahl (MP), Mölndal
Dan Falk (V), Tjörn

Frånvarande ledamöter
Eva Gran (C), Partille

Sekreterare
Gun Ivarsson, sekreterare, Göteborgsregionen

§ 310 Val av justerare
{justerare} utses till justerare.

§ 311 Budget 2018
Förbundsstyrelsen beslutar att fastställa budgeten.
{reservation}

§ {third} Övrigt
Informationen antecknas.
"""


def _rule_code(keyword: str) -> str:
    pm = get_plugin_manager()
    for rule in pm.rules:
        if keyword in rule.name:
            return rule.code
    pytest.skip(f"no rule named like {keyword!r} is installed yet")


def _validate(tmp_path: Path, text: str) -> list[dict[str, object]]:
    path = tmp_path / "protokoll.txt"
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(cli, ["validate", "--format", "json", str(path)])
    assert result.exit_code in (0, 1), result.output
    data = json.loads(result.output)
    findings = data["findings"] if isinstance(data, dict) else data
    return list(findings)


def _lines(findings: list[dict[str, object]], code: str) -> list[object]:
    return [f["line"] for f in findings if f["code"] == code]


def test_clean_protocol_has_no_error(tmp_path: Path) -> None:
    text = BASE.format(justerare="Bo Ek", reservation="", third=312)
    codes = {str(f["code"]) for f in _validate(tmp_path, text)}
    assert not codes & {"JUS001", "ATT003", "ATT004", "NUM001", "NUM006", "LOAD007"}, codes


def test_justerare_not_present_is_reported_at_its_line(tmp_path: Path) -> None:
    code = _rule_code("justerare-not-present")
    text = BASE.format(justerare="Eva Gran", reservation="", third=312)
    assert _lines(_validate(tmp_path, text), code) == [18]


def test_reservation_by_absent_member_is_reported_at_its_line(tmp_path: Path) -> None:
    code = _rule_code("reservation-not-present")
    reservation = "Eva Gran (C), Partille, reserverar sig mot beslutet."
    text = BASE.format(justerare="Bo Ek", reservation=reservation, third=312)
    assert _lines(_validate(tmp_path, text), code) == [22]


def test_duplicated_paragraph_is_reported_at_the_second(tmp_path: Path) -> None:
    code = _rule_code("duplicate-paragraph")
    text = BASE.format(justerare="Bo Ek", reservation="", third=311)
    assert _lines(_validate(tmp_path, text), code) == [24]


def test_import_writes_records(tmp_path: Path) -> None:
    path = tmp_path / "protokoll.txt"
    path.write_text(BASE.format(justerare="Bo Ek", reservation="", third=312), encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["import", str(path), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "protokoll" in result.output
    written = (out / "protokoll.yaml").read_text(encoding="utf-8")
    assert "gr-forbundsstyrelsen-2018-02-16" in written
    result = CliRunner().invoke(
        cli, ["import", "--kind", "agenda", str(path), "-o", str(out), "--force"]
    )
    assert result.exit_code == 0, result.output


def test_plugin_is_listed() -> None:
    result = CliRunner().invoke(cli, ["plugins"])
    assert "gr-documents" in result.output
    assert "protocol, notes, agenda, staff-report, combined" in result.output


def _font() -> Path | None:
    for candidate in (
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/dejavu/DejaVuSans.ttf",
        "/Library/Fonts/DejaVuSans.ttf",
    ):
        if Path(candidate).exists():
            return Path(candidate)
    return None


def test_pdf_protocol(tmp_path: Path) -> None:
    fpdf = pytest.importorskip("fpdf")
    pdf = fpdf.FPDF()
    font = _font()
    if font is not None:
        pdf.add_font("DejaVu", "", str(font))
        pdf.set_font("DejaVu", size=10)
        text = BASE.format(justerare="Bo Ek", reservation="", third=312)
    else:  # a core font with latin-1 text
        pdf.set_font("helvetica", size=10)
        text = BASE.format(justerare="Bo Ek", reservation="", third=312)
    lines = text.split("\n")
    for page in (lines[:14], lines[14:]):
        pdf.add_page()
        pdf.cell(0, 5, "Protokoll 2018-02-16 Göteborgsregionens kommunalförbund")
        pdf.ln()
        for line in page:
            pdf.cell(0, 5, line)
            pdf.ln()
    path = tmp_path / "protokoll.pdf"
    pdf.output(str(path))
    from grmodel.pipeline.importing import import_path

    result = import_path(path, get_plugin_manager())
    meeting = next(r for r in result.records if r.TYPE == "meeting")
    assert meeting.id == "gr-forbundsstyrelsen-2018-02-16"
    assert meeting.place == "GR, Gårdavägen 2, Göteborg"  # type: ignore[attr-defined]
    assert [i.paragraph for i in meeting.items] == [310, 311, 312]  # type: ignore[attr-defined]
    assert len(result.document.dropped) == 1  # the second page's running header
