"""telegram-tei: plain-text archival telegrams → TEI P5 → validation and HTML/text renderings.

The public API, in the order data flows::

    telegram = read(text, source_name)        # text → model (tei.model.Telegram)
    tree = encode_telegram(telegram)          # model → lxml TEI tree
    tree = encode_text(text)                  # both steps at once
    data = serialize(tree)                    # byte-stable UTF-8 XML

Names are imported on first use (PEP 562), so ``tei validate`` does not pay for the encoder.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_EXPORTS = {
    "Authority": "tei.authority",
    "bundled_authority": "tei.authority",
    "load_authority_file": "tei.authority",
    "encode_telegram": "tei.encode.header",
    "serialize": "tei.encode.header",
    "TeiError": "tei.errors",
    "read": "tei.transforms",
    "encode_text": "tei.api",
    "convert_text": "tei.api",
}

if TYPE_CHECKING:
    from tei.api import convert_text, encode_text
    from tei.authority import Authority, bundled_authority, load_authority_file
    from tei.encode.header import encode_telegram, serialize
    from tei.errors import TeiError
    from tei.transforms import read


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'tei' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)


__all__ = [  # noqa: RUF022 - in the order data flows
    "__version__",
    "read",
    "encode_telegram",
    "encode_text",
    "serialize",
    "convert_text",
    "Authority",
    "bundled_authority",
    "load_authority_file",
    "TeiError",
]
