"""Writing a file or folder so that an interrupted write never leaves something that looks whole.

Every file the package writes goes through here: ``dump()``, and the exports.

The export is written under a temporary name beside the target (a hidden name ending in
``.partial``), in the same folder so that the final rename is one step on one file
system, and renamed to the target only once it is complete.  A failure removes the
temporary file or folder; a crash leaves only the ``.partial``, which no reader takes for
the export.

An existing target is replaced only when asked (``overwrite=True``), and a folder only if
it holds what is being written (its marker file): replacing someone's folder of other
files by mistake would delete them.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

__all__ = ["new_file", "new_folder"]


def _check_parent(target: Path) -> None:
    if not target.parent.is_dir():
        msg = f"cannot write {target}: its folder {target.parent} does not exist"
        raise FileNotFoundError(msg)


@contextlib.contextmanager
def new_file(target: str | os.PathLike[str], *, overwrite: bool) -> Iterator[Path]:
    """Yield a temporary path to write the file ``target`` at; rename it when done.

    Raises:
        FileNotFoundError: The folder ``target`` would be in does not exist.
        IsADirectoryError: ``target`` is a folder.
        FileExistsError: ``target`` exists and ``overwrite`` is false.
    """
    path = Path(target)
    _check_parent(path)
    if path.is_dir():
        msg = f"cannot write {path}: it is a folder; give the path of a file to write"
        raise IsADirectoryError(msg)
    if path.exists() and not overwrite:
        msg = f"{path} exists already; replace it on purpose: overwrite=True, or --force"
        raise FileExistsError(msg)
    handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".partial", dir=path.parent)
    os.close(handle)
    partial = Path(name)
    try:
        partial.unlink()  # the writer creates it (SQLite wants to create its own file)
        yield partial
        with partial.open("rb") as written:  # on disk before it takes the target's name
            os.fsync(written.fileno())
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)


@contextlib.contextmanager
def new_folder(target: str | os.PathLike[str], *, overwrite: bool, marker: str) -> Iterator[Path]:
    """Yield a temporary folder to write the folder ``target`` in; rename it when done.

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
    """
    path = Path(target)
    _check_parent(path)
    if path.exists() and not path.is_dir():
        msg = f"cannot write {path}: it is a file; give the path of a folder to make"
        raise NotADirectoryError(msg)
    if path.exists():
        if not overwrite:
            msg = f"{path} exists already; replace it on purpose: overwrite=True, or --force"
            raise FileExistsError(msg)
        if any(path.iterdir()) and not (path / marker).is_file():
            msg = f"{path} holds other files (no {marker}): refusing to replace it"
            raise FileExistsError(msg)
    partial = Path(tempfile.mkdtemp(prefix=f".{path.name}.", suffix=".partial", dir=path.parent))
    try:
        yield partial
        if path.exists():  # set the old one aside, put the new one in place, then delete
            old = Path(tempfile.mkdtemp(prefix=f".{path.name}.", suffix=".old", dir=path.parent))
            path.replace(old / path.name)
            partial.replace(path)
            shutil.rmtree(old)
        else:
            partial.replace(path)
    finally:
        if partial.exists():
            shutil.rmtree(partial)
