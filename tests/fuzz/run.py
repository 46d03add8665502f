"""Run one fuzz target under atheris (coverage-guided, libFuzzer).

Usage, from the repository root::

    python -m tests.fuzz.run TARGET [CORPUS_DIR] [libFuzzer options]
    python -m tests.fuzz.run load -max_total_time=600

TARGET is ``load``, ``document`` or ``export`` (:mod:`tests.fuzz.targets`).
CORPUS_DIR defaults to ``.fuzz/TARGET``; the seeds (:mod:`tests.fuzz.seeds`) are
written into it first, and libFuzzer keeps the inputs that reach new code there. A
find is written as ``.fuzz/TARGET-crash-*`` and the run exits non-zero; replay it
with ``python -m tests.fuzz.run TARGET .fuzz/TARGET-crash-…``.
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

import atheris  # type: ignore[import-untyped]

with atheris.instrument_imports(
    include=[
        "grmodel",
        "grmodel_gr_documents",
        "grmodel_oparl",
        "grmodel_popolo",
        "grmodel_gr_practice",
    ]
):
    from tests.fuzz import seeds, targets

SEEDS = {"load": seeds.record_seeds, "document": seeds.document_seeds, "export": None}


def _export_seeds() -> list[bytes]:
    """Each record seed once for every exporter (its first byte picks the exporter)."""
    return [bytes([i]) + s for i in range(len(targets.EXPORTERS)) for s in seeds.record_seeds()]


def _seed(name: str, corpus: Path) -> None:
    corpus.mkdir(parents=True, exist_ok=True)
    made = SEEDS[name]
    for data in made() if made is not None else _export_seeds():
        (corpus / f"seed-{hashlib.sha1(data).hexdigest()}").write_bytes(data)


def main(argv: list[str]) -> None:
    if len(argv) < 2 or argv[1] not in targets.TARGETS:
        sys.exit(
            f"usage: python -m tests.fuzz.run {{{','.join(targets.TARGETS)}}} [CORPUS] [options]"
        )
    name = argv[1]
    rest = argv[2:]
    given = [a for a in rest if not a.startswith("-")]
    options = [a for a in rest if a.startswith("-")]
    corpus = Path(".fuzz") / name
    if not given:
        _seed(name, corpus)
        given = [str(corpus)]
    elif Path(given[0]).is_dir():
        _seed(name, Path(given[0]))
    if not any(o.startswith("-artifact_prefix=") for o in options):
        options.append(f"-artifact_prefix=.fuzz/{name}-")
    atheris.Setup([argv[0], *options, *given], targets.TARGETS[name])
    atheris.Fuzz()


if __name__ == "__main__":
    main(sys.argv)
