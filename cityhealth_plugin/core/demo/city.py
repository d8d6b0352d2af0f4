"""The synthetic demo city on the real Xiamen district boundaries.

``generate_demo_city(scale, seed, out, dirty)`` writes one GeoPackage with every layer of
docs/data-model.md (EPSG:4548) plus the DEPT_STATS and DEMO_TRUTH tables, and returns
``{layer: feature count}``. The same seed gives the same content.

Pipeline: district outline → warped lattice and land units → sub-districts → cell zones for
2020 and 2024 (+ control areas) → streets / rural roads / rivers on lattice edges → patches
per year → 三调 attributes → deliberate problems → control layers, roads, buildings,
population, facilities, statistics → truth.
"""

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import shapely

from ..layer_data import LayerData
from ..store import gpkg
from . import admin, controls, department_values, dirty as dirty_mod, facilities, landuse, names, network, \
    population, problems, roads, statistics, survey, truth
from . import zoning as Z
from .boundaries import load_districts, subdistrict_seeds
from .buildings import build_buildings
from .lattice import build_lattice, land_units
from .scales import scale_spec
from .terrain import Terrain

CRS = "EPSG:4548"
FACILITY_LAYERS = ("SS_SQWS", "SS_YY", "SS_YEY", "SS_XX", "SS_ZX", "SS_YL", "SS_WH", "SS_TY", "SS_ZQC", "SS_CSC",
                   "SS_XFZ", "SS_GDZD", "SS_BNCS")


def _layer(name, geometries, frame, kind="polygon"):
    geometries = np.asarray(geometries, dtype=object)
    frame = frame.reset_index(drop=True)
    return LayerData(name, geometries, frame, np.arange(1, len(frame) + 1), crs=CRS, geometry_type=kind)


@dataclass
class _FacilityContext:
    patch_geometry: np.ndarray
    dlbm: np.ndarray
    tbmj: np.ndarray
    parcel_population: np.ndarray
    parcel_jd: np.ndarray
    parcel_jd_name: np.ndarray
    parcel_district_name: np.ndarray
    parcel_community: np.ndarray
    jd_population: dict
    total_population: float
    road_nodes: np.ndarray
    road_node_names: np.ndarray
    study_area: object
    scale: object


def generate_demo_city(scale: str = "small", seed: int = 2024, out: Path = Path("democity.gpkg"),
                       dirty: bool = False) -> dict:
    spec = scale_spec(scale)
    out = Path(out)

    def stream(k):
        return np.random.default_rng([int(seed), k])

    # ---------------------------------------------------------------- frame of the city
    all_districts = load_districts()
    districts = all_districts.select(spec.districts)
    study = districts.study_area
    lattice = build_lattice(study.bounds, spec.cell, stream(1))
    units = land_units(lattice, districts.geometries)
    seeds = subdistrict_seeds(districts)
    unit_jd = admin.assign_subdistricts(units, seeds, stream(2))
    terrain = Terrain(stream(3))
    zoning = Z.zone_cells(lattice, units, terrain, all_districts.coast, stream(4))
    net = network.build_network(lattice, zoning, stream(5))
    draws = stream(6).random((lattice.n_cells, landuse.N_DRAWS))
    built_unit = np.isin(zoning.zone2024[units.cell], (Z.URBAN, Z.INDUSTRY, Z.PARK, Z.UNIV))
    comm = admin.assign_communities(units, unit_jd, seeds.codes, built_unit, stream(7), names.community_names)
    unit_town = seeds.kinds[unit_jd] == "镇"
    district_codes = np.array(districts.codes, dtype=object)
    district_names = np.array(districts.names, dtype=object)

    # ---------------------------------------------------------------- land-use patches of both years
    p20 = landuse.make_patches(lattice, units, zoning, net, draws, 2020, spec)
    p24 = landuse.make_patches(lattice, units, zoning, net, draws, 2024, spec)
    czcs20 = survey.settlement_codes(p20.dlbm, p20.zone, unit_town[p20.unit], zoning.industry_fringe[p20.cell])
    czcs24 = survey.settlement_codes(p24.dlbm, p24.zone, unit_town[p24.unit], zoning.industry_fringe[p24.cell])
    dlbm24 = p24.dlbm.copy()
    wkb20 = shapely.to_wkb(p20.geometry)
    wkb24 = shapely.to_wkb(p24.geometry)
    lookup = pd.Series(np.arange(len(p20.key)), index=p20.key)
    match = lookup.reindex(p24.key).to_numpy()
    match = np.where(np.isnan(match), -1, match).astype(np.int64)
    ok = match >= 0
    same = np.zeros(len(match), dtype=bool)
    same[ok] = (wkb24[ok] == wkb20[match[ok]]) & (dlbm24[ok] == p20.dlbm[match[ok]])
    match[~same] = -1

    rng_y = stream(8)
    prot = zoning.protected[p20.cell] & (p20.slot >= landuse.STRIP_SLOTS)
    cult = np.isin(p20.dlbm, survey.CULTIVATED)
    other = prot & ~cult & np.isin(p20.dlbm, ("0201", "1104", "0404", "0307", "1202"))
    yjjbnt_rows = np.sort(np.concatenate([np.flatnonzero(prot & cult),
                                          np.flatnonzero(other)[rng_y.random(other.sum()) < 0.15]]))
    changed = problems.apply_problems(stream(9), spec.problems, p24.cell, p24.slot, dlbm24, czcs24, match, zoning,
                                      np.flatnonzero(prot & cult))

    # ---------------------------------------------------------------- 三调 attributes
    def attributes(p, dlbm, czcs):
        slope = np.clip(zoning.elevation[p.cell] / 150.0, 0, 1)
        tbmj, kcmj, tbdlmj = survey.areas(p.geometry, dlbm, slope)
        zldwdm = (seeds.codes[unit_jd[p.unit]].astype(str).astype(object) + comm.unit_code[p.unit])
        return pd.DataFrame({"BSM": "", "DLBM": dlbm, "DLMC": survey.land_class_names(dlbm), "CZCSXM": czcs,
                             "TBMJ": tbmj, "KCMJ": kcmj, "TBDLMJ": tbdlmj, "ZLDWDM": zldwdm})

    a20 = attributes(p20, p20.dlbm, czcs20)
    a24 = attributes(p24, dlbm24, czcs24)
    x20 = district_codes[units.district[p20.unit]]
    x24 = district_codes[units.district[p24.unit]]
    bsm20, bsm24, _ = survey.assign_bsm(x20, p20.key, wkb20, p20.dlbm, x24, p24.key, wkb24, dlbm24)
    a20["BSM"], a24["BSM"] = bsm20, bsm24
    layers = {}
    xzq = pd.DataFrame({"XZQDM": district_codes, "XZQMC": district_names})
    layers["XZQ"] = _layer("XZQ", districts.geometries, xzq)
    jd_geoms = controls.subdistrict_polygons(lattice, units, unit_jd, len(seeds.codes))
    layers["JD"] = _layer("JD", jd_geoms, pd.DataFrame({
        "JDDM": seeds.codes, "JDMC": seeds.names, "XZQDM": district_codes[seeds.district]}))
    cq_geoms, cq = controls.urban_area(lattice, units, zoning, unit_town, study, districts.names,
                                       districts.geometries)
    layers["CQFW"] = _layer("CQFW", cq_geoms, cq)
    layers["DLTB"] = _layer("DLTB", p24.geometry, a24)
    layers["DLTB_2020"] = _layer("DLTB_2020", p20.geometry, a20)
    yj = a20.iloc[yjjbnt_rows]
    layers["YJJBNT"] = _layer("YJJBNT", p20.geometry[yjjbnt_rows],
                              pd.DataFrame({"BSM": yj["BSM"].to_numpy(), "DLBM": yj["DLBM"].to_numpy(),
                                            "TBMJ": yj["TBMJ"].to_numpy()}))
    eco_geoms, eco = controls.eco_redline(lattice, zoning, study, districts.names, districts.geometries)
    layers["STBHHX"] = _layer("STBHHX", eco_geoms, eco)
    czk_geoms, czk = controls.development_boundary(lattice, zoning, study)
    layers["CZKFBJ"] = _layer("CZKFBJ", czk_geoms, czk)
    her_geoms, her = controls.heritage(study)
    layers["LSWHBHX"] = _layer("LSWHBHX", her_geoms, her)

    # ---------------------------------------------------------------- roads
    dl_geoms, dl = roads.build_roads(lattice, units, zoning, net, study, draws, spec, stream(10))
    layers["DL"] = _layer("DL", dl_geoms, dl, "line")

    # ---------------------------------------------------------------- buildings
    urban24 = zoning.urban[p24.cell]
    jz_geoms, jz, _ = build_buildings(p24.corners, dlbm24, czcs24, zoning.core[p24.cell], urban24, spec, stream(11))
    layers["JZ"] = _layer("JZ", jz_geoms, jz)

    # ---------------------------------------------------------------- population
    patch_district = units.district[p24.unit]
    totals = {k: statistics.population_wan(code, 2024) * 1e4 for k, code in enumerate(districts.codes)}
    rk_geoms, rk, _ = population.build_population(p24.geometry, dlbm24, patch_district, urban24, totals,
                                                  spec.pop_cell, study.bounds)
    layers["RK"] = _layer("RK", rk_geoms, rk)

    # ---------------------------------------------------------------- facilities and parks
    parcel_pop = _parcel_population(a24["TBMJ"].to_numpy(), dlbm24, urban24, patch_district, totals)
    jd24 = unit_jd[p24.unit]
    ends = shapely.get_point(dl_geoms, [[0], [-1]]).T.ravel()
    end_xy = shapely.get_coordinates(ends)
    end_rank = np.tile(np.array([_road_rank(dj) for dj in dl["DJ"]]), 2)
    end_name = np.tile(dl["MC"].to_numpy(dtype=object), 2)
    order = np.lexsort((end_rank, end_xy[:, 1], end_xy[:, 0]))
    node_xy, first = np.unique(end_xy[order], axis=0, return_index=True)
    ctx = _FacilityContext(
        p24.geometry, dlbm24, a24["TBMJ"].to_numpy(), parcel_pop, jd24, seeds.names[jd24],
        district_names[patch_district], comm.names[comm.unit_index[p24.unit]],
        {jd: parcel_pop[jd24 == jd].sum() for jd in np.unique(jd24)}, sum(totals.values()),
        node_xy, end_name[order][first], study, spec)
    for layer, (pts, frame) in facilities.build_facilities(ctx, stream(12)).items():
        layers[layer] = _layer(layer, pts, frame, "point")
    park_rows = np.flatnonzero(np.isin(dlbm24, ("0810", "0810A")))
    nearest_road = np.full(len(dlbm24), "", dtype=object)
    if len(park_rows) and len(dl_geoms):
        streets = np.flatnonzero(dl["DJ"].isin(["主干路", "次干路", "支路"]).to_numpy())
        tree = shapely.STRtree(dl_geoms[streets])
        idx = tree.query_nearest(shapely.point_on_surface(p24.geometry[park_rows]), all_matches=False)[1]
        nearest_road[park_rows] = dl["MC"].to_numpy(dtype=object)[streets[idx]]
    rows, gygc = facilities.parks_and_squares(dlbm24, a24["TBMJ"].to_numpy(), seeds.names[jd24], nearest_road)
    layers["GYGC"] = _layer("GYGC", p24.geometry[rows], gygc)

    # ---------------------------------------------------------------- tables
    stats = statistics.department_statistics(districts.codes, districts.names)
    truth_rows = truth.truth_table(layers["DLTB"], layers["DLTB_2020"], layers["STBHHX"], layers["YJJBNT"],
                                   layers["CZKFBJ"])
    if dirty:
        protect = np.zeros(len(dlbm24), dtype=bool)
        for rows_changed in changed.values():
            protect[rows_changed] = True
        dirty_rows = dirty_mod.make_dirty(layers, stream(14), protect)
        truth_rows = pd.concat([truth_rows, dirty_rows], ignore_index=True)
        layers[dirty_mod.EMPTY_LAYER] = _layer(dirty_mod.EMPTY_LAYER, np.empty(0, dtype=object),
                                               pd.DataFrame({"MC": pd.Series([], dtype=object),
                                                             "MJ": pd.Series([], dtype=float)}), "point")

    # ---------------------------------------------------------------- write
    out.parent.mkdir(parents=True, exist_ok=True)
    if out.exists():
        out.unlink()
    summary = {}
    for name, layer in layers.items():
        gpkg.write_layer(out, layer, srs_id=4548)
        summary[name] = len(layer)
    gpkg.write_table(out, "DEPT_STATS", stats)
    gpkg.write_table(out, "DEMO_TRUTH", truth_rows)
    gpkg.write_table(out, "FORM_VALUES", department_values.form_values(  # department figures (forms)
        None, districts.codes, {2020: layers["DLTB_2020"], 2024: layers["DLTB"]}))
    summary["DEPT_STATS"] = len(stats)
    summary["DEMO_TRUTH"] = len(truth_rows)
    return summary


def _road_rank(dj: str) -> int:
    return {"主干路": 0, "次干路": 1, "支路": 2, "快速路": 3, "高速公路": 4, "街巷": 5, "步行道": 6}.get(dj, 7)


def _parcel_population(tbmj, dlbm, urban, district, totals):
    weight = np.zeros(len(dlbm))
    for code, density in population._DENSITY.items():
        rows = dlbm == code
        weight[rows] = tbmj[rows] * density * (0.4 + 0.6 * np.clip(urban[rows], 0, 1.2))
    out = np.zeros(len(dlbm))
    for k, total in totals.items():
        rows = district == k
        if weight[rows].sum() > 0:
            out[rows] = weight[rows] / weight[rows].sum() * total
    return out
