"""The fast paths of the project level give the same answers as the reference ones.

``tei validate`` lets libxml2 decide whether a document meets telegram.xsd and asks xmlschema
only to explain a refusal (:mod:`tei.xsd`); it compiles Schematron with the skeleton's keyed
context selection (:class:`tei.schematron.KeyedSchematron`). Both are speed-ups that must not
change a verdict or a finding, so both are compared here with the reference on every document
the suite has, on a thousand mutants of them, and on generated attribute values that probe the
typed facets (dates, pointers, language codes, closed lists), where two XSD engines are most
likely to part.
"""

from __future__ import annotations

import copy
from functools import cache

from hypothesis import given
from hypothesis import strategies as st
from lxml import etree, isoschematron

from tei.errors import XmlInputError
from tei.schematron import KeyedSchematron, embedded_tei_rules, project_schematron
from tei.validate import iter_diagnostics
from tei.xmlio import XML_NS, parse_xml
from tei.xsd import compiled_schema, project_schema
from tests.validation_support import (
    BROKEN,
    TESTS,
    generated_tei,
    golden_tei,
    jing_available,
    mutants,
    needs_jing,
)

SVRL = "{http://purl.oclc.org/dsdl/svrl}"
MUTANTS = 1000


@cache
def corpus() -> dict[str, etree._ElementTree]:
    """Every document of the suite that parses, and mutants of them (valid and not)."""
    sources = {
        **golden_tei(),
        **generated_tei(),
        **{p.name: p.read_bytes() for p in sorted(BROKEN.glob("*.xml"))},
        **{p.name: p.read_bytes() for p in sorted((TESTS / "foreign").glob("*.xml"))},
    }
    trees = {}
    for name, data in sources.items():
        try:
            trees[name] = parse_xml(data, name)
        except XmlInputError:
            continue
    telegrams = [etree.tostring(tree) for name, tree in trees.items() if name.startswith("gen")]
    telegrams += list(golden_tei().values())
    for number, data in enumerate(mutants(telegrams, MUTANTS, seed=7)):
        trees[f"mutant-{number:04d}.xml"] = parse_xml(data)
    return trees


def xsd_verdicts(tree: etree._ElementTree) -> tuple[bool, bool]:
    """(libxml2's verdict, xmlschema's verdict) on telegram.xsd."""
    return compiled_schema().validate(tree), project_schema().is_valid(tree)


def test_libxml2_and_xmlschema_agree_on_every_document_and_mutant() -> None:
    trees = corpus()
    verdicts = {name: xsd_verdicts(tree) for name, tree in trees.items()}
    disagree = {name: pair for name, pair in verdicts.items() if pair[0] != pair[1]}
    assert disagree == {}, f"libxml2 and xmlschema disagree (libxml2, xmlschema): {disagree}"
    valid = sum(libxml2 for libxml2, _ in verdicts.values())
    # the comparison means something only if both verdicts are common
    assert valid >= 200 and len(verdicts) - valid >= 300, (valid, len(verdicts))


def _attribute_targets() -> list[tuple[str, str]]:
    """(XPath to an element of valid.xml, attribute) for each typed attribute it has."""
    return [
        ("//tei:correspAction[@type='sent']/tei:date", "when"),
        ("//tei:correspAction[@type='sent']", "type"),
        ("(//tei:persName[@ref])[1]", "ref"),
        ("/tei:TEI", f"{{{XML_NS}}}lang"),
        ("//tei:textLang", "mainLang"),
        ("//tei:language", "ident"),
        ("(//tei:supplied)[1]", "reason"),
        ("(//tei:editorialDecl//tei:item)[1]", "n"),
        ("//tei:application", "version"),
        ("(//tei:div)[1]", "type"),
        ("(//tei:dateline/tei:date)[1]", "when"),
    ]


TARGETS = _attribute_targets()
#: values near the facets' edges: ISO dates real and impossible, pointers, codes, free text
DIGITS = st.text(alphabet="0123456789", min_size=1, max_size=5)
#: characters an attribute may hold (no surrogates, no control characters but tab and newline)
XML_CHARACTERS = st.one_of(
    st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufffe\uffff"),
    st.sampled_from("\t\n"),
)
VALUES = st.one_of(
    st.builds(lambda y, m, d: f"{y}-{m}-{d}", DIGITS, DIGITS, DIGITS),
    st.builds(lambda y, m: f"{y}-{m}", DIGITS, DIGITS),
    st.builds(
        lambda y, m, d: f"{y:04d}-{m:02d}-{d:02d}",
        st.integers(0, 9999),
        st.integers(0, 13),
        st.integers(0, 32),
    ),
    st.builds(lambda name: "#" + name, st.text(alphabet=XML_CHARACTERS, max_size=6)),
    st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCZ-_.:# \t\n0123456789", max_size=8),
    st.sampled_from(
        ["sent", "received", "explanation", "omitted", "illegible", "telegram", "point", "ru"]
    ),
    st.text(alphabet=XML_CHARACTERS, max_size=8),
)


@given(st.sampled_from(TARGETS), VALUES)
def test_libxml2_and_xmlschema_agree_on_any_attribute_value(target, value: str) -> None:
    path, attribute = target
    tree = copy.deepcopy(corpus()["valid.xml"])
    element = tree.xpath(path, namespaces={"tei": "http://www.tei-c.org/ns/1.0"})[0]
    element.set(attribute, value)
    libxml2, xmlschema = xsd_verdicts(tree)
    assert libxml2 == xmlschema, f"{attribute}={value!r}: libxml2 {libxml2}, xmlschema {xmlschema}"


def findings(schematron: isoschematron.Schematron, tree: etree._ElementTree) -> list[tuple]:
    """Every failed assert and successful report: kind, rule id, location and message."""
    schematron.validate(tree)
    return [
        (f.tag, f.get("id"), f.get("location"), " ".join("".join(f.itertext()).split()))
        for f in schematron.validation_report.iter(
            f"{SVRL}failed-assert", f"{SVRL}successful-report"
        )
    ]


def _compare(keyed: isoschematron.Schematron, reference: isoschematron.Schematron) -> int:
    found = 0
    for name, tree in corpus().items():
        fast = findings(keyed, tree)
        assert fast == findings(reference, tree), name
        found += len(fast)
    return found


def test_keyed_compilation_finds_what_lxml_finds_with_the_project_rules() -> None:
    schema = etree.parse(str(TESTS.parent / "schemas" / "telegram.sch"))
    reference = isoschematron.Schematron(schema, store_report=True)
    assert isinstance(project_schematron(), KeyedSchematron)
    assert project_schematron().schematron is not None
    assert _compare(project_schematron(), reference) >= 100  # findings were compared, not none


@needs_jing
def test_keyed_compilation_finds_what_lxml_finds_with_tei_alls_embedded_rules() -> None:
    from tei.relaxng import find_tei_all

    assert jing_available()
    keyed = embedded_tei_rules(find_tei_all()).schematron
    reference = isoschematron.Schematron(keyed.schematron, store_report=True)
    assert _compare(keyed, reference) >= 10


def test_a_refusal_xmlschema_cannot_explain_is_reported_with_libxml2s_words(monkeypatch) -> None:
    import tei.xsd

    monkeypatch.setattr(tei.xsd, "_xmlschema_diagnostics", lambda tree, source, text: iter(()))
    data = (BROKEN / "impossible-date.xml").read_bytes()
    diagnostics = [d for d in iter_diagnostics("impossible-date.xml", data) if d.origin == "xsd"]
    assert len(diagnostics) == 1
    assert diagnostics[0].line == 14
    assert "1949-02-30" in diagnostics[0].message and "libxml2" in diagnostics[0].message


def test_a_valid_document_is_never_handed_to_xmlschema(monkeypatch) -> None:
    import tei.xsd

    def refuse(*arguments: object) -> None:
        raise AssertionError("xmlschema was asked about a valid document")

    monkeypatch.setattr(tei.xsd, "_xmlschema_diagnostics", refuse)
    data = (BROKEN / "valid.xml").read_bytes()
    assert list(iter_diagnostics("valid.xml", data)) == []
