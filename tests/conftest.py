"""Shared fixtures: the repository's folders, the seeds, and the converted seed TEI."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from tei import bundled_authority, encode_telegram, read, serialize

# Example counts: "dev" for quick local runs, "ci" (chosen when CI is set) for enough examples to
# matter. Each property test states nothing itself, so the profile decides for all of them.
settings.register_profile("dev", max_examples=60, deadline=None)
settings.register_profile(
    "ci", max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED_FILES = sorted(SEEDS.glob("*.txt"))


@pytest.fixture(scope="session")
def seed_tei() -> dict[str, bytes]:
    """Each seed's TEI bytes, keyed by the seed's stem."""
    authority = bundled_authority()
    return {
        path.stem: serialize(encode_telegram(read(path.read_text("utf-8"), path.name, authority)))
        for path in SEED_FILES
    }
