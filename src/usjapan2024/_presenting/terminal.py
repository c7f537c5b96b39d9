"""How ``usjapan2024 show`` emphasises a quote inside its sentence on a terminal.

Colour codes only go where a person reads them: ``--color auto`` (the default) uses
them when standard output is a terminal, unless ``NO_COLOR`` is set to anything but
the empty string (https://no-color.org) or ``TERM`` is ``dumb``; ``always`` and
``never`` override all of that.  Without colour the quote is set off by « and », so a
pipe or a log still shows where it starts and ends.

Text from a data file is never trusted to be harmless on a terminal: :func:`escape` shows
each control character (ESC, CR, DEL, C1, the bidi controls, invisible format
characters) as its escape, and the command line passes everything it prints through it.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Callable
from typing import TextIO

__all__ = ["COLOR_CHOICES", "emphasiser", "escape", "escape_json", "use_color"]

COLOR_CHOICES = ("auto", "always", "never")
_BOLD_UNDERLINE = "\x1b[1;4m"  # readable on light and dark terminals alike
_RESET = "\x1b[0m"


def use_color(choice: str, stream: TextIO) -> bool:
    """Whether to colour output for ``--color choice`` written to ``stream``."""
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty is not None and isatty())


def emphasiser(color: bool) -> Callable[[str], str]:  # noqa: FBT001
    """The function that sets a quote off from its sentence."""
    if color:
        return lambda quote: f"{_BOLD_UNDERLINE}{quote}{_RESET}"
    return lambda quote: f"«{quote}»"


# --- Escaping what a data file says, so that it cannot drive the terminal -------------------

_UNSAFE_CHARS = "".join(
    [
        *map(chr, range(0x20)),  # C0 controls: ESC starts every escape sequence
        "\x7f",  # DEL
        *map(chr, range(0x80, 0xA0)),  # C1 controls: U+009B is a one-character CSI
        "\u00ad",  # soft hyphen: invisible
        "\u061c",  # Arabic letter mark: a bidi control
        "\u180e",  # Mongolian vowel separator: invisible
        *map(chr, range(0x200B, 0x2010)),  # zero-width space/joiners, LRM, RLM
        "\u2028\u2029",  # line and paragraph separators: a line break to some terminals
        *map(chr, range(0x202A, 0x202F)),  # bidi embeddings and overrides (U+202E)
        *map(chr, range(0x2060, 0x2070)),  # word joiner, invisible operators, bidi isolates
        "\ufeff",  # zero-width no-break space (byte order mark)
        *map(chr, range(0xFFF9, 0xFFFC)),  # interlinear annotation controls
    ]
)
_TAGS = "\U000e0000-\U000e007f"  # the tag characters: invisible


def _char_class(chars: str) -> str:
    """A regular expression's class of ``chars`` and the tag characters, as ranges.

    Ranges, not one escape per character: the same class, which ``re`` compiles in a
    third of the time (the command line compiles three at every start).
    """
    points, ranges = sorted(set(map(ord, chars))), []
    while points:
        first = last = points.pop(0)
        while points and points[0] == last + 1:
            last = points.pop(0)
        ranges.append(f"\\U{first:08x}" + (f"-\\U{last:08x}" if last != first else ""))
    return "[" + "".join(ranges) + _TAGS + "]"


_UNSAFE = re.compile(_char_class(_UNSAFE_CHARS))
"""The characters a terminal may act on or that hide text: C0 (newline and tab too), DEL,
C1, the bidi controls (U+061C, U+200E, U+200F, U+202A-U+202E, U+2066-U+2069), and the
invisible format characters (zero-width space and joiners, word joiner, invisible
operators, soft hyphen, BOM, line and paragraph separators, the tag characters
U+E0000-U+E007F)."""
_UNSAFE_KEEPING_LINES = re.compile(_char_class(_UNSAFE_CHARS.replace("\n", "")))


@functools.cache
def _unsafe_in_json() -> re.Pattern[str]:
    """What :func:`escape_json` escapes: :data:`_UNSAFE` without C0.

    ``json.dumps`` escapes C0 in strings itself, and outside them its newlines are the
    layout.  Compiled when first needed: ``re`` takes milliseconds over this class (a table has
    no use for it).
    """
    return re.compile(_char_class("".join(c for c in _UNSAFE_CHARS if c >= "\x7f")))


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def escape(text: str, *, newlines: bool = False) -> str:
    r"""Return ``text`` with every character that could drive a terminal shown as an escape.

    Each such character becomes its Python escape (``\x1b``, ``\u202e``), so that a
    person sees that it is there and the terminal never acts on it.  With ``newlines``
    a newline is kept as it is (for text of several lines); a tab never is.  The
    result is for reading, not for parsing back: a backslash is not itself escaped.
    The function is idempotent: its output holds no character it escapes.

    >>> escape("\x1b]0;pwned\x07 \u202egnp.exe")
    '\\x1b]0;pwned\\x07 \\u202egnp.exe'
    >>> escape("two\nlines\r", newlines=True)
    'two\nlines\\x0d'
    """
    pattern = _UNSAFE_KEEPING_LINES if newlines else _UNSAFE
    return pattern.sub(_escaped, text)


def escape_json(text: str) -> str:
    r"""Return JSON text with the characters :func:`escape` escapes written as ``\u`` escapes.

    ``json.dumps(..., ensure_ascii=False)`` escapes C0 controls but writes DEL, C1 and
    the bidi and invisible format characters as they are.  Outside a string JSON text
    holds only ASCII structure, so each of them is inside a string, where its ``\u``
    escape parses back to the very same value: the output is exactly the same data,
    and safe to show on a terminal.

    >>> import json
    >>> escape_json(json.dumps("\u202e\x9b", ensure_ascii=False))
    '"\\u202e\\u009b"'
    """
    return _unsafe_in_json().sub(_json_escaped, text)


def _json_escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x10000:
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
