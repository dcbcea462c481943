"""The JSON outputs keep to their published schemas (schema/outputs/): a field added or renamed
without documenting it fails here."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from speelveld.cli import app

SCHEMAS = Path(__file__).resolve().parents[2] / "schema" / "outputs"
runner = CliRunner()


@pytest.mark.parametrize("name,args", [
    ("compare", ["compare", "--sector", "all", "--format", "json"]),
    ("compare", ["compare", "--sector", "chemie", "--year", "2029", "--format", "json"]),
    ("trend", ["trend", "--sector", "chemie", "--format", "json"]),
    ("toets", ["toets", "--scenario", "vcr-opvolger", "--format", "json"]),
    ("opties", ["opties", "--years", "2029", "--format", "json"]),
])
def test_json_output_matches_its_schema(name, args):
    r = runner.invoke(app, args)
    assert r.exit_code == 0, r.output
    schema = json.loads((SCHEMAS / f"{name}.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(json.loads(r.stdout), schema)


def test_a_schema_catches_an_undocumented_field():
    schema = json.loads((SCHEMAS / "trend.schema.json").read_text(encoding="utf-8"))
    r = runner.invoke(app, ["trend", "--sector", "chemie", "--format", "json"])
    data = json.loads(r.stdout)
    data["rows"][0]["surprise"] = 1
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema)
