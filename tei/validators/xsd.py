"""The project's XML Schema (``schemas/telegram.xsd``): libxml2 decides, xmlschema explains.

Two validators run the same XSD 1.0 file. libxml2 (through lxml) checks a telegram in about
0.03 ms once the schema is compiled, which takes a millisecond; xmlschema, pure Python, takes
sixty times as long per telegram and a tenth of a second to import and load
(``bench/bench_validate.py`` measures both). libxml2's verdict is the
one that stands, and xmlschema's errors are the better ones (each carries the element, the
expected children, the failing facet), so a document libxml2 accepts is valid without more
ado, and one it refuses is handed to xmlschema for the findings. A valid document, the common
case in CI, never loads xmlschema at all.

This gives every finding only if libxml2 never accepts what xmlschema refuses: the test suite
checks that on every document it has, on a thousand mutants of them, and on generated values
of every typed attribute (``tests/test_validation_engines.py``); the schema is written so the
two read it alike (see the comments in ``telegram.xsd``). Where xmlschema sees nothing wrong in
a document libxml2 refuses, libxml2 is right or at least the stricter: xmlschema 4 collapses
white space with Python's notion of it, so ``type="\u00a0sent"`` (a no-break space) passes
it, and libxml2 reads ``xs:Name`` and ``xs:ID`` by the name tables of XML 1.0 that XSD 1.0
refers to. libxml2's own message is then reported, rewritten like xmlschema's.

xmlschema's schema is built and cached by :mod:`tei.validators.xsd_cache`; the rewriting of
both libraries' reasons into what is wrong and what to do is :mod:`tei.validators.xsd_messages`.
This module holds the verdict (which refusals are reported, one message per problem, on the line
of the element concerned) and stays the public entry point: the names users and tests import
from it are re-exported here.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from lxml import etree

from tei.diagnostics import Diagnostic, Severity
from tei.io.xmlio import safe_parser
from tei.resources import schema_path
from tei.validators.locate import SourceText, element_at
from tei.validators.xsd_cache import (
    CACHE_ENV,
    SCHEMA_FILES,
    STALE_SECONDS,
    cache_dir,
    known_elements,
    project_schema,
    schema_key,
)
from tei.validators.xsd_messages import (
    _LIBXML2_REASON,
    _attribute_of,
    _describe,
    _libxml2_message,
    _name,
)

__all__ = [
    "CACHE_ENV",
    "SCHEMA_FILES",
    "STALE_SECONDS",
    "cache_dir",
    "compiled_schema",
    "known_elements",
    "project_schema",
    "schema_key",
    "xsd_diagnostics",
]


@cache
def compiled_schema() -> etree.XMLSchema:
    """telegram.xsd compiled by libxml2, once per process (about a millisecond).

    The schema file is read with the safe parser; its one import, ``xml.xsd``, is a file beside
    it, so compiling never reaches the network.
    """
    return etree.XMLSchema(etree.parse(str(schema_path("telegram.xsd")), safe_parser()))


def xsd_diagnostics(
    tree: etree._ElementTree, source: str, text: SourceText
) -> Iterator[Diagnostic]:
    """Every way ``tree`` breaks telegram.xsd, one located diagnostic per problem.

    libxml2 decides; xmlschema, loaded only for a refused document, says why, and libxml2
    itself about any element xmlschema finds nothing wrong with.
    """
    schema = compiled_schema()
    if schema.validate(tree):
        return
    refusals = list(schema.error_log)  # taken now: the next validate() replaces the log
    found: list[Diagnostic] = []
    attributes: set[tuple[str, str]] = set()  # (element's path, attribute) xmlschema spoke of
    for diagnostic, element, attribute in _xmlschema_findings(tree, source, text):
        found.append(diagnostic)
        if attribute is not None and element is not None:
            attributes.add((tree.getpath(element), attribute))
    places = {(d.line, d.column) for d in found}
    # What libxml2 refused and xmlschema did not (xmlschema's laxer white space, say, next to a
    # problem both see) is said in libxml2's words: an attribute unless xmlschema spoke of that
    # attribute; an element's content unless xmlschema spoke of the element or something in it.
    for entry in refusals:
        element = element_at(tree, entry.path)
        match = _LIBXML2_REASON.match(entry.message.strip())
        attribute = _name(match.group("name")) if match and match.group("name") else None
        line, column = text.position(element) if element is not None else (entry.line, None)
        if attribute is not None and element is not None:
            if (tree.getpath(element), attribute) in attributes:
                continue
            attributes.add((tree.getpath(element), attribute))
        else:
            inside = element.iterdescendants() if element is not None else ()
            if (line, column) in places or any(text.position(e) in places for e in inside):
                continue
            places.add((line, column))
        message = _libxml2_message(match, entry.message, element)
        found.append(Diagnostic(message, source, line, column, Severity.ERROR, "xsd"))
    yield from found  # put in document order with the other checks' by tei.validators.validate


def _xmlschema_findings(
    tree: etree._ElementTree, source: str, text: SourceText
) -> Iterator[tuple[Diagnostic, etree._Element | None, str | None]]:
    """xmlschema's findings, rewritten for people, each with its element and the attribute it
    is about (or None).

    A value that fails a union type makes xmlschema report each member's failure; those are
    one problem to the user, so a repeated (element, message) is reported once.
    """
    seen: set[tuple[int, str]] = set()
    for error in project_schema().iter_errors(tree):
        element, message = _describe(error)
        if (id(element), message) in seen:
            continue
        seen.add((id(element), message))
        line, column = text.position(element)
        diagnostic = Diagnostic(
            message, source, line or error.sourceline, column, Severity.ERROR, "xsd"
        )
        yield diagnostic, element, _attribute_of(error.reason or "")
