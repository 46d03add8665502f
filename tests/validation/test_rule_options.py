"""Rule options in the configuration (``[tool.grmodel.rule-options.CODE]``): IMP008's
``unplaced-share`` set, honoured by ``grmodel validate`` and ``grmodel import``; a wrong
code, option or value is one line naming the file and line."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.conftest import Run

from grmodel.errors import GrmodelError
from grmodel.examples import example_data_path
from grmodel.pipeline import validate
from grmodel.plugins import GrPluginManager
from grmodel.rules.base import option_values
from grmodel.validation.config import load_config

# 4 of 10 lines unplaced: 40 %, under the default share (50 %), over 30 %.
DOCUMENT = (
    "type: document\nid: d1\nkind: protokoll\nline_count: 10\nunplaced:\n"
    '  - {span: {line: 2, end_line: 5}, text: "a\\nb\\nc\\nd"}\n'
)


def _config(tmp_path: Path, options: str) -> Path:
    file = tmp_path / "pyproject.toml"
    file.write_text(f"[tool.grmodel]\nselect = ['ALL']\n\n{options}", encoding="utf-8")
    return file


def _known(pm: GrPluginManager) -> dict[str, object]:
    return {
        "known_codes": {rule.code for rule in pm.rules},
        "known_options": {rule.code: rule.options for rule in pm.rules if rule.options},
    }


def _imp008(pm: GrPluginManager, tmp_path: Path, options: str | None) -> list[str]:
    records = tmp_path / "records.yaml"
    records.write_text(DOCUMENT, encoding="utf-8")
    config = None if options is None else load_config(_config(tmp_path, options), **_known(pm))
    report = validate([records], pm, config)
    return [f.message for f in report.findings if f.code == "IMP008"]


def test_default_share_and_a_configured_one(pm: GrPluginManager, tmp_path: Path) -> None:
    assert _imp008(pm, tmp_path, None) == []
    config = load_config(
        _config(tmp_path, "[tool.grmodel.rule-options.IMP008]\nunplaced-share = 0.3\n"),
        **_known(pm),
    )
    assert config.rule_options == {"IMP008": {"unplaced-share": 0.3}}
    assert option_values(pm.rules, config.rule_options)["IMP008"] == {"unplaced-share": 0.3}
    assert option_values(pm.rules, {})["IMP008"] == {"unplaced-share": 0.5}
    found = _imp008(pm, tmp_path, "[tool.grmodel.rule-options.IMP008]\nunplaced-share = 0.3\n")
    assert len(found) == 1 and "4 of 10 lines (40%)" in found[0]
    # an integer share is a number too: 1 never reports
    assert _imp008(pm, tmp_path, "[tool.grmodel.rule-options.IMP008]\nunplaced-share = 1\n") == []


@pytest.mark.parametrize(
    ("options", "line", "message"),
    [
        (
            "[tool.grmodel.rule-options.IMP008]\nunplaced-share = 1.5\n",
            5,
            "rule-options IMP008: 'unplaced-share' must be a number from 0 to 1, not 1.5",
        ),
        (
            "[tool.grmodel.rule-options.IMP008]\nunplaced-share = 'half'\n",
            5,
            "rule-options IMP008: 'unplaced-share' must be a number from 0 to 1, not 'half'",
        ),
        (
            "[tool.grmodel.rule-options.IMP008]\nunplaced-share = true\n",
            5,
            "'unplaced-share' must be a number from 0 to 1, not True",
        ),
        (
            "[tool.grmodel.rule-options.IMP008]\nunplaced = 0.3\n",
            5,
            "rule-options IMP008: unknown option 'unplaced' (options: unplaced-share)",
        ),
        (
            "[tool.grmodel.rule-options.IMP007]\nunplaced-share = 0.3\n",
            4,
            "rule-options: rule 'IMP007' has no options (rules with options: IMP008)",
        ),
        (
            "[tool.grmodel.rule-options.IMP099]\nunplaced-share = 0.3\n",
            4,
            "rule-options: unknown rule code 'IMP099'",
        ),
        (
            "[tool.grmodel]\nrule-options = 3\n",
            None,
            "'rule-options' must be a table of rule codes and tables of their options",
        ),
    ],
)
def test_a_wrong_option_is_an_error_naming_file_and_line(
    pm: GrPluginManager, tmp_path: Path, options: str, line: int | None, message: str
) -> None:
    file = _config(tmp_path, options.replace("[tool.grmodel]\n", ""))
    with pytest.raises(GrmodelError) as err:
        load_config(file, **_known(pm))
    where = f"{file}:{line}" if line else f"{file}:"
    assert str(err.value).startswith(where) and message in str(err.value)


PROTOCOL = example_data_path() / "_documents" / "protokoll-2021-03-18.txt"


def test_import_honours_the_share(grmodel: Run, tmp_path: Path) -> None:
    pytest.importorskip("grmodel_gr_documents")
    strict = _config(tmp_path, "[tool.grmodel.rule-options.IMP008]\nunplaced-share = 0\n")
    code, out, err = grmodel("import", "--no-config", "-o", str(tmp_path / "a"), str(PROTOCOL))
    assert code == 0, err
    assert "IMP008" not in out  # the example protocol is read well
    code, out, err = grmodel(
        "import", "--config", str(strict), "-o", str(tmp_path / "b"), str(PROTOCOL)
    )
    assert code == 0, err
    assert f"{PROTOCOL}:" in out and "IMP008 warning" in out
    broken = _config(tmp_path, "[tool.grmodel.rule-options.IMP008]\nunplaced-share = -1\n")
    code, out, err = grmodel(
        "import", "--config", str(broken), "-o", str(tmp_path / "c"), str(PROTOCOL)
    )
    assert code == 2 and f"{broken}:5: rule-options IMP008" in err
    assert not (tmp_path / "c").exists()  # nothing imported with a broken configuration
