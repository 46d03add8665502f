#!/usr/bin/env python3
"""Consistency checks for grmodel's reference data files.

Standalone: ``python3 tests/refdata/check_data_files.py`` from the repo root
(or from anywhere; paths are resolved relative to this file). Uses only the
standard library plus PyYAML for bodies.yaml. Exits non-zero on failure.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
import sys
from collections import Counter
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "src" / "grmodel" / "refdata" / "data"

EXPECTED_PER_COUNTY = {
    "01": 26,
    "03": 8,
    "04": 9,
    "05": 13,
    "06": 13,
    "07": 8,
    "08": 12,
    "09": 1,
    "10": 5,
    "12": 33,
    "13": 6,
    "14": 49,
    "17": 16,
    "18": 12,
    "19": 10,
    "20": 15,
    "21": 10,
    "22": 7,
    "23": 8,
    "24": 15,
    "25": 14,
}

ANCHORS = {
    "1440": ("Ale", "14"),
    "1489": ("Alingsås", "14"),
    "1480": ("Göteborg", "14"),
    "1401": ("Härryda", "14"),
    "1482": ("Kungälv", "14"),
    "1441": ("Lerum", "14"),
    "1462": ("Lilla Edet", "14"),
    "1481": ("Mölndal", "14"),
    "1402": ("Partille", "14"),
    "1415": ("Stenungsund", "14"),
    "1419": ("Tjörn", "14"),
    "1407": ("Öckerö", "14"),
    "1384": ("Kungsbacka", "13"),
    "1421": ("Orust", "14"),
    "1488": ("Trollhättan", "14"),
    "1430": ("Munkedal", "14"),
    "1427": ("Sotenäs", "14"),
    "1484": ("Lysekil", "14"),
    "1435": ("Tanum", "14"),
    "1486": ("Strömstad", "14"),
    "1290": ("Kristianstad", "12"),
    "0580": ("Linköping", "05"),
    "0180": ("Stockholm", "01"),
    "0380": ("Uppsala", "03"),
    "0980": ("Gotland", "09"),
    "1280": ("Malmö", "12"),
    "0330": ("Knivsta", "03"),
    "0331": ("Heby", "03"),
    "1917": ("Heby", "19"),
    "2023": ("Malung-Sälen", "20"),
    "1438": ("Dals-Ed", "14"),
    "0114": ("Upplands Väsby", "01"),
    "2284": ("Örnsköldsvik", "22"),
}

BODY_KINDS = {
    "association",
    "assembly",
    "board",
    "presidium",
    "steering_group",
    "network",
    "working_group",
    "knowledge_centre",
    "project_group",
    "meeting_place",
    "external_authority",
    "other",
}
BODY_KEYS = {"id", "name", "kind", "parent", "members", "seats", "names", "description"}

errors: list[str] = []


def fail(msg: str) -> None:
    errors.append(msg)


def parse_date(value: str, where: str, end: bool = False) -> dt.date | None:
    if value == "":
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        fail(f"{where}: bad ISO date {value!r}")
        return None


def read_csv(name: str, header: list[str]) -> list[dict[str, str]]:
    path = DATA / name
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh)
        got = next(reader)
        if got != header:
            fail(f"{name}: header {got} != {header}")
        rows = []
        for lineno, row in enumerate(reader, start=2):
            if len(row) != len(header):
                fail(f"{name}:{lineno}: {len(row)} fields, expected {len(header)}")
                continue
            rows.append(dict(zip(header, row, strict=False)))
    return rows


def overlaps(a_from, a_to, b_from, b_to) -> bool:
    lo = dt.date.min
    hi = dt.date.max
    return (a_from or lo) <= (b_to or hi) and (b_from or lo) <= (a_to or hi)


def check_counties() -> set[str]:
    rows = read_csv("counties.csv", ["code", "name", "valid_from", "valid_to"])
    codes = [r["code"] for r in rows]
    if len(rows) != 21:
        fail(f"counties.csv: {len(rows)} rows, expected 21")
    if len(set(codes)) != len(codes):
        fail("counties.csv: duplicate codes")
    if set(codes) != set(EXPECTED_PER_COUNTY):
        fail(f"counties.csv: codes {sorted(codes)} differ from expected")
    for r in rows:
        if not re.fullmatch(r"\d{2}", r["code"]):
            fail(f"counties.csv: bad code {r['code']!r}")
        if not r["name"].endswith(" län"):
            fail(f"counties.csv: odd name {r['name']!r}")
        parse_date(r["valid_from"], f"counties {r['code']}")
        parse_date(r["valid_to"], f"counties {r['code']}")
    print(f"counties.csv: {len(rows)} counties")
    return set(codes)


def check_municipalities(county_codes: set[str]) -> None:
    rows = read_csv("municipalities.csv", ["code", "name", "county_code", "valid_from", "valid_to"])
    codes = [r["code"] for r in rows]
    dups = [c for c, n in Counter(codes).items() if n > 1]
    if dups:
        fail(f"municipalities.csv: duplicate codes {dups}")
    current = [r for r in rows if r["valid_to"] == ""]
    for r in rows:
        where = f"municipality {r['code']}"
        if not re.fullmatch(r"\d{4}", r["code"]):
            fail(f"{where}: code is not 4 digits")
        if r["code"][:2] != r["county_code"]:
            fail(f"{where}: prefix != county_code {r['county_code']}")
        if r["county_code"] not in county_codes:
            fail(f"{where}: county {r['county_code']} not in counties.csv")
        if not r["name"] or r["name"] != r["name"].strip():
            fail(f"{where}: bad name {r['name']!r}")
        f = parse_date(r["valid_from"], where)
        t = parse_date(r["valid_to"], where)
        if f and t and f > t:
            fail(f"{where}: valid_from after valid_to")
    if len(current) != 290:
        fail(f"municipalities.csv: {len(current)} current rows, expected 290")
    cur_names = [r["name"] for r in current]
    dup_names = [n for n, k in Counter(cur_names).items() if k > 1]
    if dup_names:
        fail(f"municipalities.csv: duplicate current names {dup_names}")
    per_county = Counter(r["county_code"] for r in current)
    for cc, n in EXPECTED_PER_COUNTY.items():
        if per_county.get(cc, 0) != n:
            fail(f"county {cc}: {per_county.get(cc, 0)} current municipalities, expected {n}")
    by_code = {r["code"]: r for r in rows}
    for code, (name, cc) in ANCHORS.items():
        r = by_code.get(code)
        if r is None:
            fail(f"anchor {code} {name} missing")
        elif (r["name"], r["county_code"]) != (name, cc):
            fail(f"anchor {code}: got {r['name']},{r['county_code']} expected {name},{cc}")
    # Specific history rows.
    expect_hist = {
        "1917": ("", "2006-12-31"),
        "0331": ("2007-01-01", ""),
        "0330": ("2003-01-01", ""),
    }
    for code, (vf, vt) in expect_hist.items():
        r = by_code.get(code)
        if r and (r["valid_from"], r["valid_to"]) != (vf, vt):
            fail(f"{code}: validity {r['valid_from']}..{r['valid_to']} expected {vf}..{vt}")
    print(
        f"municipalities.csv: {len(rows)} rows, {len(current)} currently valid, "
        f"{len(rows) - len(current)} historical"
    )
    print("  per county: " + ", ".join(f"{cc}={per_county[cc]}" for cc in sorted(per_county)))


def check_parties() -> None:
    rows = read_csv(
        "parties.csv", ["abbreviation", "name", "valid_from", "valid_to", "successor", "aliases"]
    )
    abbrs = [r["abbreviation"] for r in rows]
    if len(set(abbrs)) != len(abbrs):
        fail("parties.csv: duplicate abbreviations")
    for needed in ["S", "M", "C", "V", "MP", "KD", "KDS", "SD", "FP", "L", "VägV", "D"]:
        if needed not in abbrs:
            fail(f"parties.csv: missing {needed}")
    parsed = []
    for r in rows:
        where = f"party {r['abbreviation']}"
        f = parse_date(r["valid_from"], where)
        t = parse_date(r["valid_to"], where)
        if f and t and f > t:
            fail(f"{where}: valid_from after valid_to")
        if r["successor"] and r["successor"] not in abbrs:
            fail(f"{where}: successor {r['successor']!r} unknown")
        aliases = [a for a in r["aliases"].split("|") if a] if r["aliases"] else []
        if any(a != a.strip() for a in aliases):
            fail(f"{where}: alias with surrounding whitespace")
        # Every name a party can be looked up by, compared case-insensitively.
        keys = {r["abbreviation"].casefold()} | {a.casefold() for a in aliases}
        parsed.append((r["abbreviation"], f, t, keys, r))
    by_abbr = {p[0]: p for p in parsed}
    for abbr, _f, t, _keys, r in parsed:
        if r["successor"]:
            succ = by_abbr[r["successor"]]
            if t is None or succ[1] is None or succ[1] != t + dt.timedelta(days=1):
                fail(f"party {abbr}: successor {r['successor']} should start the day after {t}")
    n_pairs = 0
    for i, (a, af, at, ak, _) in enumerate(parsed):
        for b, bf, bt, bk, _ in parsed[i + 1 :]:
            if overlaps(af, at, bf, bt):
                n_pairs += 1
                clash = ak & bk
                if clash:
                    fail(f"parties {a} and {b} overlap in time and share {sorted(clash)}")
    print(
        f"parties.csv: {len(rows)} parties, {n_pairs} overlapping pairs checked for alias clashes"
    )


def check_bodies(muni_codes: set[str]) -> None:
    path = DATA / "bodies.yaml"
    with path.open(encoding="utf-8") as fh:
        bodies = yaml.safe_load(fh)
    if not isinstance(bodies, list):
        fail("bodies.yaml: top level is not a list")
        return
    ids = [b.get("id") for b in bodies]
    dups = [i for i, n in Counter(ids).items() if n > 1]
    if dups:
        fail(f"bodies.yaml: duplicate ids {dups}")
    idset = set(ids)
    year_or_date = re.compile(r"\d{4}(-\d{2}-\d{2})?")
    for b in bodies:
        bid = b.get("id")
        where = f"body {bid}"
        extra = set(b) - BODY_KEYS
        if extra:
            fail(f"{where}: unknown keys {sorted(extra)}")
        for key in ("id", "name", "kind", "description"):
            if not isinstance(b.get(key), str) or not b[key]:
                fail(f"{where}: missing/empty {key}")
        if isinstance(bid, str) and not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", bid):
            fail(f"{where}: id is not a lower-case slug")
        if b.get("kind") not in BODY_KINDS:
            fail(f"{where}: bad kind {b.get('kind')!r}")
        if "parent" in b and b["parent"] not in idset:
            fail(f"{where}: parent {b['parent']!r} not a known id")
        if "members" in b:
            if b.get("kind") != "association":
                fail(f"{where}: members only allowed on the association")
            for m in b["members"]:
                if not isinstance(m, str) or m not in muni_codes:
                    fail(f"{where}: member {m!r} is not a municipality code string")
        seats = b.get("seats")
        if seats is not None:
            if set(seats) - {"total", "per_municipality", "default_per_member"}:
                fail(f"{where}: unknown seats keys")
            pm = seats.get("per_municipality", {})
            for code, n in pm.items():
                if not isinstance(code, str) or code not in muni_codes:
                    fail(f"{where}: seats key {code!r} is not a municipality code string")
                if not isinstance(n, int) or n < 0:
                    fail(f"{where}: bad seat count {n!r}")
        for entry in b.get("names", []) or []:
            if set(entry) != {"name", "start", "end"}:
                fail(f"{where}: names entry keys {sorted(entry)}")
            for k in ("start", "end"):
                v = entry.get(k)
                if v is not None and not (isinstance(v, str) and year_or_date.fullmatch(v)):
                    fail(f"{where}: names {k} {v!r} must be a year/date string or null")
    # Detect parent cycles.
    parent = {b["id"]: b.get("parent") for b in bodies if "id" in b}
    for start in parent:
        seen, cur = set(), start
        while cur is not None:
            if cur in seen:
                fail(f"bodies.yaml: parent cycle at {start}")
                break
            seen.add(cur)
            cur = parent.get(cur)
    # Association members and steering-group seat arithmetic.
    by_id = {b["id"]: b for b in bodies}
    gr = by_id.get("gr")
    members = gr.get("members", []) if gr else []
    if len(members) != 13 or len(set(members)) != 13:
        fail(f"gr: expected 13 distinct members, got {len(members)}")
    for b in bodies:
        s = b.get("seats") or {}
        if "default_per_member" in s and "total" in s:
            pm = s.get("per_municipality", {})
            computed = sum(pm.get(m, s["default_per_member"]) for m in members)
            if computed != s["total"]:
                fail(f"body {b['id']}: seats sum to {computed}, total says {s['total']}")
    print(
        f"bodies.yaml: {len(bodies)} bodies, {len(members)} GR members, kinds: "
        + ", ".join(f"{k}={n}" for k, n in sorted(Counter(b["kind"] for b in bodies).items()))
    )


def main() -> int:
    county_codes = check_counties()
    check_municipalities(county_codes)
    muni_codes = {
        r["code"]
        for r in read_csv(
            "municipalities.csv", ["code", "name", "county_code", "valid_from", "valid_to"]
        )
        if r["valid_to"] == ""
    }
    check_parties()
    check_bodies(muni_codes)
    if errors:
        print(f"\nFAILED with {len(errors)} error(s):")
        for e in errors:
            print("  - " + e)
        return 1
    print("\nAll reference data checks passed.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
