"""Shared fixtures. Tests that need the evaluation data in ../shared/data skip cleanly without it."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "examples" / "seeds"
DATA = ROOT.parent / "shared" / "data"


@pytest.fixture
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture
def shared_data() -> Path:
    """The evaluation data folder; skips the test when it is absent (e.g. a user's clone)."""
    if not DATA.is_dir():
        pytest.skip(f"evaluation data not found at {DATA}")
    return DATA
