"""Department figures (部门填报值) for the demo: every non-spatial catalog indicator, 2020 / 2023 / 2024.

Magnitudes follow Xiamen's published order (统计年鉴 / 公报: 常住人口 516 万, GDP 6384 → 8589 亿元,
进出口 6916 → 9326 亿元, 机场旅客 1671 → 2802 万人次 …); they are plausible demo numbers, not
official statistics. Figures already in DEPT_STATS (core/demo/statistics.py) are taken from
there, so both tables agree. With ``district_codes`` (the districts a smaller demo scale models)
extensive figures (counts, totals, areas) are scaled by the population share; rates and per-capita
figures stay. ``form_values`` adds the spatial cross-check figures a department reports
(耕地保有量, 建设用地总面积 …) from the demo's land-use layers, one of them deliberately 7 % off,
and short 基本情况 / 取得成效 / 短板及成因 / 提升措施 texts for the latest year.
"""

from typing import Dict, Iterable, Optional, Sequence

import numpy as np
import pandas as pd

from . import statistics as stats

YEARS = stats.YEARS
# code -> (2020, 2023, 2024, extensive: scales with the districts modelled)
_VALUES: Dict[str, tuple] = {
    "A-03": (12.6, 12.9, 13.0, False), "A-04": (85.7, 92.9, 100.0, False), "A-08": (1.2, 0.9, 0.8, False),
    "A-09": (20.5, 28.3, 31.2, False), "A-12": (45.2, 52.6, 55.1, False), "A-16": (58, 61, 62, True),
    "A-17": (1, 0, 0, True), "A-20": (43.5, 44.8, 45.2, False), "A-21": (36, 21, 17, True),
    "A-23": (18.6, 24.3, 26.8, False), "A-24": (3.2, 2.8, 2.6, False), "A-25": (25, 31, 18, True),
    "A-26": (78.5, 84.2, 86.0, False), "A-27": (12, 7, 5, True),
    "B-01": (68.0, 82.5, 88.0, False), "B-02": (35.2, 46.8, 51.3, False), "B-04": (90.2, 57.5, 43.1, False),
    "B-06": (62.0, 75.3, 81.0, False), "B-07": (185.0, 320.5, 356.0, True), "B-10": (14850, 16120, 15680, False),
    "B-11": (100.0, 100.0, 100.0, False), "B-14": (32.6, 46.5, 52.3, False), "B-15": (16, 16, 17, True),
    "B-16": (26990, 28500, 29100, False),
    "C-06": (700.0, 760.0, 780.0, True), "C-15": (100.0, 100.0, 100.0, False), "C-16": (98.2, 99.5, 99.8, False),
    "C-18": (4.1, 5.2, 5.5, False),
    "D-02": (305.6, 321.4, 326.0, True), "D-05": (3.2, 5.8, 6.4, True), "D-06": (8, 9, 9, False),
    "D-09": (0.26, 0.24, 0.235, False), "D-10": (4.1, 3.5, 3.2, False), "D-11": (2.8, 6.5, 8.1, True),
    "D-13": (95.0, 118.6, 125.3, True), "D-14": (38.5, 42.0, 43.5, False), "D-15": (100.0, 100.0, 100.0, False),
    "D-16": (68.5, 71.2, 72.0, False), "D-17": (95.0, 100.0, 100.0, False),
    "E-01": (42.0, 55.3, 58.6, False), "E-02": (2380.0, 4560.0, 4980.0, False),
    "E-04": (6240.0, 11570.0, 12820.0, False),
    "E-05": (9.5, 58.0, 96.5, False), "E-06": (28, 96, 112, False), "E-07": (8, 22, 30, False),
    "E-08": (86, 92, 95, False), "E-09": (100.0, 100.0, 100.0, False), "E-11": (8.8, 9.4, 9.4, False),
    "E-12": (27.8, 23.6, 25.8, False), "E-13": (6915.8, 9176.0, 9326.0, False), "E-14": (108.3, 113.8, 108.6, False),
    "E-15": (26.3, 27.8, 23.9, False),
    "F-01": (36.0, 35.0, 35.0, False), "F-02": (16.2, 18.5, 19.0, True), "F-03": (78.0, 80.0, 81.0, False),
    "F-04": (72.0, 78.5, 80.2, False), "F-09": (33.5, 35.2, 35.6, False), "F-16": (68.5, 70.2, 70.2, True),
    "F-19": (28.0, 45.5, 41.0, False), "F-20": (52000, 61500, 63800, True), "F-23": (0.16, 0.17, 0.18, False),
    "F-28": (1.2, 1.4, 1.5, False), "F-29": (5.8, 8.6, 9.4, False),
}
# spatial indicators a department also reports: code -> (land-use group, unit factor from m², ratio to the
# computed value: C-03 is deliberately 7 % above the land-use survey to show the cross-check flag)
CROSS_CHECK = {"A-11": ("gengdi", 1.5e-7, 1.02), "C-03": ("jianshe", 1e-6, 1.07), "D-03": ("lindi", 1.5e-7, 0.99),
               "A-06": ("shidi", 1e-6, 0.97)}
_TEXTS = {
    "A-01": ("全市推进节水型社会建设，再生水利用持续提升。", "用水总量控制在年度指标以内，万元GDP用水量持续下降。",
             "本地水资源禀赋不足，对外调水依赖度高。", "推进再生水利用和管网漏损治理，严格用水总量和强度双控。"),
    "E-13": ("对外贸易规模稳居全省前列。", "外贸进出口总额较基期年增长三成以上。", "外需波动影响较大，新业态占比偏低。",
             "培育跨境电商等外贸新业态，拓展“一带一路”市场。"),
    "F-20": ("持续加大保障性住房筹集建设力度。", "公共租赁住房套数逐年增加。", "岛外新城配套设施仍不完善。",
             "推动保障房与轨道交通站点、产业园区统筹布局。"),
}


def _stats_values(district_codes: Sequence[str]) -> pd.DataFrame:
    names = [str(c) for c in district_codes]
    frame = stats.department_statistics(list(district_codes), names)
    return frame[frame["unit_code"] == "city"]


def department_values(catalog=None, district_codes: Optional[Iterable[str]] = None,
                      years: Sequence[int] = YEARS) -> pd.DataFrame:
    """Reported city values of every non-spatial indicator of ``catalog`` (default: shipped).

    Columns: code, name_zh, year, unit_code ('city'), value, unit, source_type. ``district_codes``:
    the districts modelled (default all six of Xiamen)."""
    if catalog is None:
        from ..catalog.loader import load_catalog

        catalog = load_catalog()
    codes = list(district_codes) if district_codes is not None else list(stats.POPULATION)
    share = {y: sum(stats.POPULATION[c][k] for c in codes) / sum(v[k] for v in stats.POPULATION.values())
             for k, y in enumerate(YEARS)}
    dept = _stats_values(codes).set_index(["code", "year"])["value"]
    rows = []
    for indicator in catalog:
        if indicator.is_spatial:
            continue
        for year in years:
            k = YEARS.index(int(year))
            if (indicator.code, int(year)) in dept.index:
                value = float(dept.loc[(indicator.code, int(year))])
            elif indicator.code in _VALUES:
                entry = _VALUES[indicator.code]
                value = float(entry[k]) * (share[int(year)] if entry[3] else 1.0)
                if entry[3] and float(entry[k]) == round(float(entry[k])) and indicator.unit not in ("hm²", "km", "km²",
                                                                                                     "万m³", "万人"):
                    value = float(round(value))
            else:
                continue
            rows.append((indicator.code, indicator.name_zh, int(year), "city", round(value, 4), indicator.unit,
                         indicator.source_type))
    frame = pd.DataFrame(rows, columns=["code", "name_zh", "year", "unit_code", "value", "unit", "source_type"])
    frame["year"] = frame["year"].astype(np.int64)
    return frame


def cross_check_values(dltb_by_year: Dict[int, object]) -> pd.DataFrame:
    """Department figures of the spatial cross-check indicators from land-use layers
    ({year: LayerData with DLBM and TBDLMJ}); a year without a layer is interpolated."""
    from ..landuse.codes import LandUseGroups

    groups = LandUseGroups.default()
    known = {}
    for year, layer in dltb_by_year.items():
        dlbm = layer.attributes["DLBM"].to_numpy(dtype=object)
        area = pd.to_numeric(layer.attributes["TBDLMJ"], errors="coerce").fillna(0).to_numpy(dtype=float)
        for code, (group, factor, ratio) in CROSS_CHECK.items():
            known[(code, int(year))] = float(area[groups[group].mask(dlbm)].sum()) * factor * ratio
    rows = []
    years = sorted({y for _, y in known})
    for code in CROSS_CHECK:
        for year in YEARS:
            if (code, year) in known:
                value = known[(code, year)]
            elif len(years) >= 2:
                lo, hi = years[0], years[-1]
                value = known[(code, lo)] + (known[(code, hi)] - known[(code, lo)]) * (year - lo) / (hi - lo)
            else:
                continue
            rows.append((code, year, round(value, 4)))
    return pd.DataFrame(rows, columns=["code", "year", "value"])


def form_values(catalog=None, district_codes: Optional[Iterable[str]] = None,
                dltb_by_year: Optional[Dict[int, object]] = None) -> pd.DataFrame:
    """The demo's FORM_VALUES table: department values (and cross-check figures) with the
    department and, for a few indicators, the texts of the latest year.

    Columns: code, name_zh, year, unit_code, value, unit, source_type, department, situation,
    achievements, shortcomings, measures."""
    from ..store.assignments import DEFAULT_DEPARTMENT

    if catalog is None:
        from ..catalog.loader import load_catalog

        catalog = load_catalog()
    frame = department_values(catalog, district_codes)
    if dltb_by_year:
        extra = cross_check_values(dltb_by_year)
        extra["name_zh"] = extra["code"].map({i.code: i.name_zh for i in catalog})
        extra["unit"] = extra["code"].map({i.code: i.unit for i in catalog})
        extra["unit_code"], extra["source_type"] = "city", "statistic"
        frame = pd.concat([frame, extra[frame.columns]], ignore_index=True)
    frame["department"] = frame["code"].map(DEFAULT_DEPARTMENT).fillna("")
    latest = frame["year"] == max(YEARS)
    for column, index in (("situation", 0), ("achievements", 1), ("shortcomings", 2), ("measures", 3)):
        texts = frame["code"].map({code: t[index] for code, t in _TEXTS.items()})
        frame[column] = texts.where(latest, None).astype(object)
        frame[column] = frame[column].where(frame[column].notna(), "")
    frame["year"] = frame["year"].astype(np.int64)
    return frame.sort_values(["code", "year"]).reset_index(drop=True)
