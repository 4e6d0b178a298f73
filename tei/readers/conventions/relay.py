"""Relay phrases: where a document says its message passes through someone else's hands.

Titles: ``Terebin to Stalin [via Kuznetsov]``, ``Kim Il Sung to Stalin (via Shtykov)``,
``Shtykov to Gromyko, transmitting 16 November 1950 message from Kim Il Sung to Stalin``. Lines
of the text: ``For Mao Zedong.`` / ``for Cde. Mao Zedong`` (the final addressee, above the
message), ``Visit Cde. MAO ZEDONG and pass him the following reply`` (the addressee of the
telegram hands the message on).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_VIA = re.compile(
    r"^(?P<rest>.+?)\s*(?:\[\s*via\s+(?P<b>[^\[\]]+?)\s*\]|\(\s*via\s+(?P<p>[^()]+?)\s*\))$", re.I
)
# ``A to B, transmitting a message from C to D``: the keyword phrase is found first and each side
# read on its own (one lazy run each), so a title of repeated phrases stays linear; one pattern
# with a lazy run on each side took seconds on 13 KB of them.
_TRANSMITTING = re.compile(
    r",?\s+transmitting\s+(?:an?\s+|the\s+)?(?:[\w\-]+\s+){0,4}?"
    r"(?:message|letter|telegram|cable|note|request|reply)s?\s+f(?:ro|or)m\s+",
    re.I,
)
_PARTIES = re.compile(r"^(?P<author>.+?)\s+to\s+(?P<addressee>.+?)$", re.I)
#: how many "transmitting … from" phrases of one title are tried
_RELAY_TRIES = 4
_FOR = re.compile(
    r"^For\s+(?P<name>(?:(?:Cde\.|Comrade|Com\.)\s+)?[A-Z][\w'’\-.]*(?:\s+[A-Z][\w'’\-.]*){0,3}?)\.?$"
)
_PASS_ON = re.compile(
    r"^(?:Visit|See|Meet|Call on)\s+(?P<name>(?:(?:Cde\.|Comrade|Com\.)\s+)?[A-Z][\w'’\-.]*"
    r"(?:\s+[A-Z][\w'’\-.]*){0,3})\s+and\s+(?:pass|give|transmit|convey|hand)\s+(?:him|her|them)\b"
)


@dataclass(frozen=True)
class Transmitting:
    """``outer`` is the relay's own ``X to Y``; author and addressee are the message's."""

    outer: str
    author: str
    addressee: str


def split_via(text: str) -> tuple[str, str] | None:
    """``Terebin to Stalin [via Kuznetsov]`` → (``Terebin to Stalin``, ``Kuznetsov``)."""
    match = _VIA.match(" ".join(text.split()))
    if not match:
        return None
    return match.group("rest").rstrip(" ,"), match.group("b") or match.group("p")


def parse_transmitting(text: str) -> Transmitting | None:
    """``A to B, transmitting … message from C to D`` → the relay ``A to B`` and C, D."""
    text = " ".join(text.split())
    for number, phrase in enumerate(_TRANSMITTING.finditer(text)):
        if number == _RELAY_TRIES:
            break
        parties = _PARTIES.match(text[phrase.end() :])
        if phrase.start() > 0 and parties:
            return Transmitting(text[: phrase.start()], parties["author"], parties["addressee"])
    return None


def parse_for_line(line: str) -> str | None:
    """``For Mao Zedong.`` → ``Mao Zedong``: the message's addressee, named above it."""
    match = _FOR.match(" ".join(line.split()))
    return match.group("name").rstrip(".") if match else None


def parse_pass_on(line: str) -> str | None:
    """``Visit Cde. MAO ZEDONG and pass him the following reply …`` → ``Cde. MAO ZEDONG``."""
    match = _PASS_ON.match(" ".join(line.split()))
    return match.group("name") if match else None
