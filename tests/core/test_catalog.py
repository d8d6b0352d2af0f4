"""The shipped TD/T 1063-2021 catalog, city overrides and catalog errors."""

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest

from cityhealth_plugin.core.catalog.loader import DEFAULT_CATALOG, example_override, load_catalog
from cityhealth_plugin.core.catalog.model import LEVEL1
from cityhealth_plugin.core.catalog.validate import CatalogError

ROOT = Path(__file__).resolve().parents[2]
REFERENCE = ROOT / "cityhealth_plugin" / "resources" / "reference" / "indicator_catalog.csv"


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


def reference_rows():
    with open(REFERENCE, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_shipped_catalog_has_the_122_indicators(catalog):
    assert len(catalog) == 122
    standard = [r["code"] for r in reference_rows() if not r["code"].startswith("L-")]
    assert catalog.codes() == standard
    assert {i.level1 for i in catalog} == set(LEVEL1)
    assert len({i.level2 for i in catalog}) == 22  # 22 of the standard's 23 level-2 categories are known


def test_names_and_categories_come_from_the_reference(catalog):
    for row in reference_rows():
        if row["code"].startswith("L-"):
            continue
        indicator = catalog[row["code"]]
        assert (indicator.name_zh, indicator.level1, indicator.level2, indicator.unit, indicator.direction) == (
            row["name_zh"], row["level1"], row["level2"], row["unit"], row["direction"])


def test_unknown_facts_are_marked_not_invented(catalog):
    assert all(i.tier == "" for i in catalog)  # tiers are unknown in the reference
    assert all(not i.verified for i in catalog)  # units/directions/formulas are paraphrase
    assert catalog["A-11"].tier_guess == "基本?"
    assert "paraphrase" in catalog["A-11"].source


def test_methods_by_kind(catalog):
    spatial = {i.code: i.method for i in catalog if i.source_type == "spatial"}
    assert spatial["A-11"] == "landuse_area" and catalog["A-11"].params == {"group": "gengdi"}
    assert spatial["A-14"] == "overlay_area"
    assert catalog["A-14"].params == {"layer": "dltb", "group": "chengxiang_jianshe", "clip": "eco_redline"}
    assert spatial["B-05"] == "density" and spatial["C-10"] == "quantity" and spatial["A-22"] == "count"
    assert spatial["D-07"] == "derived" and "GDP" in catalog["D-07"].statistics
    assert spatial["F-10"] == "walk_coverage" and catalog["F-10"].params["threshold_min"] == 15
    assert catalog["A-19"].params["mode"] == "drive"
    assert catalog["A-01"].method == "statistic" and catalog["A-01"].source_type == "statistic"
    assert catalog["F-01"].source_type == "web" and catalog["A-03"].source_type == "survey"
    assert set(catalog["A-14"].roles) == {"dltb", "eco_redline"}
    assert catalog["C-02"].scope == "urban_area"


def test_xiamen_override_adds_local_indicators(catalog):
    city = load_catalog(overrides=[example_override()])
    assert len(city) == 123
    assert city["E-15"].name_zh == "实际利用外资额" and city["E-15"].tier == "地方"
    assert city["E-15"].unit == catalog["E-15"].unit  # columns left empty keep the shipped values
    assert city["L-01"].tier == "地方" and city["L-01"].method == "statistic"
    assert city["L-01"].name_zh == "高新技术产业增加值占规上工业增加值比重"


def test_override_sets_only_its_columns(tmp_path, catalog):
    path = tmp_path / "city.csv"
    path.write_text("code,tier,target,target_year,unit\nA-11,基本,≥180,2035,公顷\nC-04,,,,\n", encoding="utf-8")
    city = load_catalog(overrides=[path])
    assert city["A-11"].tier == "基本" and city["A-11"].target == "≥180" and city["A-11"].target_year == 2035
    assert city["A-11"].unit == "公顷" and city["A-11"].params == {"group": "gengdi"}
    assert city["C-04"] == catalog["C-04"].with_changes(origin=city["C-04"].origin)


def test_override_changes_parameters_and_roles_follow(tmp_path):
    path = tmp_path / "city.json"
    path.write_text(json.dumps({"indicators": [
        {"code": "C-04", "params": {"group": "chengxiang_jianshe_204"}},
        {"code": "XM-01", "level1": "共享", "level2": "宜居", "name_zh": "城区公园面积", "unit": "hm²",
         "direction": "positive", "method": "landuse_area",
         "params": {"group": "gongyuan_lvdi", "within": "urban_area"}},
    ]}, ensure_ascii=False), encoding="utf-8")
    city = load_catalog(overrides=[path])
    assert city["C-04"].params["group"] == "chengxiang_jianshe_204"
    assert city["XM-01"].roles == ("dltb", "urban_area") and city["XM-01"].source_type == "spatial"


def write(tmp_path, text, name="bad.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


HEADER = "code,level1,level2,name_zh,unit,direction,method,params\n"


@pytest.mark.parametrize("row, column, words", [
    ('X-1,安全,a,名称,km²,positive,landuse_area,"{""group"": ""nosuch""}"', "params", "Unknown land-use group"),
    ('X-1,安全,a,名称,km²,positive,overlay_area,"{""layer"": ""nosuchrole""}"', "params", "Unknown layer role"),
    ('X-1,安全,a,名称,km²,positive,magic,', "method", "Unknown method"),
    ('X-1,安全,a,名称,furlong,positive,statistic,', "unit", "Unknown unit"),
    ('X-1,安全,a,名称,km²,upwards,statistic,', "direction", "Direction must be"),
    ('X-1,安全,a,名称,km²,positive,landuse_area,"{group: gengdi}"', "params", "not valid JSON"),
    ('X-1,安全,a,名称,%,positive,landuse_area,"{""group"": ""gengdi""}"', "unit", "yields m²"),
    ('X-1,安宁,a,名称,km²,positive,statistic,', "level1", "Level-1"),
    ('X-1,安全,a,名称,km²,positive,count,"{""role"": ""buildings"", ""filter"": ""GD >>= 1""}"', "params", "Filter"),
    ('X-1,安全,a,名称,km,positive,density,"{""numerator"": {""length"": ""buildings""}, ""denominator"": {""area"": '
     '""urban_area""}}"', "params", "line"),
])
def test_bad_records_name_file_line_and_column(tmp_path, row, column, words):
    path = write(tmp_path, HEADER + row + "\n")
    with pytest.raises(CatalogError) as caught:
        load_catalog(overrides=[path])
    problems = caught.value.problems
    assert any(p.file == str(path) and p.line == 2 and p.column == column and words in p.message for p in problems), \
        [str(p) for p in problems]
    assert f"{path}:2" in str(caught.value)


def test_duplicate_code_reports_both_lines(tmp_path):
    path = write(tmp_path, "# comment line\n" + HEADER + "X-1,安全,a,甲,km²,positive,statistic,\n"
                 "X-1,安全,a,乙,km²,positive,statistic,\n")
    with pytest.raises(CatalogError) as caught:
        load_catalog(overrides=[path])
    (problem,) = caught.value.problems
    assert problem.line == 4 and "first on line 3" in problem.message


def test_all_problems_are_reported_together(tmp_path):
    path = write(tmp_path, HEADER + "X-1,安全,a,甲,furlong,positive,statistic,\nX-2,安全,a,乙,km²,sideways,statistic,\n"
                 "X-3,安全,a,丙,km²\n")
    with pytest.raises(CatalogError) as caught:
        load_catalog(overrides=[path])
    assert sorted(p.line for p in caught.value.problems) == [2, 3, 4]


def test_unknown_column_and_bad_json_file(tmp_path):
    path = write(tmp_path, "code,colour\nA-11,red\n")
    with pytest.raises(CatalogError, match="Unknown column"):
        load_catalog(overrides=[path])
    bad_json = write(tmp_path, '{"indicators": [\n  {"code": "A-11",\n  "tier": }\n]}', "bad.json")
    with pytest.raises(CatalogError) as caught:
        load_catalog(overrides=[bad_json])
    assert caught.value.problems[0].line == 3


def test_json_records_carry_their_line(tmp_path):
    path = write(tmp_path, '{"indicators": [\n {"code": "A-11", "tier": "基本"},\n {"code": "A-13",\n  "direction": "up"}\n]}',
                 "city.json")
    with pytest.raises(CatalogError) as caught:
        load_catalog(overrides=[path])
    (problem,) = caught.value.problems
    assert (problem.code, problem.line, problem.column) == ("A-13", 3, "direction")


def test_indicator_reference_cycle_is_an_error(tmp_path):
    path = write(tmp_path, HEADER + 'X-1,安全,a,甲,km²,positive,quantity,"{""measure"": {""indicator"": ""X-2""}}"\n'
                 'X-2,安全,a,乙,km²,positive,quantity,"{""measure"": {""indicator"": ""X-1""}}"\n')
    with pytest.raises(CatalogError, match="cycle"):
        load_catalog(overrides=[path])


def test_city_statistics_file(tmp_path):
    stats = write(tmp_path, "code,name_zh,unit\nXM-FDI,实际利用外资额,亿美元\n", "stats.csv")
    path = write(tmp_path, HEADER + 'XM-2,开放,a,外资强度,美元/人,positive,derived,"{""expression"": ""f / p"", '
                 '""inputs"": {""f"": {""statistic"": ""XM-FDI""}, ""p"": {""statistic"": ""C-01""}}}"\n')
    with pytest.raises(CatalogError, match="Unknown statistic 'XM-FDI'"):
        load_catalog(overrides=[path])
    city = load_catalog(overrides=[path], statistics=[stats])
    assert city["XM-2"].statistics == ("XM-FDI", "C-01")


def test_shipped_files_are_built_from_the_reference():
    done = subprocess.run([sys.executable, str(ROOT / "tools" / "build_catalog.py"), "--check",
                           "--reference", str(REFERENCE)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert DEFAULT_CATALOG.is_file()
