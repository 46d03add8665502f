"""The quick test for page markers finds every line that holds one."""

from __future__ import annotations

from grmodel_gr_documents.chrome import deglue, inline_marks, marked_lines


def test_marked_lines_hold_every_line_with_a_page_marker() -> None:
    lines = [
        "Protokoll Sida 2 (5)",
        "Kommunstyrelsen 2019-11-07",
        "… Mikael Berglund 1(25)",
        "Sida 2 av 4 Beslut",
        "",
        "3 (35) Protokoll från mötet",
        "§ 12 Anmälan",
        "Sida 3\t/ 9",
    ]
    with_marks = {i for i, line in enumerate(lines) if inline_marks(line)}
    assert with_marks == {0, 2, 3, 5, 7}
    assert with_marks <= marked_lines(lines)
    assert not marked_lines(["Sida 2", "(5) nästa rad", "§ 12 Anmälan"])  # not across lines


def test_words_run_together_are_parted_but_not_a_double_given_name() -> None:
    """ "KommunstyrelsenSammanträdesdatum" and "Per LindAnna Berg" are two words each;
    "JanAnders Palmqvist" is one person's double given name, written as one word."""
    assert deglue("KommunstyrelsenSammanträdesdatum Per LindAnna Berg") == (
        "Kommunstyrelsen Sammanträdesdatum Per Lind Anna Berg"
    )
    assert deglue("Ordförande: JanAnders Palmqvist") == "Ordförande: JanAnders Palmqvist"
