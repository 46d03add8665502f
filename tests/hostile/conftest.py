"""Helpers of the hostile-input suite: the CLI run in a bounded child process."""

from __future__ import annotations

import ctypes
import os
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

MEMORY_LIMIT = 2 * 2**30
"""Address space a child run may use (bytes)."""
CPU_LIMIT = 60
"""CPU seconds a child run may use."""
WALL_LIMIT = 90
"""Wall seconds before a child run counts as hung."""


def _bounded() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    resource.setrlimit(resource.RLIMIT_CPU, (CPU_LIMIT, CPU_LIMIT))


_DAC_CAPABILITIES = (1, 2)
"""CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH: what lets root ignore file modes."""
_PR_CAPBSET_DROP = 24


def _drop_file_privileges() -> bool:
    """Leave out the capabilities that let root read and write whatever the modes say
    (from the bounding set: a program this process runs has them no more)."""
    libc = ctypes.CDLL(None, use_errno=True)
    return all(libc.prctl(_PR_CAPBSET_DROP, cap, 0, 0, 0) == 0 for cap in _DAC_CAPABILITIES)


def _bounded_user() -> None:
    _bounded()
    if os.geteuid() == 0 and not _drop_file_privileges():
        raise OSError(ctypes.get_errno(), "cannot drop root's file privileges")


def _can_be_denied() -> bool:
    """Whether a child run can be refused a file by its mode (not root, or root
    without its file privileges)."""
    with tempfile.TemporaryDirectory() as folder:
        locked = Path(folder, "locked")
        locked.write_text("x", encoding="utf-8")
        locked.chmod(0)
        try:
            probe = subprocess.run(
                [sys.executable, "-c", f"open({str(locked)!r}).read()"],
                preexec_fn=_bounded_user,
                capture_output=True,
                check=False,
            )
        except subprocess.SubprocessError:  # the privileges could not be dropped
            return False
    return probe.returncode != 0 and b"PermissionError" in probe.stderr


needs_denial = pytest.mark.skipif(
    not (_can_be_denied() if sys.platform == "linux" else os.geteuid() != 0),
    reason="this user reads every file, whatever its mode",
)
"""Marks a test of permission denied that needs a user who can be refused."""


def run_cli(
    *args: str | Path, cwd: Path | None = None, as_user: bool = False, plugins: bool = False
) -> subprocess.CompletedProcess[str]:
    """``grmodel ARGS`` in a child with bounded memory, CPU and wall time; ``as_user``:
    as a user file modes apply to (root without its file privileges); ``plugins``:
    with the installed plugins (by default the core alone)."""
    env = dict(os.environ)
    if plugins:
        env.pop("GRMODEL_DISABLE_PLUGIN_AUTOLOAD", None)
    else:
        env["GRMODEL_DISABLE_PLUGIN_AUTOLOAD"] = "1"
    return subprocess.run(
        [sys.executable, "-m", "grmodel", *map(str, args)],
        capture_output=True,
        text=True,
        check=False,
        cwd=cwd,
        preexec_fn=_bounded_user if as_user else _bounded,
        timeout=WALL_LIMIT,
        env=env,
    )


def one_line_error(result: subprocess.CompletedProcess[str]) -> str:
    """The single line of stderr of a run that failed cleanly (no traceback)."""
    assert "Traceback" not in result.stderr, result.stderr
    assert "internal error" not in result.stderr, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


PERSON = "type: person\nid: {id}\nname: {name}\n"


@pytest.fixture
def good_person(tmp_path: Path) -> Path:
    """A directory with one record that loads."""
    root = tmp_path / "set"
    root.mkdir()
    (root / "ok.yaml").write_text(PERSON.format(id="ok", name="Anna"), encoding="utf-8")
    return root
