"""Units of indicator values: parsing, dimensions and conversion.

A unit string such as ``万亩``, ``km/km²``, ``m²/万元`` or ``个/10万人`` is parsed into a
``Unit``: a scale factor to the base units (m, 人, 元 …) and a dimension (a sorted tuple of
(base, power)). Two units convert into each other when their dimensions are equal.

Base units: ``m`` (length; m² and m³ are its powers), ``人`` (people), ``元`` (yuan), one base
per counted thing (``个``, ``处``, ``栋`` … are not interchangeable), time in minutes, ``t``
(tonnes), ``tce`` (tonnes of standard coal), ``人次`` (trips), ``美元`` (US dollars).
``%``, ``‰`` and ``比值`` are dimensionless. 1 亩 = 10000/15 m² exactly.
"""

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Dict, Tuple

from ..i18n import tr

Dimension = Tuple[Tuple[str, int], ...]

MU = 10000.0 / 15.0  # m² per 亩

# atom -> (factor to base, {base: power})
_ATOMS: Dict[str, Tuple[float, Dict[str, int]]] = {
    "m": (1.0, {"m": 1}), "km": (1e3, {"m": 1}), "mm": (1e-3, {"m": 1}), "cm": (1e-2, {"m": 1}),
    "米": (1.0, {"m": 1}), "公里": (1e3, {"m": 1}), "千米": (1e3, {"m": 1}), "毫米": (1e-3, {"m": 1}),
    "m²": (1.0, {"m": 2}), "m2": (1.0, {"m": 2}), "平方米": (1.0, {"m": 2}),
    "hm²": (1e4, {"m": 2}), "hm2": (1e4, {"m": 2}), "公顷": (1e4, {"m": 2}), "ha": (1e4, {"m": 2}),
    "km²": (1e6, {"m": 2}), "km2": (1e6, {"m": 2}), "平方公里": (1e6, {"m": 2}), "平方千米": (1e6, {"m": 2}),
    "亩": (MU, {"m": 2}),
    "m³": (1.0, {"m": 3}), "m3": (1.0, {"m": 3}), "立方米": (1.0, {"m": 3}),
    "人": (1.0, {"人": 1}), "人次": (1.0, {"人次": 1}),
    "元": (1.0, {"元": 1}), "美元": (1.0, {"美元": 1}),
    "t": (1.0, {"t": 1}), "吨": (1.0, {"t": 1}), "吨标准煤": (1.0, {"tce": 1}), "tce": (1.0, {"tce": 1}),
    "分钟": (1.0, {"min": 1}), "min": (1.0, {"min": 1}), "小时": (60.0, {"min": 1}), "h": (60.0, {"min": 1}),
    "天": (1440.0, {"min": 1}), "日": (1440.0, {"min": 1}), "年": (525600.0, {"min": 1}),
    "%": (1e-2, {}), "‰": (1e-3, {}), "比值": (1.0, {}), "1": (1.0, {}), "": (1.0, {}),
}
# counted things: each its own base, so that 处 never converts into 栋
for _word in ("个", "处", "件", "栋", "所", "种", "次", "套", "张", "班", "座", "条", "家", "项", "户", "床"):
    _ATOMS[_word] = (1.0, {_word: 1})

_MULTIPLIERS = (("十万", 1e5), ("百万", 1e6), ("千万", 1e7), ("万", 1e4), ("亿", 1e8), ("千", 1e3), ("百", 1e2), ("十", 1e1))
_NUMBER = re.compile(r"^(\d+(?:\.\d+)?)(.*)$")
_NOTE = re.compile(r"[（(][^）)]*[）)]")


class UnitError(ValueError):
    """A unit string that cannot be parsed or units that do not convert."""


@dataclass(frozen=True)
class Unit:
    text: str
    factor: float  # value in this unit × factor = value in base units
    dimension: Dimension

    def compatible(self, other: "Unit") -> bool:
        return self.dimension == other.dimension

    def describe_dimension(self) -> str:
        return describe(self.dimension)


def describe(dimension: Dimension) -> str:
    if not dimension:
        return "1"
    return "·".join(base if power == 1 else f"{base}^{power}" for base, power in dimension)


def _combine(*parts: Tuple[Dict[str, int], int]) -> Dimension:
    total: Dict[str, int] = {}
    for dims, sign in parts:
        for base, power in dims.items():
            total[base] = total.get(base, 0) + sign * power
    return tuple(sorted((b, p) for b, p in total.items() if p))


def _term(text: str, whole: str) -> Tuple[float, Dict[str, int]]:
    """One side of a unit: [number][multiplier]atom, e.g. 10万人, 万m², 百km², 亿元."""
    term = text.strip()
    factor = 1.0
    match = _NUMBER.match(term)
    if match and match.group(2):
        factor *= float(match.group(1))
        term = match.group(2).strip()
    if term in _ATOMS:
        atom_factor, dims = _ATOMS[term]
        return factor * atom_factor, dims
    for prefix, multiplier in _MULTIPLIERS:
        if term.startswith(prefix) and term[len(prefix):] in _ATOMS:
            atom_factor, dims = _ATOMS[term[len(prefix):]]
            return factor * multiplier * atom_factor, dims
    raise UnitError(tr("Unknown unit '{unit}' (part '{part}').").format(unit=whole, part=text))


@lru_cache(maxsize=512)
def parse_unit(text: str) -> Unit:
    """Parse a unit string; notes in brackets (e.g. ``比值（农村=1）``) are ignored."""
    if text is None:
        text = ""
    raw = str(text).strip()
    cleaned = _NOTE.sub("", raw).strip().replace(" ", "")
    if "/" in cleaned:
        top, _, bottom = cleaned.partition("/")
        if "/" in bottom:
            raise UnitError(tr("Unit '{unit}' has more than one '/'.").format(unit=raw))
        f_top, d_top = _term(top, raw) if top not in ("", "1") else (1.0, {})
        f_bottom, d_bottom = _term(bottom, raw)
        return Unit(raw, f_top / f_bottom, _combine((d_top, 1), (d_bottom, -1)))
    factor, dims = _term(cleaned, raw)
    return Unit(raw, factor, _combine((dims, 1)))


def is_valid_unit(text: str) -> bool:
    try:
        parse_unit(text)
    except UnitError:
        return False
    return True


def conversion_factor(from_unit: str, to_unit: str) -> float:
    """Multiply a value in ``from_unit`` by this to get it in ``to_unit``."""
    source, target = parse_unit(from_unit), parse_unit(to_unit)
    if not source.compatible(target):
        raise UnitError(tr("Cannot convert {source} ({sdim}) into {target} ({tdim}).").format(
            source=from_unit or "1", sdim=source.describe_dimension(), target=to_unit or "1",
            tdim=target.describe_dimension()))
    return source.factor / target.factor


def convert(value, from_unit: str, to_unit: str):
    """``value`` (number or numpy/pandas array) converted from one unit into another."""
    return value * conversion_factor(from_unit, to_unit)


def base_unit(dimension: Dimension) -> str:
    """A unit text for a dimension in base units (m, m², 人, 元 …), e.g. 'm²/元'."""
    names = {"m": ("m", "m²", "m³")}
    top, bottom = [], []
    for base, power in dimension:
        target = top if power > 0 else bottom
        exponent = abs(power)
        if base in names and exponent <= 3:
            target.append(names[base][exponent - 1])
        else:
            target.append(base if exponent == 1 else f"{base}^{exponent}")
    text = "·".join(top) or "1"
    if bottom:
        text += "/" + "·".join(bottom)
    return text


def multiply_dimensions(a: Dimension, b: Dimension, sign: int = 1) -> Dimension:
    return _combine((dict(a), 1), (dict(b), sign))
