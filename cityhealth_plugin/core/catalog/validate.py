"""Checking catalog records and turning them into ``Indicator`` objects.

All problems are collected (file, line, code, column, message) and raised together as one
``CatalogError`` so that a city fixes its file in one pass.
"""

import json
import re
from dataclasses import dataclass
from typing import Dict, List, Optional, Sequence, Tuple

from ..i18n import tr
from ..indicators.units import Dimension, UnitError, multiply_dimensions, parse_unit
from ..landuse.codes import LandUseGroups
from ..roles.registry import ROLES_BY_ID
from . import params as P
from .methods import METHOD_SPECS
from .model import (DIRECTIONS, LEVEL1, REQUIRED_FOR_NEW, SCOPES, SOURCE_TYPES, TIERS, UNIT_TYPES, Catalog,
                    Indicator, StatisticDef)

CODE_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]{0,31}$")
TRUE = ("true", "1", "yes", "y", "是", "t")
FALSE = ("false", "0", "no", "n", "否", "f")


@dataclass(frozen=True)
class Problem:
    file: str
    line: int
    code: str
    column: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        what = " ".join(part for part in (f"[{self.code}]" if self.code else "", self.column) if part)
        return f"{where}: {what + ': ' if what else ''}{self.message}"


class CatalogError(ValueError):
    """One or more problems in catalog files; ``problems`` lists them with file and line."""

    def __init__(self, problems: Sequence[Problem]):
        self.problems = list(problems)
        lines = [str(p) for p in self.problems[:50]]
        if len(self.problems) > 50:
            lines.append(tr("… and {n} more problems.").format(n=len(self.problems) - 50))
        super().__init__(tr("The indicator catalog has {n} problem(s):").format(n=len(self.problems)) + "\n  "
                         + "\n  ".join(lines))


def _bool(value) -> Optional[bool]:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in TRUE:
        return True
    if text in FALSE:
        return False
    return None


def _split(value) -> Tuple[str, ...]:
    if isinstance(value, (list, tuple)):
        return tuple(str(v).strip() for v in value if str(v).strip())
    return tuple(part.strip() for part in re.split(r"[;,；，]", str(value or "")) if part.strip())


def parse_target(text) -> Optional[Tuple[Optional[float], Optional[float]]]:
    """'12.5' -> (12.5, 12.5); '20~30' -> (20, 30); '≥95' / '>=95' -> (95, None); '≤5' -> (None, 5)."""
    if text is None or str(text).strip() == "":
        return None
    raw = str(text).strip().replace("～", "~").replace("，", ",")
    try:
        match = re.fullmatch(r"(?:≥|>=)\s*(-?[\d.]+)", raw)
        if match:
            return float(match.group(1)), None
        match = re.fullmatch(r"(?:≤|<=)\s*(-?[\d.]+)", raw)
        if match:
            return None, float(match.group(1))
        if "~" in raw:
            low, high = raw.split("~", 1)
            return float(low), float(high)
        number = float(raw)
        return number, number
    except ValueError:
        raise ValueError(tr("Target '{text}' is not a number, a range 'a~b', '≥a' or '≤b'.").format(text=text)) from None


class _Builder:
    def __init__(self, stats: Dict[str, StatisticDef], groups: LandUseGroups):
        self.stats = stats
        self.groups = groups
        self.problems: List[Problem] = []
        self.values: Dict[str, Dict[str, object]] = {}
        self.origin: Dict[str, Dict[str, Tuple[str, int]]] = {}

    def problem(self, code: str, column: str, message: str) -> None:
        file, line = self.origin.get(code, {}).get(column) or self.origin.get(code, {}).get("code") or ("", 0)
        self.problems.append(Problem(file, line, code, column, message))

    # ------------------------------------------------------------ merging files
    def merge(self, records, first: bool) -> None:
        seen: Dict[str, int] = {}
        for record in records:
            code = str(record.values.get("code", "")).strip()
            if not code:
                self.problems.append(Problem(record.file, record.line, "", "code", tr("Row without a code.")))
                continue
            if not CODE_PATTERN.match(code):
                self.problems.append(Problem(record.file, record.line, code, "code", tr(
                    "Code may use letters, digits, '-', '_' and '.' only (at most 32 characters).")))
                continue
            if code in seen:
                self.problems.append(Problem(record.file, record.line, code, "code", tr(
                    "Duplicate code (first on line {line}).").format(line=seen[code])))
                continue
            seen[code] = record.line
            is_new = code not in self.values
            if is_new:
                missing = [c for c in REQUIRED_FOR_NEW if c not in record.values]
                if missing:
                    message = tr("New indicator lacks {columns}.").format(columns=", ".join(missing)) if not first \
                        else tr("Missing required value(s): {columns}.").format(columns=", ".join(missing))
                    self.problems.append(Problem(record.file, record.line, code, missing[0], message))
                    continue
                self.values[code] = {}
                self.origin[code] = {}
            for column, value in record.values.items():
                self.values[code][column] = value
                self.origin[code][column] = (record.file, record.line)
            if not is_new and "params" in record.values and "roles" not in record.values:
                self.values[code].pop("roles", None)  # roles follow the new parameters
            if not is_new and "method" in record.values and "source_type" not in record.values:
                self.values[code].pop("source_type", None)

    # ------------------------------------------------------------ one record
    def indicator(self, code: str) -> Optional[Indicator]:
        v = self.values[code]
        ok = True

        def bad(column, message):
            nonlocal ok
            ok = False
            self.problem(code, column, message)

        level1 = str(v.get("level1", "")).strip()
        if level1 not in LEVEL1:
            bad("level1", tr("Level-1 category must be one of {values}, not '{value}'.").format(
                values="/".join(LEVEL1), value=level1))
        unit = str(v.get("unit", "")).strip()
        try:
            parse_unit(unit)
        except UnitError as error:
            bad("unit", str(error))
        direction = str(v.get("direction", "")).strip()
        if direction not in DIRECTIONS:
            bad("direction", tr("Direction must be one of {values}, not '{value}'.").format(
                values=", ".join(DIRECTIONS), value=direction))
        tier = str(v.get("tier", "")).strip()
        if tier and tier not in TIERS:
            bad("tier", tr("Tier must be one of {values} or empty, not '{value}'.").format(
                values="/".join(TIERS), value=tier))
        verified = _bool(v.get("verified", False))
        if verified is None:
            bad("verified", tr("verified must be true or false, not '{value}'.").format(value=v.get("verified")))
        method = str(v.get("method", "")).strip()
        params = v.get("params", {})
        if isinstance(params, str):
            try:
                params = json.loads(params)
            except json.JSONDecodeError as error:
                bad("params", tr("Parameters are not valid JSON ({error} at character {pos}): {text}").format(
                    error=error.msg, pos=error.pos, text=params[:80]))
                params = {}
        if not isinstance(params, dict):
            bad("params", tr("Parameters must be a JSON object {{...}}."))
            params = {}
        roles: Tuple[str, ...] = ()
        stats: Tuple[str, ...] = ()
        spec = METHOD_SPECS.get(method)
        if spec is None:
            bad("method", tr("Unknown method '{method}' (known: {known}).").format(
                method=method, known=", ".join(sorted(METHOD_SPECS))))
        else:
            try:
                if spec.check:
                    spec.check(params)
                if method in P.EXPRESSION_METHODS or method in P.COVERAGE_METHODS or method in P.STATISTIC_METHODS:
                    found_roles, found_stats, _ = P.referenced(method, params, code)
                    roles, stats = tuple(found_roles), tuple(found_stats)
            except P.ParamError as error:
                bad("params", str(error))
        listed_roles = _split(v.get("roles", ""))
        for role_id in listed_roles:
            if role_id not in ROLES_BY_ID:
                bad("roles", tr("Unknown layer role '{role}'.").format(role=role_id))
        roles = tuple(dict.fromkeys(listed_roles + roles))
        scope = str(v.get("scope", "city")).strip() or "city"
        if scope not in SCOPES:
            bad("scope", tr("Scope must be one of {values}, not '{value}'.").format(values=", ".join(SCOPES), value=scope))
        per_unit_text = v.get("per_unit", None)
        per_unit = UNIT_TYPES if per_unit_text is None else \
            () if str(per_unit_text).strip().lower() == "none" else _split(per_unit_text)
        for unit_type in per_unit:
            if unit_type not in UNIT_TYPES:
                bad("per_unit", tr("Unit type must be district and/or subdistrict (or 'none'), not '{value}'.").format(
                    value=unit_type))
        source_type = str(v.get("source_type", "") or (spec.source_type if spec else "statistic")).strip()
        if source_type not in SOURCE_TYPES:
            bad("source_type", tr("Source type must be one of {values}, not '{value}'.").format(
                values=", ".join(SOURCE_TYPES), value=source_type))
        target = v.get("target", "")
        try:
            parse_target(target)
        except ValueError as error:
            bad("target", str(error))
        target_year = v.get("target_year")
        if target_year not in (None, ""):
            try:
                target_year = int(float(target_year))
            except (TypeError, ValueError):
                bad("target_year", tr("Target year must be a year such as 2035."))
                target_year = None
        else:
            target_year = None
        if not ok:
            return None
        file, line = self.origin[code].get("code", ("", 0))
        return Indicator(
            code=code, level1=level1, level2=str(v.get("level2", "")).strip(), name_zh=str(v.get("name_zh", "")).strip(),
            name_en=str(v.get("name_en", "")).strip(), unit=unit, direction=direction, method=method, params=params,
            tier=tier, tier_guess=str(v.get("tier_guess", "")).strip(), verified=bool(verified), roles=roles,
            statistics=stats, scope=scope, per_unit=tuple(per_unit), formula_zh=str(v.get("formula_zh", "")).strip(),
            target=str(target).strip(), target_year=target_year, source_type=source_type,
            confidence=str(v.get("confidence", "")).strip(), source=str(v.get("source", "")).strip(),
            notes=str(v.get("notes", "")).strip(), origin=f"{file}:{line}")

    # ------------------------------------------------------------ cross checks
    def check_references(self, indicators: Dict[str, Indicator]) -> None:
        for ind in indicators.values():
            self._check_roles_and_groups(ind)
            if ind.method in P.STATISTIC_METHODS:
                stat = P.statistic_code(ind.code, ind.params)
                if stat != ind.code and stat not in self.stats and stat not in indicators:
                    self.problem(ind.code, "params", tr("Unknown statistic '{code}' (define it in statistics.csv "
                                                        "or a city statistics file).").format(code=stat))
        self._check_dimensions_and_cycles(indicators)

    def _check_roles_and_groups(self, ind: Indicator) -> None:
        if ind.method not in P.EXPRESSION_METHODS and ind.method not in P.COVERAGE_METHODS:
            return
        try:
            if ind.method in P.EXPRESSION_METHODS:
                _, inputs = P.canonical(ind.method, ind.params)
                measures = [m for spec in inputs.values() for m in P.walk_measures(spec)]
            else:
                p = P.coverage_params(ind.method, ind.params)
                measures = list(P.walk_measures(p["base"]))
                for role_id in p.get("facilities") or []:
                    self._role(ind, role_id, None)
                if p.get("source_group"):
                    self._group(ind, p["source_group"])
                if p.get("within"):
                    self._role(ind, p["within"], "polygon")
        except P.ParamError:
            return  # already reported
        for m in measures:
            kind = P.measure_kind(m)
            if kind == "landuse":
                layer = m.get("layer") or "dltb"
                if layer not in P.LANDUSE_LAYERS:
                    self.problem(ind.code, "params", tr("Land-use measures read DLTB roles ({roles}), not '{role}'.").format(
                        roles=", ".join(P.LANDUSE_LAYERS), role=layer))
                if m["landuse"] != "*":
                    self._group(ind, m["landuse"])
            elif kind in P.ROLE_KINDS:
                needed = {"area": "polygon", "footprint": "polygon", "floor_area": "polygon", "length": "line"}.get(kind)
                self._role(ind, m[kind], needed)
            elif kind == "statistic" and m["statistic"] not in self.stats and m["statistic"] not in self.values:
                self.problem(ind.code, "params", tr("Unknown statistic '{code}' (define it in statistics.csv or a city "
                                                    "statistics file).").format(code=m["statistic"]))
            elif kind == "indicator" and m["indicator"] not in self.values:
                self.problem(ind.code, "params", tr("Unknown indicator '{code}' in the parameters.").format(
                    code=m["indicator"]))
            if m.get("within"):
                self._role(ind, m["within"], "polygon")
            if m.get("filter"):
                try:
                    P.parse_filter(m["filter"])
                except P.ParamError as error:
                    self.problem(ind.code, "params", str(error))

    def _role(self, ind: Indicator, role_id: str, geometry: Optional[str]) -> None:
        role = ROLES_BY_ID.get(role_id)
        if role is None:
            self.problem(ind.code, "params", tr("Unknown layer role '{role}'.").format(role=role_id))
        elif geometry and role.geometry not in (geometry, "point_or_polygon" if geometry == "polygon" else geometry):
            self.problem(ind.code, "params", tr("Role '{role}' has {found} geometry; this measure needs {needed}.").format(
                role=role_id, found=role.geometry, needed=geometry))

    def _group(self, ind: Indicator, group_id: str) -> None:
        if group_id not in self.groups:
            self.problem(ind.code, "params", tr("Unknown land-use group '{group}' (known: {known}).").format(
                group=group_id, known=", ".join(self.groups.ids())))

    def measure_dimension(self, spec, indicators: Dict[str, Indicator], stack=()) -> Optional[Dimension]:
        kind = P.measure_kind(spec)
        if kind in ("landuse", "area", "footprint", "floor_area"):
            return (("m", 2),)
        if kind == "length":
            return (("m", 1),)
        if kind in ("sum", "count"):
            default = "人" if kind == "sum" and spec.get("sum") == "population" else ("个" if kind == "count" else "1")
            return parse_unit(spec.get("unit") or default).dimension
        if kind == "statistic":
            code = spec["statistic"]
            unit = spec.get("unit") or (self.stats[code].unit if code in self.stats else
                                        indicators[code].unit if code in indicators else None)
            return parse_unit(unit).dimension if unit is not None else None
        if kind == "indicator":
            target = indicators.get(spec["indicator"])
            return parse_unit(target.unit).dimension if target else None
        dims = [self.measure_dimension(option, indicators, stack) for option in spec["first_of"]]
        known = [d for d in dims if d is not None]
        if known and any(d != known[0] for d in known):
            raise P.ParamError(tr("The alternatives of 'first_of' have different dimensions."))
        return known[0] if known else None

    def _check_dimensions_and_cycles(self, indicators: Dict[str, Indicator]) -> None:
        for ind in indicators.values():
            if ind.method not in P.EXPRESSION_METHODS:
                continue
            try:
                expression, inputs = P.canonical(ind.method, ind.params)
                tree = P.parse_expression(expression, list(inputs))
                dims = {name: self.measure_dimension(spec, indicators) for name, spec in inputs.items()}
            except (P.ParamError, UnitError) as error:
                self.problem(ind.code, "params", str(error))
                continue
            if any(d is None for d in dims.values()):
                continue
            try:
                result = P.evaluate_expression(tree, {k: _Dim(v) for k, v in dims.items()})
            except ValueError as error:
                self.problem(ind.code, "params", str(error))
                continue
            result_dims = result.dims if isinstance(result, _Dim) else ()
            unit = parse_unit(ind.unit)
            if result_dims != unit.dimension:
                self.problem(ind.code, "unit", tr("The method yields {found} but the unit '{unit}' is {expected}.").format(
                    found=_describe(result_dims), unit=ind.unit, expected=_describe(unit.dimension)))
        # cycles among indicator references
        graph = {}
        for ind in indicators.values():
            try:
                graph[ind.code] = P.referenced(ind.method, ind.params, ind.code)[2]
            except P.ParamError:
                graph[ind.code] = []
        state: Dict[str, int] = {}

        def visit(code, path):
            if state.get(code) == 1:
                self.problem(code, "params", tr("Indicators refer to each other in a cycle: {path}.").format(
                    path=" → ".join(path + [code])))
                return
            if state.get(code) == 2:
                return
            state[code] = 1
            for child in graph.get(code, []):
                visit(child, path + [code])
            state[code] = 2

        for code in graph:
            visit(code, [])


def _describe(dims: Dimension) -> str:
    from ..indicators.units import base_unit
    return base_unit(dims)


class _Dim:
    """Dimension arithmetic for checking an expression's unit."""

    def __init__(self, dims):
        self.dims = tuple(dims)

    @staticmethod
    def _of(value):
        return value.dims if isinstance(value, _Dim) else ()

    def _same(self, other):
        if self._of(other) != self.dims:
            raise ValueError(tr("Adds or subtracts {a} and {b}, which have different units.").format(
                a=_describe(self.dims), b=_describe(self._of(other))))
        return _Dim(self.dims)

    __add__ = __radd__ = __sub__ = __rsub__ = _same

    def __mul__(self, other):
        return _Dim(multiply_dimensions(self.dims, self._of(other)))

    __rmul__ = __mul__

    def __truediv__(self, other):
        return _Dim(multiply_dimensions(self.dims, self._of(other), -1))

    def __rtruediv__(self, other):
        return _Dim(multiply_dimensions(self._of(other), self.dims, -1))

    def __neg__(self):
        return self


def build_catalog(layers: Sequence[Sequence], stats: Dict[str, StatisticDef], files: Tuple[str, ...] = (),
                  groups: Optional[LandUseGroups] = None) -> Catalog:
    """Merge record layers (base catalog first, then overrides) and check the result."""
    builder = _Builder(stats, groups or LandUseGroups.default())
    for index, records in enumerate(layers):
        builder.merge(records, first=index == 0)
    indicators: Dict[str, Indicator] = {}
    for code in builder.values:
        built = builder.indicator(code)
        if built is not None:
            indicators[code] = built
    builder.check_references(indicators)
    if builder.problems:
        raise CatalogError(builder.problems)
    return Catalog(indicators, stats, files)
