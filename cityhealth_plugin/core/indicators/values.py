"""A computed quantity for the whole city and per statistical unit, in base units.

``Quantity`` carries one city total and, per unit type (``district``, ``subdistrict``), a
pandas Series indexed by unit code; plus its dimension (see ``units``). Arithmetic between
quantities works level by level, so an expression such as ``area / population`` gives the
per-district ratio wherever both sides have a district value. Division by zero gives NaN,
never an infinite or a silent 0.
"""

from dataclasses import dataclass, field
from typing import Dict

import numpy as np
import pandas as pd

from .units import Dimension, UnitError, describe, multiply_dimensions, parse_unit
from ..i18n import tr


def _clean(series: pd.Series) -> pd.Series:
    return series.replace([np.inf, -np.inf], np.nan)


def _scalar(value: float) -> float:
    return float(value) if np.isfinite(value) else float("nan")


@dataclass
class Quantity:
    total: float
    levels: Dict[str, pd.Series] = field(default_factory=dict)
    dims: Dimension = ()

    @classmethod
    def scalar(cls, value: float, dims: Dimension = ()) -> "Quantity":
        return cls(float(value), {}, tuple(dims))

    # -------------------------------------------------------------- arithmetic
    def _binary(self, other, op, dims: Dimension) -> "Quantity":
        if isinstance(other, Quantity):
            with np.errstate(divide="ignore", invalid="ignore"):
                total = _scalar(op(np.float64(self.total), np.float64(other.total)))
            levels = {}
            for level in self.levels.keys() & other.levels.keys():
                left, right = self.levels[level].align(other.levels[level], join="outer")
                with np.errstate(divide="ignore", invalid="ignore"):
                    levels[level] = _clean(op(left, right))
            return Quantity(total, levels, dims)
        with np.errstate(divide="ignore", invalid="ignore"):
            return Quantity(_scalar(op(np.float64(self.total), other)),
                            {k: _clean(op(v, other)) for k, v in self.levels.items()}, dims)

    def _rbinary(self, other, op, dims) -> "Quantity":
        with np.errstate(divide="ignore", invalid="ignore"):
            return Quantity(_scalar(op(other, np.float64(self.total))),
                            {k: _clean(op(other, v)) for k, v in self.levels.items()}, dims)

    def _same_dims(self, other, verb: str) -> Dimension:
        other_dims = other.dims if isinstance(other, Quantity) else ()
        if other_dims != self.dims:
            raise UnitError(tr("Cannot {verb} {a} and {b}.").format(verb=verb, a=describe(self.dims), b=describe(other_dims)))
        return self.dims

    def __add__(self, other):
        return self._binary(other, lambda a, b: a + b, self._same_dims(other, tr("add")))

    def __radd__(self, other):
        return self._rbinary(other, lambda a, b: a + b, self._same_dims(other, tr("add")))

    def __sub__(self, other):
        return self._binary(other, lambda a, b: a - b, self._same_dims(other, tr("subtract")))

    def __rsub__(self, other):
        return self._rbinary(other, lambda a, b: a - b, self._same_dims(other, tr("subtract")))

    def __mul__(self, other):
        dims = multiply_dimensions(self.dims, other.dims if isinstance(other, Quantity) else ())
        return self._binary(other, lambda a, b: a * b, dims)

    def __rmul__(self, other):
        return self._rbinary(other, lambda a, b: a * b, self.dims)

    def __truediv__(self, other):
        dims = multiply_dimensions(self.dims, other.dims if isinstance(other, Quantity) else (), -1)
        return self._binary(other, lambda a, b: a / b, dims)

    def __rtruediv__(self, other):
        return self._rbinary(other, lambda a, b: a / b, multiply_dimensions((), self.dims, -1))

    def __neg__(self):
        return Quantity(-self.total, {k: -v for k, v in self.levels.items()}, self.dims)

    def __pos__(self):
        return self

    # -------------------------------------------------------------- units
    def in_unit(self, unit: str) -> "Quantity":
        """Values expressed in ``unit`` (dimension checked); the result is dimensionless numbers."""
        target = parse_unit(unit)
        if target.dimension != self.dims:
            raise UnitError(tr("The computation yields {found}, which does not convert into '{unit}' ({expected}).").format(
                found=describe(self.dims), unit=unit, expected=describe(target.dimension)))
        return Quantity(self.total / target.factor, {k: v / target.factor for k, v in self.levels.items()}, ())

    def without_levels(self) -> "Quantity":
        return Quantity(self.total, {}, self.dims)
