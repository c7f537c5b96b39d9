"""The benchmarks' own inputs: a benchmark of data that no longer loads measures nothing.

``scripts/bench`` is not run by the test suite (it times things, and tests never assert a
time), so what it feeds the library is checked here: the synthetic corpora of
``benchmarks/synthetic.py`` must be valid datasets of the size asked, with the ten
``exercises`` commitments the indexed-query rows look up at every size.
"""

from __future__ import annotations

import importlib.util
import types

import pytest

import usjapan2024 as uj
from usjapan2024.vocabulary import Topic

from .conftest import ROOT


def _synthetic() -> types.ModuleType:
    spec = importlib.util.spec_from_file_location("synthetic", ROOT / "benchmarks" / "synthetic.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("records", [100, 1_000])
def test_the_synthetic_corpus_is_a_valid_dataset_of_the_size_asked(records: int) -> None:
    document, text = _synthetic().make(records)
    meeting = uj.loads(document, source=text)  # every check of a user's file
    assert len(meeting.records()) == records
    assert len(uj.commitments(topic=Topic.EXERCISES, meeting=meeting)) == 10
