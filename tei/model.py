"""The telegram as plain data: what every reader produces and the encoder consumes.

The model knows nothing of TEI or of source layouts (the pandoc idea: readers and writers around
one small document model), so a new layout is one reader and a new output is one writer. Every
node keeps the source line it came from, so later stages can report problems where the user can
find them. All nodes are frozen: stages build new values instead of editing shared ones.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from tei.dates import PartialDate

# --------------------------------------------------------------------------- inline content


@dataclass(frozen=True)
class Text:
    """Plain running text, exactly as the source has it."""

    text: str


@dataclass(frozen=True)
class Omission:
    """``[....]``: the published text marks an omitted passage; ``mark`` is what is inside."""

    mark: str
    line: int = 0


@dataclass(frozen=True)
class Illegible:
    """``[illegible]``: the editor could not read the original."""

    text: str
    line: int = 0


class ExplanationKind(str, Enum):
    """What an editor's explanation in brackets explains."""

    PERSON = "person"  # Filippov [Stalin]
    ABBREVIATION = "abbreviation"  # CC [Central Committee]
    TERM = "term"  # anything else capitalised: "the leader [Mao]"


@dataclass(frozen=True)
class Explained:
    """``Filippov [Stalin]``: a name or term followed by the editor's explanation of it.

    ``person_id`` is the authority identifier when the reader recognised the person.
    """

    term: str
    explanation: str
    kind: ExplanationKind
    person_id: str | None = None
    #: the white space between the term and its bracket, as in the source
    separator: str = " "
    line: int = 0


@dataclass(frozen=True)
class Regularised:
    """``Chiang Kai-shek [Jiang Jieshi]``: a name and its modern spelling supplied by the editor."""

    orig: str
    reg: str
    person_id: str | None = None
    line: int = 0


class SuppliedReason(str, Enum):
    """Why the editor supplied words; the values are EpiDoc's ``supplied/@reason``."""

    SUBAUDIBLE = "subaudible"  # [which is]: words supplied for sense
    OMITTED = "omitted"  # Com[rade]: the editor completes a word
    UNDEFINED = "undefined"  # we could not tell (EpiDoc's value): encoded anyway, and warned


@dataclass(frozen=True)
class Supplied:
    """Words the editor supplied, rendered back in brackets."""

    text: str
    reason: SuppliedReason
    line: int = 0


@dataclass(frozen=True)
class Uncertain:
    """``word [?]``: the editor is unsure of the word before the mark."""

    text: str
    line: int = 0


@dataclass(frozen=True)
class Sic:
    """``word [sic]``: an error kept as in the original."""

    text: str
    line: int = 0


class NoteKind(str, Enum):
    """Editorial comment, or description of the physical document."""

    EDITORIAL = "editorial"  # [Translator's note: …], [Ed. note: …]
    PHYSICAL = "physical"  # [signature], [Stamp: …], [handwritten: …]


@dataclass(frozen=True)
class Note:
    """An editor's note in brackets; ``text`` is everything inside the brackets, verbatim.

    ``subtype`` names what a physical note describes (``signature``, ``stamp``, ``handwritten``)
    or the label of an editorial one (``translator``, ``editor``).
    """

    text: str
    kind: NoteKind
    subtype: str | None = None
    line: int = 0
    #: parsed content when the note holds brackets of its own (``[see [1]]``)
    inner: tuple[Inline, ...] = ()


@dataclass(frozen=True)
class PersonName:
    """A name the reader recognised as a person (salutation, signature) without brackets."""

    text: str
    person_id: str | None = None


@dataclass(frozen=True)
class RoleName:
    """An honorific such as ``Comrade`` or ``Cde.``: kept, but not part of the name."""

    text: str


@dataclass(frozen=True)
class ListItem:
    """One lettered item run inline in a paragraph: ``a) to accept …;``."""

    n: str
    label: str
    content: tuple[Inline, ...]


@dataclass(frozen=True)
class InlineList:
    """Lettered items run inline in a paragraph (``a) … b) … c) …``)."""

    items: tuple[ListItem, ...]


@dataclass(frozen=True)
class Footnote:
    """A footnote of the printed edition, anchored where its marker stands (``Adler28``)."""

    n: str
    content: tuple[Inline, ...]
    line: int = 0


@dataclass(frozen=True)
class PageBreak:
    """``[Page 499]``: where a page of the printed volume begins."""

    n: str
    line: int = 0


Inline = (
    Text
    | Omission
    | Illegible
    | Explained
    | Regularised
    | Supplied
    | Uncertain
    | Sic
    | Note
    | PersonName
    | RoleName
    | InlineList
    | Footnote
    | PageBreak
)

# --------------------------------------------------------------------------- blocks


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of mixed content."""

    content: tuple[Inline, ...]
    line: int = 0


@dataclass(frozen=True)
class Point:
    """A numbered point (``1.``): its printed label and one or more paragraphs."""

    n: str
    label: str
    paragraphs: tuple[Paragraph, ...]
    line: int = 0


@dataclass(frozen=True)
class Dateline:
    """The date under a signature, as printed and as parsed."""

    text: str
    date: PartialDate | None
    line: int = 0


@dataclass(frozen=True)
class Closer:
    """Signature and dateline at the end of a message; either may be missing."""

    signature: tuple[Inline, ...] = ()
    dateline: Dateline | None = None
    line: int = 0
    #: the date stands before the name on the signature line (``13.1.51 ROSHCHIN``)
    date_first: bool = False


@dataclass(frozen=True)
class Message:
    """One message: salutation, paragraphs, numbered points, closer, postscript."""

    salute: tuple[Inline, ...] = ()
    paragraphs: tuple[Paragraph, ...] = ()
    points: tuple[Point, ...] = ()
    closer: Closer | None = None
    postscript: tuple[Paragraph, ...] = ()
    line: int = 0
    #: registry matter typed after the signature (copy lists, "Deciphered by", stamps)
    registry: tuple[Paragraph, ...] = ()


class QuoteStyle(str, Enum):
    """The quotation marks around a quoted message, restored on rendering."""

    STRAIGHT = "straight"  # "…"
    CURLY = "curly"  # “…”


@dataclass(frozen=True)
class QuotedMessage:
    """A message quoted inside a transmitting telegram (seed 000: Mao's message to Filippov)."""

    message: Message
    quotes: QuoteStyle = QuoteStyle.STRAIGHT
    line: int = 0


@dataclass(frozen=True)
class OmissionBlock:
    """A paragraph that is nothing but an omission mark (``[....]`` on its own line)."""

    omission: Omission
    line: int = 0


Block = Paragraph | QuotedMessage | OmissionBlock


@dataclass(frozen=True)
class FrontLine:
    """A line above the message: a classification or precedence marking (``confidential``),
    the dateline (place, date, time) or the receipt line (``Received March 5—9:33 a.m.``)."""

    kind: str  # marking | dateline | received
    text: str
    place: str | None = None
    date: PartialDate | None = None
    time: str | None = None
    line: int = 0


@dataclass(frozen=True)
class Body:
    """The text of the document: either a direct message or blocks around a quoted one."""

    kind: str  # telegram, cable, letter, …
    message: Message | None = None  # the document's own message, when it is not a relay
    blocks: tuple[Block, ...] = ()  # a relay: omission marks, the quoted message, remarks
    front: tuple[FrontLine, ...] = ()
    #: a relay's own signature and registry matter, after the blocks
    closer: Closer | None = None
    registry: tuple[Paragraph, ...] = ()


# --------------------------------------------------------------------------- header


@dataclass(frozen=True)
class Person:
    """A person named in the document, as written there, with the authority id if known."""

    name: str
    person_id: str | None = None
    #: the office the source names with the person (``Ambassador in China`` (Gauss)), or, for an
    #: office or body named without a person, None and ``org`` set
    role: str | None = None
    #: an organisation or an office held by nobody named (``USSR Foreign Ministry``,
    #: ``Secretary of State``): encoded as ``orgName``
    org: bool = False


@dataclass(frozen=True)
class KnownPerson:
    """A person an authority file identifies, as reading resolved it: the encoder's only source.

    ``names`` are (type, text) pairs, main name first; ``source`` names the authority file it
    came from. Reading puts on the telegram every person its ``person_id`` values point at, so
    writing needs no authority and cannot resolve a name a second, different way.
    """

    id: str
    names: tuple[tuple[str, str], ...]
    idnos: tuple[tuple[str, str], ...] = ()
    source: str = ""


@dataclass(frozen=True)
class CorrespAction:
    """One step of the message's journey: sent, transmitted or received."""

    type: str  # sent | transmitted | received
    persons: tuple[Person, ...] = ()
    #: for ``transmitted``: the relay's two ends (role sender / addressee)
    relay_from: Person | None = None
    relay_to: Person | None = None
    date: PartialDate | None = None
    place: str | None = None
    #: the time of day the source gives with the date (``10:00``), 24-hour ``HH:MM``
    time: str | None = None


@dataclass(frozen=True)
class ArchivalReference:
    """``APRF, f. 45, op. 1, d. 330, pp. 110-113``: an archive and its levels."""

    repository: str
    fond: str | None = None
    opis: str | None = None
    delo: str | None = None
    unit: str | None = None  # "pp." or "ll."
    pages: tuple[tuple[str, str], ...] = ()  # (from, to) ranges
    pages_text: str | None = None  # "0100, 0101-0102, and 0103" as printed
    text: str = ""  # the whole reference as printed


@dataclass(frozen=True)
class Citation:
    """The archive's citation, verbatim, with the parts the encoder marks up."""

    text: str
    title: str | None = None
    date_text: str | None = None
    publisher: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class Language:
    """A language by name as the source gives it and its ISO 639 code."""

    name: str
    code: str


@dataclass(frozen=True)
class Header:
    """Everything the source says about the document, for the TEI header."""

    title: str | None = None
    date: PartialDate | None = None
    date_text: str | None = None
    doc_number: str | None = None
    telegram_numbers: tuple[str, ...] = ()
    citation: Citation | None = None
    funder: str | None = None
    contributor: str | None = None
    publisher: str | None = None
    url: str | None = None
    archival_refs: tuple[ArchivalReference, ...] = ()
    summary: str | None = None
    original_language: Language | None = None
    #: the language of this text; ``und`` (undetermined) unless the source says or it is told
    text_language: Language = field(default_factory=lambda: Language("Undetermined", "und"))
    actions: tuple[CorrespAction, ...] = ()
    translator: str | None = None
    #: the archive's file number and the kind its source note gives (``893.51/7427``)
    file_number: str | None = None
    source_note: str | None = None


@dataclass(frozen=True)
class ReaderWarning:
    """Something the reader could not find or classify; reported, never fatal by itself."""

    message: str
    line: int | None = None
    #: a short stable name (``no-sender``) that ``--quiet-warning`` can silence; see
    #: :mod:`tei.warning_kinds` for the list
    kind: str = "other"


@dataclass(frozen=True)
class Telegram:
    """A whole document: header, body, what the reader warned about, and who is who.

    ``persons`` are the authority entries its ``person_id`` values point at, resolved once when
    reading (:func:`tei.transforms.read`); a model built by hand lists them itself.
    """

    header: Header
    body: Body
    source_name: str = "<input>"
    layout: str = "generic"
    warnings: tuple[ReaderWarning, ...] = ()
    persons: tuple[KnownPerson, ...] = ()
