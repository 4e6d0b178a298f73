"""``tei validate --level auto``: the right checks for each document, chosen from the document.

- telegram-tei's own TEI (its ``encodingDesc/appInfo`` names the application) → the project
  level and tei_all: what ``tei convert`` promises.
- any other TEI, and a ``teiCorpus`` (tei_all allows one, with every TEI inside) → tei_all and
  its XPath 1.0 Schematron rules.
- a CMIF file (``correspDesc`` pointing at a ``sourceDesc/bibl`` by ``@source``, or an
  ``<?xml-model?>`` naming ``cmi-customization.rng``) → the official CMIF RELAX NG and the
  XPath 1.0 rules of its Schematron, both shipped in the package (``schemas/cmif``).

Wherever a document declares schemas of its own with ``<?xml-model?>`` (RELAX NG or
Schematron, a local file), they are checked too; one on the web is not fetched (no network
access during validation) and a warning says so. ``--schema FILE`` adds a RELAX NG (``.rng``)
or Schematron (``.sch``) file for every document. Each finding says which check made it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from lxml import etree

from tei.diagnostics import Diagnostic, Severity
from tei.io.xmlio import TEI_NS

RELAXNG_NS = "http://relaxng.org/ns/structure/1.0"
SCHEMATRON_NS = "http://purl.oclc.org/dsdl/schematron"
_T = {"t": TEI_NS}
_PSEUDO = re.compile(r'(\w[\w.-]*)\s*=\s*(?:"([^"]*)"|\'([^\']*)\')')

#: document kind → (name in messages, base level of tei.validators.validate)
KINDS: dict[str, tuple[str, str]] = {
    "telegram-tei": ("project+tei", "all"),
    "tei": ("tei", "tei"),
    "corpus": ("tei", "tei"),
    "cmif": ("cmif", "none"),
}


@dataclass
class Choice:
    """What to check one document against."""

    kind: str
    relaxng: list[Path] = field(default_factory=list)
    schematron: list[Path] = field(default_factory=list)
    notes: list[Diagnostic] = field(default_factory=list)

    @property
    def label(self) -> str:
        return KINDS[self.kind][0]

    @property
    def level(self) -> str:
        return KINDS[self.kind][1]


def cmif_schemas() -> tuple[Path, Path]:
    """The shipped CMIF RELAX NG and Schematron."""
    from tei.resources import schema_path

    return schema_path("cmif/cmi-customization.rng"), schema_path("cmif/cmif.sch")


def choose(name: str, tree: etree._ElementTree, extra: Sequence[Path] = ()) -> Choice:
    """The checks for one parsed document: its kind's, its own ``<?xml-model?>`` schemas',
    and the ``--schema`` files'."""
    root = tree.getroot()
    models = list(_models(root))
    kind = _kind(root, models)
    choice = Choice(kind)
    if kind == "cmif":
        rng, sch = cmif_schemas()
        choice.relaxng.append(rng)
        choice.schematron.append(sch)
    for href, schema_type, line in models:
        _add_model(choice, name, href, schema_type, line)
    for path in extra:
        (choice.schematron if path.suffix.lower() == ".sch" else choice.relaxng).append(path)
    choice.relaxng = list(dict.fromkeys(choice.relaxng))
    choice.schematron = list(dict.fromkeys(choice.schematron))
    return choice


def _kind(root: etree._Element, models: list[tuple[str, str, int | None]]) -> str:
    if root.tag == f"{{{TEI_NS}}}teiCorpus":
        return "corpus"
    if any(href.endswith("cmi-customization.rng") for href, _, _ in models):
        return "cmif"
    if root.xpath("t:teiHeader/t:profileDesc/t:correspDesc[@source]", namespaces=_T) and root.xpath(
        "t:teiHeader/t:fileDesc/t:sourceDesc/t:bibl[@xml:id]", namespaces=_T
    ):
        return "cmif"
    made_by = "t:teiHeader/t:encodingDesc/t:appInfo/t:application[@ident='telegram-tei']"
    return "telegram-tei" if root.xpath(made_by, namespaces=_T) else "tei"


def _models(root: etree._Element) -> Iterator[tuple[str, str, int | None]]:
    """(href, schema type, line) of each ``<?xml-model?>`` before the root."""
    node = root.getprevious()
    found = []
    while node is not None:
        if isinstance(node, etree._ProcessingInstruction) and node.target == "xml-model":
            pseudo = {
                m.group(1): m.group(2) or m.group(3) or ""
                for m in _PSEUDO.finditer(node.text or "")
            }
            href = pseudo.get("href", "")
            kind = pseudo.get("schematypens", "")
            if not kind:
                kind = SCHEMATRON_NS if href.lower().endswith(".sch") else RELAXNG_NS
            if href:
                found.append((href, kind, node.sourceline))
        node = node.getprevious()
    yield from reversed(found)


def _add_model(choice: Choice, name: str, href: str, kind: str, line: int | None) -> None:
    if href.endswith("cmi-customization.rng") and choice.kind == "cmif":
        return  # the shipped copy of the official schema is used
    if kind not in (RELAXNG_NS, SCHEMATRON_NS):
        choice.notes.append(
            _note(
                name,
                line,
                f"<?xml-model?> {href}: a schema type this tool "
                "does not run (only RELAX NG and Schematron); not checked",
            )
        )
        return
    if re.match(r"^[a-z][a-z0-9+.\-]*://", href, re.I) and not href.lower().startswith("file:"):
        choice.notes.append(
            _note(
                name,
                line,
                f"<?xml-model?> {href} is on the web and was not "
                "fetched (validation reads no network) — download it and "
                "give it with --schema FILE",
            )
        )
        return
    base = Path(name).parent if name != "<stdin>" else Path.cwd()
    path = (base / href.removeprefix("file://")).resolve()
    if not path.is_file():
        choice.notes.append(
            _note(name, line, f"<?xml-model?> {href}: no such file ({path}); not checked")
        )
        return
    (choice.relaxng if kind == RELAXNG_NS else choice.schematron).append(path)


def _note(name: str, line: int | None, message: str) -> Diagnostic:
    return Diagnostic(message, name, line, None, Severity.WARNING, "xml-model")


def schema_diagnostics(
    documents: Iterable[tuple[str, bytes, etree._ElementTree, Choice]],
) -> dict[str, list[Diagnostic]]:
    """The chosen RELAX NG (one jing run per schema) and Schematron findings of each document,
    each finding's message starting with the schema that made it."""
    from tei.validators.locate import SourceText
    from tei.validators.relaxng import validate_bytes_with_jing
    from tei.validators.schematron import embedded_tei_rules, schematron_diagnostics

    items = list(documents)
    found: dict[str, list[Diagnostic]] = {name: list(choice.notes) for name, _, _, choice in items}
    by_schema: dict[Path, dict[str, bytes]] = {}
    for name, data, _, choice in items:
        for schema in choice.relaxng:
            by_schema.setdefault(schema, {})[name] = data
    for schema, group in by_schema.items():
        for name, diagnostics in validate_bytes_with_jing(group, schema).items():
            found[name] += [_named(d, schema.name) for d in diagnostics]
    for name, data, tree, choice in items:
        text = SourceText(data, tree.docinfo.encoding)
        for schema in choice.schematron:
            rules = embedded_tei_rules(schema)  # the XPath 1.0 patterns of any Schematron
            if rules.schematron is not None:
                found[name] += [
                    _named(d, schema.name)
                    for d in schematron_diagnostics(rules.schematron, tree, name, text, schema.name)
                ]
    return found


def _named(diagnostic: Diagnostic, schema: str) -> Diagnostic:
    return replace(diagnostic, message=f"[{schema}] {diagnostic.message}", origin=schema)


#: which check a base level's finding comes from, by its origin, for the messages of --level auto
_ORIGIN_LEVEL = {"xsd": "project", "schematron": "project", "tei_all": "tei_all"}


def iter_auto(
    documents: Sequence[tuple[str, bytes]], jobs: int = 1, extra: Sequence[Path] = ()
) -> Iterator[tuple[str, list[Diagnostic], str]]:
    """Each document's name, findings and the label of the checks chosen for it
    (``project+tei``, ``tei``, ``cmif``), in the order given."""
    from tei.validators.checks import _parse
    from tei.validators.validate import in_document_order, iter_documents

    parsed: dict[str, tuple[bytes, etree._ElementTree, Choice]] = {}
    broken: dict[str, Diagnostic] = {}
    for name, data in documents:
        document, problem = _parse(name, data)
        if document is None:
            broken[name] = problem
        else:
            parsed[name] = (data, document.tree, choose(name, document.tree, extra))
    base: dict[str, list[Diagnostic]] = {}
    for level in ("all", "tei"):
        group = [(n, d) for n, (d, _, choice) in parsed.items() if choice.level == level]
        for name, diagnostics in iter_documents(group, level, jobs) if group else ():
            base[name] = [_labelled(d) for d in diagnostics]
    schemas = schema_diagnostics((n, d, t, c) for n, (d, t, c) in parsed.items())
    for name, _ in documents:
        if name in broken:
            yield name, [broken[name]], "xml"
            continue
        choice = parsed[name][2]
        yield name, in_document_order(base.get(name, []) + schemas[name]), choice.label


def _labelled(diagnostic: Diagnostic) -> Diagnostic:
    level = _ORIGIN_LEVEL.get(diagnostic.origin.split("-")[0])
    return replace(diagnostic, message=f"[{level}] {diagnostic.message}") if level else diagnostic


def extra_only(
    documents: Sequence[tuple[str, bytes]], extra: Sequence[Path]
) -> dict[str, list[Diagnostic]]:
    """``--schema`` files' findings at a fixed level (the level's own come from elsewhere)."""
    from tei.validators.checks import _parse

    chosen = []
    for name, data in documents:
        document, _ = _parse(name, data)
        if document is not None:
            choice = Choice("tei")
            for path in extra:
                (choice.schematron if path.suffix.lower() == ".sch" else choice.relaxng).append(
                    path
                )
            chosen.append((name, data, document.tree, choice))
    return schema_diagnostics(chosen)
