"""The fields an editor may give for a document, their column names, and how each is checked.

The names follow csv2cmi (the CMIF tool editors already use for tables of letters), so a table
made for correspSearch works here unchanged; shorter names (``date``, ``recipient``) are
accepted as well. Every value is checked when it is read, so a typo is reported at its CSV cell
or front-matter line, never discovered later in the TEI.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass

import pycountry

from tei.dates import PartialDate, parse_date
from tei.errors import DateError, InputError
from tei.model import Language


class MetadataError(InputError):
    """A located problem in the editor's metadata (CSV cell or front-matter line)."""


#: canonical field → what it holds (documented in docs/metadata.md and ``--help``)
FIELDS: dict[str, str] = {
    "file": "the transcription the row is about, relative to the CSV file's folder",
    "title": "the document's title",
    "date": "the date it was written or sent (ISO 8601, or 'May 3, 1940')",
    "sender": "the author, as the document names them",
    "sender_id": "an authority URI for the sender (GND, VIAF, LC, BnF, NDL, Wikidata)",
    "recipient": "the addressee",
    "recipient_id": "an authority URI for the recipient",
    "place": "where it was written or sent from",
    "place_id": "a GeoNames URI for the place",
    "language": "the language of this text (a name or ISO 639 code: 'French', 'fr')",
    "publisher": "who publishes the text (the site or edition)",
    "url": "the document's own web address (needs a publisher)",
    "summary": "a summary of the document",
}

#: other spellings of a column name (csv2cmi's, and common variants) → the canonical field
ALIASES: dict[str, str] = {
    "senderdate": "date",
    "senderid": "sender_id",
    "addressee": "recipient",
    "addresseeid": "recipient_id",
    "recipientid": "recipient_id",
    "senderplace": "place",
    "senderplaceid": "place_id",
    "placeid": "place_id",
    "lang": "language",
    "source_url": "url",
    "sourceurl": "url",
    "abstract": "summary",
}

_ISO_DATE = re.compile(r"(?P<year>[0-9]{4})(?:-(?P<month>[0-9]{2})(?:-(?P<day>[0-9]{2}))?)?")
_WEB_URL = re.compile(r"https?://[^\s/?#]+\.[^\s/?#]+[^\s]*")
#: authority URIs accepted for persons; the idno type the TEI gives each
PERSON_URIS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("gnd", re.compile(r"https?://d-nb\.info/gnd/[0-9]{1,10}[0-9X](-[0-9X])?")),
    ("viaf", re.compile(r"https?://(www\.)?viaf\.org/viaf/[0-9]{1,22}")),
    ("lc", re.compile(r"https?://id\.loc\.gov/authorities/names/n[abors]?[0-9]{6,10}")),
    ("bnf", re.compile(r"https?://(catalogue|data)\.bnf\.fr/ark:/12148/cb[0-9]{8}[0-9a-z]")),
    ("ndl", re.compile(r"https?://id\.ndl\.go\.jp/auth/ndlna/[0-9]{8,9}")),
    ("wikidata", re.compile(r"https?://(www\.)?wikidata\.org/(wiki|entity)/Q[0-9]+")),
)
#: C0 controls other than tab, LF and CR, and the non-characters XML 1.0 cannot hold
_NON_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_GEONAMES = re.compile(r"https?://(www\.|sws\.)?geonames\.org/[0-9]{1,10}/?")


def canonical_field(name: str) -> str | None:
    """The field a column or key names (case and ``-``/space insensitive), or None."""
    key = re.sub(r"[\s\-]+", "_", name.strip()).casefold()
    if key in FIELDS:
        return key
    return ALIASES.get(key.replace("_", "")) or ALIASES.get(key)


@dataclass(frozen=True)
class Checked:
    """A value as the editor wrote it and what it means once checked."""

    text: str
    date: PartialDate | None = None
    language: Language | None = None
    idno_type: str | None = None


def check_value(field: str, text: str) -> Checked:
    """Check one value of ``field``; raise :class:`MetadataError` (unlocated) if it is wrong."""
    bad = _NON_XML.search(text)
    if bad:
        raise MetadataError(
            f"{field} holds the control character U+{ord(bad.group()):04X}, which XML cannot hold",
            hint="delete it from the cell",
        )
    if field == "date":
        return Checked(text, date=parse_editor_date(text))
    if field == "language":
        return Checked(text, language=parse_language(text))
    if field in ("sender_id", "recipient_id"):
        for idno_type, pattern in PERSON_URIS:
            if pattern.fullmatch(text):
                return Checked(text, idno_type=idno_type)
        raise MetadataError(
            f"{field} {text!r} is not an authority URI",
            hint="give a full URI such as https://viaf.org/viaf/12345 or https://d-nb.info/gnd/118540238",
        )
    if field == "place_id" and not _GEONAMES.fullmatch(text):
        raise MetadataError(
            f"place_id {text!r} is not a GeoNames URI",
            hint="give a URI such as https://www.geonames.org/3169070",
        )
    if field == "url" and not _WEB_URL.fullmatch(text):
        raise MetadataError(f"url {text!r} is not a web address", hint="give http(s)://…")
    if field == "file" and ("\x00" in text or not text.strip()):
        raise MetadataError(f"file {text!r} is not a file name")
    return Checked(text)


def parse_editor_date(text: str) -> PartialDate:
    """``1914-08-01``, ``1914-08``, ``1914`` or the forms of :mod:`tei.dates`; never a guess."""
    match = _ISO_DATE.fullmatch(text.strip())
    if match is None:
        try:
            return parse_date(text)
        except DateError as error:
            raise MetadataError(
                f"date {text!r} is not a date",
                hint="write it as 1914-08-01, 1914-08, 1914 or 'August 1, 1914'",
            ) from error
    year = int(match["year"])
    month = int(match["month"]) if match["month"] else None
    day = int(match["day"]) if match["day"] else None
    try:
        _dt.date(year, month or 1, day or 1)
    except ValueError:
        raise MetadataError(
            f"date {text!r} does not exist in the calendar", hint="correct the month or day"
        ) from None
    return PartialDate(year, month, day)


def parse_language(text: str) -> Language:
    """A language by name or ISO 639 code, through pycountry; unknown names are errors."""
    value = text.strip()
    # a code first: pycountry's lookup would take "en" for the language named "En" (enc)
    found = pycountry.languages.get(alpha_2=value.lower()) if len(value) == 2 else None
    if found is None and len(value) == 3:
        found = pycountry.languages.get(alpha_3=value.lower())
    try:
        found = found or pycountry.languages.lookup(value)
    except LookupError:
        raise MetadataError(
            f"language {text!r} is not an ISO 639 language",
            hint="give its English name or ISO 639 code, e.g. 'French' or 'fr'",
        ) from None
    code = getattr(found, "alpha_2", None) or found.alpha_3
    return Language(found.name, code)


__all__ = [
    "ALIASES",
    "FIELDS",
    "Checked",
    "MetadataError",
    "canonical_field",
    "check_value",
    "parse_editor_date",
    "parse_language",
]
