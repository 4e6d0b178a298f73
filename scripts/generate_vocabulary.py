"""Write the copies of the editorial vocabulary from its one source, ``tei/encode/editorial.py``.

The XSD's ``editorialKey`` enumeration, the Schematron's ``editorial-declared`` and
``editorial-used`` patterns and the explanations of ``converters/common.xsl`` are generated into
regions between ``<!-- BEGIN generated: editorial vocabulary … -->`` and
``<!-- END generated: editorial vocabulary -->``; the rest of each file is hand-written.

    python scripts/generate_vocabulary.py           # rewrite the regions (a reviewer diffs them)
    python scripts/generate_vocabulary.py --check   # exit 1, naming each copy that drifted

``tests/test_vocabulary.py`` runs :func:`drift` on the repository, so a copy edited by hand, or a
row added to the table without regenerating, fails the suite.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tei.encode.editorial import ENCODINGS, Encoding  # noqa: E402

BEGIN = "<!-- BEGIN generated: editorial vocabulary"
END = "<!-- END generated: editorial vocabulary -->"
#: what a drifted copy is told
DRIFTED = "differs from tei/encode/editorial.py — run python scripts/generate_vocabulary.py"
#: the rendering doc's table: | TEI | shown as | kind | explanation |
DOC_ROW = re.compile(r"^\|[^|]*\|[^|]*\| `(?P<key>[a-z-]+)` \| (?P<meaning>[^|]*?) \|$", re.M)


def _xsd(encodings: tuple[Encoding, ...]) -> list[str]:
    return [f'<xs:enumeration value="{e.key}"/>' for e in encodings]


def _xslt(encodings: tuple[Encoding, ...]) -> list[str]:
    return [
        f"<xsl:when test=\"$kind = '{e.key}'\">{escape(e.meaning)}</xsl:when>" for e in encodings
    ]


def _schematron(encodings: tuple[Encoding, ...]) -> list[str]:
    lines = ['<sch:pattern id="editorial-declared">']
    for e in encodings:
        lines += [
            f"  <sch:rule context=\"tei:editorialDecl//tei:item[@n='{e.key}']\">",
            f'    <sch:assert test="/tei:TEI/tei:text//{e.body_xpath}">editorialDecl lists'
            f" '{e.key}' but the body has no {escape(e.element_label)} — remove the item if the"
            " body has no such passage, else encode the passage so: editorialDecl lists exactly"
            " the encodings the body uses.</sch:assert>",
            "  </sch:rule>",
        ]
    lines += ["</sch:pattern>", "", '<sch:pattern id="editorial-used">']
    for e in encodings:
        step, item = e.body_xpath, escape(f'<item n="{e.key}">')
        lines += [
            f'  <sch:rule context="tei:text//{step}[not(preceding::{step} | ancestor::{step})]">',
            '    <sch:assert test="/tei:TEI/tei:teiHeader//tei:editorialDecl//tei:item[@n='
            f"'{e.key}']\">the body uses {escape(e.element_label)} but editorialDecl does not"
            f" list '{e.key}' — add {item} to the list of encodings"
            " in editorialDecl.</sch:assert>",
            "  </sch:rule>",
        ]
    return [*lines, "</sch:pattern>"]


#: each copy: its path and how its region's lines are made from the table
COPIES: dict[str, Callable[[tuple[Encoding, ...]], list[str]]] = {
    "schemas/telegram.xsd": _xsd,
    "schemas/telegram.sch": _schematron,
    "converters/common.xsl": _xslt,
}


def _region(text: str, path: str) -> tuple[int, int, str]:
    """Where the generated region's lines start and end, and the indentation of its marker."""
    begin, end = text.find(BEGIN), text.find(END)
    if begin < 0 or end < begin or text.count(BEGIN) != 1:
        raise ValueError(f"{path}: no single generated region ({BEGIN} … {END})")
    line_start = text.rfind("\n", 0, begin) + 1
    indent = text[line_start:begin]
    return text.index("\n", begin) + 1, text.rfind("\n", 0, end) + 1, indent


def generated(text: str, path: str, encodings: tuple[Encoding, ...] = ENCODINGS) -> str:
    """``text`` with its region rewritten from ``encodings``."""
    start, stop, indent = _region(text, path)
    lines = COPIES[path](encodings)
    body = "".join(f"{indent}{line}\n" if line else "\n" for line in lines)
    return text[:start] + body + text[stop:]


def drift(root: Path = ROOT, encodings: tuple[Encoding, ...] = ENCODINGS) -> list[str]:
    """One line for each copy under ``root`` that differs from the table (empty: all agree)."""
    problems = []
    for path in COPIES:
        text = (root / path).read_text("utf-8")
        try:
            if generated(text, path, encodings) != text:
                problems.append(f"{path}: {DRIFTED}")
        except ValueError as error:
            problems.append(str(error))
    problems += _doc_drift(root, encodings)
    return problems


def _doc_drift(root: Path, encodings: tuple[Encoding, ...]) -> list[str]:
    """docs/rendering.md is prose, not generated: its table must name every key, in its words."""
    doc = "docs/rendering.md"
    rows = {m["key"]: m["meaning"] for m in DOC_ROW.finditer((root / doc).read_text("utf-8"))}
    return [
        f"{doc}: the row of '{e.key}' should explain it as {e.meaning!r}, not {rows.get(e.key)!r}"
        for e in encodings
        if rows.get(e.key) != e.meaning
    ]


def write(root: Path = ROOT) -> list[str]:
    """Rewrite every copy's region; the paths that changed."""
    changed = []
    for path in COPIES:
        file = root / path
        text = file.read_text("utf-8")
        new = generated(text, path)
        if new != text:
            file.write_text(new, "utf-8")
            changed.append(path)
    return changed


def main(argv: list[str]) -> int:
    if argv == ["--check"]:
        problems = drift()
        for problem in problems:
            print(problem, file=sys.stderr)
        return 1 if problems else 0
    if argv:
        print("usage: generate_vocabulary.py [--check]", file=sys.stderr)
        return 2
    for path in write():
        print(f"rewrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
