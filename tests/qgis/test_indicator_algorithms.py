"""cityhealth:computeindicators, :landusearea, :overlayarea, :zonaldensity through processing.run on
the small demo city, against core.indicators.compute on the same LayerData (read by qgis_bridge)."""

import math
import time

import pytest
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsVectorLayer,
)

from cityhealth_plugin.core.catalog.loader import load_catalog
from cityhealth_plugin.core.indicators.engine import compute
from cityhealth_plugin.core.roles.registry import ROLES
from cityhealth_plugin.core.store import gpkg
from cityhealth_plugin.core.store.results import read_provenance, read_values
from cityhealth_plugin.qgis_bridge import assessment_db
from cityhealth_plugin.qgis_bridge.layers import read_layer

YEAR = 2024
WORK_CRS = "EPSG:4548"
# spatial indicators of the shipped catalog that the demo city's layers and DEPT_STATS allow
SPATIAL = ["A-06", "A-07", "A-10", "A-11", "A-13", "A-14", "A-15", "A-18", "A-22", "B-03", "B-05", "B-08", "B-09",
           "C-02", "C-03", "C-04", "C-05", "C-09", "C-10", "C-11", "C-12", "C-13", "D-01", "D-03", "D-04", "D-07",
           "D-12", "E-10", "F-05", "F-11", "F-21"]


@pytest.fixture(scope="session")
def demo_city(tmp_path_factory):
    from cityhealth_plugin.core.demo.city import generate_demo_city

    path = tmp_path_factory.mktemp("indicator_demo") / "democity_small.gpkg"
    generate_demo_city(scale="small", seed=2024, out=path)
    return path


def uri(path, table):
    return f"{path}|layername={table}"


@pytest.fixture(scope="session")
def role_uris(demo_city):
    tables = {name.lower(): name for name, *_ in gpkg.list_layers(demo_city)}
    return {role.id: uri(demo_city, tables[role.standard_name.lower()]) for role in ROLES
            if role.standard_name.lower() in tables}


@pytest.fixture(scope="session")
def layer_data(qgis_app, role_uris, demo_city):
    """{role: LayerData} read by qgis_bridge as the algorithms read them, plus the statistics table."""
    layers = {}
    for role_id, source in role_uris.items():
        layer = QgsVectorLayer(source, role_id, "ogr")
        assert layer.isValid(), source
        layers[role_id] = read_layer(layer, target_crs=QgsCoordinateReferenceSystem(WORK_CRS))
    stats = read_layer(QgsVectorLayer(uri(demo_city, "DEPT_STATS"), "stats", "ogr")).attributes
    return layers, stats


def role_parameters(role_uris, only=None):
    return {role_id.upper(): source for role_id, source in role_uris.items() if only is None or role_id in only}


def run(algorithm, parameters, feedback=None):
    import processing

    return processing.run(f"cityhealth:{algorithm}", parameters, feedback=feedback)


def city_rows(layer):
    return {f["code"]: f for f in layer.getFeatures() if f["unit_type"] == "city"}


def unit_values(layer, code=None, key="code"):
    return {(f[key] if key else None, f["unit_type"], f["unit_code"]): f for f in layer.getFeatures()
            if f["unit_type"] != "city" and (code is None or f[key] == code)}


def is_null(value):
    return value is None or (hasattr(value, "isNull") and value.isNull())


def same(a, b):
    """Equal values: the algorithm and the core run the same computation on the same data."""
    if a is None or b is None:
        return a is None and b is None
    return a == pytest.approx(b, rel=1e-12, abs=1e-12)


# --------------------------------------------------------------------------------------
# computeindicators
# --------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def computed(cityhealth_provider, role_uris, demo_city, tmp_path_factory):
    db = tmp_path_factory.mktemp("assessment") / "city_assessment.gpkg"
    layers_db = db.with_name("result_layers.gpkg")
    parameters = role_parameters(role_uris)
    parameters.update({"CODES": ",".join(SPATIAL), "YEAR": YEAR, "STATISTICS": uri(demo_city, "DEPT_STATS"),
                       "ASSESSMENT_DB": str(db), "RESULT_LAYERS": str(layers_db), "OUTPUT": "memory:"})
    started = time.perf_counter()
    result = run("computeindicators", parameters)
    seconds = time.perf_counter() - started
    print(f"\n[bench] computeindicators, {len(SPATIAL)} spatial indicators, demo small: {seconds:.1f} s")
    return result, db, layers_db


@pytest.fixture(scope="module")
def cityhealth_provider(qgis_processing):
    from qgis.core import QgsApplication

    from cityhealth_plugin.processing_provider.provider import CityHealthProvider

    registry = QgsApplication.processingRegistry()
    existing = registry.providerById("cityhealth")
    if existing is not None:
        yield existing
        return
    provider = CityHealthProvider()
    assert registry.addProvider(provider)
    yield provider
    registry.removeProvider(provider)


def test_parameters_are_the_public_api(cityhealth_provider):
    from qgis.core import QgsApplication

    registry = QgsApplication.processingRegistry()
    algorithm = registry.algorithmById("cityhealth:computeindicators")
    names = {p.name() for p in algorithm.parameterDefinitions()}
    validate = {p.name() for p in registry.algorithmById("cityhealth:validatedatapackage").parameterDefinitions()}
    roles = {role.id.upper() for role in ROLES}
    assert roles <= names and roles <= validate
    assert {"DLTB", "DLTB_BASE", "ADMIN_DISTRICT", "ECO_REDLINE", "CODES", "YEAR", "CATALOG_OVERRIDES", "STATISTICS",
            "ASSESSMENT_DB", "OUTPUT", "RESULT_LAYERS"} <= names
    assert algorithm.parameterDefinition("YEAR").defaultValue() == time.localtime().tm_year - 1
    for definition in algorithm.parameterDefinitions():  # nothing hidden from the Model Designer
        assert not definition.flags() & definition.FlagHidden, definition.name()
    for name in ("landusearea", "overlayarea", "zonaldensity"):
        assert registry.algorithmById(f"cityhealth:{name}") is not None


def test_values_equal_the_core_engine(computed, layer_data):
    result, _db, _layers_db = computed
    layers, stats = layer_data
    core = {r.code: r for r in compute(load_catalog(), layers, stats, YEAR, SPATIAL)}
    rows = city_rows(result["OUTPUT"])
    assert set(rows) == set(SPATIAL)
    assert result["COMPUTED"] == len(SPATIAL) and result["ERRORS"] == 0, {
        c: r["message"] for c, r in rows.items() if r["status"] != "ok"}
    per_unit = unit_values(result["OUTPUT"])
    for code in SPATIAL:
        assert core[code].status == "ok" and rows[code]["status"] == "ok", (code, rows[code]["message"])
        assert same(rows[code]["value"], core[code].value), code
        assert len(core[code].per_unit) == sum(1 for key in per_unit if key[0] == code), code
        for unit in core[code].per_unit.itertuples(index=False):
            row = per_unit[(code, unit.unit_type, str(unit.unit_code))]
            assert same(row["value"], unit.value), (code, unit.unit_code)
            assert row["unit_name"] == unit.unit_name
    with_units = [code for code in SPATIAL if len(core[code].per_unit)]
    assert len(with_units) >= len(SPATIAL) - 2  # D-12 / D-07: GDP and value added have no district rows
    # units
    assert rows["A-11"]["unit"] == "万亩" and rows["C-04"]["unit"] == "km²"
    assert rows["A-14"]["value"] > 0


def test_assessment_db_is_written(computed, layer_data):
    result, db, layers_db = computed
    assert result["ASSESSMENT_DB"] == str(db) and db.is_file()
    values = read_values(db, year=YEAR)
    assert set(values["code"]) == set(SPATIAL)
    districts = values[(values["code"] == "C-04") & (values["unit_type"] == "district")]
    assert len(districts) == len(layer_data[0]["admin_district"]) and districts["value"].notna().all()
    assert len(values[(values["code"] == "C-04") & (values["unit_type"] == "subdistrict")]) > 0
    provenance = read_provenance(db, "A-14", YEAR)
    assert '"hash"' in provenance and "eco_redline" in provenance and "TBDLMJ" in provenance
    stored = assessment_db.read_results(str(db), YEAR)
    assert stored["A-14"].layer_tables == ["result_A_14_1"]
    names = dict(zip(stored["C-04"].per_unit["unit_code"], stored["C-04"].per_unit["unit_name"]))
    assert names["350203"] == "思明区"
    overlap = QgsVectorLayer(uri(db, "result_A_14_1"), "overlap", "ogr")
    assert overlap.isValid() and overlap.featureCount() > 0
    assert result["RESULT_LAYERS"] == str(layers_db)
    assert {"result_A_14_1", "result_C_09_1"} <= {name for name, *_ in gpkg.list_layers(layers_db)}


def test_missing_role_gives_missing_input_and_no_value(cityhealth_provider, role_uris, tmp_path):
    parameters = role_parameters(role_uris, only={"dltb", "admin_district"})
    parameters.update({"CODES": "A-11, A-14, X-99", "YEAR": YEAR, "OUTPUT": "memory:",
                       "ASSESSMENT_DB": str(tmp_path / "db.gpkg")})
    result = run("computeindicators", parameters)
    rows = city_rows(result["OUTPUT"])
    assert rows["A-11"]["status"] == "ok" and rows["A-11"]["value"] > 0
    assert rows["A-14"]["status"] == "missing_input"
    assert is_null(rows["A-14"]["value"])  # NULL, never 0
    assert "eco_redline" in rows["A-14"]["message"] and rows["A-14"]["missing"] == "role:eco_redline"
    assert rows["X-99"]["status"] == "error" and "not in the catalog" in rows["X-99"]["message"]
    assert (result["COMPUTED"], result["MISSING"], result["ERRORS"]) == (1, 1, 1)
    stored = assessment_db.read_results(str(tmp_path / "db.gpkg"), YEAR)
    assert stored["A-14"].value is None and "eco_redline" in stored["A-14"].message


def test_empty_codes_compute_every_computable_indicator(cityhealth_provider, role_uris, tmp_path):
    parameters = role_parameters(role_uris, only={"dltb", "admin_district", "eco_redline"})
    parameters.update({"YEAR": YEAR, "OUTPUT": "memory:"})
    rows = city_rows(run("computeindicators", parameters)["OUTPUT"])
    assert {"A-06", "A-07", "A-11", "A-13", "A-14", "C-04", "D-01"} <= set(rows)
    assert "B-05" not in rows and "C-11" not in rows  # roads / statistics not given
    assert all(row["status"] == "ok" for row in rows.values()), {c: r["message"] for c, r in rows.items()}


def test_bad_catalog_file_names_file_and_line(cityhealth_provider, role_uris, tmp_path):
    bad = tmp_path / "city_catalog.csv"
    bad.write_text("code,tier,unit\nA-11,基本,万亩\nC-04,sometimes,km²\n", encoding="utf-8")
    parameters = role_parameters(role_uris, only={"dltb"})
    parameters.update({"CATALOG_OVERRIDES": str(bad), "OUTPUT": "memory:", "YEAR": YEAR})
    with pytest.raises(QgsProcessingException) as raised:
        run("computeindicators", parameters)
    text = str(raised.value)
    assert "city_catalog.csv:3" in text and "C-04" in text and "Traceback" not in text


def test_canceled_before_start_stops_without_writing(cityhealth_provider, role_uris, tmp_path):
    feedback = QgsProcessingFeedback()
    feedback.cancel()
    db = tmp_path / "canceled.gpkg"
    parameters = role_parameters(role_uris)
    parameters.update({"YEAR": YEAR, "OUTPUT": "memory:", "ASSESSMENT_DB": str(db)})
    result = run("computeindicators", parameters, feedback=feedback)
    assert "COMPUTED" not in result and not db.exists()


def test_cancel_between_indicators(cityhealth_provider, role_uris, tmp_path):
    class CancelAfterFirst(QgsProcessingFeedback):
        def setProgressText(self, text):  # noqa: N802
            super().setProgressText(text)
            if text.startswith("Computing A-07"):
                self.cancel()

    db = tmp_path / "canceled.gpkg"
    parameters = role_parameters(role_uris, only={"dltb", "admin_district"})
    parameters.update({"CODES": "A-06,A-07,A-11,C-04", "YEAR": YEAR, "OUTPUT": "memory:", "ASSESSMENT_DB": str(db)})
    feedback = CancelAfterFirst()
    result = run("computeindicators", parameters, feedback=feedback)
    assert feedback.isCanceled() and "COMPUTED" not in result and not db.exists()


# --------------------------------------------------------------------------------------
# method families
# --------------------------------------------------------------------------------------

def test_landusearea_equals_the_catalog_indicator(cityhealth_provider, role_uris, layer_data):
    layers, _stats = layer_data
    parameters = role_parameters(role_uris, only={"dltb", "admin_district", "admin_subdistrict"})
    parameters.update({"GROUPS": "gengdi, lindi", "AREA_UNIT": 4, "OUTPUT": "memory:"})
    table = run("landusearea", parameters)["OUTPUT"]
    rows = {(f["group"], f["unit_type"], f["unit_code"]): f for f in table.getFeatures()}
    assert {g for g, *_ in rows} == {"gengdi", "lindi"}
    a11 = compute(load_catalog(), layers, None, YEAR, ["A-11"])[0]  # 耕地保有量, 万亩
    assert same(rows[("gengdi", "city", "city")]["area"], a11.value)
    assert rows[("gengdi", "city", "city")]["unit"] == "万亩" and rows[("gengdi", "city", "city")]["group_name"] == "耕地"
    for unit in a11.per_unit.itertuples(index=False):
        assert same(rows[("gengdi", unit.unit_type, str(unit.unit_code))]["area"], unit.value)


def test_overlayarea_equals_a14_with_overlap_polygons(cityhealth_provider, role_uris, layer_data):
    layers, _stats = layer_data
    parameters = role_parameters(role_uris, only={"dltb", "admin_district", "admin_subdistrict"})
    parameters.update({"CLIP": role_uris["eco_redline"], "GROUP": "chengxiang_jianshe", "OUTPUT": "memory:",
                       "OVERLAP": "memory:"})
    result = run("overlayarea", parameters)
    a14 = compute(load_catalog(), layers, None, YEAR, ["A-14"])[0]
    assert a14.status == "ok" and a14.value > 0
    assert same(result["AREA"], a14.value)
    rows = {(f["unit_type"], f["unit_code"]): f["area"] for f in result["OUTPUT"].getFeatures()}
    for unit in a14.per_unit.itertuples(index=False):
        assert same(rows[(unit.unit_type, str(unit.unit_code))], unit.value)
    overlap = result["OVERLAP"]
    pieces = next(iter(a14.layers.values()))
    assert overlap.featureCount() == len(pieces) > 0
    total = sum(f["AREA_M2"] for f in overlap.getFeatures())
    assert total / 1e6 == pytest.approx(a14.value, rel=1e-9)


def test_unknown_group_is_a_clear_error(cityhealth_provider, role_uris):
    parameters = role_parameters(role_uris, only={"dltb"})
    parameters.update({"CLIP": role_uris["eco_redline"], "GROUP": "gengdii", "OUTPUT": "memory:"})
    with pytest.raises(QgsProcessingException, match="gengdii"):
        run("overlayarea", parameters)


def test_zonaldensity_roads_per_district_equals_b05(cityhealth_provider, role_uris, layer_data):
    layers, _stats = layer_data
    catalog = load_catalog()
    b05 = compute(catalog, layers, None, YEAR, ["B-05"])[0]
    result = run("zonaldensity", {
        "ZONES": role_uris["admin_district"], "ZONE_ID": "XZQDM", "ZONE_NAME": "XZQMC", "MEASURE": 0,
        "ROADS": role_uris["roads"], "FILTER": catalog["B-05"].params["numerator"]["filter"],
        "WITHIN": role_uris["urban_area"], "OUTPUT": "memory:"})
    assert same(result["CITY_DENSITY"], b05.value)
    zones = {f["zone_id"]: f for f in result["OUTPUT"].getFeatures()}
    districts = b05.per_unit[b05.per_unit["unit_type"] == "district"]
    assert len(zones) == len(layers["admin_district"]) == len(districts)
    for unit in districts.itertuples(index=False):
        assert same(zones[str(unit.unit_code)]["density"], unit.value)
        assert zones[str(unit.unit_code)]["zone_name"] == unit.unit_name
        assert zones[str(unit.unit_code)]["density_unit"] == "km/km²"


def test_zonaldensity_population_per_subdistrict(cityhealth_provider, role_uris, layer_data):
    layers, _stats = layer_data
    result = run("zonaldensity", {"ZONES": role_uris["admin_subdistrict"], "ZONE_ID": "JDDM", "MEASURE": 3,
                                  "POPULATION": role_uris["population"], "OUTPUT": "memory:"})
    zones = list(result["OUTPUT"].getFeatures())
    assert len(zones) == len(layers["admin_subdistrict"])
    people = sum(f["amount"] for f in zones)
    area = sum(f["area_km2"] for f in zones)
    assert result["CITY_DENSITY"] == pytest.approx(people / area, rel=1e-9)
    from cityhealth_plugin.core.indicators.context import EngineContext
    from cityhealth_plugin.core.indicators.measures import evaluate

    engine = EngineContext({k: layers[k] for k in ("population", "admin_subdistrict")}, None, YEAR, load_catalog())
    expected = evaluate(engine, {"sum": "population", "field": "RKS"}).levels["subdistrict"]
    for zone in zones:  # residents split by area share among the sub-districts, as the engine does
        assert zone["amount"] == pytest.approx(expected[zone["zone_id"]], rel=1e-9, abs=1e-6)
    residents = layers["population"].attributes["RKS"].sum()
    assert people == pytest.approx(residents, rel=0.01)  # the sub-districts cover nearly all the grid
    assert all(f["density"] > 0 and not math.isnan(f["density"]) for f in zones if f["amount"] > 0)


def test_zonaldensity_repeated_ids_are_refused(cityhealth_provider, role_uris):
    with pytest.raises(QgsProcessingException, match="unique"):
        run("zonaldensity", {"ZONES": role_uris["admin_subdistrict"], "ZONE_ID": "XZQDM", "MEASURE": 0,
                             "ROADS": role_uris["roads"], "OUTPUT": "memory:"})
