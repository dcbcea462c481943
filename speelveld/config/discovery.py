"""Where a config directory's files are: price-year folders, country and sector files, stray copies."""

from __future__ import annotations

import re
from pathlib import Path

from speelveld.config.yamlload import ConfigError
from speelveld.said import place, said

PACKAGE_CONFIGS = Path(__file__).resolve().parent.parent / "configs"
REPO_CONFIGS = Path(__file__).resolve().parent.parent.parent / "configs"


def default_config_dir() -> Path:
    """The configs to use when --config-dir is not given: $SPEELVELD_CONFIG_DIR if set, else the
    shipped configs (the repository's ``configs/`` or the copy inside an installed package)."""
    import os

    chosen = os.environ.get("SPEELVELD_CONFIG_DIR")
    if chosen:
        return Path(chosen)
    for candidate in (REPO_CONFIGS, PACKAGE_CONFIGS):
        if candidate.is_dir():
            return candidate
    return REPO_CONFIGS


# ------------------------------------------------------------------ discovery


PROJECTIONS = "projections"  # the folder of projection years, built by `speelveld project`


def available_years(config_dir: Path, projections: bool = False) -> list[int]:
    """The price years (folders named by the year); with ``projections`` also the projection
    years under ``projections/`` that no price year of the same number replaces."""
    if not config_dir.is_dir():
        return []
    years = {int(p.name) for p in config_dir.iterdir() if p.is_dir() and p.name.isdigit()}
    if projections:
        years |= set(projection_years(config_dir))
    return sorted(years)


def projection_years(config_dir: Path) -> list[int]:
    folder = config_dir / PROJECTIONS
    if not folder.is_dir():
        return []
    price = {int(p.name) for p in config_dir.iterdir() if p.is_dir() and p.name.isdigit()}
    return sorted(int(p.name) for p in folder.iterdir() if p.is_dir() and p.name.isdigit() and int(p.name) not in price)


def year_dir(config_dir: Path, year: int) -> Path:
    """A year's folder: the price year's own, else its projection."""
    own = config_dir / str(year)
    if own.is_dir():
        return own
    projected = config_dir / PROJECTIONS / str(year)
    return projected if projected.is_dir() else own


def is_projection(config_dir: Path, year: int) -> bool:
    return year_dir(config_dir, year).parent.name == PROJECTIONS


def stray_year_folders(config_dir: Path) -> list[str]:
    """Folders that look like a price year but are not read (``2026 kopie``, ``2025-oud``):
    a copy made to edit in, easily mistaken for the one in use."""
    if not config_dir.is_dir():
        return []
    return sorted(
        p.name for p in config_dir.iterdir()
        if p.is_dir() and not p.name.isdigit() and re.match(r"^\d{4}\D", p.name) and (p / "countries").is_dir()
    )


def _year_files(config_dir: Path, year: int) -> tuple[Path, list[Path], list[Path]]:
    if not config_dir.is_dir():
        raise ConfigError([f'{config_dir}: ' + said("config_directory_not_found")])
    folder = year_dir(config_dir, year)
    if not folder.is_dir():
        years = ", ".join(str(y) for y in available_years(config_dir, projections=True)) or said("none")
        raise ConfigError(['--year: ' + said("configs_available", year=year, folder=config_dir, years=years)])
    eu = folder / "eu.yaml"
    countries = sorted((folder / "countries").glob("*.yaml"))
    sectors: dict[str, Path] = {p.stem: p for p in sorted((config_dir / "sectors").glob("*.yaml"))}
    sectors.update({p.stem: p for p in sorted((folder / "sectors").glob("*.yaml"))})
    problems = _stray_files([folder, folder / "countries", config_dir / "sectors", folder / "sectors"])
    if not eu.is_file():
        problems.append(place(f'{eu}:1', "file") + said("missing_eu_ets_prices", year=year))
    if not countries:
        problems.append(place(f"{folder / 'countries'}:1", "file") + said("country_files_yaml"))
    if not sectors:
        problems.append(place(f"{config_dir / 'sectors'}:1", "file") + said("sector_files_yaml"))
    if problems:
        raise ConfigError(problems)
    return eu, countries, [sectors[k] for k in sorted(sectors)]


def _stray_files(folders: list[Path]) -> list[str]:
    """A config file ending in .yml (or .YAML) would be silently skipped, or, next to a .yaml
    file of the same name, be a second file for the same country or sector: both are errors."""
    problems = []
    for folder in folders:
        if not folder.is_dir():
            continue
        for p in sorted(folder.iterdir()):
            if not p.is_file() or p.suffix == ".yaml" or p.suffix.lower() not in (".yaml", ".yml"):
                continue
            twin = p.with_suffix(".yaml")
            if twin.exists():
                problems.append(place(f'{p}:1', "file") + said("second_file_next_keep", name=p.stem, file=twin.name))
            else:
                problems.append(place(f'{p}:1', "file") + said("not_read_because_config", file=twin.name))
    return problems
