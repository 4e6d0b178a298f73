"""telegram.xsd is a restriction of TEI: every document valid against it is valid against
tei_all (jing, and tei_all's own Schematron rules that run here).

Checked on every document the suite has (golden files, both seeds, generated telegrams, the
broken corpus's documents that the XSD accepts) and on a few hundred mutants of them: elements
deleted, duplicated, swapped, moved or renamed, attributes dropped or borrowed from elsewhere,
text put where it was not. The mutants the XSD accepts probe the corners of the grammar the
encoder never reaches; jing checks all of them in one run.
"""

from __future__ import annotations

import copy
import random
from collections.abc import Callable

from lxml import etree

from tei.diagnostics import Severity
from tei.errors import XmlInputError
from tei.validate import validate_documents
from tei.xmlio import XML_NS, parse_xml
from tei.xsd import project_schema
from tests.validation_support import BROKEN, generated_tei, golden_tei, needs_jing

MUTANTS = 300
XML_ID = f"{{{XML_NS}}}id"


def xsd_valid(data: bytes) -> bool:
    try:
        tree = parse_xml(data)
    except XmlInputError:
        return False
    return project_schema().is_valid(tree)


def mutants(documents: list[bytes], count: int, seed: int = 1) -> list[bytes]:
    """``count`` distinct XSD-valid mutants of ``documents``, each one random edit away."""
    rng = random.Random(seed)
    trees = [parse_xml(data) for data in documents]
    tags = sorted({e.tag for tree in trees for e in tree.iter() if isinstance(e.tag, str)})
    attributes = sorted(
        {
            (name, value)
            for tree in trees
            for element in tree.iter()
            if isinstance(element.tag, str)
            for name, value in element.attrib.items()
            if name != XML_ID
        }
    )

    def delete(element: etree._Element, everything: list[etree._Element]) -> None:
        element.getparent().remove(element)

    def duplicate(element: etree._Element, everything: list[etree._Element]) -> None:
        twin = copy.deepcopy(element)
        for node in twin.iter():
            node.attrib.pop(XML_ID, None)
        element.addnext(twin)

    def swap(element: etree._Element, everything: list[etree._Element]) -> None:
        following = element.getnext()
        if following is not None:
            element.addprevious(following)

    def move(element: etree._Element, everything: list[etree._Element]) -> None:
        target = rng.choice(everything)
        if target is not element and element not in target.iterancestors():
            target.insert(rng.randrange(len(target) + 1), element)

    def drop_attribute(element: etree._Element, everything: list[etree._Element]) -> None:
        if element.attrib:
            del element.attrib[rng.choice(sorted(element.attrib))]

    def borrow_attribute(element: etree._Element, everything: list[etree._Element]) -> None:
        name, value = rng.choice(attributes)
        element.set(name, value)

    def rename(element: etree._Element, everything: list[etree._Element]) -> None:
        element.tag = rng.choice(tags)

    def add_text(element: etree._Element, everything: list[etree._Element]) -> None:
        element.text = (element.text or "") + "x"

    edits: list[Callable[[etree._Element, list[etree._Element]], None]] = [
        delete,
        duplicate,
        swap,
        move,
        drop_attribute,
        borrow_attribute,
        borrow_attribute,
        rename,
        add_text,
    ]
    originals = set(documents)
    found: dict[bytes, None] = {}
    for _ in range(count * 50):
        if len(found) == count:
            break
        root = copy.deepcopy(rng.choice(trees).getroot())
        everything = [e for e in root.iter() if isinstance(e.tag, str)]
        rng.choice(edits)(rng.choice(everything[1:]), everything)
        data = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
        if data not in originals and xsd_valid(data):
            found[data] = None
    return list(found)


@needs_jing
def test_every_document_valid_against_the_xsd_is_valid_against_tei_all(
    seed_tei: dict[str, bytes],
) -> None:
    documents = {
        **golden_tei(),
        **{f"seed-{name}.xml": data for name, data in seed_tei.items()},
        **generated_tei(),
        **{p.name: p.read_bytes() for p in sorted(BROKEN.glob("*.xml"))},
    }
    accepted = {name: data for name, data in documents.items() if xsd_valid(data)}
    assert len(accepted) >= 100
    variants = mutants(list(accepted.values())[:40], MUTANTS)
    assert len(variants) >= MUTANTS * 3 // 4  # the property is not checked on nothing
    accepted.update({f"mutant-{n:04d}.xml": data for n, data in enumerate(variants)})
    found = validate_documents(accepted, "tei")
    refused = {
        name: [str(d) for d in diagnostics if d.severity is Severity.ERROR]
        for name, diagnostics in found.items()
        if any(d.severity is Severity.ERROR for d in diagnostics)
    }
    assert refused == {}, "telegram.xsd accepts what tei_all refuses: " + "\n".join(
        f"{name}: {errors[0]}\n{accepted[name].decode()[:3000]}"
        for name, errors in list(refused.items())[:3]
    )
