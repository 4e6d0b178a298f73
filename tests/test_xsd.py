"""tei.validators.xsd alone: libxml2 decides, xmlschema explains; the cache folder."""

from __future__ import annotations

import os
import pickle
import time
from pathlib import Path

import pytest
from lxml import etree

from tei.diagnostics import Severity
from tei.io.xmlio import TEI_NS, parse_xml
from tei.resources import schema_path
from tei.validators import xsd
from tei.validators.locate import SourceText
from tests.validation_support import BROKEN

VALID = (BROKEN / "valid.xml").read_bytes()


def findings(data: bytes) -> list[tuple[int | None, int | None, str]]:
    tree = parse_xml(data, "t.xml")
    return [
        (d.line, d.column, d.message)
        for d in xsd.xsd_diagnostics(tree, "t.xml", SourceText(data))
        if d.severity is Severity.ERROR and d.origin == "xsd"
    ]


def test_a_valid_document_has_no_finding() -> None:
    assert findings(VALID) == []


def test_a_refusal_is_located_at_the_start_tag_and_says_what_to_do() -> None:
    data = VALID.replace(b'<div type="telegram">', b'<div type="memo">', 1)
    line = data[: data.index(b'<div type="memo">')].count(b"\n") + 1
    column = data.split(b"\n")[line - 1].index(b"<div") + 1
    [(found_line, found_column, message)] = findings(data)
    assert (found_line, found_column) == (line, column)
    assert message.startswith("<div> has type='memo', which is not allowed — use one of:")


def test_an_element_the_project_does_not_know_is_named() -> None:
    data = VALID.replace(b"<salute>", b"<salut>", 1).replace(b"</salute>", b"</salut>", 1)
    [(_, _, message)] = findings(data)
    assert "<salut> is not an element of telegram-tei's TEI" in message


def test_the_schema_knows_the_elements_the_encoder_writes() -> None:
    known = xsd.known_elements()
    for name in ("TEI", "teiHeader", "correspAction", "supplied", "choice", "standOff"):
        assert f"{{{TEI_NS}}}{name}" in known


def test_the_cache_folder_is_the_platforms(monkeypatch, tmp_path: Path) -> None:
    import platformdirs

    monkeypatch.delenv(xsd.CACHE_ENV, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert xsd.cache_dir() == Path(platformdirs.user_cache_dir("telegram-tei", appauthor=False))
    # what it is on each platform is platformdirs' to say: macOS and Windows are not ~/.cache
    asked = []

    def user_cache_dir(name: str, appauthor: object = None) -> str:
        asked.append((name, appauthor))
        return "/Users/me/Library/Caches/telegram-tei"

    monkeypatch.setattr(platformdirs, "user_cache_dir", user_cache_dir)
    assert xsd.cache_dir() == Path("/Users/me/Library/Caches/telegram-tei")
    assert asked == [("telegram-tei", False)]


@pytest.mark.skipif(not Path("/").joinpath("proc").exists(), reason="Linux layout")
def test_on_linux_the_cache_folder_follows_xdg(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.delenv(xsd.CACHE_ENV, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert xsd.cache_dir() == tmp_path / "telegram-tei"
    monkeypatch.setenv(xsd.CACHE_ENV, "")
    assert xsd.cache_dir() is None


# --------------------------------------------------------------------------- the schema cache


def test_the_schema_cache_is_used_only_when_it_is_ours_and_sound(tmp_path: Path) -> None:
    from tei.validators.xsd_cache import _load_cached, _store_cached, project_schema

    cached = tmp_path / "cache" / "telegram-xsd-test.pickle"
    _store_cached(cached, project_schema())
    assert cached.stat().st_mode & 0o077 == 0
    loaded = _load_cached(cached)
    data = (BROKEN / "impossible-date.xml").read_bytes()
    tree = etree.fromstring(data).getroottree()
    assert [e.reason for e in loaded.iter_errors(tree)] == [
        e.reason for e in project_schema().iter_errors(tree)
    ]
    os.chmod(cached, 0o666)  # anyone could have replaced it: a pickle runs code when loaded
    assert _load_cached(cached) is None
    os.chmod(cached, 0o600)
    os.chmod(cached.parent, 0o777)  # or replaced it through its folder
    assert _load_cached(cached) is None
    os.chmod(cached.parent, 0o700)
    assert _load_cached(cached) is not None
    cached.write_bytes(pickle.dumps(object())[:5])
    assert _load_cached(cached) is None
    assert _load_cached(tmp_path / "missing.pickle") is None


def test_the_cache_key_changes_with_the_schema(tmp_path: Path, monkeypatch) -> None:
    import tei.validators.xsd_cache as xsd_cache

    key = xsd_cache.schema_key()
    copy = tmp_path / "schemas"
    copy.mkdir()
    for name in xsd_cache.SCHEMA_FILES:
        (copy / name).write_bytes(schema_path(name).read_bytes())
    monkeypatch.setattr(xsd_cache, "schema_path", lambda name: copy / name)
    assert xsd_cache.schema_key() == key
    (copy / "telegram.xsd").write_bytes(schema_path("telegram.xsd").read_bytes() + b"\n")
    assert xsd_cache.schema_key() != key


def test_no_cache_folder_turns_the_cache_off(monkeypatch) -> None:
    from tei.validators.xsd import CACHE_ENV, cache_dir

    monkeypatch.setenv(CACHE_ENV, "")
    assert cache_dir() is None
    monkeypatch.setenv(CACHE_ENV, "/somewhere")
    assert cache_dir() == Path("/somewhere")


def test_storing_a_schema_prunes_the_cached_ones_nobody_loads_any_more(tmp_path: Path) -> None:
    from tei.validators.xsd_cache import STALE_SECONDS, _load_cached, _store_cached, project_schema

    folder = tmp_path / "cache"
    folder.mkdir(mode=0o700)
    old, recent = folder / "telegram-xsd-old.pickle", folder / "telegram-xsd-recent.pickle"
    for path in (old, recent):
        _store_cached(path, project_schema())
    left = folder / "tmpabc.tmp"  # what a store interrupted long ago left behind
    left.write_bytes(b"")
    long_ago = time.time() - STALE_SECONDS - 60
    for path in (old, recent, left):
        os.utime(path, (long_ago, long_ago))
    assert _load_cached(recent) is not None  # loading marks it as in use
    _store_cached(folder / "telegram-xsd-new.pickle", project_schema())
    assert sorted(p.name for p in folder.iterdir()) == [
        "telegram-xsd-new.pickle",
        "telegram-xsd-recent.pickle",
    ]


def test_a_read_only_cache_still_serves(tmp_path: Path, monkeypatch) -> None:
    from tei.validators.xsd_cache import _load_cached, _store_cached, project_schema

    cached = tmp_path / "cache" / "telegram-xsd-test.pickle"
    _store_cached(cached, project_schema())

    def refuse(*arguments: object) -> None:
        raise PermissionError("read-only file system")

    monkeypatch.setattr(os, "utime", refuse)
    assert _load_cached(cached) is not None
