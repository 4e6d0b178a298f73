"""The editor's metadata: the CSV table and front matter, read into checked, located facts."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tei.dates import PartialDate
from tei.errors import TeiError
from tei.metadata import FIELDS, MetadataError, parse_metadata_csv, split_front_matter
from tei.metadata.fields import canonical_field, check_value


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "a.txt").write_text("Dear Sir,\n\nWe agree.\n")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("Dear Sir,\n\nWe agree too.\n")
    return tmp_path


def table(text: str, folder: Path):
    return parse_metadata_csv(text, "meta.csv", folder)


def messages(errors: list[TeiError]) -> list[str]:
    return [str(error) for error in errors]


def test_rows_give_checked_facts_by_file(folder: Path) -> None:
    rows, errors = table(
        "file,title,date,sender,recipient,place,language\n"
        "a.txt,Grey to Goschen,1914-08-01,Sir Edward Grey,Sir E. Goschen,London,French\n"
        "sub/b.txt,,August 1914,,,,\n",
        folder,
    )
    assert errors == []
    a = rows[(folder / "a.txt").resolve()]
    assert a.line == 2 and a.text("sender") == "Sir Edward Grey"
    assert a.values["date"].date == PartialDate(1914, 8, 1)
    assert a.values["language"].language.code == "fr"
    assert a.places["place"] == 6
    b = rows[(folder / "sub" / "b.txt").resolve()]
    assert b.values["date"].date == PartialDate(1914, 8) and "title" not in b.values


def test_csv2cmi_column_names_are_understood(folder: Path) -> None:
    rows, errors = table(
        "file,sender,senderID,senderPlace,senderPlaceID,senderDate,addressee,addresseeID\n"
        "a.txt,Grey,https://viaf.org/viaf/22150395,London,https://www.geonames.org/2643743,"
        "1914-08-01,Goschen,https://d-nb.info/gnd/118540238\n",
        folder,
    )
    assert errors == []
    facts = rows[(folder / "a.txt").resolve()]
    assert facts.values["sender_id"].idno_type == "viaf"
    assert facts.values["recipient_id"].idno_type == "gnd"
    assert facts.text("place_id") == "https://www.geonames.org/2643743"
    assert facts.text("recipient") == "Goschen"


def test_every_problem_is_reported_with_line_and_column(folder: Path) -> None:
    _, errors = table(
        "file,title,dat,date,language,sender_id\n"
        "a.txt,T,,31 February 1914,,\n"
        "missing.txt,T,,,,\n"
        "sub/b.txt,T,,,Klingon-ish,viaf 123\n",
        folder,
    )
    assert messages(errors) == [
        "meta.csv:1:3: error: unknown column 'dat' — the columns are " + ", ".join(FIELDS),
        "meta.csv:2:4: error: date '31 February 1914' is not a date — write it as 1914-08-01, "
        "1914-08, 1914 or 'August 1, 1914'",
        f"meta.csv:3:1: error: file 'missing.txt' does not exist — file names are read relative "
        f"to {folder}",
        "meta.csv:4:5: error: language 'Klingon-ish' is not an ISO 639 language — give its "
        "English name or ISO 639 code, e.g. 'French' or 'fr'",
        "meta.csv:4:6: error: sender_id 'viaf 123' is not an authority URI — give a full URI "
        "such as https://viaf.org/viaf/12345 or https://d-nb.info/gnd/118540238",
    ]


def test_a_quoted_cell_over_two_lines_keeps_the_next_rows_line(folder: Path) -> None:
    _, errors = table('file,summary\na.txt,"two\nlines"\nnone.txt,x\n', folder)
    assert [e.location.line for e in errors] == [4]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("title\nx\n", "meta.csv:1: error: no 'file' column — name each row's transcription"),
        ("", "meta.csv:1: error: the metadata table is empty"),
        ("file,file\na.txt,a.txt\n", "meta.csv:1:2: error: column 'file' repeats the file column"),
        ("file\na.txt\na.txt\n", "meta.csv:3:1: error: file 'a.txt' has a row already (line 2)"),
        ("file,title\na.txt,T,extra\n", "meta.csv:2:3: error: more cells than columns"),
        ('file,title\na.txt,"T\n', "meta.csv:2: error: not a CSV row: unexpected end of data"),
    ],
)
def test_table_shape_errors(folder: Path, text: str, expected: str) -> None:
    _, errors = table(text, folder)
    assert messages(errors)[:1] == [expected]


@pytest.mark.parametrize(
    ("text", "iso"),
    [("1914", "1914"), ("1914-08", "1914-08"), ("1914-08-01", "1914-08-01"),
     ("August 1, 1914", "1914-08-01"), ("1 August 1914", "1914-08-01")],
)  # fmt: skip
def test_dates_are_strict_iso_or_archival(text: str, iso: str) -> None:
    assert check_value("date", text).date.iso == iso


@pytest.mark.parametrize("text", ["1914-02-30", "1914-13", "about 1914", "14/8/1914", "1914-8-1"])
def test_near_miss_dates_are_refused(text: str) -> None:
    with pytest.raises(MetadataError):
        check_value("date", text)


@pytest.mark.parametrize(
    ("field", "text"),
    [("sender_id", "https://viaf.org/viaf/"), ("place_id", "https://geonames.org/x"),
     ("url", "www.example.org/letter"), ("recipient_id", "Q42")],
)  # fmt: skip
def test_near_miss_ids_are_refused(field: str, text: str) -> None:
    with pytest.raises(MetadataError):
        check_value(field, text)


def test_language_codes_are_codes_not_names() -> None:
    # pycountry's lookup alone takes "en" for the language named "En" (enc)
    assert check_value("language", "en").language.code == "en"
    assert check_value("language", "deu").language.code == "de"
    assert check_value("language", "Russian").language.code == "ru"


def test_column_names_ignore_case_and_separators() -> None:
    assert canonical_field(" Sender-ID ") == "sender_id"
    assert canonical_field("SOURCE URL") == "url"
    assert canonical_field("senders") is None


# --------------------------------------------------------------------------- front matter

FRONT = "---\ntitle: Grey to Goschen\ndate: '1914-08-01'\n# a comment\n\nsender: Sir E. Grey\n---\n"


def test_front_matter_is_read_and_blanked_keeping_line_numbers() -> None:
    text, facts = split_front_matter(FRONT + "Sir,\n\nWe agree.\n", "g.txt")
    assert text.split("\n")[7:] == ["Sir,", "", "We agree.", ""]
    assert text.split("\n")[:7] == [""] * 7
    assert facts.text("date") == "1914-08-01" and facts.places == {
        "title": 2,
        "date": 3,
        "sender": 6,
    }
    assert facts.where("sender") == "g.txt front matter, line 6"


@pytest.mark.parametrize(
    "text",
    [
        "---\nSir,\n\nWe agree.\n---\n",  # a rule of dashes around prose
        "Dear Sir,\n---\ntitle: x\n---\n",  # not at the top
        "---\ntitle: x\n",  # never closed
        "---\n---\nDear Sir,\n",  # empty block: two rules
        "---\ntitle: x\nWe agree that it is so.\n---\n",  # a prose line inside
    ],
)
def test_near_misses_are_not_front_matter(text: str) -> None:
    assert split_front_matter(text, "x.txt") == (text, None)


@pytest.mark.parametrize(
    ("block", "expected"),
    [
        ("---\ntitel: x\n---\n", "x.txt:2:1: error: unknown front-matter field 'titel'"),
        ("---\nfile: a.txt\n---\n", "x.txt:2:1: error: unknown front-matter field 'file'"),
        ("---\ndate: soon\n---\n", "x.txt:2:7: error: date 'soon' is not a date"),
        ("---\ntitle: a\ntitle: b\n---\n", "x.txt:3: error: field 'title' is given twice (line 2)"),
    ],
)
def test_front_matter_errors_are_located(block: str, expected: str) -> None:
    with pytest.raises(MetadataError) as caught:
        split_front_matter(block + "Dear Sir,\n", "x.txt")
    assert str(caught.value).startswith(expected)


# --------------------------------------------------------------------------- properties

CELLS = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)


@given(field=st.sampled_from([f for f in FIELDS if f != "file"]), cell=CELLS)
def test_any_cell_applies_or_fails_at_its_cell(tmp_path_factory, field: str, cell: str) -> None:
    folder = tmp_path_factory.mktemp("cells")
    (folder / "a.txt").write_text("x")
    out = io.StringIO()
    csv.writer(out).writerows([["file", field], ["a.txt", cell]])
    rows, errors = parse_metadata_csv(out.getvalue(), "meta.csv", folder)
    if errors:
        assert len(errors) == 1 and not rows
        error = errors[0]
        assert (error.location.source, error.location.column) == ("meta.csv", 2)
        assert error.location.line == 2 and str(error).startswith("meta.csv:2:2: error: ")
    else:
        facts = rows[(folder / "a.txt").resolve()]
        assert facts.text(field) == (cell.strip() or None)


@given(value=st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), max_size=40))
def test_any_front_matter_value_applies_or_fails_at_its_line(value: str) -> None:
    text = f"---\nsender: Grey\ndate: {value}\n---\nDear Sir,\n"
    try:
        rest, facts = split_front_matter(text, "x.txt")
    except MetadataError as error:
        assert error.location.line == 3 and str(error).startswith("x.txt:3:")
    else:
        assert rest.endswith("Dear Sir,\n")
        assert facts is None or facts.text("sender") == "Grey"
