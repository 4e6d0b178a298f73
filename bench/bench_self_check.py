"""Benchmark: what ``tei convert``'s self-check costs, as a ratio against the conversion itself.

Before it says "converted", convert validates its TEI at the project level (libxml2 on
telegram.xsd, then the project Schematron) and checks that no word of the source body was lost
(the words of the reading text against those of the TEI's text rendering). Both are timed per
telegram, in the same run, against reading + encoding + serialising the same telegram.

    python bench/bench_self_check.py [--count 200] [--repeat 5] [--seed 1]

Prints a table and writes bench/results/self_check.json.
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.corpus import RandomChoices, compose  # noqa: E402
from tei import bundled_authority, encode_telegram, read, serialize  # noqa: E402
from tei.cli.self_check import check_valid, check_words  # noqa: E402

RESULTS = ROOT / "bench" / "results" / "self_check.json"


def per_telegram(action: Callable[[], object], count: int, repeat: int) -> float:
    """The median over ``repeat`` runs of ``action`` (which handles ``count`` telegrams), in µs
    per telegram."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times) / count * 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    options = parser.parse_args()
    choices = RandomChoices(random.Random(options.seed))
    texts = [compose(choices, number).text for number in range(options.count)]
    authority = bundled_authority()
    made = []
    for number, text in enumerate(texts):
        tree = encode_telegram(read(text, f"t{number}.txt", authority))
        made.append((f"t{number}.txt", text, serialize(tree), tree))
    check_valid(made[0][0], made[0][2])  # the schemas, loaded once, not timed
    check_words(made[0][0], made[0][1], made[0][3])  # the stylesheets, likewise

    def convert() -> None:
        for name, text, _, _ in made:
            serialize(encode_telegram(read(text, name, authority)))

    def valid() -> None:
        for name, _, data, _ in made:
            check_valid(name, data)

    def words() -> None:
        for name, text, _, tree in made:
            check_words(name, text, tree)

    figures = {
        name: per_telegram(action, options.count, options.repeat)
        for name, action in (("convert", convert), ("valid", valid), ("words", words))
    }
    base = figures["convert"]
    print(f"{'step':<34}{'µs per telegram':>16}{'× convert':>11}")
    labels = {
        "convert": "read + encode + serialise",
        "valid": "project level (XSD + Schematron)",
        "words": "no word lost (text rendering)",
    }
    for name, value in figures.items():
        print(f"{labels[name]:<34}{value:>16.0f}{value / base:>11.2f}")
    total = (figures["valid"] + figures["words"]) / base
    print(f"the self-check costs {total:.2f}× the conversion it checks")
    RESULTS.parent.mkdir(exist_ok=True)
    report = {"figures_us": figures, "ratio": total, "count": options.count}
    report["python"] = platform.python_version()
    RESULTS.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
