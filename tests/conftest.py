"""Shared fixtures: the repository's folders, the seeds, and the converted seed TEI."""

from __future__ import annotations

from pathlib import Path

import pytest

from tei import bundled_authority, encode_telegram, read, serialize

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GOLDEN = Path(__file__).resolve().parent / "golden"
SEED_FILES = sorted(SEEDS.glob("*.txt"))


@pytest.fixture(scope="session")
def seed_tei() -> dict[str, bytes]:
    """Each seed's TEI bytes, keyed by the seed's stem."""
    authority = bundled_authority()
    return {
        path.stem: serialize(encode_telegram(read(path.read_text("utf-8"), path.name, authority)))
        for path in SEED_FILES
    }
