"""A corpus of bad inputs: each one must end in clean ``error:`` lines and exit status 2.

Every case is a directory ``fixtures/bad/<NN-name>/`` with a ``case.yaml``::

    description: one line
    args: [validate, --config-dir, "{dir}"]     # the default; {dir} is the case's config dir
    expect: ["DE.yaml:9:", "commodity.baseload_eur_per_mwh", "duplicate key"]
    delete: [2030/eu.yaml]                      # optional: files removed from the copy
    pad: {path: 2030/countries/DE.yaml, bytes: 20000000}   # optional: grow a file in the test

and optionally a ``files/`` folder: an overlay on a copy of ``fixtures/basic`` (a file there
replaces or adds the file at the same relative path). One error line must hold every ``expect``
fragment; ``{dir}`` in a fragment is replaced as in ``args``.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from speelveld.cli import app
from tests.helpers import assert_worded_in_dutch

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "fixtures" / "basic"
BAD = ROOT / "fixtures" / "bad"
CASES = sorted(p for p in BAD.iterdir() if (p / "case.yaml").is_file()) if BAD.is_dir() else []
DEFAULT_ARGS = ["validate", "--config-dir", "{dir}"]
CASE_KEYS = {"description", "args", "expect", "delete", "pad"}

runner = CliRunner()


def build(case: Path, tmp_path: Path) -> tuple[Path, dict]:
    spec = yaml.safe_load((case / "case.yaml").read_text(encoding="utf-8"))
    assert set(spec) <= CASE_KEYS, f"{case.name}: unknown keys {set(spec) - CASE_KEYS}"
    assert spec.get("description") and spec.get("expect"), f"{case.name}: needs description and expect"
    cfg = tmp_path / "cfg"
    shutil.copytree(FIXTURE, cfg)
    overlay = case / "files"
    if overlay.is_dir():
        for src in sorted(p for p in overlay.rglob("*") if p.is_file()):
            dst = cfg / src.relative_to(overlay)
            dst.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(src, dst)
    for rel in spec.get("delete", []):
        target = cfg / rel
        assert target.exists(), f"{case.name}: delete {rel}: no such file in the fixture"
        shutil.rmtree(target) if target.is_dir() else target.unlink()
    pad = spec.get("pad")
    if pad:
        # A huge file is generated here rather than committed: the valid file plus comment lines.
        target = cfg / pad["path"]
        line = b"# padding padding padding padding padding padding padding padding padding\n"
        with target.open("ab") as fh:
            fh.write(line * (pad["bytes"] // len(line) + 1))
    return cfg, spec


def error_lines(args: list[str], case: Path) -> list[str]:
    r = runner.invoke(app, args)
    assert r.exception is None or isinstance(r.exception, SystemExit), f"{case.name}: {r.exception!r}\n{r.output}"
    assert r.exit_code == 2, f"{case.name}: exit {r.exit_code}\n{r.output}"
    assert "Traceback" not in r.output
    return [line for line in r.stderr.splitlines() if line.strip()]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bad_input_gives_clean_error(case: Path, tmp_path: Path):
    """In English an error line names what the case expects; in Dutch (the default) the same lines
    are worded from the message catalogue, with nothing left in English."""
    cfg, spec = build(case, tmp_path)
    args = [a.replace("{dir}", str(cfg)) for a in spec.get("args", DEFAULT_ARGS)]
    lines = error_lines([*args, "--lang", "en"], case)
    assert lines, f"{case.name}: nothing on stderr"
    for line in lines:
        assert line.startswith("error: "), f"{case.name}: stderr line without 'error: ': {line!r}"
    assert len(set(lines)) == len(lines), f"{case.name}: an error given twice:\n" + "\n".join(lines)
    expect = [e.replace("{dir}", str(cfg)) for e in spec["expect"]]
    assert any(all(e in line for e in expect) for line in lines), (
        f"{case.name}: no error line holds all of {expect}:\n" + "\n".join(lines)
    )
    dutch = error_lines(args, case)
    assert_worded_in_dutch("\n".join(lines), "\n".join(dutch))
    assert len(dutch) == len(lines)


def test_corpus_is_large_enough():
    assert len(CASES) >= 40, f"only {len(CASES)} bad-input cases in {BAD}"


def test_case_names_are_unique_and_numbered():
    numbers = [c.name.split("-", 1)[0] for c in CASES]
    assert all(n.isdigit() for n in numbers)
    assert len(set(numbers)) == len(numbers)


# ---------------------------------------------------------------- what is still accepted


def _load_with(tmp_path: Path, rel: str, old: str, new: str):
    from speelveld.config.load import load_year

    cfg = tmp_path / "cfg"
    shutil.copytree(FIXTURE, cfg)
    target = cfg / rel
    text = target.read_text(encoding="utf-8")
    assert old in text
    target.write_text(text.replace(old, new, 1), encoding="utf-8")
    return load_year(cfg, 2030)


def test_negative_profile_premium_is_allowed(tmp_path):
    # An off-peak-heavy plant buys below baseload: the one field that may be negative.
    cfg = _load_with(tmp_path, "2030/countries/DE.yaml", "  baseload_eur_per_mwh: 70\n",
                     "  baseload_eur_per_mwh: 70\n  profile_premium_eur_per_mwh: -3\n")
    assert cfg.params["DE.commodity.profile_premium_eur_per_mwh"].value == -3


def test_exponent_without_sign_is_a_number(tmp_path):
    # YAML 1.1 (PyYAML) reads 1e6 as text; configs write budgets that way, so it is a number.
    cfg = _load_with(tmp_path, "sectors/plant.yaml", "sector_electricity_mwh: 1000000", "sector_electricity_mwh: 1e6")
    assert cfg.params["sectors.plant.sector_electricity_mwh"].value == 1e6


def test_aliases_are_still_allowed(tmp_path):
    cfg = _load_with(tmp_path, "2030/countries/DE.yaml", "when: {utilisation_hours: {min: 2500}}",
                     "when: &from2500 {utilisation_hours: {min: 2500}}")
    assert cfg.countries["DE"].network.levels["EHV"].variants[1].when is not None


def test_a_threshold_may_be_zero(tmp_path):
    # "at least 1 MWh" is for a plant's own consumption, not for an eligibility threshold
    cfg = _load_with(tmp_path, "2030/countries/DE.yaml", "consumption_mwh: {above: 10000}", "consumption_mwh: {above: 0}")
    assert cfg.params["DE.network.reductions.stromnev-19-2.when.consumption_mwh.above"].value == 0
