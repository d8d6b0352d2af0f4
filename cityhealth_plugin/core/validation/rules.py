"""The validation rules: one function per check, vectorised over a layer's features.

Every rule takes what it needs (a ``ValidationInput`` with its role, or the whole
package for cross-layer rules) and returns a list of ``Finding``. Rule ids live in
``findings.Rule``; messages are English through ``tr()`` with placeholders.
"""

from typing import Dict, List, Mapping, Optional, Sequence, Tuple

import numpy as np
import pandas as pd
import shapely

from ..i18n import tr
from ..landuse.codes import CodeTable, normalise_codes
from ..roles.recognition import LayerInfo, field_mapping, geometry_compatible
from ..roles.registry import ROLES, Role
from .encoding import garbled_mask
from .findings import (
    ACTION_ASSIGN_ROLE,
    ACTION_REPAIR,
    ACTION_REPROJECT,
    ACTION_SET_ENCODING,
    ERROR,
    INFO,
    WARNING,
    Finding,
    Rule,
    ValidationInput,
)

# CRSs that are geographic (degrees) although only their authority id is known.
GEOGRAPHIC_AUTHIDS = {"EPSG:4326", "EPSG:4490", "EPSG:4214", "EPSG:4610", "EPSG:4555", "OGC:CRS84", "CRS:84"}
EXAMPLES = 5  # how many example values a message quotes
DEFAULT_AREA_TOLERANCE = 0.05  # m²; 三调 areas carry two decimals
ID_FIELDS = {"admin_district": ("XZQDM",), "admin_subdistrict": ("JDDM",)}  # plus BSM wherever mapped
DLTB_ROLES = ("dltb", "dltb_base")
NUMERIC_KINDS = ("int", "real")


# --------------------------------------------------------------------------------------
# helpers
# --------------------------------------------------------------------------------------

def _finding(item: ValidationInput, role_id: str, severity: str, rule: str, message: str,
             count: int = 0, fids=None, fix: str = "", action: str = "") -> Finding:
    return Finding(severity, item.info.name, role_id, rule, message, int(count),
                   [int(f) for f in (fids if fids is not None else [])], fix, action, item.info.layer_id)


def _fids(item: ValidationInput, mask: np.ndarray) -> List[int]:
    return item.data.fids[np.asarray(mask, dtype=bool)].astype("int64").tolist()


def mapping_of(role: Role, item: ValidationInput) -> Dict[str, Optional[str]]:
    if item.mapping is not None:
        return item.mapping
    names = list(item.data.attributes.columns) if item.data is not None else list(item.info.field_names)
    return field_mapping(role, names)


def _column(item: ValidationInput, actual: Optional[str]) -> Optional[pd.Series]:
    if item.data is None or not actual:
        return None
    return item.data.column(actual)


def _kind(item: ValidationInput, actual: str, series: Optional[pd.Series]) -> str:
    """'text', 'int', 'real', 'date', 'other' or '' (unknown)."""
    for name, kind in item.field_kinds.items():
        if name.lower() == actual.lower():
            return kind
    if series is None:
        return ""
    if pd.api.types.is_bool_dtype(series):
        return "other"
    if pd.api.types.is_integer_dtype(series):
        return "int"
    if pd.api.types.is_float_dtype(series):
        return "real"
    if pd.api.types.is_object_dtype(series) or pd.api.types.is_string_dtype(series):
        present = series.dropna()
        if len(present) and present.map(type).eq(str).all():
            return "text"
        return ""
    return "other"


def _normalised(values) -> np.ndarray:
    """``normalise_codes``, computed once per distinct value (a city has few distinct codes)."""
    series = values if isinstance(values, pd.Series) else pd.Series(values, dtype="object")
    codes, uniques = pd.factorize(series.astype("object"))
    if len(uniques) == len(series):
        return normalise_codes(series)
    table = np.append(normalise_codes(np.asarray(uniques, dtype=object)), "").astype(object)
    return table[codes]  # -1 (missing) picks the trailing ''


def _by_distinct(func, *arrays) -> np.ndarray:
    """``func(*arrays)`` evaluated on the distinct combinations of values only, then spread back."""
    arrays = [np.asarray(a, dtype=object) for a in arrays]
    if len(arrays[0]) == 0:
        return np.asarray(func(*arrays), dtype=bool)
    key = np.zeros(len(arrays[0]), dtype=np.int64)
    for array in arrays:
        codes, uniques = pd.factorize(array)
        key = key * (len(uniques) + 1) + (codes + 1)
    _, first, inverse = np.unique(key, return_index=True, return_inverse=True)
    return np.asarray(func(*[a[first] for a in arrays]), dtype=bool)[inverse]


def _examples(values: pd.Series) -> str:
    """'0199' ×2, '' ×1 — the most frequent offending values."""
    counts = pd.Series(values, dtype="object").value_counts(dropna=False).head(EXAMPLES)
    return ", ".join("'{}' ×{}".format(value, n) for value, n in counts.items())


def is_geographic(info: LayerInfo) -> bool:
    return bool(info.crs_is_geographic) or info.crs_authid.upper() in GEOGRAPHIC_AUTHIDS


def layer_extent(item: ValidationInput, work_crs: str) -> Optional[Tuple[float, float, float, float]]:
    """The layer's extent in the working CRS, or None when unknown."""
    if item.extent is not None:
        return tuple(float(v) for v in item.extent)
    data = item.data
    if data is None or len(data) == 0 or not data.crs or data.crs.upper() != work_crs.upper():
        return None
    geoms = data.geometries
    keep = ~(shapely.is_missing(geoms) | shapely.is_empty(geoms))
    if not keep.any():
        return None
    bounds = shapely.total_bounds(geoms[keep])
    if not np.all(np.isfinite(bounds)):
        return None
    return tuple(float(v) for v in bounds)


def _overlaps(a, b) -> bool:
    return not (a[2] < b[0] or b[2] < a[0] or a[3] < b[1] or b[3] < a[1])


# --------------------------------------------------------------------------------------
# package-level rules
# --------------------------------------------------------------------------------------

def check_mandatory_roles(package: Mapping[str, ValidationInput], roles: Sequence[Role] = ROLES) -> List[Finding]:
    found = []
    for role in roles:
        if role.mandatory and package.get(role.id) is None:
            found.append(Finding(
                ERROR, "", role.id, Rule.ROLE_MISSING,
                tr("No layer is assigned to the mandatory role '{role}'.").format(role=role.display_name()),
                fix=tr("Open the data package that holds this layer, or pick the layer for '{role}' in the "
                       "Data panel (its standard name is {name}).").format(role=role.display_name(),
                                                                          name=role.standard_name),
                action=ACTION_ASSIGN_ROLE))
    return found


def check_unassigned_layers(unassigned: Sequence[LayerInfo]) -> List[Finding]:
    return [Finding(INFO, info.name, "", Rule.LAYER_UNASSIGNED,
                    tr("Layer '{layer}' was not recognised as any role and is not used.").format(layer=info.name),
                    fix=tr("If the health check needs it, assign its role in the Data panel."),
                    action=ACTION_ASSIGN_ROLE, layer_id=info.layer_id)
            for info in unassigned]


def check_crs_mismatch(package: Mapping[str, ValidationInput], work_crs: str) -> List[Finding]:
    """Layers whose (projected) CRS differs from the one most layers use."""
    crs_of = {rid: item.info.crs_authid for rid, item in package.items()
              if item is not None and item.info.crs_authid and not is_geographic(item.info)}
    distinct = set(crs_of.values())
    if len(distinct) < 2:
        return []
    counts = pd.Series(list(crs_of.values())).value_counts()
    top = counts[counts == counts.max()].index.tolist()
    common = work_crs if work_crs in top else sorted(top)[0]
    found = []
    for rid, crs in crs_of.items():
        if crs == common:
            continue
        item = package[rid]
        found.append(_finding(
            item, rid, WARNING, Rule.CRS_MISMATCH,
            tr("Layer '{layer}' is in {crs} while {n} other layer(s) are in {common}.").format(
                layer=item.info.name, crs=_short_crs(crs), n=int(counts[common]), common=_short_crs(common)),
            fix=tr("CityHealth reprojects every layer into the working CRS {work} when it reads it; check that "
                   "the layers line up on the map, or write a reprojected copy.").format(work=work_crs),
            action=ACTION_REPROJECT))
    return found


def _short_crs(crs: str) -> str:
    return crs if len(crs) <= 40 else crs[:37] + "..."


def check_extents(package: Mapping[str, ValidationInput], work_crs: str) -> List[Finding]:
    """Layers that lie outside the district layer (or, without one, away from every other layer)."""
    extents = {rid: layer_extent(item, work_crs) for rid, item in package.items() if item is not None}
    extents = {rid: ext for rid, ext in extents.items() if ext is not None}
    found = []
    district = extents.get("admin_district")
    for rid, ext in extents.items():
        if rid == "admin_district":
            continue
        item = package[rid]
        if district is not None:
            if _overlaps(ext, district):
                continue
            message = tr("Layer '{layer}' does not overlap the district layer '{district}': its extent is "
                         "elsewhere.").format(layer=item.info.name, district=package["admin_district"].info.name)
        else:
            others = [other for orid, other in extents.items() if orid != rid]
            if not others or any(_overlaps(ext, other) for other in others):
                continue
            message = tr("Layer '{layer}' overlaps none of the other layers: its extent is elsewhere.").format(
                layer=item.info.name)
        found.append(_finding(
            item, rid, WARNING, Rule.EXTENT_NO_OVERLAP, message, count=item.info.feature_count
            if item.info.feature_count >= 0 else 0,
            fix=tr("Check that the layer covers the same city and that its CRS is declared correctly (a wrong "
                   "CRS moves a layer far away).")))
    return found


# --------------------------------------------------------------------------------------
# per-layer rules
# --------------------------------------------------------------------------------------

def check_geometry_type(role: Role, item: ValidationInput) -> List[Finding]:
    if geometry_compatible(role, item.info.geometry_type):
        return []
    wanted = {"point_or_polygon": tr("point or polygon"), "point": tr("point"), "line": tr("line"),
              "polygon": tr("polygon")}.get(role.geometry, role.geometry)
    return [_finding(item, role.id, ERROR, Rule.ROLE_GEOMETRY,
                     tr("Layer '{layer}' has {found} geometries, but the role '{role}' needs {wanted} geometries.").format(
                         layer=item.info.name, found=item.info.geometry_type, role=role.display_name(), wanted=wanted),
                     fix=tr("Assign a layer of the right geometry type to this role."),
                     action=ACTION_ASSIGN_ROLE)]


def check_empty_layer(role: Role, item: ValidationInput) -> List[Finding]:
    count = len(item.data) if item.data is not None else item.info.feature_count
    if count != 0:
        return []
    return [_finding(item, role.id, ERROR if role.mandatory else WARNING, Rule.LAYER_EMPTY,
                     tr("Layer '{layer}' has no features.").format(layer=item.info.name),
                     fix=tr("Assign the layer that holds the data for '{role}', or check the layer's filter."
                            ).format(role=role.display_name()),
                     action=ACTION_ASSIGN_ROLE)]


def check_crs(role: Role, item: ValidationInput, work_crs: str) -> List[Finding]:
    info = item.info
    if not info.crs_authid:
        return [_finding(item, role.id, ERROR, Rule.CRS_MISSING,
                         tr("Layer '{layer}' has no coordinate reference system.").format(layer=info.name),
                         fix=tr("Set the layer's CRS (Layer Properties > Source > Assigned CRS, or add the .prj "
                                "file of a shapefile); CityHealth cannot measure areas or distances without it."))]
    if is_geographic(info):
        return [_finding(item, role.id, WARNING, Rule.CRS_GEOGRAPHIC,
                         tr("Layer '{layer}' is in the geographic CRS {crs} (degrees); areas and distances need a "
                            "projected CRS in metres.").format(layer=info.name, crs=_short_crs(info.crs_authid)),
                         fix=tr("CityHealth reprojects it into the working CRS {work} when reading it. To keep a "
                                "metric copy, reproject it into a new layer (the source layer is not changed)."
                                ).format(work=work_crs),
                         action=ACTION_REPROJECT)]
    return []


def check_geometries(role: Role, item: ValidationInput) -> List[Finding]:
    data = item.data
    if data is None or len(data) == 0 or data.geometry_type == "none":
        return []
    geoms = data.geometries
    missing = shapely.is_missing(geoms)
    empty = missing | shapely.is_empty(geoms)
    found = []
    if empty.any():
        found.append(_finding(
            item, role.id, WARNING, Rule.GEOMETRY_EMPTY,
            tr("Layer '{layer}' has {count} feature(s) with an empty or missing geometry.").format(
                layer=item.info.name, count=int(empty.sum())),
            count=int(empty.sum()), fids=_fids(item, empty),
            fix=tr("They are left out of every measure. Delete them or draw their geometry.")))
    invalid = np.zeros(len(geoms), dtype=bool)
    present = ~empty
    invalid[present] = ~shapely.is_valid(geoms[present])
    if invalid.any():
        first = np.flatnonzero(invalid)[0]
        reason = shapely.is_valid_reason(geoms[first])
        found.append(_finding(
            item, role.id, ERROR, Rule.GEOMETRY_INVALID,
            tr("Layer '{layer}' has {count} feature(s) with an invalid geometry, e.g. feature {fid}: {reason}.").format(
                layer=item.info.name, count=int(invalid.sum()), fid=int(data.fids[first]), reason=reason),
            count=int(invalid.sum()), fids=_fids(item, invalid),
            fix=tr("Repair them into a new layer (CityHealth makes them valid without changing the source) and "
                   "assign the repaired layer to this role, or fix them in the source data."),
            action=ACTION_REPAIR))
    return found


def check_required_fields(role: Role, item: ValidationInput) -> List[Finding]:
    mapping = mapping_of(role, item)
    found = []
    for spec in role.required:
        if mapping.get(spec.standard):
            continue
        looked = ", ".join([spec.standard] + list(spec.aliases))
        found.append(_finding(
            item, role.id, ERROR, Rule.FIELD_MISSING,
            tr("Layer '{layer}' lacks the field {field} ({label}); looked for: {names}.").format(
                layer=item.info.name, field=spec.standard, label=tr(spec.label), names=looked),
            fix=tr("Rename the field to {field}, or map the layer's field to {field} in the Data panel.").format(
                field=spec.standard)))
    return found


def _padded_dlbm(codes: np.ndarray, table: CodeTable) -> np.ndarray:
    """True where a code is a valid 三调 code once a leading zero is put back (101 -> 0101)."""
    series = pd.Series(codes, dtype="object")
    short = _by_distinct(lambda c: pd.Series(c, dtype="object").str.fullmatch(r"\d{3}").fillna(False)
                         .to_numpy(dtype=bool), codes)
    if not short.any():
        return short
    padded = np.zeros(len(codes), dtype=bool)
    padded[short] = ~_by_distinct(table.invalid_dlbm, ("0" + series[short]).to_numpy(dtype=object))
    return padded


def check_field_types(role: Role, item: ValidationInput, table: CodeTable) -> List[Finding]:
    """Numbers stored as text, and codes stored as numbers (lost leading zeros)."""
    mapping = mapping_of(role, item)
    found = []
    for spec in list(role.required) + list(role.optional):
        actual = mapping.get(spec.standard)
        if not actual:
            continue
        series = _column(item, actual)
        kind = _kind(item, actual, series)
        if spec.kind in NUMERIC_KINDS and kind == "text" and series is not None:
            present = series.notna() & series.astype(str).str.strip().ne("")
            numbers = pd.to_numeric(series, errors="coerce")
            bad = (present & numbers.isna()).to_numpy(dtype=bool)
            if bad.any():
                found.append(_finding(
                    item, role.id, ERROR, Rule.FIELD_NOT_NUMERIC,
                    tr("Field {field} of layer '{layer}' is text, and {count} value(s) are not numbers (e.g. "
                       "{examples}).").format(field=actual, layer=item.info.name, count=int(bad.sum()),
                                              examples=_examples(series[bad])),
                    count=int(bad.sum()), fids=_fids(item, bad),
                    fix=tr("Store {field} as a decimal number field and correct the values; those features "
                           "count as missing.").format(field=actual)))
            else:
                found.append(_finding(
                    item, role.id, WARNING, Rule.FIELD_NOT_NUMERIC,
                    tr("Field {field} of layer '{layer}' holds numbers as text.").format(
                        field=actual, layer=item.info.name),
                    fix=tr("CityHealth converts the values; to be safe store {field} as a decimal number field."
                           ).format(field=actual)))
        elif spec.kind == "code" and kind in NUMERIC_KINDS:
            if spec.standard == "DLBM" and series is not None:
                codes = _normalised(series)
                lost = _padded_dlbm(codes, table)
                found.append(_finding(
                    item, role.id, ERROR, Rule.DLBM_LEADING_ZERO,
                    tr("Field {field} of layer '{layer}' is a number field, so land-class codes lost their "
                       "leading zero ({count} feature(s), e.g. 101 instead of 0101).").format(
                        field=actual, layer=item.info.name, count=int(lost.sum())),
                    count=int(lost.sum()), fids=_fids(item, lost),
                    fix=tr("Store {field} as a 4-character text field and pad the codes with zeros "
                           "(e.g. lpad(\"{field}\", 4, '0') in the field calculator).").format(field=actual)))
            else:
                found.append(_finding(
                    item, role.id, WARNING, Rule.FIELD_CODE_NUMERIC,
                    tr("Field {field} of layer '{layer}' is a number field, but it holds codes; codes with "
                       "letters or leading zeros cannot be stored.").format(field=actual, layer=item.info.name),
                    fix=tr("Store {field} as a text field.").format(field=actual)))
    return found


def check_landuse_codes(role: Role, item: ValidationInput, table: CodeTable) -> List[Finding]:
    """DLBM against the 三调 table, CZCSXM values, and CZCSXM/DLBM combinations."""
    mapping = mapping_of(role, item)
    dlbm_field, czcs_field = mapping.get("DLBM"), mapping.get("CZCSXM")
    dlbm_series, czcs_series = _column(item, dlbm_field), _column(item, czcs_field)
    found = []
    codes = _normalised(dlbm_series) if dlbm_series is not None else None
    usable = None  # codes as they should read (leading zeros restored), '' where invalid
    if codes is not None:
        lost = _padded_dlbm(codes, table)
        numeric = _kind(item, dlbm_field, dlbm_series) in NUMERIC_KINDS
        if lost.any() and not numeric:  # a numeric field is reported by check_field_types
            found.append(_finding(
                item, role.id, ERROR, Rule.DLBM_LEADING_ZERO,
                tr("Field {field} of layer '{layer}' has {count} code(s) that lost their leading zero "
                   "(e.g. {examples}; 101 should be 0101).").format(
                    field=dlbm_field, layer=item.info.name, count=int(lost.sum()), examples=_examples(codes[lost])),
                count=int(lost.sum()), fids=_fids(item, lost),
                fix=tr("Pad the codes with zeros to 4 characters (lpad(\"{field}\", 4, '0') in the field "
                       "calculator).").format(field=dlbm_field)))
        invalid = _by_distinct(table.invalid_dlbm, codes) & ~lost
        usable = codes.copy()
        usable[lost] = np.char.add("0", codes[lost].astype(str)).astype(object)
        if invalid.any():
            found.append(_finding(
                item, role.id, ERROR, Rule.DLBM_INVALID,
                tr("Field {field} of layer '{layer}' has {count} value(s) that are not 三调 land-class codes: "
                   "{examples}.").format(field=dlbm_field, layer=item.info.name, count=int(invalid.sum()),
                                         examples=_examples(codes[invalid])),
                count=int(invalid.sum()), fids=_fids(item, invalid),
                fix=tr("Correct the codes to the 三调工作分类 (e.g. 0101 水田, 0701 城镇住宅用地); these features "
                       "are not counted in any land-use class.")))
    if czcs_series is not None:
        attrs = _normalised(czcs_series)
        bad_attr = _by_distinct(table.invalid_czcsxm, attrs)
        if bad_attr.any():
            found.append(_finding(
                item, role.id, ERROR, Rule.CZCSXM_INVALID,
                tr("Field {field} of layer '{layer}' has {count} value(s) that are not 城镇村属性码: {examples}."
                   ).format(field=czcs_field, layer=item.info.name, count=int(bad_attr.sum()),
                            examples=_examples(attrs[bad_attr])),
                count=int(bad_attr.sum()), fids=_fids(item, bad_attr),
                fix=tr("Use 201, 201A, 202, 202A, 203, 203A, 204 or 205, or leave it blank outside "
                       "urban, town and village land.")))
        if usable is not None:
            combo = _by_distinct(table.bad_combinations, usable, attrs) & ~bad_attr & ~invalid
            if combo.any():
                pairs = pd.Series(attrs[combo], dtype="object") + " / " + pd.Series(usable[combo], dtype="object")
                found.append(_finding(
                    item, role.id, WARNING, Rule.CZCSXM_COMBINATION,
                    tr("Layer '{layer}' has {count} feature(s) whose {czcs} does not fit their {dlbm} "
                       "(CZCSXM / DLBM: {examples}).").format(
                        layer=item.info.name, count=int(combo.sum()), czcs=czcs_field, dlbm=dlbm_field,
                        examples=_examples(pairs)),
                    count=int(combo.sum()), fids=_fids(item, combo),
                    fix=tr("201A/202A/203A go only with 0601 工业用地, 204 with 0602/0603/1201, 205 with 09; "
                           "correct the code or the attribute.")))
    return found


def check_areas(role: Role, item: ValidationInput, tolerance: float = DEFAULT_AREA_TOLERANCE) -> List[Finding]:
    """TBDLMJ = TBMJ − KCMJ, and TBDLMJ present."""
    mapping = mapping_of(role, item)
    tbdlmj_field = mapping.get("TBDLMJ")
    tbdlmj = _column(item, tbdlmj_field)
    if tbdlmj is None:
        return []
    found = []
    value = pd.to_numeric(tbdlmj, errors="coerce").to_numpy(dtype=float)
    null = np.isnan(value)
    if null.any():
        found.append(_finding(
            item, role.id, WARNING, Rule.AREA_NULL,
            tr("Field {field} of layer '{layer}' is empty for {count} feature(s).").format(
                field=tbdlmj_field, layer=item.info.name, count=int(null.sum())),
            count=int(null.sum()), fids=_fids(item, null),
            fix=tr("Fill {field} (图斑地类面积); until then CityHealth uses the ellipsoidal area of those "
                   "patches, which differs slightly from the official figure.").format(field=tbdlmj_field)))
    tbmj = _column(item, mapping.get("TBMJ"))
    kcmj = _column(item, mapping.get("KCMJ"))
    if tbmj is not None and kcmj is not None:
        total = pd.to_numeric(tbmj, errors="coerce").to_numpy(dtype=float)
        deducted = np.nan_to_num(pd.to_numeric(kcmj, errors="coerce").to_numpy(dtype=float), nan=0.0)
        with np.errstate(invalid="ignore"):
            off = ~null & ~np.isnan(total) & (np.abs(value - (total - deducted)) > tolerance)
        if off.any():
            first = np.flatnonzero(off)[0]
            found.append(_finding(
                item, role.id, WARNING, Rule.AREA_MISMATCH,
                tr("Layer '{layer}': {tbdlmj} differs from {tbmj} − {kcmj} by more than {tol} m² for {count} "
                   "feature(s) (e.g. feature {fid}: {a} ≠ {b} − {c}).").format(
                    layer=item.info.name, tbdlmj=tbdlmj_field, tbmj=mapping.get("TBMJ"), kcmj=mapping.get("KCMJ"),
                    tol=tolerance, count=int(off.sum()), fid=int(item.data.fids[first]),
                    a=round(float(value[first]), 2), b=round(float(total[first]), 2),
                    c=round(float(deducted[first]), 2)),
                count=int(off.sum()), fids=_fids(item, off),
                fix=tr("CityHealth uses {tbdlmj} as given; recompute it as {tbmj} − {kcmj} if the survey data "
                       "was edited.").format(tbdlmj=tbdlmj_field, tbmj=mapping.get("TBMJ"), kcmj=mapping.get("KCMJ"))))
    return found


def check_encoding(role: Role, item: ValidationInput) -> List[Finding]:
    found = []
    if item.encoding_note:
        found.append(_finding(
            item, role.id, INFO, Rule.ENCODING_GBK,
            tr("Layer '{layer}' is a shapefile without a .cpg file; its text is {encoding}-encoded and was read "
               "as {encoding}.").format(layer=item.info.name, encoding=item.encoding_note),
            fix=tr("Add a .cpg file next to the .shp (same name, containing the single word {encoding}) so that "
                   "every program reads the Chinese text correctly.").format(encoding=item.encoding_note)))
    data = item.data
    if data is None or len(data) == 0:
        return found
    for column in data.attributes.columns:
        series = data.attributes[column]
        if not (pd.api.types.is_object_dtype(series) or pd.api.types.is_string_dtype(series)):
            continue
        garbled = garbled_mask(series)
        if garbled.any():
            first = series[garbled].iloc[0]
            found.append(_finding(
                item, role.id, ERROR, Rule.ENCODING_MOJIBAKE,
                tr("Field {field} of layer '{layer}' has {count} garbled text value(s) (e.g. '{example}'): the "
                   "layer was read with the wrong text encoding.").format(
                    field=column, layer=item.info.name, count=int(garbled.sum()), example=first),
                count=int(garbled.sum()), fids=_fids(item, garbled),
                fix=tr("Set the layer's data source encoding to the right one (usually GBK or UTF-8; Layer "
                       "Properties > Source), or add a .cpg file naming it next to the .shp."),
                action=ACTION_SET_ENCODING))
    return found


def check_duplicate_ids(role: Role, item: ValidationInput) -> List[Finding]:
    mapping = mapping_of(role, item)
    wanted = list(ID_FIELDS.get(role.id, ()))
    if "BSM" in mapping or (item.data is not None and item.data.column("BSM") is not None):
        wanted.append("BSM")
    found = []
    for standard in wanted:
        actual = mapping.get(standard) or standard
        series = _column(item, actual)
        if series is None:
            continue
        keys = pd.Series(_normalised(series), dtype="object")
        present = keys.ne("")
        dup = (present & keys.duplicated(keep=False)).to_numpy(dtype=bool)
        if not dup.any():
            continue
        values = keys[dup]
        found.append(_finding(
            item, role.id, ERROR if standard != "BSM" else WARNING, Rule.ID_DUPLICATE,
            tr("Field {field} of layer '{layer}' should identify each feature, but {values} value(s) occur more "
               "than once ({count} features; e.g. {examples}).").format(
                field=series.name, layer=item.info.name, values=int(values.nunique()), count=int(dup.sum()),
                examples=_examples(values)),
            count=int(dup.sum()), fids=_fids(item, dup),
            fix=(tr("Give every feature its own {field}.") if standard == "BSM" else
                 tr("Give every unit its own {field}; merge the parts of one unit into a single (multi-part) "
                    "feature.")).format(field=series.name)))
    return found
