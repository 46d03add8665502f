"""The documentation cannot rot: it builds without warnings, its doctests pass,
and every hook, command and rule is documented.

The HTML build and the doctest build run Sphinx in a subprocess (``-W
--keep-going``, nitpicky), once per test session.
"""

from __future__ import annotations

import inspect
import re
import subprocess
import sys
from pathlib import Path

import click
import pytest

from grmodel import hookspecs
from grmodel.cli import cli
from grmodel.plugins import get_plugin_manager

pytest.importorskip("sphinx")
pytest.importorskip("sphinx_click")

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
HOOKS = [name for name in hookspecs.__all__ if name.startswith("grmodel_")]


def sphinx(builder: str, out: Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "sphinx", "-E", "-W", "--keep-going", "-q", "-b", builder]
    return subprocess.run(
        [*command, str(DOCS), str(out)],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
        # A guard against a hang, not a speed target: a build is under a minute of
        # CPU, but five minutes of wall time on a shared two-core machine was too few.
        timeout=1200,
    )


@pytest.fixture(scope="module")
def html(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("html")
    result = sphinx("html", out)
    assert result.returncode == 0, f"sphinx -W failed:\n{result.stderr}"
    return out


# -- hooks ---------------------------------------------------------------------


def test_hookspecs_are_all_listed() -> None:
    defined = {
        name
        for name, value in vars(hookspecs).items()
        if name.startswith("grmodel_") and callable(value)
    }
    assert defined == set(HOOKS)


@pytest.mark.parametrize("name", HOOKS)
def test_hook_docstring_follows_template(name: str) -> None:
    hook = getattr(hookspecs, name)
    doc = inspect.getdoc(hook)
    assert doc, f"{name} has no docstring"
    assert "Called" in doc, f"{name}: say when the hook is called"
    assert ":returns:" in doc, f"{name}: say what the return value means"
    assert ".. versionadded::" in doc, f"{name}: give version notes"
    for parameter in inspect.signature(hook).parameters:
        assert f":param {parameter}:" in doc, f"{name}: document parameter {parameter!r}"


def test_hooks_page_documents_every_hook() -> None:
    text = (DOCS / "reference" / "hooks.rst").read_text(encoding="utf-8")
    automodule = re.search(r"^\.\. automodule:: grmodel\.hookspecs\n(?:   :.*\n)*", text, re.M)
    if automodule is not None and "   :members:" in automodule[0]:
        return  # every public hook is rendered; the HTML test checks them one by one
    for name in HOOKS:
        assert name in text, f"{name} is not in docs/reference/hooks.rst"


@pytest.mark.slow
def test_hooks_rendered(html: Path) -> None:
    page = (html / "reference" / "hooks.html").read_text(encoding="utf-8")
    for name in HOOKS:
        assert f'id="grmodel.hookspecs.{name}"' in page, f"{name} missing from hooks.html"


# -- command line ----------------------------------------------------------------


def _command_paths(command: click.Command, prefix: str) -> list[str]:
    paths = [prefix]
    if isinstance(command, click.Group):
        for name, sub in command.commands.items():
            paths.extend(_command_paths(sub, f"{prefix}-{name}"))
    return paths


def test_cli_page_uses_sphinx_click_nested_full() -> None:
    text = (DOCS / "reference" / "cli.rst").read_text(encoding="utf-8")
    assert ".. click:: grmodel.cli:cli" in text
    assert ":nested: full" in text
    assert ":prog: grmodel" in text


@pytest.mark.slow
def test_every_builtin_command_in_cli_page(html: Path) -> None:
    page = (html / "reference" / "cli.html").read_text(encoding="utf-8")
    expected = _command_paths(cli, "grmodel")
    assert len(expected) > 5
    for path in expected:
        assert f'id="{path}"' in page, f"command {path.replace('-', ' ')} missing from cli.html"


# -- rules -----------------------------------------------------------------------


@pytest.mark.slow
def test_every_rule_in_catalogue(html: Path) -> None:
    page = (html / "reference" / "rules.html").read_text(encoding="utf-8")
    rules = get_plugin_manager(load_entrypoints=True).rules
    assert rules
    for rule in rules:
        assert f'id="rule-{rule.code.lower()}"' in page, f"rule {rule.code} not in rules.html"
        assert rule.name in page


# -- the build itself --------------------------------------------------------------


@pytest.mark.slow
def test_html_build_has_no_warnings(html: Path) -> None:
    assert (html / "index.html").is_file()


@pytest.mark.slow
def test_theme_and_copy_button(html: Path) -> None:
    index = (html / "index.html").read_text(encoding="utf-8")
    assert "furo" in index
    assert "copybutton" in index


@pytest.mark.slow
def test_options_are_shown_as_typed(html: Path) -> None:
    """No smart quotes or dashes: ``--by`` stays two hyphens, quotes stay straight."""
    page = (html / "reference" / "cli.html").read_text(encoding="utf-8")
    assert "grmodel count --examples --by kind --by gr_participation" in page  # a help example
    assert "\u2013by" not in page and "\u2014by" not in page
    guide = (html / "howto" / "command-line.html").read_text(encoding="utf-8")
    assert '<span class="pre">--color</span>' in guide and "\u2013color" not in guide


@pytest.mark.slow
def test_api_signatures_without_attrs_internals(html: Path) -> None:
    for page in (html / "reference" / "api").glob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "NOTHING" not in text, page.name
        assert "Method generated by attrs" not in text, page.name
    validation = (html / "reference" / "api" / "validation.html").read_text(encoding="utf-8")
    assert re.search(r"severity</span>.{0,200}dict\(\)", validation, flags=re.DOTALL)


@pytest.mark.slow
def test_doctests_pass(tmp_path: Path) -> None:
    result = sphinx("doctest", tmp_path / "doctest")
    output = (tmp_path / "doctest" / "output.txt").read_text(encoding="utf-8")
    assert result.returncode == 0, f"{result.stderr}\n{output}"
    tests = re.search(r"^\s*(\d+) tests", output, re.M)
    assert tests is not None and int(tests[1]) > 0, output


@pytest.mark.slow
def test_the_tables_page_lists_every_table_and_key(html: Path) -> None:
    from grmodel.exporting.tables import TABLES

    page = (html / "reference" / "tables.html").read_text(encoding="utf-8")
    for table in TABLES:
        assert f'id="table-{table.name.replace("_", "-")}"' in page, table.name
    attendance = page[page.index('id="table-attendance"') :]
    attendance = attendance[: attendance.index('id="table-', 10)]
    assert "municipality_code" in attendance and "→ municipalities.code" in attendance
    assert "→ parties.abbreviation" in attendance


def _directive_blocks(page: Path, directive: str) -> dict[str, list[str]]:
    """The code of each ``.. <directive>:: group`` block of a page, by group (the
    doctest's ``>>>`` and ``...`` lines without their prompts)."""
    out: dict[str, list[str]] = {}
    group: str | None = None
    for line in page.read_text(encoding="utf-8").splitlines():
        if line.startswith(".. "):
            head = re.match(rf"\.\. {directive}::\s*(\S*)", line)
            group = (head[1] or "default") if head else None
        elif group is not None and line and not line.startswith(" "):
            group = None
        elif group is not None and not line.strip().startswith(":"):
            code = line[3:]
            if directive == "doctest":
                if not code.startswith((">>> ", "... ", ">>>", "...")):
                    continue
                code = code[4:]
            out.setdefault(group, []).append(code)
    return out


def _names(code: str) -> tuple[set[str], set[str]]:
    """Names a piece of code binds, and the names it reads."""
    import ast

    bound, read = set(), set()
    for node in ast.walk(ast.parse(code)):
        if isinstance(node, ast.Name):
            (bound if isinstance(node.ctx, ast.Store) else read).add(node.id)
        elif isinstance(node, ast.alias):
            bound.add((node.asname or node.name).split(".")[0])
        elif isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            bound.add(node.name)
    return bound, read


def test_doctests_define_what_they_use() -> None:
    """A reader pastes what the page shows: a hidden ``testsetup`` may prepare files,
    never a name the shown code uses (``folder`` defined out of sight)."""
    for page in sorted(DOCS.rglob("*.rst")):
        if "_build" in page.parts:
            continue
        setups = _directive_blocks(page, "testsetup")
        for group, code in _directive_blocks(page, "doctest").items():
            hidden, _ = _names("\n".join(setups.get(group, [])))
            bound, read = _names("\n".join(code))
            assert not (read & (hidden - bound)), (page.name, group, read & (hidden - bound))
