"""The annotated source and the record catalogue, as a real browser shows them.

Headless Chromium (Debian's ``chromium``; ``.ci/run`` installs it) opens the built pages
from disk, runs their script, and dumps the DOM.  Where no browser is found the test is
skipped, with the reason shown in the summary.

Requests are watched without the DevTools protocol: Chromium's own NetLog
(``--log-net-log``) records every request with its initiator, so the requests a page
made (initiator ``null``, the opaque origin of a file) are told apart from the
browser's own background traffic (initiator ``not an origin``).  All traffic is sent to
a proxy address on the loopback interface where nothing listens, so nothing leaves
the machine whatever a page asks for.  Console messages (and uncaught errors) go to
stderr with ``--enable-logging=stderr``.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from html.parser import HTMLParser
from pathlib import Path

import pytest

from usjapan2024 import load

from .builtdocs import built_docs

__all__ = ["built_docs"]

_BROWSERS = ("chromium", "chromium-browser", "google-chrome")
_FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
    "--enable-logging=stderr", "--v=0",
    "--proxy-server=http://127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
)  # fmt: skip


def _browser() -> str:
    for name in _BROWSERS:
        found = shutil.which(name)
        if found is not None:
            return found
    pytest.skip("no Chromium found (apt-get install chromium); the real-browser test did not run")


class Rendered:
    """A page after its scripts ran: its DOM, console messages and the page's requests."""

    def __init__(self, page: Path) -> None:
        browser = _browser()
        with tempfile.TemporaryDirectory() as profile:
            netlog = Path(profile) / "netlog.json"
            result = subprocess.run(
                [browser, *_FLAGS, f"--user-data-dir={profile}/p", f"--log-net-log={netlog}",
                 "--dump-dom", page.as_uri()],
                capture_output=True, text=True, timeout=120, check=False,
                env={**os.environ, "LANG": "C.UTF-8"},
            )  # fmt: skip
            assert result.returncode == 0, result.stderr[-2000:]
            self.dom = result.stdout
            self.console = [line for line in result.stderr.splitlines() if ":CONSOLE" in line]
            self.requests = _page_requests(json.loads(netlog.read_text(encoding="utf-8")))


def _page_requests(log: dict[str, object]) -> list[str]:
    constants = log["constants"]
    assert isinstance(constants, dict)
    start = constants["logEventTypes"]["URL_REQUEST_START_JOB"]
    events = log["events"]
    assert isinstance(events, list)
    return [
        event["params"]["url"]
        for event in events
        if event["type"] == start
        and "url" in event.get("params", {})
        and event["params"].get("initiator") != "not an origin"  # the browser's own
    ]


class _Dom(HTMLParser):
    """Ids, links, the text of each <mark> and the controls the script added."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.marks: list[tuple[list[str], str]] = []
        self.classes: set[str] = set()
        self._mark: list[str] | None = None
        self._text: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if found.get("id"):
            self.ids.add(str(found["id"]))
        if tag == "a" and found.get("href"):
            self.links.append(str(found["href"]))
        self.classes.update((found.get("class") or "").split())
        if tag == "mark" and found.get("data-spans"):
            self._mark, self._text = str(found["data-spans"]).split(), []

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark" and self._mark is not None:
            self.marks.append((self._mark, "".join(self._text)))
            self._mark = None

    def handle_data(self, data: str) -> None:
        if self._mark is not None:
            self._text.append(data)


@pytest.fixture(scope="module")
def source(built_docs: Path) -> Rendered:
    return Rendered(built_docs / "source.html")


@pytest.fixture(scope="module")
def catalogue(built_docs: Path) -> Rendered:
    return Rendered(built_docs / "records.html")


def _all_spans() -> list[tuple[str, str]]:

    meeting = load()
    records = [meeting, *meeting.records()]
    return [(f"{s.start}-{s.end}", s.quote) for r in records for s in r.sources]


def test_every_quote_is_marked(source: Rendered) -> None:
    """Each span's quote is exactly the text of the marks that carry that span."""
    dom = _Dom(source.dom)
    for key, quote in _all_spans():
        assert "".join(text for spans, text in dom.marks if key in spans) == quote, key
        assert f"span-{key}" in dom.ids


def test_every_record_has_its_anchor(catalogue: Rendered, source: Rendered) -> None:
    """Every record id is an anchor of the catalogue; every link between the pages lands."""
    from usjapan2024._model.kinds import record_id

    records_dom, source_dom = _Dom(catalogue.dom), _Dom(source.dom)
    meeting = load()
    wanted = {"meeting", *(record_id(r) for r in meeting.records())}
    assert wanted <= records_dom.ids
    for link in source_dom.links:
        if link.startswith("records.html#"):
            assert link.partition("#")[2] in records_dom.ids, link
    for link in records_dom.links:
        if link.startswith("source.html#"):
            assert link.partition("#")[2] in source_dom.ids, link
        elif link.startswith("#") and len(link) > 1:  # the theme has a bare "#"
            assert link[1:] in records_dom.ids, link


def test_the_script_ran_without_errors(source: Rendered, catalogue: Rendered) -> None:
    """The local script added its controls, and the console stayed silent."""
    assert "uj-controls" in _Dom(source.dom).classes
    assert "uj-controls" in _Dom(catalogue.dom).classes
    assert source.console == []
    assert catalogue.console == []


def test_no_request_to_another_host(source: Rendered, catalogue: Rendered) -> None:
    """Neither page asked for anything but local files."""
    for rendered in (source, catalogue):
        assert [url for url in rendered.requests if not url.startswith("file:")] == []


def test_the_watch_sees_a_bad_page(tmp_path: Path) -> None:
    """The checks above would see a console error and a request to another host."""
    page = tmp_path / "bad.html"
    page.write_text(
        '<img src="http://example.invalid/a.png"><script>undefinedFunction();</script>',
        encoding="utf-8",
    )
    rendered = Rendered(page)
    assert any("undefinedFunction" in line for line in rendered.console)
    assert "http://example.invalid/a.png" in rendered.requests
