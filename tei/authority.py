"""Who is who: persons with all their names and authority ids, from TEI ``listPerson`` files.

The converter never guesses an identity: it knows that ``Filippov`` is Stalin only because an
authority file says so (the bundled one, or the user's ``--authority FILE``), and every person it
takes from such a file is marked in the TEI as coming from it. The file format is TEI itself, so
editors can reuse a personography they already keep.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from lxml import etree

from tei.errors import AuthorityError, XmlInputError
from tei.io.xmlio import TEI_NS, XML_NS, parse_xml

BUNDLED_SOURCE = "telegram-tei-persons"


@dataclass(frozen=True)
class AuthorityPerson:
    """A person of an authority file: ``names`` are (type, text) pairs, main name first."""

    id: str
    names: tuple[tuple[str, str], ...]
    idnos: tuple[tuple[str, str], ...] = ()
    #: the authority file it came from: the bundled one or a user file's name
    source: str = BUNDLED_SOURCE

    @property
    def main_name(self) -> str:
        """The name the authority lists first (type ``main`` by convention)."""
        return self.names[0][1]

    def name_type(self, name: str) -> str | None:
        """The type of ``name`` among this person's names (``pseudonym``, ``reg``, …), if any."""
        key = normalise_name(name)
        for kind, text in self.names:
            if normalise_name(text) == key:
                return kind
        return None


_NAME_NOISE = re.compile(r"[\s\-‐’'`.]+")


@lru_cache(maxsize=4096)
def normalise_name(name: str) -> str:
    """Compare names ignoring case, spacing and the hyphen/space/apostrophe variations."""
    return _NAME_NOISE.sub(" ", name).strip().casefold()


class Authority:
    """A lookup of persons by any of their names; later files override earlier ones by id."""

    def __init__(self, persons: Iterable[AuthorityPerson] = ()) -> None:
        self._by_id: dict[str, AuthorityPerson] = {}
        self._by_name: dict[str, AuthorityPerson] = {}
        for person in persons:
            self.add(person)

    def add(self, person: AuthorityPerson) -> None:
        """Add or replace a person; each of its names then finds it."""
        self._by_id[person.id] = person
        for _, text in person.names:
            self._by_name[normalise_name(text)] = person

    def merged(self, other: Authority) -> Authority:
        """A new authority with ``other``'s persons added over this one's."""
        merged = Authority(self._by_id.values())
        for person in other:
            merged.add(person)
        return merged

    def find(self, name: str) -> AuthorityPerson | None:
        """The person one of whose names is ``name``, or None."""
        return self._by_name.get(normalise_name(name))

    def get(self, person_id: str) -> AuthorityPerson | None:
        """The person with this id, or None."""
        return self._by_id.get(person_id)

    def longest_name_ending(self, text: str) -> tuple[str, AuthorityPerson] | None:
        """The longest known name that ``text`` ends with (as whole words), with its person."""
        words = text.rstrip().rsplit(None, 5)[-5:]  # names have at most five words
        for count in range(min(len(words), 5), 0, -1):
            candidate = " ".join(words[-count:])
            person = self.find(candidate)
            if person is not None:
                return candidate, person
        return None

    def __iter__(self):
        return iter(self._by_id.values())

    def __len__(self) -> int:
        return len(self._by_id)


def load_authority_bytes(data: bytes, source: str) -> Authority:
    """Read a TEI ``listPerson`` (or any TEI file holding ``person`` elements)."""
    try:
        tree = parse_xml(data, source)
    except XmlInputError as exc:
        raise AuthorityError(exc.message, source=source, line=exc.location.line) from None
    persons = []
    for element in tree.iter(f"{{{TEI_NS}}}person"):
        person_id = element.get(f"{{{XML_NS}}}id")
        if not person_id:
            raise AuthorityError(
                "a person has no xml:id",
                source=source,
                line=element.sourceline,
                hint="give every <person> an xml:id so documents can point at it",
            )
        names = tuple(
            (name.get("type") or "main", " ".join("".join(name.itertext()).split()))
            for name in element.iterchildren(f"{{{TEI_NS}}}persName")
        )
        if not names:
            raise AuthorityError(
                f"person {person_id!r} has no persName",
                source=source,
                line=element.sourceline,
                hint="add at least one <persName>",
            )
        idnos = tuple(
            (idno.get("type") or "", (idno.text or "").strip())
            for idno in element.iterchildren(f"{{{TEI_NS}}}idno")
        )
        label = BUNDLED_SOURCE if source == BUNDLED_SOURCE else Path(source).name
        persons.append(AuthorityPerson(person_id, names, idnos, label))
    if not persons:
        raise AuthorityError(
            "no <person> elements in the TEI namespace",
            source=source,
            hint="an authority file is a TEI <listPerson> of <person xml:id=…> entries",
        )
    return Authority(persons)


def load_authority_file(path: Path) -> Authority:
    """Read a user's authority file from disk."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise AuthorityError(
            f"cannot read the authority file: {exc.strerror}", source=str(path)
        ) from None
    return load_authority_bytes(data, str(path))


@lru_cache(maxsize=1)
def bundled_authority() -> Authority:
    """The persons shipped with telegram-tei (``tei/data/persons.xml``)."""
    data = resources.files("tei").joinpath("data/persons.xml").read_bytes()
    return load_authority_bytes(data, BUNDLED_SOURCE)


# lxml is imported for its types in annotations of callers; keep the name used.
_ = etree
