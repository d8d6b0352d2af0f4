"""Department statistics (DEPT_STATS) for the base year 2020 and the years 2023, 2024.

Values follow Xiamen's published order of magnitude (census 2020: 516.4 万 residents; GDP
2020 6384 亿元, 2023 8066 亿元, 2024 8589 亿元). Additive city values are the sums over
the districts modelled, so smaller scales stay consistent with their population grid.
"""

import numpy as np
import pandas as pd

YEARS = (2020, 2023, 2024)
# district -> residents (万人) per year
POPULATION = {
    "350203": (107.31, 106.50, 106.20), "350205": (58.29, 61.20, 62.00), "350206": (103.73, 104.00, 104.10),
    "350211": (103.70, 108.90, 110.00), "350212": (85.59, 89.50, 89.80), "350213": (57.78, 62.60, 62.90),
}
URBAN_RATE = {"350203": 1.0, "350205": 0.925, "350206": 1.0, "350211": 0.935, "350212": 0.72, "350213": 0.68}
GDP_CITY = (6384.02, 8066.49, 8589.01)
GDP_SHARE = {"350203": 0.33, "350205": 0.14, "350206": 0.26, "350211": 0.12, "350212": 0.075, "350213": 0.075}
WATER_CITY = (6.32, 6.55, 6.61)  # 亿 m³, whole city
INDUSTRY_VA_CITY = (2003.4, 2400.5, 2551.7)  # 工业增加值, 亿元
CITY_RATIOS = {  # city-level statistics that do not scale with the area modelled
    ("C-07", "人口自然增长率", "‰"): (6.8, 3.1, 2.6),
    ("F-07", "每千人口医疗卫生机构床位数", "张/千人"): (3.92, 4.35, 4.48),
    ("F-08", "每千名老年人养老床位数", "张/千人"): (32.5, 35.8, 36.6),
    ("F-12", "每万人拥有幼儿园班数", "班/万人"): (16.8, 17.9, 18.2),
    ("C-17", "城乡居民人均可支配收入比", "比值（农村=1）"): (2.14, 2.05, 2.02),
    ("F-25", "年空气质量优良天数", "天"): (362, 357, 360),
    ("A-05", "水资源开发利用率", "%"): (38.2, 39.5, 39.8),
    ("B-13", "研究与试验发展经费投入强度", "%"): (3.10, 3.23, 3.30),
    ("E-03", "机场年旅客吞吐量", "万人次"): (1671.0, 2578.0, 2802.0),
}


def population_wan(code: str, year: int) -> float:
    return POPULATION[code][YEARS.index(year)]


def department_statistics(district_codes, district_names) -> pd.DataFrame:
    rows = []

    def add(code, name, year, unit, value, measure):
        rows.append((code, name, year, unit, float(round(value, 4)), measure))

    for k, year in enumerate(YEARS):
        pop = {c: POPULATION[c][k] for c in district_codes}
        urban = {c: pop[c] * URBAN_RATE[c] for c in district_codes}
        gdp = {c: GDP_CITY[k] * GDP_SHARE[c] for c in district_codes}
        for c in district_codes:
            add("C-01", "常住人口数量", year, c, pop[c], "万人")
            add("POP_URBAN", "城镇常住人口", year, c, urban[c], "万人")
            add("POP_RURAL", "农村常住人口", year, c, pop[c] - urban[c], "万人")
            add("GDP", "地区生产总值", year, c, gdp[c], "亿元")
        total_pop, total_urban, total_gdp = sum(pop.values()), sum(urban.values()), sum(gdp.values())
        share = total_gdp / GDP_CITY[k]
        water = WATER_CITY[k] * total_pop / sum(POPULATION[c][k] for c in POPULATION)
        add("C-01", "常住人口数量", year, "city", total_pop, "万人")
        add("POP_URBAN", "城镇常住人口", year, "city", total_urban, "万人")
        add("POP_RURAL", "农村常住人口", year, "city", total_pop - total_urban, "万人")
        add("C-08", "常住人口城镇化率", year, "city", 100.0 * total_urban / total_pop, "%")
        add("GDP", "地区生产总值", year, "city", total_gdp, "亿元")
        add("INDUSTRY_VA", "工业增加值", year, "city", INDUSTRY_VA_CITY[k] * share, "亿元")
        add("A-01", "用水总量", year, "city", water, "亿m³")
        add("A-02", "人均年用水量", year, "city", water * 1e8 / (total_pop * 1e4), "m³/人")
        add("D-08", "每万元GDP水耗", year, "city", water * 1e8 / (total_gdp * 1e4), "m³/万元")
        add("B-12", "社会劳动生产率", year, "city", total_gdp * 1e4 / (total_pop * 1e4 * 0.62), "万元/人")
        for (code, name, unit), values in CITY_RATIOS.items():
            add(code, name, year, "city", values[k], unit)
    frame = pd.DataFrame(rows, columns=["code", "name_zh", "year", "unit_code", "value", "unit"])
    frame["year"] = frame["year"].astype(np.int64)
    return frame
