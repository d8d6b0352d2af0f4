"""The map catalogue of the planning implementation analysis map set (附件3 规划实施分析图集).

The catalogue is data (``resources/mapset/maps.json``): each map is a stack of layers, each
layer names its *source* and a *style* recipe. Sources are

* ``role:<role id>`` — a layer the user assigned to a role (core/roles/registry.py),
* ``derived:<id>`` — a layer the map set computes from roles (construction land change, road
  density by district, population density), declared with its inputs under ``derived``,
* ``result:<id>`` or ``result:<id>:<key>`` — a result another part of the health check
  supplies (compliance violations, service areas per facility type, life-circle
  completeness, district value tables), declared under ``results``.

A map whose non-optional sources are all present is *available*; otherwise
:func:`availability` says which role or result is missing, in a sentence for the user.
Maps with ``each`` are templates: ``facility`` gives one map per facility role,
``indicator`` one per supplied indicator table (``result:indicator:<code>``).

Nothing here knows QGIS; qgis_bridge/map_layers.py turns a :class:`MapEntry` into layers.
"""

import copy
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, Iterable, List, Mapping, Optional, Sequence, Set, Tuple

from ...resources_paths import RESOURCES
from ..i18n import tr
from ..roles.registry import ROLES_BY_ID, facility_roles

CATALOGUE_FILE = RESOURCES / "mapset" / "maps.json"
LANGUAGES = ("zh", "en")
STYLES = ("role", "fill", "outline", "line", "marker", "categorized", "graduated")
EACH = ("facility", "indicator")
METHODS = ("nice_quantile", "quantile", "equal")
REQUIRED_TEXTS = (
    "title", "title_no_city", "year", "year_range", "atlas_title", "legend", "data_source", "map_date", "crs", "scale",
    "scale_unit", "page", "list_separator", "and_more", "no_data", "cover_title", "cover_title_no_city", "cover_subtitle", "toc",
    "toc_line", "toc_atlas", "toc_pages", "toc_page_range", "unavailable_heading", "unavailable_line",
    "crs_geographic", "crs_gk", "crs_tm",
)
_ID = re.compile(r"^[a-z][a-z0-9_]*$")
_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}([0-9a-fA-F]{2})?$")
_SOURCE = re.compile(r"^(role|derived|result):([A-Za-z0-9_{}\-.]+)(?::([A-Za-z0-9_{}\-.]+))?$")


class CatalogueError(ValueError):
    """The catalogue file is not valid; the message lists every problem."""


def pick(texts: Mapping[str, str], lang: str) -> str:
    """The ``lang`` text of a {zh, en} pair (falls back to the other language)."""
    if not isinstance(texts, Mapping):
        return str(texts or "")
    return texts.get(lang) or texts.get("zh" if lang == "en" else "en") or ""


def facility_names(role_id: str) -> Dict[str, str]:
    """{zh, en} short names of a facility role from its registry label 'Primary schools (小学)'."""
    label = ROLES_BY_ID[role_id].label
    match = re.match(r"^(.*?)\s*\((.*)\)\s*$", label)
    if match:
        return {"en": match.group(1).strip(), "zh": match.group(2).strip()}
    return {"en": label, "zh": label}


def _substitute(value, mapping: Mapping[str, str]):
    """Replace {placeholders} of ``mapping`` in every string of a JSON-like value."""
    if isinstance(value, str):
        for key, text in mapping.items():
            value = value.replace("{" + key + "}", text)
        return value
    if isinstance(value, list):
        return [_substitute(item, mapping) for item in value]
    if isinstance(value, dict):
        return {key: _substitute(item, mapping) for key, item in value.items()}
    return value


def _substitute_pair(value, mapping_by_lang: Mapping[str, Mapping[str, str]]):
    """Like _substitute, but the text under a "zh" / "en" key gets the placeholders of its language."""
    if isinstance(value, dict):
        return {key: (_substitute(item, mapping_by_lang.get(key, {})) if key in LANGUAGES and isinstance(item, str)
                      else _substitute_pair(item, mapping_by_lang)) for key, item in value.items()}
    if isinstance(value, list):
        return [_substitute_pair(item, mapping_by_lang) for item in value]
    if isinstance(value, str):
        return _substitute(value, mapping_by_lang.get("plain", {}))
    return value


@dataclass(frozen=True)
class LayerSpec:
    """One layer of a map: where its features come from and how it is drawn."""

    source: str
    style: str
    optional: bool = False
    legend: bool = True
    legend_title: Dict[str, str] = field(default_factory=dict)
    options: Dict[str, Any] = field(default_factory=dict)  # the style recipe's settings

    @property
    def kind(self) -> str:
        return self.source.split(":", 1)[0]

    @property
    def ref(self) -> str:
        """The role / derived / result id (with its key for keyed results)."""
        return self.source.split(":", 1)[1]

    @property
    def role_id(self) -> Optional[str]:
        return self.ref if self.kind == "role" else None

    def title(self, lang: str) -> str:
        return pick(self.legend_title, lang)

    def option(self, name: str, default=None):
        return self.options.get(name, default)

    @classmethod
    def from_dict(cls, data: Mapping) -> "LayerSpec":
        known = {"source", "style", "optional", "legend", "legend_title"}
        return cls(source=data["source"], style=data["style"], optional=bool(data.get("optional", False)),
                   legend=bool(data.get("legend", True)), legend_title=dict(data.get("legend_title") or {}),
                   options={key: value for key, value in data.items() if key not in known})


@dataclass(frozen=True)
class MapEntry:
    """One concrete map of the set (templates already expanded)."""

    id: str
    spec_id: str
    names: Dict[str, str]
    sources_text: Dict[str, str]
    layers: Tuple[LayerSpec, ...]
    extent: str = "role:admin_district"
    atlas: bool = True
    title_years: str = "single"  # "single" (year) or "range" (base year – year)
    overlay_labels: bool = True
    key: Optional[str] = None  # facility role id or indicator code of an expanded template
    order: int = 0

    def name(self, lang: str) -> str:
        return pick(self.names, lang)

    def required_sources(self) -> Tuple[str, ...]:
        return tuple(dict.fromkeys(layer.source for layer in self.layers if not layer.optional))

    def optional_sources(self) -> Tuple[str, ...]:
        required = set(self.required_sources())
        return tuple(dict.fromkeys(layer.source for layer in self.layers
                                   if layer.optional and layer.source not in required))

    def all_sources(self) -> Tuple[str, ...]:
        return tuple(dict.fromkeys(layer.source for layer in self.layers))


@dataclass(frozen=True)
class MapSpec:
    """A catalogue record as written in maps.json (possibly a template with ``each``)."""

    id: str
    data: Dict[str, Any]
    order: int

    @property
    def each(self) -> Optional[str]:
        return self.data.get("each")

    def name(self, lang: str) -> str:
        return pick({"zh": self.data.get("zh", ""), "en": self.data.get("en", "")}, lang)


@dataclass(frozen=True)
class Availability:
    entry: MapEntry
    available: bool
    missing: Tuple[str, ...] = ()  # sources that are missing or unusable
    reasons: Tuple[str, ...] = ()  # one translated sentence per problem

    @property
    def reason(self) -> str:
        return " ".join(self.reasons)


class Catalogue:
    """The loaded, validated catalogue."""

    def __init__(self, data: Mapping, origin: str = ""):
        self.data = copy.deepcopy(dict(data))
        self.origin = origin
        self.texts: Dict[str, Dict[str, str]] = self.data.get("texts", {})
        self.derived: Dict[str, Dict[str, Any]] = self.data.get("derived", {})
        self.results: Dict[str, Dict[str, Any]] = self.data.get("results", {})
        self.defaults: Dict[str, Any] = self.data.get("defaults", {})
        self.specs: Tuple[MapSpec, ...] = tuple(MapSpec(item["id"], item, index)
                                                for index, item in enumerate(self.data.get("maps", [])))

    # -- texts --------------------------------------------------------------------------
    def text(self, key: str, lang: str, **values) -> str:
        template = pick(self.texts.get(key, {}), lang)
        return template.format(**values) if values else template

    # -- expansion ----------------------------------------------------------------------
    def spec(self, spec_id: str) -> MapSpec:
        for spec in self.specs:
            if spec.id == spec_id:
                return spec
        raise KeyError(tr("Unknown map '{map}' in the map set catalogue.").format(map=spec_id))

    def entries(self, indicators: Optional[Mapping[str, Mapping[str, str]]] = None) -> List[MapEntry]:
        """Every concrete map in catalogue order.

        ``indicators``: {indicator code: {"zh": name, "en": name, "unit": unit}} of the supplied
        district value tables; each gives one map of every ``each: indicator`` template.
        """
        entries: List[MapEntry] = []
        for spec in self.specs:
            if spec.each == "facility":
                for role in facility_roles():
                    names = facility_names(role.id)
                    entries.append(self._entry(spec, role.id, {"zh": {"facility": names["zh"], "key": role.id},
                                                               "en": {"facility": names["en"], "key": role.id},
                                                               "plain": {"key": role.id}}))
            elif spec.each == "indicator":
                for code, info in (indicators or {}).items():
                    zh = {"indicator": info.get("zh") or info.get("en") or code, "unit": info.get("unit", ""),
                          "key": code}
                    en = {"indicator": info.get("en") or info.get("zh") or code, "unit": info.get("unit", ""),
                          "key": code}
                    entries.append(self._entry(spec, code, {"zh": zh, "en": en, "plain": {"key": code}}))
            else:
                entries.append(self._entry(spec, None, {}))
        return entries

    def static_entries(self) -> List[MapEntry]:
        """The maps that exist without supplied indicator tables (the Processing MAPS options)."""
        return self.entries({})

    def _entry(self, spec: MapSpec, key: Optional[str], mapping: Mapping[str, Mapping[str, str]]) -> MapEntry:
        data = _substitute_pair(spec.data, mapping)
        overlay = [] if data.get("overlay") is False else copy.deepcopy(list(self.defaults.get("overlay", [])))
        if not data.get("overlay_labels", True):
            for item in overlay:
                item["labels"] = False
        layers = tuple(LayerSpec.from_dict(item) for item in list(data["layers"]) + overlay)
        entry_id = spec.id if key is None else "{}_{}".format(spec.id, re.sub(r"[^A-Za-z0-9_]+", "_", key))
        return MapEntry(
            id=entry_id, spec_id=spec.id, key=key, order=spec.order,
            names={"zh": data.get("zh", ""), "en": data.get("en", "")},
            sources_text=dict(data.get("sources") or {}),
            layers=layers,
            extent=data.get("extent", self.defaults.get("extent", "role:admin_district")),
            atlas=bool(data.get("atlas", self.defaults.get("atlas", True))),
            title_years=data.get("title_years", "single"),
            overlay_labels=bool(data.get("overlay_labels", True)),
        )

    # -- availability -------------------------------------------------------------------
    def source_inputs(self, source: str) -> Tuple[str, ...]:
        """The role / result sources a source stands on (itself for roles and results)."""
        kind, _, ref = source.partition(":")
        if kind == "derived":
            spec = self.derived.get(ref, {})
            return tuple(spec.get("inputs", ()))
        return (source,)

    def availability(self, entry: MapEntry, present: Iterable[str], problems: Optional[Mapping[str, str]] = None,
                     lang: str = "en") -> Availability:
        """Is ``entry`` drawable with the ``present`` sources ('role:dltb', 'result:life_circle' …)?

        ``problems``: {source: sentence} for sources that are there but unusable (empty layer,
        missing field, wrong geometry); such a source counts as missing, with that sentence.
        """
        present = set(present)
        problems = dict(problems or {})
        missing: List[str] = []
        reasons: List[str] = []
        for source in entry.required_sources():
            for needed in self.source_inputs(source) or (source,):
                if needed in missing:
                    continue
                if needed in problems:
                    missing.append(needed)
                    reasons.append(problems[needed])
                elif needed not in present:
                    missing.append(needed)
                    reasons.append(self.missing_reason(needed, lang))
            if source in problems and source not in missing:
                missing.append(source)
                reasons.append(problems[source])
        return Availability(entry, not missing, tuple(missing), tuple(reasons))

    def missing_reason(self, source: str, lang: str = "en") -> str:
        kind, _, ref = source.partition(":")
        if kind == "role":
            role = ROLES_BY_ID.get(ref)
            name = role.display_name() if role is not None else ref
            return tr("Missing layer: {role}. Assign it in the Data panel.").format(role=name)
        if kind == "result":
            result_id, _, key = ref.partition(":")
            spec = self.results.get(result_id, {})
            what = pick({"zh": spec.get("zh", result_id), "en": spec.get("en", result_id)}, lang)
            producer = pick({"zh": spec.get("producer_zh", ""), "en": spec.get("producer_en", "")}, lang)
            if key and spec.get("per") == "facility" and key in ROLES_BY_ID:
                what = "{} ({})".format(what, pick(facility_names(key), lang))
            elif key:
                what = "{} ({})".format(what, key)
            if producer:
                return tr("Missing result: {result}. Run {producer} first.").format(result=what, producer=producer)
            return tr("Missing result: {result}.").format(result=what)
        return tr("Missing input: {source}.").format(source=source)

    def roles_used(self) -> Tuple[str, ...]:
        """Every role id the catalogue's maps use (directly or through derived layers), in registry order."""
        used: Set[str] = set()
        for entry in self.static_entries():
            for source in entry.all_sources():
                for needed in self.source_inputs(source):
                    kind, _, ref = needed.partition(":")
                    if kind == "role":
                        used.add(ref)
                spec = self.derived.get(source.partition(":")[2], {}) if source.startswith("derived:") else {}
                extra = spec.get("points_need")
                if extra and extra.startswith("role:"):
                    used.add(extra[5:])
        used.add("admin_district")
        return tuple(role_id for role_id in ROLES_BY_ID if role_id in used)


# --------------------------------------------------------------------------------------
# loading and validation
# --------------------------------------------------------------------------------------

def _pair_problem(value, where: str) -> Optional[str]:
    if not isinstance(value, Mapping) or not value.get("zh") or not value.get("en"):
        return tr("{where}: needs a Chinese (zh) and an English (en) text.").format(where=where)
    return None


def _colour_problems(layer: Mapping, keys: Sequence[str], where: str) -> List[str]:
    problems = []
    for key in keys:
        value = layer.get(key)
        if value is None or value == "none":
            continue
        if not isinstance(value, str) or not _COLOUR.match(value):
            problems.append(tr("{where}: '{key}' must be a colour like #1f78b4, not {value!r}.").format(
                where=where, key=key, value=value))
    return problems


def _layer_problems(layer: Mapping, where: str, data: Mapping, each: Optional[str]) -> List[str]:
    problems: List[str] = []
    if not isinstance(layer, Mapping):
        return [tr("{where}: a layer must be an object.").format(where=where)]
    source = layer.get("source", "")
    match = _SOURCE.match(source) if isinstance(source, str) else None
    if not match:
        return [tr("{where}: source {source!r} must be role:<id>, derived:<id> or result:<id>[:<key>].").format(
            where=where, source=source)]
    kind, ref, key = match.group(1), match.group(2), match.group(3)
    placeholder = "{key}"
    if kind == "role":
        if ref == placeholder:
            if each != "facility":
                problems.append(tr("{where}: role:{{key}} is only allowed in maps with \"each\": \"facility\".").format(
                    where=where))
        elif ref not in ROLES_BY_ID:
            problems.append(tr("{where}: unknown role '{role}'.").format(where=where, role=ref))
    elif kind == "derived":
        if ref not in data.get("derived", {}):
            problems.append(tr("{where}: derived layer '{id}' is not declared under \"derived\".").format(
                where=where, id=ref))
    else:
        result = data.get("results", {}).get(ref)
        if result is None:
            problems.append(tr("{where}: result '{id}' is not declared under \"results\".").format(where=where, id=ref))
        elif result.get("per") and key is None:
            problems.append(tr("{where}: result '{id}' is given per {per}; write result:{id}:{{key}}.").format(
                where=where, id=ref, per=result["per"]))
        elif key == placeholder and each is None:
            problems.append(tr("{where}: {{key}} is only allowed in maps with \"each\".").format(where=where))
    style = layer.get("style")
    if style not in STYLES:
        problems.append(tr("{where}: style {style!r} is not one of {styles}.").format(
            where=where, style=style, styles=", ".join(STYLES)))
        return problems
    if style == "role" and kind != "role":
        problems.append(tr("{where}: the 'role' style needs a role:<id> source.").format(where=where))
    if style == "fill" and not layer.get("fill"):
        problems.append(tr("{where}: the 'fill' style needs a 'fill' colour.").format(where=where))
    if style == "outline" and not layer.get("outline"):
        problems.append(tr("{where}: the 'outline' style needs an 'outline' colour.").format(where=where))
    if style in ("line", "marker") and not layer.get("color"):
        problems.append(tr("{where}: the '{style}' style needs a 'color'.").format(where=where, style=style))
    if style == "categorized":
        if not layer.get("field"):
            problems.append(tr("{where}: the 'categorized' style needs a 'field'.").format(where=where))
        classes = layer.get("classes")
        if not isinstance(classes, list) or not classes:
            problems.append(tr("{where}: the 'categorized' style needs a list of 'classes'.").format(where=where))
        else:
            for index, item in enumerate(classes, start=1):
                spot = "{} class {}".format(where, index)
                if "value" not in item:
                    problems.append(tr("{where}: a class needs a 'value'.").format(where=spot))
                problem = _pair_problem(item, spot)
                if problem:
                    problems.append(problem)
                problems += _colour_problems(item, ("fill", "outline"), spot)
    if style == "graduated":
        if not layer.get("field") and not layer.get("expression"):
            problems.append(tr("{where}: the 'graduated' style needs a 'field' or an 'expression'.").format(where=where))
        ranges = layer.get("ranges")
        if ranges is not None:
            if not isinstance(ranges, list) or not ranges:
                problems.append(tr("{where}: 'ranges' must be a non-empty list.").format(where=where))
            else:
                previous = None
                for index, item in enumerate(ranges, start=1):
                    spot = "{} range {}".format(where, index)
                    try:
                        lower, upper = float(item["lower"]), float(item["upper"])
                    except (KeyError, TypeError, ValueError):
                        problems.append(tr("{where}: a range needs numeric 'lower' and 'upper'.").format(where=spot))
                        continue
                    if upper < lower or (previous is not None and lower < previous):
                        problems.append(tr("{where}: ranges must be ascending and not overlap.").format(where=spot))
                    previous = upper
                    problem = _pair_problem(item, spot)
                    if problem:
                        problems.append(problem)
                    problems += _colour_problems(item, ("fill",), spot)
        else:
            classes = layer.get("classes", 5)
            if not isinstance(classes, int) or not 2 <= classes <= 9:
                problems.append(tr("{where}: 'classes' must be a whole number from 2 to 9.").format(where=where))
            if layer.get("method", "nice_quantile") not in METHODS:
                problems.append(tr("{where}: 'method' must be one of {methods}.").format(
                    where=where, methods=", ".join(METHODS)))
            for key_name in ("ramp", "ramp_lower_is_better"):
                ramp = layer.get(key_name)
                if ramp is None:
                    continue
                if not isinstance(ramp, list) or len(ramp) < 2 or not all(
                        isinstance(c, str) and _COLOUR.match(c) for c in ramp):
                    problems.append(tr("{where}: '{key}' must be a list of at least two colours.").format(
                        where=where, key=key_name))
    problems += _colour_problems(layer, ("fill", "outline", "color"), where)
    opacity = layer.get("opacity", 1.0)
    if not isinstance(opacity, (int, float)) or not 0 < opacity <= 1:
        problems.append(tr("{where}: 'opacity' must be above 0 and at most 1.").format(where=where))
    if layer.get("legend", True) and layer.get("legend_title") is not None:
        problem = _pair_problem(layer.get("legend_title"), where + " legend_title")
        if problem:
            problems.append(problem)
    return problems


def validate_catalogue(data: Mapping) -> List[str]:
    """Every problem of a catalogue as a list of sentences (empty when it is valid)."""
    problems: List[str] = []
    if not isinstance(data, Mapping):
        return [tr("The map set catalogue must be a JSON object.")]
    texts = data.get("texts", {})
    for key in REQUIRED_TEXTS:
        problem = _pair_problem(texts.get(key), "texts." + key)
        if problem:
            problems.append(problem)
    for derived_id, spec in data.get("derived", {}).items():
        inputs = spec.get("inputs") if isinstance(spec, Mapping) else None
        if not inputs:
            problems.append(tr("derived.{id}: needs a list of 'inputs'.").format(id=derived_id))
            continue
        for source in inputs:
            kind, _, ref = str(source).partition(":")
            if kind != "role" or ref not in ROLES_BY_ID:
                problems.append(tr("derived.{id}: input {source!r} must be role:<known role id>.").format(
                    id=derived_id, source=source))
    for result_id, spec in data.get("results", {}).items():
        if not _ID.match(result_id):
            problems.append(tr("results.{id}: ids are lower-case letters, digits and _.").format(id=result_id))
        if spec.get("per") not in (None, "facility", "indicator"):
            problems.append(tr("results.{id}: 'per' must be facility or indicator.").format(id=result_id))
        problem = _pair_problem({"zh": spec.get("zh"), "en": spec.get("en")}, "results." + result_id)
        if problem:
            problems.append(problem)
    maps = data.get("maps")
    if not isinstance(maps, list) or not maps:
        problems.append(tr("The map set catalogue lists no maps."))
        return problems
    seen: Set[str] = set()
    for index, item in enumerate(maps, start=1):
        map_id = item.get("id") if isinstance(item, Mapping) else None
        where = "maps[{}] {}".format(index, map_id or "")
        if not isinstance(map_id, str) or not _ID.match(map_id):
            problems.append(tr("{where}: 'id' must be lower-case letters, digits and _.").format(where=where))
            continue
        if map_id in seen:
            problems.append(tr("{where}: the id '{id}' is used twice.").format(where=where, id=map_id))
        seen.add(map_id)
        problem = _pair_problem({"zh": item.get("zh"), "en": item.get("en")}, where)
        if problem:
            problems.append(problem)
        each = item.get("each")
        if each is not None and each not in EACH:
            problems.append(tr("{where}: 'each' must be one of {values}.").format(where=where, values=", ".join(EACH)))
        if item.get("title_years", "single") not in ("single", "range"):
            problems.append(tr("{where}: 'title_years' must be single or range.").format(where=where))
        layers = item.get("layers")
        if not isinstance(layers, list) or not layers:
            problems.append(tr("{where}: needs a non-empty list of 'layers'.").format(where=where))
            continue
        if all(layer.get("optional") for layer in layers if isinstance(layer, Mapping)):
            problems.append(tr("{where}: at least one layer must not be optional.").format(where=where))
        for number, layer in enumerate(layers, start=1):
            problems += _layer_problems(layer, "{} layer {}".format(where, number), data, each)
    for number, layer in enumerate(data.get("defaults", {}).get("overlay", []), start=1):
        problems += _layer_problems(layer, "defaults.overlay {}".format(number), data, None)
    return problems


def load_catalogue(path: Optional[Path] = None) -> Catalogue:
    """Read and validate a catalogue file (the shipped one by default). Raises CatalogueError."""
    path = Path(path) if path else CATALOGUE_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise CatalogueError(tr("The map set catalogue {path} cannot be read: {error}").format(
            path=path, error=error)) from None
    problems = validate_catalogue(data)
    if problems:
        raise CatalogueError(tr("The map set catalogue {path} has problems:").format(path=path.name) + "\n"
                             + "\n".join(problems))
    return Catalogue(data, str(path))


_DEFAULT: Optional[Catalogue] = None


def default_catalogue() -> Catalogue:
    """The shipped catalogue, loaded once."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = load_catalogue()
    return _DEFAULT
