"""What the commands tell the user on standard error: one line per problem, then a summary.

Messages read ``path[:line]: level: what is wrong — what to do`` (the docutils form), so editors
and CI annotate the right line. Counts decide the exit code, never the other way round.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from typing import TextIO

from tei.errors import EXIT_FAILED, EXIT_OK, TeiError, format_message


@dataclass
class Report:
    """Counts and prints problems for a batch; ``strict`` makes warnings count as failures."""

    strict: bool = False
    quiet: bool = False
    stream: TextIO = field(default_factory=lambda: sys.stderr)
    done: int = 0
    unchanged: int = 0
    failed: int = 0
    warnings: int = 0

    #: the highest exit code of the errors reported (3 when one was a bug)
    worst: int = EXIT_OK

    def error(self, error: TeiError) -> None:
        """A file failed: print its one-line message and count it."""
        self.failed += 1
        self.worst = max(self.worst, error.exit_code)
        print(str(error), file=self.stream)

    def warning(self, source: str, line: int | None, message: str) -> None:
        """A degraded result: printed unless quiet, always counted."""
        self.warnings += 1
        if not self.quiet or self.strict:
            level = "error" if self.strict else "warning"
            print(format_message(source, line or None, None, level, message), file=self.stream)

    @property
    def exit_code(self) -> int:
        """0 when everything was done, 1 when any file failed (or warned, under --strict), 3
        when one failed because of a bug."""
        failed = EXIT_FAILED if self.failed or (self.strict and self.warnings) else EXIT_OK
        return max(failed, self.worst)

    def summary(self, verb: str) -> str:
        """``converted 3 files, 1 unchanged; 1 failed; 2 warnings``."""
        parts = [f"{verb} {self.done} file{'s' if self.done != 1 else ''}"]
        if self.unchanged:
            parts[0] += f", {self.unchanged} unchanged"
        parts.append(f"{self.failed} failed")
        parts.append(f"{self.warnings} warning{'s' if self.warnings != 1 else ''}")
        return "; ".join(parts)
