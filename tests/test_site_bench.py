"""bench/bench_site.py runs as the README runs it and records every figure (a handful of
letters: this times nothing)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT


def test_the_site_benchmark_records_every_figure(tmp_path: Path) -> None:
    results = tmp_path / "site.json"
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "bench_site.py"), "--count", "12",
         "--results", str(results)],
        capture_output=True, text=True, timeout=300, cwd=ROOT, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    assert f"wrote {results}" in done.stdout
    record = json.loads(results.read_text("utf-8"))
    assert record["letters"] == 12
    for key in ("render_folder_s", "site_build_s", "site_rebuild_unchanged_s", "site_mb"):
        assert record[key] > 0, key
    assert record["build_vs_render"] > 0  # from the unrounded seconds
    assert record["site_files"] > 2 * 12  # a page and a TEI file per letter, and more
    assert "downloads/corpus.xml" in record["largest_files_mb"]
