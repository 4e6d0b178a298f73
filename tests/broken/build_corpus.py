"""Write the broken-document corpus: each file is valid.xml with ONE rule broken.

    python tests/broken/build_corpus.py

The cases are in cases.py and cases_body.py; the files and ``expected.json`` they give are
committed, and tests/test_validate_broken.py checks every one (and that they are up to date).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
if not __package__:  # run as a script: make the repository importable
    sys.path.insert(0, str(HERE.parent.parent))

from tests.broken.cases import DOCUMENT_CASES, Case  # noqa: E402
from tests.broken.cases_body import BODY_CASES  # noqa: E402

BASE = HERE / "valid.xml"
CASES: tuple[Case, ...] = DOCUMENT_CASES + BODY_CASES


def corpus() -> tuple[dict[str, str], list[dict[str, object]]]:
    """Every broken file's text by file name, and the index entries (as in expected.json)."""
    base = BASE.read_text(encoding="utf-8")
    files: dict[str, str] = {}
    index: list[dict[str, object]] = []
    for case in CASES:
        if case.old not in base:
            raise ValueError(f"{case.name}: the text to change is not in valid.xml")
        broken = base.replace(case.old, case.new, 1)
        for old, new in case.also:
            broken = broken.replace(old, new, 1)
        declaration, rest = broken.split("\n", 1)
        broken = f"{declaration}\n<!-- broken: {case.rule} -->\n{rest}"
        rejected = {}
        for level, (origin, fragment) in case.rejected.items():
            marker = case.lines.get(level, case.marker)
            if marker not in broken:
                raise ValueError(f"{case.name}: marker {marker!r} is not in the broken file")
            line = broken[: broken.index(marker)].count("\n") + 1
            rejected[level] = {
                "origin": origin,
                "line": line,
                "message": fragment,
                "errors": case.errors.get(level, 1),
            }
        files[f"{case.name}.xml"] = broken
        index.append(
            {
                "file": f"{case.name}.xml",
                "rule": case.rule,
                "rejected": rejected,
                "accepted": list(case.accepted),
            }
        )
    return files, index


def index_text(index: list[dict[str, object]]) -> str:
    """expected.json as written."""
    return json.dumps(index, indent=2, ensure_ascii=False) + "\n"


def build() -> int:
    """Write every broken file and expected.json; return how many files."""
    files, index = corpus()
    for name, text in files.items():
        (HERE / name).write_text(text, encoding="utf-8")
    (HERE / "expected.json").write_text(index_text(index), encoding="utf-8")
    return len(files)


if __name__ == "__main__":
    print(f"wrote {build()} broken documents to {HERE}")
