"""Schematron with lxml: the project's rules (telegram.sch) and those embedded in tei_all.

lxml runs ISO Schematron through the XSLT 1.0 skeleton, so only XPath 1.0 rules run. The
project's rules are written for that. tei_all's ODD embeds about eighty ``sch:pattern``s, many
in XPath 2.0 (``eq``, sequences, ``matches()``); :func:`embedded_tei_rules` keeps the patterns
that are XPath 1.0 (checked by parsing every expression with elementpath's XPath 1.0 parser,
then by compiling them) and lists the others with the reason, so ``docs/validation.md`` can say
exactly what the ``tei`` level checks. Running the rest would need an XSLT 2 processor (Saxon),
which would cost the fast start-up this command exists for.

A failure's SVRL ``location`` is an XPath to the element; it is evaluated on the document to
get the element's line, so every finding is located like the XSD's.

Both are compiled by :class:`KeyedSchematron`, which asks the ISO skeleton to find each
pattern's contexts through an ``xsl:key`` instead of walking the whole document once per
pattern, and drops a second walk per pattern that writes nothing. The findings are the same
(``tests/test_validation_engines.py`` compares them with lxml's default compilation on every
document of the suite and a thousand mutants); a telegram is checked in less than half the time
by the project's rules, and in a twentieth of it by tei_all's (``bench/bench_validate.py``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, ClassVar

from lxml import etree, isoschematron

from tei.diagnostics import Diagnostic, Severity
from tei.io.xmlio import TEI_NS, safe_parser
from tei.resources import schema_path
from tei.validators import rule_choice
from tei.validators.locate import SourceText, element_at

SCH_NS = "http://purl.oclc.org/dsdl/schematron"
SVRL_NS = "http://purl.oclc.org/dsdl/svrl"
_SCH = f"{{{SCH_NS}}}"
_SVRL = f"{{{SVRL_NS}}}"
#: Schematron roles that mean "not an error"
WARNING_ROLES = frozenset({"warning", "warn", "nonfatal", "info", "information"})

#: the functions XSLT 1.0 adds to XPath 1.0, with their numbers of arguments
XSLT1_FUNCTIONS: dict[str, int | tuple[int, int]] = {
    "current": 0,
    "document": (1, 2),
    "key": 2,
    "format-number": (2, 3),
    "generate-id": (0, 1),
    "system-property": 1,
    "element-available": 1,
    "function-available": 1,
    "unparsed-entity-uri": 1,
}
_EXPRESSION_ATTRIBUTES = {"context", "test", "value", "select", "path"}


@dataclass
class EmbeddedRules:
    """The Schematron of tei_all that lxml can run, and what was left out and why."""

    schematron: isoschematron.Schematron | None
    kept: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)


_XSL = "{http://www.w3.org/1999/XSL/Transform}"
#: the skeleton's parameters: contexts found through one xsl:key; no svrl:fired-rule elements
#: (nothing here reads them, and each costs an element in every report)
KEYED_PARAMS = {"select-contexts": "key", "generate-fired-rule": "false"}


class KeyedSchematron(isoschematron.Schematron):
    """lxml's ISO Schematron, compiled for speed with the same findings.

    The skeleton's ``select-contexts=key`` selects the nodes each pattern's rules apply to with
    an ``xsl:key`` (built in one pass) instead of a recursive walk per pattern. The skeleton also
    writes, in every ``svrl:active-pattern``, an ``apply-templates`` in the default mode, which
    walks the whole document and writes nothing (the skeleton's own comment says it "seems never
    triggered"); it is removed from the compiled validator.
    """

    def __init__(self, schema: etree._Element | etree._ElementTree) -> None:
        # the schema and the validator are kept (``.schematron``, ``.validator_xslt``) so the
        # tests can compile it lxml's way and compare, and see that _compile still takes effect
        # (it is a customisation point of lxml's class, not a documented one)
        super().__init__(
            schema,
            store_report=True,
            store_schematron=True,
            store_xslt=True,
            compile_params=KEYED_PARAMS,
        )

    @staticmethod
    def _compile(schematron: etree._ElementTree, **params: object) -> etree._ElementTree:
        validator = isoschematron.iso_svrl_for_xslt1(schematron, **params)
        for pattern in validator.iter(f"{_SVRL}active-pattern"):
            for walk in pattern.findall(f"{_XSL}apply-templates"):
                if walk.get("mode") is None and walk.get("select") is None:
                    pattern.remove(walk)
        return validator


@cache
def project_schematron() -> isoschematron.Schematron:
    """telegram.sch compiled once per process."""
    document = etree.parse(str(schema_path("telegram.sch")), safe_parser())
    return KeyedSchematron(document)


def schematron_diagnostics(
    schematron: isoschematron.Schematron,
    tree: etree._ElementTree,
    source: str,
    text: SourceText,
    origin: str,
) -> Iterator[Diagnostic]:
    """Run a compiled Schematron on ``tree``; one diagnostic per failed assert or report."""
    schematron.validate(tree)
    report = schematron.validation_report
    if report is None:
        return
    for finding in report.iter(f"{_SVRL}failed-assert", f"{_SVRL}successful-report"):
        message = " ".join("".join(finding.itertext()).split())
        role = (finding.get("role") or "").lower()
        severity = Severity.WARNING if role in WARNING_ROLES else Severity.ERROR
        line, column = text.position(element_at(tree, finding.get("location")))
        yield Diagnostic(message, source, line, column, severity, origin)


def embedded_tei_rules(tei_all: Path) -> EmbeddedRules:
    """The XPath 1.0 patterns embedded in tei_all.rng, compiled as one Schematron."""
    return _embedded_tei_rules(str(tei_all))


@cache
def _embedded_tei_rules(tei_all: str) -> EmbeddedRules:
    grammar = etree.parse(tei_all, safe_parser())
    namespaces = {
        ns.get("prefix"): ns.get("uri")
        for ns in grammar.iter(f"{_SCH}ns")
        if ns.get("prefix") and ns.get("uri")
    }
    namespaces.setdefault("tei", "http://www.tei-c.org/ns/1.0")
    patterns = {
        pattern.get("id") or f"pattern-{number}": pattern
        for number, pattern in enumerate(grammar.iter(f"{_SCH}pattern"), start=1)
    }
    choice = rule_choice.load(tei_all)
    if choice is None or not set(choice[0]) <= set(patterns):
        choice = _choose(namespaces, patterns)
        rule_choice.store(tei_all, choice)
    kept, skipped = choice
    result = EmbeddedRules(None, kept, skipped)
    if kept:
        result.schematron = KeyedSchematron(_schema(namespaces, [patterns[i] for i in kept]))
    return result


def _choose(namespaces: dict[str, str], patterns: dict[str, etree._Element]) -> rule_choice.Choice:
    """The patterns that are XPath 1.0 and compile as XSLT 1.0; the others with the reason."""
    skipped: list[tuple[str, str]] = []
    candidates: list[str] = []
    for ident, pattern in patterns.items():
        reason = xpath2_reason(pattern, namespaces)
        if reason is None:
            candidates.append(ident)
        else:
            skipped.append((ident, reason))
    # Compile all together (one XSLT compilation); only if that fails, find the culprits.
    together = [patterns[i] for i in candidates]
    if candidates and _compile_error(namespaces, together) is not None:
        compiling = []
        for ident in candidates:
            reason = _compile_error(namespaces, [patterns[ident]])
            if reason is None:
                compiling.append(ident)
            else:
                skipped.append((ident, reason))
        candidates = compiling
    return candidates, skipped


def xpath2_reason(pattern: etree._Element, namespaces: dict[str, str] | None = None) -> str | None:
    """Why a pattern needs more than XPath 1.0 (an operator, a sequence, a function), or None.

    Each expression is read by elementpath's XPath 1.0 parser, taught the functions XSLT 1.0
    adds (``current()``, ``key()`` …): what it cannot parse is not XPath 1.0, so the XSLT 1.0
    skeleton could not run it.
    """
    for element in pattern.iter():
        if element.get("queryBinding") not in (None, "xslt", "xslt1", "exslt"):
            return f"queryBinding {element.get('queryBinding')}"
        for name in sorted(_EXPRESSION_ATTRIBUTES & set(element.attrib)):
            reason = _not_xpath1(element.get(name), tuple(sorted((namespaces or {}).items())))
            if reason is not None:
                return reason
    return None


_UNKNOWN_FUNCTION = re.compile(r"unknown function '([^']+)'")
_UNEXPECTED_NAME = re.compile(r"unexpected name '([^']+)'")
_UNDECLARED = re.compile(r"prefix '([^']+)' is not declared")


def _not_xpath1(expression: str, namespaces: tuple[tuple[str, str], ...]) -> str | None:
    """elementpath's objection to ``expression`` as XPath 1.0, in the words of the docs."""
    message = _parse_error(expression, namespaces)
    if message is None:
        return None
    function = _UNKNOWN_FUNCTION.search(message)
    if function:
        return f"XPath 2.0 function {function.group(1)}()"
    word = _UNEXPECTED_NAME.search(message)
    if word:
        return f"XPath 2.0 operator {word.group(1)!r}"
    if "comma" in message:
        return "XPath 2.0 sequence (a, b)"
    return f"XPath 2.0 (not XPath 1.0: {message})"


def _parse_error(expression: str, namespaces: tuple[tuple[str, str], ...]) -> str | None:
    """What elementpath's XPath 1.0 parser says against ``expression``, or None.

    A prefix the grammar does not declare is for the XSLT compilation to refuse, not a sign of
    XPath 2.0: it is declared (to a placeholder) and the expression read again.
    """
    from elementpath import ElementPathError

    for _ in range(20):
        try:
            _xpath1_parser(namespaces).parse(expression)
        except ElementPathError as error:
            message = str(error.message)
            prefix = _UNDECLARED.search(message)
            if prefix is None:
                return message
            namespaces = (*namespaces, (prefix.group(1), f"urn:undeclared:{prefix.group(1)}"))
        else:
            return None
    return "too many undeclared prefixes"


@cache
def _xpath1_parser(namespaces: tuple[tuple[str, str], ...]) -> Any:
    """elementpath's XPath 1.0 parser with XSLT 1.0's functions (imported when first needed:
    only the ``tei`` level sorts tei_all's rules)."""
    from elementpath import XPath1Parser

    class XSLT1Parser(XPath1Parser):  # type: ignore[misc]
        symbol_table: ClassVar[dict[str, Any]] = dict(XPath1Parser.symbol_table)
        # XPath 1.0 allows a path after any filter expression: id('a')/b, (a | b)/c, key(…)/d
        PATH_STEP_SYMBOLS: ClassVar[set[str]] = {
            *XPath1Parser.PATH_STEP_SYMBOLS,
            *("(", "id", "key", "current", "document"),
        }

    def evaluate__xslt_function(self: Any, context: Any = None) -> Any:
        raise self.missing_context()  # parsed, never run: the XSLT processor runs it

    for name, arguments in XSLT1_FUNCTIONS.items():
        XSLT1Parser.method(XSLT1Parser.function(name, nargs=arguments))(evaluate__xslt_function)
    return XSLT1Parser(namespaces={"tei": TEI_NS, **dict(namespaces)})


def _compile_error(namespaces: dict[str, str], patterns: list[etree._Element]) -> str | None:
    try:
        KeyedSchematron(_schema(namespaces, patterns))
    except (etree.SchematronParseError, etree.XSLTParseError, etree.XPathError) as exc:
        return f"does not compile as XSLT 1.0: {str(exc).splitlines()[0][:120]}"
    return None


def _schema(namespaces: dict[str, str], patterns: list[etree._Element]) -> etree._Element:
    schema = etree.Element(f"{_SCH}schema", queryBinding="xslt", nsmap={"sch": SCH_NS})
    for prefix, uri in namespaces.items():
        etree.SubElement(schema, f"{_SCH}ns", prefix=prefix, uri=uri)
    for pattern in patterns:
        schema.append(_copy(pattern))
    return schema


def _copy(element: etree._Element) -> etree._Element:
    """A detached deep copy (appending the original would move it out of the grammar)."""
    return etree.fromstring(etree.tostring(element))
