"""Counting records by field values (``grmodel count``)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from grmodel.errors import GrmodelError
from grmodel.pipeline.counting import count_records
from grmodel.plugins import get_plugin_manager

SET = """\
type: collaboration
id: c1
name: IFO-chefer
kind: network
gr_participation: true
areas: [individ_och_familjeomsorg]
---
type: collaboration
id: c2
name: VO-college
kind: agreement
gr_participation: true
areas: [äldreomsorg, funktionshinder]
---
type: collaboration
id: c3
name: KLAST
kind: network
gr_participation: false
---
type: person
id: p1
name: Not counted
"""


@pytest.fixture
def record_set(tmp_path: Path) -> Path:
    (tmp_path / "set.yaml").write_text(SET, encoding="utf-8")
    return tmp_path


def test_counts_by_kind_and_participation(record_set: Path) -> None:
    counts, matched = count_records(
        [record_set],
        get_plugin_manager(load_entrypoints=False),
        "collaboration",
        ["kind", "gr_participation"],
    )
    assert dict(counts) == {
        ("network", "true"): 1,
        ("agreement", "true"): 1,
        ("network", "false"): 1,
    }
    assert matched == 3


def test_list_fields_count_each_value_and_filters_apply(record_set: Path) -> None:
    counts, matched = count_records(
        [record_set],
        get_plugin_manager(load_entrypoints=False),
        "collaboration",
        ["areas"],
        [("gr_participation", "true")],
    )
    assert dict(counts) == {
        ("individ_och_familjeomsorg",): 1,
        ("äldreomsorg",): 1,
        ("funktionshinder",): 1,
    }
    assert matched == 2


def test_unknown_field_is_a_one_line_error(record_set: Path) -> None:
    with pytest.raises(GrmodelError, match="no field 'kinds'"):
        count_records(
            [record_set], get_plugin_manager(load_entrypoints=False), "collaboration", ["kinds"]
        )


def test_cli_json_on_the_example_data() -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "grmodel",
            "count",
            "--examples",
            "--by",
            "kind",
            "--where",
            "gr_participation=false",
            "--format",
            "json",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    rows = {row["kind"]: row["count"] for row in json.loads(result.stdout)}
    # The mapping: "Samverkan utan GRs delaktighet; tretton nätverk, och tre projekt."
    assert rows == {"network": 13, "project": 3}
