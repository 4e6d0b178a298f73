"""Inputs → every file of the site, as values: the pages, the data, the downloads, the assets.

Nothing here touches the disk (the CLI reads the inputs and :mod:`tei.publish.site.write`
writes the result), so a whole site can be built and checked in memory. Inputs are TEI letters,
teiCorpus files, or transcriptions (``.txt``, ``.md``) that are converted on the way, which is
when conversion warnings are known and shown on the data-quality page.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from tei.encode.header import encode_telegram, serialize
from tei.errors import InputError, TeiError
from tei.io.files import TEXT_SUFFIXES, decode_text
from tei.io.xmlio import parse_xml
from tei.publish.cmif_terms import Edition, Notice
from tei.publish.site.chart_pages import network_page, timeline_page
from tei.publish.site.collect import Record, read_records
from tei.publish.site.collection import Collection, assemble
from tei.publish.site.downloads import downloads_page, make_downloads
from tei.publish.site.home import home_page
from tei.publish.site.index_page import letters_index
from tei.publish.site.layout import NAVIGATION, Frame
from tei.publish.site.letter_page import letter_page, letter_path
from tei.publish.site.people import (
    person_page,
    persons_index,
    place_page,
    place_path,
    places_index,
)
from tei.publish.site.quality import Quality, assess, quality_page, validate_records
from tei.publish.site.search import search_index, search_page
from tei.transforms import read as read_text

ASSETS = Path(__file__).parent / "assets"
DEFAULT_TITLE = "Letters"


@dataclass(frozen=True)
class SiteOptions:
    title: str | None = None
    about: str = ""
    edition: Edition | None = None  # for the CMIF download; None: no CMIF file


@dataclass
class Built:
    files: dict[str, bytes]  # path in the site → bytes
    collection: Collection
    quality: Quality
    notices: list[Notice]


def read_input(source: str, data: bytes) -> tuple[list[Record], etree._Element]:
    """One input's letters: a TEI file, a teiCorpus, or a transcription converted now."""
    if Path(source).suffix.lower() in TEXT_SUFFIXES:
        return _convert(source, data)
    root = parse_xml(data, source).getroot()
    return read_records(root, source, data), root


def _convert(source: str, data: bytes) -> tuple[list[Record], etree._Element]:
    text, decoding = decode_text(data, source)
    telegram = read_text(text, source)
    tei = serialize(encode_telegram(telegram))
    root = parse_xml(tei, source).getroot()
    records = read_records(root, source, tei)
    records[0].warnings = [*decoding] + [
        f"line {w.line}: {w.message}" if w.line else w.message for w in telegram.warnings
    ]
    return records, root


def check_unique(records: list[Record]) -> list[TeiError]:
    """Two letters with one id would share a page: each repeat is an error naming both."""
    seen: dict[str, Record] = {}
    problems: list[TeiError] = []
    for record in records:
        first = seen.setdefault(record.doc_id, record)
        if first is not record:
            problems.append(
                InputError(
                    f"letter id {record.doc_id!r} is also the id of a letter in {first.source}",
                    source=record.source,
                    line=record.line,
                    hint="each letter needs its own xml:id (its page is named after it)",
                )
            )
    return problems


def build_site(records: list[Record], roots: list[etree._Element], options: SiteOptions) -> Built:
    """Every file of the site, from letters read by :func:`read_input`."""
    collection = assemble(records, roots, options.title or DEFAULT_TITLE, options.about)
    quality = assess(collection, validate_records(collection.records))
    downloads = make_downloads(collection, options.edition)
    quality.notices = downloads.notices
    pages = {file for file, _ in NAVIGATION if file != "places.html" or collection.places}
    frame = Frame(collection.title, frozenset(pages))
    files: dict[str, bytes] = {
        "index.html": home_page(collection, quality, frame),
        "letters.html": letters_index(collection, frame),
        "persons.html": persons_index(collection, frame),
        "timeline.html": timeline_page(collection, frame),
        "network.html": network_page(collection, frame),
        "search.html": search_page(collection, frame),
        "quality.html": quality_page(quality, collection, frame),
        "downloads.html": downloads_page(collection, downloads, frame),
        "assets/search-index.js": search_index(collection),
    }
    if collection.places:
        files["places.html"] = places_index(collection, frame)
        for place in collection.places.values():
            files[place_path(place)] = place_page(place, collection, frame)
    for record in collection.records:
        files[letter_path(record)] = letter_page(record, collection, frame)
    for person in collection.persons.values():
        files[f"persons/{person.slug}.html"] = person_page(person, collection, frame)
    for asset in sorted(ASSETS.iterdir()):
        if asset.is_file():
            files[f"assets/{asset.name}"] = asset.read_bytes()
    files.update(downloads.files)
    return Built(files, collection, quality, downloads.notices)
