"""tei.validators.locate alone: the line and column of each element's start tag."""

from __future__ import annotations

from lxml import etree

from tei.validators.locate import SourceText, element_at


def positions(data: bytes) -> list[tuple[str, tuple[int | None, int | None]]]:
    tree = etree.fromstring(data).getroottree()
    text = SourceText(data, tree.docinfo.encoding)
    return [(e.tag, text.position(e)) for e in tree.iter() if isinstance(e.tag, str)]


def test_each_of_several_elements_on_a_line_has_its_own_column() -> None:
    assert positions(b"<a><b/> <b/><c><b/></c></a>") == [
        ("a", (1, 1)),
        ("b", (1, 4)),
        ("b", (1, 9)),
        ("c", (1, 13)),
        ("b", (1, 16)),
    ]


def test_comments_processing_instructions_and_cdata_do_not_shift_the_count() -> None:
    data = b"<a>\n<!-- <b> --><?pi <b>?><![CDATA[<b>]]>\n  <b/>\n</a>"
    assert positions(data) == [("a", (1, 1)), ("b", (3, 3))]


def test_a_start_tag_split_over_lines_is_placed_where_it_begins() -> None:
    data = b'<a>\n  <b\n     n="1"\n     m="2"/>\n</a>'
    tree = etree.fromstring(data).getroottree()
    assert tree.getroot()[0].sourceline == 4  # lxml: where the tag ends
    assert positions(data)[1] == ("b", (2, 3))


def test_columns_count_characters_not_bytes_whatever_the_encoding() -> None:
    assert positions("<a>é€😀<b/></a>".encode())[1] == ("b", (1, 7))
    latin = '<?xml version="1.0" encoding="ISO-8859-1"?>\n<a>éé<b/></a>'.encode("latin-1")
    assert positions(latin)[1] == ("b", (2, 6))


def test_prefixed_and_default_namespace_elements_alike() -> None:
    data = b'<t:a xmlns:t="urn:t" xmlns="urn:d"><b/><t:c/></t:a>'
    assert [p for _, p in positions(data)] == [(1, 1), (1, 36), (1, 40)]


def test_no_element_no_position() -> None:
    assert SourceText(b"<a/>").position(None) == (None, None)


def test_a_document_expat_refuses_keeps_its_lines_without_columns() -> None:
    # lxml reads it (its recovering parser stands in for any reading expat would refuse)
    data = b"<a>\n<b>unclosed\n</a>"
    tree = etree.fromstring(data, etree.XMLParser(recover=True)).getroottree()
    text = SourceText(data)
    assert [text.position(e) for e in tree.iter()] == [(1, None), (2, None)]


def test_element_at_follows_a_validators_xpath_to_the_element_or_its_attribute() -> None:
    tree = etree.fromstring(b'<a><b n="1"/><b n="2"/></a>').getroottree()
    assert element_at(tree, "/a/b[2]").get("n") == "2"
    assert element_at(tree, "/a/b[1]/@n").get("n") == "1"
    assert element_at(tree, "/a/c") is None
    assert element_at(tree, "not an xpath ((") is None
    assert element_at(tree, None) is None


def test_tag_start_moves_jings_utf16_column_to_the_tags_start() -> None:
    text = SourceText("<a>😀<b>x</b></a>".encode())
    # jing: just past the '>' of <b>, counting 😀 as two UTF-16 units
    assert text.tag_start(1, 9) == (1, 5)
    assert text.tag_start(1, 2) is None  # not after a '>'
