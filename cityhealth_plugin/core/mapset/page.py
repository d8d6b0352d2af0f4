"""Sheet parameters of the map set: paper sizes, where each page element sits, font sizes.

The .qpt templates in ``resources/layouts`` are generated from these numbers by
``tools/make_layouts.py`` (and the bridge uses them for the legend's fitting plan), so that
template and code never disagree. A4 landscape is A3 landscape scaled by 1/√2 (the A-series
ratio), with font sizes chosen for legibility rather than scaled.

All lengths are millimetres from the page's top-left corner.
"""

import math
from dataclasses import dataclass, replace
from typing import Dict, Tuple

from ..i18n import tr

PAPERS: Dict[str, Tuple[float, float]] = {"A3": (420.0, 297.0), "A4": (297.0, 210.0)}  # landscape
DEFAULT_PAPER = "A3"
PNG_DPI = 150
PDF_DPI = 300

# Map page item ids (public: a user template keeps them so that the map set can fill it).
ITEM_TITLE = "title"
ITEM_MAP = "map"
ITEM_LEGEND = "legend"
ITEM_SCALEBAR = "scalebar"
ITEM_NORTH_ARROW = "north_arrow"
ITEM_NOTES = "notes"
ITEM_PAGE_NUMBER = "page_number"
ITEM_NEATLINE = "neatline"
ITEM_PANEL = "panel"
MAP_ITEMS = (ITEM_TITLE, ITEM_MAP, ITEM_LEGEND, ITEM_SCALEBAR, ITEM_NORTH_ARROW, ITEM_NOTES, ITEM_PAGE_NUMBER)
# Cover page item ids.
ITEM_COVER_TITLE = "cover_title"
ITEM_COVER_SUBTITLE = "cover_subtitle"
ITEM_TOC_TITLE = "toc_title"
ITEM_TOC = "toc"  # map names, left-aligned
ITEM_TOC_PAGES = "toc_pages"  # their pages, right-aligned in the same box, line by line
ITEM_COVER_NOTES = "cover_notes"
COVER_ITEMS = (ITEM_COVER_TITLE, ITEM_COVER_SUBTITLE, ITEM_TOC_TITLE, ITEM_TOC, ITEM_TOC_PAGES, ITEM_COVER_NOTES)

# Legend fitting: the largest font scale (of the sheet's legend sizes), then the fewest columns,
# at which the legend fits its box.
LEGEND_COLUMNS = (1, 2, 3, 4)
LEGEND_SCALES = (1.0, 0.95, 0.9, 0.85, 0.8, 0.75, 0.7, 0.65, 0.6, 0.55)

# Preferred map scales: the denominator is rounded up to m × 10^n with m in this list.
NICE_MANTISSAS = (1.0, 1.2, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0)


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    w: float
    h: float

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h

    def scaled(self, factor: float) -> "Rect":
        return Rect(round(self.x * factor, 2), round(self.y * factor, 2), round(self.w * factor, 2),
                    round(self.h * factor, 2))

    def contains(self, other: "Rect", tolerance: float = 1e-6) -> bool:
        return (other.x >= self.x - tolerance and other.y >= self.y - tolerance
                and other.right <= self.right + tolerance and other.bottom <= self.bottom + tolerance)

    def overlaps(self, other: "Rect") -> bool:
        return not (other.x >= self.right or other.right <= self.x or other.y >= self.bottom
                    or other.bottom <= self.y)


@dataclass(frozen=True)
class Fonts:
    title: float
    legend_title: float
    legend_group: float
    legend_item: float
    notes: float
    scalebar: float
    page_number: float
    cover_title: float
    cover_subtitle: float
    toc_title: float
    toc: float
    cover_notes: float


@dataclass(frozen=True)
class PageGeometry:
    paper: str
    width: float
    height: float
    neatline: Rect
    title: Rect
    map: Rect
    panel: Rect
    north_arrow: Rect
    legend: Rect
    scalebar: Rect
    notes: Rect
    page_number: Rect
    cover_title: Rect
    cover_subtitle: Rect
    toc_title: Rect
    toc: Rect
    cover_notes: Rect
    fonts: Fonts
    line_mm: float  # frame line width

    def map_page_rects(self) -> Dict[str, Rect]:
        return {ITEM_TITLE: self.title, ITEM_MAP: self.map, ITEM_NORTH_ARROW: self.north_arrow,
                ITEM_LEGEND: self.legend, ITEM_SCALEBAR: self.scalebar, ITEM_NOTES: self.notes,
                ITEM_PAGE_NUMBER: self.page_number}

    def cover_rects(self) -> Dict[str, Rect]:
        return {ITEM_COVER_TITLE: self.cover_title, ITEM_COVER_SUBTITLE: self.cover_subtitle,
                ITEM_TOC_TITLE: self.toc_title, ITEM_TOC: self.toc, ITEM_TOC_PAGES: self.toc,
                ITEM_COVER_NOTES: self.cover_notes}


_A3 = PageGeometry(
    paper="A3", width=420.0, height=297.0,
    neatline=Rect(8.0, 8.0, 404.0, 281.0),
    title=Rect(14.0, 11.0, 392.0, 14.0),
    map=Rect(12.0, 28.0, 298.0, 257.0),
    panel=Rect(314.0, 28.0, 94.0, 257.0),
    north_arrow=Rect(355.0, 31.0, 12.0, 17.0),
    legend=Rect(317.0, 51.0, 88.0, 192.0),
    scalebar=Rect(317.0, 246.0, 88.0, 10.0),
    notes=Rect(317.0, 258.0, 88.0, 26.0),
    page_number=Rect(160.0, 290.5, 100.0, 5.0),
    cover_title=Rect(30.0, 50.0, 360.0, 20.0),
    cover_subtitle=Rect(30.0, 73.0, 360.0, 14.0),
    toc_title=Rect(60.0, 98.0, 300.0, 10.0),
    toc=Rect(70.0, 112.0, 280.0, 140.0),
    cover_notes=Rect(40.0, 255.0, 340.0, 28.0),
    fonts=Fonts(title=22, legend_title=11, legend_group=9, legend_item=8.5, notes=7.5, scalebar=7.5,
                page_number=8, cover_title=30, cover_subtitle=20, toc_title=15, toc=11.5, cover_notes=8.5),
    line_mm=0.35,
)

_A4_FONTS = Fonts(title=16, legend_title=9, legend_group=7.5, legend_item=7, notes=6, scalebar=6, page_number=7,
                  cover_title=22, cover_subtitle=15, toc_title=12, toc=9, cover_notes=7)


def _scaled(base: PageGeometry, paper: str, fonts: Fonts) -> PageGeometry:
    width, height = PAPERS[paper]
    factor = width / base.width
    rects = {name: getattr(base, name).scaled(factor) for name in (
        "neatline", "title", "map", "panel", "north_arrow", "legend", "scalebar", "notes", "page_number",
        "cover_title", "cover_subtitle", "toc_title", "toc", "cover_notes")}
    return replace(base, paper=paper, width=width, height=height, fonts=fonts, line_mm=round(base.line_mm * 0.8, 2),
                   **rects)


_GEOMETRIES = {"A3": _A3, "A4": _scaled(_A3, "A4", _A4_FONTS)}


def papers() -> Tuple[str, ...]:
    return tuple(PAPERS)


def page_geometry(paper: str) -> PageGeometry:
    try:
        return _GEOMETRIES[str(paper).upper()]
    except KeyError:
        raise ValueError(tr("Unknown paper size '{paper}'; use one of {papers}.").format(
            paper=paper, papers=", ".join(PAPERS))) from None


def template_name(paper: str, cover: bool = False) -> str:
    """File name of the shipped template in resources/layouts."""
    paper = page_geometry(paper).paper.lower()
    return f"mapset_cover_{paper}_landscape.qpt" if cover else f"mapset_{paper}_landscape.qpt"


def user_template_name(map_id: str, paper: str) -> str:
    """File name under which a user's edited layout of one map is saved (and looked for)."""
    return f"{map_id}_{page_geometry(paper).paper.lower()}.qpt"


def nice_scale(denominator: float) -> int:
    """The scale denominator rounded up to a round figure (1:143 210 → 1:150 000)."""
    if not denominator or denominator <= 0 or not math.isfinite(denominator):
        raise ValueError(tr("A map scale must be a positive number."))
    exponent = math.floor(math.log10(denominator))
    base = 10.0 ** exponent
    for mantissa in NICE_MANTISSAS:
        candidate = mantissa * base
        if candidate >= denominator * (1 - 1e-9):
            return int(round(candidate))
    return int(round(10.0 * base))


SCALEBAR_MANTISSAS = (1.0, 2.0, 2.5, 5.0)
SCALEBAR_SEGMENTS = 4


def scalebar_segment_km(denominator: float, target_mm: float, segments: int = SCALEBAR_SEGMENTS) -> float:
    """Kilometres per scale bar segment: the largest round length (1, 2, 2.5, 5 × 10^n) whose
    ``segments`` segments are at most ``target_mm`` long on paper at 1:``denominator``."""
    if denominator <= 0 or target_mm <= 0 or segments <= 0:
        raise ValueError(tr("A map scale must be a positive number."))
    raw = target_mm / segments * denominator / 1e6  # km per segment at exactly target_mm
    exponent = math.floor(math.log10(raw))
    best = None
    for shift in (exponent - 1, exponent):
        for mantissa in SCALEBAR_MANTISSAS:
            value = mantissa * 10.0 ** shift
            if value <= raw * (1 + 1e-9):
                best = value if best is None else max(best, value)
    return float(f"{best:.6g}")
