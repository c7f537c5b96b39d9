"""The built docs load nothing from another host: they read the same offline."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from .builtdocs import built_docs
from .conftest import ROOT

__all__ = ["built_docs"]

_REMOTE = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]*:)?//", re.IGNORECASE)  # http://, https://, //
_IMPORT = re.compile(
    r"""\bimport\b[^;]*?["']((?:[a-z]+:)?//[^"']+)["']|\bimport\(\s*["']((?:[a-z]+:)?//[^"']+)"""
)
_CSS_URL = re.compile(r"""(?:url\(\s*["']?|@import\s+["'])((?:[a-z]+:)?//[^"')]+)""", re.IGNORECASE)
_NOT_LOADED = {"canonical", "alternate", "author", "help", "license", "next", "prev", "search"}


class _Loads(HTMLParser):
    """Collect what a page makes the browser load: src attributes, <link> targets, scripts."""

    def __init__(self) -> None:
        super().__init__()
        self.loads: list[str] = []
        self.inline: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        for name in ("src", "srcset", "poster", "data"):
            if found.get(name):
                self.loads.append(str(found[name]))
        if tag == "link" and found.get("href"):
            rels = set((found.get("rel") or "").lower().split())
            if not rels <= _NOT_LOADED:
                self.loads.append(str(found["href"]))
        if tag == "style" or found.get("style"):
            self.inline.append(found.get("style") or "")
        self._in_script = tag in {"script", "style"} and not found.get("src")

    def handle_endtag(self, tag: str) -> None:  # noqa: ARG002  (any end tag ends a script)
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.inline.append(data)


def remote_loads(html: str) -> list[str]:
    """Every address on another host that ``html`` would load."""
    parser = _Loads()
    parser.feed(html)
    found = [url for url in parser.loads if _REMOTE.match(url)]
    for text in parser.inline:
        found += [a or b for a, b in _IMPORT.findall(text)]
        found += _CSS_URL.findall(text)
    return sorted(set(found))


def test_the_checker_finds_remote_loads() -> None:
    """The check itself catches each way a page can load from elsewhere (and not links)."""
    page = (
        '<script src="https://cdn.example/x.js"></script>'
        '<link rel="stylesheet" href="//fonts.example/f.css">'
        '<img src="http://img.example/a.png">'
        '<script type="module">import mermaid from "https://cdn.example/m.mjs";</script>'
        "<style>@import 'https://fonts.example/g.css';</style>"
        '<a href="https://example.org/">a link loads nothing</a>'
        '<link rel="canonical" href="https://example.org/">'
        '<script src="_static/local.js"></script>'
    )
    assert len(remote_loads(page)) == 5


def test_no_page_loads_from_another_host(built_docs: Path) -> None:
    """No built page (theme included) loads a script, style, font or image from elsewhere."""
    pages = sorted(built_docs.rglob("*.html"))
    assert len(pages) > 10
    found = {
        str(page.relative_to(built_docs)): remote
        for page in pages
        if (remote := remote_loads(page.read_text(encoding="utf-8")))
    }
    assert found == {}


def test_no_stylesheet_or_script_imports_from_another_host(built_docs: Path) -> None:
    """The theme's own CSS and JavaScript import nothing from elsewhere either."""
    found = {}
    for path in sorted((built_docs / "_static").rglob("*")):
        if path.suffix in {".css", ".js", ".mjs"}:
            text = path.read_text(encoding="utf-8", errors="replace")
            remote = _CSS_URL.findall(text) if path.suffix == ".css" else []
            remote += [a or b for a, b in _IMPORT.findall(text)]
            if remote:
                found[path.name] = remote
    assert found == {}


def test_the_class_diagrams_are_static_svg(built_docs: Path) -> None:
    """The data model page holds its diagrams as SVG, not diagram source for a script to draw."""
    page = (built_docs / "data-model.html").read_text(encoding="utf-8")
    assert "mermaid" not in page.lower()
    for key in ("records", "values"):
        drawing = (ROOT / "docs" / "_generated" / f"model-{key}.svg").read_text(encoding="utf-8")
        assert drawing.startswith("<svg")
        assert "<script" not in drawing
        assert drawing in page, key
