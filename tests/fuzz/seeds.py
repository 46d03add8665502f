"""Seed corpora of the fuzzers, taken from the repository's own test fixtures.

Nothing is copied: the seeds are read from where the tests keep them, each time a
fuzzer starts. Record seeds are the example data's record files and the record
texts that tests write inline; document seeds are the example data's source
documents and the document texts of the importer tests (the gr-documents plugin's
and the core's). Third-party texts (the shared seed protocols) are never used.
"""

from __future__ import annotations

import ast
import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from grmodel.plugins import get_plugin_manager
from grmodel.recordset.yamlio import dump_documents
from grmodel.testing import sample_records

ROOT = Path(__file__).resolve().parents[2]
"""The repository."""
EXAMPLES = ROOT / "src" / "grmodel" / "examples" / "data"

FORMATS = ("yaml", "json", "jsonl", "csv")
"""Record file formats; a record fuzzer's first input byte picks one (modulo)."""


def _constants(path: Path) -> Iterator[str]:
    """Every string a module assigns at its top level, alone or as a dict's value."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in tree.body:
        value = node.value if isinstance(node, (ast.Assign, ast.AnnAssign)) else None
        for item in value.values if isinstance(value, ast.Dict) else [value]:
            try:
                literal = ast.literal_eval(item) if item is not None else None
            except ValueError:
                continue
            if isinstance(literal, str) and literal.count("\n") >= 2:
                yield literal


def _test_texts(*folders: str) -> Iterator[str]:
    for folder in folders:
        for path in sorted((ROOT / folder).rglob("*.py")):
            yield from _constants(path)


def record_format(text: str) -> str:
    """The format a record text is written in, judged by its start."""
    head = text.lstrip()
    first = head.split("\n", 1)[0]
    if head.startswith("[") or (head.startswith("{") and not first.rstrip().endswith("}")):
        return "json"
    if head.startswith("{"):
        return "jsonl"
    if first.startswith("type,") or ",type," in first or first.endswith(",type"):
        return "csv"
    return "yaml"


def _flat(data: dict[str, Any], prefix: str = "") -> dict[str, Any] | None:
    """A record's fields as dotted CSV columns; ``None`` when one is a list."""
    out: dict[str, Any] = {}
    for key, value in data.items():
        if isinstance(value, dict):
            inner = _flat(value, f"{prefix}{key}.")
            if inner is None:
                return None
            out.update(inner)
        elif isinstance(value, list):
            return None
        else:
            out[prefix + key] = value
    return out


def _sample_files() -> list[str]:
    """The code-built sample record set (``grmodel.testing``) in every record format."""
    converter = get_plugin_manager(load_entrypoints=False).converter
    data = [converter.unstructure_record(r) for r in sample_records()]
    rows = [row for row in map(_flat, data) if row is not None]
    table = io.StringIO()
    writer = csv.DictWriter(table, sorted({c for row in rows for c in row}), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return [
        json.dumps(data, ensure_ascii=False, indent=1),
        "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in data),
        dump_documents(data),
        table.getvalue(),
    ]


def record_seeds() -> list[bytes]:
    """Record files as fuzzer inputs: a format byte, then the file's bytes."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.yaml"))]
    texts += [t for t in _test_texts("tests") if "type" in t and "id" in t]
    texts += _sample_files()
    seeds = {bytes([FORMATS.index(record_format(t))]) + t.encode("utf-8") for t in texts}
    return sorted(seeds)


def document_seeds() -> list[bytes]:
    """Source documents as fuzzer inputs: an importer byte (0: detected), then the text."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.rglob("*.txt"))]
    texts += _test_texts("plugins/grmodel-gr-documents/tests", "tests/importing")
    return sorted({b"\x00" + t.encode("utf-8") for t in texts})
