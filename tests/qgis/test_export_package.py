"""cityhealth:exportpackage through processing.run on the small demo city, and the Deliverables dialog.

The demo city is generated once; the assessment computes every statistic indicator and a set of
spatial ones (with three network coverage indicators, for the coverage and life-circle maps) to
keep the test fast. The package is checked the way a reader would: the files are there, the map
set PDF has the cover plus the maps asked for, the PNG pages went into the annual report, 附件6
lists every table of 附件5 with its real count, the manifest accounts for every step.
"""

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from cityhealth_plugin.core.store import gpkg

SPATIAL = ["A-06", "A-10", "A-11", "A-13", "A-14", "C-02", "C-03", "C-04", "C-05", "C-09", "C-11", "D-01", "F-21",
           "F-06", "F-10", "F-13"]
MAPS = ["landuse_status", "compliance", "life_circle", "coverage_fac_primary_school", "indicator_F_06"]


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


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    from cityhealth_plugin.core.demo.city import generate_demo_city

    folder = tmp_path_factory.mktemp("package_demo")
    data = folder / "democity_small.gpkg"
    generate_demo_city(scale="small", seed=2024, out=data)
    return data, reduced_assessment(data, folder / "assessment")


@pytest.fixture(scope="module")
def package(qgis_processing, demo, tmp_path_factory):
    import processing
    from qgis.core import QgsApplication

    from cityhealth_plugin.processing_provider.provider import CityHealthProvider

    registry = QgsApplication.processingRegistry()
    provider = None
    if registry.providerById("cityhealth") is None:
        provider = CityHealthProvider()
        registry.addProvider(provider)
    data, database = demo
    out = tmp_path_factory.mktemp("package") / "成果"
    try:
        result = processing.run("cityhealth:exportpackage", {
            "DATA_PACKAGE": str(data), "ASSESSMENT_DB": str(database), "YEAR": 2024, "CITY_NAME": "演示市",
            "MAPS": ",".join(MAPS), "SURVEY": False, "OUTPUT_FOLDER": str(out)})
    finally:
        if provider is not None:
            registry.removeProvider(provider)
    return out, result, data


def test_algorithm_outputs_and_files(package):
    out, result, _data = package
    assert Path(result["OUTPUT_FOLDER"]) == out
    for name in ("年度体检评估总报告_2024.docx", "专项报告_2024.docx", "附件1 指标结论表.xlsx",
                 "附件2 规划实施重点任务完成清单.xlsx", "附件3 分析图集.pdf", "附件5 体检评估基础数据库.gpkg",
                 "附件6 基础数据库建设说明.docx", "附件6 基础数据库建设说明.md", "附件6 基础数据库建设说明.xlsx",
                 "manifest.json"):
        assert (out / name).is_file(), name
    assert result["ANNUAL_REPORT"] == str(out / "年度体检评估总报告_2024.docx")
    assert result["BASIC_DATABASE"] == str(out / "附件5 体检评估基础数据库.gpkg")
    assert "附件4" in result["SKIPPED"]  # the survey was switched off, and that is said
    assert not (out / "附件3 分析图集_tmp").exists()


def test_map_set_pages_and_pngs(package):
    out, _result, _data = package
    pdfinfo = shutil.which("pdfinfo")
    assert pdfinfo, "poppler-utils (pdfinfo) is needed"
    info = subprocess.run([pdfinfo, str(out / "附件3 分析图集.pdf")], capture_output=True, text=True, check=True).stdout
    assert int(re.search(r"Pages:\s+(\d+)", info).group(1)) == 1 + len(MAPS)
    pngs = sorted(p.name for p in (out / "附件3 分析图集").glob("*.png"))
    assert pngs[0] == "00_cover.png"
    assert {re.sub(r"^\d+_", "", Path(p).stem) for p in pngs[1:]} == set(MAPS)


def test_manifest_is_complete(package):
    out, _result, _data = package
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["year"] == 2024 and manifest["city"] == "演示市"
    assert set(manifest["timings_s"]) >= {"assessment", "annex5", "diagnosis", "annex1", "annex2", "annex3",
                                          "annual_report", "special_report", "annex6"}
    assert manifest["map_set"]["pages"] == 1 + len(MAPS)
    assert manifest["map_set"]["maps"] == [m for m in manifest["map_set"]["maps"] if m in MAPS]
    assert [s["item"] for s in manifest["skipped"]] == ["annex4"]
    for entry in manifest["files"]:
        assert (out / entry["path"]).exists(), entry
    assert manifest["diagnosis"]["indicators_with_values"] > 30


def test_annual_report_has_the_maps_of_its_chapters(package):
    import docx

    out, _result, _data = package
    document = docx.Document(str(out / "年度体检评估总报告_2024.docx"))
    # map pages drawn (landuse_status, compliance, life_circle, coverage_fac_primary_school) appear as pictures
    assert len(document.inline_shapes) >= 4
    captions = [p.text for p in document.paragraphs if p.style.name == "Caption"]
    assert any("15分钟社区生活圈完善度图" in c for c in captions)
    assert any("底线管控问题图" in c for c in captions)
    # maps not drawn are named with the reason, not left out silently
    text = "\n".join(p.text for p in document.paragraphs)
    assert "（待补充：三条控制线图" in text


def test_description_lists_every_table_of_the_database(package):
    import docx

    out, _result, _data = package
    database = out / "附件5 体检评估基础数据库.gpkg"
    counts = {name: count for name, _kind, _geometry, _srs, count in gpkg.list_layers(database)}
    document = docx.Document(str(out / "附件6 基础数据库建设说明.docx"))
    table = next(t for t in document.tables if [c.text for c in t.rows[0].cells][:2] == ["序号", "表名"])
    listed = {row.cells[1].text: int(row.cells[4].text.replace(",", "")) for row in table.rows[1:]}
    assert listed == counts


def test_dialog_parameters_and_checks(qgis_iface, package, tmp_path):
    from cityhealth_plugin.gui.package_dialog import PackageDialog

    _out, _result, data = package
    dialog = PackageDialog()
    assert dialog.topic_combo.count() >= 1 and dialog.topic_combo.currentData() == "life_circle"
    assert "data package" in dialog.problem()
    dialog.data_widget.setFilePath(str(data))
    dialog.folder_widget.setFilePath(str(tmp_path))
    assert dialog.problem() == ""
    parameters = dialog.parameters()
    assert parameters["DATA_PACKAGE"] == str(data) and parameters["SPECIAL_TOPIC"] == 0
    assert parameters["MAP_SET"] is True and parameters["ASSESSMENT_DB"] == ""


def test_install_translation_for_the_headless_runner(qgis_app, tmp_path, monkeypatch):
    from qgis.PyQt.QtCore import QCoreApplication

    import cityhealth_plugin.resources_paths as paths
    from cityhealth_plugin.core import i18n
    from cityhealth_plugin.qgis_bridge import package_export

    lrelease = shutil.which("lrelease")
    assert lrelease, "lrelease (qttools5-dev-tools) is needed"
    ts = tmp_path / "cityhealth_xx_YY.ts"
    ts.write_text('<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS><TS version="2.1" language="zh_CN">'
                  '<context><name>CityHealth</name><message><source>Task name</source>'
                  '<translation>任务名称</translation></message></context></TS>', encoding="utf-8")
    subprocess.run([lrelease, "-silent", str(ts), "-qm", str(tmp_path / "cityhealth_xx_YY.qm")], check=True)
    monkeypatch.setattr(paths, "I18N", tmp_path)
    try:
        assert package_export.install_translation("en_GB") is False  # no .qm for it: nothing changes
        assert i18n.tr("Task name") == "Task name"
        assert package_export.install_translation("xx_YY") is True
        assert i18n.tr("Task name") == "任务名称"
    finally:
        for translator in package_export._TRANSLATORS:
            QCoreApplication.removeTranslator(translator)
        package_export._TRANSLATORS.clear()
        i18n.reset_translator()
