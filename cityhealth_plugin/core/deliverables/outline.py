"""The report outline (resources/deliverables/report_outline.json): aspects and special topics.

``load_outline(path=None)`` reads and checks the file; ``Outline.assign(catalog_rows)`` maps every
indicator to one of the six assessment aspects (战略定位 … 实施保障): a code listed in an
aspect's ``codes`` goes there; the others go to the first aspect whose ``level2`` list has the
indicator's level-2 category; the rest to ``fallback``. ``exclude`` keeps a code out of an
aspect's level-2 match. A city edits a copy of the file (aspect texts, codes, maps, topics) and
passes it as ``PackageOptions.outline``.
"""

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, Iterable, List, Mapping, Optional, Sequence, Tuple

from ...resources_paths import RESOURCES
from ..i18n import tr

OUTLINE_PATH = RESOURCES / "deliverables" / "report_outline.json"
ASPECT_IDS = ("strategy", "bottom_line", "scale_structure", "layout", "support", "implementation")
KNOWN_CHECKS = ("redline_construction", "farmland_occupation", "new_construction_outside_boundary",
                "heritage_construction", "new_construction")


class OutlineError(ValueError):
    """The outline file is broken; the message lists every problem."""


def map_entry_id(reference: str) -> str:
    """A map reference of the outline as a map-set entry id: 'indicator:F-21' -> 'indicator_F_21'."""
    if reference.startswith("indicator:"):
        return "indicator_" + re.sub(r"[^A-Za-z0-9_]+", "_", reference.split(":", 1)[1])
    return reference


@dataclass
class Aspect:
    id: str
    zh: str
    scope: str
    codes: Tuple[str, ...] = ()
    level2: Tuple[str, ...] = ()
    exclude: Tuple[str, ...] = ()
    compliance: Tuple[str, ...] = ()
    maps: Tuple[str, ...] = ()
    district_maps: Tuple[str, ...] = ()
    key_tasks: bool = False

    def map_ids(self) -> List[str]:
        return [map_entry_id(m) for m in self.maps]


@dataclass
class Topic:
    id: str
    zh: str
    focus: str
    background: str
    codes: Tuple[str, ...] = ()
    headline: str = ""
    compliance: Tuple[str, ...] = ()
    maps: Tuple[str, ...] = ()
    survey_dimension: str = ""

    def map_ids(self) -> List[str]:
        return [map_entry_id(m) for m in self.maps]


@dataclass
class Outline:
    aspects: List[Aspect]
    topics: List[Topic]
    default_topic: str
    fallback: str
    origin: str = ""
    data: Dict = field(default_factory=dict)

    def aspect(self, aspect_id: str) -> Aspect:
        return next(a for a in self.aspects if a.id == aspect_id)

    def topic(self, topic_id: Optional[str] = None) -> Topic:
        wanted = topic_id or self.default_topic
        for topic in self.topics:
            if topic.id == wanted or topic.zh == wanted:
                return topic
        raise OutlineError(tr("Unknown special topic '{topic}'; the outline has: {topics}.").format(
            topic=wanted, topics=", ".join(t.id for t in self.topics)))

    def assign(self, indicators: Iterable[Tuple[str, str]]) -> Dict[str, List[str]]:
        """{aspect id: [codes]} for (code, level2) pairs, in the given (catalog) order; every code once."""
        explicit: Dict[str, str] = {}
        for aspect in self.aspects:
            for code in aspect.codes:
                explicit.setdefault(code, aspect.id)
        out: Dict[str, List[str]] = {a.id: [] for a in self.aspects}
        for code, level2 in indicators:
            target = explicit.get(code)
            if target is None:
                target = next((a.id for a in self.aspects if level2 in a.level2 and code not in a.exclude),
                              self.fallback)
            out[target].append(code)
        return out

    def district_map_codes(self) -> List[str]:
        """Indicators drawn by district in the map set (aspects and topics), first mention first."""
        codes: List[str] = []
        for aspect in self.aspects:
            codes += list(aspect.district_maps) + [m.split(":", 1)[1] for m in aspect.maps if m.startswith("indicator:")]
        for topic in self.topics:
            codes += [m.split(":", 1)[1] for m in topic.maps if m.startswith("indicator:")]
        return list(dict.fromkeys(codes))


def _strings(value, where: str, problems: List[str]) -> Tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        problems.append(tr("{where}: expected a list of texts.").format(where=where))
        return ()
    return tuple(value)


def parse_outline(data: Mapping, origin: str = "") -> Outline:
    problems: List[str] = []
    aspects: List[Aspect] = []
    raw_aspects = data.get("aspects") if isinstance(data, Mapping) else None
    if not isinstance(raw_aspects, list) or not raw_aspects:
        raise OutlineError(tr("The report outline {path} has no 'aspects' list.").format(path=origin))
    for index, item in enumerate(raw_aspects):
        where = f"aspects[{index}]"
        if not isinstance(item, Mapping) or not item.get("id") or not item.get("zh"):
            problems.append(tr("{where}: an aspect needs 'id' and 'zh'.").format(where=where))
            continue
        checks = _strings(item.get("compliance"), where + ".compliance", problems)
        for check in checks:
            if check not in KNOWN_CHECKS:
                problems.append(tr("{where}: unknown compliance check '{check}' (known: {known}).").format(
                    where=where, check=check, known=", ".join(KNOWN_CHECKS)))
        aspects.append(Aspect(
            id=str(item["id"]), zh=str(item["zh"]), scope=str(item.get("scope", "")),
            codes=_strings(item.get("codes"), where + ".codes", problems),
            level2=_strings(item.get("level2"), where + ".level2", problems),
            exclude=_strings(item.get("exclude"), where + ".exclude", problems),
            compliance=checks, maps=_strings(item.get("maps"), where + ".maps", problems),
            district_maps=_strings(item.get("district_maps"), where + ".district_maps", problems),
            key_tasks=bool(item.get("key_tasks", False))))
    ids = [a.id for a in aspects]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        problems.append(tr("Duplicate aspect ids: {ids}.").format(ids=", ".join(duplicates)))
    fallback = str(data.get("fallback") or (ids[-1] if ids else ""))
    if fallback not in ids:
        problems.append(tr("'fallback' must be one of the aspect ids ({ids}), not '{value}'.").format(
            ids=", ".join(ids), value=fallback))
    topics: List[Topic] = []
    for index, item in enumerate(data.get("topics") or []):
        where = f"topics[{index}]"
        if not isinstance(item, Mapping) or not item.get("id") or not item.get("zh"):
            problems.append(tr("{where}: a topic needs 'id' and 'zh'.").format(where=where))
            continue
        topics.append(Topic(
            id=str(item["id"]), zh=str(item["zh"]), focus=str(item.get("focus", item["zh"])),
            background=str(item.get("background", "")), codes=_strings(item.get("codes"), where + ".codes", problems),
            headline=str(item.get("headline", "")),
            compliance=_strings(item.get("compliance"), where + ".compliance", problems),
            maps=_strings(item.get("maps"), where + ".maps", problems),
            survey_dimension=str(item.get("survey_dimension", ""))))
    default_topic = str(data.get("default_topic") or (topics[0].id if topics else ""))
    if topics and default_topic not in {t.id for t in topics}:
        problems.append(tr("'default_topic' '{value}' is not a topic id.").format(value=default_topic))
    if problems:
        raise OutlineError(tr("The report outline {path} has problems:\n{problems}").format(
            path=origin, problems="\n".join("- " + p for p in problems)))
    return Outline(aspects, topics, default_topic, fallback, origin, dict(data))


def load_outline(path: Optional[Path] = None) -> Outline:
    """The outline from ``path`` (default: the shipped one). Raises OutlineError with every problem."""
    path = Path(path) if path else OUTLINE_PATH
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise OutlineError(tr("Report outline not found: {path}.").format(path=path)) from None
    except json.JSONDecodeError as error:
        raise OutlineError(tr("The report outline {path} is not valid JSON: {error}").format(
            path=path, error=error)) from None
    return parse_outline(data, str(path))


def catalog_pairs(catalog) -> List[Tuple[str, str]]:
    """(code, level2) of every catalog indicator, in catalog order."""
    return [(indicator.code, indicator.level2) for indicator in catalog]


def unknown_codes(outline: Outline, known: Sequence[str]) -> List[str]:
    """Codes the outline names that the catalog does not have (a note, not an error: a city catalog may differ)."""
    named = [c for a in outline.aspects for c in a.codes + a.district_maps]
    named += [c for t in outline.topics for c in t.codes]
    known_set = set(known)
    return sorted({c for c in named if c not in known_set})
