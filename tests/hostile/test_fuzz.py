"""Fuzzing the loaders and the command line with a bounded budget.

Every input, however broken, must give records and problems, never an exception:
the loaders are fed random text and mutations of valid records (structured
fuzzing), the CLI random record files. The default budget keeps the suite fast;
``HYPOTHESIS_PROFILE=fuzz`` (with ``-m slow`` for the long run below) is the
maintainers' longer run::

    HYPOTHESIS_PROFILE=fuzz python -m pytest tests/hostile/test_fuzz.py -m slow -n 2
"""

from __future__ import annotations

import contextlib
import io
import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from grmodel.converter import GrConverter
from grmodel.errors import GrmodelError
from grmodel.model import Record
from grmodel.plugins import get_plugin_manager
from grmodel.recordset.csvio import CsvDecoder
from grmodel.recordset.loading import LoadedRecord, LoadProblem, RawRecord, iter_raw, load_records
from tests.strategies import records

settings.register_profile(
    "default-hostile",
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
settings.register_profile(
    "fuzz",
    max_examples=5000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "default-hostile")


def _budget(examples: int) -> int:
    """A test's number of examples: as given by default, a hundred times more in the
    maintainers' ``fuzz`` profile."""
    return examples * 100 if PROFILE == "fuzz" else examples


CONVERTER: GrConverter = get_plugin_manager(load_entrypoints=False).converter
DECODER = CsvDecoder(CONVERTER)

VALID = {
    ".yaml": (
        "- type: person\n  id: p1\n  name: Anna\n  provenance: {file: x, line: 3}\n"
        "- type: membership\n  id: m1\n  body: b1\n  person: p1\n  role: ledamot\n"
        "  period: {start: '2019-01-01'}\n"
    ),
    ".json": json.dumps(
        [
            {"type": "person", "id": "p1", "name": "Anna", "provenance": {"file": "x", "line": 3}},
            {"type": "membership", "id": "m1", "body": "b1", "person": "p1", "role": "ledamot"},
        ],
        indent=1,
    ),
    ".jsonl": '{"type": "person", "id": "p1", "name": "Anna"}\n{"type": "person", "id": "p2"}\n',
    ".csv": 'type,id,name,provenance.line\nperson,p1,Anna,3\nperson,p2,"B, C",4\n',
}
"""Valid record files that the structured fuzzer mutates."""

TOKENS = [
    "&a ", "*a", "<<: *a\n", "!!int ", "!!binary ", "!!set ", '"', "'", "[", "]", "{", "}",
    ",", ":", "\n", "\\ud800", "\\u0000", "1" * 5000, "- ", "  ", "\t", "#", "---\n", "...\n",
    "id: p1\n", '"id": "p1",', "type", "\x00", "\ufeff", "é", "\r",
]  # fmt: skip


@st.composite
def mutated(draw: st.DrawFn, suffix: str) -> str:
    """A valid record file with characters deleted, tokens inserted and slices repeated."""
    text = VALID[suffix]
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(text)))
        action = draw(st.sampled_from(["insert", "delete", "repeat"]))
        if action == "insert":
            text = text[:at] + draw(st.sampled_from(TOKENS)) + text[at:]
        elif action == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 8)) :]
        else:
            end = min(len(text), at + draw(st.integers(1, 40)))
            text = text[:end] + text[at:end] + text[end:]
    return text


def _load_everything(path: Path) -> list[object]:
    entries: list[object] = list(load_records([path], CONVERTER))
    for entry in entries:
        assert isinstance(entry, (LoadedRecord, LoadProblem)), entry
        if isinstance(entry, LoadProblem):
            assert entry.line >= 1 and "\n" not in entry.message
    return entries


@pytest.mark.parametrize("suffix", sorted(VALID))
def test_valid_seeds_load(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"seed{suffix}"
    path.write_text(VALID[suffix], encoding="utf-8")
    assert any(isinstance(e, LoadedRecord) for e in _load_everything(path))


@pytest.mark.parametrize("suffix", sorted(VALID))
@settings(settings.get_profile(PROFILE))
@given(data=st.data())
def test_mutated_records_never_raise(tmp_path: Path, suffix: str, data: st.DataObject) -> None:
    path = tmp_path / f"fuzz{suffix}"
    path.write_text(data.draw(mutated(suffix)), encoding="utf-8", errors="surrogatepass")
    _load_everything(path)


@pytest.mark.parametrize("suffix", sorted(VALID))
@settings(settings.get_profile(PROFILE))
@given(blob=st.binary(max_size=400))
def test_random_bytes_never_raise(tmp_path: Path, suffix: str, blob: bytes) -> None:
    path = tmp_path / f"bytes{suffix}"
    path.write_bytes(blob)
    for entry in iter_raw(path, DECODER):
        assert isinstance(entry, (RawRecord, LoadProblem))


@settings(settings.get_profile(PROFILE), max_examples=_budget(15))
@given(suffix=st.sampled_from(sorted(VALID)), data=st.data())
def test_cli_never_fails_internally(tmp_path: Path, suffix: str, data: st.DataObject) -> None:
    from grmodel.cli import main

    path = tmp_path / f"cli{suffix}"
    path.write_text(data.draw(mutated(suffix)), encoding="utf-8", errors="surrogatepass")
    command = data.draw(
        st.sampled_from(
            [
                ["validate", "--format", "json"],
                ["count", "--type", "person"],
                ["export", "--to", "json", "--force", "-o", str(tmp_path / "out.json")],
                ["export", "--to", "sqlite", "--force", "-o", str(tmp_path / "out.sqlite")],
            ]
        )
    )
    err = io.StringIO()
    with (
        contextlib.redirect_stderr(err),
        contextlib.redirect_stdout(io.StringIO()),
        pytest.raises(SystemExit) as exit_info,
    ):
        main([*command, str(path)])
    assert exit_info.value.code in (0, 1, 2), err.getvalue()
    assert "internal error" not in err.getvalue() and "Traceback" not in err.getvalue()


@pytest.mark.slow
@settings(settings.get_profile("fuzz"), max_examples=int(os.environ.get("FUZZ_EXAMPLES", "400")))
@given(suffix=st.sampled_from(sorted(VALID)), data=st.data())
def test_long_structured_fuzz(tmp_path: Path, suffix: str, data: st.DataObject) -> None:
    path = tmp_path / f"long{suffix}"
    path.write_text(data.draw(mutated(suffix)), encoding="utf-8", errors="surrogatepass")
    _load_everything(path)


EXPORT_PM = get_plugin_manager()


@settings(settings.get_profile(PROFILE), max_examples=_budget(15))
@given(
    fmt=st.sampled_from(sorted(EXPORT_PM.exporters)),
    drawn=st.lists(records(), min_size=1, max_size=4, unique_by=lambda r: r.id),
)
def test_exporters_never_fail_internally(
    tmp_path_factory: pytest.TempPathFactory, fmt: str, drawn: list[Record]
) -> None:
    """Generated records (tricky strings, year 1 and 9999, unknown references) into
    every exporter: written, or refused with one line; never another exception."""
    from grmodel.pipeline import exporting as run

    target = tmp_path_factory.mktemp("export") / "out"
    original = run.iter_records
    run.iter_records = lambda *args, **kwargs: iter(drawn)  # type: ignore[assignment]
    refused = ""
    try:
        run.export(fmt, [], target, EXPORT_PM)
    except GrmodelError as exc:
        refused = str(exc)
    finally:
        run.iter_records = original
    assert "\n" not in refused.strip(), refused
    assert " of plugin " not in refused, refused  # a bug of the exporter itself
    assert "constraint failed" not in refused, refused  # the tables disagree with the model


@settings(settings.get_profile(PROFILE), max_examples=_budget(20))
@given(
    text=st.text(
        alphabet=st.sampled_from(list("§ \n\t:.,-0123456789abcåäöÅÄÖ()")) | st.characters(),
        max_size=600,
    )
)
def test_importers_never_fail_internally(
    tmp_path_factory: pytest.TempPathFactory, text: str
) -> None:
    """Random text into every importer: records, or a one-line refusal."""
    from grmodel.pipeline.importing import import_path

    path = tmp_path_factory.mktemp("import") / "document.txt"
    path.write_text("Protokoll\n" + text, encoding="utf-8", errors="surrogatepass")
    for kind in sorted(EXPORT_PM.importers):
        refused = ""
        try:
            import_path(path, EXPORT_PM, kind=kind)
        except GrmodelError as exc:
            refused = str(exc)
        assert " of plugin " not in refused, refused  # a bug of the importer itself
