"""Admin and control layers made from cell sets: JD, CQFW, CZKFBJ, STBHHX, YJJBNT, LSWHBHX."""

import numpy as np
import pandas as pd
import shapely

from . import places
from . import zoning as Z
from .lattice import Lattice, LandUnits
from .projection import lonlat_to_4548


def cell_union(lattice: Lattice, cells: np.ndarray, study_area):
    """Union of lattice cells clipped to the study area (coverage union: cells share their nodes)."""
    if not len(cells):
        return shapely.MultiPolygon()
    merged = shapely.coverage_union_all(lattice.cell_polygons(cells))
    return shapely.intersection(merged, study_area)


def _parts(geometry, min_area: float = 0.0) -> np.ndarray:
    parts = shapely.get_parts(geometry)
    parts = parts[shapely.get_type_id(parts) == 3]
    return parts[shapely.area(parts) > min_area]


def subdistrict_polygons(lattice: Lattice, units: LandUnits, unit_jd: np.ndarray, n_jd: int) -> np.ndarray:
    out = np.empty(n_jd, dtype=object)
    for jd in range(n_jd):
        rows = np.flatnonzero(unit_jd == jd)
        whole = rows[units.geometry[rows] == None]  # noqa: E711 (object array comparison)
        pieces = [g for g in units.geometry[rows] if g is not None]
        geometry = shapely.coverage_union_all(lattice.cell_polygons(units.cell[whole])) if len(whole) else None
        if pieces:
            geometry = shapely.union_all(([geometry] if geometry is not None else []) + pieces)
        out[jd] = _as_multi(geometry)
    return out


def _as_multi(geometry):
    parts = _parts(geometry)
    return shapely.MultiPolygon(list(parts))


def urban_area(lattice, units, zoning, unit_town, study_area, district_names, district_geoms):
    """CQFW: contiguous built city land (街道 areas) of the current year, in named pieces."""
    zone = zoning.zone2024
    street_units = ~unit_town & np.isin(zone[units.cell], (Z.URBAN, Z.INDUSTRY, Z.PARK, Z.UNIV, Z.AIRPORT, Z.PORT))
    cells = np.unique(units.cell[street_units])
    lakes = np.flatnonzero((zone == Z.WATER) & (zoning.water_dlbm == "1102") & zoning.czkfbj)
    merged = cell_union(lattice, np.union1d(cells, lakes), study_area)
    parts = _parts(merged, 2.0e6)
    names = []
    point = shapely.point_on_surface(parts)
    for p in point:
        inside = [k for k, g in enumerate(district_geoms) if g.contains(p)]
        name = district_names[inside[0]] if inside else district_names[0]
        names.append("本岛城区" if name in ("思明区", "湖里区") else name[:-1] + "城区")
    frame = pd.DataFrame({"MC": names})
    # one feature per name (本岛 spans two districts)
    geoms = [shapely.MultiPolygon(list(parts[np.array(names) == n])) for n in frame["MC"].unique()]
    return np.array(geoms, dtype=object), pd.DataFrame({"MC": frame["MC"].unique()})


def development_boundary(lattice, zoning, study_area):
    merged = cell_union(lattice, np.flatnonzero(zoning.czkfbj), study_area)
    parts = _parts(merged, 1.0)
    area = np.round(shapely.area(parts), 2)
    bsm = [f"CZKFBJ{k + 1:06d}" for k in range(len(parts))]
    return parts, pd.DataFrame({"BSM": bsm, "MJ": area})


def eco_redline(lattice, zoning, study_area, district_names, district_geoms):
    kinds = (("水源涵养与生物多样性维护", (zoning.zone2020 == Z.FOREST) & zoning.eco),
             ("红树林湿地", (zoning.zone2020 == Z.MANGROVE) & zoning.eco),
             ("饮用水水源保护", (zoning.zone2020 == Z.WATER) & zoning.eco))
    geoms, names = [], []
    for label, mask in kinds:
        merged = cell_union(lattice, np.flatnonzero(mask), study_area)
        parts = _parts(merged, 1.0)
        point = shapely.point_on_surface(parts)
        count = {}
        for part, p in zip(parts, point):
            inside = [k for k, g in enumerate(district_geoms) if g.contains(p)]
            district = district_names[inside[0]] if inside else ""
            count[district] = count.get(district, 0) + 1
            geoms.append(part)
            names.append(f"{district}{label}生态保护红线（{count[district]}）")
    area = np.round(shapely.area(np.array(geoms, dtype=object)), 2) if geoms else np.zeros(0)
    bsm = [f"STBHHX{k + 1:06d}" for k in range(len(geoms))]
    return np.array(geoms, dtype=object), pd.DataFrame({"BSM": bsm, "HXMC": names, "MJ": area})


def heritage(study_area):
    geoms, names = [], []
    t = np.linspace(0, 2 * np.pi, 48, endpoint=False)
    for name, lon, lat, rx, ry in places.HERITAGE:
        cx, cy = lonlat_to_4548(lon, lat)
        ring = np.column_stack([cx + rx * 1000 * np.cos(t), cy + ry * 1000 * np.sin(t)])
        clipped = shapely.intersection(shapely.Polygon(ring), study_area)
        parts = _parts(clipped, 1000.0)
        if len(parts):
            geoms.append(shapely.MultiPolygon(list(parts)))
            names.append(name)
    bsm = [f"LSWHBHX{k + 1:05d}" for k in range(len(geoms))]
    return np.array(geoms, dtype=object), pd.DataFrame({"BSM": bsm, "MC": names})
