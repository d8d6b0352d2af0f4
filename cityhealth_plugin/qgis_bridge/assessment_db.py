"""Where the assessment database of a project lives, and what the Indicators panel reads from it.

The assessment database is a GeoPackage. By default it sits next to the project file:
``<project folder>/<project name>_assessment.gpkg``; a path the user chose is saved in the
project (scope ``CityHealth``, key ``assessment_db``; relative paths are taken from the
project folder). An unsaved project uses the project's output folder
(``project_state.read_output_dir``), else there is no default and the panel asks.

Tables (``core.store.results``): ``indicator_values``, ``indicator_provenance``,
``result_<code>_<n>`` result layers, plus ``indicator_units`` (unit_type, unit_code,
unit_name) written here so that reopened results show district names.

The statistics table for the indicators is looked for in the assessment database
(``DEPT_STATS``, or a ``statistics_values`` table written by the forms), then in the data
package the assigned layers come from (its ``DEPT_STATS`` table), then among the project's
layers (a table layer named DEPT_STATS).
"""

import contextlib
import json
import re
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Tuple

import numpy as np
import pandas as pd
from qgis.core import QgsProject, QgsVectorLayer, QgsWkbTypes

from ..core.store import gpkg
from ..core.store.results import read_provenance, read_values, write_results
from . import project_state

DB_KEY = "assessment_db"
CATALOG_KEY = "catalog_overrides"
UNITS_TABLE = "indicator_units"
UNIT_COLUMNS = ("unit_type", "unit_code", "unit_name")
STATISTICS_TABLES = ("DEPT_STATS", "statistics_values")
SUFFIX = "_assessment.gpkg"


def _project(project=None):
    return project if project is not None else QgsProject.instance()


# --------------------------------------------------------------------------------------
# where
# --------------------------------------------------------------------------------------

def default_db_path(project=None) -> str:
    """<project folder>/<project name>_assessment.gpkg, or <output folder>/cityhealth_assessment.gpkg
    for an unsaved project with an output folder, else ''."""
    project = _project(project)
    if project.fileName():
        folder = Path(project.absoluteFilePath()).parent
        return str(folder / f"{project.baseName()}{SUFFIX}")
    output_dir = project_state.read_output_dir(project)
    if output_dir:
        return str(Path(output_dir) / f"cityhealth{SUFFIX}")
    return ""


def saved_db_path(project=None) -> str:
    """The path chosen by the user and saved in the project ('' when none)."""
    project = _project(project)
    value, ok = project.readEntry(project_state.SCOPE, DB_KEY, "")
    if not ok or not value:
        return ""
    path = Path(value)
    if not path.is_absolute() and project.homePath():
        path = Path(project.homePath()) / path
    return str(path)


def assessment_db_path(project=None) -> str:
    """The project's assessment database: the saved choice, else the default ('' when neither)."""
    return saved_db_path(project) or default_db_path(project)


def write_db_path(path: Optional[str], project=None) -> None:
    """Save the user's choice in the project (None or '' goes back to the default); a path inside the
    project folder is saved relative to it, so that the folder can be moved."""
    project = _project(project)
    if path:
        home = project.homePath()
        text = str(path)
        if home and Path(text).is_absolute():
            try:
                text = str(Path(text).resolve().relative_to(Path(home).resolve()))
            except ValueError:
                pass  # outside the project folder: keep it absolute
        project.writeEntry(project_state.SCOPE, DB_KEY, text)
    else:
        project.removeEntry(project_state.SCOPE, DB_KEY)


def catalog_overrides(project=None) -> List[str]:
    """The city catalog files saved in the project (applied in order)."""
    value, ok = _project(project).readEntry(project_state.SCOPE, CATALOG_KEY, "")
    return [part for part in (value or "").split(";") if part] if ok else []


def write_catalog_overrides(paths: Sequence[str], project=None) -> None:
    project = _project(project)
    if paths:
        project.writeEntry(project_state.SCOPE, CATALOG_KEY, ";".join(str(p) for p in paths))
    else:
        project.removeEntry(project_state.SCOPE, CATALOG_KEY)


# --------------------------------------------------------------------------------------
# statistics
# --------------------------------------------------------------------------------------

def _tables(path: str) -> Dict[str, str]:
    """{lower-case name: name} of the tables of a GeoPackage ({} when it is not one). Cheap: the
    panel asks often (no row counts, unlike gpkg.list_layers)."""
    if not path or not Path(path).is_file():
        return {}
    try:
        with contextlib.closing(sqlite3.connect(f"file:{Path(path).resolve()}?mode=ro", uri=True)) as con:
            rows = con.execute("SELECT table_name FROM gpkg_contents").fetchall()
    except sqlite3.Error:  # not a GeoPackage, locked, damaged: nothing to read there
        return {}
    return {row[0].lower(): row[0] for row in rows}


def _gpkg_of(layer) -> str:
    source = layer.source() if layer is not None else ""
    path = source.split("|", 1)[0]
    return path if path.lower().endswith(".gpkg") else ""


def statistics_in(path: str) -> str:
    """'<path>|layername=<table>' of the statistics table in a GeoPackage, or ''."""
    tables = _tables(path)
    for name in STATISTICS_TABLES:
        if name.lower() in tables:
            return f"{path}|layername={tables[name.lower()]}"
    return ""


def statistics_source(project=None, db_path: Optional[str] = None) -> str:
    """Where the statistics come from: a layer URI (or a project layer id), '' when none is found."""
    project = _project(project)
    found = statistics_in(db_path if db_path is not None else assessment_db_path(project))
    if found:
        return found
    packages = []
    for layer in project_state.assigned_layers(project).values():
        path = _gpkg_of(layer)
        if path and path not in packages:
            packages.append(path)
    for path in packages:
        found = statistics_in(path)
        if found:
            return found
    for layer in project.mapLayers().values():
        if isinstance(layer, QgsVectorLayer) and layer.wkbType() == QgsWkbTypes.NoGeometry and \
                layer.name().upper() in {n.upper() for n in STATISTICS_TABLES}:
            return layer.id()
    return ""


def read_statistics_table(source: str, project=None) -> Optional[pd.DataFrame]:
    """The statistics table of a source (URI '<gpkg>|layername=<table>' or a project layer id), or None."""
    if not source:
        return None
    layer = _project(project).mapLayer(source)
    if layer is None:
        path, _, rest = source.partition("|layername=")
        try:
            return gpkg.read_table(path, rest.split("|", 1)[0])
        except Exception:  # noqa: BLE001 - missing / unreadable file: no statistics
            return None
    from .layers import read_layer

    return read_layer(layer).attributes


def statistics_years(table: Optional[pd.DataFrame]) -> List[int]:
    """The years present in a statistics table."""
    if table is None or "year" not in {str(c).lower() for c in table.columns}:
        return []
    column = next(c for c in table.columns if str(c).lower() == "year")
    return sorted({int(y) for y in pd.to_numeric(table[column], errors="coerce").dropna()})


# --------------------------------------------------------------------------------------
# writing (called by cityhealth:computeindicators)
# --------------------------------------------------------------------------------------

def layer_table_name(code: str, index: int) -> str:
    """Name of the n-th result layer of an indicator (same as core.store.results)."""
    return "result_" + re.sub(r"[^0-9A-Za-z_]", "_", code) + f"_{index}"


def _write_unit_names(path: str, names: Dict[Tuple[str, str], str]) -> None:
    new = pd.DataFrame([(t, str(c), n) for (t, c), n in names.items()], columns=list(UNIT_COLUMNS))
    tables = _tables(path)
    if UNITS_TABLE in tables:
        old = gpkg.read_table(path, tables[UNITS_TABLE])
        if all(c in old.columns for c in UNIT_COLUMNS):
            keys = set(zip(new["unit_type"], new["unit_code"]))
            keep = [(t, str(c)) not in keys for t, c in zip(old["unit_type"], old["unit_code"])]
            new = pd.concat([old.loc[keep, list(UNIT_COLUMNS)], new], ignore_index=True)
    gpkg.write_table(path, UNITS_TABLE, new)


def write_assessment(path: str, results: List, year: int, unit_names: Optional[Dict] = None,
                     values: bool = True) -> List[str]:
    """Write results (values, provenance, result layers) into the GeoPackage ``path``;
    ``values=False`` writes the result layers only. Returns the tables written."""
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    if values:
        written = write_results(path, results, year, layers=True)
        if unit_names:
            _write_unit_names(path, unit_names)
            written.append(UNITS_TABLE)
        return written
    written = []
    for result in results:
        for index, layer in enumerate(result.layers.values(), start=1):
            if len(layer):
                name = layer_table_name(result.code, index)
                gpkg.write_layer(path, type(layer)(name=name, geometries=layer.geometries,
                                                   attributes=layer.attributes, fids=layer.fids, crs=layer.crs,
                                                   geometry_type=layer.geometry_type))
                written.append(name)
    return written


# --------------------------------------------------------------------------------------
# reading back (the Indicators panel)
# --------------------------------------------------------------------------------------

@dataclass
class StoredResult:
    """One indicator's result as read back from the assessment database."""

    code: str
    year: int
    status: str
    value: Optional[float]
    unit: str
    message: str = ""
    missing: List[str] = field(default_factory=list)
    per_unit: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=["unit_type", "unit_code",
                                                                                  "unit_name", "value"]))
    provenance: Dict = field(default_factory=dict)
    layer_tables: List[str] = field(default_factory=list)


def years_in(path: str) -> List[int]:
    """Years with indicator values in the database, ascending."""
    if not _tables(path):
        return []
    frame = read_values(path)
    return sorted({int(y) for y in frame["year"].dropna()}) if len(frame) else []


def unit_names(path: str) -> Dict[Tuple[str, str], str]:
    tables = _tables(path)
    if UNITS_TABLE not in tables:
        return {}
    frame = gpkg.read_table(path, tables[UNITS_TABLE])
    return {(t, str(c)): str(n or "") for t, c, n in zip(frame["unit_type"], frame["unit_code"], frame["unit_name"])}


def result_layer_tables(path: str, code: str, tables: Optional[Dict[str, str]] = None) -> List[str]:
    """The result layers of an indicator in the database (result_<code>_1, _2 …), in order."""
    prefix = layer_table_name(code, 0)[:-1]
    found = []
    for lower, name in (tables if tables is not None else _tables(path)).items():
        rest = lower[len(prefix):] if lower.startswith(prefix.lower()) else ""
        if rest.isdigit():
            found.append((int(rest), name))
    return [name for _, name in sorted(found)]


def read_results(path: str, year: int, codes: Optional[Sequence[str]] = None) -> Dict[str, StoredResult]:
    """{code: StoredResult} of one year (every code stored, or ``codes``)."""
    tables = _tables(path)
    if not tables:
        return {}
    values = read_values(path, year=year)
    if codes is not None:
        values = values[values["code"].isin(list(codes))]
    names = unit_names(path)
    out: Dict[str, StoredResult] = {}
    for code, rows in values.groupby("code", sort=False):
        city = rows[rows["unit_type"] == "city"]
        first = city.iloc[0] if len(city) else rows.iloc[0]
        value = float(first["value"]) if len(city) and pd.notna(first["value"]) else None
        units = rows[rows["unit_type"] != "city"]
        per_unit = pd.DataFrame({
            "unit_type": units["unit_type"].astype(str).to_numpy(),
            "unit_code": units["unit_code"].astype(str).to_numpy(),
            "unit_name": [names.get((t, str(c)), "") for t, c in zip(units["unit_type"], units["unit_code"])],
            "value": pd.to_numeric(units["value"], errors="coerce").to_numpy(dtype=float),
        })
        text = read_provenance(path, code, year)
        try:
            provenance = json.loads(text) if text else {}
        except ValueError:
            provenance = {}
        out[code] = StoredResult(code=code, year=int(year), status=str(first["status"] or ""), value=value,
                                 unit=str(first["unit"] or ""), message=str(provenance.get("message") or ""),
                                 missing=list(provenance.get("missing") or []), per_unit=per_unit,
                                 provenance=provenance, layer_tables=result_layer_tables(path, code, tables))
    return out


def finite(value) -> bool:
    return value is not None and bool(np.isfinite(value))
