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


@needs_jing
def test_the_pipeline_benchmark_measures_every_stage_and_reference(tmp_path: Path) -> None:
    record = run_bench(
        "bench_pipeline.py",
        *("--counts", "12", "30", "--sample", "5", "--jobs", "2"),
        results=tmp_path / "pipeline.json",
    )
    for count in ("12", "30"):
        (run,) = record["runs"][count]
        assert run["documents"] == int(count) and run["real_documents"] >= 1
        assert {"convert → tei,html,text", "validate --level all"} <= set(run["stages"])
        assert {"render html", "render text"} <= set(run["stages"])
        for stage in run["stages"].values():
            assert stage["wall_s"] > 0 and stage["peak_mb"] > 0
        (reference,) = record["references"][count]
        assert reference["jing_one_jvm"]["wall_s"] > 0
    figures = record["figures"]
    assert figures["html_over_floor"] > 0 and figures["text_over_floor"] > 0
    assert "peak_growth" in figures and figures["validate_all_over_jing"]["30"] > 0
    assert "TEI Stylesheets" in record["per_document"]["skipped"]  # no --tei-stylesheets given
    assert set(record["met"]) >= {"html_over_floor", "text_over_floor", "peak_growth_1000_to_10000"}
