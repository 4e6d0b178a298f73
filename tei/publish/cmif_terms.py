"""What CMIF 1.1 accepts, as data and small checks shared by the exporter and its self-check.

The licences correspSearch harvests, the authority files it identifies persons and places by
(with the forms of their ids and URIs), CMIF's date forms, the UUIDs of its sources, and the
edition's own facts (:class:`Edition`): :mod:`tei.publish.cmif` builds a file from them and
:mod:`tei.publish.cmif_check` checks the file against them, so the two cannot disagree. The
checks of a user's values (``--date``, a URL) live here too, where the CLI finds them.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from urllib.parse import urlsplit

from lxml import etree

from tei.io.xmlio import TEI_NS, XML_NS

XML_ID = f"{{{XML_NS}}}id"
TEI = f"{{{TEI_NS}}}"


@dataclass(frozen=True)
class Licence:
    """What CMIF's ``availability/licence`` says, and where the licence text lives."""

    target: str
    text: str


#: the licences correspSearch harvests: CC-BY 4.0 (CMIF's default) and CC0
LICENCES: dict[str, Licence] = {
    "cc-by": Licence(
        "https://creativecommons.org/licenses/by/4.0/",
        "This file is licensed under the terms of the Creative Commons License CC-BY 4.0",
    ),
    "cc0": Licence(
        "https://creativecommons.org/publicdomain/zero/1.0/",
        "This file is licensed under the terms of the Creative Commons License CC0 1.0 Universal",
    ),
}


@dataclass(frozen=True)
class AuthorityFile:
    """An authority file correspSearch accepts: the idno type naming it, its URI form."""

    idno_type: str
    label: str
    uri: str  # the canonical prefix an id is appended to
    bare_id: re.Pattern[str]  # an id as kept in idno
    uri_pattern: re.Pattern[str]  # a full URI, as written in idno or @ref


def _authority(idno_type: str, label: str, uri: str, bare: str, uri_re: str) -> AuthorityFile:
    return AuthorityFile(idno_type, label, uri, re.compile(bare), re.compile(uri_re))


#: persons' authority files in order of preference: correspSearch identifies people by GND first
PERSON_AUTHORITIES = (
    _authority(
        "gnd", "GND", "https://d-nb.info/gnd/", r"[0-9]{1,10}[0-9X](-[0-9X])?",
        r"https?://d-nb\.info/gnd/[0-9]{1,10}[0-9X](-[0-9X])?",
    ),
    _authority("viaf", "VIAF", "https://viaf.org/viaf/", r"[0-9]{1,22}",
               r"https?://(www\.)?viaf\.org/viaf/[0-9]{1,22}"),
    _authority(
        "lc", "LC", "https://id.loc.gov/authorities/names/", r"n[abors]?[0-9]{6,10}",
        r"https?://id\.loc\.gov/authorities/names/n[abors]?[0-9]{6,10}",
    ),
    _authority(
        "bnf", "BnF", "https://catalogue.bnf.fr/ark:/12148/cb", r"(cb)?[0-9]{8}[0-9a-z]",
        r"https?://(catalogue|data)\.bnf\.fr/ark:/12148/cb[0-9]{8}[0-9a-z]",
    ),
    _authority("ndl", "NDL", "https://id.ndl.go.jp/auth/ndlna/", r"[0-9]{8,9}",
               r"https?://id\.ndl\.go\.jp/auth/ndlna/[0-9]{8,9}"),
)  # fmt: skip
PLACE_AUTHORITIES = (
    _authority("geonames", "GeoNames", "https://www.geonames.org/", r"[0-9]{1,10}",
               r"https?://(www\.|sws\.)?geonames\.org/[0-9]{1,10}/?"),
)  # fmt: skip
ACCEPTED = ", ".join(a.label for a in PERSON_AUTHORITIES)

#: CMIF's only date forms (its documentation: "unlike the TEI Guidelines")
CMIF_DATE = re.compile(r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?")
_DATE_PREFIX = re.compile(r"([0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?)(T.*)?")
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
#: a fixed namespace for the sources' UUIDs, so the same source gets the same id in every run
SOURCE_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:telegram-tei:cmif:source")
DATING = ("when", "notBefore", "notAfter", "from", "to")


@dataclass(frozen=True)
class Edition:
    """Who publishes the CMIF file, where, under which licence, and as of when."""

    title: str
    publisher: str
    editor: str
    url: str
    timestamp: str  # publicationStmt/date/@when, an xsd:dateTime
    email: str | None = None
    licence: str = "cc-by"


@dataclass(frozen=True)
class Notice:
    """A warning about one letter: what CMIF could not take, and what to do about it."""

    source: str
    line: int | None
    message: str


#: how helpers report: the element concerned (for its line) and the message
Warn = Callable[[etree._Element | None, str], None]


def source_uuid(key: str) -> str:
    """A UUID (v5) for a source key that is also an NCName, as ``bibl/@xml:id`` must be.

    An xml:id cannot start with a digit, which 10 UUIDs in 16 do: the key is then rehashed with a
    counter until the UUID starts with a letter, so the id stays a real UUID and stays the same
    from run to run.
    """
    value, counter = str(uuid.uuid5(SOURCE_NAMESPACE, key)), 0
    while value[0].isdigit():
        counter += 1
        value = str(uuid.uuid5(SOURCE_NAMESPACE, f"{key}\x00{counter}"))
    return value


def timestamp(value: str) -> str:
    """``--date`` as the xsd:dateTime CMIF wants: a day is its start in UTC; else ISO 8601."""
    text = value.strip()
    try:
        if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text):
            return date.fromisoformat(text).isoformat() + "T00:00:00Z"
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise ValueError(f"not a date or date-time: {value!r}") from None
    if parsed.tzinfo is None:
        raise ValueError(f"a date-time needs a time zone (Z or +01:00): {value!r}")
    return text


def is_web_url(value: str) -> bool:
    """An absolute http(s) URL with a host: what ``@ref`` and ``idno[@type='url']`` hold."""
    parts = urlsplit(value)
    return parts.scheme in ("http", "https") and bool(parts.netloc) and " " not in value


def is_real_date(value: str) -> bool:
    """``1949-02-30`` matches CMIF's pattern but is no day: refused as the schemas would."""
    parts = [int(p) for p in value.split("-")] + [1, 1]
    try:
        date(parts[0], parts[1], parts[2])
    except ValueError:
        return False
    return parts[0] > 0
