"""References declared on the model: walked by iter_refs, checked by REF, exported as
foreign keys; a plugin's record type gets all of it from one declaration."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import ClassVar

import attrs

from grmodel.model import (
    CORE_RECORD_TYPES,
    Attendance,
    AttendanceStatus,
    Meeting,
    PartialDate,
    Record,
    Reference,
    iter_refs,
    ref,
)
from grmodel.model.refs import ref_types
from grmodel.pipeline.exporting import export
from grmodel.plugins import GrPluginManager, get_plugin_manager, hookimpl
from grmodel.testing import codes, validate_yaml


def test_iter_refs_walks_nested_values_in_field_order() -> None:
    meeting = Meeting(
        id="m",
        body="gr-styrgruppen-social-valfard",
        date=PartialDate(2019, 11, 7),
        attendance=(
            Attendance(person="bo-ek", status=AttendanceStatus.PRESENT),
            Attendance(
                person="eva-ek", status=AttendanceStatus.SERVING_SUBSTITUTE, replaces="bo-ek"
            ),
        ),
        documents=("protokoll-2019-11-07",),
    )
    assert list(iter_refs(meeting)) == [
        Reference("gr-styrgruppen-social-valfard", ("body",), ("body",)),
        Reference("bo-ek", ("person",), ("attendance", 0, "person")),
        Reference("eva-ek", ("person",), ("attendance", 1, "person")),
        Reference("bo-ek", ("person",), ("attendance", 1, "replaces")),
        Reference("protokoll-2019-11-07", ("document",), ("documents", 0)),
    ]


def test_every_id_field_of_the_core_is_declared() -> None:
    """Fields named like references are declared as such (or deliberately are names)."""
    as_written = {  # ids *or* names as written, not references
        ("document", "author"),
        ("document", "addressee"),
        ("document", "organisation"),
        ("project", "owner"),
        ("project", "operator"),
    }
    for cls in CORE_RECORD_TYPES:
        for field in attrs.fields(cls):
            named_like_ref = field.name in {"person", "body", "meeting", "document", "parent"}
            if named_like_ref and (cls.TYPE, field.name) not in as_written:
                assert ref_types(field) is not None, (cls.TYPE, field.name)


@attrs.frozen(kw_only=True)
class Visit:
    """A nested value of the plugin's type, with a reference of its own."""

    person: str = ref("person")


@attrs.frozen(kw_only=True)
class SiteVisit(Record):
    """A plugin's record type: a study visit of a body to a site."""

    TYPE: ClassVar[str] = "site_visit"

    body: str = ref("body")
    visits: tuple[Visit, ...] = ()
    about: str | None = ref(default=None)


class SitePlugin:
    @hookimpl
    def grmodel_record_types(self) -> list[type[Record]]:
        return [SiteVisit]


SITE_SET = """\
type: person
id: bo-ek
name: Bo Ek
---
type: site_visit
id: besok-1
body: gr-forbundsstyrelsen
visits:
  - person: bo-ek
  - person: no-such-person
about: bo-ek
"""


def _pm() -> GrPluginManager:
    return get_plugin_manager(load_entrypoints=False, plugins=[("sites", SitePlugin())])


def test_a_plugin_type_s_references_are_checked_by_ref(tmp_path: Path) -> None:
    findings = validate_yaml(SITE_SET, pm=_pm(), select=["REF"])
    assert codes(findings) == ["REF001"]
    (finding,) = findings
    assert finding.line == 10  # the unknown person's line
    assert finding.path == "visits[1].person"
    assert "'no-such-person' names no person" in finding.message


def test_a_plugin_type_s_references_are_sqlite_foreign_keys(tmp_path: Path) -> None:
    source = tmp_path / "set.yaml"
    source.write_text(SITE_SET, encoding="utf-8")
    target = tmp_path / "set.sqlite"
    export("sqlite", [source], target, _pm())
    with sqlite3.connect(target) as db:
        keys = {
            (row[3], row[2])
            for row in db.execute("PRAGMA foreign_key_list(extra_record_references)")
        }
        assert {
            ("person_id", "persons"),
            ("body_id", "bodies"),
            ("record_id", "extra_records"),
        } <= keys
        rows = db.execute(
            "SELECT field, ref_id, body_id, person_id FROM extra_record_references ORDER BY ordinal"
        ).fetchall()
        assert rows == [
            ("body", "gr-forbundsstyrelsen", "gr-forbundsstyrelsen", None),
            ("visits.0.person", "bo-ek", None, "bo-ek"),
            ("visits.1.person", "no-such-person", None, "no-such-person"),
            ("about", "bo-ek", None, None),  # any type: no foreign key
        ]
        origins = dict(db.execute("SELECT id, origin FROM persons").fetchall())
        assert origins == {"bo-ek": "record", "no-such-person": "stub"}
        assert db.execute(
            "SELECT origin FROM bodies WHERE id = 'gr-forbundsstyrelsen'"
        ).fetchone() == ("refdata",)
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
