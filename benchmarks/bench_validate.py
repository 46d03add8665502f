"""Benchmark: plain JSON parsing vs loading+structuring vs full validation.

Generates a synthetic JSON Lines record set (persons, memberships and meetings
with attendance, agenda items and decisions, in a realistic mix, referring to
GR's reference bodies, member municipalities and parties) and times:

(a) ``json.loads`` of every line,
(b) :func:`grmodel.recordset.loading.load_records` (parse + structure),
(c) :func:`grmodel.validation.validate` with every rule.

Run: ``python benchmarks/bench_validate.py --records 200000``. Not part of the
test suite.
"""

from __future__ import annotations

import argparse
import gc
import json
import random
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

from grmodel.plugins import get_plugin_manager
from grmodel.recordset.loading import LoadedRecord, LoadProblem, load_records
from grmodel.validation import validate

MUNICIPALITIES = (
    "1440", "1489", "1480", "1401", "1384", "1482", "1441",
    "1462", "1481", "1402", "1415", "1419", "1407",
)  # fmt: skip
T = TypeVar("T")
PARTIES = ("S", "M", "C", "V", "MP", "KD", "SD")
GIVEN = ("Anna", "Erik", "Maria", "Lars", "Karin", "Per", "Eva", "Johan", "Åsa", "Björn")
FAMILY = ("Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Öberg")
TITLES = (
    "Val av justerare",
    "Godkännande av dagordning",
    "Föregående protokoll",
    "Verksamhetsinriktning 2020",
    "Information om projekt",
    "Remiss: samverkan inom socialtjänsten",
    "Ekonomisk uppföljning",
    "Övriga frågor",
)
PER_BODY = {"body": 1, "person": 21, "membership": 27, "meeting": 12}
"""Records per generated body: 15 ledamöter and 6 ersättare, two terms of
memberships for six of them, a year of meetings. About 34 % persons, 44 %
memberships, 20 % meetings, 2 % bodies."""
SEATS = ("1480", "1480", *MUNICIPALITIES)  # Göteborg three seats, every other member one


def _body(rng: random.Random, b: int) -> Iterator[dict[str, Any]]:
    body = f"sg{b}"
    yield {
        "type": "body",
        "id": body,
        "name": f"Styrgrupp {b}",
        "kind": "steering_group",
        "parent": "gr",
        "seats": {"total": 15, "default_per_member": 1, "per_municipality": {"1480": 3}},
    }
    people = [f"{body}-p{i}" for i in range(PER_BODY["person"])]
    for person in people:
        given, family = rng.choice(GIVEN), rng.choice(FAMILY)
        record: dict[str, Any] = {
            "type": "person",
            "id": person,
            "name": f"{given} {family}",
            "given_name": given,
            "family_name": family,
        }
        if rng.random() < 0.2:
            record["title"] = "förvaltningschef"
            record["organisation"] = "Göteborgs Stad"
        yield record
    party = {p: rng.choice(PARTIES) for p in people}
    seat = {p: SEATS[i % len(SEATS)] for i, p in enumerate(people)}
    terms = [("2019-01-01", "2022-12-31", p) for p in people]
    terms += [("2015-01-01", "2018-12-31", p) for p in people[15:21]]
    for m, (start, end, person) in enumerate(terms):
        yield {
            "type": "membership",
            "id": f"{body}-ms{m}",
            "person": person,
            "body": body,
            "role": "ledamot" if people.index(person) < 15 else "ersättare",
            "party": party[person],
            "municipality": seat[person],
            "period": {"start": start, "end": end},
        }
    paragraph = 1
    for m in range(PER_BODY["meeting"]):
        date = f"2020-{1 + m:02d}-{1 + rng.randrange(28):02d}"
        absent = set(rng.sample(range(2, 15), k=rng.randint(0, 3)))  # chair, justerare there
        attendance = [
            {
                "person": p,
                "status": "absent" if i in absent else "present",
                "party": party[p],
                "municipality": seat[p],
            }
            for i, p in enumerate(people[:15])
        ]
        attendance[0]["role"] = "ordförande"
        items = []
        for ordinal in range(1, rng.randint(4, 9)):
            item: dict[str, Any] = {
                "id": f"{body}-m{m}-p{paragraph}",
                "ordinal": ordinal,
                "title": rng.choice(TITLES),
                "number": f"§ {paragraph}.",
                "paragraph": paragraph,
            }
            if rng.random() < 0.5:
                item["decisions"] = [
                    {
                        "id": f"{body}-m{m}-p{paragraph}-d1",
                        "kind": rng.choice(("decided", "noted")),
                        "text": "Styrgruppen beslutar",
                        "clauses": ["godkänna förslaget", "lägga informationen till handlingarna"],
                    }
                ]
            paragraph += 1
            items.append(item)
        yield {
            "type": "meeting",
            "id": f"{body}-m{m}",
            "body": body,
            "date": date,
            "start_time": "09:00",
            "end_time": "12:00",
            "place": "GR, Anders Personsgatan 8",
            "attendance": attendance,
            "secretary": people[20],
            "justering": {
                "justerare": [people[1]],
                "date": date,
                "signatories": [people[0], people[1]],
            },
            "items": items,
        }


def generate(path: Path, records: int, seed: int = 1) -> int:
    """Write a synthetic record set of about ``records`` records; return the count."""
    rng = random.Random(seed)
    bodies = max(1, round(records / sum(PER_BODY.values())))
    count = 0
    with path.open("w", encoding="utf-8") as out:
        for b in range(bodies):
            for record in _body(rng, b):
                out.write(json.dumps(record, ensure_ascii=False))
                out.write("\n")
                count += 1
    return count


def _timed(label: str, count: int, run: Callable[[], T]) -> tuple[float, T]:
    """Run once; print wall and CPU time (CPU time is steadier on a busy machine)."""
    gc.collect()
    wall, cpu = time.perf_counter(), time.process_time()
    result = run()
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    print(
        f"{label:<30} {wall:7.2f} s wall {count / wall:>9,.0f} rec/s | "
        f"{cpu:7.2f} s CPU {count / cpu:>9,.0f} rec/s"
    )
    return cpu, result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--records", type=int, default=200_000, help="records to generate")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", type=Path, default=None, help="write the set here and keep it")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as tmp:
        path = args.keep or Path(tmp, "bench.jsonl")
        count = generate(path, args.records, args.seed)
        size = path.stat().st_size / 1e6
        print(f"{count:,} records, {size:.1f} MB JSON Lines ({path.name})\n")

        def parse() -> int:
            with path.open(encoding="utf-8") as handle:
                return sum(1 for line in handle if json.loads(line))

        pm = get_plugin_manager(load_entrypoints=False)
        converter = pm.converter

        def load() -> tuple[int, int]:
            loaded = problems = 0
            for item in load_records([path], converter):
                if isinstance(item, LoadedRecord):
                    loaded += 1
                elif isinstance(item, LoadProblem):
                    problems += 1
            return loaded, problems

        plain, parsed = _timed("(a) json.loads per line", count, parse)
        loading, (loaded, problems) = _timed("(b) load_records", count, load)
        rules = len(pm.rules)
        validating, report = _timed(
            f"(c) validate, {rules} rules", count, lambda: validate([path], pm)
        )
        print()
        print(f"loaded {loaded:,} records, {problems} load problems")
        top = sorted(report.summary.by_code.items(), key=lambda kv: -kv[1])[:8]
        print(f"findings: {report.summary.total:,} {dict(top)}")
        print(
            f"CPU time relative to plain parsing: load {loading / plain:.1f}x, "
            f"validate {validating / plain:.1f}x"
        )
        assert parsed == count
    return 0


if __name__ == "__main__":
    sys.exit(main())
