"""Rewrite the expected files of the golden cases (tests/cases/<case>/) from their inputs.

    python tests/regenerate_golden.py            # every case
    python tests/regenerate_golden.py CASE...    # the cases named

Run after a deliberate encoding or rendering change, then read ``git diff tests/cases``: every
changed line is a change a user will see. A new case is a folder with an ``input.txt`` (and,
if it needs one, an ``authority.xml``); this script writes its expected files.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.golden_cases import CASES, case_names, outputs


def regenerate(cases: list[str]) -> list[Path]:
    """Write each case's expected files; the paths whose content changed."""
    changed = []
    for case in cases:
        for name, data in outputs(case).items():
            path = CASES / case / name
            if not path.exists() or path.read_bytes() != data:
                path.write_bytes(data)
                changed.append(path)
    return changed


if __name__ == "__main__":
    wanted = sys.argv[1:] or case_names()
    unknown = sorted(set(wanted) - set(case_names()))
    if unknown:
        sys.exit(f"no such case: {', '.join(unknown)} (a case is a folder of {CASES})")
    for path in regenerate(wanted):
        print(f"wrote {path}")
