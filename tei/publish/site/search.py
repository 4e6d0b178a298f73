"""The full-text search index, built at build time, and the search page that reads it.

The index is a script (``assets/search-index.js``) that sets one global: pages opened from
``file://`` may load scripts but not fetch JSON. It holds, for each letter, its link, title,
date and correspondents, and its searchable text (title, summary and reading text), and an
inverted index from each term to the letters that hold it. ``assets/search.js`` (our own,
about 150 lines, tested in Chromium) narrows a query to the letters holding every term (the
last term as a prefix, for search as you type) through the inverted index, then checks a
quoted phrase against the letters' texts and shows each hit with its context.

Terms are runs of letters and digits, lower-cased and without diacritics; the script reduces
a query the same way (Unicode NFKD, combining marks removed).
"""

from __future__ import annotations

import json
import re
import unicodedata

from tei.publish.site.collection import Collection
from tei.publish.site.layout import Frame, iso_label, page
from tei.publish.site.letter_page import letter_path

_TERM = re.compile(r"[^\W_]+")


def normalise(text: str) -> str:
    """Lower case, no diacritics, as the browser's script reduces a query."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def terms(text: str) -> list[str]:
    return _TERM.findall(normalise(text))


def search_index(collection: Collection) -> bytes:
    """``assets/search-index.js``: the documents and the inverted index, as one script."""
    docs, texts = [], []
    postings: dict[str, list[int]] = {}
    for number, record in enumerate(collection.records):
        route = " → ".join(
            ", ".join(p.written for p in side) for side in (record.senders, record.recipients)
        )
        docs.append([letter_path(record), record.title, iso_label(record.date), route])
        text = " ".join(part for part in (record.title, record.summary, record.text) if part)
        texts.append(text)
        for term in set(terms(text)):
            postings.setdefault(term, []).append(number)
    data = {"docs": docs, "texts": texts, "terms": dict(sorted(postings.items()))}
    script = "window.TEI_SEARCH = " + json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return (script.replace("</", "<\\/") + ";\n").encode("utf-8")


def search_page(collection: Collection, frame: Frame) -> bytes:
    main = (
        '<form id="search-form" class="search" role="search" action="search.html">'
        '<p><label for="q">Search the letters</label> '
        '<input id="q" name="q" type="search" size="40" autocomplete="off"> '
        '<button type="submit">Search</button></p>'
        '<p class="hint">All words must occur (the last may be the start of a word); put a '
        'phrase in quotes to find it exactly: <kbd>"peace negotiations"</kbd>.</p></form>\n'
        '<noscript><p class="warning">Search runs in your browser and needs JavaScript; '
        'without it, browse the <a href="letters.html">index of letters</a>.</p></noscript>\n'
        '<p id="search-status" aria-live="polite"></p>\n<ol id="search-results"></ol>\n'
        f"<p>The index holds {len(collection.records):,} letters; it is part of the site and "
        "needs no server and no network.</p>"
    )
    return page(frame, "search.html", "Search", main, scripts=("search-index.js", "search.js"))
