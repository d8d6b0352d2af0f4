"""Recognising which layer plays which role, and which field is which standard field.

Pure Python (no QGIS): ``qgis_bridge.layers.layer_info`` turns a QGIS layer into a
``LayerInfo``; the headless runner builds the same record from a GeoPackage.

Scoring (``score``) adds three kinds of evidence:

* **geometry** — a wrong geometry type rules the role out (score 0);
* **name** — the layer name equals the role's standard name (3.5), or one of the role's
  name patterns matches it (2 plus the share of the name the match covers, so that
  ``landuse_base`` prefers the more specific pattern);
* **fields** — the share of the role's signature fields and of its required fields found
  (standard names or aliases, case-insensitively), up to 1 each.

A layer whose name matches nothing counts for a role only when the role has a field
signature and every signature field is present. ``recognise`` then solves the one-to-one
assignment maximising the total score (a layer gets at most one role), with ties broken
by how close the layer name is to the standard name.
"""

import difflib
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import PurePath
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

import numpy as np

from .registry import ROLES, Role

EXACT_NAME = 3.5
PATTERN_NAME = 2.0
TIE_BREAK = 0.01  # weight of name closeness; below any real score difference


@dataclass
class LayerInfo:
    """What recognition and validation need to know about a layer, without reading features."""

    layer_id: str
    name: str
    geometry_type: str  # 'point' | 'line' | 'polygon' | 'none'
    field_names: List[str]
    feature_count: int = -1
    crs_authid: str = ""
    crs_is_geographic: bool = False
    source: str = ""


# --------------------------------------------------------------------------------------
# helpers
# --------------------------------------------------------------------------------------

def normalise_name(name: str) -> str:
    """A layer name reduced for matching: no folder, no file suffix, lower case, trimmed."""
    text = str(name or "").strip()
    if " — " in text:  # QGIS names GeoPackage layers 'file — table'
        text = text.rsplit(" — ", 1)[1]
    if "|layername=" in text:
        text = text.split("|layername=", 1)[1].split("|", 1)[0]
    if "/" in text or "\\" in text:
        text = PurePath(text.replace("\\", "/")).name
    text = re.sub(r"\.(shp|gpkg|geojson|json|tab|kml|gml|csv)$", "", text, flags=re.IGNORECASE)
    return text.strip().lower()


@lru_cache(maxsize=None)
def _compiled(pattern: str):
    return re.compile(pattern, re.IGNORECASE)


def geometry_compatible(role: Role, geometry_type: str) -> bool:
    """Whether a layer of ``geometry_type`` can play ``role``."""
    if role.geometry == "point_or_polygon":
        return geometry_type in ("point", "polygon")
    return geometry_type == role.geometry


def name_score(role: Role, name: str) -> float:
    """Evidence from the layer name alone (0 when nothing matches)."""
    text = normalise_name(name)
    if not text:
        return 0.0
    if text == role.standard_name.lower():
        return EXACT_NAME
    best = 0.0
    for pattern in role.name_patterns:
        match = _compiled(pattern).search(text)
        if match:
            covered = max(len(match.group(0)), 1) / len(text)
            best = max(best, PATTERN_NAME + min(covered, 1.0))
    return best


def closeness(role: Role, name: str) -> float:
    """0..1, how similar the layer name is to the role's standard name."""
    return difflib.SequenceMatcher(None, normalise_name(name), role.standard_name.lower()).ratio()


def _candidates(spec) -> List[str]:
    return [spec.standard] + list(spec.aliases)


def field_mapping(role: Role, field_names: Sequence[str]) -> Dict[str, Optional[str]]:
    """Standard field name -> the layer's actual field name (or None when absent).

    Matching is case-insensitive and ignores surrounding blanks. Standard names win over
    aliases, and an actual field is used for one standard field only.
    """
    actual = {}
    for name in field_names:
        actual.setdefault(str(name).strip().lower(), name)
    specs = list(role.required) + list(role.optional)
    result: Dict[str, Optional[str]] = {spec.standard: None for spec in specs}
    used = set()
    # Pass 1: standard names; pass 2: aliases in their declared order.
    for spec in specs:
        key = spec.standard.lower()
        if key in actual and key not in used:
            result[spec.standard] = actual[key]
            used.add(key)
    for spec in specs:
        if result[spec.standard] is not None:
            continue
        for alias in spec.aliases:
            key = alias.lower()
            if key in actual and key not in used:
                result[spec.standard] = actual[key]
                used.add(key)
                break
    return result


def _found_fraction(mapping: Dict[str, Optional[str]], wanted: Iterable[str]) -> Optional[float]:
    wanted = list(wanted)
    if not wanted:
        return None
    return sum(1 for name in wanted if mapping.get(name)) / len(wanted)


def _signature_mapping(role: Role, field_names: Sequence[str]) -> Dict[str, Optional[str]]:
    """field_mapping, extended to signature fields that are not declared as required/optional."""
    mapping = field_mapping(role, field_names)
    lower = {str(n).strip().lower() for n in field_names}
    for name in role.signature:
        if name not in mapping:
            mapping[name] = name if name.lower() in lower else None
    return mapping


def score(role: Role, info: LayerInfo) -> float:
    """How well ``info`` fits ``role``: 0 = not this role; higher is better (up to ~5.5)."""
    if not geometry_compatible(role, info.geometry_type):
        return 0.0
    by_name = name_score(role, info.name)
    mapping = _signature_mapping(role, info.field_names)
    signature = _found_fraction(mapping, role.signature)
    required = _found_fraction(mapping, (spec.standard for spec in role.required))
    if by_name == 0.0 and signature != 1.0:
        return 0.0
    return by_name + (signature or 0.0) + (required or 0.0)


def score_matrix(layers: Sequence[LayerInfo], roles: Sequence[Role] = ROLES) -> np.ndarray:
    """roles x layers array of ``score``."""
    matrix = np.zeros((len(roles), len(layers)), dtype=float)
    for i, role in enumerate(roles):
        for j, info in enumerate(layers):
            matrix[i, j] = score(role, info)
    return matrix


def recognise(layers: List[LayerInfo], roles: Sequence[Role] = ROLES) -> Dict[str, str]:
    """role_id -> layer_id: the one-to-one assignment with the highest total score.

    Roles that no layer fits are absent from the result. Ties go to the layer whose name
    is closest to the role's standard name.
    """
    if not layers:
        return {}
    scores = score_matrix(layers, roles)
    if not scores.any():
        return {}
    weights = scores.copy()
    for i, role in enumerate(roles):
        for j, info in enumerate(layers):
            if weights[i, j] > 0:
                weights[i, j] += TIE_BREAK * closeness(role, info.name)
    rows, cols = _assign(weights)
    return {roles[i].id: layers[j].layer_id for i, j in zip(rows, cols) if scores[i, j] > 0}


def _assign(weights: np.ndarray):
    try:
        from scipy.optimize import linear_sum_assignment
    except ImportError:  # pragma: no cover - scipy is a declared requirement
        return _greedy(weights)
    rows, cols = linear_sum_assignment(weights, maximize=True)
    return rows, cols


def _greedy(weights: np.ndarray):
    rows, cols = [], []
    work = weights.copy()
    while work.size and work.max() > 0:
        i, j = np.unravel_index(np.argmax(work), work.shape)
        rows.append(i)
        cols.append(j)
        work[i, :] = 0
        work[:, j] = 0
    return rows, cols


def candidates(info: LayerInfo, roles: Sequence[Role] = ROLES, limit: int = 5) -> List[Tuple[str, float]]:
    """(role_id, score) pairs ``info`` could play, best first (score > 0 only)."""
    found = [(role.id, score(role, info)) for role in roles]
    found = [item for item in found if item[1] > 0]
    found.sort(key=lambda item: -item[1])
    return found[:limit]
