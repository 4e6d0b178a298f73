"""Batches over worker processes (tei.parallel): order, failures, bounded memory, dead workers,
and ``tei convert``/``tei render`` writing the same bytes and messages whatever ``--jobs``."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bench.corpus import write_corpus
from tei.errors import InputError, TeiError
from tei.parallel import IN_FLIGHT_PER_WORKER, MAX_CHUNK, WorkerDied, map_ordered, workers_for
from tests.conftest import ROOT

ENV = {**os.environ, "PYTHONPATH": str(ROOT)}


def _square_slowly(context: float, number: int) -> int:
    time.sleep(context * (number % 3))  # later tasks often finish first
    return number * number


def _fail_on_multiples_of_seven(context: None, number: int) -> int:
    if number % 7 == 0:
        raise InputError(f"seven divides {number}", source=f"file{number}.txt", line=number)
    if number % 11 == 0:
        raise ZeroDivisionError("a bug")
    return number


class Unpicklable(TeiError):
    """An error whose constructor does not take its message (it cannot be rebuilt by pickle)."""

    def __init__(self, count: int) -> None:
        super().__init__(f"{count} problems", source="odd.xml", line=3)


def _raise_unpicklable(context: None, number: int) -> int:
    raise Unpicklable(number)


def _die_on_five(context: None, number: int) -> int:
    if number == 5:
        os.kill(os.getpid(), signal.SIGKILL)
    return number


def test_results_come_back_in_the_order_of_the_inputs() -> None:
    outcomes = list(map_ordered(_square_slowly, range(200), 2, 0.0005, total=200))
    assert [outcome.get() for outcome in outcomes] == [n * n for n in range(200)]


def test_one_process_and_two_give_the_same_outcomes() -> None:
    def run(jobs: int) -> list[tuple[object, str | None]]:
        outcomes = map_ordered(_fail_on_multiples_of_seven, range(100), jobs, total=100)
        return [(o.value, None if o.error is None else str(o.error)) for o in outcomes]

    assert run(1) == run(2)


def test_a_failing_item_is_an_outcome_and_the_batch_goes_on() -> None:
    outcomes = list(map_ordered(_fail_on_multiples_of_seven, range(100), 2, total=100))
    assert len(outcomes) == 100
    error = outcomes[14].error
    assert isinstance(error, InputError)
    assert str(error) == "file14.txt:14: error: seven divides 14"
    with pytest.raises(InputError):
        outcomes[14].get()
    bug = outcomes[22].error
    assert isinstance(bug, ZeroDivisionError)
    assert "_fail_on_multiples_of_seven" in str(bug.__cause__), "the worker's traceback is kept"
    assert outcomes[23].get() == 23


def test_an_error_that_pickle_cannot_rebuild_keeps_its_message_and_place() -> None:
    outcomes = list(map_ordered(_raise_unpicklable, range(40), 2, total=40))
    error = outcomes[3].error
    assert isinstance(error, TeiError)
    assert str(error) == "odd.xml:3: error: 3 problems"


def test_inputs_are_consumed_as_the_workers_need_them() -> None:
    consumed = []

    def tasks():
        for number in range(5000):
            consumed.append(number)
            yield number

    results = map_ordered(_square_slowly, tasks(), 2, 0.0, total=5000)
    assert next(results).get() == 0
    assert len(consumed) <= 2 * IN_FLIGHT_PER_WORKER * MAX_CHUNK + MAX_CHUNK
    rest = [outcome.get() for outcome in results]
    assert len(rest) == 4999 and len(consumed) == 5000


def test_a_killed_worker_fails_the_batch_instead_of_hanging_it() -> None:
    start = time.monotonic()
    with pytest.raises(WorkerDied) as caught:
        for _ in map_ordered(_die_on_five, range(400), 2, total=400):
            pass
    assert time.monotonic() - start < 60
    assert "worker process was killed" in str(caught.value)
    assert caught.value.exit_code == 3


def test_few_items_are_not_worth_a_worker() -> None:
    assert workers_for(2, 3) == 1
    assert workers_for(2, 1000) == 2
    assert workers_for(8, 20) == 2
    assert workers_for(0, 10_000) >= 1  # 0: one per CPU


# --------------------------------------------------------------------------- the commands


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def _tei(*arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "tei", *arguments], env=ENV, capture_output=True, timeout=300
    )


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """120 telegrams with bad files among them (empty, binary) and one in cp1252 (warned)."""
    source = tmp_path_factory.mktemp("parallel") / "in"
    write_corpus(source, 117, seed=5)
    (source / "gen_0030_empty.txt").write_text("", encoding="utf-8")
    (source / "gen_0060_binary.txt").write_bytes(b"\x00\x01PDF")
    (source / "sub").mkdir()
    (source / "sub" / "gen_0090_latin.txt").write_bytes(
        b"Telegram, Mao Zedong to Filippov\nJanuary 2, 1949\n\nComrade Filippov,\n\n"
        b"We received the caf\xe9 proposal.\n\nMao Zedong\n2 January 1949\n"
    )
    return source


def test_convert_writes_the_same_bytes_and_messages_with_and_without_workers(
    batch: Path, tmp_path: Path
) -> None:
    runs = {}
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}"
        done = _tei("convert", str(batch), "-o", str(out), "-t", "tei,html,text", "-j", jobs)
        runs[jobs] = (done.returncode, done.stderr, _tree(out))
    assert runs["1"] == runs["2"]
    code, stderr, files = runs["2"]
    assert code == 1  # two files failed, the rest were written
    assert "gen_0030_empty.txt: error:" in stderr.decode()
    assert "converted 118 files; 2 failed" in stderr.decode()
    assert len([name for name in files if name.endswith(".xml")]) == 118
    assert not [name for name in files if name.endswith(".tmp")]


def test_render_writes_the_same_bytes_and_index_with_and_without_workers(
    batch: Path, tmp_path: Path
) -> None:
    tei = tmp_path / "tei"
    _tei("convert", str(batch), "-o", str(tei), "-q")
    (tei / "broken.xml").write_text("<TEI>", encoding="utf-8")
    for to in ("html", "text"):
        runs = {}
        for jobs in ("1", "2"):
            out = tmp_path / f"{to}{jobs}"
            done = _tei("render", str(tei), "--to", to, "-o", str(out), "--jobs", jobs)
            runs[jobs] = (done.returncode, done.stderr, _tree(out))
        assert runs["1"] == runs["2"]
        assert runs["2"][0] == 1 and b"broken.xml:1" in runs["2"][1]
    assert "index.html" in _tree(tmp_path / "html2")


def test_a_second_run_with_workers_changes_nothing(batch: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    _tei("convert", str(batch), "-o", str(out), "-q")
    before = _tree(out)
    again = _tei("convert", str(batch), "-o", str(out), "-j", "2")
    assert "converted 0 files, 118 unchanged; 2 failed" in again.stderr.decode()
    assert _tree(out) == before
