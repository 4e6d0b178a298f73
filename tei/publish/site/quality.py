"""The data-quality page: what an editor still has to do before the edition is finished.

Letters without a date, a sender or a recipient; names that point at no person; names written
under a pseudonym; what the converter warned about (for letters converted during the build);
and each letter's validation against the project's schemas (:mod:`tei.validators`), the same
verdict ``tei validate`` gives.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tei.diagnostics import Diagnostic, Severity
from tei.publish.cmif_terms import Notice
from tei.publish.site.collect import Record, pseudonyms
from tei.publish.site.collection import Collection
from tei.publish.site.layout import Frame, esc, href, page, plural, time_tag
from tei.publish.site.letter_page import letter_path, person_path
from tei.validators.validate import iter_diagnostics


@dataclass
class Quality:
    """The findings, by kind; the home page shows their counts."""

    undated: list[Record] = field(default_factory=list)
    no_sender: list[Record] = field(default_factory=list)
    no_recipient: list[Record] = field(default_factory=list)
    unlinked: list[tuple[str, list[Record]]] = field(default_factory=list)  # person key, letters
    pseudonyms: list[tuple[str, str, list[Record]]] = field(default_factory=list)
    warnings: list[tuple[Record, str]] = field(default_factory=list)
    validation: dict[str, list[Diagnostic]] = field(default_factory=dict)  # doc id → findings
    notices: list[Notice] = field(default_factory=list)  # the CMIF and corpus builds' warnings

    def invalid(self) -> list[str]:
        return [k for k, found in self.validation.items() if _errors(found)]


def _errors(found: list[Diagnostic]) -> list[Diagnostic]:
    return [d for d in found if d.severity is Severity.ERROR]


def validate_records(records: list[Record]) -> dict[str, list[Diagnostic]]:
    """Each letter's findings at the project level (XSD and Schematron), by document id."""
    return {r.doc_id: list(iter_diagnostics(_name(r), r.data, "project")) for r in records}


def _name(record: Record) -> str:
    """The source as findings name it: a corpus's letter is checked as taken out of it."""
    return (
        f"{record.source} (letter {record.doc_id}, as taken out)"
        if record.extracted
        else (record.source)
    )


def assess(collection: Collection, validation: dict[str, list[Diagnostic]]) -> Quality:
    quality = Quality(validation=validation)
    unlinked: dict[str, list[Record]] = {}
    pseudonymous: dict[tuple[str, str], list[Record]] = {}
    for record in collection.records:
        if not record.date:
            quality.undated.append(record)
        if not record.senders:
            quality.no_sender.append(record)
        if not record.recipients:
            quality.no_recipient.append(record)
        for party in record.parties:
            if not collection.persons[party.key].identified:
                unlinked.setdefault(party.key, []).append(record)
        for party, person in pseudonyms(record, collection.persons):
            pseudonymous.setdefault((party.written, person.key), []).append(record)
        quality.warnings.extend((record, message) for message in record.warnings)
    quality.unlinked = sorted(unlinked.items(), key=lambda kv: collection.persons[kv[0]].name)
    quality.pseudonyms = [(w, k, rs) for (w, k), rs in sorted(pseudonymous.items())]
    return quality


def summary_items(quality: Quality, total: int) -> list[tuple[str, int, str]]:
    """(label, count, anchor on the quality page) for the home page's summary."""
    return [
        ("letters without a date", len(quality.undated), "undated"),
        ("letters without a sender", len(quality.no_sender), "no-sender"),
        ("letters without a recipient", len(quality.no_recipient), "no-recipient"),
        ("names not linked to a person", len(quality.unlinked), "unlinked"),
        ("names written as a pseudonym", len(quality.pseudonyms), "pseudonyms"),
        ("conversion warnings", len(quality.warnings), "warnings"),
        (f"letters invalid against the project schemas (of {total})", len(quality.invalid()),
         "validation"),
    ]  # fmt: skip


def quality_page(quality: Quality, collection: Collection, frame: Frame) -> bytes:
    summary = "".join(
        f'<li><a href="#{a}">{esc(label)}</a>: <strong>{n:,}</strong></li>'
        for label, n, a in summary_items(quality, len(collection.records))
    )
    main = (
        f'<ul class="summary">{summary}</ul>\n'
        + _letters("undated", "Letters without a date", quality.undated)
        + _letters("no-sender", "Letters without a sender", quality.no_sender)
        + _letters("no-recipient", "Letters without a recipient", quality.no_recipient)
        + _unlinked(quality, collection)
        + _pseudonyms(quality, collection)
        + _warnings(quality)
        + _validation(quality, collection)
        + _notices(quality)
    )
    return page(frame, "quality.html", "Data quality", main)


def _section(anchor: str, heading: str, count: int, body: str, none: str = "None.") -> str:
    return (
        f'<section aria-labelledby="{anchor}"><h2 id="{anchor}">{esc(heading)} ({count:,})</h2>'
        f"{body if count else f'<p>{esc(none)}</p>'}</section>\n"
    )


def _link(record: Record) -> str:
    return f'<a href="{href(letter_path(record))}">{esc(record.title)}</a>'


def _letters(anchor: str, heading: str, records: list[Record]) -> str:
    items = "".join(f"<li>{time_tag(r.date)}: {_link(r)}</li>" for r in records)
    return _section(anchor, heading, len(records), f"<ul>{items}</ul>")


def _unlinked(quality: Quality, collection: Collection) -> str:
    rows = "".join(
        f'<tr><td><a href="{href(person_path(collection.persons[key].slug))}">'
        f"{esc(collection.persons[key].name)}</a></td><td>{len(records)}</td>"
        f"<td>{', '.join(_link(r) for r in records[:5])}{' …' if len(records) > 5 else ''}"
        "</td></tr>"
        for key, records in quality.unlinked
    )
    body = (
        "<p>Correspondents whose name has no <code>@ref</code> to a person of a "
        "<code>listPerson</code>: give an authority file when converting "
        '(<code>tei convert --authority</code>).</p><table><thead><tr><th scope="col">Name</th>'
        '<th scope="col">Letters</th><th scope="col">In</th></tr></thead>'
        f"<tbody>{rows}</tbody></table>"
    )
    return _section("unlinked", "Names not linked to a person", len(quality.unlinked), body)


def _pseudonyms(quality: Quality, collection: Collection) -> str:
    rows = "".join(
        f'<tr><td>{esc(written)}</td><td><a href="{href(person_path(collection.persons[key].slug))}'
        f'">{esc(collection.persons[key].name)}</a></td><td>{len(records)}</td></tr>'
        for written, key, records in quality.pseudonyms
    )
    body = (
        '<table><thead><tr><th scope="col">Written</th><th scope="col">Person</th>'
        f'<th scope="col">Letters</th></tr></thead><tbody>{rows}</tbody></table>'
    )
    return _section("pseudonyms", "Names written as a pseudonym", len(quality.pseudonyms), body)


def _warnings(quality: Quality) -> str:
    items = "".join(f"<li>{_link(r)}: {esc(m)}</li>" for r, m in quality.warnings)
    return _section(
        "warnings", "Conversion warnings", len(quality.warnings), f"<ul>{items}</ul>",
        "None: no letter converted during the build gave a warning (letters given as TEI were "
        "converted before; run tei convert on their transcriptions to see its warnings).",
    )  # fmt: skip


def _validation(quality: Quality, collection: Collection) -> str:
    rows = []
    for record in collection.records:
        found = quality.validation.get(record.doc_id, [])
        errors = _errors(found)
        verdict = f"invalid: {plural(len(errors), 'error')}" if errors else "valid"
        details = "".join(f"<li>{esc(d)}</li>" for d in found[:10])
        more = f"<li>… {len(found) - 10} more</li>" if len(found) > 10 else ""
        cell = f"<ul>{details}{more}</ul>" if found else ""
        rows.append(f"<tr><td>{_link(record)}</td><td>{verdict}</td><td>{cell}</td></tr>")
    invalid = len(quality.invalid())
    body = (
        f"<p>{plural(len(collection.records) - invalid, 'letter')} valid, {invalid:,} invalid "
        "against the project's XSD and Schematron (<code>tei validate --level project</code>)."
        '</p><table><thead><tr><th scope="col">Letter</th><th scope="col">Verdict</th>'
        f'<th scope="col">Findings</th></tr></thead><tbody>{"".join(rows)}</tbody></table>'
    )
    return _section("validation", "Validation per letter", len(collection.records), body)


def _notices(quality: Quality) -> str:
    items = "".join(
        f"<li>{esc(n.source)}{f':{n.line}' if n.line else ''}: {esc(n.message)}</li>"
        for n in quality.notices
    )
    return _section(
        "publishing", "Notes from the CMIF and teiCorpus downloads", len(quality.notices),
        f"<ul>{items}</ul>",
    )  # fmt: skip
