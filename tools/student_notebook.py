"""Write the course's student notebook: the teacher's, with every answer replaced by its blank.

The teacher's notebook (``examples/course/teacher.ipynb``) holds the answers; each answer
cell is tagged ``answer`` and carries, in ``metadata.course.blank``, what the student sees
instead.  Run ``python tools/student_notebook.py`` after editing the teacher's notebook;
``tests/test_notebook.py`` fails while the two differ, so they cannot drift apart.
"""

from __future__ import annotations

import copy
import json
import sys
from pathlib import Path
from typing import Any

COURSE = Path(__file__).resolve().parent.parent / "examples" / "course"
TEACHER = COURSE / "teacher.ipynb"
STUDENT = COURSE / "student.ipynb"
ANSWER = "answer"


def student_version(teacher: dict[str, Any]) -> dict[str, Any]:
    """Return the student's notebook: ``teacher`` with each answer cell's source blanked."""
    student = copy.deepcopy(teacher)
    for cell in student["cells"]:
        if ANSWER in cell.get("metadata", {}).get("tags", []):
            cell["source"] = cell["metadata"].pop("course")["blank"]
            cell["metadata"]["tags"] = ["blank"]
    return student


def dumps(notebook: dict[str, Any]) -> str:
    """The notebook as Jupyter writes it: one-space indents, sorted keys, a final newline."""
    return json.dumps(notebook, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def main() -> int:
    """Write the student's notebook from the teacher's."""
    teacher = json.loads(TEACHER.read_text(encoding="utf-8"))
    STUDENT.write_text(dumps(student_version(teacher)), encoding="utf-8")
    print(f"wrote {STUDENT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
