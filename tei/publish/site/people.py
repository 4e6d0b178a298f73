"""Pages of persons and places: every name, the authority ids as links, the letters in date order.

A person's names come from the ``listPerson`` entry (main name, pseudonyms, variants, the
birth name …); the letters are those where one of the person's names is a sender or a
recipient. A name that points at no person has a page too, saying so, so that the index's
links never dead-end and the editor sees what is left to identify.
"""

from __future__ import annotations

from collections import Counter
from urllib.parse import quote

from tei.publish.cmif_terms import PERSON_AUTHORITIES, PLACE_AUTHORITIES
from tei.publish.site.chart_pages import person_timeline
from tei.publish.site.collect import Person, Record
from tei.publish.site.collection import Collection, Place
from tei.publish.site.layout import Frame, attr, esc, href, page, plural, time_tag
from tei.publish.site.letter_page import letter_path, person_path

#: idno type → URL prefix of the authority's page for an id (ids given as URLs are kept)
AUTHORITY_PAGES = {
    "wikidata": "https://www.wikidata.org/wiki/",
    **{a.idno_type: a.uri for a in PERSON_AUTHORITIES + PLACE_AUTHORITIES},
}
LABELS = {"wikidata": "Wikidata", **{a.idno_type: a.label for a in PERSON_AUTHORITIES}}


NOT_IDENTIFIED = ' <span class="missing">(not identified)</span>'


def _kind(kind: str) -> str:
    return f' <span class="kind">({esc(kind)})</span>' if kind else ""


def place_path(place: Place) -> str:
    return f"places/{place.slug}.html"


def authority_link(kind: str, value: str) -> str:
    """An authority id as a link to its page where the authority is known, else as text."""
    label = LABELS.get(kind.lower(), kind or "id")
    if value.startswith(("http://", "https://")):
        url = value
    elif kind.lower() in AUTHORITY_PAGES:
        url = AUTHORITY_PAGES[kind.lower()] + value.removeprefix("cb")
    else:
        return f"{esc(label)} {esc(value)}"
    return f'{esc(label)} <a href="{attr(url)}" rel="external">{esc(value)}</a>'


def person_page(person: Person, collection: Collection, frame: Frame) -> bytes:
    sent = collection.sent.get(person.key, [])
    received = collection.received.get(person.key, [])
    names = "".join(f"<li>{esc(name)}{_kind(kind)}</li>" for kind, name in person.names)
    ids = "".join(f"<li>{authority_link(k, v)}</li>" for k, v in person.idnos)
    status = (
        ""
        if person.identified
        else '<p class="warning">Not identified: this name points at no person of a '
        '<code>listPerson</code>. See the <a href="../quality.html">data-quality page</a>.</p>'
    )
    main = (
        f"{status}<p>{plural(len(sent), 'letter')} sent, {plural(len(received), 'letter')} "
        f'received. <a href="../letters.html?from={attr(quote(person.key, safe=""))}">'
        "Filter the index by this sender</a>.</p>\n"
        f'<section aria-labelledby="names"><h2 id="names">Names</h2><ul>{names}</ul></section>\n'
        + (
            f'<section aria-labelledby="ids"><h2 id="ids">Authority ids</h2><ul>{ids}</ul>'
            "</section>\n"
            if ids
            else ""
        )
        + person_timeline(person, collection)
        + _letters_section("sent", "Letters sent", sent, collection)
        + _letters_section("received", "Letters received", received, collection)
        + _correspondents(person, sent, received, collection)
    )
    return page(frame, "persons.html", person.name, main, depth=1)


def _letters_section(anchor: str, heading: str, records: list[Record], c: Collection) -> str:
    if not records:
        return ""
    items = "".join(
        f'<li>{time_tag(r.date)}: <a href="../{href(letter_path(r))}">{esc(r.title)}</a></li>'
        for r in records
    )
    return (
        f'<section aria-labelledby="{anchor}"><h2 id="{anchor}">{heading} '
        f'({len(records)})</h2><ol class="dated">{items}</ol></section>\n'
    )


def _correspondents(
    person: Person, sent: list[Record], received: list[Record], collection: Collection
) -> str:
    counts: Counter[str] = Counter()
    for record in sent:
        counts.update(p.key for p in record.recipients)
    for record in received:
        counts.update(p.key for p in record.senders)
    counts.pop(person.key, None)
    if not counts:
        return ""
    items = "".join(
        f'<li><a href="../{href(person_path(collection.persons[k].slug))}">'
        f"{esc(collection.persons[k].name)}</a> ({plural(n, 'letter')})</li>"
        for k, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    )
    heading = '<h2 id="with">Correspondents</h2>'
    return f'<section aria-labelledby="with">{heading}<ul>{items}</ul></section>'


def persons_index(collection: Collection, frame: Frame) -> bytes:
    people = sorted(collection.persons.values(), key=lambda p: p.name.casefold())
    rows = "".join(
        f'<tr><td><a href="{href(person_path(p.slug))}">{esc(p.name)}</a>'
        f"{'' if p.identified else NOT_IDENTIFIED}</td>"
        f"<td>{esc(', '.join(n for _, n in p.names[1:]))}</td>"
        f"<td>{len(collection.sent.get(p.key, ()))}</td>"
        f"<td>{len(collection.received.get(p.key, ()))}</td>"
        f"<td>{'; '.join(authority_link(k, v) for k, v in p.idnos)}</td></tr>"
        for p in people
    )
    main = (
        f"<p>{plural(len(people), 'person')} and organisations named in the letters or their "
        'personographies.</p>\n<div class="table-wrap" tabindex="0"><table>'
        '<thead><tr><th scope="col">Name</th><th scope="col">Other names</th>'
        '<th scope="col">Sent</th><th scope="col">Received</th><th scope="col">Authority ids'
        f"</th></tr></thead><tbody>{rows}</tbody></table></div>"
    )
    return page(frame, "persons.html", "Persons", main)


def place_page(place: Place, collection: Collection, frame: Frame) -> bytes:
    records = collection.at_place.get(place.key, [])
    ref = "" if place.key.startswith("name:") else f"<p>Identifier: {esc(place.key)}</p>"
    link = (
        f'<p><a href="../letters.html?place={attr(quote(place.key, safe=""))}">Filter the '
        "index by this place</a>.</p>"
    )
    main = ref + link + _letters_section("letters", "Letters", records, collection)
    return page(frame, "places.html", place.name, main, depth=1)


def places_index(collection: Collection, frame: Frame) -> bytes:
    places = sorted(collection.places.values(), key=lambda p: p.name.casefold())
    items = "".join(
        f'<li><a href="{href(place_path(p))}">{esc(p.name)}</a> '
        f"({plural(len(collection.at_place.get(p.key, ())), 'letter')})</li>"
        for p in places
    )
    main = (
        f"<p>{plural(len(places), 'place')} where letters were written or received.</p>"
        f"<ul>{items}</ul>"
    )
    return page(frame, "places.html", "Places", main)
