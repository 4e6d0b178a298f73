"""Every golden case (tests/cases/<case>/): its input becomes exactly its expected TEI, HTML and
text. After a deliberate change: ``python tests/regenerate_golden.py`` and read the diff."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from tei.cli import app
from tei.diagnostics import Severity
from tei.encode.editorial import BY_KEY
from tei.io.xmlio import parse_xml
from tei.validators.validate import iter_diagnostics
from tests.conftest import SEED_FILES
from tests.golden_cases import CASES, case_names, outputs

NAMES = case_names()
FILES = ("expected.xml", "expected.html", "expected.txt")


@pytest.fixture(scope="module")
def made() -> dict[str, dict[str, bytes]]:
    return {case: outputs(case) for case in NAMES}


@pytest.mark.parametrize("case", NAMES)
@pytest.mark.parametrize("name", FILES)
def test_case_gives_its_expected_file(case: str, name: str, made) -> None:
    expected = CASES / case / name
    assert expected.exists(), f"{expected} is missing: run python tests/regenerate_golden.py"
    assert made[case][name] == expected.read_bytes(), (
        f"{case}/{name} differs: run python tests/regenerate_golden.py {case} if intended, "
        "and read the diff"
    )


def test_every_seed_is_a_case_with_the_seed_as_its_input() -> None:
    for seed in SEED_FILES:
        assert (CASES / seed.stem / "input.txt").read_bytes() == seed.read_bytes(), seed.name


def test_the_cases_use_every_encoding_of_the_editorial_vocabulary() -> None:
    used = set()
    for case in NAMES:
        tree = parse_xml((CASES / case / "expected.xml").read_bytes())
        used |= set(tree.xpath("//*[local-name()='editorialDecl']//*[local-name()='item']/@n"))
    assert used == set(BY_KEY)


@pytest.mark.parametrize("case", NAMES)
def test_each_expected_tei_is_valid_at_the_project_level(case: str) -> None:
    data = (CASES / case / "expected.xml").read_bytes()
    found = [d for d in iter_diagnostics(f"{case}.xml", data) if d.severity is Severity.ERROR]
    assert found == []


def test_the_command_line_writes_the_same_three_files(tmp_path: Path) -> None:
    case = "user-authority"
    source = tmp_path / f"{case}.txt"
    source.write_bytes((CASES / case / "input.txt").read_bytes())
    out = tmp_path / "out"
    args = ["convert", str(source), "-o", str(out), "--to", "tei,html,text"]
    result = CliRunner().invoke(app, [*args, "--authority", str(CASES / case / "authority.xml")])
    assert result.exit_code == 0, result.output
    for suffix, name in (
        (".xml", "expected.xml"),
        (".html", "expected.html"),
        (".txt", "expected.txt"),
    ):
        assert (out / f"{case}{suffix}").read_bytes() == (CASES / case / name).read_bytes(), name
