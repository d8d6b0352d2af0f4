"""A small pure-Python GeoPackage writer and reader (sqlite3 + shapely 2).

No GDAL and no QGIS: core code, the headless runner and the demo generator write and read
GeoPackages with this module, and QGIS / GDAL open the files as ordinary GeoPackages
(OGC 12-128r15, version 1.2): ``gpkg_spatial_ref_sys``, ``gpkg_contents`` (with bounds),
``gpkg_geometry_columns``, feature tables with ``fid INTEGER PRIMARY KEY AUTOINCREMENT`` and a
``geom`` BLOB in GeoPackage binary (header with envelope + ISO WKB), and the
``gpkg_rtree_index`` extension (R-tree virtual table plus the standard triggers, so that edits
made later in QGIS keep the index up to date).

Everything is vectorised: WKB comes from ``shapely.to_wkb`` on the whole array, envelopes from
``shapely.bounds``, rows go in with one ``executemany`` inside one transaction.

Public API::

    write_layer(path, layer, srs_id=None, overwrite=True, spatial_index=True, srs_wkt=None)
    write_table(path, name, df, overwrite=True)
    read_layer(path, name, columns=None) -> LayerData
    read_table(path, name) -> DataFrame
    list_layers(path) -> [(name, data_type, geometry_type_name, srs_id, count)]
    srs_of(path, name) -> int
"""

import contextlib
import os
import re
import sqlite3
import struct
import time
from pathlib import Path
from typing import Iterable, List, Optional, Sequence, Tuple

import numpy as np
import pandas as pd
import shapely

from ..i18n import tr
from ..layer_data import LayerData

APPLICATION_ID = 0x47504B47  # 'GPKG'
USER_VERSION = 10200  # GeoPackage 1.2
GEOMETRY_COLUMN = "geom"
FID_COLUMN = "fid"
RTREE_DEFINITION = "http://www.geopackage.org/spec120/#extension_rtree"

WKT_4326 = (
    'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],'
    'AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],'
    'UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AXIS["Latitude",NORTH],AXIS["Longitude",EAST],'
    'AUTHORITY["EPSG","4326"]]'
)
WKT_4490 = (
    'GEOGCS["China Geodetic Coordinate System 2000",DATUM["China_2000",SPHEROID["CGCS2000",6378137,'
    '298.257222101,AUTHORITY["EPSG","1024"]],AUTHORITY["EPSG","1043"]],PRIMEM["Greenwich",0,'
    'AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],'
    'AXIS["Latitude",NORTH],AXIS["Longitude",EAST],AUTHORITY["EPSG","4490"]]'
)


def _cgcs2000_gk3(epsg: int, central_meridian: int) -> str:
    """WKT of a CGCS2000 3-degree Gauss-Kruger CM zone without zone prefix (EPSG:4534-4554)."""
    return (
        f'PROJCS["CGCS2000 / 3-degree Gauss-Kruger CM {central_meridian}E",'
        'GEOGCS["China Geodetic Coordinate System 2000",DATUM["China_2000",SPHEROID["CGCS2000",6378137,'
        '298.257222101,AUTHORITY["EPSG","1024"]],AUTHORITY["EPSG","1043"]],PRIMEM["Greenwich",0,'
        'AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],'
        'AUTHORITY["EPSG","4490"]],PROJECTION["Transverse_Mercator"],PARAMETER["latitude_of_origin",0],'
        f'PARAMETER["central_meridian",{central_meridian}],PARAMETER["scale_factor",1],'
        'PARAMETER["false_easting",500000],PARAMETER["false_northing",0],UNIT["metre",1,AUTHORITY["EPSG","9001"]],'
        f'AXIS["Northing",NORTH],AXIS["Easting",EAST],AUTHORITY["EPSG","{epsg}"]]'
    )


# (srs_name, organization, org id, definition, description)
KNOWN_SRS = {
    -1: ("Undefined cartesian SRS", "NONE", -1, "undefined", "undefined cartesian coordinate reference system"),
    0: ("Undefined geographic SRS", "NONE", 0, "undefined", "undefined geographic coordinate reference system"),
    4326: ("WGS 84 geodetic", "EPSG", 4326, WKT_4326, "longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid"),
    4490: ("China Geodetic Coordinate System 2000", "EPSG", 4490, WKT_4490, "CGCS2000 geographic"),
}
# EPSG:4534 (CM 75E) ... EPSG:4554 (CM 135E): CGCS2000 3-degree Gauss-Kruger CM zones.
for _index, _cm in enumerate(range(75, 136, 3)):
    _epsg = 4534 + _index
    KNOWN_SRS[_epsg] = (f"CGCS2000 / 3-degree Gauss-Kruger CM {_cm}E", "EPSG", _epsg, _cgcs2000_gk3(_epsg, _cm),
                        f"CGCS2000 3-degree Gauss-Kruger, central meridian {_cm}E, no zone prefix")

_GEOMETRY_NAMES = {
    "point": "POINT", "line": "MULTILINESTRING", "polygon": "MULTIPOLYGON",
}
_GEOMETRY_KIND = {
    "POINT": "point", "MULTIPOINT": "point", "LINESTRING": "line", "MULTILINESTRING": "line",
    "POLYGON": "polygon", "MULTIPOLYGON": "polygon", "CURVEPOLYGON": "polygon", "MULTISURFACE": "polygon",
    "COMPOUNDCURVE": "line", "CIRCULARSTRING": "line", "MULTICURVE": "line",
}
# bytes of envelope by the envelope-contents indicator (flags bits 1-3)
_ENVELOPE_BYTES = np.array([0, 32, 48, 48, 64, 0, 0, 0], dtype=np.int64)

_CORE_TABLES = """
CREATE TABLE IF NOT EXISTS gpkg_spatial_ref_sys (
  srs_name TEXT NOT NULL, srs_id INTEGER NOT NULL PRIMARY KEY, organization TEXT NOT NULL,
  organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
CREATE TABLE IF NOT EXISTS gpkg_contents (
  table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE,
  description TEXT DEFAULT '', last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,
  CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));
CREATE TABLE IF NOT EXISTS gpkg_geometry_columns (
  table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL,
  srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,
  CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
  CONSTRAINT uk_gc_table_name UNIQUE (table_name),
  CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
  CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id));
CREATE TABLE IF NOT EXISTS gpkg_extensions (
  table_name TEXT, column_name TEXT, extension_name TEXT NOT NULL, definition TEXT NOT NULL,
  scope TEXT NOT NULL, CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name));
"""

# The gpkg_rtree_index triggers of GeoPackage 1.2/1.3 (Annex F.3). {t} table, {c} geometry
# column, {i} primary key; identifiers are inserted already quoted where needed.
_RTREE_TRIGGERS = (
    """CREATE TRIGGER "rtree_{tn}_{cn}_insert" AFTER INSERT ON {t}
WHEN (new.{c} NOT NULL AND NOT ST_IsEmpty(NEW.{c}))
BEGIN
  INSERT OR REPLACE INTO {r} VALUES (NEW.{i}, ST_MinX(NEW.{c}), ST_MaxX(NEW.{c}), ST_MinY(NEW.{c}), ST_MaxY(NEW.{c}));
END""",
    """CREATE TRIGGER "rtree_{tn}_{cn}_update1" AFTER UPDATE OF {c} ON {t}
WHEN OLD.{i} = NEW.{i} AND (NEW.{c} NOTNULL AND NOT ST_IsEmpty(NEW.{c}))
BEGIN
  INSERT OR REPLACE INTO {r} VALUES (NEW.{i}, ST_MinX(NEW.{c}), ST_MaxX(NEW.{c}), ST_MinY(NEW.{c}), ST_MaxY(NEW.{c}));
END""",
    """CREATE TRIGGER "rtree_{tn}_{cn}_update2" AFTER UPDATE OF {c} ON {t}
WHEN OLD.{i} = NEW.{i} AND (NEW.{c} ISNULL OR ST_IsEmpty(NEW.{c}))
BEGIN
  DELETE FROM {r} WHERE id = OLD.{i};
END""",
    """CREATE TRIGGER "rtree_{tn}_{cn}_update3" AFTER UPDATE ON {t}
WHEN OLD.{i} != NEW.{i} AND (NEW.{c} NOTNULL AND NOT ST_IsEmpty(NEW.{c}))
BEGIN
  DELETE FROM {r} WHERE id = OLD.{i};
  INSERT OR REPLACE INTO {r} VALUES (NEW.{i}, ST_MinX(NEW.{c}), ST_MaxX(NEW.{c}), ST_MinY(NEW.{c}), ST_MaxY(NEW.{c}));
END""",
    """CREATE TRIGGER "rtree_{tn}_{cn}_update4" AFTER UPDATE ON {t}
WHEN OLD.{i} != NEW.{i} AND (NEW.{c} ISNULL OR ST_IsEmpty(NEW.{c}))
BEGIN
  DELETE FROM {r} WHERE id IN (OLD.{i}, NEW.{i});
END""",
    """CREATE TRIGGER "rtree_{tn}_{cn}_delete" AFTER DELETE ON {t}
WHEN old.{c} NOT NULL
BEGIN
  DELETE FROM {r} WHERE id = OLD.{i};
END""",
)


def _quote(identifier: str) -> str:
    return '"' + str(identifier).replace('"', '""') + '"'


def _timestamp() -> str:
    """ISO timestamp for gpkg_contents; SOURCE_DATE_EPOCH makes files reproducible."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    seconds = float(epoch) if epoch else time.time()
    return time.strftime("%Y-%m-%dT%H:%M:%S.000Z", time.gmtime(seconds))


# ---------------------------------------------------------------- GeoPackage binary
def _header_flags(blob: bytes) -> Tuple[int, int]:
    flags = blob[3]
    return flags, 8 + int(_ENVELOPE_BYTES[(flags >> 1) & 7])


def _st_envelope(blob):
    """Envelope of a GeoPackage geometry blob (Python side of ST_MinX … for the triggers)."""
    if blob is None or len(blob) < 8:
        return None
    flags, start = _header_flags(blob)
    if flags & 0x10:
        return None
    if (flags >> 1) & 7:
        order = "<" if flags & 1 else ">"
        return struct.unpack(order + "4d", blob[8:40])
    geometry = shapely.from_wkb(bytes(blob[start:]))
    if geometry is None or geometry.is_empty:
        return None
    minx, miny, maxx, maxy = shapely.bounds(geometry)
    return minx, maxx, miny, maxy


def _st_is_empty(blob):
    if blob is None:
        return None
    if len(blob) < 8:
        return 1
    flags, start = _header_flags(blob)
    if flags & 0x10:
        return 1
    geometry = shapely.from_wkb(bytes(blob[start:]))
    return int(geometry is None or geometry.is_empty)


def _register_functions(con: sqlite3.Connection) -> None:
    """The SQL functions the R-tree triggers call, so that inserts through this module also work."""
    def pick(index):
        def function(blob):
            envelope = _st_envelope(blob)
            return None if envelope is None else envelope[index]
        return function

    con.create_function("ST_MinX", 1, pick(0), deterministic=True)
    con.create_function("ST_MaxX", 1, pick(1), deterministic=True)
    con.create_function("ST_MinY", 1, pick(2), deterministic=True)
    con.create_function("ST_MaxY", 1, pick(3), deterministic=True)
    con.create_function("ST_IsEmpty", 1, _st_is_empty, deterministic=True)


def encode_geometries(geometries: np.ndarray, srs_id: int, wrap: Optional[np.ndarray] = None,
                      multi_type: str = "") -> Tuple[List[Optional[bytes]], np.ndarray]:
    """GeoPackage binary blobs (header with xy envelope + ISO WKB) and the (n, 4) bounds.

    Points get no envelope (as GDAL writes them); empty geometries carry the empty flag; a
    missing geometry gives ``None`` (SQL NULL).
    """
    geometries = np.asarray(geometries, dtype=object)
    count = len(geometries)
    missing = shapely.is_missing(geometries)
    empty = shapely.is_empty(geometries) & ~missing
    bounds = shapely.bounds(geometries)  # NaN for empty / missing
    wkb = shapely.to_wkb(geometries, output_dimension=2, byte_order=1, flavor="iso")
    is_point = shapely.get_type_id(geometries) == 0
    with_envelope = ~(missing | empty | is_point)

    header = np.zeros(count, dtype=[("magic", "S2"), ("version", "u1"), ("flags", "u1"), ("srs", "<i4")])
    header["magic"] = b"GP"
    header["flags"] = 1 | np.where(with_envelope, 2, 0) | np.where(empty, 0x10, 0)
    header["srs"] = srs_id
    header_bytes = header.tobytes()
    envelope = np.ascontiguousarray(bounds[:, [0, 2, 1, 3]], dtype="<f8").tobytes()
    if wrap is not None and wrap.any():  # single geometries written as one-part multi geometries
        code = _MULTI_CODES[multi_type]
        prefix = struct.pack("<BII", 1, code, 1)
        empty_multi = struct.pack("<BII", 1, code, 0)
        for row in np.flatnonzero(wrap):
            wkb[row] = empty_multi if empty[row] else prefix + wkb[row]
    blobs: List[Optional[bytes]] = [None] * count
    for row in range(count):
        data = wkb[row]
        if data is None:
            continue
        if with_envelope[row]:
            blobs[row] = header_bytes[row * 8:row * 8 + 8] + envelope[row * 32:row * 32 + 32] + data
        else:
            blobs[row] = header_bytes[row * 8:row * 8 + 8] + data
    return blobs, bounds


def decode_geometries(blobs: Sequence[Optional[bytes]]) -> np.ndarray:
    """shapely geometries from GeoPackage binary blobs (``None`` stays missing)."""
    count = len(blobs)
    if count == 0:
        return np.empty(0, dtype=object)
    present = np.fromiter((b is not None and len(b) >= 8 for b in blobs), dtype=bool, count=count)
    flags = np.zeros(count, dtype=np.int64)
    flags[present] = np.fromiter((blobs[i][3] for i in np.flatnonzero(present)), dtype=np.int64)
    start = 8 + _ENVELOPE_BYTES[(flags >> 1) & 7]
    wkb = np.empty(count, dtype=object)
    rows = np.flatnonzero(present)
    wkb[rows] = [bytes(blobs[i][start[i]:]) for i in rows]
    geometries = np.empty(count, dtype=object)
    if len(rows):
        geometries[rows] = shapely.from_wkb(wkb[rows], on_invalid="warn")
    return geometries


# ---------------------------------------------------------------- helpers
def _connect(path) -> sqlite3.Connection:
    con = sqlite3.connect(str(path), isolation_level=None)
    con.execute("PRAGMA cache_size = -262144")  # 256 MB page cache: R-tree inserts stay in memory
    _register_functions(con)
    return con


def _ensure_gpkg(con: sqlite3.Connection, path) -> None:
    application_id = con.execute("PRAGMA application_id").fetchone()[0]
    tables = {row[0] for row in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if application_id not in (0, APPLICATION_ID) and "gpkg_contents" not in tables:
        raise ValueError(tr("{path} is an SQLite database but not a GeoPackage: choose another output file.").format(
            path=path))
    if application_id == 0:
        con.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        con.execute(f"PRAGMA user_version = {USER_VERSION}")
    for statement in _CORE_TABLES.split(";"):
        if statement.strip():
            con.execute(statement)
    for srs_id in (-1, 0, 4326):
        _ensure_srs(con, srs_id)


def _ensure_srs(con: sqlite3.Connection, srs_id: int, srs_wkt: Optional[str] = None) -> None:
    if con.execute("SELECT 1 FROM gpkg_spatial_ref_sys WHERE srs_id = ?", (srs_id,)).fetchone():
        return
    if srs_id in KNOWN_SRS:
        name, organization, org_id, definition, description = KNOWN_SRS[srs_id]
    elif srs_wkt:
        match = re.search(r'PROJCS\["([^"]+)"|GEOGCS\["([^"]+)"', srs_wkt)
        name = next((g for g in match.groups() if g), f"EPSG:{srs_id}") if match else f"EPSG:{srs_id}"
        organization, org_id, definition, description = "EPSG", srs_id, srs_wkt, ""
    else:
        raise ValueError(tr("No WKT definition is known for EPSG:{code}: pass its WKT (srs_wkt) or reproject "
                            "the layer to EPSG:4548.").format(code=srs_id))
    con.execute("INSERT INTO gpkg_spatial_ref_sys VALUES (?, ?, ?, ?, ?, ?)",
                (name, srs_id, organization, org_id, definition, description))


def _drop_table(con: sqlite3.Connection, name: str) -> None:
    geometry = con.execute("SELECT column_name FROM gpkg_geometry_columns WHERE table_name = ?", (name,)).fetchone()
    if geometry:
        con.execute(f"DROP TABLE IF EXISTS {_quote(f'rtree_{name}_{geometry[0]}')}")
    con.execute(f"DROP TABLE IF EXISTS {_quote(name)}")
    for meta in ("gpkg_geometry_columns", "gpkg_extensions", "gpkg_contents", "gpkg_ogr_contents", "gpkg_data_columns"):
        if con.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name=?", (meta,)).fetchone():
            con.execute(f"DELETE FROM {meta} WHERE lower(table_name) = lower(?)", (name,))


def _table_exists(con: sqlite3.Connection, name: str) -> bool:
    return con.execute("SELECT 1 FROM sqlite_master WHERE lower(name) = lower(?)", (name,)).fetchone() is not None


def _column_plan(df: pd.DataFrame) -> List[Tuple[str, str, str]]:
    """(source column, written name, SQL type) for each attribute column."""
    plan, used = [], {FID_COLUMN, GEOMETRY_COLUMN}
    for column in df.columns:
        series = df[column]
        dtype = series.dtype
        if pd.api.types.is_bool_dtype(dtype):
            sql = "BOOLEAN"
        elif pd.api.types.is_integer_dtype(dtype):
            sql = "INTEGER"
        elif pd.api.types.is_float_dtype(dtype):
            sql = "REAL"
        elif pd.api.types.is_datetime64_any_dtype(dtype):
            sql = "DATETIME"
        else:
            sql = "TEXT"
        name = str(column)
        while name.lower() in used:
            name += "_1"
        used.add(name.lower())
        plan.append((column, name, sql))
    return plan


def _column_values(series: pd.Series, sql: str) -> list:
    """A column as Python values with None for missing values."""
    missing = series.isna().to_numpy()
    if sql == "INTEGER":
        values = series.to_numpy(dtype=object, na_value=None) if missing.any() else series.astype("int64").tolist()
        return [None if v is None else int(v) for v in values] if missing.any() else values
    if sql == "REAL":
        values = series.to_numpy(dtype="float64", na_value=np.nan)
        out = values.tolist()
        if missing.any():
            for row in np.flatnonzero(missing):
                out[row] = None
        return out
    if sql == "BOOLEAN":
        return [None if m else int(bool(v)) for v, m in zip(series.tolist(), missing)]
    if sql == "DATETIME":
        text = pd.to_datetime(series).dt.strftime("%Y-%m-%dT%H:%M:%S.%fZ")
        return [None if m else v for v, m in zip(text.tolist(), missing)]
    values = series.tolist()
    return [None if m else (v if isinstance(v, str) else str(v)) for v, m in zip(values, missing)]


_MULTI_CODES = {"MULTIPOINT": 4, "MULTILINESTRING": 5, "MULTIPOLYGON": 6}


def _promote(geometries: np.ndarray, kind: str) -> Tuple[np.ndarray, str, np.ndarray]:
    """The layer's GeoPackage type name and which single geometries must be written as multi ones.

    Promotion happens in the WKB (a one-part multi header before the single WKB), not by building
    shapely collections: that is several times faster on 300k polygons.
    """
    geometries = np.asarray(geometries, dtype=object)
    type_ids = shapely.get_type_id(geometries)  # -1 for missing
    present = type_ids >= 0
    if kind not in _GEOMETRY_NAMES:
        found = set(type_ids[present].tolist())
        kind = "point" if found <= {0, 4} else "line" if found <= {1, 2, 5} else "polygon" if found <= {3, 6} else "mixed"
    none = np.zeros(len(geometries), dtype=bool)
    if kind == "mixed":
        return geometries, "GEOMETRY", none
    if kind == "point":
        if not np.any(type_ids == 4):
            return geometries, "POINT", none
        return geometries, "MULTIPOINT", type_ids == 0
    if kind == "line":
        return geometries, "MULTILINESTRING", type_ids == 1
    return geometries, "MULTIPOLYGON", type_ids == 3


def _srs_from_layer(layer: LayerData) -> int:
    crs = (layer.crs or "").strip()
    if not crs:
        return 4548
    match = re.fullmatch(r"(?i)EPSG:(\d+)", crs)
    if match:
        return int(match.group(1))
    raise ValueError(tr("Layer '{layer}' has CRS '{crs}' without an EPSG code; pass srs_id and srs_wkt.").format(
        layer=layer.name, crs=crs[:60]))


def _fids(layer: LayerData) -> np.ndarray:
    fids = np.asarray(layer.fids)
    count = len(layer)
    if count and np.issubdtype(fids.dtype, np.integer) and fids.min() > 0 and len(np.unique(fids)) == count:
        return fids.astype(np.int64)
    return np.arange(1, count + 1, dtype=np.int64)


# ---------------------------------------------------------------- public API
def write_layer(path, layer: LayerData, srs_id: Optional[int] = None, overwrite: bool = True,
                spatial_index: bool = True, srs_wkt: Optional[str] = None) -> None:
    """Write ``layer`` as the feature table ``layer.name`` of the GeoPackage at ``path``.

    ``srs_id`` defaults to the layer's ``EPSG:n`` CRS, else 4548 (CGCS2000 / 3-degree GK CM
    117E). Polygons are written as MULTIPOLYGON, lines as MULTILINESTRING, points as POINT.
    An existing table of that name is replaced when ``overwrite`` (else ValueError).
    """
    if layer.geometry_type == "none":
        write_table(path, layer.name, layer.attributes, overwrite=overwrite)
        return
    if srs_id is None:
        srs_id = _srs_from_layer(layer)
    name = layer.name
    geometries, type_name, wrap = _promote(layer.geometries, layer.geometry_type)
    blobs, bounds = encode_geometries(geometries, srs_id, wrap, type_name)
    fids = _fids(layer)
    plan = _column_plan(layer.attributes)
    columns = [_column_values(layer.attributes[src], sql) for src, _, sql in plan]
    rows = list(zip(fids.tolist(), blobs, *columns))
    valid = ~np.isnan(bounds[:, 0])
    extent = (bounds[valid, 0].min(), bounds[valid, 1].min(), bounds[valid, 2].max(), bounds[valid, 3].max()) \
        if valid.any() else (None, None, None, None)

    with contextlib.closing(_connect(path)) as con:
        con.execute("PRAGMA synchronous = OFF")
        con.execute("BEGIN")
        try:
            _ensure_gpkg(con, path)
            _ensure_srs(con, srs_id, srs_wkt)
            if _table_exists(con, name):
                if not overwrite:
                    raise ValueError(tr("Layer '{layer}' already exists in {path}: allow overwriting or choose another name.").format(layer=name, path=path))
                _drop_table(con, name)
            t = _quote(name)
            definitions = [f"{_quote(FID_COLUMN)} INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL",
                           f"{_quote(GEOMETRY_COLUMN)} {type_name}"]
            definitions += [f"{_quote(written)} {sql}" for _, written, sql in plan]
            con.execute(f"CREATE TABLE {t} ({', '.join(definitions)})")
            con.execute("INSERT INTO gpkg_contents (table_name, data_type, identifier, description, last_change, "
                        "min_x, min_y, max_x, max_y, srs_id) VALUES (?, 'features', ?, '', ?, ?, ?, ?, ?, ?)",
                        (name, name, _timestamp(), *[None if v is None else float(v) for v in extent], srs_id))
            con.execute("INSERT INTO gpkg_geometry_columns VALUES (?, ?, ?, ?, 0, 0)",
                        (name, GEOMETRY_COLUMN, type_name, srs_id))
            placeholders = ", ".join("?" * (2 + len(plan)))
            names = ", ".join([_quote(FID_COLUMN), _quote(GEOMETRY_COLUMN)] + [_quote(w) for _, w, _ in plan])
            con.executemany(f"INSERT INTO {t} ({names}) VALUES ({placeholders})", rows)
            if spatial_index:
                _create_rtree(con, name, fids, bounds)
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise


def _create_rtree(con: sqlite3.Connection, name: str, fids: np.ndarray, bounds: np.ndarray) -> None:
    rtree = f"rtree_{name}_{GEOMETRY_COLUMN}"
    r = _quote(rtree)
    con.execute(f"CREATE VIRTUAL TABLE {r} USING rtree(id, minx, maxx, miny, maxy)")
    valid = ~np.isnan(bounds[:, 0])
    node_size = con.execute(f"SELECT length(data) FROM {_quote(rtree + '_node')} WHERE nodeno = 1").fetchone()[0]
    if valid.sum() > (node_size - 4) // 24:
        _bulk_load_rtree(con, rtree, node_size, fids[valid], bounds[valid])
    else:
        entries = zip(fids[valid].tolist(), bounds[valid, 0].tolist(), bounds[valid, 2].tolist(),
                      bounds[valid, 1].tolist(), bounds[valid, 3].tolist())
        con.executemany(f"INSERT INTO {r} VALUES (?, ?, ?, ?, ?)", entries)
    con.execute("INSERT INTO gpkg_extensions VALUES (?, ?, 'gpkg_rtree_index', ?, 'write-only')",
                (name, GEOMETRY_COLUMN, RTREE_DEFINITION))
    quoted_name = name.replace('"', '""')
    for template in _RTREE_TRIGGERS:
        con.execute(template.format(t=_quote(name), c=_quote(GEOMETRY_COLUMN), i=_quote(FID_COLUMN), r=r,
                                    tn=quoted_name, cn=GEOMETRY_COLUMN))


def _f32(values: np.ndarray, down: bool) -> np.ndarray:
    """float32 that does not cut into the box: rounded down for minima, up for maxima (as SQLite does)."""
    out = values.astype(np.float32)
    if down:
        wrong = out.astype(np.float64) > values
        out[wrong] = np.nextafter(out[wrong], np.float32(-np.inf))
    else:
        wrong = out.astype(np.float64) < values
        out[wrong] = np.nextafter(out[wrong], np.float32(np.inf))
    return out


def _bulk_load_rtree(con: sqlite3.Connection, rtree: str, node_size: int, ids: np.ndarray,
                     bounds: np.ndarray) -> None:
    """Fill an empty SQLite R*Tree by Sort-Tile-Recursive packing, writing its shadow tables directly.

    Node format of SQLite's rtree module: 2 bytes tree depth (root only), 2 bytes cell count, then
    cells of an 8-byte id and four float32 (minx, maxx, miny, maxy), all big-endian, padded to
    ``node_size``. ``<name>_rowid`` maps each entry to its leaf, ``<name>_parent`` each node to its
    parent; node 1 is the root. Inserting 300k boxes one by one costs seconds, packing a fraction.
    """
    capacity = (node_size - 4) // 24
    cell = np.dtype([("id", ">i8"), ("box", ">f4", (4,))])
    entry_id = ids.astype(np.int64)
    box = np.column_stack([_f32(bounds[:, 0], True), _f32(bounds[:, 2], False),
                           _f32(bounds[:, 1], True), _f32(bounds[:, 3], False)])
    levels = []  # per level: (node count, node of each entry, entry refs, entry boxes)
    ref = entry_id  # leaves: feature ids; upper levels: index of the child node in the level below
    while True:
        count = len(ref)
        n_nodes = -(-count // capacity)
        group = np.zeros(count, dtype=np.int64)
        if n_nodes > 1:
            slices = int(np.ceil(np.sqrt(n_nodes)))
            cx = (box[:, 0].astype(np.float64) + box[:, 1]) / 2
            cy = (box[:, 2].astype(np.float64) + box[:, 3]) / 2
            by_x = np.argsort(cx, kind="stable")
            slice_of = np.empty(count, dtype=np.int64)
            slice_of[by_x] = np.arange(count) // (slices * capacity)
            order = np.lexsort((cy, slice_of))
            ref, box, slice_sorted = ref[order], box[order], slice_of[order]
            rank = np.arange(count) - np.searchsorted(slice_sorted, slice_sorted)  # nodes never straddle slices
            per_slice = rank // capacity
            starts = np.r_[0, np.flatnonzero(np.diff(slice_sorted) | np.diff(per_slice)) + 1]
            group = np.repeat(np.arange(len(starts)), np.diff(np.r_[starts, count]))
            n_nodes = len(starts)
        levels.append((n_nodes, group, ref, box))
        if n_nodes == 1:
            break
        starts = np.r_[0, np.flatnonzero(np.diff(group)) + 1]
        box = np.column_stack([np.minimum.reduceat(box[:, 0], starts), np.maximum.reduceat(box[:, 1], starts),
                               np.minimum.reduceat(box[:, 2], starts), np.maximum.reduceat(box[:, 3], starts)])
        ref = np.arange(n_nodes)
    # node numbers: the root is 1, the others follow level by level from the top
    numbers = [None] * len(levels)
    next_number = 2
    for level in range(len(levels) - 1, -1, -1):
        n_nodes = levels[level][0]
        if level == len(levels) - 1:
            numbers[level] = np.array([1])
        else:
            numbers[level] = np.arange(next_number, next_number + n_nodes)
            next_number += n_nodes
    node_rows, rowid_rows, parent_rows = [], [], []
    depth = len(levels) - 1
    for level, (n_nodes, group, refs, boxes) in enumerate(levels):
        ids_here = refs if level == 0 else numbers[level - 1][refs]
        cells = np.zeros(len(ids_here), dtype=cell)
        cells["id"] = ids_here
        cells["box"] = boxes
        raw = np.zeros((n_nodes, node_size), dtype=np.uint8)
        counts = np.bincount(group, minlength=n_nodes)
        slot = np.arange(len(group)) - np.searchsorted(group, group)
        cell_bytes = cells.view(np.uint8).reshape(len(cells), 24)
        columns = (4 + slot * 24)[:, None] + np.arange(24)[None, :]
        raw[group[:, None], columns] = cell_bytes
        raw[:, 2] = counts >> 8
        raw[:, 3] = counts & 0xFF
        if level == len(levels) - 1:
            raw[0, 0], raw[0, 1] = depth >> 8, depth & 0xFF
        node_numbers = numbers[level]
        node_rows.extend(zip(node_numbers.tolist(), [bytes(row) for row in raw]))
        if level == 0:
            rowid_rows = list(zip(ids_here.tolist(), node_numbers[group].tolist()))
        else:
            parent_rows.extend(zip(ids_here.tolist(), node_numbers[group].tolist()))
    con.execute(f"DELETE FROM {_quote(rtree + '_node')}")
    con.executemany(f"INSERT INTO {_quote(rtree + '_node')} (nodeno, data) VALUES (?, ?)", node_rows)
    con.executemany(f"INSERT INTO {_quote(rtree + '_rowid')} (rowid, nodeno) VALUES (?, ?)", rowid_rows)
    con.executemany(f"INSERT INTO {_quote(rtree + '_parent')} (nodeno, parentnode) VALUES (?, ?)", parent_rows)


def write_table(path, name: str, df: pd.DataFrame, overwrite: bool = True) -> None:
    """Write ``df`` as an attributes-only table (``data_type`` 'attributes')."""
    plan = _column_plan(df)
    columns = [_column_values(df[src], sql) for src, _, sql in plan]
    rows = list(zip(range(1, len(df) + 1), *columns))
    with contextlib.closing(_connect(path)) as con:
        con.execute("PRAGMA synchronous = OFF")
        con.execute("BEGIN")
        try:
            _ensure_gpkg(con, path)
            if _table_exists(con, name):
                if not overwrite:
                    raise ValueError(tr("Table '{layer}' already exists in {path}: allow overwriting or choose another name.").format(layer=name, path=path))
                _drop_table(con, name)
            definitions = [f"{_quote(FID_COLUMN)} INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL"]
            definitions += [f"{_quote(written)} {sql}" for _, written, sql in plan]
            con.execute(f"CREATE TABLE {_quote(name)} ({', '.join(definitions)})")
            con.execute("INSERT INTO gpkg_contents (table_name, data_type, identifier, description, last_change) "
                        "VALUES (?, 'attributes', ?, '', ?)", (name, name, _timestamp()))
            placeholders = ", ".join("?" * (1 + len(plan)))
            names = ", ".join([_quote(FID_COLUMN)] + [_quote(w) for _, w, _ in plan])
            con.executemany(f"INSERT INTO {_quote(name)} ({names}) VALUES ({placeholders})", rows)
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise


def _open_existing(path) -> sqlite3.Connection:
    if not Path(path).is_file():
        raise FileNotFoundError(tr("GeoPackage not found: {path}. Check the file path.").format(path=path))
    con = sqlite3.connect(f"file:{Path(path).resolve()}?mode=ro", uri=True)
    tables = {row[0] for row in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if "gpkg_contents" not in tables:
        con.close()
        raise ValueError(tr("{path} is not a GeoPackage (it has no gpkg_contents table): open a .gpkg file.").format(path=path))
    return con


def _table_columns(con, name: str) -> List[Tuple[str, str, int]]:
    """(name, declared type, is primary key) of a table's columns."""
    return [(row[1], (row[2] or "").upper(), row[5]) for row in con.execute(f"PRAGMA table_info({_quote(name)})")]


def _contents_row(con, name: str):
    row = con.execute("SELECT table_name, data_type, srs_id FROM gpkg_contents WHERE lower(table_name) = lower(?)",
                      (name,)).fetchone()
    if row is None:
        known = [r[0] for r in con.execute("SELECT table_name FROM gpkg_contents ORDER BY table_name")]
        raise KeyError(tr("Layer '{layer}' is not in the GeoPackage (it has: {names}).").format(
            layer=name, names=", ".join(known)))
    return row


def _frame(rows: list, names: List[str], types: List[str]) -> pd.DataFrame:
    data = {}
    for index, (column, declared) in enumerate(zip(names, types)):
        values = [row[index] for row in rows]
        if declared in ("INTEGER", "INT", "MEDIUMINT", "SMALLINT", "TINYINT"):
            if any(v is None for v in values):
                data[column] = pd.array(values, dtype="Int64")
            else:
                data[column] = np.array(values, dtype=np.int64)
        elif declared in ("REAL", "DOUBLE", "FLOAT"):
            data[column] = np.array([np.nan if v is None else v for v in values], dtype=np.float64)
        elif declared == "BOOLEAN":
            data[column] = pd.array([None if v is None else bool(v) for v in values], dtype="boolean")
        else:
            data[column] = pd.Series(values, dtype=object)
    frame = pd.DataFrame(data, columns=names)
    frame.index = pd.RangeIndex(len(rows))
    return frame


def read_layer(path, name: str, columns: Optional[Iterable[str]] = None) -> LayerData:
    """A feature table as ``LayerData`` (geometries parsed with one ``shapely.from_wkb`` call)."""
    with contextlib.closing(_open_existing(path)) as con:
        table, data_type, srs_id = _contents_row(con, name)
        geometry_row = con.execute(
            "SELECT column_name, geometry_type_name FROM gpkg_geometry_columns WHERE lower(table_name) = lower(?)",
            (table,)).fetchone()
        table_columns = _table_columns(con, table)
        pk = next((c[0] for c in table_columns if c[2]), None)
        geometry_column = geometry_row[0] if geometry_row else None
        attributes = [c for c in table_columns if c[0] not in (pk, geometry_column)]
        if columns is not None:
            wanted = {str(c).lower() for c in columns}
            attributes = [c for c in attributes if c[0].lower() in wanted]
        selected = [pk or "rowid", geometry_column] if geometry_column else [pk or "rowid"]
        sql = f"SELECT {', '.join(_quote(c) for c in selected + [a[0] for a in attributes])} FROM {_quote(table)} " \
              f"ORDER BY {_quote(pk or 'rowid')}"
        rows = con.execute(sql).fetchall()
        organization = con.execute("SELECT organization, organization_coordsys_id, definition FROM "
                                   "gpkg_spatial_ref_sys WHERE srs_id = ?", (srs_id,)).fetchone()
    fids = np.array([row[0] for row in rows], dtype=np.int64)
    offset = 2 if geometry_column else 1
    if geometry_column:
        geometries = decode_geometries([row[1] for row in rows])
        kind = _GEOMETRY_KIND.get((geometry_row[1] or "").upper())
        if kind is None:
            type_ids = set(shapely.get_type_id(geometries[~shapely.is_missing(geometries)]).tolist())
            kind = "point" if type_ids <= {0, 4} else "line" if type_ids <= {1, 5} else "polygon"
    else:
        geometries, kind = np.full(len(rows), None, dtype=object), "none"
    frame = _frame([row[offset:] for row in rows], [a[0] for a in attributes], [a[1] for a in attributes])
    if organization is None or srs_id in (None, -1, 0):
        crs = ""
    elif organization[0].upper() == "EPSG":
        crs = f"EPSG:{organization[1]}"
    else:
        crs = organization[2]
    return LayerData(name=table, geometries=geometries, attributes=frame, fids=fids, crs=crs,
                     geometry_type=kind, source=f"{path}|layername={table}")


def read_table(path, name: str) -> pd.DataFrame:
    """An attributes table (or the attributes of a feature table) as a DataFrame, without fid."""
    with contextlib.closing(_open_existing(path)) as con:
        table = _contents_row(con, name)[0]
        geometry = con.execute("SELECT column_name FROM gpkg_geometry_columns WHERE lower(table_name) = lower(?)",
                               (table,)).fetchone()
        table_columns = [c for c in _table_columns(con, table) if not c[2] and (not geometry or c[0] != geometry[0])]
        pk = next((c[0] for c in _table_columns(con, table) if c[2]), "rowid")
        sql = f"SELECT {', '.join(_quote(c[0]) for c in table_columns)} FROM {_quote(table)} ORDER BY {_quote(pk)}"
        rows = con.execute(sql).fetchall() if table_columns else []
    return _frame(rows, [c[0] for c in table_columns], [c[1] for c in table_columns])


def list_layers(path) -> List[Tuple[str, str, Optional[str], Optional[int], int]]:
    """(name, data_type, geometry_type_name, srs_id, feature count) of every table in gpkg_contents."""
    with contextlib.closing(_open_existing(path)) as con:
        rows = con.execute(
            "SELECT c.table_name, c.data_type, g.geometry_type_name, COALESCE(g.srs_id, c.srs_id) "
            "FROM gpkg_contents c LEFT JOIN gpkg_geometry_columns g ON g.table_name = c.table_name "
            "ORDER BY c.rowid").fetchall()
        result = []
        for table, data_type, type_name, srs_id in rows:
            count = con.execute(f"SELECT COUNT(*) FROM {_quote(table)}").fetchone()[0] \
                if _table_exists(con, table) else 0
            result.append((table, data_type, type_name, srs_id, count))
    return result


def srs_of(path, name: str) -> int:
    """The srs_id of a layer (from gpkg_geometry_columns, else gpkg_contents)."""
    with contextlib.closing(_open_existing(path)) as con:
        table = _contents_row(con, name)[0]
        row = con.execute("SELECT srs_id FROM gpkg_geometry_columns WHERE lower(table_name) = lower(?)",
                          (table,)).fetchone()
        if row is None:
            row = con.execute("SELECT srs_id FROM gpkg_contents WHERE table_name = ?", (table,)).fetchone()
    return int(row[0]) if row and row[0] is not None else 0
