"""cityhealth:checkcompliance and cityhealth:diagnoseindicators through processing.run.

Known answers: the small demo city's DEMO_TRUTH table (generated once per session), the
violation layer's own sums, and hand-set values and targets for the diagnosis.
"""

import pytest
from openpyxl import load_workbook
from qgis.core import QgsProcessingContext, QgsProcessingException, QgsProcessingFeedback, QgsVectorLayer

from cityhealth_plugin.core.compliance import reviews, storage
from cityhealth_plugin.core.store import gpkg

LAYERS = {"DLTB": "DLTB", "DLTB_BASE": "DLTB_2020", "FARMLAND_PROTECTION": "YJJBNT", "ECO_REDLINE": "STBHHX",
          "URBAN_BOUNDARY": "CZKFBJ", "HERITAGE_LINE": "LSWHBHX", "ADMIN_DISTRICT": "XZQ"}
RULE_OF_PROBLEM = {
    "construction_in_eco_redline": "redline_construction",
    "yjjbnt_to_construction": "farmland_construction",
    "yjjbnt_to_noncultivated": "farmland_non_cultivated",
    "new_construction_outside_czkfbj": "new_construction_outside_boundary",
}


@pytest.fixture(scope="session")
def demo_city(tmp_path_factory):
    from cityhealth_plugin.core.demo.city import generate_demo_city

    path = tmp_path_factory.mktemp("compliance_demo") / "democity_small.gpkg"
    generate_demo_city(scale="small", seed=2024, out=path)
    return path


def demo_layers(path, names=LAYERS):
    layers = {}
    for parameter, table in names.items():
        layer = QgsVectorLayer(f"{path}|layername={table}", table, "ogr")
        assert layer.isValid(), table
        layers[parameter] = layer
    return layers


def run(algorithm, parameters):
    import processing

    return processing.run(algorithm, parameters)


def features(layer):
    names = layer.fields().names()
    return [dict(zip(names, f.attributes()), _geometry=f.geometry()) for f in layer.getFeatures()]


@pytest.fixture
def checked(cityhealth_provider, demo_city, tmp_path):
    """All five checks on the demo city, as DEMO_TRUTH counts them; db and workbook written."""
    parameters = dict(demo_layers(demo_city), YEAR=2024, FARMLAND_CULTIVATED_ONLY=True,
                      OUTPUT="TEMPORARY_OUTPUT", SUMMARY="TEMPORARY_OUTPUT",
                      ASSESSMENT_DB=str(tmp_path / "assessment.gpkg"), XLSX=str(tmp_path / "compliance.xlsx"))
    return parameters, run("cityhealth:checkcompliance", parameters)


def test_violations_reproduce_demo_truth(checked, demo_city):
    _parameters, result = checked
    rows = features(result["OUTPUT"])
    assert result["CHECKS_RUN"] == 5 and result["CHECKS_NOT_RUN"] == 0
    assert result["VIOLATIONS"] == len(rows) > 0
    by_rule = {}
    for row in rows:
        count, area = by_rule.get(row["rule"], (0, 0.0))
        by_rule[row["rule"]] = (count + 1, area + row["area_m2"])
    truth = gpkg.read_table(demo_city, "DEMO_TRUTH")
    compared = 0
    for record in truth.to_dict("records"):
        rule = RULE_OF_PROBLEM.get(record["problem"])
        if rule is None:
            continue
        count, area = by_rule.get(rule, (0, 0.0))
        assert count == int(record["count"]), (rule, count, record)
        assert area == pytest.approx(float(record["total_area_m2"]), rel=1e-3), (rule, area, record)
        compared += 1
    assert compared == 4
    # every part is a valid polygon in the working CRS with its patch, class and district
    layer = result["OUTPUT"]
    assert layer.crs().authid() == "EPSG:4548"
    assert all(row["_geometry"].isGeosValid() and row["patch_id"] and row["DLBM"] and row["XZQDM"] for row in rows)
    assert {row["area_basis"] for row in rows} <= {"TBDLMJ", "ellipsoidal", "planar"}
    assert {f.name() for f in layer.fields()} >= {"rule", "rule_name", "patch_id", "DLBM", "DLMC", "area_m2",
                                                  "area_basis", "XZQDM", "XZQMC", "year"}


def test_summary_totals_equal_the_layer_sums(checked):
    _parameters, result = checked
    rows = features(result["OUTPUT"])
    summary = features(result["SUMMARY"])
    assert summary and all(row["year"] == 2024 for row in summary)
    rules = {row["rule"] for row in rows}
    for rule in rules:
        parts = [row for row in rows if row["rule"] == rule]
        total = [row for row in summary if row["rule"] == rule and row["XZQDM"] == "*"]
        districts = [row for row in summary if row["rule"] == rule and row["XZQDM"] != "*"]
        assert len(total) == 1
        assert total[0]["count"] == len(parts) == sum(d["count"] for d in districts)
        area = sum(p["area_m2"] for p in parts)
        assert total[0]["area_m2"] == pytest.approx(area, rel=1e-9)
        assert sum(d["area_m2"] for d in districts) == pytest.approx(area, rel=1e-9)
        assert total[0]["area_hm2"] == pytest.approx(area / 1e4, rel=1e-9)
        for district in districts:
            mine = [p for p in parts if p["XZQDM"] == district["XZQDM"]]
            assert district["count"] == len(mine)
            assert district["area_m2"] == pytest.approx(sum(p["area_m2"] for p in mine), rel=1e-9)
    assert sum(row["area_m2"] for row in summary if row["XZQDM"] == "*") / 1e4 == pytest.approx(result["AREA_HM2"])


def test_database_and_workbook_are_written(checked):
    parameters, result = checked
    db = parameters["ASSESSMENT_DB"]
    stored = storage.read_violations(db, 2024)
    assert len(stored) == result["VIOLATIONS"]
    checks = storage.read_table_of_year(db, storage.CHECKS_TABLE, 2024)
    assert set(checks["status"]) <= {"ok", "violations"} and len(checks) == 5
    book = load_workbook(result["XLSX"])
    assert book.sheetnames[:3] == ["Summary", "Violations", "Checks"]
    violations = list(book["Violations"].iter_rows(values_only=True))
    assert violations[0][0] == "Rule" and len(violations) == 1 + result["VIOLATIONS"]


def test_reviews_survive_a_rerun(checked):
    parameters, result = checked
    db = parameters["ASSESSMENT_DB"]
    first = storage.read_violations(db, 2024).attributes
    target = first[first["rule"] == "redline_construction"].iloc[0]
    reviews.save_reviews(db, [reviews.Review("redline_construction", target["patch_id"], 2024, True, "临时用地，已批")])
    again = run("cityhealth:checkcompliance", dict(parameters, XLSX=None))
    assert again["VIOLATIONS"] == result["VIOLATIONS"]
    table = reviews.apply_reviews(storage.read_violations(db, 2024).attributes, reviews.load_reviews(db, 2024))
    marked = table[table["reviewed"]]
    assert len(marked) == 1
    assert marked.iloc[0]["patch_id"] == target["patch_id"] and marked.iloc[0]["note"] == "临时用地，已批"


def test_chosen_checks_and_missing_layers(cityhealth_provider, demo_city):
    layers = demo_layers(demo_city, {"DLTB": "DLTB", "ECO_REDLINE": "STBHHX", "ADMIN_DISTRICT": "XZQ"})
    only = run("cityhealth:checkcompliance", dict(layers, CHECKS=[0], YEAR=2024, OUTPUT="TEMPORARY_OUTPUT"))
    assert {row["rule"] for row in features(only["OUTPUT"])} == {"redline_construction"}
    assert only["CHECKS_RUN"] == 1 and only["CHECKS_NOT_RUN"] == 0
    everything = run("cityhealth:checkcompliance", dict(layers, YEAR=2024, OUTPUT="TEMPORARY_OUTPUT"))
    assert everything["CHECKS_RUN"] == 1 and everything["CHECKS_NOT_RUN"] == 4
    assert everything["VIOLATIONS"] == only["VIOLATIONS"] == 3
    heritage = demo_layers(demo_city, {"DLTB": "DLTB"})
    with pytest.raises(QgsProcessingException) as error:
        run("cityhealth:checkcompliance", dict(heritage, CHECKS=[3], YEAR=2024, OUTPUT="TEMPORARY_OUTPUT"))
    assert "historic and cultural protection line" in str(error.value).lower()


class CancelAfter(QgsProcessingFeedback):
    """Cancels as soon as progress passes ``percent``."""

    def __init__(self, percent):
        super().__init__()
        self.percent = percent
        self.progressChanged.connect(lambda value: self.cancel() if value >= self.percent else None)


@pytest.mark.parametrize("percent", [30, 85])  # while reading the layers; while checking
def test_cancel_stops_without_output(cityhealth_provider, demo_city, percent):
    from qgis.core import QgsApplication

    algorithm = QgsApplication.processingRegistry().createAlgorithmById("cityhealth:checkcompliance")
    context = QgsProcessingContext()
    feedback = CancelAfter(percent)
    parameters = dict(demo_layers(demo_city), YEAR=2024, OUTPUT="TEMPORARY_OUTPUT")
    results, ok = algorithm.run(parameters, context, feedback)
    assert feedback.isCanceled()
    assert "OUTPUT" not in (results or {})


# ------------------------------------------------------------------------------ diagnosis

@pytest.fixture
def values_db(tmp_path):
    """An assessment database with known values of 2020, 2023 and 2024."""
    import pandas as pd

    rows = []
    known = {"A-11": (8.0, None, 7.0), "C-04": (190.0, None, 207.0), "D-01": (22.0, None, 22.3),
             "A-01": (3.8, 3.9, 3.95), "F-25": (360, 356, 358)}
    for code, series in known.items():
        for year, value in zip((2020, 2023, 2024), series):
            if value is not None:
                rows.append({"code": code, "year": year, "unit_type": "city", "unit_code": "city", "value": value,
                             "unit": "", "source_type": "spatial", "status": "ok", "computed_at": ""})
    db = tmp_path / "assessment.gpkg"
    gpkg.write_table(db, "indicator_values", pd.DataFrame(rows))
    return db


def test_diagnosis_writes_readable_tables(cityhealth_provider, values_db, tmp_path):
    targets = tmp_path / "targets.csv"
    targets.write_text("# demo\ncode,target_2025,target_2035,limit,limit_type,direction\n"
                       "A-11,,,7.5,min,constraint\nC-04,,,210,max,constraint\nD-01,23,25,,,\nF-25,350,,,,\n",
                       encoding="utf-8")
    result = run("cityhealth:diagnoseindicators", {
        "ASSESSMENT_DB": str(values_db), "YEAR": 2024, "TARGETS_FILE": str(targets), "CITY": "厦门市",
        "OUTPUT": "TEMPORARY_OUTPUT", "CONCLUSION_TABLE": str(tmp_path / "conclusion.xlsx"),
        "TASKS_TABLE": str(tmp_path / "tasks.xlsx")})
    rows = {row["code"]: row for row in features(result["OUTPUT"])}
    assert set(rows) == {"A-11", "C-04", "D-01", "A-01", "F-25"}
    assert rows["A-11"]["status"] == "not_met"  # 7.0 below the binding 7.5
    assert rows["C-04"]["status"] == "warning"  # 207 within 2 % of the 210 limit
    assert rows["F-25"]["status"] == "met"
    assert rows["A-01"]["status"] == "not_assessed"  # no target
    assert rows["D-01"]["base_value"] == pytest.approx(22.0) and rows["A-01"]["previous_value"] == pytest.approx(3.9)
    assert result["NOT_MET"] == 1 and result["MET"] == 1 and result["NOT_ASSESSED"] == 1
    sheet = load_workbook(result["CONCLUSION_TABLE"]).active
    assert "厦门市" in sheet["A1"].value and "2024" in sheet["A1"].value
    body = {r[3]: r for r in sheet.iter_rows(min_row=3, values_only=True)}
    assert body["耕地保有量"][11] == "Not met" and body["耕地保有量"][9] == "≥7.5"
    tasks = list(load_workbook(result["TASKS_TABLE"]).active.iter_rows(min_row=3, values_only=True))
    assert len(tasks) == result["NOT_MET"] + result["WARNING"]


def test_diagnosis_takes_a_targets_layer_and_refuses_a_missing_year(cityhealth_provider, values_db, memory_layer):
    table = memory_layer("None", "", [("code", "text"), ("target_2025", "real")], [(None, ["F-25", 365.0])], "targets")
    result = run("cityhealth:diagnoseindicators", {"ASSESSMENT_DB": str(values_db), "YEAR": 2024, "TARGETS": table,
                                                   "OUTPUT": "TEMPORARY_OUTPUT"})
    rows = {row["code"]: row for row in features(result["OUTPUT"])}
    assert rows["F-25"]["target_value"] == pytest.approx(365.0) and rows["F-25"]["status"] != "met"
    with pytest.raises(QgsProcessingException) as error:
        run("cityhealth:diagnoseindicators", {"ASSESSMENT_DB": str(values_db), "YEAR": 2019,
                                              "OUTPUT": "TEMPORARY_OUTPUT"})
    assert "2019" in str(error.value)
