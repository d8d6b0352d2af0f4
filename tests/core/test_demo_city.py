"""The demo city generator (small scale): contract of docs/data-model.md and known answers."""

import numpy as np
import pandas as pd
import pytest
import shapely

from cityhealth_plugin.core.demo.city import generate_demo_city
from cityhealth_plugin.core.demo.projection import GK_CM117
from cityhealth_plugin.core.demo.scales import SCALES
from cityhealth_plugin.core.landuse.codes import CodeTable, LandUseGroups
from cityhealth_plugin.core.roles.registry import ROLES
from cityhealth_plugin.core.store import gpkg
from cityhealth_plugin.resources_paths import REFERENCE

TEXT, INT, REAL = "text", "int", "real"
# docs/data-model.md: layer -> (geometry type name, {field: kind})
DLTB_FIELDS = {"BSM": TEXT, "DLBM": TEXT, "DLMC": TEXT, "CZCSXM": TEXT, "TBMJ": REAL, "KCMJ": REAL, "TBDLMJ": REAL,
               "ZLDWDM": TEXT}
CONTRACT = {
    "XZQ": ("MULTIPOLYGON", {"XZQDM": TEXT, "XZQMC": TEXT}),
    "JD": ("MULTIPOLYGON", {"JDDM": TEXT, "JDMC": TEXT, "XZQDM": TEXT}),
    "CQFW": ("MULTIPOLYGON", {"MC": TEXT}),
    "DLTB": ("MULTIPOLYGON", DLTB_FIELDS),
    "DLTB_2020": ("MULTIPOLYGON", DLTB_FIELDS),
    "YJJBNT": ("MULTIPOLYGON", {"BSM": TEXT, "DLBM": TEXT, "TBMJ": REAL}),
    "STBHHX": ("MULTIPOLYGON", {"BSM": TEXT, "HXMC": TEXT, "MJ": REAL}),
    "CZKFBJ": ("MULTIPOLYGON", {"BSM": TEXT, "MJ": REAL}),
    "LSWHBHX": ("MULTIPOLYGON", {"BSM": TEXT, "MC": TEXT}),
    "DL": ("MULTILINESTRING", {"MC": TEXT, "DJ": TEXT, "BX": INT, "DX": INT, "SD": REAL, "CC": INT}),
    "JZ": ("MULTIPOLYGON", {"CS": INT, "GD": REAL, "YT": TEXT}),
    "RK": ("MULTIPOLYGON", {"RKS": REAL}),
    "GYGC": ("MULTIPOLYGON", {"MC": TEXT, "LX": TEXT}),
}
FACILITIES = ("SS_SQWS", "SS_YY", "SS_YEY", "SS_XX", "SS_ZX", "SS_YL", "SS_WH", "SS_TY", "SS_ZQC", "SS_CSC",
              "SS_XFZ", "SS_GDZD", "SS_BNCS")
CONTRACT.update({name: ("POINT", {"MC": TEXT, "MJ": REAL}) for name in FACILITIES})
SEED = 2024


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo") / "small.gpkg"
    summary = generate_demo_city("small", SEED, path)
    return path, summary


@pytest.fixture(scope="module")
def layers(small):
    path, _ = small
    return {name: gpkg.read_layer(path, name) for name in CONTRACT}


def _kind(series: pd.Series) -> str:
    if pd.api.types.is_integer_dtype(series.dtype):
        return INT
    if pd.api.types.is_float_dtype(series.dtype):
        return REAL
    return TEXT


def test_every_layer_and_field_of_the_data_model(small, layers):
    path, summary = small
    listed = {row[0]: row for row in gpkg.list_layers(path)}
    for name, (type_name, fields) in CONTRACT.items():
        assert name in listed, name
        assert listed[name][2] == type_name, name
        assert listed[name][3] == 4548 and gpkg.srs_of(path, name) == 4548
        assert listed[name][4] > 0 and summary[name] == listed[name][4], name
        layer = layers[name]
        assert layer.crs == "EPSG:4548"
        for field, kind in fields.items():
            assert field in layer.attributes.columns, (name, field)
            assert _kind(layer.attributes[field]) == kind, (name, field)
    # the contract above is the registry's: every role's standard name is written (except planned land use)
    standard = {role.standard_name for role in ROLES if role.id != "planned_landuse"}
    assert standard <= set(CONTRACT)
    assert listed["DEPT_STATS"][1] == "attributes" and listed["DEMO_TRUTH"][1] == "attributes"


def test_admin_layers(layers):
    xzq = layers["XZQ"].attributes
    assert sorted(xzq["XZQMC"]) == sorted(["思明区", "湖里区", "集美区"])
    assert all(len(c) == 6 for c in xzq["XZQDM"])
    jd = layers["JD"].attributes
    assert all(len(c) == 9 and c[:6] == x for c, x in zip(jd["JDDM"], jd["XZQDM"]))
    by_district = jd.groupby("XZQDM")["JDMC"].apply(list)
    assert all(n.endswith("街道") for n in by_district["350203"] + by_district["350206"])
    assert any(n.endswith("镇") for n in by_district["350211"])
    # sub-districts tile their district
    for code, geometry in zip(xzq["XZQDM"], layers["XZQ"].geometries):
        parts = layers["JD"].geometries[jd["XZQDM"].to_numpy() == code]
        assert shapely.union_all(parts).symmetric_difference(geometry).area < 1e-4 * geometry.area


def test_dltb_tiles_the_study_area(layers):
    area = shapely.union_all(layers["XZQ"].geometries).area
    for name in ("DLTB", "DLTB_2020"):
        geoms = layers[name].geometries
        assert shapely.is_valid(geoms).all()
        union = shapely.union_all(geoms).area
        assert abs(union - area) / area < 1e-3, name
        assert abs(shapely.area(geoms).sum() - union) / union < 1e-4, name  # no overlaps


def test_codes_and_areas(layers):
    table = CodeTable.default()
    built_group = LandUseGroups.default()["jianshe"]
    for name in ("DLTB", "DLTB_2020"):
        attrs = layers[name].attributes
        assert not table.invalid_dlbm(attrs["DLBM"]).any(), name
        assert not table.invalid_czcsxm(attrs["CZCSXM"]).any(), name
        assert not table.bad_combinations(attrs["DLBM"], attrs["CZCSXM"]).any(), name
        with_code = attrs["CZCSXM"].fillna("") != ""
        assert with_code.any() and not (with_code & ~built_group.mask(attrs["DLBM"])).any()
        assert set(attrs.loc[with_code, "CZCSXM"]) >= {"201", "202", "203"}
        assert (attrs["DLMC"] == [table.names[c] for c in attrs["DLBM"]]).all()
        assert np.allclose(attrs["TBDLMJ"], attrs["TBMJ"] - attrs["KCMJ"], atol=0.011)
        cultivated = attrs["DLBM"].isin(["0101", "0102", "0103"])
        assert (attrs.loc[~cultivated, "KCMJ"] == 0).all()
        ratio = attrs.loc[cultivated, "KCMJ"] / attrs.loc[cultivated, "TBMJ"]
        assert ratio.between(0.015, 0.09).all()
        assert np.allclose(attrs["TBMJ"], shapely.area(layers[name].geometries), atol=0.01)
        assert attrs["BSM"].is_unique
        codes = set(attrs["DLBM"])
        assert {"0701", "05H1", "08H1", "08H2", "0810", "0810A", "1004", "0601", "0702", "0101", "0103", "0301",
                "1101", "1103", "1105", "0303", "1003"} <= codes, name


def test_zldwdm_matches_the_containing_subdistrict(layers):
    dltb, jd = layers["DLTB"], layers["JD"]
    points = shapely.point_on_surface(dltb.geometries)
    tree = shapely.STRtree(jd.geometries)
    idx, poly = tree.query(points, predicate="intersects")
    assert len(np.unique(idx)) == len(points)
    jddm = jd.attributes["JDDM"].to_numpy()[poly]
    zldwdm = dltb.attributes["ZLDWDM"].to_numpy()[idx]
    assert all(len(z) == 12 for z in zldwdm)
    assert (np.array([z[:9] for z in zldwdm]) == jddm).all()


def test_years_differ_realistically(layers):
    now, base = layers["DLTB"].attributes, layers["DLTB_2020"].attributes
    built = LandUseGroups.default()["jianshe"]
    grown = shapely.area(layers["DLTB"].geometries)[built.mask(now["DLBM"])].sum()
    before = shapely.area(layers["DLTB_2020"].geometries)[built.mask(base["DLBM"])].sum()
    assert 1.01 < grown / before < 1.3
    kept = len(set(now["BSM"]) & set(base["BSM"]))
    assert 0.8 * len(base) < kept < len(base)  # most patches unchanged (same BSM), some new


def test_population(small, layers):
    path, _ = small
    rks = layers["RK"].attributes["RKS"]
    stats = gpkg.read_table(path, "DEPT_STATS")
    pop = stats[(stats["code"] == "C-01") & (stats["year"] == 2024) & (stats["unit_code"] == "city")]["value"]
    assert rks.sum() == pytest.approx(float(pop.iloc[0]) * 1e4)
    assert 3.0e6 < rks.sum() < 3.4e6
    assert (rks > 0).all() and (rks == np.round(rks)).all()
    # people live on residential land: most residents are in cells touching 0701 / 0702
    dltb = layers["DLTB"]
    homes = dltb.geometries[dltb.attributes["DLBM"].isin(["0701", "0702"]).to_numpy()]
    idx, _ = shapely.STRtree(homes).query(layers["RK"].geometries, predicate="intersects")
    assert rks.to_numpy()[np.unique(idx)].sum() > 0.85 * rks.sum()


def test_facilities_and_parks(layers):
    for name in FACILITIES:
        layer = layers[name]
        assert len(layer) > 0, name
        assert layer.attributes["MC"].map(lambda s: isinstance(s, str) and len(s) > 2).all(), name
        assert layer.attributes["MC"].is_unique, name
    assert (layers["SS_BNCS"].attributes["MJ"] > 0).all()
    assert layers["SS_SQWS"].attributes["MC"].str.contains("社区卫生服务").all()
    # facilities stand on land, near a road
    land = shapely.union_all(layers["XZQ"].geometries)
    roads = shapely.STRtree(layers["DL"].geometries)
    for name in FACILITIES:
        pts = layers[name].geometries
        assert shapely.contains(land, pts).mean() > 0.95, name
        _, dist = roads.query_nearest(pts, return_distance=True, all_matches=False)
        assert np.median(dist) < 250, name
    dltb, gygc = layers["DLTB"], layers["GYGC"]
    parks = dltb.attributes["DLBM"].isin(["0810", "0810A"])
    assert len(gygc) == parks.sum()
    assert shapely.area(gygc.geometries).sum() == pytest.approx(shapely.area(dltb.geometries[parks.to_numpy()]).sum())
    assert set(gygc.attributes["LX"]) == {"公园", "广场"}


def test_road_network(layers):
    from cityhealth_plugin.core.demo.roads import components

    dl = layers["DL"]
    geoms, attrs = dl.geometries, dl.attributes
    assert set(attrs["DJ"]) <= {"高速公路", "快速路", "主干路", "次干路", "支路", "街巷", "步行道"}
    assert {"主干路", "次干路", "支路", "街巷", "步行道", "快速路"} <= set(attrs["DJ"])
    assert (attrs.loc[attrs["DJ"].isin(["高速公路", "快速路"]), "BX"] == 0).all()
    assert (attrs.loc[~attrs["DJ"].isin(["高速公路", "快速路"]), "BX"] == 1).all()
    assert set(attrs["DX"]) == {-1, 0, 1} and (attrs["SD"] > 0).all()
    lines = np.array([shapely.get_parts(g)[0] for g in geoms], dtype=object)
    label, _, _ = components(lines)
    length = shapely.length(lines)
    assert np.bincount(label, weights=length).max() / length.sum() >= 0.95
    # elevated roads / bridges cross other roads without a shared node
    elevated = np.flatnonzero(attrs["CC"].to_numpy() != 0)
    assert len(elevated) > 0
    crossed = shapely.STRtree(lines).query(lines[elevated], predicate="crosses")
    assert crossed.shape[1] > 0
    # ground segments meet at exactly shared end points: most ends are shared with another segment
    ends = shapely.get_coordinates(shapely.get_point(lines, [[0], [-1]]).ravel())
    _, counts = np.unique(ends, axis=0, return_counts=True)
    assert (counts >= 2).sum() / len(counts) > 0.9
    # block sizes of the urban grid: typical street segment 100-400 m
    streets = attrs["DJ"].isin(["主干路", "次干路", "支路"]).to_numpy()
    assert 100 < np.median(length[streets]) < 400


def test_buildings(layers):
    jz = layers["JZ"].attributes
    assert (jz["CS"] >= 1).all()
    assert (jz["GD"] / jz["CS"]).between(2.8, 5.0).all()  # about 3 m a floor (taller in industry)
    assert (jz["GD"] >= 100).sum() >= 5
    assert set(jz["YT"]) == {"住宅", "商业", "办公", "工业", "公共"}
    dltb = layers["DLTB"]
    built = LandUseGroups.default()["jianshe"].mask(dltb.attributes["DLBM"])
    idx, _ = shapely.STRtree(dltb.geometries[built]).query(layers["JZ"].geometries, predicate="within")
    assert len(np.unique(idx)) == len(jz)  # every footprint inside construction land


def test_statistics(small):
    path, _ = small
    stats = gpkg.read_table(path, "DEPT_STATS")
    assert list(stats.columns) == ["code", "name_zh", "year", "unit_code", "value", "unit"]
    assert set(stats["year"]) == {2020, 2023, 2024}
    catalog = pd.read_csv(REFERENCE / "indicator_catalog.csv")
    known = set(catalog["code"])
    coded = {c for c in stats["code"] if "-" in c}
    assert coded <= known and {"C-01", "C-08", "A-01"} <= coded
    assert {"POP_URBAN", "GDP"} <= set(stats["code"])
    pop = stats[stats["code"] == "C-01"]
    for year in (2020, 2023, 2024):
        rows = pop[pop["year"] == year]
        city = rows[rows["unit_code"] == "city"]["value"].iloc[0]
        assert city == pytest.approx(rows[rows["unit_code"] != "city"]["value"].sum())
        assert set(rows["unit_code"]) == {"city", "350203", "350206", "350211"}


def _recount(layers):
    """Independent recomputation of the planning problems from the layers."""
    built = LandUseGroups.default()["jianshe"]
    dltb, base = layers["DLTB"], layers["DLTB_2020"]
    now_code = dltb.attributes["DLBM"].to_numpy(dtype=object)
    pts = shapely.point_on_surface(dltb.geometries)

    def inside(points, polygons):
        hit = np.zeros(len(points), dtype=bool)
        hit[shapely.STRtree(polygons).query(points, predicate="within")[0]] = True
        return hit

    eco = built.mask(now_code) & inside(pts, layers["STBHHX"].geometries)
    b_idx = shapely.STRtree(base.geometries).query(pts, predicate="within")
    was_built = np.zeros(len(pts), dtype=bool)
    was_built[b_idx[0]] = built.mask(base.attributes["DLBM"].to_numpy(dtype=object)[b_idx[1]])
    outside = built.mask(now_code) & ~inside(pts, layers["CZKFBJ"].geometries) & ~was_built
    y = layers["YJJBNT"]
    y_idx = shapely.STRtree(dltb.geometries).query(shapely.point_on_surface(y.geometries), predicate="within")
    y_now = now_code[y_idx[1]]
    y_cult = y.attributes["DLBM"].isin(["0101", "0102", "0103"]).to_numpy()[y_idx[0]]
    to_built = (y_cult & built.mask(y_now)).sum()
    to_other = (y_cult & ~built.mask(y_now) & ~np.isin(y_now, ["0101", "0102", "0103"])).sum()
    return {"construction_in_eco_redline": eco.sum(), "new_construction_outside_czkfbj": outside.sum(),
            "yjjbnt_to_construction": to_built, "yjjbnt_to_noncultivated": to_other}


def test_demo_truth(small, layers):
    path, _ = small
    truth = gpkg.read_table(path, "DEMO_TRUTH").set_index("problem")
    eco, to_built, to_other, sprawl = SCALES["small"].problems
    assert truth.loc["construction_in_eco_redline", "count"] == eco
    assert truth.loc["yjjbnt_to_construction", "count"] == to_built
    assert truth.loc["yjjbnt_to_noncultivated", "count"] == to_other
    assert truth.loc["new_construction_outside_czkfbj", "count"] == eco + to_built + sprawl
    assert truth.loc["urban_growth_inside_czkfbj", "count"] > 50
    assert (truth["total_area_m2"] > 0).all()
    for problem, count in _recount(layers).items():
        assert truth.loc[problem, "count"] == count, problem
    # the base year is clean: no construction in the red line, YJJBNT mostly cultivated
    base = layers["DLTB_2020"]
    pts = shapely.point_on_surface(base.geometries)
    in_eco = shapely.STRtree(layers["STBHHX"].geometries).query(pts, predicate="within")[0]
    assert not LandUseGroups.default()["jianshe"].mask(base.attributes["DLBM"].to_numpy()[in_eco]).any()
    assert layers["YJJBNT"].attributes["DLBM"].isin(["0101", "0102", "0103"]).mean() > 0.9


def _content(path):
    out = {}
    for name, data_type, *_ in gpkg.list_layers(path):
        if data_type == "features":
            layer = gpkg.read_layer(path, name)
            out[name] = (layer.attributes, shapely.to_wkb(layer.geometries))
        else:
            out[name] = (gpkg.read_table(path, name), None)
    return out


def test_deterministic_for_a_seed(small, tmp_path):
    path, _ = small
    again = tmp_path / "again.gpkg"
    generate_demo_city("small", SEED, again)
    first, second = _content(path), _content(again)
    assert first.keys() == second.keys()
    for name in first:
        pd.testing.assert_frame_equal(first[name][0], second[name][0], check_exact=True)
        if first[name][1] is not None:
            assert (first[name][1] == second[name][1]).all(), name
    other = tmp_path / "other.gpkg"
    generate_demo_city("small", SEED + 1, other)
    a, b = gpkg.read_layer(path, "DLTB"), gpkg.read_layer(other, "DLTB")
    assert len(a) != len(b) or not a.attributes.equals(b.attributes)


def test_dirty_variant(tmp_path):
    path = tmp_path / "dirty.gpkg"
    generate_demo_city("small", SEED, path, dirty=True)
    truth = gpkg.read_table(path, "DEMO_TRUTH").set_index("problem")["count"]
    dltb = gpkg.read_layer(path, "DLTB")
    attrs = dltb.attributes
    table = CodeTable.default()
    assert (~shapely.is_valid(dltb.geometries)).sum() == truth["dirty_invalid_geometry_dltb"] > 0
    reasons = shapely.is_valid_reason(dltb.geometries[~shapely.is_valid(dltb.geometries)])
    assert any("Self-intersection" in r for r in reasons)
    y = gpkg.read_layer(path, "YJJBNT")
    assert (~shapely.is_valid(y.geometries)).sum() == truth["dirty_invalid_geometry_yjjbnt"] > 0
    assert table.invalid_dlbm(attrs["DLBM"]).sum() == truth["dirty_invalid_dlbm"] > 0
    assert table.bad_combinations(attrs["DLBM"], attrs["CZCSXM"]).sum() == truth["dirty_bad_czcsxm_combination"] > 0
    assert attrs["BSM"].duplicated().sum() == truth["dirty_duplicate_bsm"] > 0
    assert attrs["TBDLMJ"].isna().sum() == truth["dirty_null_tbdlmj"] > 0
    listed = {row[0]: row for row in gpkg.list_layers(path)}
    assert listed["SS_ZQC_EMPTY"][4] == 0 and truth["dirty_empty_layer"] == 1
    assert all(listed[name][4] > 0 for name in CONTRACT)  # the regular layers stay non-empty


def test_projection_matches_gdal():
    osr = pytest.importorskip("osgeo.osr")
    src, dst = osr.SpatialReference(), osr.SpatialReference()
    src.ImportFromEPSG(4490)
    dst.ImportFromEPSG(4548)
    src.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    dst.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    transform = osr.CoordinateTransformation(src, dst)
    rng = np.random.default_rng(0)
    lon, lat = rng.uniform(115.6, 118.4, 500), rng.uniform(18.0, 45.0, 500)
    x, y = GK_CM117.forward(lon, lat)
    ref = np.array(transform.TransformPoints(np.column_stack([lon, lat]).tolist()))
    assert np.abs(ref[:, 0] - x).max() < 0.01 and np.abs(ref[:, 1] - y).max() < 0.01
    back_lon, back_lat = GK_CM117.inverse(x, y)
    assert np.abs(back_lon - lon).max() < 1e-8 and np.abs(back_lat - lat).max() < 1e-8


def test_unknown_scale_is_refused(tmp_path):
    with pytest.raises(ValueError, match="Unknown demo scale"):
        generate_demo_city("huge", 1, tmp_path / "x.gpkg")
