"""One-call conveniences over the pipeline: text in, TEI tree or bytes out."""

from __future__ import annotations

from lxml import etree

from tei.authority import Authority, bundled_authority
from tei.encode.header import encode_telegram, serialize
from tei.transforms import read


def encode(
    text: str, source_name: str = "<input>", authority: Authority | None = None
) -> etree._ElementTree:
    """Read a telegram's text and return its TEI as an lxml ``ElementTree``.

    ``authority`` adds persons to the bundled ones (same id: the given file wins).
    """
    merged = bundled_authority() if authority is None else bundled_authority().merged(authority)
    return encode_telegram(read(text, source_name, merged), merged)


def convert_text(
    text: str, source_name: str = "<input>", authority: Authority | None = None
) -> bytes:
    """Read a telegram's text and return its TEI serialised as UTF-8 bytes."""
    return serialize(encode(text, source_name, authority))
