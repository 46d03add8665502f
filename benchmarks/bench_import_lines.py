"""Import time against line length: a protocol whose text is one enormous line, at
doubling sizes. Linear reading means the time per megabyte stays flat.

    python benchmarks/bench_import_lines.py [--sizes 0.25,0.5,1,2]
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

from grmodel_gr_documents.protocol import parse_protocol

from grmodel.pipeline.importing import read_source

WORDS = (
    "Anna Berg (S), Ale",
    "beslutar",
    "att",
    "godkänna",
    "förslaget",
    "Närvarande:",
    "§ 12",
    "Göteborg",
    "informationen",
    "antecknas.",
)


def document(megabytes: float, folder: Path) -> Path:
    rng = random.Random(1)
    parts: list[str] = []
    size = 0
    while size < megabytes * 1_000_000:
        word = rng.choice(WORDS)
        parts.append(word)
        size += len(word.encode()) + 1
    path = folder / f"line-{megabytes}.txt"
    path.write_text("Protokoll 2019-11-07\nTid: 7 november 2019\n" + " ".join(parts) + "\n")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="0.25,0.5,1,2", help="megabytes, comma-separated")
    sizes = [float(x) for x in parser.parse_args().sizes.split(",")]
    with tempfile.TemporaryDirectory() as folder:
        for megabytes in sizes:
            source = read_source(document(megabytes, Path(folder)))
            started = time.process_time()
            parse_protocol(source)
            spent = time.process_time() - started
            print(f"{megabytes:6.2f} MB line: {spent:6.2f} s CPU, {spent / megabytes:5.2f} s/MB")


if __name__ == "__main__":
    main()
