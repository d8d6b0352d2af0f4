"""三调 land-use codes and aggregate groups, as data.

``CodeTable`` answers "is this DLBM a valid 三调 code, what is its name, which CZCSXM may it
carry"; ``LandUseGroups`` turns arrays of DLBM / CZCSXM into boolean masks for a named group
(耕地, 城乡建设用地 …) in one vectorised step. Both load from resources/reference and accept a
city override file of the same form.
"""

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Dict, Iterable, Optional, Tuple

import numpy as np
import pandas as pd

from ...resources_paths import REFERENCE
from ..i18n import tr

SANDIAO = "三调工作分类"
CZCSXM_SCHEME = "三调城镇村属性码(CZCSXM)"
CODES_FILE = REFERENCE / "landuse_codes.csv"
GROUPS_FILE = REFERENCE / "landuse_groups.json"

# Rules of 三调 for the independent-industry and special codes (TD/T 1055 practice, see
# landuse_codes.csv notes): which DLBM a CZCSXM may carry. None = any except the listed.
CZCSXM_ONLY = {"201A": {"0601"}, "202A": {"0601"}, "203A": {"0601"}, "204": {"0602", "0603", "1201"}, "205": {"09"}}
CZCSXM_NEVER = {"201": {"1006"}, "202": {"1006"}, "203": {"1001", "1002", "1006", "1101"}}


def normalise_codes(values: Iterable) -> np.ndarray:
    """Codes as clean upper-case strings: numbers lose '.0', blanks become ''."""
    series = pd.Series(values, dtype="object")
    text = series.where(series.notna(), "").astype(str).str.strip().str.upper()
    text = text.str.replace(r"\.0$", "", regex=True)
    text = text.where(~text.isin({"NAN", "NONE", "NULL"}), "")
    return text.to_numpy(dtype=object)


@dataclass(frozen=True)
class CodeTable:
    names: Dict[str, str]  # 三调 DLBM -> 地类名称
    czcsxm: Dict[str, str]  # CZCSXM -> name

    @classmethod
    @lru_cache(maxsize=1)
    def default(cls) -> "CodeTable":
        return cls.load(CODES_FILE)

    @classmethod
    def load(cls, path: Path) -> "CodeTable":
        table = pd.read_csv(path, dtype=str)
        sandiao = table[table["scheme"] == SANDIAO]
        czcs = table[table["scheme"] == CZCSXM_SCHEME]
        return cls(dict(zip(sandiao["code"], sandiao["name_zh"])), dict(zip(czcs["code"], czcs["name_zh"])))

    def leaf_codes(self) -> Tuple[str, ...]:
        """Codes a patch may carry (level 2/3); the one-letter-family level-1 codes are excluded."""
        return tuple(code for code in self.names if len(code) >= 4 or code == "09")

    def invalid_dlbm(self, dlbm: Iterable) -> np.ndarray:
        codes = normalise_codes(dlbm)
        return ~np.isin(codes, np.array(self.leaf_codes(), dtype=object))

    def invalid_czcsxm(self, czcsxm: Iterable) -> np.ndarray:
        codes = normalise_codes(czcsxm)
        return (codes != "") & ~np.isin(codes, np.array(list(self.czcsxm), dtype=object))

    def bad_combinations(self, dlbm: Iterable, czcsxm: Iterable) -> np.ndarray:
        """True where a CZCSXM carries a DLBM the 三调 rules forbid for it."""
        codes = normalise_codes(dlbm)
        attrs = normalise_codes(czcsxm)
        bad = np.zeros(len(codes), dtype=bool)
        for attr, allowed in CZCSXM_ONLY.items():
            rows = attrs == attr
            bad |= rows & ~np.isin(codes, np.array(sorted(allowed), dtype=object))
        for attr, forbidden in CZCSXM_NEVER.items():
            rows = attrs == attr
            bad |= rows & np.isin(codes, np.array(sorted(forbidden), dtype=object))
        return bad


@dataclass(frozen=True)
class LandUseGroup:
    id: str
    zh: str
    en: str
    dlbm: Tuple[str, ...]
    czcsxm: Optional[Tuple[str, ...]] = None

    def mask(self, dlbm: Iterable, czcsxm: Optional[Iterable] = None) -> np.ndarray:
        codes = normalise_codes(dlbm)
        inside = np.isin(codes, np.array(self.dlbm, dtype=object))
        if self.czcsxm is not None:
            if czcsxm is None:
                raise ValueError(
                    tr("Land-use group '{group}' needs the CZCSXM (城镇村属性码) field.").format(group=self.zh)
                )
            inside &= np.isin(normalise_codes(czcsxm), np.array(self.czcsxm, dtype=object))
        return inside

    def describe(self) -> str:
        text = f"{self.zh}: DLBM ∈ {{{', '.join(self.dlbm)}}}"
        if self.czcsxm is not None:
            text += f"; CZCSXM ∈ {{{', '.join(self.czcsxm)}}}"
        return text


class LandUseGroups:
    def __init__(self, groups: Dict[str, LandUseGroup]):
        self._groups = groups

    @classmethod
    @lru_cache(maxsize=1)
    def default(cls) -> "LandUseGroups":
        return cls.load(GROUPS_FILE)

    @classmethod
    def load(cls, path: Path, base: Optional["LandUseGroups"] = None) -> "LandUseGroups":
        """Read a groups file; with ``base``, the file's groups override or extend it."""
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        groups = dict(base._groups) if base else {}
        known = CodeTable.default().names
        for index, item in enumerate(data.get("groups", []), start=1):
            missing = [key for key in ("id", "zh", "dlbm") if key not in item]
            if missing:
                raise ValueError(tr("{file}: group {n} lacks {keys}.").format(file=path, n=index, keys=", ".join(missing)))
            unknown = [code for code in item["dlbm"] if code not in known]
            if unknown:
                raise ValueError(tr("{file}: group '{group}' has unknown 三调 codes {codes}.").format(
                    file=path, group=item["id"], codes=", ".join(unknown)))
            czcsxm = item.get("czcsxm")
            groups[item["id"]] = LandUseGroup(item["id"], item["zh"], item.get("en", item["zh"]),
                                              tuple(item["dlbm"]), tuple(czcsxm) if czcsxm is not None else None)
        return cls(groups)

    def __getitem__(self, group_id: str) -> LandUseGroup:
        try:
            return self._groups[group_id]
        except KeyError:
            raise KeyError(tr("Unknown land-use group '{group}'.").format(group=group_id)) from None

    def __contains__(self, group_id: str) -> bool:
        return group_id in self._groups

    def ids(self) -> Tuple[str, ...]:
        return tuple(self._groups)
