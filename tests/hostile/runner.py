"""Run the hostile cases (:mod:`tests.hostile.cases`), each in a fresh folder, and say what each
did: exit code, messages, files changed, time, memory.

``python -m tests.hostile.runner REPORT.json`` runs them all in one process, under the memory
and CPU limits :func:`limited` sets, so every case's time and memory are measured in a real
process with generous bounds (a case that hangs or eats memory fails, it cannot take the
machine with it), while the suite pays for one interpreter start, not one per case.
"""

from __future__ import annotations

import contextlib
import json
import os
import resource
import signal
import stat
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

#: each case must end within this (a hang or a quadratic pattern would take far longer)
CASE_SECONDS = 60
#: the whole process may not use more memory than this (RLIMIT_AS: a /dev/zero read dies here)
MEMORY_BYTES = 3 << 30


def limited() -> None:
    """``preexec_fn`` of the runner's process: bounded memory and CPU time."""
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_BYTES, MEMORY_BYTES))
    resource.setrlimit(resource.RLIMIT_CPU, (900, 900))


def snapshot(root: Path) -> dict[str, tuple[Any, ...]]:
    """Every entry below ``root``: a file's bytes and mode, a link's target, another kind's
    mode. Nothing that is not a regular file is opened (a FIFO would block)."""
    found: dict[str, tuple[Any, ...]] = {}
    for folder, folders, files in os.walk(root):
        for name in folders + files:
            path = Path(folder) / name
            key = os.fsdecode(path.relative_to(root))
            info = path.lstat()
            if stat.S_ISLNK(info.st_mode):
                found[key] = ("link", os.readlink(path))
            elif stat.S_ISREG(info.st_mode):
                found[key] = ("file", path.read_bytes(), stat.S_IMODE(info.st_mode))
            else:
                found[key] = ("other", stat.S_IFMT(info.st_mode), stat.S_IMODE(info.st_mode))
    return found


def changed(before: dict[str, tuple[Any, ...]], after: dict[str, tuple[Any, ...]]) -> list[str]:
    """Entries created, removed or different."""
    return sorted(key for key in before.keys() | after.keys() if before.get(key) != after.get(key))


class _Timeout(Exception):
    pass


def _alarm(signum: int, frame: object) -> None:
    raise _Timeout


def run_case(case: Any, root: Path) -> dict[str, Any]:
    """Set the case up in ``root``, run its command there in-process, and report."""
    from typer.testing import CliRunner

    from tei.cli.app import app

    case.setup(root)
    before = snapshot(root)
    runner = CliRunner()
    here = os.getcwd()
    os.chdir(root)
    signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(CASE_SECONDS)
    start = time.perf_counter()
    problem = None
    try:
        with case.patch(root) if case.patch else contextlib.nullcontext():
            result = runner.invoke(app, list(case.argv), input=case.stdin, env=case.env)
        code, stdout, stderr = result.exit_code, result.stdout, result.stderr
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            problem = f"{type(result.exception).__name__}: {result.exception}"
    except _Timeout:
        code, stdout, stderr, problem = None, "", "", f"did not end within {CASE_SECONDS} s"
    finally:
        signal.alarm(0)
        os.chdir(here)
    elapsed = time.perf_counter() - start
    after = snapshot(root)
    failures = list(case.check(root)) if case.check and problem is None else []
    return {
        "exit": code,
        "stdout": stdout,
        "stderr": stderr,
        "problem": problem,
        "changed": changed(before, after),
        "failures": failures,
        "seconds": elapsed,
        "max_rss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
    }


def run_all(names: list[str] | None = None) -> dict[str, dict[str, Any]]:
    """Every case (or those named), each in its own new folder."""
    from tests.hostile.cases_messages import ALL as CASES

    os.umask(0o022)
    report = {}
    with tempfile.TemporaryDirectory(prefix="tei-hostile-") as top:
        for number, case in enumerate(CASES):
            if names and case.name not in names:
                continue
            root = Path(top) / f"case{number}"
            root.mkdir()
            report[case.name] = run_case(case, root)
    return report


def main() -> None:
    report = run_all(sys.argv[2:] or None)
    Path(sys.argv[1]).write_text(
        json.dumps(report, ensure_ascii=True, default=repr), encoding="utf-8"
    )


if __name__ == "__main__":
    main()
