"""The timeline and the network, drawn at build time as inline SVG.

Drawn in Python so that they need no script: they read without JavaScript, print, and keep
their numbers in the page (each mark has a ``<title>`` and ``data-`` attributes). The SVG is
built with lxml, which the project already uses and which escapes every text; networkx
computes the network's layout (a seeded spring layout: the same letters give the same
picture). Each chart has a title and a description for screen readers and is followed on its
page by a table with the same numbers, which is the accessible form of the data.
"""

from __future__ import annotations

import math

import networkx
from lxml import etree

from tei.publish.site.layout import MONTHS

SVG_NS = "http://www.w3.org/2000/svg"
#: the network draws at most this many correspondents (the most prolific); the table has all
MAX_NODES = 60


def _svg(width: int, height: int, title: str, desc: str, name: str, role: str) -> etree._Element:
    svg = etree.Element(
        f"{{{SVG_NS}}}svg",
        nsmap={None: SVG_NS},
        viewBox=f"0 0 {width} {height}",
        role=role,
        **{"aria-labelledby": f"{name}-title {name}-desc", "class": f"chart {name}"},
    )
    _el(svg, "title", title, id=f"{name}-title")
    _el(svg, "desc", desc, id=f"{name}-desc")
    return svg


def _el(
    parent: etree._Element, tag: str, text: str | None = None, **attrs: object
) -> etree._Element:
    element = etree.SubElement(parent, f"{{{SVG_NS}}}{tag}")
    for key, value in attrs.items():
        element.set(key.rstrip("_").replace("__", "-"), str(value))
    if text is not None:
        element.text = text
    return element


def to_html(svg: etree._Element) -> str:
    return etree.tostring(svg, encoding="unicode")


def period_label(period: str) -> str:
    """``1949-01`` → January 1949; a year stays as it is."""
    if len(period) == 7:
        return f"{MONTHS[int(period[5:]) - 1]} {period[:4]}"
    return period


def timeline_svg(
    unit: str,
    counts: dict[str, int],
    lanes: list[tuple[str, dict[str, int]]],
    title: str | None = None,
) -> str:
    """Bars of letters per period, and under them one lane per correspondent (dots by count)."""
    periods = list(counts)
    width, left, top, bar_height = 900, 170, 20, 160
    lane_height = 26
    height = top + bar_height + 40 + lane_height * len(lanes) + 10
    step = min((width - left - 10) / max(len(periods), 1), 60)  # few periods: no slab bars
    peak = max(counts.values(), default=0) or 1
    total = sum(counts.values())
    svg = _svg(
        width, height, title or f"Letters per {unit}",
        f"{total} dated letters from {period_label(periods[0])} to {period_label(periods[-1])}; "
        f"the most in one {unit}: {peak}. The table below gives every number."
        if periods else "No dated letters.",
        "timeline", "img",
    )  # fmt: skip
    bars = _el(svg, "g", class_="bars")
    for index, period in enumerate(periods):
        count = counts[period]
        h = bar_height * count / peak
        x = left + index * step
        rect = _el(bars, "rect", x=f"{x + 1:.1f}", y=f"{top + bar_height - h:.1f}",
                   width=f"{max(step - 2, 1):.1f}", height=f"{h:.1f}",
                   data__period=period, data__count=count)  # fmt: skip
        _el(rect, "title", f"{period_label(period)}: {count} letter{'s' if count != 1 else ''}")
    _el(svg, "text", str(peak), x=left - 6, y=top + 10, class_="axis", text__anchor="end")
    _el(svg, "text", "0", x=left - 6, y=top + bar_height, class_="axis", text__anchor="end")
    every = max(1, math.ceil(len(periods) / 12))
    for index, period in enumerate(periods):
        if index % every == 0:
            label = period_label(period) if unit == "year" else period
            _el(svg, "text", label, x=f"{left + index * step + step / 2:.1f}",
                y=top + bar_height + 16, class_="axis", text__anchor="middle")  # fmt: skip
    peak_lane = max((n for _, lane in lanes for n in lane.values()), default=1)
    for row, (name, lane) in enumerate(lanes):
        y = top + bar_height + 44 + row * lane_height
        _el(svg, "text", name, x=left - 8, y=y + 4, class_="lane-label", text__anchor="end")
        _el(svg, "line", x1=left, x2=width - 10, y1=y, y2=y, class_="lane")
        for period, count in lane.items():
            if count and period in counts:
                x = left + periods.index(period) * step + step / 2
                r = 2 + 9 * math.sqrt(count / peak_lane)
                dot = _el(svg, "circle", cx=f"{x:.1f}", cy=y, r=f"{r:.1f}", class_="dot",
                          data__period=period, data__count=count)  # fmt: skip
                _el(dot, "title", f"{name}, {period_label(period)}: {count}")
    return to_html(svg)


def network_svg(nodes: list[tuple[str, str, int, str]], edges: list[tuple[str, str, int]]) -> str:
    """Who wrote to whom: ``nodes`` are (key, name, letters, href), ``edges`` (from, to, count).

    Nodes are links to the persons' pages (focusable with the keyboard, named for screen
    readers); an edge curves to its right, so letters A→B and B→A are two visible arcs.
    """
    width = height = 760
    graph = networkx.DiGraph()
    graph.add_nodes_from(key for key, *_ in nodes)
    for source, target, count in edges:
        graph.add_edge(source, target, weight=count)
    layout = networkx.spring_layout(graph.to_undirected(), seed=1, iterations=200) if nodes else {}
    if len(nodes) == 1:
        layout = {nodes[0][0]: (0.0, 0.0)}
    xs = [p[0] for p in layout.values()] or [0]
    ys = [p[1] for p in layout.values()] or [0]
    span = max(max(xs) - min(xs), max(ys) - min(ys)) or 1.0

    def place(key: str) -> tuple[float, float]:
        x, y = layout[key]
        return (
            80 + (x - min(xs)) / span * (width - 160),
            60 + (y - min(ys)) / span * (height - 120),
        )

    most = max((n for _, _, n, _ in nodes), default=1) or 1
    radius = {key: 5 + 20 * math.sqrt(n / most) for key, _, n, _ in nodes}
    heaviest = max((c for *_, c in edges), default=1)
    svg = _svg(
        width, height, "Who wrote to whom",
        f"{len(nodes)} correspondents and {len(edges)} directions of correspondence; circles "
        "are sized by letters sent and received, arrows by letters from one to the other. "
        "The tables below give every number.",
        "network", "group",
    )  # fmt: skip
    defs = _el(svg, "defs")
    marker = _el(defs, "marker", id="arrow", viewBox="0 0 10 10", refX=9, refY=5,
                 markerWidth=9, markerHeight=9, markerUnits="userSpaceOnUse",
                 orient="auto-start-reverse")  # fmt: skip
    _el(marker, "path", d="M 0 0 L 10 5 L 0 10 z", class_="arrow-head")
    arcs = _el(svg, "g", class_="edges", aria__hidden="true")
    for source, target, count in edges:
        arc = _el(arcs, "path", d=_arc(place(source), place(target), radius[target]),
                  class_="edge", stroke__width=f"{1 + 5 * count / heaviest:.1f}",
                  marker__end="url(#arrow)", data__from=source, data__to=target,
                  data__count=count)  # fmt: skip
        _el(arc, "title", f"{count} letter{'s' if count != 1 else ''}")
    group = _el(svg, "g", class_="nodes")
    for key, name, letters, link in nodes:
        x, y = place(key)
        label = f"{name}: {letters} letter{'s' if letters != 1 else ''}"
        anchor = _el(group, "a", href=link, aria__label=label, class_="node",
                     data__key=key, data__letters=letters)  # fmt: skip
        _el(anchor, "title", label)
        _el(anchor, "circle", cx=f"{x:.1f}", cy=f"{y:.1f}", r=f"{radius[key]:.1f}")
        _el(anchor, "text", name, x=f"{x:.1f}", y=f"{y + radius[key] + 13:.1f}",
            text__anchor="middle")  # fmt: skip
    return to_html(svg)


def _arc(start: tuple[float, float], end: tuple[float, float], end_radius: float) -> str:
    (x1, y1), (x2, y2) = start, end
    dx, dy = x2 - x1, y2 - y1
    # the control point sits to the right of the direction of travel
    cx, cy = (x1 + x2) / 2 - dy * 0.15, (y1 + y2) / 2 + dx * 0.15
    # end at the target circle's rim, along the line from the control point
    ex, ey = x2 - cx, y2 - cy
    rim = math.hypot(ex, ey) or 1.0
    x2e, y2e = x2 - ex / rim * (end_radius + 2), y2 - ey / rim * (end_radius + 2)
    return f"M {x1:.1f} {y1:.1f} Q {cx:.1f} {cy:.1f} {x2e:.1f} {y2e:.1f}"
