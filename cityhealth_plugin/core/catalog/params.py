"""Parameters of catalog methods: filters, expressions and measure specifications.

Every computed indicator is an *expression* over named *measures*. A measure is a small
dict naming one spatial quantity or one input figure::

    {"landuse": "gengdi"}                              area of DLTB patches in a land-use group
    {"landuse": "chengxiang_jianshe", "within": "eco_redline"}   … clipped to a polygon role
    {"landuse": "*", "area_field": "TBMJ"}             all patches, by patch area (国土面积)
    {"area": "eco_redline", "dissolve": true}          area of a polygon role (overlaps merged)
    {"length": "roads", "filter": "DJ in (快速路, 主干路)", "within": "urban_area"}
    {"footprint": "buildings", "within": "urban_area"}
    {"floor_area": "buildings", "floors": "CS", "within": "urban_area"}
    {"sum": "population", "field": "RKS", "within": "urban_area", "unit": "人"}
    {"count": "buildings", "filter": "GD >= 100", "unit": "栋"}
    {"statistic": "GDP"}                             a department figure (DEPT_STATS)
    {"indicator": "C-03"}                              another indicator's value
    {"first_of": [measure, measure]}                   the first one whose inputs exist

Methods are sugar for such expressions (``landuse_share`` = numerator / denominator …);
``canonical(method, params)`` returns the expression and its inputs. Values are computed
in base units (m, m², 人, 元) and converted to the indicator's unit at the end.
"""

import ast
import re
from dataclasses import dataclass
from typing import Dict, List, Optional, Sequence, Tuple

from ..i18n import tr

MEASURE_KINDS = {
    "landuse": ("within", "area_field", "layer", "filter"),
    "area": ("within", "dissolve", "filter", "area_field"),
    "length": ("within", "filter"),
    "footprint": ("within", "filter"),
    "floor_area": ("within", "filter", "floors"),
    "sum": ("within", "filter", "field", "unit"),
    "count": ("within", "filter", "unit"),
    "statistic": ("unit",),
    "indicator": (),
    "first_of": (),
}
ROLE_KINDS = ("area", "length", "footprint", "floor_area", "sum", "count")
LANDUSE_LAYERS = ("dltb", "dltb_base")


class ParamError(ValueError):
    """A parameter that does not parse or does not fit its method."""


# ---------------------------------------------------------------- filters
@dataclass(frozen=True)
class Condition:
    field: str
    op: str  # ==, !=, >=, <=, >, <, in, not in
    values: Tuple

    def describe(self) -> str:
        if self.op in ("in", "not in"):
            return f"{self.field} {self.op} ({', '.join(map(str, self.values))})"
        return f"{self.field} {self.op} {self.values[0]}"


_COND = re.compile(r"^\s*([A-Za-z_\u4e00-\u9fff][\w\u4e00-\u9fff]*)\s*(>=|<=|==|!=|=|>|<|\bnot\s+in\b|\bin\b)\s*(.+?)\s*$",
                   re.IGNORECASE)


def _value(text: str):
    text = text.strip()
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "'\"":
        return text[1:-1]
    try:
        number = float(text)
    except ValueError:
        if not text or re.search(r"[\s,()]", text):
            raise ParamError(tr("'{value}' is not a number or a quoted text.").format(value=text)) from None
        return text
    return int(number) if number.is_integer() and "." not in text and "e" not in text.lower() else number


def _checked_value(text: str, part: str):
    try:
        return _value(text)
    except ParamError as error:
        raise ParamError(tr("Filter '{part}': {error}").format(part=part, error=error)) from None


def parse_filter(text: Optional[str]) -> Tuple[Condition, ...]:
    """``"GD >= 100"``, ``"DJ in (快速路, 主干路) and BX = 1"`` -> conditions (all must hold)."""
    if text is None or not str(text).strip():
        return ()
    conditions = []
    for part in re.split(r"\s+and\s+", str(text).strip(), flags=re.IGNORECASE):
        match = _COND.match(part)
        if not match:
            raise ParamError(tr("Filter '{part}' is not 'FIELD op value' (ops: = != > >= < <= in, not in).").format(
                part=part))
        field, op, rest = match.group(1), re.sub(r"\s+", " ", match.group(2).lower()), match.group(3)
        if op == "=":
            op = "=="
        if op in ("in", "not in"):
            inner = rest.strip()
            if not (inner.startswith("(") and inner.endswith(")")):
                raise ParamError(tr("Filter '{part}': the list after 'in' needs brackets.").format(part=part))
            items = [item for item in inner[1:-1].split(",") if item.strip()]
            if not items:
                raise ParamError(tr("Filter '{part}': empty list.").format(part=part))
            values = tuple(_checked_value(item, part) for item in items)
        else:
            values = (_checked_value(rest, part),)
        conditions.append(Condition(field, op, values))
    return tuple(conditions)


# ---------------------------------------------------------------- expressions
_ALLOWED = (ast.Expression, ast.BinOp, ast.UnaryOp, ast.Constant, ast.Name, ast.Load,
            ast.Add, ast.Sub, ast.Mult, ast.Div, ast.USub, ast.UAdd)


def parse_expression(text: str, names: Sequence[str]) -> ast.Expression:
    """A safe arithmetic expression (+ - * / and brackets) over ``names`` and numbers."""
    try:
        tree = ast.parse(str(text), mode="eval")
    except SyntaxError as error:
        raise ParamError(tr("Expression '{text}' does not parse: {error}").format(text=text, error=error.msg)) from None
    for node in ast.walk(tree):
        if not isinstance(node, _ALLOWED):
            raise ParamError(tr("Expression '{text}' may only use + - * /, brackets, numbers and input names.").format(
                text=text))
        if isinstance(node, ast.Constant) and not isinstance(node.value, (int, float)):
            raise ParamError(tr("Expression '{text}' has a non-numeric constant.").format(text=text))
        if isinstance(node, ast.Name) and node.id not in names:
            raise ParamError(tr("Expression '{text}' uses '{name}', which is not one of its inputs ({names}).").format(
                text=text, name=node.id, names=", ".join(names) or "-"))
    return tree


def evaluate_expression(tree: ast.Expression, values: Dict):
    """Evaluate a parsed expression; ``values`` may hold numbers or objects with + - * /."""
    def walk(node):
        if isinstance(node, ast.Expression):
            return walk(node.body)
        if isinstance(node, ast.Constant):
            return node.value
        if isinstance(node, ast.Name):
            return values[node.id]
        if isinstance(node, ast.UnaryOp):
            operand = walk(node.operand)
            return -operand if isinstance(node.op, ast.USub) else operand
        left, right = walk(node.left), walk(node.right)
        if isinstance(node.op, ast.Add):
            return left + right
        if isinstance(node.op, ast.Sub):
            return left - right
        if isinstance(node.op, ast.Mult):
            return left * right
        return left / right
    return walk(tree)


# ---------------------------------------------------------------- measures
def measure_kind(spec) -> str:
    if not isinstance(spec, dict):
        raise ParamError(tr("A measure must be an object such as {{\"landuse\": \"gengdi\"}}, not {value!r}.").format(
            value=spec))
    kinds = [key for key in spec if key in MEASURE_KINDS]
    if len(kinds) != 1:
        raise ParamError(tr("A measure needs exactly one of {kinds}; got {keys}.").format(
            kinds=", ".join(MEASURE_KINDS), keys=", ".join(spec) or "-"))
    kind = kinds[0]
    extra = [key for key in spec if key != kind and key not in MEASURE_KINDS[kind]]
    if extra:
        raise ParamError(tr("Measure '{kind}' does not take {keys} (it takes: {allowed}).").format(
            kind=kind, keys=", ".join(extra), allowed=", ".join(MEASURE_KINDS[kind]) or "-"))
    return kind


def walk_measures(spec):
    """Yield every measure in ``spec`` (alternatives included)."""
    kind = measure_kind(spec)
    yield spec
    if kind == "first_of":
        options = spec["first_of"]
        if not isinstance(options, list) or not options:
            raise ParamError(tr("'first_of' needs a non-empty list of measures."))
        for option in options:
            yield from walk_measures(option)


def measure_roles(spec) -> List[str]:
    """Roles a measure reads (``first_of``: the union of its alternatives)."""
    found = []
    for item in walk_measures(spec):
        kind = measure_kind(item)
        if kind == "landuse":
            found.append(item.get("layer") or "dltb")
        elif kind in ROLE_KINDS:
            found.append(item[kind])
        if item.get("within"):
            found.append(item["within"])
    return list(dict.fromkeys(found))


def measure_statistics(spec) -> List[str]:
    return list(dict.fromkeys(m["statistic"] for m in walk_measures(spec) if measure_kind(m) == "statistic"))


def measure_indicators(spec) -> List[str]:
    return list(dict.fromkeys(m["indicator"] for m in walk_measures(spec) if measure_kind(m) == "indicator"))


# ---------------------------------------------------------------- method sugar
EXPRESSION_METHODS = ("landuse_area", "landuse_share", "overlay_area", "density", "quantity", "per_capita",
                      "ratio", "count", "derived")
STATISTIC_METHODS = ("statistic", "survey", "bigdata")
COVERAGE_METHODS = ("radius_coverage", "walk_coverage")


def _group_measure(value, within=None, area_field=None, layer=None):
    if isinstance(value, str):
        spec = {"landuse": value}
        if within:
            spec["within"] = within
        if area_field:
            spec["area_field"] = area_field
        if layer:
            spec["layer"] = layer
        return spec
    if isinstance(value, dict) and within and "within" not in value and measure_kind(value) in ("landuse", "area"):
        return dict(value, within=within)
    return value


def _need(params: Dict, *keys) -> None:
    missing = [key for key in keys if params.get(key) in (None, "", [], {})]
    if missing:
        raise ParamError(tr("Missing parameter(s): {keys}.").format(keys=", ".join(missing)))


def _only(params: Dict, allowed: Sequence[str]) -> None:
    extra = [key for key in params if key not in allowed and not key.startswith("_")]
    if extra:
        raise ParamError(tr("Unknown parameter(s) {keys} (allowed: {allowed}).").format(
            keys=", ".join(extra), allowed=", ".join(allowed)))


def canonical(method: str, params: Dict) -> Tuple[str, Dict[str, Dict]]:
    """(expression, {name: measure}) of an expression method, from its catalog parameters."""
    p = dict(params or {})
    if method == "landuse_area":
        _only(p, ("group", "within", "area_field", "layer"))
        _need(p, "group")
        return "area", {"area": _group_measure(p["group"], p.get("within"), p.get("area_field"), p.get("layer"))}
    if method == "landuse_share":
        _only(p, ("numerator", "denominator", "within"))
        _need(p, "numerator", "denominator")
        return "numerator / denominator", {
            "numerator": _group_measure(p["numerator"], p.get("within")),
            "denominator": _group_measure(p["denominator"], p.get("within"))}
    if method == "overlay_area":
        _only(p, ("layer", "group", "clip", "dissolve", "area_field"))
        _need(p, "layer")
        if p.get("group"):
            spec = {"landuse": p["group"], "layer": p["layer"]}
            if p.get("area_field"):
                spec["area_field"] = p["area_field"]
        else:
            spec = {"area": p["layer"]}
            if p.get("dissolve"):
                spec["dissolve"] = bool(p["dissolve"])
            if p.get("area_field"):
                spec["area_field"] = p["area_field"]
        if p.get("clip"):
            spec["within"] = p["clip"]
        return "area", {"area": spec}
    if method in ("density", "ratio"):
        _only(p, ("numerator", "denominator"))
        _need(p, "numerator", "denominator")
        return "numerator / denominator", {"numerator": p["numerator"], "denominator": p["denominator"]}
    if method == "per_capita":
        _only(p, ("area", "population"))
        _need(p, "area", "population")
        return "area / population", {"area": _group_measure(p["area"]), "population": p["population"]}
    if method == "quantity":
        _only(p, ("measure",))
        _need(p, "measure")
        return "value", {"value": p["measure"]}
    if method == "count":
        _only(p, ("role", "filter", "within", "unit"))
        _need(p, "role")
        spec = {"count": p["role"]}
        for key in ("filter", "within", "unit"):
            if p.get(key):
                spec[key] = p[key]
        return "count", {"count": spec}
    if method == "derived":
        _only(p, ("expression", "inputs"))
        _need(p, "expression", "inputs")
        if not isinstance(p["inputs"], dict):
            raise ParamError(tr("'inputs' must map names to measures."))
        return str(p["expression"]), dict(p["inputs"])
    raise ParamError(tr("Method '{method}' is not an expression method.").format(method=method))


def coverage_params(method: str, params: Dict) -> Dict:
    """Checked parameters of a coverage method (the network engine interprets walk_coverage)."""
    p = dict(params or {})
    common = ("facilities", "source_group", "base", "within", "require", "min_area_m2")
    if method == "radius_coverage":
        _only(p, common + ("radius_m",))
        _need(p, "radius_m", "base")
    else:
        _only(p, common + ("threshold_m", "threshold_min", "mode", "speed_kmh", "distance"))
        _need(p, "base")
        if p.get("threshold_m") in (None, "") and p.get("threshold_min") in (None, ""):
            raise ParamError(tr("walk_coverage needs threshold_m or threshold_min."))
        if p.get("mode", "walk") not in ("walk", "drive"):
            raise ParamError(tr("mode must be 'walk' or 'drive', not '{mode}'.").format(mode=p.get("mode")))
        if p.get("distance", "network") not in ("network", "straight"):
            raise ParamError(tr("distance must be 'network' or 'straight'."))
    if not p.get("facilities") and not p.get("source_group"):
        raise ParamError(tr("A coverage method needs 'facilities' (roles) or 'source_group' (land-use group)."))
    if p.get("facilities") is not None and not isinstance(p["facilities"], list):
        raise ParamError(tr("'facilities' must be a list of roles."))
    if p.get("require", "any") not in ("any", "all"):
        raise ParamError(tr("require must be 'any' or 'all'."))
    for key in ("radius_m", "threshold_m", "threshold_min", "speed_kmh", "min_area_m2"):
        if p.get(key) not in (None, ""):
            try:
                number = float(p[key])
            except (TypeError, ValueError):
                raise ParamError(tr("'{key}' must be a number.").format(key=key)) from None
            if number <= 0:
                raise ParamError(tr("'{key}' must be positive.").format(key=key))
    measure_kind(p["base"])
    return p


def statistic_code(indicator_code: str, params: Dict) -> str:
    return (params or {}).get("statistic") or indicator_code


def referenced(method: str, params: Dict, code: str = "") -> Tuple[List[str], List[str], List[str]]:
    """(roles, statistics, indicators) that a method's parameters read."""
    roles: List[str] = []
    stats: List[str] = []
    indicators: List[str] = []
    if method in EXPRESSION_METHODS:
        _, inputs = canonical(method, params)
        for spec in inputs.values():
            roles += measure_roles(spec)
            stats += measure_statistics(spec)
            indicators += measure_indicators(spec)
    elif method in COVERAGE_METHODS:
        p = coverage_params(method, params)
        roles += list(p.get("facilities") or [])
        if p.get("source_group"):
            roles.append("dltb")
        roles += measure_roles(p["base"])
        stats += measure_statistics(p["base"])
        if p.get("within"):
            roles.append(p["within"])
        if method == "walk_coverage" and p.get("distance", "network") == "network":
            roles.append("roads")
    elif method in STATISTIC_METHODS:
        stats.append(statistic_code(code, params))
    return list(dict.fromkeys(roles)), list(dict.fromkeys(stats)), list(dict.fromkeys(indicators))
