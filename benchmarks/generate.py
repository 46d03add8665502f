"""Generate a realistic synthetic record set in grmodel's own format, with planted defects.

The set is national: the 290 municipalities and 21 counties of the reference data,
associations of municipalities (kommunalförbund) of 13 members each, and per
generated unit a steering group with its persons, memberships (a chair, a vice
chair, ledamöter, ersättare), four years of meetings (eight a year, with
attendance, serving ersättare, justering, agenda items numbered on from meeting to
meeting, decisions), the meetings' protocols and staff reports, and the unit's
projects (with funding lines) and agreements. Every reference resolves, and the set
validates clean with every rule of the core and of the plugins in ``plugins/``.

With ``--defects RATE`` about that share of the records carries one planted defect
of a known kind; ``DIR/manifest.json`` lists them as ``{"record": id, "kind":
kind, "code": rule code}``: each is found by that rule, once.

Run: ``python benchmarks/generate.py --records 100000 --defects 0.01 -o /tmp/set``.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
from collections.abc import Callable, Iterator
from importlib import resources
from pathlib import Path
from typing import Any

Raw = dict[str, Any]

FILES = (
    "counties",
    "municipalities",
    "bodies",
    "persons",
    "memberships",
    "meetings",
    "documents",
    "projects",
    "agreements",
)
"""One JSON Lines file per record type, in dependency order (``01-counties.jsonl`` …)."""
RECORDS = "records"
"""The directory under the output that holds the record files (``manifest.json`` beside it
is not a record file)."""

PARTIES = ("S", "M", "C", "V", "MP", "KD", "L", "SD")
GIVEN = ("Anna", "Erik", "Maria", "Lars", "Karin", "Per", "Eva", "Johan", "Åsa", "Björn")
FAMILY = ("Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Öberg")
TITLES = (
    "Godkännande av dagordning",
    "Föregående protokoll",
    "Verksamhetsinriktning",
    "Information om projekt",
    "Remiss: samverkan inom socialtjänsten",
    "Ekonomisk uppföljning",
    "Övriga frågor",
)
AREAS = ("äldreomsorg", "funktionshinder", "individ_och_familjeomsorg", "psykiatri", "utbildning")
MEMBERS_PER_ASSOCIATION = 13
ERSATTARE = 6
YEARS = (2019, 2020, 2021, 2022)
MEETINGS_PER_YEAR = 8


def _csv(name: str) -> list[dict[str, str]]:
    text = (resources.files("grmodel.refdata") / "data" / name).read_text(encoding="utf-8")
    return list(csv.DictReader(text.splitlines()))


def _luhn_digit(digits: str) -> str:
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char) * (2 if index % 2 == 0 else 1)
        total += value - 9 if value > 9 else value
    return str((10 - total % 10) % 10)


def organisationsnummer(code: str) -> str:
    """A well-formed organisationsnummer for a kommunkod (synthetic, Luhn-valid)."""
    digits = "212" + code[:2] + "0" + code[2:] + "0"
    return f"{digits[:6]}-{digits[6:]}{_luhn_digit(digits)}"


class Generator:
    """Builds records unit by unit; state needed across units lives here."""

    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        self.municipalities = [r for r in _csv("municipalities.csv") if not r["valid_to"]]
        codes = sorted(r["code"] for r in self.municipalities)
        step = MEMBERS_PER_ASSOCIATION
        self.associations = [codes[i : i + step] for i in range(0, len(codes), step)]

    def reference_records(self) -> Iterator[tuple[str, Raw]]:
        """Counties, municipalities and associations."""
        for row in _csv("counties.csv"):
            if not row["valid_to"]:
                yield (
                    "counties",
                    {
                        "type": "county",
                        "id": f"lan-{row['code']}",
                        "code": row["code"],
                        "name": row["name"],
                    },
                )
        for row in self.municipalities:
            yield (
                "municipalities",
                {
                    "type": "municipality",
                    "id": f"kommun-{row['code']}",
                    "code": row["code"],
                    "name": row["name"],
                    "county": row["county_code"],
                    "organisationsnummer": organisationsnummer(row["code"]),
                },
            )
        for a, members in enumerate(self.associations):
            yield (
                "bodies",
                {
                    "type": "body",
                    "id": f"forbund-{a}",
                    "name": f"Kommunalförbund {a}",
                    "kind": "association",
                    "members": members,
                },
            )

    def unit(self, u: int) -> Iterator[tuple[str, Raw]]:
        """One steering group with its people, meetings, documents, projects, agreements."""
        rng = self.rng
        a = u % len(self.associations)
        members = self.associations[a]
        body = f"sg{u}"
        first = members[0]
        seats = len(members) + 2  # the first member has three seats
        yield (
            "bodies",
            {
                "type": "body",
                "id": body,
                "name": f"Styrgrupp {u}",
                "kind": "steering_group",
                "parent": f"forbund-{a}",
                "seats": {"total": seats, "default_per_member": 1, "per_municipality": {first: 3}},
            },
        )
        ledamot = [f"{body}-p{i}" for i in range(seats)]
        ersattare = [f"{body}-e{i}" for i in range(ERSATTARE)]
        secretary = f"{body}-sekr"
        seat = {p: ([first, first, *members])[i] for i, p in enumerate(ledamot)}
        seat.update({p: members[i % len(members)] for i, p in enumerate(ersattare)})
        party = {p: rng.choice(PARTIES) for p in (*ledamot, *ersattare)}
        for person in (*ledamot, *ersattare, secretary):
            given, family = rng.choice(GIVEN), rng.choice(FAMILY)
            record: Raw = {
                "type": "person",
                "id": person,
                "name": f"{given} {family}",
                "given_name": given,
                "family_name": family,
            }
            if person == secretary:
                record.update(title="nämndsekreterare", organisation="Kommunalförbundet")
            yield "persons", record
        yield from self._memberships(body, ledamot, ersattare, party, seat)
        paragraph = 1
        for year in YEARS:
            for m in range(MEETINGS_PER_YEAR):
                meeting_id = f"{body}-{year}-{m}"
                day = (
                    f"{year}-{1 + m * 12 // MEETINGS_PER_YEAR + 1:02d}-{1 + rng.randrange(27):02d}"
                )
                meeting, paragraph = self._meeting(
                    meeting_id,
                    body,
                    f"forbund-{a}",
                    day,
                    ledamot,
                    ersattare,
                    secretary,
                    party,
                    seat,
                    paragraph,
                )
                yield "meetings", meeting
                yield (
                    "documents",
                    {
                        "type": "document",
                        "id": f"{meeting_id}-protokoll",
                        "kind": "protokoll",
                        "title": f"Protokoll Styrgrupp {u}",
                        "date": day,
                        "meeting": meeting_id,
                        "diarienummer": f"{year}-{rng.randrange(1, 99999):05d}",
                        "organisation": body,
                    },
                )
        yield from self._projects(body, members, u)

    def _memberships(
        self,
        body: str,
        ledamot: list[str],
        ersattare: list[str],
        party: dict[str, str],
        seat: dict[str, str],
    ) -> Iterator[tuple[str, Raw]]:
        roles = ["ordförande", "vice_ordförande"] + ["ledamot"] * (len(ledamot) - 2)
        people = list(zip(ledamot, roles, strict=True)) + [(p, "ersättare") for p in ersattare]
        for m, (person, role) in enumerate(people):
            yield (
                "memberships",
                {
                    "type": "membership",
                    "id": f"{body}-ms{m}",
                    "person": person,
                    "body": body,
                    "role": role,
                    "party": party[person],
                    "municipality": seat[person],
                    "period": {"start": f"{YEARS[0]}-01-01", "end": f"{YEARS[-1]}-12-31"},
                },
            )

    def _meeting(
        self,
        meeting_id: str,
        body: str,
        parent: str,
        day: str,
        ledamot: list[str],
        ersattare: list[str],
        secretary: str,
        party: dict[str, str],
        seat: dict[str, str],
        paragraph: int,
    ) -> tuple[Raw, int]:
        rng = self.rng
        absent = rng.sample(range(2, len(ledamot)), k=rng.randint(0, 3))  # chair, justerare there
        attendance: list[Raw] = []
        for i, p in enumerate(ledamot):
            entry: Raw = {
                "person": p,
                "status": "absent" if i in absent else "present",
                "party": party[p],
                "municipality": seat[p],
            }
            if i == 0:
                entry["role"] = "ordförande"
            attendance.append(entry)
        for substitute, replaced in zip(ersattare, absent, strict=False):
            attendance.append(
                {
                    "person": substitute,
                    "status": "serving_substitute",
                    "party": party[substitute],
                    "municipality": seat[substitute],
                    "replaces": ledamot[replaced],
                }
            )
        items: list[Raw] = []
        for ordinal in range(1, rng.randint(4, 9)):
            item: Raw = {
                "id": f"{meeting_id}-p{paragraph}",
                "ordinal": ordinal,
                "title": rng.choice(TITLES),
                "number": f"§ {paragraph}.",
                "paragraph": paragraph,
            }
            if rng.random() < 0.5:
                item["decisions"] = [_decision(rng, f"{meeting_id}-p{paragraph}-d1", parent)]
            items.append(item)
            paragraph += 1
        return {
            "type": "meeting",
            "id": meeting_id,
            "body": body,
            "date": day,
            "start_time": "09:00",
            "end_time": "12:00",
            "place": "Förbundets lokaler",
            "attendance": attendance,
            "secretary": secretary,
            "justering": {
                "justerare": [ledamot[1]],
                "date": day,
                "signatories": [ledamot[0], ledamot[1]],
            },
            "items": items,
        }, paragraph

    def _projects(self, body: str, members: list[str], u: int) -> Iterator[tuple[str, Raw]]:
        rng = self.rng
        start = rng.choice(YEARS)
        participants = sorted(rng.sample(members, k=min(len(members), rng.randint(2, 6))))
        amount = rng.randrange(100, 5000) * 1000
        yield (
            "projects",
            {
                "type": "project",
                "id": f"{body}-projekt",
                "name": f"Projekt {u}",
                "owner": body,
                "participants": participants,
                "period": {"start": f"{start}-01-01", "end": f"{start + 2}-12-31"},
                "areas": [rng.choice(AREAS)],
                "funding": [
                    {
                        "funder": "Länsstyrelsen",
                        "amount": amount,
                        "own_share": amount // 2,
                        "status": "granted",
                    }
                ],
                "goals": ["Samordnad uppföljning", "Gemensam kompetensutveckling"],
                "bodies": [body],
            },
        )
        yield (
            "agreements",
            {
                "type": "agreement",
                "id": f"{body}-avtal",
                "kind": "samverkansavtal",
                "title": f"Samverkansavtal {u}",
                "parties": participants,
                "period": {"start": f"{start}-01-01", "end": f"{start + 3}-12-31"},
                "signed": f"{start - 1}-12-15",
                "areas": [rng.choice(AREAS)],
            },
        )


def _decision(rng: random.Random, decision_id: str, target: str) -> Raw:
    kind = rng.choice(("decided", "noted", "proposal"))
    decision: Raw = {
        "id": decision_id,
        "kind": kind,
        "text": "Styrgruppen beslutar",
        "clauses": ["godkänna förslaget"],
    }
    if kind == "proposal":
        decision["target_body"] = target
    return decision


# --- defects -----------------------------------------------------------------------

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


def generate(out: Path, records: int, defects: float = 0.0, seed: int = 1) -> tuple[int, list[Raw]]:
    """Write about ``records`` records (whole units) to ``out``; return the count and manifest."""
    (out / RECORDS).mkdir(parents=True, exist_ok=True)
    gen = Generator(seed)
    defect_rng = random.Random(seed + 1)
    handles = {
        name: (out / RECORDS / f"{i + 1:02d}-{name}.jsonl").open("w", encoding="utf-8")
        for i, name in enumerate(FILES)
    }
    manifest: list[Raw] = []
    count = 0

    def write(name: str, record: Raw) -> None:
        nonlocal count
        copies = [record]
        if defects and defect_rng.random() < defects:
            copies += _plant(record, defect_rng, manifest)
        for copy in copies:
            handles[name].write(json.dumps(copy, ensure_ascii=False))
            handles[name].write("\n")
            count += 1

    try:
        for name, record in gen.reference_records():
            write(name, record)
        unit = 0
        while count < records:
            for name, record in gen.unit(unit):
                write(name, record)
            unit += 1
    finally:
        for handle in handles.values():
            handle.close()
    (out / "manifest.json").write_text(
        json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    return count, manifest


def _plant(record: Raw, rng: random.Random, manifest: list[Raw]) -> list[Raw]:
    """Plant one defect in ``record``; return extra copies to write (a duplicate id)."""
    choices = DEFECTS.get(record["type"], [])
    if not choices:
        return []
    kind, code, mutate = rng.choice(choices)
    if not mutate(record, rng):
        return []
    manifest.append({"record": record["id"], "kind": kind, "code": code})
    return [dict(record)] if code == "IDN003" else []


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--records", type=int, required=True, help="about this many records")
    parser.add_argument("--defects", type=float, default=0.0, help="share of records to damage")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("-o", "--output", type=Path, required=True, help="directory to write")
    args = parser.parse_args(argv)
    if not 0.0 <= args.defects <= 1.0:
        parser.error("--defects is a share between 0 and 1")
    count, manifest = generate(args.output, args.records, args.defects, args.seed)
    print(f"{count:,} records, {len(manifest):,} planted defects in {args.output / RECORDS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
