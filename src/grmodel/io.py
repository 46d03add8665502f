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
        _apply_umask(tmp, directory)
        if directory or target.is_dir():
            if target.exists():
                backup = target.with_name(f".{target.name}.old")
                _remove(backup)
                target.rename(backup)
                tmp.rename(target)
                _remove(backup)
            else:
                tmp.rename(target)
        else:
            os.replace(tmp, target)
    except BaseException:
        _remove(tmp)
        raise


def _remove(path: Path) -> None:
    """Remove a file or a directory tree, if it exists."""
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


def _current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _apply_umask(path: Path, directory: bool) -> None:
    """Give temporary outputs (created 0600/0700) the modes a plain write would have."""
    mask = _current_umask()
    if directory:
        path.chmod(0o777 & ~mask)
        for child in path.rglob("*"):
            child.chmod((0o777 if child.is_dir() else 0o666) & ~mask)
    elif path.exists():
        path.chmod(0o666 & ~mask)


def atomic_write_text(target: Path, text: str, *, force: bool = False) -> None:
    """Write text to ``target`` atomically (UTF-8)."""
    with atomic_output(target, force=force) as tmp:
        tmp.write_text(text, encoding="utf-8")
