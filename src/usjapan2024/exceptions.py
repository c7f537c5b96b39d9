"""The one exception a bad dataset raises.

A person who edits the JSON by hand usually breaks more than one thing; reporting
only the first problem sends them round the edit-run loop once per mistake.  So
:class:`DatasetError` carries *every* problem found, each with a JSON path.
"""

from __future__ import annotations

import attrs

__all__ = ["DatasetError", "Problem"]


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

    Attributes:
        problems: Every problem found, in document order where there is one.
    """

    problems: tuple[Problem, ...]

    def __init__(self, problems: tuple[Problem, ...] | list[Problem]) -> None:
        self.problems = tuple(problems)
        count = len(self.problems)
        header = f"invalid dataset: {count} problem{'s' if count != 1 else ''}"
        lines = "\n".join(f"  {problem}" for problem in self.problems)
        super().__init__(f"{header}\n{lines}")

    def __reduce__(self) -> tuple[type[DatasetError], tuple[tuple[Problem, ...]]]:
        # Keep the structured problems when the error crosses a process boundary.
        return (type(self), (self.problems,))
