"""The wheel carries the data: build it, install it in a fresh venv, load from elsewhere."""

from __future__ import annotations

import os
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

from .conftest import ROOT


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(out), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (found,) = out.glob("usjapan2024-*.whl")
    return found


class TestWheel:
    def test_contents(self, wheel: Path) -> None:
        """The wheel holds the data, text, citation, releases, their digests and py.typed."""
        from usjapan2024 import releases

        names = set(zipfile.ZipFile(wheel).namelist())
        shipped = [f"data/releases/{release.file}" for release in releases()]
        for name in (
            "data/usjapan2024.json",
            "data/communique-2024-07-28.txt",
            "data/CITATION.cff",
            "_loading/proven.py",  # the digests the first load compares the data files with
            "py.typed",
            *shipped,
        ):
            assert f"usjapan2024/{name}" in names

    def test_entry_points(self, wheel: Path) -> None:
        """The wheel declares the console script and the Hypothesis plugin."""
        with zipfile.ZipFile(wheel) as archive:
            (name,) = [n for n in archive.namelist() if n.endswith("entry_points.txt")]
            text = archive.read(name).decode()
        assert "usjapan2024 = usjapan2024.__main__:main" in text
        assert "[hypothesis]" in text
        assert "usjapan2024._hypothesis_plugin:_hypothesis_setup_hook" in text

    def test_metadata(self, wheel: Path) -> None:
        """Runtime dependencies are attrs, cattrs and importlib-resources, nothing else."""
        with zipfile.ZipFile(wheel) as archive:
            (meta,) = [n for n in archive.namelist() if n.endswith("METADATA")]
            text = archive.read(meta).decode()
        required = [
            line.split(":", 1)[1].strip()
            for line in text.splitlines()
            if line.startswith("Requires-Dist:") and "extra ==" not in line
        ]
        assert sorted(r.split(">")[0].split("=")[0] for r in required) == [
            "attrs",
            "cattrs",
            "importlib-resources",
        ]
        assert "Classifier: Typing :: Typed" in text
        # `show` and the notebook read this at run time to link records to the docs.
        assert "Project-URL: Documentation, https://" in text

    def test_installed_wheel_loads_outside_source_tree(self, wheel: Path, tmp_path: Path) -> None:
        """In a clean venv, from an unrelated folder, the installed package loads its data."""
        env_dir = tmp_path / "venv"
        venv.create(env_dir, with_pip=True)
        python = env_dir / ("Scripts" if os.name == "nt" else "bin") / "python"
        subprocess.run(
            [str(python), "-m", "pip", "install", "--quiet", str(wheel)],
            check=True,
            capture_output=True,
        )
        code = (
            "import usjapan2024, pathlib;"
            "m = usjapan2024.load();"
            "assert 'site-packages' in usjapan2024.__file__, usjapan2024.__file__;"
            "print(len(m.commitments), usjapan2024.__version__)"
        )
        result = subprocess.run(
            [str(python), "-c", code],
            cwd=tmp_path,
            check=True,
            capture_output=True,
            text=True,
            env={k: v for k, v in os.environ.items() if k != "PYTHONPATH"},
        )
        from usjapan2024 import __version__, load

        assert result.stdout.split() == [str(len(load().commitments)), __version__]


class TestPublicNames:
    """``__init__`` lists each public name twice: for the lazy loader and for type checkers."""

    def _type_checking_imports(self) -> dict[str, str]:
        import ast

        tree = ast.parse((ROOT / "src" / "usjapan2024" / "__init__.py").read_text("utf-8"))
        (block,) = [
            node
            for node in tree.body
            if isinstance(node, ast.If)
            and isinstance(node.test, ast.Name)
            and node.test.id == "TYPE_CHECKING"
        ]
        found = {}
        for node in block.body:
            if isinstance(node, ast.ImportFrom):
                for alias in node.names:
                    assert alias.asname == alias.name, "re-export with `import X as X`"
                    found[alias.name] = str(node.module)
        return found

    def test_lists_agree(self) -> None:
        """The imports type checkers read name the same modules as the lazy table."""
        import usjapan2024

        assert self._type_checking_imports() == usjapan2024._MODULE_OF

    def test_every_name_resolves(self) -> None:
        """Every name in __all__ is there at run time, from the module the table says."""
        import importlib

        import usjapan2024

        for name in usjapan2024.__all__:
            value = getattr(usjapan2024, name)
            if name != "__version__":
                module = importlib.import_module(usjapan2024._MODULE_OF[name])
                assert value is getattr(module, name)
        assert isinstance(usjapan2024.__version__, str)

    def test_unknown_name_is_an_attribute_error(self) -> None:
        """A misspelt name fails as for any module."""
        import usjapan2024

        with pytest.raises(AttributeError, match="has no attribute 'lod'"):
            _ = usjapan2024.lod  # type: ignore[attr-defined]
