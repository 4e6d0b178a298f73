"""The site's downloads: each letter's TEI, the collection as a teiCorpus and as CMIF.

The teiCorpus and the CMIF file are made by the same code as ``tei corpus`` and ``tei export
cmif`` (:mod:`tei.publish.corpus`, :mod:`tei.publish.cmif`), so the site's downloads are what
those commands write from the same letters. CMIF needs the address where it will be published
and a contact person (``--url``, ``--editor``): without them the site has no CMIF file and the
downloads page says how to get one.
"""

from __future__ import annotations

from dataclasses import dataclass

from tei.errors import TeiError
from tei.publish.cmif import build_cmif, serialize_cmif
from tei.publish.cmif_check import check_cmif
from tei.publish.cmif_terms import Edition, Notice
from tei.publish.corpus import build_corpus, chains, read_letter, to_bytes
from tei.publish.site.collection import Collection
from tei.publish.site.layout import Frame, esc, href, page, plural

CORPUS = "downloads/corpus.xml"
CMIF = "downloads/cmif.xml"


@dataclass(frozen=True)
class Downloads:
    files: dict[str, bytes]
    notices: list[Notice]
    cmif: bool


def make_downloads(collection: Collection, edition: Edition | None) -> Downloads:
    """The files (path in the site → bytes) and what the corpus and CMIF builds warned."""
    files = {f"tei/{r.doc_id}.xml": r.data for r in collection.records}
    letters = [read_letter(r.root, r.source) for r in collection.records]
    neighbours, notices = chains(letters)
    tree, more = build_corpus(letters, neighbours, collection.title)
    files[CORPUS] = to_bytes(tree)
    notices = [*notices, *more]
    if edition is not None:
        cmif, cmif_notices = build_cmif([(r.source, r.root) for r in collection.records], edition)
        problems = check_cmif(cmif)
        if problems:
            raise TeiError(
                f"the CMIF file breaks its rules: {problems[0].message}",
                source=CMIF,
                hint="please report this with the input files",
            )
        files[CMIF] = serialize_cmif(cmif)
        notices += cmif_notices
    return Downloads(files, notices, edition is not None)


def downloads_page(collection: Collection, downloads: Downloads, frame: Frame) -> bytes:
    def size(path: str) -> str:
        return f"{len(downloads.files[path]) / 1024:,.0f} KB"

    cmif = (
        f'<li><a href="{CMIF}" type="application/tei+xml">cmif.xml</a> ({size(CMIF)}): the '
        "letters' metadata in CMIF 1.1, for correspSearch (as <code>tei export cmif</code> "
        "writes it).</li>"
        if downloads.cmif
        else "<li>No CMIF file: build the site with <code>--url</code> (where it will be "
        "published) and <code>--editor</code> (a contact person) to include one.</li>"
    )
    letters = "".join(
        f'<li><a href="{href(f"tei/{r.doc_id}.xml")}" type="application/tei+xml">'
        f"{esc(r.doc_id)}.xml</a>: {esc(r.title)}</li>"
        for r in collection.records
    )
    main = (
        "<h2>The collection</h2><ul>"
        f'<li><a href="{CORPUS}" type="application/tei+xml">corpus.xml</a> ({size(CORPUS)}): '
        f"all {plural(len(collection.records), 'letter')} in one <code>teiCorpus</code> with a "
        "shared personography and prev/next links (as <code>tei corpus</code> writes it).</li>"
        f'{cmif}</ul>\n<h2>Each letter\'s TEI</h2><ul class="files">{letters}</ul>'
    )
    return page(frame, "downloads.html", "Downloads", main)
