"""cityhealth:analysesurvey through processing.run: the demo questionnaires as xlsx (demo shares,
districts, assessment database) and as a GBK csv (mapping and shares files); every output is
written and the tables equal the core analysis run with the same settings."""

import json
from pathlib import Path

import docx
import pandas as pd
import pytest
from qgis.core import QgsProcessingException, QgsVectorLayer

from cityhealth_plugin.core.store import gpkg
from cityhealth_plugin.core.survey import (
    ScreeningRules,
    SurveyOptions,
    analyse_survey,
    import_questionnaires,
    report_tables,
)
from cityhealth_plugin.core.survey.demo import (
    demo_objective_indicators,
    demo_population_margins,
    generate_demo_survey,
    save_questionnaires,
    xiamen_district_polygons,
)
from cityhealth_plugin.core.survey.pipeline_step import output_names
from cityhealth_plugin.core.survey.report_docx import district_scores
from cityhealth_plugin.resources_paths import DATA

YEAR = 2024


@pytest.fixture(scope="module")
def demo():
    return generate_demo_survey(n=3400, seed=2024)


@pytest.fixture
def assessment_db(tmp_path):
    """indicator_values with the demo's objective indicators per district (unit codes = names)."""
    wide = demo_objective_indicators()
    rows = [{"code": code, "year": YEAR, "unit_type": "district", "unit_code": district, "value": float(value),
             "unit": "", "source_type": "spatial", "status": "ok", "computed_at": ""}
            for district, row in wide.iterrows() for code, value in row.items()]
    path = tmp_path / "assessment.gpkg"
    gpkg.write_table(path, "indicator_values", pd.DataFrame(rows))
    return path


def districts_layer():
    layer = QgsVectorLayer(str(DATA / "xiamen_districts.geojson"), "区界", "ogr")
    assert layer.isValid()
    return layer


def test_xlsx_with_districts_demo_shares_and_assessment_db(qgis_processing, cityhealth_provider, demo, assessment_db,
                                                           tmp_path):
    import processing

    source = save_questionnaires(demo.frame, tmp_path / "问卷_2024.xlsx")
    out = tmp_path / "out"
    result = processing.run("cityhealth:analysesurvey", {
        "INPUT": str(source), "DEMO": True, "DISTRICTS": districts_layer(), "DISTRICT_FIELD": "name",
        "ASSESSMENT_DB": str(assessment_db), "YEAR": YEAR, "CITY": "厦门市", "OUTPUT_FOLDER": str(out),
        "OUTPUT": str(tmp_path / "scores.gpkg"),
    })
    names = output_names(YEAR)
    assert result["VALID_COUNT"] == 3150 and result["TOTAL_COUNT"] == 3400 and result["REQUIREMENT_MET"] is True
    for key, name in (("XLSX", "xlsx"), ("REPORT", "report"), ("MAP", "map"), ("MAPPING_USED", "mapping")):
        assert Path(result[key]) == out / names[name] and Path(result[key]).is_file(), key

    # the same analysis in core
    data = import_questionnaires(source)
    polygons = xiamen_district_polygons()
    expected = analyse_survey(data, SurveyOptions(margins=demo_population_margins(),
                                                  rules=ScreeningRules(known_districts=list(polygons.names))),
                              polygons, demo_objective_indicators())
    assert result["OVERALL_SCORE"] == pytest.approx(expected.scores.overall["score"].iloc[0], abs=1e-9)
    tables = report_tables(expected)
    sheets = pd.read_excel(result["XLSX"], sheet_name=None)
    for key in ("dimensions", "districts", "sample", "gap"):
        sheet = sheets[tables[key].title[:31].strip()]
        pd.testing.assert_frame_equal(sheet, tables[key].frame.reset_index(drop=True), check_dtype=False, atol=1e-9)

    layer = QgsVectorLayer(f"{tmp_path / 'scores.gpkg'}", "scores", "ogr")
    assert layer.isValid() and layer.featureCount() == 6
    scores = district_scores(expected).set_index("district")
    for feature in layer.getFeatures():
        assert feature["score"] == pytest.approx(scores.loc[feature["district"], "score"], abs=1e-9)
        assert feature["n"] == scores.loc[feature["district"], "n"]

    document = docx.Document(result["REPORT"])
    assert len(document.inline_shapes) == 1
    assert document.paragraphs[1].text == "厦门市2024年城市体检社会满意度评价报告"
    mapping = json.loads(Path(result["MAPPING_USED"]).read_text(encoding="utf-8"))
    assert len(mapping["questions"]) == 24


def test_gbk_csv_with_mapping_and_margins_files(qgis_processing, cityhealth_provider, tmp_path):
    import processing

    small = generate_demo_survey(n=1200, seed=5, n_incomplete=20, n_straight=20, n_fast=20, n_duplicate_id=10,
                                 n_duplicate_answers=10, n_outside=10)
    source = save_questionnaires(small.frame, tmp_path / "问卷.csv", encoding="gbk")
    assert Path(source).read_bytes().decode("gbk").startswith("问卷编号")
    mapping_path = tmp_path / "mapping.json"
    mapping_path.write_text(small.mapping.to_json(), encoding="utf-8")
    shares = demo_population_margins()
    margins_path = tmp_path / "人口构成.csv"
    pd.DataFrame([(a, c, 100 * s) for a, cats in shares.items() for c, s in cats.items()],
                 columns=["属性", "类别", "比例"]).to_csv(margins_path, index=False, encoding="gbk")
    out = tmp_path / "out"
    result = processing.run("cityhealth:analysesurvey", {
        "INPUT": str(source), "MAPPING": str(mapping_path), "MARGINS": str(margins_path), "YEAR": YEAR,
        "REQUIRED_VALID": 1000, "MIN_SECONDS": 90, "OUTPUT_FOLDER": str(out),
    })
    data = import_questionnaires(source, small.mapping)
    assert data.encoding.startswith("GB18030")
    # without a district layer the districts of the population shares are the city's districts
    rules = ScreeningRules(required_valid=1000, min_seconds=90, known_districts=list(shares["district"]))
    expected = analyse_survey(data, SurveyOptions(margins=shares, rules=rules))
    assert expected.screening.flags["unknown_district"].sum() > 0
    assert result["VALID_COUNT"] == expected.screening.valid_count < 1200
    assert result["REQUIREMENT_MET"] is True
    assert result["OVERALL_SCORE"] == pytest.approx(expected.scores.overall["score"].iloc[0], abs=1e-9)
    assert "OUTPUT" not in result and "MAP" not in result  # no districts: no layer, no map
    sheet = pd.read_excel(result["XLSX"], sheet_name="Satisfaction by dimension")
    pd.testing.assert_frame_equal(sheet, report_tables(expected)["dimensions"].frame, check_dtype=False, atol=1e-9)
    text = "\n".join(p.text for p in docx.Document(result["REPORT"]).paragraphs)
    assert "未生成分区满意度图" in text and f"有效问卷{expected.screening.valid_count:,}份" in text


def test_bad_mapping_is_a_clear_error(qgis_processing, cityhealth_provider, demo, tmp_path):
    import processing

    source = save_questionnaires(demo.frame.iloc[:200], tmp_path / "q.xlsx")
    mapping = json.loads(demo.mapping.to_json())
    mapping["questions"][0]["dimension"] = "happiness"
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(mapping, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(QgsProcessingException) as error:
        processing.run("cityhealth:analysesurvey", {"INPUT": str(source), "MAPPING": str(path), "YEAR": YEAR,
                                                    "OUTPUT_FOLDER": str(tmp_path / "out")})
    assert "unknown dimension 'happiness'" in str(error.value) and "Q1 您对城市治安状况的满意度" in str(error.value)
