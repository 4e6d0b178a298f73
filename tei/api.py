"""The pipeline one document at a time, as pure functions: text or bytes and options in, bytes out.

Nothing here touches the disk, the terminal or global state (the stylesheets and the bundled
authority are compiled once per process and only read), so each function can run anywhere a
document can be sent: in this process, in ``tei``'s worker processes (:mod:`tei.parallel`), or
on a cluster (:mod:`tei.distributed`). The commands are built on the same functions, so every
one of these places writes the same bytes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lxml import etree

    from tei.authority import Authority
    from tei.render.xslt import IndexEntry

#: what :func:`convert_document` can write: output name → file suffix
CONVERT_OUTPUTS = {"tei": ".xml", "html": ".html", "text": ".txt"}
#: what :func:`render_document` can write: output name → file suffix
RENDER_OUTPUTS = {"html": ".html", "text": ".txt"}


def encode_text(
    text: str, source_name: str = "<input>", authority: Authority | None = None
) -> etree._ElementTree:
    """Read a telegram's text and return its TEI as an lxml ``ElementTree``.

    ``authority`` adds persons to the bundled ones (same id or name: yours wins), as in
    :func:`tei.read`.
    """
    from tei.encode.header import encode_telegram
    from tei.transforms import read

    return encode_telegram(read(text, source_name, authority))


def convert_text(
    text: str, source_name: str = "<input>", authority: Authority | None = None
) -> bytes:
    """Read a telegram's text and return its TEI serialised as UTF-8 bytes."""
    from tei.encode.header import serialize

    return serialize(encode_text(text, source_name, authority))


@dataclass
class Converted:
    """One transcription converted: its outputs by name, and what the reader warned about.

    ``warnings`` are ``(line or None, message)``, decoding first, in the order a user reads
    them. ``outputs`` is empty when the conversion was refused (``strict`` and warned).
    """

    outputs: dict[str, bytes] = field(default_factory=dict)
    warnings: list[tuple[int | None, str]] = field(default_factory=list)


def convert_document(
    text: str,
    source_name: str = "<input>",
    formats: tuple[str, ...] = ("tei",),
    authority: Authority | None = None,
    *,
    strict: bool = False,
) -> Converted:
    """A telegram's text → each output of ``formats`` (``tei``, ``html``, ``text``) as bytes.

    ``authority`` adds persons to the bundled ones, as in :func:`tei.read`.
    HTML and text are rendered from the TEI as serialised, so they are the same bytes as
    :func:`render_document` makes from the ``.xml``. Raises :class:`tei.errors.TeiError` for a
    text that cannot be read as a telegram.
    """
    from tei.encode.header import encode_telegram
    from tei.transforms import read

    unknown = [name for name in formats if name not in CONVERT_OUTPUTS]
    if unknown:
        raise ValueError(f"unknown output {unknown[0]!r}; choose from {', '.join(CONVERT_OUTPUTS)}")
    telegram = read(text, source_name, authority)
    warnings = [(warning.line, warning.message) for warning in telegram.warnings]
    if strict and warnings:
        return Converted({}, warnings)
    return Converted(tei_outputs(encode_telegram(telegram), formats), warnings)


def tei_outputs(tree: etree._ElementTree, formats: tuple[str, ...]) -> dict[str, bytes]:
    """Each of ``formats`` from a TEI tree the encoder built; renderings come from the TEI as
    written to disk (parsed again), so they match what ``tei render`` makes of the file."""
    from lxml import etree

    from tei.encode.header import serialize

    data = serialize(tree)
    written = etree.ElementTree(etree.fromstring(data)) if set(formats) - {"tei"} else tree
    return {name: data if name == "tei" else _rendered(written, name) for name in formats}


def _rendered(tree: etree._ElementTree, to: str, source: str = "<input>") -> bytes:
    from tei.render.xslt import render

    return render(tree, to, source=source)


@dataclass
class Rendered:
    """One TEI document rendered, and its line in a folder's index page."""

    data: bytes
    entry: IndexEntry


def render_document(
    data: bytes, to: str = "html", source_name: str = "<input>", wrap: int | None = None
) -> Rendered:
    """TEI bytes → the HTML page or plain text (UTF-8), parsed safely; ``wrap`` text lines at
    that many columns. Raises :class:`tei.errors.TeiError` for XML that is not safe TEI."""
    from tei.io.xmlio import parse_xml
    from tei.render.xslt import index_entry, render

    if to not in RENDER_OUTPUTS:
        raise ValueError(f"unknown output {to!r}; choose from {', '.join(RENDER_OUTPUTS)}")
    tree = parse_xml(data, source_name)
    output = render(tree, to, source=source_name, wrap=wrap)
    return Rendered(output, index_entry(tree, ""))


def preload_rendering(formats: tuple[str, ...] = ("html", "text")) -> None:
    """Compile the stylesheets of ``formats`` now (once per process), not on the first
    document: before workers fork, so they inherit them instead of compiling their own."""
    from tei.render.xslt import OUTPUTS, compiled

    for name in formats:
        if name in OUTPUTS:
            compiled(OUTPUTS[name][0])
