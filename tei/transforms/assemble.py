"""Source parts → model: header facts, the body, the message's journey, completeness warnings.

The same for every layout: a layout reader only says where things are (:class:`SourceParts`);
this stage says what they mean and warns, by name, about each header fact it could not find.
"""

from __future__ import annotations

from dataclasses import replace

import pycountry

from tei.authority import Authority
from tei.dates import PartialDate, ShortYearError, parse_date
from tei.model import Citation, Footnote, Header, Language, ReaderWarning, Telegram
from tei.readers.body import build_body
from tei.readers.brackets import parse_inline
from tei.readers.citation import (
    document_number,
    parse_citation,
    parse_contributor,
    parse_references,
    parse_translator,
)
from tei.readers.parts import SourceParts
from tei.readers.title import KINDS, TitleFacts, parse_title
from tei.transforms.footnotes import anchor_footnotes
from tei.transforms.journey import journey, party_person
from tei.transforms.language import identify_language
from tei.warning_kinds import DEFAULT_KIND as OTHER_WARNING

UNDETERMINED = Language("Undetermined", "und")
DEFAULT_KIND = "telegram"


def assemble(parts: SourceParts, source_name: str, authority: Authority) -> Telegram:
    """Build the telegram from the parts; warn, by name, about each thing that is missing."""
    warnings = list(parts.warnings)

    def warn(message: str, line: int | None, kind: str = OTHER_WARNING) -> None:
        warnings.append(ReaderWarning(message, line, kind))

    citation = parse_citation(parts.citation) if parts.citation else None
    statement = parts.citation or parts.source_statement
    if citation is None and (parts.source_statement or parts.url):
        # the archive's source statement: kept verbatim, its parts not marked (it holds the
        # dates of reprints, not the document's); the page's URL for the document after it
        words = [" ".join(parts.source_statement.split())] if parts.source_statement else []
        citation = Citation(" ".join([*words, *([parts.url] if parts.url else [])]), url=parts.url)
    title = parts.title or (citation.title if citation else None)
    facts = parse_title(title, authority) if title else TitleFacts()
    if parts.head_sender or parts.head_recipient:
        facts = replace(
            facts,
            sender=party_person(parts.head_sender, authority),
            recipient=party_person(parts.head_recipient, authority),
        )
    date = parts.date or _date(parts.date_text, parts.date_line, warn)
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
        body = anchor_footnotes(body, notes, parts.footnotes_anchored)
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
        text_language=_language(parts.text_language, None, warn) or _identified(parts, warn),
        actions=journey(facts, date, body, parts, authority),
        translator=parse_translator(statement) if statement else None,
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
            warn(f"no {what} found in the source", None, "no-" + what.replace(" ", "-"))
    return Telegram(header, body, source_name, parts.layout, tuple(warnings))


#: the kinds a source note may name that are document kinds (title.KINDS holds them all)
_KINDS = frozenset(KINDS.values())


def _date(text: str | None, line: int | None, warn) -> PartialDate | None:
    if not text:
        return None
    try:
        return parse_date(text, line=line)
    except ShortYearError as error:
        warn(f"date {text!r} left out of the header: {error.message}", line)
        return None


def _identified(parts: SourceParts, warn) -> Language:
    """The language of the body, identified from its words when the page does not say it;
    ``und`` (BCP 47's "undetermined") when it is too short or unsure to tell, never a guess."""
    found = identify_language("\n".join(block.text for block in parts.body))
    if found is not None:
        return found
    warn(
        "the language of the text could not be told (too short or unsure): marked und",
        None,
        "undetermined-language",
    )
    return UNDETERMINED


def _language(name: str | None, line: int | None, warn) -> Language | None:
    if not name:
        return None
    name = name.strip().rstrip(".")
    # a bare code first: pycountry's lookup reads "en" as the language named "En" (enc)
    language = pycountry.languages.get(alpha_2=name.lower()) if len(name) == 2 else None
    try:
        language = language or pycountry.languages.lookup(name)
    except LookupError:
        warn(
            f"unknown language {name!r}: no ISO 639 code, left out of the header",
            line,
            "unknown-language",
        )
        return None
    code = getattr(language, "alpha_2", None) or language.alpha_3
    return Language(name, code)


__all__ = ["assemble"]
