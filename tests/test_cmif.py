"""``tei export cmif``: CMIF 1.1 for correspSearch, checked by the receiving side's own rules.

The official RELAX NG (jing) and Schematron (XSLT 2, run by saxonche) come from the TEI
Correspondence SIG and sit in ``../shared/cmif`` beside the repository, as in CI: the tests that
need them skip, saying so, where that folder is absent. The export's own check
(:mod:`tei.publish.cmif_check`) is tested everywhere.

The Schematron is compiled with the ISO Schematron "skeleton" that lxml ships (its XSLT 1.0
implementation, in ``lxml/isoschematron/resources``), run by Saxon: cmif.sch declares
``queryBinding="xslt2"``, which that skeleton refuses, so a six-line stylesheet imports it and
adds a template for the xslt2 binding that writes ``version="2.0"`` — everything else is the
skeleton's own SVRL output. Saxon then runs the XPath 2 rules (``matches()``) as written.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from lxml import etree, isoschematron
from typer.testing import CliRunner

from bench.corpus import write_corpus
from tei.api import convert_text
from tei.authority import load_authority_bytes
from tei.cli.app import app
from tei.errors import TeiError
from tei.publish.cmif import PERSON_AUTHORITIES, UUID, source_uuid
from tei.publish.cmif_check import check_cmif
from tei.validators.relaxng import find_java, validate_with_jing
from tests.conftest import ROOT, SEED_FILES

runner = CliRunner()
SHARED_CMIF = ROOT.parent / "shared" / "cmif"
SKELETON = Path(isoschematron.__file__).parent / "resources" / "xsl" / "iso-schematron-xslt1"
TEI_NS = "http://www.tei-c.org/ns/1.0"
NS = {"t": TEI_NS}
GENERATED, GENERATED_SEED = 40, 11
URL = "https://example.org/telegrams/letters.xml"
EDITION = [
    "--publisher",
    "Example Telegram Edition",
    "--editor",
    "Ann Editor",
    "--email",
    "ann@example.org",
    "--url",
    URL,
    "--date",
    "2025-03-01",
]

#: lets lxml's ISO skeleton compile an xslt2-bound schema: the same output, version 2.0
XSLT2_BINDING = f"""<xsl:stylesheet version="2.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:axsl="http://www.w3.org/1999/XSL/TransformAlias"
    xmlns:iso="http://purl.oclc.org/dsdl/schematron">
  <xsl:import href="{(SKELETON / "iso_svrl_for_xslt1.xsl").as_uri()}"/>
  <xsl:namespace-alias stylesheet-prefix="axsl" result-prefix="xsl"/>
  <xsl:template match="iso:schema[@queryBinding='xslt2']" priority="20">
    <axsl:stylesheet>
      <xsl:apply-templates select="iso:ns"/>
      <xsl:attribute name="version">2.0</xsl:attribute>
      <xsl:apply-templates select="." mode="stylesheetbody"/>
    </axsl:stylesheet>
  </xsl:template>
</xsl:stylesheet>"""


def write_letters(folder: Path, count: int = GENERATED, seed: int = GENERATED_SEED) -> Path:
    """The two seeds and ``count`` generated telegrams as TEI in ``folder``/tei."""
    texts, tei = folder / "texts", folder / "tei"
    tei.mkdir(parents=True)
    for path in [*SEED_FILES, *write_corpus(texts, count, seed)]:
        data = convert_text(path.read_text("utf-8"), path.name)
        (tei / f"{path.stem}.xml").write_bytes(data)
    return tei


@pytest.fixture(scope="session")
def letters(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_letters(tmp_path_factory.mktemp("letters"))


def export(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["export", "cmif", *args])
    return result.exit_code, result.stderr


def tree_of(path: Path) -> etree._ElementTree:
    return etree.parse(str(path))


@pytest.fixture(scope="session")
def official() -> Path:
    if not (SHARED_CMIF / "cmi-customization.rng").is_file():
        pytest.skip(
            f"the official CMIF schema and Schematron are not in {SHARED_CMIF} (CI has them)"
        )
    return SHARED_CMIF


def skip_without_java() -> None:
    """jing needs Java: without it the jing tests skip, saying so."""
    try:
        find_java()
    except TeiError as error:
        pytest.skip(f"Java is not installed, jing cannot run: {error}")


@pytest.fixture(scope="session")
def java() -> None:
    skip_without_java()


@pytest.fixture(scope="session")
def schematron(official: Path) -> Callable[[bytes], list[tuple[str, str]]]:
    """cmif.sch compiled to XSLT 2 and run by Saxon: each finding as (role, message)."""
    from saxonche import PySaxonProcessor

    processor = PySaxonProcessor(license=False)
    xslt = processor.new_xslt30_processor()
    schema = processor.parse_xml(xml_file_name=str(official / "cmif.sch"))
    for step in ("iso_dsdl_include.xsl", "iso_abstract_expand.xsl"):
        sheet = xslt.compile_stylesheet(stylesheet_file=str(SKELETON / step))
        schema = processor.parse_xml(xml_text=sheet.transform_to_string(xdm_node=schema))
    binding = xslt.compile_stylesheet(stylesheet_text=XSLT2_BINDING)
    validator = xslt.compile_stylesheet(
        stylesheet_text=binding.transform_to_string(xdm_node=schema)
    )

    def run(data: bytes) -> list[tuple[str, str]]:
        document = processor.parse_xml(xml_text=data.decode("utf-8"))
        report = etree.fromstring(validator.transform_to_string(xdm_node=document).encode())
        svrl = "{http://purl.oclc.org/dsdl/svrl}"
        return [
            (finding.get("role") or "error", " ".join("".join(finding.itertext()).split()))
            for finding in report.iter(f"{svrl}failed-assert", f"{svrl}successful-report")
        ]

    return run


@pytest.fixture(scope="session")
def exported(letters: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    output = tmp_path_factory.mktemp("cmif") / "letters.xml"
    code, stderr = export(str(letters), "-o", str(output), *EDITION)
    assert code == 0, stderr
    return output, stderr


# --------------------------------------------------------------------------- the official rules


@pytest.fixture(scope="session")
def exports(
    exported: tuple[Path, str], letters: Path, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, Path]:
    """The samples alone, the generated letters alone, and both together, as CMIF files."""
    folder = tmp_path_factory.mktemp("exports")
    seeds = [str(letters / f"{path.stem}.xml") for path in SEED_FILES]
    generated = [str(p) for p in sorted(letters.glob("gen_*.xml"))]
    for name, sources in (("seeds", seeds), ("generated", generated)):
        code, stderr = export(*sources, "-o", str(folder / f"{name}.xml"), *EDITION)
        assert code == 0, stderr
    return {
        "seeds": folder / "seeds.xml",
        "generated": folder / "generated.xml",
        "all": exported[0],
    }


def test_samples_and_generated_letters_are_valid_against_the_cmif_schema(
    exports: dict[str, Path], official: Path, java: None
) -> None:
    counts = {
        name: len(tree_of(path).findall(".//t:correspDesc", NS)) for name, path in exports.items()
    }
    assert counts == {"seeds": 2, "generated": GENERATED, "all": 2 + GENERATED}
    paths = list(exports.values())
    assert validate_with_jing(paths, official / "cmi-customization.rng") == {p: [] for p in paths}


def test_samples_and_generated_letters_pass_the_cmif_schematron(
    exports: dict[str, Path], schematron: Callable[[bytes], list[tuple[str, str]]]
) -> None:
    for name, path in exports.items():
        assert schematron(path.read_bytes()) == [], name  # no error, no warning (W0001) either


def test_the_official_validators_catch_what_they_should(
    exported: tuple[Path, str],
    official: Path,
    java: None,
    schematron: Callable[[bytes], list[tuple[str, str]]],
    tmp_path: Path,
) -> None:
    """Guards the two validators above: a broken file must fail, rule by rule."""
    text = exported[0].read_text("utf-8")
    broken = re.sub(r'xml:id="[0-9a-f-]+"', 'xml:id="edition"', text, count=1)
    broken = broken.replace('<correspAction type="received">', '<correspAction type="sent">', 1)
    broken = broken.replace('<date when="1949-01-12"/>', "<date/>", 1)
    found = {
        re.search(r"\[([EW]\d{4})\]", message).group(1) + ":" + role
        for role, message in schematron(broken.encode())
    }
    assert found == {"W0001:warning", "E0002:error", "E0003:error", "E0004:error"}
    sent_only = text.replace('type="received"', 'type="sent"')
    assert any("E0002" in m for _, m in schematron(sent_only.encode()))
    received_only = text.replace('type="sent"', 'type="received"')
    assert any("E0001" in m for _, m in schematron(received_only.encode()))
    relayed = tmp_path / "relayed.xml"
    relayed.write_text(text.replace('type="received"', 'type="transmitted"', 1), "utf-8")
    found_rng = validate_with_jing([relayed], official / "cmi-customization.rng")[relayed]
    assert [(d.line, d.message) for d in found_rng] == [
        (29, 'value of attribute "type" is invalid; must be equal to "received" or "sent"')
    ]


# --------------------------------------------------------------------------- the export itself


def test_second_run_is_byte_identical(exported: tuple[Path, str], letters: Path) -> None:
    output, _ = exported
    again = output.with_name("again.xml")
    assert export(str(letters), "-o", str(again), *EDITION)[0] == 0
    assert again.read_bytes() == output.read_bytes()
    code, stderr = export(str(letters), "-o", str(output), *EDITION)
    assert code == 0
    assert stderr.splitlines()[-1].endswith(f"{output} unchanged ({2 + GENERATED} letters)")


def test_builtin_check_accepts_the_export_and_finds_each_broken_rule(
    exported: tuple[Path, str],
) -> None:
    tree = tree_of(exported[0])
    assert check_cmif(tree) == []
    text = exported[0].read_text("utf-8")
    breakages = {
        '<correspAction type="received">': '<correspAction type="transmitted">',
        '<date when="1949-01-12"/>': '<date when="12 January 1949"/>',
        'ref="https://wilson': 'ref="wilson',
        'source="#': 'source="#x',
        '<idno type="url">https://': '<idno type="url">ftp://',
        "licenses/by/4.0/": "licenses/by-nc/4.0/",
        '<date when="2025-03-01T00:00:00Z"/>': '<date when="March 2025"/>',
        "<persName>Mao Zedong</persName>": '<persName ref="http://www.wikidata.org/entity/Q5816">'
        "Mao Zedong</persName>",
    }
    expected = {
        "transmitted": "one sent and one received",
        "12 January 1949": "is not YYYY, YYYY-MM or YYYY-MM-DD",
        "wilson": "must be the letter's http(s) URL",
        "#x": "points at no bibl",
        "ftp://": "must be the file's http(s) URL",
        "by-nc": "must be CC-BY 4.0 or CC0",
        "March 2025": "must be a date-time",
        "wikidata": "is not a GND, VIAF, LC, BnF, NDL URI",
    }
    for (old, new), (key, message) in zip(breakages.items(), expected.items(), strict=True):
        assert old in text, old
        problems = check_cmif(etree.fromstring(text.replace(old, new, 1).encode()))
        assert any(message in p.message for p in problems), (key, problems)
    uuid_broken = re.sub(r'xml:id="[0-9a-f-]+"', 'xml:id="edition"', text, count=1)
    problems = check_cmif(etree.fromstring(uuid_broken.encode()))
    assert any("must be a unique UUID" in p.message for p in problems)


def test_only_sent_and_received_the_relay_stays_in_the_tei(
    exported: tuple[Path, str], letters: Path
) -> None:
    seed = tree_of(letters / "000_4a28453c626bc618.xml")
    assert seed.find(".//t:correspAction[@type='transmitted']", NS) is not None
    desc = tree_of(exported[0]).find(
        ".//t:correspDesc[@ref='https://wilson-center-digital-archive.dvincitest.com/document/112663']",
        NS,
    )
    assert [a.get("type") for a in desc] == ["sent", "received"]
    cmif_names = [name.text for name in desc.iter(f"{{{TEI_NS}}}persName")]
    assert cmif_names == ["Mao Zedong", "Joseph Stalin"]  # Filippov is Stalin, by the authority
    assert desc.find("t:correspAction[@type='sent']/t:date", NS).get("when") == "1949-01-12"
    assert "Terebin" not in etree.tostring(desc, encoding="unicode")


def test_a_letter_without_url_gets_an_anchor_in_the_file_and_a_warning(
    exported: tuple[Path, str],
) -> None:
    output, stderr = exported
    refs = [d.get("ref") for d in tree_of(output).iterfind(".//t:correspDesc", NS)]
    assert f"{URL}#doc-001_552a14868e1716bc" in refs
    warning = [line for line in stderr.splitlines() if "doc-001_552a14868e1716bc: no URL" in line]
    assert len(warning) == 1
    assert re.match(r".*001_552a14868e1716bc\.xml:\d+: warning: letter ", warning[0])


WIKIDATA_ONLY = b"""<listPerson xmlns="http://www.tei-c.org/ns/1.0">
  <person xml:id="stalin"><persName type="main">Joseph Stalin</persName>
    <persName type="pseudonym">Filippov</persName><idno type="wikidata">Q855</idno></person>
  <person xml:id="mao-zedong"><persName type="main">Mao Zedong</persName></person>
</listPerson>"""


def test_names_without_accepted_id_stay_text_with_a_warning(tmp_path: Path) -> None:
    authority = load_authority_bytes(WIKIDATA_ONLY, "persons-test.xml")
    seed = SEED_FILES[0]
    letter = tmp_path / f"{seed.stem}.xml"
    letter.write_bytes(convert_text(seed.read_text("utf-8"), seed.name, authority))
    output = tmp_path / "out" / "letters.xml"
    code, stderr = export(str(letter), "-o", str(output), *EDITION)
    assert code == 0, stderr
    assert "wikidata" not in output.read_text("utf-8")
    assert not any(p.get("ref") for p in tree_of(output).iterfind(".//t:persName", NS))
    warnings = [
        line.split(": warning: ", 1)[1] for line in stderr.splitlines() if ": warning: " in line
    ]
    assert warnings == [
        "letter doc-112663: sender 'Mao Zedong' has no GND, VIAF, LC, BnF, NDL id: kept as text "
        "without @ref — add a verified one to the authority file and convert again (--authority)",
        "letter doc-112663: recipient 'Joseph Stalin' (written 'Filippov') has no GND, VIAF, LC, "
        "BnF, NDL id: kept as text without @ref (wikidata Q855 is not accepted by correspSearch) "
        "— add a verified one to the authority file and convert again (--authority)",
    ]


AUTHORITY = b"""<listPerson xmlns="http://www.tei-c.org/ns/1.0">
  <!-- test values in the right forms, not claims about these people -->
  <person xml:id="stalin"><persName type="main">Joseph Stalin</persName>
    <persName type="pseudonym">Filippov</persName>
    <idno type="wikidata">Q855</idno><idno type="viaf">1234567</idno>
    <idno type="gnd">118642499</idno>
  </person>
  <person xml:id="mao-zedong"><persName type="main">Mao Zedong</persName>
    <idno type="lc">https://id.loc.gov/authorities/names/n00000001</idno></person>
</listPerson>"""


def test_authority_ids_become_the_uris_correspsearch_reads(tmp_path: Path) -> None:
    authority = load_authority_bytes(AUTHORITY, "persons-test.xml")
    for path in SEED_FILES:
        data = convert_text(path.read_text("utf-8"), path.name, authority)
        (tmp_path / f"{path.stem}.xml").write_bytes(data)
    output = tmp_path / "out" / "letters.xml"
    code, stderr = export(str(tmp_path), "-o", str(output), *EDITION)
    assert code == 0, stderr
    refs = {p.text: p.get("ref") for p in tree_of(output).iterfind(".//t:persName", NS)}
    assert refs == {
        "Joseph Stalin": "https://d-nb.info/gnd/118642499",  # GND before VIAF; never Wikidata
        "Mao Zedong": "https://id.loc.gov/authorities/names/n00000001",
    }
    assert "has no GND" not in stderr
    assert check_cmif(tree_of(output)) == []
    assert [a.label for a in PERSON_AUTHORITIES] == ["GND", "VIAF", "LC", "BnF", "NDL"]


def test_dates_in_cmif_forms_ranges_become_not_before_and_not_after(
    letters: Path, tmp_path: Path
) -> None:
    text = (letters / "000_4a28453c626bc618.xml").read_text("utf-8")
    dated = text.replace('<date when="1949-01-12"/>', '<date from="1949-01" to="1949-02-03"/>')
    received = '<persName ref="#stalin">Filippov</persName>\n        </correspAction>'
    assert dated.count(received) == 1
    dated = dated.replace(
        received,
        received.replace(
            "</persName>", '</persName>\n<date when="1949-01-15T10:00:00" notAfter="--01-20"/>'
        ),
    )
    (tmp_path / "dated.xml").write_text(dated, "utf-8")
    output = tmp_path / "letters.xml"
    code, stderr = export(str(tmp_path / "dated.xml"), "-o", str(output), *EDITION)
    assert code == 0, stderr
    sent, received_date = tree_of(output).findall(".//t:correspAction/t:date", NS)
    assert dict(sent.attrib) == {"notBefore": "1949-01", "notAfter": "1949-02-03"}
    assert dict(received_date.attrib) == {"when": "1949-01-15"}
    assert "date @when='1949-01-15T10:00:00': the time of day is left out" in stderr
    assert "date @notAfter='--01-20' is not YYYY, YYYY-MM or YYYY-MM-DD: left out" in stderr


def test_an_export_that_breaks_the_rules_is_not_written(
    letters: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The built-in check guards users without the official files against exporter bugs."""
    from tei.cli import export as command

    real = command.build_cmif

    def broken(*args: object) -> tuple[etree._ElementTree, list[object]]:
        tree, notices = real(*args)
        tree.find(".//t:licence", NS).set("target", "https://example.org/all-rights-reserved")
        return tree, notices

    monkeypatch.setattr(command, "build_cmif", broken)
    output = tmp_path / "letters.xml"
    code, stderr = export(str(letters / "000_4a28453c626bc618.xml"), "-o", str(output), *EDITION)
    assert code == 3
    assert not output.exists()
    assert f"{output}: error: availability/licence/@target must be CC-BY 4.0 or CC0" in stderr


def test_source_ids_are_uuids_that_stay_the_same(exported: tuple[Path, str]) -> None:
    bibls = tree_of(exported[0]).findall(".//t:sourceDesc/t:bibl", NS)
    labels = {
        "".join(b.itertext()).split(",")[0]: b.get("{http://www.w3.org/XML/1998/namespace}id")
        for b in bibls
    }
    assert labels == {
        "Wilson Center Digital Archive": source_uuid("publisher:Wilson Center Digital Archive"),
        "History and Public Policy Program Digital Archive": source_uuid(
            "publisher:History and Public Policy Program Digital Archive"
        ),
        "Example Telegram Edition": source_uuid(f"edition:{URL}"),  # generic layout: no publisher
    }
    assert source_uuid("publisher:Wilson Center Digital Archive") == (
        "c353af63-f87e-57ea-915e-f390846f7bf7"
    )
    for key in (f"key {n}" for n in range(200)):
        value = source_uuid(key)
        assert UUID.fullmatch(value) and value[0].isalpha()


def test_file_date_is_given_or_reproducible(letters: Path, tmp_path: Path) -> None:
    one = letters / "000_4a28453c626bc618.xml"
    copy = tmp_path / "one.xml"
    copy.write_bytes(one.read_bytes())
    os.utime(copy, (1_700_000_000, 1_700_000_000))
    base = [str(copy), "-o", str(tmp_path / "c.xml"), "--force", *EDITION[:-2]]

    def stamp(*extra: str, epoch: str | None = None) -> str:
        env = {"SOURCE_DATE_EPOCH": epoch}  # None: unset, whatever the caller's environment
        result = runner.invoke(app, ["export", "cmif", *base, *extra], env=env)
        assert result.exit_code == 0, result.stderr
        return tree_of(tmp_path / "c.xml").find(".//t:publicationStmt/t:date", NS).get("when")

    assert stamp() == "2023-11-14T22:13:20Z"  # the newest input file's modification time
    assert stamp(epoch="0") == "1970-01-01T00:00:00Z"
    assert stamp("--date", "2025-03-01") == "2025-03-01T00:00:00Z"
    assert stamp("--date", "2025-03-01T12:30:00+01:00") == "2025-03-01T12:30:00+01:00"


def test_cc0_licence(letters: Path, tmp_path: Path) -> None:
    output = tmp_path / "c.xml"
    seed = str(letters / "000_4a28453c626bc618.xml")
    assert export(seed, "-o", str(output), "--licence", "cc0", *EDITION)[0] == 0
    licence = tree_of(output).find(".//t:licence", NS)
    assert licence.get("target") == "https://creativecommons.org/publicdomain/zero/1.0/"
    assert "CC0 1.0" in licence.text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--url", "letters.xml"], "--url 'letters.xml' is not an http(s) URL"),
        (["--email", "ann at example.org"], "is not an e-mail address"),
        (["--date", "1 March 2025"], "--date: not a date or date-time"),
        (["--date", "2025-03-01T12:00:00"], "needs a time zone"),
    ],
)
def test_bad_options_are_usage_errors(letters: Path, args: list[str], message: str) -> None:
    code, stderr = export(str(letters), *EDITION, *args)
    assert code == 2
    assert message in stderr


def test_unknown_kind_and_missing_options_are_usage_errors(letters: Path) -> None:
    assert runner.invoke(app, ["export", "pdf", str(letters), *EDITION]).exit_code == 2
    assert export(str(letters), "--editor", "A", "--url", URL)[0] == 2  # no --publisher


def test_nothing_is_written_when_an_input_fails(letters: Path, tmp_path: Path) -> None:
    (tmp_path / "good.xml").write_bytes((letters / "000_4a28453c626bc618.xml").read_bytes())
    (tmp_path / "broken.xml").write_text("<TEI xmlns='http://www.tei-c.org/ns/1.0'>\n<teiHeader>")
    (tmp_path / "other.xml").write_text("<html/>")
    output = tmp_path / "out.xml"
    code, stderr = export(str(tmp_path), "-o", str(output), *EDITION)
    assert code == 1
    assert not output.exists()
    assert re.search(r"broken\.xml:\d+(:\d+)?: error: not well-formed XML", stderr)
    assert "other.xml:1: error: the root element is 'html', not TEI or teiCorpus" in stderr
    assert stderr.splitlines()[-1].endswith(
        "nothing written: every letter must be read for a complete index"
    )


def test_strict_fails_on_warnings_and_writes_nothing(letters: Path, tmp_path: Path) -> None:
    output = tmp_path / "out.xml"
    code, _ = export(
        str(letters / "001_552a14868e1716bc.xml"), "-o", str(output), "--strict", *EDITION
    )
    assert code == 1
    assert not output.exists()


def test_output_among_the_inputs_is_not_read_back(letters: Path, tmp_path: Path) -> None:
    (tmp_path / "a.xml").write_bytes((letters / "000_4a28453c626bc618.xml").read_bytes())
    output = tmp_path / "letters.xml"
    for _ in range(2):
        code, stderr = export(str(tmp_path), "-o", str(output), "--force", *EDITION)
        assert code == 0, stderr
        assert len(tree_of(output).findall(".//t:correspDesc", NS)) == 1


def test_real_subprocess_exports(letters: Path, tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    output = tmp_path / "letters.xml"
    command = [sys.executable, "-m", "tei", "export", "cmif", str(letters), "-o", str(output)]
    done = subprocess.run(
        [*command, *EDITION, "-q"], capture_output=True, text=True, env=env, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr.startswith("read 42 files; 0 failed;")  # -q: the summary only
    assert done.stderr.count("\n") == 1
    assert check_cmif(tree_of(output)) == []
    stdout = subprocess.run(
        [*command[:-2], *EDITION, "-q"], capture_output=True, env=env, check=False
    )
    assert stdout.returncode == 0
    assert stdout.stdout == output.read_bytes()
