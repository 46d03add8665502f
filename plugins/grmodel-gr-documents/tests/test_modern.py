"""Modern document styles (2015 onwards) and the header spellings they use."""

from __future__ import annotations

from collections.abc import Callable

from grmodel_gr_documents.agenda import parse_agenda
from grmodel_gr_documents.combined import find_parts
from grmodel_gr_documents.plugin import detect

from grmodel.importing.base import ImportResult, SourceDocument
from grmodel.model import ItemKind, Meeting, MeetingStatus

Source = Callable[..., SourceDocument]


def planned(result: ImportResult) -> Meeting:
    return next(r for r in result.records if isinstance(r, Meeting))


KALLELSE_2015 = """\
KALLELSE
Styrgruppen för arbetsmarknad
Datum: torsdag 12 mars 2015
Tid: kl. 13.00–16.00
Plats: GR, Gårdavägen 2, Göteborg

Förslag till dagordning

1. Val av justerare
2. Godkännande av dagordning
3. Arbetsmarknadsläget i Göteborgsregionen (handling bifogas)
   Informationsärende
4. Yttrande över remiss om etableringsuppdraget
   Beslutsärende
5. Verksamhetsplan 2016
   Strategifråga
6. Övriga frågor

Välkomna!
Maria Andersson, ordförande
"""


def test_item_titled_verksamhetsplan_is_not_a_part(
    source: Source, check_accounting: Callable[[ImportResult], None]
) -> None:
    """A numbered item whose title names a verksamhetsplan does not start a new part."""
    document = source(KALLELSE_2015)
    assert len(find_parts(document)) == 1
    assert detect(document) == "agenda"
    result = parse_agenda(document)
    check_accounting(result)
    assert str(result.document.kind) == "dagordning"
    meeting = planned(result)
    assert meeting.status is MeetingStatus.PLANNED
    assert str(meeting.date) == "2015-03-12"
    assert (str(meeting.start_time), str(meeting.end_time)) == ("13:00:00", "16:00:00")
    assert meeting.place == "GR, Gårdavägen 2, Göteborg"
    assert [i.title for i in meeting.items] == [
        "Val av justerare",
        "Godkännande av dagordning",
        "Arbetsmarknadsläget i Göteborgsregionen",
        "Yttrande över remiss om etableringsuppdraget",
        "Verksamhetsplan 2016",
        "Övriga frågor",
    ]
    assert [i.kind for i in meeting.items][:5] == [
        None,
        None,
        ItemKind.INFORMATIONSARENDE,
        ItemKind.BESLUTSARENDE,
        ItemKind.STRATEGIFRAGA,
    ]
    assert meeting.items[5].kind in (None, ItemKind.OVRIGT)
    assert [i.attachment for i in meeting.items] == [False, False, True, False, False, False]
