"""The one exception a bad dataset raises.

A person who edits the JSON by hand usually breaks more than one thing; reporting
only the first problem sends them round the edit-run loop once per mistake.  So
:class:`DatasetError` carries *every* problem found, each with a JSON path.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

__all__ = ["MAX_PROBLEMS", "DatasetError", "Problem"]

MAX_PROBLEMS = 100
"""The most problems a :class:`DatasetError` keeps; any more are counted in ``more``."""


@attrs.frozen
class Problem:
    """One thing wrong with a dataset.

    Attributes:
        path: Where, as a JSON path from the document root: ``$.commitments[3].parties[0]``.
        message: What is wrong there and what was expected.
    """

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


class DatasetError(ValueError):
    """A dataset's content is not valid: not JSON, not the schema, or not consistent.

    It is a :class:`ValueError` so code that already guards parsing with
    ``except ValueError`` keeps working.

    A hostile file can hold millions of mistakes; the first :data:`MAX_PROBLEMS` are
    kept, and the rest only counted, so that neither the error nor its message grows
    with the file.

    Attributes:
        problems: The problems found, in document order where there is one: all of
            them, or the first :data:`MAX_PROBLEMS`.
        more: How many more problems were found and not kept (usually 0).
    """

    problems: tuple[Problem, ...]
    more: int

    def __init__(self, problems: Iterable[Problem], more: int = 0) -> None:
        kept: list[Problem] = []
        for problem in problems:  # an iterator is consumed one problem at a time
            if len(kept) < MAX_PROBLEMS:
                kept.append(problem)
            else:
                more += 1
        self.problems = tuple(kept)
        self.more = more
        count = len(self.problems) + more
        header = f"invalid dataset: {count} problem{'s' if count != 1 else ''}"
        lines = [f"  {problem}" for problem in self.problems]
        if more:
            lines.append(f"  ... and {more} more problem{'s' if more != 1 else ''}")
        super().__init__("\n".join([header, *lines]))

    def __reduce__(self) -> tuple[type[DatasetError], tuple[tuple[Problem, ...], int]]:
        # Keep the structured problems when the error crosses a process boundary.
        return (type(self), (self.problems, self.more))
