"""Screening: which questionnaires are valid, and why the others are not.

Rules (each configurable in ``ScreeningRules``; a row can fail several):

* ``incomplete``        more than ``max_missing_share`` of the Likert questions unanswered
                        (blank or a "no opinion" label such as 不清楚);
* ``straight_lining``   every answered Likert question has the same score, over at least
                        ``straightline_min_items`` answers;
* ``too_fast``          answer time below ``min_seconds`` or below ``median_ratio`` × the
                        median answer time (only when answer times were mapped);
* ``duplicate_id``      the same respondent id as an earlier row;
* ``duplicate_answers`` the same answers and the same attributes as an earlier row;
* ``outside_city``      the location lies in none of the district polygons;
* ``unknown_district``  the district answer is not one of the known districts;
* ``missing_attribute`` a blank in an attribute listed in ``require_attributes`` (those
                        used for weighting).

Duplicates keep the first occurrence. Everything is computed on whole columns at once; the
point-in-polygon test uses one STRtree query.
"""

from dataclasses import dataclass, field
from typing import Dict, List, Mapping, Optional, Sequence, Tuple, Union

import numpy as np
import pandas as pd
import shapely

from ..i18n import tr
from .importer import SurveyData, SurveyError
from .mapping import normalise_category

REASONS: Tuple[str, ...] = (
    "incomplete",
    "straight_lining",
    "too_fast",
    "duplicate_id",
    "duplicate_answers",
    "outside_city",
    "unknown_district",
    "missing_attribute",
)
CONTENT_ATTRIBUTES = ("district", "community", "age", "education", "occupation", "years_resident")


def reason_labels() -> Dict[str, str]:
    return {
        "incomplete": tr("Too many questions unanswered"),
        "straight_lining": tr("Same answer to every question"),
        "too_fast": tr("Answered too fast"),
        "duplicate_id": tr("Duplicate respondent id"),
        "duplicate_answers": tr("Duplicate of an earlier questionnaire"),
        "outside_city": tr("Location outside the city's districts"),
        "unknown_district": tr("District not among the city's districts"),
        "missing_attribute": tr("Attribute needed for weighting is blank"),
    }


@dataclass
class ScreeningRules:
    max_missing_share: float = 0.2  # reject when the unanswered share is larger
    straightline_min_items: int = 10  # all answers equal over at least this many answered items
    min_seconds: Optional[float] = 60.0  # reject answer times below this (None: no absolute limit)
    median_ratio: Optional[float] = 1.0 / 3.0  # ... or below this share of the median (None: off)
    check_duplicate_ids: bool = True
    check_duplicate_answers: bool = True
    known_districts: Optional[Sequence[str]] = None  # None: no name check
    require_attributes: Sequence[str] = ()  # e.g. the attributes used for weighting
    required_valid: int = 3000  # valid questionnaires the work plan asks for


def _polygonal(geom):
    """The polygon parts of a repaired geometry (make_valid may add stray lines or points)."""
    if geom is None or geom.geom_type in ("Polygon", "MultiPolygon"):
        return geom
    parts = [p for p in shapely.get_parts(geom) if p.geom_type in ("Polygon", "MultiPolygon")]
    return shapely.union_all(parts) if parts else shapely.Polygon()


@dataclass
class DistrictPolygons:
    """District polygons in the CRS of the respondents' x/y (lon/lat when the mapping says so)."""

    names: Sequence[str]
    geometries: Sequence  # shapely polygons / multipolygons, same order as names

    def __post_init__(self):
        self.names = [str(n) for n in self.names]
        geoms = np.asarray(self.geometries, dtype=object)
        if len(geoms) != len(self.names):
            raise SurveyError(tr("{names} district names but {polygons} polygons were given.").format(
                names=len(self.names), polygons=len(geoms)))
        self.geometries = np.array([_polygonal(g) for g in shapely.make_valid(geoms)], dtype=object)  # a handful of districts
        for geom in self.geometries:
            shapely.prepare(geom)

    def locate(self, x, y) -> np.ndarray:
        """The district name containing each point (None outside all, or without coordinates)."""
        x = np.asarray(x, dtype=float)
        y = np.asarray(y, dtype=float)
        result = np.full(len(x), None, dtype=object)
        ok = np.isfinite(x) & np.isfinite(y)
        if not ok.any():
            return result
        px, py = x[ok], y[ok]
        located = np.full(len(px), None, dtype=object)
        # one vectorised test per district (prepared polygon, bounding-box prefilter); on a shared
        # border the first district in the list wins
        for name, geom in zip(self.names, self.geometries):
            if geom is None or geom.is_empty:
                continue
            minx, miny, maxx, maxy = geom.bounds
            candidates = np.flatnonzero((located == None) & (px >= minx) & (px <= maxx) & (py >= miny) & (py <= maxy))  # noqa: E711
            if len(candidates):
                inside = shapely.intersects_xy(geom, px[candidates], py[candidates])
                located[candidates[inside]] = name
        result[np.flatnonzero(ok)] = located
        return result


@dataclass
class ScreeningResult:
    flags: pd.DataFrame  # one bool column per reason, index = respondents
    valid: pd.Series  # bool
    reasons: pd.Series  # ';'-joined reason codes ('' for valid rows)
    counts: pd.DataFrame  # reason, label, rejected (rows with that reason), only_reason
    rules: ScreeningRules
    thresholds: Dict[str, float]  # what the rules resolved to (e.g. the too-fast seconds)
    located_district: Optional[pd.Series] = None  # district polygon each location falls in
    messages: List[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.valid)

    @property
    def valid_count(self) -> int:
        return int(self.valid.sum())

    @property
    def rejected_count(self) -> int:
        return self.total - self.valid_count

    @property
    def meets_requirement(self) -> bool:
        return self.valid_count >= self.rules.required_valid

    def rejected_table(self, data: SurveyData) -> pd.DataFrame:
        """Row, respondent id and translated reasons of every rejected questionnaire."""
        labels = reason_labels()
        rejected = ~self.valid
        flags = self.flags[rejected]
        text = pd.Series("", index=flags.index, dtype=object)
        for reason in REASONS:
            hit = flags[reason]
            text = text.where(~hit, text + np.where(text == "", "", "; ") + labels[reason])
        ids = data.attribute("respondent_id")
        return pd.DataFrame({
            "row": data.row_numbers[rejected],
            "respondent_id": ids[rejected] if ids is not None else None,
            "reasons": self.reasons[rejected],
            "reason_text": text,
        })


def _content_key(data: SurveyData) -> pd.Series:
    """A 64-bit hash per row of the answers and the respondent attributes (not id, time, place)."""
    parts = [data.answers.round(6)]
    attrs = [c for c in CONTENT_ATTRIBUTES if c in data.attributes.columns]
    if attrs:
        parts.append(data.attributes[attrs].astype(object).where(data.attributes[attrs].notna(), "\x00"))
    combined = pd.concat(parts, axis=1)
    combined.columns = range(combined.shape[1])
    return pd.util.hash_pandas_object(combined, index=False)


def screen(data: SurveyData, rules: Optional[ScreeningRules] = None,
           districts: Optional[DistrictPolygons] = None) -> ScreeningResult:
    """Apply the screening rules to every questionnaire at once."""
    rules = rules or ScreeningRules()
    index = data.index
    answers = data.answers
    n_items = answers.shape[1]
    flags = pd.DataFrame(False, index=index, columns=list(REASONS))
    thresholds: Dict[str, float] = {}
    messages: List[str] = []

    answered = answers.notna().sum(axis=1)
    if n_items:
        missing_share = 1.0 - answered / n_items
        flags["incomplete"] = missing_share > rules.max_missing_share + 1e-12
        spread = answers.max(axis=1) - answers.min(axis=1)
        flags["straight_lining"] = (answered >= rules.straightline_min_items) & (spread == 0)

    duration = data.attribute("duration")
    if duration is not None and duration.notna().any():
        limits = []
        if rules.min_seconds is not None:
            limits.append(float(rules.min_seconds))
        if rules.median_ratio is not None:
            median = float(duration.median())
            thresholds["median_seconds"] = median
            limits.append(rules.median_ratio * median)
        if limits:
            thresholds["too_fast_seconds"] = max(limits)
            flags["too_fast"] = duration < thresholds["too_fast_seconds"]
        unknown = int(duration.isna().sum())
        if unknown:
            messages.append(tr("{count} questionnaires have no answer time; the too-fast rule skips them.").format(count=unknown))

    ids = data.attribute("respondent_id")
    if rules.check_duplicate_ids and ids is not None:
        flags["duplicate_id"] = ids.notna() & ids.duplicated(keep="first")
    if rules.check_duplicate_answers and n_items:
        key = _content_key(data)
        flags["duplicate_answers"] = key.duplicated(keep="first").to_numpy() & (answered > 0).to_numpy()

    located = None
    x, y = data.attribute("x"), data.attribute("y")
    if districts is not None and x is not None and y is not None:
        located = pd.Series(districts.locate(x.to_numpy(), y.to_numpy()), index=index, dtype=object)
        has_location = x.notna() & y.notna()
        flags["outside_city"] = has_location & located.isna()
        without = int((~has_location).sum())
        if without:
            messages.append(tr("{count} questionnaires have no location; the outside-the-city rule skips them.").format(count=without))
        district = data.attribute("district")
        if district is not None:
            mismatch = int((located.notna() & district.notna() & (located != district)).sum())
            if mismatch:
                messages.append(tr("{count} respondents' locations lie in another district than the one they named (kept; see located_district).").format(count=mismatch))
    elif districts is not None:
        messages.append(tr("District polygons were given but no x/y columns are mapped; locations are not checked."))

    district = data.attribute("district")
    if rules.known_districts is not None and district is not None:
        known = {normalise_category(d) for d in rules.known_districts}
        flags["unknown_district"] = district.notna() & ~district.isin(known)
    elif rules.known_districts is not None:
        messages.append(tr("Known districts were given but no district column is mapped; district names are not checked."))

    for name in rules.require_attributes:
        column = data.attribute(name)
        if column is None:
            raise SurveyError(tr("Screening needs the attribute '{name}', but no column is mapped to it.").format(name=name))
        flags["missing_attribute"] |= column.isna()

    valid = ~flags.any(axis=1)
    matrix = flags.to_numpy()
    joined = np.full(len(index), "", dtype=object)
    for j, reason in enumerate(REASONS):
        joined = joined + np.where(matrix[:, j], reason + ";", "").astype(object)
    reasons = pd.Series(joined, index=index, dtype=object).str.rstrip(";")
    labels = reason_labels()
    only = matrix & (matrix.sum(axis=1, keepdims=True) == 1)
    counts = pd.DataFrame({
        "reason": list(REASONS),
        "label": [labels[r] for r in REASONS],
        "rejected": matrix.sum(axis=0).astype(int),
        "only_reason": only.sum(axis=0).astype(int),
    })
    result = ScreeningResult(flags, valid, reasons, counts, rules, thresholds, located, messages)
    if not result.meets_requirement:
        messages.append(tr("Only {valid} valid questionnaires; the work plan asks for at least {required}.").format(
            valid=result.valid_count, required=rules.required_valid))
    return result


def districts_from_layer(layer, name_field: str) -> DistrictPolygons:
    """DistrictPolygons from a core ``LayerData`` of district polygons (e.g. XZQ / XZQMC)."""
    names = layer.column(name_field)
    if names is None:
        raise SurveyError(tr("Layer '{layer}' has no field '{field}' with district names.").format(layer=layer.name, field=name_field))
    return DistrictPolygons(list(names.map(normalise_category)), layer.geometries)


def districts_from_mapping(polygons: Union[Mapping[str, object], DistrictPolygons]) -> DistrictPolygons:
    if isinstance(polygons, DistrictPolygons):
        return polygons
    return DistrictPolygons(list(polygons.keys()), list(polygons.values()))
