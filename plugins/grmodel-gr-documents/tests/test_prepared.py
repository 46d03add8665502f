"""What is read once per document: the trackers handed out are the trackers a fresh
read makes, and each caller's placing stays its own."""

from __future__ import annotations

from collections.abc import Callable

from grmodel.importing.base import SourceDocument
from grmodel_gr_documents.building import per_document, tracker_for
from grmodel_gr_documents.lines import Tracker

TEXT = (
    "Protokoll 2019-11-07\n"
    "Göteborgsregionens kommunalförbund\n"
    "\n"
    "Närvarande: Anna Berg (S), Ale\n"
    "Social-\n"
    "sekreterare Bo Ek\n"
    "Sida 2 (3)\n"
    "Protokoll 2019-11-07\n"
    "Göteborgsregionens kommunalförbund\n"
    "§ 12 Informationen antecknas.\n"
    "Sida 3 (3)\n"
)


def _state(tracker: Tracker) -> dict[str, object]:
    return dict(vars(tracker))


def test_tracker_for_is_a_fresh_read(source: Callable[..., SourceDocument]) -> None:
    document = source(TEXT)
    for within in (None, range(4, 8), range(8, 12)):
        assert _state(tracker_for(document, within)) == _state(Tracker(document.lines, within))
        # asked again, from what was read the first time
        assert _state(tracker_for(document, within)) == _state(Tracker(document.lines, within))


def test_placing_stays_with_its_tracker(source: Callable[..., SourceDocument]) -> None:
    document = source(TEXT)
    first = tracker_for(document)
    first.place(4, 5)
    assert first.placed == {4, 5, 6}  # the hyphenated break is placed with its line
    second = tracker_for(document)
    assert second.placed == set()
    assert second.continuations == first.continuations
    assert second.continuations is not first.continuations


def test_only_the_last_document_is_kept(source: Callable[..., SourceDocument]) -> None:
    made: list[str] = []

    def make(name: str) -> Callable[[], str]:
        return lambda: made.append(name) or name

    one, other = source("Protokoll A\n", "one.txt"), source("Protokoll B\n", "other.txt")
    assert per_document(one, "key", make("one")) == "one"
    assert per_document(one, "key", make("again")) == "one"
    assert per_document(other, "key", make("other")) == "other"
    assert per_document(one, "key", make("one, read anew")) == "one, read anew"
    assert made == ["one", "other", "one, read anew"]
