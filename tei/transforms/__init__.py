"""Source parts → model (:mod:`tei.transforms.assemble`), and :func:`read`, text → model."""

from __future__ import annotations

from dataclasses import replace

from tei.authority import Authority, bundled_authority
from tei.errors import InputError, TeiError
from tei.model import Telegram
from tei.readers import detect_layout, replace_non_xml_characters
from tei.transforms.assemble import assemble
from tei.transforms.identities import resolved_persons


def read(text: str, source_name: str = "<input>", authority: Authority | None = None) -> Telegram:
    """Read a telegram's text into the model; raise :class:`InputError` when it cannot be.

    ``authority`` means the same everywhere in the API and on the command line (``--authority``):
    persons *added* to the bundled ones, yours winning where an id or a name is in both; None
    reads with the bundled persons alone. Identities are resolved here, once: the telegram
    carries the persons it names (``Telegram.persons``), and the encoder writes exactly those.
    """
    if not text.strip():
        raise InputError("the input is empty", source=source_name, hint="give a telegram's text")
    known = bundled_authority() if not authority else bundled_authority().merged(authority)
    text, cleaned = replace_non_xml_characters(text)
    layout = detect_layout(text)
    try:
        telegram = assemble(layout.split(text), source_name, known)
    except TeiError as error:
        raise error.with_source(source_name) from None
    if cleaned:
        telegram = replace(telegram, warnings=(*cleaned, *telegram.warnings))
    return replace(telegram, persons=resolved_persons(telegram, known))


__all__ = ["assemble", "read"]
