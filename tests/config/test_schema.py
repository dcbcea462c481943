"""The committed JSON schemas match the config models, and the shipped configs satisfy them."""

import datetime as dt
import json
from pathlib import Path

import jsonschema
import pytest

from speelveld.config.load import default_config_dir
from speelveld.config.schema import FILES, schemas, shape
from speelveld.config.yamlload import load_yaml

ROOT = Path(__file__).resolve().parents[2]
SCHEMA_DIR = ROOT / "schema"


@pytest.mark.parametrize("name", sorted(FILES))
def test_committed_schema_is_current(name):
    committed = json.loads((SCHEMA_DIR / f"{name}.schema.json").read_text(encoding="utf-8"))
    generated = schemas()[name]
    assert shape(committed) == shape(generated), (
        f"schema/{name}.schema.json is stale: run `python scripts/gen_schema.py` after changing the config models"
    )


def test_shape_notices_a_new_field():
    generated = schemas()["sector"]
    edited = json.loads(json.dumps(generated))
    edited["properties"].pop("offpeak_share_pct")
    assert shape(edited) != shape(generated)


def _plain(x):
    if isinstance(x, dict):
        return {str(k): _plain(v) for k, v in x.items()}
    if isinstance(x, list):
        return [_plain(v) for v in x]
    if isinstance(x, dt.date):
        return x.isoformat()  # YAML dates are text to a JSON-schema validator
    return x


def _shipped():
    root = default_config_dir()
    yield from (("country", p) for p in sorted(root.glob("*/countries/*.yaml")))
    yield from (("sector", p) for p in sorted(root.glob("sectors/*.yaml")))
    yield from (("eu", p) for p in sorted(root.glob("*/eu.yaml")))
    yield from (("scenario", p) for p in sorted(root.glob("scenarios/*.yaml")))


def test_shipped_configs_satisfy_the_schema():
    validators = {name: jsonschema.Draft202012Validator(s) for name, s in schemas().items()}
    checked = 0
    for kind, path in _shipped():
        data, _ = load_yaml(path)
        errors = [f"{path}: {'/'.join(map(str, e.absolute_path))}: {e.message[:120]}" for e in validators[kind].iter_errors(_plain(data))]
        assert not errors, errors
        checked += 1
    assert checked >= 25


def test_schema_rejects_a_misspelt_field():
    validator = jsonschema.Draft202012Validator(schemas()["eu"])
    errors = list(validator.iter_errors({"year": 2026, "eua_price_eur_per_t": 70, "eua_forward_price_eur_per_tt": 70}))
    assert any("eua_forward_price_eur_per_tt" in e.message for e in errors)
