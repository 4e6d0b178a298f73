"""The project's XML Schema (``schemas/telegram.xsd``): libxml2 decides, xmlschema explains.

Two validators run the same XSD 1.0 file. libxml2 (through lxml) checks a telegram in about
0.03 ms once the schema is compiled, which takes a millisecond; xmlschema, pure Python, takes
sixty times as long per telegram and a tenth of a second to import and load
(``bench/bench_validate.py`` measures both). libxml2's verdict is the
one that stands, and xmlschema's errors are the better ones (each carries the element, the
expected children, the failing facet), so a document libxml2 accepts is valid without more
ado, and one it refuses is handed to xmlschema for the findings. A valid document, the common
case in CI, never loads xmlschema at all.

This gives every finding only if libxml2 never accepts what xmlschema refuses: the test suite
checks that on every document it has, on a thousand mutants of them, and on generated values
of every typed attribute (``tests/test_validation_engines.py``); the schema is written so the
two read it alike (see the comments in ``telegram.xsd``). Where xmlschema sees nothing wrong in
a document libxml2 refuses, libxml2 is right or at least the stricter: xmlschema 4 collapses
white space with Python's notion of it, so ``type="\u00a0sent"`` (a no-break space) passes
it, and libxml2 reads ``xs:Name`` and ``xs:ID`` by the name tables of XML 1.0 that XSD 1.0
refers to. libxml2's own message is then reported, rewritten like xmlschema's.

xmlschema's schema is kept once per process, and pickled in the user's cache folder keyed by a
hash of the schema files and the library versions, so explaining a first invalid file only
unpickles it. A cache that cannot be read or written is ignored: it only saves time.

xmlschema's reasons name Clark tags and facets (``value doesn't match any pattern of
['\\d{4}-\\d{2}']``); :func:`xsd_diagnostics` rewrites them into what is wrong and what to do,
one message per problem, on the line of the element concerned.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import os
import pickle
import re
import sys
import tempfile
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lxml import etree

from tei.diagnostics import Diagnostic, Severity, hidden_characters
from tei.io.xmlio import TEI_NS, safe_parser
from tei.resources import schema_path
from tei.validators.locate import SourceText, element_at

if TYPE_CHECKING:
    from xmlschema import XMLSchema10

#: set to a folder to move the cache, or to an empty string to turn it off
CACHE_ENV = "TEI_CACHE_DIR"
SCHEMA_FILES = ("telegram.xsd", "xml.xsd")

_ATTRIBUTE_REASON = re.compile(r"^attribute (?P<name>[^=]+)='(?P<value>.*?)': ", re.S)
_CHOICES = re.compile(r"must be one of \[(.*)\]")
_CLARK = re.compile(r"'?\{([^}]*)\}([\w.\-]+)'?")

#: what to do when an attribute's value is refused, by attribute name
_ATTRIBUTE_HINTS = {
    **dict.fromkeys(
        ("when", "from", "to", "notBefore", "notAfter"),
        "write an ISO 8601 date that exists in the calendar: YYYY-MM-DD, YYYY-MM or YYYY",
    ),
    **dict.fromkeys(
        ("ref", "corresp", "source"),
        'point at an xml:id of this document as "#id"',
    ),
    **dict.fromkeys(
        ("mainLang", "ident", "{http://www.w3.org/XML/1998/namespace}lang"),
        "give an ISO 639 language code of two or three lower-case letters (ru, en, zh)",
    ),
    "{http://www.w3.org/XML/1998/namespace}id": (
        "an xml:id is a name: letters, digits, '.', '-', '_', not starting with a digit"
    ),
    "version": "give a version number such as 1.0 or 0.1.0",
}
#: hints for an attribute whose meaning depends on its element, by (element, attribute)
_ELEMENT_ATTRIBUTE_HINTS = {
    (f"{{{TEI_NS}}}application", "ident"): (
        "write an XML name: letters, digits, '.', '-', '_', not starting with a digit"
    ),
}


def _attribute_hint(element: etree._Element | None, name: str) -> str | None:
    """What to do about a refused value of attribute ``name`` on ``element``."""
    tag = element.tag if element is not None else None
    return _ELEMENT_ATTRIBUTE_HINTS.get((tag, name)) or _ATTRIBUTE_HINTS.get(name)


def cache_dir() -> Path | None:
    """Where the pickled schema is kept: ``$TEI_CACHE_DIR``, else the user's cache folder.

    The user's cache folder is the platform's, from platformdirs: ``$XDG_CACHE_HOME`` or
    ``~/.cache`` on Linux, ``~/Library/Caches`` on macOS, ``%LOCALAPPDATA%`` on Windows.
    """
    configured = os.environ.get(CACHE_ENV)
    if configured is not None:
        return Path(configured) if configured else None
    import platformdirs  # only when a refusal needs xmlschema, never on the fast path

    return Path(platformdirs.user_cache_dir("telegram-tei", appauthor=False))


def schema_key() -> str:
    """A hash of what the built schema depends on: the schema files, xmlschema, Python.

    xmlschema and elementpath (whose classes the pickle holds) are identified by their
    installed files, not by ``importlib.metadata`` (slow to import) nor by importing them (the
    very cost the cache avoids).
    """
    digest = hashlib.sha256()
    for name in SCHEMA_FILES:
        digest.update(schema_path(name).read_bytes())
    for package in ("xmlschema", "elementpath"):
        spec = importlib.util.find_spec(package)
        if spec is not None and spec.origin:
            status = os.stat(spec.origin)
            digest.update(f"{spec.origin} {status.st_size} {status.st_mtime_ns}".encode())
    digest.update(f"{sys.version_info[:2]} {pickle.HIGHEST_PROTOCOL}".encode())
    return digest.hexdigest()[:16]


@cache
def project_schema() -> XMLSchema10:
    """telegram.xsd built once per process, from the pickle cache when it is there."""
    folder = cache_dir()
    cached = folder / f"telegram-xsd-{schema_key()}.pickle" if folder else None
    if cached is not None:
        schema = _load_cached(cached)
        if schema is not None:
            return schema
    import xmlschema

    schema = xmlschema.XMLSchema10(str(schema_path("telegram.xsd")))
    if cached is not None:
        _store_cached(cached, schema)
    return schema


def _load_cached(path: Path) -> XMLSchema10 | None:
    """Unpickle only a file that the user owns and that no one else could have written (nor
    replaced, through its folder): loading a pickle can run code."""
    try:
        if not (_private(path) and _private(path.parent)):
            return None
        schema = pickle.loads(path.read_bytes())
    except Exception:  # a missing, stale or damaged cache only costs the build
        return None
    with contextlib.suppress(OSError):  # a read-only cache still serves
        os.utime(path)  # in use: kept by _prune_cache
    return schema


def _private(path: Path) -> bool:
    if not hasattr(os, "getuid"):  # Windows: the user's profile folder is private already
        return True
    status = path.stat()
    return status.st_uid == os.getuid() and not status.st_mode & 0o022


def _store_cached(path: Path, schema: Any) -> None:
    temporary = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(handle, "wb") as stream:
            pickle.dump(schema, stream, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
    except Exception:
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)
        return
    _prune_cache(path)


#: a cached schema no run has loaded for this long belongs to a gone version or environment
STALE_SECONDS = 30 * 24 * 3600


def _prune_cache(kept: Path) -> None:
    """Remove the other cached schemas no run has used for :data:`STALE_SECONDS`.

    Each upgrade of xmlschema, Python or the schema, and each virtual environment, writes a
    pickle of its own (about 0.6 MB); one still in use is touched at every load, so only those
    nobody loads any more go.
    """
    import time

    cutoff = time.time() - STALE_SECONDS
    for pattern in ("telegram-xsd-*.pickle", "*.tmp"):  # and what an interrupted store left
        for other in kept.parent.glob(pattern):
            try:
                if other != kept and other.stat().st_mtime < cutoff:
                    other.unlink()
            except OSError:
                continue


@cache
def known_elements() -> frozenset[str]:
    """The Clark names of every element telegram.xsd declares, wherever it declares it."""
    from xmlschema.validators import XsdElement

    schema = project_schema()
    return frozenset(
        component.name
        for component in schema.iter_components(XsdElement)
        if component.name and component.target_namespace == TEI_NS
    )


@cache
def compiled_schema() -> etree.XMLSchema:
    """telegram.xsd compiled by libxml2, once per process (about a millisecond).

    The schema file is read with the safe parser; its one import, ``xml.xsd``, is a file beside
    it, so compiling never reaches the network.
    """
    return etree.XMLSchema(etree.parse(str(schema_path("telegram.xsd")), safe_parser()))


def xsd_diagnostics(
    tree: etree._ElementTree, source: str, text: SourceText
) -> Iterator[Diagnostic]:
    """Every way ``tree`` breaks telegram.xsd, one located diagnostic per problem.

    libxml2 decides; xmlschema, loaded only for a refused document, says why, and libxml2
    itself about any element xmlschema finds nothing wrong with.
    """
    schema = compiled_schema()
    if schema.validate(tree):
        return
    refusals = list(schema.error_log)  # taken now: the next validate() replaces the log
    found: list[Diagnostic] = []
    attributes: set[tuple[str, str]] = set()  # (element's path, attribute) xmlschema spoke of
    for diagnostic, element, attribute in _xmlschema_findings(tree, source, text):
        found.append(diagnostic)
        if attribute is not None and element is not None:
            attributes.add((tree.getpath(element), attribute))
    places = {(d.line, d.column) for d in found}
    # What libxml2 refused and xmlschema did not (xmlschema's laxer white space, say, next to a
    # problem both see) is said in libxml2's words: an attribute unless xmlschema spoke of that
    # attribute; an element's content unless xmlschema spoke of the element or something in it.
    for entry in refusals:
        element = element_at(tree, entry.path)
        match = _LIBXML2_REASON.match(entry.message.strip())
        attribute = _name(match.group("name")) if match and match.group("name") else None
        line, column = text.position(element) if element is not None else (entry.line, None)
        if attribute is not None and element is not None:
            if (tree.getpath(element), attribute) in attributes:
                continue
            attributes.add((tree.getpath(element), attribute))
        else:
            inside = element.iterdescendants() if element is not None else ()
            if (line, column) in places or any(text.position(e) in places for e in inside):
                continue
            places.add((line, column))
        message = _libxml2_message(match, entry.message, element)
        found.append(Diagnostic(message, source, line, column, Severity.ERROR, "xsd"))
    yield from found  # put in document order with the other checks' by tei.validators.validate


_LIBXML2_REASON = re.compile(
    r"^Element '(?P<tag>[^']+)'(?:, attribute '(?P<name>[^']+)')?: (?P<reason>.*)$", re.S
)


def _libxml2_message(
    match: re.Match[str] | None, message: str, element: etree._Element | None
) -> str:
    """libxml2's message (``match``: it read by :data:`_LIBXML2_REASON`) in the words of
    :func:`_describe`: what is wrong, then what to do."""
    if match is None:
        return _clean(message.strip())
    where, name = f"<{_name(match.group('tag'))}>", match.group("name")
    reason = _clean(match.group("reason"))
    if name is None or element is None or element.get(name) is None:
        return f"{where}: {reason}"
    value = element.get(name)
    hint = _attribute_hint(element, name) or reason
    hidden = hidden_characters(value)
    if hidden:
        hint = f"it holds {hidden}, which XML does not count as white space: remove it"
    return f"{where} has {_name(name)}={value!r}, which is not allowed — {hint}"


def _xmlschema_findings(
    tree: etree._ElementTree, source: str, text: SourceText
) -> Iterator[tuple[Diagnostic, etree._Element | None, str | None]]:
    """xmlschema's findings, rewritten for people, each with its element and the attribute it
    is about (or None).

    A value that fails a union type makes xmlschema report each member's failure; those are
    one problem to the user, so a repeated (element, message) is reported once.
    """
    seen: set[tuple[int, str]] = set()
    for error in project_schema().iter_errors(tree):
        element, message = _describe(error)
        if (id(element), message) in seen:
            continue
        seen.add((id(element), message))
        line, column = text.position(element)
        diagnostic = Diagnostic(
            message, source, line or error.sourceline, column, Severity.ERROR, "xsd"
        )
        yield diagnostic, element, _attribute_of(error.reason or "")


def _attribute_of(reason: str) -> str | None:
    """The attribute an xmlschema reason is about, named as :func:`_name` names it."""
    for pattern in (_ATTRIBUTE_REASON, _MISSING_ATTRIBUTE, _STRAY_ATTRIBUTE):
        match = pattern.match(reason)
        if match:
            return _name(match.group("name"))
    return None


def _describe(error: Any) -> tuple[etree._Element | None, str]:
    """The element concerned and the message for one xmlschema error."""
    element = error.elem if isinstance(error.elem, etree._Element) else None
    where = f"<{_name(element.tag)}>" if element is not None else "the document"
    reason = error.reason or error.message
    invalid = getattr(error, "invalid_child", None)
    if isinstance(invalid, etree._Element):
        expected = [_name(tag) for tag in getattr(error, "expected_tags", None) or []]
        message = f"<{_name(invalid.tag)}> is not allowed here in {where}"
        if invalid.tag not in known_elements():
            message = (
                f"<{_name(invalid.tag)}> is not an element of telegram-tei's TEI (in {where})"
                " — remove it, or encode this with the elements listed in docs/validation.md"
            )
        elif expected:
            message += f" — expected {_alternatives(expected)} at this place"
        else:
            message += " — remove it or move it where the schema allows it"
        return invalid, message
    if getattr(error, "expected_tags", None) and "not complete" in reason:
        expected = [_name(tag) for tag in error.expected_tags]
        return element, f"{where} is incomplete — add {_alternatives(expected)}"
    attribute = _ATTRIBUTE_REASON.match(reason)
    if attribute:
        name, value = attribute.group("name"), attribute.group("value")
        detail = _clean(reason[attribute.end() :])
        hint = _attribute_hint(element, name)
        choices = _CHOICES.search(detail)
        if choices:
            hint = "use one of: " + ", ".join(re.findall(r"'([^']*)'", choices.group(1)))
        message = f"{where} has {_name(name)}={value!r}, which is not allowed"
        return element, f"{message} — {hint or detail}"
    if "is not an element of the schema" in reason and element is not None:
        return element, (
            f"{where} is not a document of this schema — the root element must be <TEI> in "
            f"the TEI namespace {TEI_NS}"
        )
    return element, _describe_other(where, reason, _declared_attributes(error))


_MISSING_ATTRIBUTE = re.compile(r"^missing required attribute '(?P<name>[^']+)'")
_STRAY_ATTRIBUTE = re.compile(r"^'?(?P<name>.+?)'? attribute not allowed for element")


def _declared_attributes(error: Any) -> list[str]:
    """The attributes the element may have, when the error is about its attributes."""
    validator = getattr(error, "validator", None)
    keys = getattr(validator, "keys", None)
    return [_name(name) for name in keys() if name] if callable(keys) else []


def _describe_other(where: str, reason: str, allowed: list[str]) -> str:
    """Messages for the rest of xmlschema's reasons: attributes missing or not allowed, text
    where only elements may be; anything else keeps xmlschema's words."""
    missing = _MISSING_ATTRIBUTE.match(reason)
    if missing:
        name = _name(missing.group("name"))
        return f'{where} has no {name} attribute, which it needs — add {name}="…"'
    stray = _STRAY_ATTRIBUTE.match(reason)
    if stray:
        name = _name(stray.group("name"))
        may = f"; {where} may have {', '.join(sorted(allowed))}" if allowed else ""
        return f"{where} may not have the attribute {name} — remove it or check its spelling{may}"
    if "character data between child elements not allowed" in reason:
        return (
            f"{where} holds text between its elements, where only elements may be — put the "
            "text in a <p>, or remove it"
        )
    return f"{where}: {_clean(reason)}"


def _name(tag: str) -> str:
    """``{TEI}persName`` → ``persName``; ``{xml}id`` → ``xml:id``; other namespaces kept."""
    if tag.startswith(f"{{{TEI_NS}}}"):
        return tag[len(TEI_NS) + 2 :]
    if tag.startswith("{http://www.w3.org/XML/1998/namespace}"):
        return "xml:" + tag.split("}", 1)[1]
    return tag


def _clean(reason: str) -> str:
    """Clark names written as TEI element names, without the trailing full stop."""
    return _CLARK.sub(lambda m: f"<{_name('{' + m.group(1) + '}' + m.group(2))}>", reason).rstrip(
        "."
    )


def _alternatives(names: list[str]) -> str:
    tags = [f"<{name}>" for name in dict.fromkeys(names)]
    return tags[0] if len(tags) == 1 else ", ".join(tags[:-1]) + " or " + tags[-1]
