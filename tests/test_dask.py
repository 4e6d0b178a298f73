"""The Dask recipe (tei.distributed) writes what ``tei convert`` writes, and says what it says."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bench.corpus import write_corpus
from tei.errors import UsageError
from tests.conftest import ROOT

pytest.importorskip("dask.bag", reason="the optional extra telegram-tei[dask] is not installed")

from tei.distributed import convert_folder

ENV = {**os.environ, "PYTHONPATH": str(ROOT)}


def _files(folder: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@pytest.fixture(scope="module")
def letters(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """70 telegrams in two folders, the seeds, an empty file and a cp1252 one."""
    source = tmp_path_factory.mktemp("dask") / "letters"
    write_corpus(source, 50, seed=9)
    write_corpus(source / "more", 20, seed=10)
    for seed in sorted((ROOT / "seeds").glob("*.txt")):
        (source / seed.name).write_bytes(seed.read_bytes())
    (source / "empty.txt").write_bytes(b"")
    (source / "more" / "latin.txt").write_bytes(
        b"Telegram, Mao Zedong to Filippov\nJanuary 2, 1949\n\nComrade Filippov,\n\n"
        b"We received the caf\xe9 proposal.\n\nMao Zedong\n2 January 1949\n"
    )
    return source


def test_the_dask_recipe_writes_the_bytes_and_messages_of_tei_convert(
    letters: Path, tmp_path: Path
) -> None:
    reference = tmp_path / "convert"
    command = [sys.executable, "-m", "tei", "convert", str(letters), "-o", str(reference)]
    done = subprocess.run(
        [*command, "-t", "tei,html,text"],
        env=ENV,
        capture_output=True,
        text=True,
        timeout=300,
    )
    out = tmp_path / "dask"
    messages = io.StringIO()
    summary = convert_folder(
        letters,
        out,
        formats=("tei", "html", "text"),
        partition=16,
        scheduler="processes",
        stream=messages,
    )
    assert _files(out) == _files(reference)
    assert len(_files(out)) == 3 * 73
    assert messages.getvalue() == done.stderr
    assert summary.exit_code == done.returncode == 1  # the empty file
    assert summary.failed == 1 and summary.done == 73


def test_a_second_run_changes_nothing_and_says_so(letters: Path, tmp_path: Path) -> None:
    out = tmp_path / "dask"
    convert_folder(letters, out, stream=io.StringIO(), scheduler="sync")
    before = _files(out)
    again = convert_folder(letters, out, stream=io.StringIO(), scheduler="processes")
    assert _files(out) == before
    assert (again.done, again.unchanged, again.failed) == (0, 73, 1)
    assert again.line().startswith("converted 0 files, 73 unchanged; 1 failed")


def test_inputs_that_would_share_an_output_are_refused_before_anything_is_written(
    tmp_path: Path,
) -> None:
    source = tmp_path / "in"
    write_corpus(source, 2, seed=1)
    (source / "gen_0000.md").write_bytes((source / "gen_0000.txt").read_bytes())
    with pytest.raises(UsageError, match="would both be written"):
        convert_folder(source, tmp_path / "out", stream=io.StringIO())
    assert not (tmp_path / "out").exists()
