"""Killing a batch midway leaves only whole output files."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bench.corpus import write_corpus
from tests.conftest import ROOT

ENV = {**os.environ, "PYTHONPATH": str(ROOT)}


def _as_from_a_terminal() -> None:
    """In the child, before exec: SIGINT as a user's shell would leave it.

    A job started in the background (``pytest … &``, a CI runner without a terminal) inherits
    SIGINT *ignored*, and Python then installs no KeyboardInterrupt handler, so the SIGINT the
    test sends would do nothing. Restore the default disposition, and give the child a session of
    its own so no terminal's signals reach it but the test's.
    """
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def start_batch(source: Path, out: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "tei", "convert", str(source), "-o", str(out), "-q"],
        env=ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
        preexec_fn=_as_from_a_terminal,
    )


def wait_for_outputs(out: Path, count: int, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        if out.exists() and len(list(out.glob("*.xml"))) >= count:
            return
        time.sleep(0.01)
    pytest.fail("the batch ended or stalled before it could be interrupted")


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A folder of 400 telegrams and the outputs of one uninterrupted run, to compare with."""
    root = tmp_path_factory.mktemp("batch")
    source = root / "in"
    write_corpus(source, 400, seed=3)
    reference = root / "reference"
    subprocess.run(
        [sys.executable, "-m", "tei", "convert", str(source), "-o", str(reference), "-q"],
        env=ENV,
        check=True,
        capture_output=True,
    )
    return source, reference


@pytest.mark.parametrize("kill_signal", [signal.SIGKILL, signal.SIGTERM, signal.SIGINT])
def test_killed_batch_leaves_only_whole_files(batch, tmp_path: Path, kill_signal) -> None:
    source, reference = batch
    out = tmp_path / "out"
    process = start_batch(source, out)
    wait_for_outputs(out, 20, process)
    process.send_signal(kill_signal)
    process.wait(timeout=30)
    written = sorted(out.glob("*.xml"))
    assert 20 <= len(written) < 400, "the batch was not interrupted midway"
    for path in written:
        assert path.read_bytes() == (reference / path.name).read_bytes(), f"{path} is partial"
    leftovers = [p.name for p in out.iterdir() if p.suffix == ".tmp"]
    if kill_signal != signal.SIGKILL:
        # a signal Python sees unwinds the write: its temporary file is removed
        assert leftovers == []
        # click may report Ctrl-C as "Aborted!" with exit 1; what matters is what is on disk
        assert process.returncode in (1, 128 + kill_signal, 130, -kill_signal)
    else:
        # SIGKILL cannot be caught: at most the one file being written stays behind as a
        # hidden temporary, never under an output's name
        assert len(leftovers) <= 1
