"""Writing a file or folder so that an interrupted write never leaves something that looks whole.

Every file the package writes goes through here: ``dump()``, and the exports.

The export is written under a temporary name beside the target (a hidden name ending in
``.partial``), in the same folder so that the final rename is one step on one file
system, and renamed to the target only once it is complete.  A failure removes the
temporary file or folder; a crash leaves only the ``.partial``, which no reader takes for
the export.

An existing target is replaced only when asked (``overwrite=True``), and a folder only if
it holds what is being written (its marker file): replacing someone's folder of other
files by mistake would delete them.  What is replaced keeps what it had:

* a new file takes the mode of the file it replaces (a ``0600`` file stays private), and
  a target without any write permission (``0444``) is refused, with its own name in the
  message, rather than replaced without a word; a new file or folder gets the mode the
  umask gives it;
* a folder is replaced in one step on Linux: ``renameat2(RENAME_EXCHANGE)`` swaps the
  new folder and the old one, and the old one, now under the temporary name, is
  deleted.  Where that call is missing (other systems, old kernels, file systems that
  lack it) the old folder is renamed aside and the new one renamed in its place: two
  steps, so that a crash between them leaves the target missing and the old folder
  under a hidden ``.old`` name beside it;
* no temporary or old copy outlives a run that ends normally, failed or not.

Errors name the target, never the hidden temporary name.
"""

from __future__ import annotations

import contextlib
import errno
import functools
import os
import secrets
import shutil
import stat
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

__all__ = ["TargetExistsError", "new_file", "new_folder"]


def _check_parent(target: Path) -> None:
    if not target.parent.is_dir():
        msg = f"cannot write {target}: its folder {target.parent} does not exist"
        raise FileNotFoundError(msg)


class TargetExistsError(FileExistsError):
    """The target exists and was not to be replaced.

    Its message is worded for Python (the ``overwrite=True`` of the functions that write);
    the command line words it for the shell from :attr:`target`.
    """

    def __init__(self, target: Path) -> None:
        super().__init__(f"{target} exists already; replace it on purpose: overwrite=True")
        self.target = target


def _existing(path: Path, *, overwrite: bool) -> os.stat_result | None:
    """The status of the target that will be replaced, if there is one, once it may be."""
    try:
        status = path.stat()
    except FileNotFoundError:
        return None
    if not overwrite:
        raise TargetExistsError(path)
    if not status.st_mode & 0o222 or not os.access(path, os.W_OK):  # the bits: root too
        mode = stat.S_IMODE(status.st_mode)
        msg = f"cannot replace {path}: it is read-only (mode {mode:04o}); make it writable first"
        raise PermissionError(errno.EACCES, msg)
    return status


@contextlib.contextmanager
def _naming(target: Path, partial: Path | None) -> Iterator[None]:
    """Re-raise an ``OSError`` about the hidden temporary name as one about ``target``."""
    try:
        yield
    except OSError as error:
        if partial is None or error.filename not in (str(partial), partial):
            raise
        if isinstance(error, PermissionError):
            msg = f"cannot write {target}: no permission to write in its folder {target.parent}"
            raise PermissionError(errno.EACCES, msg) from None
        raise type(error)(error.errno, error.strerror, str(target)) from None


def _temporary_name(path: Path, suffix: str) -> Path:
    return path.parent / f".{path.name}.{secrets.token_hex(6)}{suffix}"


@contextlib.contextmanager
def new_file(target: str | os.PathLike[str], *, overwrite: bool) -> Iterator[Path]:
    """Yield a temporary path to write the file ``target`` at; rename it when done.

    Raises:
        FileNotFoundError: The folder ``target`` would be in does not exist.
        IsADirectoryError: ``target`` is a folder.
        FileExistsError: ``target`` exists and ``overwrite`` is false.
        PermissionError: ``target`` is read-only, or its folder may not be written.
        OSError: Writing failed (a full disk): ``target`` is left as it was.
    """
    path = Path(target)
    _check_parent(path)
    if path.is_dir():
        msg = f"cannot write {path}: it is a folder; give the path of a file to write"
        raise IsADirectoryError(msg)
    existing = _existing(path, overwrite=overwrite)
    partial = _temporary_name(path, ".partial")
    with _naming(path, partial):
        partial.touch(exist_ok=False)  # fails early, here, if the folder is not writable
        try:
            partial.unlink()  # the writer creates it (SQLite wants to create its own file)
            yield partial
            with partial.open("rb") as written:  # on disk before it takes the target's name
                os.fsync(written.fileno())
            if existing is not None:  # the new file keeps the old one's permissions
                partial.chmod(stat.S_IMODE(existing.st_mode))
            partial.replace(path)
        finally:
            partial.unlink(missing_ok=True)


@contextlib.contextmanager
def new_folder(target: str | os.PathLike[str], *, overwrite: bool, marker: str) -> Iterator[Path]:
    """Yield a temporary folder to write the folder ``target`` in; put it in place when done.

    Args:
        target: The folder to make.
        overwrite: Whether an existing ``target`` may be replaced.
        marker: A file that every folder of this sort holds: an existing folder without
            it is refused even with ``overwrite``.

    Raises:
        FileNotFoundError: The folder ``target`` would be in does not exist.
        NotADirectoryError: ``target`` is a file.
        FileExistsError: ``target`` exists and ``overwrite`` is false, or it does not
            hold ``marker``.
        PermissionError: ``target``'s folder may not be written.
        OSError: Writing failed (a full disk): ``target`` is left as it was.
    """
    path = Path(target)
    _check_parent(path)
    if path.exists() and not path.is_dir():
        msg = f"cannot write {path}: it is a file; give the path of a folder to make"
        raise NotADirectoryError(msg)
    existing = _existing(path, overwrite=overwrite)
    if existing is not None:
        _check_marker(path, marker)
    partial = _temporary_name(path, ".partial")
    with _naming(path, partial):
        partial.mkdir(mode=0o777)  # the umask decides, as for any folder
        try:
            if existing is not None:
                partial.chmod(stat.S_IMODE(existing.st_mode))
            yield partial
            _put_in_place(partial, path, overwrite=overwrite, marker=marker)
        finally:
            shutil.rmtree(partial, ignore_errors=True)  # a failed write, or the old folder


def _check_marker(path: Path, marker: str) -> None:
    if any(path.iterdir()) and not (path / marker).is_file():
        msg = f"{path} holds other files (no {marker}): refusing to replace it"
        raise FileExistsError(msg)


def _put_in_place(partial: Path, path: Path, *, overwrite: bool, marker: str) -> None:
    """Rename ``partial`` to ``path``; an existing ``path`` ends up at ``partial``, or gone.

    Another run may create or replace ``path`` at the same time: each attempt starts
    again from what is there now, so concurrent runs each finish, the last one winning.
    """
    for _ in range(100):
        if not path.exists():
            if _put_new(partial, path):
                return
            continue  # it appeared meanwhile: replace it, if that is allowed
        if not overwrite:
            raise TargetExistsError(path)
        _check_marker(path, marker)
        if _replace(partial, path):
            return
    msg = f"cannot write {path}: other programs kept changing it"
    raise FileExistsError(msg)


def _put_new(partial: Path, path: Path) -> bool:
    """Rename ``partial`` to ``path``, which was not there: False if it is there now."""
    try:
        if not _rename2(partial, path, _RENAME_NOREPLACE):
            partial.rename(path)  # os.rename: replaces an empty folder, fails on a full one
    except (FileExistsError, IsADirectoryError):
        return False
    except OSError as error:
        if error.errno != errno.ENOTEMPTY:
            raise
        return False
    return True


def _replace(partial: Path, path: Path) -> bool:
    """Swap ``partial`` and ``path`` (or, without ``renameat2``, two renames): False if it went."""
    try:
        if _rename2(partial, path, _RENAME_EXCHANGE):
            return True  # the old folder is at `partial` now, and goes with it
    except FileNotFoundError:
        return False
    old = _temporary_name(path, ".old")
    try:
        path.rename(old)
    except FileNotFoundError:
        return False
    try:
        partial.rename(path)
    except OSError:
        with contextlib.suppress(OSError):
            old.rename(path)  # put the old one back
        raise
    shutil.rmtree(old, ignore_errors=True)
    return True


_AT_FDCWD = -100
_RENAME_NOREPLACE = 1
_RENAME_EXCHANGE = 2


@functools.cache
def _renameat2() -> Any:  # noqa: ANN401  (a ctypes function)
    """Linux's ``renameat2``, through the C library, or ``None`` where there is none."""
    if not sys.platform.startswith("linux"):
        return None
    import ctypes

    try:
        function = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError):  # a C library older than glibc 2.28, or none
        return None
    function.argtypes = [
        ctypes.c_int,
        ctypes.c_char_p,
        ctypes.c_int,
        ctypes.c_char_p,
        ctypes.c_uint,
    ]
    function.restype = ctypes.c_int
    return function


def _rename2(source: Path, target: Path, flags: int) -> bool:
    """``renameat2(source, target, flags)``: True if done, False where it is not available.

    Raises:
        OSError: The call failed for another reason (``FileExistsError`` for
            ``RENAME_NOREPLACE`` onto an existing target, ``FileNotFoundError`` for
            ``RENAME_EXCHANGE`` with no target).
    """
    function = _renameat2()
    if function is None:
        return False
    import ctypes

    if function(_AT_FDCWD, os.fsencode(source), _AT_FDCWD, os.fsencode(target), flags) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP):
        return False  # the kernel or the file system does not have it
    raise OSError(code, os.strerror(code), str(target))
