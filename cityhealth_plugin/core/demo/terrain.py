"""Smooth fields that shape the demo city: urban intensity, town intensity, elevation, noise.

All fields are evaluated vectorised at arrays of projected (EPSG:4548) points.
"""

import numpy as np

from . import places
from .projection import lonlat_to_4548


def _project_kernels(rows, spread=1.0):
    rows = np.asarray(rows, dtype=float)
    x, y = lonlat_to_4548(rows[:, 0], rows[:, 1])
    return x, y, rows[:, 2] * 1000.0 * spread, rows[:, 3]


class SmoothNoise:
    """Sum of random plane waves: a smooth field in about [-1, 1] with a given wavelength."""

    def __init__(self, rng: np.random.Generator, wavelength: float, waves: int = 12):
        angles = rng.uniform(0, 2 * np.pi, waves)
        lengths = wavelength * rng.uniform(0.6, 1.6, waves)
        self.kx = 2 * np.pi / lengths * np.cos(angles)
        self.ky = 2 * np.pi / lengths * np.sin(angles)
        self.phase = rng.uniform(0, 2 * np.pi, waves)
        self.scale = np.sqrt(2.0 / waves)

    def __call__(self, x, y):
        x = np.asarray(x, dtype=float)[..., None]
        y = np.asarray(y, dtype=float)[..., None]
        return self.scale * np.cos(x * self.kx + y * self.ky + self.phase).sum(axis=-1)


def _gauss_max(x, y, kx, ky, sigma, weight):
    out = np.zeros(np.shape(x))
    for cx, cy, s, w in zip(kx, ky, sigma, weight):
        out = np.maximum(out, w * np.exp(-((x - cx) ** 2 + (y - cy) ** 2) / (2 * s * s)))
    return out


class Terrain:
    def __init__(self, rng: np.random.Generator):
        self.urban_k = _project_kernels(places.URBAN_CENTRES, 1.3)
        self.town_k = _project_kernels(places.TOWN_CENTRES, 1.2)
        self.hill_k = _project_kernels(places.HILLS)
        self.urban_noise = SmoothNoise(rng, 2500.0)
        self.fine_noise = SmoothNoise(rng, 900.0)
        self.hill_noise = SmoothNoise(rng, 3000.0)
        self.rough_noise = SmoothNoise(rng, 700.0)

    def urban(self, x, y):
        """Urban intensity (0..~1.1): cores of the city and its new towns."""
        base = _gauss_max(x, y, *self.urban_k)
        return base + 0.09 * self.urban_noise(x, y) + 0.04 * self.fine_noise(x, y)

    def town(self, x, y):
        base = _gauss_max(x, y, *self.town_k)
        return base + 0.05 * self.fine_noise(x, y)

    def elevation(self, x, y):
        kx, ky, sigma, height = self.hill_k
        out = np.zeros(np.shape(x))
        for cx, cy, s, h in zip(kx, ky, sigma, height):
            out += h * np.exp(-((x - cx) ** 2 + (y - cy) ** 2) / (2 * s * s))
        out += 35.0 * self.hill_noise(x, y) + 15.0 * self.rough_noise(x, y)
        return np.maximum(out, 0.0)
