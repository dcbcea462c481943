"""`speelveld new-year`: a new price year rolled forward from the latest one."""

from __future__ import annotations

import shutil

from typer.testing import CliRunner

from speelveld.cli import app
from speelveld.config.load import load_year
from speelveld.config.model import Quality
from speelveld.config.newyear import carry_note
from speelveld.core.provenance import stale_values
from tests.helpers import FIXTURE

runner = CliRunner()


def test_new_year_carries_yearly_figures_as_estimates(config_copy):
    r = runner.invoke(app, ["new-year", "2031", "--config-dir", str(config_copy)])
    assert r.exit_code == 0, r.output
    old = load_year(config_copy, 2030)
    new = load_year(config_copy, 2031)
    assert new.eu.year == 2031 and all(c.year == 2031 for c in new.countries.values())
    carried = 0
    for path, p in old.params.items():
        if ".rate_periods." in path:
            continue  # collapsed, checked below
        q = new.params[path]
        assert q.value == p.value and (q.low, q.high) == (p.low, p.high), path
        assert q.source_id == p.source_id, path
        if p.yearly and p.quality != Quality.unknown:
            assert q.quality == Quality.estimate, path
            assert q.note.startswith("Carried forward from 2030 by `speelveld new-year`"), path
            carried += 1
        else:
            assert q.quality == p.quality and q.note == p.note, path
    assert carried > 10
    # the FR accise had two periods in 2030 (20.5 in January, 22.5 from February): 2031 has one
    # period over the whole year at the rate in force on 31 December 2030
    accise = next(lv for lv in new.countries["FR"].taxes.levies if lv.id == "accise")
    assert [(p.start.isoformat(), p.end.isoformat()) for p in accise.rate_periods] == [("2031-01-01", "2031-12-31")]
    assert new.params["FR.taxes.levies.accise.rate_periods.0.rate_eur_per_mwh"].value == 22.5
    assert "FR.taxes.levies.accise.rate_periods" in r.output
    # the fixture's volumecorrectie ended in 2023: reported, not silently carried along
    assert "NL.network.reductions.volumecorrectie" in " ".join(r.output.split())


def test_new_year_stale_lists_every_carried_figure(config_copy):
    assert runner.invoke(app, ["new-year", "2031", "--config-dir", str(config_copy)]).exit_code == 0
    new = load_year(config_copy, 2031)
    stale = stale_values(new)
    listed = set(stale.filter(stale["reason"] == "estimate")["path"].to_list())
    carried = {p.path for p in new.params.values() if p.note and p.note.startswith("Carried forward")}
    assert carried and carried <= listed


def test_new_year_refuses_to_overwrite(config_copy):
    assert runner.invoke(app, ["new-year", "2031", "--config-dir", str(config_copy)]).exit_code == 0
    marker = config_copy / "2031" / "eu.yaml"
    before = marker.read_bytes()
    r = runner.invoke(app, ["new-year", "2031", "--config-dir", str(config_copy)])
    assert r.exit_code == 2
    assert "bestaat al" in r.output and "Traceback" not in r.output
    assert marker.read_bytes() == before


def test_new_year_refuses_going_back_and_unknown_source_year(config_copy):
    r = runner.invoke(app, ["new-year", "2029", "--config-dir", str(config_copy)])
    assert r.exit_code == 2 and "rolt een jaar vooruit" in r.output
    r = runner.invoke(app, ["new-year", "2031", "--from", "2020", "--config-dir", str(config_copy)])
    assert r.exit_code == 2 and "--from: geen configs voor 2020" in r.output
    assert not (config_copy / "2031").exists()


def test_new_year_refuses_a_layout_it_cannot_keep_and_writes_nothing(config_copy):
    path = config_copy / "2030" / "countries" / "DE.yaml"
    text = path.read_text()
    # the same data with its values aligned in a column ("name:      Duitsland"): valid YAML, a
    # layout the round-trip editor would rewrite
    relaid = text.replace("\nname: ", "\nname:       ", 1)
    assert relaid != text
    path.write_text(relaid)
    assert load_year(config_copy, 2030).countries["DE"] == load_year(FIXTURE, 2030).countries["DE"]
    r = runner.invoke(app, ["new-year", "2031", "--config-dir", str(config_copy)])
    assert r.exit_code == 2 and "layout" in r.output
    assert not (config_copy / "2031").exists()
    assert not list(config_copy.glob(".new-year-*"))


def test_carry_note_does_not_nest():
    once = carry_note(2030, 2031, "Published in the law.")
    twice = carry_note(2031, 2032, once)
    assert twice == (
        "Carried forward from 2030 by `speelveld new-year` (through 2031): the 2030 figure, not yet updated "
        "for 2032. 2030 note: Published in the law."
    )


def test_new_year_on_the_shipped_configs(tmp_path):
    from speelveld.config.load import default_config_dir

    target = tmp_path / "configs"
    shutil.copytree(default_config_dir(), target)
    r = runner.invoke(app, ["new-year", "2027", "--config-dir", str(target)])
    assert r.exit_code == 0, r.output
    r = runner.invoke(app, ["compare", "--sector", "chemie", "--year", "2027", "--config-dir", str(target), "--format", "json"])
    assert r.exit_code == 0, r.output
