"""The fast paths of the project level give the same answers as the reference ones.

``tei validate`` takes libxml2's acceptance of telegram.xsd as final and hands any document
libxml2 refuses to xmlschema, whose verdict stands (:mod:`tei.validators.xsd`); it compiles
Schematron with the skeleton's keyed context selection
(:class:`tei.validators.schematron.KeyedSchematron`). Both are speed-ups that must not change a
verdict or a finding. So: libxml2 must never accept what
xmlschema refuses, checked on every document the suite has, on a thousand mutants of them, and
on generated values of every typed attribute (dates, pointers, names, codes, words), where two
XSD engines are most likely to part; and the keyed Schematron must report exactly what lxml's
default compilation reports.
"""

from __future__ import annotations

import copy
from functools import cache

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree, isoschematron

from tei.diagnostics import Severity
from tei.errors import XmlInputError
from tei.io.xmlio import XML_NS, parse_xml
from tei.validators.schematron import KeyedSchematron, embedded_tei_rules, project_schematron
from tei.validators.validate import iter_diagnostics
from tei.validators.xsd import compiled_schema, project_schema
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
#: mutants in the full comparisons (marked slow: CI runs them, ``-m "not slow"`` skips them)
MUTANTS = 1000
#: mutants in the sampled comparisons every run makes
SAMPLE = 100
#: each comparison on the sample, and on every mutant as a slow test
SIZES = [SAMPLE, pytest.param(MUTANTS, marks=pytest.mark.slow, id="all-mutants")]


@cache
def corpus(count: int = SAMPLE) -> dict[str, etree._ElementTree]:
    """Every document of the suite that parses, and ``count`` mutants of them (valid and not)."""
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
    for number, data in enumerate(mutants(telegrams, count, seed=7)):
        trees[f"mutant-{number:04d}.xml"] = parse_xml(data)
    return trees


def xsd_verdicts(tree: etree._ElementTree) -> tuple[bool, bool]:
    """(libxml2's verdict, xmlschema's verdict) on telegram.xsd."""
    return compiled_schema().validate(tree), project_schema().is_valid(tree)


@pytest.mark.parametrize("count", SIZES)
def test_libxml2_and_xmlschema_agree_on_every_document_and_mutant(count: int) -> None:
    trees = corpus(count)
    verdicts = {name: xsd_verdicts(tree) for name, tree in trees.items()}
    disagree = {name: pair for name, pair in verdicts.items() if pair[0] != pair[1]}
    # the one known difference, in the broken corpus on purpose: xmlschema strips U+00A0
    assert disagree == {"type-with-no-break-space.xml": (False, True)}, disagree
    valid = sum(libxml2 for libxml2, _ in verdicts.values())
    # the comparison means something only if both verdicts are common
    assert valid >= len(verdicts) // 5 and len(verdicts) - valid >= len(verdicts) // 4, (
        valid,
        len(verdicts),
    )


def _attribute_targets() -> list[tuple[str, str]]:
    """(XPath to an element of valid.xml, attribute) for each typed attribute it has."""
    return [
        ("//tei:correspAction[@type='sent']/tei:date", "when"),
        ("(//tei:dateline/tei:date)[1]", "when"),
        ("//tei:correspAction[@type='sent']", "type"),
        ("(//tei:persName[@ref])[1]", "ref"),
        ("//tei:locusGrp", "corresp"),
        ("(//tei:person[@source])[1]", "source"),
        ("/tei:TEI", f"{{{XML_NS}}}lang"),
        ("/tei:TEI", f"{{{XML_NS}}}id"),
        ("//tei:msIdentifier", f"{{{XML_NS}}}id"),
        ("//tei:textLang", "mainLang"),
        ("//tei:language", "ident"),
        ("(//tei:supplied)[1]", "reason"),
        ("(//tei:editorialDecl//tei:item)[1]", "n"),
        ("//tei:application", "ident"),
        ("//tei:application", "version"),
        ("(//tei:div)[1]", "type"),
        ("//tei:locus", "from"),
        ("//tei:locus", "to"),
        ("//tei:idno[@type='delo']", "type"),
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
def test_libxml2_never_accepts_an_attribute_value_xmlschema_refuses(target, value: str) -> None:
    path, attribute = target
    tree = copy.deepcopy(corpus()["valid.xml"])
    element = tree.xpath(path, namespaces={"tei": "http://www.tei-c.org/ns/1.0"})[0]
    element.set(attribute, value)
    libxml2, xmlschema = xsd_verdicts(tree)
    assert xmlschema or not libxml2, f"libxml2 accepts {attribute}={value!r}; xmlschema does not"


def test_the_attribute_targets_exist() -> None:
    tree = corpus()["valid.xml"]
    for path, attribute in TARGETS:
        found = tree.xpath(path, namespaces={"tei": "http://www.tei-c.org/ns/1.0"})
        assert len(found) == 1 and found[0].get(attribute) is not None, (path, attribute)


@pytest.mark.parametrize(
    ("attribute", "value"),
    [
        ("from", "\u0378"),  # unassigned (Cn): libxml2 has no table of them
        ("from", "\U00106d7e"),  # private use (Co) in plane 16
        ("ref", "#\u0133"),  # ij ligature: an NCName by XML 1.0 5th edition, not by the 4th
        ("ref", "#\u023a"),  # a letter of Unicode 4.1, after libxml2's name tables
    ],
)
def test_the_values_where_libxml2_and_xmlschema_once_parted_now_agree(
    attribute: str, value: str
) -> None:
    tree = copy.deepcopy(corpus()["valid.xml"])
    target = dict((a, p) for p, a in TARGETS)[attribute]
    tree.xpath(target, namespaces={"tei": "http://www.tei-c.org/ns/1.0"})[0].set(attribute, value)
    libxml2, xmlschema = xsd_verdicts(tree)
    assert libxml2 == xmlschema


def _refused_by_libxml2_alone(old: bytes, new: str) -> list:
    """valid.xml with one change that only libxml2 refuses, and its XSD findings."""
    data = (BROKEN / "valid.xml").read_bytes().replace(old, new.encode(), 1)
    assert xsd_verdicts(parse_xml(data)) == (False, True)
    return [d for d in iter_diagnostics("valid.xml", data) if d.origin == "xsd"]


def test_a_no_break_space_xmlschema_collapses_is_refused_and_named() -> None:
    # xmlschema collapses white space by Python's rules (U+00A0 included), libxml2 by XML's
    found = _refused_by_libxml2_alone(b'type="sent"', 'type="\u00a0sent"')
    assert [(d.line, d.column, d.severity) for d in found] == [(56, 9, Severity.ERROR)]
    assert found[0].message.startswith("<correspAction> has type='\\xa0sent', which is not")
    assert "U+00A0 (NO-BREAK SPACE)" in found[0].message


def test_a_name_outside_xsd_1_0s_name_tables_is_refused_with_libxml2s_words() -> None:
    found = _refused_by_libxml2_alone(b'ident="telegram-tei"', 'ident="telegram-tei-\u0133"')
    assert [(d.line, d.column, d.severity) for d in found] == [(36, 9, Severity.ERROR)]
    assert found[0].message.startswith("<application> has ident='telegram-tei-\u0133'")
    assert "which is not allowed — write an XML name: letters, digits" in found[0].message


def findings(schematron: isoschematron.Schematron, tree: etree._ElementTree) -> list[tuple]:
    """Every failed assert and successful report: kind, rule id, location and message."""
    schematron.validate(tree)
    return [
        (f.tag, f.get("id"), f.get("location"), " ".join("".join(f.itertext()).split()))
        for f in schematron.validation_report.iter(
            f"{SVRL}failed-assert", f"{SVRL}successful-report"
        )
    ]


def _compare(
    keyed: isoschematron.Schematron, reference: isoschematron.Schematron, count: int = SAMPLE
) -> int:
    found = 0
    for name, tree in corpus(count).items():
        fast = findings(keyed, tree)
        assert fast == findings(reference, tree), name
        found += len(fast)
    return found


def test_the_keyed_compilation_is_the_one_in_use() -> None:
    # KeyedSchematron overrides lxml's Schematron._compile: should lxml stop calling it, the
    # rules would still be right but slow again; this says so
    validator = project_schematron().validator_xslt
    xsl = "{http://www.w3.org/1999/XSL/Transform}"
    walks = [
        walk
        for pattern in validator.iter(f"{SVRL}active-pattern")
        for walk in pattern.iter(f"{xsl}apply-templates")
    ]
    assert walks == []  # no idle default-mode walk is left in any pattern
    selects = [e.get("select") or "" for e in validator.iter(f"{xsl}apply-templates")]
    assert sum(select.startswith("key('M'") for select in selects) >= 8  # one per pattern
    assert not list(validator.iter(f"{SVRL}fired-rule"))


@pytest.mark.parametrize("count", SIZES)
def test_keyed_compilation_finds_what_lxml_finds_with_the_project_rules(count: int) -> None:
    schema = etree.parse(str(TESTS.parent / "schemas" / "telegram.sch"))
    reference = isoschematron.Schematron(schema, store_report=True)
    assert isinstance(project_schematron(), KeyedSchematron)
    assert project_schematron().schematron is not None
    # findings were compared, not none
    assert _compare(project_schematron(), reference, count) >= (100 if count == MUTANTS else 40)


@needs_jing
@pytest.mark.parametrize("count", SIZES)
def test_keyed_compilation_finds_what_lxml_finds_with_tei_alls_embedded_rules(count: int) -> None:
    from tei.validators.relaxng import find_tei_all

    assert jing_available()
    keyed = embedded_tei_rules(find_tei_all()).schematron
    reference = isoschematron.Schematron(keyed.schematron, store_report=True)
    assert _compare(keyed, reference, count) >= (10 if count == MUTANTS else 3)


def test_a_valid_document_is_never_handed_to_xmlschema(monkeypatch) -> None:
    import tei.validators.xsd

    def refuse(*arguments: object) -> None:
        raise AssertionError("xmlschema was asked about a valid document")

    monkeypatch.setattr(tei.validators.xsd, "_xmlschema_findings", refuse)
    data = (BROKEN / "valid.xml").read_bytes()
    assert list(iter_diagnostics("valid.xml", data)) == []


def test_an_applications_ident_gets_the_hint_for_a_name_not_for_a_language() -> None:
    data = (BROKEN / "valid.xml").read_bytes().replace(b'ident="telegram-tei"', b'ident="1tei"')
    assert xsd_verdicts(parse_xml(data)) == (False, False)  # xmlschema explains this one
    found = [d for d in iter_diagnostics("valid.xml", data) if d.origin == "xsd"]
    assert len(found) == 1 and "write an XML name" in found[0].message


def test_what_only_libxml2_refuses_is_reported_beside_what_both_refuse() -> None:
    data = (BROKEN / "valid.xml").read_bytes()
    data = data.replace(b'type="transmitted"', 'type="\u00a0transmitted"'.encode(), 1)
    data = data.replace(b"<salute>", b"<salut>", 1).replace(b"</salute>", b"</salut>", 1)
    found = [d for d in iter_diagnostics("valid.xml", data) if d.origin == "xsd"]
    assert len(found) == 2, found
    assert "U+00A0 (NO-BREAK SPACE)" in found[0].message  # libxml2 alone, on line 60
    assert "<salut> is not an element of telegram-tei's TEI" in found[1].message


def test_a_no_break_space_in_an_xml_id_is_named_not_hidden() -> None:
    data = (
        (BROKEN / "valid.xml")
        .read_bytes()
        .replace(b'xml:id="kuznetsov"', 'xml:id="kuznetsov\u00a0"'.encode(), 1)
    )
    (found,) = list(iter_diagnostics("valid.xml", data))
    assert found.message.startswith("xml:id='kuznetsov\\xa0' is not a name (NCName): it holds")
    assert "U+00A0 (NO-BREAK SPACE)" in found.message


@pytest.mark.parametrize(
    "edits",
    [
        # a no-break space xmlschema strips, beside an error both engines see elsewhere
        [(b'<div type="telegram">', '<div type="telegram\u00a0">')],
        # ... on an element whose child has an error both see
        [(b'<correspAction type="transmitted">', '<correspAction type="\u00a0transmitted">')],
        # ... on the same element as an error both see, in another attribute
        [(b'role="boss" ref="#terebin"', 'role="boss" ref="#terebin\u00a0"')],
    ],
)
def test_no_refusal_of_libxml2_is_lost_beside_xmlschemas(edits) -> None:
    data = (BROKEN / "valid.xml").read_bytes()
    data = data.replace(b'<supplied reason="explanation">', b'<supplied reason="guess">', 1)
    data = data.replace(b'<persName role="sender"', b'<persName role="boss"', 1)
    for old, new in edits:
        assert old in data
        data = data.replace(old, new.encode(), 1)
    found = [d.message for d in iter_diagnostics("valid.xml", data) if d.origin == "xsd"]
    assert sum("U+00A0 (NO-BREAK SPACE)" in m for m in found) == 1, found
    assert sum("reason='guess'" in m for m in found) == 1, found  # each problem once
    assert sum("role='boss'" in m for m in found) == 1, found
    assert [m for m in found if "facet" in m] == []  # libxml2's raw words never leak
