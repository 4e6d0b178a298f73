"""``tei site`` on the seeds: what each page says, what the downloads hold, and the CLI's care
with the user's files. The 500-letter site, links and the browser are in test_site_browser.py."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree, html
from typer.testing import CliRunner

from tei.cli.app import app
from tei.publish.cmif_check import check_cmif
from tei.publish.site.build import SiteOptions, build_site, read_input
from tei.publish.site.search import normalise, terms
from tei.publish.site.write import MARKER
from tests.conftest import ROOT

TEI_NS = {"t": "http://www.tei-c.org/ns/1.0"}
SEED_IDS = ("doc-112663", "doc-001_552a14868e1716bc")
TITLE_000 = (
    "Ciphered Telegrams No. 50450, 50470, and 50490, Terebin to Kuznetsov, transmitting a "
    "Message from Mao Zedong to Filippov [Stalin]"
)
CMIF_OPTIONS = ["--url", "https://example.org/edition", "--editor", "Jane Doe"]


@pytest.fixture
def seed_folder(seed_tei: dict[str, bytes], tmp_path: Path) -> Path:
    folder = tmp_path / "tei"
    folder.mkdir()
    for stem, data in seed_tei.items():
        (folder / f"{stem}.xml").write_bytes(data)
    return folder


def _site(args: list[str]) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["site", *args])
    return result.exit_code, result.output


def _page(site: Path, name: str) -> html.HtmlElement:
    return html.fromstring((site / name).read_bytes())


def _texts(tree: html.HtmlElement, xpath: str) -> list[str]:
    return [" ".join(el.text_content().split()) for el in tree.xpath(xpath)]


def test_seed_site_pages(seed_folder: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    code, output = _site([str(seed_folder), "-o", str(site), "--title", "Stalin and Mao, 1949"])
    assert code == 0, output
    assert "2 letters" in output and "Traceback" not in output

    home = _page(site, "index.html")
    assert home.findtext(".//h1") == "Stalin and Mao, 1949"
    facts = " ".join(_texts(home, "//main//li"))
    assert "2 letters (1 telegram, 1 cable)" in facts
    assert "from 12 January 1949 to 14 January 1949" in facts
    assert "names written as a pseudonym: 1" in facts  # Filippov, for Stalin

    # the letter page is the HTML rendering, with the site's frame put in
    letter = _page(site, "letters/doc-112663.html")
    assert letter.get_element_by_id("doc-text") is not None  # html.xsl's main
    nav = letter.xpath("//nav[@class='letter-nav']")[0]
    steps = dict(zip(_texts(nav, ".//dt"), _texts(nav, ".//dd"), strict=True))
    assert steps["Previous letter"] == "none"
    assert steps["Next letter"].startswith("Cable, Filippov [Stalin] to Cde. Mao Zedong")
    assert steps["Next in this correspondence"] == steps["Next letter"]
    assert steps["From"] == "Mao Zedong" and steps["To"] == "Joseph Stalin"
    assert nav.xpath(".//a[@href='../tei/doc-112663.xml']")
    assert letter.xpath("//nav[@aria-label='Site']//a[@aria-current='page']/text()") == ["Letters"]

    # the person's page: every name, the authority id as a link, the letters in date order
    stalin = _page(site, "persons/stalin.html")
    names = _texts(stalin, "//section[h2[@id='names']]//li")
    assert names[0] == "Joseph Stalin (main)"
    assert "Filippov (pseudonym)" in names and "Ioseb Besarionis dze Dzhugashvili (birth)" in names
    assert stalin.xpath("//a[@href='https://www.wikidata.org/wiki/Q855']")
    assert _texts(stalin, "//section[h2[@id='sent']]//li") == [
        "14 January 1949: Cable, Filippov [Stalin] to Cde. Mao Zedong"
    ]
    assert len(_texts(stalin, "//section[h2[@id='received']]//li")) == 1


def test_seed_site_index_and_downloads(seed_folder: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    assert _site([str(seed_folder), "-o", str(site), *CMIF_OPTIONS])[0] == 0
    index = _page(site, "letters.html")
    rows = index.xpath("//table[@id='letters']/tbody/tr")
    assert [row.get("data-date") for row in rows] == ["1949-01-12", "1949-01-14"]
    assert rows[0].get("data-from") == "|#mao-zedong|" and rows[0].get("data-to") == "|#stalin|"
    assert index.xpath("//form[@id='letter-filters'][@hidden]"), "the filters need the script"

    for doc_id in SEED_IDS:  # each letter's TEI as given
        assert (site / f"tei/{doc_id}.xml").read_bytes() in (
            p.read_bytes() for p in seed_folder.iterdir()
        )
    corpus = etree.parse(str(site / "downloads/corpus.xml")).getroot()
    assert corpus.tag == "{http://www.tei-c.org/ns/1.0}teiCorpus"
    assert len(corpus.findall("t:TEI", TEI_NS)) == 2
    cmif = etree.parse(str(site / "downloads/cmif.xml"))
    assert check_cmif(cmif) == []
    assert cmif.findtext(".//t:publicationStmt/t:idno", namespaces=TEI_NS) == (
        "https://example.org/edition/downloads/cmif.xml"
    )
    assert len(cmif.findall(".//t:correspDesc", TEI_NS)) == 2


def test_without_url_there_is_no_cmif_and_the_page_says_how(seed_folder: Path, tmp_path) -> None:
    site = tmp_path / "site"
    assert _site([str(seed_folder), "-o", str(site)])[0] == 0
    assert not (site / "downloads/cmif.xml").exists()
    assert "build the site with --url" in " ".join(_texts(_page(site, "downloads.html"), "//li"))
    code, output = _site([str(seed_folder), "-o", str(tmp_path / "b"), "--url", "https://x.org"])
    assert code == 2 and "--url and --editor go together" in output


def test_timeline_and_network_counts(seed_folder: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    assert _site([str(seed_folder), "-o", str(site)])[0] == 0
    timeline = _page(site, "timeline.html")
    bars = timeline.xpath("//*[local-name()='svg']//*[local-name()='rect'][@data-period]")
    assert [(b.get("data-period"), b.get("data-count")) for b in bars] == [("1949-01", "2")]
    assert timeline.xpath("//*[local-name()='svg'][@role='img']/*[local-name()='title']")
    network = _page(site, "network.html")
    nodes = network.xpath("//*[local-name()='a'][@data-key]")
    assert sorted((n.get("data-key"), n.get("data-letters")) for n in nodes) == [
        ("#mao-zedong", "2"),
        ("#stalin", "2"),
    ]
    edges = network.xpath("//*[local-name()='path'][@data-count]")
    assert sorted((e.get("data-from"), e.get("data-to"), e.get("data-count")) for e in edges) == [
        ("#mao-zedong", "#stalin", "1"),
        ("#stalin", "#mao-zedong", "1"),
    ]
    rows = network.xpath("//table[@id='network-edges']/tbody/tr")
    assert [[td.text_content() for td in row] for row in rows] == [
        ["Joseph Stalin", "Mao Zedong", "1"],
        ["Mao Zedong", "Joseph Stalin", "1"],
    ]


def test_search_index_holds_every_letter(seed_folder: Path) -> None:
    records, roots = [], []
    for path in sorted(seed_folder.iterdir()):
        found, root = read_input(str(path), path.read_bytes())
        records += found
        roots.append(root)
    built = build_site(records, roots, SiteOptions("Seeds"))
    script = built.files["assets/search-index.js"].decode()
    assert script.startswith("window.TEI_SEARCH = ")
    data = json.loads(script.removeprefix("window.TEI_SEARCH = ").rstrip(";\n"))
    assert len(data["docs"]) == len(data["texts"]) == 2
    first = data["docs"].index(["letters/doc-112663.html", *data["docs"][0][1:]])
    assert first in data["terms"]["guomindang"]
    assert "the unconditional surrender of the nanjing government" in normalise(data["texts"][0])
    assert terms("Zhōu Ēnlái's") == ["zhou", "enlai", "s"]


def test_teicorpus_input_gives_the_same_letters(seed_folder: Path, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.xml"
    runner = CliRunner()
    assert runner.invoke(app, ["corpus", str(seed_folder), "-o", str(corpus)]).exit_code == 0
    site = tmp_path / "site"
    code, output = _site([str(corpus), "-o", str(site)])
    assert code == 0, output
    assert sorted(p.name for p in (site / "letters").iterdir()) == sorted(
        f"{i}.html" for i in SEED_IDS
    )
    # the shared personography reaches each letter's page and its TEI download
    letter = _page(site, "letters/doc-112663.html")
    assert "Joseph Stalin" in " ".join(_texts(letter, "//section[@id='doc-persons']//li"))
    extracted = etree.parse(str(site / "tei/doc-112663.xml"))
    assert extracted.xpath(".//t:standOff//t:person[@xml:id='stalin']", namespaces=TEI_NS)
    quality = _page(site, "quality.html")
    assert "2 letters valid, 0 invalid" in " ".join(_texts(quality, "//p"))


def test_transcriptions_are_converted_with_their_warnings(tmp_path: Path) -> None:
    text = tmp_path / "note.txt"
    text.write_text("Some words without any telegram layout at all.\n", "utf-8")
    site = tmp_path / "site"
    code, output = _site([str(text), "-o", str(site)])
    assert code == 0, output
    assert f"{text}: warning: no date found in the source" in output
    quality = " ".join(_texts(_page(site, "quality.html"), "//section[h2[@id='warnings']]//li"))
    assert "no date found in the source" in quality
    assert "letters without a date: 1" in " ".join(_texts(_page(site, "index.html"), "//li"))


def test_refuses_a_folder_that_is_not_a_site(seed_folder: Path, tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "thesis.docx").write_bytes(b"precious")
    code, output = _site([str(seed_folder), "-o", str(folder)])
    assert code == 1
    assert "not empty and was not made by `tei site`; nothing written" in output
    assert sorted(p.name for p in folder.iterdir()) == ["thesis.docx"]


def test_rebuild_replaces_its_own_files_and_keeps_the_users(seed_folder, tmp_path) -> None:
    site = tmp_path / "site"
    assert _site([str(seed_folder), "-o", str(site)])[0] == 0
    (site / "CNAME").write_text("letters.example.org\n")
    listed = json.loads((site / MARKER).read_text())["files"]
    assert "letters/doc-112663.html" in listed and "CNAME" not in listed
    (seed_folder / "000_4a28453c626bc618.xml").unlink()
    code, output = _site([str(seed_folder), "-o", str(site)])
    assert code == 0, output
    assert "removed" in output
    assert not (site / "letters/doc-112663.html").exists()
    assert not (site / "tei/doc-112663.xml").exists()
    assert (site / "CNAME").read_text() == "letters.example.org\n"
    code, output = _site([str(seed_folder), "-o", str(site)])
    assert code == 0 and " 0 files written" in output, output


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"<TEI xmlns='http://www.tei-c.org/ns/1.0'><teiHeader>", "bad.xml:1:"),
        (b"<html><body/></html>", "the root element is 'html', not TEI or teiCorpus"),
        (b"<TEI xmlns='http://www.tei-c.org/ns/1.0'/>", "the letter has no xml:id"),
    ],
)
def test_bad_input_one_line_each_and_nothing_written(
    seed_folder: Path, tmp_path: Path, content: bytes, expected: str
) -> None:
    (seed_folder / "bad.xml").write_bytes(content)
    (seed_folder / "copy.xml").write_bytes((seed_folder / "000_4a28453c626bc618.xml").read_bytes())
    site = tmp_path / "site"
    result = subprocess.run(
        [sys.executable, "-m", "tei", "site", str(seed_folder), "-o", str(site)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert "Traceback" not in result.stderr
    assert [line for line in lines if expected in line], lines
    assert [line for line in lines if "letter id 'doc-112663' is also the id" in line], lines
    assert lines[-1].endswith("nothing written: every letter must be read for the site")
    assert len(lines) == 3
    assert not site.exists()


def test_places_get_pages_and_a_filter(seed_folder: Path, tmp_path: Path) -> None:
    path = seed_folder / "000_4a28453c626bc618.xml"
    data = path.read_bytes().replace(
        b'<persName ref="#mao-zedong">Mao Zedong</persName>\n          <date when="1949-01-12"/>',
        b'<persName ref="#mao-zedong">Mao Zedong</persName>\n          '
        b'<placeName>Xibaipo</placeName>\n          <date when="1949-01-12"/>',
    )
    assert b"Xibaipo" in data
    path.write_bytes(data)
    site = tmp_path / "site"
    assert _site([str(seed_folder), "-o", str(site)])[0] == 0
    assert _texts(_page(site, "places.html"), "//main//li") == ["Xibaipo (1 letter)"]
    place = _page(site, "places/xibaipo.html")
    assert _texts(place, "//main//li") == [
        "12 January 1949: " + TITLE_000,
    ]
    index = _page(site, "letters.html")
    assert index.xpath("//select[@id='f-place']/option[@value='name:xibaipo']")
    assert index.xpath("//tr[@data-place='|name:xibaipo|']")
    assert "places.html" in index.xpath("//nav[@aria-label='Site']//a/@href")


def test_usage_errors_are_one_line(seed_folder: Path, tmp_path: Path) -> None:
    a_file = tmp_path / "a-file"
    a_file.write_text("mine")
    cases = [
        (["-o", str(a_file)], 1, f"{a_file}: error: is a file, not a folder"),
        (["-o", str(tmp_path / "s"), "--url", "ftp://x", "--editor", "X"], 2,
         "tei site: error: --url 'ftp://x' is not an http(s) URL"),
        (["-o", str(tmp_path / "s"), "--about", str(tmp_path / "none.txt")], 2,
         "cannot read the --about file"),
    ]  # fmt: skip
    for args, code, message in cases:
        result = subprocess.run(
            [sys.executable, "-m", "tei", "site", str(seed_folder), *args],
            capture_output=True, text=True, cwd=ROOT, check=False,
        )  # fmt: skip
        assert result.returncode == code, result.stderr
        assert result.stderr.count("\n") == 1 and message in result.stderr, result.stderr
    assert a_file.read_text() == "mine" and not (tmp_path / "s").exists()


def test_a_date_without_a_year_is_listed_but_not_placed(seed_folder: Path, tmp_path: Path) -> None:
    path = seed_folder / "000_4a28453c626bc618.xml"
    data = path.read_bytes().replace(b'<date when="1949-01-12"/>', b'<date when="--01-12"/>', 1)
    path.write_bytes(data)
    site = tmp_path / "site"
    code, output = _site([str(seed_folder), "-o", str(site)])
    assert code == 0, output
    timeline = " ".join(_texts(_page(site, "timeline.html"), "//main/p"))
    assert "1 dated letter by month of sending, and 1 letter without a year not shown" in timeline
    assert "Dates: from 14 January 1949 to 14 January 1949" in " ".join(
        _texts(_page(site, "index.html"), "//li")
    )
    assert len(_page(site, "letters.html").xpath("//table[@id='letters']/tbody/tr")) == 2
