"""``tei corpus``: one teiCorpus with a shared personography, and prev/next links between letters.

The links are checked against an oracle that does not read TEI: the generator's own record of
who wrote to whom and when (``bench.corpus.compose``), and the seeds' known senders and dates.
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree
from typer.testing import CliRunner

from bench.corpus import RandomChoices, compose
from tei.cli.app import app
from tei.publish.corpus import chains, read_letter
from tei.validators.relaxng import validate_with_jing
from tests.conftest import ROOT
from tests.test_cmif import EDITION, GENERATED, GENERATED_SEED, skip_without_java, write_letters

runner = CliRunner()
TEI_NS = "http://www.tei-c.org/ns/1.0"
NS = {"t": TEI_NS}
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
#: the seeds' correspondents and sent dates, as the archive's documents give them
SEEDS = {
    "000_4a28453c626bc618": ("Mao Zedong", "Filippov", "1949-01-12"),
    "001_552a14868e1716bc": ("Filippov", "Mao Zedong", "1949-01-14"),
}


@pytest.fixture(scope="session")
def java() -> None:
    skip_without_java()


@pytest.fixture
def letters(tmp_path: Path) -> Path:
    """A fresh copy for each test: ``--link`` changes the letters."""
    return write_letters(tmp_path)


def corpus(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["corpus", *args])
    return result.exit_code, result.stderr


def links_in(root: etree._Element) -> dict[str, tuple[str | None, str | None]]:
    """Each letter's (prev, next) targets in a corpus (or a one-letter file)."""
    found = {}
    for tei in root.iter(f"{{{TEI_NS}}}TEI"):
        refs = {
            r.get("type"): r.get("target") for r in tei.iterfind(".//t:correspContext/t:ref", NS)
        }
        found[tei.get(XML_ID)] = (refs.get("prev"), refs.get("next"))
    return found


def expected_links(folder: Path) -> dict[str, tuple[str | None, str | None]]:
    """The chains from the generator's record, as '#doc-id' targets."""
    choices = RandomChoices(random.Random(GENERATED_SEED))
    facts = dict(SEEDS)
    for number in range(GENERATED):
        made = compose(choices, number)
        facts[f"gen_{number:04d}"] = (made.sender, made.recipient, made.date_iso)
    ids = {stem: etree.parse(str(folder / f"{stem}.xml")).getroot().get(XML_ID) for stem in facts}
    groups: dict[frozenset[str], list[tuple[str, str]]] = {}
    for stem, (sender, recipient, date) in facts.items():
        groups.setdefault(frozenset((sender, recipient)), []).append((date, ids[stem]))
    links: dict[str, tuple[str | None, str | None]] = {doc: (None, None) for doc in ids.values()}
    for group in groups.values():
        order = [doc for _, doc in sorted(group)]
        for i, doc in enumerate(order):
            before = f"#{order[i - 1]}" if i else None
            links[doc] = (before, f"#{order[i + 1]}" if i + 1 < len(order) else None)
    assert max(len(g) for g in groups.values()) >= 3  # the corpus has chains worth testing
    return links


def test_corpus_of_seeds_and_generated_letters(letters: Path, tmp_path: Path, java: None) -> None:
    output = tmp_path / "corpus.xml"
    code, stderr = corpus(str(letters), "-o", str(output))
    assert code == 0, stderr
    assert validate_with_jing([output]) == {output: []}  # tei_all
    root = etree.parse(str(output)).getroot()
    assert root.tag == f"{{{TEI_NS}}}teiCorpus"
    assert len(root.findall("t:TEI", NS)) == 2 + GENERATED
    persons = [p.get(XML_ID) for p in root.iterfind("t:standOff/t:listPerson/t:person", NS)]
    assert len(persons) == len(set(persons)) and "stalin" in persons
    assert not root.findall("t:TEI/t:standOff/t:listPerson", NS)  # one shared personography
    refs = {r for p in root.iterfind("t:TEI//t:persName[@ref]", NS) for r in p.get("ref").split()}
    assert refs and {r.removeprefix("#") for r in refs} <= set(persons)
    ids = {element.get(XML_ID) for element in root.iter() if element.get(XML_ID)}
    pointers = {
        token[1:]
        for element in root.iter()
        for value in element.attrib.values()
        for token in value.split()
        if token.startswith("#")
    }
    assert pointers and pointers <= ids  # every pointer still lands, after the ids were prefixed
    assert "doc-112663.ms-2" in ids and "ms-2" not in ids
    assert links_in(root) == expected_links(letters)


def hand_made(doc_id: str, sender: str, recipient: str, when: str | None) -> bytes:
    """A small valid TEI letter: who wrote to whom, and when."""
    date = f'<date when="{when}"/>' if when else ""
    people = "".join(
        f'<person xml:id="{p}"><persName>{p.title()}</persName></person>'
        for p in (sender, recipient)
    )
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="{TEI_NS}" xml:id="{doc_id}">
  <teiHeader>
    <fileDesc>
      <titleStmt><title>Letter {doc_id}</title></titleStmt>
      <publicationStmt><p>Unpublished.</p></publicationStmt>
      <sourceDesc><p>Made for a test.</p></sourceDesc>
    </fileDesc>
    <profileDesc>
      <correspDesc>
        <correspAction type="sent">
          <persName ref="#{sender}">{sender.title()}</persName>{date}
        </correspAction>
        <correspAction type="received">
          <persName ref="#{recipient}">{recipient.title()}</persName>
        </correspAction>
      </correspDesc>
    </profileDesc>
  </teiHeader>
  <standOff><listPerson>{people}</listPerson></standOff>
  <text><body><p>Text.</p></body></text>
</TEI>
""".encode()


HAND_MADE = {
    "a": ("ann", "bob", "1950-03-01"),
    "b": ("bob", "ann", "1950-01-15"),  # the other direction: the same correspondence
    "c": ("ann", "bob", "1950"),  # a year sorts before the days in it
    "d": ("ann", "bob", "1950-03-01"),  # same day as a: the document id decides
    "e": ("ann", "cid", "1949"),  # another pair: no partner, no link
    "f": ("ann", "bob", None),  # undated: its place in the chain is unknown
}


def test_exact_chains_on_hand_made_letters(tmp_path: Path, java: None) -> None:
    for doc_id, (sender, recipient, when) in HAND_MADE.items():
        (tmp_path / f"{doc_id}.xml").write_bytes(hand_made(doc_id, sender, recipient, when))
    output = tmp_path / "out" / "corpus.xml"
    code, stderr = corpus(str(tmp_path), "-o", str(output), "--link")
    assert code == 0, stderr
    assert "f.xml: warning: letter f has no sent date: not linked" in stderr
    assert links_in(etree.parse(str(output)).getroot()) == {
        "a": ("#b", "#d"),
        "b": ("#c", "#a"),
        "c": (None, "#b"),
        "d": ("#a", None),
        "e": (None, None),
        "f": (None, None),
    }
    in_files = {
        p.stem: links_in(etree.parse(str(p)).getroot())[p.stem] for p in tmp_path.glob("*.xml")
    }
    assert in_files == {
        "a": ("b.xml", "d.xml"),
        "b": ("c.xml", "a.xml"),
        "c": (None, "b.xml"),
        "d": ("a.xml", None),
        "e": (None, None),
        "f": (None, None),
    }
    letters = sorted(tmp_path.glob("*.xml"))
    assert validate_with_jing([output, *letters]) == {p: [] for p in [output, *letters]}


def test_chains_is_a_function_of_the_letters(tmp_path: Path) -> None:
    letters = [
        read_letter(etree.fromstring(hand_made(i, *facts)), f"{i}.xml")
        for i, facts in HAND_MADE.items()
    ]
    neighbours, notices = chains(letters)
    named = {k: tuple(n.doc_id if n else None for n in v) for k, v in neighbours.items()}
    assert named == {"c": (None, "b"), "b": ("c", "a"), "a": ("b", "d"), "d": ("a", None)}
    assert [n.message for n in notices] == ["letter f has no sent date: not linked"]


def test_link_writes_into_the_letters_and_a_second_run_changes_nothing(
    letters: Path, tmp_path: Path, java: None
) -> None:
    originals = {p.name: p.read_text("utf-8") for p in letters.glob("*.xml")}
    output = tmp_path / "corpus.xml"
    code, stderr = corpus(str(letters), "-o", str(output), "--link")
    assert code == 0, stderr
    files = sorted(letters.glob("*.xml"))
    linked = [p for p in files if b"<correspContext>" in p.read_bytes()]
    assert stderr.splitlines()[-1].endswith(f"links written into {len(linked)} letter files")
    expected = expected_links(letters)
    ids = {etree.parse(str(p)).getroot().get(XML_ID): p.name for p in files}
    for path in files:
        doc_id = etree.parse(str(path)).getroot().get(XML_ID)
        want = tuple(ids[t[1:]] if t else None for t in expected[doc_id])
        assert links_in(etree.parse(str(path)).getroot())[doc_id] == want
    assert validate_with_jing(files) == {p: [] for p in files}
    for path in files:  # nothing else in a letter changed: take the links out, get it back
        text = path.read_text("utf-8")
        if "<correspContext>" in text:
            start = text.index("        <correspContext>")
            end = text.index("</correspContext>\n") + len("</correspContext>\n")
            text = text[:start] + text[end:]
        assert text == originals[path.name], path
    before = {p: p.read_bytes() for p in [output, *files]}
    code, stderr = corpus(str(letters), "-o", str(output), "--link")
    assert code == 0
    assert stderr.splitlines()[-1].endswith("(unchanged); links written into 0 letter files")
    assert {p: p.read_bytes() for p in [output, *files]} == before


def test_linked_letters_stay_valid_at_project_level(tmp_path: Path) -> None:
    folder = write_letters(tmp_path, count=0)  # the two seeds
    assert corpus(str(folder), "-o", str(tmp_path / "corpus.xml"), "--link")[0] == 0
    assert b"<correspContext>" in (folder / "000_4a28453c626bc618.xml").read_bytes()
    result = runner.invoke(app, ["validate", str(folder)])
    assert result.exit_code == 0, result.output


def test_relinking_replaces_stale_links(tmp_path: Path) -> None:
    for doc_id in "abcd":
        (tmp_path / f"{doc_id}.xml").write_bytes(hand_made(doc_id, *HAND_MADE[doc_id]))
    assert corpus(str(tmp_path), "-o", str(tmp_path / "out" / "c.xml"), "--link")[0] == 0
    (tmp_path / "a.xml").unlink()
    code, stderr = corpus(str(tmp_path), "-o", str(tmp_path / "out" / "c.xml"), "--link", "-f")
    assert code == 0, stderr
    found = {
        p.stem: links_in(etree.parse(str(p)).getroot())[p.stem] for p in tmp_path.glob("*.xml")
    }
    assert found == {"b": ("c.xml", "d.xml"), "c": (None, "b.xml"), "d": ("b.xml", None)}
    assert stderr.splitlines()[-1].endswith("links written into 2 letter files")  # b and d


def test_persons_differing_between_letters_keep_the_first_with_a_warning(tmp_path: Path) -> None:
    (tmp_path / "a.xml").write_bytes(hand_made("a", "ann", "bob", "1950"))
    other = hand_made("b", "bob", "ann", "1951").replace(
        b"<persName>Ann</persName>", b"<persName>Ann Other</persName>"
    )
    (tmp_path / "b.xml").write_bytes(other)
    output = tmp_path / "out" / "c.xml"
    code, stderr = corpus(str(tmp_path), "-o", str(output))
    assert code == 0
    assert "b.xml:" in stderr and "warning: person 'ann' differs from the entry in" in stderr
    names = etree.parse(str(output)).findall(".//t:standOff/t:listPerson/t:person/t:persName", NS)
    assert [n.text for n in names] == ["Ann", "Bob"]


def test_duplicate_ids_and_foreign_roots_fail_and_nothing_is_written(tmp_path: Path) -> None:
    (tmp_path / "a.xml").write_bytes(hand_made("a", "ann", "bob", "1950"))
    (tmp_path / "copy.xml").write_bytes(hand_made("a", "ann", "bob", "1950"))
    (tmp_path / "x.xml").write_text("<teiCorpus xmlns='http://www.tei-c.org/ns/1.0'/>")
    output = tmp_path / "out" / "c.xml"
    code, stderr = corpus(str(tmp_path), "-o", str(output), "--link")
    assert code == 1
    assert not output.exists()
    assert "copy.xml: error: document id 'a' is also the id of" in stderr
    assert "x.xml:1: error: the root element is 'teiCorpus', not a TEI letter with an id" in stderr
    assert b"correspContext" not in (tmp_path / "a.xml").read_bytes()


def test_link_refuses_standard_input(tmp_path: Path) -> None:
    result = runner.invoke(app, ["corpus", "-", "--link"], input=hand_made("a", "x", "y", None))
    assert result.exit_code == 2
    assert "standard input has none" in result.stderr


def test_cmif_from_the_corpus_equals_cmif_from_the_letters(letters: Path, tmp_path: Path) -> None:
    assert corpus(str(letters), "-o", str(tmp_path / "corpus.xml"))[0] == 0
    for name, source in (("letters.xml", letters), ("from-corpus.xml", tmp_path / "corpus.xml")):
        result = runner.invoke(
            app, ["export", "cmif", str(source), "-o", str(tmp_path / name), *EDITION]
        )
        assert result.exit_code == 0, result.stderr
    assert (tmp_path / "letters.xml").read_bytes() == (tmp_path / "from-corpus.xml").read_bytes()


def test_real_subprocess_builds_a_corpus(letters: Path, tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "tei", "corpus", str(letters), "-q"]
    done = subprocess.run(command, capture_output=True, env=env, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stderr.startswith(b"read ") and done.stderr.count(b"\n") == 1  # the summary
    assert done.stdout.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<teiCorpus')
    again = subprocess.run(command, capture_output=True, env=env, check=False)
    assert again.stdout == done.stdout
