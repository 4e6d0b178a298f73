"""Running a command as a benchmark stage: wall time, CPU time and peak memory of its process tree.

Peak memory is the largest sum, over the command and every process it started (workers, the
JVM), of each process's proportional set size (PSS: a page shared by forked workers counts once
in total, not once per worker), sampled every 50 ms from /proc. Where /proc has no
``smaps_rollup`` (not Linux) the resident size is summed instead and the record says so.
"""

from __future__ import annotations

import os
import resource
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path

PROC = Path("/proc")
SAMPLE_SECONDS = 0.05


@dataclass
class Stage:
    """One command's run: seconds of wall clock and of CPU (all its processes), peak MB."""

    wall_s: float
    cpu_s: float
    peak_mb: float
    returncode: int
    stderr_tail: str


def run_stage(
    command: list[str], env: dict[str, str] | None = None, cwd: Path | None = None
) -> Stage:
    """Run ``command`` to its end, sampling the memory of its process tree meanwhile."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    process = subprocess.Popen(
        command, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    sampler = _Sampler(process.pid)
    sampler.start()
    _, stderr = process.communicate()
    wall = time.perf_counter() - start
    sampler.stop()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    tail = stderr.decode("utf-8", errors="replace")[-2000:]
    return Stage(wall, cpu, sampler.peak / 1e6, process.returncode, tail)


def memory_measure() -> str:
    """What :class:`Stage.peak_mb` sums: PSS where Linux reports it, else RSS."""
    return "pss" if (PROC / "self" / "smaps_rollup").exists() else "rss"


class _Sampler(threading.Thread):
    def __init__(self, root: int) -> None:
        super().__init__(daemon=True)
        self.root = root
        self.peak = 0
        self._done = threading.Event()

    def run(self) -> None:
        while not self._done.is_set():
            self.peak = max(self.peak, sum(_memory(pid) for pid in _tree(self.root)))
            self._done.wait(SAMPLE_SECONDS)

    def stop(self) -> None:
        self._done.set()
        self.join()


def _tree(root: int) -> list[int]:
    """``root`` and its descendants, from each process's parent in /proc/PID/stat."""
    children: dict[int, list[int]] = {}
    for entry in os.scandir(PROC):
        if not entry.name.isdigit():
            continue
        try:
            stat = Path(entry.path, "stat").read_text()
        except OSError:
            continue
        parent = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(parent, []).append(int(entry.name))
    found, queue = [], [root]
    while queue:
        pid = queue.pop()
        found.append(pid)
        queue.extend(children.get(pid, []))
    return found


def _memory(pid: int) -> int:
    """Bytes of PSS (or RSS) of one process; 0 once it has gone."""
    try:
        for line in Path(PROC, str(pid), "smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    try:
        for line in Path(PROC, str(pid), "status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0
