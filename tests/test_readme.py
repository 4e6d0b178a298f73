"""The README's Python snippets run as written: a snippet that no longer works fails here."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

import pytest

from tests.conftest import SEED_FILES

README = Path(__file__).resolve().parent.parent / "README.md"
FENCE = re.compile(r"^```(?P<lang>\w*)\n(?P<code>.*?)^```$", re.M | re.S)


def _blocks(lang: str) -> list[str]:
    return [m["code"] for m in FENCE.finditer(README.read_text("utf-8")) if m["lang"] == lang]


def test_the_readme_has_python_snippets() -> None:
    assert _blocks("python"), "the README's API section lost its ```python blocks"


@pytest.mark.parametrize("index", range(len(_blocks("python"))))
def test_each_python_snippet_runs(index: int, tmp_path: Path, monkeypatch) -> None:
    """Run in a folder holding the files the snippets name: a seed, and the README's own
    authority file example."""
    seed = next(p for p in SEED_FILES if "Filippov" in p.read_text("utf-8"))
    (tmp_path / "telegram.txt").write_text(seed.read_text("utf-8"), "utf-8")
    example = next(block for block in _blocks("xml") if "<listPerson" in block)
    (tmp_path / "persons.xml").write_text(example, "utf-8")
    monkeypatch.chdir(tmp_path)
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(compile(_blocks("python")[index], f"README.md python block {index + 1}", "exec"), {})
