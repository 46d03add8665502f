"""Which columnar library for whole-set rules: pyarrow or polars? A measurement.

On a generated record set, in one process, each library (a) reads the JSON Lines
files of memberships, persons, bodies and meetings into tables, (b) finds
references that resolve to no record (an anti-join of membership.person and
attendance.person against the person ids), (c) finds duplicate ids (a group-by),
(d) joins each meeting's attendance with the person's memberships of the body on
the day (membership-on-the-day: a join with a range filter) and counts the
entries without one, and (e) counts present ledamöter per meeting (quorum: a
group-by). CPU time per step (``time.process_time``, all threads) and the answers,
which must agree between the two.

Run: ``python benchmarks/columnar_choice.py --records 100000``.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any


def _timed(results: dict[str, tuple[float, Any]], name: str, step: Callable[[], Any]) -> Any:
    cpu = time.process_time()
    answer = step()
    results[name] = (time.process_time() - cpu, answer)
    return answer


def _polars(records: Path) -> dict[str, tuple[float, Any]]:
    import polars as pl

    out: dict[str, tuple[float, Any]] = {}

    def read() -> dict[str, Any]:
        return {
            name: pl.read_ndjson(next(records.glob(f"*-{name}.jsonl")))
            for name in ("persons", "memberships", "bodies", "meetings")
        }

    t = _timed(out, "read", read)
    attendance = (
        t["meetings"]
        .select("id", "body", "date", "attendance")
        .explode("attendance")
        .unnest("attendance")
    )
    persons = t["persons"].select("id")
    _timed(
        out,
        "references (anti-join)",
        lambda: (
            t["memberships"].join(persons, left_on="person", right_on="id", how="anti").height
            + attendance.join(persons, left_on="person", right_on="id", how="anti").height
        ),
    )
    every_id = pl.concat([t[name].select("id") for name in t])
    _timed(
        out,
        "duplicate ids (group-by)",
        lambda: every_id.group_by("id").len().filter(pl.col("len") > 1).height,
    )
    periods = t["memberships"].select(
        "person",
        "body",
        pl.col("period").struct.field("start").alias("start"),
        pl.col("period").struct.field("end").alias("end"),
    )
    _timed(
        out,
        "membership on the day (range join)",
        lambda: (
            attendance.join(periods, on=["person", "body"], how="left")
            .with_columns(
                ok=(pl.col("start") <= pl.col("date")) & (pl.col("date") <= pl.col("end"))
            )
            .group_by("id", "person")
            .agg(pl.col("ok").any())
            .filter(~pl.col("ok"))
            .height
        ),
    )
    _timed(
        out,
        "present per meeting (group-by)",
        lambda: (
            attendance.filter(pl.col("status") == "present")
            .group_by("id")
            .len()
            .get_column("len")
            .sum()
        ),
    )
    return out


def _pyarrow(records: Path) -> dict[str, tuple[float, Any]]:
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.json as pj

    out: dict[str, tuple[float, Any]] = {}

    def read() -> dict[str, Any]:
        return {
            name: pj.read_json(next(records.glob(f"*-{name}.jsonl")))
            for name in ("persons", "memberships", "bodies", "meetings")
        }

    t = _timed(out, "read", read)
    meetings = t["meetings"]
    lengths = pc.list_value_length(meetings["attendance"])
    parent = pc.list_parent_indices(meetings["attendance"])
    flat = pc.list_flatten(meetings["attendance"])
    attendance = pa.table(
        {
            "id": pc.take(meetings["id"], parent),
            "body": pc.take(meetings["body"], parent),
            "date": pc.take(meetings["date"], parent),
            "person": pc.struct_field(flat, "person"),
            "status": pc.struct_field(flat, "status"),
        }
    )
    assert pc.sum(lengths).as_py() == attendance.num_rows
    persons = t["persons"]["id"]
    _timed(
        out,
        "references (anti-join)",
        lambda: (
            pc.sum(pc.invert(pc.is_in(t["memberships"]["person"], persons))).as_py()
            + pc.sum(pc.invert(pc.is_in(attendance["person"], persons))).as_py()
        ),
    )
    every_id = pa.chunked_array([c for name in t for c in t[name]["id"].chunks])
    _timed(
        out,
        "duplicate ids (group-by)",
        lambda: pc.sum(pc.greater(pc.value_counts(every_id).field("counts"), 1)).as_py(),
    )
    periods = pa.table(
        {
            "person": t["memberships"]["person"],
            "body": t["memberships"]["body"],
            "start": pc.struct_field(t["memberships"]["period"], "start"),
            "end": pc.struct_field(t["memberships"]["period"], "end"),
        }
    )

    def on_the_day() -> int:
        joined = attendance.join(periods, ["person", "body"], join_type="left outer")
        ok = pc.and_(
            pc.less_equal(joined["start"], joined["date"]),
            pc.less_equal(joined["date"], joined["end"]),
        )
        grouped = (
            joined.append_column("ok", ok).group_by(["id", "person"]).aggregate([("ok", "any")])
        )
        return int(pc.sum(pc.invert(pc.fill_null(grouped["ok_any"], False))).as_py())

    _timed(out, "membership on the day (range join)", on_the_day)
    _timed(
        out,
        "present per meeting (group-by)",
        lambda: attendance.filter(pc.equal(attendance["status"], "present")).num_rows,
    )
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--set", type=Path, help="an existing generated set (its records dir)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        records = args.set
        if records is None:
            sys.path.insert(0, str(Path(__file__).resolve().parent))
            from generate import RECORDS, generate

            generate(Path(tmp), args.records, defects=0.0)
            records = Path(tmp) / RECORDS
        runs = {"polars": _polars(records), "pyarrow": _pyarrow(records)}
        print(f"{'step':<38} {'polars CPU s':>13} {'pyarrow CPU s':>14}  answers")
        for step in runs["polars"]:
            (p_cpu, p_answer), (a_cpu, a_answer) = runs["polars"][step], runs["pyarrow"][step]
            answers = "" if step == "read" else f"{p_answer} / {a_answer}"
            print(f"{step:<38} {p_cpu:>13.3f} {a_cpu:>14.3f}  {answers}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
