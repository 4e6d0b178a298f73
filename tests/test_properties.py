"""Property tests: any text gives TEI or the project's own error; generated telegrams keep
their facts. Example counts come from the hypothesis profile (tests/conftest.py): 'ci' runs
more than the default local profile."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from tei import TeiError, bundled_authority, encode_telegram, read, serialize
from tests.strategies_choices import telegrams

NS = {"t": "http://www.tei-c.org/ns/1.0"}

#: text made of the pieces telegrams are made of, so brackets, dates and numbers meet often
PIECES = st.sampled_from(
    [
        "[",
        "]",
        "[....]",
        "[which is]",
        "Filippov [Stalin]",
        "1.",
        "2.",
        "a)",
        "b)",
        "\n",
        "\n\n",
        "Comrade Filippov,",
        "To Comrade Mao Zedong.",
        "12 January 1949",
        "31 February 1949",
        "January 13, 1949",
        "**Citation:**",
        "**Summary:**",
        "**Contents:**",
        "• Citation",
        "English HTML",
        '"',
        "“",
        "”",
        "Mao Zedong",
        "P.S.",
        " ",
        "\t",
        "\u00a0",
        "\r\n",
        "–",
        "word",
        "Word",
        "CC [Central Committee]",
        "Com[rade]",
        "[?]",
        "[sic]",
        "[illegible]",
        "\x0b",
        "\x1f",
        "\ufeff",
        "\U0001f600",
        "&",
        "<",
        ">",
        "]]>",
        "--",
    ]
)
TELEGRAMISH = st.lists(PIECES | st.text(max_size=8), max_size=60).map("".join)


def convert(text: str) -> bytes:
    telegram = read(text, "prop.txt", bundled_authority())
    return serialize(encode_telegram(telegram))


def check_tei(data: bytes) -> None:
    root = etree.fromstring(data)
    assert root.tag == "{http://www.tei-c.org/ns/1.0}TEI"
    body = "".join(root.xpath("//t:text//text()", namespaces=NS))
    assert "[" not in body and "]" not in body


def convert_or_our_error(text: str) -> None:
    try:
        data = convert(text)
    except TeiError:
        return
    check_tei(data)


@given(st.text())
def test_any_text_gives_tei_or_our_own_error(text: str) -> None:
    convert_or_our_error(text)


@given(TELEGRAMISH)
def test_telegram_like_text_gives_tei_or_our_own_error(text: str) -> None:
    convert_or_our_error(text)


@given(telegrams())
def test_generated_telegrams_keep_their_facts(composed) -> None:
    telegram = read(composed.text, "gen.txt", bundled_authority())
    assert telegram.layout == composed.layout
    data = serialize(encode_telegram(telegram))
    check_tei(data)
    root = etree.fromstring(data)

    def names(action: str) -> list[str]:
        return root.xpath(f"//t:correspAction[@type='{action}']/t:persName/text()", namespaces=NS)

    assert names("sent") == [composed.sender]
    assert names("received") == [composed.recipient]
    when = root.xpath("string(//t:correspAction[@type='sent']/t:date/@when)", namespaces=NS)
    assert when == composed.date_iso
    points = root.xpath("//t:div[@type='point']/@n", namespaces=NS)
    assert points == [str(n) for n in range(1, composed.points + 1)]
