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

The class diagrams are measured as a reader sees them: :class:`DevTools` drives the same
browser over the DevTools protocol on a pipe (``--remote-debugging-pipe``: no port, no
client library), sets a 1280 px window, asks each drawn field's rendered font size
(its computed size times the scale its SVG is drawn at) and takes a screenshot.
"""

from __future__ import annotations

import base64
import fcntl
import json
import os
import select
import shutil
import struct
import subprocess
import tempfile
from html.parser import HTMLParser
from pathlib import Path
from types import TracebackType
from typing import Any, final

import attrs
import pytest

from usjapan2024 import load, model
from usjapan2024._model.fields import fields_of

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


@final
class DevTools:
    """A headless Chromium driven over the DevTools protocol, on the pipe of fds 3 and 4.

    Messages are JSON, each ended by a NUL byte; the answer to a command carries its id,
    and events (``Network.requestWillBeSent``, ...) come in between and are kept.
    """

    WAIT = 120.0  # seconds to wait for a message before giving up (a hung browser)

    def __init__(self) -> None:
        browser = _browser()
        self._profile = tempfile.TemporaryDirectory()
        to_browser, from_us = os.pipe()
        to_us, from_browser = os.pipe()
        # Out of the way of 3 and 4, which the child's copies must take.
        high = [fcntl.fcntl(fd, fcntl.F_DUPFD, 10) for fd in (to_browser, from_browser)]
        for fd in (to_browser, from_browser):
            os.close(fd)

        def pipes_on_3_and_4() -> None:
            os.dup2(high[0], 3)
            os.dup2(high[1], 4)

        self._process = subprocess.Popen(
            [browser, *_FLAGS, f"--user-data-dir={self._profile.name}/p",
             "--remote-debugging-pipe", "about:blank"],
            pass_fds=(3, 4), preexec_fn=pipes_on_3_and_4,  # noqa: PLW1509  (no threads here)
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            env={**os.environ, "LANG": "C.UTF-8"},
        )  # fmt: skip
        for fd in high:
            os.close(fd)
        self._out = os.fdopen(from_us, "wb")
        self._in = to_us
        self._buffer = b""
        self._next = 0
        self.events: list[dict[str, Any]] = []

    def __enter__(self) -> DevTools:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        try:
            self.call("Browser.close")
        except (OSError, RuntimeError):
            self._process.kill()
        self._process.wait(timeout=self.WAIT)
        self._out.close()
        os.close(self._in)
        self._profile.cleanup()

    def _message(self) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            ready, _, _ = select.select([self._in], [], [], self.WAIT)
            chunk = os.read(self._in, 1 << 16) if ready else b""
            if not chunk:
                msg = "the browser closed its pipe or stopped answering"
                raise RuntimeError(msg)
            self._buffer += chunk
        raw, _, self._buffer = self._buffer.partition(b"\0")
        found: dict[str, Any] = json.loads(raw)
        return found

    def call(self, method: str, session: str | None = None, **params: Any) -> dict[str, Any]:
        """Send one command (to the page ``session`` if given) and return its result."""
        self._next += 1
        message: dict[str, Any] = {"id": self._next, "method": method, "params": params}
        if session is not None:
            message["sessionId"] = session
        self._out.write(json.dumps(message).encode() + b"\0")
        self._out.flush()
        while True:
            answer = self._message()
            if answer.get("id") != self._next:
                self.events.append(answer)
                continue
            if "error" in answer:
                raise RuntimeError(f"{method}: {answer['error']}")
            result: dict[str, Any] = answer["result"]
            return result

    def wait_for(self, event: str, session: str) -> None:
        """Read messages until the page ``session`` sends ``event``."""
        while not any(e.get("method") == event and e.get("sessionId") == session
                      for e in self.events):  # fmt: skip
            self.events.append(self._message())

    def open(self, page: Path, width: int, height: int) -> str:
        """Open ``page`` in a new tab with a ``width`` x ``height`` window; return its session."""
        target = self.call("Target.createTarget", url="about:blank")["targetId"]
        session = str(
            self.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        )
        self.call(
            "Emulation.setDeviceMetricsOverride", session,
            width=width, height=height, deviceScaleFactor=1, mobile=False,
        )  # fmt: skip
        self.call("Network.enable", session)
        self.call("Page.enable", session)
        self.call("Page.navigate", session, url=page.as_uri())
        self.wait_for("Page.loadEventFired", session)
        self.evaluate(session, "document.fonts.ready.then(() => true)")
        return session

    def evaluate(self, session: str, expression: str) -> Any:
        """The value of a JavaScript expression in the page (awaited if it is a promise)."""
        found = self.call(
            "Runtime.evaluate", session,
            expression=expression, returnByValue=True, awaitPromise=True,
        )  # fmt: skip
        assert "exceptionDetails" not in found, found["exceptionDetails"]
        return found["result"].get("value")

    def requests(self, session: str) -> list[str]:
        """Every URL the page ``session`` asked for."""
        return [
            e["params"]["request"]["url"]
            for e in self.events
            if e.get("method") == "Network.requestWillBeSent" and e.get("sessionId") == session
        ]

    def screenshot(self, session: str, clip: dict[str, float], path: Path) -> Path:
        """Save a PNG of the page's region ``clip`` (page coordinates, CSS px) at ``path``."""
        shot = self.call(
            "Page.captureScreenshot", session,
            format="png", captureBeyondViewport=True, clip={**clip, "scale": 1},
        )  # fmt: skip
        path.write_bytes(base64.b64decode(shot["data"]))
        return path


WINDOW = 1280  # px: a laptop's browser window
LEGIBLE = 11.0  # px: the least rendered size of a diagram's field text

_MEASURE = """(() => {
  const article = document.querySelector("article").getBoundingClientRect();
  return [...document.querySelectorAll("article svg")]
    .filter((svg) => svg.querySelector("text.field"))
    .map((svg) => {
      const box = svg.getBoundingClientRect();
      return {
        box: {x: box.left + scrollX, y: box.top + scrollY, width: box.width, height: box.height},
        inside: box.left >= article.left - 0.5 && box.right <= article.right + 0.5,
        fields: [...svg.querySelectorAll("g.class")].flatMap((g) =>
          [...g.querySelectorAll("text.field")].map((text) => ({
            name: g.dataset.name + "." + text.textContent.split(":")[0],
            px: parseFloat(getComputedStyle(text).fontSize) * text.getScreenCTM().a,
            height: text.getBoundingClientRect().height,
          }))),
      };
    });
})()"""


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_class_diagrams_are_legible_at_the_page_width(built_docs: Path, tmp_path: Path) -> None:
    """At a 1280 px window every field of every class is drawn at 11 px or more.

    Every field of the model must be measured (a diagram shown as an ``<img>`` hides its
    text from the page, and fails here); each diagram must fit the content column
    rather than spill out of it; a screenshot of each is kept in ``tmp_path``.
    """
    classes = [getattr(model, n) for n in model.__all__ if attrs.has(getattr(model, n))]
    wanted = sorted(f"{cls.__name__}.{f.name}" for cls in classes for f in fields_of(cls))
    with DevTools() as browser:
        page = browser.open(built_docs / "data-model.html", WINDOW, 900)
        drawings = browser.evaluate(page, _MEASURE)
        shots = [
            browser.screenshot(page, d["box"], tmp_path / f"data-model-diagram-{n}.png")
            for n, d in enumerate(drawings)
        ]
        requests = browser.requests(page)
    fields = [field for drawing in drawings for field in drawing["fields"]]
    assert sorted(field["name"] for field in fields) == wanted
    smallest = min(fields, key=lambda field: field["px"])
    assert smallest["px"] >= LEGIBLE, f"{smallest['name']} is drawn at {smallest['px']:.1f} px"
    assert min(field["height"] for field in fields) >= LEGIBLE
    assert all(drawing["inside"] for drawing in drawings)
    for shot, drawing in zip(shots, drawings, strict=True):
        assert _png_size(shot) == (round(drawing["box"]["width"]), round(drawing["box"]["height"]))
    assert [url for url in requests if not url.startswith(("file:", "data:"))] == []
