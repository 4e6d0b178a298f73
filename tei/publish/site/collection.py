"""The collection as the pages see it: letters in date order, persons, places, neighbours.

Date order is the sent date (undated letters last, ties by document id); the chain of a
correspondence is the teiCorpus's own (:func:`tei.publish.corpus.chains`), so "next in this
correspondence" on the site is the letter ``tei corpus`` links as next.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property

from lxml import etree

from tei.publish.corpus import chains, read_letter
from tei.publish.site.collect import Party, Person, Record, collect_persons, unique_slug


@dataclass
class Place:
    key: str
    slug: str
    name: str


@dataclass
class Collection:
    """Everything the pages are made from; built once by :func:`assemble`."""

    title: str
    about: str
    records: list[Record]  # in date order
    persons: dict[str, Person]
    places: dict[str, Place]
    sent: dict[str, list[Record]] = field(default_factory=dict)  # person key → letters
    received: dict[str, list[Record]] = field(default_factory=dict)
    at_place: dict[str, list[Record]] = field(default_factory=dict)
    #: document id → (previous, next) in date order
    order: dict[str, tuple[Record | None, Record | None]] = field(default_factory=dict)
    #: document id → (previous, next) within its correspondence (same two correspondents)
    thread: dict[str, tuple[Record | None, Record | None]] = field(default_factory=dict)

    @property
    def dated(self) -> list[Record]:
        return [r for r in self.records if on_timeline(r.date)]

    def correspondents(self) -> list[Person]:
        """Persons who sent or received a letter, most letters first."""
        keys = set(self.sent) | set(self.received)
        people = [self.persons[k] for k in keys if k in self.persons]
        return sorted(people, key=lambda p: (-self.letter_count(p.key), p.name.casefold()))

    @cached_property
    def span(self) -> tuple[str, dict[str, int]]:
        """The timeline's unit and letters per period (:func:`periods`), computed once."""
        return periods(self.records)

    def letter_count(self, key: str) -> int:
        return len(self.sent.get(key, ())) + len(self.received.get(key, ()))


def sort_key(record: Record) -> tuple[bool, str, str]:
    return (record.date is None, record.date or "", record.doc_id)


def assemble(
    records: list[Record], roots: list[etree._Element], title: str, about: str = ""
) -> Collection:
    """Order the letters, gather persons and places, and link each letter to its neighbours."""
    records = sorted(records, key=sort_key)
    collection = Collection(title, about, records, collect_persons(records, roots), {})
    slugs: set[str] = set()
    for record in records:
        for party in record.senders:
            collection.sent.setdefault(party.key, []).append(record)
        for party in record.recipients:
            collection.received.setdefault(party.key, []).append(record)
        for place in record.places:
            if place.key not in collection.places:
                collection.places[place.key] = _place(place, slugs)
            collection.at_place.setdefault(place.key, []).append(record)
    for index, record in enumerate(records):
        before = records[index - 1] if index else None
        after = records[index + 1] if index + 1 < len(records) else None
        collection.order[record.doc_id] = (before, after)
    by_id = {r.doc_id: r for r in records}
    neighbours, _ = chains([read_letter(r.root, r.source) for r in records])
    for doc_id, (before, after) in neighbours.items():
        collection.thread[doc_id] = (
            by_id[before.doc_id] if before else None,
            by_id[after.doc_id] if after else None,
        )
    return collection


def _place(party: Party, slugs: set[str]) -> Place:
    return Place(party.key, unique_slug(party.written, slugs), party.written)


def periods(records: list[Record]) -> tuple[str, dict[str, int]]:
    """Letters per month when the dated letters fall within five calendar years, else per year.

    Returns the unit (``month`` or ``year``) and the count of each period, every period of the
    span present (a month without letters is a zero, not a gap the eye would miss).
    """
    dates = sorted(r.date for r in records if on_timeline(r.date))
    if not dates:
        return "year", {}
    first, last = int(dates[0][:4]), int(dates[-1][:4])
    unit = "month" if last - first < 5 else "year"
    counts: dict[str, int] = defaultdict(int)
    for date in dates:
        counts[period_of(date, unit)] += 1
    if unit == "year":
        span = [str(y) for y in range(first, last + 1)]
    else:
        span = [f"{y}-{m:02d}" for y in range(first, last + 1) for m in range(1, 13)]
        span = [p for p in span if min(counts) <= p <= max(counts)]
    return unit, {p: counts.get(p, 0) for p in span}


def on_timeline(date: str | None) -> bool:
    """A date that starts with a year (1949, 1949-01, 1949-01-12); TEI also allows forms such
    as ``--01-12`` (a day of no year), which a timeline cannot place."""
    return bool(date) and re.match(r"[0-9]{4}(-|$)", date) is not None


def period_of(date: str, unit: str) -> str:
    """The month (``1949-01``) or year (``1949``) of an ISO date; a year-only date in a month
    timeline counts in its year's January (said on the timeline page)."""
    if unit == "year":
        return date[:4]
    return date[:7] if len(date) >= 7 and date[4] == "-" else date[:4] + "-01"
