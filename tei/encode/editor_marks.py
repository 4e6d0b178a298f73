"""Say in the TEI which facts the editor gave: ``@source`` pointing to a ``bibl`` naming them.

The TEI Guidelines' ``att.global.source`` "specifies the source from which some aspect of this
element is drawn"; the project already marks persons taken from an authority file that way
(``person/@source`` → a ``bibl`` in ``sourceDesc``). Facts from the editor's metadata follow the
same pattern: each element that holds one gets ``@source="#editor-metadata"``, and
``sourceDesc`` gains ``<bibl xml:id="editor-metadata">`` naming the CSV file and row (or the
transcription's front matter). A GeoNames id for the place becomes ``placeName/@ref``, which
CMIF exports as the place's identity.
"""

from __future__ import annotations

from lxml import etree

from tei.encode.body import tei
from tei.io.xmlio import XML_NS
from tei.metadata.facts import Applied

EDITOR_BIBL_ID = "editor-metadata"

#: field → path of the elements that hold it, below teiHeader
_TARGETS: dict[str, str] = {
    "title": "t:fileDesc/t:titleStmt/t:title",
    "publisher": "t:fileDesc/t:publicationStmt/t:publisher",
    "url": "t:fileDesc/t:publicationStmt/t:idno[@type='URI']",
    "summary": "t:profileDesc/t:abstract",
    "language": "t:profileDesc/t:langUsage/t:language",
    "date": "t:profileDesc/t:correspDesc/t:correspAction[@type='sent']/t:date",
    "place": "t:profileDesc/t:correspDesc/t:correspAction[@type='sent']/t:placeName",
    "sender": "t:profileDesc/t:correspDesc/t:correspAction[@type='sent']/t:persName[not(@role)]",
    "recipient": (
        "t:profileDesc/t:correspDesc/t:correspAction[@type='received']/t:persName[not(@role)]"
    ),
}
_ALIASES = {"sender_id": "sender", "recipient_id": "recipient", "place_id": "place"}
_NS = {"t": "http://www.tei-c.org/ns/1.0"}


def mark_editor_facts(tree: etree._ElementTree, applied: Applied) -> etree._ElementTree:
    """Mark each element holding an editor's fact and name the metadata in ``sourceDesc``."""
    header = tree.getroot().find(tei("teiHeader"))
    marked = False
    for field in dict.fromkeys(_ALIASES.get(f, f) for f in applied.fields):
        for element in header.xpath(_TARGETS[field], namespaces=_NS) if field in _TARGETS else ():
            element.set("source", f"#{EDITOR_BIBL_ID}")
            if field == "place" and applied.place_id:
                element.set("ref", applied.place_id)
            marked = True
    if marked:
        _add_bibl(header.find(f"{tei('fileDesc')}/{tei('sourceDesc')}"), applied)
        _declare(header.find(f"{tei('encodingDesc')}/{tei('editorialDecl')}"), applied)
    return tree


def _declare(decl: etree._Element, applied: Applied) -> None:
    """Say in ``editorialDecl`` that some facts are the editor's, not the transcription's
    (the contract asks every encoding choice to be stated there)."""
    where = (
        f"the metadata table {_file_name(applied.facts.origin)}, line {applied.facts.line}"
        if applied.facts.form == "csv"
        else "the front matter of the transcription"
    )
    paragraph = etree.Element(tei("p"))
    paragraph.text = (
        f'Header facts with @source="#{EDITOR_BIBL_ID}" were given by the editor in {where}, '
        "not read from the transcription; where the transcription said otherwise, the "
        "editor's value was kept."
    )
    quotation = decl.find(tei("quotation"))
    if quotation is not None:
        quotation.addprevious(paragraph)
    else:
        decl.append(paragraph)


def _add_bibl(source_desc: etree._Element, applied: Applied) -> None:
    """``<bibl xml:id="editor-metadata"><title>…</title>, line 3</bibl>`` at the end of
    ``sourceDesc`` (in place of its "no citation" paragraph, which a bibl cannot sit beside)."""
    facts = applied.facts
    if len(source_desc) == 1 and source_desc[0].tag == tei("p"):
        source_desc.remove(source_desc[0])
    bibl = etree.SubElement(source_desc, tei("bibl"))
    bibl.set(f"{{{XML_NS}}}id", EDITOR_BIBL_ID)
    title = etree.SubElement(bibl, tei("title"))
    if facts.form == "csv":
        title.text = "Editor's metadata"
        title.tail = f" {_file_name(facts.origin)}, line {facts.line}"
    else:
        title.text = "Editor's front matter"
        title.tail = f" of {_file_name(facts.origin)}"


def _file_name(path: str) -> str:
    """The metadata file's own name: a folder path on one machine means nothing on another."""
    return path.replace("\\", "/").rsplit("/", 1)[-1]


__all__ = ["EDITOR_BIBL_ID", "mark_editor_facts"]
