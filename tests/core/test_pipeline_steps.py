"""The assess steps after the indicators (core/assessment/steps.py) on the small demo city."""

from pathlib import Path

import pandas as pd
import pytest
from openpyxl import load_workbook

from cityhealth_plugin.core.assessment import pipeline
from cityhealth_plugin.core.assessment.diagnosis_inputs import (
    DEMO_TARGETS,
    catalog_targets,
    combine_targets,
    conclusion_file_name,
    read_targets,
    tasks_file_name,
)
from cityhealth_plugin.core.catalog import load_catalog
from cityhealth_plugin.core.compliance import ComplianceOptions, run_checks, storage
from cityhealth_plugin.core.store import gpkg
from cityhealth_plugin.core.store.results import read_values, write_results

ROLE_TABLES = {"dltb": "DLTB", "dltb_base": "DLTB_2020", "farmland_protection": "YJJBNT", "eco_redline": "STBHHX",
               "urban_boundary": "CZKFBJ", "heritage_line": "LSWHBHX", "admin_district": "XZQ"}


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    from cityhealth_plugin.core.demo.city import generate_demo_city

    folder = tmp_path_factory.mktemp("steps")
    path = folder / "democity_small.gpkg"
    generate_demo_city(scale="small", seed=2024, out=path)
    lines = []
    code = pipeline.run_assessment(path, 2024, folder / "out", log=lines.append)
    return {"path": path, "out": folder / "out", "code": code, "log": "\n".join(lines)}


def test_steps_are_registered_in_order():
    names = [step.name for step in pipeline.STEPS]
    order = [names.index(n) for n in ("write_store", "earlier_years", "compliance", "diagnosis", "summary")]
    assert order == sorted(order) and names[-1] == "summary"
    assert not any(step.fatal for step in pipeline.STEPS if step.name in ("earlier_years", "compliance", "diagnosis"))


def test_assess_writes_every_file(demo):
    assert demo["code"] == 0, demo["log"]
    out = demo["out"]
    for name in ("assessment_2024.gpkg", "indicators_2024.xlsx", "compliance_2024.xlsx", conclusion_file_name(2024),
                 tasks_file_name(2024)):
        assert (out / name).is_file(), name
    assert "Traceback" not in demo["log"] and "Demo targets" in demo["log"]


def test_base_year_values_come_from_the_base_year_patches(demo):
    from cityhealth_plugin.core.indicators.engine import compute

    db = demo["out"] / "assessment_2024.gpkg"
    values = read_values(db)
    city = values[values["unit_type"] == "city"].pivot_table(index="code", columns="year", values="value")
    assert {2020, 2023, 2024} <= set(city.columns)
    base = {"dltb": gpkg.read_layer(demo["path"], "DLTB_2020"), "admin_district": gpkg.read_layer(demo["path"], "XZQ"),
            "urban_boundary": gpkg.read_layer(demo["path"], "CZKFBJ")}
    expected = {r.code: r.value for r in compute(load_catalog(), base, None, 2020, codes=["C-04", "A-11", "C-09"])}
    for code in ("C-04", "A-11", "C-09"):
        assert city.loc[code, 2020] == pytest.approx(expected[code], rel=1e-12), code
        assert city.loc[code, 2020] != pytest.approx(city.loc[code, 2024], rel=1e-6), code
    # statistics of 2023 (previous year) are there, spatial ones are not (no DLTB of 2023)
    assert pd.notna(city.loc["C-01", 2023]) and pd.isna(city.loc["C-04"].get(2023))
    stats = gpkg.read_table(demo["path"], "DEPT_STATS")
    given = stats[(stats["code"] == "C-01") & (stats["year"] == 2023) & (stats["unit_code"] == "city")]["value"]
    assert city.loc["C-01", 2023] == pytest.approx(float(given.iloc[0]))


def test_earlier_values_already_stored_are_kept(demo, tmp_path):
    out = tmp_path / "again"
    out.mkdir()
    db = out / "assessment_2024.gpkg"
    catalog = load_catalog()
    from cityhealth_plugin.core.indicators.engine import compute

    layers = {"dltb": gpkg.read_layer(demo["path"], "DLTB_2020")}
    kept = compute(catalog, layers, None, 2020, codes=["C-04"])
    kept[0].value = 123.0  # a value the city corrected by hand
    write_results(db, kept, 2020, layers=False)
    assert pipeline.run_assessment(demo["path"], 2024, out, log=lambda m: None) == 0
    city = read_values(db, 2020)
    city = city[city["unit_type"] == "city"].set_index("code")
    assert city.loc["C-04", "value"] == pytest.approx(123.0)
    assert pd.notna(city.loc["A-11", "value"])


def test_compliance_step_stores_the_checks(demo):
    db = demo["out"] / "assessment_2024.gpkg"
    layers = {role: gpkg.read_layer(demo["path"], table) for role, table in ROLE_TABLES.items()}
    direct = run_checks(layers, ComplianceOptions())
    stored = storage.read_violations(db, 2024)
    assert len(stored) == sum(r.count for r in direct.values())
    assert stored.attributes["area_m2"].sum() == pytest.approx(sum(r.area_m2 for r in direct.values()), rel=1e-9)
    book = load_workbook(demo["out"] / "compliance_2024.xlsx")
    assert book.sheetnames[:3] == ["Summary", "Violations", "Checks"]
    assert book["Violations"].max_row == len(stored) + 1


def test_conclusion_table_has_base_values_and_statuses(demo):
    sheet = load_workbook(demo["out"] / conclusion_file_name(2024)).active
    assert "2024" in sheet["A1"].value
    rows = {row[3]: row for row in sheet.iter_rows(min_row=3, values_only=True) if row[3]}
    land = rows["城乡建设用地面积"]
    assert land[6] is not None and land[8] is not None and land[6] != land[8]  # base year vs 2024
    assert land[9] == "≤212"  # the demo target, a binding limit
    statuses = {row[11] for row in rows.values()}
    assert {"Met", "Not met", "Early warning", "Nearly met"} <= statuses
    assert rows["常住人口数量"][7] is not None  # 上年值 from DEPT_STATS 2023
    tasks = list(load_workbook(demo["out"] / tasks_file_name(2024)).active.iter_rows(min_row=3, values_only=True))
    weak = sum(1 for row in rows.values() if row[11] in ("Not met", "Early warning"))
    assert len(tasks) == weak > 0


def test_demo_targets_file_is_marked_and_readable():
    text = DEMO_TARGETS.read_text(encoding="utf-8")
    assert "NOT OFFICIAL" in text.splitlines()[0]
    targets = read_targets(DEMO_TARGETS)
    assert len(targets) >= 20 and targets["code"].is_unique
    catalog = load_catalog()
    assert set(targets["code"]) <= set(catalog.codes())
    for code in ("A-10", "A-11", "A-13", "C-04", "C-09", "D-01", "F-21", "B-05"):
        assert code in set(targets["code"]), code


def test_targets_from_the_catalog_and_their_precedence():
    catalog = load_catalog()
    one = catalog["C-04"].with_changes(target="≤215")
    two = catalog["B-03"].with_changes(target="10-25")
    three = catalog["D-01"].with_changes(target="30", target_year=2035)
    from cityhealth_plugin.core.catalog.model import Catalog

    small = Catalog({i.code: i for i in (one, two, three)}, {})
    found = catalog_targets(small).set_index("code")
    assert found.loc["C-04", "limit"] == 215 and found.loc["C-04", "limit_type"] == "max"
    assert (found.loc["B-03", "lower"], found.loc["B-03", "upper"]) == (10, 25)
    assert found.loc["D-01", "target_2035"] == 30 and pd.isna(found.loc["D-01", "target_2025"])
    given = pd.DataFrame({"指标编号": ["D-01"], "2025年目标值": [28.0]})
    merged = combine_targets([catalog_targets(small), read_targets(given)]).set_index("code")
    assert merged.loc["D-01", "target_2025"] == 28 and merged.loc["D-01", "target_2035"] == 30


def test_a_package_without_base_year_or_targets_still_runs(tmp_path, demo):
    """Only DLTB and XZQ: the checks that need other layers are reported as missing, nothing fails."""
    small = tmp_path / "only_dltb.gpkg"
    for table in ("XZQ", "DLTB"):
        gpkg.write_layer(small, gpkg.read_layer(demo["path"], table))
    lines = []
    assert pipeline.run_assessment(small, 2024, tmp_path / "out", log=lines.append) == 0
    text = "\n".join(lines)
    assert "Missing input" in text and "No targets" in text
    assert (tmp_path / "out" / conclusion_file_name(2024)).is_file()
    assert Path(tmp_path / "out" / "compliance_2024.xlsx").is_file()
