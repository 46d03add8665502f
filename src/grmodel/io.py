"""Safe output: atomic writes and refusal to overwrite without ``--force``."""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

from grmodel.errors import OutputExistsError

__all__ = ["atomic_output", "atomic_write_text", "check_writable"]


def check_writable(target: Path, force: bool) -> None:
    """Refuse to overwrite an existing file or non-empty directory unless ``force``.

    :raises OutputExistsError: when ``target`` exists and ``force`` is false.
    """
    exists = target.is_file() or (target.is_dir() and any(target.iterdir()))
    if exists and not force:
        raise OutputExistsError(f"{target}: exists; use --force to overwrite")


@contextlib.contextmanager
def atomic_output(target: Path, *, directory: bool = False, force: bool = False) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; move it into place on success.

    On an exception the temporary file or directory is removed and ``target`` is
    left as it was. A directory target is replaced as a whole.

    :raises OutputExistsError: when ``target`` exists and ``force`` is false.
    """
    check_writable(target, force)
    target.parent.mkdir(parents=True, exist_ok=True)
    if directory:
        tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    else:
        fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        os.close(fd)
        tmp = Path(name)
    try:
        yield tmp
        if directory:
            if target.exists():
                backup = target.with_name(f".{target.name}.old")
                shutil.rmtree(backup, ignore_errors=True)
                target.rename(backup)
                tmp.rename(target)
                shutil.rmtree(backup, ignore_errors=True)
            else:
                tmp.rename(target)
        else:
            os.replace(tmp, target)
    except BaseException:
        if tmp.is_dir():
            shutil.rmtree(tmp, ignore_errors=True)
        else:
            tmp.unlink(missing_ok=True)
        raise


def atomic_write_text(target: Path, text: str, *, force: bool = False) -> None:
    """Write text to ``target`` atomically (UTF-8)."""
    with atomic_output(target, force=force) as tmp:
        tmp.write_text(text, encoding="utf-8")
