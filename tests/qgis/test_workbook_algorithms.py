"""cityhealth:exportdepartmentworkbooks and cityhealth:importdepartmentworkbook through processing.run."""

import uuid

import pytest
from openpyxl import load_workbook
from qgis.core import QgsApplication, QgsProcessingException, QgsProviderRegistry

from cityhealth_plugin.core.catalog import load_catalog
from cityhealth_plugin.core.demo.department_values import department_values
from cityhealth_plugin.core.store.database import open_store

YEAR = 2024


@pytest.fixture
def database(tmp_path):
    path = tmp_path / "assessment.gpkg"
    store = open_store(path, user="lead")
    catalog = load_catalog()
    store.ensure_year(catalog, YEAR)
    values = department_values(catalog)
    store.import_statistics(values[values["year"] < YEAR])
    store.close()
    return path


def water_workbook(folder):
    return next(p for p in folder.glob("*.xlsx") if "市水利局" in p.name)


def fill(path, out, value=6.61):
    wb = load_workbook(path)
    ws = wb["指标填报"]
    column = {str(c.value).split("（")[0]: c.column for c in ws[2]}
    ws.cell(3, column["2024年数值"]).value = value  # H3 with reference years 2020 and 2023
    ws.cell(3, column["取得成效"]).value = "用水总量控制在年度指标以内"
    wb.save(out)
    return out


def test_algorithms_are_registered(cityhealth_provider):
    registry = QgsApplication.processingRegistry()
    export = registry.algorithmById("cityhealth:exportdepartmentworkbooks")
    imported = registry.algorithmById("cityhealth:importdepartmentworkbook")
    assert export is not None and imported is not None
    names = {p.name() for p in imported.parameterDefinitions()}
    assert {"INPUT", "ASSESSMENT_DB", "DATABASE_CONNECTION", "DATABASE_SCHEMA", "YEAR", "DEPARTMENT", "DRY_RUN",
            "REPORT", "SUBMITTED_BY", "CATALOG_OVERRIDES"} <= names
    assert {p.name() for p in export.parameterDefinitions()} >= {"ASSESSMENT_DB", "YEAR", "DEPARTMENTS", "CITY",
                                                                 "PASSWORD", "TASK_TABLE", "OUTPUT_FOLDER"}
    assert export.group() and export.shortHelpString()


def test_export_then_dry_run_then_import(cityhealth_provider, database, tmp_path):
    import processing

    out = tmp_path / "workbooks"
    result = processing.run("cityhealth:exportdepartmentworkbooks", {
        "ASSESSMENT_DB": str(database), "YEAR": YEAR, "CITY": "厦门市", "OUTPUT_FOLDER": str(out)})
    assert result["WORKBOOKS"] == 21 and len(list(out.glob("*.xlsx"))) == 22
    assert "任务分解表" in result["TASK_TABLE_FILE"]
    filled = fill(water_workbook(out), tmp_path / "filled.xlsx")
    dry = processing.run("cityhealth:importdepartmentworkbook", {
        "INPUT": str(filled), "ASSESSMENT_DB": str(database), "YEAR": YEAR, "DRY_RUN": True,
        "REPORT": str(tmp_path / "report.xlsx")})
    assert dry["CHANGES"] == 2 and dry["ERRORS"] == 0 and dry["APPLIED"] == 0
    assert load_workbook(dry["REPORT_FILE"])["Changes"].max_row == 3
    store = open_store(database)
    assert store.form("A-01", YEAR).value is None  # the dry run wrote nothing
    store.close()
    done = processing.run("cityhealth:importdepartmentworkbook", {
        "INPUT": str(filled), "ASSESSMENT_DB": str(database), "YEAR": YEAR, "DEPARTMENT": "市水利局",
        "SUBMITTED_BY": "市水利局 张三"})
    assert done["APPLIED"] == 1
    store = open_store(database)
    form = store.form("A-01", YEAR)
    store.close()
    assert form.value == 6.61 and form.submitted_by == "市水利局 张三" and form.status == "submitted"


def test_a_bad_workbook_fails_with_the_cell_and_writes_nothing(cityhealth_provider, database, tmp_path):
    import processing

    out = tmp_path / "workbooks"
    processing.run("cityhealth:exportdepartmentworkbooks", {
        "ASSESSMENT_DB": str(database), "YEAR": YEAR, "DEPARTMENTS": "市水利局", "TASK_TABLE": False,
        "OUTPUT_FOLDER": str(out)})
    bad = fill(water_workbook(out), tmp_path / "bad.xlsx", value="约6.6")
    with pytest.raises(QgsProcessingException) as caught:
        processing.run("cityhealth:importdepartmentworkbook", {
            "INPUT": str(bad), "ASSESSMENT_DB": str(database), "YEAR": YEAR})
    message = str(caught.value)
    assert "nothing was written" in message and "指标填报!H3" in message and "约6.6" in message
    dry = processing.run("cityhealth:importdepartmentworkbook", {
        "INPUT": str(bad), "ASSESSMENT_DB": str(database), "YEAR": YEAR, "DRY_RUN": True})
    assert dry["ERRORS"] == 1 and dry["APPLIED"] == 0
    store = open_store(database)
    assert store.form("A-01", YEAR).achievements == ""
    store.close()


def test_clear_messages_for_wrong_parameters(cityhealth_provider, database, tmp_path):
    import processing

    with pytest.raises(QgsProcessingException, match="either an assessment GeoPackage or a PostgreSQL"):
        processing.run("cityhealth:exportdepartmentworkbooks", {"YEAR": YEAR, "OUTPUT_FOLDER": str(tmp_path / "o")})
    with pytest.raises(QgsProcessingException, match="Unknown department"):
        processing.run("cityhealth:exportdepartmentworkbooks", {
            "ASSESSMENT_DB": str(database), "YEAR": YEAR, "DEPARTMENTS": "市不存在局",
            "OUTPUT_FOLDER": str(tmp_path / "o")})
    with pytest.raises(QgsProcessingException, match="wrong year|was exported for 2024"):
        processing.run("cityhealth:exportdepartmentworkbooks", {
            "ASSESSMENT_DB": str(database), "YEAR": YEAR, "DEPARTMENTS": "市水利局", "TASK_TABLE": False,
            "OUTPUT_FOLDER": str(tmp_path / "w")})
        processing.run("cityhealth:importdepartmentworkbook", {
            "INPUT": str(water_workbook(tmp_path / "w")), "ASSESSMENT_DB": str(database), "YEAR": 2023})


def test_postgresql_connection(cityhealth_provider, postgis_server, tmp_path):
    import processing

    schema = "alg_" + uuid.uuid4().hex[:8]
    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    name = "CityHealth 体检库"
    connection = metadata.createConnection(postgis_server.uri(), {"saveUsername": True, "savePassword": True})
    metadata.saveConnection(connection, name)
    try:
        out = tmp_path / "pg"
        result = processing.run("cityhealth:exportdepartmentworkbooks", {
            "DATABASE_CONNECTION": name, "DATABASE_SCHEMA": schema, "YEAR": YEAR, "DEPARTMENTS": "市水利局",
            "OUTPUT_FOLDER": str(out)})  # the year is prepared on the server first
        assert result["WORKBOOKS"] == 1
        filled = fill(water_workbook(out), tmp_path / "filled.xlsx")
        done = processing.run("cityhealth:importdepartmentworkbook", {
            "INPUT": str(filled), "DATABASE_CONNECTION": name, "DATABASE_SCHEMA": schema, "YEAR": YEAR})
        assert done["APPLIED"] == 1
        rows = postgis_server.execute(f'SELECT value FROM "{schema}".indicator_values WHERE code = %s', ["A-01"])
        assert rows == [(6.61,)]
    finally:
        metadata.deleteConnection(name)
