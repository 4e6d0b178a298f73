"""Hostile situations only a real process meets: standard input that never ends, standard
output closed or full, a signal during a long transform, rendering time as a document grows.
Each runs ``tei`` in a subprocess under memory limits (tests/hostile/runner.py's), with
generous time bounds."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tei.cli.app import app
from tests.conftest import ROOT
from tests.hostile.kit import GOOD, INPUTS
from tests.hostile.runner import limited

ENV = {**os.environ, "PYTHONPATH": str(ROOT)}
TEI = [sys.executable, "-m", "tei"]


def run(*args: str, **kwargs: object) -> subprocess.CompletedProcess[bytes]:
    kwargs.setdefault("stdout", subprocess.PIPE)
    return subprocess.run(
        [*TEI, *args],
        env=ENV,
        stderr=subprocess.PIPE,
        preexec_fn=limited,
        timeout=120,
        check=False,
        **kwargs,
    )


def one_line(stderr: bytes) -> str:
    text = stderr.decode("utf-8")
    assert "Traceback" not in text
    lines = text.splitlines()
    assert len(lines) >= 1
    return lines[0]


def paragraphs(count: int) -> bytes:
    body = "".join(f"<p>Paragraph {i} of the letter.</p>" for i in range(count))
    return (
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>T'
        "</title></titleStmt><publicationStmt><p>x</p></publicationStmt><sourceDesc><p>x</p>"
        f"</sourceDesc></fileDesc></teiHeader><text><body>{body}</body></text></TEI>"
    ).encode()


def test_dev_zero_on_standard_input_stops_at_the_limit() -> None:
    with open("/dev/zero", "rb") as zero:
        done = run("convert", "-", stdin=zero)
    assert done.returncode == 1
    assert one_line(done.stderr).startswith(
        "<stdin>: error: standard input is over the 10 MB limit for one telegram"
    )
    assert done.stdout == b""


def test_closed_standard_output(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(GOOD)
    process = subprocess.Popen(
        [*TEI, "convert", str(tmp_path / "a.txt")],
        env=ENV,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        preexec_fn=limited,
    )
    process.stdout.close()  # the reader went away (`tei convert a.txt | head -0`)
    stderr = process.stderr.read()
    assert process.wait(timeout=120) == 1
    assert one_line(stderr).startswith(
        "<stdout>: error: cannot write to standard output: Broken pipe"
    )


def test_full_standard_output(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(GOOD)
    with open("/dev/full", "wb") as full:
        done = run("convert", str(tmp_path / "a.txt"), stdout=full)
    assert done.returncode == 1
    assert one_line(done.stderr).startswith(
        "<stdout>: error: cannot write to standard output: No space left on device"
    )


def test_validate_report_to_a_full_standard_output(tmp_path: Path) -> None:
    with open("/dev/full", "wb") as full:
        done = run("validate", str(INPUTS / "links.xml"), "--format", "json", stdout=full)
    assert done.returncode == 1
    assert "<stdout>: error: cannot write to standard output" in one_line(done.stderr)


def test_sigterm_during_a_long_transform_ends_promptly(tmp_path: Path) -> None:
    big = tmp_path / "big.xml"
    big.write_bytes(paragraphs(500_000))  # over ten seconds of XSLT
    out = tmp_path / "out"
    process = subprocess.Popen(
        [*TEI, "render", str(big), "-o", str(out)],
        env=ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        preexec_fn=limited,
    )
    time.sleep(2.5)  # started, parsed, transforming
    signalled = time.monotonic()
    process.send_signal(signal.SIGTERM)
    code = process.wait(timeout=120)
    assert time.monotonic() - signalled < 3
    assert code == 128 + signal.SIGTERM
    assert b"Traceback" not in process.stderr.read()
    assert not out.exists() or list(out.iterdir()) == []  # nothing half-written


@pytest.mark.parametrize("count", [10_000, 40_000])
def test_rendering_many_paragraphs_is_linear(count: int, tmp_path: Path) -> None:
    """40,000 paragraphs took 15 s (n^2.3): now a few seconds, in bounded memory."""
    source = tmp_path / "many.xml"
    source.write_bytes(paragraphs(count))
    start = time.monotonic()
    done = run("render", str(source), "--to", "text")
    assert done.returncode == 0, done.stderr
    assert time.monotonic() - start < 30
    assert done.stdout.count(b"Paragraph ") == count


def test_every_level_refuses_an_internal_subset_alike() -> None:
    """libxml2 ignores an ATTLIST default, jing and browsers apply it: refused at every level
    with the same message, before any schema (or Java) sees it."""
    runner = CliRunner()
    name = str(INPUTS / "doctype-onclick.xml")
    outputs = {
        level: runner.invoke(app, ["validate", name, "--level", level])
        for level in ("project", "tei", "all")
    }
    findings = {level: result.stdout for level, result in outputs.items()}
    assert len(set(findings.values())) == 1, findings
    for result in outputs.values():
        if "needs jing" in result.stderr:
            pytest.skip("Java or jing is missing")
        assert result.exit_code == 1
        assert "DOCTYPE has an internal subset" in result.stdout


@pytest.mark.skipif(os.geteuid() == 0, reason="permissions do not stop root")
def test_a_real_unreadable_folder(tmp_path: Path) -> None:
    (tmp_path / "tei" / "secret").mkdir(parents=True)
    (tmp_path / "tei" / "secret" / "b.xml").write_text("<x/>")
    (tmp_path / "tei" / "secret").chmod(0)
    try:
        done = run("validate", str(tmp_path / "tei"))
    finally:
        (tmp_path / "tei" / "secret").chmod(0o755)
    assert done.returncode == 1
    assert b"cannot read the folder: Permission denied" in done.stdout


def test_tei_all_ships_in_the_package_with_its_licence_and_version() -> None:
    import hashlib

    from tei.resources import schema_path
    from tei.validators.relaxng import find_tei_all, tei_all_version

    shipped = schema_path("tei_all/tei_all.rng")
    assert find_tei_all() == shipped or os.environ.get("TEI_ALL_RNG")
    digest = hashlib.sha256(shipped.read_bytes()).hexdigest()
    licence = (shipped.parent / "LICENCE.md").read_text("utf-8")
    assert digest in licence and "BSD" in licence and "CC" in licence
    assert tei_all_version(shipped) == "4.3.0"
    assert '"schemas" = "tei/schemas"' in (ROOT / "pyproject.toml").read_text("utf-8")


def test_tei_all_option_names_the_schema_and_its_release(tmp_path: Path) -> None:
    from tests.hostile.kit import good_tei

    (tmp_path / "a.xml").write_bytes(good_tei())
    newer = tmp_path / "tei_all.rng"
    newer.write_bytes(
        (ROOT / "schemas/tei_all/tei_all.rng")
        .read_bytes()
        .replace("Version\u00a04.3.0".encode(), "Version\u00a04.9.0".encode(), 1)
    )
    runner = CliRunner()
    refused = runner.invoke(app, ["validate", str(tmp_path / "a.xml"), "--tei-all", "/dev/null"])
    assert refused.exit_code == 2
    assert refused.stderr.startswith("tei validate: error: --tei-all /dev/null is not a regular")
    arguments = ["validate", str(tmp_path / "a.xml"), "--level", "tei", "--tei-all", str(newer)]
    # env: the variable --tei-all sets is put back afterwards (a process sets it for its life)
    result = runner.invoke(app, arguments, env={"TEI_ALL_RNG": None})
    assert os.environ.get("TEI_ALL_RNG") is None
    if "needs jing" in result.stderr:
        pytest.skip("Java or jing is missing")
    assert result.exit_code == 0, result.stderr
    assert "at level tei (TEI P5 4.9.0 tei_all): 1 valid" in result.stderr
