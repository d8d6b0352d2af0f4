"""专项报告 — the skeleton of the year's special-topic report (work plan 三(三)).

The user picks the topic (``report_outline.json`` ``topics``; default 社区生活圈专项评估, the
15-minute community life circle). ``write_special_report(report, topic, path)`` writes:

一、专项背景与评估目标 (the topic's text and a 待补充 note for the city's own background),
二、评估范围与方法 (each indicator's method and data, from the catalog and the provenance of the
computation), 三、评估结果 (indicator table, districts compared, the weakest sub-districts of the
headline indicator, bottom-line checks where the topic has them, the maps), 四、主要问题 (from the
diagnosis, and the residents' view when the survey ran), 五、对策建议 (the departments' measures or
待补充 notes).
"""

import datetime as _dt
from pathlib import Path
from typing import Optional, Sequence, Union

import pandas as pd

from ..exports.docx_writer import DocxStyle, DocxWriter
from .annual_report import SURVEY_DIMENSIONS, _compliance_section
from .context import ReportData, format_provenance
from .outline import Topic
from .report_parts import (
    add_indicator_table, add_maps, assessment_summary, codes_with_rows, department_of, district_sentence,
    district_table, measures_for, missing_values_note, weak_rows,
)
from .wording import MISSING, num, pending, reason_zh, status_zh

MODE_ZH = {"walk": "步行", "drive": "车行"}
BASE_ZH = {"population": "常住人口", "chengzhen_zhuzhai": "城镇住宅用地", "cunzhuang_jianshe": "村庄建设用地",
           "urban_area": "城区范围"}


def special_report_name(year: int) -> str:
    return f"专项报告_{int(year)}.docx"


def _base_text(base) -> str:
    if isinstance(base, dict):
        if "first_of" in base:
            options = [_base_text(b) for b in base["first_of"]]
            return options[0] + (f"（无{options[0]}数据时以{options[1]}）" if len(options) > 1 else "")
        if "sum" in base:
            return BASE_ZH.get(str(base["sum"]), str(base["sum"]))
        if "landuse" in base:
            return BASE_ZH.get(str(base["landuse"]), str(base["landuse"]))
        if "area" in base:
            return BASE_ZH.get(str(base["area"]), str(base["area"]))
    return str(base or "")


def method_zh(indicator) -> str:
    """How an indicator is computed, in Chinese (coverage indicators from their parameters)."""
    params = indicator.params or {}
    if indicator.method == "walk_coverage":
        mode = MODE_ZH.get(str(params.get("mode", "walk")), "步行")
        reach = []
        if params.get("threshold_min"):
            reach.append(f"{mode}{params['threshold_min']}分钟")
        if params.get("threshold_m"):
            reach.append(f"{params['threshold_m']}米")
        how = "沿道路网络计算可达范围" if params.get("distance", "network") == "network" else "按直线距离计算服务半径"
        text = f"{'、'.join(reach) or mode}，{how}"
        if params.get("require") == "all" and params.get("facilities"):
            text += f"，须{len(params['facilities'])}类设施均可达"
        base = _base_text(params.get("base"))
        if base:
            text += f"，以{base}为基数计算覆盖比例"
        return text
    if indicator.source_type == "statistic":
        return f"部门统计：{indicator.formula_zh}" if indicator.formula_zh else "部门统计数据"
    return indicator.formula_zh or MISSING


def _method_frame(report: ReportData, codes: Sequence[str]) -> pd.DataFrame:
    rows = []
    for code in codes:
        indicator = report.indicator(code)
        if indicator is None:
            continue
        provenance = format_provenance(report.provenance.get(code, {}))
        source = provenance or (department_of(report, code) + "填报" if indicator.source_type != "spatial" else "")
        rows.append({"编号": code, "指标项": indicator.name_zh, "计算方法": method_zh(indicator),
                     "数据与计算记录": source or pending("数据来源")})
    return pd.DataFrame(rows)


def _subdistrict_frame(report: ReportData, code: str, count: int = 10) -> Optional[pd.DataFrame]:
    values = report.subdistrict_values(code)
    indicator = report.indicator(code)
    if len(values) < 3 or indicator is None:
        return None
    worst_first = sorted(values.items(), key=lambda kv: kv[1], reverse=indicator.direction == "negative")
    rows = []
    for unit_code, value in worst_first[:count]:
        rows.append({"街道（乡镇）": report.subdistricts.get(unit_code, unit_code),
                     "所属区": report.districts.get(unit_code[:6], unit_code[:6]),
                     f"{indicator.name_zh}（{indicator.unit}）": num(value)})
    return pd.DataFrame(rows)


def write_special_report(report: ReportData, topic: Topic, path: Union[str, Path], organisation: str = "",
                         date: Optional[_dt.date] = None, style: Optional[DocxStyle] = None,
                         available_fonts: Optional[Sequence[str]] = None) -> Path:
    """Write the special report on ``topic`` to ``path`` (.docx); returns the path."""
    date = date or _dt.date.today()
    city = report.city or "（城市名称）"
    codes = [c for c in topic.codes if report.indicator(c) is not None]
    present, missing = codes_with_rows(report, codes)
    w = DocxWriter(style, available_fonts=available_fonts)
    title = f"{city}{report.year}年度城市体检评估专项报告——{topic.zh}"
    w.title(title, subtitle="专项报告", lines=[organisation or pending("编制单位"), f"{date.year}年{date.month}月"],
            cover=True)
    w.toc()
    w.note("说明：本专项报告框架由CityHealth根据体检评估基础数据库自动生成，数字与年度体检评估总报告、附件1一致。"
           "“（待补充：…）”处需编制单位结合专项调研补充完善。")

    w.heading("一、专项背景与评估目标", 1)
    w.paragraph(topic.background or pending("专项评估背景"))
    w.paragraph(pending(f"结合{city}实际，说明选择“{topic.focus}”作为{report.year}年度专项的原因、评估范围和重点问题"),
                indent=False)

    w.heading("二、评估范围与方法", 1)
    w.paragraph(f"专项评估选取{len(codes)}项相关指标，以{report.year}年为现状年、{report.base_year}年为基期年，"
                f"在全市、各区和街道（乡镇）三个层级计算和比较。各指标的计算方法和数据见{w.next_label()}。")
    frame = _method_frame(report, codes)
    if not frame.empty:
        w.table(frame, caption=f"{topic.zh}指标与计算方法", font_size=9,
                widths_cm=[1.2, 3.0, 5.0, max(4.0, w.text_width_cm - 9.2)])

    w.heading("三、评估结果", 1)
    sub = iter(f"（{n}）" for n in "一二三四五六七八")
    w.heading(f"{next(sub)}总体结果", 2)
    w.paragraph(assessment_summary(report, codes, f"{topic.zh}") + (f"指标明细见{w.next_label()}。" if present else ""))
    if present:
        add_indicator_table(w, report, present, f"{topic.zh}指标评估")
    note = missing_values_note(report, missing)
    if note and present:
        w.paragraph(note, indent=False)

    w.heading(f"{next(sub)}分区评估", 2)
    written = 0
    for start in range(0, len(present), 4):
        chunk = present[start:start + 4]
        table = district_table(report, chunk, max_codes=4)
        if table is not None:
            if written == 0 and topic.headline:
                w.paragraph(district_sentence(report, topic.headline) or "各区指标比较见下表。")
            w.table(table, caption=f"{topic.zh}指标分区比较（{report.year}年）",
                    align={c: "right" for c in table.columns if c != "行政区"}, font_size=9)
            written += 1
    if not written:
        w.paragraph(pending("各区指标比较（体检评估数据库中没有本专项指标的分区数值）"))

    if topic.headline:
        weakest = _subdistrict_frame(report, topic.headline)
        w.heading(f"{next(sub)}薄弱街道（乡镇）", 2)
        if weakest is not None:
            indicator = report.indicator(topic.headline)
            w.paragraph(f"按{indicator.name_zh}排序，最薄弱的{len(weakest)}个街道（乡镇）见{w.next_label()}，"
                        "应作为补短板的重点片区。")
            w.table(weakest, caption=f"{indicator.name_zh}最薄弱的街道（乡镇）", align={weakest.columns[-1]: "right"})
        else:
            w.paragraph(pending("街道（乡镇）层级的评估结果（体检评估数据库中没有街道数值）"))

    if topic.compliance:
        w.heading(f"{next(sub)}底线管控检查", 2)
        _compliance_section(w, report, topic.compliance)
    if topic.maps:
        w.heading(f"{next(sub)}分析图", 2)
        add_maps(w, report, topic.map_ids())

    w.heading("四、主要问题", 1)
    weak = weak_rows(report, codes)
    if weak:
        for row in weak:
            w.paragraph(f"**{row.name_zh}**{status_zh(row.status)}：{reason_zh(row)}。")
    elif present:
        w.paragraph(f"{topic.zh}相关指标本年度均达标或基本达标。")
    if report.survey is not None and topic.survey_dimension in report.survey.dimensions:
        score = report.survey.dimensions[topic.survey_dimension]
        w.paragraph(f"社会满意度调查中，居民对{SURVEY_DIMENSIONS.get(topic.survey_dimension, topic.survey_dimension)}"
                    f"的满意度为{score:.1f}分（总体{report.survey.overall:.1f}分）。")
    w.paragraph(pending("结合现场调研和部门座谈，分析问题成因"), indent=False)

    w.heading("五、对策建议", 1)
    if weak:
        for row in weak:
            w.paragraph(f"**{row.name_zh}**：{measures_for(report, row.code)}")
    w.paragraph(pending(f"{topic.zh}的近期行动计划、项目清单和配套政策"), indent=False)
    w.header(title)
    w.page_numbers("— {PAGE} —", first_page=False)
    return w.save(path)
