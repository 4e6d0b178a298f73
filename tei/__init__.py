"""telegram-tei: plain-text archival telegrams → TEI P5 → validation and HTML/text renderings.

The public API, in the order data flows::

    telegram = read(text, source_name)        # text → model (tei.model.Telegram)
    tree = encode_telegram(telegram)          # model → lxml TEI tree
    tree = encode(text)                       # both steps at once
    data = serialize(tree)                    # byte-stable UTF-8 XML
"""

from __future__ import annotations

__version__ = "0.1.0"

from tei.authority import Authority, bundled_authority, load_authority_file
from tei.encode import encode_telegram, serialize
from tei.errors import TeiError
from tei.readers import read


def encode(text: str, source_name: str = "<input>", authority: Authority | None = None):
    """Read a telegram's text and return its TEI as an lxml ``ElementTree``."""
    authority = bundled_authority() if authority is None else bundled_authority().merged(authority)
    return encode_telegram(read(text, source_name, authority), authority)


def convert_text(
    text: str, source_name: str = "<input>", authority: Authority | None = None
) -> bytes:
    """Read a telegram's text and return its TEI serialised as UTF-8 bytes."""
    return serialize(encode(text, source_name, authority))


__all__ = [
    "Authority",
    "TeiError",
    "__version__",
    "bundled_authority",
    "convert_text",
    "encode",
    "encode_telegram",
    "load_authority_file",
    "read",
    "serialize",
]
