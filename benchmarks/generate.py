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
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

from defects import DEFECTS

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
