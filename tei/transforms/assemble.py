"""Source parts → model: header facts, the body, the message's journey, completeness warnings.

The same for every layout: a layout reader only says where things are (:class:`SourceParts`);
this stage says what they mean and warns, by name, about each header fact it could not find.
"""

from __future__ import annotations

import pycountry

from tei.authority import Authority
from tei.dates import PartialDate, parse_date
from tei.model import (
    Body,
    CorrespAction,
    Header,
    Language,
    Message,
    QuotedMessage,
    ReaderWarning,
    Telegram,
)
from tei.readers.body import build_body
from tei.readers.citation import (
    document_number,
    parse_citation,
    parse_contributor,
    parse_references,
)
from tei.readers.parts import SourceParts
from tei.readers.title import TitleFacts, parse_title
from tei.warning_kinds import DEFAULT_KIND as OTHER_WARNING

DEFAULT_KIND = "telegram"


def assemble(parts: SourceParts, source_name: str, authority: Authority) -> Telegram:
    """Build the telegram from the parts; warn, by name, about each thing that is missing."""
    warnings = list(parts.warnings)

    def warn(message: str, line: int | None, kind: str = OTHER_WARNING) -> None:
        warnings.append(ReaderWarning(message, line, kind))

    citation = parse_citation(parts.citation) if parts.citation else None
    title = parts.title or (citation.title if citation else None)
    facts = parse_title(title, authority) if title else TitleFacts()
    date = _date(parts.date_text, parts.date_line)
    if date is None and citation and citation.date_text:
        date = _date(citation.date_text, parts.citation_line)
    kind = facts.kind or DEFAULT_KIND
    body = build_body(parts.body, kind, authority, warn)
    url = citation.url if citation else None
    header = Header(
        title=title,
        date=date,
        date_text=parts.date_text or (citation.date_text if citation else None),
        doc_number=document_number(url),
        telegram_numbers=facts.numbers,
        citation=citation,
        funder=parts.funder,
        contributor=parse_contributor(parts.citation) if parts.citation else None,
        publisher=citation.publisher if citation else None,
        url=url,
        archival_refs=parse_references(parts.citation) if parts.citation else (),
        summary=parts.summary,
        original_language=_language(parts.original_language, parts.original_language_line, warn),
        text_language=_language(parts.text_language, None, warn) or Language("English", "en"),
        actions=_actions(facts, date, body),
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
            warn(f"no {what} found in the source", None, "no-" + what.replace(" ", "-"))
    return Telegram(header, body, source_name, parts.layout, tuple(warnings))


def _date(text: str | None, line: int | None) -> PartialDate | None:
    if not text:
        return None
    return parse_date(text, line=line)


def _language(name: str | None, line: int | None, warn) -> Language | None:
    if not name:
        return None
    name = name.strip().rstrip(".")
    try:
        language = pycountry.languages.lookup(name)
    except LookupError:
        warn(
            f"unknown language {name!r}: no ISO 639 code, left out of the header",
            line,
            "unknown-language",
        )
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
