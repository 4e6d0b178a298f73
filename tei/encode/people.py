"""The persons a document names, for correspDesc and standOff/listPerson.

The persons reading identified (``Telegram.persons``) are referred to by their ids; a
correspondent reading did not identify gets an entry of its own, keyed by a slug of the name as
written. The encoder never looks a name up: who is who was decided once, when reading.
Organisations (``orgName``) have no entry: listPerson holds persons.
"""

from __future__ import annotations

import re

from lxml import etree

from tei.encode.body import sub
from tei.model import CorrespAction, KnownPerson, Person


class People:
    """The persons a document names: the telegram's known persons by id, others by a slug."""

    def __init__(
        self,
        actions: tuple[CorrespAction, ...],
        persons: tuple[KnownPerson, ...],
        reserved: frozenset[str] = frozenset(),
    ) -> None:
        self.known = {person.id: person for person in persons}
        #: ids a slug must not take: the document's own, and the known persons'
        self.reserved = reserved | set(self.known)
        self.used: dict[str, KnownPerson | Person] = {}
        self.by_name: dict[str, str] = {}
        for action in actions:
            for person in (*action.persons, action.relay_from, action.relay_to):
                if person is not None and not person.org:
                    self.ref(person.person_id, person.name, correspondent=True)

    def ref(self, person_id: str | None, name: str, correspondent: bool = False) -> str | None:
        """The xml:id to point at for a person, registered for ``standOff``.

        A name reading did not identify gets an entry of its own only when it is a
        correspondent (the header names it); a body name links only to a known person, or to
        a correspondent of the same name.
        """
        known = self.known.get(person_id) if person_id else None
        if known is not None:
            self.used.setdefault(known.id, known)
            return known.id
        key = " ".join(name.split()).casefold()
        if key in self.by_name:
            return self.by_name[key]
        if not correspondent:
            return None
        slug = _slug(name)
        while slug in self.reserved:
            slug = f"{slug}-person"  # "A" writing a.txt: the person is not the document
        self.by_name[key] = slug
        self.used.setdefault(slug, Person(name, None))
        return slug


def _slug(name: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-") or "person"
    return slug if slug[0].isalpha() else f"p-{slug}"


def person_name(parent: etree._Element, person: Person, people: People, role: str = "") -> None:
    """persName as written; an office held by the person named first as its roleName; an
    organisation or an office held by nobody named as orgName."""
    attrs = {"role": role} if role else {}
    if person.org:
        sub(parent, "orgName", person.name, **attrs)
        return
    ref = people.ref(person.person_id, person.name)
    if ref:
        attrs["ref"] = f"#{ref}"
    element = sub(parent, "persName", **attrs)
    if person.role:
        sub(element, "roleName", person.role)
        element[-1].tail = " "
        sub(element, "name", person.name)
    else:
        element.text = person.name


def stand_off(root: etree._Element, people: People) -> None:
    list_person = sub(sub(root, "standOff"), "listPerson")
    for person_id, person in people.used.items():
        if isinstance(person, KnownPerson):
            element = sub(
                list_person, "person", xml__id=person_id, source=f"#{authority_id(person.source)}"
            )
            for kind, name in person.names:
                sub(element, "persName", name, type=kind)
            for kind, value in person.idnos:
                # an untyped idno in a user's file stays untyped (type="" is not valid TEI)
                sub(element, "idno", value, **({"type": kind} if kind else {}))
        else:
            element = sub(list_person, "person", xml__id=person_id)
            sub(element, "persName", person.name)


def authority_id(source: str) -> str:
    return "authority-" + _slug(source)
