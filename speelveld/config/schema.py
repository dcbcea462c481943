"""JSON schemas of the config files, generated from the pydantic models, for editors.

The committed files under ``schema/`` give completion and checks while typing in any editor
with a YAML language server (see README, "Editing configs"). ``python scripts/gen_schema.py``
rewrites them; a test fails when they no longer match the models.
"""

from __future__ import annotations

import json

from speelveld.config.model import CountryFile, EUFile, SectorFile
from speelveld.config.scenario import ScenarioFile

FILES = {
    "country": (CountryFile, "A country's parameters for one price year: configs/<year>/countries/<CC>.yaml"),
    "sector": (SectorFile, "A sector archetype: configs/sectors/<name>.yaml"),
    "eu": (EUFile, "EU-wide figures for one price year (EUA prices): configs/<year>/eu.yaml"),
    "scenario": (ScenarioFile, "A named scenario: overrides with sources, configs/scenarios/<name>.yaml"),
}


def schemas() -> dict[str, dict]:
    out = {}
    for name, (model, description) in FILES.items():
        schema = model.model_json_schema(mode="validation")
        schema = {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": f"https://speelveld.example/schema/{name}.schema.json",
            "description": description,
            **{k: v for k, v in schema.items() if k != "description"},
        }
        out[name] = schema
    return out


def schema_text(schema: dict) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def shape(schema: dict) -> dict:
    """What an editor needs from a schema: per object, its properties, required ones and whether
    others are allowed. Compared instead of the full text, so that a new pydantic release that
    words the same schema differently does not count as stale."""
    found: dict[str, dict] = {}

    def walk(node, where: str) -> None:
        if isinstance(node, dict):
            if "properties" in node:
                found[where] = {
                    "properties": sorted(node["properties"]),
                    "required": sorted(node.get("required", [])),
                    "additionalProperties": node.get("additionalProperties", True),
                }
            for key, value in node.items():
                walk(value, f"{where}/{key}")
        elif isinstance(node, list):
            for i, value in enumerate(node):
                walk(value, f"{where}/{i}")

    walk(schema.get("$defs", {}), "$defs")
    walk({k: v for k, v in schema.items() if k != "$defs"}, "#")
    return found
