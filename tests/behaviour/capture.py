"""What grmodel observably does on the example data and the seeds, as plain JSON.

:func:`capture` validates the example data set, the seed documents and every
rule's own example, and exports the example data in every installed format (compared by hash); the
result is compared with ``expected.json``, captured from the code before the
core was restructured (issue 9), so a refactoring that changes a finding, a
line or an exported byte fails ``test_unchanged.py``.

Regenerate (only when a change of behaviour is intended)::

    python3 tests/behaviour/capture.py --write
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from grmodel.examples import example_data_path
from grmodel.pipeline import validate
from grmodel.pipeline.exporting import export
from grmodel.plugins import GrPluginManager, get_plugin_manager

HERE = Path(__file__).resolve().parent
EXPECTED = HERE / "expected.json"
SEEDS = HERE.parents[2] / "shared" / "seeds"
"""The seed documents (outside the repository; their part is skipped when absent)."""


def _findings(paths: list[Path], pm: GrPluginManager, root: Path) -> dict[str, Any]:
    report = validate(paths, pm)
    summary = report.summary
    out: list[dict[str, Any]] = []
    for finding in report.findings:
        data = finding.to_json()
        data["message"] = data["message"].replace(str(root), "<root>")
        if data["file"]:
            data["file"] = Path(data["file"]).resolve().relative_to(root.resolve()).as_posix()
        out.append(data)
    counts = {"files": summary.files, "records": summary.records, "by_code": summary.by_code}
    return {"summary": counts, "findings": out}


def _read_output(path: Path) -> dict[str, str]:
    """Each output file's SHA-256 (of its SQL dump for a database; iCalendar's
    DTSTAMP, the time of export, left out)."""
    files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
    out = {}
    for file in files:
        name = file.relative_to(path).as_posix() if path.is_dir() else file.name
        if file.read_bytes().startswith(b"SQLite format 3"):
            with sqlite3.connect(file) as db:
                data = "\n".join(db.iterdump()).encode()
        else:
            data = re.sub(rb"DTSTAMP:[0-9TZ]+", b"DTSTAMP:(now)", file.read_bytes())
        out[name] = hashlib.sha256(data).hexdigest()
    return out


def example_findings(pm: GrPluginManager) -> Any:
    """Findings on the bundled example data."""
    return _findings([example_data_path()], pm, example_data_path())


def seed_findings(pm: GrPluginManager) -> Any:
    """Findings on the seed documents, imported on the fly."""
    return _findings(sorted(SEEDS.glob("*.txt")), pm, SEEDS)


def rule_example_findings(pm: GrPluginManager) -> Any:
    """Findings of every rule's own example (all rules selected)."""
    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        for rule in pm.rules:
            if rule.example is None:
                continue
            path = Path(tmp) / f"{rule.code}.yaml"
            path.write_text(rule.example, encoding="utf-8")
            out[rule.code] = _findings([path], pm, Path(tmp))
    return out


def exports(pm: GrPluginManager) -> Any:
    """The example data exported in every installed format."""
    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name in sorted(pm.exporters):
            target = Path(tmp) / name
            export(name, [example_data_path()], target, pm)
            out[name] = _read_output(target)
    return out


PARTS: dict[str, Callable[[GrPluginManager], Any]] = {
    "example_findings": example_findings,
    "seed_findings": seed_findings,
    "rule_example_findings": rule_example_findings,
    "exports": exports,
}


def capture(part: str) -> Any:
    """One part of the observable behaviour, with every installed plugin."""
    return PARTS[part](get_plugin_manager(load_entrypoints=True))


if __name__ == "__main__":
    if sys.argv[1:] != ["--write"]:
        sys.exit("usage: python3 tests/behaviour/capture.py --write")
    data = {part: capture(part) for part in PARTS}
    EXPECTED.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {EXPECTED}")
