"""The frame every page of the site shares: head, navigation, footer, and HTML helpers.

Pages are written as strings with every value escaped here (:func:`esc`, :func:`attr`); links
are relative (``../letters.html``), so the site works from ``file://`` as from a web server, and
nothing is loaded from outside the site.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from urllib.parse import quote

#: (file, label) of the navigation, in order; a page is left out when the site has none of it
NAVIGATION = (
    ("index.html", "Home"),
    ("letters.html", "Letters"),
    ("persons.html", "Persons"),
    ("places.html", "Places"),
    ("timeline.html", "Timeline"),
    ("network.html", "Network"),
    ("search.html", "Search"),
    ("quality.html", "Data quality"),
    ("downloads.html", "Downloads"),
)


def esc(text: object) -> str:
    """Text for an HTML element's content."""
    return html.escape(str(text), quote=False)


def attr(text: object) -> str:
    """Text for a double-quoted HTML attribute."""
    return html.escape(str(text), quote=True)


def href(path: str) -> str:
    """A relative link to one of the site's files, percent-encoded and escaped for an attribute."""
    return attr(quote(path, safe="/#?=&.-_~"))


@dataclass(frozen=True)
class Frame:
    """What the frame needs to know of the site: its title and which pages it has."""

    title: str
    pages: frozenset[str]


def page(
    frame: Frame, name: str, title: str, main: str, depth: int = 0, scripts: tuple[str, ...] = ()
) -> bytes:
    """A whole HTML5 page: ``main`` is the page's own content (already escaped HTML)."""
    up = "../" * depth
    script_tags = "".join(f'<script src="{up}assets/{s}"></script>\n' for s in scripts)
    heading = esc(title)
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="telegram-tei tei site">\n'
        f"<title>{heading} · {esc(frame.title)}</title>\n"
        f'<link rel="stylesheet" href="{up}assets/site.css">\n'
        f'<link rel="icon" href="{up}assets/icon.svg" type="image/svg+xml">\n'
        '</head>\n<body class="site-page">\n'
        f"{navigation(frame, name, depth)}\n"
        f'<main id="main">\n<h1>{heading}</h1>\n{main}\n</main>\n'
        f"{footer()}\n{script_tags}</body></html>\n"
    ).encode()


def navigation(frame: Frame, current: str, depth: int, skip: str = "#main") -> str:
    """The site's banner and menu; the current page is marked for screen readers."""
    up = "../" * depth
    items = []
    for file, label in NAVIGATION:
        if file not in frame.pages:
            continue
        mark = ' aria-current="page"' if file == current else ""
        items.append(f'<li><a href="{up}{file}"{mark}>{esc(label)}</a></li>')
    return (
        f'<a class="skip" href="{skip}">Skip to content</a>\n'
        f'<header class="site-header"><p class="site-title"><a href="{up}index.html">'
        f"{esc(frame.title)}</a></p>\n"
        f'<nav class="site-nav" aria-label="Site"><ul>{"".join(items)}</ul></nav></header>'
    )


def footer() -> str:
    return (
        '<footer class="site-footer"><p>Made with telegram-tei (<code>tei site</code>) from TEI '
        "P5. Works offline: no server, no network.</p></footer>"
    )


def plural(count: int, word: str, many: str | None = None) -> str:
    """``1 letter``, ``2 letters``; digits grouped (``10,000``)."""
    return f"{count:,} {word if count == 1 else (many or word + 's')}"


def iso_label(iso: str | None) -> str:
    """1949-01-12 → 12 January 1949, as the letter pages (metadata.xsl) write dates."""
    if not iso:
        return "undated"
    parts = iso[:10].split("-")
    try:
        if len(parts) == 3:
            return f"{int(parts[2])} {MONTHS[int(parts[1]) - 1]} {parts[0]}"
        if len(parts) == 2:
            return f"{MONTHS[int(parts[1]) - 1]} {parts[0]}"
    except (ValueError, IndexError):
        return iso
    return iso


MONTHS = (
    "January February March April May June July August September October November December"
).split()


def time_tag(iso: str | None) -> str:
    """A ``<time>`` for a date, or "undated"."""
    if not iso:
        return '<span class="undated">undated</span>'
    return f'<time datetime="{attr(iso[:10])}">{esc(iso_label(iso))}</time>'
