"""The broken documents of the corpus: what changes in valid.xml, and who must reject it.

Each case names the change (old text → new text, applied once), the rule it breaks, and for
each level that must reject it: the check that does (origin), the line (where ``marker`` first
occurs in the broken file) and a fragment of the message. Levels listed in ``accepted`` must
find no error: that is where telegram-tei is stricter than tei_all. This module holds the cases
about the XML, the document and its header; cases_body.py those about the text.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Case:
    """One broken document: what changes, and who must reject it where."""

    name: str
    rule: str
    old: str
    new: str
    marker: str
    #: level → (origin, message fragment); the line is the marker's
    rejected: dict[str, tuple[str, str]]
    accepted: tuple[str, ...] = ()
    #: a different line for a level (jing reports some problems where it notices them)
    lines: dict[str, str] = field(default_factory=dict)
    #: further (old, new) changes that belong to the same break (a renamed end tag)
    also: tuple[tuple[str, str], ...] = ()
    #: how many errors a level finds, where not exactly one (the break has knock-on effects)
    errors: dict[str, int] = field(default_factory=dict)


XSD = "xsd"
SCH = "schematron"
JING = "tei_all"
XML = "xml"
TEI_SCH = "tei_all-schematron"


DOCUMENT_CASES = (
    # --- the XML itself: refused at every level, before any schema
    Case(
        "not-well-formed",
        "the document is well-formed XML",
        "<p>I received your telegram of January 10.</p>",
        "<p>I received your telegram of January 10.</b>",
        "I received your telegram",
        {"project": (XML, "Opening and ending tag mismatch"), "tei": (XML, "ending tag")},
    ),
    Case(
        "xml-id-not-ncname",
        "an xml:id is an NCName",
        '<person xml:id="terebin">',
        '<person xml:id="1terebin">',
        'xml:id="1terebin"',
        {"project": (XML, "is not a name (NCName)"), "tei": (XML, "NCName")},
    ),
    Case(
        "xml-id-twice",
        "an xml:id is unique",
        '<person xml:id="kuznetsov">',
        '<person xml:id="terebin">',
        '<person xml:id="terebin">\n        <persName>Kuznetsov',
        {"project": (XML, "is given twice"), "tei": (XML, "given twice")},
    ),
    Case(
        "external-entity",
        "no DTD, no entities (safety: an external entity could read local files)",
        '<?xml version="1.0" encoding="UTF-8"?>\n',
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<!DOCTYPE TEI [<!ENTITY secret SYSTEM "file:///etc/passwd">]>\n',
        "<!DOCTYPE TEI",
        {"project": (XML, "refused for safety"), "tei": (XML, "refused for safety")},
    ),
    # --- what the document is: TEI, in TEI's namespace
    Case(
        "wrong-namespace",
        "TEI elements are in the TEI namespace",
        'xmlns="http://www.tei-c.org/ns/1.0"',
        'xmlns="http://www.tei-c.org/ns/2.0"',
        "<TEI ",
        {"project": (XSD, "is in the namespace"), "tei": (JING, 'element "TEI" not allowed here')},
    ),
    Case(
        "no-namespace",
        "TEI elements are in the TEI namespace",
        ' xmlns="http://www.tei-c.org/ns/1.0"',
        "",
        "<TEI ",
        {"project": (XSD, "is in no namespace"), "tei": (JING, 'element "TEI" not allowed here')},
    ),
    Case(
        "root-not-tei",
        "the root element is TEI",
        '<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="en" xml:id="doc-112663">',
        '<text xmlns="http://www.tei-c.org/ns/1.0" xml:lang="en" xml:id="doc-112663">',
        '<text xmlns="http://www.tei-c.org/ns/1.0"',
        {
            "project": (XSD, "the root element is <text>, not <TEI>"),
            "tei": (JING, 'element "text" not allowed here'),
        },
        also=(("</TEI>", "</text>"),),
        # jing refuses the root and then each child the root would have allowed
        errors={"tei": 5},
    ),
    Case(
        "unknown-element",
        "only elements TEI has",
        "<p>I received your telegram of January 10.</p>",
        "<p>I received your <telegram>telegram</telegram> of January 10.</p>",
        "I received your",
        {
            "project": (XSD, "<telegram> is not an element"),
            "tei": (JING, 'element "telegram" not allowed anywhere'),
        },
    ),
    Case(
        "element-not-in-project",
        "only the elements telegram-tei uses (hi is TEI, but not ours)",
        "<p>I received your telegram of January 10.</p>",
        '<p>I received your <hi rend="bold">telegram</hi> of January 10.</p>',
        "I received your",
        {"project": (XSD, "<hi> is not an element of telegram-tei")},
        accepted=("tei",),
    ),
    Case(
        "text-in-element-only",
        "no text where TEI has element-only content",
        "<listPerson>",
        "<listPerson>Persons:",
        "<listPerson>",
        {
            "project": (XSD, "holds text between its elements"),
            "tei": (JING, "text not allowed here"),
        },
        lines={"tei": '<person xml:id="mao-zedong"'},  # jing notices the text where it ends
    ),
    Case(
        "misplaced-element",
        "elements in the project's order",
        """      <abstract>
        <p>Mao answers Stalin's telegrams on the Nanjing peace proposal.</p>
      </abstract>
      <langUsage>
        <language ident="en">English</language>
      </langUsage>""",
        """      <langUsage>
        <language ident="en">English</language>
      </langUsage>
      <abstract>
        <p>Mao answers Stalin's telegrams on the Nanjing peace proposal.</p>
      </abstract>""",
        "<abstract>",
        {"project": (XSD, "<abstract> is not allowed here in <profileDesc>")},
        accepted=("tei",),
    ),
    # --- header content the project requires or types
    Case(
        "missing-correspdesc",
        "profileDesc has a correspDesc",
        """      <correspDesc>
        <correspAction type="sent">
          <persName ref="#mao-zedong">Mao Zedong</persName>
          <date when="1949-01-12"/>
        </correspAction>
        <correspAction type="transmitted">
          <persName role="sender" ref="#terebin">Terebin</persName>
          <persName role="addressee" ref="#kuznetsov">Kuznetsov</persName>
          <date when="1949-01-13"/>
        </correspAction>
        <correspAction type="received">
          <persName ref="#stalin">Filippov</persName>
          <date when="1949-01"/>
        </correspAction>
      </correspDesc>
""",
        "",
        "<profileDesc>",
        {"project": (XSD, "add <correspDesc>")},
        accepted=("tei",),
    ),
    Case(
        "impossible-date",
        "dates exist in the calendar",
        '<date when="1949-01-13">January 13, 1949</date>',
        '<date when="1949-02-30">January 13, 1949</date>',
        "1949-02-30",
        {
            "project": (XSD, "ISO 8601 date that exists"),
            "tei": (JING, 'value of attribute "when" is invalid'),
        },
    ),
    Case(
        "date-not-iso",
        "dates are ISO 8601",
        '<date when="1949-01-13"/>',
        '<date when="13 January 1949"/>',
        "13 January 1949",
        {
            "project": (XSD, "write an ISO 8601 date"),
            "tei": (JING, 'value of attribute "when" is invalid'),
        },
    ),
    Case(
        "date-with-time-zone",
        "dates without time or zone (the project's subset of W3C dates)",
        '<date when="1949-01-13"/>',
        '<date when="1949-01-13Z"/>',
        "1949-01-13Z",
        {"project": (XSD, "when='1949-01-13Z'")},
        accepted=("tei",),
    ),
    Case(
        "bad-language-code",
        "languages as ISO 639 codes",
        '<textLang mainLang="ru">',
        '<textLang mainLang="Russian">',
        'mainLang="Russian"',
        {"project": (XSD, "ISO 639 language code")},
        accepted=("tei",),
    ),
    Case(
        "bad-correspaction-type",
        "correspAction/@type from a closed list",
        '<correspAction type="received">',
        '<correspAction type="delivered">',
        'type="delivered"',
        {"project": (XSD, "use one of: sent, transmitted, received, redirected, forwarded")},
        accepted=("tei",),
    ),
    Case(
        "editorialdecl-unknown-key",
        "editorialDecl lists keys of the editorial vocabulary",
        '<item n="illegible">',
        '<item n="unreadable">',
        "<editorialDecl>",
        {"project": (XSD, "n='unreadable'")},
        accepted=("tei",),
        lines={"project": '<item n="unreadable">'},
        # the item is also missing under its real key, and the body uses that key
        errors={"project": 2},
    ),
    Case(
        "missing-required-attribute",
        "div/@type names the document kind",
        '<div type="telegram">',
        "<div>",
        "<div>",
        {"project": (XSD, "<div> has no type attribute, which it needs")},
        accepted=("tei",),
    ),
    Case(
        "attribute-not-allowed",
        "only the attributes the project uses",
        "<p>I received your telegram of January 10.</p>",
        '<p rend="bold">I received your telegram of January 10.</p>',
        "I received your telegram",
        {"project": (XSD, "<p> may not have the attribute rend")},
        accepted=("tei",),
    ),
    Case(
        "ms-identifier-without-repository",
        "msIdentifier names where the manuscript is (tei_all's own Schematron)",
        """            <repository>APRF</repository>
            <collection type="fond">45</collection>
            <collection type="opis">1</collection>
            <idno type="delo">330</idno>""",
        """            <idno type="delo">330</idno>""",
        '<msIdentifier xml:id="ms-1">',
        {
            "project": (XSD, "<idno> is not allowed here"),
            "tei": (TEI_SCH, "An msIdentifier must contain either a repository or location"),
        },
        lines={"project": '<idno type="delo">330', "tei": '<msIdentifier xml:id="ms-1">'},
    ),
)
