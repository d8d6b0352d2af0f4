"""The demo's department figures (FORM_VALUES) and the demo end to end through the store."""

import pytest

from cityhealth_plugin.core.catalog import load_catalog
from cityhealth_plugin.core.demo import statistics as demo_stats
from cityhealth_plugin.core.demo.city import generate_demo_city
from cityhealth_plugin.core.demo.department_values import department_values, form_values
from cityhealth_plugin.core.exports.workbook_layout import value_range
from cityhealth_plugin.core.indicators.engine import compute
from cityhealth_plugin.core.store import gpkg
from cityhealth_plugin.core.store.results import results_to_frames
from cityhealth_plugin.core.store.sqlite_backend import SqliteStore


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


def test_every_statistic_indicator_has_three_plausible_years(catalog):
    frame = department_values(catalog)
    wanted = {i.code for i in catalog if not i.is_spatial}
    assert len(wanted) == 78 and set(frame["code"]) == wanted
    assert set(frame.groupby("code")["year"].apply(lambda years: tuple(sorted(years)))) == {(2020, 2023, 2024)}
    names = {i.code: i.name_zh for i in catalog}
    for row in frame.itertuples(index=False):
        low, high = value_range(row.code, row.unit, names[row.code])
        assert low <= row.value <= high, row
    city = frame.set_index(["code", "year"])["value"]
    assert city[("C-01", 2020)] == pytest.approx(516.1, abs=0.5)  # 七普 516.4 万
    assert city[("E-13", 2024)] == 9326.0 and city[("E-03", 2020)] == 1671.0
    assert city[("C-08", 2024)] == pytest.approx(89.33, abs=0.01)
    # DEPT_STATS and FORM_VALUES agree where both have a figure
    stats = demo_stats.department_statistics(list(demo_stats.POPULATION), list(demo_stats.POPULATION))
    stats = stats[stats["unit_code"] == "city"].set_index(["code", "year"])["value"]
    for key in set(stats.index) & set(city.index):
        assert city[key] == pytest.approx(stats[key]), key


def test_a_smaller_demo_scales_extensive_figures_only(catalog):
    full = department_values(catalog).set_index(["code", "year"])["value"]
    part = department_values(catalog, ["350203", "350206"]).set_index(["code", "year"])["value"]
    share = (107.31 + 103.73) / sum(v[0] for v in demo_stats.POPULATION.values())
    assert part[("D-13", 2020)] == pytest.approx(95.0 * share, rel=1e-3)  # a length: scaled
    assert part[("A-04", 2024)] == full[("A-04", 2024)]  # a share: not scaled
    assert part[("B-15", 2024)] == round(17 * share)  # a count stays whole


def test_demo_form_values_and_the_cross_check(tmp_path, catalog):
    path = tmp_path / "demo.gpkg"
    generate_demo_city("small", 2024, path)
    table = gpkg.read_table(path, "FORM_VALUES")
    assert {"code", "year", "value", "unit", "department", "situation", "achievements", "shortcomings",
            "measures"} <= set(table.columns)
    assert set(table["code"]) >= {"A-11", "C-03", "A-01", "F-29"}
    assert table.loc[(table["code"] == "A-01") & (table["year"] == 2024), "achievements"].iloc[0]
    dltb = gpkg.read_layer(path, "DLTB")
    results = compute(catalog, {"dltb": dltb}, None, 2024, codes=["A-11", "C-03"])
    store = SqliteStore(tmp_path / "assessment.gpkg")
    values, provenance = results_to_frames(results, 2024)
    store.write_engine_results(values, provenance)
    store.import_statistics(table[["code", "year", "unit_code", "value", "unit"]])
    check = store.cross_check(2024, catalog=catalog).set_index("code")
    assert check.loc["C-03", "difference_pct"] == pytest.approx(7.0, abs=0.01) and check.loc["C-03", "flag"]
    assert check.loc["A-11", "difference_pct"] == pytest.approx(2.0, abs=0.01) and not check.loc["A-11", "flag"]
    assert form_values(catalog)["code"].nunique() == 78  # without land-use layers: no cross-check rows
    store.close()
