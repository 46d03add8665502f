"""Bodies that another plugin registers (a new association) are known to the importers."""

from __future__ import annotations

import types
from pathlib import Path

from grmodel import Body, BodyKind, Meeting, SeatAllocation
from grmodel.pipeline.importing import import_path
from grmodel.plugins import get_plugin_manager, hookimpl
from grmodel_gr_documents import plugin as documents_plugin

PROTOCOL = """\
Protokoll från sammanträde med Styrelsen för Fyrbodals kommunalförbund
Tid: 2021-03-04 kl. 09:00-12:00
Plats: Uddevalla

Närvarande ledamöter
Anna Andersson (S), Uddevalla, ordförande
Bo Berg (M), Lysekil

§ 1 Val av justerare
Bo Berg utses till justerare.
"""


def _association_plugin() -> types.SimpleNamespace:
    @hookimpl
    def grmodel_reference_bodies() -> list[Body]:
        return [
            Body(
                id="fyrbodal-styrelsen",
                name="Styrelsen för Fyrbodals kommunalförbund",
                kind=BodyKind.BOARD,
                seats=SeatAllocation(total=14),
            )
        ]

    return types.SimpleNamespace(grmodel_reference_bodies=grmodel_reference_bodies)


def test_protocol_of_a_plugin_registered_body(tmp_path: Path) -> None:
    source = tmp_path / "fyrbodal.txt"
    source.write_text(PROTOCOL, encoding="utf-8")
    pm = get_plugin_manager(
        load_entrypoints=False,
        plugins=[("gr-documents", documents_plugin), ("fyrbodal", _association_plugin())],
    )
    result = import_path(source, pm, kind="protocol")
    (meeting,) = [r for r in result.records if isinstance(r, Meeting)]
    assert meeting.body == "fyrbodal-styrelsen"
    assert meeting.id == "fyrbodal-styrelsen-2021-03-04"

    without = get_plugin_manager(
        load_entrypoints=False, plugins=[("gr-documents", documents_plugin)]
    )
    (other,) = [
        r for r in import_path(source, without, kind="protocol").records if isinstance(r, Meeting)
    ]
    assert other.body != "fyrbodal-styrelsen"
