"""The address line of a cipher telegram: ``Destination: PEKING  To Whom: SovAmbassador``.

It names where the telegram goes and to whom it is delivered (often a relay, the ambassador who
hands the message on). Both labels must be present.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_ADDRESS = re.compile(r"^Destination:\s*(?P<place>.+?)\s+To\s+Whom:\s*(?P<whom>.+?)\s*$", re.I)


@dataclass(frozen=True)
class Address:
    place: str
    whom: str


def parse_address(line: str) -> Address | None:
    match = _ADDRESS.match(" ".join(line.split()))
    return Address(match.group("place"), match.group("whom")) if match else None
