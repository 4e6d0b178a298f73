"""Synthetic telegrams for benchmarks, batch tests and property tests.

One composer writes a telegram in any of the three layouts from a stream of choices. The
choices come from a seeded ``random.Random`` (benchmarks, fixed corpora: the same seed gives the
same files) or from hypothesis (property tests: shrinking works on the choices). Every
bracketed insertion of the encoding contract appears in the vocabulary, so round trips and
validity are exercised on all of them.

    python bench/corpus.py OUTDIR --count 1000 --seed 1
"""

from __future__ import annotations

import argparse
import random
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, TypeVar

T = TypeVar("T")

MONTHS = (
    "January February March April May June July August September October November December"
).split()

#: (name as written, explanation in brackets or None): correspondents the bundled authority knows
CORRESPONDENTS = (
    ("Filippov", "Stalin"),
    ("Mao Zedong", None),
    ("Zhou Enlai", None),
    ("Terebin", None),
    ("Kovalev", None),
    ("Liu Shaoqi", None),
)

WORDS = (
    "government peace proposal negotiations army troops party question telegram answer "
    "position situation people country committee delegation agreement conditions "
    "mediation victory enemy plan decision opinion comrades representatives"
).split()
VERBS = "received consider propose think agree insist accept reject send discuss".split()

#: bracketed insertions of every kind in the contract's table (text as it stands in a sentence)
INSERTIONS = (
    "[....]",
    "[...]",
    "[…]",
    "[illegible]",
    "Filippov [Stalin]",
    "Chiang Kai-shek [Jiang Jieshi]",
    "the CC [Central Committee]",
    "[which is]",
    "[of the]",
    "Com[rade] Kovalev",
    "Harbin [?]",
    "recieved [sic]",
    "[Translator's note: the word is unclear in the original]",
    "[Ed. note: this paragraph was underlined]",
    "[signature]",
    "[Stamp: Top Secret]",
    "[handwritten: agreed]",
)


class Choices(Protocol):
    """Where decisions come from: a seeded RNG or hypothesis."""

    def integer(self, low: int, high: int) -> int: ...

    def pick(self, options: Sequence[T]) -> T: ...


@dataclass
class RandomChoices:
    """Choices from a seeded ``random.Random``: the same seed, the same corpus."""

    rng: random.Random

    def integer(self, low: int, high: int) -> int:
        return self.rng.randint(low, high)

    def pick(self, options: Sequence[T]) -> T:
        return options[self.rng.randrange(len(options))]


@dataclass(frozen=True)
class Composed:
    """A generated telegram and what the converter should find in it."""

    text: str
    layout: str
    sender: str
    recipient: str
    date_iso: str
    points: int
    insertions: tuple[str, ...]


def compose(choices: Choices, number: int = 0) -> Composed:
    """A whole telegram: header in the chosen layout, salutation, points, closer."""
    layout = choices.pick(("markdown-export", "web-page", "generic"))
    sender = choices.pick(CORRESPONDENTS)
    recipient = choices.pick([c for c in CORRESPONDENTS if c != sender])
    year, month, day = choices.integer(1945, 1953), choices.integer(1, 12), choices.integer(1, 28)
    date_us = f"{MONTHS[month - 1]} {day}, {year}"
    date_uk = f"{day} {MONTHS[month - 1]} {year}"
    sender_text = _named(sender)
    recipient_text = _named(recipient)
    used: list[str] = []
    paragraphs = [_sentence(choices, used) for _ in range(choices.integer(0, 2))]
    point_count = choices.integer(0, 5)
    points = []
    for n in range(1, point_count + 1):
        extra = [_sentence(choices, used) for _ in range(choices.integer(0, 2))]
        points.append([f"{n}. {_sentence(choices, used)}", *extra])
    if choices.integer(0, 3) == 0:
        paragraphs.append(
            "Our answer is: a) to accept the proposal; b) to refuse [the] mediation; c) to wait."
        )
        used.append("[the]")
    salute = choices.pick((f"Comrade {recipient[0]},", f"To Comrade {recipient[0]}."))
    body = [salute, *paragraphs, *("\n\n".join(p) for p in points), sender_text, date_uk]
    title = f"Telegram, {sender_text} to {recipient_text}"
    text = _layout(layout, title, date_us, body, number, choices)
    return Composed(
        text,
        layout,
        sender[0],
        recipient[0],
        f"{year}-{month:02d}-{day:02d}",
        point_count,
        tuple(used),
    )


def _named(person: tuple[str, str | None]) -> str:
    return f"{person[0]} [{person[1]}]" if person[1] else person[0]


def _sentence(choices: Choices, used: list[str]) -> str:
    words = [choices.pick(WORDS) for _ in range(choices.integer(3, 12))]
    words.insert(1, choices.pick(VERBS))
    if choices.integer(0, 2):
        insertion = choices.pick(INSERTIONS)
        words.insert(choices.integer(1, len(words)), insertion)
        used.append(insertion)
    sentence = " ".join(words)
    return sentence[0].upper() + sentence[1:] + "."


def _layout(
    layout: str, title: str, date: str, body: list[str], number: int, choices: Choices
) -> str:
    text_body = "\n\n".join(body)
    citation = (
        f'"{title}", {date}, Wilson Center Digital Archive, APRF, f. 45, op. 1, '
        f"d. {choices.integer(1, 400)}, ll. {choices.integer(1, 90)}-{choices.integer(91, 99)}. "
        f"Contributed by Sergey Radchenko."
    )
    if layout == "markdown-export":
        url = f"https://digitalarchive.wilsoncenter.org/document/{900000 + number}"
        return (
            f"**{date}**  \n**{title}**\n\n**Citation:**\n\n{citation} <{url}>\n\n"
            f"**Summary:**\n\nA generated telegram for testing.\n\n"
            f"**Original Language:**\n\nRussian\n\n**Contents:**\n\nTranslation - English\n\n"
            f"{text_body}\n"
        )
    if layout == "web-page":
        return (
            f"Search in\n\nDigital Archive International History Declassified\n\n{date}\n\n"
            f"  • Citation\n\n    get citation\n\n    A generated telegram for testing.\n"
            f"    {citation}\n  • share document\n\n\nEnglish HTML\n\n{text_body}\n\n\n"
            f"PDFs cannot be printed inline in the page. To print a PDF, you must first "
            f"download the file and open it in a PDF viewer.\n"
        )
    return f"{title}\n{date}\n\n{text_body}\n"


def write_corpus(folder: Path, count: int, seed: int = 1) -> list[Path]:
    """Write ``count`` telegrams as ``gen_0000.txt`` … into ``folder``; same seed, same files."""
    folder.mkdir(parents=True, exist_ok=True)
    choices = RandomChoices(random.Random(seed))
    paths = []
    for number in range(count):
        path = folder / f"gen_{number:04d}.txt"
        path.write_text(compose(choices, number).text, encoding="utf-8")
        paths.append(path)
    return paths


#: real transcriptions every pipeline corpus starts with, where the repository has them
REAL_FOLDERS = ("seeds", "tests/corpus")


def real_documents(root: Path | None = None) -> list[Path]:
    """The real transcriptions in seeds/ and tests/corpus/ (none when they are absent)."""
    root = root or Path(__file__).resolve().parent.parent
    found = []
    for folder in REAL_FOLDERS:
        found += sorted(p for p in (root / folder).rglob("*") if p.suffix in (".txt", ".md"))
    return found


def write_pipeline_corpus(folder: Path, count: int, seed: int = 1) -> int:
    """``count`` telegrams in ``folder``: the real ones first (as ``real/…``), then generated
    ones (``gen_00000.txt`` …). Returns how many are real."""
    real = real_documents()[:count]
    for number, path in enumerate(real):
        target = folder / "real" / f"{number:03d}_{path.name}"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(path.read_bytes())
    folder.mkdir(parents=True, exist_ok=True)
    choices = RandomChoices(random.Random(seed))
    for number in range(count - len(real)):
        text = compose(choices, number).text
        (folder / f"gen_{number:05d}.txt").write_text(text, encoding="utf-8")
    return len(real)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--count", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    arguments = parser.parse_args()
    paths = write_corpus(arguments.folder, arguments.count, arguments.seed)
    print(f"wrote {len(paths)} telegrams to {arguments.folder}")


if __name__ == "__main__":
    main()
