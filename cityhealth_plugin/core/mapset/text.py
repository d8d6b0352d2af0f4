"""The words printed on the pages: titles, notes, the CRS note, legend class labels, contents.

The language of the printed map set (``zh`` or ``en``) is a choice of the map set, independent
of the user interface language: the templates of these texts are zh/en pairs in the
catalogue (``texts`` in maps.json), picked here.
"""

import datetime as _dt
import math
import re
from dataclasses import dataclass
from typing import List, Optional, Sequence

import numpy as np

from .catalog import Availability, Catalogue, MapEntry, facility_names, pick

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")


def language(locale_name: str) -> str:
    """'zh' for a Chinese locale name (zh_CN, zh-Hans …), else 'en'."""
    return "zh" if str(locale_name or "").lower().startswith("zh") else "en"


def map_title(catalogue: Catalogue, entry: MapEntry, lang: str, city: str = "", year: Optional[int] = None,
              base_year: Optional[int] = None, district: Optional[str] = None) -> str:
    """'厦门市国土空间开发保护现状图（2024年）' / 'Current … — Xiamen (2024)'.

    With ``district`` (an atlas page) the district name is part of the title.
    """
    name = entry.name(lang)
    city = (city or "").strip()
    if district is not None:
        text = catalogue.text("atlas_title", lang, city=city, district=district, name=name)
        if not city:
            text = text.replace(", ,", ",").strip(" ,—")
    elif city:
        text = catalogue.text("title", lang, city=city, name=name)
    else:
        text = catalogue.text("title_no_city", lang, name=name)
    if year:
        if entry.title_years == "range" and base_year and base_year != year:
            text += catalogue.text("year_range", lang, base_year=base_year, year=year)
        else:
            text += catalogue.text("year", lang, year=year)
    return text


def date_text(date: _dt.date, lang: str) -> str:
    if lang == "zh":
        return f"{date.year}年{date.month}月"
    return f"{_MONTHS[date.month - 1]} {date.year}"


def format_number(value: float, decimals: int = 0) -> str:
    """1234567.891 → '1,234,568' (decimals 0) / '1,234,567.89' (decimals 2)."""
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return "–"
    return f"{value:,.{max(int(decimals), 0)}f}"


def format_scale(denominator: int, lang: str) -> str:
    """150000 → '150 000' (thin grouping both languages; a comma reads as a decimal mark to some)."""
    return f"{int(denominator):,}".replace(",", "\u2009" if lang == "en" else " ")


# --------------------------------------------------------------------------------------
# coordinate reference system note
# --------------------------------------------------------------------------------------

@dataclass(frozen=True)
class CrsParts:
    kind: str  # "geographic", "gk" (Gauss-Krüger, zone width known), "tm", "other"
    datum: str
    zone_width: Optional[int] = None
    central_meridian: Optional[float] = None
    description: str = ""


_DATUMS = (("CGCS2000", "CGCS2000"), ("China Geodetic Coordinate System 2000", "CGCS2000"),
           ("Xian 1980", "Xi'an 1980"), ("Xian_1980", "Xi'an 1980"), ("Beijing 1954", "Beijing 1954"),
           ("Beijing_1954", "Beijing 1954"), ("New Beijing", "New Beijing"), ("WGS 84", "WGS 84"),
           ("WGS_1984", "WGS 84"))


def crs_parts(authid: str, description: str, proj: str = "", is_geographic: bool = False) -> CrsParts:
    """Recognise datum, projection, zone width and central meridian of a CRS.

    ``authid`` e.g. 'EPSG:4548'; ``description`` e.g. 'CGCS2000 / 3-degree Gauss-Kruger CM 117E';
    ``proj`` its PROJ string ('+proj=tmerc +lon_0=117 …').
    """
    description = description or ""
    datum = next((name for key, name in _DATUMS if key.lower() in description.lower()), "")
    if not datum:
        datum = description.split(" / ")[0].strip() or (authid or "")
    if is_geographic or "+proj=longlat" in (proj or ""):
        return CrsParts("geographic", datum, description=description)
    params = dict(re.findall(r"\+(\w+)=([^\s]+)", proj or ""))
    code = None
    match = re.fullmatch(r"(?i)EPSG:(\d+)", (authid or "").strip())
    if match:
        code = int(match.group(1))
    cm = None
    width = None
    if code is not None:
        if 4534 <= code <= 4554 or 4513 <= code <= 4533 or 2370 <= code <= 2390 or 2401 <= code <= 2442:
            width = 3
        elif 4491 <= code <= 4512 or 2327 <= code <= 2349:
            width = 6
    lowered = description.lower()
    if width is None:
        if "3-degree" in lowered or "3 degree" in lowered or "3度" in description:
            width = 3
        elif "6-degree" in lowered or "6 degree" in lowered or "6度" in description:
            width = 6
    if params.get("proj") == "utm":
        zone = int(params.get("zone", "0") or 0)
        return CrsParts("tm", datum, None, float(6 * zone - 183) if zone else None, description)
    if "lon_0" in params:
        try:
            cm = float(params["lon_0"])
        except ValueError:
            cm = None
    if cm is None:
        found = re.search(r"CM\s*(\d+(?:\.\d+)?)\s*E", description)
        if found:
            cm = float(found.group(1))
    if params.get("proj") == "tmerc" or "gauss" in lowered or "transverse" in lowered:
        if width is not None and ("gauss" in lowered or "kruger" in lowered or "krüger" in lowered):
            return CrsParts("gk", datum, width, cm, description)
        return CrsParts("tm", datum, width, cm, description)
    return CrsParts("other", datum, None, None, description)


def _degrees(value: Optional[float]) -> str:
    if value is None:
        return "?"
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def crs_note(catalogue: Catalogue, parts: CrsParts, lang: str) -> str:
    """'CGCS2000 / 3度带高斯-克吕格投影 中央经线117°E' and the English equivalent."""
    if parts.kind == "geographic":
        return catalogue.text("crs_geographic", lang, datum=parts.datum)
    if parts.kind == "gk" and parts.central_meridian is not None:
        return catalogue.text("crs_gk", lang, datum=parts.datum, zone=parts.zone_width,
                              cm=_degrees(parts.central_meridian))
    if parts.kind in ("gk", "tm") and parts.central_meridian is not None:
        return catalogue.text("crs_tm", lang, datum=parts.datum, cm=_degrees(parts.central_meridian))
    return parts.description or parts.datum


def notes_text(catalogue: Catalogue, lang: str, crs: str, sources: Sequence[str], date: _dt.date,
               scale: Optional[int] = None) -> str:
    """The notes block under the legend: CRS, (scale), data sources, map date — one per line."""
    separator = catalogue.text("list_separator", lang)
    lines = [catalogue.text("crs", lang, crs=crs)]
    if scale:
        lines.append(catalogue.text("scale", lang, scale=format_scale(scale, lang)))
    unique = [s for s in dict.fromkeys(s.strip() for s in sources) if s]
    if unique:
        lines.append(catalogue.text("data_source", lang, sources=separator.join(unique)))
    lines.append(catalogue.text("map_date", lang, date=date_text(date, lang)))
    return "\n".join(lines)


def source_list(entry: MapEntry, lang: str, layer_names: Sequence[str] = ()) -> List[str]:
    """The data source of a map: the catalogue's wording, then the names of the layers drawn."""
    items = [pick(entry.sources_text, lang)] if entry.sources_text else []
    return items + [name for name in layer_names if name]


# --------------------------------------------------------------------------------------
# classes of graduated maps
# --------------------------------------------------------------------------------------

def _round_sig(value: float, digits: int = 2, how=round) -> float:
    """``value`` to ``digits`` significant figures (``how``: round, math.floor or math.ceil)."""
    if value == 0 or not math.isfinite(value):
        return value
    magnitude = math.floor(math.log10(abs(value)))
    factor = 10.0 ** (digits - 1 - magnitude)
    return float(how(value * factor) / factor)


def class_breaks(values, classes: int = 5, method: str = "nice_quantile") -> List[float]:
    """Class limits [b0, b1, …, bk] (k ≤ ``classes``) covering the finite ``values``.

    ``nice_quantile``: quantile limits rounded to two significant figures (readable legends);
    ``quantile``: exact quantiles; ``equal``: equal intervals. Duplicate limits collapse, so
    three districts never give five classes. b0 ≤ the minimum and bk ≥ the maximum (equal to
    them, except ``nice_quantile`` which rounds them outwards too).
    """
    data = np.asarray(values, dtype=float)
    data = data[np.isfinite(data)]
    if data.size == 0:
        return []
    low, high = float(data.min()), float(data.max())
    if low == high:
        return [low, high]
    classes = max(1, min(int(classes), int(np.unique(data).size)))
    if method == "equal":
        inner = list(np.linspace(low, high, classes + 1)[1:-1])
    else:
        inner = list(np.quantile(data, np.linspace(0, 1, classes + 1)[1:-1]))
        if method == "nice_quantile":
            inner = [_round_sig(v, 2) for v in inner]
    limits = [low] + [v for v in inner if low < v < high] + [high]
    if method == "nice_quantile":
        limits[0] = min(low, _round_sig(low, 2, math.floor))
        limits[-1] = max(high, _round_sig(high, 2, math.ceil))
    out: List[float] = []
    for value in limits:
        if not out or value > out[-1]:
            out.append(float(value))
    return out


def format_limit(value: float, decimals: Optional[int] = None) -> str:
    """A class limit: with ``decimals`` fixed places, else three significant figures at most and
    no trailing zeros, at most three decimals (0.012, 2.6, 42, 3,000, 17,000)."""
    if decimals is not None:
        return format_number(value, decimals)
    if value is None or not math.isfinite(value):
        return "–"
    if value == 0:
        return "0"
    places = max(0, min(3, 2 - math.floor(math.log10(abs(value)))))
    text = f"{value:,.{places}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def class_labels(breaks: Sequence[float], decimals: Optional[int] = None) -> List[str]:
    """'0–1,200', '1,200–3,500' … for consecutive limits."""
    return [f"{format_limit(a, decimals)}–{format_limit(b, decimals)}" for a, b in zip(breaks[:-1], breaks[1:])]


# --------------------------------------------------------------------------------------
# cover and contents
# --------------------------------------------------------------------------------------

@dataclass(frozen=True)
class TocRow:
    number: int
    name: str
    first_page: int
    last_page: int
    atlas_pages: int = 0


def toc_lines(catalogue: Catalogue, rows: Sequence[TocRow], lang: str) -> List[str]:
    """One line per map: '1．国土空间开发保护现状图（含分区图 3 幅） …… 第 2–5 页'."""
    lines = []
    for row in rows:
        text = catalogue.text("toc_line", lang, number=row.number, name=row.name)
        if row.atlas_pages:
            text += catalogue.text("toc_atlas", lang, count=row.atlas_pages)
        if row.last_page > row.first_page:
            pages = catalogue.text("toc_page_range", lang, first=row.first_page, last=row.last_page)
        else:
            pages = catalogue.text("toc_pages", lang, first=row.first_page)
        lines.append(f"{text}\t{pages}")
    return lines


def unavailable_lines(catalogue: Catalogue, items: Sequence[tuple], lang: str) -> List[str]:
    """Heading plus '{name}: {reason}' for maps left out; empty when none was left out."""
    if not items:
        return []
    return [catalogue.text("unavailable_heading", lang)] + [
        catalogue.text("unavailable_line", lang, name=name, reason=reason) for name, reason in items]


def _strip_key(source: str) -> str:
    parts = source.split(":")
    return ":".join(parts[:2]) if parts[0] == "result" and len(parts) > 2 else source


def unavailable_summary(catalogue: Catalogue, items: Sequence[Availability], lang: str,
                        listed: int = 3) -> List[tuple]:
    """(name, reason) of the maps left out, one line per template: the 13 facility coverage maps
    missing their service areas become one line '社区卫生服务设施、医院、幼儿园等13类服务覆盖图'."""
    groups: dict = {}
    for item in items:
        if item.available:
            continue
        if item.entry.key is None or item.entry.spec_id not in {s.id for s in catalogue.specs if s.each}:
            groups[(item.entry.id,)] = [item]
            continue
        key = (item.entry.spec_id, tuple(_strip_key(source) for source in item.missing))
        groups.setdefault(key, []).append(item)
    separator = catalogue.text("list_separator", lang)
    out = []
    for key, members in groups.items():
        first = members[0]
        if len(members) == 1:
            out.append((first.entry.name(lang), first.reason))
            continue
        spec = catalogue.spec(first.entry.spec_id)
        if spec.each == "facility":
            names = [pick(facility_names(m.entry.key), lang) for m in members]
        else:
            names = [m.entry.key for m in members]
        label = separator.join(names[:listed])
        if len(names) > listed:
            label += catalogue.text("and_more", lang, count=len(names))
        template = pick({"zh": spec.data.get("zh", ""), "en": spec.data.get("en", "")}, lang)
        name = template.replace("{facility}", label).replace("{indicator}", label)
        reasons = [catalogue.missing_reason(source, lang) for source in key[1]] or [first.reason]
        out.append((name, " ".join(dict.fromkeys(reasons))))
    return out
