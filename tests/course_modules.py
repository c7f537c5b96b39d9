"""The course's modules, loaded once for the course tests (they are scripts, not a package)."""

from __future__ import annotations

import importlib.util
import sys
from types import ModuleType
from typing import Any

from .conftest import ROOT

COURSE = ROOT / "examples" / "course"


def _module(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"course_{name}", COURSE / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


check: Any = _module("check")  # puts the course folder on sys.path, for `given`, `buggy`
solutions: Any = _module("solutions")
blanks: Any = _module("exercises")
given: Any = sys.modules["given"]  # the very module check.py and buggy.py use
buggy: Any = sys.modules["buggy"]
