"""The teaching notebook runs top to bottom, and is stored without outputs."""

from __future__ import annotations

import pytest

from .conftest import ROOT

NOTEBOOK = ROOT / "examples" / "teaching.ipynb"

nbformat = pytest.importorskip("nbformat", reason="needs the docs extra")


def test_stored_without_outputs() -> None:
    """Outputs are stripped in git: a diff shows code, not results."""
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(notebook)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            assert cell.outputs == []
            assert cell.execution_count is None


def test_runs_top_to_bottom() -> None:
    """Every cell executes without error (a failing cell fails this test)."""
    nbclient = pytest.importorskip("nbclient", reason="needs the docs extra")
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(
        notebook, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(ROOT)}}
    )
    client.execute()
    outputs = [o for c in notebook.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    assert any("round trip holds" in o.get("text", "") for o in outputs)
