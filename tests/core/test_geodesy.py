"""CGCS2000 Gauss-Krüger projection and ellipsoidal measures against PROJ / GeographicLib values."""

import math

import numpy as np
import pytest
import shapely

from cityhealth_plugin.core import geodesy as g

# (lon, lat) -> EPSG:4548 easting/northing, from PROJ 9 (pyproj.Transformer 4490 -> 4548)
PROJ_4548 = [
    ((118.1, 24.5), (611494.7872135354, 2711113.4497072385)),
    ((116.0, 24.0), (398244.7440752471, 2655649.853466434)),
    ((117.0, 0.0), (500000.0, 0.0)),
    ((119.4, 40.2), (704356.171257978, 4454499.798745107)),
]
# area of the lon/lat cell 118–119°E × 24–25°N on CGCS2000 (GeographicLib via pyproj.Geod, 1000 points a side)
CELL_AREA = 11226471672.40831


@pytest.mark.parametrize("lonlat, xy", PROJ_4548)
def test_forward_and_inverse_match_proj_to_a_micrometre(lonlat, xy):
    info = g.crs_info("EPSG:4548")
    x, y = g.tm_forward(np.array([lonlat[0]]), np.array([lonlat[1]]), info)
    assert abs(x[0] - xy[0]) < 1e-6 and abs(y[0] - xy[1]) < 1e-6
    lon, lat = g.tm_inverse(np.array([xy[0]]), np.array([xy[1]]), info)
    assert abs(lon[0] - lonlat[0]) < 1e-10 and abs(lat[0] - lonlat[1]) < 1e-10


def test_zone_prefix_crs():
    info = g.crs_info("EPSG:4527")  # 3-degree zone 39 with prefix
    x, y = g.tm_forward(np.array([118.1]), np.array([24.5]), info)
    assert abs(x[0] - 39611494.787213534) < 1e-6 and abs(y[0] - 2711113.4497072385) < 1e-6


@pytest.mark.parametrize("crs, cm, fe", [
    ("EPSG:4548", 117, 500000), ("epsg:4534", 75, 500000), ("EPSG:4554", 135, 500000), ("EPSG:4513", 75, 25500000),
    ("EPSG:4491", 75, 13500000), ("EPSG:4502", 75, 500000), ("EPSG:32650", 117, 500000),
    ("+proj=tmerc +lat_0=0 +lon_0=120 +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m +no_defs", 120, 500000),
])
def test_crs_recognition(crs, cm, fe):
    info = g.crs_info(crs)
    assert (info.kind, info.central_meridian, info.false_easting) == ("tm", cm, fe)


def test_wkt_recognition():
    from cityhealth_plugin.core.store.gpkg import KNOWN_SRS

    wkt = KNOWN_SRS[4548][3]
    assert g.crs_info(wkt).central_meridian == 117
    stripped = wkt.replace('AUTHORITY["EPSG","4548"]', "")
    assert g.crs_info(stripped).central_meridian == 117
    assert g.crs_info(KNOWN_SRS[4490][3]).is_geographic
    assert g.crs_info("EPSG:4490").is_geographic


@pytest.mark.parametrize("crs", ["EPSG:3857", "", "LOCAL_CS[\"x\"]"])
def test_unsupported_crs_is_a_clear_error(crs):
    with pytest.raises(g.GeodesyError, match="CGCS2000|no CRS"):
        g.crs_info(crs)


def test_area_of_a_lonlat_cell_matches_geographiclib():
    cell = shapely.box(118, 24, 119, 25)
    area = g.ellipsoidal_area(np.array([cell]), "EPSG:4490")[0]
    assert abs(area - CELL_AREA) / CELL_AREA < 1e-7


def test_area_of_the_same_cell_given_in_gauss_kruger():
    info = g.crs_info("EPSG:4548")
    lon = np.r_[np.linspace(118, 119, 500), np.full(500, 119), np.linspace(119, 118, 500), np.full(500, 118)]
    lat = np.r_[np.full(500, 24), np.linspace(24, 25, 500), np.full(500, 25), np.linspace(25, 24, 500)]
    x, y = g.tm_forward(lon, lat, info)
    polygon = shapely.Polygon(np.column_stack([x, y]))
    area = g.ellipsoidal_area(np.array([polygon]), "EPSG:4548")[0]
    assert abs(area - CELL_AREA) / CELL_AREA < 1e-6
    assert abs(polygon.area - CELL_AREA) / CELL_AREA > 1e-4  # the planar area is measurably different


def test_scale_factor_of_small_parcels():
    """A 100 m square at easting offset x has ellipsoidal area ≈ planar / k², k ≈ 1 + x²/(2R²)."""
    for offset in (0.0, 50_000.0, 150_000.0):
        square = shapely.box(500_000 + offset, 2_700_000, 500_100 + offset, 2_700_100)
        area = g.ellipsoidal_area(np.array([square]), "EPSG:4548")[0]
        radius = 6_371_000.0
        k = 1 + offset ** 2 / (2 * radius ** 2)
        assert area == pytest.approx(10_000 / k ** 2, rel=2e-6)


def test_holes_multipolygons_and_non_polygons():
    outer = shapely.box(500_000, 2_700_000, 501_000, 2_701_000)
    hole = shapely.box(500_200, 2_700_200, 500_400, 2_700_400)
    with_hole = shapely.Polygon(outer.exterior.coords, [hole.exterior.coords])
    multi = shapely.MultiPolygon([outer, shapely.box(502_000, 2_700_000, 502_500, 2_700_500)])
    geoms = np.array([outer, with_hole, multi, shapely.Point(500_000, 2_700_000), None,
                      shapely.from_wkt("POLYGON EMPTY")], dtype=object)
    area = g.ellipsoidal_area(geoms, "EPSG:4548")
    assert area[1] == pytest.approx(area[0] * (1 - 0.04), rel=1e-9)
    second = g.ellipsoidal_area(np.array([multi.geoms[1]]), "EPSG:4548")[0]
    assert area[2] == pytest.approx(area[0] + second, rel=1e-12)
    assert second == pytest.approx(area[0] / 4, rel=1e-6)
    assert list(area[3:]) == [0.0, 0.0, 0.0]


def test_length_matches_geodesic_distance():
    info = g.crs_info("EPSG:4548")
    x, y = g.tm_forward(np.array([117.5, 118.5]), np.array([24.2, 24.9]), info)
    line = shapely.LineString(np.column_stack([x, y]))
    length = g.ellipsoidal_length(np.array([line]), "EPSG:4548")[0]
    # GeographicLib inverse distance between the two points (pyproj.Geod.inv): 127578.58930 m;
    # the straight GK line is not exactly the geodesic but over 128 km differs by < 1 mm
    assert abs(length - 127578.58930126205) < 0.001
    short = shapely.LineString([(500_000, 2_700_000), (500_300, 2_700_400)])
    assert g.ellipsoidal_length(np.array([short]), "EPSG:4548")[0] == pytest.approx(500.0, rel=1e-6)


def test_reprojection_round_trip():
    square = shapely.box(600_000, 2_700_000, 600_500, 2_700_500)
    there = g.transform_geometries(np.array([square]), "EPSG:4548", "EPSG:4490")
    back = g.transform_geometries(there, "EPSG:4490", "EPSG:4548")
    assert shapely.equals_exact(back[0], square, tolerance=1e-6)
    other_zone = g.transform_geometries(np.array([square]), "EPSG:4548", "EPSG:4549")
    assert g.ellipsoidal_area(other_zone, "EPSG:4549")[0] == pytest.approx(
        g.ellipsoidal_area(np.array([square]), "EPSG:4548")[0], rel=1e-6)


def test_zone_choice():
    assert g.zone_for_longitude(118.1) == "EPSG:4548"
    assert g.gauss_kruger_crs(120) == "EPSG:4549"
    with pytest.raises(g.GeodesyError):
        g.gauss_kruger_crs(118)


def test_constants_are_cgcs2000():
    assert g.A == 6378137.0 and math.isclose(1 / g.F, 298.257222101)
