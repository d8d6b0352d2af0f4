"""附件4 社会满意度评价报告 from the demo survey: every chapter, the valid count that screening
found, the district map, the tables, generated conclusions; and the survey step of the
assessment pipeline on a data package folder."""

import json
import zipfile
from pathlib import Path
from types import SimpleNamespace

import docx
import numpy as np
import pandas as pd
import pytest

from cityhealth_plugin.core.layer_data import LayerData
from cityhealth_plugin.core.survey import ScreeningRules, SurveyOptions, analyse_survey, prepare_responses
from cityhealth_plugin.core.survey.demo import (
    XIAMEN_DISTRICTS,
    demo_objective_indicators,
    demo_population_margins,
    generate_demo_survey,
    save_questionnaires,
    xiamen_district_polygons,
)
from cityhealth_plugin.core.survey.pipeline_step import (
    find_questionnaires,
    objective_from_values,
    output_names,
    run_survey_step,
    usable_objective,
)
from cityhealth_plugin.core.survey.report_docx import (
    CHAPTERS,
    conclusions,
    district_map_png,
    district_scores,
    level_words,
    write_survey_report,
)


@pytest.fixture(scope="module")
def analysis():
    demo = generate_demo_survey(n=3400, seed=2024)
    data = prepare_responses(demo.frame, demo.mapping, "问卷_2024.xlsx", "xlsx")
    options = SurveyOptions(margins=demo_population_margins(), rules=ScreeningRules(known_districts=XIAMEN_DISTRICTS))
    return analyse_survey(data, options, xiamen_district_polygons(), demo_objective_indicators())


@pytest.fixture(scope="module")
def report(analysis, tmp_path_factory):
    folder = tmp_path_factory.mktemp("report")
    polygons = xiamen_district_polygons()
    scores = district_scores(analysis)
    image = district_map_png(polygons.names, polygons.geometries, dict(zip(scores["district"], scores["score"])),
                             folder / "map.png", title="各区居民总体满意度")
    path = write_survey_report(analysis, folder / "附件4.docx", city="厦门市", year=2024, map_image=image)
    return path, image


def body_text(document):
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.append("\t".join(cell.text for cell in row.cells))
    return "\n".join(parts)


def test_report_has_every_chapter_in_order(report):
    document = docx.Document(str(report[0]))
    level1 = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert level1 == list(CHAPTERS)
    titles = [p.text for p in document.paragraphs if p.style.name == "Title"]
    assert titles == ["厦门市2024年城市体检社会满意度评价报告"]
    level2 = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
    assert "（二）样本回收与有效性筛查" in level2 and "（一）主要结论" in level2


def test_valid_count_matches_screening_and_the_requirement(report, analysis):
    assert analysis.screening.valid_count == 3150 and analysis.screening.total == 3400
    document = docx.Document(str(report[0]))
    text = body_text(document)
    assert "有效问卷3,150份" in text and "回收问卷3,400份" in text
    assert "达到工作方案不少于3,000份有效问卷的要求" in text
    summary = next(t for t in document.tables if t.rows[0].cells[0].text == "项目" and "有效问卷（份）" in body_text_table(t))
    rows = {row.cells[0].text: row.cells[1].text for row in summary.rows}
    assert rows["有效问卷（份）"] == "3,150" and rows["剔除无效问卷（份）"] == "250" and rows["是否达到要求"] == "达到"
    screening = next(t for t in document.tables if t.rows[0].cells[0].text == "筛查规则")
    counts = {row.cells[0].text: int(row.cells[2].text) for row in screening.rows[1:]}
    assert counts["答题时间过短"] == 70 and counts["问卷编号重复"] == 20 and counts["定位不在市域范围内"] == 30


def body_text_table(table):
    return "\n".join("\t".join(c.text for c in row.cells) for row in table.rows)


def test_scores_district_table_map_and_mismatches(report, analysis):
    path, image = report
    document = docx.Document(str(path))
    assert image is not None and Path(image).stat().st_size > 20_000
    assert len(document.inline_shapes) == 1
    with zipfile.ZipFile(path) as archive:
        assert any(name.startswith("word/media/") and name.endswith(".png") for name in archive.namelist())
    dims = next(t for t in document.tables if t.rows[0].cells[0].text == "评价维度")
    overall = analysis.scores.overall.iloc[0]
    last = [c.text for c in dims.rows[-1].cells]
    assert last[0] == "总体满意度" and last[1] == f"{overall['score']:.1f}"
    assert last[2] == f"{overall['score_lower']:.1f}～{overall['score_upper']:.1f}"
    districts = next(t for t in document.tables if t.rows[0].cells[0].text == "区" and t.rows[0].cells[1].text == "有效问卷")
    listed = [row.cells[0].text for row in districts.rows[1:]]
    assert sorted(listed) == sorted(XIAMEN_DISTRICTS)
    best = district_scores(analysis).sort_values("score", ascending=False).iloc[0]
    assert listed[0] == best["district"]
    mismatch = next(t for t in document.tables if [c.text for c in t.rows[0].cells][-1] == "判断")
    verdicts = [row.cells[-1].text for row in mismatch.rows[1:]]
    assert len(verdicts) == len(analysis.gap.mismatches()) > 0
    assert set(verdicts) <= {"主观感受低于客观水平", "主观感受高于客观水平"}
    text = body_text(document)
    assert "思明区的出行便捷性" in text  # the demo's known mismatch
    assert "停车难" in text and "交通拥堵" in text  # concerns with Chinese topic names


def test_conclusions_follow_the_numbers(analysis):
    text = conclusions(analysis)
    overall = analysis.scores.overall.iloc[0]
    assert f"{overall['score']:.1f}分" in text["findings"][0] and level_words(overall["score"]) in text["findings"][0]
    weakest = analysis.scores.dimensions.sort_values("score").iloc[0]
    assert weakest["item"] == "travel" and "出行便捷性得分最低" in text["findings"][1]
    assert text["advice"][0].startswith("提升出行便捷性")
    assert any("加权" in line for line in text["survey"])  # the unbalanced demo sample is mentioned
    assert [level_words(s) for s in (85, 75, 65, 55, float("nan"))] == ["较高", "良好", "中等", "偏低", "无法评价"]


def test_report_without_districts_objective_or_margins(tmp_path):
    demo = generate_demo_survey(n=700, seed=7, n_incomplete=10, n_straight=10, n_fast=10, n_duplicate_id=5,
                                n_duplicate_answers=5, n_outside=5)
    data = prepare_responses(demo.frame, demo.mapping)
    result = analyse_survey(data, SurveyOptions(weighting="none"))
    path = write_survey_report(result, tmp_path / "r.docx", year=2024)
    document = docx.Document(str(path))
    text = body_text(document)
    assert [p.text for p in document.paragraphs if p.style.name == "Heading 1"] == list(CHAPTERS)
    assert "未达到工作方案不少于3,000份有效问卷的要求" in text
    assert "未提供常住人口结构数据" in text and "未生成分区满意度图" in text
    assert "本次未开展主观感受与客观指标的对比" in text
    assert len(document.inline_shapes) == 0


# --------------------------------------------------------------------------------------
# the pipeline step
# --------------------------------------------------------------------------------------

def test_objective_from_store_rows_and_usability():
    values = pd.DataFrame({
        "code": ["F-05", "F-05", "F-05", "B-05", "F-05"], "year": 2024,
        "unit_type": ["district", "district", "district", "district", "city"],
        "unit_code": ["350203", "350206", "350211", "350203", "city"], "value": [62.0, 55.0, 35.0, 9.8, 40.0],
    })
    wide = objective_from_values(values, {"350203": "思明区", "350206": "湖里区", "350211": "集美区"})
    assert wide.loc["思明区", "F-05"] == 62.0 and wide.loc["思明区", "B-05"] == 9.8 and "city" not in wide.index
    ok, why = usable_objective(wide, ["思明区", "湖里区", "集美区", "海沧区"])
    assert ok is not None and why == ""
    none, why = usable_objective(wide, ["思明区", "湖里区"])
    assert none is None and "2" in why
    assert usable_objective(wide[["B-05"]].rename(columns={"B-05": "X-99"}), ["思明区", "湖里区", "集美区"])[0] is None


def test_survey_step_writes_the_outputs_of_a_data_package(tmp_path):
    package = tmp_path / "package"
    package.mkdir()
    (package / "city.gpkg").write_bytes(b"")  # no tables: the questionnaires come from the file beside it
    assert find_questionnaires(package / "city.gpkg", 2024) is None
    demo = generate_demo_survey(n=900, seed=11, n_incomplete=10, n_straight=10, n_fast=10, n_duplicate_id=5,
                                n_duplicate_answers=5, n_outside=10)
    save_questionnaires(demo.frame, package / "survey_2024.xlsx")
    pd.DataFrame([(a, c, s) for a, shares in demo_population_margins().items() for c, s in shares.items()],
                 columns=["属性", "类别", "比例"]).to_csv(package / "survey_margins.csv", index=False, encoding="gbk")
    assert find_questionnaires(package / "city.gpkg", 2024) == ("file", package / "survey_2024.xlsx")
    polygons = xiamen_district_polygons()
    districts = LayerData("XZQ", np.asarray(polygons.geometries, dtype=object),
                          pd.DataFrame({"XZQDM": [f"35020{k}" for k in range(6)], "XZQMC": polygons.names}),
                          np.arange(6), "EPSG:4490")
    logged = []
    run = SimpleNamespace(data=package / "city.gpkg", year=2024, out=tmp_path / "out", layers={"admin_district": districts},
                          outputs={}, extras={}, log=logged.append, warn=lambda m: logged.append("warning: " + m),
                          fail=lambda m: (_ for _ in ()).throw(AssertionError(m)))
    run.out.mkdir()
    run_survey_step(run)
    names = output_names(2024)
    for key in ("xlsx", "report", "mapping", "districts", "map"):
        assert Path(run.outputs[f"survey_{key}"]).is_file(), key
    assert Path(run.outputs["survey_report"]).name == names["report"]
    mapping = json.loads((run.out / names["mapping"]).read_text(encoding="utf-8"))
    assert len(mapping["questions"]) == 24 and mapping["attributes"]["district"] == "所在区"
    analysis = run.extras["survey_analysis"]
    assert analysis.weighting.method == "raking" and analysis.screening.total == 900
    assert any("not met" in line for line in logged)  # 900 questionnaires are fewer than 3 000
    assert any("No survey mapping file" in line for line in logged)
    document = docx.Document(str(run.outputs["survey_report"]))
    assert len(document.inline_shapes) == 1


def test_survey_step_skips_a_package_without_questionnaires(tmp_path):
    logged = []
    run = SimpleNamespace(data=tmp_path / "city.gpkg", year=2024, out=tmp_path, layers={}, outputs={}, extras={},
                          log=logged.append, warn=logged.append, fail=None)
    run_survey_step(run)
    assert run.outputs == {} and "skipped" in logged[0]
