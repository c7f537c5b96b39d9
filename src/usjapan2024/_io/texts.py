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

_lock = threading.Lock()
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
