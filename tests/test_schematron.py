"""tei.validators.schematron alone: which rules are XPath 1.0, and located findings."""

from __future__ import annotations

import pytest
from lxml import etree

from tei.diagnostics import Severity
from tei.io.xmlio import parse_xml
from tei.validators.locate import SourceText
from tei.validators.schematron import (
    KeyedSchematron,
    project_schematron,
    schematron_diagnostics,
    xpath2_reason,
)
from tests.validation_support import BROKEN, needs_jing

SCH = "http://purl.oclc.org/dsdl/schematron"


def pattern(test: str, context: str = "tei:p") -> etree._Element:
    return etree.fromstring(
        f'<pattern xmlns="{SCH}"><rule context="{context}">'
        f'<assert test="{test}">x</assert></rule></pattern>'
    )


@pytest.mark.parametrize(
    ("test", "reason"),
    [
        ("string-length(.) gt 0", "XPath 2.0 operator 'gt'"),
        ("@a eq 'x'", "XPath 2.0 operator 'eq'"),
        ("tokenize(@points, ' ')", "XPath 2.0 function tokenize()"),
        ("matches(., '^a')", "XPath 2.0 function matches()"),
        ("current-date() &gt; xs:date('1900-01-01')", "XPath 2.0 function current-date()"),
        ("namespace-uri() = ('a', 'b')", "XPath 2.0 sequence (a, b)"),
        ("@n cast as xs:integer", "XPath 2.0 operator 'cast'"),
        ("every $x in tei:a satisfies $x/@n", "XPath 2.0 (not XPath 1.0: unexpected unparsed"),
        ("if (@a) then 1 else 2", "XPath 2.0 function if()"),
    ],
)
def test_xpath2_is_recognised(test: str, reason: str) -> None:
    found = xpath2_reason(pattern(test))
    assert found is not None and found.startswith(reason), found


@pytest.mark.parametrize(
    "test",
    [
        "@mode = 'eq' and @to",  # words in strings, attributes named like operators
        "count(tei:lem) &lt; 2 and contains(@a, ' ')",
        "id(@target)/@n = 1",  # a path after a function call is XPath 1.0
        "(tei:a | tei:b)/@n",  # and after a parenthesised union
        "current()/@n = key('k', @n)/@n",  # XSLT 1.0's own functions
        "generate-id() = generate-id(../tei:p[1])",
        "tei:is and tei:to",  # element names, not operators
    ],
)
def test_xpath1_is_kept(test: str) -> None:
    assert xpath2_reason(pattern(test)) is None


def test_a_query_binding_other_than_xslt_is_a_reason() -> None:
    element = pattern("true()")
    element.set("queryBinding", "xslt2")
    assert xpath2_reason(element) == "queryBinding xslt2"


def test_findings_are_located_at_their_elements_with_their_role() -> None:
    schema = etree.fromstring(
        f"""<schema xmlns="{SCH}" queryBinding="xslt"><ns prefix="t" uri="urn:t"/>
        <pattern><rule context="t:b"><assert test="@n">b needs @n</assert></rule></pattern>
        <pattern><rule context="t:c"><report test="true()" role="warning">c seen</report></rule>
        </pattern></schema>"""
    )
    data = b'<a xmlns="urn:t">\n  <b/> <b n="1"/>\n    <c/><b/>\n</a>\n'
    found = list(
        schematron_diagnostics(
            KeyedSchematron(schema), parse_xml(data, "a.xml"), "a.xml", SourceText(data), "sch"
        )
    )
    assert [(d.line, d.column, d.severity, d.message) for d in found] == [
        (2, 3, Severity.ERROR, "b needs @n"),
        (3, 9, Severity.ERROR, "b needs @n"),
        (3, 5, Severity.WARNING, "c seen"),
    ]


def test_the_project_rules_accept_the_corpus_base_and_refuse_a_broken_file() -> None:
    rules = project_schematron()
    valid = (BROKEN / "valid.xml").read_bytes()
    assert list(schematron_diagnostics(rules, parse_xml(valid), "v", SourceText(valid), "s")) == []
    broken = (BROKEN / "unresolved-ref.xml").read_bytes()
    found = list(schematron_diagnostics(rules, parse_xml(broken), "b", SourceText(broken), "s"))
    assert len(found) == 1 and found[0].severity is Severity.ERROR


@needs_jing
def test_the_choice_of_tei_alls_rules_is_made_once_and_kept(tmp_path, monkeypatch) -> None:
    from tei.validators import rule_choice, schematron
    from tei.validators.relaxng import find_tei_all
    from tei.validators.xsd import CACHE_ENV

    monkeypatch.setenv(CACHE_ENV, str(tmp_path))
    tei_all = str(find_tei_all())
    first = schematron._embedded_tei_rules.__wrapped__(tei_all)
    [kept] = tmp_path.glob("tei-all-rules-*.json")
    assert rule_choice.load(tei_all) == (first.kept, first.skipped)

    def refuse(*_arguments):
        raise AssertionError("chose again although the choice was kept")

    monkeypatch.setattr(schematron, "_choose", refuse)
    again = schematron._embedded_tei_rules.__wrapped__(tei_all)
    assert (again.kept, again.skipped) == (first.kept, first.skipped)
    assert again.schematron is not None
    kept.write_text("{not json", "utf-8")  # damaged: chosen again, and kept again
    assert rule_choice.load(tei_all) is None
    monkeypatch.undo()
    monkeypatch.setenv(CACHE_ENV, str(tmp_path))
    assert schematron._embedded_tei_rules.__wrapped__(tei_all).kept == first.kept
    assert rule_choice.load(tei_all) == (first.kept, first.skipped)
    kept.chmod(0o666)  # anyone could have written it: not trusted
    assert rule_choice.load(tei_all) is None
