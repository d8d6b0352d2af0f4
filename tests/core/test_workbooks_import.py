"""Importing filled department workbooks: preview, every validation rule, CSV (UTF-8 / GBK), all or nothing."""

import csv
import importlib.util
import io
import uuid
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from cityhealth_plugin.core.catalog import load_catalog
from cityhealth_plugin.core.demo.department_values import department_values
from cityhealth_plugin.core.exports import workbook_layout as L
from cityhealth_plugin.core.exports.department_workbook import write_department_workbook
from cityhealth_plugin.core.exports.workbook_import import (
    ImportRejected,
    apply_workbook,
    import_workbook,
    preview_workbook,
    write_report,
)
from cityhealth_plugin.core.store.database import ConflictError, open_store
from cityhealth_plugin.core.store.sqlite_backend import SqliteStore

YEAR = 2024
DEPARTMENT = "市水利局"
ROOT = Path(__file__).resolve().parents[2]
# what the 市水利局 fills in (rows 3..9); the 2023 values are 6.55, 122.96, 92.9, 39.5, 0.9, 84.2, 99.5
FILLED = {"A-01": 6.61, "A-02": 123.55, "A-04": 100, "A-05": 39.8, "A-08": 0.8, "A-26": 86, "C-16": 99.8}


def _bad():
    spec = importlib.util.spec_from_file_location("make_bad_workbooks",
                                                  ROOT / "tests" / "data" / "bad_workbooks" / "make_bad_workbooks.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


BAD = _bad()


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


def prepared(store, catalog):
    store.ensure_year(catalog, YEAR)
    values = department_values(catalog)
    store.import_statistics(values[values["year"] < YEAR])
    return store


@pytest.fixture
def store(tmp_path, catalog):
    store = prepared(SqliteStore(tmp_path / "assessment.gpkg", user="市资源规划局"), catalog)
    yield store
    store.close()


def export(store, folder: Path) -> Path:
    return write_department_workbook(folder / "exported.xlsx", store, YEAR, DEPARTMENT, "厦门市")


def fill(path: Path, out: Path, evidence: str = "") -> Path:
    wb = load_workbook(path)
    ws = wb[L.DATA_SHEET]
    value = BAD.header_column(ws, "2024年数值")
    achievements = BAD.header_column(ws, "取得成效")
    for r in range(3, 10):
        ws.cell(r, value).value = FILLED[ws.cell(r, 2).value]
    ws.cell(3, achievements).value = "用水总量控制在年度指标以内"
    ws.cell(3, BAD.header_column(ws, "数据来源类型")).value = "抽样调查"
    if evidence:
        ws.cell(3, BAD.header_column(ws, "佐证材料")).value = evidence
    wb.save(out)
    return out


@pytest.fixture
def good(store, tmp_path):
    (tmp_path / "公报.pdf").write_bytes(b"%PDF demo")
    return fill(export(store, tmp_path), tmp_path / "filled.xlsx", evidence="公报.pdf")


def water_values(store):
    values = store.values(year=YEAR, origin="reported", unit_type="city")
    return values[values["code"].isin(FILLED)].set_index("code")["value"].to_dict()


@pytest.mark.parametrize("backend", ["sqlite", "postgres"])
def test_good_workbook_round_trip(backend, request, tmp_path, catalog):
    if backend == "sqlite":
        store = open_store(tmp_path / "a.gpkg", user="lead")
    else:
        server = request.getfixturevalue("postgis_server")
        store = open_store(server.uri(), schema="w_" + uuid.uuid4().hex[:8], user="lead")
    prepared(store, catalog)
    (tmp_path / "公报.pdf").write_bytes(b"%PDF demo")
    path = fill(export(store, tmp_path), tmp_path / "filled.xlsx", evidence="公报.pdf")
    preview = preview_workbook(store, path, YEAR, DEPARTMENT)
    assert preview.ok, [str(p) for p in preview.problems]
    changes = preview.changes.set_index(["code", "field"])
    assert changes.loc[("A-01", "2024年数值"), "cell"] == "H3" and changes.loc[("A-01", "2024年数值"), "new"] == 6.61
    assert pd.isna(changes.loc[("A-01", "2024年数值"), "old"])
    assert changes.loc[("A-01", "取得成效"), "cell"] == "M3"
    assert changes.loc[("A-01", "数据来源类型"), "new"] == "survey"
    assert len(preview.forms) == 7 and water_values(store) == {}  # a preview writes nothing
    assert apply_workbook(store, preview, by="市水利局 张三") > 0
    assert water_values(store) == pytest.approx(FILLED)
    form = store.form("A-01", YEAR)
    assert form.achievements == "用水总量控制在年度指标以内" and form.status == "submitted"
    assert form.source_type == "survey" and form.submitted_by == "市水利局 张三"
    assert form.evidence[0].path == "公报.pdf" and len(form.evidence[0].sha1) == 40
    assert set(store.saves()["kind"]) >= {"workbook"}
    store.undo_last_save("A-02", YEAR)  # undo one indicator's part of the import
    assert store.form("A-02", YEAR).value is None and store.form("A-01", YEAR).value == 6.61
    again = preview_workbook(store, path, YEAR, DEPARTMENT)  # re-importing the same file: A-02 only
    assert set(again.changes["code"]) == {"A-02"}
    store.close()


@pytest.mark.parametrize("name", sorted(BAD.TAMPERS))
def test_each_rule_names_its_cell_and_nothing_is_written(name, store, good, tmp_path):
    path, rule, what, row = BAD.make(good, name, tmp_path / f"{name}.xlsx")
    preview = preview_workbook(store, path, YEAR, DEPARTMENT)
    found = [p for p in preview.errors if p.rule == rule]
    assert found, [str(p) for p in preview.problems]
    wb = load_workbook(good)
    if what.startswith("_meta:"):
        assert found[0].sheet == L.META_SHEET and found[0].cell == f"B{row}"
    else:
        column = BAD.header_column(wb[L.DATA_SHEET], what if what != "header" else "2024年数值")
        expected = f"{get_column_letter(column)}{row}"
        assert expected in [p.cell for p in found], ([str(p) for p in found], expected)
        assert found[0].sheet == L.DATA_SHEET
    assert str(found[0]).startswith(found[0].sheet)
    with pytest.raises(ImportRejected):
        apply_workbook(store, preview)
    assert water_values(store) == {}  # all or nothing: the good rows were not written either


def test_messages_say_what_to_do(store, good, tmp_path):
    path, *_ = BAD.make(good, "wrong_unit_in_value", tmp_path / "u.xlsx")
    problem = next(p for p in preview_workbook(store, path, YEAR).errors if p.rule == "wrong_unit")
    assert "66100万m³" in problem.message and "亿m³" in problem.message and "6.61" in problem.message
    path, *_ = BAD.make(good, "duplicate_row", tmp_path / "d.xlsx")
    problem = next(p for p in preview_workbook(store, path, YEAR).errors if p.rule == "duplicate_row")
    assert "rows 3 and 4" in problem.message
    path, *_ = BAD.make(good, "out_of_range", tmp_path / "r.xlsx")
    problem = next(p for p in preview_workbook(store, path, YEAR).errors if p.rule == "out_of_range")
    assert "130 %" in problem.message and "0–100" in problem.message


def test_wrong_year_and_wrong_department(store, good):
    preview = preview_workbook(store, good, 2023, DEPARTMENT)
    cells = {(p.sheet, p.cell) for p in preview.errors if p.rule == "wrong_year"}
    assert (L.META_SHEET, "B3") in cells and (L.DATA_SHEET, "H2") in cells
    preview = preview_workbook(store, good, YEAR, "市统计局")
    assert [(p.sheet, p.cell) for p in preview.errors if p.rule == "wrong_department"] == [(L.META_SHEET, "B4")]


def test_a_change_in_the_database_after_export_is_a_conflict(store, tmp_path):
    exported = export(store, tmp_path)
    form = store.form("A-01", YEAR)
    form.value = 7.0
    store.save_form(form, by="市资源规划局 王工")
    path = fill(exported, tmp_path / "late.xlsx")  # fills A-01 as well
    preview = preview_workbook(store, path, YEAR, DEPARTMENT)
    conflict = [p for p in preview.errors if p.rule == "conflict"]
    assert [(p.cell, p.code) for p in conflict] == [("H3", "A-01")] and "王工" in conflict[0].message
    # a workbook that leaves A-01 alone imports and keeps the newer value
    wb = load_workbook(exported)
    wb[L.DATA_SHEET]["H4"] = 123.55
    wb.save(tmp_path / "other.xlsx")
    preview = preview_workbook(store, tmp_path / "other.xlsx", YEAR, DEPARTMENT)
    assert preview.ok
    apply_workbook(store, preview)
    assert water_values(store) == {"A-01": 7.0, "A-02": 123.55}


def test_database_changed_between_preview_and_apply(store, good):
    preview = preview_workbook(store, good, YEAR, DEPARTMENT)
    form = store.form("A-05", YEAR)
    form.measures = "另一位同事的修改"
    store.save_form(form)
    with pytest.raises(ConflictError):
        apply_workbook(store, preview)
    assert water_values(store) == {}


@pytest.mark.parametrize("encoding", ["gbk", "utf-8-sig", "utf-8"])
def test_csv_exports_in_gbk_and_utf8(encoding, store, good, tmp_path):
    path = BAD.sheet_as_csv(good, tmp_path / "filled.csv", encoding)
    if encoding == "gbk":
        with pytest.raises(UnicodeDecodeError):
            path.read_bytes().decode("utf-8")
    preview = preview_workbook(store, path, YEAR, DEPARTMENT)
    assert preview.ok, [str(p) for p in preview.errors]
    assert [p.rule for p in preview.problems if p.severity == "info"] == (["encoding"] if encoding == "gbk" else [])
    assert preview.kind == "csv" and preview.encoding == ("gbk" if encoding == "gbk" else "utf-8")
    apply_workbook(store, preview, by="市水利局")
    assert water_values(store) == pytest.approx(FILLED)
    assert store.form("A-01", YEAR).achievements == "用水总量控制在年度指标以内"  # Chinese text intact


def test_csv_rules_are_checked_against_the_catalog(store, good, tmp_path):
    path = BAD.sheet_as_csv(good, tmp_path / "x.csv", "gbk")
    rows = list(csv.reader(io.StringIO(path.read_bytes().decode("gbk"))))
    rows[5][1] = "A-99"  # B6
    rows[4][2] = "水质达标率"  # C5, was 重要江河湖泊水功能区水质达标率
    rows[3][3] = "L/人"  # D4, was m³/人 (m?/人 after GBK)
    text = io.StringIO()
    csv.writer(text).writerows(rows)
    path.write_bytes(text.getvalue().encode("gbk"))
    preview = preview_workbook(store, path, YEAR, DEPARTMENT)
    found = {(p.rule, p.cell) for p in preview.errors}
    assert {("unknown_code", "B6"), ("locked_edited", "C5"), ("wrong_unit", "D4")} <= found
    assert all(p.sheet == "x" for p in preview.errors)  # the CSV's name stands for the sheet
    bad = tmp_path / "bad.csv"
    bad.write_bytes(b"\xff\xfe\x00\x81\x30\x81\x30\xff")
    assert [p.rule for p in preview_workbook(store, bad, YEAR).errors] == ["unreadable"]


def test_dry_run_and_report(store, good, tmp_path):
    preview = import_workbook(store, good, YEAR, DEPARTMENT, dry_run=True)
    assert len(preview.changes) == 10 and water_values(store) == {}
    path, *_ = BAD.make(good, "text_in_number", tmp_path / "t.xlsx")
    bad = import_workbook(store, path, YEAR, DEPARTMENT)  # errors: not applied
    assert not bad.ok and water_values(store) == {}
    report = write_report(bad, tmp_path / "report.xlsx")
    wb = load_workbook(report)
    problems = list(wb["Problems"].iter_rows(values_only=True))
    assert problems[0] == ("Severity", "Rule", "Sheet", "Cell", "Indicator", "Message")
    assert ("error", "Text in a number cell", L.DATA_SHEET, "H4", "A-02") in [r[:5] for r in problems]
    assert len(list(wb["Changes"].iter_rows())) > 1
    assert write_report(bad, tmp_path / "report.csv").read_text(encoding="utf-8-sig").startswith("Severity")
    assert "1 errors" in bad.summary()


def test_value_cells_and_ranges():
    assert L.parse_cell("1,234.5").value == 1234.5 and L.parse_cell("６.６１").value == 6.61
    parsed = L.parse_cell("12.5 %")
    assert parsed.value == 12.5 and parsed.suffix == "%"
    assert L.parse_cell("约12").error == "text" and L.parse_cell(True).error == "text"
    assert L.parse_cell(None).value is None and L.parse_cell("  ").value is None
    assert L.value_range("A-04", "%") == (0.0, 100.0)
    assert L.value_range("C-07", "‰") == (-50.0, 50.0)
    assert L.value_range("X-1", "%", "增长率")[0] == -100.0
    assert L.value_range("F-25", "天") == (0.0, 366.0)
    assert L.value_range("A-01", "亿m³") == (0.0, float("inf"))
