"""``tei render`` and ``tei convert --to`` through typer's runner and a real subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import html
from typer.testing import CliRunner

from tei.cli.app import app
from tei.io.xmlio import parse_xml
from tei.render.xslt import render_html, render_text
from tests.conftest import ROOT, SEED_FILES, SEEDS

runner = CliRunner()
FIRST, SECOND = (f"{path.stem}.xml" for path in SEED_FILES)


@pytest.fixture
def tei_folder(tmp_path: Path, seed_tei: dict[str, bytes]) -> Path:
    """The seeds' TEI in a folder, as ``tei convert`` writes them."""
    folder = tmp_path / "tei"
    folder.mkdir()
    for stem, data in seed_tei.items():
        (folder / f"{stem}.xml").write_bytes(data)
    return folder


def test_one_file_to_stdout(tei_folder: Path) -> None:
    for output, render in (("html", render_html), ("text", render_text)):
        result = runner.invoke(app, ["render", str(tei_folder / SECOND), "--to", output])
        assert result.exit_code == 0, result.output
        expected = render(parse_xml((tei_folder / SECOND).read_bytes()))
        assert result.stdout_bytes == expected
        assert result.stderr == ""


def test_stdin(tei_folder: Path) -> None:
    data = (tei_folder / FIRST).read_bytes()
    result = runner.invoke(app, ["render", "-", "--to", "text"], input=data)
    assert result.exit_code == 0
    assert result.stdout.startswith("Title: Ciphered Telegrams")


def test_folder_to_html_with_index(tei_folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = runner.invoke(app, ["render", str(tei_folder), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "rendered 2 files; 0 failed" in result.stderr
    assert sorted(p.name for p in out.iterdir()) == sorted(
        ["index.html", FIRST.replace(".xml", ".html"), SECOND.replace(".xml", ".html")]
    )
    index = html.fromstring((out / "index.html").read_bytes())
    rows = index.findall(".//tbody/tr")
    assert [row.find("td/time").get("datetime") for row in rows] == ["1949-01-13", "1949-01-14"]
    assert [row.find(".//a").get("href") for row in rows] == [
        FIRST.replace(".xml", ".html"),
        SECOND.replace(".xml", ".html"),
    ]
    assert [row.findall("td")[2].text_content() for row in rows] == [
        "Mao Zedong → Filippov",
        "Filippov → Mao Zedong",
    ]
    assert not index.xpath("//script | //link | //img | //@src")


def test_text_folder_has_no_index_and_wraps(tei_folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = runner.invoke(app, ["render", str(tei_folder), "-o", str(out), "-t", "text"])
    assert result.exit_code == 0, result.output
    assert not (out / "index.html").exists()
    wrapped = runner.invoke(
        app, ["render", str(tei_folder / SECOND), "--to", "text", "--wrap", "50"]
    )
    assert wrapped.exit_code == 0
    lines = wrapped.stdout.split("\n")
    assert max(len(line) for line in lines) <= 50
    unwrapped = (out / SECOND.replace(".xml", ".txt")).read_text("utf-8")
    assert wrapped.stdout.split() == unwrapped.split()


def test_second_run_is_unchanged_and_edits_are_kept(tei_folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    runner.invoke(app, ["render", str(tei_folder / FIRST), "-o", str(out)])
    again = runner.invoke(app, ["render", str(tei_folder / FIRST), "-o", str(out)])
    assert again.exit_code == 0
    assert "rendered 0 files, 1 unchanged" in again.stderr
    target = out / FIRST.replace(".xml", ".html")
    target.write_text("my edits")
    kept = runner.invoke(app, ["render", str(tei_folder / FIRST), "-o", str(out)])
    assert kept.exit_code == 1
    assert "output exists and differs; kept — use --force" in kept.stderr
    assert target.read_text() == "my edits"
    forced = runner.invoke(app, ["render", str(tei_folder / FIRST), "-o", str(out), "--force"])
    assert forced.exit_code == 0
    assert target.read_bytes().startswith(b"<!DOCTYPE html>")


def test_batch_goes_on_past_bad_files(tei_folder: Path, tmp_path: Path) -> None:
    (tei_folder / "broken.xml").write_text("<TEI xmlns='http://www.tei-c.org/ns/1.0'><text>")
    (tei_folder / "page.xml").write_text("<html><body/></html>")
    (tei_folder / "evil.xml").write_text(
        '<!DOCTYPE TEI [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
        "<TEI xmlns='http://www.tei-c.org/ns/1.0'><text><body><p>&e;</p></body></text></TEI>"
    )
    out = tmp_path / "out"
    result = runner.invoke(app, ["render", str(tei_folder), "-o", str(out)])
    assert result.exit_code == 1
    messages = result.stderr.strip().split("\n")
    assert len(messages) == 4, messages  # three one-line errors and the summary
    assert any(m.startswith(f"{tei_folder / 'broken.xml'}:1:") for m in messages)
    assert any("not TEI P5: the root element is <html>" in m for m in messages)
    assert any("refused for safety" in m for m in messages)
    assert messages[-1] == "rendered 2 files; 3 failed; 0 warnings"
    assert (out / FIRST.replace(".xml", ".html")).exists()
    index = (out / "index.html").read_text("utf-8")
    assert "broken" not in index and index.count("<tr><td>") == 2


def test_usage_errors_exit_2(tei_folder: Path) -> None:
    several = runner.invoke(app, ["render", str(tei_folder)])
    assert several.exit_code == 2
    assert "2 inputs but no output folder" in several.stderr
    wrap = runner.invoke(app, ["render", str(tei_folder / FIRST), "--wrap", "60"])
    assert wrap.exit_code == 2
    assert "--wrap applies to text only" in wrap.stderr
    assert runner.invoke(app, ["render", str(tei_folder / FIRST), "--to", "pdf"]).exit_code == 2
    assert runner.invoke(app, ["render", "no/such/file.xml"]).exit_code == 2
    narrow = ["render", str(tei_folder / FIRST), "--to", "text", "--wrap", "5"]
    assert runner.invoke(app, narrow).exit_code == 2


def test_convert_writes_every_output_in_one_run(tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["convert", str(SEEDS), "-o", str(tmp_path), "--to", "tei,html,text"]
    )
    assert result.exit_code == 0, result.output
    for seed in SEED_FILES:
        tei = parse_xml((tmp_path / f"{seed.stem}.xml").read_bytes())
        # the same bytes as rendering the written TEI file
        assert (tmp_path / f"{seed.stem}.html").read_bytes() == render_html(tei)
        assert (tmp_path / f"{seed.stem}.txt").read_bytes() == render_text(tei)
    text_only = runner.invoke(app, ["convert", str(SEED_FILES[1]), "--to", "text"])
    assert text_only.exit_code == 0
    assert text_only.stdout.startswith("Title: Cable, Filippov [Stalin]")


def test_convert_to_rejects_unknown_or_several_to_stdout() -> None:
    unknown = runner.invoke(app, ["convert", str(SEED_FILES[0]), "--to", "tei,pdf"])
    assert unknown.exit_code == 2
    assert "unknown output pdf" in unknown.stderr
    several = runner.invoke(app, ["convert", str(SEED_FILES[0]), "--to", "html,text"])
    assert several.exit_code == 2


def test_real_process(tei_folder: Path, tmp_path: Path) -> None:
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "tei", "render", str(tei_folder / FIRST), "--to", "text"]
    done = subprocess.run(command, capture_output=True, env=environment, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout == render_text(parse_xml((tei_folder / FIRST).read_bytes()))
    out = tmp_path / "out"
    batch = subprocess.run(
        [sys.executable, "-m", "tei", "render", str(tei_folder), "-", "-o", str(out)],
        input=b"<not-xml",
        capture_output=True,
        env=environment,
        timeout=120,
    )
    assert batch.returncode == 1
    assert batch.stderr.decode().startswith("<stdin>:1:")
    assert (out / "index.html").exists() and (out / "stdin.html").exists() is False
