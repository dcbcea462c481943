"""Write the JSON schemas of the config files to schema/ (run after changing the config models)."""

from pathlib import Path

from speelveld.config.schema import schema_text, schemas

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    target = ROOT / "schema"
    target.mkdir(exist_ok=True)
    for name, schema in schemas().items():
        path = target / f"{name}.schema.json"
        path.write_text(schema_text(schema), encoding="utf-8")
        print(f"wrote {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
