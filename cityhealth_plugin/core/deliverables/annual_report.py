"""年度体检评估总报告 — the annual report of the health check as a Word document.

``write_annual_report(report, outline, path)`` writes a first draft that the planning team edits:

* cover, contents, a note on how the draft was made;
* 一、总体情况: the year, the indicator system, the data used, the conclusions by level-1 category
  and by aspect;
* 二 … 七: one chapter per assessment aspect of the work plan (战略定位, 底线管控, 规模结构, 空间布局,
  支撑系统, 实施保障; ``report_outline.json``): what is assessed, the indicator table (base year,
  current year, target, trend, conclusion from the diagnosis) with a summary written from the
  numbers, the departments' texts, the aspect's analyses (bottom-line checks, new construction land
  by former use, districts compared, key tasks), the maps (PNG pages of the map set) and the
  problems with the measures the departments gave;
* 八、社会满意度评价 (from the survey when it ran), 九、问题清单与整治建议 (the rectification tasks),
  十、成果附件 (the package's files).

Where something is missing the text says so: '（待补充：…）' — the user searches for 待补充.
"""

import datetime as _dt
from pathlib import Path
from typing import List, Mapping, Optional, Sequence, Union

import pandas as pd

from ..exports.docx_writer import DocxStyle, DocxWriter, chinese_number
from .context import ReportData
from .outline import Aspect, Outline, catalog_pairs
from .report_parts import (
    add_indicator_table, add_maps, assessment_summary, codes_with_rows, department_of,
    department_paragraphs, district_sentence, district_table, measures_for, missing_values_note, weak_rows,
)
from .wording import (
    CHECK_STATUS_ZH, CHECK_ZH, LEVEL1_ORDER, MISSING, RULE_ZH, STATUS_ORDER, STATUS_ZH, counts_sentence, is_number,
    join, num, pending, percent, reason_zh, sentence, status_counts, status_zh, with_unit,
)

SURVEY_DIMENSIONS = {"safety": "城市安全性", "living": "生活便利性", "natural": "自然环境宜人性",
                     "cultural": "人文环境舒适性", "travel": "出行便捷性", "openness": "开放创新性"}
ANNEX_FILES = (
    ("附件1", "指标结论表"), ("附件2", "规划实施重点任务完成清单"), ("附件3", "分析图集"),
    ("附件4", "社会满意度评价报告"), ("附件5", "体检评估基础数据库"), ("附件6", "基础数据库建设说明"),
)


def annual_report_name(year: int) -> str:
    return f"年度体检评估总报告_{int(year)}.docx"


def report_title(report: ReportData) -> str:
    return f"{report.city or '（城市名称）'}国土空间规划城市体检评估报告（{report.year}年度）"


def write_annual_report(report: ReportData, outline: Outline, path: Union[str, Path],
                        organisation: str = "", date: Optional[_dt.date] = None,
                        style: Optional[DocxStyle] = None, available_fonts: Optional[Sequence[str]] = None,
                        annex_files: Optional[Mapping[str, str]] = None) -> Path:
    """Write the annual report to ``path`` (.docx); returns the path."""
    date = date or _dt.date.today()
    assigned = outline.assign(catalog_pairs(report.catalog))
    w = DocxWriter(style, available_fonts=available_fonts)
    w.title(report_title(report),
            lines=[organisation or pending("编制单位"), f"{date.year}年{date.month}月"], cover=True)
    w.toc()
    w.note("说明：本报告初稿由CityHealth根据体检评估基础数据库（附件5）中的指标计算结果、诊断结论、底线管控检查结果和"
           "分析图集自动生成。文中数字与附件1、附件5一致；“（待补充：…）”处为需要编制单位或责任部门补充、核实的内容，"
           "定稿前请逐一处理。")
    _chapter_overview(w, report, outline, assigned)
    for index, aspect in enumerate(outline.aspects, start=2):
        _chapter_aspect(w, report, aspect, assigned.get(aspect.id, []), index)
    number = len(outline.aspects) + 2
    _chapter_survey(w, report, number)
    _chapter_tasks(w, report, number + 1)
    _chapter_annexes(w, report, number + 2, annex_files or {})
    w.header(report_title(report))
    w.page_numbers("— {PAGE} —", first_page=False)
    return w.save(path)


# --------------------------------------------------------------------------------------
# 一、总体情况

def current_rows(report: ReportData) -> pd.DataFrame:
    """Diagnosis rows with a value of the assessment year."""
    table = report.diagnosis.table
    return table[pd.to_numeric(table["current_value"], errors="coerce").notna()]


def _level1_table(report: ReportData) -> pd.DataFrame:
    table = current_rows(report)
    rows = []
    for level1 in list(LEVEL1_ORDER) + sorted(set(table["level1"]) - set(LEVEL1_ORDER)):
        part = table[table["level1"] == level1]
        if part.empty:
            continue
        counts = status_counts(part["status"])
        rows.append({"一级类别": level1, "有数值指标": len(part), **{STATUS_ZH[s]: counts[s] for s in STATUS_ORDER}})
    total = status_counts(table["status"])
    rows.append({"一级类别": "合计", "有数值指标": len(table), **{STATUS_ZH[s]: total[s] for s in STATUS_ORDER}})
    return pd.DataFrame(rows)


def _aspect_table(report: ReportData, outline: Outline, assigned: Mapping[str, List[str]]) -> pd.DataFrame:
    rows = []
    for aspect in outline.aspects:
        codes = assigned.get(aspect.id, [])
        present, missing = codes_with_rows(report, codes)
        counts = status_counts([report.row(c).status for c in present])
        weak = weak_rows(report, codes)
        rows.append({"评估方面": aspect.zh, "指标数": len(codes), "有数值": len(present),
                     "达标及基本达标": counts["met"] + counts["nearly_met"], "预警": counts["warning"],
                     "未达标": counts["not_met"],
                     "主要问题指标": "、".join(r.name_zh for r in weak[:3]) or "—"})
    return pd.DataFrame(rows)


def _package_sentence(report: ReportData) -> str:
    layers = [row for row in report.package_layers if row[1] == "features"]
    if not layers:
        return pending("基础数据的来源、范围和时点说明")
    counts = {name: count for name, _kind, _geometry, _srs, count in layers}
    parts = []
    for name, label in (("DLTB", "现状年地类图斑"), ("DLTB_2020", "基期年地类图斑"), ("DL", "道路中心线"),
                        ("JZ", "建筑"), ("RK", "人口网格")):
        if name in counts:
            parts.append(f"{label}{counts[name]:,}个")
    text = f"空间数据包共{len(layers)}个图层"
    if parts:
        text += "，其中" + "、".join(parts)
    return text + "，全部转换至CGCS2000坐标系（3度带高斯-克吕格投影）后计算，面积以三调图斑地类面积（TBDLMJ）或CGCS2000椭球面积为准"


def _chapter_overview(w: DocxWriter, report: ReportData, outline: Outline, assigned) -> None:
    table = current_rows(report)
    catalog = report.catalog
    n_total = len(catalog)
    kinds = pd.Series([i.source_type for i in catalog]).value_counts()
    w.heading("一、总体情况", 1)
    w.heading("（一）工作概况", 2)
    w.paragraph(f"按照“一年一体检、五年一评估”的要求，依据《国土空间规划城市体检评估规程》（TD/T 1063-2021），"
                f"以{report.year}年为现状年、{report.base_year}年为基期年，对{report.city or '本市'}国土空间规划实施情况开展"
                f"年度体检评估。指标体系共{n_total}项指标，其中空间计算指标{int(kinds.get('spatial', 0))}项、部门统计指标"
                f"{int(kinds.get('statistic', 0))}项、抽样调查指标{int(kinds.get('survey', 0))}项、网络大数据指标"
                f"{int(kinds.get('web', 0))}项。")
    w.paragraph(sentence(_package_sentence(report)) + "部门统计数据由各责任部门按任务分解表填报。")
    missing_total = n_total - len(table)
    if missing_total > 0:
        w.paragraph(f"本年度有{len(table)}项指标取得数值，{missing_total}项指标尚无{report.year}年数值。"
                    + pending(f"{missing_total}项缺数指标的数据收集情况说明（明细见各章及附件1）"))
    w.heading("（二）体检评估结论总览", 2)
    counts = status_counts(table["status"])
    w.paragraph(f"对{len(table)}项有数值的指标，对照基期年值、上年值和规划目标值进行诊断：{counts_sentence(counts)}。"
                f"分类统计见{w.next_label()}，六个评估方面的结论见表{w.table_count + 2}。")
    w.table(_level1_table(report), caption="指标评估结论（按一级类别）",
            align={c: "center" for c in ["有数值指标"] + [STATUS_ZH[s] for s in STATUS_ORDER]})
    w.table(_aspect_table(report, outline, assigned), caption="六个方面评估结论",
            align={"指标数": "center", "有数值": "center", "达标及基本达标": "center", "预警": "center", "未达标": "center"})
    areas = report.diagnosis.areas
    strengths, weaknesses = [], []
    for row in table.itertuples(index=False):
        if row.status == "met":
            strengths.append(row.name_zh)
        elif row.status == "not_met":
            weaknesses.append(f"{row.name_zh}（{reason_zh(row)}）")
    if strengths:
        w.paragraph("**特色优势。**" + join(strengths[:8]) + ("等" if len(strengths) > 8 else "") +
                    f"{len(strengths)}项指标达到目标要求或处于合理区间。")
    if weaknesses:
        w.paragraph("**短板弱项。**" + "；".join(weaknesses[:6]) + ("；等" if len(weaknesses) > 6 else "") + "。")
    if not strengths and not weaknesses:
        w.paragraph(pending("特色优势与短板弱项的总体判断"))
    for note in report.target_notes:
        if "Demo" in note or "演示" in note or "demo" in note:
            w.note("注：本报告使用演示数据及演示目标值（虚构数字），不代表任何城市的实际情况和规划目标。")
            break
    if len(areas):
        w.note("注：各一级类别的最优、最弱指标见附件1指标结论表。")


# --------------------------------------------------------------------------------------
# 二 … 七: the aspects

def _chapter_aspect(w: DocxWriter, report: ReportData, aspect: Aspect, codes: List[str], number: int) -> None:
    w.heading(f"{chinese_number(number)}、{aspect.zh}", 1)
    sub = iter(f"（{chinese_number(i)}）" for i in range(1, 12))
    w.heading(f"{next(sub)}评估内容", 2)
    w.paragraph(aspect.scope or pending(f"{aspect.zh}的评估内容"))
    present, missing = codes_with_rows(report, codes)

    w.heading(f"{next(sub)}指标评估", 2)
    label = f"{aspect.zh}方面"
    w.paragraph(assessment_summary(report, codes, label) + (f"指标明细见{w.next_label()}。" if codes else ""))
    add_indicator_table(w, report, present + missing, f"{aspect.zh}指标评估")
    note = missing_values_note(report, missing)
    if note and present:
        w.paragraph(note, indent=False)
    for code in aspect.district_maps:
        text = district_sentence(report, code)
        if text:
            w.paragraph(text)
    frame = district_table(report, aspect.district_maps)
    if frame is not None:
        w.table(frame, caption=f"{aspect.zh}主要指标分区比较（{report.year}年）",
                align={c: "right" for c in frame.columns if c != "行政区"})

    w.heading(f"{next(sub)}工作成效与存在问题", 2)
    if department_paragraphs(w, report, codes) == 0:
        w.paragraph(pending(f"各责任部门填报的{aspect.zh}方面基本情况、取得成效、短板及成因"))

    if aspect.compliance:
        w.heading(f"{next(sub)}底线管控检查", 2)
        _compliance_section(w, report, aspect.compliance)
    if aspect.key_tasks:
        w.heading(f"{next(sub)}规划实施重点任务", 2)
        _key_tasks_section(w, report)

    if aspect.maps:
        w.heading(f"{next(sub)}分析图", 2)
        add_maps(w, report, aspect.map_ids())

    w.heading(f"{next(sub)}问题与建议", 2)
    weak = weak_rows(report, codes)
    if weak:
        for row in weak[:8]:
            w.paragraph(f"**{row.name_zh}**：{report.year}年{status_zh(row.status)}，{reason_zh(row)}。"
                        f"建议：{measures_for(report, row.code)}")
        if len(weak) > 8:
            w.paragraph(f"另有{len(weak) - 8}项预警或未达标指标，见“问题清单与整治建议”及附件1。")
    else:
        w.paragraph(f"{aspect.zh}方面本年度没有预警或未达标的指标。" if present else
                    pending(f"{aspect.zh}方面的问题分析（本方面指标尚无数值）"))
    w.paragraph(pending(f"结合年度实施计划和配套政策，提出{aspect.zh}方面的对策建议"), indent=False)


def _compliance_section(w: DocxWriter, report: ReportData, check_ids: Sequence[str]) -> None:
    checks = report.compliance_checks
    if checks is None or checks.empty:
        w.paragraph(pending("底线管控检查结果（体检评估数据库中没有本年度的检查记录，请运行底线管控检查）"))
        return
    rows, sentences = [], []
    for check_id in check_ids:
        picked = checks[checks["check_id"] == check_id]
        if picked.empty:
            rows.append({"检查内容": CHECK_ZH.get(check_id, check_id), "检查结果": "未检查", "问题图斑（处）": MISSING,
                         "面积（公顷）": MISSING})
            continue
        row = picked.iloc[0]
        status = str(row.get("status", ""))
        count = int(row["count"]) if is_number(row.get("count")) else 0
        area = float(row["area_hm2"]) if is_number(row.get("area_hm2")) else 0.0
        rows.append({"检查内容": CHECK_ZH.get(check_id, check_id), "检查结果": CHECK_STATUS_ZH.get(status, status),
                     "问题图斑（处）": f"{count:,}" if status in ("ok", "violations") else MISSING,
                     "面积（公顷）": num(area) if status in ("ok", "violations") else MISSING})
        if status == "violations":
            where = _worst_district(report, check_id)
            sentences.append(f"{CHECK_ZH.get(check_id, check_id)}{count:,}处、{num(area)}公顷" +
                             (f"，主要位于{where}" if where else ""))
        elif status == "ok":
            sentences.append(f"未发现{CHECK_ZH.get(check_id, check_id)}")
        else:
            sentences.append(f"{CHECK_ZH.get(check_id, check_id)}{CHECK_STATUS_ZH.get(status, '未检查')}" +
                             pending("补充检查所需数据后重新检查"))
    text = f"将{report.year}年地类图斑与三条控制线、历史文化保护线及{report.base_year}年地类图斑叠加检查：" + "；".join(sentences) + "。"
    w.paragraph(text + "检查结果见" + w.next_label() + "，问题图斑见附件5图层“compliance_violations_" + str(report.year) +
                "”，需逐一核实是否有合法审批手续。")
    w.table(pd.DataFrame(rows), caption="底线管控检查结果",
            align={"问题图斑（处）": "right", "面积（公顷）": "right", "检查结果": "center"})
    by_district = _compliance_by_district(report, check_ids)
    if by_district is not None:
        w.table(by_district, caption="底线管控问题面积分区统计（公顷）",
                align={c: "right" for c in by_district.columns if c != "行政区"})
    if "new_construction" in check_ids:
        _new_construction_section(w, report)


def _rules_of(check_id: str) -> List[str]:
    from ..compliance import CHECKS_BY_ID

    spec = CHECKS_BY_ID.get(check_id)
    return list(spec.rules) if spec is not None else [check_id]


def _worst_district(report: ReportData, check_id: str) -> str:
    summary = report.compliance_summary
    if summary is None or summary.empty:
        return ""
    part = summary[summary["rule"].isin(_rules_of(check_id)) & (summary["XZQDM"].astype(str) != "*")]
    if part.empty:
        return ""
    area = part.groupby("XZQDM")["area_hm2"].sum().sort_values(ascending=False)
    area = area[area > 0]
    if area.empty:
        return ""
    names = [report.districts.get(str(c), str(c)) for c in area.index[:2]]
    return join(names)


def _compliance_by_district(report: ReportData, check_ids: Sequence[str]) -> Optional[pd.DataFrame]:
    summary = report.compliance_summary
    if summary is None or summary.empty:
        return None
    rules = [r for c in check_ids if c != "new_construction" for r in _rules_of(c)]
    part = summary[summary["rule"].isin(rules) & (summary["XZQDM"].astype(str) != "*")]
    if part.empty or pd.to_numeric(part["area_hm2"], errors="coerce").fillna(0).sum() == 0:
        return None
    pivot = part.pivot_table(index="XZQDM", columns="rule", values="area_hm2", aggfunc="sum", fill_value=0.0)
    pivot = pivot[[r for r in rules if r in pivot.columns]]
    order = [c for c in report.districts if c in pivot.index] + [c for c in pivot.index if c not in report.districts]
    frame = pd.DataFrame({"行政区": [report.districts.get(str(c), str(c)) for c in order]})
    for rule in pivot.columns:
        frame[RULE_ZH.get(rule, rule)] = [num(pivot.loc[c, rule]) for c in order]
    return frame


def _new_construction_section(w: DocxWriter, report: ReportData) -> None:
    violations = report.violations
    if violations is None or violations.empty or "rule" not in violations.columns:
        return
    new = violations[violations["rule"] == "new_construction"]
    if new.empty:
        w.paragraph(f"{report.base_year}—{report.year}年未发现新增建设用地。")
        return
    area = pd.to_numeric(new["area_hm2"], errors="coerce").fillna(0)
    total = float(area.sum())
    base = new.get("base_DLMC", pd.Series([""] * len(new), index=new.index)).fillna("").astype(str)
    base = base.where(base != "", "基期年图层范围外")
    grouped = area.groupby(base).sum().sort_values(ascending=False)
    frame = pd.DataFrame({"基期年地类": grouped.index, "面积（公顷）": [num(v) for v in grouped.values],
                          "占比": [percent(v / total) if total else MISSING for v in grouped.values]})
    cultivated = sum(float(v) for k, v in grouped.items() if k in ("水田", "水浇地", "旱地"))
    w.paragraph(f"{report.base_year}—{report.year}年新增建设用地{num(total)}公顷，其中由耕地转为建设用地{num(cultivated)}公顷"
                f"（{percent(cultivated / total) if total else MISSING}）。新增建设用地的基期年地类构成见{w.next_label()}。")
    w.table(frame.head(12), caption="新增建设用地来源（按基期年地类）", align={"面积（公顷）": "right", "占比": "right"})


def _key_tasks_section(w: DocxWriter, report: ReportData) -> None:
    tasks = report.key_tasks
    if tasks is None or tasks.empty:
        w.paragraph(pending(f"{report.year}年规划实施重点任务完成情况（体检评估数据库中没有重点任务，"
                            "请在附件2中填写后更新本节）"))
        return
    rate = pd.to_numeric(tasks.get("completion_rate"), errors="coerce")
    done = int((rate >= 1).sum())
    w.paragraph(f"{report.year}年列入规划实施的重点任务{len(tasks)}项，已完成{done}项，平均完成率"
                f"{percent(rate.mean()) if rate.notna().any() else MISSING}。完成情况见附件2。")
    lagging = tasks[rate < 0.6] if rate.notna().any() else tasks.iloc[0:0]
    if len(lagging):
        w.paragraph("完成率低于60%的任务：" + "；".join(
            f"{r['name']}（{r.get('department') or '责任部门'}，{percent(r['completion_rate'])}）"
            for _, r in lagging.head(8).iterrows()) + "。")


# --------------------------------------------------------------------------------------
# 八 … 十

def score(value) -> str:
    """A 0–100 satisfaction score with one decimal (as in 附件4)."""
    return f"{float(value):.1f}" if is_number(value) else MISSING


def _chapter_survey(w: DocxWriter, report: ReportData, number: int) -> None:
    w.heading(f"{chinese_number(number)}、社会满意度评价", 1)
    survey = report.survey
    if survey is None:
        w.paragraph(pending("社会满意度调查结果" + (f"（{report.survey_note}）" if report.survey_note else "")))
        return
    verdict = "达到" if survey.valid >= survey.required else "未达到"
    w.paragraph(f"本年度共回收问卷{survey.total:,}份，有效问卷{survey.valid:,}份，{verdict}不少于{survey.required:,}份的要求。"
                f"居民总体满意度{score(survey.overall)}分（百分制，95%置信区间{score(survey.overall_low)}～"
                f"{score(survey.overall_high)}分）。")
    if survey.dimensions:
        ordered = sorted(survey.dimensions.items(), key=lambda kv: kv[1], reverse=True)
        frame = pd.DataFrame({"评价维度": [SURVEY_DIMENSIONS.get(k, k) for k, _ in ordered],
                              "满意度得分": [score(v) for _, v in ordered]})
        w.paragraph(f"六个维度中，{SURVEY_DIMENSIONS.get(ordered[0][0], ordered[0][0])}得分最高，"
                    f"{SURVEY_DIMENSIONS.get(ordered[-1][0], ordered[-1][0])}得分最低（见{w.next_label()}）。")
        w.table(frame, caption="居民满意度分维度得分", align={"满意度得分": "right"})
    if survey.districts:
        ordered = sorted(survey.districts.items(), key=lambda kv: kv[1], reverse=True)
        w.paragraph(f"分区看，{ordered[0][0]}满意度最高（{score(ordered[0][1])}分），{ordered[-1][0]}最低"
                    f"（{score(ordered[-1][1])}分）。详见附件4社会满意度评价报告。")
    w.paragraph(pending("结合满意度调查结果，对居民反映集中的问题提出回应措施"), indent=False)


def _task_frame(report: ReportData) -> pd.DataFrame:
    tasks = report.diagnosis.tasks
    rows = []
    for task in tasks.itertuples(index=False):
        row = report.row(task.code)
        problem = f"{task.name_zh}{report.year}年为{with_unit(task.current_value, task.unit)}，{reason_zh(row)}" \
            if row is not None else task.name_zh
        rows.append({"序号": len(rows) + 1, "一级类别": task.level1, "指标项": task.name_zh,
                     "评估结论": status_zh(task.status), "优先级": "高" if task.status == "not_met" else "中",
                     "问题描述": problem, "责任部门": task.department or department_of(report, task.code),
                     "完成时限": task.deadline})
    return pd.DataFrame(rows)


def _chapter_tasks(w: DocxWriter, report: ReportData, number: int) -> None:
    w.heading(f"{chinese_number(number)}、问题清单与整治建议", 1)
    frame = _task_frame(report)
    if frame.empty:
        w.paragraph("本年度没有预警或未达标的指标，无需列入整治任务清单。")
        return
    high = int((frame["优先级"] == "高").sum())
    w.paragraph(f"根据诊断结果，将{len(frame)}项预警或未达标指标列入整治任务清单，其中未达标（高优先级）{high}项、"
                f"预警（中优先级）{len(frame) - high}项，清单见{w.next_label()}。各责任部门应在完成时限前提出并落实整治措施。")
    widths = [0.8, 1.1, 2.6, 1.3, 1.0, 0.0, 1.8, 1.8]
    widths[5] = max(4.0, w.text_width_cm - sum(widths))
    w.table(frame, caption="整治任务清单", align={"序号": "center", "评估结论": "center", "优先级": "center",
                                                "一级类别": "center", "完成时限": "center"},
            font_size=9, widths_cm=widths)
    w.paragraph(pending("各项整治任务的具体措施、年度实施计划和配套政策"), indent=False)


def _chapter_annexes(w: DocxWriter, report: ReportData, number: int, annex_files: Mapping[str, str]) -> None:
    w.heading(f"{chinese_number(number)}、成果附件", 1)
    w.paragraph("本年度体检评估形成“1+1+6”成果：本报告、专项报告和以下六个附件。")
    items = []
    for key, name in ANNEX_FILES:
        file_name = annex_files.get(key)
        items.append(f"{key} {name}" + (f"：{file_name}" if file_name else "：" + pending("本年度未生成，原因见成果清单manifest.json")))
    w.bullets(items)
