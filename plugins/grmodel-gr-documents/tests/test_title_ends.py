"""Where an item's title ends when its text runs on into it: a decision restating
the title, a genitive before its head, a diarienummer before the title.

The titles are invented, written as transcripts run them on.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from test_layout_classes import imported, meeting_of

from grmodel.importing.base import SourceDocument
from grmodel_gr_documents.titles import item_heading

Source = Callable[..., SourceDocument]


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # the decision restates the title's noun
        (
            "Fastställande av dagordning Dagordningen fastställs enligt förslag",
            "Fastställande av dagordning",
        ),
        (
            "Godkännande av dagordning att godkänna dagordningen 45 Val av justerare",
            "Godkännande av dagordning",
        ),
        # an "att" of the title's own, and a verb after another noun, stay
        ("Uppdrag att utreda kollektivtrafiken", "Uppdrag att utreda kollektivtrafiken"),
        ("Remiss om Nämndens ansvar för tillsynen", "Remiss om Nämndens ansvar för tillsynen"),
    ],
)
def test_a_title_restated_by_its_decision(text: str, title: str) -> None:
    assert item_heading(text)[0] == title


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # a genitive's head goes on the title; the person after it starts the text
        (
            "Exempelby kommuns Kulturstrategi Eva Lind har kommit för att informera",
            "Exempelby kommuns Kulturstrategi",
        ),
        # the diarienummer first, the next row's after the title
        (
            "Dnr 2017/00065 Godkännande av dagordning Dnr 2017/00092 Allmänhetens frågestund",
            "Dnr 2017/00065 Godkännande av dagordning",
        ),
    ],
)
def test_a_run_on_title(text: str, title: str) -> None:
    assert item_heading(text, run_on=True)[0] == title


def test_a_table_of_items_each_after_its_diarienummer(source: Source) -> None:
    """ "Ärendelista 26 Dnr 2017/00065 Godkännande av dagordning Dnr 2017/00092 …": the
    numbers after the first were lost; the first item is titled after its
    diarienummer, up to the next one (the fragment ends before the paragraphs)."""
    text = (
        "Transkript\n\n1 1(41) KOMMUNSTYRELSEN PROTOKOLL Sammanträdesdatum 2017-03-07 "
        "Beslutande Eva Lind (S), ordförande Per Holm (M) Utses att justera Per Holm\n\n"
        "2 2(41) Ärendelista 26 Dnr 2017/00065 Godkännande av dagordning Dnr 2017/00092 "
        "Allmänhetens frågestund Dnr 2017/00093 Rapporter\n"
    )
    kind, result = imported(source(text))
    assert kind == "protocol"
    titles = {i.paragraph: i.title for i in meeting_of(result).items}
    assert titles[26] == "Godkännande av dagordning"
