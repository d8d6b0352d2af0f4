"""CGCS2000 3-degree Gauss-Krüger projection (EPSG:4548, CM 117E), vectorised.

Transverse Mercator by the Krüger n-series (EPSG Guidance Note 7-2, "JHS" formulas), accurate
to well below a millimetre inside a 3-degree zone. No pyproj / osgeo needed in core.
"""

import numpy as np

CGCS2000_A = 6378137.0
CGCS2000_F = 1.0 / 298.257222101


class TransverseMercator:
    def __init__(self, central_meridian: float = 117.0, false_easting: float = 500000.0,
                 false_northing: float = 0.0, scale: float = 1.0,
                 a: float = CGCS2000_A, f: float = CGCS2000_F):
        self.lon0 = np.radians(central_meridian)
        self.fe, self.fn, self.k0 = false_easting, false_northing, scale
        n = f / (2.0 - f)
        self.e = np.sqrt(f * (2.0 - f))
        self.B = a / (1.0 + n) * (1.0 + n ** 2 / 4.0 + n ** 4 / 64.0)
        self.h = (n / 2.0 - 2.0 / 3.0 * n ** 2 + 5.0 / 16.0 * n ** 3 + 41.0 / 180.0 * n ** 4,
                  13.0 / 48.0 * n ** 2 - 3.0 / 5.0 * n ** 3 + 557.0 / 1440.0 * n ** 4,
                  61.0 / 240.0 * n ** 3 - 103.0 / 140.0 * n ** 4,
                  49561.0 / 161280.0 * n ** 4)
        self.hi = (n / 2.0 - 2.0 / 3.0 * n ** 2 + 37.0 / 96.0 * n ** 3 - 1.0 / 360.0 * n ** 4,
                   1.0 / 48.0 * n ** 2 + 1.0 / 15.0 * n ** 3 - 437.0 / 1440.0 * n ** 4,
                   17.0 / 480.0 * n ** 3 - 37.0 / 840.0 * n ** 4,
                   4397.0 / 161280.0 * n ** 4)

    def forward(self, lon, lat):
        """(lon, lat) degrees -> (easting, northing) metres."""
        lon = np.radians(np.asarray(lon, dtype=float))
        lat = np.radians(np.asarray(lat, dtype=float))
        e = self.e
        q = np.arcsinh(np.tan(lat)) - e * np.arctanh(e * np.sin(lat))
        beta = np.arctan(np.sinh(q))
        eta0 = np.arctanh(np.cos(beta) * np.sin(lon - self.lon0))
        xi0 = np.arcsin(np.sin(beta) * np.cosh(eta0))
        xi, eta = xi0.copy(), eta0.copy()
        for k, h in enumerate(self.h, start=1):
            xi = xi + h * np.sin(2 * k * xi0) * np.cosh(2 * k * eta0)
            eta = eta + h * np.cos(2 * k * xi0) * np.sinh(2 * k * eta0)
        return self.fe + self.k0 * self.B * eta, self.fn + self.k0 * self.B * xi

    def inverse(self, x, y):
        """(easting, northing) metres -> (lon, lat) degrees."""
        eta = (np.asarray(x, dtype=float) - self.fe) / (self.B * self.k0)
        xi = (np.asarray(y, dtype=float) - self.fn) / (self.B * self.k0)
        xi0, eta0 = xi.copy(), eta.copy()
        for k, h in enumerate(self.hi, start=1):
            xi0 = xi0 - h * np.sin(2 * k * xi) * np.cosh(2 * k * eta)
            eta0 = eta0 - h * np.cos(2 * k * xi) * np.sinh(2 * k * eta)
        beta = np.arcsin(np.sin(xi0) / np.cosh(eta0))
        qp = np.arcsinh(np.tan(beta))
        q = qp.copy()
        for _ in range(6):  # fixed-point iteration for the isometric latitude
            q = qp + self.e * np.arctanh(self.e * np.tanh(q))
        lat = np.arctan(np.sinh(q))
        lon = self.lon0 + np.arcsin(np.tanh(eta0) / np.cos(beta))
        return np.degrees(lon), np.degrees(lat)


GK_CM117 = TransverseMercator(117.0)


def lonlat_to_4548(lon, lat):
    return GK_CM117.forward(lon, lat)


def project_geometries(geometries):
    """shapely geometries in lon/lat -> EPSG:4548 (vectorised over all coordinates)."""
    import shapely

    def transform(coords):
        x, y = GK_CM117.forward(coords[:, 0], coords[:, 1])
        return np.column_stack([x, y])

    return shapely.transform(geometries, transform)
