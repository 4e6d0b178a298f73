"""Benchmark: language identification libraries on real documents and on their paragraphs.

Reads every NAME.txt in the folders given; its truth is the ``language`` of NAME.json beside it
(a name or an ISO 639 code), else the folder's default (``FOLDER=en``); documents with neither
are left out of the accuracy. For each installed library (bench/language_libraries.py) and for
``tei`` (tei.transforms.language.identify_language, the project's decision on top of the chosen
library) it measures:

- accuracy on whole documents, and on paragraph snippets cut at word boundaries to a given
  number of characters (the longest paragraphs of each document, so page furniture counts less),
  to find the length below which a library cannot tell;
- for ``tei``: how often it answers wrongly and how often it says "unknown" (None);
- milliseconds per document (best of ``--repeat`` passes), as a ratio against reading the same
  document into the model (``tei.read``), the step it will run beside;
- in a fresh subprocess per library: import and model-load time and memory (max RSS) after
  identifying the whole corpus; installed size with dependencies, version and licence.

    python bench/bench_language.py seeds=en ../shared/corpus/wilson=en tests/corpus/language

Prints tables and writes bench/results/language.json.
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.language_libraries import LIBRARIES, Detect, describe, installed  # noqa: E402

RESULTS = ROOT / "bench" / "results" / "language.json"
LENGTHS = (10, 20, 30, 50, 80, 120, 200, 400)
SNIPPETS_PER_DOCUMENT = 3
CAPS_LENGTH = 80  # telegrams are often in capitals: the same snippets, upper-cased
THRESHOLDS = (0.0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)


@dataclass(frozen=True)
class Document:
    name: str
    text: str
    truth: str | None  # ISO 639-1 (or 639-3) code


def truth_code(value: str) -> str:
    import pycountry

    value = value.strip()
    # get() before lookup(): lookup("en") finds the language *named* "En" (enc), not English
    language = (
        pycountry.languages.get(alpha_2=value.lower())
        or pycountry.languages.get(alpha_3=value.lower())
        or pycountry.languages.lookup(value)
    )
    return getattr(language, "alpha_2", None) or language.alpha_3


def load_documents(folders: list[str]) -> list[Document]:
    documents = []
    for spec in folders:
        folder, _, default = spec.partition("=")
        for path in sorted(Path(folder).glob("*.txt")):
            truth = default or None
            sidecar = path.with_suffix(".json")
            if sidecar.exists():
                given = json.loads(sidecar.read_text(encoding="utf-8")).get("language")
                truth = truth_code(given) if given else truth
            text = path.read_text(encoding="utf-8", errors="replace")
            documents.append(Document(f"{Path(folder).name}/{path.name}", text, truth))
    return documents


def paragraphs(text: str) -> list[str]:
    """Blank-line paragraphs (or lines, in a text without blank lines), longest first."""
    blocks = text.split("\n\n") if "\n\n" in text else text.splitlines()
    joined = [" ".join(block.split()) for block in blocks]
    return sorted((p for p in joined if p), key=lambda p: (-len(p), p))


def snippet(paragraph: str, length: int) -> str | None:
    """The paragraph's first words, at most ``length`` characters; None if it is shorter."""
    if len(paragraph) < length:
        return None
    cut = paragraph[: length + 1]
    cut = cut[: cut.rfind(" ")] if " " in cut and not cut.endswith(" ") else cut
    return cut.strip() or None


def snippets(documents: list[Document], length: int) -> list[tuple[str, str]]:
    found = []
    for document in documents:
        if document.truth is None:
            continue
        cuts = (snippet(p, length) for p in paragraphs(document.text))
        found += [(c, document.truth) for c in cuts if c][:SNIPPETS_PER_DOCUMENT]
    return found


def score(detect: Detect, cases: list[tuple[str, str]]) -> dict[str, float]:
    right = wrong = unknown = 0
    for text, truth in cases:
        code, _ = detect(text)
        if code is None:
            unknown += 1
        elif code == truth:
            right += 1
        else:
            wrong += 1
    n = max(len(cases), 1)
    return {"n": len(cases), "right": right / n, "wrong": wrong / n, "unknown": unknown / n}


def per_document_ms(task, texts: list[str], repeat: int) -> float:
    passes = []
    for _ in range(repeat):
        start = time.perf_counter()
        for text in texts:
            task(text)
        passes.append((time.perf_counter() - start) / len(texts))
    return min(passes) * 1e3


def tei_detect() -> Detect:
    from tei.transforms.language import identify_language

    def detect(text: str) -> tuple[str | None, float]:
        language = identify_language(text)
        return (language.code, 1.0) if language else (None, 0.0)

    return detect


def reference_ms(documents: list[Document], repeat: int) -> float:
    """Reading each document into the model: what language identification runs beside."""
    from tei import bundled_authority, read

    authority = bundled_authority()
    readable = []
    for document in documents:
        try:
            read(document.text, document.name, authority)
        except Exception:  # the reader refuses some pages; they are not timed
            continue
        readable.append(document)
    texts = {d.text: d.name for d in readable}
    return per_document_ms(lambda t: read(t, texts[t], authority), list(texts), repeat)


def peak_rss_mb() -> float:
    """This process's peak resident memory. VmHWM, not ru_maxrss: a child's ru_maxrss starts
    at its parent's peak (Linux keeps it across fork and exec), VmHWM is reset by exec."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def probe(name: str, folders: list[str]) -> dict[str, float]:
    """Run in a fresh interpreter: what importing and using one library costs."""
    base = peak_rss_mb()
    start = time.perf_counter()
    detect = tei_detect() if name == "tei" else LIBRARIES[name].load()
    detect("Telegram received.")
    load_s = time.perf_counter() - start
    for document in load_documents(folders):
        detect(document.text)
        for paragraph in paragraphs(document.text)[:SNIPPETS_PER_DOCUMENT]:
            detect(paragraph)
    peak = peak_rss_mb()
    return {"load_s": load_s, "memory_mb": peak - base}


def probe_in_subprocess(name: str, folders: list[str]) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, __file__, "--probe", name, *folders],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def sweep(detect: Detect, documents, lengths) -> dict[str, dict[str, dict[str, float]]]:
    """Wrong and unknown answers by length if answers below a confidence were "unknown"."""
    table: dict[str, dict[str, dict[str, float]]] = {}
    for length in lengths:
        answers = [(*detect(text), truth) for text, truth in snippets(documents, length)]
        n = max(len(answers), 1)
        table[str(length)] = {
            str(threshold): {
                "wrong": sum(1 for c, p, t in answers if c and p >= threshold and c != t) / n,
                "unknown": sum(1 for c, p, _ in answers if not c or p < threshold) / n,
            }
            for threshold in THRESHOLDS
        }
    return table


def by_language(detect: Detect, documents, lengths) -> dict[str, dict[str, dict]]:
    """The same scores per language of the truth: English must not hide the others."""
    table: dict[str, dict[str, dict]] = {}
    for language in sorted({d.truth for d in documents if d.truth}):
        mine = [d for d in documents if d.truth == language]
        table[language] = {"documents": score(detect, [(d.text, language) for d in mine])}
        for n in lengths:
            table[language][str(n)] = score(detect, snippets(mine, n))
    return table


def measure(name: str, detect: Detect, documents, lengths, repeat) -> dict[str, object]:
    labelled = [(d.text, d.truth) for d in documents if d.truth]
    row: dict[str, object] = {"documents": score(detect, labelled)}
    row["snippets"] = {str(n): score(detect, snippets(documents, n)) for n in lengths}
    capitals = [(text.upper(), truth) for text, truth in snippets(documents, CAPS_LENGTH)]
    row["capitals"] = score(detect, capitals)
    if name == "tei":
        row["by_language"] = by_language(detect, documents, lengths)
    row["ms_per_document"] = per_document_ms(detect, [d.text for d in documents], repeat)
    row["misread"] = [
        f"{d.name}: {d.truth} -> {detect(d.text)[0]}"
        for d in documents
        if d.truth and detect(d.text)[0] != d.truth
    ]
    return row


def cell(c: dict[str, float]) -> str:
    return f" {c['right']:>5.0%} ({c['wrong']:>3.0%}/{c['unknown']:>3.0%})"


def print_summary(rows: dict[str, dict], documents, reference: float) -> None:
    labelled = sum(1 for d in documents if d.truth)
    languages = sorted({d.truth for d in documents if d.truth})
    print(f"{len(documents)} documents, {labelled} with a truth ({', '.join(languages)})")
    print(f"reading one document into the model (tei.read): {reference:.3f} ms")
    head = f"{'library':<16} {'version':>8} {'licence':>14} {'MB':>6} {'load s':>7} {'RSS MB':>7}"
    print(head + f" {'ms/doc':>7} {'× read':>7} {'docs ok':>8} {'CAPS ' + str(CAPS_LENGTH):>8}")
    for name, row in rows.items():
        about, docs = row["about"], row["documents"]
        print(
            f"{name:<16} {about.get('version', ''):>8} {about.get('licence', '')[:14]:>14}"
            f" {about.get('with_dependencies_mb', 0):>6.1f} {row['load_s']:>7.2f}"
            f" {row['memory_mb']:>7.0f} {row['ms_per_document']:>7.3f}"
            f" {row['ms_per_document'] / reference:>7.2f} {docs['right']:>8.1%}"
            f" {row['capitals']['right']:>8.1%}"
        )


def print_snippets(rows: dict[str, dict], lengths) -> None:
    print("\nparagraph snippets: right (wrong / unknown) by length in characters")
    print(f"{'library':<16}" + "".join(f" {n:>15}" for n in lengths))
    counts = next(iter(rows.values()))["snippets"]
    print(f"{'(snippets)':<16}" + "".join(f" {counts[str(n)]['n']:>15}" for n in lengths))
    for name, row in rows.items():
        print(f"{name:<16}" + "".join(cell(row["snippets"][str(n)]) for n in lengths))


def print_by_language(name: str, row: dict, lengths) -> None:
    print(f"\n{name} by language: right (wrong / unknown); documents, then snippets")
    print(f"{'language':<10} {'documents':>15}" + "".join(f" {n:>15}" for n in lengths))
    for language, cells in row["by_language"].items():
        picked = (cells["documents"], *(cells[str(n)] for n in lengths))
        print(f"{language:<10}" + "".join(cell(c) for c in picked))


def print_sweep(name: str, row: dict, lengths) -> None:
    print(f"\n{name}: wrong / unknown if answers below a confidence were unknown")
    print(f"{'confidence':<10}" + "".join(f" {n:>11}" for n in lengths))
    for t in THRESHOLDS:
        cells = [row["sweep"][str(n)][str(t)] for n in lengths]
        print(f"{t:<10}" + "".join(f" {c['wrong']:>4.0%}/{c['unknown']:>4.0%}" for c in cells))


def print_tables(rows: dict[str, dict], lengths, documents, reference: float) -> None:
    print_summary(rows, documents, reference)
    print_snippets(rows, lengths)
    if "tei" in rows:
        print_by_language("tei", rows["tei"], lengths)
    for name, row in rows.items():
        if "sweep" in row:
            print_sweep(name, row, lengths)
    for name, row in rows.items():
        for line in row["misread"]:
            print(f"{name}: misread {line}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="+", help="FOLDER or FOLDER=CODE (default truth)")
    parser.add_argument("--libraries", default=",".join([*LIBRARIES, "tei"]))
    parser.add_argument("--lengths", default=",".join(map(str, LENGTHS)))
    parser.add_argument("--repeat", type=int, default=3, help="timing passes; the best counts")
    parser.add_argument("--sweep", default="", help="libraries whose confidence to sweep")
    parser.add_argument("--probe", help=argparse.SUPPRESS)
    parser.add_argument("--results", type=Path, default=RESULTS, help="the JSON record")
    arguments = parser.parse_args()
    if arguments.probe:
        print(json.dumps(probe(arguments.probe, arguments.folders)))
        return
    lengths = [int(n) for n in arguments.lengths.split(",")]
    documents = load_documents(arguments.folders)
    if not documents:
        sys.exit(f"bench_language: no .txt files in {' '.join(arguments.folders)}")
    rows: dict[str, dict] = {}
    for name in arguments.libraries.split(","):
        if name != "tei" and not installed(LIBRARIES[name].distribution):
            print(f"{name}: not installed, left out")
            continue
        detect = tei_detect() if name == "tei" else LIBRARIES[name].load()
        rows[name] = measure(name, detect, documents, lengths, arguments.repeat)
        if name in arguments.sweep.split(","):
            rows[name]["sweep"] = sweep(detect, documents, lengths)
        rows[name].update(probe_in_subprocess(name, arguments.folders))
        rows[name]["about"] = {} if name == "tei" else describe(LIBRARIES[name].distribution)
    reference = reference_ms(documents, arguments.repeat)
    print_tables(rows, lengths, documents, reference)
    record = {
        "command": "python bench/bench_language.py " + " ".join(sys.argv[1:]),
        "python": platform.python_version(),
        "documents": len(documents),
        "read_ms_per_document": reference,
        "libraries": rows,
    }
    arguments.results.parent.mkdir(parents=True, exist_ok=True)
    arguments.results.write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {arguments.results}")


if __name__ == "__main__":
    main()
