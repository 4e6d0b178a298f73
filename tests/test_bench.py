"""The benchmarks run and record what the README reports (tiny sizes: this times nothing).

A benchmark that breaks unnoticed is a figure nobody can reproduce, so each runs here as the
README runs it, in a subprocess, with a handful of files, writing its record to a temporary
folder; the test checks the record holds every figure and ratio, not what they are.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.validation_support import ROOT, needs_jing


def run_bench(script: str, *arguments: str, results: Path) -> dict:
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / script), *arguments, "--results", str(results)],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert f"wrote {results}" in done.stdout
    return json.loads(results.read_text(encoding="utf-8"))


@needs_jing
@pytest.mark.slow  # a dozen cold jing and tei runs: CI runs it, -m "not slow" skips it locally
def test_the_validation_benchmark_measures_every_figure(tmp_path: Path) -> None:
    record = run_bench(
        "bench_validate.py",
        *("--count", "60", "--repeat", "1", "--batch-repeat", "1"),
        results=tmp_path / "validate.json",
    )
    assert record["batch_files"] == 60
    assert set(record["met"]) == {"cold", "batch"}
    for name in ("cold vs jing", "batch vs jing", "batch --level all vs jing"):
        assert record["ratios_jing_over_tei"][name] > 0
    engines = record["engines"]
    assert set(engines["ms_per_document"]) == {
        "telegram.xsd, libxml2",
        "telegram.xsd, xmlschema",
        "telegram.sch, keyed",
        "telegram.sch, lxml default",
        "tei_all rules, keyed",  # needs_jing: tei_all is installed
        "tei_all rules, lxml default",
    }
    assert all(ms > 0 for ms in engines["ms_per_document"].values())


def test_the_rendering_benchmark_measures_every_figure(tmp_path: Path) -> None:
    record = run_bench(
        "bench_render.py", "--count", "5", "--repeat", "1", results=tmp_path / "render.json"
    )
    assert record["results"]
    for row in record["results"].values():
        assert row["html_ratio"] > 0 and row["text_ratio"] > 0
