"""TEI letters → one ``teiCorpus`` with a shared personography and prev/next links.

Edition platforms (TEI Publisher and others) take a corpus as one file. Three things change when
letters are put together:

- **One personography.** Every letter lists its persons in its own ``standOff/listPerson``; in
  the corpus they are listed once, in ``teiCorpus/standOff/listPerson`` (tei_all allows
  ``standOff`` between the corpus header and the letters). That is the same element the letters
  use, one level up, so a tool that reads our letters' persons finds the corpus's the same way;
  ``particDesc`` was not chosen because it lists a text's *participants*, and the personography
  also holds people a letter only mentions. ``persName/@ref="#stalin"`` in a letter then points
  at the shared entry. Ids come from the authority file or from the name, so one id is one
  person; when two letters describe the same id differently, the first is kept, with a warning.
- **Unique ids.** Each letter's other ids (``ms-1``, the authority ``bibl``) would repeat from
  letter to letter; in the corpus they are prefixed with the letter's id (``doc-112663.ms-1``)
  and the letter's pointers to them follow.
- **Links.** Letters between the same two correspondents (the unordered pair of sender and
  recipient ids, either direction) are chained by the date of their ``sent`` action, ties broken
  by document id, in ``correspDesc/correspContext/ref[@type='prev'|'next']``. Undated letters are
  not placed in a chain (their place in it is unknown).
"""

from __future__ import annotations

import copy
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from lxml import etree

from tei import __version__
from tei.encode.header import MIXED_CONTENT, serialize
from tei.errors import XmlInputError
from tei.io.xmlio import TEI_NS, XML_NS
from tei.publish.cmif_terms import Notice
from tei.publish.letters import action, action_date, correspondence, parties, plain_text

XML_ID = f"{{{XML_NS}}}id"
TEI = f"{{{TEI_NS}}}"
LINK_TYPES = ("prev", "next")


@dataclass(frozen=True)
class Letter:
    """A letter's TEI as read, and what the corpus needs to know to place it."""

    source: str
    root: etree._Element
    doc_id: str
    title: str
    #: the sent action's date (``when``, else the range's start), or None when undated
    sent: str | None
    #: the unordered pair of sender and recipient ids, or None when a side is not named
    pair: frozenset[tuple[str, ...]] | None


#: a letter's neighbours in its chain: (previous, next), either may be None
Neighbours = tuple["Letter | None", "Letter | None"]


def read_letter(root: etree._Element, source: str) -> Letter:
    """What the corpus needs of a letter; a root that is not a TEI letter is an error."""
    if root.tag != f"{TEI}TEI" or not root.get(XML_ID):
        what = etree.QName(root).localname if isinstance(root.tag, str) else "?"
        raise XmlInputError(
            f"the root element is {what!r}"
            + ("" if root.tag != f"{TEI}TEI" else " without xml:id")
            + ", not a TEI letter with an id",
            source=source,
            line=root.sourceline,
            hint="give the TEI files `tei convert` writes (a corpus cannot go into a corpus)",
        )
    desc = correspondence(root)
    title = plain_text(root.find(f"{TEI}teiHeader/{TEI}fileDesc/{TEI}titleStmt/{TEI}title"))
    sent = action(desc, "sent")
    senders, recipients = parties(sent), parties(action(desc, "received"))
    pair = frozenset((senders, recipients)) if senders and recipients else None
    sent_date = action_date(sent)
    return Letter(source, root, root.get(XML_ID), title or root.get(XML_ID), sent_date, pair)


def chains(letters: list[Letter]) -> tuple[dict[str, Neighbours], list[Notice]]:
    """Each linked letter's neighbours by document id, and the letters left out of chains."""
    groups: dict[frozenset[tuple[str, ...]], list[Letter]] = defaultdict(list)
    notices = []
    for letter in letters:
        if letter.pair is None:
            continue
        if letter.sent is None:
            notices.append(
                Notice(letter.source, None, f"letter {letter.doc_id} has no sent date: not linked")
            )
            continue
        groups[letter.pair].append(letter)
    neighbours: dict[str, Neighbours] = {}
    for group in groups.values():
        group.sort(key=lambda letter: (letter.sent, letter.doc_id))
        for index, letter in enumerate(group):
            before = group[index - 1] if index else None
            after = group[index + 1] if index + 1 < len(group) else None
            if before or after:
                neighbours[letter.doc_id] = (before, after)
    return neighbours, notices


def set_links(
    root: etree._Element, neighbours: Neighbours | None, target: Callable[[Letter], str]
) -> None:
    """Write (or replace, or remove) the letter's prev/next ``correspContext``.

    Only a ``correspContext`` holding nothing but prev/next refs is ours and replaced; an
    editor's own context is kept beside it.
    """
    desc = correspondence(root)
    if desc is None:
        return
    for context in desc.findall(f"{TEI}correspContext"):
        if all(child.tag == f"{TEI}ref" and child.get("type") in LINK_TYPES for child in context):
            desc.remove(context)
    if neighbours is None or not any(neighbours):
        return
    context = etree.SubElement(desc, f"{TEI}correspContext")
    for kind, other in zip(LINK_TYPES, neighbours, strict=True):
        if other is not None:
            ref = etree.SubElement(context, f"{TEI}ref", type=kind, target=target(other))
            ref.text = other.title


def links_of(root: etree._Element) -> list[tuple[str | None, ...]]:
    """The letter's prev/next links as (type, target, label), to tell whether they changed."""
    return [
        (ref.get("type"), ref.get("target"), ref.text)
        for ref in root.iterfind(f".//{TEI}correspContext/{TEI}ref")
        if ref.get("type") in LINK_TYPES
    ]


def build_corpus(
    letters: list[Letter], neighbours: dict[str, Neighbours], title: str
) -> tuple[etree._ElementTree, list[Notice]]:
    """The ``teiCorpus`` of the letters in the given order; the letters are copied, not changed."""
    notices: list[Notice] = []
    persons: dict[str, tuple[etree._Element, Letter]] = {}
    bibls: dict[str, etree._Element] = {}
    texts = []
    for letter in letters:
        tei = copy.deepcopy(letter.root)
        _take_persons(tei, letter, persons, bibls, notices)
        _prefix_ids(tei, letter.doc_id)
        set_links(tei, neighbours.get(letter.doc_id), lambda other: f"#{other.doc_id}")
        texts.append(tei)
    corpus = etree.Element(f"{TEI}teiCorpus", nsmap={None: TEI_NS})
    _corpus_header(corpus, title, len(letters), list(bibls.values()))
    if persons:
        shared = _sub(_sub(corpus, "standOff"), "listPerson")
        shared.extend(person for person, _ in persons.values())
    corpus.extend(texts)
    return corpus.getroottree(), notices


def _take_persons(
    tei: etree._Element,
    letter: Letter,
    persons: dict[str, tuple[etree._Element, Letter]],
    bibls: dict[str, etree._Element],
    notices: list[Notice],
) -> None:
    """Move the letter's persons to the shared list (with the authority bibls they cite)."""
    ids = {element.get(XML_ID): element for element in tei.iter() if element.get(XML_ID)}
    for stand_off in tei.findall(f"{TEI}standOff"):
        for list_person in stand_off.findall(f"{TEI}listPerson"):
            for person in list_person.findall(f"{TEI}person"):
                person_id = person.get(XML_ID)
                known = persons.get(person_id)
                if known is None:
                    persons[person_id] = (person, letter)
                    for pointer in (person.get("source") or "").split():
                        cited = ids.get(pointer.removeprefix("#"))
                        if pointer.startswith("#") and cited is not None:
                            bibls.setdefault(cited.get(XML_ID), copy.deepcopy(cited))
                elif _canonical(known[0]) != _canonical(person):
                    message = (
                        f"person {person_id!r} differs from the entry in {known[1].source}; the "
                        "corpus keeps that one — convert the letters with the same authority file"
                    )
                    notices.append(Notice(letter.source, person.sourceline, message))
            stand_off.remove(list_person)
        if not len(stand_off):
            tei.remove(stand_off)


def _canonical(element: etree._Element) -> tuple[object, ...]:
    """What an entry says (names, attributes, text, children), not how it is indented."""
    return (
        element.tag,
        tuple(sorted(element.attrib.items())),
        " ".join((element.text or "").split()),
        tuple(_canonical(child) for child in element if isinstance(child.tag, str)),
    )


def _prefix_ids(tei: etree._Element, doc_id: str) -> None:
    """``ms-1`` → ``doc-112663.ms-1`` for every id but the letter's, and its pointers along."""
    renamed = {}
    for element in tei.iter():
        old = element.get(XML_ID)
        if old and element is not tei:
            renamed[old] = f"{doc_id}.{old}"
            element.set(XML_ID, renamed[old])
    if not renamed:
        return
    for element in tei.iter():
        for name, value in element.attrib.items():
            if "#" in value:
                tokens = value.split()
                new = [
                    "#" + renamed[t[1:]] if t.startswith("#") and t[1:] in renamed else t
                    for t in tokens
                ]
                if new != tokens:
                    element.set(name, " ".join(new))


def _corpus_header(
    corpus: etree._Element, title: str, count: int, bibls: list[etree._Element]
) -> None:
    header = _sub(corpus, "teiHeader")
    file_desc = _sub(header, "fileDesc")
    _sub(_sub(file_desc, "titleStmt"), "title", title)
    _sub(
        _sub(file_desc, "publicationStmt"),
        "p",
        f"Assembled by telegram-tei from {count} letter{'s' if count != 1 else ''}; each letter "
        "keeps its own header with its source and publication.",
    )
    source_desc = _sub(file_desc, "sourceDesc")
    if bibls:
        source_desc.extend(bibls)
    else:
        _sub(source_desc, "p", "The sources are described in each letter's header.")
    encoding = _sub(header, "encodingDesc")
    application = _sub(
        _sub(encoding, "appInfo"), "application", ident="telegram-tei", version=__version__
    )
    _sub(application, "label", "telegram-tei")
    _sub(
        _sub(encoding, "editorialDecl"),
        "p",
        "Persons are listed once, in the corpus's standOff/listPerson; the letters' persName/@ref "
        "point there. Letters between the same two correspondents, in either direction, are "
        "linked in the order of the date of their sent action (ties: the document id) by "
        "correspDesc/correspContext/ref[@type='prev' or @type='next']. Ids other than a letter's "
        "own are prefixed with the letter's id.",
    )


def to_bytes(tree: etree._ElementTree | etree._Element) -> bytes:
    """The project's byte-stable serialisation, re-indented for the place the parts now hold.

    Parsed TEI keeps its indentation as text, which libxml2 will not re-indent: indentation
    (white space with a line break, in an element that holds no other text) is dropped first,
    never inside the elements that have mixed content.
    """
    root = tree.getroot() if isinstance(tree, etree._ElementTree) else tree
    _strip_indentation(root)
    return serialize(root.getroottree())


def _strip_indentation(element: etree._Element) -> None:
    if not isinstance(element.tag, str) or element.tag in MIXED_CONTENT:
        return
    texts = [element.text, *(child.tail for child in element)]
    if len(element) and all(t is None or (not t.strip() and "\n" in t) for t in texts):
        element.text = None
        for child in element:
            child.tail = None
    for child in element:
        _strip_indentation(child)


def _sub(parent: etree._Element, tag: str, text: str | None = None, **attrs: str) -> etree._Element:
    element = etree.SubElement(parent, f"{TEI}{tag}", **attrs)
    if text is not None:
        element.text = text
    return element
