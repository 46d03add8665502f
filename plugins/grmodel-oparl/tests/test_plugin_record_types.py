"""A plugin's record type: its declared references become links to OParl objects."""

from __future__ import annotations

import json
from pathlib import Path
from typing import ClassVar

import attrs
import grmodel_oparl.plugin

from grmodel.exporting.base import ExportOptions
from grmodel.model import Record, ref
from grmodel.pipeline.exporting import export
from grmodel.plugins import get_plugin_manager, hookimpl

BASE = "https://data.example.org/oparl"


@attrs.frozen(kw_only=True)
class SiteVisit(Record):
    """A study visit of a body, with a host person."""

    TYPE: ClassVar[str] = "site_visit"

    body: str = ref("body")
    host: str = ref("person")
    about: str | None = ref(default=None)


class SitePlugin:
    @hookimpl
    def grmodel_record_types(self) -> list[type[Record]]:
        return [SiteVisit]


def test_references_of_a_plugin_type_are_links(tmp_path: Path) -> None:
    pm = get_plugin_manager(
        load_entrypoints=False,
        plugins=[("sites", SitePlugin()), ("oparl", grmodel_oparl.plugin)],
    )
    source = tmp_path / "set.yaml"
    source.write_text(
        "type: person\nid: bo-ek\nname: Bo Ek\n---\n"
        "type: site_visit\nid: besok-1\nbody: gr-forbundsstyrelsen\nhost: bo-ek\nabout: bo-ek\n",
        encoding="utf-8",
    )
    out = tmp_path / "oparl"
    export("oparl", [source], out, pm, options=ExportOptions(base_url=BASE))
    records = json.loads((out / "grmodel" / "records.json").read_text(encoding="utf-8"))
    assert records["grmodel:links"] == {
        "besok-1": {
            "body": f"{BASE}/organization/gr-forbundsstyrelsen",
            "host": f"{BASE}/person/bo-ek",
        }
    }
    # The links resolve: the referenced objects are in the export.
    assert (out / "organization" / "gr-forbundsstyrelsen.json").is_file()
    assert (out / "person" / "bo-ek.json").is_file()
