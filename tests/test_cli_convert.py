"""``tei convert`` through typer's runner and through a real subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from tei.cli.app import app
from tests.conftest import SEED_FILES, SEEDS
from tests.golden_cases import golden_path

runner = CliRunner()


def test_convert_folder_writes_golden_outputs(tmp_path: Path) -> None:
    result = runner.invoke(app, ["convert", str(SEEDS), "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    for seed in SEED_FILES:
        assert (tmp_path / f"{seed.stem}.xml").read_bytes() == golden_path(seed.stem).read_bytes()
    assert "converted 2 files; 0 failed" in result.stderr


def test_second_run_reports_unchanged_and_keeps_files(tmp_path: Path) -> None:
    runner.invoke(app, ["convert", str(SEEDS), "-o", str(tmp_path)])
    result = runner.invoke(app, ["convert", str(SEEDS), "-o", str(tmp_path)])
    assert result.exit_code == 0
    assert "converted 0 files, 2 unchanged" in result.stderr


def test_existing_different_output_is_kept_without_force(tmp_path: Path) -> None:
    target = tmp_path / f"{SEED_FILES[0].stem}.xml"
    target.write_text("my edits")
    result = runner.invoke(app, ["convert", str(SEED_FILES[0]), "-o", str(tmp_path)])
    assert result.exit_code == 1
    assert "output exists and differs; kept — use --force" in result.stderr
    assert target.read_text() == "my edits"
    forced = runner.invoke(app, ["convert", str(SEED_FILES[0]), "-o", str(tmp_path), "--force"])
    assert forced.exit_code == 0
    assert target.read_bytes() == golden_path(target.stem).read_bytes()


def test_single_file_without_output_dir_goes_to_stdout() -> None:
    result = runner.invoke(app, ["convert", str(SEED_FILES[1])])
    assert result.exit_code == 0
    assert result.stdout_bytes == golden_path(SEED_FILES[1].stem).read_bytes()


def test_stdin_to_stdout() -> None:
    result = runner.invoke(app, ["convert", "-"], input=SEED_FILES[0].read_bytes())
    assert result.exit_code == 0
    assert b"<floatingText" in result.stdout_bytes


def test_batch_goes_on_past_a_bad_file(tmp_path: Path) -> None:
    source = tmp_path / "in"
    source.mkdir()
    (source / "a_good.txt").write_bytes(SEED_FILES[1].read_bytes())
    (source / "b_bad.txt").write_text("To Comrade Mao Zedong.\n\nWe [disagree.\n")
    (source / "c_good.txt").write_bytes(SEED_FILES[0].read_bytes())
    out = tmp_path / "out"
    result = runner.invoke(app, ["convert", str(source), "-o", str(out)])
    assert result.exit_code == 1
    assert sorted(p.name for p in out.iterdir()) == ["a_good.xml", "c_good.xml"]
    assert f"{source / 'b_bad.txt'}:3:4: error: unbalanced bracket" in result.stderr
    assert "converted 2 files; 1 failed" in result.stderr


def test_several_inputs_need_an_output_folder() -> None:
    result = runner.invoke(app, ["convert", *map(str, SEED_FILES)])
    assert result.exit_code == 2
    assert "give -o OUTDIR" in result.stderr


def test_missing_input_is_a_usage_error() -> None:
    result = runner.invoke(app, ["convert", "no/such/file.txt"])
    assert result.exit_code == 2
    assert "no/such/file.txt: error: no such file or folder" in result.stderr


def test_user_authority_file_adds_identities(tmp_path: Path) -> None:
    authority = tmp_path / "persons.xml"
    authority.write_text(
        '<listPerson xmlns="http://www.tei-c.org/ns/1.0">'
        '<person xml:id="kuznetsov-x"><persName type="main">Kuznetsov</persName>'
        '<idno type="gnd">000000000</idno></person></listPerson>'
    )
    result = runner.invoke(app, ["convert", str(SEED_FILES[0]), "--authority", str(authority)])
    assert result.exit_code == 0, result.stderr
    assert (
        b'<persName role="addressee" ref="#kuznetsov-x">Kuznetsov</persName>' in result.stdout_bytes
    )
    assert b'<person xml:id="kuznetsov-x" source="#authority-persons-xml">' in result.stdout_bytes


def test_real_subprocess_converts_and_sets_exit_codes(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    ok = subprocess.run(
        [sys.executable, "-m", "tei", "convert", str(SEEDS), "-o", str(tmp_path)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert ok.returncode == 0, ok.stderr
    assert len(list(tmp_path.glob("*.xml"))) == 2
    bad = subprocess.run(
        [sys.executable, "-m", "tei", "convert", "-"],
        input="",
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert bad.returncode == 1
    assert (
        bad.stderr.splitlines()[0] == "<stdin>: error: the input is empty — give a telegram's text"
    )
    assert "Traceback" not in bad.stderr
