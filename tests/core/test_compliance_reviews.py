"""Review marks on violations (core.compliance.reviews) and the stored compliance tables (storage)."""

import sqlite3

import numpy as np
import pandas as pd
import pytest
import shapely

from cityhealth_plugin.core.compliance import ComplianceOptions, reviews, run_checks, storage
from cityhealth_plugin.core.compliance.synthetic import synthetic_layers
from cityhealth_plugin.core.exports.compliance_xlsx import write_compliance_xlsx
from cityhealth_plugin.core.store import gpkg


@pytest.fixture(scope="module")
def results():
    return run_checks(synthetic_layers(patches=400, seed=5, vertices=12), ComplianceOptions())


def test_round_trip_update_and_year(tmp_path):
    db = tmp_path / "assessment.gpkg"
    assert reviews.load_reviews(db) == {}
    written = reviews.save_reviews(db, [reviews.Review("redline_construction", "350211000001", 2024, True, "已核实"),
                                        reviews.Review("new_construction", 17.0, 2024, False, "")], reviewer="张三")
    assert written == 2
    marks = reviews.load_reviews(db, 2024)
    first = marks[("redline_construction", "350211000001", 2024)]
    assert first.reviewed and first.note == "已核实" and first.reviewer == "张三" and first.reviewed_at.endswith("Z")
    assert ("new_construction", "17", 2024) in marks  # a float id 17.0 is patch '17'
    # an update replaces the row (one per key), another year is separate
    reviews.save_reviews(db, [reviews.Review("redline_construction", "350211000001", 2024, False, "改为未核实"),
                              reviews.Review("redline_construction", "350211000001", 2023, True, "去年")])
    assert reviews.load_reviews(db, 2024)[("redline_construction", "350211000001", 2024)].note == "改为未核实"
    assert reviews.load_reviews(db, 2023)[("redline_construction", "350211000001", 2023)].reviewed
    assert len(reviews.load_reviews(db)) == 3
    # a GeoPackage attributes table QGIS lists
    assert ("compliance_reviews", "attributes") in {row[:2] for row in gpkg.list_layers(db)}


def test_one_transaction_per_save(tmp_path):
    db = tmp_path / "assessment.gpkg"
    reviews.save_reviews(db, [reviews.Review("r", "1", 2024, True, "keep")])
    with pytest.raises(ValueError):
        reviews.save_reviews(db, [reviews.Review("r", "2", 2024, True, "lost"), reviews.Review("", "3", 2024)])
    assert set(reviews.load_reviews(db)) == {("r", "1", 2024)}  # nothing of the refused save
    with sqlite3.connect(db) as con:  # a failing statement rolls the whole save back
        con.execute("CREATE TRIGGER stop BEFORE INSERT ON compliance_reviews WHEN NEW.patch_id = '9' "
                    "BEGIN SELECT RAISE(ABORT, 'no'); END")
    with pytest.raises(ValueError):
        reviews.save_reviews(db, [reviews.Review("r", "8", 2024, True), reviews.Review("r", "9", 2024, True)])
    assert set(reviews.load_reviews(db)) == {("r", "1", 2024)}


def test_not_a_geopackage_is_refused_with_a_message(tmp_path):
    bad = tmp_path / "notes.gpkg"
    with sqlite3.connect(bad) as con:
        con.execute("PRAGMA application_id = 1234")
        con.execute("CREATE TABLE x (a)")
    with pytest.raises(ValueError) as error:
        reviews.save_reviews(bad, [reviews.Review("r", "1", 2024, True)])
    assert "GeoPackage" in str(error.value)


def test_apply_reviews_matches_rule_patch_and_year():
    table = pd.DataFrame({"rule": ["a", "a", "b"], "patch_id": ["1", "2", "1"], "year": [2024, 2024, 2024]})
    marks = {r.key: r for r in [reviews.Review("a", "2", 2024, True, "ok"), reviews.Review("b", "1", 2023, True, "old"),
                                reviews.Review("b", "1", 2024, False, "todo")]}
    out = reviews.apply_reviews(table, marks)
    assert out["reviewed"].tolist() == [False, True, False]
    assert out["note"].tolist() == ["", "ok", "todo"]
    assert reviews.apply_reviews(table.drop(columns="year"), marks, year=2023)["note"].tolist() == ["", "", "old"]


def test_reviews_survive_a_rerun_of_the_checks(tmp_path, results):
    db = tmp_path / "assessment.gpkg"
    storage.write_compliance(db, results, 2024)
    first = storage.read_violations(db, 2024)
    row = first.attributes.iloc[len(first) // 2]
    reviews.save_reviews(db, [reviews.Review(row["rule"], row["patch_id"], 2024, True, "现场已拆除")])
    storage.write_compliance(db, results, 2024)  # the table is rewritten by the next run
    again = reviews.apply_reviews(storage.read_violations(db, 2024).attributes, reviews.load_reviews(db, 2024))
    hit = again[again["reviewed"]]
    assert len(hit) == 1 and hit.iloc[0]["rule"] == row["rule"] and hit.iloc[0]["patch_id"] == row["patch_id"]
    assert hit.iloc[0]["note"] == "现场已拆除"


def test_stored_tables_agree_with_the_results(tmp_path, results):
    db = tmp_path / "assessment.gpkg"
    written = storage.write_compliance(db, results, 2024)
    storage.write_compliance(db, results, 2023)
    assert storage.stored_years(db) == [2023, 2024]
    layer = storage.read_violations(db, 2024)
    assert written["violations"] == "compliance_violations_2024"
    assert len(layer) == sum(r.count for r in results.values())
    assert layer.crs == "EPSG:4548" and shapely.is_valid(layer.geometries).all()
    assert list(layer.attributes.columns) == [name for name, _ in storage.VIOLATION_FIELDS]
    summary = storage.read_table_of_year(db, storage.SUMMARY_TABLE, 2024)
    assert set(storage.read_table_of_year(db, storage.SUMMARY_TABLE, 2023)["year"]) == {2023}
    totals = summary[summary["XZQDM"] == "*"].set_index("rule")
    for rule, part in layer.attributes.groupby("rule"):
        assert totals.loc[rule, "count"] == len(part)
        assert totals.loc[rule, "area_m2"] == pytest.approx(part["area_m2"].sum(), rel=1e-9)
    districts = summary[summary["XZQDM"] != "*"]
    assert districts["count"].sum() == len(layer)
    checks = storage.read_table_of_year(db, storage.CHECKS_TABLE, 2024)
    assert len(checks) == 5 and set(checks["status"]) <= {"ok", "violations"}


def test_summary_lists_rules_without_violations():
    empty = pd.DataFrame({name: pd.Series(dtype=object) for name, _ in storage.VIOLATION_FIELDS})
    summary = storage.summary_frame(empty, 2024, {"redline_construction": "redline_construction"})
    assert summary[["rule", "XZQDM", "count", "area_m2"]].values.tolist() == [["redline_construction", "*", 0, 0.0]]


def test_workbook(tmp_path, results):
    layer = storage.violation_layer(results, 2024)
    marks = {("redline_construction", str(layer.attributes.iloc[0]["patch_id"]), 2024):
             reviews.Review("redline_construction", str(layer.attributes.iloc[0]["patch_id"]), 2024, True, "注")}
    table = reviews.apply_reviews(layer.attributes, marks)
    summary = storage.summary_frame(layer.attributes, 2024)
    path = write_compliance_xlsx(tmp_path / "c", table, summary, storage.checks_frame(results, 2024),
                                 {"new": results["new_construction"].tables["by_base_class"]}, title="T")
    from openpyxl import load_workbook

    book = load_workbook(path)
    assert path.suffix == ".xlsx" and book.sheetnames == ["Summary", "Violations", "Checks",
                                                          "New construction by base class"]
    rows = list(book["Violations"].iter_rows(values_only=True))
    assert len(rows) == len(table) + 1 and rows[0][-4:] == ("Reviewed", "Note", "Reviewer", "Reviewed at")
    reviewed = [r for r in rows[1:] if r[-4] == "✓"]
    assert len(reviewed) == 1 and reviewed[0][-3] == "注"
    totals = [r for r in book["Summary"].iter_rows(min_row=4, values_only=True) if r[2] == "*"]
    assert sum(r[3] for r in totals) == len(table)
    assert np.isclose(sum(r[4] for r in totals), table["area_m2"].sum())
