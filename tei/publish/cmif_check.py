"""The CMIF rules an export relies on, checked without the official schema files.

The TEI Correspondence SIG's RELAX NG and Schematron are not shipped with the package (they are
in ``../shared/cmif`` where the tests run), so a user's export would otherwise go unchecked.
:func:`check_cmif` is run by ``tei export cmif`` on every file it writes: a problem found here is
a bug in the exporter, and the file is not written.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from tei.publish.cmif_terms import (
    CMIF_DATE,
    DATING,
    LICENCES,
    PERSON_AUTHORITIES,
    PLACE_AUTHORITIES,
    TEI,
    UUID,
    XML_ID,
    Warn,
    is_real_date,
    is_web_url,
    timestamp,
)
from tei.publish.letters import plain_text


@dataclass(frozen=True)
class Problem:
    """A broken CMIF rule: the line of the element concerned, and what is wrong."""

    line: int | None
    message: str


def check_cmif(tree: etree._ElementTree | etree._Element) -> list[Problem]:
    """The CMIF rules correspSearch relies on, checked without the official schema files.

    Covers what the export must get right: the header's required parts (title, editor,
    publisher, the file's URL, a date-time, a CC-BY/CC0 licence), sources with UUIDs, each
    letter's @ref and @source, sent and received actions only, CMIF's date forms and accepted
    authority URIs. The official RELAX NG and Schematron check the rest where they are at hand.
    """
    root = tree.getroot() if isinstance(tree, etree._ElementTree) else tree
    problems: list[Problem] = []

    def fail(element: etree._Element | None, message: str) -> None:
        problems.append(Problem(element.sourceline if element is not None else None, message))

    if root.tag != f"{TEI}TEI":
        fail(root, "the root element is not TEI in the TEI namespace")
        return problems
    file_desc = root.find(f"{TEI}teiHeader/{TEI}fileDesc")
    for path in ("titleStmt/title", "titleStmt/editor", "publicationStmt/publisher"):
        element = (
            file_desc.find(TEI + path.replace("/", f"/{TEI}")) if file_desc is not None else None
        )
        if not plain_text(element):
            fail(file_desc, f"fileDesc/{path} is missing or empty")
    publication = file_desc.find(f"{TEI}publicationStmt") if file_desc is not None else None
    idno = publication.find(f"{TEI}idno[@type='url']") if publication is not None else None
    if idno is None or not is_web_url(plain_text(idno)):
        fail(publication, "publicationStmt/idno[@type='url'] must be the file's http(s) URL")
    stamp = publication.find(f"{TEI}date") if publication is not None else None
    try:
        timestamp(stamp.get("when") or "" if stamp is not None else "")
    except ValueError:
        fail(stamp, "publicationStmt/date/@when must be a date-time (last update of the file)")
    licence = (
        publication.find(f"{TEI}availability/{TEI}licence") if publication is not None else None
    )
    if licence is None or licence.get("target") not in {lic.target for lic in LICENCES.values()}:
        fail(publication, "availability/licence/@target must be CC-BY 4.0 or CC0")
    bibls = root.findall(f"{TEI}teiHeader/{TEI}fileDesc/{TEI}sourceDesc/{TEI}bibl")
    if not bibls:
        fail(file_desc, "sourceDesc has no bibl")
    ids = [bibl.get(XML_ID) or "" for bibl in bibls]
    for bibl, bibl_id in zip(bibls, ids, strict=True):
        if not UUID.fullmatch(bibl_id) or bibl_id[0].isdigit() or ids.count(bibl_id) > 1:
            fail(bibl, f"bibl/@xml:id {bibl_id!r} must be a unique UUID starting with a letter")
        if bibl.get("type") not in ("online", "print", "hybrid"):
            fail(bibl, "bibl/@type must be online, print or hybrid")
    for desc in root.iterfind(f"{TEI}teiHeader/{TEI}profileDesc/{TEI}correspDesc"):
        _check_letter(desc, set(ids), fail)
    if root.find(f"{TEI}text/{TEI}body") is None:
        fail(root, "text/body is missing")
    return problems


def _check_letter(desc: etree._Element, bibl_ids: set[str], fail: Warn) -> None:
    if not is_web_url(desc.get("ref") or ""):
        fail(desc, f"correspDesc/@ref {desc.get('ref')!r} must be the letter's http(s) URL")
    if (desc.get("source") or "").removeprefix("#") not in bibl_ids:
        fail(desc, f"correspDesc/@source {desc.get('source')!r} points at no bibl")
    types = [child.get("type") for child in desc]
    if [etree.QName(child).localname for child in desc] != ["correspAction"] * len(desc):
        fail(desc, "correspDesc holds only correspAction elements here")
    if sorted(types) != ["received", "sent"]:
        fail(desc, f"correspAction types must be one sent and one received, not {types}")
    for action in desc:
        names = [etree.QName(child).localname for child in action]
        if set(names) - {"persName", "orgName", "placeName", "date"}:
            fail(action, f"correspAction holds only persName, orgName, placeName, date: {names}")
        if "persName" not in names and "orgName" not in names:
            fail(action, "correspAction names no person or organisation (CMIF: 'Unknown')")
        for child in action:
            _check_part(child, fail)


def _check_part(child: etree._Element, fail: Warn) -> None:
    name = etree.QName(child).localname
    if name == "date":
        found = {n: child.get(n) for n in DATING if child.get(n) is not None}
        if not found:
            fail(child, "date has no @when, @notBefore, @notAfter, @from or @to")
        for attribute, value in found.items():
            if not CMIF_DATE.fullmatch(value) or not is_real_date(value):
                fail(child, f"date @{attribute}={value!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
        if "when" in found and len(found) > 1:
            fail(child, "date @when is used with another dating attribute")
        return
    if len(child) or not plain_text(child):
        fail(child, f"{name} must hold a name as plain text")
    files = PLACE_AUTHORITIES if name == "placeName" else PERSON_AUTHORITIES
    for value in (child.get("ref") or "").split():
        if not any(f.uri_pattern.fullmatch(value) for f in files):
            labels = ", ".join(f.label for f in files)
            fail(child, f"{name}/@ref {value!r} is not a {labels} URI")
