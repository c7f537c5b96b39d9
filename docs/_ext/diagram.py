"""Draw a class diagram as a static SVG, in pure Python: no browser, no binary, no network.

The docs used to ship Mermaid source that a script from a CDN drew in the reader's
browser, so offline the page showed raw source.  This module lays the diagram out at
build time instead, with the classic layered (Sugiyama) method, kept small:

1. every class goes on a layer below every class that points at it, so every arrow
   points down, and a layer that would grow wider than the page moves its next box to
   a layer further down (so a drawing stays narrow enough to be read at the page's
   width, at its natural size);
2. an arrow that skips layers passes through a thin "dummy" slot on each layer it
   crosses, so no arrow runs through a box;
3. a few sweeps order each layer by the mean position of its neighbours, which
   removes most crossings; then boxes are nudged towards their neighbours.

The picture is a plain SVG file with system fonts, deterministic for a given input,
so a rebuild of unchanged classes writes the same bytes.
"""

from __future__ import annotations

import html
import itertools
from collections.abc import Callable, Sequence

import attrs

__all__ = ["Box", "Edge", "Line", "svg"]

FONT = 12  # px, the size of every text in a drawing
CHAR = 7.3  # width of one character of 12px monospace, near enough for layout
LINE = 16
HEAD = 24
PAD = 8
GAP_X = 28
GAP_Y = 70
DUMMY = 10  # the width an arrow takes on a layer it passes through
SWEEPS = 6


@attrs.frozen
class Line:
    """One field of a box: its text, and the class its type names if that is drawn elsewhere.

    Attributes:
        text: The line as shown (``sources: tuple[Span]``).
        elsewhere: A class the field holds (or names by id) whose box is in another drawing
            of the same page: its name in ``text`` becomes a link to that box
            (``#class-<name>``) in place of an arrow.
        reference: Whether that class is named by id (else the field holds it).
    """

    text: str
    elsewhere: str | None = None
    reference: bool = False


@attrs.frozen
class Box:
    """A class to draw: its name and its field lines."""

    name: str
    lines: tuple[Line, ...]


@attrs.frozen
class Edge:
    """An arrow from one class to another: containment (solid) or a reference (dashed)."""

    source: str
    target: str
    label: str
    reference: bool


@attrs.define
class _Slot:
    """A box or a dummy on a layer, with its place once laid out."""

    key: str
    width: float
    height: float
    x: float = 0.0  # centre
    y: float = 0.0  # top


def _layers(boxes: Sequence[Box], edges: Sequence[Edge], room: float) -> dict[str, int]:
    """Every edge points to a lower layer, and no layer's boxes take more than ``room``.

    The longest path from the roots orders the boxes; each then goes on the first layer
    below all the boxes pointing at it that still has room (a box wider than ``room``
    gets a layer of its own).
    """
    longest = {box.name: 0 for box in boxes}
    for _ in boxes:  # at most one pass per box for a DAG to settle
        changed = False
        for edge in edges:
            if longest[edge.target] < longest[edge.source] + 1:
                longest[edge.target] = longest[edge.source] + 1
                changed = True
        if not changed:
            break
    sources: dict[str, list[str]] = {}
    for edge in edges:
        sources.setdefault(edge.target, []).append(edge.source)
    layer: dict[str, int] = {}
    used: dict[int, float] = {}
    for box in sorted(boxes, key=lambda box: longest[box.name]):  # stable: keeps their order
        width = _box_size(box)[0]
        depth = max((layer[s] + 1 for s in sources.get(box.name, [])), default=0)
        while used.get(depth) and used[depth] + GAP_X + width > room:
            depth += 1
        used[depth] = used.get(depth, -GAP_X) + GAP_X + width
        layer[box.name] = depth
    return layer


def _box_size(box: Box) -> tuple[float, float]:
    longest = max([len(box.name) + 2, *(len(line.text) for line in box.lines)])
    return longest * CHAR + 2 * PAD, HEAD + LINE * len(box.lines) + PAD


def _order(rows: list[list[_Slot]], links: list[tuple[str, str]]) -> None:
    """Reorder each layer by the mean position of its neighbours, sweeping down and up."""
    up: dict[str, list[str]] = {}
    down: dict[str, list[str]] = {}
    for a, b in links:
        down.setdefault(a, []).append(b)
        up.setdefault(b, []).append(a)
    for sweep in range(SWEEPS):
        downward = sweep % 2 == 0
        indices = range(1, len(rows)) if downward else range(len(rows) - 2, -1, -1)
        for i in indices:
            ref = rows[i - 1] if downward else rows[i + 1]
            place = {slot.key: n for n, slot in enumerate(ref)}
            near = up if downward else down

            def centre(
                slot: _Slot,
                n: int,
                place: dict[str, int] = place,
                near: dict[str, list[str]] = near,
            ) -> float:
                found = [place[k] for k in near.get(slot.key, []) if k in place]
                return sum(found) / len(found) if found else float(n)

            rows[i] = [s for _, _, s in sorted((centre(s, n), n, s) for n, s in enumerate(rows[i]))]


def _place(rows: list[list[_Slot]], links: list[tuple[str, str]], top: float) -> float:
    """Give each slot its x and y; return the drawing's width.

    The drawing is as wide as its widest layer packed tight: nudging boxes towards their
    neighbours never makes it wider, so a layering that fits the page stays on it.
    """
    y = top
    for row in rows:
        x = 0.0
        for n, slot in enumerate(row):
            x += _gap(row[n - 1], slot) if n else 0.0
            slot.x, slot.y = x + slot.width / 2, y
            x += slot.width
        y += max(slot.height for slot in row) + GAP_Y
    inner = max(row[-1].x + row[-1].width / 2 for row in rows)
    by_key = {slot.key: slot for row in rows for slot in row}
    neighbours: dict[str, list[str]] = {}
    for a, b in links:
        neighbours.setdefault(a, []).append(b)
        neighbours.setdefault(b, []).append(a)
    for _ in range(8):  # move each slot towards its neighbours, keeping order and gaps
        for row in rows:
            wanted = []
            for slot in row:
                near = [by_key[k].x for k in neighbours.get(slot.key, [])]
                wanted.append((slot.x + sum(near) / len(near)) / 2 if near else slot.x)
            for slot, x in zip(row, _closest_fit(row, wanted, inner), strict=True):
                slot.x = x
    for row in rows:
        for slot in row:
            slot.x += PAD * 2
    return inner + PAD * 4


def _gap(left: _Slot, right: _Slot) -> float:
    """The least room between two neighbours: less beside an arrow than between boxes."""
    return GAP_X if left.height and right.height else GAP_X / 3


def _closest_fit(row: list[_Slot], wanted: list[float], inner: float) -> list[float]:
    """The centres nearest to ``wanted`` (least squares) that keep order, gaps and bounds.

    Subtracting each slot's least distance from the first turns the gaps into "never
    decreasing", which the pool-adjacent-violators algorithm solves exactly; unlike
    pushing overlapping boxes one way, it does not drift the row to one side.  Keeping
    the row within ``0..inner`` is then one bound on every value, and clamping the
    solution to it is the exact answer of the bounded problem.
    """
    offsets = [0.0]
    for left, right in itertools.pairwise(row):
        offsets.append(offsets[-1] + (left.width + right.width) / 2 + _gap(left, right))
    pools: list[list[float]] = []  # [mean, count]
    for target in (w - o for w, o in zip(wanted, offsets, strict=True)):
        pools.append([target, 1.0])
        while len(pools) > 1 and pools[-2][0] > pools[-1][0]:
            mean, count = pools.pop()
            last = pools[-1]
            last[0] = (last[0] * last[1] + mean * count) / (last[1] + count)
            last[1] += count
    low, high = row[0].width / 2, inner - offsets[-1] - row[-1].width / 2
    fitted = [min(max(mean, low), high) for mean, count in pools for _ in range(int(count))]
    return [y + o for y, o in zip(fitted, offsets, strict=True)]


def _curve(points: list[tuple[float, float]]) -> str:
    """A path through ``points``: vertical runs joined by smooth S-bends."""
    (x, y), *rest = points
    path = f"M{x:.1f},{y:.1f}"
    for nx, ny in rest:
        if nx == x:
            path += f" L{nx:.1f},{ny:.1f}"
        else:
            mid = (y + ny) / 2
            path += f" C{x:.1f},{mid:.1f} {nx:.1f},{mid:.1f} {nx:.1f},{ny:.1f}"
        x, y = nx, ny
    return path


def svg(  # noqa: PLR0913  (the parts, then the drawing's own words and room, by keyword)
    boxes: Sequence[Box],
    edges: Sequence[Edge],
    title: str,
    *,
    key: str = "diagram",
    room: float = float("inf"),
    legend: Sequence[str] = ("solid: contains; dashed: refers to by id (checked on loading)",),
) -> str:
    """Lay out ``boxes`` and ``edges`` and return the SVG document.

    ``key`` makes the drawing's own ids (its arrowhead) unique on a page that shows
    several drawings inline; ``room`` is the most the boxes of one layer may take side
    by side; ``legend`` is the lines of text above the boxes.  Every edge must join two
    of ``boxes``.
    """
    layer = _layers(boxes, edges, room)
    rows: list[list[_Slot]] = [[] for _ in range(max(layer.values()) + 1)]
    for box in boxes:
        rows[layer[box.name]].append(_Slot(box.name, *_box_size(box)))
    links: list[tuple[str, str]] = []
    chains: list[list[str]] = []
    for n, edge in enumerate(edges):
        chain = [edge.source]
        for depth in range(layer[edge.source] + 1, layer[edge.target]):
            dummy_key = f"{n}:{depth}"
            rows[depth].append(_Slot(dummy_key, DUMMY, 0.0))
            chain.append(dummy_key)
        chain.append(edge.target)
        links += itertools.pairwise(chain)
        chains.append(chain)
    _order(rows, links)
    top = PAD * 2 + LINE * len(legend) + PAD
    width = _place(rows, links, top)
    row_height = [max(slot.height for slot in row) for row in rows]
    by_key = {slot.key: slot for row in rows for slot in row}
    height = max(s.y for s in by_key.values()) + row_height[-1] + PAD * 2

    port = _ports(chains, by_key)

    parts = [
        (
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0f}" height="{height:.0f}"'
            f' viewBox="0 0 {width:.0f} {height:.0f}" font-family="ui-monospace, monospace"'
            f' font-size="{FONT}" role="img" aria-label="{html.escape(title)}">'
        ),
        f"<title>{html.escape(title)}</title>",
        (
            f'<defs><marker id="arrow-{key}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7"'
            ' markerHeight="7" orient="auto"><path d="M0,0 L10,5 L0,10 z"'
            ' fill="context-stroke"/></marker></defs>'
        ),
        f'<rect width="{width:.0f}" height="{height:.0f}" fill="#ffffff"/>',
        *(
            f'<text class="legend" x="{PAD * 2}" y="{PAD * 2 + 12 + i * LINE}" fill="#333">'
            f"{html.escape(line)}</text>"
            for i, line in enumerate(legend)
        ),
    ]
    for n, (edge, chain) in enumerate(zip(edges, chains, strict=True)):
        start, end = by_key[chain[0]], by_key[chain[-1]]
        points = [(port(n, leaving=True), start.y + start.height)]
        for dummy_key in chain[1:-1]:
            dummy = by_key[dummy_key]
            bottom = dummy.y + row_height[layer_of(dummy_key, layer)]
            points += [(dummy.x, dummy.y), (dummy.x, bottom)]
        points.append((port(n, leaving=False), end.y))
        colour, dash = ("#3b6ea5", ' stroke-dasharray="5 3"') if edge.reference else ("#777", "")
        kind = "refers" if edge.reference else "contains"
        parts.append(
            f'<g class="edge {kind}" data-source="{edge.source}" data-target="{edge.target}"'
            f' data-field="{html.escape(edge.label)}"><title>{edge.source}.'
            f"{html.escape(edge.label)} {kind} {edge.target}</title>"
            f'<path d="{_curve(points)}" fill="none" stroke="{colour}" stroke-width="1.3"{dash}'
            f' marker-end="url(#arrow-{key})"/></g>'
        )
    parts += [_box_svg(box, by_key[box.name]) for box in boxes]
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def _box_svg(box: Box, slot: _Slot) -> str:
    """One class: a header with its name, then a line per field."""
    left = slot.x - slot.width / 2
    head = (
        f'<g class="class" id="class-{box.name}" data-name="{box.name}">'
        f'<rect x="{left:.1f}" y="{slot.y:.1f}" width="{slot.width:.1f}"'
        f' height="{slot.height:.1f}" rx="4" fill="#f4f7fb" stroke="#3b6ea5"/>'
        f'<rect x="{left:.1f}" y="{slot.y:.1f}" width="{slot.width:.1f}" height="{HEAD}"'
        f' rx="4" fill="#3b6ea5"/>'
        f'<text x="{slot.x:.1f}" y="{slot.y + 16:.1f}" text-anchor="middle" fill="#ffffff"'
        f' font-weight="bold">{box.name}</text>'
    )
    lines = [head]
    lines += [
        f'<text class="field" x="{left + PAD:.1f}" y="{slot.y + HEAD + 13 + i * LINE:.1f}"'
        f' fill="#222">{_line_svg(box.name, line)}</text>'
        for i, line in enumerate(box.lines)
    ]
    return "\n".join([*lines, "</g>"])


def _line_svg(owner: str, line: Line) -> str:
    """A field line's text; a class drawn elsewhere is a link to its box, marked as an edge."""
    if line.elsewhere is None:
        return html.escape(line.text)
    name, _, rest = line.text.partition(":")
    before, found, after = rest.partition(line.elsewhere)
    if not found:
        msg = f"{owner}.{name}: {line.elsewhere!r} is not in {line.text!r}"
        raise ValueError(msg)
    kind = "refers" if line.reference else "contains"
    link = (
        f'<a class="{kind}" href="#class-{line.elsewhere}" data-source="{owner}"'
        f' data-target="{line.elsewhere}" data-field="{html.escape(name)}">'
        f'<tspan fill="#3b6ea5" text-decoration="underline">{found}</tspan></a>'
    )
    return f"{html.escape(name)}:{html.escape(before)}{link}{html.escape(after)}"


def _ports(chains: list[list[str]], by_key: dict[str, _Slot]) -> Callable[..., float]:
    """Return where arrow ``n`` leaves its first box, or enters its last.

    The arrows of a box are spread along its edge in the order of where they go (or come
    from), so they neither start on top of each other nor cross needlessly.
    """
    ends: dict[tuple[str, bool], list[int]] = {}
    for n, chain in enumerate(chains):
        ends.setdefault((chain[0], True), []).append(n)
        ends.setdefault((chain[-1], False), []).append(n)
    for (_, leaving), ns in ends.items():
        step = 1 if leaving else -2  # the slot next to the box along each arrow

        def beyond(n: int, step: int = step) -> float:
            return by_key[chains[n][step]].x

        ns.sort(key=beyond)

    def port(n: int, *, leaving: bool) -> float:
        key = chains[n][0 if leaving else -1]
        slot, order = by_key[key], ends[key, leaving]
        share = (order.index(n) + 1) / (len(order) + 1)
        return slot.x + share * slot.width * 0.8 - slot.width * 0.4

    return port


def layer_of(key: str, layer: dict[str, int]) -> int:
    """The layer of a box or of a dummy (whose key ends in its layer)."""
    return layer[key] if key in layer else int(key.rsplit(":", 1)[1])
