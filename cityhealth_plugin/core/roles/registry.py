"""The registry of layer roles: what each input layer of a health check is.

A role declares its geometry type, its required and optional fields (standard 三调 /
database-standard names with common aliases) and how a layer is recognised (name
patterns in Chinese, database abbreviations, pinyin, English; a field signature).
This table is the contract shared by the demo generator, validation, the Data panel
and the indicator engine: the demo city writes exactly ``standard_name`` layers with
the ``standard`` field names below.
"""

from dataclasses import dataclass, field
from typing import Dict, Tuple

from ..i18n import tr, tr_noop


@dataclass(frozen=True)
class FieldSpec:
    standard: str
    kind: str  # "text", "int", "real", "code"
    label: str  # English; shown through tr()
    aliases: Tuple[str, ...] = ()


@dataclass(frozen=True)
class Role:
    id: str
    label: str  # English source text, shown through tr(); zh_CN in the .ts file
    geometry: str  # "polygon", "line", "point", "point_or_polygon"
    standard_name: str  # layer name the demo city and the basic database use
    required: Tuple[FieldSpec, ...] = ()
    optional: Tuple[FieldSpec, ...] = ()
    name_patterns: Tuple[str, ...] = ()  # regular expressions, matched case-insensitively
    signature: Tuple[str, ...] = ()  # field names that together identify the role
    group: str = "base"  # "admin", "landuse", "control", "infrastructure", "facility"
    mandatory: bool = False  # the health check cannot start without it

    def display_name(self) -> str:
        return tr(self.label)


def _f(standard, kind, label, *aliases):
    return FieldSpec(standard, kind, label, tuple(aliases))


NAME = _f("MC", "text", tr_noop("Name"), "NAME", "名称", "JGMC", "SSMC", "FNAME")

DLTB_FIELDS = (
    _f("BSM", "text", tr_noop("Identifier"), "OBJECTID_1", "标识码"),
    _f("DLBM", "code", tr_noop("Land class code"), "地类编码", "DLDM"),
    _f("DLMC", "text", tr_noop("Land class name"), "地类名称"),
    _f("CZCSXM", "code", tr_noop("Urban/town/village code"), "城镇村属性码", "CZCSX"),
    _f("TBMJ", "real", tr_noop("Patch area"), "图斑面积"),
    _f("KCMJ", "real", tr_noop("Deducted area"), "扣除地类面积"),
    _f("TBDLMJ", "real", tr_noop("Patch land-class area"), "图斑地类面积"),
    _f("ZLDWDM", "text", tr_noop("Village unit code"), "坐落单位代码"),
)

ROLES: Tuple[Role, ...] = (
    Role("admin_district", tr_noop("Districts (区)"), "polygon", "XZQ",
         required=(_f("XZQDM", "text", tr_noop("District code"), "XZQHDM", "区划代码", "CODE", "ADCODE"),
                   _f("XZQMC", "text", tr_noop("District name"), "XZQHMC", "区划名称", "NAME", "MC")),
         name_patterns=(r"^xzq$", r"xzq(?!_?jd)", r"行政区", r"区划", r"district", r"xingzhengqu", r"^区$", r"区界"),
         signature=("XZQDM", "XZQMC"), group="admin", mandatory=True),
    Role("admin_subdistrict", tr_noop("Sub-districts (街道)"), "polygon", "JD",
         required=(_f("JDDM", "text", tr_noop("Sub-district code"), "XZDM", "乡镇代码", "街道代码"),
                   _f("JDMC", "text", tr_noop("Sub-district name"), "XZMC", "乡镇名称", "街道名称")),
         optional=(_f("XZQDM", "text", tr_noop("District code")),),
         name_patterns=(r"^jd$", r"街道", r"乡镇", r"subdistrict", r"jiedao", r"xzq_?jd", r"^xz$"),
         signature=("JDDM", "JDMC"), group="admin"),
    Role("urban_area", tr_noop("Urban area (城区范围)"), "polygon", "CQFW",
         name_patterns=(r"cqfw", r"城区范围", r"城区", r"urban.?area", r"chengqu"),
         group="admin"),
    Role("dltb", tr_noop("Land-use survey patches, current year (DLTB)"), "polygon", "DLTB",
         required=DLTB_FIELDS[1:5] + DLTB_FIELDS[6:7],
         optional=(DLTB_FIELDS[0], DLTB_FIELDS[5], DLTB_FIELDS[7]),
         name_patterns=(r"^dltb$", r"dltb(?!_?(20[01]\d|2020|jq|base))", r"地类图斑(?!.*(基期|2020))", r"landuse", r"dileituban"),
         signature=("DLBM", "TBDLMJ"), group="landuse", mandatory=True),
    Role("dltb_base", tr_noop("Land-use survey patches, base year 2020 (DLTB)"), "polygon", "DLTB_2020",
         required=DLTB_FIELDS[1:5] + DLTB_FIELDS[6:7],
         optional=(DLTB_FIELDS[0], DLTB_FIELDS[5], DLTB_FIELDS[7]),
         name_patterns=(r"dltb_?(2020|jq|base)", r"基期", r"地类图斑.*2020", r"2020.*地类图斑", r"landuse.*base"),
         group="landuse"),
    Role("farmland_protection", tr_noop("Permanent basic farmland (永久基本农田)"), "polygon", "YJJBNT",
         optional=(_f("BSM", "text", tr_noop("Identifier")), _f("DLBM", "code", tr_noop("Land class code")),
                   _f("TBMJ", "real", tr_noop("Patch area"), "MJ")),
         name_patterns=(r"yjjbnt", r"永久基本农田", r"基本农田", r"jbnt", r"basic.?farmland", r"yongjiujibennongtian"),
         group="control"),
    Role("eco_redline", tr_noop("Ecological protection red line (生态保护红线)"), "polygon", "STBHHX",
         optional=(_f("HXMC", "text", tr_noop("Red-line name"), "MC", "NAME"), _f("MJ", "real", tr_noop("Area"))),
         name_patterns=(r"stbhhx", r"生态保护红线", r"生态红线", r"st_?hx", r"eco.?red", r"redline", r"shengtaibaohuhongxian"),
         group="control"),
    Role("urban_boundary", tr_noop("Urban development boundary (城镇开发边界)"), "polygon", "CZKFBJ",
         optional=(_f("MJ", "real", tr_noop("Area")),),
         name_patterns=(r"czkfbj", r"城镇开发边界", r"开发边界", r"kfbj", r"development.?boundary", r"chengzhenkaifabianjie"),
         group="control"),
    Role("heritage_line", tr_noop("Historic and cultural protection line (历史文化保护线)"), "polygon", "LSWHBHX",
         optional=(NAME,),
         name_patterns=(r"lswhbhx", r"历史文化保护线", r"历史文化", r"紫线", r"heritage", r"lishiwenhua"),
         group="control"),
    Role("planned_landuse", tr_noop("Planned land use (规划用地)"), "polygon", "GHYD",
         optional=(_f("YDYHDM", "code", tr_noop("Planned land-use code"), "GHDLBM", "YDDM"),),
         name_patterns=(r"ghyd", r"规划用地", r"planned.?land", r"guihuayongdi"),
         group="landuse"),
    Role("roads", tr_noop("Roads (道路中心线)"), "line", "DL",
         required=(_f("DJ", "text", tr_noop("Road class"), "DLDJ", "CLASS", "FCLASS", "HIGHWAY", "道路等级", "LEVEL"),),
         optional=(NAME,
                   _f("BX", "int", tr_noop("Walkable (1/0)"), "WALKABLE", "FOOT", "可步行"),
                   _f("DX", "int", tr_noop("One-way (0 both, 1 forward, -1 backward)"), "ONEWAY", "单行"),
                   _f("SD", "real", tr_noop("Speed km/h"), "SPEED", "MAXSPEED", "设计速度"),
                   _f("CC", "int", tr_noop("Level / bridge layer"), "LAYER", "BRIDGE", "层次")),
         name_patterns=(r"^dl$", r"道路", r"路网", r"road", r"street", r"lrdl", r"daolu", r"highway"),
         signature=("DJ",), group="infrastructure"),
    Role("buildings", tr_noop("Buildings (建筑)"), "polygon", "JZ",
         required=(_f("CS", "int", tr_noop("Floors"), "FLOORS", "层数", "JZCS", "FLOOR"),),
         optional=(_f("GD", "real", tr_noop("Height m"), "HEIGHT", "高度", "JZGD"), _f("YT", "text", tr_noop("Use"), "用途")),
         name_patterns=(r"^jz$", r"建筑", r"房屋", r"building", r"jianzhu", r"(^|_)fw(_|\d|$)"),
         signature=("CS",), group="infrastructure"),
    Role("population", tr_noop("Resident population (人口)"), "point_or_polygon", "RK",
         required=(_f("RKS", "real", tr_noop("Residents"), "POP", "POPULATION", "人口", "人口数", "CZRK"),),
         name_patterns=(r"^rk", r"人口", r"population", r"renkou", r"pop"),
         signature=("RKS",), group="infrastructure"),
)

# Facility roles share one shape: named points (or polygons) of one service type.
_FACILITIES = (
    ("fac_community_health", tr_noop("Community health service facilities (社区卫生服务设施)"), "SS_SQWS",
     (r"sqws", r"社区卫生", r"卫生服务", r"community.?health", r"clinic")),
    ("fac_hospital", tr_noop("Hospitals (医院)"), "SS_YY", (r"ss_yy", r"医院", r"hospital", r"yiyuan")),
    ("fac_kindergarten", tr_noop("Kindergartens (幼儿园)"), "SS_YEY", (r"yey", r"幼儿园", r"kindergarten", r"youeryuan")),
    ("fac_primary_school", tr_noop("Primary schools (小学)"), "SS_XX", (r"ss_xx", r"小学", r"primary", r"xiaoxue")),
    ("fac_middle_school", tr_noop("Middle schools (中学)"), "SS_ZX", (r"ss_zx", r"中学", r"middle.?school", r"secondary", r"zhongxue")),
    ("fac_elderly", tr_noop("Elderly care facilities (养老服务设施)"), "SS_YL", (r"ss_yl", r"养老", r"elderly", r"yanglao")),
    ("fac_culture", tr_noop("Cultural facilities (文化活动设施)"), "SS_WH", (r"ss_wh", r"文化活动", r"文化设施", r"culture", r"wenhua")),
    ("fac_sports", tr_noop("Sports facilities (体育设施)"), "SS_TY", (r"ss_ty", r"体育", r"(?<!tran)sport", r"tiyu")),
    ("fac_football", tr_noop("Football pitches (足球场)"), "SS_ZQC", (r"zqc", r"足球", r"football", r"soccer", r"zuqiu")),
    ("fac_market", tr_noop("Markets and fresh-food supermarkets (菜市场/生鲜超市)"), "SS_CSC",
     (r"csc", r"菜市场", r"生鲜", r"market", r"caishichang")),
    ("fac_fire_station", tr_noop("Fire stations (消防站)"), "SS_XFZ", (r"xfz", r"消防", r"fire", r"xiaofang")),
    ("fac_metro_station", tr_noop("Rail transit stations (轨道站点)"), "SS_GDZD",
     (r"gdzd", r"轨道", r"地铁", r"metro", r"subway", r"(?<!t)rail", r"guidao")),
    ("fac_shelter", tr_noop("Emergency shelters (应急避难场所)"), "SS_BNCS", (r"bncs", r"避难", r"shelter", r"binan")),
)

ROLES = ROLES + tuple(
    Role(rid, label, "point", std,
         optional=(NAME, _f("MJ", "real", tr_noop("Area m²"), "AREA", "面积", "YXMJ")),
         name_patterns=patterns, group="facility")
    for rid, label, std, patterns in _FACILITIES
) + (
    Role("park_square", tr_noop("Parks and squares (公园/广场)"), "polygon", "GYGC",
         optional=(NAME, _f("LX", "text", tr_noop("Type (公园/广场)"), "TYPE", "类型")),
         name_patterns=(r"gygc", r"公园", r"广场", r"park", r"square", r"gongyuan", r"绿地"),
         group="facility"),
)

ROLES_BY_ID: Dict[str, Role] = {role.id: role for role in ROLES}


def role(role_id: str) -> Role:
    try:
        return ROLES_BY_ID[role_id]
    except KeyError:
        raise KeyError(tr("Unknown layer role '{role}'.").format(role=role_id)) from None


def facility_roles() -> Tuple[Role, ...]:
    return tuple(r for r in ROLES if r.group == "facility")
