"""telegram.xsd is a restriction of TEI: every document valid against it is valid against
tei_all (jing, and tei_all's own Schematron rules that run here).

Checked on every document the suite has (golden files, both seeds, generated telegrams, the
broken corpus's documents that the XSD accepts) and on a few hundred mutants of them: elements
deleted, duplicated, swapped, moved or renamed, attributes dropped or borrowed from elsewhere,
text put where it was not. The mutants the XSD accepts probe the corners of the grammar the
encoder never reaches; jing checks all of them in one run.
"""

from __future__ import annotations

from tei.diagnostics import Severity
from tei.errors import XmlInputError
from tei.io.xmlio import parse_xml
from tei.validators.validate import validate_documents
from tei.validators.xsd import compiled_schema
from tests.validation_support import BROKEN, generated_tei, golden_tei, mutants, needs_jing

MUTANTS = 300


def xsd_valid(data: bytes) -> bool:
    """The project level's XSD verdict: libxml2's (tests/test_validation_engines.py holds it to
    xmlschema's)."""
    try:
        tree = parse_xml(data)
    except XmlInputError:
        return False
    return compiled_schema().validate(tree)


@needs_jing
def test_every_document_valid_against_the_xsd_is_valid_against_tei_all(
    seed_tei: dict[str, bytes],
) -> None:
    documents = {
        **golden_tei(),
        **{f"seed-{name}.xml": data for name, data in seed_tei.items()},
        **generated_tei(),
        **{p.name: p.read_bytes() for p in sorted(BROKEN.glob("*.xml"))},
    }
    accepted = {name: data for name, data in documents.items() if xsd_valid(data)}
    assert len(accepted) >= 100
    variants = mutants(list(accepted.values())[:40], MUTANTS, keep=xsd_valid)
    assert len(variants) >= MUTANTS * 3 // 4  # the property is not checked on nothing
    accepted.update({f"mutant-{n:04d}.xml": data for n, data in enumerate(variants)})
    found = validate_documents(accepted, "tei")
    refused = {
        name: [str(d) for d in diagnostics if d.severity is Severity.ERROR]
        for name, diagnostics in found.items()
        if any(d.severity is Severity.ERROR for d in diagnostics)
    }
    assert refused == {}, "telegram.xsd accepts what tei_all refuses: " + "\n".join(
        f"{name}: {errors[0]}\n{accepted[name].decode()[:3000]}"
        for name, errors in list(refused.items())[:3]
    )
