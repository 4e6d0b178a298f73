"""The home page: the collection's title, what it holds, its dates, and what is still missing."""

from __future__ import annotations

from collections import Counter

from tei.publish.site.collection import Collection
from tei.publish.site.layout import Frame, esc, page, plural, time_tag
from tei.publish.site.quality import Quality, summary_items


def home_page(collection: Collection, quality: Quality, frame: Frame) -> bytes:
    dated = sorted(r.date for r in collection.dated)
    span = f"from {time_tag(dated[0])} to {time_tag(dated[-1])}" if dated else "no dated letter"
    kinds = Counter(r.kind for r in collection.records if r.kind)
    kind_text = ", ".join(f"{plural(n, k)}" for k, n in kinds.most_common())
    counts = (
        f'<li><a href="letters.html">{plural(len(collection.records), "letter")}</a>'
        f"{f' ({esc(kind_text)})' if kind_text else ''}</li>"
        f'<li><a href="persons.html">{plural(len(collection.persons), "person")}</a>, '
        f"{plural(len(collection.correspondents()), 'correspondent')} among them</li>"
    )
    if collection.places:
        counts += f'<li><a href="places.html">{plural(len(collection.places), "place")}</a></li>'
    counts += f"<li>Dates: {span}</li>"
    about = "".join(f"<p>{esc(p.strip())}</p>" for p in collection.about.split("\n\n") if p.strip())
    summary = "".join(
        f'<li><a href="quality.html#{a}">{esc(label)}</a>: <strong>{n:,}</strong></li>'
        for label, n, a in summary_items(quality, len(collection.records))
    )
    main = (
        (f'<section aria-label="About" class="about">{about}</section>' if about else "")
        + f'<section aria-labelledby="holds"><h2 id="holds">The collection</h2><ul>{counts}</ul>'
        '<p>Browse the <a href="letters.html">letters</a>, see them on a '
        '<a href="timeline.html">timeline</a> or as a <a href="network.html">network</a> of '
        'correspondents, <a href="search.html">search</a> their text, or '
        '<a href="downloads.html">download</a> the TEI.</p></section>\n'
        f'<section aria-labelledby="quality"><h2 id="quality">Data quality</h2>'
        f'<ul class="summary">{summary}</ul></section>'
    )
    return page(frame, "index.html", collection.title, main)
