"""Square-bracketed editorial insertions in running text → inline model nodes.

Every bracket pair becomes a node; none survives as literal text. The classification follows the
encoding contract's table, in a fixed order from the most specific form (an omission mark) to the
least (words supplied for sense). Identities come only from the authority file: ``Filippov
[Stalin]`` is a person because the authority knows both names, and ``Chiang Kai-shek [Jiang
Jieshi]`` is a modern spelling because the authority lists ``Jiang Jieshi`` as the regularised
form. Whatever fits no rule is still encoded, and reported.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from tei.authority import Authority
from tei.errors import InputError
from tei.model import (
    Explained,
    ExplanationKind,
    Illegible,
    Inline,
    InlineList,
    ListItem,
    Note,
    NoteKind,
    Omission,
    PageBreak,
    Regularised,
    Sic,
    Supplied,
    SuppliedReason,
    Text,
    Uncertain,
)

Warn = Callable[..., None]  # (message, line, kind)

_OMISSION = re.compile(r"\s*(?:\.\s*){2,}\s*|\s*…+\s*")
_ILLEGIBLE = re.compile(r"illegible(?:\s+(?:word|words|text|passage|line|lines))?\.?", re.I)
_SIC = re.compile(r"sic!?", re.I)
_EDITORIAL = re.compile(
    r"(?P<who>translator'?s?'?|translators'|editor'?s?'?|ed\.|eds\.|trans\.|tr\.)?\s*"
    r"(?:note|comment)\s*:",
    re.I,
)
_PHYSICAL = re.compile(
    r"(?P<what>signature|signed|stamp|seal|handwritten|handwriting|resolution|"
    r"marginal\s+note|margin|notation|initials|typed)\b",
    re.I,
)
_LOWER_WORDS = re.compile(r"[a-z][a-z'’\-]*(?:[\s,]+[a-z][a-z'’\-]*)*")
# A name word is bounded (no name has a 60-letter word) and starts a word, so finding the run
# that ends a long text tries a bounded match at each capital: linear, never quadratic.
_NAME_WORD = r"[A-Z][\w'’\-]{0,60}\.?"
_NAME_RUN = re.compile(rf"(?<![\w'’\-])(?:{_NAME_WORD}\s+){{0,3}}{_NAME_WORD}$")
#: brackets nested deeper than this are refused (real transcriptions nest two or three)
MAX_BRACKET_DEPTH = 32
_LEADING_NON_NAMES = {"the", "a", "an", "on", "in", "to", "of", "and", "by", "for", "from"}
_HONORIFICS = {"comrade", "cde.", "com.", "cde", "mr.", "mr", "dear", "general", "marshal"}
_PAGE = re.compile(r"Page\s+(?P<n>\d{1,5})")
_LETTER = re.compile(r"(?:(?<=\s)|^)\(?(?P<n>[a-z])\)\s+")


def find_brackets(text: str, line: int) -> list[tuple[int, int]]:
    """Spans (start, end) of top-level bracket pairs; unbalanced brackets are an error."""
    spans: list[tuple[int, int]] = []
    depth = 0
    start = 0
    for index, char in enumerate(text):
        if char == "[":
            if depth == 0:
                start = index
            depth += 1
            if depth > MAX_BRACKET_DEPTH:
                raise InputError(
                    f"brackets nested more than {MAX_BRACKET_DEPTH} deep at column {index + 1}",
                    line=line,
                    column=index + 1,
                    hint="check the brackets: editorial insertions nest two or three deep",
                )
        elif char == "]":
            if depth == 0:
                raise InputError(
                    f"unbalanced bracket: ']' at column {index + 1} closes nothing",
                    line=line,
                    column=index + 1,
                    hint="add the missing '[' or remove the ']'",
                )
            depth -= 1
            if depth == 0:
                spans.append((start, index + 1))
    if depth:
        raise InputError(
            f"unbalanced bracket: '[' at column {start + 1} is never closed",
            line=line,
            column=start + 1,
            hint="add the missing ']' (brackets must close within the paragraph)",
        )
    return spans


def parse_inline(text: str, line: int, authority: Authority, warn: Warn) -> tuple[Inline, ...]:
    """Parse a paragraph's text into inline nodes, with lettered items as an inline list."""
    items = _split_letter_items(text)
    if items is None:
        return _parse_brackets(text, line, authority, warn)
    prefix, parts = items
    nodes: list[Inline] = list(_parse_brackets(prefix, line, authority, warn)) if prefix else []
    list_items = tuple(
        ListItem(n=n, label=label, content=_parse_brackets(body, line, authority, warn))
        for n, label, body in parts
    )
    nodes.append(InlineList(list_items))
    return tuple(nodes)


def _split_letter_items(text: str) -> tuple[str, list[tuple[str, str, str]]] | None:
    """Split ``… a) x; b) y; c) z`` into prefix and items, when the letters run a, b, c…."""
    expected = "a"
    starts: list[re.Match[str]] = []
    for match in _LETTER.finditer(text):
        if match.group("n") == expected:
            starts.append(match)
            expected = chr(ord(expected) + 1)
    if len(starts) < 2:
        return None
    parts = []
    for index, match in enumerate(starts):
        end = starts[index + 1].start() if index + 1 < len(starts) else len(text)
        label = match.group(0).strip()
        parts.append((match.group("n"), label, text[match.end() : end].strip()))
    return text[: starts[0].start()], parts


def _parse_brackets(text: str, line: int, authority: Authority, warn: Warn) -> tuple[Inline, ...]:
    spans = find_brackets(text, line)
    nodes: list[Inline] = []
    position = 0
    for start, end in spans:
        before = text[position:start]
        content = text[start + 1 : end - 1]
        after = text[end:]
        if "[" in content:
            # A bracket inside a bracket: the outer pair is an editorial note whose content is
            # parsed in turn, so the inner insertion is encoded too and nothing is lost.
            warn(
                f"nested brackets in [{content}]: encoded as an editorial note",
                line,
                "nested-brackets",
            )
            inner = _parse_brackets(content, line, authority, warn)
            node: Inline = Note(content, NoteKind.EDITORIAL, "nested", line, inner)
        else:
            node, before = _classify(before, content, after, line, authority, warn)
        if before:
            nodes.append(Text(before))
        nodes.append(node)
        position = end
    if position < len(text):
        nodes.append(Text(text[position:]))
    return _merge_text(nodes)


def _classify(
    before: str, content: str, after: str, line: int, authority: Authority, warn: Warn
) -> tuple[Inline, str]:
    """Decide what one bracket pair means; return its node and the text left before it."""
    stripped = content.strip()
    if not stripped or _OMISSION.fullmatch(content):
        if not stripped:
            warn("empty brackets []: encoded as an omission mark", line, "empty-brackets")
        return Omission(content, line), before
    if _ILLEGIBLE.fullmatch(stripped):
        return Illegible(stripped, line), before
    page = _PAGE.fullmatch(stripped)
    if page:
        return PageBreak(page.group("n"), line), before
    if stripped == "?":
        word, rest = _last_word(before)
        if word:
            return Uncertain(word, line), rest
    if _SIC.fullmatch(stripped):
        word, rest = _last_word(before)
        if word:
            return Sic(word, line), rest
    editorial = _EDITORIAL.match(stripped)
    if editorial:
        who = (editorial.group("who") or "").lower()
        subtype = "translator" if who.startswith("tr") else "editor"
        return Note(content, NoteKind.EDITORIAL, subtype, line), before
    physical = _PHYSICAL.match(stripped)
    if physical and (":" in stripped or len(stripped.split()) <= 3):
        what = physical.group("what").lower().split()[0]
        subtype = {"signed": "signature", "handwriting": "handwritten", "margin": "marginal"}.get(
            what, what
        )
        return Note(content, NoteKind.PHYSICAL, subtype, line), before
    if (before and before[-1].isalnum()) or after[:1].isalpha():
        # Com[rade], [Com]rade: the editor completes a word.
        return Supplied(content, SuppliedReason.OMITTED, line), before
    named = _classify_name(before, stripped, line, authority)
    if named is not None:
        return named
    if _LOWER_WORDS.fullmatch(stripped):
        return Supplied(content, SuppliedReason.SUBAUDIBLE, line), before
    if stripped[:1].isupper() or stripped[:1].isdigit():
        return Explained("", content, ExplanationKind.TERM, None, line=line), before
    warn(
        f"could not classify the bracketed insertion [{content}]: encoded as supplied",
        line,
        "unclassified-bracket",
    )
    return Supplied(content, SuppliedReason.UNDEFINED, line), before


def _classify_name(
    before: str, explanation: str, line: int, authority: Authority
) -> tuple[Inline, str] | None:
    """``Name [Explanation]``: a person, a modern spelling, or an abbreviation explained."""
    head = before.rstrip()
    separator = before[len(head) :]
    if not separator or not head:
        return None
    known = authority.longest_name_ending(head)
    explained_person = authority.find(explanation)
    if known is not None:
        term, person = known
        rest = head[: len(head) - len(term)]
        if _is_regularisation(person.name_type(term), person.name_type(explanation)):
            return Regularised(term, explanation, person.id, line), rest
        return (
            Explained(term, explanation, ExplanationKind.PERSON, person.id, separator, line),
            rest,
        )
    abbreviation = re.search(r"\b([A-Z]{2,6})$", head)
    if abbreviation and _initials_match(abbreviation.group(1), explanation):
        term = abbreviation.group(1)
        return (
            Explained(term, explanation, ExplanationKind.ABBREVIATION, None, separator, line),
            head[: len(head) - len(term)],
        )
    run = _name_run(head)
    if run and explanation[:1].isupper():
        kind = ExplanationKind.PERSON if explained_person else ExplanationKind.TERM
        person_id = explained_person.id if explained_person else None
        return (
            Explained(run, explanation, kind, person_id, separator, line),
            head[: len(head) - len(run)],
        )
    return None


def _is_regularisation(term_type: str | None, explanation_type: str | None) -> bool:
    """A spelling pair (``Chiang Kai-shek`` → ``Jiang Jieshi``), not a pseudonym explained."""
    if term_type == "pseudonym":
        return False
    return explanation_type == "reg" or (term_type == "variant" and explanation_type == "main")


def _initials_match(abbreviation: str, expansion: str) -> bool:
    words = [w for w in re.split(r"[\s\-]+", expansion) if w and w[0].isupper()]
    return "".join(w[0] for w in words).upper() == abbreviation.upper()


def _name_run(head: str) -> str | None:
    """The capitalised words that end ``head`` (at most four), without articles or titles."""
    match = _NAME_RUN.search(head)
    if not match:
        return None
    words = match.group(0).split()
    while words and (words[0].lower() in _LEADING_NON_NAMES or words[0].lower() in _HONORIFICS):
        words.pop(0)
    if not words:
        return None
    return " ".join(words) if " ".join(words) == head[-len(" ".join(words)) :] else words[-1]


def _last_word(before: str) -> tuple[str, str]:
    """Split off the last word before a mark (``word [?]``), keeping the space out of it."""
    head = before.rstrip()
    match = re.search(r"\S+$", head)
    if not match:
        return "", before
    return match.group(0), head[: match.start()]


def _merge_text(nodes: list[Inline]) -> tuple[Inline, ...]:
    merged: list[Inline] = []
    for node in nodes:
        if isinstance(node, Text) and merged and isinstance(merged[-1], Text):
            merged[-1] = Text(merged[-1].text + node.text)
        elif not (isinstance(node, Text) and not node.text):
            merged.append(node)
    return tuple(merged)
