"""Faults and reproducibility: killed writers, output paths, byte-identical reruns, warnings."""

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import polars as pl
import pytest
from typer.testing import CliRunner

from speelveld.cli import app
from tests.helpers import FIXTURE, assert_worded_in_dutch

runner = CliRunner()
ROOT = Path(__file__).resolve().parents[2]
DIFF = ROOT / "fixtures" / "diff"


def _wait_for(path: Path, proc: subprocess.Popen, timeout: float = 60) -> None:
    end = time.monotonic() + timeout
    while not path.exists():
        assert proc.poll() is None, proc.stderr.read() if proc.stderr else "writer exited early"
        assert time.monotonic() < end, "writer never reached the point to kill it"
        time.sleep(0.02)


KILL_MID_WRITE = """
import sys, time
from pathlib import Path
from speelveld.report.output import write_atomic

def slow(p):
    with open(p, "w") as f:
        f.write("half a file " * 1000)
        f.flush()
        Path(sys.argv[2]).touch()  # mid-write: tell the test to kill us
        time.sleep(120)

write_atomic(Path(sys.argv[1]), slow)
"""


def test_writer_killed_mid_write_leaves_the_earlier_file(tmp_path):
    target, marker = tmp_path / "result.csv", tmp_path / "marker"
    target.write_text("the earlier result\n")
    proc = subprocess.Popen([sys.executable, "-c", KILL_MID_WRITE, str(target), str(marker)], cwd=ROOT, stderr=subprocess.PIPE, text=True)
    _wait_for(marker, proc)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    assert target.read_text() == "the earlier result\n"
    leftovers = [p.name for p in tmp_path.iterdir() if p.name not in ("result.csv", "marker")]
    assert all(name.startswith(".result.csv.") and name.endswith(".tmp") for name in leftovers), leftovers


KILL_BEFORE_RENAME = """
import os, sys, time
from pathlib import Path
real_replace = os.replace
marker = Path(sys.argv[1])

def paused_replace(src, dst):
    marker.touch()  # the new workbook is complete but not yet in place
    time.sleep(120)
    real_replace(src, dst)

os.replace = paused_replace
from speelveld.cli import app
sys.argv = ["speelveld", *sys.argv[2:]]
app()
"""


def test_report_killed_before_rename_leaves_the_earlier_workbook(tmp_path):
    book, marker = tmp_path / "toets.xlsx", tmp_path / "marker"
    book.write_bytes(b"earlier workbook")
    args = ["report", "--config-dir", str(FIXTURE), "--out", str(book)]
    proc = subprocess.Popen([sys.executable, "-c", KILL_BEFORE_RENAME, str(marker), *args], cwd=ROOT, stderr=subprocess.PIPE, text=True)
    _wait_for(marker, proc)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    assert book.read_bytes() == b"earlier workbook"
    # and a run that is not killed replaces it with a complete workbook
    r = runner.invoke(app, args)
    assert r.exit_code == 0, r.output
    assert book.read_bytes()[:2] == b"PK"


def test_missing_output_directory_fails_before_any_work(tmp_path):
    r = runner.invoke(app, ["compare", "--sector", "plant", "--config-dir", str(FIXTURE), "--format", "csv", "--out", str(tmp_path / "nope" / "a.csv")])
    assert r.exit_code == 2
    assert "de map" in r.output and "bestaat niet" in r.output and "Traceback" not in r.output
    (tmp_path / "file").write_text("x")
    r = runner.invoke(app, ["report", "--config-dir", str(FIXTURE), "--out", str(tmp_path / "file" / "a.xlsx")])
    assert r.exit_code == 2 and "error:" in r.output


def test_outputs_keep_the_usual_file_mode(tmp_path):
    out = tmp_path / "a.json"
    r = runner.invoke(app, ["compare", "--sector", "plant", "--config-dir", str(FIXTURE), "--format", "json", "--out", str(out)])
    assert r.exit_code == 0, r.output
    umask = os.umask(0)
    os.umask(umask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~umask


RERUNS = [
    (["compare", "--sector", "all", "--format", "csv"], "a.csv"),
    (["compare", "--sector", "all", "--format", "json"], "a.json"),
    (["compare", "--sector", "plant", "--excel"], "a.xlsx"),
    (["explain", "--sector", "plant", "--country", "DE", "--format", "json"], "e.json"),
    (["toets", "--scenario", "duurder-de", "--format", "csv"], "t.csv"),
    (["toets", "--scenario", "duurder-de", "--format", "json"], "t.json"),
    (["sweep", "--sector", "plant", "--vary", "DE.commodity.baseload_eur_per_mwh=normal(70,5)", "--samples", "500"], "s.csv"),
    (["sweep", "--sector", "plant", "--vary", "DE.commodity.baseload_eur_per_mwh=60:80:5"], "s.parquet"),
    (["sweep", "--sector", "plant", "--vary", "DE.commodity.baseload_eur_per_mwh=60:80:5"], "s.xlsx"),
]


def _run_to(tmp_path, monkeypatch, args, name) -> bytes:
    out = tmp_path / name
    flag = "--excel" if "--excel" in args else "--out"
    cmd = [a for a in args if a != "--excel"] + ["--config-dir", str(FIXTURE), flag, str(out)]
    monkeypatch.setattr(sys, "argv", ["speelveld", *cmd])  # the manifest records the command line
    r = runner.invoke(app, cmd)
    assert r.exit_code == 0, (args, r.output)
    return out.read_bytes()


def test_reruns_are_byte_identical_and_carry_the_manifest(tmp_path, monkeypatch):
    """Every kind of output, written twice more than a second apart (one wait for all of them),
    is byte-identical, and carries the run manifest."""
    first = {name: _run_to(tmp_path, monkeypatch, args, name) for args, name in RERUNS}
    time.sleep(1.1)  # a timestamp in the output would now differ
    for args, name in RERUNS:
        assert _run_to(tmp_path, monkeypatch, args, name) == first[name], name
        out = tmp_path / name
        if name.endswith(".csv"):
            assert not first[name].startswith(b"#")  # plain CSV; the manifest is in the sidecar <name>.json
            manifest = json.loads((tmp_path / (name + ".json")).read_text(encoding="utf-8"))
            assert pl.read_csv(out).height > 0
        elif name.endswith(".json"):
            manifest = json.loads(first[name])["run"]
        elif name.endswith(".parquet"):
            manifest = json.loads(pl.read_parquet_metadata(out)["speelveld.run"])
        else:
            from openpyxl import load_workbook

            wb = load_workbook(out)
            sheet = wb["run"] if "run" in wb.sheetnames else wb[wb.sheetnames[-1]]
            from speelveld.report.labels import WORKBOOK

            machine = {word: key for key, word in WORKBOOK["nl"]["run_keys"].items()}  # the sheet's Dutch keys
            manifest = {machine.get(row[0], row[0]): row[1] for row in sheet.iter_rows(values_only=True) if row and row[0]}
        assert manifest.get("config_hash") and manifest.get("version"), name
        assert "speelveld " + args[0] in str(manifest.get("command")), name


def test_year_over_year_warning_names_the_file_line_of_a_value_in_the_file(tmp_path):
    cfg = tmp_path / "cfg"
    shutil.copytree(DIFF, cfg)
    de = cfg / "2031" / "countries" / "DE.yaml"
    lines = de.read_text(encoding="utf-8").splitlines(keepends=True)
    assert "baseload_eur_per_mwh" in lines[7]
    lines[7] = re.sub(r"baseload_eur_per_mwh: [0-9.]+", "baseload_eur_per_mwh: 800", lines[7])
    de.write_text("".join(lines), encoding="utf-8")
    r = runner.invoke(app, ["compare", "--sector", "plant", "--config-dir", str(cfg), "--lang", "en"])
    assert r.exit_code == 0
    assert "warning: 2031/countries/DE.yaml:8: DE.commodity.baseload_eur_per_mwh: 800 €/MWh is 11.4× the 2030 value 70" in r.stderr


def test_year_over_year_warning_and_strict():
    base = ["compare", "--sector", "plant", "--config-dir", str(DIFF)]
    # DE baseload 70 €/MWh in 2030; 800 in 2031 is 11.4× that: a typo or unit slip, warned
    r = runner.invoke(app, [*base, "--set", "DE.commodity.baseload_eur_per_mwh=800", "--lang", "en"])
    assert r.exit_code == 0
    # the value came from --set, so the warning names --set rather than the file line it replaced
    assert "warning: --set: DE.commodity.baseload_eur_per_mwh: 800 €/MWh is 11.4× the 2030 value 70" in r.output
    assert "(typo or unit slip?) [changes]" in r.output
    # the same warning in the report's default language; the kind stays the --strict keyword
    r = runner.invoke(app, [*base, "--set", "DE.commodity.baseload_eur_per_mwh=800"])
    assert "800 €/MWh is 11,4× de waarde van 2030 (70)" in r.output and "[changes]" in r.output
    r = runner.invoke(app, [*base, "--set", "DE.commodity.baseload_eur_per_mwh=800", "--strict", "changes"])
    assert r.exit_code == 2
    assert "error: --set: DE.commodity.baseload_eur_per_mwh" in r.output and "[--strict changes]" in r.output
    # only the kinds named fail: the same change with --strict incomplete is a warning
    r = runner.invoke(app, [*base, "--set", "DE.commodity.baseload_eur_per_mwh=800", "--strict", "incomplete"])
    assert r.exit_code == 0 and "warning:" in r.output
    r = runner.invoke(app, [*base, "--strict", "nonsense"])
    assert r.exit_code == 2 and "--strict nonsense: geef een of meer van changes, estimates, incomplete" in r.output
    # a real change within 3× is no warning; the shipped fixture itself is clean, also with --strict all
    r = runner.invoke(app, [*base, "--strict", "all"])
    assert r.exit_code == 0, r.output
    assert "warning" not in r.output


def test_estimate_in_the_totals_is_warned():
    r = runner.invoke(app, ["compare", "--sector", "plant", "--config-dir", str(FIXTURE), "--set",
                            "DE.commodity.baseload_eur_per_mwh={value: 75, quality: estimate, note: assumed}", "--lang", "en"])
    assert r.exit_code == 0
    assert "warning: DE: the totals rest on estimated lines: commodity.wholesale" in r.output
    r = runner.invoke(app, ["validate", "--config-dir", str(DIFF), "--strict", "all"])
    assert r.exit_code == 0, r.output


@pytest.mark.parametrize(
    "args, fragment",
    [
        (["compare", "--sector", "plant", "--year", "abc"], "'--year'"),
        (["compare"], "optie '--sector' ontbreekt"),
        (["compare", "--sector", "plant", "--bogus"], "onbekende optie: --bogus"),
        (["bogus"], "onbekend commando 'bogus'"),
        (["compare", "--lang", "en"], "Missing option '--sector'"),
        (["sweep", "--sector", "plant", "--vary", "eu.eua_price_eur_per_t=1,2", "--samples", "0"], "'--samples'"),
    ],
)
def test_usage_errors_are_one_line_too(args, fragment):
    """typer's own usage errors go through the same one-line `error:` format (exit 2)."""
    cmd = [sys.executable, "-c", "from speelveld.cli import main; main()", *args, "--config-dir", str(FIXTURE)] if args != ["bogus"] else [sys.executable, "-c", "from speelveld.cli import main; main()", *args]
    r = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert r.returncode == 2, r.stderr
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and fragment in lines[0], r.stderr
    assert "Traceback" not in r.stderr


def test_version_and_bare_command():
    main = [sys.executable, "-c", "from speelveld.cli import main; main()"]
    r = subprocess.run([*main, "--version"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0 and r.stdout.startswith("speelveld ")


@pytest.mark.parametrize(
    "vary, fragment",
    [
        ("sector.utilisation_hours=0,8000", "at least 1 h"),
        ("sector.utilisation_hours=8000,9000", "more than a year has"),
        ("sector.consumption_mwh=-5,10", "negative"),
        ("FR.commodity.special_access.arenh.volume_share_pct=50,500", "outside 0–100 %"),
        ("DE.commodity.baseload_eur_per_mwh=1e308,2", "implausibly large"),
        ("DE.commodity.baseload_eur_per_mwh=uniform(-10,100)", "negative"),
    ],
)
def test_sweep_values_get_the_config_checks(vary, fragment):
    args = ["sweep", "--sector", "plant", "--config-dir", str(FIXTURE), "--vary", vary, "--samples", "10"]
    r = runner.invoke(app, [*args, "--lang", "en"])
    assert r.exit_code == 2, r.output
    assert fragment in r.output and "error: --vary" in r.output
    assert_worded_in_dutch(r.output, runner.invoke(app, args).output)


def test_normal_draws_stay_inside_the_field_range(tmp_path):
    out = tmp_path / "s.parquet"
    # normal(10, 50): about 42 % of raw draws would be negative prices, which no config may hold:
    # such a specification is refused, not silently reshaped (Φ(−0.2) = 42.07 %)
    r = runner.invoke(app, ["sweep", "--sector", "plant", "--config-dir", str(FIXTURE), "--vary",
                            "DE.commodity.baseload_eur_per_mwh=normal(10,50)", "--samples", "5000", "--out", str(out), "--lang", "en"])
    assert r.exit_code == 2 and "42.1 % of the draws of normal(10,50) fall outside what the field allows (0 to 1000)" in " ".join(r.output.split())
    assert not out.exists()
    # normal(70, 25): Φ(−2.8) = 0.26 % below zero, cut to 0 and said
    r = runner.invoke(app, ["sweep", "--sector", "plant", "--config-dir", str(FIXTURE), "--vary",
                            "DE.commodity.baseload_eur_per_mwh=normal(70,25)", "--samples", "20000", "--out", str(out), "--lang", "en"])
    assert r.exit_code == 0, r.output
    drawn = pl.read_parquet(out)["DE.commodity.baseload_eur_per_mwh"]
    assert drawn.min() == 0.0 and "0.26 % of the normal draws cut" in " ".join(r.output.split())


def test_a_copied_year_folder_is_warned_about(tmp_path):
    cfg = tmp_path / "cfg"
    shutil.copytree(FIXTURE, cfg)
    shutil.copytree(cfg / "2030", cfg / "2030 kopie")
    r = runner.invoke(app, ["compare", "--sector", "plant", "--config-dir", str(cfg), "--format", "json"])
    assert r.exit_code == 0
    assert f"warning: {cfg / '2030 kopie'}: niet gelezen" in r.output


def test_the_tools_own_budget_cut_is_no_year_on_year_change():
    # a budget of 80 M€ pays the scenario's 316.8 M€ of claims at 25 %: the engine's doing, said in
    # its own warning, so --strict changes does not take it for a typo
    r = runner.invoke(app, ["compare", "--sector", "chemie", "--scenario", "ikc-uitbreiding", "--format", "csv", "--strict", "changes",
                            "--set", "NL.carbon.indirect_cost_compensation.budget_eur_per_year=80e6", "--lang", "en"])
    assert r.exit_code == 0, r.output
    assert "every claim is paid pro rata at 25 %" in r.stderr and "budget_scaling_pct" not in r.stderr


def test_a_country_missing_in_a_new_year_is_said_and_never_dropped_from_the_trend(tmp_path):
    from speelveld.config.load import default_config_dir

    cfg = tmp_path / "configs"
    shutil.copytree(default_config_dir(), cfg, ignore=shutil.ignore_patterns("projections", "2024"))
    (cfg / "2026" / "countries" / "BE.yaml").unlink()
    r = runner.invoke(app, ["compare", "--sector", "chemie", "--config-dir", str(cfg)])
    assert r.exit_code == 0 and "BE ontbreekt in 2026 maar staat in 2025" in " ".join(r.output.split())
    r = runner.invoke(app, ["compare", "--sector", "chemie", "--config-dir", str(cfg), "--strict", "countries"])
    assert r.exit_code == 2 and "[--strict countries]" in r.output
    r = runner.invoke(app, ["validate", "--config-dir", str(cfg)])
    assert r.exit_code == 2 and "BE ontbreekt in 2026" in " ".join(r.output.split())
    r = runner.invoke(app, ["trend", "--sector", "chemie", "--config-dir", str(cfg), "--format", "json"])
    assert r.exit_code == 0, r.output
    rows = json.loads(r.stdout)["rows"]
    assert {row["year"] for row in rows if row["country"] == "BE"} == {2025}


def test_a_published_file_names_no_home_directory(tmp_path, monkeypatch):
    import sys

    from speelveld.report.output import published_path

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path.parent))
    out = tmp_path / "r.json"
    monkeypatch.setattr(sys, "argv", ["speelveld", "compare", "--sector", "plant", "--config-dir", str(FIXTURE), "--format", "json", "--out", str(out)])
    r = runner.invoke(app, sys.argv[1:])
    assert r.exit_code == 0, r.output
    run = json.loads(out.read_text(encoding="utf-8"))["run"]
    assert str(tmp_path) not in run["command"] and "--out r.json" in run["command"]
    assert published_path(tmp_path.parent / "elders" / "x.xlsx") == "~/elders/x.xlsx"
