"""bench/fidelity.py: the scorer scores what the page shows, and gives a reason for each miss."""

from __future__ import annotations

import json
from pathlib import Path

from bench.fidelity import main, name_key, score_document, score_folder
from tei.model import Person

CORPUS = Path(__file__).parent / "corpus"


def test_name_keys_ignore_honorifics_and_editors_brackets() -> None:
    assert name_key("Cde. Filippov [Stalin]") == name_key("Filippov")
    assert name_key("Com[rade] F. Kuznetsov") == "f. kuznetsov"
    assert name_key("Mao Zedong.") == "mao zedong"


def test_a_field_the_page_does_not_show_is_not_scored(tmp_path: Path) -> None:
    source = CORPUS / "frus" / "frus1942China-d428"
    (tmp_path / "d.txt").write_text(source.with_suffix(".txt").read_text("utf-8"), "utf-8")
    truth = json.loads(source.with_suffix(".json").read_text("utf-8"))
    (tmp_path / "d.json").write_text(json.dumps(truth), "utf-8")
    result = score_document(tmp_path / "d.txt")
    # the page prints neither the dateline nor the signature "Hull"
    assert result.scores["date"].expected == 0 and "dateline" in result.scores["date"].reason
    assert result.scores["signature"].expected == 0


def test_a_miss_has_its_reason(tmp_path: Path) -> None:
    source = CORPUS / "wilson" / "1948-05-10-cable-mao-zedong-to-filippov-stalin"
    (tmp_path / "d.txt").write_text(source.with_suffix(".txt").read_text("utf-8"), "utf-8")
    truth = json.loads(source.with_suffix(".json").read_text("utf-8"))
    truth["senders"] = ["Somebody Else"]
    (tmp_path / "d.json").write_text(json.dumps(truth), "utf-8")
    score = score_document(tmp_path / "d.txt").scores["sender"]
    assert (score.found, score.expected) == (0, 1)
    assert score.reason == "found 'Mao Zedong'"


def test_every_corpus_field_is_found_or_explained(capsys) -> None:
    assert main([str(CORPUS / "wilson"), str(CORPUS / "frus"), str(CORPUS / "seeds")]) == 0
    out = capsys.readouterr().out
    assert "26 documents, 0 refused" in out
    for result in score_folder(CORPUS / "wilson"):
        for score in result.scores.values():
            assert score.found == score.expected or score.reason


def test_person_keys_cover_office_and_holder() -> None:
    from bench.fidelity import person_keys

    keys = person_keys(Person("Gauss", role="Ambassador in China"))
    assert name_key("Ambassador in China (Gauss)") in keys and "gauss" in keys


def test_classification_scored_where_the_page_shows_it() -> None:
    shown = score_document(CORPUS / "frus" / "frus1949v07p2-d200.txt").scores["classification"]
    assert (shown.found, shown.expected) == (2, 2)
    # the Office of the Historian's TEI says "secret"; this page does not show it
    hidden = score_document(CORPUS / "frus" / "frus1949v07p2-d227.txt").scores["classification"]
    assert hidden.expected == 0 and hidden.reason == "the page shows no marking"


def test_truth_files_of_other_publishers_list_their_references() -> None:
    """tests/corpus/other gives archive_refs as a list: each is scored, none crashes."""
    page = (
        Path(__file__).parent
        / "corpus"
        / "other"
        / "overblog-sempe-to-burdel-letter-1869-09-10.txt"
    )
    truth = json.loads(page.with_suffix(".json").read_text("utf-8"))
    result = score_document(page)
    if isinstance(truth.get("archive_refs"), list) and "references" in result.scores:
        assert result.scores["references"].expected in (0, len(truth["archive_refs"]))
    assert result.scores  # scored, not refused
