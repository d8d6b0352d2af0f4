"""Chinese names used in 附件5 / 附件6: layer roles, database tables, standard fields.

The deliverables are Chinese documents, so these are written in Chinese here (the UI shows the
English role labels through ``tr``). Unknown fields fall back to the schema's column notes.
"""

import re
from typing import Optional

from ..roles.registry import ROLES_BY_ID

ROLE_ZH = {
    "admin_district": "行政区", "admin_subdistrict": "街道（乡镇）", "urban_area": "城区范围",
    "dltb": "地类图斑（现状年）", "dltb_base": "地类图斑（基期年）", "farmland_protection": "永久基本农田",
    "eco_redline": "生态保护红线", "urban_boundary": "城镇开发边界", "heritage_line": "历史文化保护线",
    "planned_landuse": "规划用地", "roads": "道路中心线", "buildings": "建筑", "population": "常住人口",
    "park_square": "公园/广场",
}

INPUT_TABLE_ZH = {
    "DEPT_STATS": ("部门统计数据", "指标计算的统计输入（code, year, unit_code, value）"),
    "FORM_VALUES": ("部门填报数据", "各责任部门填报的指标数值及基本情况、取得成效、短板及成因、提升措施"),
    "TARGETS": ("规划目标值", "基期年值、2025/2035年目标值、合理区间和管控值"),
    "GHMB": ("规划目标值", "基期年值、2025/2035年目标值、合理区间和管控值"),
    "KEY_TASKS": ("规划实施重点任务", "附件2的输入"),
    "SURVEY": ("满意度调查问卷", "问卷原始数据"),
    "SURVEY_MARGINS": ("常住人口构成", "满意度调查加权所用的人口结构"),
}

STORE_TABLE_ZH = {
    "store_meta": "数据库元数据（版本、创建时间、基期年）",
    "save_log": "保存记录（每次保存一条）",
    "audit_log": "修改审计记录（谁、何时、修改了哪个字段，原值→新值）",
    "catalog_snapshot": "当年指标体系快照",
    "indicator_values": "指标值（指标引擎计算值与部门填报值，分全市、区、街道）",
    "indicator_provenance": "指标计算过程记录（输入图层及要素数、参数、公式、坐标系、面积算法）",
    "indicator_forms": "指标填报表（指标内涵、数据来源、采集方式、责任部门、任务分工、时间节点及填报内容）",
    "indicator_targets": "指标目标值（基期年值、2025/2035年目标、合理区间、管控值）",
    "key_tasks": "规划实施重点任务",
    "statistics_values": "部门统计值（由填报值派生，供指标引擎读取）",
    "compliance_summary": "底线管控检查汇总（按年份、规则、行政区统计问题图斑数和面积）",
    "compliance_checks": "底线管控检查记录（每年每项检查的状态、结果和用时）",
    "compliance_reviews": "底线管控问题图斑核查记录",
    "database_catalog": "数据库目录（各表的类别、来源和生成方法）",
}

FIELD_ZH = {
    "fid": "要素编号（主键）", "geom": "几何",
    "XZQDM": "行政区代码", "XZQMC": "行政区名称", "JDDM": "街道（乡镇）代码", "JDMC": "街道（乡镇）名称",
    "BSM": "标识码", "DLBM": "地类编码", "DLMC": "地类名称", "CZCSXM": "城镇村属性码", "TBMJ": "图斑面积（m²）",
    "KCMJ": "扣除地类面积（m²）", "TBDLMJ": "图斑地类面积（m²）", "ZLDWDM": "坐落单位代码", "HXMC": "红线名称",
    "MJ": "面积（m²）", "MC": "名称", "DJ": "道路等级", "BX": "是否可步行（1/0）", "DX": "单行方向", "SD": "设计速度（km/h）",
    "CC": "层次（0地面、1桥梁高架、-1隧道）", "CS": "层数", "GD": "高度（m）", "YT": "用途", "RKS": "常住人口数（人）",
    "LX": "类型", "YDYHDM": "用地用海分类代码",
    "SRC_FID": "源图层要素编号", "AREA_M2": "面积（m²）", "COV_PCT": "覆盖比例（%）", "UNCOV_M2": "未覆盖面积（m²）",
    "RESIDENTS": "常住人口（人）", "UNCOVERED": "未覆盖人口（人）", "N_WITHIN": "可达设施类型数",
    "MISSING": "不可达的设施类型", "EDGE": "路段编号", "FROM_M": "可达起点（m）", "TO_M": "可达终点（m）",
    "LEN_M": "可达长度（m）", "FULL": "整段可达（1/0）", "SHARE": "叠加部分占图斑比例", "SC": "—",
    "code": "指标编号", "name_zh": "指标名称", "name": "名称", "year": "年份", "unit_type": "统计单元类型",
    "unit_code": "统计单元代码", "unit_name": "统计单元名称", "origin": "来源（computed计算 / reported填报）",
    "value": "数值", "unit": "计量单位", "source_type": "数据类型", "status": "状态", "computed_at": "计算时间（UTC）",
    "computed_by": "计算/填报人", "note": "备注", "json": "计算过程（JSON）", "version": "版本号",
    "updated_at": "最后修改时间（UTC）", "updated_by": "最后修改人", "department": "责任部门",
    "situation": "基本情况", "achievements": "取得成效", "shortcomings": "短板及成因", "measures": "下一步提升措施及建议",
    "rule": "规则编号", "rule_name": "规则名称", "check_id": "检查编号", "patch_id": "图斑标识", "src_fid": "源图斑编号",
    "area_m2": "面积（m²）", "area_hm2": "面积（公顷）", "part_m2": "部分平面面积（m²）", "fraction": "占图斑比例",
    "area_basis": "面积依据", "base_DLBM": "基期年地类编码", "base_DLMC": "基期年地类名称",
    "YJJBNT_DLBM": "永久基本农田划定地类编码", "count": "数量", "title": "检查名称", "message": "结果说明",
    "missing_roles": "缺少的图层", "warnings": "提示", "elapsed_s": "用时（秒）",
    "level1": "一级类别", "level2": "二级类别", "tier": "指标类型", "direction": "指标属性",
    "data_source": "数据来源", "base_year": "基期年", "base_value": "基期年值", "previous_year": "上年",
    "previous_value": "上年值", "current_year": "现状年", "current_value": "现状年值", "target_year": "目标年",
    "target_value": "目标值", "lower": "区间下限", "upper": "区间上限", "limit": "管控值",
    "trend": "变化趋势", "evaluation": "趋势评价", "gap": "与目标差距（比例）", "lag_points": "进度滞后（百分点）",
    "basis": "判定依据", "reason": "判定说明", "status_label": "评估结论", "seq": "序号", "priority": "优先级",
    "problem": "问题描述", "measure": "整治措施", "deadline": "完成时限",
    "table_name": "表名", "category": "类别", "category_zh": "类别（中文）", "source": "来源", "method": "生成方法",
    "item": "项目", "dimension": "维度", "score": "得分（0–100）", "score_lower": "得分下限", "score_upper": "得分上限",
    "district": "区", "n": "样本数", "mean": "平均分（1–5）", "pct_satisfied": "满意比例",
    "within": "可达设施类型数", "required": "应配置设施类型数", "facility": "设施类型",
}


def role_zh(role_id: str) -> str:
    if role_id in ROLE_ZH:
        return ROLE_ZH[role_id]
    role = ROLES_BY_ID.get(role_id)
    if role is None:
        return role_id
    match = re.match(r"^.*\((.*)\)\s*$", role.label)
    return match.group(1) if match else role.label


def role_of_layer(name: str) -> Optional[str]:
    lower = name.lower()
    return next((role.id for role in ROLES_BY_ID.values() if role.standard_name.lower() == lower), None)


def field_zh(table: str, column: str) -> str:
    if column in FIELD_ZH:
        return FIELD_ZH[column]
    from ..store import schema as S

    spec = S.TABLES.get(table)
    if spec is not None and column in spec.column_names:
        return spec.column(column).doc or ""
    return ""
