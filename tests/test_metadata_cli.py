"""``tei convert --metadata``: a CSV over a folder, through typer's runner and a real process,
and the CMIF export of that folder carrying the editor's facts."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from lxml import etree
from typer.testing import CliRunner

from tei.cli.app import app

runner = CliRunner()
OTHER = Path(__file__).resolve().parent / "corpus" / "other"
NS = {"t": "http://www.tei-c.org/ns/1.0"}
#: real pages from tests/corpus/other (their URLs are in each NAME.json)
PAGES = {
    "lenin.txt": "marxists-lenin-to-chicherin-1922-02-16.txt",
    "sempe.txt": "overblog-sempe-to-burdel-letter-1869-09-10.txt",
    "nested/stalin.txt": "itexts-stalin-to-molotov-letter-1927-07-11.txt",
}
TABLE = (
    "file,title,senderDate,sender,senderID,addressee,addresseeID,senderPlace,senderPlaceID,"
    "language,publisher,url\n"
    "lenin.txt,Lenin to Chicherin,1922-02-16,V. I. Lenin,https://d-nb.info/gnd/118640445,"
    "G. V. Chicherin,https://d-nb.info/gnd/118520261,Moscow,https://www.geonames.org/524901,en,"
    "Marxists Internet Archive,https://www.marxists.org/archive/lenin/works/1922/feb/16.htm\n"
    "sempe.txt,Sempé à Burdel,1869-09-10,Édouard Sempé,,Burdel,,Vera Cruz,,French,,\n"
    "nested/stalin.txt,Stalin to Molotov,1927-07-11,J. V. Stalin,https://viaf.org/viaf/101787139,"
    "V. M. Molotov,,Sochi,,ru,,\n"
)


def collection(tmp_path: Path) -> Path:
    folder = tmp_path / "letters"
    for name, page in PAGES.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(OTHER / page, folder / name)
    (folder / "meta.csv").write_text(TABLE, encoding="utf-8")
    return folder


def sent(tree: etree._ElementTree, what: str) -> str:
    return tree.xpath(f"string(//t:correspAction[@type='sent']/{what})", namespaces=NS)


def test_a_csv_over_a_folder_gives_every_file_its_facts_and_cmif_carries_them(
    tmp_path: Path,
) -> None:
    folder = collection(tmp_path)
    out = tmp_path / "tei"
    result = runner.invoke(
        app, ["convert", str(folder), "-o", str(out), "--metadata", str(folder / "meta.csv")]
    )
    assert result.exit_code == 0, result.output
    assert "converted 3 files; 0 failed" in result.stderr
    lenin = etree.parse(out / "lenin.xml")
    assert sent(lenin, "t:persName") == "V. I. Lenin"
    assert sent(lenin, "t:date/@when") == "1922-02-16"
    assert sent(lenin, "t:placeName/@ref") == "https://www.geonames.org/524901"
    stalin = etree.parse(out / "nested" / "stalin.xml")
    assert stalin.xpath("string(/t:TEI/@xml:lang)", namespaces=NS) == "ru"
    assert sent(stalin, "t:persName/@source") == "#editor-metadata"
    assert (
        etree.parse(out / "sempe.xml").xpath("string(//t:titleStmt/t:title)", namespaces=NS)
        == "Sempé à Burdel"
    )
    validated = runner.invoke(app, ["validate", str(out)])
    assert validated.exit_code == 0, validated.output

    cmif = tmp_path / "cmif.xml"
    exported = runner.invoke(
        app,
        ["export", "cmif", str(out), "--publisher", "Test edition", "--editor", "An Editor",
         "--url", "https://example.org/cmif.xml", "--date", "2026-01-01", "-o", str(cmif)],
    )  # fmt: skip
    assert exported.exit_code == 0, exported.output
    index = etree.parse(cmif)
    letters = {
        d.xpath("string(t:correspAction[@type='sent']/t:persName)", namespaces=NS): d
        for d in index.iterfind(".//{*}correspDesc")
    }
    assert set(letters) == {"V. I. Lenin", "Édouard Sempé", "J. V. Stalin"}
    lenin_desc = letters["V. I. Lenin"]
    assert lenin_desc.get("ref") == "https://www.marxists.org/archive/lenin/works/1922/feb/16.htm"
    assert lenin_desc.xpath("string(.//t:persName[1]/@ref)", namespaces=NS) == (
        "https://d-nb.info/gnd/118640445"
    )
    assert (
        lenin_desc.xpath("string(t:correspAction[@type='received']/t:persName/@ref)", namespaces=NS)
        == "https://d-nb.info/gnd/118520261"
    )
    assert lenin_desc.xpath("string(.//t:placeName/@ref)", namespaces=NS) == (
        "https://www.geonames.org/524901"
    )
    assert letters["Édouard Sempé"].xpath("string(.//t:date/@when)", namespaces=NS) == "1869-09-10"
    assert letters["J. V. Stalin"].xpath("string(.//t:persName[1]/@ref)", namespaces=NS) == (
        "https://viaf.org/viaf/101787139"
    )


def test_conflicts_are_warned_with_field_values_and_cell(tmp_path: Path) -> None:
    folder = collection(tmp_path)
    result = runner.invoke(
        app, ["convert", str(folder), "-o", str(tmp_path / "o"), "-m", str(folder / "meta.csv")]
    )
    conflicts = [line for line in result.stderr.splitlines() if "[metadata-conflict]" in line]
    assert conflicts, result.stderr
    assert all(
        line.startswith(str(folder)) and "meta.csv line " in line and ", column " in line
        for line in conflicts
    )


def test_a_bad_table_is_reported_whole_and_nothing_is_converted(tmp_path: Path) -> None:
    folder = collection(tmp_path)
    (folder / "meta.csv").write_text(
        "file,title,date,colour\nlenin.txt,T,1922-02-30,\nghost.txt,T,,\n", encoding="utf-8"
    )
    out = tmp_path / "o"
    result = runner.invoke(
        app, ["convert", str(folder), "-o", str(out), "-m", str(folder / "meta.csv")]
    )
    assert result.exit_code == 1
    table = folder / "meta.csv"
    assert result.stderr.splitlines() == [
        f"{table}:1:4: error: unknown column 'colour' — the columns are file, title, date, "
        "sender, sender_id, recipient, recipient_id, place, place_id, language, publisher, url, "
        "summary",
        f"{table}:2:3: error: date '1922-02-30' does not exist in the calendar — correct the "
        "month or day",
        f"{table}:3:1: error: file 'ghost.txt' does not exist — file names are read relative to "
        f"{folder}",
        f"{table}: 3 problem(s) in the metadata; nothing converted",
    ]
    assert not out.exists()


def test_a_missing_table_is_one_line(tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["convert", str(OTHER / PAGES["lenin.txt"]), "-m", str(tmp_path / "none.csv")]
    )
    assert result.exit_code == 1
    assert result.stderr.startswith(f"{tmp_path / 'none.csv'}: error: cannot read the metadata")


def test_front_matter_reaches_the_tei_in_a_real_process(tmp_path: Path) -> None:
    letter = tmp_path / "grey.txt"
    letter.write_text(
        "---\ntitle: Sir Edward Grey to Sir E. Goschen\ndate: 1914-08-01\n"
        "sender: Sir Edward Grey\nrecipient: Sir E. Goschen\nlanguage: en\n---\n"
        "Sir,\n\nWe agree.\n\nGrey\n",
        encoding="utf-8",
    )
    done = subprocess.run(
        [sys.executable, "-m", "tei", "convert", str(letter), "-W", "no-citation",
         "-W", "no-summary", "-W", "no-original-language", "--strict"],
        capture_output=True,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)},
        timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr.decode()
    tree = etree.fromstring(done.stdout)
    assert tree.xpath("string(//t:correspAction[@type='sent']/t:date/@when)", namespaces=NS) == (
        "1914-08-01"
    )
    assert b"title:" not in done.stdout
    assert done.stderr == b""


def test_a_bad_front_matter_line_fails_that_file_only(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("---\ndate: next week\n---\nDear Sir,\n\nYes.\n")
    (tmp_path / "in" / "b.txt").write_text(
        "---\nsender: Grey\nrecipient: Goschen\n---\nDear Sir,\n\nWe agree with you.\n"
    )
    result = runner.invoke(app, ["convert", str(tmp_path / "in"), "-o", str(tmp_path / "o"), "-q"])
    assert result.exit_code == 1
    assert (
        f"{tmp_path / 'in' / 'a.txt'}:2:7: error: date 'next week' is not a date" in result.stderr
    )
    assert (tmp_path / "o" / "b.xml").exists() and not (tmp_path / "o" / "a.xml").exists()
