"""Source parts → model (:mod:`tei.transforms.assemble`), and :func:`read`, text → model."""

from __future__ import annotations

from dataclasses import replace

from tei.authority import Authority, bundled_authority
from tei.errors import InputError, TeiError
from tei.model import Telegram
from tei.readers import detect_layout, replace_non_xml_characters
from tei.transforms.assemble import assemble


def read(text: str, source_name: str = "<input>", authority: Authority | None = None) -> Telegram:
    """Read a telegram's text into the model; raise :class:`InputError` when it cannot be."""
    if not text.strip():
        raise InputError("the input is empty", source=source_name, hint="give a telegram's text")
    authority = authority if authority is not None else bundled_authority()
    text, cleaned = replace_non_xml_characters(text)
    layout = detect_layout(text)
    try:
        telegram = assemble(layout.split(text), source_name, authority)
    except TeiError as error:
        raise error.with_source(source_name) from None
    if cleaned:
        telegram = replace(telegram, warnings=(*cleaned, *telegram.warnings))
    return telegram


__all__ = ["assemble", "read"]
