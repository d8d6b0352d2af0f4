"""The results store and the headless assessment run on a small GeoPackage."""

import json

import numpy as np
import openpyxl
import pandas as pd
import pytest
import shapely

from cityhealth_plugin.core.assessment import pipeline
from cityhealth_plugin.core.catalog.loader import load_catalog
from cityhealth_plugin.core.indicators.engine import compute
from cityhealth_plugin.core.layer_data import LayerData
from cityhealth_plugin.core.store import gpkg
from cityhealth_plugin.core.store.results import read_provenance, read_values, write_results

X, Y = 500_000.0, 2_700_000.0


def layer(name, geoms, kind="polygon", **columns):
    geoms = np.asarray(geoms, dtype=object)
    frame = pd.DataFrame(columns) if columns else pd.DataFrame(index=range(len(geoms)))
    return LayerData(name, geoms, frame, np.arange(1, len(geoms) + 1), "EPSG:4548", kind)


def box(x0, y0, x1, y1):
    return shapely.box(X + x0, Y + y0, X + x1, Y + y1)


def small_city():
    return {
        "DLTB": layer("DLTB", [box(0, 0, 100, 100), box(100, 0, 200, 100), box(0, 100, 200, 200)],
                      DLBM=["0101", "0701", "0301"], CZCSXM=["", "201", ""], TBMJ=[10000.0, 10000.0, 20000.0],
                      KCMJ=[1000.0, 0.0, 0.0], TBDLMJ=[9000.0, 10000.0, 20000.0]),
        "XZQ": layer("XZQ", [box(0, 0, 150, 200), box(150, 0, 300, 200)], XZQDM=["350203", "350205"],
                     XZQMC=["思明区", "海沧区"]),
        "JD": layer("JD", [box(0, 0, 150, 100), box(0, 100, 150, 200), box(150, 0, 300, 200)],
                    JDDM=["350203001", "350203002", "350205001"], JDMC=["甲街道", "乙街道", "丙街道"]),
        "STBHHX": layer("STBHHX", [box(100, -50, 150, 150)], HXMC=["红线"]),
    }


def write_package(path, layers, stats=True):
    for data in layers.values():
        gpkg.write_layer(path, data)
    if stats:
        gpkg.write_table(path, "DEPT_STATS", pd.DataFrame({
            "code": ["C-01", "POP_URBAN", "GDP", "A-01", "A-01"], "name_zh": ["常住人口数量", "城镇常住人口",
                                                                               "地区生产总值", "用水总量", "用水总量"],
            "year": [2024] * 5, "unit_code": ["city", "city", "city", "city", "350203"],
            "value": [0.02, 0.01, 1.0, 1.5, 0.5], "unit": ["万人", "万人", "亿元", "亿m³", "亿m³"]}))
    return path


def test_results_round_trip_and_years_are_kept(tmp_path):
    catalog = load_catalog()
    layers = {"dltb": small_city()["DLTB"], "admin_district": small_city()["XZQ"]}
    results = compute(catalog, layers, None, 2024, codes=["A-11", "C-04", "A-13"])
    db = tmp_path / "assessment.gpkg"
    write_results(db, results, 2024)
    write_results(db, compute(catalog, layers, None, 2023, codes=["A-11"]), 2023)
    values = read_values(db)
    assert set(values["year"]) == {2023, 2024}
    city = values[(values["year"] == 2024) & (values["unit_type"] == "city")].set_index("code")
    assert city.loc["A-11", "value"] == pytest.approx(0.00135)
    assert city.loc["A-13", "status"] == "missing_input" and pd.isna(city.loc["A-13", "value"])
    district = values[(values["code"] == "C-04") & (values["unit_type"] == "district")]
    assert sorted(district["unit_code"]) == ["350203", "350205"]
    provenance = json.loads(read_provenance(db, "C-04", 2024))
    assert provenance["inputs"][0]["role"] == "dltb" and provenance["area_method"] == "TBDLMJ"
    write_results(db, results[:1], 2024)  # rewriting a year replaces only those codes
    assert len(read_values(db, 2024, "C-04")) == 3


def test_assessment_run_writes_the_database_and_the_table(tmp_path):
    data = write_package(tmp_path / "city.gpkg", small_city())
    lines = []
    code = pipeline.run_assessment(data, 2024, tmp_path / "out", log=lines.append)
    assert code == 0, "\n".join(lines)
    db = tmp_path / "out" / "assessment_2024.gpkg"
    values = read_values(db, 2024)
    city = values[values["unit_type"] == "city"].set_index("code")
    assert len(city) == 122
    assert city.loc["A-14", "value"] == pytest.approx(0.005)
    assert city.loc["C-11", "value"] == pytest.approx(100)
    assert city.loc["A-01", "value"] == pytest.approx(1.5) and city.loc["A-01", "source_type"] == "statistic"
    assert "result_A_14_1" in {row[0] for row in gpkg.list_layers(db)}
    sheet = openpyxl.load_workbook(tmp_path / "out" / "indicators_2024.xlsx")["Indicators"]
    header = [c.value for c in sheet[1]]
    assert header[:7] == ["Code", "Level 1", "Level 2", "Indicator", "Value", "Unit", "Status"]
    assert "思明区 (350203)" in header and "海沧区 (350205)" in header
    rows = {r[0]: r for r in sheet.iter_rows(min_row=2, values_only=True)}
    assert rows["A-14"][4] == pytest.approx(0.005) and rows["A-14"][header.index("思明区 (350203)")] == pytest.approx(0.005)
    text = "\n".join(lines)
    assert "Missing inputs" in text and "role:roads" in text and "Traceback" not in text


def test_missing_data_package_and_missing_dltb_exit_2(tmp_path):
    lines = []
    assert pipeline.run_assessment(tmp_path / "none.gpkg", 2024, tmp_path / "out", log=lines.append) == 2
    assert "not found" in lines[-1]
    city = small_city()
    del city["DLTB"]
    data = write_package(tmp_path / "nodltb.gpkg", city)
    lines.clear()
    assert pipeline.run_assessment(data, 2024, tmp_path / "out2", log=lines.append) == 2
    assert "DLTB" in lines[-1]
    not_gpkg = tmp_path / "x.gpkg"
    not_gpkg.write_text("hello")
    assert pipeline.run_assessment(not_gpkg, 2024, tmp_path / "out3", log=lines.append) == 2


def test_bad_attribute_data_is_reported_not_raised(tmp_path):
    city = small_city()
    city["DLTB"] = layer("DLTB", city["DLTB"].geometries, DLBM=["0101", "0701", "0301"], TBDLMJ=["x", None, "7"])
    data = write_package(tmp_path / "bad.gpkg", city, stats=False)
    lines = []
    assert pipeline.run_assessment(data, 2024, tmp_path / "out", log=lines.append) == 0
    values = read_values(tmp_path / "out" / "assessment_2024.gpkg", 2024)
    city_rows = values[values["unit_type"] == "city"].set_index("code")
    assert city_rows.loc["C-04", "status"] == "missing_input"  # no CZCSXM field: named, not 0
    assert city_rows.loc["A-11", "status"] == "ok"
    assert "field:dltb.CZCSXM" in "\n".join(lines)


def test_steps_can_be_added(tmp_path, monkeypatch):
    seen = []
    steps = list(pipeline.STEPS)
    monkeypatch.setattr(pipeline, "STEPS", steps)
    pipeline.register_step(pipeline.Step("diagnosis", lambda run: seen.append(len(run.results))),
                           after="compute_indicators")
    assert [s.name for s in steps].index("diagnosis") == 3
    data = write_package(tmp_path / "city.gpkg", small_city())
    assert pipeline.run_assessment(data, 2024, tmp_path / "out", log=lambda m: None) == 0
    assert seen == [122]


def test_cli_assess(tmp_path, capsys):
    from cityhealth_plugin.cli import main

    data = write_package(tmp_path / "city.gpkg", small_city())
    assert main(["assess", "--data", str(data), "--year", "2024", "--out", str(tmp_path / "out")]) == 0
    assert "指标" in capsys.readouterr().out  # the deliverables' language by default
    assert main(["assess", "--data", str(data), "--year", "2024", "--out", str(tmp_path / "en"), "--lang", ""]) == 0
    assert "Indicators:" in capsys.readouterr().out
    from cityhealth_plugin.core.i18n import tr

    assert tr("Unit") == "Unit"  # the command gave the language back
