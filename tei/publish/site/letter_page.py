"""A letter's page: the project's own HTML rendering (converters/html.xsl), inside the site.

The letter is rendered exactly as ``tei render`` renders it; the site adds its stylesheet, its
banner and menu, and a navigation block after the letter's metadata: previous and next letter
in date order and within the correspondence, the correspondents' pages and the TEI file. The
additions are put in at fixed points of html.xsl's page (``</head>``, ``<body>``,
``</header>``), each found exactly once, so a change to the stylesheet that moves them fails
loudly here rather than producing a page without navigation.
"""

from __future__ import annotations

from lxml import etree

from tei.errors import TeiError
from tei.publish.site.collect import Record
from tei.publish.site.collection import Collection
from tei.publish.site.layout import Frame, attr, esc, href, navigation, time_tag
from tei.render.xslt import render_html

#: what the site adds to the rendering's head: its stylesheet and icon
HEAD_LINKS = (
    '<link rel="stylesheet" href="../assets/site.css">\n'
    '<link rel="icon" href="../assets/icon.svg" type="image/svg+xml">\n'
)


def letter_path(record: Record) -> str:
    return f"letters/{record.doc_id}.html"


def tei_path(record: Record) -> str:
    return f"tei/{record.doc_id}.xml"


def person_path(slug: str) -> str:
    return f"persons/{slug}.html"


def letter_page(record: Record, collection: Collection, frame: Frame) -> bytes:
    """The rendered letter with the site's navigation put in."""
    page = render_html(etree.ElementTree(record.root), record.source).decode("utf-8")
    insertions = (
        ("</head>", f"{HEAD_LINKS}</head>"),
        ("</header>", "</header>\n" + _letter_nav(record, collection)),
        ("<body>", "<body>\n" + navigation(frame, "letters.html", 1, skip="#doc-text")),
    )
    for mark, replacement in insertions:
        if page.count(mark) != 1:
            raise TeiError(
                f"the HTML rendering has {page.count(mark)} {mark} where the site expects one",
                source=record.source,
                hint="converters/html.xsl changed its page frame; please report this",
            )
        page = page.replace(mark, replacement, 1)
    return page.encode("utf-8")


def _letter_nav(record: Record, collection: Collection) -> str:
    before, after = collection.order.get(record.doc_id, (None, None))
    thread_before, thread_after = collection.thread.get(record.doc_id, (None, None))
    rows = [
        _step("Previous letter", before),
        _step("Next letter", after),
        _step("Previous in this correspondence", thread_before),
        _step("Next in this correspondence", thread_after),
    ]
    people = []
    for label, parties in (("From", record.senders), ("To", record.recipients)):
        links = []
        for party in parties:
            person = collection.persons.get(party.key)
            if person is not None:
                links.append(
                    f'<a href="../{href(person_path(person.slug))}">{esc(person.name)}</a>'
                )
        people.append(f"<dt>{label}</dt><dd>{', '.join(links) or 'not named'}</dd>")
    return (
        '<nav class="letter-nav" aria-label="Letter navigation">\n'
        f'<dl class="steps">{"".join(rows)}{"".join(people)}</dl>\n'
        f'<p><a href="../{href(tei_path(record))}" type="application/tei+xml">'
        f"TEI file of this letter ({esc(record.doc_id)}.xml)</a> · "
        '<a href="../letters.html">All letters</a></p>\n</nav>'
    )


def _step(label: str, other: Record | None) -> str:
    if other is None:
        return f"<dt>{esc(label)}</dt><dd>none</dd>"
    return (
        f'<dt>{esc(label)}</dt><dd><a href="../{href(letter_path(other))}" '
        f'title="{attr(other.title)}">{esc(_short(other.title))}</a> ({time_tag(other.date)})</dd>'
    )


def _short(title: str, limit: int = 90) -> str:
    return title if len(title) <= limit else title[: limit - 1].rstrip() + "…"
