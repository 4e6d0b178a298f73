"""Safe reading of XML the toolkit did not write (authority files, TEI to validate or render).

Untrusted XML is parsed with entity resolution, DTD loading and network access off, and with
libxml2's limits on (no ``huge_tree``), so an external entity cannot read a local file and an
entity bomb cannot exhaust memory. A document that declares entities at all is refused: TEI has
no need for them and they are how both attacks start.
"""

from __future__ import annotations

import contextlib

from lxml import etree

from tei.errors import XmlInputError

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"


def safe_parser() -> etree.XMLParser:
    """A parser that never fetches, never expands entities and keeps libxml2's size limits."""
    return etree.XMLParser(
        resolve_entities=False,
        load_dtd=False,
        dtd_validation=False,
        no_network=True,
        huge_tree=False,
        remove_blank_text=False,
    )


def parse_xml(data: bytes, source: str = "<input>") -> etree._ElementTree:
    """Parse ``data`` safely; raise :class:`XmlInputError` naming the line of the problem."""
    try:
        root = etree.fromstring(data, safe_parser(), base_url=None)
    except etree.XMLSyntaxError as exc:
        line = exc.position[0] if exc.position else None
        column = exc.position[1] if exc.position else None
        message = exc.msg.split(", line ")[0] if exc.msg else "not well-formed XML"
        if message.startswith("Document is empty"):
            raise XmlInputError(
                "no XML here: the file is empty, or holds no markup (binary data?)",
                source=source,
                line=line,
                hint="give a TEI file",
            ) from None
        if "entit" in message.lower() and _declares_entities(data):
            # an entity bomb or loop stops libxml2 before the check below: same refusal
            line, column = _position(data, b"<!DOCTYPE")
            raise XmlInputError(
                "the document declares entities or an external DTD, which are refused for safety",
                source=source,
                line=line,
                column=column,
                hint="remove the DOCTYPE declaration; TEI needs none",
            ) from None
        if "XML_PARSE_HUGE" in message:  # libxml2's advice is for programmers, not users
            raise XmlInputError(
                f"over libxml2's safety limits: {message.split(',')[0].rstrip('.')}",
                source=source,
                line=line,
                column=column,
                hint=(
                    "check that this is the TEI file you meant: no telegram's TEI comes near "
                    "10 MB of text in one element or 256 levels of nesting, and the limits stay "
                    "on so that an untrusted file cannot exhaust the machine"
                ),
            ) from None
        raise XmlInputError(
            f"not well-formed XML: {message}",
            source=source,
            line=line,
            column=column,
            hint="fix the XML syntax at that place",
        ) from None
    tree = root.getroottree()
    if tree.docinfo.doctype:
        _refuse_declarations(tree, data, source)
    return tree


def _refuse_declarations(tree: etree._ElementTree, data: bytes, source: str) -> None:
    """A DOCTYPE may name the root and nothing else.

    Entities and external DTDs are how entity bombs and file theft start; any other internal
    subset (an ``<!ATTLIST p onclick … "…">`` default, say) changes the document for some
    readers and not others: libxml2 here ignores it, jing and browsers apply it, so two levels
    would judge two different documents. Both are refused, so every level sees the same one.
    """
    dtd = tree.docinfo.internalDTD
    entities = dtd is not None and list(dtd.iterentities())
    if entities or tree.docinfo.system_url:
        message = "the document declares entities or an external DTD, which are refused for safety"
    elif _has_internal_subset(data):
        message = (
            "the document's DOCTYPE has an internal subset (declarations such as attribute "
            "defaults), which is refused: validators and browsers would not read it alike"
        )
    else:
        return
    line, column = _position(data, b"<!DOCTYPE")
    raise XmlInputError(
        message,
        source=source,
        line=line,
        column=column,
        hint="remove the DOCTYPE declaration; TEI needs none",
    )


def _has_internal_subset(data: bytes) -> bool:
    """Whether the DOCTYPE holds declarations in ``[…]``: expat says so (in any encoding), and
    stops at the root's start tag, so only the prolog is read again."""
    from xml.parsers import expat

    found: list[bool] = []

    def doctype(name: str, system: str | None, public: str | None, subset: int) -> None:
        found.append(bool(subset))

    def stop(*_: object) -> None:
        raise StopIteration

    parser = expat.ParserCreate()
    parser.StartDoctypeDeclHandler = doctype
    parser.StartElementHandler = stop
    with contextlib.suppress(StopIteration, expat.ExpatError):
        parser.Parse(data, True)
    return any(found)


def _declares_entities(data: bytes) -> bool:
    return any(mark.encode(codec) in data for mark in ("<!ENTITY",) for codec in _CODECS)


_CODECS = ("utf-8", "utf-16-le", "utf-16-be")


def _position(data: bytes, mark: bytes) -> tuple[int, int | None]:
    """Line and column (1-based, in bytes) of the first ``mark`` in ``data``; line 1 if none."""
    at = data.find(mark)
    if at < 0:
        return 1, None
    start = data.rfind(b"\n", 0, at) + 1
    return data.count(b"\n", 0, at) + 1, at - start + 1
