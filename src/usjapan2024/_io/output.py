"""Writing to standard output and standard error so that no failure goes unnoticed.

``print()`` and ``sys.stdout.write()`` leave text in a buffer that is written later, or
at exit, where a failure is easy to lose: a full disk (``ENOSPC``) could cut an export
short and still exit 0, and with standard output closed ``print()`` writes nothing and
says nothing.  Here every write is followed by a flush inside the same ``try``, so a
failure of the write itself is :class:`OutputError`, which the command line reports in
one line with exit status 74 (``EX_IOERR``).

A reader that stops reading (``usjapan2024 ... | head``) is not a failure: its
``BrokenPipeError`` is let through, and the command line ends quietly.

Text meant for people goes through :func:`usjapan2024._presenting.terminal.escape`
first, so that nothing a data file holds can drive the terminal.
"""

from __future__ import annotations

import os
import sys
from typing import TextIO

from usjapan2024._presenting.terminal import escape

__all__ = [
    "EX_IOERR",
    "OutputError",
    "is_terminal",
    "os_error_text",
    "quiet_stdout",
    "say",
    "warn",
    "write",
]

EX_IOERR = 74  # sysexits.h: an error while doing I/O on some file


class OutputError(Exception):
    """Standard output could not be written: closed, full, or failing."""


def _stdout() -> TextIO:
    stream = sys.stdout
    if stream is None or stream.closed:  # None: the program started with it closed
        msg = "cannot write to standard output: it is closed"
        raise OutputError(msg)
    return stream


def write(text: str) -> None:
    """Write ``text`` to standard output exactly as it is, and flush it.

    Raises:
        OutputError: Standard output is closed, or writing or flushing failed
            (a full disk, an I/O error); the message names the cause.
        BrokenPipeError: The reader has gone (a closed pager).
    """
    stream = _stdout()
    try:
        written = stream.write(text)
        stream.flush()
    except BrokenPipeError:
        raise
    except OSError as error:
        msg = f"cannot write to standard output: {error.strerror or error}"
        raise OutputError(msg) from None
    if written is not None and written != len(text):  # a raw stream that wrote short
        msg = f"cannot write to standard output: only {written} of {len(text)} characters written"
        raise OutputError(msg)


def say(text: str) -> None:
    """Write a line of text for people to standard output, its control characters escaped."""
    write(escape(text, newlines=True) + "\n")


def warn(text: str) -> None:
    """Write a line to standard error, escaped; a standard error that fails is ignored.

    There is nowhere left to report a failure of standard error itself.
    """
    stream = sys.stderr
    if stream is None or stream.closed:
        return
    try:
        stream.write(escape(text, newlines=True) + "\n")
        stream.flush()
    except OSError:
        pass


def os_error_text(error: OSError) -> str:
    """An ``OSError`` in words for people: what failed, and on which file; no ``[Errno N]``.

    ``str()`` of an ``OSError`` made with an errno begins ``[Errno 13]``, which is Python's
    wording, not a message.  An error whose message names its file already (those of
    ``_io.safe``, which name the target) is given as it is.

    >>> os_error_text(FileNotFoundError(2, "No such file or directory", "x.json"))
    'x.json: No such file or directory'
    >>> os_error_text(PermissionError(13, "cannot replace x.db: it is read-only"))
    'cannot replace x.db: it is read-only'
    >>> os_error_text(FileNotFoundError("cannot write x.db: its folder does not exist"))
    'cannot write x.db: its folder does not exist'
    """
    if not error.strerror:  # made from a message alone
        return str(error)
    name = error.filename
    if name is None:
        return str(error.strerror)
    shown = os.fsdecode(name) if isinstance(name, (str, bytes, os.PathLike)) else str(name)
    return error.strerror if shown in error.strerror else f"{shown}: {error.strerror}"


def is_terminal(stream: TextIO | None = None) -> bool:
    """Whether standard output (or ``stream``) is a terminal."""
    stream = sys.stdout if stream is None else stream
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty is not None and isatty())
    except ValueError:  # closed
        return False


def quiet_stdout() -> None:
    """Point standard output at ``os.devnull`` once the reader has gone.

    Otherwise the interpreter's last flush at exit meets the broken pipe again and
    prints a warning (Python's documented recipe for ``SIGPIPE``).
    """
    try:
        fileno = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):  # not a real file: nothing to flush at exit
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, fileno)
    os.close(devnull)
