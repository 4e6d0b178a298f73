"""TEI documents → the facts every page of the site is made from.

A site shows the same letter in many places (its page, the index, a person's page, the
timeline, the network), so each letter is read once, here, into a :class:`Record`, with its
parties read as :mod:`tei.publish.letters` reads them for the teiCorpus and CMIF. Persons come
from the letters' ``standOff/listPerson`` (and a teiCorpus's shared one); a name that points at
no person still gets a page of its own, marked as not identified.
"""

from __future__ import annotations

import copy
import hashlib
import re
from dataclasses import dataclass, field

from lxml import etree

from tei.errors import InputError, XmlInputError
from tei.publish.corpus import to_bytes
from tei.publish.letters import (
    NAME_KEY,
    TEI,
    XML_ID,
    action,
    action_date,
    action_names,
    correspondence,
    ids_of,
    party_key,
    plain_text,
)


@dataclass(frozen=True)
class Party:
    """One correspondent of a letter: the key (``#stalin``, ``name:…``) and the name as written."""

    key: str
    written: str


@dataclass
class Record:
    """One letter, read once for all the pages that show it."""

    doc_id: str
    source: str  # the file it came from (a teiCorpus holds many)
    root: etree._Element  # the letter's TEI element, ready to render
    title: str
    kind: str  # the body's div/@type: telegram, cable, letter …
    date: str | None  # the sent action's ISO date (the one definition: tei.publish.letters)
    senders: list[Party]
    recipients: list[Party]
    places: list[Party]
    summary: str
    text: str  # the body's reading text, for the search index
    data: bytes = b""  # the letter's TEI: the file as given, or extracted from a teiCorpus
    extracted: bool = False  # True: taken out of a teiCorpus (data's lines are not the file's)
    line: int | None = None  # where the letter starts in its file
    warnings: list[str] = field(default_factory=list)  # conversion, when the input was text

    @property
    def parties(self) -> list[Party]:
        return [*self.senders, *self.recipients]


@dataclass
class Person:
    """A person (or organisation) of the collection, with every name and authority id."""

    key: str
    slug: str
    name: str
    names: list[tuple[str, str]]  # (type, name), the main name first
    idnos: list[tuple[str, str]]  # (type, value)
    identified: bool  # False: a name that points at no person in any listPerson


def read_records(root: etree._Element, source: str, data: bytes) -> list[Record]:
    """The letters of a TEI file or a teiCorpus, each as a :class:`Record`.

    A corpus's letter is taken out with the shared persons it points at, so that its page,
    its download and its validation see a whole letter, as ``tei convert`` writes one.
    """
    if root.tag == f"{TEI}TEI":
        record = _record(root, source, root)
        record.data = data
        return [record]
    if root.tag == f"{TEI}teiCorpus":
        shared = root.find(f"{TEI}standOff/{TEI}listPerson")
        letters = list(root.iter(f"{TEI}TEI"))
        if not letters:
            raise InputError(
                "the teiCorpus holds no TEI letter", source=source, line=root.sourceline
            )
        ids = ids_of(root)
        records = [
            _record(_with_persons(letter, shared, ids), source, letter) for letter in letters
        ]
        for record in records:
            record.data = to_bytes(copy.deepcopy(record.root))
            record.extracted = True
        return records
    what = etree.QName(root).localname if isinstance(root.tag, str) else "?"
    raise XmlInputError(
        f"the root element is {what!r}, not TEI or teiCorpus",
        source=source,
        line=root.sourceline,
        hint="give TEI letters made by `tei convert`, or a corpus made by `tei corpus`",
    )


def _record(root: etree._Element, source: str, located: etree._Element) -> Record:
    doc_id = root.get(XML_ID)
    if not doc_id:
        raise InputError(
            "the letter has no xml:id",
            source=source,
            line=located.sourceline,
            hint="every letter needs an id for its page (tei convert writes one)",
        )
    header = root.find(f"{TEI}teiHeader")
    desc = correspondence(root)
    sent, received = action(desc, "sent"), action(desc, "received")
    title = (
        plain_text(header.find(f"{TEI}fileDesc/{TEI}titleStmt/{TEI}title"))
        if header is not None
        else ""
    )
    div = root.find(f"{TEI}text/{TEI}body/{TEI}div[@type]")
    abstract = root.find(f"{TEI}teiHeader/{TEI}profileDesc/{TEI}abstract")
    body = root.find(f"{TEI}text")
    return Record(
        doc_id=doc_id,
        source=source,
        root=root,
        title=title or doc_id,
        kind=div.get("type") if div is not None else "",
        date=action_date(sent),
        senders=[Party(party_key(n), plain_text(n)) for n in action_names(sent)],
        recipients=[Party(party_key(n), plain_text(n)) for n in action_names(received)],
        places=_places(sent, received),
        summary=plain_text(abstract),
        text=plain_text(body),
        line=located.sourceline,
    )


def _places(*actions: etree._Element | None) -> list[Party]:
    found = []
    for act in actions:
        for place in [] if act is None else act.findall(f"{TEI}placeName"):
            ref = (place.get("ref") or "").split()
            written = plain_text(place)
            key = ref[0] if ref else NAME_KEY + written.casefold()
            if written and all(p.key != key for p in found):
                found.append(Party(key, written))
    return found


def _with_persons(
    letter: etree._Element, shared: etree._Element | None, ids: dict[str, etree._Element]
) -> etree._Element:
    """A corpus letter with the shared persons it points at (and the sources they cite), so
    that its page lists them and its TEI download is a whole letter."""
    copied = copy.deepcopy(letter)
    header = copied.find(f"{TEI}teiHeader")
    if shared is None or header is None or copied.find(f"{TEI}standOff") is not None:
        return copied
    persons = [p for p in shared.findall(f"{TEI}person") if p.get(XML_ID) in _pointed(copied)]
    if not persons:
        return copied
    stand_off = etree.Element(f"{TEI}standOff")
    list_person = etree.SubElement(stand_off, f"{TEI}listPerson")
    list_person.extend(copy.deepcopy(p) for p in persons)
    header.addnext(stand_off)
    own, source_desc = ids_of(copied), header.find(f"{TEI}fileDesc/{TEI}sourceDesc")
    for cited in sorted(_pointed(stand_off) - set(own)):
        if cited in ids and source_desc is not None:
            source_desc.append(copy.deepcopy(ids[cited]))
    return copied


def _pointed(element: etree._Element) -> set[str]:
    """The ids that ``@ref`` and ``@source`` pointers below ``element`` point at."""
    return {
        value[1:]
        for el in element.iter()
        for name in ("ref", "source")
        for value in (el.get(name) or "").split()
        if value.startswith("#")
    }


def collect_persons(records: list[Record], roots: list[etree._Element]) -> dict[str, Person]:
    """Every person a letter names, by party key: listPerson entries first, then bare names."""
    persons: dict[str, Person] = {}
    slugs: set[str] = set()
    for root in roots:
        for element in root.iter(f"{TEI}person", f"{TEI}org"):
            person_id = element.get(XML_ID)
            if person_id and f"#{person_id}" not in persons:
                persons[f"#{person_id}"] = _person(element, slugs)
    for record in records:
        for party in record.parties:
            if party.key not in persons:
                persons[party.key] = _unidentified(party, slugs)
    return persons


def _person(element: etree._Element, slugs: set[str]) -> Person:
    names = [
        (n.get("type") or "", plain_text(n))
        for n in element.findall(f"{TEI}persName") + element.findall(f"{TEI}orgName")
    ]
    names.sort(key=lambda n: n[0] != "main")
    idnos = [(i.get("type") or "", plain_text(i)) for i in element.findall(f"{TEI}idno")]
    person_id = element.get(XML_ID)
    name = names[0][1] if names else person_id
    return Person(f"#{person_id}", unique_slug(person_id, slugs), name, names, idnos, True)


def _unidentified(party: Party, slugs: set[str]) -> Person:
    return Person(party.key, unique_slug("name-" + party.written, slugs), party.written,
                  [("as written", party.written)], [], False)  # fmt: skip


def unique_slug(text: str, taken: set[str]) -> str:
    """A file name from ``text`` (ASCII letters, digits, ``-``), unique among ``taken``."""
    slug = re.sub(r"[^a-z0-9]+", "-", text.casefold().encode("ascii", "ignore").decode()).strip("-")
    slug = slug[:60] or "x"
    if slug in taken:
        slug += "-" + hashlib.sha1(text.encode()).hexdigest()[:8]
    while slug in taken:
        slug += "x"
    taken.add(slug)
    return slug


def pseudonyms(record: Record, persons: dict[str, Person]) -> list[tuple[Party, Person]]:
    """The letter's parties written under a pseudonym (Filippov for Stalin), with the person."""
    found = []
    for party in record.parties:
        person = persons.get(party.key)
        if person and person.identified and (("pseudonym", party.written) in person.names):
            found.append((party, person))
    return found
