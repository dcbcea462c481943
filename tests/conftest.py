import os
from pathlib import Path

# The suite runs one xdist worker per core; polars' own thread pool in each would oversubscribe
# the cores for the small frames the engine evaluates (a compare of all sectors: 0.62 s on one
# thread against 0.69 s on two). Set before any test module imports polars.
os.environ.setdefault("POLARS_MAX_THREADS", "1")


import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "fixtures" / "basic"


@pytest.fixture
def fixture_dir() -> Path:
    return FIXTURE


def pytest_collection_modifyitems(config, items):
    """Tests that drive LibreOffice run in one xdist worker, one after another: two office
    processes on one user profile get in each other's way."""
    for item in items:
        if item.get_closest_marker("libreoffice"):
            item.add_marker(pytest.mark.xdist_group("libreoffice"))
