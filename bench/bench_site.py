"""Benchmark: ``tei site`` on a large collection: build time, site size, and a reference.

The reference, measured in the same run on the same letters, is ``tei render FOLDER --to html``
(one HTML page per letter and an index): every site must at least render its letters, so the
ratio says what the rest of the site (validation, persons, charts, search index, downloads)
costs on top, independently of the machine. A second build over the finished site measures a
rebuild in which nothing changed (every file compared, none rewritten).

    python bench/bench_site.py [--count 10000] [--seed 1] [--results FILE]

Prints a table and writes bench/results/site.json (or FILE).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.corpus import RandomChoices, compose  # noqa: E402
from tei import bundled_authority, encode_telegram, read, serialize  # noqa: E402

RESULTS = ROOT / "bench" / "results" / "site.json"
TEI = [sys.executable, "-m", "tei"]


def write_letters(folder: Path, count: int, seed: int) -> None:
    """``count`` generated telegrams' TEI, one file each (not timed)."""
    authority = bundled_authority()
    choices = RandomChoices(random.Random(seed))
    for number in range(count):
        text = compose(choices, number).text
        tei = serialize(encode_telegram(read(text, f"gen_{number:05d}.txt", authority)))
        (folder / f"gen_{number:05d}.xml").write_bytes(tei)


def timed(args: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run([*TEI, *args], check=True, cwd=ROOT, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def size(folder: Path) -> tuple[int, int, dict[str, int]]:
    """Bytes and files below ``folder``, and the bytes of the largest single files."""
    files = [p for p in folder.rglob("*") if p.is_file()]
    largest = sorted(files, key=lambda p: p.stat().st_size, reverse=True)[:4]
    named = {str(p.relative_to(folder)): p.stat().st_size for p in largest}
    return sum(p.stat().st_size for p in files), len(files), named


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--results", type=Path, default=RESULTS, help="Where to write the record.")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-site-") as work:
        letters, rendered, site = Path(work, "tei"), Path(work, "html"), Path(work, "site")
        letters.mkdir()
        start = time.perf_counter()
        write_letters(letters, options.count, options.seed)
        generated = time.perf_counter() - start
        render = timed(["render", str(letters), "--to", "html", "-o", str(rendered), "-q"])
        build = timed(["site", str(letters), "-o", str(site), "-q", "--title", "Benchmark"])
        rebuild = timed(["site", str(letters), "-o", str(site), "-q", "--title", "Benchmark"])
        site_bytes, site_files, largest = size(site)
        render_bytes, _, _ = size(rendered)
    result = {
        "letters": options.count,
        "seed": options.seed,
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}",
        "generate_s": round(generated, 1),
        "render_folder_s": round(render, 1),
        "site_build_s": round(build, 1),
        "site_rebuild_unchanged_s": round(rebuild, 1),
        "build_vs_render": round(build / render, 2),
        "ms_per_letter": round(build / options.count * 1000, 1),
        "site_mb": round(site_bytes / 1e6, 1),
        "site_files": site_files,
        "rendered_html_mb": round(render_bytes / 1e6, 1),
        "largest_files_mb": {k: round(v / 1e6, 2) for k, v in largest.items()},
    }
    options.results.parent.mkdir(parents=True, exist_ok=True)
    options.results.write_text(json.dumps(result, indent=2) + "\n")
    width = max(len(k) for k in result)
    for key, value in result.items():
        print(f"{key:<{width}}  {value}")
    print(f"wrote {options.results}")


if __name__ == "__main__":
    main()
