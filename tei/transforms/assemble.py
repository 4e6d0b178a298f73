"""Source parts → model: header facts, the body, the message's journey, completeness warnings.

The same for every layout: a layout reader only says where things are (:class:`SourceParts`);
this stage says what they mean and warns, by name, about each header fact it could not find.
"""

from __future__ import annotations

from dataclasses import replace

import pycountry

from tei.authority import Authority
from tei.dates import PartialDate, parse_date
from tei.errors import DateError
from tei.model import (
    Body,
    Citation,
    CorrespAction,
    Footnote,
    Header,
    Language,
    Message,
    Person,
    PersonName,
    QuotedMessage,
    ReaderWarning,
    Telegram,
    Text,
)
from tei.readers.body import build_body
from tei.readers.brackets import parse_inline
from tei.readers.citation import (
    document_number,
    parse_citation,
    parse_contributor,
    parse_references,
)
from tei.readers.conventions.parties import Party
from tei.readers.parts import SourceParts
from tei.readers.title import TitleFacts, parse_title, person_from
from tei.readers.wilson_site import translator
from tei.transforms.footnotes import anchor_footnotes

DEFAULT_KIND = "telegram"


def assemble(parts: SourceParts, source_name: str, authority: Authority) -> Telegram:
    """Build the telegram from the parts; warn, by name, about each thing that is missing."""
    warnings = list(parts.warnings)

    def warn(message: str, line: int | None) -> None:
        warnings.append(ReaderWarning(message, line))

    citation = parse_citation(parts.citation) if parts.citation else None
    statement = parts.citation or parts.source_statement
    if citation is None and parts.source_statement:
        # the archive's source statement: kept verbatim, its parts not marked (it holds the
        # dates of reprints, not the document's)
        citation = Citation(" ".join(parts.source_statement.split()))
    title = parts.title or (citation.title if citation else None)
    facts = parse_title(title, authority) if title else TitleFacts()
    if parts.head_sender or parts.head_recipient:
        facts = replace(
            facts,
            sender=_party_person(parts.head_sender, authority),
            recipient=_party_person(parts.head_recipient, authority),
        )
    date = _date(parts.date_text, parts.date_line, warn)
    if date is None and citation and citation.date_text:
        date = _date(citation.date_text, parts.citation_line, warn)
    kind = parts.kind if parts.kind in _KINDS else (facts.kind or DEFAULT_KIND)
    body = build_body(parts.body, kind, authority, warn)
    body = replace(body, front=tuple(parts.front))
    if parts.footnotes:
        notes = [
            Footnote(n, parse_inline(t, line, authority, warn), line)
            for n, t, line in parts.footnotes
        ]
        body = anchor_footnotes(body, notes)
    url = citation.url if citation else None
    header = Header(
        title=title,
        date=date,
        date_text=parts.date_text or (citation.date_text if citation else None),
        doc_number=parts.record_id or document_number(url),
        telegram_numbers=tuple(dict.fromkeys((*facts.numbers, *parts.telegram_numbers))),
        citation=citation,
        funder=parts.funder,
        contributor=parse_contributor(statement) if statement else None,
        publisher=citation.publisher if citation else None,
        url=url,
        archival_refs=parse_references(statement) if statement else (),
        summary=parts.summary,
        original_language=_language(parts.original_language, parts.original_language_line, warn),
        text_language=_language(parts.text_language, None, warn) or Language("English", "en"),
        actions=_journey(facts, date, body, parts, authority),
        translator=translator(statement) if statement else None,
        file_number=parts.file_number,
        source_note=parts.source_note,
    )
    for what, present in (
        ("title", header.title),
        ("date", header.date),
        ("citation", header.citation),
        ("summary", header.summary),
        ("original language", header.original_language),
        ("sender", any(a.type == "sent" and a.persons for a in header.actions)),
        ("recipient", any(a.type == "received" and a.persons for a in header.actions)),
    ):
        if not present:
            warn(f"no {what} found in the source", None)
    return Telegram(header, body, source_name, parts.layout, tuple(warnings))


_KINDS = {"telegram", "cable", "letter", "note", "memorandum", "message", "report", "record"}


def _date(text: str | None, line: int | None, warn) -> PartialDate | None:
    if not text:
        return None
    try:
        return parse_date(text, line=line)
    except DateError as error:
        if "two digits" not in error.message:
            raise
        warn(f"date {text!r} left out of the header: {error.message}", line)
        return None


def _party_person(party: Party | None, authority: Authority) -> Person | None:
    if party is None:
        return None
    known = None if party.org else authority.find(party.name)
    return Person(party.name, known.id if known else None, role=party.role, org=party.org)


def _same(a: Person | None, b: Person | None) -> bool:
    if a is None or b is None:
        return False
    if a.person_id and a.person_id == b.person_id:
        return True
    return a.name.casefold() == b.name.casefold()


def _journey(
    facts: TitleFacts, date: PartialDate | None, body: Body, parts, authority: Authority
) -> tuple[CorrespAction, ...]:
    """The title's journey, corrected by what the text itself says: a message quoted and
    signed by someone else is that person's, ``For X.`` / ``pass him …`` name the final
    addressee, the address line's ``To Whom`` is a relay, the signature is the author when the
    title names none; the dateline gives place and time, the receipt line the receipt."""
    relays: list[Person] = list(facts.via)
    sender, recipient = facts.sender, facts.recipient
    relayed = facts.relay_from is not None or facts.relay_to is not None
    quoted = next((b for b in body.blocks if isinstance(b, QuotedMessage)), None)
    author = _signer(quoted.message, authority) if quoted else None
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
        sender = _signer(body.message, authority)
    facts = replace(facts, sender=sender, recipient=recipient)
    actions = list(_actions(facts, date, body))
    dateline = next((f for f in body.front if f.kind == "dateline"), None)
    place = facts.place or (dateline.place if dateline else None)
    for index, action in enumerate(actions):
        if action.type == "sent":
            actions[index] = replace(
                action,
                place=place,
                date=action.date or (dateline.date if dateline else None),
                time=dateline.time if dateline else None,
            )
    if not any(a.type == "sent" for a in actions) and (place or dateline):
        actions.insert(
            0,
            CorrespAction(
                "sent",
                date=dateline.date if dateline else None,
                place=place,
                time=dateline.time if dateline else None,
            ),
        )
    if relays:
        position = next((i for i, a in enumerate(actions) if a.type == "received"), len(actions))
        actions.insert(position, CorrespAction("transmitted", tuple(relays)))
    received = next((f for f in body.front if f.kind == "received"), None)
    if received is not None:
        position = next((i for i, a in enumerate(actions) if a.type == "received"), None)
        if position is None:
            actions.append(CorrespAction("received", date=received.date, time=received.time))
        else:
            actions[position] = replace(actions[position], date=received.date, time=received.time)
    return tuple(actions)


def _signer(message: Message, authority: Authority) -> Person | None:
    """The person who signs a message, when its signature is a name."""
    if message.closer is None or not message.closer.signature:
        return None
    nodes = message.closer.signature
    text = "".join(
        n.text
        if isinstance(n, Text | PersonName)
        else getattr(n, "term", "") + " [" + getattr(n, "explanation", "") + "]"
        if hasattr(n, "explanation")
        else ""
        for n in nodes
    )
    from tei.readers.conventions.signature import parse_signature

    facts = parse_signature(text.strip().rstrip('.”"').strip())
    if facts is None:
        return None
    return person_from(facts.name if "[" not in text else text.strip().rstrip('.”"'), authority)


def _language(name: str | None, line: int | None, warn) -> Language | None:
    if not name:
        return None
    name = name.strip().rstrip(".")
    try:
        language = pycountry.languages.lookup(name)
    except LookupError:
        warn(f"unknown language {name!r}: no ISO 639 code, left out of the header", line)
        return None
    code = getattr(language, "alpha_2", None) or language.alpha_3
    return Language(name, code)


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


__all__ = ["assemble"]
