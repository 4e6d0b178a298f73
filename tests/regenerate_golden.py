"""Rewrite tests/golden/*.xml from the seeds (run after a deliberate encoding change)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tei import bundled_authority, encode_telegram, read, serialize
from tests.conftest import GOLDEN, SEED_FILES

if __name__ == "__main__":
    GOLDEN.mkdir(exist_ok=True)
    for path in SEED_FILES:
        telegram = read(path.read_text("utf-8"), path.name, bundled_authority())
        (GOLDEN / f"{path.stem}.xml").write_bytes(serialize(encode_telegram(telegram)))
        print(f"wrote {GOLDEN / (path.stem + '.xml')}")
