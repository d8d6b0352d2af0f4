"""Build the shipped indicator catalog from the shared reference table.

    python tools/build_catalog.py [--reference PATH] [--check]

Reads ``indicator_catalog.csv`` (the research table: names, categories, paraphrased units /
directions / formulas, an unverified tier guess) and writes

* ``cityhealth_plugin/resources/catalog/td_t_1063_2021.csv`` — the 122 indicators of the
  TD/T 1063-2021 system in the plugin's catalog format, each mapped to a computation method
  with parameters (the ``MAPPING`` below: the one place where CityHealth's own choices live),
* ``cityhealth_plugin/resources/catalog/examples/xiamen_local.csv`` — Xiamen's local
  indicators as a city override file (rows whose code starts with ``L-`` plus the tier of the
  standard rows the city work plan lists as local).

Each row's ``source`` column says where its facts came from: names and categories from the
reference (with its node id), unit / direction / formula as paraphrase (``verified`` false),
method and parameters from this mapping. ``--check`` only verifies the files are current.
"""

import argparse
import csv
import io
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

REFERENCE = Path("/work/shared/reference/indicator_catalog.csv")
if not REFERENCE.exists():
    REFERENCE = ROOT / "cityhealth_plugin" / "resources" / "reference" / "indicator_catalog.csv"
OUT = ROOT / "cityhealth_plugin" / "resources" / "catalog"

from cityhealth_plugin.core.catalog.methods import METHOD_SPECS  # noqa: E402
from cityhealth_plugin.core.catalog.params import referenced  # noqa: E402

URBAN = "urban_area"
URBAN_AREA = {"area": URBAN, "dissolve": True}
LAND_AREA = {"landuse": "*", "area_field": "TBMJ"}  # 国土面积: all patches by patch area (incl. 田坎)
URBAN_POP = {"first_of": [{"sum": "population", "field": "RKS", "within": URBAN}, {"statistic": "POP_CQ"}]}
CITY_ROADS = "DJ in (快速路, 主干路, 次干路, 支路)"


# Walk coverage (network engine, core/network/indicator_method.py; docs/coverage.md). Area basis:
# 城镇住宅用地 (DLTB 0701) inside 城区; population basis: the population grid inside 城区. first_of
# keeps the other basis' layer among the roles, so every run reports both readings.
URBAN_HOMES = {"landuse": "chengzhen_zhuzhai", "within": URBAN}
URBAN_RESIDENTS = {"sum": "population", "field": "RKS", "within": URBAN}
BY_AREA = {"first_of": [URBAN_HOMES, URBAN_RESIDENTS]}
BY_POPULATION = {"first_of": [URBAN_RESIDENTS, URBAN_HOMES]}
WALK_NOTE = ("Network walking distance (GB 50180-2018 life circle: 5 min = 300 m, 10 min = 500 m, 15 min = 1000 m); "
             "value = share of 城镇住宅用地 (0701) inside 城区 within {m} m of a facility along the roads "
             "(land within 50 m of a reached road); population-based and straight-line readings and their gap "
             "are in the provenance and the readings table. Without DLTB the population basis is used.")


def walk(facilities, minutes, metres, base=None, **extra):
    params = {"facilities": facilities, "threshold_min": minutes, "threshold_m": metres, "mode": "walk",
              "distance": "network", "base": base or BY_AREA, "within": URBAN}
    params.update(extra)
    return params


# code -> (method, params, scope, note). Codes not listed keep the reference method
# (statistic / survey / bigdata) with no parameters.
MAPPING = {
    "A-06": ("landuse_area", {"group": "shidi"}, "city", ""),
    "A-07": ("landuse_share", {"numerator": "hehu_shuimian", "denominator": LAND_AREA}, "city",
             "Denominator 国土面积 = all DLTB patches by TBMJ. Group 'hehu_shuimian_reservoir' adds 1103 水库水面."),
    "A-10": ("overlay_area", {"layer": "farmland_protection"}, "city",
             "Ellipsoidal area of the 永久基本农田 polygons; set \"area_field\": \"TBMJ\" to sum the patch field."),
    "A-11": ("landuse_area", {"group": "gengdi"}, "city", ""),
    "A-12": ("statistic", {}, "city", "No 高标准农田 layer role yet: department figure."),
    "A-13": ("overlay_area", {"layer": "eco_redline", "dissolve": True}, "city",
             "Overlaps merged before measuring; includes marine red line where the layer has it."),
    "A-14": ("overlay_area", {"layer": "dltb", "group": "chengxiang_jianshe", "clip": "eco_redline"}, "city",
             "TBDLMJ scaled by the share of each patch inside the red line."),
    "A-15": ("overlay_area", {"layer": "heritage_line", "dissolve": True}, "city", "Overlaps merged (融合去重叠)."),
    "A-18": ("per_capita", {"area": {"sum": "fac_shelter", "field": "MJ", "unit": "m²", "within": URBAN},
                            "population": URBAN_POP}, URBAN,
             "Shelter effective area = MJ field of the shelter points inside 城区; population from the grid "
             "inside 城区, else statistic POP_CQ."),
    "A-19": ("walk_coverage", {"facilities": ["fac_fire_station"], "threshold_min": 5, "mode": "drive",
                               "distance": "network", "base": {"first_of": [URBAN_AREA, URBAN_RESIDENTS]},
                               "within": URBAN}, URBAN,
             "5-minute drive from the fire stations along the road network (road-class speeds, or SD; one-way "
             "streets respected); base = 城区 area, land within 100 m of a reached road counts (like a trimmed "
             "network service-area polygon). Option: base 城区建设用地. The population reading is in the provenance."),
    "A-20": ("statistic", {}, URBAN,
             "No impervious-surface layer role yet: remote-sensing figure. Once a role exists, override with "
             "method ratio over the uncovered 城区 area."),
    "A-22": ("count", {"role": "buildings", "filter": "GD >= 100", "within": URBAN, "unit": "栋"}, URBAN,
             "Buildings with height GD ≥ 100 m inside 城区."),
    "B-03": ("landuse_share", {"numerator": "chengxiang_gongye", "denominator": "chengxiang_jianshe"}, "city", ""),
    "B-05": ("density", {"numerator": {"length": "roads", "filter": CITY_ROADS, "within": URBAN},
                         "denominator": URBAN_AREA}, URBAN,
             "Road classes 快速路/主干路/次干路/支路 (街巷 and 步行道 excluded; change the filter to include them)."),
    "B-08": ("landuse_share", {"numerator": "chengxiang_juzhu", "denominator": "chengxiang_jianshe"}, "city", ""),
    "B-09": ("derived", {"expression": "(industrial + commercial) / residential",
                         "inputs": {"industrial": {"landuse": "chengxiang_gongye"},
                                    "commercial": {"landuse": "shangye"},
                                    "residential": {"landuse": "chengxiang_juzhu"}}}, "city",
             "Jobs land = 城乡工业 + 商业服务业 (0508 仓储 and public services not included): unverified choice."),
    "C-02": ("density", {"numerator": URBAN_POP, "denominator": URBAN_AREA}, URBAN,
             "Population from the grid inside 城区, else statistic POP_CQ."),
    "C-03": ("landuse_area", {"group": "jianshe"}, "city", ""),
    "C-04": ("landuse_area", {"group": "chengxiang_jianshe"}, "city",
             "Group 'chengxiang_jianshe_204' adds CZCSXM 204."),
    "C-05": ("density", {"numerator": {"footprint": "buildings", "within": URBAN}, "denominator": URBAN_AREA}, URBAN,
             "Footprint = ellipsoidal area of the building polygons inside 城区."),
    "C-09": ("overlay_area", {"layer": "dltb", "group": "chengxiang_jianshe", "clip": "urban_boundary"}, "city", ""),
    "C-10": ("quantity", {"measure": {"floor_area": "buildings", "floors": "CS", "within": URBAN}}, URBAN,
             "Floor area = footprint × floors (CS)."),
    "C-11": ("per_capita", {"area": "chengzhen_jianshe", "population": {"statistic": "POP_URBAN"}}, "city", ""),
    "C-12": ("per_capita", {"area": "chengzhen_zhuzhai", "population": {"statistic": "POP_URBAN"}}, "city", ""),
    "C-13": ("per_capita", {"area": "cunzhuang_jianshe", "population": {"statistic": "POP_RURAL"}}, "city", ""),
    "C-14": ("walk_coverage", {"facilities": ["fac_hospital"], "threshold_min": 30, "mode": "drive",
                               "distance": "network", "base": {"first_of": [
                                   {"landuse": "cunzhuang_jianshe"}, {"sum": "population", "field": "RKS"}]}}, "city",
             "No 行政村 layer role yet: base = village construction land (村庄建设用地, CZCSXM 203) reached within "
             "a 30-minute drive, instead of village points. The hospital layer should hold graded (二级及以上) "
             "hospitals only."),
    "D-01": ("landuse_share", {"numerator": "senlin", "denominator": LAND_AREA}, "city",
             "Forest ≈ 0301/0302/0303 (特灌林 not identifiable in 三调); official value from 林草湿 survey."),
    "D-03": ("landuse_area", {"group": "lindi"}, "city", "Group 'lindi_broad' adds 0303/0304/0306."),
    "D-04": ("landuse_area", {"group": "caodi"}, "city", ""),
    "D-07": ("derived", {"expression": "land / gdp",
                         "inputs": {"land": {"indicator": "C-03"}, "gdp": {"statistic": "GDP"}}}, "city", ""),
    "D-12": ("derived", {"expression": "value_added / land",
                         "inputs": {"value_added": {"statistic": "INDUSTRY_VA"}, "land": {"landuse": "gongye"}}}, "city", ""),
    "E-09": ("statistic", {}, "city", "Regional accessibility (airports, county seats): not computed from city layers."),
    "E-10": ("density", {"numerator": {"length": "roads", "filter": "DJ == 高速公路"}, "denominator": LAND_AREA},
             "city", ""),
    "E-11": ("statistic", {}, "city", "No railway layer role yet: department figure."),
    "F-04": ("statistic", {}, "city", "Metropolitan-area accessibility: not computed from city layers."),
    "F-05": ("walk_coverage", {"facilities": ["fac_metro_station"], "threshold_m": 800, "mode": "walk",
                               "distance": "straight", "base": BY_POPULATION, "within": URBAN}, URBAN,
             "Straight-line 800 m radius, as the indicator's name (半径服务覆盖率) says: share of 城区 residents "
             "(grid), else of 城镇住宅用地 inside 城区. The 800 m walk along the roads and the area-based reading "
             "are reported beside it (with roads given), with the radius-minus-network gap."),
    "F-06": ("walk_coverage", walk(["fac_community_health", "fac_primary_school", "fac_middle_school", "fac_elderly",
                                    "fac_culture", "fac_sports", "fac_market"], 15, 1000, base=BY_POPULATION,
                                   require="all"), URBAN,
             "Life-circle completeness: share of 城区 residents with every listed facility type within a 15-minute "
             "(1000 m) walk along the roads; the area-based reading (城镇住宅用地 reached by every type) and the "
             "straight-line reading are in the provenance. Change 'facilities' for a local list of required types."),
    "F-10": ("walk_coverage", walk(["fac_community_health"], 15, 1000), URBAN, WALK_NOTE.format(m=1000)),
    "F-11": ("walk_coverage", {"facilities": ["fac_hospital"], "threshold_m": 2000, "mode": "walk",
                               "distance": "straight", "base": BY_AREA, "within": URBAN}, URBAN,
             "Straight-line 2 km radius around municipal/district hospitals (the usual 服务半径 reading): share of "
             "城镇住宅用地 inside 城区 (else residents). The 2 km walk along the roads is reported beside it, with the "
             "gap. The hospital layer should hold the municipal and district hospitals only."),
    "F-13": ("walk_coverage", walk(["fac_primary_school"], 10, 500), URBAN, WALK_NOTE.format(m=500)),
    "F-14": ("walk_coverage", walk(["fac_middle_school"], 15, 1000), URBAN, WALK_NOTE.format(m=1000)),
    "F-15": ("walk_coverage", walk(["fac_elderly"], 5, 300), URBAN, WALK_NOTE.format(m=300)),
    "F-16": ("statistic", {}, "city", "三调 09 特殊用地 does not single out 殡葬用地: department figure."),
    "F-17": ("walk_coverage", walk(["fac_culture"], 15, 1000), URBAN, WALK_NOTE.format(m=1000)),
    "F-18": ("walk_coverage", walk(["fac_market"], 10, 500), URBAN, WALK_NOTE.format(m=500)),
    "F-21": ("per_capita", {"area": {"landuse": "gongyuan_lvdi", "within": URBAN}, "population": URBAN_POP}, URBAN,
             "Park land = 三调 0810 inside 城区 (includes some protective green)."),
    "F-22": ("walk_coverage", walk(["park_square"], 5, 300, min_area_m2=400), URBAN,
             "Parks and squares of at least 400 m² (min_area_m2; common practice), reached at any point of their "
             "boundary (a point every 50 m). " + WALK_NOTE.format(m=300)),
    "F-24": ("walk_coverage", walk([], 15, 1000, source_group="senlin"), URBAN,
             "Destinations: forest patches of the DLTB (group senlin: 0301/0302/0303 and K codes), reached at any "
             "point of their boundary; add min_area_m2 for a minimum forest size. " + WALK_NOTE.format(m=1000)),
    "F-26": ("walk_coverage", walk(["fac_sports"], 15, 1000), URBAN, WALK_NOTE.format(m=1000)),
    "F-27": ("walk_coverage", walk(["fac_football"], 15, 1000), URBAN, WALK_NOTE.format(m=1000)),
    "F-28": ("statistic", {}, "city", "No museum/library layer role: department figure."),
    "F-29": ("bigdata", {}, URBAN, "POI count from web data."),
}
for _code in ("F-24",):
    MAPPING[_code][1].pop("facilities", None)

REFERENCE_METHOD = {"statistic": "statistic", "survey": "survey", "bigdata": "bigdata"}
PARAPHRASE = ("unit/direction/formula: paraphrase of common practice, not checked against TD/T 1063-2021 附录 "
              "(verified=false)")
COLUMNS = ("code", "level1", "level2", "name_zh", "name_en", "unit", "tier", "tier_guess", "verified", "direction",
           "method", "params", "roles", "statistics", "scope", "per_unit", "formula_zh", "target", "target_year",
           "source_type", "confidence", "source", "notes")


def _source(row, mapped: bool) -> str:
    bsm = row.get("graph_bsm") or ""
    names = f"names/categories: public indicator tree node bsm={bsm}" if bsm else \
        "names: city work plan (厦府办〔2023〕4号) as quoted in the project brief"
    method = "method/params: CityHealth mapping (tools/build_catalog.py)" if mapped else \
        f"method: reference ({row['method']})"
    return "; ".join((names, PARAPHRASE, method))


def _notes(row, note: str) -> str:
    parts = [p for p in (row.get("notes", "").strip(), note) if p]
    return " | ".join(parts)


def convert(rows):
    national, local = [], []
    for row in rows:
        code = row["code"]
        if code in MAPPING:
            method, params, scope, note = MAPPING[code]
        else:
            if row["method"] not in REFERENCE_METHOD:
                raise SystemExit(f"{code}: reference method {row['method']!r} has no mapping")
            method, params, scope, note = REFERENCE_METHOD[row["method"]], {}, "city", ""
        spatial = method not in ("statistic", "survey", "bigdata")
        roles, stats, _ = referenced(method, params, code)
        out = {
            "code": code, "level1": row["level1"], "level2": row["level2"], "name_zh": row["name_zh"],
            "name_en": row["name_en"], "unit": row["unit"], "tier": row.get("tier", ""),
            "tier_guess": row.get("tier_unverified_guess", ""), "verified": "false", "direction": row["direction"],
            "method": method, "params": json.dumps(params, ensure_ascii=False) if params else "",
            "roles": ";".join(roles), "statistics": ";".join(stats), "scope": scope,
            "per_unit": "district;subdistrict" if spatial else "district",
            "formula_zh": row["formula_zh"], "target": "", "target_year": "", "source_type": METHOD_SPECS[method].source_type,
            "confidence": row.get("confidence", ""), "source": _source(row, code in MAPPING),
            "notes": _notes(row, note),
        }
        (local if code.startswith("L-") else national).append(out)
    return national, local


def _csv_text(rows, header_comment=()):
    buffer = io.StringIO()
    for line in header_comment:
        buffer.write(f"# {line}\n")
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def xiamen_text(local_rows) -> str:
    """The Xiamen override: the work plan's local indicators (two of five are named publicly)."""
    rows = []
    for row in local_rows:
        rows.append(dict(row, tier="地方", tier_guess="", source=row["source"]))
    # 实际利用外资额 is one of the 5 local indicators named in the work plan: the same figure
    # as the standard-table row E-15 (实际利用外资) under the plan's name and tier.
    rows.insert(0, {c: "" for c in COLUMNS} | {
        "code": "E-15", "name_zh": "实际利用外资额", "tier": "地方",
        "source": "name and tier: Xiamen work plan 厦府办〔2023〕4号 (local indicator 实际利用外资额)"})
    buffer = io.StringIO()
    for line in (
        "Xiamen local indicators (example city override; same columns as td_t_1063_2021.csv, empty cell = unchanged).",
        "Source: 厦门市国土空间规划城市体检评估工作方案 (厦府办〔2023〕4号): 33 basic + 48 mandatory-for-state-reviewed",
        "+ 36 recommended + 5 local = 122 indicators; the local ones named in the public text: 实际利用外资额,",
        "高新技术产业增加值占规上工业增加值比重. The other three are in the plan's annex (not public here): add them below.",
    ):
        buffer.write(f"# {line}\n")
    columns = ("code", "level1", "level2", "name_zh", "name_en", "unit", "tier", "direction", "method", "formula_zh",
               "confidence", "source", "notes")
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reference", type=Path, default=REFERENCE)
    parser.add_argument("--check", action="store_true", help="fail if the shipped files are out of date")
    args = parser.parse_args(argv)
    with open(args.reference, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    national, local = convert(rows)
    outputs = {
        OUT / "td_t_1063_2021.csv": _csv_text(national, (
            f"CityHealth indicator catalog: TD/T 1063-2021 国土空间规划城市体检评估规程, {len(national)} indicators.",
            "Built by tools/build_catalog.py from the project's reference table; see SOURCES.md and docs/catalog.md.",
            "tier is empty where unknown (tier_guess is an UNVERIFIED recollection); verified=false: unit, direction "
            "and formula are paraphrase.",
        )),
        OUT / "examples" / "xiamen_local.csv": xiamen_text(local),
    }
    stale = []
    for path, text in outputs.items():
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current != text:
            stale.append(path)
            if not args.check:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(text, encoding="utf-8")
    if args.check and stale:
        print("out of date: " + ", ".join(str(p) for p in stale))
        return 1
    from cityhealth_plugin.core.catalog.loader import load_catalog, example_override

    catalog = load_catalog(overrides=[example_override()])
    counts = {}
    for indicator in catalog:
        counts[indicator.source_type] = counts.get(indicator.source_type, 0) + 1
    print(f"[build_catalog] {len(national)} national + {len(local)} local indicators; by source: {counts}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
