"""Hostile cases, second half: names and options that would forge or break a message, XML
that would be read differently by different tools, HTML that would run a script, and inputs
built to take quadratic time."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from tests.hostile.cases import CASES as FILE_CASES
from tests.hostile.cases import (
    CONTRIBUTED,
    DOT_URL,
    LONG_WORD,
    MANY_ERRORS,
    NESTED,
    ONE_GOOD,
    RELAY,
)
from tests.hostile.kit import Case, absent, both, good, hostile, tei_file, write
from tests.test_bad_input import GOOD

#: ``tei export cmif a.xml -o c.xml`` with the options every export needs but --url and --date
EXPORT = ("export", "cmif", "a.xml", "-o", "c.xml", "--publisher", "P", "--editor", "E")
URL = ("--url", "https://example.org/c.xml")
EMPTY = r"error: the input is empty — give a telegram's text"
REFUSED = (
    r"error: the document declares entities or an external DTD, which are refused for "
    r"safety — remove the DOCTYPE declaration"
)
SUBSET = r"error: the document's DOCTYPE has an internal subset"


def _html_has_no_script_links(name: str):
    def check(root: Path) -> Iterator[str]:
        from lxml import html

        page = html.fromstring((root / name).read_bytes())
        for element in page.iter():
            for attribute, value in element.attrib.items():
                if attribute.lower().startswith("on"):
                    yield f"{name}: <{element.tag} {attribute}>"
                squeezed = "".join(value.split()).lower()
                if attribute in ("href", "src") and squeezed.startswith(
                    ("javascript:", "data:", "vbscript:", "file:", "jar:", "http:j", "httpx:")
                ):
                    yield f"{name}: <{element.tag} {attribute}={value!r}>"
        if len(page.xpath("//a[@href]")) < 6:
            yield f"{name}: the safe links are not links"

    return check


def _index_links_encoded(root: Path) -> Iterator[str]:
    from lxml import html

    page = html.fromstring((root / "out/index.html").read_bytes())
    hrefs = sorted(a.get("href") for a in page.xpath("//a[@href]"))
    wanted = ["%FF.html", "a%20b%23c%3F.html", "javascript%3Aalert%281%29.html"]
    if hrefs != wanted:
        yield f"index links are {hrefs}, not {wanted}"


def _timestamped(name: str, seconds: float):
    def setup(root: Path) -> None:
        tei_file(name)(root)
        os.utime(root / name, (seconds, seconds))

    return setup


def _named(raw: bytes, data: str = ""):
    return write(raw, data)


CASES: list[Case] = [
    # ---------------------------------------------------------------- names, escaped
    Case(
        "convert: a newline in a file name cannot forge a second message",
        ("convert", "a\nsrc/b.txt: error: forged.txt", "-o", "out"),
        1,
        (rf"a\\nsrc/b\.txt: error: forged\.txt: {EMPTY}",),
        write("a\nsrc/b.txt: error: forged.txt", ""),
    ),
    Case(
        "convert: ESC in a file name does not reach the terminal",
        ("convert", "\x1b[31mred.txt", "-o", "out"),
        1,
        (rf"\\x1b\[31mred\.txt: {EMPTY}",),
        write("\x1b[31mred.txt", ""),
    ),
    Case(
        "convert: a bidi override in a file name is shown escaped",
        ("convert", "evil\u202etxt.exe.txt", "-o", "out"),
        1,
        (rf"evil\\u202etxt\.exe\.txt: {EMPTY}",),
        write("evil\u202etxt.exe.txt", ""),
    ),
    Case(
        "convert: a zero-width space in a file name is shown escaped",
        ("convert", "zero\u200bwidth.txt", "-o", "out"),
        1,
        (rf"zero\\u200bwidth\.txt: {EMPTY}",),
        write("zero\u200bwidth.txt", ""),
    ),
    Case(
        "convert: a file name that is not UTF-8",
        ("convert", "src", "-o", "out"),
        1,
        (rf"src/\\xff\.txt: {EMPTY}",),
        _named(b"src/\xff.txt"),
    ),
    Case(
        "convert: a good file with a name that is not UTF-8 converts",
        ("convert", "src", "-o", "out"),
        0,
        (),
        both(good(b"src/\xfe.txt")),
        ("out", "out/\udcfe.xml"),
        summary=ONE_GOOD,
    ),
    Case(
        "validate --format junit: a name that is not UTF-8 or holds ESC",
        ("validate", "tei", "--format", "junit"),
        0,
        (),
        both(tei_file(b"tei/\xff.xml"), tei_file("tei/\x1b[2J.xml")),
        summary=r"validated 2 files at level project: 2 valid",
    ),
    Case(
        "validate --format json: a name that is not UTF-8",
        ("validate", "tei", "--format", "json"),
        0,
        (),
        tei_file(b"tei/\xff.xml"),
        summary=r"validated 1 file at level project: 1 valid",
    ),
    Case(
        "validate: findings about a file with a newline in its name, one line each",
        ("validate", "a\nb.xml"),
        1,
        (r"a\\nb\.xml:1:1: error: the root element is <x>",),
        write("a\nb.xml", "<x/>"),
    ),
    Case(
        "render: index links of hostile file names are URL-encoded",
        ("render", "src", "-o", "out"),
        0,
        (),
        both(
            tei_file("src/javascript:alert(1).xml"),
            tei_file("src/a b#c?.xml"),
            tei_file(b"src/\xff.xml"),
        ),
        (
            "out",
            "out/index.html",
            "out/javascript:alert(1).html",
            "out/a b#c?.html",
            "out/\udcff.html",
        ),
        check=_index_links_encoded,
        summary=r"rendered 3 files; 0 failed; 0 warnings$",
    ),
    # ---------------------------------------------------------------- usage errors, one line
    Case(
        "convert: --max-size 1e309 (infinity)",
        ("convert", "a.txt", "--max-size", "1e309"),
        2,
        (r"tei convert: error: --max-size inf is not a size",),
        good("a.txt"),
    ),
    Case(
        "convert: --max-size nan",
        ("convert", "a.txt", "--max-size", "nan"),
        2,
        (r"tei convert: error: Invalid value for '--max-size': Input should be greater",),
        good("a.txt"),
    ),
    Case(
        "convert: --max-size 0",
        ("convert", "a.txt", "--max-size", "0"),
        2,
        (r"tei convert: error: Invalid value for '--max-size'.* — see tei convert --help$",),
        good("a.txt"),
    ),
    Case(
        "convert: an unknown option",
        ("convert", "a.txt", "--bogus"),
        2,
        (
            r"tei convert: error: No such option: --bogus( \(Possible options: [^)]*\))? — "
            r"see tei convert --help$",
        ),
        good("a.txt"),
    ),
    Case(
        "convert: no input at all",
        ("convert",),
        2,
        (r"tei convert: error: Missing argument 'sources'\. — see tei convert --help$",),
    ),
    Case(
        "validate: an unknown --level",
        ("validate", "a.xml", "--level", "nope"),
        2,
        (r"tei validate: error: Invalid value for '--level' / '-l': .*'nope' is not one of",),
        tei_file("a.xml"),
    ),
    Case(
        "tei: an unknown command",
        ("nope",),
        2,
        (r"tei: error: No such command 'nope'\. — see tei --help$",),
    ),
    Case(
        "export: control characters in --publisher",
        (
            "export",
            "cmif",
            "a.xml",
            "-o",
            "c.xml",
            "--publisher",
            "E\x1b[2J\x07",
            *EXPORT[-2:],
            *URL,
        ),
        2,
        (r"tei export: error: --publisher holds U\+0007, U\+001B, which XML cannot hold",),
        tei_file("a.xml"),
    ),
    Case(
        "export: a broken IPv6 --url",
        (*EXPORT, "--url", "http://[::1/c.xml", "--date", "2025-01-01"),
        2,
        (r"tei export: error: --url 'http://\[::1/c\.xml' is not an http\(s\) URL",),
        tei_file("a.xml"),
    ),
    Case(
        "export: --date in year 10000",
        (*EXPORT, *URL, "--date", "10000-01-01"),
        2,
        (r"tei export: error: --date: not a date or date-time: '10000-01-01'",),
        tei_file("a.xml"),
    ),
    Case(
        "export: $SOURCE_DATE_EPOCH in year 10000",
        (*EXPORT, *URL),
        2,
        (r"tei export: error: the time 253402300800 s since 1970 is outside the years 1–9999",),
        tei_file("a.xml"),
        env={"SOURCE_DATE_EPOCH": "253402300800"},
    ),
    Case(
        "export: a letter file's date before 1970 is fine",
        (*EXPORT, *URL, "-q"),
        0,
        (),
        _timestamped("a.xml", -86_400 * 365),
        ("c.xml",),
    ),
    Case(
        "export: $SOURCE_DATE_EPOCH past year 9999",
        (*EXPORT, *URL),
        2,
        (r"tei export: error: ",),
        tei_file("a.xml"),
        env={"SOURCE_DATE_EPOCH": "1e300"},
    ),
    Case(
        "convert: a date in year 0",
        ("convert", "a.txt", "-o", "out"),
        1,
        (
            r"a\.txt: error: impossible date: 'January 12, 0000' \(there is no year 0: 1 BC is "
            r"followed by AD 1\) — correct the year in the source",
        ),
        write("a.txt", GOOD.replace("1949", "0000")),
    ),
    Case(
        "convert -q: warnings hidden, the summary kept",
        ("convert", "a.txt", "-o", "out", "-q"),
        0,
        (),
        good("a.txt"),
        ("out", "out/a.xml"),
        summary=ONE_GOOD,
    ),
    Case(
        "validate -q: the summary kept",
        ("validate", "a.xml", "-q"),
        0,
        (),
        tei_file("a.xml"),
        summary=r"validated 1 file at level project: 1 valid, 0 invalid",
    ),
    # ---------------------------------------------------------------- XML read one way
    *[
        Case(
            f"{command}: {name}",
            (command, name, *extra),
            1,
            (rf"{name}:2:1: {message}",),
            both(hostile(name), write("secret.txt", "TOP-SECRET")),
            check=absent("TOP-SECRET", where=("out/" + name.replace(".xml", ".html"),)),
        )
        for name, message in (
            ("doctype-onclick.xml", SUBSET),
            ("xxe.xml", REFUSED),
            ("external-dtd.xml", REFUSED),
            ("entity-bomb.xml", REFUSED),
            ("entity-loop.xml", REFUSED),
        )
        for command, extra in (("validate", ()), ("render", ("-o", "out")))
    ],
    Case(
        "render: links a hostile TEI carries are shown as text unless safe",
        ("render", "links.xml", "-o", "out"),
        0,
        (),
        hostile("links.xml"),
        ("out", "out/links.html"),
        check=_html_has_no_script_links("out/links.html"),
        summary=r"rendered 1 file; 0 failed; 0 warnings$",
    ),
    # ---------------------------------------------------------------- linear time
    Case(
        "convert: a 100,000-letter word before [Stalin]",
        ("convert", "a.txt", "-o", "out"),
        0,
        (),
        write("a.txt", LONG_WORD),
        ("out", "out/a.xml"),
        summary=ONE_GOOD,
    ),
    Case(
        "convert: a citation URL of 100,000 dots",
        ("convert", "a.txt", "-o", "out"),
        0,
        (),
        write("a.txt", DOT_URL),
        ("out", "out/a.xml"),
        summary=ONE_GOOD,
    ),
    Case(
        "convert: 'Contributed by' and 100 KB without a full stop",
        ("convert", "a.txt", "-o", "out"),
        0,
        (),
        write("a.txt", CONTRIBUTED),
        ("out", "out/a.xml"),
        summary=ONE_GOOD,
    ),
    Case(
        "convert: a title of 3,000 relay phrases",
        ("convert", "a.txt", "-o", "out"),
        0,
        (),
        write("a.txt", RELAY),
        ("out", "out/a.xml"),
        summary=ONE_GOOD,
    ),
    Case(
        "convert: 600 nested brackets",
        ("convert", "a.txt", "-o", "out"),
        1,
        (r"a\.txt:22:33: error: brackets nested more than 32 deep at column 33",),
        write("a.txt", NESTED),
    ),
    Case(
        "validate: 3,000 errors on one line",
        ("validate", "many.xml"),
        1,
        (r"many\.xml:1:\d+: error: ",) * 3003,
        write("many.xml", MANY_ERRORS),
    ),
]

#: every case, in the order the runner runs them
ALL: list[Case] = [*FILE_CASES, *CASES]
