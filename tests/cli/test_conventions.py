"""Command-line conventions ruff and pytest users expect: -q, --exit-zero, --color
with NO_COLOR, --output-format, pre-commit hooks."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from tests.conftest import Run
from tests.nodetools import unavailable

ROOT = Path(__file__).resolve().parents[2]
BROKEN = "type: person\nid: p\nname: 3\n"
ESC = "\x1b["


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    (tmp_path / "p.yaml").write_text(BROKEN, encoding="utf-8")
    return tmp_path


def test_quiet_prints_only_the_findings(grmodel: Run, broken: Path) -> None:
    code, out, err = grmodel("validate", "--no-config", "-q", str(broken))
    assert code == 1
    assert "LOAD002" in out
    assert "records in" not in out and err == ""
    code, out, err = grmodel(
        "validate", "--no-config", "-q", "-o", str(broken / "r.txt"), str(broken)
    )
    assert code == 1 and out == "" and err == ""


def test_exit_zero(grmodel: Run, broken: Path) -> None:
    code, out, _ = grmodel("validate", "--no-config", "--exit-zero", str(broken))
    assert code == 0 and "LOAD002" in out
    code, _, _ = grmodel("validate", "--no-config", "--exit-zero", str(broken / "missing"))
    assert code == 2


def test_output_format_alias(grmodel: Run, broken: Path) -> None:
    code, out, _ = grmodel("validate", "--no-config", "--output-format", "github", str(broken))
    assert code == 1 and out.startswith("::error file=")


def test_color(grmodel: Run, broken: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    _, out, _ = grmodel("validate", "--no-config", "--color", "always", str(broken))
    assert f"{ESC}31merror" in out  # red severity
    _, out, _ = grmodel("validate", "--no-config", "--color", "never", str(broken))
    assert ESC not in out
    _, out, _ = grmodel("validate", "--no-config", str(broken))  # auto, not a terminal
    assert ESC not in out


def test_no_color_is_honoured_on_a_terminal(broken: Path) -> None:
    pty = pytest.importorskip("pty")
    script = (
        "import sys; from grmodel.cli import main; "
        f"main(['validate', '--no-config', {str(broken)!r}])"
    )

    def on_tty(env: dict[str, str]) -> str:
        import os

        pid, fd = pty.fork()
        if pid == 0:  # the child: stdout is the terminal
            os.environ.clear()
            os.environ.update(env)
            os.execv(sys.executable, [sys.executable, "-c", script])
        chunks = []
        while True:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            chunks.append(chunk)
        os.waitpid(pid, 0)
        return b"".join(chunks).decode("utf-8", "replace")

    import os

    base = {k: v for k, v in os.environ.items() if k not in {"NO_COLOR", "FORCE_COLOR"}}
    assert ESC in on_tty(base)
    assert ESC not in on_tty({**base, "NO_COLOR": "1"})


@pytest.mark.parametrize(
    ("args", "incomplete", "expected", "absent"),
    [
        (["validate", "--select"], "MTG,JU", "MTG,JUS001", "MTG,MTG001"),
        (["validate", "--ignore"], "lo", "LOAD001", "MTG001"),
        (["export", "--to"], "da", "datapackage", "sqlite"),
    ],
)
def test_shell_completion(args: list[str], incomplete: str, expected: str, absent: str) -> None:
    from click.shell_completion import BashComplete

    from grmodel.cli import cli

    completions = BashComplete(cli, {}, "grmodel", "_GRMODEL_COMPLETE").get_completions(
        args, incomplete
    )
    values = {c.value for c in completions}
    assert expected in values and absent not in values


def test_pre_commit_hooks_file() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    (hook,) = [h for h in hooks if h["id"] == "grmodel-validate"]
    assert hook["entry"].split()[:2] == ["grmodel", "validate"]
    assert hook["language"] == "python"
    assert hook["pass_filenames"] is False  # cross-record rules need the whole set


@pytest.mark.slow
def test_pre_commit_try_repo(tmp_path: Path) -> None:
    """``pre-commit try-repo`` installs grmodel from this checkout and runs the hook."""
    pre_commit = shutil.which("pre-commit")
    if pre_commit is None or shutil.which("git") is None:
        unavailable("pre-commit or git not installed")
    repo = tmp_path / "records-repo"
    repo.mkdir()
    (repo / "p.yaml").write_text("type: person\nid: p\nname: Anna Andersson\n", encoding="utf-8")

    def git(*args: str) -> None:
        subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)

    git("init", "-q")
    git("add", "p.yaml")

    def try_repo() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [pre_commit, "try-repo", str(ROOT), "grmodel-validate", "--all-files"],
            cwd=repo, capture_output=True, text=True, timeout=900, check=False,
        )  # fmt: skip

    done = try_repo()
    if "Could not find a version" in done.stdout + done.stderr:
        unavailable("no package index reachable for pre-commit's environment")
    assert done.returncode == 0, done.stdout + done.stderr
    (repo / "p.yaml").write_text(BROKEN, encoding="utf-8")
    git("add", "p.yaml")
    done = try_repo()
    assert done.returncode == 1, done.stdout + done.stderr
    assert "LOAD002" in done.stdout
