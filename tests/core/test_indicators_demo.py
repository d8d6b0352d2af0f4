"""The engine on the generated demo city: known answers (DEMO_TRUTH) and consistency of units."""

from pathlib import Path

import numpy as np
import pytest

from cityhealth_plugin.core.catalog.loader import load_catalog
from cityhealth_plugin.core.indicators.context import EngineContext
from cityhealth_plugin.core.indicators.engine import compute
from cityhealth_plugin.core.indicators.measures import evaluate
from cityhealth_plugin.core.roles.registry import ROLES
from cityhealth_plugin.core.store import gpkg

city_module = pytest.importorskip("cityhealth_plugin.core.demo.city")


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo") / "democity_small.gpkg"
    city_module.generate_demo_city(scale="small", seed=2024, out=path, dirty=False)
    tables = {name.lower(): name for name, *_ in gpkg.list_layers(path)}
    layers = {role.id: gpkg.read_layer(path, tables[role.standard_name.lower()])
              for role in ROLES if role.standard_name.lower() in tables}
    return {"path": path, "layers": layers, "statistics": gpkg.read_table(path, "DEPT_STATS"),
            "truth": gpkg.read_table(path, "DEMO_TRUTH").set_index("problem")}


def test_construction_in_the_red_line_matches_the_demo_truth(demo):
    ctx = EngineContext(demo["layers"], demo["statistics"], 2024, load_catalog())
    value = evaluate(ctx, {"landuse": "jianshe", "within": "eco_redline", "area_field": "TBMJ"})
    truth = demo["truth"].loc["construction_in_eco_redline", "total_area_m2"]
    assert truth > 0
    assert value.total == pytest.approx(truth, rel=1e-6, abs=0.01)


def test_units_add_up_to_the_city(demo):
    results = compute(load_catalog(), demo["layers"], demo["statistics"], 2024,
                      codes=["C-04", "A-11", "C-05", "B-05", "C-11"])
    by_code = {r.code: r for r in results}
    assert all(r.status == "ok" for r in results), [(r.code, r.message) for r in results]
    for code in ("C-04", "A-11"):  # areas: the districts partition the DLTB
        districts = by_code[code].per_unit.query("unit_type == 'district'")["value"].sum()
        subdistricts = by_code[code].per_unit.query("unit_type == 'subdistrict'")["value"].sum()
        assert districts == pytest.approx(by_code[code].value, rel=1e-6)
        assert subdistricts == pytest.approx(by_code[code].value, rel=1e-3)
    pop = demo["statistics"].query("code == 'POP_URBAN' and year == 2024 and unit_code == 'city'")["value"].iloc[0]
    land = compute(load_catalog(), demo["layers"], None, 2024, codes=["C-04"])[0]
    assert by_code["C-11"].value > 0 and np.isfinite(by_code["C-11"].value)
    assert by_code["C-11"].provenance.statistics[0]["value"] == pytest.approx(pop)
    assert land.status == "ok"


def test_whole_assessment_runs_on_the_demo(demo, tmp_path):
    from cityhealth_plugin.core.assessment.pipeline import run_assessment

    lines = []
    assert run_assessment(Path(demo["path"]), 2024, tmp_path, log=lines.append) == 0
    text = "\n".join(lines)
    assert "0 errors" in text and "Traceback" not in text
