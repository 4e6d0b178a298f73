"""TEI tree → HTML or plain text, through the XSLT 1.0 stylesheets in ``converters/``.

The stylesheets do all the rendering, so any platform with an XSLT 1.0 processor (xsltproc,
PHP, lxml) gets the same result from the same files; Python only checks that the input is TEI,
turns XSLT failures into located errors, and wraps text lines when asked (wrapping in the
stylesheet would make its output harder to compare). Each stylesheet is compiled once per
process: compiling costs more than rendering one telegram.
"""

from __future__ import annotations

import html
import os
import textwrap
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from lxml import etree

from tei.errors import TeiError, XmlInputError
from tei.io.xmlio import TEI_NS
from tei.resources import converter_path

#: output name → (stylesheet in converters/, file suffix)
OUTPUTS: dict[str, tuple[str, str]] = {"html": ("html.xsl", ".html"), "text": ("text.xsl", ".txt")}
#: narrower than this, most wrapped lines would hold a word or two
MIN_WRAP = 20

_ROOTS = (f"{{{TEI_NS}}}TEI", f"{{{TEI_NS}}}teiCorpus")
_NS = {"t": TEI_NS}
#: stylesheets may read the files they import, and nothing else: no network, no writing
_ACCESS = etree.XSLTAccessControl(
    read_file=True, write_file=False, create_dir=False, read_network=False, write_network=False
)


class RenderError(TeiError):
    """A stylesheet could not be compiled or failed while rendering a document."""


@cache
def compiled(name: str) -> etree.XSLT:
    """The stylesheet ``converters/<name>``, compiled on first use and kept for the process."""
    return compile_stylesheet(converter_path(name))


def compile_stylesheet(path: Path) -> etree.XSLT:
    """Compile an XSLT file; a broken or missing stylesheet is a located :class:`RenderError`."""
    try:
        document = etree.parse(str(path), etree.XMLParser(no_network=True, resolve_entities=False))
        return etree.XSLT(document, access_control=_ACCESS)
    except OSError as exc:
        raise RenderError(
            f"cannot read the stylesheet: {exc}",
            source=str(path),
            hint="reinstall telegram-tei; its converters/ folder is incomplete",
        ) from None
    except (etree.XMLSyntaxError, etree.XSLTParseError) as exc:
        entry, located = _last_entry(exc.error_log), _located_entry(exc.error_log)
        messages = dict.fromkeys(e.message for e in (located, entry) if e is not None)
        raise RenderError(
            f"the stylesheet does not compile: {': '.join(messages) or exc}",
            source=located.filename if located else str(path),
            line=located.line if located else None,
            hint="fix the stylesheet (or reinstall telegram-tei)",
        ) from None


def apply_stylesheet(
    transform: etree.XSLT, tree: etree._ElementTree, source: str = "<input>"
) -> bytes:
    """Run a compiled stylesheet; its failures name the document and the stylesheet's line."""
    try:
        result = _transformed(transform, tree)
    except etree.XSLTApplyError as exc:
        entry = _last_entry(exc.error_log)
        where = f" (stylesheet {entry.filename}:{entry.line})" if entry and entry.filename else ""
        raise RenderError(
            f"rendering failed: {entry.message if entry else exc}{where}",
            source=source,
            hint="the stylesheets may not handle this use of TEI; please report it",
        ) from None
    return result


#: from this many elements on, a transform runs in a thread (see :func:`_transformed`)
THREAD_FROM = 5_000


def _transformed(transform: etree.XSLT, tree: etree._ElementTree) -> bytes:
    """The transform's bytes. A large document is transformed in a thread while the main
    thread waits: libxslt runs without Python's lock, so a SIGTERM or Ctrl-C is handled at
    once (the command stops and removes its temporary files) instead of after the transform,
    which may take seconds. Small documents, nearly all, are transformed directly."""
    import threading

    in_main = threading.current_thread() is threading.main_thread()
    if not in_main or tree.xpath("count(//*)") < THREAD_FROM:
        return bytes(transform(tree))
    outcome: dict[str, object] = {}

    def work() -> None:
        try:
            outcome["data"] = bytes(transform(tree))
        except BaseException as exc:  # handed to the waiting thread
            outcome["error"] = exc

    worker = threading.Thread(target=work, name="xslt", daemon=True)
    worker.start()
    worker.join()
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome["data"]  # type: ignore[return-value]


def check_tei(tree: etree._ElementTree, source: str = "<input>") -> None:
    """Refuse XML that is not TEI P5 (a TEI or teiCorpus root in the TEI namespace)."""
    root = tree.getroot()
    if root.tag in _ROOTS:
        return
    qname = etree.QName(root)
    namespace = f" in namespace {qname.namespace}" if qname.namespace else " in no namespace"
    raise XmlInputError(
        f"not TEI P5: the root element is <{qname.localname}>{namespace}",
        source=source,
        line=root.sourceline,
        hint=f"TEI P5 documents have a <TEI> root in the namespace {TEI_NS}",
    )


def render_html(tree: etree._ElementTree, source: str = "<input>") -> bytes:
    """The standalone HTML page of a TEI document (UTF-8)."""
    check_tei(tree, source)
    return apply_stylesheet(compiled(OUTPUTS["html"][0]), tree, source)


def render_text(
    tree: etree._ElementTree, source: str = "<input>", wrap: int | None = None
) -> bytes:
    """The plain text of a TEI document (UTF-8): header lines, a blank line, the reading text."""
    check_tei(tree, source)
    data = apply_stylesheet(compiled(OUTPUTS["text"][0]), tree, source)
    return wrap_text(data.decode("utf-8"), wrap).encode("utf-8") if wrap else data


def render(
    tree: etree._ElementTree, to: str, source: str = "<input>", wrap: int | None = None
) -> bytes:
    """Render as ``html`` or ``text`` (see :data:`OUTPUTS`)."""
    if to == "html":
        return render_html(tree, source)
    if to == "text":
        return render_text(tree, source, wrap)
    raise ValueError(f"unknown output {to!r}; expected one of {', '.join(OUTPUTS)}")


def wrap_text(text: str, width: int) -> str:
    """Wrap the text rendering at ``width`` columns.

    Header lines continue indented by two spaces, so each field still starts a line; reading
    paragraphs are separated by a blank line, since a wrapped paragraph is no longer one line.
    Words are never split, nor broken at hyphens (``Kai-shek`` stays whole).
    """
    lines = text.split("\n")
    blank = lines.index("") if "" in lines else len(lines)
    options = {"width": width, "break_long_words": False, "break_on_hyphens": False}
    header = [textwrap.fill(line, subsequent_indent="  ", **options) for line in lines[:blank]]
    body = [textwrap.fill(line, **options) for line in lines[blank + 1 :] if line]
    return "\n".join(header) + "\n\n" + "\n\n".join(body) + ("\n" if body else "")


# --------------------------------------------------------------------------- folder index


@dataclass(frozen=True)
class IndexEntry:
    """One document of a rendered folder, as the index lists it."""

    href: str
    title: str
    when: str  # ISO date for sorting; "" when the document gives none
    date: str  # the date as people read it
    sender: str
    recipient: str


def index_entry(tree: etree._ElementTree, href: str) -> IndexEntry:
    """Title, date and correspondents of a document, chosen as html.xsl chooses them."""
    header = tree.find(f".//{{{TEI_NS}}}teiHeader")
    if header is None:
        return IndexEntry(href, Path(href).stem, "", "", "", "")
    titles = header.xpath("t:fileDesc/t:titleStmt/t:title", namespaces=_NS)
    title = " ".join("".join(titles[0].itertext()).split()) if titles else ""
    dates = header.xpath(
        "(t:fileDesc/t:sourceDesc/t:bibl/t:date"
        " | t:profileDesc/t:correspDesc/t:correspAction[@type='sent']/t:date)",
        namespaces=_NS,
    )
    when = dates[0].get("when", "") if dates else ""
    date = " ".join("".join(dates[0].itertext()).split()) if dates else ""
    return IndexEntry(
        href,
        title or Path(href).stem,
        when,
        date or when,
        _names(header, "sent"),
        _names(header, "received"),
    )


def _names(header: etree._Element, action: str) -> str:
    names = header.xpath(
        f"t:profileDesc/t:correspDesc/t:correspAction[@type='{action}']"
        "/*[self::t:persName or self::t:orgName or self::t:name]",
        namespaces=_NS,
    )
    return ", ".join(" ".join("".join(name.itertext()).split()) for name in names)


def render_index(entries: Iterable[IndexEntry], heading: str = "Documents") -> bytes:
    """A standalone HTML page listing documents in date order (undated last), each linked."""
    rows = []
    for entry in sorted(entries, key=lambda e: (e.when == "", e.when, e.title, e.href)):
        date = (
            f'<time datetime="{html.escape(entry.when)}">{html.escape(entry.date)}</time>'
            if entry.when
            else html.escape(entry.date)
        )
        route = " → ".join(part for part in (entry.sender, entry.recipient) if part)
        href = html.escape(link_path(entry.href))
        rows.append(
            f"<tr><td>{date}</td>"
            f'<td><a href="{href}">{html.escape(entry.title)}</a></td>'
            f"<td>{html.escape(route)}</td></tr>"
        )
    body = "\n".join(rows) or '<tr><td colspan="3">No documents.</td></tr>'
    page = _INDEX_PAGE.format(heading=html.escape(heading), rows=body)
    return page.encode("utf-8", "replace")  # a file name that is not UTF-8 shows as '?'


def link_path(path: str) -> str:
    """A relative file path as a URL path: every byte but letters, digits, '/' and ``-._~``
    percent-encoded, so a file named ``javascript:alert(1).xml`` links to
    ``javascript%3Aalert%281%29.html`` (a relative URL), never to a script."""
    from urllib.parse import quote

    return quote(os.fsencode(path), safe="/")


_INDEX_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="telegram-tei">
<title>{heading}</title>
<style>
body {{ margin: 0 auto; max-width: 60rem; padding: 2rem 1.25rem;
  font: 1rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif;
  color: #1d1c1a; background: #fff; }}
table {{ border-collapse: collapse; width: 100%; }}
th, td {{ text-align: left; vertical-align: top; padding: .4rem .6rem;
  border-bottom: 1px solid #d9d4ca; }}
th {{ color: #55534e; }}
td:first-child {{ white-space: nowrap; }}
a {{ color: #1f4e79; }}
@media print {{ a {{ color: inherit; text-decoration: none; }} }}
</style></head>
<body>
<header><h1>{heading}</h1></header>
<main>
<table>
<thead><tr><th scope="col">Date</th><th scope="col">Title</th>
<th scope="col">From → to</th></tr></thead>
<tbody>
{rows}
</tbody>
</table>
</main>
</body></html>
"""


def _located_entry(log: etree._ListErrorLog | None) -> etree._LogEntry | None:
    """The last message that names a file and line (libxslt also logs unlocated ones)."""
    located = [e for e in log or [] if e.line and e.filename and not e.filename.startswith("<")]
    return located[-1] if located else None


def _last_entry(log: etree._ListErrorLog | None) -> etree._LogEntry | None:
    entries = list(log or [])
    errors = [entry for entry in entries if entry.level_name in ("ERROR", "FATAL")]
    return (errors or entries or [None])[-1]
