import os
from pathlib import Path

# The suite runs one xdist worker per core; polars' own thread pool in each would oversubscribe
# the cores for the small frames the engine evaluates (a compare of all sectors: 0.62 s on one
# thread against 0.69 s on two). Set before any test module imports polars.
os.environ.setdefault("POLARS_MAX_THREADS", "1")


import atexit
import shutil
import tempfile

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "fixtures" / "basic"

# The tests of shipped data are pinned to the price years they were written for. An editor who runs
# `speelveld new-year 2027` in configs/ adds a year the tests know nothing of (and makes it the
# default year): the suite reads a copy of configs/ without the price years after PINNED_LATEST,
# through $SPEELVELD_CONFIG_DIR, which subprocesses inherit. Checks of the editor's own new year
# belong to `speelveld validate`.
PINNED_LATEST = 2026


def _pinned_configs() -> Path:
    copy = Path(tempfile.mkdtemp(prefix="speelveld-configs-")) / "configs"
    source = ROOT / "configs"
    shutil.copytree(source, copy, ignore=lambda folder, names: [n for n in names if Path(folder) == source and n.isdigit() and int(n) > PINNED_LATEST])
    atexit.register(shutil.rmtree, copy.parent, True)
    return copy


os.environ["SPEELVELD_CONFIG_DIR"] = str(_pinned_configs())
# `opties` computes its years in this process, not in child processes that the shared store below
# cannot reach: the suite's opties runs share one evaluation per year (its parallel years are
# measured by benchmarks/options.py)
os.environ["SPEELVELD_PROCESSES"] = "1"
# The parallel workers of one run share the comparisons, scenario checks and option evaluations
# they compute (core.compute.RESULT_STORE), in a folder named after the run's main process.
SHARED_RESULTS = Path(tempfile.gettempdir()) / f"speelveld-results-{os.getppid() if 'PYTEST_XDIST_WORKER' in os.environ else os.getpid()}"


def _shared_store(key: tuple, compute):
    import hashlib
    import pickle

    path = SHARED_RESULTS / (hashlib.sha256(repr(key).encode()).hexdigest()[:32] + ".pickle")
    try:
        return pickle.loads(path.read_bytes())
    except (OSError, pickle.PickleError, EOFError):
        pass
    value = compute()
    SHARED_RESULTS.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    tmp.write_bytes(pickle.dumps(value))
    tmp.replace(path)  # whole or not at all: the other worker never reads half a result
    return value


def pytest_configure(config):
    import speelveld.core.compute as compute

    if "PYTEST_XDIST_WORKER" not in os.environ:  # the main process, before its workers: no leftovers of an earlier run
        shutil.rmtree(SHARED_RESULTS, ignore_errors=True)
    compute.RESULT_STORE = _shared_store


def pytest_unconfigure(config):
    if "PYTEST_XDIST_WORKER" not in os.environ:  # the main process, after its workers
        shutil.rmtree(SHARED_RESULTS, ignore_errors=True)


@pytest.fixture
def fixture_dir() -> Path:
    return FIXTURE


@pytest.fixture
def config_copy(tmp_path) -> Path:
    """A copy of the fixture configs the test may write to (new-year, inputs import)."""
    target = tmp_path / "configs"
    shutil.copytree(FIXTURE, target)
    return target


# Files whose tests run one by one on whichever worker is free: long independent runs (the README's
# commands) that would otherwise queue behind each other on one worker.
SPREAD = {"test_docs.py"}
# The longest files (2 cores, December 2026: 10–15 s each), in that order.
LONG = ["test_explain.py", "test_trend_closing.py", "test_inputs.py", "test_options.py", "test_cli.py", "test_scenarios_sweep.py"]


def pytest_collection_modifyitems(config, items):
    """Tests that drive LibreOffice run in one xdist worker, one after another: two office
    processes on one user profile get in each other's way. The tests of any other file run on
    one worker together, so that the comparisons they share are computed once (each worker keeps
    its own cache); measured on 2 cores: 89 s spread by test, 82 s by file."""
    for item in items:
        if item.get_closest_marker("libreoffice"):
            item.add_marker(pytest.mark.xdist_group("libreoffice"))
        elif item.path.name not in SPREAD:
            item.add_marker(pytest.mark.xdist_group(item.path.name))
    # the longest groups first and the README's commands last, so that no worker ends on a long
    # group while the other waits (a group's place is its first test's)
    items.sort(key=lambda item: (0 if item.get_closest_marker("libreoffice") else LONG.index(item.path.name) + 1 if item.path.name in LONG
                                 else len(LONG) + 2 if item.path.name in SPREAD else len(LONG) + 1))


@pytest.fixture(autouse=True)
def _report_language_of_a_fresh_run():
    """Each test starts as a fresh run does, in Dutch: a command run in-process before it (with
    --lang en) must not decide how it writes numbers."""
    from speelveld.report.numbers import use_language

    use_language("nl")
    yield


def _build_the_command_once():
    """typer builds the click command from the app's functions on every CliRunner.invoke (reading
    every option's type hints again: 37 functions per call, about a tenth of the suite's time).
    The command is the same for every test, so it is built once per worker."""
    import typer.main
    import typer.testing

    built: dict[int, object] = {}

    def get_command(app):
        if id(app) not in built:
            built[id(app)] = typer.main.get_command(app)
        return built[id(app)]

    typer.testing._get_command = get_command


_build_the_command_once()
