"""What a letter's header says about its correspondence, read one way for every publication.

The teiCorpus (prev/next chains), the CMIF export and the edition site all need the same facts
of a letter: who sent it, who received it, when, and whom a name means. They read them here, so
that a letter is "from Stalin" or "undated" in the same sense in all three.

- The parties of an action are its ``persName`` and ``orgName`` children without ``@role``: a
  relay's two ends (``persName[@role='sender'|'addressee']`` in a ``transmitted`` action) are
  not the letter's correspondents.
- A party is known by its authority pointer (``#stalin``) when it has one, else by its name as
  written, case-folded (``name:filippov``): one key for one person in every letter.
- An action's date is its ``@when``, else the start of its range (``@notBefore``, ``@from``).
"""

from __future__ import annotations

from lxml import etree

from tei.io.xmlio import TEI_NS, XML_NS

TEI = f"{{{TEI_NS}}}"
XML_ID = f"{{{XML_NS}}}id"
#: the key prefix of a party that points at no person
NAME_KEY = "name:"


def plain_text(element: etree._Element | None) -> str:
    """An element's text with its white space normalised, as a name or URL is compared."""
    return " ".join("".join(element.itertext()).split()) if element is not None else ""


def correspondence(root: etree._Element) -> etree._Element | None:
    """The letter's first ``correspDesc`` (the message itself; a relay is one of its actions)."""
    return root.find(f"{TEI}teiHeader/{TEI}profileDesc/{TEI}correspDesc")


def action(desc: etree._Element | None, kind: str) -> etree._Element | None:
    """The first ``correspAction`` of a type (``sent``, ``received``), or None."""
    return desc.find(f"{TEI}correspAction[@type='{kind}']") if desc is not None else None


def action_names(action: etree._Element | None) -> list[etree._Element]:
    """The names of an action's parties (persons, then organisations), a relay's ends aside."""
    if action is None:
        return []
    names = action.findall(f"{TEI}persName") + action.findall(f"{TEI}orgName")
    return [name for name in names if not name.get("role")]


def party_key(name: etree._Element) -> str:
    """``#stalin`` for a name that points at a person, else ``name:`` + the name case-folded."""
    ref = (name.get("ref") or "").split()
    return ref[0] if ref else NAME_KEY + plain_text(name).casefold()


def parties(action: etree._Element | None) -> tuple[str, ...]:
    """The keys of an action's parties, sorted and each once."""
    return tuple(sorted({party_key(name) for name in action_names(action)}))


def action_date(action: etree._Element | None) -> str | None:
    """The action's date as ISO text: ``@when``, else its range's start; None when undated."""
    date = action.find(f"{TEI}date") if action is not None else None
    if date is None:
        return None
    for name in ("when", "notBefore", "from"):
        if date.get(name):
            return date.get(name)
    return None


def main_name(person: etree._Element | None) -> str:
    """The authority's main name (``Joseph Stalin`` for ``Filippov``): an index shows people."""
    if person is None:
        return ""
    names = person.findall(f"{TEI}persName") + person.findall(f"{TEI}orgName")
    main = [n for n in names if n.get("type") == "main"] or names
    return plain_text(main[0]) if main else ""


def ids_of(root: etree._Element) -> dict[str, etree._Element]:
    """Every element with an ``xml:id`` below ``root``, by id (what ``#id`` pointers reach)."""
    return {el.get(XML_ID): el for el in root.iter() if el.get(XML_ID)}
