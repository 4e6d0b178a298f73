"""The timeline and network pages: the charts of :mod:`charts` with their tables.

The counts are made here from the collection, once; the chart and its table are drawn from the
same numbers, so what the eye sees and what a screen reader reads cannot differ.
"""

from __future__ import annotations

from collections import Counter

from tei.publish.site.charts import MAX_NODES, network_svg, period_label, timeline_svg
from tei.publish.site.collect import Person
from tei.publish.site.collection import Collection, on_timeline, period_of
from tei.publish.site.layout import Frame, esc, href, page, plural
from tei.publish.site.letter_page import person_path

#: correspondents with a lane of their own on the timeline (the most letters first)
LANES = 12


def timeline_page(collection: Collection, frame: Frame) -> bytes:
    unit, counts = collection.span
    people = collection.correspondents()[:LANES]
    lanes = []
    for person in people:
        lane: Counter[str] = Counter()
        for record in collection.sent.get(person.key, []) + collection.received.get(person.key, []):
            if on_timeline(record.date):
                lane[period_of(record.date, unit)] += 1
        lanes.append((person.name, dict(lane)))
    undated = len(collection.records) - len(collection.dated)
    hidden = f", and {plural(undated, 'letter')} without a year not shown" if undated else ""
    rows = "".join(
        f'<tr><th scope="row">{esc(period_label(p))}</th><td>{n}</td>'
        + "".join(f"<td>{lane.get(p, 0)}</td>" for _, lane in lanes)
        + "</tr>"
        for p, n in counts.items()
        if n
    )
    heads = "".join(f'<th scope="col">{esc(name)}</th>' for name, _ in lanes)
    note = (
        " A date that gives only the year counts in that year's January."
        if unit == "month" and any(r.date and len(r.date) == 4 for r in collection.records)
        else ""
    )
    main = (
        f"<p>{plural(len(collection.dated), 'dated letter')} by {unit} of sending"
        f"{hidden}. "
        f"Below the bars, the {len(lanes)} correspondents with the most letters, each "
        f"letter counted for its sender and its recipient.{note}</p>\n"
        f'<figure class="chart-figure">{timeline_svg(unit, counts, lanes)}'
        f"<figcaption>The same numbers are in the table below ({unit}s without letters "
        "left out).</figcaption></figure>\n"
        '<div class="table-wrap" tabindex="0">'
        f'<table id="timeline-table"><caption>Letters per {unit}'
        f'</caption><thead><tr><th scope="col">{unit.capitalize()}</th>'
        f'<th scope="col">All letters</th>{heads}</tr></thead><tbody>{rows}</tbody></table></div>'
    )
    return page(frame, "timeline.html", "Timeline", main)


def person_timeline(person: Person, collection: Collection) -> str:
    """The person's letters (sent and received) per period, on the collection's time scale."""
    unit, span = collection.span
    counts = dict.fromkeys(span, 0)
    for record in collection.sent.get(person.key, []) + collection.received.get(person.key, []):
        if on_timeline(record.date):
            counts[period_of(record.date, unit)] += 1
    if not any(counts.values()):
        return ""
    return (
        '<section aria-labelledby="over-time"><h2 id="over-time">Letters over time</h2>'
        '<figure class="chart-figure">'
        + timeline_svg(unit, counts, [], f"Letters of {person.name} per {unit}")
        + "<figcaption>Letters sent and received; each letter is listed below.</figcaption>"
        "</figure></section>\n"
    )


def network_data(
    collection: Collection,
) -> tuple[list[tuple[str, str, int, str]], list[tuple[str, str, int]]]:
    """Nodes (key, name, letters, link) of the most prolific correspondents, and the edges
    (sender, recipient, letters) between them; a letter to oneself is no edge."""
    people = collection.correspondents()[:MAX_NODES]
    shown = {p.key for p in people}
    nodes = [
        (p.key, p.name, collection.letter_count(p.key), href(person_path(p.slug))) for p in people
    ]
    edges: Counter[tuple[str, str]] = Counter()
    for record in collection.records:
        for sender in {p.key for p in record.senders}:
            for recipient in {p.key for p in record.recipients}:
                if sender != recipient and sender in shown and recipient in shown:
                    edges[(sender, recipient)] += 1
    return nodes, [(a, b, n) for (a, b), n in sorted(edges.items())]


def network_page(collection: Collection, frame: Frame) -> bytes:
    nodes, edges = network_data(collection)
    everyone = collection.correspondents()
    names = {k: p.name for k, p in collection.persons.items()}
    edge_rows = "".join(
        f"<tr><td>{esc(names[a])}</td><td>{esc(names[b])}</td><td>{n}</td></tr>"
        for a, b, n in sorted(edges, key=lambda e: (-e[2], names[e[0]], names[e[1]]))
    )
    node_rows = "".join(
        f'<tr><td><a href="{href(person_path(p.slug))}">{esc(p.name)}</a></td>'
        f"<td>{len(collection.sent.get(p.key, ()))}</td>"
        f"<td>{len(collection.received.get(p.key, ()))}</td></tr>"
        for p in everyone
    )
    more = (
        f" The picture shows the {MAX_NODES} with the most letters; the tables list all."
        if len(everyone) > MAX_NODES
        else ""
    )
    main = (
        f"<p>{plural(len(everyone), 'correspondent')}. Each circle is a person, sized by the "
        "letters they sent and received; each arrow runs from a sender to a recipient, thicker "
        f"for more letters. Circles link to the persons' pages.{more}</p>\n"
        f'<figure class="chart-figure">{network_svg(nodes, edges)}'
        "<figcaption>The same numbers are in the tables below.</figcaption></figure>\n"
        '<div class="table-wrap" tabindex="0"><table id="network-edges"><caption>Letters from one '
        'correspondent to another</caption><thead><tr><th scope="col">From</th>'
        f'<th scope="col">To</th><th scope="col">Letters</th></tr></thead><tbody>{edge_rows}'
        "</tbody></table></div>\n"
        '<div class="table-wrap" tabindex="0"><table id="network-nodes"><caption>Letters per '
        'correspondent</caption><thead><tr><th scope="col">Correspondent</th>'
        '<th scope="col">Sent</th><th scope="col">Received</th></tr></thead>'
        f"<tbody>{node_rows}</tbody></table></div>"
    )
    return page(frame, "network.html", "Network", main)
