from pathlib import Path

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
