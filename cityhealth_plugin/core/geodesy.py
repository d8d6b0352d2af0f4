"""CGCS2000 geodesy without GDAL or QGIS: Gauss-Krüger projection and ellipsoidal measures.

Official land statistics use areas on the CGCS2000 ellipsoid (a = 6378137 m,
f = 1/298.257222101). Data arrive in a 3-degree (or 6-degree) Gauss-Krüger CRS or in
longitude/latitude. This module

* recognises those CRSs (EPSG:4490, 4491–4554, UTM 326xx, WKT / PROJ text of a
  Transverse Mercator on CGCS2000 or WGS 84),
* projects and inverse-projects vertices with Krüger's series to sixth order in n
  (Karney 2011, "Transverse Mercator with an accuracy of a few nanometres"),
* computes ellipsoidal polygon areas: vertices are inverse-projected to longitude/latitude
  and mapped to the ellipsoidal Lambert cylindrical equal-area projection
  (x = a·λ, y = a·q(φ)/2), where the planar shoelace area *is* the area on the ellipsoid;
  edges longer than ``DENSIFY_M`` are first densified in the source CRS so that the
  polygon's straight projected edges are followed,
* computes ellipsoidal line lengths (meridional and normal radii at each segment's mid
  latitude after densification).

Everything is vectorised over all vertices of a shapely 2 geometry array.
"""

import math
import re
from dataclasses import dataclass
from typing import Optional, Tuple

import numpy as np
import shapely

from .i18n import tr

A = 6378137.0
F = 1.0 / 298.257222101
E2 = F * (2.0 - F)
E = math.sqrt(E2)
N_ = F / (2.0 - F)
DENSIFY_M = 1000.0  # edges longer than this are densified before ellipsoidal measures

_n = N_
RECTIFYING = A / (1.0 + _n) * (1.0 + _n ** 2 / 4.0 + _n ** 4 / 64.0 + _n ** 6 / 256.0)
_ALPHA = (
    _n / 2 - 2 * _n ** 2 / 3 + 5 * _n ** 3 / 16 + 41 * _n ** 4 / 180 - 127 * _n ** 5 / 288 + 7891 * _n ** 6 / 37800,
    13 * _n ** 2 / 48 - 3 * _n ** 3 / 5 + 557 * _n ** 4 / 1440 + 281 * _n ** 5 / 630 - 1983433 * _n ** 6 / 1935360,
    61 * _n ** 3 / 240 - 103 * _n ** 4 / 140 + 15061 * _n ** 5 / 26880 + 167603 * _n ** 6 / 181440,
    49561 * _n ** 4 / 161280 - 179 * _n ** 5 / 168 + 6601661 * _n ** 6 / 7257600,
    34729 * _n ** 5 / 80640 - 3418889 * _n ** 6 / 1995840,
    212378941 * _n ** 6 / 319334400,
)
_BETA = (
    _n / 2 - 2 * _n ** 2 / 3 + 37 * _n ** 3 / 96 - _n ** 4 / 360 - 81 * _n ** 5 / 512 + 96199 * _n ** 6 / 604800,
    _n ** 2 / 48 + _n ** 3 / 15 - 437 * _n ** 4 / 1440 + 46 * _n ** 5 / 105 - 1118711 * _n ** 6 / 3870720,
    17 * _n ** 3 / 480 - 37 * _n ** 4 / 840 - 209 * _n ** 5 / 4480 + 5569 * _n ** 6 / 90720,
    4397 * _n ** 4 / 161280 - 11 * _n ** 5 / 504 - 830251 * _n ** 6 / 7257600,
    4583 * _n ** 5 / 161280 - 108847 * _n ** 6 / 3991680,
    20648693 * _n ** 6 / 638668800,
)
_QP = (1 - E2) * (1 / (1 - E2) - 1 / (2 * E) * math.log((1 - E) / (1 + E)))  # q at the pole


class GeodesyError(ValueError):
    """A CRS this module cannot measure in."""


@dataclass(frozen=True)
class CrsInfo:
    """What the measures need to know about a CRS."""

    kind: str  # "geographic" or "tm"
    central_meridian: float = 0.0
    false_easting: float = 0.0
    false_northing: float = 0.0
    scale: float = 1.0
    label: str = ""
    datum_note: str = ""  # e.g. WGS 84 treated as CGCS2000

    @property
    def is_geographic(self) -> bool:
        return self.kind == "geographic"


def gauss_kruger_crs(central_meridian: float) -> str:
    """The EPSG id of the CGCS2000 3-degree GK zone (no prefix) with this central meridian."""
    cm = int(round(central_meridian))
    if cm % 3 or not 75 <= cm <= 135:
        raise GeodesyError(tr("No CGCS2000 3-degree Gauss-Krüger zone has central meridian {cm}°.").format(cm=cm))
    return f"EPSG:{4534 + (cm - 75) // 3}"


def zone_for_longitude(longitude: float) -> str:
    """The 3-degree GK CRS whose central meridian is nearest to ``longitude``."""
    return gauss_kruger_crs(3 * round(longitude / 3.0))


def _from_epsg(code: int) -> Optional[CrsInfo]:
    label = f"EPSG:{code}"
    if code == 4490:
        return CrsInfo("geographic", label=label)
    if code in (4326, 4610, 4214):
        return CrsInfo("geographic", label=label, datum_note=tr("measured on the CGCS2000 ellipsoid"))
    if 4534 <= code <= 4554:  # 3-degree, CM 75..135, no zone prefix
        return CrsInfo("tm", 75 + 3 * (code - 4534), 500000.0, label=label)
    if 4513 <= code <= 4533:  # 3-degree zones 25..45 with prefix
        zone = 25 + code - 4513
        return CrsInfo("tm", 3 * zone, zone * 1e6 + 500000.0, label=label)
    if 4502 <= code <= 4512:  # 6-degree, CM 75..135, no prefix
        return CrsInfo("tm", 75 + 6 * (code - 4502), 500000.0, label=label)
    if 4491 <= code <= 4501:  # 6-degree zones 13..23 with prefix
        zone = 13 + code - 4491
        return CrsInfo("tm", 6 * zone - 3, zone * 1e6 + 500000.0, label=label)
    if 32601 <= code <= 32660:  # WGS 84 / UTM north
        zone = code - 32600
        return CrsInfo("tm", 6 * zone - 183, 500000.0, scale=0.9996, label=label,
                       datum_note=tr("measured on the CGCS2000 ellipsoid"))
    return None


_PARAM = r'PARAMETER\[\s*"{name}"\s*,\s*(-?[\d.eE+]+)'


def _wkt_value(text: str, *names: str) -> Optional[float]:
    for name in names:
        match = re.search(_PARAM.format(name=re.escape(name)), text, flags=re.IGNORECASE)
        if match:
            return float(match.group(1))
    return None


def crs_info(crs: str) -> CrsInfo:
    """Recognise ``crs`` (``EPSG:n``, WKT or a PROJ string); GeodesyError when it is not measurable."""
    text = (crs or "").strip()
    if not text:
        raise GeodesyError(tr("The layer has no CRS; assign CGCS2000 (EPSG:4490) or a Gauss-Krüger CRS."))
    match = re.fullmatch(r"(?i)(?:EPSG|epsg):\s*(\d+)", text)
    if match:
        info = _from_epsg(int(match.group(1)))
        if info:
            return info
        raise GeodesyError(tr("CRS {crs} is not supported for ellipsoidal measures; reproject the layer to "
                              "CGCS2000 (EPSG:4490) or a CGCS2000 Gauss-Krüger CRS (EPSG:4491–4554).").format(crs=text))
    authority = re.findall(r'(?:AUTHORITY|ID)\[\s*"EPSG"\s*,\s*"?(\d+)"?\s*\]\s*\]*\s*$', text)
    if authority:
        info = _from_epsg(int(authority[-1]))
        if info:
            return info
    if text.startswith("+") or "+proj=" in text:
        params = dict(re.findall(r"\+(\w+)=([^\s]+)", text))
        if params.get("proj") == "longlat":
            return CrsInfo("geographic", label=text)
        if params.get("proj") in ("tmerc", "utm"):
            if params.get("proj") == "utm":
                zone = int(params.get("zone", 0))
                return CrsInfo("tm", 6 * zone - 183, 500000.0, scale=0.9996, label=text)
            return CrsInfo("tm", float(params.get("lon_0", 0)), float(params.get("x_0", 0)),
                           float(params.get("y_0", 0)), float(params.get("k", params.get("k_0", 1))), label=text)
    upper = text.upper()
    ellipsoid_ok = "298.257222101" in text or "298.257223563" in text
    if upper.startswith(("PROJCS", "PROJCRS")) and "TRANSVERSE" in upper and ellipsoid_ok:
        cm = _wkt_value(text, "central_meridian", "Longitude of natural origin")
        fe = _wkt_value(text, "false_easting", "False easting")
        fn = _wkt_value(text, "false_northing", "False northing")
        k = _wkt_value(text, "scale_factor", "Scale factor at natural origin")
        if cm is not None:
            return CrsInfo("tm", cm, fe or 0.0, fn or 0.0, k if k is not None else 1.0, label=text[:60])
    if upper.startswith(("GEOGCS", "GEOGCRS", "GEODCRS")) and ellipsoid_ok:
        return CrsInfo("geographic", label=text[:60])
    raise GeodesyError(tr("CRS '{crs}' is not supported for ellipsoidal measures; reproject the layer to "
                          "CGCS2000 (EPSG:4490) or a CGCS2000 Gauss-Krüger CRS.").format(crs=text[:80]))


# ---------------------------------------------------------------- Transverse Mercator
def _sine_series(zeta: np.ndarray, coefficients) -> np.ndarray:
    """Σ c_j·sin(2jζ) for complex ζ by Clenshaw summation (one complex sin/cos per vertex)."""
    two_cos = 2 * np.cos(2 * zeta)
    b1 = np.zeros_like(zeta)
    b2 = np.zeros_like(zeta)
    for c in reversed(coefficients):
        b1, b2 = c + two_cos * b1 - b2, b1
    return b1 * np.sin(2 * zeta)


def _conformal_to_geodetic_tan(tau_prime: np.ndarray) -> np.ndarray:
    """tan φ from tan χ (conformal latitude), Newton's method (Karney 2011, eq. 19–21)."""
    tau = tau_prime.copy()
    for _ in range(5):
        sig = np.sinh(E * np.arctanh(E * tau / np.sqrt(1 + tau * tau)))
        tau_i = tau * np.sqrt(1 + sig * sig) - sig * np.sqrt(1 + tau * tau)
        delta = (tau_prime - tau_i) / np.sqrt(1 + tau_i * tau_i) * (1 + (1 - E2) * tau * tau) / (
            (1 - E2) * np.sqrt(1 + tau * tau))
        tau = tau + delta
        if np.all(np.abs(delta) < 1e-14 * np.maximum(1.0, np.abs(tau))):
            break
    return tau


def tm_inverse(x: np.ndarray, y: np.ndarray, info: CrsInfo) -> Tuple[np.ndarray, np.ndarray]:
    """Easting/northing (m) in a Transverse Mercator CRS -> longitude, latitude (degrees)."""
    scale = info.scale * RECTIFYING
    xi = (np.asarray(y, dtype=float) - info.false_northing) / scale
    eta = (np.asarray(x, dtype=float) - info.false_easting) / scale
    zeta = xi + 1j * eta
    zeta_p = zeta - _sine_series(zeta, _BETA)
    xi_p, eta_p = zeta_p.real, zeta_p.imag
    sinh_eta = np.sinh(eta_p)
    cos_xi = np.cos(xi_p)
    tau_prime = np.sin(xi_p) / np.hypot(sinh_eta, cos_xi)
    lam = np.arctan2(sinh_eta, cos_xi)
    tau = _conformal_to_geodetic_tan(tau_prime)
    return np.degrees(lam) + info.central_meridian, np.degrees(np.arctan(tau))


def tm_forward(lon: np.ndarray, lat: np.ndarray, info: CrsInfo) -> Tuple[np.ndarray, np.ndarray]:
    """Longitude, latitude (degrees) -> easting/northing (m) in a Transverse Mercator CRS."""
    phi = np.radians(np.asarray(lat, dtype=float))
    lam = np.radians(np.asarray(lon, dtype=float) - info.central_meridian)
    tau = np.tan(phi)
    sig = np.sinh(E * np.arctanh(E * tau / np.sqrt(1 + tau * tau)))
    tau_p = tau * np.sqrt(1 + sig * sig) - sig * np.sqrt(1 + tau * tau)
    xi_p = np.arctan2(tau_p, np.cos(lam))
    eta_p = np.arcsinh(np.sin(lam) / np.hypot(tau_p, np.cos(lam)))
    zeta_p = xi_p + 1j * eta_p
    zeta = zeta_p + _sine_series(zeta_p, _ALPHA)
    xi, eta = zeta.real, zeta.imag
    scale = info.scale * RECTIFYING
    return info.false_easting + scale * eta, info.false_northing + scale * xi


def to_lonlat(xy: np.ndarray, info: CrsInfo) -> np.ndarray:
    """(n, 2) coordinates in ``info``'s CRS -> (n, 2) longitude, latitude in degrees."""
    xy = np.asarray(xy, dtype=float)
    if info.is_geographic:
        return xy
    lon, lat = tm_inverse(xy[:, 0], xy[:, 1], info)
    return np.column_stack([lon, lat])


def from_lonlat(lonlat: np.ndarray, info: CrsInfo) -> np.ndarray:
    lonlat = np.asarray(lonlat, dtype=float)
    if info.is_geographic:
        return lonlat
    x, y = tm_forward(lonlat[:, 0], lonlat[:, 1], info)
    return np.column_stack([x, y])


def _key(info: CrsInfo):
    return info.kind, info.central_meridian, info.false_easting, info.false_northing, info.scale


def same_crs(a: str, b: str) -> bool:
    """True when two CRS texts (EPSG id, WKT, PROJ) describe the same measurable CRS."""
    if (a or "").strip() == (b or "").strip():
        return True
    try:
        return _key(crs_info(a)) == _key(crs_info(b))
    except GeodesyError:
        return False


def transform_geometries(geometries: np.ndarray, source_crs: str, target_crs: str) -> np.ndarray:
    """Geometries reprojected between two supported CRSs (vertex by vertex, no densification)."""
    source, target = crs_info(source_crs), crs_info(target_crs)
    if _key(source) == _key(target):
        return geometries
    return shapely.transform(geometries, lambda xy: from_lonlat(to_lonlat(xy, source), target))


# ---------------------------------------------------------------- measures
def _authalic_y(lat_deg: np.ndarray) -> np.ndarray:
    """a·q(φ)/2: ordinate of the ellipsoidal Lambert cylindrical equal-area projection."""
    s = np.sin(np.radians(lat_deg))
    q = (1 - E2) * (s / (1 - E2 * s * s) - 1 / (2 * E) * np.log((1 - E * s) / (1 + E * s)))
    return A * q / 2.0


def _densify(geometries: np.ndarray, info: CrsInfo, max_segment: Optional[float]) -> np.ndarray:
    if not max_segment:
        return geometries
    step = max_segment if not info.is_geographic else max_segment / 111000.0
    bounds = shapely.bounds(geometries)
    large = np.flatnonzero(np.hypot(bounds[:, 2] - bounds[:, 0], bounds[:, 3] - bounds[:, 1]) > step)
    if not len(large):
        return geometries
    geometries = geometries.copy()
    geometries[large] = shapely.segmentize(geometries[large], step)
    return geometries


def ellipsoidal_area(geometries, crs: str, max_segment: Optional[float] = DENSIFY_M) -> np.ndarray:
    """Area (m²) on the CGCS2000 ellipsoid of each (multi)polygon; 0 for other or missing geometries."""
    geoms = np.asarray(geometries, dtype=object)
    result = np.zeros(len(geoms), dtype=float)
    if not len(geoms):
        return result
    info = crs_info(crs)
    polygonal = np.isin(shapely.get_type_id(geoms), (3, 6)) & ~shapely.is_empty(geoms)
    rows = np.flatnonzero(polygonal)
    if not len(rows):
        return result
    geoms = _densify(geoms[rows], info, max_segment)
    parts, part_owner = shapely.get_parts(geoms, return_index=True)
    rings, ring_part = shapely.get_rings(parts, return_index=True)
    exterior = np.ones(len(rings), dtype=bool)
    exterior[1:] = ring_part[1:] != ring_part[:-1]
    coords, ring_of = shapely.get_coordinates(rings, return_index=True)
    lonlat = to_lonlat(coords, info)
    x = np.radians(lonlat[:, 0]) * A
    y = _authalic_y(lonlat[:, 1])
    first = np.searchsorted(ring_of, np.arange(len(rings)))
    x = x - x[first][ring_of]  # centred per ring: no loss of precision in the products
    y = y - y[first][ring_of]
    same = ring_of[1:] == ring_of[:-1]
    cross = (x[:-1] * y[1:] - x[1:] * y[:-1]) * same
    twice = np.bincount(ring_of[:-1], weights=cross, minlength=len(rings))
    ring_area = np.abs(twice) / 2.0
    signed = np.where(exterior, ring_area, -ring_area)
    part_area = np.bincount(ring_part, weights=signed, minlength=len(parts))
    result[rows] = np.bincount(part_owner, weights=part_area, minlength=len(rows))
    return result


def ellipsoidal_length(geometries, crs: str, max_segment: Optional[float] = DENSIFY_M) -> np.ndarray:
    """Length (m) on the CGCS2000 ellipsoid of each (multi)line (polygons: their boundary)."""
    geoms = np.asarray(geometries, dtype=object)
    result = np.zeros(len(geoms), dtype=float)
    if not len(geoms):
        return result
    info = crs_info(crs)
    type_ids = shapely.get_type_id(geoms)
    polygonal = np.isin(type_ids, (3, 6))
    if polygonal.any():
        geoms = geoms.copy()
        geoms[polygonal] = shapely.boundary(geoms[polygonal])
    lineal = np.isin(shapely.get_type_id(geoms), (1, 2, 5)) & ~shapely.is_empty(geoms)
    rows = np.flatnonzero(lineal)
    if not len(rows):
        return result
    geoms = _densify(geoms[rows], info, max_segment)
    parts, owner = shapely.get_parts(geoms, return_index=True)
    coords, part_of = shapely.get_coordinates(parts, return_index=True)
    lonlat = np.radians(to_lonlat(coords, info))
    lam, phi = lonlat[:, 0], lonlat[:, 1]
    mid = (phi[1:] + phi[:-1]) / 2
    s2 = np.sin(mid) ** 2
    w = np.sqrt(1 - E2 * s2)
    meridional = A * (1 - E2) / w ** 3
    normal = A / w
    seg = np.hypot(meridional * (phi[1:] - phi[:-1]), normal * np.cos(mid) * (lam[1:] - lam[:-1]))
    seg = seg * (part_of[1:] == part_of[:-1])
    part_length = np.bincount(part_of[:-1], weights=seg, minlength=len(parts))
    result[rows] = np.bincount(owner, weights=part_length, minlength=len(rows))
    return result


def planar_units_ok(crs: str) -> bool:
    """True when planar maths in this CRS is in metres (a Transverse Mercator CRS)."""
    try:
        return not crs_info(crs).is_geographic
    except GeodesyError:
        return False
