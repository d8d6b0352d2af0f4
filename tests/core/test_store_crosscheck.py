"""Multi-source cross-check: computed spatial value vs department figure, known answers."""

import numpy as np
import pandas as pd
import pytest

from cityhealth_plugin.core.catalog import load_catalog
from cityhealth_plugin.core.store.crosscheck import COLUMNS, cross_check


def values(rows):
    return pd.DataFrame(rows, columns=["code", "year", "unit_type", "unit_code", "origin", "value", "status"])


def test_known_differences_and_the_tolerance():
    frame = values([
        ("A-11", 2024, "city", "city", "computed", 20.0, "ok"),
        ("A-11", 2024, "city", "city", "reported", 20.4, "submitted"),   # +2 %
        ("C-03", 2024, "city", "city", "computed", 100.0, "ok"),
        ("C-03", 2024, "city", "city", "reported", 107.0, "submitted"),  # +7 %
        ("D-03", 2024, "city", "city", "computed", 50.0, "ok"),
        ("D-03", 2024, "city", "city", "reported", 47.5, "submitted"),   # exactly −5 %: not beyond
        ("A-06", 2024, "city", "city", "computed", 0.0, "ok"),
        ("A-06", 2024, "city", "city", "reported", 1.0, "submitted"),    # spatial 0
        ("A-13", 2024, "city", "city", "computed", 10.0, "missing_input"),  # not ok: no pair
        ("A-13", 2024, "city", "city", "reported", 10.0, "submitted"),
        ("A-10", 2024, "city", "city", "reported", 30.0, "submitted"),   # department only
        ("C-03", 2024, "district", "350203", "computed", 10.0, "ok"),
        ("C-03", 2024, "district", "350203", "reported", 13.0, "submitted"),
    ])
    out = cross_check(frame, catalog=load_catalog()).set_index("code")
    assert list(out.columns) == [c for c in COLUMNS if c != "code"]
    assert set(out.index) == {"A-11", "C-03", "D-03", "A-06"}
    assert out.loc["A-11", "difference_pct"] == pytest.approx(2.0) and not out.loc["A-11", "flag"]
    assert out.loc["C-03", "difference_pct"] == pytest.approx(7.0) and out.loc["C-03", "flag"]
    assert out.loc["D-03", "difference_pct"] == pytest.approx(-5.0) and not out.loc["D-03", "flag"]
    assert np.isinf(out.loc["A-06", "difference_pct"]) and out.loc["A-06", "flag"]
    assert out.loc["C-03", "name_zh"] == "建设用地总面积" and out.loc["C-03", "difference"] == pytest.approx(7.0)
    strict = cross_check(frame, tolerance=0.01).set_index("code")
    assert strict.loc["A-11", "flag"]
    loose = cross_check(frame, tolerance=0.10).set_index("code")
    assert not loose.loc["C-03", "flag"]
    districts = cross_check(frame, unit_type="district")
    assert list(districts["difference_pct"]) == pytest.approx([30.0])
    with pytest.raises(ValueError):
        cross_check(frame, tolerance=-1)


def test_empty_input_gives_an_empty_table():
    out = cross_check(values([]))
    assert list(out.columns) == COLUMNS and len(out) == 0
