"""Everything the reports of one year read, gathered once from the basic database (附件5).

``ReportData.collect(...)`` reads the catalog, the diagnosis, the stored values (city and district
rows of every year), the compliance tables, the key tasks, the department form texts, the
provenance of the computed indicators, the district and sub-district names and the survey
summary. The annual report, the special report and the database description all take a
``ReportData``; nothing in them opens a file again.
"""

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Mapping, Optional

import numpy as np
import pandas as pd

from ..store import gpkg
from .maps import MapSetOutcome
from .wording import clean_text

TEXT_FIELDS = ("situation", "achievements", "shortcomings", "measures")


def tables_of(path) -> Dict[str, str]:
    """{lower-case name: name} of a GeoPackage's tables ({} when it cannot be read)."""
    if path is None or not Path(path).is_file():
        return {}
    try:
        return {row[0].lower(): row[0] for row in gpkg.list_layers(path)}
    except Exception:  # noqa: BLE001 - a missing or foreign file only hides optional content
        return {}


def read_optional(path, name: str) -> Optional[pd.DataFrame]:
    tables = tables_of(path)
    if name.lower() not in tables:
        return None
    try:
        return gpkg.read_table(path, tables[name.lower()])
    except Exception:  # noqa: BLE001
        return None


@dataclass
class SurveySummary:
    """What the reports say about the satisfaction survey (from ``SurveyAnalysis``)."""

    valid: int
    total: int
    required: int
    overall: float
    overall_low: float
    overall_high: float
    dimensions: Dict[str, float] = field(default_factory=dict)  # dimension id -> score 0–100
    districts: Dict[str, float] = field(default_factory=dict)  # district name -> overall score
    report: Optional[Path] = None

    @classmethod
    def from_analysis(cls, analysis, report: Optional[Path] = None) -> "SurveySummary":
        screening = analysis.screening
        overall = analysis.scores.overall.iloc[0]
        dims = analysis.scores.dimensions
        dimension_scores = {}
        if dims is not None and len(dims):
            key = "item" if "item" in dims.columns else dims.columns[0]
            dimension_scores = {str(k): float(v) for k, v in zip(dims[key], dims["score"])}
        districts = {}
        try:
            from ..survey.report_docx import district_scores

            scores = district_scores(analysis)
            districts = {str(k): float(v) for k, v in zip(scores["district"], scores["score"])}
        except Exception:  # noqa: BLE001 - the district table is optional in the text
            districts = {}
        return cls(int(screening.valid_count), int(screening.total), int(screening.rules.required_valid),
                   float(overall["score"]), float(overall["score_lower"]), float(overall["score_upper"]),
                   dimension_scores, districts, report)


@dataclass
class ReportData:
    year: int
    base_year: int
    city: str
    catalog: object
    diagnosis: object  # core.assessment.diagnosis.Diagnosis
    database: Path  # 附件5 (or the assessment database)
    data: Optional[Path] = None
    values: pd.DataFrame = field(default_factory=pd.DataFrame)  # indicator_values, every year
    districts: Dict[str, str] = field(default_factory=dict)  # XZQDM -> XZQMC
    subdistricts: Dict[str, str] = field(default_factory=dict)  # JDDM -> JDMC
    compliance_checks: pd.DataFrame = field(default_factory=pd.DataFrame)
    compliance_summary: pd.DataFrame = field(default_factory=pd.DataFrame)
    violations: pd.DataFrame = field(default_factory=pd.DataFrame)  # attributes of the violation layer
    key_tasks: pd.DataFrame = field(default_factory=pd.DataFrame)
    forms: pd.DataFrame = field(default_factory=pd.DataFrame)  # code + TEXT_FIELDS (+ department)
    provenance: Dict[str, dict] = field(default_factory=dict)
    maps: Optional[MapSetOutcome] = None
    map_note: str = ""  # why there are no maps at all
    survey: Optional[SurveySummary] = None
    survey_note: str = ""
    target_notes: List[str] = field(default_factory=list)
    package_layers: List[tuple] = field(default_factory=list)  # list_layers of the data package

    # ------------------------------------------------------------------ look-ups
    def indicator(self, code: str):
        return self.catalog.get(code) if self.catalog is not None else None

    def row(self, code: str):
        table = self.diagnosis.table if self.diagnosis is not None else pd.DataFrame()
        picked = table[table["code"] == code] if len(table) else table
        return next(picked.itertuples(index=False), None) if len(picked) else None

    def district_values(self, code: str, year: Optional[int] = None) -> Dict[str, float]:
        frame = self.values
        if frame is None or frame.empty:
            return {}
        year = self.year if year is None else year
        picked = frame[(frame["code"] == code) & (frame["year"] == int(year)) & (frame["unit_type"] == "district")]
        picked = self._prefer_reported(picked)
        return {str(c): float(v) for c, v in zip(picked["unit_code"], pd.to_numeric(picked["value"], errors="coerce"))
                if np.isfinite(v)}

    def subdistrict_values(self, code: str) -> Dict[str, float]:
        frame = self.values
        if frame is None or frame.empty:
            return {}
        picked = frame[(frame["code"] == code) & (frame["year"] == self.year) & (frame["unit_type"] == "subdistrict")]
        picked = self._prefer_reported(picked)
        return {str(c): float(v) for c, v in zip(picked["unit_code"], pd.to_numeric(picked["value"], errors="coerce"))
                if np.isfinite(v)}

    @staticmethod
    def _prefer_reported(frame: pd.DataFrame) -> pd.DataFrame:
        if "origin" not in frame.columns or frame.empty:
            return frame
        ranked = frame.assign(_rank=(frame["origin"] == "reported").astype(int)).sort_values("_rank", kind="stable")
        return ranked.drop_duplicates(["unit_code"], keep="last")

    def form_texts(self, code: str) -> Dict[str, str]:
        if self.forms is None or self.forms.empty:
            return {}
        picked = self.forms[self.forms["code"] == code]
        if picked.empty:
            return {}
        row = picked.iloc[-1]
        return {name: clean_text(row.get(name)) for name in TEXT_FIELDS + ("department",) if name in picked.columns}

    def map_page(self, map_id: str):
        return self.maps.page(map_id) if self.maps is not None else None

    def map_reason(self, map_id: str) -> str:
        if self.maps is None:
            return self.map_note
        return self.maps.reason(map_id)

    # ------------------------------------------------------------------ collecting
    @classmethod
    def collect(cls, database: Path, year: int, base_year: int, city: str, catalog, diagnosis,
                data: Optional[Path] = None, maps: Optional[MapSetOutcome] = None, map_note: str = "",
                survey: Optional[SurveySummary] = None, survey_note: str = "",
                target_notes: Optional[List[str]] = None) -> "ReportData":
        from ..compliance import storage

        database = Path(database)
        report = cls(year=int(year), base_year=int(base_year), city=city, catalog=catalog, diagnosis=diagnosis,
                     database=database, data=Path(data) if data else None, maps=maps, map_note=map_note,
                     survey=survey, survey_note=survey_note, target_notes=list(target_notes or []))
        values = read_optional(database, "indicator_values")
        if values is not None and len(values):
            values["value"] = pd.to_numeric(values["value"], errors="coerce")
            values["year"] = pd.to_numeric(values["year"], errors="coerce").astype("Int64")
            report.values = values
        report.districts, report.subdistricts = unit_names(database, data)
        report.compliance_checks = storage.read_table_of_year(database, storage.CHECKS_TABLE, year)
        report.compliance_summary = storage.read_table_of_year(database, storage.SUMMARY_TABLE, year)
        violations = read_optional(database, storage.violations_table_name(year))
        report.violations = violations if violations is not None else pd.DataFrame()
        tasks = read_optional(database, "key_tasks")
        if tasks is not None and len(tasks) and "year" in tasks.columns:
            tasks = tasks[pd.to_numeric(tasks["year"], errors="coerce") == int(year)].reset_index(drop=True)
        report.key_tasks = tasks if tasks is not None else pd.DataFrame()
        report.forms = form_texts(database, data, year)
        provenance = read_optional(database, "indicator_provenance")
        if provenance is not None and len(provenance):
            current = provenance[pd.to_numeric(provenance["year"], errors="coerce") == int(year)]
            for code, text in zip(current["code"], current["json"]):
                try:
                    report.provenance[str(code)] = json.loads(text) if text else {}
                except (TypeError, ValueError):
                    report.provenance[str(code)] = {}
        if data is not None and Path(data).is_file():
            try:
                report.package_layers = gpkg.list_layers(data)
            except Exception:  # noqa: BLE001
                report.package_layers = []
        return report


def unit_names(database: Path, data: Optional[Path]) -> tuple:
    """({XZQDM: XZQMC}, {JDDM: JDMC}) from the database's or the data package's XZQ / JD layers."""
    districts: Dict[str, str] = {}
    subdistricts: Dict[str, str] = {}
    for source in (database, data):
        if source is None:
            continue
        if not districts:
            table = read_optional(source, "XZQ")
            if table is not None and {"XZQDM", "XZQMC"} <= set(table.columns):
                districts = {str(k): str(v) for k, v in zip(table["XZQDM"], table["XZQMC"])}
        if not subdistricts:
            table = read_optional(source, "JD")
            if table is not None and {"JDDM", "JDMC"} <= set(table.columns):
                subdistricts = {str(k): str(v) for k, v in zip(table["JDDM"], table["JDMC"])}
    return districts, subdistricts


def form_texts(database: Path, data: Optional[Path], year: int) -> pd.DataFrame:
    """Department texts per indicator: the database's forms where filled, else the data package's
    FORM_VALUES (city rows of the year)."""
    frames = []
    forms = read_optional(database, "indicator_forms")
    if forms is not None and len(forms) and "year" in forms.columns:
        forms = forms[pd.to_numeric(forms["year"], errors="coerce") == int(year)]
        columns = [c for c in ("code", "department") + TEXT_FIELDS if c in forms.columns]
        frames.append(forms[columns])
    for source in (database, data):
        given = read_optional(source, "FORM_VALUES") if source is not None else None
        if given is not None and len(given) and "code" in given.columns:
            if "year" in given.columns:
                given = given[pd.to_numeric(given["year"], errors="coerce") == int(year)]
            if "unit_code" in given.columns:
                given = given[given["unit_code"].astype(str).isin(["city", "", "全市"])]
            columns = [c for c in ("code", "department") + TEXT_FIELDS if c in given.columns]
            frames.append(given[columns])
            break
    if not frames:
        return pd.DataFrame(columns=["code", "department"] + list(TEXT_FIELDS))
    merged = None
    for frame in frames:
        frame = frame.drop_duplicates("code", keep="last").set_index("code")
        frame = frame.apply(lambda col: col.map(clean_text)).astype(object)
        frame = frame.mask(frame == "")
        merged = frame if merged is None else merged.combine_first(frame)
    return merged.fillna("").reset_index()


def format_provenance(prov: Mapping) -> str:
    """One line: method, inputs with counts, area method (for the database description)."""
    if not prov:
        return ""
    parts = []
    if prov.get("method"):
        parts.append(f"方法 {prov['method']}")
    inputs = [f"{i.get('layer') or i.get('role')}（{int(i['features']):,}）" if isinstance(i.get("features"), (int, float))
              else str(i.get("layer") or i.get("role")) for i in prov.get("inputs") or []]
    if inputs:
        parts.append("输入图层（要素数） " + "、".join(dict.fromkeys(inputs)))
    stats = [str(s.get("code")) for s in prov.get("statistics") or [] if s.get("code")]
    if stats:
        parts.append("统计数据 " + "、".join(dict.fromkeys(stats)))
    if prov.get("area_method"):
        parts.append(f"面积 {prov['area_method']}")
    if prov.get("crs"):
        parts.append(f"坐标系 {prov['crs']}")
    return "；".join(parts)
