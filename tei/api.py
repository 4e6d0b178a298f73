"""One-call conveniences over the pipeline: text in, TEI tree or bytes out."""

from __future__ import annotations

from lxml import etree

from tei.authority import Authority
from tei.encode.header import encode_telegram, serialize
from tei.transforms import read


def encode_text(
    text: str, source_name: str = "<input>", authority: Authority | None = None
) -> etree._ElementTree:
    """Read a telegram's text and return its TEI as an lxml ``ElementTree``.

    ``authority`` adds persons to the bundled ones (same id or name: yours wins), as in
    :func:`tei.read`.
    """
    return encode_telegram(read(text, source_name, authority))


def convert_text(
    text: str, source_name: str = "<input>", authority: Authority | None = None
) -> bytes:
    """Read a telegram's text and return its TEI serialised as UTF-8 bytes."""
    return serialize(encode_text(text, source_name, authority))
