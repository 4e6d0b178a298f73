"""Fidelity: how much of what a real page says the converter finds, field by field.

Converts every ``NAME.txt`` of a folder that has a hand-checked ``NAME.json`` beside it through
the public API (``tei.read`` → ``tei.encode_telegram`` → text rendering) and compares the result
with the truth file (fields as in ``tests/corpus/README.md``: the Wilson Center's lists
``senders``/``recipients``/``intermediaries``, FRUS's ``sender``/``recipient``/``place``/…).

A field is scored only where the truth has a value **and the page itself shows it** (a FRUS page
may drop the dateline, a cut Wilson page its summary); otherwise it is "n/a" with that reason.
Every miss is printed with its reason (not found / what was found instead).

    python bench/fidelity.py tests/corpus/wilson tests/corpus/frus [--json OUT]

Exit 0 always when the pages convert (the figures are the result); 1 when a page is refused.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tei import TeiError, bundled_authority, encode_telegram, read  # noqa: E402
from tei.model import Person, Telegram  # noqa: E402
from tei.render.xslt import render_text  # noqa: E402

NS = {"t": "http://www.tei-c.org/ns/1.0"}
FIELDS = (
    "title",
    "date",
    "sender",
    "recipient",
    "relays",
    "summary",
    "references",
    "language",
    "signature",
    "place",
    "received",
    "telegram number",
    "classification",
    "brackets rendered",
    "brackets as text",
)
_HONORIFIC = re.compile(
    r"^(?:the|cde\.?|cdes\.?|comrade|com\.?|com\[rade\]|comr\.|tov\.|mr\.?|dear|to)\s+", re.I
)


@dataclass
class Score:
    """One field of one document: found / expected, and why not when it was missed."""

    found: int = 0
    expected: int = 0
    reason: str = ""


@dataclass
class DocumentScore:
    name: str
    scores: dict[str, Score] = field(default_factory=dict)
    error: str = ""


def normalise(text: str) -> str:
    """Compare texts as a reader does: white space, no-break spaces, quote styles aside."""
    text = text.replace("\u00a0", " ").replace("’", "'").replace("( ", "(").replace(" )", ")")
    return " ".join(text.split())


def name_key(text: str) -> str:
    """A name without the editor's brackets, honorifics and closing punctuation."""
    text = re.sub(r"\s*\[[^\]]*\]", "", normalise(text)).strip(" .,:;!")
    while _HONORIFIC.match(text):
        text = _HONORIFIC.sub("", text, count=1)
    return text.casefold()


def person_keys(person: Person) -> set[str]:
    """The ways a truth file may write this person: name, office, office (name)."""
    keys = {name_key(person.name)}
    role = getattr(person, "role", None)  # older models (for a before/after run) have none
    if role:
        keys |= {name_key(f"{role} {person.name}"), name_key(f"{role} ({person.name})")}
        keys.add(name_key(role))
    return keys


def score_names(truth: list[str], found: Iterable[Person]) -> Score:
    found = list(found)
    hits = sum(1 for name in truth if any(name_key(name) in person_keys(p) for p in found))
    score = Score(hits, len(truth))
    if hits < len(truth):
        got = ", ".join(
            f"{p.role} ({p.name})" if getattr(p, "role", None) else p.name for p in found
        )
        score.reason = f"found {got!r}" if got else "not found"
    return score


def score_text(expected: str, got: str | None) -> Score:
    if got is not None and normalise(got) == normalise(expected):
        return Score(1, 1)
    return Score(0, 1, f"found {got!r}" if got else "not found")


def in_page(page: str, value: str) -> bool:
    return normalise(value) in page


def score_document(text_path: Path) -> DocumentScore:
    truth = json.loads(text_path.with_suffix(".json").read_text("utf-8"))
    raw = text_path.read_text("utf-8")
    page = normalise(raw)
    result = DocumentScore(text_path.stem)
    try:
        telegram = read(raw, text_path.name, bundled_authority())
        tree = encode_telegram(telegram)
        rendered = render_text(tree).decode("utf-8")
    except TeiError as error:
        result.error = str(error)
        return result
    checks = _checks(truth, page, raw, telegram, tree, rendered)
    for name, (shown, compute) in checks.items():
        result.scores[name] = compute() if shown is True else Score(0, 0, shown or "")
    return result


def _checks(truth, page, raw, telegram: Telegram, tree, rendered):
    """Field → (True when scored, or the reason it is not; the scoring function)."""
    header = telegram.header
    frus = "sender" in truth and "senders" not in truth
    sent = [p for a in header.actions if a.type == "sent" for p in a.persons]
    received_persons = [p for a in header.actions if a.type == "received" for p in a.persons]
    received_action = next((a for a in header.actions if a.type == "received"), None)
    senders = [truth["sender"]] if frus else truth.get("senders") or []
    recipients = [truth["recipient"]] if frus else truth.get("recipients") or []
    shown_dateline = frus and _frus_dateline_shown(truth, page)
    body_start = normalise(rendered.split("\n\n", 1)[-1])

    def shown(value, reason="not in the truth file") -> bool | str:
        if not value:
            return reason
        return True

    checks: dict[str, tuple[bool | str, Callable[[], Score]]] = {
        "title": (shown(truth.get("title")), lambda: score_text(truth["title"], header.title)),
        "date": (
            (shown_dateline or "the page shows no dateline") if frus else shown(truth["date_iso"]),
            lambda: score_text(truth["date_iso"], header.date.iso if header.date else None),
        ),
        "sender": (
            shown(senders, "the document names no sender"),
            lambda: score_names(senders, sent),
        ),
        "recipient": (
            shown(recipients, "the document names no recipient"),
            lambda: score_names(recipients, received_persons),
        ),
        "relays": (
            shown(truth.get("intermediaries"), "no relay"),
            lambda: score_names(truth["intermediaries"], _relays(telegram)),
        ),
        "summary": (
            _shown_in(page, truth.get("summary")),
            lambda: _with_warning(
                score_text(truth["summary"], header.summary), telegram, "summary"
            ),
        ),
        "references": (
            _shown_in(page, truth.get("archive_refs")),
            lambda: _score_references(truth["archive_refs"], tree, header),
        ),
        "language": (
            shown(truth.get("original_language"), "the page names no original language"),
            lambda: score_text(
                truth["original_language"],
                header.original_language.name if header.original_language else None,
            ),
        ),
        "signature": (
            _signature_shown(truth, raw),
            lambda: _score_signature(truth, raw, tree),
        ),
        "place": (
            (shown_dateline or "the page shows no dateline") if frus else "not in the truth file",
            lambda: score_text(
                truth["place"], next((a.place for a in header.actions if a.place), None)
            ),
        ),
        "received": (
            _shown_in(page, truth.get("received")) if frus else "not in the truth file",
            lambda: _score_received(truth["received"], received_action),
        ),
        "telegram number": (
            (
                True
                if truth.get("telegram_number")
                and re.search(rf"(?m)^{truth['telegram_number']}\.", raw)
                else "the page shows no telegram number"
            )
            if frus
            else "not in the truth file",
            lambda: Score(
                int(truth["telegram_number"] in header.telegram_numbers),
                1,
                ""
                if truth["telegram_number"] in header.telegram_numbers
                else f"found {header.telegram_numbers!r}",
            ),
        ),
        "classification": (
            (True if _shown_markings(truth, raw) else "the page shows no marking")
            if frus
            else "not in the truth file",
            lambda: _score_markings(_shown_markings(truth, raw), tree),
        ),
        "brackets rendered": (
            shown(_truth_brackets(truth, frus, page), "no brackets in the body on the page"),
            lambda: _score_brackets(_truth_brackets(truth, frus, page), body_start),
        ),
        "brackets as text": (True, lambda: _brackets_as_text(tree)),
    }
    return checks


def _with_warning(score: Score, telegram: Telegram, word: str) -> Score:
    """A miss the reader explained in a warning gets that warning as its reason."""
    if score.found < score.expected:
        said = [w.message for w in telegram.warnings if word in w.message]
        if said:
            score.reason += f" (reader: {said[0]})"
    return score


def _shown_in(page: str, value: str | list[str] | None) -> bool | str:
    """Whether the page shows the truth's value (every item of a list of them)."""
    if not value:
        return "not on the page"
    values = value if isinstance(value, list) else [value]
    shown = all(normalise(item) in page for item in values)
    return True if shown else "not on the page (cut or dropped)"


def _frus_dateline_shown(truth: dict, page: str) -> bool:
    dateline = (truth.get("dateline_text") or "").split(" / ")[0]
    return bool(dateline) and normalise(dateline).rstrip(".") in page


def _truth_brackets(truth: dict, frus: bool, page: str = "") -> list[str]:
    """The truth's insertions that the page shows (a cut page loses the rest)."""
    values = list(truth.get("brackets") if frus else truth.get("bracket_insertions") or [])
    return [v for v in values if not page or normalise(v) in page]


def _relays(telegram: Telegram) -> list[Person]:
    """Relay parties that are not the message's own author or addressee."""
    ends = [p for a in telegram.header.actions if a.type != "transmitted" for p in a.persons]
    end_ids = {p.person_id for p in ends if p.person_id}
    end_keys = set().union(*(person_keys(p) for p in ends)) if ends else set()
    relays = []
    for action in telegram.header.actions:
        if action.type != "transmitted":
            continue
        for person in (*action.persons, action.relay_from, action.relay_to):
            if person is None or (person.person_id and person.person_id in end_ids):
                continue
            if person_keys(person) & end_keys:
                continue
            relays.append(person)
    return relays


def _score_references(expected: str | list[str], tree, header) -> Score:
    """The archive's references in sourceDesc, verbatim, and structured where they name a
    fond (a list of them, as other publishers' truth files give them, scores each)."""
    if isinstance(expected, list):
        scores = [_score_references(item, tree, header) for item in expected]
        misses = [s.reason for s in scores if s.reason]
        return Score(sum(s.found for s in scores), len(scores), misses[0] if misses else "")
    source = tree.getroot().find("t:teiHeader/t:fileDesc/t:sourceDesc", NS)
    text = normalise("".join(source.itertext())) if source is not None else ""
    verbatim = normalise(expected) in text
    structured = bool(header.archival_refs) or not re.search(r"\b(?:f|F|Fond)\.?\s*\d", expected)
    if verbatim and structured:
        return Score(1, 1)
    if not verbatim:
        return Score(0, 1, "the source statement is not in sourceDesc verbatim")
    return Score(0, 1, "no archive/fond/opis/delo recognised")


def _signature_shown(truth: dict, raw: str) -> bool | str:
    expected = _expected_signatures(truth, raw)
    return True if expected else "the page shows no signature"


def _expected_signatures(truth: dict, raw: str) -> list[str]:
    values = truth.get("signatures") if "signatures" in truth else [truth.get("signature")]
    lines = [normalise(line) for line in raw.splitlines()]
    return [
        v
        for v in values or []
        if v
        and any(normalise(v) in line for line in lines if len(line) < 3 * len(normalise(v)) + 20)
    ]


def _score_signature(truth: dict, raw: str, tree) -> Score:
    expected = _expected_signatures(truth, raw)
    signed = [
        normalise("".join(s.itertext()))
        for s in tree.getroot().iterfind(".//t:text//t:closer/t:signed", NS)
        if not s.xpath("ancestor::t:floatingText", namespaces=NS)
    ]
    # TEI holds an editor's bracket as an element: compare without the bracket characters
    hits = sum(
        1 for value in expected if any(re.sub(r"[\[\]]", "", normalise(value)) in s for s in signed)
    )
    score = Score(hits, len(expected))
    if hits < len(expected):
        score.reason = f"found {signed!r}" if signed else "no signature found"
    return score


def _shown_markings(truth: dict, raw: str) -> list[str]:
    lines = {normalise(line).casefold() for line in raw.splitlines()}
    return [c["text"] for c in truth.get("classification") or [] if c["text"].casefold() in lines]


def _score_markings(expected: list[str], tree) -> Score:
    segs = [
        normalise("".join(seg.itertext())).casefold()
        for seg in tree.getroot().iterfind(".//t:opener/t:seg[@type='classification']", NS)
    ]
    hits = sum(1 for value in expected if value.casefold() in segs)
    return Score(hits, len(expected), "" if hits == len(expected) else f"found {segs!r}")


def _score_received(expected: str, action) -> Score:
    time = getattr(action, "time", None)
    if action is None or (action.date is None and time is None):
        return Score(0, 1, "no received date")
    match = re.search(r"(\d{1,2}):(\d{2})\s*([ap])\.m\.", expected)
    if match and time is None:
        return Score(0, 1, f"received {action.date.iso} without its time")
    return Score(1, 1)


def _score_brackets(expected: list[str], rendered: str) -> Score:
    position = 0
    hits = 0
    missing = []
    for bracket in expected:
        index = rendered.find(normalise(bracket), position)
        if index < 0:
            missing.append(bracket)
            continue
        hits += 1
        position = index + 1
    score = Score(hits, len(expected))
    if missing:
        score.reason = "not rendered back: " + ", ".join(missing[:3])
    return score


def _brackets_as_text(tree) -> Score:
    body = tree.getroot().find("t:text", NS)
    count = sum(t.count("[") + t.count("]") for t in body.xpath(".//text()"))
    return Score(int(count == 0), 1, f"{count} bracket characters left as text" if count else "")


def score_folder(folder: Path) -> list[DocumentScore]:
    return [
        score_document(p) for p in sorted(folder.glob("*.txt")) if p.with_suffix(".json").exists()
    ]


def print_table(results: list[DocumentScore], out=None) -> dict[str, tuple[int, int]]:
    """The totals per field, then every miss with its reason."""
    out = out if out is not None else sys.stdout
    totals = {name: [0, 0] for name in FIELDS}
    misses = []
    for result in results:
        if result.error:
            misses.append(f"{result.name}: REFUSED: {result.error}")
            continue
        for name, score in result.scores.items():
            totals[name][0] += score.found
            totals[name][1] += score.expected
            if score.found < score.expected:
                misses.append(
                    f"{result.name}: {name} {score.found}/{score.expected}: {score.reason}"
                )
    width = max(len(n) for n in FIELDS)
    print(f"{'field':<{width}}  found/expected", file=out)
    for name in FIELDS:
        found, expected = totals[name]
        print(f"{name:<{width}}  {found:>3}/{expected:<3}", file=out)
    refused = sum(1 for r in results if r.error)
    print(f"{len(results)} documents, {refused} refused", file=out)
    if misses:
        print("misses:", file=out)
        for miss in misses:
            print(f"  {miss}", file=out)
    return {name: (f, e) for name, (f, e) in totals.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--json", type=Path, help="write per-document scores here")
    args = parser.parse_args(argv)
    results = [r for folder in args.folders for r in score_folder(folder)]
    print_table(results)
    if args.json:
        data = {
            r.name: {"error": r.error, **{k: vars(v) for k, v in r.scores.items()}} for r in results
        }
        args.json.write_text(json.dumps(data, indent=1, ensure_ascii=False), "utf-8")
    return 1 if any(r.error for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
