"""The index of letters: one static table, sortable and filterable in the browser.

Without JavaScript the page is the whole table in date order, which is readable and printable;
``assets/site.js`` shows the filter form (sender, recipient, place, kind, date range) and turns
the column headings into sort buttons. Each row carries what the filters compare in ``data-``
attributes (party keys between ``|``), so the script needs no data of its own; the filters also
read the page's query (``letters.html?from=%23stalin``), which is how person pages link to
"letters from this person".
"""

from __future__ import annotations

from collections import Counter

from tei.publish.site.collect import Party, Record
from tei.publish.site.collection import Collection
from tei.publish.site.layout import Frame, attr, esc, href, page, plural, time_tag
from tei.publish.site.letter_page import letter_path, person_path

COLUMNS = ("Date", "Letter", "From", "To", "Place", "Kind")


def letters_index(collection: Collection, frame: Frame) -> bytes:
    rows = "\n".join(_row(record, collection) for record in collection.records)
    heading = "".join(f'<th scope="col" data-column="{i}">{c}</th>' for i, c in enumerate(COLUMNS))
    main = (
        f'<p id="letters-count" aria-live="polite">{plural(len(collection.records), "letter")}, '
        "in date order (undated last).</p>\n"
        f"{_filters(collection)}\n"
        '<div class="table-wrap" tabindex="0"><table id="letters" class="letters">\n'
        '<caption class="vh">Letters of the collection</caption>\n'
        f"<thead><tr>{heading}</tr></thead>\n<tbody>\n{rows}\n</tbody></table></div>"
    )
    return page(frame, "letters.html", "Letters", main, scripts=("site.js",))


def _row(record: Record, collection: Collection) -> str:
    def keys(parties: list[Party]) -> str:
        return attr("|" + "|".join(p.key for p in parties) + "|")

    return (
        f'<tr data-date="{attr(record.date or "")}" data-from="{keys(record.senders)}" '
        f'data-to="{keys(record.recipients)}" data-place="{keys(record.places)}" '
        f'data-kind="{attr(record.kind)}">'
        f'<td data-sort="{attr(record.date or "~")}">{time_tag(record.date)}</td>'
        f'<td data-sort="{attr(record.title.casefold())}"><a href="{href(letter_path(record))}">'
        f"{esc(record.title)}</a></td>"
        f"<td>{_people(record.senders, collection)}</td>"
        f"<td>{_people(record.recipients, collection)}</td>"
        f"<td>{esc(', '.join(p.written for p in record.places))}</td>"
        f"<td>{esc(record.kind)}</td></tr>"
    )


def _people(parties: list[Party], collection: Collection) -> str:
    links = []
    for party in parties:
        person = collection.persons[party.key]
        links.append(f'<a href="{href(person_path(person.slug))}">{esc(party.written)}</a>')
    return ", ".join(links) or '<span class="missing">not named</span>'


def _filters(collection: Collection) -> str:
    senders = Counter(p.key for r in collection.records for p in r.senders)
    recipients = Counter(p.key for r in collection.records for p in r.recipients)
    places = Counter(p.key for r in collection.records for p in r.places)
    kinds = Counter(r.kind for r in collection.records if r.kind)

    def options(counts: Counter[str], label: dict[str, str]) -> str:
        ordered = sorted(counts, key=lambda k: label[k].casefold())
        return "".join(
            f'<option value="{attr(k)}">{esc(label[k])} ({counts[k]})</option>' for k in ordered
        )

    names = {key: person.name for key, person in collection.persons.items()}
    place_names = {key: place.name for key, place in collection.places.items()}
    fields = [
        _select("from", "Sender", options(senders, names)),
        _select("to", "Recipient", options(recipients, names)),
        _select("place", "Place", options(places, place_names)) if places else "",
        _select("kind", "Kind", options(kinds, {k: k for k in kinds})),
        '<p><label for="f-after">Dated from</label> <input id="f-after" name="after" '
        'placeholder="YYYY-MM-DD" size="10" pattern="[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?"></p>',
        '<p><label for="f-before">to</label> <input id="f-before" name="before" '
        'placeholder="YYYY-MM-DD" size="10" pattern="[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?"></p>',
    ]
    return (
        '<form id="letter-filters" class="filters" hidden aria-label="Filter the letters">'
        f'{"".join(fields)}<p><button type="reset">Show all</button></p></form>'
    )


def _select(name: str, label: str, options: str) -> str:
    return (
        f'<p><label for="f-{name}">{label}</label> <select id="f-{name}" name="{name}">'
        f'<option value="">any</option>{options}</select></p>'
    )
