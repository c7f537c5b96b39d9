"""The docs, built once per test session (per xdist worker) for the tests that read the HTML."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT


@pytest.fixture(scope="session")
def built_docs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the docs as ``scripts/test`` does, into a temporary folder; skip without Sphinx.

    ``scripts/test`` builds the docs (strictly) just before it runs pytest and names the
    folder in ``USJAPAN2024_BUILT_DOCS``: the tests read that build rather than make the
    same one again in every xdist worker.
    """
    pytest.importorskip("sphinx", reason="Sphinx is in the docs extra")
    if built := os.environ.get("USJAPAN2024_BUILT_DOCS"):
        assert (Path(built) / "index.html").is_file(), f"no docs built in {built}"
        return Path(built)
    out = tmp_path_factory.mktemp("html")
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-q", "-b", "html",
         str(ROOT / "docs"), str(out)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return out
