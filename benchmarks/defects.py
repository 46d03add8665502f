"""Planted defects for ``generate.py``: kinds, the rule that finds each, the mutation.

Each mutation damages one raw record in place so that exactly one finding of its
rule follows, on that record, and nothing else: the manifest's promise.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

Raw = dict[str, Any]

Defect = Callable[[Raw, random.Random], bool]
"""Mutates a raw record in place; False when the record does not lend itself to it."""


def _justerare_absent(record: Raw, _: random.Random) -> bool:
    absent = [a["person"] for a in record["attendance"] if a["status"] == "absent"]
    if not absent:
        return False
    record["justering"]["justerare"] = [absent[0]]
    record["justering"]["signatories"] = [record["attendance"][0]["person"], absent[0]]
    return True


def _justering_early(record: Raw, _: random.Random) -> bool:
    year, month, day = record["date"].split("-")
    if int(day) < 3:
        return False
    record["justering"]["date"] = f"{year}-{month}-{int(day) - 2:02d}"
    return True


def _no_secretary(record: Raw, _: random.Random) -> bool:
    del record["secretary"]
    return True


def _ends_before_start(record: Raw, _: random.Random) -> bool:
    record["end_time"] = "08:30"
    return True


def _present_and_absent(record: Raw, _: random.Random) -> bool:
    present = next(a for a in record["attendance"] if a["status"] == "present" and "role" not in a)
    record["attendance"].append({"person": present["person"], "status": "absent"})
    return True


def _proposal_without_target(record: Raw, _: random.Random) -> bool:
    for item in record["items"]:
        for decision in item.get("decisions", ()):
            if decision["kind"] == "proposal":
                del decision["target_body"]
                return True
    return False


def _no_quorum(record: Raw, _: random.Random) -> bool:
    ledamot = [a for a in record["attendance"] if a["status"] in ("present", "absent")]
    for entry in ledamot[2:]:
        entry["status"] = "absent"
    record["attendance"] = ledamot
    return True


def _reversed_period(record: Raw, _: random.Random) -> bool:
    period = record["period"]
    period["start"], period["end"] = period["end"], period["start"]
    return True


def _missing_reference(record: Raw, _: random.Random) -> bool:
    record["meeting"] = record["meeting"] + "-saknas"
    return True


def _bad_diarienummer(record: Raw, _: random.Random) -> bool:
    record["diarienummer"] = "dnr " + record["diarienummer"].replace("-", "")
    return True


def _unknown_field(record: Raw, _: random.Random) -> bool:
    record["titel"] = record.pop("title")
    return True


def _impossible_date(record: Raw, _: random.Random) -> bool:
    record["date"] = record["date"][:4] + "-02-30"
    return True


def _own_share_too_large(record: Raw, _: random.Random) -> bool:
    line = record["funding"][0]
    line["own_share"] = line["amount"] + 1000
    return True


def _name_not_string(record: Raw, rng: random.Random) -> bool:
    record["name"] = rng.randrange(1000, 9999)
    return True


def _missing_title(record: Raw, _: random.Random) -> bool:
    del record["title"]
    return True


def _unknown_kind(record: Raw, _: random.Random) -> bool:
    record["kind"] = "kontrakt"
    return True


def _bad_organisationsnummer(record: Raw, _: random.Random) -> bool:
    number = record["organisationsnummer"]
    record["organisationsnummer"] = number[:-1] + str((int(number[-1]) + 1) % 10)
    return True


DEFECTS: dict[str, list[tuple[str, str, Defect]]] = {
    "meeting": [
        ("justerare-not-present", "JUS001", _justerare_absent),
        ("justering-before-meeting", "JUS005", _justering_early),
        ("secretary-missing", "MTG004", _no_secretary),
        ("meeting-time-order", "DAT002", _ends_before_start),
        ("present-and-absent", "ATT001", _present_and_absent),
        ("proposal-without-target", "MTG005", _proposal_without_target),
        ("quorum-steering-group", "MTG002", _no_quorum),
    ],
    "document": [
        ("unresolved-reference", "REF001", _missing_reference),
        ("diarienummer-format", "IDN001", _bad_diarienummer),
        ("unknown-field", "LOAD004", _unknown_field),
        ("bad-value", "LOAD005", _impossible_date),
    ],
    "project": [
        ("own-share-exceeds-amount", "FUN001", _own_share_too_large),
        ("period-reversed", "DAT001", _reversed_period),
        ("wrong-type", "LOAD002", _name_not_string),
    ],
    "agreement": [
        ("missing-field", "LOAD003", _missing_title),
        ("bad-value", "LOAD005", _unknown_kind),
        ("period-reversed", "DAT001", _reversed_period),
    ],
    "municipality": [("organisationsnummer-invalid", "IDN002", _bad_organisationsnummer)],
    "person": [("duplicate-id", "IDN003", lambda _record, _rng: True)],
}
"""Planted defects per record type: (kind, the rule code that finds it, mutation)."""
