"""Golden cases as documents: ``tests/cases/<case>/`` holds an input and what it must become.

    input.txt       the transcription, read as ``<case>.txt`` (the name gives the document id)
    authority.xml   (optional) the user's authority file, as ``--authority`` would give it
    expected.xml    its TEI, as ``tei convert`` writes it
    expected.html   that TEI rendered as HTML, as ``tei convert --to html`` writes it
    expected.txt    and as text

``tests/test_cases.py`` checks every case; ``python tests/regenerate_golden.py`` rewrites the
expected files after a deliberate change, and ``git diff tests/cases`` is what a reviewer reads.
"""

from __future__ import annotations

from pathlib import Path

from tei import convert_text, load_authority_file
from tei.io.xmlio import parse_xml
from tei.render.xslt import render_html, render_text

CASES = Path(__file__).resolve().parent / "cases"
#: each expected file and how it is made from the case's TEI bytes
RENDERINGS = {
    "expected.html": render_html,
    "expected.txt": render_text,
}


def case_names() -> list[str]:
    """Every case folder's name, sorted."""
    return sorted(p.name for p in CASES.iterdir() if (p / "input.txt").is_file())


def outputs(case: str) -> dict[str, bytes]:
    """What the case's input becomes now: each expected file's name and bytes."""
    folder = CASES / case
    authority_file = folder / "authority.xml"
    authority = load_authority_file(authority_file) if authority_file.exists() else None
    text = (folder / "input.txt").read_text("utf-8")
    data = convert_text(text, f"{case}.txt", authority)
    # HTML and text from the TEI as written, as tei convert --to tei,html,text makes them
    tree = parse_xml(data, f"{case}.xml")
    return {"expected.xml": data, **{name: render(tree) for name, render in RENDERINGS.items()}}


def golden_path(case: str) -> Path:
    """A case's expected TEI."""
    return CASES / case / "expected.xml"
