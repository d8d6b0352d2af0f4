"""build_package on the small demo city, without QGIS: the reports, 附件5 / 附件6, the manifest.

The map set is drawn by a stand-in exporter that writes one plain PNG per map it is asked for
(the QGIS exporter is tested in tests/qgis/test_export_package.py). The assessment computes the
statistic indicators and a set of spatial ones; questionnaires are written next to the data
package so that the survey runs and 附件4 is made.
"""

import json
from pathlib import Path

import docx
import numpy as np
import pandas as pd
import pytest
from openpyxl import load_workbook

from cityhealth_plugin.core.deliverables import PackageError, PackageOptions, build_package
from cityhealth_plugin.core.deliverables.maps import MapPage, MapSetOutcome
from cityhealth_plugin.core.deliverables.outline import load_outline
from cityhealth_plugin.core.store import gpkg

SPATIAL = ["A-06", "A-10", "A-11", "A-13", "A-14", "A-15", "C-02", "C-03", "C-04", "C-05", "C-09", "C-11", "D-01",
           "D-03", "F-21", "F-06", "F-10", "F-13"]
ASPECT_HEADINGS = ["二、战略定位", "三、底线管控", "四、规模结构", "五、空间布局", "六、支撑系统", "七、实施保障"]


def reduced_assessment(data: Path, out: Path) -> Path:
    from cityhealth_plugin.core.assessment import pipeline as P
    from cityhealth_plugin.core.indicators.engine import compute

    def compute_some(run):
        codes = [i.code for i in run.catalog if i.source_type != "spatial" or i.code in SPATIAL]
        run.results = compute(run.catalog, run.layers, run.statistics, run.year, codes=codes)

    steps = [P.Step("compute_indicators", compute_some) if s.name == "compute_indicators" else s
             for s in P.STEPS if s.name in ("load_catalog", "read_package", "compute_indicators", "write_store",
                                            "earlier_years", "compliance")]
    assert P.run_assessment(data, 2024, out, log=lambda text: None, steps=steps) == 0
    return out / "assessment_2024.gpkg"


class FakeExporter:
    """Writes a plain PNG per map of the outline that has its inputs (like the QGIS exporter would)."""

    def __init__(self):
        self.requests = []

    def __call__(self, request):
        from PIL import Image

        self.requests.append(request)
        folder = Path(request.folder) / request.png_folder_name
        folder.mkdir(parents=True, exist_ok=True)
        wanted = ["landuse_status", "control_lines", "compliance", "construction_change", "population_density",
                  "road_density", "life_circle"] + [f"coverage_{k.split(':', 1)[1]}" for k in request.results
                                                    if k.startswith("service_area:")]
        wanted += ["indicator_" + k.split(":", 1)[1].replace("-", "_") for k in request.results
                   if k.startswith("indicator:")]
        pages = []
        for number, map_id in enumerate(wanted, start=1):
            path = folder / f"{number:02d}_{map_id}.png"
            Image.new("RGB", (1600, 1131), (200 + number % 50, 220, 240)).save(path)
            pages.append(MapPage(map_id, f"图{map_id}", path))
        pdf = Path(request.folder) / request.pdf_name
        pdf.write_bytes(b"%PDF-1.4\n%stand-in\n")
        return MapSetOutcome(pdf, pages, [("coverage_fac_shelter", "缺少应急避难场所的服务范围")], len(pages) + 1, 0.1)


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    from cityhealth_plugin.core.demo.city import generate_demo_city
    from cityhealth_plugin.core.survey.demo import generate_questionnaires, save_questionnaires

    folder = tmp_path_factory.mktemp("deliverables_demo")
    data = folder / "democity_small.gpkg"
    generate_demo_city(scale="small", seed=2024, out=data)
    names = list(gpkg.read_table(data, "XZQ")["XZQMC"])
    save_questionnaires(generate_questionnaires(3200, 2024, districts=names), folder / "survey_2024.csv")
    return data, reduced_assessment(data, folder / "assessment")


@pytest.fixture(scope="module")
def built(demo, tmp_path_factory):
    data, database = demo
    out = tmp_path_factory.mktemp("deliverables") / "package"
    exporter = FakeExporter()
    result = build_package(data, 2024, out, assessment_db=database,
                           options=PackageOptions(city="演示市", map_exporter=exporter, log=lambda text: None))
    return result, exporter, data


def paragraphs_between(document, start: str, end: str):
    """Paragraph texts and the body elements from the heading ``start`` to the heading ``end``."""
    body = document.element.body
    inside, elements = False, []
    for element in body.iterchildren():
        text = "".join(t.text or "" for t in element.iter() if t.tag.endswith("}t"))
        style = element.find("./{*}pPr/{*}pStyle")
        heading = style is not None and any(v.startswith("Heading") for v in style.attrib.values())
        if heading and text == start:
            inside = True
        elif heading and text == end and inside:
            break
        if inside:
            elements.append(element)
    return elements


def test_package_files_and_manifest(built):
    result, _exporter, _data = built
    out = result.folder
    expected = {"annual_report": "年度体检评估总报告_2024.docx", "special_report": "专项报告_2024.docx",
                "annex1": "附件1 指标结论表.xlsx", "annex2": "附件2 规划实施重点任务完成清单.xlsx",
                "annex3": "附件3 分析图集.pdf", "annex4": "附件4 社会满意度评价报告.docx",
                "annex5": "附件5 体检评估基础数据库.gpkg", "annex6": "附件6 基础数据库建设说明.docx",
                "annex6_md": "附件6 基础数据库建设说明.md", "annex6_xlsx": "附件6 基础数据库建设说明.xlsx"}
    for key, name in expected.items():
        assert result.files[key] == out / name and (out / name).is_file(), key
    assert result.skipped == [] and result.failures == []
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["special_topic"] == {"id": "life_circle", "name": "社区生活圈专项评估"}
    assert {f["key"] for f in manifest["files"]} >= set(expected)
    assert set(manifest["timings_s"]) == {"assessment", "survey", "annex5", "diagnosis", "annex1", "annex2", "annex3",
                                          "annual_report", "special_report", "annex6"}
    assert manifest["map_set"]["unavailable"] == [{"map": "coverage_fac_shelter", "reason": "缺少应急避难场所的服务范围"}]
    assert manifest["basic_database"]["inputs_not_copied"] == [{"table": "DEMO_TRUTH",
                                                               "reason": "the demo's answer key, not an input"}]


def test_map_set_request_carries_the_results(built):
    result, exporter, data = built
    request = exporter.requests[0]
    assert request.year == 2024 and request.city == "演示市" and Path(request.data) == data
    assert request.assessment_db == result.files["annex5"]
    results = request.results
    assert {"compliance_violations", "life_circle", "service_area:fac_community_health",
            "uncovered:fac_primary_school", "satisfaction", "indicator:F-06"} <= set(results)
    violations = results["compliance_violations"]
    assert "new_construction" not in set(violations.attributes["rule"])  # drawn on the construction-change map
    life = results["life_circle"]
    assert set(life.attributes.columns) >= {"within", "required"}
    assert (life.attributes["within"] <= life.attributes["required"]).all()
    assert life.attributes["required"].iloc[0] == 7
    # uncovered land: the gap layer's polygons minus the service area, never more than the layer says
    uncovered = results["uncovered:fac_community_health"]
    stated = pd.to_numeric(uncovered.attributes["UNCOV_M2"]).sum()
    import shapely

    drawn = shapely.area(uncovered.geometries).sum()
    assert 0.9 * stated < drawn < 1.1 * stated


def test_annual_report_has_six_chapters_with_tables_and_maps(built):
    result, _exporter, _data = built
    document = docx.Document(str(result.files["annual_report"]))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading 1")]
    assert headings[:7] == ["一、总体情况"] + ASPECT_HEADINGS
    outline = load_outline()
    ends = ASPECT_HEADINGS[1:] + ["八、社会满意度评价"]
    for aspect, start, end in zip(outline.aspects, ASPECT_HEADINGS, ends):
        elements = paragraphs_between(document, start, end)
        assert elements, start
        tables = [e for e in elements if e.tag.endswith("}tbl")]
        pictures = [e for e in elements if e.tag.endswith("}p") and e.findall(".//{*}drawing")]
        assert tables, f"{start}: no table"
        if aspect.maps:
            assert pictures, f"{start}: no map"
    text = "\n".join(p.text for p in document.paragraphs)
    assert "lorem" not in text.lower() and "TODO" not in text
    assert "（待补充：" in text


def test_report_numbers_are_the_diagnosis_numbers(built):
    result, _exporter, _data = built
    database = result.files["annex5"]
    diagnosis = gpkg.read_table(database, "diagnosis_2024").set_index("code")
    document = docx.Document(str(result.files["annual_report"]))
    rows = {}
    for table in document.tables:
        header = [c.text for c in table.rows[0].cells]
        if header[:2] == ["编号", "指标项"]:
            for row in table.rows[1:]:
                cells = [c.text for c in row.cells]
                rows[cells[0]] = dict(zip(header, cells))
    a11 = rows["A-11"]
    assert a11["2024年"] == f"{diagnosis.loc['A-11', 'current_value']:.2f}".rstrip("0").rstrip(".")
    assert a11["评估结论"] == diagnosis.loc["A-11", "status_label"]
    # every catalog indicator appears in an aspect table; those without a value say so
    from cityhealth_plugin.core.catalog.loader import load_catalog

    assert set(rows) == set(load_catalog().codes())
    with_value = set(diagnosis.index[pd.to_numeric(diagnosis["current_value"]).notna()])
    assert {code for code, row in rows.items() if row["评估结论"] != "缺数据"} == with_value
    # an indicator without a value shows "—" and is named in a 待补充 note
    text = "\n".join(p.text for p in document.paragraphs)
    for code, row in rows.items():
        if row["评估结论"] == "缺数据":
            assert row["2024年"] == "—" and f"{code} {row['指标项']}（" in text


def test_special_report_of_the_life_circle(built):
    result, _exporter, _data = built
    document = docx.Document(str(result.files["special_report"]))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "社区生活圈专项评估" in text
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading 1")]
    assert headings == ["一、专项背景与评估目标", "二、评估范围与方法", "三、评估结果", "四、主要问题", "五、对策建议"]
    assert len(document.inline_shapes) >= 3  # life circle, coverage maps, the F-06 district map
    assert "步行15分钟、1000米，沿道路网络计算可达范围，须7类设施均可达" in "\n".join(
        c.text for t in document.tables for r in t.rows for c in r.cells)
    assert "居民对生活便利性的满意度" in text  # the survey ran


def test_basic_database_contents(built):
    from cityhealth_plugin.core.catalog.loader import load_catalog

    result, _exporter, data = built
    database = result.files["annex5"]
    tables = {name: count for name, _k, _g, _s, count in gpkg.list_layers(database)}
    package = {name: count for name, _k, _g, _s, count in gpkg.list_layers(data)}
    for name in ("XZQ", "DLTB", "DLTB_2020", "YJJBNT", "STBHHX", "CZKFBJ", "DL", "RK", "SS_XX", "DEPT_STATS",
                 "FORM_VALUES"):
        assert tables[name] == package[name], name
    assert "DEMO_TRUTH" not in tables
    assert tables["indicator_forms"] == len(load_catalog())  # the year's forms
    for name in ("indicator_values", "indicator_provenance", "compliance_violations_2024", "compliance_summary",
                 "diagnosis_2024", "rectification_tasks_2024", "survey_scores_2024", "survey_districts_2024",
                 "database_catalog"):
        assert tables.get(name, 0) > 0, name
    catalog = gpkg.read_table(database, "database_catalog")
    assert sorted(catalog["table_name"]) == sorted(tables)
    by_name = catalog.set_index("table_name")
    assert by_name.loc["DLTB", "category"] == "input" and "democity_small.gpkg" in by_name.loc["DLTB", "source"]
    assert by_name.loc["result_F_06_1", "category"] == "computed"
    assert "walk_coverage" in by_name.loc["result_F_06_1", "method"]
    # the layers keep their geometry and CRS
    assert gpkg.srs_of(database, "DLTB") == 4548
    original, copied = gpkg.read_layer(data, "DLTB"), gpkg.read_layer(database, "DLTB")
    assert np.array_equal(original.fids, copied.fids)
    assert original.attributes["TBDLMJ"].sum() == pytest.approx(copied.attributes["TBDLMJ"].sum())


def test_description_lists_every_table_with_its_count(built):
    result, _exporter, _data = built
    database = result.files["annex5"]
    counts = {name: count for name, _k, _g, _s, count in gpkg.list_layers(database)}
    document = docx.Document(str(result.files["annex6"]))
    table = next(t for t in document.tables if [c.text for c in t.rows[0].cells][:2] == ["序号", "表名"])
    listed = {row.cells[1].text: int(row.cells[4].text.replace(",", "")) for row in table.rows[1:]}
    assert listed == counts
    headings = {p.text for p in document.paragraphs if p.style.name.startswith("Heading 3")}
    assert headings == set(counts)  # one field section per table
    # the field list is the table's real columns
    dltb = next(i for i, p in enumerate(document.paragraphs) if p.text == "DLTB" and p.style.name == "Heading 3")
    assert "地类图斑（现状年）" in document.paragraphs[dltb + 1].text
    workbook = load_workbook(result.files["annex6_xlsx"], read_only=True)
    sheet = workbook["表清单"]
    rows = list(sheet.iter_rows(values_only=True))
    assert {r[1]: r[4] for r in rows[1:]} == counts
    fields = {(r[0], r[1]) for r in workbook["字段"].iter_rows(min_row=2, values_only=True)}
    assert ("DLTB", "TBDLMJ") in fields and ("indicator_values", "origin") in fields
    markdown = result.files["annex6_md"].read_text(encoding="utf-8")
    for name in counts:
        assert f"### {name}\n" in markdown
    check = {r[0]: r[3] for r in workbook["输入核对"].iter_rows(min_row=2, values_only=True)}
    assert set(check.values()) == {"是"}


def test_without_map_exporter_the_maps_are_left_out_with_the_reason(demo, tmp_path):
    from cityhealth_plugin.core.deliverables import package as P

    data, database = demo
    previous = P.default_map_exporter()
    P.set_default_map_exporter(None)
    try:
        result = build_package(data, 2024, tmp_path / "p", assessment_db=database,
                               options=PackageOptions(survey=False, topic="farmland", log=lambda text: None))
    finally:
        P.set_default_map_exporter(previous)
    assert [s["item"] for s in result.skipped] == ["annex4", "annex3"]
    assert "QGIS" in result.skipped[1]["reason"]
    document = docx.Document(str(result.files["annual_report"]))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "（待补充：三条控制线图：生成成果时没有QGIS" in text
    assert len(document.inline_shapes) == 0
    assert "（待补充：社会满意度调查结果（本次未选择开展满意度分析））" in text
    special = docx.Document(str(result.files["special_report"]))
    assert "耕地保护专项评估" in special.paragraphs[1].text or any(
        "耕地保护专项评估" in p.text for p in special.paragraphs)
    manifest = json.loads(result.manifest.read_text(encoding="utf-8"))
    assert manifest["map_set"] is None and manifest["city"] == "演示城市"


def test_bad_inputs_are_clear_errors(demo, tmp_path):
    data, database = demo
    with pytest.raises(PackageError, match="Data package not found"):
        build_package(tmp_path / "none.gpkg", 2024, tmp_path / "p", options=PackageOptions(log=lambda t: None))
    with pytest.raises(PackageError, match="Assessment database not found"):
        build_package(data, 2024, tmp_path / "p", assessment_db=tmp_path / "none.gpkg",
                      options=PackageOptions(log=lambda t: None))
    with pytest.raises(PackageError, match="Unknown special topic"):
        build_package(data, 2024, tmp_path / "p", assessment_db=database,
                      options=PackageOptions(topic="nothing", log=lambda t: None))


def test_package_step_is_registered_after_the_diagnosis():
    import importlib

    from cityhealth_plugin.core.assessment.pipeline import STEPS

    before = list(STEPS)
    try:  # importing registers the step; the other tests' assessments must not build packages
        from cityhealth_plugin.core.deliverables import pipeline_step

        importlib.reload(pipeline_step)
        names = [s.name for s in STEPS]
        assert names.count("package") == 1
        assert names.index("package") > names.index("diagnosis")
        assert names.index("package") > names.index("survey")
        assert names[-1] == "summary"
    finally:
        STEPS[:] = before


def test_package_step_builds_the_package_from_the_run(demo, tmp_path):
    from cityhealth_plugin.core.assessment.pipeline import AssessmentRun
    from cityhealth_plugin.core.deliverables.pipeline_step import package_step

    data, database = demo
    run = AssessmentRun(data=data, year=2024, out=tmp_path, log=lambda text: None)
    run.outputs["assessment_db"] = database
    run.extras["package_options"] = PackageOptions(map_set=False, survey=False)
    package_step(run)
    folder = tmp_path / "成果_2024"
    assert run.outputs["package"] == folder and (folder / "manifest.json").is_file()
    assert (folder / "年度体检评估总报告_2024.docx").is_file()
    run.outputs.pop("assessment_db")
    package_step(run)
    assert run.warnings[-1] == "Package skipped: no assessment database was written."
