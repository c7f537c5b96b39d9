"""How ``usjapan2024 show`` emphasises a quote inside its sentence on a terminal.

Colour codes only go where a person reads them: ``--color auto`` (the default) uses
them when standard output is a terminal, unless ``NO_COLOR`` is set to anything but
the empty string (https://no-color.org) or ``TERM`` is ``dumb``; ``always`` and
``never`` override all of that.  Without colour the quote is set off by « and », so a
pipe or a log still shows where it starts and ends.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import TextIO

__all__ = ["COLOR_CHOICES", "emphasiser", "use_color"]

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
