"""TEI letters → one CMIF 1.1 file for correspSearch.

CMIF (the TEI Correspondence SIG's Correspondence Metadata Interchange Format) is a reduced TEI:
one ``correspDesc`` per letter, with only ``sent`` and ``received`` actions, dates as YYYY,
YYYY-MM or YYYY-MM-DD, and persons identified by URIs of the authority files correspSearch reads
(GND, VIAF, LC, BnF, NDL; GeoNames for places). Our TEI holds more (the relay of a transmitted
telegram, Wikidata ids); what CMIF cannot take is left out of the export, never out of the TEI.

The official schema and Schematron live outside the package (``../shared/cmif`` in CI); users
without them are protected by :func:`tei.publish.cmif_check.check_cmif`, which every export
runs on its own output. What CMIF accepts (licences, authority files, date forms) is
:mod:`tei.publish.cmif_terms`; this module builds the file and stays the public entry point of
the export, re-exporting the names users and tests import from it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from lxml import etree

from tei.errors import XmlInputError
from tei.io.xmlio import TEI_NS
from tei.publish.cmif_terms import (
    _DATE_PREFIX,
    ACCEPTED,
    DATING,
    LICENCES,
    PERSON_AUTHORITIES,
    PLACE_AUTHORITIES,
    TEI,
    UUID,
    XML_ID,
    AuthorityFile,
    Edition,
    Notice,
    Warn,
    is_real_date,
    is_web_url,
    source_uuid,
    timestamp,
)
from tei.publish.letters import action_names, ids_of, main_name, plain_text

__all__ = [
    "PERSON_AUTHORITIES",
    "PLACE_AUTHORITIES",
    "UUID",
    "Edition",
    "Notice",
    "build_cmif",
    "is_web_url",
    "letters_in",
    "serialize_cmif",
    "source_uuid",
    "timestamp",
]


@dataclass
class _Source:
    key: str
    label: str
    origins: set[str] = field(default_factory=set)


# --------------------------------------------------------------------------- building


def build_cmif(
    documents: Iterable[tuple[str, etree._Element]], edition: Edition
) -> tuple[etree._ElementTree, list[Notice]]:
    """The CMIF tree for the letters of each ``(source name, root)``, and what it left out.

    A root is a letter's ``TEI`` or a ``teiCorpus`` of them. Letters keep the given order.
    """
    notices: list[Notice] = []
    sources: dict[str, _Source] = {}
    descs: list[etree._Element] = []
    for name, root in documents:
        ids = ids_of(root)
        for letter in letters_in(root, name):
            descs.extend(_letter(letter, name, ids, edition, sources, notices))
    root = etree.Element(f"{TEI}TEI", nsmap={None: TEI_NS})
    file_desc = _sub(_sub(root, "teiHeader"), "fileDesc")
    title_stmt = _sub(file_desc, "titleStmt")
    _sub(title_stmt, "title", edition.title)
    editor = _sub(title_stmt, "editor", edition.editor)
    if edition.email:
        _sub(editor, "email", edition.email)
    publication = _sub(file_desc, "publicationStmt")
    _sub(publication, "publisher", edition.publisher)
    _sub(publication, "idno", edition.url, type="url")
    _sub(publication, "date", when=edition.timestamp)
    licence = LICENCES[edition.licence]
    _sub(_sub(publication, "availability"), "licence", licence.text, target=licence.target)
    source_desc = _sub(file_desc, "sourceDesc")
    for source in sources.values():
        bibl = _sub(source_desc, "bibl", source.label, type="online")
        bibl.set(XML_ID, source_uuid(source.key))
        if len(source.origins) == 1:
            bibl.text += ", "
            origin = next(iter(source.origins))
            _sub(bibl, "ref", origin, target=origin)
    profile = _sub(root[0], "profileDesc")
    profile.extend(descs)
    _sub(_sub(_sub(root, "text"), "body"), "p")
    return root.getroottree(), notices


def letters_in(root: etree._Element, source: str) -> Iterator[etree._Element]:
    """The letters (``TEI`` elements) of a TEI file or of a ``teiCorpus``."""
    if root.tag == f"{TEI}TEI":
        yield root
    elif root.tag == f"{TEI}teiCorpus":
        yield from root.iter(f"{TEI}TEI")
    else:
        raise XmlInputError(
            f"the root element is {etree.QName(root).localname!r}, not TEI or teiCorpus",
            source=source,
            line=root.sourceline,
            hint="give TEI letters made by `tei convert`, or a corpus made by `tei corpus`",
        )


def serialize_cmif(tree: etree._ElementTree) -> bytes:
    """UTF-8, indented, with an XML declaration: the same letters give the same bytes."""
    body = etree.tostring(tree, encoding="unicode", pretty_print=True)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + body).encode("utf-8")


def _letter(
    letter: etree._Element,
    name: str,
    ids: dict[str, etree._Element],
    edition: Edition,
    sources: dict[str, _Source],
    notices: list[Notice],
) -> list[etree._Element]:
    doc_id = letter.get(XML_ID) or name
    header = letter.find(f"{TEI}teiHeader")
    publication = header.find(f"{TEI}fileDesc/{TEI}publicationStmt") if header is not None else None

    def warn(element: etree._Element | None, message: str) -> None:
        line = element.sourceline if element is not None else letter.sourceline
        notices.append(Notice(name, line, f"letter {doc_id}: {message}"))

    descs = list(header.iter(f"{TEI}correspDesc")) if header is not None else []
    if not descs:
        warn(header, "no correspDesc (sender, recipient, date): left out of the CMIF file")
        return []
    url = _letter_url(publication)
    if url is None:
        url = f"{edition.url}#{doc_id}"
        warn(
            publication,
            "no URL of its own (publicationStmt/idno[@type='URI']): its correspDesc/@ref is "
            f"{url}, an anchor in the CMIF file — give the document's URL in the source so "
            "correspSearch links to the letter",
        )
    publisher = plain_text(publication.find(f"{TEI}publisher")) if publication is not None else ""
    key, label = (
        (f"publisher:{publisher}", publisher)
        if publisher
        else (f"edition:{edition.url}", edition.publisher)
    )
    source = sources.setdefault(key, _Source(key, label))
    if publisher and not url.startswith(edition.url + "#"):
        parts = urlsplit(url)
        source.origins.add(f"{parts.scheme}://{parts.netloc}/")
    result = []
    for desc in descs:
        out = etree.Element(f"{TEI}correspDesc", ref=url, source=f"#{source_uuid(key)}")
        for kind in ("sent", "received"):
            actions = desc.findall(f"{TEI}correspAction[@type='{kind}']")
            action = _sub(out, "correspAction", type=kind)
            for found in actions or [None]:
                _action(found, action, kind, ids, warn)
        result.append(out)
    return result


def _letter_url(publication: etree._Element | None) -> str | None:
    if publication is None:
        return None
    for idno in publication.findall(f"{TEI}idno"):
        value = plain_text(idno)
        if (idno.get("type") or "").lower() in ("uri", "url") and is_web_url(value):
            return value
    return None


def _action(
    source: etree._Element | None,
    out: etree._Element,
    kind: str,
    ids: dict[str, etree._Element],
    warn: Warn,
) -> None:
    """Names (persName/orgName), place and date of one action, as CMIF allows them."""
    role = "sender" if kind == "sent" else "recipient"
    names = action_names(source)  # a relay's two ends are not the letter's
    if not names:
        warn(source, f'no {role} named: written as "Unknown", as CMIF asks')
        _sub(out, "persName", "Unknown")
    for element in names:
        kind_name = etree.QName(element).localname
        target = ids.get((element.get("ref") or "").lstrip("#")) if element.get("ref") else None
        shown = main_name(target) or plain_text(element)
        written = "" if shown == plain_text(element) else f" (written {plain_text(element)!r})"
        uri, skipped = _authority_uri(element, target, PERSON_AUTHORITIES)
        _sub(out, kind_name, shown, **({"ref": uri} if uri else {}))
        if not uri:
            also = f" ({skipped} is not accepted by correspSearch)" if skipped else ""
            warn(
                element,
                f"{role} {shown!r}{written} has no {ACCEPTED} id: kept as text without @ref{also}"
                " — add a verified one to the authority file and convert again (--authority)",
            )
    for place in [] if source is None else source.findall(f"{TEI}placeName"):
        target = ids.get((place.get("ref") or "").lstrip("#")) if place.get("ref") else None
        uri, _ = _authority_uri(place, target, PLACE_AUTHORITIES)
        _sub(out, "placeName", plain_text(place), **({"ref": uri} if uri else {}))
        if not uri:
            warn(
                place, f"place {plain_text(place)!r} has no GeoNames id: kept as text without @ref"
            )
    dated = source.find(f"{TEI}date") if source is not None else None
    attributes = _cmif_dates(dated, warn) if dated is not None else {}
    if attributes:
        _sub(out, "date", **attributes)


def _authority_uri(
    element: etree._Element, target: etree._Element | None, files: tuple[AuthorityFile, ...]
) -> tuple[str | None, str]:
    """The first accepted authority URI for a name, and the ids that were not accepted."""
    own = [v for v in (element.get("ref") or "").split() if not v.startswith("#")]
    for value in own:
        if any(f.uri_pattern.fullmatch(value) for f in files):
            return value, ""
    idnos = [] if target is None else target.findall(f"{TEI}idno")
    for authority in files:
        for idno in idnos:
            value = plain_text(idno)
            if (idno.get("type") or "").lower() != authority.idno_type:
                continue
            if authority.uri_pattern.fullmatch(value):
                return value, ""
            if authority.bare_id.fullmatch(value):  # BnF ids are given with or without "cb"
                return authority.uri + value.removeprefix("cb"), ""
    others = [f"{i.get('type')} {plain_text(i)}" for i in idnos if i.get("type")] + own
    return None, ", ".join(others)


def _cmif_dates(element: etree._Element, warn: Warn) -> dict[str, str]:
    """The dating attributes in CMIF's forms; from/to become notBefore/notAfter.

    A letter is sent at one moment: a TEI range on ``sent`` or ``received`` says when that moment
    may have been, which is what CMIF's (and correspSearch's) notBefore/notAfter mean.
    """
    found: dict[str, str] = {}
    for name in DATING:
        value = element.get(name)
        if value is None:
            continue
        cmif = {"from": "notBefore", "to": "notAfter"}.get(name, name)
        match = _DATE_PREFIX.fullmatch(value.strip())
        if match is None or not is_real_date(match.group(1)):
            warn(element, f"date @{name}={value!r} is not YYYY, YYYY-MM or YYYY-MM-DD: left out")
            continue
        if match.group(2):
            warn(element, f"date @{name}={value!r}: the time of day is left out (CMIF has none)")
        found.setdefault(cmif, match.group(1))
    return {"when": found["when"]} if "when" in found else found


def _sub(parent: etree._Element, tag: str, text: str | None = None, **attrs: str) -> etree._Element:
    element = etree.SubElement(parent, f"{TEI}{tag}")
    for name, value in attrs.items():
        element.set(name, value)
    if text is not None:
        element.text = text
    return element
