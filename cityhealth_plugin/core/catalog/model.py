"""The indicator catalog as records: one ``Indicator`` per row of the catalog file.

Column meanings are documented in docs/catalog.md. Values that the shipped file does not
know for certain stay empty (``tier``) or are marked (``tier_guess``, ``verified``).
"""

from dataclasses import dataclass, field, replace
from typing import Dict, Iterator, List, Optional, Tuple

from ..i18n import tr

LEVEL1 = ("安全", "创新", "协调", "绿色", "开放", "共享")
TIERS = ("基本", "国审必选", "推荐", "地方")
DIRECTIONS = ("positive", "negative", "interval", "constraint")
SCOPES = ("city", "urban_area")
UNIT_TYPES = ("district", "subdistrict")
SOURCE_TYPES = ("spatial", "statistic", "survey", "web")

# Every column of a catalog file, in file order. ``code`` is the key.
COLUMNS = (
    "code", "level1", "level2", "name_zh", "name_en", "unit", "tier", "tier_guess", "verified",
    "direction", "method", "params", "roles", "statistics", "scope", "per_unit", "formula_zh",
    "target", "target_year", "source_type", "confidence", "source", "notes",
)
REQUIRED_FOR_NEW = ("code", "level1", "name_zh", "unit", "direction", "method")


@dataclass(frozen=True)
class Indicator:
    code: str
    level1: str
    level2: str
    name_zh: str
    name_en: str
    unit: str
    direction: str
    method: str
    params: Dict = field(default_factory=dict)
    tier: str = ""
    tier_guess: str = ""
    verified: bool = False
    roles: Tuple[str, ...] = ()
    statistics: Tuple[str, ...] = ()
    scope: str = "city"
    per_unit: Tuple[str, ...] = ("district", "subdistrict")
    formula_zh: str = ""
    target: str = ""
    target_year: Optional[int] = None
    source_type: str = "statistic"
    confidence: str = ""
    source: str = ""
    notes: str = ""
    origin: str = ""  # file (and line) that last set this record

    def name(self, language: str = "zh") -> str:
        return self.name_en if language == "en" and self.name_en else self.name_zh

    def with_changes(self, **changes) -> "Indicator":
        return replace(self, **changes)

    @property
    def is_spatial(self) -> bool:
        return self.source_type == "spatial"


@dataclass(frozen=True)
class StatisticDef:
    """A department-reported figure that indicators use as input (GDP, 城镇常住人口 …)."""

    code: str
    name_zh: str
    name_en: str
    unit: str
    aliases: Tuple[str, ...] = ()
    notes: str = ""


class Catalog:
    """An ordered set of indicators (and the statistics they read), after overrides."""

    def __init__(self, indicators: Dict[str, Indicator], statistics: Dict[str, StatisticDef],
                 files: Tuple[str, ...] = ()):
        self._indicators = dict(indicators)
        self.statistics = dict(statistics)
        self.files = tuple(files)

    def __iter__(self) -> Iterator[Indicator]:
        return iter(self._indicators.values())

    def __len__(self) -> int:
        return len(self._indicators)

    def __contains__(self, code: str) -> bool:
        return code in self._indicators

    def __getitem__(self, code: str) -> Indicator:
        try:
            return self._indicators[code]
        except KeyError:
            raise KeyError(tr("Indicator '{code}' is not in the catalog.").format(code=code)) from None

    def get(self, code: str, default=None) -> Optional[Indicator]:
        return self._indicators.get(code, default)

    def codes(self) -> List[str]:
        return list(self._indicators)

    def by_method(self, *methods: str) -> List[Indicator]:
        return [i for i in self if i.method in methods]

    def spatial(self) -> List[Indicator]:
        return [i for i in self if i.is_spatial]

    def select(self, codes) -> "Catalog":
        """A catalog restricted to ``codes`` (order kept), e.g. the set a city picks this year."""
        wanted = set(codes)
        return Catalog({c: i for c, i in self._indicators.items() if c in wanted}, self.statistics, self.files)

    def statistic(self, code: str) -> Optional[StatisticDef]:
        return self.statistics.get(code)
