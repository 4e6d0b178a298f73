"""Model → TEI P5 tree, and the byte-stable serialisation of it.

The encoder knows nothing of source layouts: it writes what the model holds and nothing else —
no place, date or identity is added that the source or an authority file did not give. Output is
deterministic (no timestamps, ids derived from the input), so TEI can be diffed and versioned.
"""

from __future__ import annotations

import hashlib
import re
import warnings

from lxml import etree

from tei import __version__
from tei.authority import BUNDLED_SOURCE
from tei.encode.body import BodyEncoder, iso_when, sub, tei
from tei.encode.editorial import BY_KEY
from tei.encode.people import People, authority_id, person_name, stand_off
from tei.io.xmlio import TEI_NS, XML_NS
from tei.model import ArchivalReference, CorrespAction, Header, KnownPerson, Telegram

XML_LANG = f"{{{XML_NS}}}lang"
XML_ID = f"{{{XML_NS}}}id"
_NCNAME_BAD = re.compile(r"[^\w.\-]", re.ASCII)


def encode_telegram(telegram: Telegram, authority: object = None) -> etree._ElementTree:
    """Build the TEI document for a telegram read by :func:`tei.transforms.read`.

    Identities were resolved when reading: the persons written to ``standOff`` are the ones the
    telegram carries (``Telegram.persons``), so no authority is needed, or consulted, here.
    ``authority`` is accepted only so that callers written before this change keep working
    while they are updated; it is ignored, with a DeprecationWarning.
    """
    if authority is not None:
        warnings.warn(
            "encode_telegram() ignores its authority: identities are resolved when reading "
            "(tei.read(text, name, authority)); drop the argument",
            DeprecationWarning,
            stacklevel=2,
        )
    header = telegram.header
    root = etree.Element(tei("TEI"), nsmap={None: TEI_NS})
    root.set(XML_LANG, header.text_language.code)
    root.set(XML_ID, document_id(telegram))
    people = People(header.actions, telegram.persons, frozenset({root.get(XML_ID)}))
    body_encoder = BodyEncoder(people.ref)
    text = etree.Element(tei("text"))
    body_encoder.encode(telegram.body, text)
    tei_header = sub(root, "teiHeader")
    _file_desc(tei_header, header, people)
    _encoding_desc(tei_header, sorted(body_encoder.used, key=list(BY_KEY).index))
    _profile_desc(tei_header, header, people)
    if people.used:
        stand_off(root, people)
    root.append(text)
    return root.getroottree()


#: TEI elements with mixed content: never indented inside, even when they hold only elements
MIXED_CONTENT = frozenset(
    tei(name)
    for name in (
        *("p", "ab", "head", "label", "item", "note", "salute", "signed", "dateline", "date"),
        *("bibl", "title", "publisher", "resp", "funder", "persName", "name", "roleName"),
        *("supplied", "sic", "unclear", "orig", "reg", "abbr", "expan", "metamark", "desc"),
        *("locus", "idno", "language", "textLang", "quote"),
    )
)


def serialize(tree: etree._ElementTree) -> bytes:
    """UTF-8 with an XML declaration; indentation only where content is element-only.

    libxml2 indents any element that holds no text node, which would add white space inside a
    paragraph that starts with an element (``<p><ellipsis>…``). An empty text node marks such
    mixed-content elements so they are written exactly as built.
    """
    for element in tree.iter(*MIXED_CONTENT):
        if len(element) and element.text is None:
            element.text = ""
    body = etree.tostring(tree, encoding="unicode", pretty_print=True)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + body).encode("utf-8")


def document_id(telegram: Telegram) -> str:
    """``doc-<archive number>`` when the source gives one, else from the file name (an NCName).

    Standard input has no name: its id is taken from a hash of the text so it stays stable.
    """
    if telegram.header.doc_number:
        return f"doc-{telegram.header.doc_number}"
    name = telegram.source_name.rsplit("/", 1)[-1]
    stem = name.rsplit(".", 1)[0] if "." in name else name
    if not stem or stem.startswith("<"):
        digest = hashlib.sha1(repr(telegram.header.title).encode()).hexdigest()[:12]
        return f"doc-{digest}"
    stem = _NCNAME_BAD.sub("-", stem)
    return stem if stem[0].isalpha() or stem[0] == "_" else f"doc-{stem}"


# --------------------------------------------------------------------------- header parts


def _file_desc(parent: etree._Element, header: Header, people: People) -> None:
    file_desc = sub(parent, "fileDesc")
    title_stmt = sub(file_desc, "titleStmt")
    sub(title_stmt, "title", header.title or "Untitled telegram")
    if header.funder:
        sub(title_stmt, "funder", header.funder)
    if header.contributor:
        resp_stmt = sub(title_stmt, "respStmt")
        sub(resp_stmt, "resp", "Contributed by")
        sub(resp_stmt, "persName", header.contributor)
    if header.translator:
        resp_stmt = sub(title_stmt, "respStmt")
        sub(resp_stmt, "resp", "Translated by")
        sub(resp_stmt, "persName", header.translator)
    publication = sub(file_desc, "publicationStmt")
    if header.publisher:
        sub(publication, "publisher", header.publisher)
        if header.url:
            sub(publication, "idno", header.url, type="URI")
    else:
        sub(publication, "p", "The source names no publisher.")
    source_desc = sub(file_desc, "sourceDesc")
    _bibl(source_desc, header)
    _ms_desc(source_desc, header)
    sources = sorted({p.source for p in people.used.values() if isinstance(p, KnownPerson)})
    if not sources and len(source_desc) == 0:
        # sourceDesc takes either paragraphs or bibliographic elements, never both.
        sub(source_desc, "p", "The source gives no citation.")
    for source in sources:
        bibl = sub(source_desc, "bibl", xml__id=authority_id(source))
        if source == BUNDLED_SOURCE:
            sub(bibl, "title", "Persons bundled with telegram-tei")
            _append(bibl, f", version {__version__}")
        else:
            sub(bibl, "title", f"Authority file {source}")


def _bibl(parent: etree._Element, header: Header) -> None:
    """The citation verbatim, its title, date and URL marked where they occur in it."""
    citation = header.citation
    if citation is None:
        return
    bibl = sub(parent, "bibl")
    text = citation.text
    marks: list[tuple[int, int, str]] = []
    for part, tag in (
        (citation.title, "title"),
        (citation.date_text, "date"),
        (citation.publisher, "publisher"),
        (citation.url, "ref"),
    ):
        if part:
            start = text.find(part, marks[-1][1] if marks else 0)
            if start >= 0:
                marks.append((start, start + len(part), tag))
    position = 0
    for start, end, tag in marks:
        _append(bibl, text[position:start])
        attrs = {}
        if tag == "date" and header.date is not None:
            attrs["when"] = header.date.iso
        if tag == "ref":
            attrs["target"] = text[start:end]
        sub(bibl, tag, text[start:end], **attrs)
        position = end
    _append(bibl, text[position:])


def _ms_desc(parent: etree._Element, header: Header) -> None:
    if not (
        header.archival_refs
        or header.telegram_numbers
        or header.original_language
        or header.file_number
    ):
        return
    ms_desc = sub(parent, "msDesc")
    identifier = sub(ms_desc, "msIdentifier")
    refs = header.archival_refs
    if refs:
        identifier.set(XML_ID, "ms-1")
        _identifier_levels(identifier, refs[0])
        for number, ref in enumerate(refs[1:], start=2):
            _identifier_levels(
                sub(identifier, "altIdentifier", xml__id=f"ms-{number}"), ref, alt=True
            )
    else:
        sub(identifier, "msName", header.title or "Untitled telegram")
    contents = sub(ms_desc, "msContents")
    if header.original_language:
        sub(
            contents,
            "textLang",
            header.original_language.name,
            mainLang=header.original_language.code,
        )
    paged = [(n, ref) for n, ref in enumerate(refs, start=1) if ref.pages]
    if paged or header.telegram_numbers or header.file_number:
        item = sub(contents, "msItem")
        for number, ref in paged:
            group = sub(item, "locusGrp", corresp=f"#ms-{number}")
            for first, last in ref.pages:
                label = first if first == last else f"{first}-{last}"
                sub(group, "locus", label, **{"from": first, "to": last})
        for telegram_number in header.telegram_numbers:
            sub(item, "idno", telegram_number, type="telegram")
        if header.file_number:
            sub(item, "idno", header.file_number, type="file")
        if not header.telegram_numbers and not header.file_number:
            sub(item, "title", header.title or "Untitled telegram")
        if header.source_note:
            sub(item, "note", header.source_note, type="source")


def _identifier_levels(parent: etree._Element, ref: ArchivalReference, alt: bool = False) -> None:
    """Repository, fond, opis, delo, each typed.

    ``msIdentifier`` takes the levels as ``collection`` × 2 + ``idno``; ``altIdentifier`` allows
    one ``collection`` and one ``idno`` only, so there opis and delo are nested typed ``idno``s
    (idno nests to express a hierarchical number).
    """
    sub(parent, "repository", ref.repository)
    if ref.fond:
        sub(parent, "collection", ref.fond, type="fond")
    if alt:
        levels = [
            (kind, value) for kind, value in (("opis", ref.opis), ("delo", ref.delo)) if value
        ]
        if len(levels) == 2:
            holder = sub(parent, "idno", type="shelfmark")
            for kind, value in levels:
                sub(holder, "idno", value, type=kind)
        elif levels:
            sub(parent, "idno", levels[0][1], type=levels[0][0])
        else:
            sub(parent, "idno", ref.fond or ref.repository, type="fond" if ref.fond else "archive")
        return
    if ref.opis:
        sub(parent, "collection", ref.opis, type="opis")
    if ref.delo:
        sub(parent, "idno", ref.delo, type="delo")


def _encoding_desc(parent: etree._Element, used: list[str]) -> None:
    encoding_desc = sub(parent, "encodingDesc")
    app_info = sub(encoding_desc, "appInfo")
    application = sub(app_info, "application", ident="telegram-tei", version=__version__)
    sub(application, "label", "telegram-tei")
    editorial = sub(encoding_desc, "editorialDecl")
    intro = sub(editorial, "p")
    intro.text = (
        "Square-bracketed editorial insertions of the published translation are encoded as "
        "elements; no bracket is kept as text, and renderings put the brackets back. "
        "Names are kept as the source writes them; identities come from the authority file "
        "named in sourceDesc. Encodings used in this document:"
    )
    if used:
        listing = sub(editorial, "p")
        items = sub(listing, "list", type="encodings")
        for key in used:
            encoding = BY_KEY[key]
            item = sub(items, "item", n=key)
            sub(item, "gi", encoding.gi)
            if encoding.att:
                _append(item, " ")
                sub(item, "att", encoding.att)
                _append(item, "=")
                sub(item, "val", encoding.val)
            _append(item, f" for {encoding.source}: {encoding.declaration}.")
    quotation = sub(editorial, "quotation", marks="none")
    sub(
        quotation,
        "p",
        "Quotation marks around a quoted message are not kept as text: the message is a "
        "floatingText and renderings restore the marks named in its @rend.",
    )


def _profile_desc(parent: etree._Element, header: Header, people: People) -> None:
    profile = sub(parent, "profileDesc")
    if header.summary:
        sub(sub(profile, "abstract"), "p", header.summary)
    lang_usage = sub(profile, "langUsage")
    sub(lang_usage, "language", header.text_language.name, ident=header.text_language.code)
    if header.actions:
        corresp_desc = sub(profile, "correspDesc")
        # the archive's wording of the date, where no citation already holds it
        date_text = (
            header.date_text if not (header.citation and header.citation.date_text) else None
        )
        for action in header.actions:
            worded = action.type == "sent" and action.date == header.date and not action.time
            _action(corresp_desc, action, people, date_text if worded else None)


def _action(
    parent: etree._Element, action: CorrespAction, people: People, date_text: str | None = None
) -> None:
    element = sub(parent, "correspAction", type=action.type)
    for person in action.persons:
        person_name(element, person, people)
    if action.relay_from:
        person_name(element, action.relay_from, people, role="sender")
    if action.relay_to:
        person_name(element, action.relay_to, people, role="addressee")
    if action.place:
        sub(element, "placeName", action.place)
    when = iso_when(action.date.iso if action.date else None, action.time)
    if when:
        sub(element, "date", date_text, when=when)
    if not len(element):
        sub(element, "p", "The source does not say.")


def _append(parent: etree._Element, text: str) -> None:
    if len(parent):
        parent[-1].tail = (parent[-1].tail or "") + text
    else:
        parent.text = (parent.text or "") + text
