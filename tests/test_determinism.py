"""The same input gives the same bytes in another process: what the golden files rely on.

Comparing two results of one process cannot find what makes output vary between runs (set and
dict order under another hash seed, ids or addresses, the clock); so each seed is converted and
rendered in fresh interpreters with different ``PYTHONHASHSEED`` values, and compared with this
process's result.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

from tei import convert_text
from tei.io.xmlio import parse_xml
from tei.render.xslt import render
from tests.conftest import ROOT, SEED_FILES

SCRIPT = """
import json, sys
from tei import convert_text
from tei.io.xmlio import parse_xml
from tei.render.xslt import render
out = {}
for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as f:
        data = convert_text(f.read(), path.rsplit("/", 1)[-1])
    out[path] = [data.decode()] + [render(parse_xml(data), k).decode() for k in ("html", "text")]
print(json.dumps(out))
"""


def _outputs_here() -> dict[str, list[str]]:
    out = {}
    for path in SEED_FILES:
        data = convert_text(path.read_text("utf-8"), path.name)
        rendered = [render(parse_xml(data), kind).decode() for kind in ("html", "text")]
        out[str(path)] = [data.decode(), *rendered]
    return out


def _outputs_in_a_fresh_process(hash_seed: str) -> dict[str, list[str]]:
    env = {**os.environ, "PYTHONHASHSEED": hash_seed, "TEI_CACHE_DIR": ""}
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, *map(str, SEED_FILES)],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        check=True,
    )
    return json.loads(done.stdout)


def test_tei_html_and_text_are_the_same_bytes_in_other_processes() -> None:
    here = _outputs_here()
    assert len(here) == len(SEED_FILES) > 0
    for hash_seed in ("1", "2"):
        assert _outputs_in_a_fresh_process(hash_seed) == here, f"PYTHONHASHSEED={hash_seed}"
