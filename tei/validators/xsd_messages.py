"""libxml2's and xmlschema's refusals of telegram.xsd rewritten into what is wrong and what to do.

xmlschema's reasons name Clark tags and facets (``value doesn't match any pattern of
['\\d{4}-\\d{2}']``); the functions here turn each into one message a person can act on:
the element by its TEI name, the value refused, and the hint for that attribute (a date in ISO
8601, a ``#id`` pointer, a language code). libxml2's own messages, reported where xmlschema sees
nothing wrong, are rewritten in the same words. Which refusals are reported is decided in
:mod:`tei.validators.xsd`; this module only words them.
"""

from __future__ import annotations

import re
from typing import Any

from lxml import etree

from tei.diagnostics import hidden_characters
from tei.io.xmlio import TEI_NS
from tei.validators.xsd_cache import known_elements

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
