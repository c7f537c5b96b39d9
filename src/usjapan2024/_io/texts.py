"""Which text each loaded meeting was coded from, so that every surface can ask the meeting.

A meeting is immutable and its spans index one text; loading proves they do, then
remembers that text here, keyed by the meeting object (not by equality: hashing a whole
meeting would cost more than the lookup saves) and forgotten with it.  A meeting built
in code has no text here until something that knows its text says so.
"""

from __future__ import annotations

import threading
import weakref

__all__ = ["recall", "remember"]

_lock = threading.RLock()
"""Re-entrant: registering a finalizer allocates, which can run the garbage collector,
which can run, in this thread and under this lock, the finalizer of a meeting that died,
which takes the lock to forget it (a plain lock waited for itself: a run of the shrink
benchmark, which remembers thousands of generated meetings, hung there)."""
_texts: dict[int, str] = {}


def remember(meeting: object, text: str) -> None:
    """Note that ``meeting``'s spans index ``text`` (once proved: the loader's job)."""
    key = id(meeting)
    with _lock:
        if key not in _texts:
            weakref.finalize(meeting, _forget, key)
        _texts[key] = text


def _forget(key: int) -> None:
    with _lock:
        _texts.pop(key, None)


def recall(meeting: object) -> str | None:
    """The text ``meeting`` was coded from, if it was loaded (or derived from one that was)."""
    return _texts.get(id(meeting))
