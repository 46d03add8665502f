"""``benchmarks/bench_unique.py`` measures what it says, on a few ids."""

from __future__ import annotations

from tests.benchmarks.conftest import load_script


def test_the_check_and_the_set_agree_and_the_digests_are_compact() -> None:
    bench = load_script("bench_unique")
    digests, kept = bench.held_bytes(bench.with_grmodel, 20_000)
    strings, also_kept = bench.held_bytes(bench.with_a_set, 20_000)
    assert kept == also_kept == 20_000 - 20  # every thousandth id is a repeat
    assert digests < strings / 3
