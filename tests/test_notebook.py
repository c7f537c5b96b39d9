"""The notebooks run top to bottom and are stored without outputs; the course's two agree."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from typing import Any

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


COURSE = ROOT / "examples" / "course"


def _student_notebook_tool() -> Any:
    spec = importlib.util.spec_from_file_location(
        "student_notebook", ROOT / "tools" / "student_notebook.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_student_notebook_is_the_teachers_without_answers() -> None:
    """The student's notebook is made from the teacher's: regenerate it after an edit."""
    tool = _student_notebook_tool()
    teacher = json.loads((COURSE / "teacher.ipynb").read_text(encoding="utf-8"))
    stored = (COURSE / "student.ipynb").read_text(encoding="utf-8")
    assert stored == tool.dumps(tool.student_version(teacher)), (
        "run: python tools/student_notebook.py"
    )
    answers = [c for c in teacher["cells"] if "answer" in c["metadata"].get("tags", [])]
    assert len(answers) == 6
    assert all("NotImplementedError" not in "".join(c["source"]) for c in answers)
    assert "NotImplementedError" in stored


def _executed(path: Path) -> list[str]:
    nbclient = pytest.importorskip("nbclient", reason="needs the docs extra")
    notebook = nbformat.read(path, as_version=4)
    nbformat.validate(notebook)
    assert all(c.outputs == [] for c in notebook.cells if c.cell_type == "code")
    client = nbclient.NotebookClient(
        notebook, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(COURSE)}}
    )
    client.execute()
    outputs = [o for c in notebook.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    return [o.get("text", "") for o in outputs if o.output_type == "stream"]


def test_teacher_notebook_answers_are_correct() -> None:
    """Every answer in the teacher's notebook passes its check and catches every mutant."""
    printed = "".join(_executed(COURSE / "teacher.ipynb"))
    for exercise in ("attrs-1", "attrs-2", "attrs-3", "hypothesis-1", "hypothesis-2"):
        assert f"{exercise}: correct" in printed
    assert "hypothesis-3: correct" in printed
    assert "caught 4 of 4 buggy span strategies" in printed
    assert "caught 6 of 6 buggy search implementations" in printed


def test_student_notebook_runs_with_blanks() -> None:
    """The student's notebook runs top to bottom and each self-check says what is left."""
    printed = "".join(_executed(COURSE / "student.ipynb"))
    assert printed.count("not answered yet") == 8  # six checks, two mutant reports
