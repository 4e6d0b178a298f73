"""Benchmark: HTML and text rendering per document, as a ratio against the lxml floor.

The floor is what any tool that reads and writes the same TEI must pay: parsing the TEI bytes
with lxml and serialising the tree again. Rendering is parsing plus the XSLT transform plus
writing its result, so the ratio says what the stylesheets cost on top of touching the XML at
all, independently of the machine. Both are measured in the same run, on the seeds and on
generated telegrams (bench/corpus.py), after the stylesheets are compiled (once per process,
reported apart).

    python bench/bench_render.py [--count 200] [--repeat 5] [--seed 1]

Prints a table and writes bench/results/render.json.
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

from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.corpus import RandomChoices, compose  # noqa: E402
from tei import bundled_authority, encode_telegram, read, serialize  # noqa: E402
from tei.io.xmlio import parse_xml  # noqa: E402
from tei.render.xslt import compiled, render_html, render_text  # noqa: E402

RESULTS = ROOT / "bench" / "results" / "render.json"


def corpus_tei(count: int, seed: int) -> dict[str, list[bytes]]:
    """The seeds' TEI and ``count`` generated telegrams' TEI, as bytes (not timed)."""
    authority = bundled_authority()

    def encode(text: str, name: str) -> bytes:
        return serialize(encode_telegram(read(text, name, authority)))

    seeds = [encode(p.read_text("utf-8"), p.name) for p in sorted((ROOT / "seeds").glob("*.txt"))]
    choices = RandomChoices(random.Random(seed))
    generated = [encode(compose(choices, n).text, f"gen_{n:04d}.txt") for n in range(count)]
    return {"seeds": seeds, "generated": generated}


def floor(data: bytes) -> bytes:
    """Parse and serialise with lxml: the least any reader-writer of this TEI does."""
    return etree.tostring(parse_xml(data), encoding="UTF-8", xml_declaration=True)


def html(data: bytes) -> bytes:
    return render_html(parse_xml(data))


def text(data: bytes) -> bytes:
    return render_text(parse_xml(data))


def per_document(task: Callable[[bytes], bytes], documents: list[bytes], repeat: int) -> float:
    """Seconds per document: the best of ``repeat`` passes over all documents (the least
    disturbed by other work on the machine)."""
    passes = []
    for _ in range(repeat):
        start = time.perf_counter()
        for data in documents:
            task(data)
        passes.append((time.perf_counter() - start) / len(documents))
    return min(passes)


def measure(documents: list[bytes], repeat: int) -> dict[str, float]:
    times = {name: per_document(task, documents, repeat) for name, task in TASKS.items()}
    return {
        "documents": len(documents),
        "mean_kb": statistics.mean(len(d) for d in documents) / 1000,
        **{f"{name}_us": seconds * 1e6 for name, seconds in times.items()},
        "html_ratio": times["html"] / times["floor"],
        "text_ratio": times["text"] / times["floor"],
    }


TASKS: dict[str, Callable[[bytes], bytes]] = {"floor": floor, "html": html, "text": text}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=200, help="generated telegrams")
    parser.add_argument("--repeat", type=int, default=5, help="passes; the best counts")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--results", type=Path, default=RESULTS, help="where to write the JSON record"
    )
    arguments = parser.parse_args()

    start = time.perf_counter()
    compiled("html.xsl")
    compiled("text.xsl")
    compile_ms = (time.perf_counter() - start) * 1e3
    sets = corpus_tei(arguments.count, arguments.seed)
    for documents in sets.values():  # warm caches and allocators before timing
        for task in TASKS.values():
            task(documents[0])
    results = {name: measure(documents, arguments.repeat) for name, documents in sets.items()}

    print(f"stylesheets compiled once in {compile_ms:.1f} ms")
    print(
        f"{'corpus':<10} {'docs':>5} {'KB':>6} {'floor µs':>9} {'html µs':>9} {'text µs':>9}"
        f" {'html ×':>7} {'text ×':>7}"
    )
    for name, row in results.items():
        print(
            f"{name:<10} {row['documents']:>5} {row['mean_kb']:>6.1f} {row['floor_us']:>9.0f}"
            f" {row['html_us']:>9.0f} {row['text_us']:>9.0f}"
            f" {row['html_ratio']:>7.1f} {row['text_ratio']:>7.1f}"
        )
    output = arguments.results
    output.parent.mkdir(parents=True, exist_ok=True)
    record = {
        "command": "python bench/bench_render.py "
        f"--count {arguments.count} --repeat {arguments.repeat} --seed {arguments.seed}",
        "python": platform.python_version(),
        "lxml": ".".join(map(str, etree.LXML_VERSION)),
        "libxslt": ".".join(map(str, etree.LIBXSLT_VERSION)),
        "compile_ms": compile_ms,
        "results": results,
    }
    output.write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {output}")


if __name__ == "__main__":
    main()
