"""Every warning has a kind the user can silence; ``--strict`` then stops only on the rest."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tei import bundled_authority, read
from tei.cli.app import app
from tei.warning_kinds import DEFAULT_KIND, KINDS
from tests.conftest import ROOT, SEED_FILES

runner = CliRunner()
OTHER = Path(__file__).resolve().parent / "corpus" / "other"
LETTER = "Dear Sir,\n\nWe agree with you.\n"

#: a text for each kind the reader gives, and the kind it must give
TRIGGERS = {
    "control-character": "Dear Sir,\n\nWe\x0bagree.\n",
    "unclassified-bracket": "Dear Sir,\n\nWe agree [—].\n",
    "nested-brackets": "Dear Sir,\n\nWe [see [illegible] here] agree.\n",
    "empty-brackets": "Dear Sir,\n\nWe [] agree.\n",
    "no-sender": LETTER,
    "no-recipient": LETTER,
    "no-title": LETTER,
    "no-date": LETTER,
    "no-citation": LETTER,
    "no-summary": LETTER,
    "no-original-language": LETTER,
}


@pytest.mark.parametrize("kind", sorted(TRIGGERS))
def test_each_reader_warning_has_its_kind(kind: str) -> None:
    telegram = read(TRIGGERS[kind], "x.txt", bundled_authority())
    assert kind in {w.kind for w in telegram.warnings}


def test_no_warning_on_real_texts_is_left_without_a_kind() -> None:
    kinds = set()
    for path in [*SEED_FILES, *sorted(OTHER.glob("*.txt"))]:
        kinds |= {w.kind for w in read(path.read_text("utf-8"), path.name).warnings}
    assert DEFAULT_KIND not in kinds and kinds <= set(KINDS)


def test_list_warnings_names_every_kind_without_inputs() -> None:
    result = runner.invoke(app, ["convert", "--list-warnings"])
    assert result.exit_code == 0
    listed = [line.split()[0] for line in result.stdout.splitlines()]
    assert listed == list(KINDS)


def test_readme_lists_every_kind() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    assert [kind for kind in KINDS if f"`{kind}`" not in readme] == []


def test_each_message_shows_its_kind_and_quiet_warning_silences_it(tmp_path: Path) -> None:
    source = tmp_path / "a.txt"
    source.write_text(TRIGGERS["unclassified-bracket"])
    loud = runner.invoke(app, ["convert", str(source), "-o", str(tmp_path / "o")])
    assert (
        f"{source}:3: warning: could not classify the bracketed insertion [—]: encoded as "
        "supplied [unclassified-bracket]"
    ) in loud.stderr
    quiet = runner.invoke(
        app, ["convert", str(source), "-o", str(tmp_path / "o"), "-W", "unclassified-bracket"]
    )
    assert "unclassified-bracket" not in quiet.stderr
    assert "[no-sender]" in quiet.stderr  # only the kind asked for is silenced


def test_strict_is_usable_on_a_real_collection_once_known_gaps_are_silenced(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    for path in sorted((*OTHER.glob("*.txt"), *(OTHER.parent / "wilson").glob("*.txt"))):
        if "NEGATIVE" not in path.name:
            shutil.copy(path, folder / path.name)
    # pages whose TEI the project level refuses (the generic reader finds no sender yet: issue
    # 13) are not written whatever is silenced: leave them out, keep the ones that convert
    plain = runner.invoke(app, ["convert", str(folder), "-o", str(tmp_path / "plain"), "-q"])
    for line in plain.stderr.splitlines():
        if ": error: " in line:
            (folder / Path(line.split(": error: ")[0].split(" (document")[0]).name).unlink(
                missing_ok=True
            )
    kept = len(list(folder.iterdir()))
    assert kept >= 14
    loud = runner.invoke(app, ["convert", str(folder), "-o", str(tmp_path / "a"), "--strict"])
    assert loud.exit_code == 1
    kinds = sorted(set(re.findall(r"\[([a-z-]+)\]$", loud.stderr, re.MULTILINE)))
    assert kinds and set(kinds) <= set(KINDS)
    quiet = [arg for kind in kinds for arg in ("--quiet-warning", kind)]
    result = runner.invoke(
        app, ["convert", str(folder), "-o", str(tmp_path / "b"), "--strict", *quiet]
    )
    assert result.exit_code == 0, result.stderr
    assert "0 failed; 0 warnings" in result.stderr
    assert len(list((tmp_path / "b").iterdir())) >= kept


def test_an_unknown_kind_is_a_usage_error() -> None:
    result = runner.invoke(app, ["convert", str(SEED_FILES[0]), "-W", "no-sendr"])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "tei convert: error: unknown warning kind no-sendr for --quiet-warning — "
        "tei convert --list-warnings names them"
    ]
