"""Draw a class diagram as a static SVG, in pure Python: no browser, no binary, no network.

The docs used to ship Mermaid source that a script from a CDN drew in the reader's
browser, so offline the page showed raw source.  This module lays the diagram out at
build time instead, with the classic layered (Sugiyama) method, kept small:

1. every class goes on a layer one below the lowest class that points at it, so every
   arrow points down;
2. an arrow that skips layers passes through a thin "dummy" slot on each layer it
   crosses, so no arrow runs through a box;
3. a few sweeps order each layer by the mean position of its neighbours, which
   removes most crossings; then boxes are nudged towards their neighbours.

The picture is a plain SVG file with system fonts, deterministic for a given input,
so a rebuild of unchanged classes writes the same bytes.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

import attrs

__all__ = ["Box", "Edge", "svg"]

CHAR = 7.3  # width of one character of 12px monospace, near enough for layout
LINE = 16
HEAD = 24
PAD = 8
GAP_X = 28
GAP_Y = 70
DUMMY = 10  # the width an arrow takes on a layer it passes through
SWEEPS = 6


@attrs.frozen
class Box:
    """A class to draw: its name and the text of each field line."""

    name: str
    lines: tuple[str, ...]


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


def _layers(boxes: Sequence[Box], edges: Sequence[Edge]) -> dict[str, int]:
    """Longest path from the roots: every edge then points to a lower layer."""
    layer = {box.name: 0 for box in boxes}
    for _ in boxes:  # at most one pass per box for a DAG to settle
        changed = False
        for edge in edges:
            if layer[edge.target] < layer[edge.source] + 1:
                layer[edge.target] = layer[edge.source] + 1
                changed = True
        if not changed:
            break
    return layer


def _box_size(box: Box) -> tuple[float, float]:
    longest = max([len(box.name) + 2, *(len(line) for line in box.lines)])
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

            def centre(slot: _Slot, n: int, place: dict[str, int] = place) -> float:
                found = [place[k] for k in near.get(slot.key, []) if k in place]
                return sum(found) / len(found) if found else float(n)

            rows[i] = [s for _, _, s in sorted((centre(s, n), n, s) for n, s in enumerate(rows[i]))]


def _place(rows: list[list[_Slot]], links: list[tuple[str, str]]) -> float:
    """Give each slot its x and y; return the drawing's width."""
    y = PAD * 4.0
    for row in rows:
        x = PAD * 2.0
        for n, slot in enumerate(row):
            x += _gap(row[n - 1], slot) if n else 0.0
            slot.x, slot.y = x + slot.width / 2, y
            x += slot.width
        y += max(slot.height for slot in row) + GAP_Y
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
            for slot, x in zip(row, _closest_fit(row, wanted), strict=True):
                slot.x = x
    lowest = min(slot.x - slot.width / 2 for row in rows for slot in row)
    for row in rows:
        for slot in row:
            slot.x += PAD * 2 - lowest
    return max(slot.x + slot.width / 2 for row in rows for slot in row) + PAD * 2


def _gap(left: _Slot, right: _Slot) -> float:
    """The least room between two neighbours: less beside an arrow than between boxes."""
    return GAP_X if left.height and right.height else GAP_X / 3


def _closest_fit(row: list[_Slot], wanted: list[float]) -> list[float]:
    """The centres nearest to ``wanted`` (least squares) that keep order and gaps.

    Subtracting each slot's least distance from the first turns the gaps into "never
    decreasing", which the pool-adjacent-violators algorithm solves exactly; unlike
    pushing overlapping boxes one way, it does not drift the row to one side.
    """
    offsets = [0.0]
    for left, right in zip(row, row[1:], strict=False):
        offsets.append(offsets[-1] + (left.width + right.width) / 2 + _gap(left, right))
    pools: list[list[float]] = []  # [mean, count]
    for target in (w - o for w, o in zip(wanted, offsets, strict=True)):
        pools.append([target, 1.0])
        while len(pools) > 1 and pools[-2][0] > pools[-1][0]:
            mean, count = pools.pop()
            last = pools[-1]
            last[0] = (last[0] * last[1] + mean * count) / (last[1] + count)
            last[1] += count
    fitted = [mean for mean, count in pools for _ in range(int(count))]
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


def svg(boxes: Sequence[Box], edges: Sequence[Edge], title: str) -> str:
    """Lay out ``boxes`` and ``edges`` and return the SVG document."""
    layer = _layers(boxes, edges)
    rows: list[list[_Slot]] = [[] for _ in range(max(layer.values()) + 1)]
    for box in boxes:
        rows[layer[box.name]].append(_Slot(box.name, *_box_size(box)))
    links: list[tuple[str, str]] = []
    chains: list[list[str]] = []
    for n, edge in enumerate(edges):
        chain = [edge.source]
        for depth in range(layer[edge.source] + 1, layer[edge.target]):
            key = f"{n}:{depth}"
            rows[depth].append(_Slot(key, DUMMY, 0.0))
            chain.append(key)
        chain.append(edge.target)
        links += zip(chain, chain[1:], strict=False)
        chains.append(chain)
    _order(rows, links)
    width = _place(rows, links)
    row_height = [max(slot.height for slot in row) for row in rows]
    by_key = {slot.key: slot for row in rows for slot in row}
    height = max(s.y for s in by_key.values()) + row_height[-1] + PAD * 2

    # Spread the arrows leaving (and entering) a box along its edge, in the order of
    # where they go (come from), so they do not start on top of each other.
    out_ports: dict[str, list[int]] = {}
    in_ports: dict[str, list[int]] = {}
    for n, chain in enumerate(chains):
        out_ports.setdefault(chain[0], []).append(n)
        in_ports.setdefault(chain[-1], []).append(n)
    for ports, end in ((out_ports, 1), (in_ports, -2)):
        for ns in ports.values():
            ns.sort(key=lambda n, end=end: by_key[chains[n][end]].x)

    def port(key: str, n: int, ports: dict[str, list[int]]) -> float:
        slot, order = by_key[key], ports[key]
        return slot.x + (order.index(n) + 1) / (len(order) + 1) * slot.width * 0.8 - slot.width * 0.4

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0f}" height="{height:.0f}"'
        f' viewBox="0 0 {width:.0f} {height:.0f}" font-family="ui-monospace, monospace"'
        f' font-size="12" role="img" aria-label="{html.escape(title)}">',
        f"<title>{html.escape(title)}</title>",
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7"'
        ' markerHeight="7" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="context-stroke"/>'
        "</marker></defs>",
        f'<rect width="{width:.0f}" height="{height:.0f}" fill="#ffffff"/>',
        f'<text x="{PAD * 2}" y="{PAD * 2.5}" fill="#333">solid: contains   dashed: refers'
        " to by id (checked on loading)</text>",
    ]
    for n, (edge, chain) in enumerate(zip(edges, chains, strict=True)):
        start, end = by_key[chain[0]], by_key[chain[-1]]
        points = [(port(chain[0], n, out_ports), start.y + start.height)]
        for key in chain[1:-1]:
            dummy = by_key[key]
            points += [(dummy.x, dummy.y), (dummy.x, dummy.y + row_height[layer_of(key, layer)])]
        points.append((port(chain[-1], n, in_ports), end.y))
        colour, dash = ("#3b6ea5", ' stroke-dasharray="5 3"') if edge.reference else ("#777", "")
        kind = "refers" if edge.reference else "contains"
        parts.append(
            f'<g class="edge {kind}" data-source="{edge.source}" data-target="{edge.target}"'
            f' data-field="{html.escape(edge.label)}"><title>{edge.source}.{html.escape(edge.label)}'
            f" {kind} {edge.target}</title>"
            f'<path d="{_curve(points)}" fill="none" stroke="{colour}" stroke-width="1.3"{dash}'
            ' marker-end="url(#arrow)"/></g>'
        )
    for box in boxes:
        slot = by_key[box.name]
        left = slot.x - slot.width / 2
        parts.append(
            f'<g class="class" id="class-{box.name}" data-name="{box.name}">'
            f'<rect x="{left:.1f}" y="{slot.y:.1f}" width="{slot.width:.1f}"'
            f' height="{slot.height:.1f}" rx="4" fill="#f4f7fb" stroke="#3b6ea5"/>'
            f'<rect x="{left:.1f}" y="{slot.y:.1f}" width="{slot.width:.1f}" height="{HEAD}"'
            f' rx="4" fill="#3b6ea5"/>'
            f'<text x="{slot.x:.1f}" y="{slot.y + 16:.1f}" text-anchor="middle" fill="#ffffff"'
            f' font-weight="bold">{box.name}</text>'
        )
        for i, line in enumerate(box.lines):
            parts.append(
                f'<text class="field" x="{left + PAD:.1f}" y="{slot.y + HEAD + 13 + i * LINE:.1f}"'
                f' fill="#222">{html.escape(line)}</text>'
            )
        parts.append("</g>")
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def layer_of(key: str, layer: dict[str, int]) -> int:
    """The layer of a box or of a dummy (whose key ends in its layer)."""
    return layer[key] if key in layer else int(key.rsplit(":", 1)[1])
