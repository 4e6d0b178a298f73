"""The message's journey (sent → transmitted → received) from the title and from the text.

The title says who wrote to whom and through whom; the text corrects it where it says more: a
message quoted and signed by someone else is that person's, ``For X.`` / ``Visit X and pass him
…`` name the final addressee, the address line's ``To Whom`` is a relay, the signature is the
author when the title names none; the dateline gives place and time, the receipt line the
receipt; offices a telegram was repeated to (``repeated CINCFE``) received it too. Only dates
the source gives are used.
"""

from __future__ import annotations

from dataclasses import replace

from tei.authority import Authority
from tei.dates import PartialDate
from tei.model import (
    Body,
    CorrespAction,
    Explained,
    Inline,
    Message,
    Person,
    PersonName,
    QuotedMessage,
    Text,
)
from tei.readers.conventions.parties import Party
from tei.readers.conventions.repeats import is_acronym
from tei.readers.conventions.signature import parse_signature
from tei.readers.parts import SourceParts
from tei.readers.title import TitleFacts, person_from


def party_person(party: Party | None, authority: Authority) -> Person | None:
    """A heading's party as a model person (an organisation is never looked up as a person)."""
    if party is None:
        return None
    known = None if party.org else authority.find(party.name)
    return Person(party.name, known.id if known else None, role=party.role, org=party.org)


def journey(
    facts: TitleFacts,
    date: PartialDate | None,
    body: Body,
    parts: SourceParts,
    authority: Authority,
) -> tuple[CorrespAction, ...]:
    """The actions, in the order of the message's journey."""
    sender, recipient, relays = _ends(facts, body, parts, authority)
    facts = replace(facts, sender=sender, recipient=recipient)
    actions = _with_dateline(list(_actions(facts, date, body)), facts, body)
    if relays:
        position = next((i for i, a in enumerate(actions) if a.type == "received"), len(actions))
        actions.insert(position, CorrespAction("transmitted", tuple(relays)))
    if parts.copies_to:
        actions = _with_copies(actions, parts.copies_to, authority)
    received = next((f for f in body.front if f.kind == "received"), None)
    if received is not None:
        position = next((i for i, a in enumerate(actions) if a.type == "received"), None)
        if position is None:
            actions.append(CorrespAction("received", date=received.date, time=received.time))
        else:
            actions[position] = replace(actions[position], date=received.date, time=received.time)
    return tuple(actions)


def _ends(
    facts: TitleFacts, body: Body, parts: SourceParts, authority: Authority
) -> tuple[Person | None, Person | None, list[Person]]:
    """Sender, final recipient and the relays, the text's word over the title's."""
    relays: list[Person] = list(facts.via)
    sender, recipient = facts.sender, facts.recipient
    relayed = facts.relay_from is not None or facts.relay_to is not None
    quoted = next((b for b in body.blocks if isinstance(b, QuotedMessage)), None)
    author = signer(quoted.message, authority) if quoted else None
    if author and not relayed and not _same(author, sender):
        if sender:
            relays.append(sender)
        sender = author
    if parts.final_addressee:
        final = person_from(parts.final_addressee, authority)
        if not _same(final, recipient):
            if recipient and not relayed:
                relays.append(recipient)
            recipient = final
    if parts.delivered_to:
        whom = person_from(parts.delivered_to, authority)
        if not _same(whom, recipient):
            relays.append(whom)
    if sender is None and body.message is not None:
        sender = signer(body.message, authority)
    return sender, recipient, relays


def _with_dateline(
    actions: list[CorrespAction], facts: TitleFacts, body: Body
) -> list[CorrespAction]:
    """The sent action gets the dateline's place, date and time (or the title's place).

    The dateline above a message says where and when its writer wrote it, so its date wins
    over the archive's. Above a relay it is the relay's own, not the quoted message's: then
    it dates nothing here (the quoted message's own dateline does)."""
    relayed = (
        facts.relay_from is not None
        or facts.relay_to is not None
        or any(isinstance(b, QuotedMessage) for b in body.blocks)
    )
    dateline = None if relayed else next((f for f in body.front if f.kind == "dateline"), None)
    place = facts.place or (dateline.place if dateline else None)
    date = dateline.date if dateline else None
    time = dateline.time if dateline else None
    for index, action in enumerate(actions):
        if action.type == "sent":
            actions[index] = replace(action, place=place, date=date or action.date, time=time)
    if not any(a.type == "sent" for a in actions) and (place or dateline):
        actions.insert(0, CorrespAction("sent", date=date, place=place, time=time))
    return actions


def _with_copies(
    actions: list[CorrespAction], names: list[str], authority: Authority
) -> list[CorrespAction]:
    """Offices the telegram was repeated to received it too: more names on ``received``."""
    copies = tuple(
        Person(name, org=True) if is_acronym(name) else person_from(name, authority)
        for name in names
    )
    position = next((i for i, a in enumerate(actions) if a.type == "received"), None)
    if position is None:
        return [*actions, CorrespAction("received", copies)]
    action = actions[position]
    known = [p for p in copies if not any(_same(p, q) for q in action.persons)]
    actions[position] = replace(action, persons=(*action.persons, *known))
    return actions


def _same(a: Person | None, b: Person | None) -> bool:
    if a is None or b is None:
        return False
    if a.person_id and a.person_id == b.person_id:
        return True
    return a.name.casefold() == b.name.casefold()


def signer(message: Message, authority: Authority) -> Person | None:
    """The person who signs a message, when its signature is a name (``Filippov [Stalin].``)."""
    if message.closer is None or not message.closer.signature:
        return None
    text = "".join(_written(node) for node in message.closer.signature).strip()
    text = text.rstrip('.”"').strip()
    facts = parse_signature(text)
    if facts is None:
        return None
    return person_from(facts.name, authority)


def _written(node: Inline) -> str:
    """A signature's node as the page writes it, the editor's bracket included."""
    if isinstance(node, Text | PersonName):
        return node.text
    if isinstance(node, Explained):
        return f"{node.term}{node.separator}[{node.explanation}]"
    return ""


def _actions(facts: TitleFacts, date: PartialDate | None, body: Body) -> tuple[CorrespAction, ...]:
    """sent → transmitted → received, with only the dates the source gives.

    A relayed message is sent on the date of its own dateline (never guessed from the relay's
    date); a direct message on its dateline or, failing that, the archive's date.
    """
    message = body.message
    quoted = next((b for b in body.blocks if isinstance(b, QuotedMessage)), None)
    relayed = facts.relay_from is not None or facts.relay_to is not None
    written_in = quoted.message if quoted else message
    dateline_date = _dateline_date(written_in)
    actions: list[CorrespAction] = []
    sent_date = dateline_date if relayed else (dateline_date or date)
    if facts.sender or sent_date:
        persons = (facts.sender,) if facts.sender else ()
        actions.append(CorrespAction("sent", persons, date=sent_date))
    if relayed:
        actions.append(
            CorrespAction(
                "transmitted", relay_from=facts.relay_from, relay_to=facts.relay_to, date=date
            )
        )
    if facts.recipient:
        actions.append(CorrespAction("received", (facts.recipient,)))
    return tuple(actions)


def _dateline_date(message: Message | None) -> PartialDate | None:
    if message and message.closer and message.closer.dateline:
        return message.closer.dateline.date
    return None
