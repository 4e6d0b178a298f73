"""The editor's facts applied to a read telegram, and marked in the TEI as the editor's."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from tei import bundled_authority, read, serialize
from tei.cli.documents import Options, read_documents
from tei.metadata import FIELDS, MetadataError, parse_metadata_csv, split_front_matter
from tei.transforms.editor_facts import apply_editor_facts
from tei.validators.validate import iter_diagnostics
from tests.validation_support import jing_available

NS = {"t": "http://www.tei-c.org/ns/1.0"}
LETTER = "The Ambassador to the Minister\n\nDear Sir,\n\nWe agree with you.\n\nJ. Smith\n"
BARE = "Dear Sir,\n\nWe agree with you.\n"


def facts_for(row: str, tmp_path: Path, header: str = "file,title,date,sender,recipient"):
    (tmp_path / "a.txt").write_text(LETTER)
    rows, errors = parse_metadata_csv(f"{header}\n{row}\n", "meta.csv", tmp_path)
    assert errors == []
    return rows[(tmp_path / "a.txt").resolve()]


def test_facts_fill_what_the_reader_did_not_find(tmp_path: Path) -> None:
    facts = facts_for("a.txt,,1914-08-01,Sir Edward Grey,Sir E. Goschen", tmp_path)
    telegram = read(BARE, "a.txt", bundled_authority())
    assert {w.kind for w in telegram.warnings} >= {"no-date", "no-sender", "no-recipient"}
    applied, record, _ = apply_editor_facts(telegram, facts)
    kinds = {w.kind for w in applied.warnings}
    assert not kinds & {"no-date", "no-sender", "no-recipient"}  # answered by the editor
    assert "no-summary" in kinds  # not answered: still said
    sent = next(a for a in applied.header.actions if a.type == "sent")
    assert [p.name for p in sent.persons] == ["Sir Edward Grey"] and sent.date.iso == "1914-08-01"
    assert record.fields == ("date", "sender", "recipient")


def test_a_conflict_names_field_both_values_and_the_cell(tmp_path: Path) -> None:
    facts = facts_for("a.txt,Grey to Goschen,,,", tmp_path)
    telegram = read(LETTER, "a.txt", bundled_authority())
    applied, _, _ = apply_editor_facts(telegram, facts)
    conflicts = [w for w in applied.warnings if w.kind == "metadata-conflict"]
    assert [w.message for w in conflicts] == [
        "title: the text gives 'The Ambassador to the Minister', meta.csv line 2, column 2 gives "
        "'Grey to Goschen': the metadata's value is used"
    ]
    assert applied.header.title == "Grey to Goschen"


def test_the_same_value_written_differently_is_no_conflict(tmp_path: Path) -> None:
    facts = facts_for("a.txt,the ambassador  to the minister.,,,", tmp_path)
    applied, _, _ = apply_editor_facts(read(LETTER, "a.txt", bundled_authority()), facts)
    assert not [w for w in applied.warnings if w.kind == "metadata-conflict"]


@pytest.mark.parametrize(
    ("header", "row", "message"),
    [
        ("file,url", "a.txt,https://example.org/a", "meta.csv:2:2: error: a url needs a publisher"),
        (
            "file,sender_id",
            "a.txt,https://viaf.org/viaf/1",
            "meta.csv:2:2: error: a sender_id needs a sender name",
        ),
        (
            "file,place_id",
            "a.txt,https://www.geonames.org/1",
            "meta.csv:2:2: error: a place_id needs a place",
        ),
    ],
)
def test_facts_that_cannot_apply_are_located_errors(
    tmp_path: Path, header: str, row: str, message: str
) -> None:
    facts = facts_for(row, tmp_path, header)
    with pytest.raises(MetadataError) as caught:
        apply_editor_facts(read(BARE, "a.txt", bundled_authority()), facts)
    assert str(caught.value).startswith(message)


def test_an_id_alone_identifies_the_sender_the_text_names(tmp_path: Path) -> None:
    facts = facts_for("a.txt,https://viaf.org/viaf/1", tmp_path, "file,sender_id")
    applied, record, persons = apply_editor_facts(read(LETTER, "a.txt", bundled_authority()), facts)
    sent = next(a for a in applied.header.actions if a.type == "sent")
    assert [(p.name, p.person_id) for p in sent.persons] == [("Ambassador", "editor-ambassador")]
    assert persons.get("editor-ambassador").idnos == (("viaf", "https://viaf.org/viaf/1"),)
    assert record.fields == ("sender_id",)


def convert(text: str, tmp_path: Path, csv: str | None = None) -> etree._Element:
    path = tmp_path / "a.txt"
    path.write_text(text)
    rows = {}
    if csv is not None:
        rows, errors = parse_metadata_csv(csv, "meta.csv", tmp_path)
        assert errors == []
    documents, _ = read_documents(text, str(path), path, bundled_authority(), Options(rows))
    assert len(documents) == 1
    return documents[0].tree


def test_the_tei_marks_each_fact_of_the_editor_and_names_the_table(tmp_path: Path) -> None:
    tree = convert(
        LETTER,
        tmp_path,
        "file,title,date,sender,senderID,addressee,place,place_id,language,publisher,url\n"
        "a.txt,Grey to Goschen,1914-08-01,Sir Edward Grey,https://viaf.org/viaf/22150395,"
        "Goschen,London,https://www.geonames.org/2643743,fr,An edition,https://example.org/a\n",
    )
    marked = {
        etree.QName(e).localname for e in tree.iter() if e.get("source") == "#editor-metadata"
    }
    assert marked == {"title", "publisher", "idno", "language", "persName", "placeName", "date"}
    (bibl,) = tree.xpath("//t:sourceDesc/t:bibl[@xml:id='editor-metadata']", namespaces=NS)
    assert "".join(bibl.itertext()) == "Editor's metadata meta.csv, line 2"
    assert tree.xpath("string(//t:placeName/@ref)", namespaces=NS) == (
        "https://www.geonames.org/2643743"
    )
    (person,) = tree.xpath("//t:person[t:idno[@type='viaf']]", namespaces=NS)
    assert person.get("source") == "#authority-meta-csv"
    assert tree.xpath("string(//t:langUsage/t:language/@ident)", namespaces=NS) == "fr"
    assert tree.xpath("string(//t:editorialDecl/t:p[last()])", namespaces=NS) == (
        'Header facts with @source="#editor-metadata" were given by the editor in the metadata '
        "table meta.csv, line 2, not read from the transcription; where the transcription said "
        "otherwise, the editor's value was kept."
    )
    data = serialize(tree)
    level = "all" if jing_available() else "project"
    assert [str(d) for d in iter_diagnostics("a.xml", data, level)] == []


def test_front_matter_is_the_editors_and_leaves_the_text(tmp_path: Path) -> None:
    text = "---\nsender: Sir Edward Grey\ndate: 1914-08-01\n---\n" + LETTER
    tree = convert(text, tmp_path)
    (bibl,) = tree.xpath("//t:bibl[@xml:id='editor-metadata']", namespaces=NS)
    assert "".join(bibl.itertext()) == "Editor's front matter of a.txt"
    body = "".join(tree.find(".//{*}body").itertext())
    assert "sender:" not in body and "We agree with you." in body
    assert split_front_matter(text, "a.txt")[0].count("\n") == text.count("\n")


def test_without_metadata_nothing_is_marked(tmp_path: Path) -> None:
    tree = convert(LETTER, tmp_path)
    assert not [e for e in tree.iter() if e.get("source") == "#editor-metadata"]
    assert not tree.xpath("//t:bibl[@xml:id='editor-metadata']", namespaces=NS)
    assert "given by the editor" not in "".join(tree.find(".//{*}editorialDecl").itertext())


def test_csv_wins_over_front_matter_and_says_so(tmp_path: Path) -> None:
    text = "---\ntitle: From the front matter\nsender: Grey\n---\n" + LETTER
    tree = convert(text, tmp_path, "file,title,sender\na.txt,From the table,grey\n")
    assert tree.xpath("string(//t:titleStmt/t:title)", namespaces=NS) == "From the table"
    path = tmp_path / "a.txt"
    rows, _ = parse_metadata_csv(
        "file,title,sender\na.txt,From the table,grey\n", "m.csv", tmp_path
    )
    _, page = read_documents(text, str(path), path, bundled_authority(), Options(rows))
    assert [(w.kind, w.line, w.message) for w in page] == [
        (
            "metadata-conflict",
            2,
            f"title: {path} front matter, line 2 gives 'From the front matter', m.csv line 2, "
            "column 2 gives 'From the table': the table's value is used",
        )
    ]  # "Grey" and "grey" are the same name


CELL_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)


@given(field=st.sampled_from([f for f in FIELDS if f != "file"]), cell=CELL_TEXT)
def test_any_cell_gives_valid_tei_or_a_located_error(tmp_path_factory, field, cell) -> None:
    folder = tmp_path_factory.mktemp("any")
    path = folder / "a.txt"
    path.write_text(LETTER)
    out = io.StringIO()
    csv.writer(out).writerows([["file", field], ["a.txt", cell]])
    rows, errors = parse_metadata_csv(out.getvalue(), "meta.csv", folder)
    try:
        if errors:
            raise errors[0]
        documents, _ = read_documents(LETTER, str(path), path, bundled_authority(), Options(rows))
    except MetadataError as error:
        assert (error.location.source, error.location.line) == ("meta.csv", 2)
        assert error.location.column == 2
        return
    data = serialize(documents[0].tree)
    assert [str(d) for d in iter_diagnostics("a.xml", data)] == []


def test_a_shorter_form_of_the_editors_name_is_no_conflict(tmp_path: Path) -> None:
    signed = "Dear Sir,\n\nWe agree with you.\n\nGrey\n"
    (tmp_path / "a.txt").write_text(signed)
    rows, errors = parse_metadata_csv("file,sender\na.txt,Sir Edward Grey\n", "meta.csv", tmp_path)
    assert errors == []
    fuller = rows[(tmp_path / "a.txt").resolve()]
    applied, _, _ = apply_editor_facts(read(signed, "a.txt", bundled_authority()), fuller)
    assert not [w for w in applied.warnings if w.kind == "metadata-conflict"]
    rows, _ = parse_metadata_csv("file,sender\na.txt,Sir E. Goschen\n", "meta.csv", tmp_path)
    other, _, _ = apply_editor_facts(
        read(signed, "a.txt", bundled_authority()), rows[(tmp_path / "a.txt").resolve()]
    )
    assert [w.kind for w in other.warnings if w.kind == "metadata-conflict"] == [
        "metadata-conflict"
    ]
