"""Every kind of warning ``tei convert`` can give: a short stable name and what to do about it.

A kind lets a user silence what they have decided to live with (``--quiet-warning no-summary``)
so that ``--strict`` still stops on everything else. The names are part of the interface: they
are never renamed, only added. ``tei convert --list-warnings`` prints this table.
"""

from __future__ import annotations

#: the kind a warning has when its maker gave none
DEFAULT_KIND = "other"

#: kind → what it means (and what to do); in the order ``--list-warnings`` shows them
KINDS: dict[str, str] = {
    "no-title": "no title found in the source — give one in the editor's metadata (title)",
    "no-date": "no date found in the source — give one in the editor's metadata (date)",
    "no-citation": "no citation of the published source was found",
    "no-summary": "no summary found in the source — give one in the metadata (summary)",
    "no-original-language": "the source does not say which language the original was in",
    "no-sender": "no sender found in the source — give one in the metadata (sender)",
    "no-recipient": "no recipient found in the source — give one in the metadata (recipient)",
    "unknown-language": "a language name has no ISO 639 code: left out of the header",
    "undetermined-language": "the text is too short or unsure to tell its language: marked und",
    "empty-message": "the message has no text between its salutation and its closing",
    "unclassified-bracket": "a bracketed insertion could not be classified: encoded as supplied",
    "nested-brackets": "brackets inside brackets: encoded as an editorial note",
    "empty-brackets": "empty brackets []: encoded as an omission mark",
    "control-character": "a character XML cannot hold was replaced by a space",
    "not-utf8": "the file is not UTF-8 and was decoded as a legacy encoding",
    "metadata-conflict": "the editor's metadata and the text disagree: the metadata wins",
    "not-a-letter": "the text does not read as a letter or telegram (with --allow-non-letters)",
    "page-matter": "lines of the page outside the document (site, navigation) left out, named",
    DEFAULT_KIND: "a warning of no more specific kind",
}


def kind_names() -> tuple[str, ...]:
    """The known kinds, for checking ``--quiet-warning`` values."""
    return tuple(KINDS)


def describe_kinds() -> str:
    """The table ``--list-warnings`` prints: one ``kind  meaning`` line each."""
    width = max(len(name) for name in KINDS)
    return "\n".join(f"{name:<{width}}  {text}" for name, text in KINDS.items())


__all__ = ["DEFAULT_KIND", "KINDS", "describe_kinds", "kind_names"]
