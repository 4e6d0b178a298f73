"""The editorial vocabulary: each encoding of a bracketed insertion and what it means.

This table is the one source of the vocabulary. The encoder writes the entries a document uses
into its ``editorialDecl``; everything else is a copy generated from it by
``scripts/generate_vocabulary.py`` (between ``BEGIN generated`` / ``END generated`` comments):
the ``editorialKey`` enumeration of ``schemas/telegram.xsd``, the Schematron rules of
``schemas/telegram.sch`` that check the header declares exactly what the body uses, and the
explanations ``converters/common.xsl`` shows readers. ``tests/test_vocabulary.py`` fails when a
copy drifts. Values follow EpiDoc where EpiDoc has one.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Encoding:
    """One way a bracketed insertion is encoded: element, distinguishing attribute and value."""

    key: str
    gi: str
    att: str | None
    val: str | None
    source: str
    #: what the encoding tells a reader: shown by the renderings, opens the editorialDecl entry
    meaning: str
    #: how the TEI carries it, for the editorialDecl only (renderings do not show it)
    detail: str | None = None

    @property
    def declaration(self) -> str:
        """The entry's text in a document's ``editorialDecl``."""
        return f"{self.meaning}; {self.detail}" if self.detail else self.meaning

    @property
    def body_xpath(self) -> str:
        """An XPath 1.0 step (prefix ``tei``) that selects this encoding in the body."""
        if self.gi == "choice" and self.val:
            return f"tei:choice[tei:{self.val.split('+')[0]}]"
        if self.att:
            return f"tei:{self.gi}[@{self.att}='{self.val}']"
        return f"tei:{self.gi}"

    @property
    def element_label(self) -> str:
        """The element as a message names it: ``<supplied reason="omitted">``."""
        if self.gi == "choice" and self.val:
            first, second = self.val.split("+")
            return f"<choice> of <{first}> and <{second}>"
        if self.att:
            return f'<{self.gi} {self.att}="{self.val}">'
        return f"<{self.gi}>"


ENCODINGS: tuple[Encoding, ...] = (
    Encoding(
        "omission",
        "ellipsis",
        None,
        None,
        "[....], [...], […]",
        "the published text marks an omitted passage",
        "the exact mark is kept in metamark",
    ),
    Encoding(
        "illegible",
        "gap",
        "reason",
        "illegible",
        "[illegible]",
        "the editor could not read the original",
    ),
    Encoding(
        "explanation",
        "supplied",
        "reason",
        "explanation",
        "Filippov [Stalin]",
        "the editor explains a pseudonym, a name or a term",
        "the name is a persName whose @ref points to the person in standOff",
    ),
    Encoding(
        "abbreviation",
        "choice",
        None,
        "abbr+expan",
        "CC [Central Committee]",
        "the editor expands an abbreviation",
    ),
    Encoding(
        "regularisation",
        "choice",
        None,
        "orig+reg",
        "Chiang Kai-shek [Jiang Jieshi]",
        "the editor gives the modern spelling of a name",
    ),
    Encoding(
        "subaudible",
        "supplied",
        "reason",
        "subaudible",
        "[which is]",
        "words the editor supplies for sense",
    ),
    Encoding(
        "omitted", "supplied", "reason", "omitted", "Com[rade]", "the editor completes a word"
    ),
    Encoding(
        "undefined",
        "supplied",
        "reason",
        "undefined",
        "[…anything else…]",
        "an insertion the converter could not classify",
        "kept and reported as a warning",
    ),
    Encoding(
        "uncertain",
        "unclear",
        None,
        None,
        "word [?]",
        "the editor is unsure of the word before the mark",
    ),
    Encoding("sic", "sic", None, None, "word [sic]", "an error kept as in the original"),
    Encoding(
        "note-editorial",
        "note",
        "type",
        "editorial",
        "[Translator's note: …]",
        "an editorial comment, inline",
        "its text is the bracket's content verbatim",
    ),
    Encoding(
        "note-physical",
        "note",
        "type",
        "physical",
        "[signature], [Stamp: …]",
        "the editor describes the physical document",
        "@subtype names what",
    ),
)

ENCODINGS = (
    *ENCODINGS,
    Encoding(
        "footnote",
        "note",
        "type",
        "footnote",
        "a footnote marker glued to a word (Adler28) and the note at the page's end",
        "a footnote of the printed edition, placed where its marker stands",
        "@place='foot', @n is the printed marker",
    ),
    Encoding(
        "page",
        "pb",
        None,
        None,
        "[Page 499]",
        "a page of the printed volume begins here",
        "@n is its number",
    ),
    Encoding(
        "received",
        "seg",
        "type",
        "received",
        "[Received March 5—9:33 a.m.]",
        "when the telegram was received, as the editors give it",
        "its date, with the time, is in @when and in the correspAction of type received",
    ),
)

BY_KEY = {encoding.key: encoding for encoding in ENCODINGS}
