"""Safe output: targets checked for what they are, atomic writes, one writer at a time.

Every output is written beside its target under a temporary name that says whose
it is (``.NAME.grmodel-tmp.PID.RANDOM``), synced to disk, and then moved into
place with one rename. A directory output replaces an existing directory by an
atomic exchange of the two (Linux ``renameat2(RENAME_EXCHANGE)``), so the old or
the new tree is whole at every instant; where the system cannot exchange, the old
tree is first renamed to ``.NAME.grmodel-old`` and a later run restores it if the
first run died between the two renames.

A lock file (``.NAME.grmodel-lock``, held with ``flock``) refuses a second writer
to the same target, and under it the temporary files of earlier runs that were
killed are recognised by their names and removed.

What a target is decides what may happen to it: a regular file is replaced only
with ``force``; a directory is never replaced by a file (not even with
``force``); a symbolic link, FIFO, device or socket is refused unless ``force``,
and then the link or node itself is replaced, never written through.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import os
import secrets
import shutil
import stat
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from grmodel.errors import GrmodelError, OutputExistsError, SourceError

if sys.platform != "win32":
    import fcntl

__all__ = [
    "OutputLockedError",
    "atomic_output",
    "atomic_write_text",
    "check_target",
    "check_writable",
    "clean_leftovers",
    "copy_tree",
    "open_regular",
    "refuse_input_target",
    "special_kind",
]

TMP_MARK = ".grmodel-tmp."
"""Part of the name of every temporary output (after ``.NAME``)."""
OLD_MARK = ".grmodel-old"
"""Suffix of an old directory moved aside where no atomic exchange is possible."""
LOCK_MARK = ".grmodel-lock"
"""Suffix of the lock file beside a target."""


class OutputLockedError(GrmodelError):
    """Another run is writing the same target."""


_SPECIAL = (
    (stat.S_ISFIFO, "a FIFO"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def special_kind(mode: int) -> str | None:
    """``"a FIFO"``, ``"a socket"``… for a special file's mode, ``None`` otherwise."""
    return next((name for test, name in _SPECIAL if test(mode)), None)


def check_target(target: Path, force: bool, *, directory: bool = False) -> None:
    """Refuse to replace what must not be replaced (see the module docstring).

    :param directory: whether the output is a directory.
    :raises OutputExistsError: when ``target`` may not be replaced.
    """
    try:
        st = os.lstat(target)
    except FileNotFoundError:
        return
    if stat.S_ISLNK(st.st_mode):
        if not force:
            raise OutputExistsError(
                f"{target}: is a symbolic link; use --force to replace the link "
                "(what it points to is left alone)"
            )
        return
    kind = special_kind(st.st_mode)
    if kind is not None:
        if not force:
            raise OutputExistsError(f"{target}: is {kind}; use --force to replace it")
        return
    if stat.S_ISDIR(st.st_mode):
        if not directory:
            raise OutputExistsError(
                f"{target}: is a directory; a file output never replaces one (not even "
                "with --force): give a file name"
            )
        if not force and any(target.iterdir()):
            raise OutputExistsError(f"{target}: exists; use --force to overwrite")
        return
    if not force:
        raise OutputExistsError(f"{target}: exists; use --force to overwrite")


def check_writable(target: Path, force: bool) -> None:
    """Refuse to overwrite an existing file or non-empty directory unless ``force``
    (:func:`check_target` for a directory output).

    :raises OutputExistsError: when ``target`` exists and ``force`` is false.
    """
    check_target(target, force, directory=True)


def refuse_input_target(target: Path, inputs: Iterable[str | os.PathLike[str]]) -> None:
    """Refuse an output that is one of the inputs, or a directory holding one.

    :raises OutputExistsError: when it is.
    """
    resolved = Path(os.path.realpath(target))  # never raises, not even on a link loop
    for raw in inputs:
        source = Path(os.path.realpath(raw))
        if source == resolved or resolved in source.parents:
            raise OutputExistsError(
                f"{target}: holds the input {raw}; an export never replaces its own "
                "input (not even with --force)"
            )


def open_regular(path: Path) -> int:
    """Open a regular file for reading; never blocks on a FIFO, never reads a device.

    :returns: a file descriptor (the caller closes it).
    :raises OSError: when it cannot be opened.
    :raises SourceError: when it is not a regular file.
    """
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    st = os.fstat(fd)
    if not stat.S_ISREG(st.st_mode):
        os.close(fd)
        what = special_kind(st.st_mode) or "not a regular file"
        raise SourceError(f"{path}: {what}; skipped, not read")
    return fd


def copy_tree(source: Path, target: Path, *, force: bool = False) -> int:
    """Copy the files of ``source`` into ``target``.

    A new target is written whole, atomically. Into an existing one (only with
    ``force``, unless it is empty) each file is written atomically beside its
    place; a symbolic link or special file in the way is replaced, never written
    through, so nothing outside ``target`` is touched.

    :returns: the number of files copied.
    """
    check_target(target, force, directory=True)
    if not os.path.lexists(target) or target.is_symlink():
        with atomic_output(target, directory=True, force=force) as tmp:
            try:
                shutil.copytree(source, tmp, dirs_exist_ok=True)
            except shutil.Error as exc:  # a list of (source, target, why): name the first
                _src, _dst, why = exc.args[0][0]
                raise GrmodelError(f"{target}: cannot copy, nothing written: {why}") from None
        return sum(1 for p in target.rglob("*") if p.is_file())
    copied = 0
    for root, _dirs, files in os.walk(source):
        relative = Path(root).relative_to(source)
        place = _real_directory(target, relative)
        for name in files:
            data = Path(root, name).read_bytes()
            with atomic_output(place / name, force=True) as tmp:
                tmp.write_bytes(data)
            copied += 1
    return copied


def _real_directory(target: Path, relative: Path) -> Path:
    """``target/relative`` as a real directory inside ``target`` (links in the way replaced)."""
    place = target
    for part in relative.parts:
        place = place / part
        if place.is_symlink() or (os.path.lexists(place) and not place.is_dir()):
            place.unlink()
        place.mkdir(exist_ok=True)
    return place


# --- locking and leftovers -----------------------------------------------------


@contextlib.contextmanager
def _locked(target: Path) -> Iterator[None]:
    """Hold the target's lock; refuse when another run holds it."""
    if sys.platform == "win32":  # no flock: one writer is not enforced there
        yield
        return
    path = target.with_name(f".{target.name}{LOCK_MARK}")
    while True:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise OutputLockedError(
                f"{target}: another grmodel run is writing it; try again when it has ended"
            ) from None
        try:  # the run that held it may have removed the file as it ended
            same = os.stat(path).st_ino == os.fstat(fd).st_ino
        except FileNotFoundError:
            same = False
        if same:
            break
        os.close(fd)
    try:
        yield
    finally:
        with contextlib.suppress(OSError):
            os.unlink(path)
        os.close(fd)


def clean_leftovers(target: Path) -> list[Path]:
    """Remove the temporary outputs of earlier runs for ``target`` that were killed,
    restoring an old directory moved aside when the target itself is missing.
    Call it only while holding the target's lock.

    :returns: the paths removed.
    """
    removed = []
    old = target.with_name(f".{target.name}{OLD_MARK}")
    if os.path.lexists(old) and not os.path.lexists(target):
        os.rename(old, target)
    prefix = f".{target.name}{TMP_MARK}"
    with contextlib.suppress(FileNotFoundError):
        for entry in os.scandir(target.parent):
            if entry.name.startswith(prefix) or entry.name == old.name:
                _remove(Path(entry.path))
                removed.append(Path(entry.path))
    return removed


# --- syncing and swapping ------------------------------------------------------

_LIBC = ctypes.CDLL(None, use_errno=True) if os.name == "posix" else None
_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _sync_tree(path: Path) -> None:
    """Put a file, or every file of a tree, on disk."""
    if not path.is_dir():
        _fsync(path)
        return
    syncfs = getattr(_LIBC, "syncfs", None) if _LIBC is not None else None
    if syncfs is not None:  # one call for the whole file system, not one per file
        fd = os.open(path, os.O_RDONLY)
        try:
            if syncfs(fd) == 0:
                return
        finally:
            os.close(fd)
    for root, _dirs, files in os.walk(path):
        for name in files:
            _fsync(Path(root, name))
        _fsync(Path(root))


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically; ``False`` where the system cannot."""
    renameat2 = getattr(_LIBC, "renameat2", None) if _LIBC is not None else None
    if renameat2 is None:
        return False
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(b))


def _move_into_place(tmp: Path, target: Path) -> None:
    """Move ``tmp`` to ``target`` so that ``target`` is whole at every instant."""
    try:
        st = os.lstat(target)
    except FileNotFoundError:
        os.rename(tmp, target)
        return
    if not stat.S_ISDIR(st.st_mode) and not tmp.is_dir():
        os.replace(tmp, target)  # replaces a file, a link or a node; never writes through
        return
    if _exchange(tmp, target):
        _remove(tmp)  # the old output, now under the temporary name
        return
    old = target.with_name(f".{target.name}{OLD_MARK}")  # no exchange: two renames
    os.rename(target, old)
    os.rename(tmp, target)
    _remove(old)


@contextlib.contextmanager
def atomic_output(target: Path, *, directory: bool = False, force: bool = False) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; move it into place on success.

    On an exception the temporary file or directory is removed and ``target`` is
    left as it was. A directory target is replaced as a whole.

    :raises OutputExistsError: when ``target`` may not be replaced (see
        :func:`check_target`).
    :raises OutputLockedError: when another run is writing ``target``.
    """
    check_target(target, force, directory=directory)
    target.parent.mkdir(parents=True, exist_ok=True)
    with _locked(target):
        clean_leftovers(target)
        check_target(target, force, directory=directory)  # as it is now, under the lock
        tmp = target.with_name(f".{target.name}{TMP_MARK}{os.getpid()}.{secrets.token_hex(4)}")
        if directory:
            tmp.mkdir(mode=0o700)
        else:
            os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        try:
            yield tmp
            _apply_umask(tmp, directory)
            _sync_tree(tmp)
            _move_into_place(tmp, target)
            _fsync(target.parent)
        except OSError as exc:
            _remove(tmp)
            if exc.filename is None:  # a write to an open handle: name the target
                raise OSError(exc.errno, exc.strerror, str(target)) from exc
            raise
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


def atomic_write_text(
    target: Path, text: str, *, force: bool = False, errors: str = "strict"
) -> None:
    """Write text to ``target`` atomically (UTF-8).

    :param errors: how to encode what is not Unicode text (lone surrogates, e.g.
        from file names that are not UTF-8): ``"strict"`` refuses with an error
        naming the target, ``"backslashreplace"`` writes ``\\udcff``.
    :raises GrmodelError: when the text cannot be encoded.
    """
    try:
        data = text.encode("utf-8", errors)
    except UnicodeEncodeError as exc:
        raise GrmodelError(
            f"{target}: cannot write {exc.object[exc.start : exc.end]!r} at character "
            f"{exc.start}: not Unicode text (a lone surrogate)"
        ) from None
    with atomic_output(target, force=force) as tmp:
        tmp.write_bytes(data)
