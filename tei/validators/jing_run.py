"""jing on tei_all in a thread, started first so the JVM starts while Python checks the files.

One :class:`_JingRun` is one run of jing for any number of documents (one JVM start); its
findings are moved to the ``<`` of the tag they are about, where every other check puts them.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from dataclasses import replace

from tei.diagnostics import Diagnostic
from tei.validators.locate import SourceText


class _JingRun:
    """jing on tei_all for some documents, running in a thread from construction on."""

    def __init__(self, documents: Mapping[str, bytes]) -> None:
        self._documents = dict(documents)
        self._found: dict[str, list[Diagnostic]] = {}
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="jing", daemon=True)
        if self._documents:  # nothing parsed: no JVM to start
            self._thread.start()

    def _run(self) -> None:
        from tei.validators.relaxng import validate_bytes_with_jing

        try:
            found = validate_bytes_with_jing(self._documents)
            self._found = {
                name: _at_tag_starts(diagnostics, self._documents[name])
                for name, diagnostics in found.items()
            }
        except BaseException as exc:  # handed to the caller's thread by result()
            self._error = exc

    def result(self) -> dict[str, list[Diagnostic]]:
        """Wait for jing; its findings by document name (an error in jing is raised here)."""
        if self._documents:
            self._thread.join()
        if self._error is not None:
            raise self._error
        return self._found


def _at_tag_starts(diagnostics: list[Diagnostic], data: bytes) -> list[Diagnostic]:
    """jing's findings moved from just past the tag's ``>`` to its ``<``, where every other
    check puts them, so one element has one column whichever check speaks of it."""
    if not any(d.line and d.column for d in diagnostics):
        return diagnostics
    text = SourceText(data)
    moved = []
    for diagnostic in diagnostics:
        start = text.tag_start(diagnostic.line, diagnostic.column) if diagnostic.column else None
        if start is not None and diagnostic.line:
            diagnostic = replace(diagnostic, line=start[0], column=start[1])
        moved.append(diagnostic)
    return moved
