"""Bottom-line (底线管控) compliance checks on 三调 land-use patches.

Five checks, each a function over :class:`~cityhealth_plugin.core.layer_data.LayerData`
inputs that returns a :class:`ComplianceResult`:

=================================== ==================================================
check id                            what is reported
=================================== ==================================================
``redline_construction``            construction land inside the 生态保护红线
``farmland_occupation``             永久基本农田 patches that are not 耕地 (rules
                                    ``farmland_construction`` / ``farmland_non_cultivated``)
``new_construction_outside_boundary`` new construction land (since the base year) outside
                                    the 城镇开发边界
``heritage_construction``           construction land inside the 历史文化保护线
``new_construction``                all new construction land since the base year
=================================== ==================================================

Areas follow the official convention: ``TBDLMJ × (intersected part / patch)`` where the
patch has TBDLMJ, else the area of the part (``options.area_func`` when given, else the
CGCS2000 ellipsoidal area of core.geodesy, else planar; named in ``area_basis``).
A missing layer gives a ``missing_input`` result naming the role; nothing here raises for
bad user data. See docs/compliance.md.
"""

import time
from dataclasses import dataclass, field, replace
from typing import Dict, Iterable, Mapping, Optional, Tuple

import numpy as np
import pandas as pd
import shapely

from ..geodesy import GeodesyError, crs_info, ellipsoidal_area
from ..i18n import tr
from ..landuse.codes import CodeTable, LandUseGroups, normalise_codes
from ..layer_data import LayerData
from ..roles.registry import ROLES_BY_ID
from .overlay import AreaFunc, Mask, Zones, clean_polygons

STATUS_OK = "ok"
STATUS_VIOLATIONS = "violations"
STATUS_MISSING = "missing_input"
STATUS_INVALID = "invalid_input"

GEOGRAPHIC_CRS = {"EPSG:4490", "EPSG:4326", "EPSG:4610", "EPSG:4214", "EPSG:4555"}

VIOLATION_COLUMNS = (
    "check_id", "rule_id", "rule_name", "patch_id", "fid", "DLBM", "DLMC", "CZCSXM",
    "XZQDM", "XZQMC", "area_m2", "area_hm2", "part_m2", "fraction", "area_basis",
)
SUMMARY_COLUMNS = ("check_id", "rule_id", "rule_name", "XZQDM", "XZQMC", "count", "area_m2", "area_hm2")


class ComplianceCanceled(Exception):
    """Raised when the feedback object reports that the user cancelled."""


def check_titles() -> Dict[str, str]:
    """Check id -> translated title."""
    return {
        "redline_construction": tr("Construction land inside the ecological protection red line"),
        "farmland_occupation": tr("Permanent basic farmland not used as cultivated land"),
        "new_construction_outside_boundary": tr("New construction land outside the urban development boundary"),
        "heritage_construction": tr("Construction land inside the historic and cultural protection line"),
        "new_construction": tr("New construction land since the base year"),
    }


def rule_names() -> Dict[str, str]:
    """Rule id -> translated rule name (a check may report several rules)."""
    names = dict(check_titles())
    del names["farmland_occupation"]
    names["farmland_construction"] = tr("Permanent basic farmland occupied by construction land")
    names["farmland_non_cultivated"] = tr("Permanent basic farmland used as non-cultivated land")
    return names


@dataclass(frozen=True)
class CheckSpec:
    """What a check needs: the Processing algorithms and the panel build their inputs from it."""

    id: str
    required: Tuple[str, ...]
    optional: Tuple[str, ...]
    rules: Tuple[str, ...]

    def title(self) -> str:
        return check_titles()[self.id]


CHECKS: Tuple[CheckSpec, ...] = (
    CheckSpec("redline_construction", ("dltb", "eco_redline"), ("admin_district",), ("redline_construction",)),
    CheckSpec("farmland_occupation", ("dltb", "farmland_protection"), ("admin_district",),
              ("farmland_construction", "farmland_non_cultivated")),
    CheckSpec("new_construction_outside_boundary", ("dltb", "dltb_base", "urban_boundary"), ("admin_district",),
              ("new_construction_outside_boundary",)),
    CheckSpec("heritage_construction", ("dltb", "heritage_line"), ("admin_district", "dltb_base"),
              ("heritage_construction",)),
    CheckSpec("new_construction", ("dltb", "dltb_base"), ("admin_district",), ("new_construction",)),
)
CHECKS_BY_ID: Dict[str, CheckSpec] = {spec.id: spec for spec in CHECKS}


@dataclass
class ComplianceOptions:
    """Parameters shared by the checks (all recorded in each result's ``parameters``).

    ``area_func`` maps an array of geometries (in the layers' CRS) to areas in m²; the
    QGIS side may pass its own ellipsoidal measure here. Without it, parts without TBDLMJ are
    measured on the CGCS2000 ellipsoid (core.geodesy) when the CRS is recognised, else planar.

    ``heritage_new_only``: report only new construction (since the base year) inside the
    历史文化保护线 instead of all construction there. ``farmland_designated_cultivated_only``:
    use only the 永久基本农田 polygons designated as 耕地 (their DLBM), so that 可调整地类
    designated as orchard, pond … do not count; the violation table always carries the
    designated class as ``YJJBNT_DLBM`` when the layer has DLBM.
    """

    construction_group: str = "jianshe"
    cultivated_group: str = "gengdi"
    groups: Optional[LandUseGroups] = None
    area_func: Optional[AreaFunc] = None
    area_func_name: str = "ellipsoidal"
    min_area_m2: float = 1.0
    heritage_new_only: bool = False
    farmland_designated_cultivated_only: bool = True  # practice: 可调整地类 are not occupation
    max_vertices: int = 256
    base_year: Optional[int] = None
    current_year: Optional[int] = None

    def land_groups(self) -> LandUseGroups:
        return self.groups if self.groups is not None else LandUseGroups.default()

    def as_dict(self) -> dict:
        return {
            "construction_group": self.construction_group,
            "cultivated_group": self.cultivated_group,
            "area_convention": "TBDLMJ x fraction; else " + (self.area_func_name if self.area_func
                                                              else "CGCS2000 ellipsoidal (planar if the CRS is unknown)"),
            "min_area_m2": self.min_area_m2,
            "heritage_new_only": self.heritage_new_only,
            "farmland_designated_cultivated_only": self.farmland_designated_cultivated_only,
            "max_vertices": self.max_vertices,
            "base_year": self.base_year,
            "current_year": self.current_year,
        }


@dataclass
class ComplianceResult:
    """One check's outcome.

    ``violations`` is a LayerData: one polygon per violating patch part (the intersected or
    new part, not the whole patch) with VIOLATION_COLUMNS; ``fids`` point back to the DLTB
    features. ``summary`` has one row per rule and district plus a total row per rule
    (XZQDM ``*``); ``by_rule`` one row per rule.
    """

    check_id: str
    title: str
    status: str
    violations: LayerData
    summary: pd.DataFrame
    by_rule: pd.DataFrame
    parameters: dict = field(default_factory=dict)
    warnings: list = field(default_factory=list)
    missing_roles: Tuple[str, ...] = ()
    message: str = ""
    elapsed_s: float = 0.0
    tables: Dict[str, pd.DataFrame] = field(default_factory=dict)  # new construction: "by_base_class"

    @property
    def ok(self) -> bool:
        return self.status == STATUS_OK

    @property
    def ran(self) -> bool:
        return self.status in (STATUS_OK, STATUS_VIOLATIONS)

    @property
    def count(self) -> int:
        return len(self.violations)

    @property
    def area_m2(self) -> float:
        return float(self.violations.attributes["area_m2"].sum()) if len(self.violations) else 0.0

    @property
    def area_hm2(self) -> float:
        return self.area_m2 / 10000.0


# ---------------------------------------------------------------------------------------
# inputs

def _field(layer: LayerData, role_id: str, standard: str) -> Optional[pd.Series]:
    """The column for a role's standard field, by standard name or one of its aliases."""
    column = layer.column(standard)
    if column is not None:
        return column
    role = ROLES_BY_ID.get(role_id)
    if role is None:
        return None
    for spec in role.required + role.optional:
        if spec.standard == standard:
            for alias in spec.aliases:
                column = layer.column(alias)
                if column is not None:
                    return column
    return None


def _role_name(role_id: str) -> str:
    role = ROLES_BY_ID.get(role_id)
    return role.display_name() if role else role_id


def _pad_numeric_dlbm(codes: np.ndarray) -> Tuple[np.ndarray, int]:
    """DLBM read from a numeric field: 101 -> 0101, 9 -> 09 (三调 codes are '09' or 4 characters)."""
    text = pd.Series(codes, dtype=object)
    three = text.str.fullmatch(r"\d{3}").fillna(False).to_numpy(dtype=bool)
    one = (text == "9").to_numpy(dtype=bool)
    if not (three.any() or one.any()):
        return codes, 0
    out = codes.copy()
    out[three] = ("0" + text[three]).to_numpy(dtype=object)
    out[one] = "09"
    return out, int(three.sum() + one.sum())


def _text(column: pd.Series) -> np.ndarray:
    """Identifiers as text: blanks for nulls, no '.0' on numbers read as floats, case kept."""
    text = column.astype(object).where(column.notna(), "").astype(str).str.strip()
    return text.str.replace(r"^(-?\d+)\.0$", r"\1", regex=True).to_numpy(dtype=object)


@dataclass
class _Patches:
    """A DLTB layer read once: cleaned geometries and the attribute arrays the checks use."""

    layer: LayerData
    role_id: str
    geoms: np.ndarray
    fids: np.ndarray
    patch_id: np.ndarray
    dlbm: np.ndarray
    dlmc: np.ndarray
    czcsxm: Optional[np.ndarray]
    tbdlmj: np.ndarray  # NaN where missing
    zldwdm: Optional[np.ndarray]
    area: np.ndarray  # planar area of the cleaned geometry
    warnings: list

    @classmethod
    def read(cls, layer: LayerData, role_id: str) -> "_Patches":
        warnings = []
        geoms, repaired, dropped = clean_polygons(layer.geometries)
        name = layer.name or _role_name(role_id)
        if repaired:
            warnings.append(tr("{layer}: {n} invalid geometries were repaired in memory (the source layer is unchanged).")
                            .format(layer=name, n=repaired))
        if dropped:
            warnings.append(tr("{layer}: {n} features without a polygon geometry were skipped.").format(layer=name, n=dropped))
        n = len(layer)
        fids = np.asarray(layer.fids)
        bsm = _field(layer, role_id, "BSM")
        fid_text = pd.Series(fids).astype(str).to_numpy(dtype=object)
        if bsm is not None:
            ids = _text(bsm)
            patch_id = np.where(ids != "", ids, fid_text)
        else:
            patch_id = fid_text
        dlbm_col = _field(layer, role_id, "DLBM")
        dlbm = normalise_codes(dlbm_col.to_numpy()) if dlbm_col is not None else np.full(n, "", dtype=object)
        dlbm, padded = _pad_numeric_dlbm(dlbm)
        if padded:
            warnings.append(tr("{layer}: {n} land class codes stored as numbers lost their leading zero "
                               "(e.g. 101); they were read as 4-digit codes (0101).").format(layer=name, n=padded))
        dlmc_col = _field(layer, role_id, "DLMC")
        names = CodeTable.default().names
        looked_up = pd.Series(dlbm).map(names).fillna("").to_numpy(dtype=object)
        if dlmc_col is not None:
            dlmc = dlmc_col.where(dlmc_col.notna(), "").astype(str).str.strip().to_numpy(dtype=object)
            dlmc = np.where(dlmc != "", dlmc, looked_up)
        else:
            dlmc = looked_up
        cz = _field(layer, role_id, "CZCSXM")
        czcsxm = normalise_codes(cz.to_numpy()) if cz is not None else None
        tb = _field(layer, role_id, "TBDLMJ")
        tbdlmj = pd.to_numeric(tb, errors="coerce").to_numpy(dtype=float) if tb is not None else np.full(n, np.nan)
        tbdlmj = np.where(tbdlmj > 0, tbdlmj, np.nan)
        zl = _field(layer, role_id, "ZLDWDM")
        zldwdm = normalise_codes(zl.to_numpy()) if zl is not None else None
        area = shapely.area(geoms)
        return cls(layer, role_id, geoms, fids, patch_id, dlbm, dlmc, czcsxm, tbdlmj, zldwdm,
                   np.nan_to_num(area), warnings)

    def group_mask(self, group_id: str, groups: LandUseGroups) -> np.ndarray:
        group = groups[group_id]
        return group.mask(self.dlbm, self.czcsxm) & ~shapely.is_missing(self.geoms)


@dataclass
class _Districts:
    geoms: np.ndarray
    codes: np.ndarray
    names: np.ndarray
    zones: Zones

    @classmethod
    def read(cls, layer: Optional[LayerData]) -> Optional["_Districts"]:
        if layer is None or len(layer) == 0:
            return None
        code = _field(layer, "admin_district", "XZQDM")
        name = _field(layer, "admin_district", "XZQMC")
        geoms, _, _ = clean_polygons(layer.geometries)
        n = len(layer)
        codes = normalise_codes(code.to_numpy()) if code is not None else np.full(n, "", dtype=object)
        names = (name.where(name.notna(), "").astype(str).to_numpy(dtype=object) if name is not None
                 else np.full(n, "", dtype=object))
        present = ~shapely.is_missing(geoms)
        return cls(geoms[present], codes[present], names[present], Zones(geoms[present]))


def _feedback_step(feedback, progress: float) -> None:
    if feedback is None:
        return
    canceled = getattr(feedback, "isCanceled", None)
    if callable(canceled) and canceled():
        raise ComplianceCanceled(tr("The compliance check was cancelled."))
    set_progress = getattr(feedback, "setProgress", None)
    if callable(set_progress):
        set_progress(progress)


# ---------------------------------------------------------------------------------------
# results

def _empty_violations(crs: str = "") -> LayerData:
    frame = pd.DataFrame({name: pd.Series(dtype=float if name in ("area_m2", "area_hm2", "part_m2", "fraction")
                                          else object) for name in VIOLATION_COLUMNS})
    return LayerData("violations", np.empty(0, dtype=object), frame, np.empty(0, dtype=np.int64), crs=crs,
                     geometry_type="polygon", source="cityhealth:compliance")


def _summaries(check_id: str, table: pd.DataFrame) -> Tuple[pd.DataFrame, pd.DataFrame]:
    if table.empty:
        return (pd.DataFrame(columns=list(SUMMARY_COLUMNS)),
                pd.DataFrame(columns=["check_id", "rule_id", "rule_name", "count", "area_m2", "area_hm2"]))
    keys = ["check_id", "rule_id", "rule_name"]
    by_district = (table.groupby(keys + ["XZQDM", "XZQMC"], sort=True, dropna=False)
                   .agg(count=("area_m2", "size"), area_m2=("area_m2", "sum")).reset_index())
    by_rule = table.groupby(keys, sort=True).agg(count=("area_m2", "size"), area_m2=("area_m2", "sum")).reset_index()
    totals = by_rule.assign(XZQDM="*", XZQMC=tr("Total"))
    summary = pd.concat([by_district, totals[by_district.columns]], ignore_index=True)
    for frame in (summary, by_rule):
        frame["area_hm2"] = frame["area_m2"] / 10000.0
    return summary[list(SUMMARY_COLUMNS)], by_rule


def _result(check_id: str, status: str, options: ComplianceOptions, *, crs: str = "", message: str = "",
            warnings=(), missing=(), started: float = 0.0) -> ComplianceResult:
    summary, by_rule = _summaries(check_id, pd.DataFrame())
    return ComplianceResult(check_id, check_titles()[check_id], status, _empty_violations(crs), summary, by_rule,
                            parameters=options.as_dict(), warnings=list(warnings), missing_roles=tuple(missing),
                            message=message, elapsed_s=time.perf_counter() - started if started else 0.0)


def _missing(check_id: str, layers: Mapping[str, Optional[LayerData]], options: ComplianceOptions,
             started: float) -> Optional[ComplianceResult]:
    spec = CHECKS_BY_ID[check_id]
    missing = [role for role in spec.required if layers.get(role) is None]
    if not missing:
        return None
    names = "; ".join(_role_name(role) for role in missing)
    message = tr("Missing input: {roles}. Assign a layer to this role to run the check.").format(roles=names)
    return _result(check_id, STATUS_MISSING, options, message=message, missing=missing, started=started)


def _is_geographic(crs: str) -> bool:
    try:
        return crs_info(crs).is_geographic
    except GeodesyError:
        return crs.upper() in GEOGRAPHIC_CRS


def _input_problem(check_id: str, layers: Mapping[str, Optional[LayerData]], options: ComplianceOptions,
                   started: float) -> Optional[ComplianceResult]:
    """Different CRSs, a geographic CRS or a DLTB without DLBM: an ``invalid_input`` result."""
    present = [(role, layer) for role, layer in layers.items() if layer is not None]
    crs_of = {role: (layer.crs or "").strip() for role, layer in present}
    known = {role: crs for role, crs in crs_of.items() if crs}
    first = next(iter(known.items()), None)
    for role, crs in known.items():
        if first and crs != first[1]:
            message = tr("Layers '{a}' ({crs_a}) and '{b}' ({crs_b}) are in different coordinate systems; "
                         "reproject them to one projected CRS (e.g. EPSG:4548) first.").format(
                a=_role_name(first[0]), crs_a=first[1], b=_role_name(role), crs_b=crs)
            return _result(check_id, STATUS_INVALID, options, message=message, started=started)
        if _is_geographic(crs):
            message = tr("Layer '{layer}' is in a geographic CRS ({crs}); overlay areas need a projected metric CRS "
                         "(e.g. CGCS2000 3-degree Gauss-Kruger, EPSG:4548).").format(layer=_role_name(role), crs=crs)
            return _result(check_id, STATUS_INVALID, options, message=message, started=started)
    for role in ("dltb", "dltb_base"):
        layer = layers.get(role)
        if layer is not None and _field(layer, role, "DLBM") is None:
            message = tr("Layer '{layer}' has no land class field DLBM (地类编码); map the field in the Data panel.").format(
                layer=layer.name or _role_name(role))
            return _result(check_id, STATUS_INVALID, options, message=message, started=started)
    groups = options.land_groups()
    for group_id in (options.construction_group, options.cultivated_group):
        if group_id not in groups:
            message = tr("Unknown land-use group '{group}'.").format(group=group_id)
            return _result(check_id, STATUS_INVALID, options, message=message, started=started)
    dltb = layers.get("dltb")
    if dltb is not None and groups[options.construction_group].czcsxm is not None and _field(dltb, "dltb", "CZCSXM") is None:
        message = tr("Land-use group '{group}' needs the CZCSXM (城镇村属性码) field.").format(
            group=groups[options.construction_group].zh)
        return _result(check_id, STATUS_INVALID, options, message=message, started=started)
    return None


def _violations(check_id: str, rule_ids: np.ndarray, patches: _Patches, index: np.ndarray, parts: np.ndarray,
                districts: Optional[_Districts], options: ComplianceOptions, warnings: list,
                extra: Optional[Dict[str, np.ndarray]] = None) -> Tuple[LayerData, dict]:
    """The violation table for ``parts`` of ``patches[index]`` (parts already non-empty)."""
    stats = {}
    part_area = shapely.area(parts)
    small = part_area < options.min_area_m2
    if small.any():
        stats["ignored_small_parts"] = int(small.sum())
        stats["ignored_small_area_m2"] = float(part_area[small].sum())
        keep = ~small
        rule_ids, index, parts, part_area = rule_ids[keep], index[keep], parts[keep], part_area[keep]
        if extra:
            extra = {key: value[keep] for key, value in extra.items()}
    patch_area = patches.area[index]
    with np.errstate(divide="ignore", invalid="ignore"):
        fraction = np.clip(np.where(patch_area > 0, part_area / patch_area, 0.0), 0.0, 1.0)
    tbdlmj = patches.tbdlmj[index]
    has_tb = np.isfinite(tbdlmj)
    measured, basis_other = _measure(parts[~has_tb], part_area[~has_tb], patches.layer.crs, options, warnings)
    area = np.empty(len(parts))
    area[has_tb] = tbdlmj[has_tb] * fraction[has_tb]
    area[~has_tb] = measured
    basis = np.where(has_tb, "TBDLMJ", basis_other).astype(object)
    if (~has_tb).any():
        basis_label = {"ellipsoidal": tr("ellipsoidal"), "planar": tr("planar")}.get(basis_other, basis_other)
        warnings.append(tr("{n} violating parts come from patches without TBDLMJ; their area is the {basis} area of the part.")
                        .format(n=int((~has_tb).sum()), basis=basis_label))

    code = np.full(len(parts), "", dtype=object)
    name = np.full(len(parts), "", dtype=object)
    if districts is not None:
        where = districts.zones.largest_overlap(parts)
        found = where >= 0
        code[found] = districts.codes[where[found]]
        name[found] = districts.names[where[found]]
    else:
        found = np.zeros(len(parts), dtype=bool)
    if patches.zldwdm is not None and (~found).any():
        fallback = pd.Series(patches.zldwdm[index[~found]], dtype=object).str[:6].to_numpy(dtype=object)
        code[~found] = fallback
        if districts is not None:
            lookup = dict(zip(districts.codes, districts.names))
            name[~found] = pd.Series(fallback, dtype=object).map(lookup).fillna("").to_numpy(dtype=object)
        warnings.append(tr("{n} violating parts were given their district from ZLDWDM (坐落单位代码) because "
                           "no district polygon covers them or no district layer was given.").format(n=int((~found).sum())))
    elif (~found).any():
        warnings.append(tr("{n} violating parts have no district: give the district layer (XZQ).").format(
            n=int((~found).sum())))

    names = rule_names()
    table = pd.DataFrame({
        "check_id": check_id,
        "rule_id": rule_ids,
        "rule_name": pd.Series(rule_ids, dtype=object).map(names).to_numpy(dtype=object),
        "patch_id": patches.patch_id[index],
        "fid": patches.fids[index],
        "DLBM": patches.dlbm[index],
        "DLMC": patches.dlmc[index],
        "CZCSXM": patches.czcsxm[index] if patches.czcsxm is not None else "",
        "XZQDM": code,
        "XZQMC": name,
        "area_m2": area,
        "area_hm2": area / 10000.0,
        "part_m2": part_area,
        "fraction": fraction,
        "area_basis": basis,
    })
    for key, value in (extra or {}).items():
        table[key] = value
    order = np.lexsort((table["patch_id"].to_numpy(dtype=str), table["XZQDM"].to_numpy(dtype=str),
                        table["rule_id"].to_numpy(dtype=str)))
    table = table.iloc[order].reset_index(drop=True)
    layer = LayerData(check_id, parts[order], table, np.asarray(patches.fids[index][order]),
                      crs=patches.layer.crs, geometry_type="polygon", source="cityhealth:compliance/" + check_id)
    return layer, stats


def _measure(parts: np.ndarray, planar: np.ndarray, crs: str, options: ComplianceOptions,
             warnings: list) -> Tuple[np.ndarray, str]:
    """Areas of parts without TBDLMJ: the caller's hook, else CGCS2000 ellipsoidal, else planar."""
    if options.area_func is not None:
        return (np.asarray(options.area_func(parts), dtype=float) if len(parts) else planar), options.area_func_name
    if not len(parts):
        return planar, "ellipsoidal"
    try:
        return ellipsoidal_area(parts, crs), "ellipsoidal"
    except GeodesyError as error:
        warnings.append(tr("Planar areas used for parts without TBDLMJ: {reason}").format(reason=error))
        return planar, "planar"


def _finish(check_id: str, layer: LayerData, stats: dict, options: ComplianceOptions, warnings: list,
            started: float, parameters: Optional[dict] = None) -> ComplianceResult:
    summary, by_rule = _summaries(check_id, layer.attributes)
    params = options.as_dict()
    params.update(stats)
    params.update(parameters or {})
    status = STATUS_VIOLATIONS if len(layer) else STATUS_OK
    if status == STATUS_OK:
        message = tr("No violations found.")
    else:
        message = tr("{n} violating parts, {area:.2f} hm² in total.").format(
            n=len(layer), area=float(layer.attributes["area_m2"].sum()) / 10000.0)
    return ComplianceResult(check_id, check_titles()[check_id], status, layer, summary, by_rule, parameters=params,
                            warnings=_unique(warnings), message=message, elapsed_s=time.perf_counter() - started)


def _unique(items: Iterable[str]) -> list:
    seen, out = set(), []
    for item in items:
        if item not in seen:
            seen.add(item)
            out.append(item)
    return out


# ---------------------------------------------------------------------------------------
# the checks

class _Context:
    """Shared state of a run: each input layer is read (and the new construction computed) once."""

    def __init__(self, layers: Mapping[str, Optional[LayerData]], options: ComplianceOptions, feedback=None):
        self.layers = dict(layers)
        self.options = options
        self.feedback = feedback
        self._patches: Dict[str, _Patches] = {}
        self._districts = None
        self._districts_read = False
        self._new = None
        self.new_stats: Dict[str, float] = {}
        self.new_shares = pd.DataFrame()
        self.base_zones: Optional[Zones] = None
        self.base_other = np.empty(0, dtype=np.intp)

    def patches(self, role: str) -> _Patches:
        if role not in self._patches:
            self._patches[role] = _Patches.read(self.layers[role], role)
        return self._patches[role]

    def districts(self) -> Optional[_Districts]:
        if not self._districts_read:
            self._districts = _Districts.read(self.layers.get("admin_district"))
            self._districts_read = True
        return self._districts

    def mask(self, role: str, keep: Optional[np.ndarray] = None) -> Tuple[Mask, list]:
        layer = self.layers[role]
        geoms = layer.geometries if keep is None else np.asarray(layer.geometries, dtype=object)[keep]
        mask = Mask(geoms, self.options.max_vertices)
        warnings = []
        if mask.repaired:
            warnings.append(tr("{layer}: {n} invalid geometries were repaired in memory (the source layer is unchanged).")
                            .format(layer=layer.name or _role_name(role), n=mask.repaired))
        if len(layer) == 0:
            warnings.append(tr("Layer '{layer}' has no features.").format(layer=layer.name or _role_name(role)))
        return mask, warnings

    def new_construction(self):
        """(current patch index, new part) for every current construction patch with a new part."""
        if self._new is None:
            groups = self.options.land_groups()
            current = self.patches("dltb")
            base = self.patches("dltb_base")
            cur_sel = np.flatnonzero(current.group_mask(self.options.construction_group, groups))
            base_sel = base.group_mask(self.options.construction_group, groups)
            base_mask = Mask(base.geoms[base_sel], self.options.max_vertices)
            _feedback_step(self.feedback, 30)
            new = base_mask.subtract(current.geoms[cur_sel])
            present = ~shapely.is_missing(new)
            # slivers left by re-digitised boundaries are dropped here (counted in the parameters)
            area = shapely.area(new[present])
            small = area < self.options.min_area_m2
            self.new_stats = {"ignored_small_parts": int(small.sum()), "ignored_small_area_m2": float(area[small].sum())}
            present[present] = ~small
            index, parts = cur_sel[present], new[present]
            _feedback_step(self.feedback, 60)
            # what each new part was in the base year: its overlaps with the base non-construction
            # patches (new parts only touch base construction land along the cut)
            other = np.flatnonzero(~base_sel & ~shapely.is_missing(base.geoms))
            self.base_zones = Zones(base.geoms[other], self.options.max_vertices)
            self.base_other = other
            g, z, a = self.base_zones.overlaps(parts, exact=True)
            part_area = shapely.area(parts)
            base_dlbm = np.full(len(parts), "", dtype=object)
            base_dlmc = np.full(len(parts), "", dtype=object)
            if len(g):
                order = np.lexsort((-a, g))
                first = order[np.r_[True, g[order][1:] != g[order][:-1]]]
                base_dlbm[g[first]] = base.dlbm[other[z[first]]]
                base_dlmc[g[first]] = base.dlmc[other[z[first]]]
            warnings = list(base.warnings)
            uncovered = part_area - np.bincount(g, weights=a, minlength=len(parts))
            gaps = uncovered > np.maximum(self.options.min_area_m2, 1e-6 * part_area)
            if gaps.any():
                warnings.append(tr("{n} new construction parts lie outside the base-year land-use layer: check "
                                   "that both years cover the same area.").format(n=int(gaps.sum())))
            # share of each new part per base-year class, for the breakdown table
            self.new_shares = pd.DataFrame({"_new_part": g, "base_DLBM": base.dlbm[other[z]],
                                            "base_DLMC": base.dlmc[other[z]],
                                            "share": a / np.where(part_area[g] > 0, part_area[g], 1.0)})
            self._new = (index, parts, {"base_DLBM": base_dlbm, "base_DLMC": base_dlmc,
                                        "_new_part": np.arange(len(parts))}, warnings)
        return self._new


def _farmland_selection(layer: LayerData, options: ComplianceOptions, groups: LandUseGroups):
    """(polygons to use or None, designated DLBM of each farmland polygon or None, warnings)."""
    column = _field(layer, "farmland_protection", "DLBM")
    if column is None:
        warnings = []
        if options.farmland_designated_cultivated_only:
            warnings.append(tr("The permanent basic farmland layer has no DLBM field: all of its polygons are used."))
        return None, None, warnings
    designated, _ = _pad_numeric_dlbm(normalise_codes(column.to_numpy()))
    if not options.farmland_designated_cultivated_only:
        return None, designated, []
    keep = groups[options.cultivated_group].mask(designated) | (designated == "")
    return keep, designated, []


def _inside_check(ctx: _Context, check_id: str, mask_role: str, started: float) -> ComplianceResult:
    options = ctx.options
    groups = options.land_groups()
    patches = ctx.patches("dltb")
    warnings = list(patches.warnings)
    keep, designated = None, None
    if check_id == "farmland_occupation":
        keep, designated, farm_warnings = _farmland_selection(ctx.layers[mask_role], options, groups)
        warnings += farm_warnings
    mask, mask_warnings = ctx.mask(mask_role, keep)
    warnings += mask_warnings
    _feedback_step(ctx.feedback, 20)
    extra = None
    if check_id == "farmland_occupation":
        cultivated = patches.group_mask(options.cultivated_group, groups)
        construction = patches.group_mask(options.construction_group, groups)
        selected = np.flatnonzero(~cultivated & ~shapely.is_missing(patches.geoms))
        parts = mask.clip(patches.geoms[selected])
        present = ~shapely.is_missing(parts)
        index, parts = selected[present], parts[present]
        rule_ids = np.where(construction[index], "farmland_construction", "farmland_non_cultivated").astype(object)
        if designated is not None:
            # the class the farmland polygon was designated with (可调整地类 such as 0201 show here)
            farm_geoms, _, _ = clean_polygons(ctx.layers[mask_role].geometries)
            present_farm = np.flatnonzero(~shapely.is_missing(farm_geoms) & (keep if keep is not None else True))
            where = Zones(farm_geoms[present_farm], options.max_vertices).largest_overlap(parts)
            column = np.full(len(parts), "", dtype=object)
            column[where >= 0] = designated[present_farm[where[where >= 0]]]
            extra = {"YJJBNT_DLBM": column}
    elif check_id == "heritage_construction" and options.heritage_new_only:
        if ctx.layers.get("dltb_base") is None:
            return _result(check_id, STATUS_MISSING, options, missing=("dltb_base",), started=started,
                           message=tr("Missing input: {roles}. Assign a layer to this role to run the check.").format(
                               roles=_role_name("dltb_base")))
        new_index, new_parts, extra, new_warnings = ctx.new_construction()
        warnings += new_warnings
        parts = mask.clip(new_parts)
        present = ~shapely.is_missing(parts)
        index, parts = new_index[present], parts[present]
        extra = {key: value[present] for key, value in extra.items() if not key.startswith("_")}
        rule_ids = np.full(len(index), check_id, dtype=object)
    else:
        selected = np.flatnonzero(patches.group_mask(options.construction_group, groups))
        parts = mask.clip(patches.geoms[selected])
        present = ~shapely.is_missing(parts)
        index, parts = selected[present], parts[present]
        rule_ids = np.full(len(index), check_id, dtype=object)
    _feedback_step(ctx.feedback, 70)
    layer, stats = _violations(check_id, rule_ids, patches, index, parts, ctx.districts(), options, warnings, extra)
    _feedback_step(ctx.feedback, 100)
    return _finish(check_id, layer, stats, options, warnings, started, {"mask_tiles": len(mask)})


def _new_check(ctx: _Context, check_id: str, started: float) -> ComplianceResult:
    options = ctx.options
    patches = ctx.patches("dltb")
    warnings = list(patches.warnings)
    index, parts, extra, new_warnings = ctx.new_construction()
    warnings += new_warnings
    parameters = {"method": "geometric difference: current construction parts minus the base-year construction union"}
    shares = ctx.new_shares
    if check_id == "new_construction_outside_boundary":
        boundary, mask_warnings = ctx.mask("urban_boundary")
        warnings += mask_warnings
        outside = boundary.subtract(parts)
        present = ~shapely.is_missing(outside)
        # parts cut by the boundary: measure their base-year classes again (the others keep theirs)
        cut = present.copy()
        cut[present] = ~np.isclose(shapely.area(outside[present]), shapely.area(parts[present]), rtol=1e-12, atol=0.0)
        if cut.any():
            base = ctx.patches("dltb_base")
            g, z, a = ctx.base_zones.overlaps(outside[cut], exact=True)
            area = shapely.area(outside[cut])
            ids = np.flatnonzero(cut)
            redone = pd.DataFrame({"_new_part": ids[g], "base_DLBM": base.dlbm[ctx.base_other[z]],
                                   "base_DLMC": base.dlmc[ctx.base_other[z]], "share": a / area[g]})
            shares = pd.concat([shares[~shares["_new_part"].isin(ids)], redone], ignore_index=True)
        index, parts = index[present], outside[present]
        extra = {key: value[present] for key, value in extra.items()}
    _feedback_step(ctx.feedback, 80)
    rule_ids = np.full(len(index), check_id, dtype=object)
    layer, stats = _violations(check_id, rule_ids, patches, index, parts, ctx.districts(), options, warnings, extra)
    for key, value in ctx.new_stats.items():
        stats[key] = stats.get(key, 0) + value
    breakdown = _by_base_class(layer.attributes, shares, options)
    layer.attributes = layer.attributes.drop(columns=["_new_part"])
    _feedback_step(ctx.feedback, 100)
    result = _finish(check_id, layer, stats, options, warnings, started, parameters)
    result.tables["by_base_class"] = breakdown
    return result


def _by_base_class(table: pd.DataFrame, shares: pd.DataFrame, options: ComplianceOptions) -> pd.DataFrame:
    """Official area of the violating parts by the base-year class they were (新增建设用地 来源地类).

    A part that was several classes is split by the areas it shares with each base-year
    patch; land outside the base-year layer shows with a blank class.
    """
    columns = ["base_DLBM", "base_DLMC", "cultivated", "parts", "area_m2", "area_hm2"]
    if table.empty:
        return pd.DataFrame(columns=columns)
    rows = table[["_new_part", "area_m2"]].reset_index().rename(columns={"index": "_row"})
    pairs = rows.merge(shares, on="_new_part", how="left")
    pairs["share"] = pairs["share"].fillna(0.0)
    assigned = pairs.groupby("_row")["share"].sum()
    rest = rows.set_index("_row").assign(share=np.clip(1.0 - assigned.reindex(rows["_row"]).fillna(0.0).to_numpy(), 0, 1))
    rest = rest[rest["share"] > 1e-9].reset_index().assign(base_DLBM="", base_DLMC="")
    pairs = pd.concat([pairs.dropna(subset=["base_DLBM"]), rest], ignore_index=True)
    pairs["area_m2"] = pairs["area_m2"] * pairs["share"]
    out = (pairs.groupby(["base_DLBM", "base_DLMC"], sort=False)
           .agg(parts=("_row", "nunique"), area_m2=("area_m2", "sum")).reset_index())
    out["cultivated"] = options.land_groups()[options.cultivated_group].mask(out["base_DLBM"].to_numpy())
    out["area_hm2"] = out["area_m2"] / 10000.0
    return out.sort_values("area_m2", ascending=False, kind="stable").reset_index(drop=True)[columns]


def _run_one(check_id: str, ctx: _Context) -> ComplianceResult:
    started = time.perf_counter()
    if check_id not in CHECKS_BY_ID:
        raise KeyError(tr("Unknown compliance check '{check}'.").format(check=check_id))
    spec = CHECKS_BY_ID[check_id]
    problem = _missing(check_id, ctx.layers, ctx.options, started)
    if problem is not None:
        return problem
    relevant = {role: ctx.layers.get(role) for role in spec.required + spec.optional}
    problem = _input_problem(check_id, relevant, ctx.options, started)
    if problem is not None:
        return problem
    if check_id in ("new_construction", "new_construction_outside_boundary"):
        return _new_check(ctx, check_id, started)
    mask_role = {"redline_construction": "eco_redline", "farmland_occupation": "farmland_protection",
                 "heritage_construction": "heritage_line"}[check_id]
    return _inside_check(ctx, check_id, mask_role, started)


def run_check(check_id: str, layers: Mapping[str, Optional[LayerData]], options: Optional[ComplianceOptions] = None,
              feedback=None) -> ComplianceResult:
    """Run one check. ``layers`` maps role ids (``dltb``, ``eco_redline`` …) to LayerData or None.

    ``feedback`` is optional and duck-typed: an object with ``setProgress(percent)`` and
    ``isCanceled()`` (a QgsProcessingFeedback fits); cancelling raises ComplianceCanceled.
    """
    return _run_one(check_id, _Context(layers, options or ComplianceOptions(), feedback))


def run_checks(layers: Mapping[str, Optional[LayerData]], options: Optional[ComplianceOptions] = None,
               checks: Optional[Iterable[str]] = None, feedback=None) -> Dict[str, ComplianceResult]:
    """Run several checks (default: all five) sharing the layer reads and the new-construction overlay."""
    ctx = _Context(layers, options or ComplianceOptions(), None)
    wanted = list(checks) if checks is not None else [spec.id for spec in CHECKS]
    results = {}
    for position, check_id in enumerate(wanted):
        ctx.feedback = _Scaled(feedback, position, len(wanted)) if feedback is not None else None
        results[check_id] = _run_one(check_id, ctx)
    return results


class _Scaled:
    """Maps one check's 0-100 progress into its slice of a multi-check run."""

    def __init__(self, feedback, position: int, total: int):
        self.feedback, self.position, self.total = feedback, position, total

    def isCanceled(self) -> bool:  # noqa: N802 (QgsFeedback naming)
        canceled = getattr(self.feedback, "isCanceled", None)
        return bool(canceled()) if callable(canceled) else False

    def setProgress(self, progress: float) -> None:  # noqa: N802
        set_progress = getattr(self.feedback, "setProgress", None)
        if callable(set_progress):
            set_progress((self.position + progress / 100.0) / self.total * 100.0)


# Convenience wrappers with explicit parameters (one per check).

def check_redline_construction(dltb: Optional[LayerData], eco_redline: Optional[LayerData],
                               districts: Optional[LayerData] = None,
                               options: Optional[ComplianceOptions] = None, feedback=None) -> ComplianceResult:
    return run_check("redline_construction", {"dltb": dltb, "eco_redline": eco_redline, "admin_district": districts},
                     options, feedback)


def check_farmland_occupation(dltb: Optional[LayerData], farmland: Optional[LayerData],
                              districts: Optional[LayerData] = None,
                              options: Optional[ComplianceOptions] = None, feedback=None) -> ComplianceResult:
    return run_check("farmland_occupation", {"dltb": dltb, "farmland_protection": farmland,
                                             "admin_district": districts}, options, feedback)


def check_new_construction(dltb: Optional[LayerData], dltb_base: Optional[LayerData],
                           districts: Optional[LayerData] = None,
                           options: Optional[ComplianceOptions] = None, feedback=None) -> ComplianceResult:
    return run_check("new_construction", {"dltb": dltb, "dltb_base": dltb_base, "admin_district": districts},
                     options, feedback)


def check_new_construction_outside_boundary(dltb: Optional[LayerData], dltb_base: Optional[LayerData],
                                            urban_boundary: Optional[LayerData],
                                            districts: Optional[LayerData] = None,
                                            options: Optional[ComplianceOptions] = None,
                                            feedback=None) -> ComplianceResult:
    return run_check("new_construction_outside_boundary",
                     {"dltb": dltb, "dltb_base": dltb_base, "urban_boundary": urban_boundary,
                      "admin_district": districts}, options, feedback)


def check_heritage_construction(dltb: Optional[LayerData], heritage_line: Optional[LayerData],
                                districts: Optional[LayerData] = None,
                                options: Optional[ComplianceOptions] = None, dltb_base: Optional[LayerData] = None,
                                feedback=None) -> ComplianceResult:
    return run_check("heritage_construction", {"dltb": dltb, "heritage_line": heritage_line,
                                               "admin_district": districts, "dltb_base": dltb_base},
                     options, feedback)


def combine(results: Mapping[str, ComplianceResult]) -> Tuple[LayerData, pd.DataFrame]:
    """All violations of several results in one LayerData, and their summaries stacked."""
    ran = [result for result in results.values() if result.ran and len(result.violations)]
    if not ran:
        crs = next((r.violations.crs for r in results.values() if r.violations.crs), "")
        empty = _empty_violations(crs)
        return empty, pd.DataFrame(columns=list(SUMMARY_COLUMNS))
    geoms = np.concatenate([r.violations.geometries for r in ran])
    table = pd.concat([r.violations.attributes for r in ran], ignore_index=True)
    fids = np.concatenate([np.asarray(r.violations.fids) for r in ran])
    layer = LayerData("compliance_violations", geoms, table, fids, crs=ran[0].violations.crs,
                      geometry_type="polygon", source="cityhealth:compliance")
    summary = pd.concat([r.summary for r in results.values() if r.ran and not r.summary.empty], ignore_index=True)
    return layer, summary


def with_options(options: Optional[ComplianceOptions], **changes) -> ComplianceOptions:
    """A copy of ``options`` (or the defaults) with some fields changed."""
    return replace(options or ComplianceOptions(), **changes)
