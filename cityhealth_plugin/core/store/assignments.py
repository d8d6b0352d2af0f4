"""Default task assignment (任务分解): responsible department, data source and collection method.

Modelled on the Xiamen work plan (厦府办〔2023〕4号, 四(一)): the 市资源规划局 leads and computes the
spatial indicators; each line department reports its own figures. The defaults only seed the
forms of a new year (``AssessmentStore.ensure_year``); a city changes any of them in the forms
(or the previous year's assignment is carried over), never here.
"""

from typing import Dict, Iterable, Optional

import pandas as pd

from .schema import COLLECTION_METHOD_ZH

LEAD = "市资源规划局"
TECHNICAL = "技术支撑单位"

# department -> codes it reports (non-spatial) or co-checks (spatial cross-check figures)
_DEPARTMENTS = {
    "市水利局": "A-01 A-02 A-04 A-05 A-08 A-26 C-16",
    LEAD: ("A-03 A-06 A-07 A-10 A-11 A-13 A-14 A-15 A-22 A-24 A-25 A-27 B-01 B-02 B-03 B-05 B-06 B-08 B-09 "
           "B-10 B-11 C-02 C-03 C-04 C-05 C-09 C-10 C-11 C-12 C-13 C-18 D-01 D-02 D-03 D-04 D-05 D-07 D-12 F-16"),
    "市统计局": "B-12 B-16 C-01 C-08 C-17 D-08 D-09",
    "市公安局": "C-06",
    "市卫生健康委员会": "C-07 C-14 F-07 F-10 F-11",
    "市生态环境局": "D-06 D-10 F-25",
    "市建设局": "B-07 D-13 D-17",
    "市住房局": "F-09 F-19 F-20",
    "市市政园林局": "A-09 A-20 A-21 D-14 F-21 F-22 F-23 F-24",
    "市农业农村局": "A-12 D-15",
    "市应急管理局": "A-18 A-23",
    "市消防救援支队": "A-19",
    "市交通运输局": "C-15 D-16 E-02 E-09 E-10 E-11 F-04 F-05",
    "厦门机场集团": "E-03 E-07 E-08 E-12",
    "市文化和旅游局": "A-16 A-17 E-04 E-05 F-17 F-28",
    "市商务局": "E-06 E-13 E-14 E-15 F-18",
    "市科技局": "B-13 B-14",
    "市教育局": "B-15 F-12 F-13 F-14",
    "市民政局": "F-08 F-15",
    "市人力资源和社会保障局": "F-02",
    "市发展和改革委员会": "B-04 D-11",
    "市体育局": "F-26 F-27",
    TECHNICAL: "E-01 F-01 F-03 F-06 F-29",
}
DEFAULT_DEPARTMENT = {code: department for department, codes in _DEPARTMENTS.items() for code in codes.split()}

# spatial indicators a department also reports, for the multi-source cross-check (相互校核)
CROSS_CHECK_CODES = ("A-06", "A-10", "A-11", "A-13", "C-03", "C-04", "D-01", "D-03", "F-21")

_METHOD_BY_SOURCE = {"spatial": "spatial", "statistic": "department", "survey": "survey", "web": "bigdata"}
_MONITORING = {"A-03", "A-24", "F-25", "D-06"}


def default_data_source(source_type: str, department: str, code: str) -> str:
    if source_type == "spatial":
        return "国土变更调查、国土空间规划“一张图”实施监督信息系统"
    if source_type == "web":
        return "手机信令、互联网地图兴趣点等网络大数据"
    if code in _MONITORING:
        return f"{department}监测数据"
    if source_type == "survey":
        return f"{department}抽样调查"
    return f"{department}统计数据、统计年鉴及公报"


def default_division(source_type: str, department: str, code: str, cross_check: bool) -> str:
    if source_type == "spatial":
        text = f"{LEAD}负责空间计算"
        if cross_check and department != LEAD:
            text += f"；{department}提供部门统计值用于校核"
        elif cross_check:
            text += "；同时填报年度变更调查统计值用于多源校核"
        return text
    return f"{department}负责数据采集、填报及成效、短板分析；{LEAD}负责汇总校核"


def default_assignments(catalog, year: int, deadline: Optional[str] = None,
                        cross_check: Iterable[str] = CROSS_CHECK_CODES) -> pd.DataFrame:
    """One row per catalog indicator: code, department, data_source, collection_method, division,
    deadline, connotation (the catalog formula)."""
    cross = set(cross_check)
    rows = []
    for indicator in catalog:
        department = DEFAULT_DEPARTMENT.get(indicator.code, LEAD if indicator.is_spatial else TECHNICAL)
        method = "monitoring" if indicator.code in _MONITORING else _METHOD_BY_SOURCE.get(indicator.source_type,
                                                                                           "department")
        rows.append({
            "code": indicator.code, "department": department,
            "data_source": default_data_source(indicator.source_type, department, indicator.code),
            "collection_method": method,
            "division": default_division(indicator.source_type, department, indicator.code,
                                         indicator.code in cross),
            "deadline": deadline or f"{int(year) + 1}-05-31",
            "connotation": indicator.formula_zh,
        })
    return pd.DataFrame(rows, columns=["code", "department", "data_source", "collection_method", "division",
                                       "deadline", "connotation"])


def method_label_zh(method: str) -> str:
    return COLLECTION_METHOD_ZH.get(method, method or "")


def departments_in(assignments: pd.DataFrame) -> Dict[str, int]:
    return assignments["department"].value_counts().to_dict()
