from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "fixtures" / "basic"


@pytest.fixture
def fixture_dir() -> Path:
    return FIXTURE
