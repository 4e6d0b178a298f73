"""Who is who, decided once: the authority entries a telegram's names point at.

Readers record a name's authority id (``person_id``) as they recognise it; this pass collects
the entries those ids stand for onto the telegram, so the encoder writes the persons that were
recognised — from the user's authority file when it was given — and never looks names up again.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import fields, is_dataclass

from tei.authority import Authority
from tei.model import KnownPerson, Telegram


def resolved_persons(telegram: Telegram, authority: Authority) -> tuple[KnownPerson, ...]:
    """Every authority entry the telegram's ``person_id`` values name, in order of first use."""
    persons: dict[str, KnownPerson] = {}
    for person_id in _person_ids((telegram.header, telegram.body)):
        entry = authority.get(person_id)
        if entry is not None and person_id not in persons:
            persons[person_id] = KnownPerson(entry.id, entry.names, entry.idnos, entry.source)
    return tuple(persons.values())


def _person_ids(value: object) -> Iterator[str]:
    """The ``person_id`` of every model node in ``value``, depth first (header before body).

    Generic over the model's dataclasses, so a node type added later is covered without a
    change here.
    """
    if isinstance(value, tuple):
        for item in value:
            yield from _person_ids(item)
    elif is_dataclass(value) and not isinstance(value, type):
        person_id = getattr(value, "person_id", None)
        if isinstance(person_id, str) and person_id:
            yield person_id
        for field in fields(value):
            yield from _person_ids(getattr(value, field.name))


__all__ = ["resolved_persons"]
