"""Where the shipped schemas and stylesheets are, installed or in a checkout.

In the repository they live at the top level (``schemas/``, ``converters/``) where users of
other platforms find them; the wheel carries them inside the package (``tei/schemas``,
``tei/converters``). Code asks here instead of guessing paths.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


@cache
def resource_dir(name: str) -> Path:
    """The folder ``schemas`` or ``converters``: inside the installed package, else the checkout."""
    for candidate in (_PACKAGE / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"telegram-tei is installed without its {name}/ folder")


def schema_path(file_name: str) -> Path:
    """A file of the project's schemas (``telegram.xsd``, ``telegram.sch``)."""
    return resource_dir("schemas") / file_name


def converter_path(file_name: str) -> Path:
    """A stylesheet of ``converters/`` (``html.xsl``, ``text.xsl``, ``common.xsl``)."""
    return resource_dir("converters") / file_name
