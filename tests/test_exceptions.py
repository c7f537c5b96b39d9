from __future__ import annotations

import pickle

from usjapan2024 import DatasetError, Problem
from usjapan2024.exceptions import DatasetError as FromModule


class TestDatasetError:
    def test_is_value_error(self) -> None:
        """Code that catches ValueError around parsing keeps working."""
        assert issubclass(DatasetError, ValueError)
        assert DatasetError is FromModule

    def test_message_lists_every_problem(self) -> None:
        """The message has a header and one line per problem, path first."""
        error = DatasetError([Problem("$.a", "bad"), Problem("$.b[0]", "worse")])
        assert str(error).splitlines() == [
            "invalid dataset: 2 problems",
            "  $.a: bad",
            "  $.b[0]: worse",
        ]

    def test_problems_are_structured(self) -> None:
        """Each problem is available as data, not only as text."""
        error = DatasetError([Problem("$.a", "bad")])
        assert error.problems == (Problem("$.a", "bad"),)
        assert error.problems[0].path == "$.a"

    def test_pickles_with_its_problems(self) -> None:
        """The structured problems survive pickling (multiprocessing, pytest-xdist)."""
        error = DatasetError([Problem("$.a", "bad")])
        again = pickle.loads(pickle.dumps(error))  # noqa: S301  (our own object)
        assert again.problems == error.problems
        assert str(again) == str(error)
