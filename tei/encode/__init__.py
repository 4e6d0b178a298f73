"""Model → TEI: the header (``header``), the body (``body``) and the editorial vocabulary.

The encoder knows no source layout: it turns a :class:`tei.model.Telegram` into an lxml tree
and serialises it byte-stably.
"""

from tei.encode.header import encode_telegram, serialize

__all__ = ["encode_telegram", "serialize"]
