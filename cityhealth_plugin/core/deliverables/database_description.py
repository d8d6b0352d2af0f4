"""附件6 基础数据库建设说明 — generated from the actual basic database (附件5).

``describe_database(path)`` opens the GeoPackage read-only and lists every table of
``gpkg_contents`` with its real fields (name, declared type), row / feature count, geometry type
and CRS (from ``gpkg_spatial_ref_sys``), joined with ``database_catalog`` (category, source, how it
was made). ``write_database_description(path, folder, ...)`` writes the description three ways:
a Word document (附件6), a Markdown twin and an xlsx twin (table list, fields, computation
records). Nothing is typed in by hand: a table added to 附件5 appears in 附件6 the next time.
"""

import contextlib
import json
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional, Sequence

import pandas as pd

from ..store import gpkg
from .basic_database import CATALOG_TABLE, CATEGORY_ZH
from .context import format_provenance
from .names import field_zh
from .wording import MISSING, num

DESCRIPTION_NAME = "附件6 基础数据库建设说明"
GEOMETRY_ZH = {"POINT": "点", "MULTIPOINT": "多点", "LINESTRING": "线", "MULTILINESTRING": "线（多线）",
               "POLYGON": "面", "MULTIPOLYGON": "面（多面）", "GEOMETRY": "几何"}
CATEGORY_ORDER = ("input", "computed", "diagnosis", "form", "survey", "store", "meta", "other")


@dataclass
class FieldInfo:
    name: str
    type: str
    description: str = ""
    primary_key: bool = False


@dataclass
class TableInfo:
    name: str
    data_type: str  # features | attributes
    geometry_type: str  # '' for attribute tables
    srs_id: Optional[int]
    crs: str  # 'EPSG:4548 CGCS2000 / 3-degree Gauss-Kruger CM 117E' or ''
    count: int
    fields: List[FieldInfo] = field(default_factory=list)
    category: str = "other"
    source: str = ""
    method: str = ""

    @property
    def kind_zh(self) -> str:
        if self.data_type == "features":
            return "空间图层（" + GEOMETRY_ZH.get(self.geometry_type.upper(), self.geometry_type) + "）"
        return "属性表"


def _connect(path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{Path(path).resolve()}?mode=ro", uri=True)


def describe_database(path) -> List[TableInfo]:
    """Every table of the GeoPackage at ``path`` as it is (see the module docstring)."""
    layers = gpkg.list_layers(path)
    catalog = {}
    names = {row[0].lower(): row[0] for row in layers}
    if CATALOG_TABLE in names:
        frame = gpkg.read_table(path, names[CATALOG_TABLE])
        catalog = {str(r["table_name"]).lower(): r for _, r in frame.iterrows()}
    infos: List[TableInfo] = []
    with contextlib.closing(_connect(path)) as con:
        srs = {row[0]: row for row in con.execute(
            "SELECT srs_id, srs_name, organization, organization_coordsys_id FROM gpkg_spatial_ref_sys")}
        geometry_columns = {row[0].lower(): row[1] for row in con.execute(
            "SELECT table_name, column_name FROM gpkg_geometry_columns")}
        for name, data_type, geometry_type, srs_id, count in layers:
            columns = con.execute(f'PRAGMA table_info("{name.replace(chr(34), chr(34) * 2)}")').fetchall()
            fields = []
            for column in columns:
                column_name, declared, primary = column[1], (column[2] or "").upper(), bool(column[5])
                if column_name == geometry_columns.get(name.lower()):
                    description = "几何（" + GEOMETRY_ZH.get((geometry_type or "").upper(), geometry_type or "") + "）"
                elif primary:
                    description = "要素编号（主键）"
                else:
                    description = field_zh(name, column_name)
                fields.append(FieldInfo(column_name, declared, description, primary))
            crs = ""
            if data_type == "features" and srs_id in srs:
                _id, srs_name, organization, code = srs[srs_id]
                crs = f"{organization}:{code} {srs_name}" if organization and code not in (None, -1) else str(srs_name)
            row = catalog.get(name.lower())
            info = TableInfo(name, data_type, geometry_type or "", srs_id if data_type == "features" else None, crs,
                             int(count), fields)
            if row is not None:
                info.category = str(row.get("category") or "other")
                info.source = str(row.get("source") or "")
                info.method = str(row.get("method") or "")
            elif name.lower() == CATALOG_TABLE:
                info.category, info.source, info.method = "meta", "CityHealth", "数据库目录"
            infos.append(info)
    return infos


def table_list_frame(infos: Sequence[TableInfo]) -> pd.DataFrame:
    return pd.DataFrame([{"序号": i + 1, "表名": t.name, "类别": CATEGORY_ZH.get(t.category, t.category),
                          "类型": t.kind_zh, "记录数": t.count, "坐标系": t.crs.split(" ")[0] if t.crs else MISSING}
                         for i, t in enumerate(infos)])


def fields_frame(infos: Sequence[TableInfo]) -> pd.DataFrame:
    return pd.DataFrame([{"表名": t.name, "字段名": f.name, "类型": f.type or MISSING, "说明": f.description or MISSING}
                         for t in infos for f in t.fields])


def provenance_frame(path, year: int, catalog=None) -> pd.DataFrame:
    """One row per indicator computed for ``year``: method, inputs with counts, area method."""
    names = {row[0].lower(): row[0] for row in gpkg.list_layers(path)}
    if "indicator_provenance" not in names:
        return pd.DataFrame()
    frame = gpkg.read_table(path, names["indicator_provenance"])
    frame = frame[pd.to_numeric(frame["year"], errors="coerce") == int(year)]
    rows = []
    for code, text in zip(frame["code"], frame["json"]):
        try:
            prov = json.loads(text) if text else {}
        except (TypeError, ValueError):
            prov = {}
        if prov.get("status") not in (None, "ok"):
            continue
        indicator = catalog.get(code) if catalog is not None else None
        rows.append({"编号": code, "指标项": indicator.name_zh if indicator is not None else "",
                     "计算记录": format_provenance(prov) or MISSING,
                     "计算时间": str(prov.get("computed_at", ""))[:19].replace("T", " ")})
    return pd.DataFrame(rows)


def input_check_frame(infos: Sequence[TableInfo], data: Optional[Path]) -> pd.DataFrame:
    """Copied input tables: rows in the data package against rows in the database."""
    if data is None or not Path(data).is_file():
        return pd.DataFrame()
    package = {row[0].lower(): row[4] for row in gpkg.list_layers(data)}
    rows = []
    for info in infos:
        if info.category != "input":
            continue
        expected = package.get(info.name.lower())
        rows.append({"表名": info.name, "数据包记录数": expected if expected is not None else MISSING,
                     "数据库记录数": info.count, "一致": "是" if expected == info.count else "否"})
    return pd.DataFrame(rows)


def _overview_lines(infos: Sequence[TableInfo], path: Path, year: int, city: str) -> List[str]:
    features = [t for t in infos if t.data_type == "features"]
    crs = sorted({t.crs for t in features if t.crs})
    by_category = pd.Series([t.category for t in infos]).value_counts()
    parts = "、".join(f"{CATEGORY_ZH.get(c, c)}{int(by_category[c])}个" for c in CATEGORY_ORDER if c in by_category)
    size = Path(path).stat().st_size / 1e6 if Path(path).is_file() else 0
    return [
        f"{city or '本市'}{year}年度体检评估基础数据库（附件5）为一个GeoPackage文件“{Path(path).name}”（{num(size, 1)} MB），"
        f"可用QGIS、ArcGIS或GDAL直接打开。库中共{len(infos)}个表，其中空间图层{len(features)}个、属性表"
        f"{len(infos) - len(features)}个；按类别分：{parts}。",
        "空间图层坐标系：" + ("；".join(crs) if crs else "无") + "。面积统计采用三调图斑地类面积（TBDLMJ），无该字段时采用"
        "CGCS2000椭球面积；平面计算在3度带高斯-克吕格投影下进行。",
        "本说明由CityHealth读取数据库实际内容自动生成：表清单、字段、记录数和坐标系均来自数据库本身，来源和生成方法来自库内"
        f"“{CATALOG_TABLE}”表和指标计算过程记录（indicator_provenance）。",
    ]


def write_description_docx(infos: Sequence[TableInfo], path, database: Path, year: int, city: str = "",
                           data: Optional[Path] = None, catalog=None, available_fonts=None) -> Path:
    from ..exports.docx_writer import DocxWriter
    import datetime as _dt

    today = _dt.date.today()
    w = DocxWriter(available_fonts=available_fonts)
    w.title(f"{city or '（城市名称）'}{year}年度城市体检评估基础数据库建设说明", subtitle="附件6",
            lines=[f"{today.year}年{today.month}月"], cover=True)
    w.toc(levels=(1, 2))
    w.heading("一、概述", 1)
    for line in _overview_lines(infos, database, year, city):
        w.paragraph(line)
    w.heading("二、数据库结构", 1)
    w.paragraph(f"数据库的表清单见{w.next_label()}。")
    w.table(table_list_frame(infos), caption="基础数据库表清单", align={"序号": "center", "记录数": "right"}, font_size=9,
            formats={"记录数": "{:,}"})
    w.heading("三、数据来源与处理", 1)
    number = 0
    for category in CATEGORY_ORDER:
        tables = [t for t in infos if t.category == category]
        if not tables:
            continue
        number += 1
        w.heading(f"（{'一二三四五六七八'[number - 1]}）{CATEGORY_ZH.get(category, category)}", 2)
        frame = pd.DataFrame([{"表名": t.name, "记录数": t.count, "来源": t.source or MISSING,
                               "生成方法": t.method or MISSING} for t in tables])
        w.table(frame, caption=f"{CATEGORY_ZH.get(category, category)}的来源与生成方法", font_size=9,
                formats={"记录数": "{:,}"}, align={"记录数": "right"},
                widths_cm=[3.6, 1.5, 3.8, max(4.0, w.text_width_cm - 8.9)])
    check = input_check_frame(infos, data)
    if not check.empty:
        consistent = int((check["一致"] == "是").sum())
        w.paragraph(f"输入数据复制后逐表核对记录数：{len(check)}个表中{consistent}个与数据包一致"
                    + ("。" if consistent == len(check) else "，不一致的表需核查。") + f"核对结果见{w.next_label()}。")
        w.table(check, caption="输入数据记录数核对", align={"数据包记录数": "right", "数据库记录数": "right", "一致": "center"},
                formats={"数据库记录数": "{:,}"})
    w.heading("四、指标计算过程", 1)
    prov = provenance_frame(database, year, catalog)
    if prov.empty:
        w.paragraph(f"数据库中没有{year}年的指标计算过程记录。")
    else:
        w.paragraph(f"{year}年共{len(prov)}项指标由指标引擎计算，每项的输入图层及要素数、计算方法、面积算法和坐标系记录在"
                    f"indicator_provenance表中（JSON，含参数、公式、输入内容的SHA-1校验值和插件版本），摘要见{w.next_label()}。")
        w.table(prov, caption="指标计算过程摘要", font_size=8,
                widths_cm=[1.2, 3.0, max(6.0, w.text_width_cm - 7.0), 2.8])
    w.heading("五、各表字段说明", 1)
    for info in infos:
        w.heading(f"{info.name}", 3)
        facts = f"{info.kind_zh}，{info.count:,}条记录" + (f"，坐标系{info.crs}" if info.crs else "") + "。"
        if info.source or info.method:
            facts += f"来源：{info.source or MISSING}；生成方法：{info.method or MISSING}。"
        w.paragraph(facts)
        frame = pd.DataFrame([{"字段名": f.name, "类型": f.type or MISSING, "说明": f.description or MISSING}
                              for f in info.fields])
        w.table(frame, font_size=8, widths_cm=[3.6, 2.4, w.text_width_cm - 6.0])
    w.page_numbers("— {PAGE} —", first_page=False)
    return w.save(path)


def _md_table(frame: pd.DataFrame) -> List[str]:
    if frame.empty:
        return ["（无）", ""]
    cells = frame.astype(object).where(frame.notna(), "").astype(str)
    cells = cells.apply(lambda col: col.str.replace("|", "\\|").str.replace("\n", " "))
    lines = ["| " + " | ".join(str(c) for c in frame.columns) + " |", "|" + "---|" * len(frame.columns)]
    lines += ["| " + " | ".join(row) + " |" for row in cells.values.tolist()]
    return lines + [""]


def write_description_markdown(infos: Sequence[TableInfo], path, database: Path, year: int, city: str = "",
                               data: Optional[Path] = None, catalog=None) -> Path:
    lines = [f"# {city or '（城市名称）'}{year}年度城市体检评估基础数据库建设说明（附件6）", ""]
    lines += ["## 一、概述", ""] + [line + "\n" for line in _overview_lines(infos, database, year, city)]
    lines += ["## 二、数据库结构", ""] + _md_table(table_list_frame(infos))
    lines += ["## 三、数据来源与处理", ""]
    lines += _md_table(pd.DataFrame([{"表名": t.name, "类别": CATEGORY_ZH.get(t.category, t.category),
                                      "来源": t.source, "生成方法": t.method} for t in infos]))
    check = input_check_frame(infos, data)
    if not check.empty:
        lines += ["输入数据记录数核对：", ""] + _md_table(check)
    lines += ["## 四、指标计算过程", ""] + _md_table(provenance_frame(database, year, catalog))
    lines += ["## 五、各表字段说明", ""]
    for info in infos:
        lines += [f"### {info.name}", "", f"{info.kind_zh}，{info.count:,}条记录" + (f"，坐标系 {info.crs}" if info.crs else "")
                  + "。", ""]
        lines += _md_table(pd.DataFrame([{"字段名": f.name, "类型": f.type, "说明": f.description} for f in info.fields]))
    Path(path).write_text("\n".join(lines), encoding="utf-8")
    return Path(path)


def write_description_xlsx(infos: Sequence[TableInfo], path, database: Path, year: int, data: Optional[Path] = None,
                           catalog=None) -> Path:
    sheets = {"表清单": table_list_frame(infos).assign(
        来源=[t.source for t in infos], 生成方法=[t.method for t in infos]),
        "字段": fields_frame(infos), "指标计算过程": provenance_frame(database, year, catalog)}
    check = input_check_frame(infos, data)
    if not check.empty:
        sheets["输入核对"] = check
    with pd.ExcelWriter(path, engine="openpyxl") as writer:
        for name, frame in sheets.items():
            (frame if not frame.empty else pd.DataFrame({"说明": ["（无）"]})).to_excel(writer, sheet_name=name, index=False)
        for sheet in writer.book.worksheets:
            sheet.freeze_panes = "A2"
            for column in sheet.columns:
                width = max((len(str(c.value)) if c.value is not None else 0) for c in column[:300])
                sheet.column_dimensions[column[0].column_letter].width = min(max(8, width * 1.6), 80)
    return Path(path)


def write_database_description(database, folder, year: int, city: str = "", data: Optional[Path] = None,
                               catalog=None, docx: bool = True, available_fonts=None) -> Dict[str, Path]:
    """附件6 as docx (when python-docx is there), md and xlsx in ``folder``; returns {kind: path}."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    infos = describe_database(database)
    written: Dict[str, Path] = {}
    written["md"] = write_description_markdown(infos, folder / f"{DESCRIPTION_NAME}.md", Path(database), year, city,
                                               data, catalog)
    written["xlsx"] = write_description_xlsx(infos, folder / f"{DESCRIPTION_NAME}.xlsx", Path(database), year, data,
                                             catalog)
    if docx:
        written["docx"] = write_description_docx(infos, folder / f"{DESCRIPTION_NAME}.docx", Path(database), year,
                                                 city, data, catalog, available_fonts)
    return written
