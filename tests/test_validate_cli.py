"""``tei validate`` through typer's runner and a real subprocess: exit codes, a batch that goes
on past bad files, and every output format parsed back."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree
from typer.testing import CliRunner

from tei.cli.app import app
from tests.validation_support import BROKEN, ROOT, broken_index, needs_jing

runner = CliRunner()
#: ``path:line:col: level: message``; a problem with the whole file (unreadable) has no place
TEXT_LINE = re.compile(
    r"^(?P<file>.+?)(:(?P<line>\d+)(:(?P<col>\d+))?)?: (?P<level>error|warning): .+$"
)
GITHUB_LINE = re.compile(
    r"^::(?P<command>error|warning) file=(?P<file>[^,]+),line=(?P<line>\d+)(,col=\d+)?,"
    r"title=[^:]+::.+$"
)
VALID = BROKEN / "valid.xml"
INVALID = BROKEN / "unresolved-ref.xml"
EXPECTED = {entry["file"]: entry for entry in broken_index()}


@pytest.fixture
def batch(tmp_path: Path) -> list[str]:
    """A folder (a valid file, three invalid ones, one that is not XML) and an unreadable file."""
    folder = tmp_path / "batch"
    (folder / "nested").mkdir(parents=True)
    for name in ("valid.xml", "unresolved-ref.xml", "not-well-formed.xml"):
        (folder / name).write_bytes((BROKEN / name).read_bytes())
    (folder / "nested" / "bad-div-type.xml").write_bytes((BROKEN / "bad-div-type.xml").read_bytes())
    (folder / "notes.txt").write_text("not a TEI file, not looked at")
    gone = tmp_path / "gone.xml"
    gone.symlink_to(tmp_path / "nowhere.xml")  # given, but cannot be read
    return [str(folder), str(gone)]


def invoke(*arguments: str, stdin: bytes | None = None):
    return runner.invoke(app, ["validate", *arguments], input=stdin)


def test_a_valid_file_exits_0_with_the_summary_on_stderr() -> None:
    result = invoke(str(VALID))
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert result.stderr.strip() == (
        "validated 1 file at level project: 1 valid, 0 invalid (0 errors, 0 warnings)"
    )
    assert invoke("--quiet", str(VALID)).stderr == result.stderr  # -q keeps the summary


def test_an_invalid_file_exits_1_with_located_messages() -> None:
    result = invoke(str(INVALID))
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    match = TEXT_LINE.match(lines[0])
    assert match, lines
    assert match["file"] == str(INVALID)
    assert int(match["line"]) == EXPECTED["unresolved-ref.xml"]["rejected"]["project"]["line"]
    assert "points to no xml:id" in lines[0] and " — " in lines[0]
    assert "1 invalid" in result.stderr


def test_a_batch_goes_on_past_bad_and_unreadable_files(batch: list[str]) -> None:
    result = invoke(*batch)
    assert result.exit_code == 1
    files = {TEXT_LINE.match(line)["file"] for line in result.stdout.splitlines()}
    assert {Path(f).name for f in files} == {
        "unresolved-ref.xml",
        "not-well-formed.xml",
        "bad-div-type.xml",
        "gone.xml",
    }
    assert "is a broken link: it points to" in result.stdout
    assert "validated 5 files at level project: 1 valid, 4 invalid" in result.stderr


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert invoke(str(tmp_path / "missing.xml")).exit_code == 2
    empty = tmp_path / "empty"
    empty.mkdir()
    nothing = invoke(str(empty))
    assert nothing.exit_code == 2 and "no .xml or .tei files found" in nothing.stderr
    assert invoke("--level", "strict", str(VALID)).exit_code == 2
    assert invoke("--format", "yaml", str(VALID)).exit_code == 2
    assert invoke().exit_code == 2


def test_standard_input() -> None:
    result = invoke("-", stdin=INVALID.read_bytes())
    assert result.exit_code == 1
    assert result.stdout.startswith("<stdin>:")


def test_json_for_programs(batch: list[str]) -> None:
    result = invoke("--format", "json", *batch)
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    by_name = {Path(f["file"]).name: f for f in report["files"]}
    assert by_name["valid.xml"] == {
        "file": str(Path(batch[0]) / "valid.xml"),
        "valid": True,
        "diagnostics": [],
    }
    reference = by_name["unresolved-ref.xml"]
    assert reference["valid"] is False
    (finding,) = reference["diagnostics"]
    assert set(finding) == {"line", "column", "level", "origin", "message"}
    assert finding["origin"] == "schematron" and finding["level"] == "error"
    assert finding["line"] == EXPECTED["unresolved-ref.xml"]["rejected"]["project"]["line"]
    assert by_name["not-well-formed.xml"]["diagnostics"][0]["origin"] == "xml"
    assert by_name["gone.xml"]["diagnostics"][0]["origin"] == "io"
    assert report["summary"] == {
        "level": "project",
        "files": 5,
        "valid": 1,
        "invalid": 4,
        "errors": sum(len(f["diagnostics"]) for f in report["files"]),
        "warnings": 0,
    }


def test_junit_for_ci_dashboards(batch: list[str]) -> None:
    result = invoke("--format", "junit", *batch)
    assert result.exit_code == 1
    suites = etree.fromstring(result.stdout.encode())
    (suite,) = suites.findall("testsuite")
    cases = suite.findall("testcase")
    assert len(cases) == int(suite.get("tests")) == 5
    failed = [case for case in cases if case.find("failure") is not None]
    assert len(failed) == int(suite.get("failures")) == 4
    valid = next(case for case in cases if case.get("name").endswith("valid.xml"))
    assert len(valid) == 0
    reference = next(c for c in cases if c.get("name").endswith("unresolved-ref.xml"))
    assert "points to no xml:id" in reference.find("failure").get("message")
    assert TEXT_LINE.match(reference.find("failure").text.strip())


def test_github_annotations(batch: list[str]) -> None:
    result = invoke("--format", "github", *batch)
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines and all(GITHUB_LINE.match(line) for line in lines if "line=" in line)
    reference = next(line for line in lines if "unresolved-ref.xml" in line)
    assert reference.startswith(f"::error file={Path(batch[0]) / 'unresolved-ref.xml'},line=")
    assert ",col=" in reference
    unreadable = next(line for line in lines if "gone.xml" in line)
    assert unreadable.startswith("::error file=") and "line=" not in unreadable


def test_github_escapes_what_would_break_a_workflow_command() -> None:
    from tei.diagnostics import Diagnostic, Severity
    from tei.validators.output import FileResult, format_github, summarise

    result = FileResult(
        "a,b:c.xml", [Diagnostic("50% done\nnext", "x", 3, 4, Severity.ERROR, "xsd")]
    )
    (line,) = format_github([result], summarise([result], "project")).splitlines()
    assert (
        line
        == "::error file=a%2Cb%3Ac.xml,line=3,col=4,title=tei validate (xsd)::50%25 done%0Anext"
    )


def test_worker_processes_change_nothing_but_the_time(tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for number in range(120):
        source = BROKEN / ("valid.xml" if number % 3 else "bad-gap-reason.xml")
        (folder / f"doc-{number:03d}.xml").write_bytes(source.read_bytes())
    one = invoke("--format", "json", "--jobs", "1", str(folder))
    two = invoke("--format", "json", "--jobs", "2", str(folder))
    assert one.exit_code == two.exit_code == 1
    assert json.loads(one.stdout) == json.loads(two.stdout)


@needs_jing
def test_tei_and_all_levels(batch: list[str]) -> None:
    tei = invoke("--level", "tei", "--format", "json", *batch)
    by_name = {Path(f["file"]).name: f for f in json.loads(tei.stdout)["files"]}
    assert by_name["unresolved-ref.xml"]["valid"] is True  # tei_all does not resolve pointers
    assert by_name["bad-div-type.xml"]["valid"] is True
    assert by_name["not-well-formed.xml"]["valid"] is False
    everything = invoke("--level", "all", str(Path(batch[0]) / "valid.xml"))
    assert everything.exit_code == 0, everything.output
    assert "at level all" in everything.stderr


def _environment() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT)}


def test_real_process(batch: list[str]) -> None:
    command = [sys.executable, "-m", "tei", "validate", "--format", "json", *batch]
    done = subprocess.run(command, capture_output=True, env=_environment(), timeout=120)
    assert done.returncode == 1, done.stderr
    assert json.loads(done.stdout)["summary"]["invalid"] == 4
    assert done.stderr.decode().startswith("validated 5 files")
    valid = subprocess.run(
        [sys.executable, "-m", "tei", "validate", str(VALID)],
        capture_output=True,
        env=_environment(),
        timeout=120,
    )
    assert (valid.returncode, valid.stdout) == (0, b"")


def _imported_by_validate(path: Path) -> tuple[int, set[str]]:
    """The exit code of ``tei validate PATH`` and every module it imported."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "tei", "validate", str(path)],
        capture_output=True,
        env=_environment(),
        timeout=120,
    )
    imported = {
        line.split("|")[-1].strip()
        for line in done.stderr.decode().splitlines()
        if line.startswith("import time:")
    }
    return done.returncode, imported


def test_start_up_imports_only_what_validation_needs() -> None:
    code, imported = _imported_by_validate(VALID)
    assert code == 0
    assert "tei.validators.validate" in imported and "tei.validators.schematron" in imported
    # libxml2 gives the verdict; xmlschema is loaded only to explain a refused document
    assert "xmlschema" not in imported
    for unwanted in ("pycountry", "tei.encode", "tei.readers", "tei.render", "tei.authority"):
        assert unwanted not in imported, f"tei validate imports {unwanted}"
    assert "tei.validators.relaxng" not in imported  # the project level needs no Java


def test_a_document_the_xsd_refuses_is_explained_by_xmlschema() -> None:
    code, imported = _imported_by_validate(BROKEN / "impossible-date.xml")
    assert code == 1
    assert "xmlschema" in imported


def test_the_pre_commit_hook_runs_tei_validate_on_xml_files() -> None:
    hooks = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    entries = dict(
        line.strip().lstrip("- ").split(": ", 1)
        for line in hooks.splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    )
    assert entries["id"] == "tei-validate"
    assert entries["entry"] == "tei validate"
    assert entries["language"] == "python"
    assert entries["files"] == r"\.xml$"


def test_the_tei_level_without_java_is_a_usage_error_that_says_what_to_install() -> None:
    environment = {**_environment(), "PATH": "", "JAVA_HOME": ""}
    done = subprocess.run(
        [sys.executable, "-m", "tei", "validate", "--level", "tei", str(VALID)],
        capture_output=True,
        env=environment,
        timeout=120,
    )
    assert done.returncode == 2
    message = done.stderr.decode()
    assert "--level tei needs jing: Java is not installed" in message
    assert "--level project" in message


def test_an_oversized_file_gets_advice_that_validate_can_follow(tmp_path: Path) -> None:
    huge = tmp_path / "huge.xml"
    with huge.open("wb") as stream:
        stream.truncate(101_000_000)  # sparse: the size is refused before anything is read
    result = runner.invoke(app, ["validate", str(huge)])
    assert result.exit_code == 1
    assert "over the 100 MB limit for a TEI file" in result.stdout
    assert "split a collection into smaller files" in result.stdout
    assert "--max-size" not in result.stdout


@needs_jing
def test_a_java_that_cannot_start_is_the_machines_problem_not_a_bug(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    java = tmp_path / "jdk" / "bin" / "java"
    java.parent.mkdir(parents=True)
    java.write_text(
        "#!/bin/sh\necho 'Error: Could not create the Java Virtual Machine.' >&2\nexit 1\n"
    )
    java.chmod(0o755)
    monkeypatch.setenv("JAVA_HOME", str(tmp_path / "jdk"))
    result = runner.invoke(app, ["validate", "--level", "tei", str(VALID)])
    assert result.exit_code == 2, result.output
    assert "Java cannot start: Error: Could not create the Java Virtual Machine" in result.output
    assert "install Java 17 or later" in result.output


def test_a_broken_link_in_a_folder_is_reported_not_skipped(tmp_path: Path) -> None:
    folder = tmp_path / "tei"
    folder.mkdir()
    (folder / "valid.xml").write_bytes(VALID.read_bytes())
    (folder / "gone.xml").symlink_to(tmp_path / "nowhere.xml")
    result = runner.invoke(app, ["validate", str(folder)])
    assert result.exit_code == 1
    assert f"{folder / 'gone.xml'}: error: is a broken link: it points to " in result.stdout
    assert "validated 2 files" in result.output


@needs_jing
@pytest.mark.parametrize(
    ("options", "reason"),
    [("-Xmx1k", "Too small maximum heap"), ("-XX:+NoSuchOption", "Unrecognized VM option")],
)
def test_a_real_jvm_refusing_its_options_is_the_machines_problem(
    options: str, reason: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # HotSpot says some of these on standard output, after a notice on standard error
    monkeypatch.setenv("JAVA_TOOL_OPTIONS", options)
    result = runner.invoke(app, ["validate", "--level", "tei", str(VALID)])
    assert result.exit_code == 2, result.output
    assert f"Java cannot start: {reason}" in result.output
    assert "check the JVM options in JAVA_TOOL_OPTIONS, or unset them" in result.output
