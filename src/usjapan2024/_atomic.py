"""Replacing a file all at once, so that a failed write never leaves half a file.

Every file the package writes goes through :func:`replace_file`: the bytes are written
to a new file beside the target and renamed over it only when complete, so a reader
(or a crash) sees the old file or the new one, never a truncated mix.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path

__all__ = ["replace_file"]


def replace_file(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` atomically: a temporary file beside it, then a rename.

    The temporary file is opened like any new file (so it gets the usual permissions)
    and removed again if anything fails before the rename.
    """
    target = Path(path)
    temporary = target.with_name(f".{target.name}.{secrets.token_hex(6)}.tmp")
    try:
        with temporary.open("xb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        temporary.replace(target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()
        raise
