"""Correspondents as a heading or title names them: a person, an office held by a person, or
an organisation.

``The Ambassador in China (Gauss)`` is the office with the person in it; ``the Secretary of
State`` and ``USSR Foreign Ministry`` name nobody, so they are organisations (``orgName``);
``Cde. Filippov [Stalin]`` is a person written as the source writes him, the editor's bracket
telling who is meant.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_HONORIFIC = re.compile(
    r"^(?:Comrade|Cde\.?|Com\.|Com\[rade\]|Comr\.|Tov\.|Mr\.?|Dear|His Excellency)\s+", re.I
)
_OFFICE_WITH_PERSON = re.compile(r"^(?:the\s+)?(?P<role>.+?)\s*\(\s*(?P<name>[^()]+?)\s*\)$", re.I)
_EXPLAINED = re.compile(r"^(?P<name>[^\[\]]+?)\s*\[(?P<explanation>[^\[\]]+)\]$")
#: words that make a name an office or a body rather than a person
_ORG_WORDS = re.compile(
    r"\b(?:Ministry|Ministers|Council|Committee|Department|Government|Embassy|Legation|"
    r"Secretariat|Politburo|Bureau|Office|Directorate|Staff|Commission|Secretary|"
    r"Ambassador|Chargé|Consul|Minister|Representative|Mission|Headquarters|CC|Chief|"
    r"Director|Adviser|Commander|Officer|Attaché|Delegate|Delegation|Chairman|President|"
    r"Counselor|Premier|Head)\b"
)


@dataclass(frozen=True)
class Party:
    """One end of a message as written: ``name`` (a person, or the body's name when ``org``),
    the office named with a person (``role``), and the editor's explanation in brackets."""

    name: str
    role: str | None = None
    org: bool = False
    explanation: str | None = None


def parse_party(text: str) -> Party | None:
    """``The Chargé in China (Vincent)`` → Party("Vincent", role="Chargé in China");
    ``the Secretary of State`` → Party("Secretary of State", org=True); ``Cde. Filippov
    [Stalin]`` → Party("Filippov", explanation="Stalin"). None for empty text."""
    text = " ".join(text.split()).strip(" ,.;:")
    if not text:
        return None
    office = _OFFICE_WITH_PERSON.match(text)
    if office and "[" not in office.group("role") and _ORG_WORDS.search(office.group("role")):
        return Party(office.group("name"), role=_strip_article(office.group("role")))
    if office:
        # ``Filippov [Stalin] (Excerpt)``: a remark in parentheses, not the holder of an office;
        # it stays in the title, not in the name
        text = office.group("role")
    while _HONORIFIC.match(text):
        text = _HONORIFIC.sub("", text, count=1)
    explanation = None
    explained = _EXPLAINED.match(text)
    if explained:
        text, explanation = explained.group("name").strip(), explained.group("explanation")
    text = _strip_article(text)
    if _is_body_or_office(text):
        return Party(text, org=True, explanation=explanation)
    return Party(text, explanation=explanation)


def _is_body_or_office(text: str) -> bool:
    """``USSR Foreign Ministry``, ``Secretary of State``, ``Council of Ministers``: an office
    or body word that ends the name or is followed by ``of``; ``Minister Molotov`` is a person
    with a title."""
    words = text.split()
    if not words or not _ORG_WORDS.search(text):
        return False
    return bool(_ORG_WORDS.fullmatch(words[-1])) or " of " in f" {text} "


def _strip_article(text: str) -> str:
    return re.sub(r"^the\s+", "", text.strip(), flags=re.I)
