"""Telegram + the editor's facts → telegram, warnings about conflicts, and what was applied.

What the editor gives fills what the reader could not find and overrides what it found: the
editor has read the document, the reader only guessed at its layout. Where the two disagree the
user is told (``metadata-conflict``: the field, both values, and the CSV cell or front-matter
line), and the reader's "no sender found" for a field the editor filled is dropped, since it no
longer holds. The TEI then marks each applied fact (:mod:`tei.encode.editor_marks`).
"""

from __future__ import annotations

import re
from dataclasses import replace

from tei.authority import Authority, AuthorityPerson
from tei.metadata.facts import Applied, EditorFacts
from tei.metadata.fields import MetadataError
from tei.model import CorrespAction, Person, ReaderWarning, Telegram

#: fields the header holds directly: field → Header attribute
_HEADER_FIELDS = {"title": "title", "publisher": "publisher", "url": "url", "summary": "summary"}
#: the reader's "no … found" warning each field answers
_ANSWERS = {
    "title": "no-title",
    "date": "no-date",
    "summary": "no-summary",
    "sender": "no-sender",
    "recipient": "no-recipient",
    "language": "undetermined-language",
}


def apply_editor_facts(
    telegram: Telegram, facts: EditorFacts
) -> tuple[Telegram, Applied, Authority]:
    """Apply the facts; return the telegram, what was applied, and the persons the editor
    identified (to merge into the authority used for encoding).

    Raises :class:`MetadataError`, located at the metadata, when a fact cannot apply (an id
    for a sender neither the editor nor the text names, a URL without a publisher).
    """
    warnings: list[ReaderWarning] = []
    header = telegram.header
    changes: dict[str, object] = {}
    for field, attribute in _HEADER_FIELDS.items():
        given = facts.text(field)
        if given is not None:
            _conflict(field, getattr(header, attribute), given, facts, warnings)
            changes[attribute] = given
    if "language" in facts.values:
        language = facts.values["language"].language
        changes["text_language"] = language
    if "date" in facts.values:
        changes["date"] = facts.values["date"].date
    header = replace(header, **changes)
    if header.url and not header.publisher:
        raise _error(facts, "url", "a url needs a publisher (the site or edition it is on)")
    actions, authority = _actions(header.actions, facts, warnings)
    header = replace(header, actions=actions)
    answered = {_ANSWERS[f] for f in facts.values if f in _ANSWERS}
    kept = [w for w in telegram.warnings if w.kind not in answered]
    applied = Applied(facts, tuple(f for f in facts.values if f != "file"))
    return replace(telegram, header=header, warnings=(*kept, *warnings)), applied, authority


def _actions(
    actions: tuple[CorrespAction, ...], facts: EditorFacts, warnings: list[ReaderWarning]
) -> tuple[tuple[CorrespAction, ...], Authority]:
    """The sent and received actions with the editor's persons, date and place."""
    authority = Authority()
    by_type = {action.type: action for action in actions}
    sent = by_type.get("sent") or CorrespAction("sent")
    received = by_type.get("received") or CorrespAction("received")
    sent_persons = _person("sender", sent.persons, facts, warnings, authority)
    received_persons = _person("recipient", received.persons, facts, warnings, authority)
    sent_changes: dict[str, object] = {"persons": sent_persons}
    if "date" in facts.values:
        date = facts.values["date"].date
        found = sent.date.iso if sent.date else None
        _conflict("date", found, date.iso if date else None, facts, warnings)
        sent_changes["date"] = date
    if facts.text("place") is not None:
        _conflict("place", sent.place, facts.text("place"), facts, warnings)
        sent_changes["place"] = facts.text("place")
    elif facts.text("place_id") is not None and not sent.place:
        raise _error(
            facts, "place_id", "a place_id needs a place (neither the text nor the row names one)"
        )
    sent = replace(sent, **sent_changes)
    received = replace(received, persons=received_persons)
    result = []
    for action in actions:
        result.append({"sent": sent, "received": received}.get(action.type, action))
    if "sent" not in by_type and (sent.persons or sent.date or sent.place):
        result.insert(0, sent)
    if "received" not in by_type and received.persons:
        result.append(received)
    return tuple(result), authority


def _person(
    role: str,
    found: tuple[Person, ...],
    facts: EditorFacts,
    warnings: list[ReaderWarning],
    authority: Authority,
) -> tuple[Person, ...]:
    """The editor's sender or recipient (with the authority id when given), else the text's."""
    name, uri = facts.text(role), facts.text(f"{role}_id")
    if name is not None:
        written = ", ".join(p.name for p in found) or None
        if not (written and _shorter_form(written, name)):
            _conflict(role, written, name, facts, warnings)
    elif uri is not None:
        if len(found) != 1:
            raise _error(
                facts, f"{role}_id", f"a {role}_id needs a {role} name (the text names none)"
            )
        name = found[0].name
    else:
        return found
    if uri is None:
        return (Person(name),)
    idno_type = facts.values[f"{role}_id"].idno_type or "URI"
    person_id = "editor-" + (re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-") or role)
    source = facts.origin.replace("\\", "/").rsplit("/", 1)[-1]
    authority.add(AuthorityPerson(person_id, (("main", name),), ((idno_type, uri),), source))
    return (Person(name, person_id),)


def _conflict(
    field: str, found: str | None, given: str | None, facts: EditorFacts, warnings: list
) -> None:
    """Warn when the text and the editor name different values (spacing and case aside)."""
    if not found or not given or _same(found, given):
        return
    warnings.append(
        ReaderWarning(
            f"{field}: the text gives {found!r}, {facts.where(field)} gives {given!r}: "
            "the metadata's value is used",
            None,
            "metadata-conflict",
        )
    )


def _shorter_form(written: str, given: str) -> bool:
    """``Grey`` signed under a letter the editor says is Sir Edward Grey's: the same person, in a
    shorter form, not a conflict (every word the text writes is in the editor's name)."""
    words = set(re.findall(r"\w+", given.casefold()))
    return bool(words) and set(re.findall(r"\w+", written.casefold())) <= words


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold().rstrip(".") == " ".join(b.split()).casefold().rstrip(".")


def _error(facts: EditorFacts, field: str, message: str) -> MetadataError:
    column = facts.places.get(field) if facts.form == "csv" else None
    line = facts.line if facts.form == "csv" else facts.places.get(field, facts.line)
    return MetadataError(message, source=facts.origin, line=line, column=column)


__all__ = ["Applied", "apply_editor_facts"]
