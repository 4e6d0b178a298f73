"""What the editor says about one document, with where each value was written."""

from __future__ import annotations

from dataclasses import dataclass, field

from tei.metadata.fields import Checked


@dataclass(frozen=True)
class EditorFacts:
    """One CSV row or one front-matter block: checked values and their places.

    ``origin`` is the metadata file as the user named it (the transcription itself for front
    matter); ``line`` is the row's line, and ``places`` gives each field's column (CSV) or line
    (front matter), so a conflict can name the very cell.
    """

    origin: str
    line: int
    form: str  # "csv" or "front matter"
    values: dict[str, Checked] = field(default_factory=dict)
    places: dict[str, int] = field(default_factory=dict)

    def where(self, name: str) -> str:
        """``metadata.csv line 3, column 4`` or ``grey.txt front matter, line 2``."""
        if self.form == "csv":
            column = self.places.get(name)
            return f"{self.origin} line {self.line}" + (f", column {column}" if column else "")
        return f"{self.origin} front matter, line {self.places.get(name, self.line)}"

    def text(self, name: str) -> str | None:
        """The value as written, or None when the editor left the field out."""
        value = self.values.get(name)
        return value.text if value is not None else None

    def disagreements(self, other: EditorFacts) -> list[tuple[str, str, str]]:
        """(field, this value, the other value) for each field both give differently."""
        return [
            (name, value.text, other.values[name].text)
            for name, value in self.values.items()
            if name in other.values
            and " ".join(value.text.split()).casefold()
            != " ".join(other.values[name].text.split()).casefold()
        ]

    def merged(self, other: EditorFacts | None) -> EditorFacts:
        """These facts with ``other``'s values over them (the CSV given on the command line
        wins over a file's own front matter)."""
        if other is None:
            return self
        return EditorFacts(
            other.origin,
            other.line,
            other.form,
            {**self.values, **other.values},
            {**self.places, **other.places},
        )


@dataclass(frozen=True)
class Applied:
    """Which facts the editor supplied for one document, for the TEI to say so."""

    facts: EditorFacts
    fields: tuple[str, ...]

    @property
    def place_id(self) -> str | None:
        return self.facts.text("place_id")


__all__ = ["Applied", "EditorFacts"]
