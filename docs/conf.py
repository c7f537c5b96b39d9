"""Sphinx configuration: MyST Markdown pages, furo theme, API from docstrings.

The build runs with warnings as errors in ``scripts/test``.  The extension in
``_ext/generated.py`` draws the class diagram, the charts, the annotated source and the
record catalogue from the code and the data at every build, so none can disagree with
what they show.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent / "_ext"))

import usjapan2024

project = "usjapan2024"
author = "usjapan2024 contributors"
copyright = "2026, usjapan2024 contributors"
release = usjapan2024.__version__
version = release

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.intersphinx",
    "generated",
    "downloads",  # the data files, published in the built site (docs/download.md)
]
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3
source_suffix = {".md": "markdown"}
exclude_patterns = ["_build", "_generated/*.md"]
html_theme = "furo"
html_title = f"usjapan2024 {release}"
# Local files only: the built docs load nothing from another host (tests/test_docs_offline.py).
html_static_path = ["_static"]
html_css_files = ["viewer.css"]
html_js_files = ["viewer.js"]

autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"members": True, "show-inheritance": False}
napoleon_google_docstring = True
napoleon_numpy_docstring = False
napoleon_use_ivar = True

intersphinx_mapping: dict[str, tuple[str, str | None]] = {}
suppress_warnings = ["myst.xref_missing"]
