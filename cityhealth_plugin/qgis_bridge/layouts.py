"""Print layouts of the map set: templates, filling them, exporting PDF and PNG pages.

Every map page is a ``QgsPrintLayout`` loaded from a ``.qpt`` template
(``resources/layouts/mapset_<paper>_landscape.qpt``, or the user's edited template for that
map) with ``loadFromTemplate``; the items are found by id (core/mapset/page.py: ``title``,
``map``, ``legend``, ``scalebar``, ``north_arrow``, ``notes``, ``page_number``) and filled:
layers of the map (qgis_bridge/map_layers.py), extent at a round scale, legend limited to the
classes on the map and fitted to its box, scale bar in km, the CRS note built from the map's
CRS, data sources and date. The cover page lists the maps with their pages and the maps left
out with the reason.

``export_map_set`` writes one multi-page PDF (cover, the maps in catalogue order, each followed
by its per-district atlas pages when asked) and one PNG per page, checking every
``QgsLayoutExporter`` result. The pages go into the single PDF through a layout iterator that
hands the exporter one layout after the other.

Threads. Layouts and layers are not thread-safe, but nothing here is shared: everything is
created, rendered and deleted in the thread that calls ``export_map_set`` (a private
``QgsProject`` holds the layouts, the layers are private copies opened from ``LayerHandle``s
taken in the main thread by ``MapSetInputs.prepared()``). This runs the same in the main thread
(Processing toolbox, ``qgis_process``) and in a ``QgsProcessingAlgRunnerTask`` (the Map set
panel); QGIS 3.22 renders layouts, labels and PDF pages off the main thread this way.
``create_project_layout`` builds a layout in the *user's* project (main thread only) for the
layout designer.
"""

import datetime as _dt
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Tuple

from qgis.core import (
    QgsAbstractLayoutIterator,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsLayoutExporter,
    QgsLayoutItem,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutItemPicture,
    QgsLayoutItemScaleBar,
    QgsLayoutItemShape,
    QgsLayoutMeasurement,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsLayoutUtils,
    QgsLegendRenderer,
    QgsLegendStyle,
    QgsPrintLayout,
    QgsProject,
    QgsReadWriteContext,
    QgsRectangle,
    QgsRenderContext,
    QgsRuleBasedRenderer,
    QgsScaleBarSettings,
    QgsTextFormat,
    QgsUnitTypes,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QFile, QIODevice, QSize, Qt
from qgis.PyQt.QtGui import QColor, QFont, QFontDatabase
from qgis.PyQt.QtXml import QDomDocument

from ..core.i18n import tr
from ..core.layer_data import LayerData
from ..core.mapset import derived as derived_layers
from ..core.mapset.catalog import Availability, Catalogue, LayerSpec, MapEntry, default_catalogue
from ..core.mapset.page import (
    ITEM_COVER_NOTES,
    ITEM_COVER_SUBTITLE,
    ITEM_COVER_TITLE,
    ITEM_LEGEND,
    ITEM_MAP,
    ITEM_NEATLINE,
    ITEM_NORTH_ARROW,
    ITEM_NOTES,
    ITEM_PAGE_NUMBER,
    ITEM_PANEL,
    ITEM_SCALEBAR,
    ITEM_TITLE,
    ITEM_TOC,
    ITEM_TOC_PAGES,
    ITEM_TOC_TITLE,
    LEGEND_COLUMNS,
    LEGEND_SCALES,
    PDF_DPI,
    PNG_DPI,
    PageGeometry,
    Rect,
    nice_scale,
    page_geometry,
    scalebar_segment_km,
    template_name,
    user_template_name,
)
from ..core.mapset.text import (
    TocRow,
    crs_note,
    crs_parts,
    map_title,
    notes_text,
    source_list,
    toc_lines,
    unavailable_lines,
    unavailable_summary,
)
from ..core.mapset.values import DistrictValues
from ..core.roles.recognition import field_mapping
from ..core.roles.registry import ROLES_BY_ID
from ..resources_paths import LAYOUTS, RESOURCES
from .layers import read_layer
from .map_layers import (
    LayerHandle,
    MapSetInputs,
    memory_layer_from_data,
    present_sources,
    style_layer,
)
from .styles import cjk_font_family

NORTH_ARROW_SVG = RESOURCES / "icons" / "north_arrow.svg"
MAP_ID_PROPERTY = "cityhealth/map_id"
PAPER_PROPERTY = "cityhealth/paper"
ATLAS_PROPERTY = "cityhealth/atlas"
GROUP_NAME = "CityHealth map set"
DIM_OTHER_DISTRICTS = "#ffffff"
EXTENT_MARGIN = 0.015  # share of the extent added on each side before rounding the scale
ATLAS_MARGIN = 0.08
SIMPLIFY_PDF = True
PNG_QUALITY = 70  # Qt: zlib level from quality; the default (level 6) takes 4× longer for a few % smaller files


class MapSetError(Exception):
    """The map set cannot be made; the message says why and what to do."""


class MapSetCanceled(MapSetError):
    """The user cancelled the export; no PDF is left behind."""


@dataclass
class MapSetOptions:
    maps: Optional[Sequence[str]] = None  # entry ids (e.g. 'landuse_status', 'coverage_fac_primary_school'); None = all
    paper: str = "A3"
    png_dpi: int = PNG_DPI
    pdf_dpi: int = PDF_DPI
    atlas: bool = False
    cover: bool = True
    png: bool = True
    city: str = ""
    year: int = _dt.date.today().year
    base_year: int = 2020
    lang: str = "zh"
    output_folder: str = ""
    pdf_name: str = ""
    work_crs: str = "EPSG:4548"
    template_dirs: Sequence[str] = ()
    date: Optional[_dt.date] = None

    def pdf_path(self) -> Path:
        name = self.pdf_name or "mapset_{}_{}.pdf".format(self.year, page_geometry(self.paper).paper)
        return Path(self.output_folder) / name

    def png_folder(self) -> Path:
        return Path(self.output_folder) / "png"


@dataclass
class PlannedMap:
    entry: MapEntry
    number: int
    first_page: int
    atlas_pages: int = 0

    @property
    def last_page(self) -> int:
        return self.first_page + self.atlas_pages


@dataclass
class MapSetPlan:
    maps: List[PlannedMap]
    unavailable: List[Availability]
    cover: bool
    total_pages: int


@dataclass
class MapSetResult:
    pdf: str
    png_folder: str
    pngs: List[str]
    pages: int
    maps: List[str]  # entry ids exported, in order
    unavailable: List[Tuple[str, str]]  # (entry id, reason)
    warnings: List[str] = field(default_factory=list)
    seconds: float = 0.0
    # per page: (PNG file name or page label, seconds building + PNG, seconds rendering into the PDF)
    page_times: List[Tuple[str, float, float]] = field(default_factory=list)


# --------------------------------------------------------------------------------------
# fonts and text items
# --------------------------------------------------------------------------------------

def _can_write_chinese(family: str) -> bool:
    database = QFontDatabase()
    return family in database.families() and QFontDatabase.SimplifiedChinese in database.writingSystems(family)


def page_font(size_pt: float, bold: bool = False, family: Optional[str] = None) -> QFont:
    """A font that renders Chinese: ``family`` when installed and CJK-capable, else the CJK family."""
    name = family if family and _can_write_chinese(family) else (cjk_font_family() or family or "Sans Serif")
    font = QFont(name)
    font.setPointSizeF(size_pt)
    font.setBold(bold)
    return font


def _label_font(item: QgsLayoutItemLabel, size_pt: Optional[float] = None, bold: Optional[bool] = None) -> QFont:
    current = item.font()
    font = page_font(size_pt if size_pt is not None else current.pointSizeF(),
                     current.bold() if bold is None else bold, current.family())
    item.setFont(font)
    return font


def _fit_text_width(item: QgsLayoutItemLabel, text: str, width_mm: float, min_pt: float) -> None:
    """Shrink the label font until one line of ``text`` fits ``width_mm``."""
    font = item.font()
    while QgsLayoutUtils.textWidthMM(font, text) > width_mm and font.pointSizeF() > min_pt:
        font.setPointSizeF(max(min_pt, font.pointSizeF() - 0.5))
    item.setFont(font)


def _wrapped_height(font: QFont, text: str, width_mm: float) -> float:
    lines = 0
    for line in text.split("\n"):
        lines += max(1, int(-(-QgsLayoutUtils.textWidthMM(font, line) // max(width_mm, 1.0))))
    return QgsLayoutUtils.textHeightMM(font, "\n".join(["Ag国"] * lines))


def _fit_text_box(item: QgsLayoutItemLabel, text: str, box_w: float, box_h: float, min_pt: float) -> None:
    """Shrink the label font until the (wrapped) text fits its box."""
    font = item.font()
    margin = 2 * item.marginX()
    while _wrapped_height(font, text, box_w - margin) > box_h and font.pointSizeF() > min_pt:
        font.setPointSizeF(max(min_pt, font.pointSizeF() - 0.25))
    item.setFont(font)


def _item(layout, item_id: str, kind=None):
    item = layout.itemById(item_id)
    if item is None or (kind is not None and not isinstance(item, kind)):
        return None
    return item


def _rect_of(item: QgsLayoutItem) -> Rect:
    position = item.positionWithUnits()
    size = item.sizeWithUnits()
    return Rect(position.x(), position.y(), size.width(), size.height())


# --------------------------------------------------------------------------------------
# templates
# --------------------------------------------------------------------------------------

def _add_label(layout, item_id: str, rect: Rect, size_pt: float, bold: bool = False, halign=Qt.AlignLeft,
               valign=Qt.AlignTop, colour: str = "#000000", text: str = "") -> QgsLayoutItemLabel:
    label = QgsLayoutItemLabel(layout)
    label.setId(item_id)
    label.setText(text or item_id)
    label.setFont(page_font(size_pt, bold))
    label.setFontColor(QColor(colour))
    label.setHAlign(halign)
    label.setVAlign(valign)
    label.setMarginX(0.0)
    label.setMarginY(0.0)
    layout.addLayoutItem(label)
    label.attemptMove(QgsLayoutPoint(rect.x, rect.y))
    label.attemptResize(QgsLayoutSize(rect.w, rect.h))
    return label


def _add_rectangle(layout, item_id: str, rect: Rect, width_mm: float, colour: str = "#000000") -> QgsLayoutItemShape:
    from qgis.core import QgsFillSymbol

    shape = QgsLayoutItemShape(layout)
    shape.setId(item_id)
    shape.setShapeType(QgsLayoutItemShape.Rectangle)
    shape.setSymbol(QgsFillSymbol.createSimple({"style": "no", "outline_color": QColor(colour).name(),
                                                "outline_width": str(width_mm), "outline_width_unit": "MM"}))
    layout.addLayoutItem(shape)
    shape.attemptMove(QgsLayoutPoint(rect.x, rect.y))
    shape.attemptResize(QgsLayoutSize(rect.w, rect.h))
    return shape


def build_template_layout(project: QgsProject, paper: str = "A3", cover: bool = False) -> QgsPrintLayout:
    """The shipped template of a map page (or of the cover), built from core/mapset/page.py.

    tools/make_layouts.py saves these with ``saveAsTemplate`` into resources/layouts.
    """
    geometry = page_geometry(paper)
    fonts = geometry.fonts
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    layout.setName("CityHealth {} {}".format("cover" if cover else "map", geometry.paper))
    page = layout.pageCollection().page(0)
    page.setPageSize(QgsLayoutSize(geometry.width, geometry.height))
    _add_rectangle(layout, ITEM_NEATLINE, geometry.neatline, geometry.line_mm * 1.6)
    if cover:
        _add_label(layout, ITEM_COVER_TITLE, geometry.cover_title, fonts.cover_title, True, Qt.AlignHCenter,
                   Qt.AlignVCenter)
        _add_label(layout, ITEM_COVER_SUBTITLE, geometry.cover_subtitle, fonts.cover_subtitle, False,
                   Qt.AlignHCenter, Qt.AlignVCenter)
        _add_label(layout, ITEM_TOC_TITLE, geometry.toc_title, fonts.toc_title, True, Qt.AlignHCenter,
                   Qt.AlignVCenter)
        _add_label(layout, ITEM_TOC, geometry.toc, fonts.toc, False, Qt.AlignLeft, Qt.AlignTop)
        _add_label(layout, ITEM_TOC_PAGES, geometry.toc, fonts.toc, False, Qt.AlignRight, Qt.AlignTop)
        _add_label(layout, ITEM_COVER_NOTES, geometry.cover_notes, fonts.cover_notes, False, Qt.AlignLeft,
                   Qt.AlignBottom, "#404040")
        return layout
    _add_rectangle(layout, ITEM_PANEL, geometry.panel, geometry.line_mm * 0.7, "#808080")
    _add_label(layout, ITEM_TITLE, geometry.title, fonts.title, True, Qt.AlignHCenter, Qt.AlignVCenter)
    map_item = QgsLayoutItemMap(layout)
    map_item.setId(ITEM_MAP)
    map_item.setFrameEnabled(True)
    map_item.setFrameStrokeWidth(QgsLayoutMeasurement(geometry.line_mm))
    map_item.setBackgroundEnabled(True)
    map_item.setBackgroundColor(QColor("#ffffff"))
    layout.addLayoutItem(map_item)
    map_item.attemptMove(QgsLayoutPoint(geometry.map.x, geometry.map.y))
    map_item.attemptResize(QgsLayoutSize(geometry.map.w, geometry.map.h))
    map_item.setExtent(QgsRectangle(0, 0, geometry.map.w * 1000.0, geometry.map.h * 1000.0))
    arrow = QgsLayoutItemPicture(layout)
    arrow.setId(ITEM_NORTH_ARROW)
    arrow.setPicturePath(str(NORTH_ARROW_SVG))
    arrow.setResizeMode(QgsLayoutItemPicture.Zoom)
    arrow.setLinkedMap(map_item)
    layout.addLayoutItem(arrow)
    arrow.attemptMove(QgsLayoutPoint(geometry.north_arrow.x, geometry.north_arrow.y))
    arrow.attemptResize(QgsLayoutSize(geometry.north_arrow.w, geometry.north_arrow.h))
    legend = QgsLayoutItemLegend(layout)
    legend.setId(ITEM_LEGEND)
    legend.setTitle("Legend")
    legend.setLinkedMap(map_item)
    legend.setAutoUpdateModel(False)
    legend.setResizeToContents(True)
    legend.setLegendFilterByMapEnabled(True)
    legend.setSplitLayer(True)
    legend.setColumnSpace(3.0 * geometry.width / 420.0)
    legend.setSymbolWidth(6.0 * geometry.width / 420.0)
    legend.setSymbolHeight(3.6 * geometry.width / 420.0)
    legend.setBoxSpace(1.0)
    _legend_fonts(legend, geometry, 1.0)
    layout.addLayoutItem(legend)
    legend.attemptMove(QgsLayoutPoint(geometry.legend.x, geometry.legend.y))
    legend.attemptResize(QgsLayoutSize(geometry.legend.w, geometry.legend.h))
    scalebar = QgsLayoutItemScaleBar(layout)
    scalebar.setId(ITEM_SCALEBAR)
    scalebar.setStyle("Single Box")
    scalebar.setLinkedMap(map_item)
    scalebar.setUnits(QgsUnitTypes.DistanceKilometers)
    scalebar.setUnitLabel("km")
    scalebar.setNumberOfSegments(4)
    scalebar.setNumberOfSegmentsLeft(0)
    scalebar.setSegmentSizeMode(QgsScaleBarSettings.SegmentSizeFitWidth)
    scalebar.setMinimumBarWidth(geometry.scalebar.w * 0.45)
    scalebar.setMaximumBarWidth(geometry.scalebar.w * 0.8)
    scalebar.setHeight(1.8 * geometry.width / 420.0)
    scalebar.setLabelBarSpace(1.0)
    scalebar.setTextFormat(QgsTextFormat.fromQFont(page_font(fonts.scalebar)))
    scalebar.setReferencePoint(QgsLayoutItem.UpperMiddle)
    layout.addLayoutItem(scalebar)
    scalebar.attemptMove(QgsLayoutPoint(geometry.scalebar.x + geometry.scalebar.w / 2, geometry.scalebar.y))
    _add_label(layout, ITEM_NOTES, geometry.notes, fonts.notes, False, Qt.AlignLeft, Qt.AlignBottom, "#303030")
    _add_label(layout, ITEM_PAGE_NUMBER, geometry.page_number, fonts.page_number, False, Qt.AlignHCenter,
               Qt.AlignVCenter, "#404040")
    return layout


def _legend_fonts(legend: QgsLayoutItemLegend, geometry: PageGeometry, scale: float) -> None:
    fonts = geometry.fonts
    for style, size, bold in ((QgsLegendStyle.Title, fonts.legend_title, True),
                              (QgsLegendStyle.Group, fonts.legend_group, True),
                              (QgsLegendStyle.Subgroup, fonts.legend_group, True),
                              (QgsLegendStyle.SymbolLabel, fonts.legend_item, False)):
        current = legend.rstyle(style).font()
        legend.rstyle(style).setFont(page_font(size * (scale if style != QgsLegendStyle.Title else 1.0), bold,
                                               current.family()))
    legend.rstyle(QgsLegendStyle.Title).setMargin(QgsLegendStyle.Bottom, 2.0 * scale)
    legend.rstyle(QgsLegendStyle.Subgroup).setMargin(QgsLegendStyle.Top, 2.2 * scale)
    legend.rstyle(QgsLegendStyle.Subgroup).setMargin(QgsLegendStyle.Bottom, 0.8 * scale)
    legend.rstyle(QgsLegendStyle.Symbol).setMargin(QgsLegendStyle.Top, 1.2 * scale)
    legend.rstyle(QgsLegendStyle.SymbolLabel).setMargin(QgsLegendStyle.Top, 1.2 * scale)


def save_template(layout: QgsPrintLayout, path) -> Path:
    """Save ``layout`` as a .qpt; MapSetError when it cannot be written."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if not layout.saveAsTemplate(str(path), QgsReadWriteContext()):
        raise MapSetError(tr("The layout template {path} cannot be written. Choose another folder.").format(
            path=path))
    return path


def load_template(project: QgsProject, path) -> QgsPrintLayout:
    """A new print layout from a .qpt file (``loadFromTemplate``); MapSetError when it fails."""
    path = Path(path)
    document = QDomDocument()
    handle = QFile(str(path))
    if not handle.open(QIODevice.ReadOnly):
        raise MapSetError(tr("The layout template {path} cannot be read.").format(path=path))
    try:
        ok = document.setContent(handle)
        if isinstance(ok, tuple):
            ok = ok[0]
    finally:
        handle.close()
    if not ok:
        raise MapSetError(tr("The layout template {path} is not valid XML.").format(path=path))
    layout = QgsPrintLayout(project)
    _items, loaded = layout.loadFromTemplate(document, QgsReadWriteContext(), True)
    if not loaded:
        raise MapSetError(tr("The layout template {path} could not be loaded.").format(path=path))
    return layout


def template_path(entry: Optional[MapEntry], paper: str, template_dirs: Sequence[str] = (),
                  cover: bool = False) -> Path:
    """The user's template of this map when there is one, else the shipped template."""
    if not cover and entry is not None:
        for folder in template_dirs:
            if not folder:
                continue
            for map_id in dict.fromkeys((entry.id, entry.spec_id)):
                candidate = Path(folder) / user_template_name(map_id, paper)
                if candidate.is_file():
                    return candidate
    return LAYOUTS / template_name(paper, cover)


# --------------------------------------------------------------------------------------
# planning
# --------------------------------------------------------------------------------------

def map_entries(catalogue: Catalogue, inputs: MapSetInputs) -> List[MapEntry]:
    values = inputs.indicator_values()
    return catalogue.entries({code: item.names() for code, item in values.items()})


def availabilities(catalogue: Catalogue, inputs: MapSetInputs, lang: str = "en") -> List[Availability]:
    """Every map of the catalogue with whether it can be drawn from ``inputs`` (prepared) and why not."""
    present, problems = present_sources(catalogue, inputs)
    return [catalogue.availability(entry, present, problems, lang) for entry in map_entries(catalogue, inputs)]


def _district_count(inputs: MapSetInputs) -> int:
    handle = inputs.roles.get("admin_district")
    return int(handle.feature_count) if isinstance(handle, LayerHandle) and handle.feature_count > 0 else 0


def plan_map_set(catalogue: Catalogue, inputs: MapSetInputs, options: MapSetOptions) -> MapSetPlan:
    """Which maps go into the set, in which order, on which pages."""
    items = availabilities(catalogue, inputs, options.lang)
    wanted = None if options.maps is None else list(options.maps)
    if wanted is not None:
        known = {item.entry.id for item in items} | {item.entry.spec_id for item in items}
        unknown = [map_id for map_id in wanted if map_id not in known]
        if unknown:
            raise MapSetError(tr("Unknown map(s) {maps}. Known maps: {known}.").format(
                maps=", ".join(unknown), known=", ".join(item.entry.id for item in items)))
        items = [item for item in items if item.entry.id in wanted or item.entry.spec_id in wanted]
    districts = _district_count(inputs) if options.atlas else 0
    page = 2 if options.cover else 1
    planned, unavailable = [], []
    for item in items:
        if not item.available:
            unavailable.append(item)
            continue
        atlas_pages = districts if item.entry.atlas else 0
        planned.append(PlannedMap(item.entry, len(planned) + 1, page, atlas_pages))
        page += 1 + atlas_pages
    return MapSetPlan(planned, unavailable, options.cover, page - 1)


# --------------------------------------------------------------------------------------
# building one layout
# --------------------------------------------------------------------------------------

def _legend_size(layout, legend: QgsLayoutItemLegend):
    """The legend's size for its current content and settings (mm), measured like QGIS paints it.

    ``adjustBoxSize`` does nothing before the legend's first paint, hence the explicit renderer.
    """
    context = QgsLayoutUtils.createRenderContextForLayout(layout, None)
    renderer = QgsLegendRenderer(legend.model(), legend.legendSettings())
    return renderer.minimumSize(context)


def _fit_aspect(extent: QgsRectangle, width: float, height: float) -> QgsRectangle:
    """``extent`` grown in one direction to the item's width/height ratio, same centre
    (so that setting it does not resize the map item)."""
    if width <= 0 or height <= 0 or extent.width() <= 0 or extent.height() <= 0:
        return QgsRectangle(extent)
    ratio = width / height
    w, h = extent.width(), extent.height()
    if w / h > ratio:
        h = w / ratio
    else:
        w = h * ratio
    centre = extent.center()
    return QgsRectangle(centre.x() - w / 2, centre.y() - h / 2, centre.x() + w / 2, centre.y() + h / 2)


def _field_for(layer: QgsVectorLayer, role_id: str, standard: str) -> Optional[str]:
    names = layer.fields().names()
    if standard in names:
        return standard
    return field_mapping(ROLES_BY_ID[role_id], names).get(standard)


class MapBuilder:
    """Builds the layouts of a map set in one thread. ``project`` owns the layouts; with
    ``add_to_project`` the map layers are added to it (the layout designer path)."""

    def __init__(self, inputs: MapSetInputs, options: MapSetOptions, catalogue: Catalogue, project: QgsProject,
                 add_to_project: bool = False, feedback=None):
        self.inputs = inputs
        self.options = options
        self.catalogue = catalogue
        self.project = project
        self.add_to_project = add_to_project
        self.feedback = feedback
        self.geometry = page_geometry(options.paper)
        self.lang = options.lang
        self.map_crs = QgsCoordinateReferenceSystem(options.work_crs)
        if not self.map_crs.isValid():
            raise MapSetError(tr("The working CRS {crs} is not valid.").format(crs=options.work_crs))
        self.layers: List[QgsVectorLayer] = []  # every private layer, deleted with the builder
        self.warnings: List[str] = []
        self._data: Dict[str, LayerData] = {}
        self._base: Dict[str, QgsVectorLayer] = {}
        self._entries: Dict[str, MapEntry] = {}
        self.date = options.date or _dt.date.today()
        self.label_pt = 11.0 if self.geometry.paper == "A3" else 8.0
        self.value_label_pt = 9.0 if self.geometry.paper == "A3" else 7.0

    # -- sources ------------------------------------------------------------------------
    def _new_layer(self, source: str, name: str) -> QgsVectorLayer:
        kind, _, ref = source.partition(":")
        if kind == "role":
            handle = self.inputs.roles[ref]
            layer = handle.open() if isinstance(handle, LayerHandle) else LayerHandle.from_layer(handle).open()
        elif kind == "result":
            value = self.inputs.results[ref]
            if isinstance(value, DistrictValues):
                layer = memory_layer_from_data(derived_layers.district_values_layer(self._district_data(), value),
                                               name)
            else:
                layer = value.open()
        else:
            layer = memory_layer_from_data(self._derived(ref), name)
        layer.setName(name)
        self.layers.append(layer)
        return layer

    def _read(self, role_id: str, standards: Sequence[str]) -> LayerData:
        key = "role:" + role_id
        if key in self._data:
            return self._data[key]
        layer = self._base.get(role_id)
        if layer is None:
            layer = self.inputs.roles[role_id].open()
            self._base[role_id] = layer
            self.layers.append(layer)
        names = layer.fields().names()
        mapping = field_mapping(ROLES_BY_ID[role_id], names)
        fields = [mapping[s] for s in standards if mapping.get(s)]
        for standard in standards:
            if standard in names and standard not in fields:
                fields.append(standard)
        data = read_layer(layer, target_crs=self.map_crs, fields=fields,
                          transform_context=self.project.transformContext())
        self.warnings.extend(data.notes)
        self._data[key] = data
        return data

    def _district_data(self) -> LayerData:
        if "admin_district" not in self.inputs.roles:
            raise MapSetError(tr("District maps need the district layer (admin_district role)."))
        return self._read("admin_district", ("XZQDM", "XZQMC"))

    def _derived(self, derived_id: str) -> LayerData:
        key = "derived:" + derived_id
        if key in self._data:
            return self._data[key]
        spec = self.catalogue.derived.get(derived_id, {})
        dltb_fields = ("BSM", "DLBM", "DLMC", "CZCSXM", "TBMJ", "TBDLMJ", "ZLDWDM")
        try:
            if derived_id == "construction_change":
                districts = self._district_data() if "admin_district" in self.inputs.roles else None
                data = derived_layers.construction_change(
                    self._read("dltb", dltb_fields), self._read("dltb_base", dltb_fields),
                    group=spec.get("group", "jianshe"), min_area_m2=float(spec.get("min_area_m2", 1.0)),
                    districts=districts)
            elif derived_id == "road_density":
                data = derived_layers.road_density(self._read("roads", ("DJ",)), self._district_data(),
                                                   spec.get("exclude_classes", ()))
            elif derived_id == "population_density":
                population = self._read("population", ("RKS",))
                districts = (self._district_data() if population.geometry_type != "polygon" else None)
                data = derived_layers.population_density(population, districts)
            else:
                raise MapSetError(tr("Unknown derived layer '{id}'.").format(id=derived_id))
        except derived_layers.DerivedError as error:
            raise MapSetError(str(error)) from None
        self.warnings.extend(data.notes)
        self._data[key] = data
        return data

    def empty_reason(self, entry: MapEntry) -> Optional[str]:
        """Why ``entry`` would be an empty map (a computed layer without features), else None."""
        for spec in entry.layers:
            if spec.optional or spec.kind != "derived":
                continue
            data = self._derived(spec.ref)
            if len(data) == 0:
                return tr("Nothing to draw: the computed layer '{layer}' has no features.").format(
                    layer=spec.title(self.lang) or spec.ref)
        return None

    # -- layers of a map ----------------------------------------------------------------
    def _values_for(self, entry: MapEntry) -> Optional[DistrictValues]:
        for spec in entry.layers:
            if spec.kind == "result":
                value = self.inputs.results.get(spec.ref)
                if isinstance(value, DistrictValues):
                    return value
        return None

    def _present(self, source: str) -> bool:
        kind, _, ref = source.partition(":")
        if kind == "role":
            return ref in self.inputs.roles
        if kind == "result":
            return ref in self.inputs.results
        return all(self._present(s) for s in self.catalogue.source_inputs(source))

    def map_layers(self, entry: MapEntry, atlas: bool = False) -> List[Tuple[LayerSpec, QgsVectorLayer, str]]:
        """[(spec, styled private layer, legend title)] bottom to top; optional missing ones skipped."""
        values = self._values_for(entry)
        unit = values.unit if values is not None else ""
        no_data = self.catalogue.text("no_data", self.lang)
        out = []
        for spec in entry.layers:
            if not self._present(spec.source):
                if spec.optional:
                    continue
                raise MapSetError(tr("Map '{map}' needs {source}.").format(map=entry.name(self.lang),
                                                                             source=spec.source))
            title = spec.title(self.lang).replace("{unit}", unit).replace("（）", "").replace(" ()", "")
            layer = self._new_layer(spec.source, title or spec.ref)
            outcome = style_layer(layer, spec, self.lang, self.value_label_pt if spec.option("labels") else
                                  self.label_pt, no_data,
                                  values.higher_is_better if values is not None else None)
            self.warnings.extend(outcome.warnings)
            out.append((spec, layer, title))
        if atlas and "admin_district" in self.inputs.roles:
            mask = self._atlas_mask()
            if mask is not None:
                position = len(out) - (1 if out and out[-1][0].role_id == "admin_district" else 0)
                out.insert(position, (LayerSpec("role:admin_district", "fill", legend=False), mask, ""))
        return out

    def _atlas_mask(self) -> Optional[QgsVectorLayer]:
        """The other districts washed out on an atlas page."""
        layer = self._new_layer("role:admin_district", "atlas mask")
        code = _field_for(layer, "admin_district", "XZQDM")
        if code is None:
            return None
        from qgis.core import QgsFillSymbol

        symbol = QgsFillSymbol.createSimple({"color": "255,255,255,170", "style": "solid", "outline_style": "no"})
        root = QgsRuleBasedRenderer.Rule(None)
        root.appendChild(QgsRuleBasedRenderer.Rule(
            symbol, 0, 0, '"{f}" <> attribute(@atlas_feature, \'{f}\')'.format(f=code)))
        layer.setRenderer(QgsRuleBasedRenderer(root))
        layer.setLabelsEnabled(False)
        return layer

    # -- the page -----------------------------------------------------------------------
    def _title(self, entry: MapEntry, district: Optional[str] = None) -> str:
        return map_title(self.catalogue, entry, self.lang, self.options.city, self.options.year,
                         self.options.base_year, district)

    def _extent(self, entry: MapEntry, layers: Sequence[QgsVectorLayer]) -> QgsRectangle:
        extent_layers = []
        if entry.extent.startswith("role:") and entry.extent[5:] in self.inputs.roles:
            role_id = entry.extent[5:]
            base = self._base.get(role_id)
            if base is None:
                base = self.inputs.roles[role_id].open()
                self._base[role_id] = base
                self.layers.append(base)
            extent_layers = [base]
        if not extent_layers:
            extent_layers = list(layers)
        total = QgsRectangle()
        total.setMinimal()
        for layer in extent_layers:
            extent = layer.extent()
            if extent.isEmpty() and layer.featureCount() == 0:
                continue
            if layer.crs() != self.map_crs and layer.crs().isValid():
                transform = QgsCoordinateTransform(layer.crs(), self.map_crs, self.project.transformContext())
                extent = transform.transformBoundingBox(extent)
            total.combineExtentWith(extent)
        if total.isEmpty() or not total.isFinite():
            raise MapSetError(tr("Map '{map}' has nothing to show: its layers have no features.").format(
                map=entry.name(self.lang)))
        return total

    def build_map_layout(self, entry: MapEntry, atlas: bool = False, page_number: Optional[int] = None,
                         template: Optional[Path] = None) -> QgsPrintLayout:
        self._entries[entry.id] = entry
        layers = self.map_layers(entry, atlas)
        path = template or template_path(entry, self.geometry.paper, self.options.template_dirs)
        layout = load_template(self.project, path)
        layout.setName(self._title(entry))
        layout.setCustomProperty(MAP_ID_PROPERTY, entry.id)
        layout.setCustomProperty(PAPER_PROPERTY, self.geometry.paper)
        layout.setCustomProperty(ATLAS_PROPERTY, bool(atlas))
        map_item = _item(layout, ITEM_MAP, QgsLayoutItemMap)
        if map_item is None:
            raise MapSetError(tr("The layout template {path} has no map item with the id '{id}'.").format(
                path=Path(path).name, id=ITEM_MAP))
        if self.add_to_project:
            self._add_to_project(entry, [layer for _spec, layer, _title in layers])
        map_item.setCrs(self.map_crs)
        map_item.setLayers([layer for _spec, layer, _title in reversed(layers)])
        map_item.setKeepLayerSet(True)
        extent = self._extent(entry, [layer for _spec, layer, _title in layers])
        extent.scale(1.0 + 2 * EXTENT_MARGIN)
        map_item.setExtent(_fit_aspect(extent, map_item.rect().width(), map_item.rect().height()))
        map_item.setScale(nice_scale(map_item.scale()))
        self._fill_title(layout, entry, atlas)
        self._fill_north_arrow(layout, map_item)
        self._fill_scalebar(layout, map_item)
        self._fill_notes(layout, entry, map_item, atlas)
        self._fill_legend(layout, map_item, layers, atlas)
        if atlas:
            self._set_up_atlas(layout, map_item, entry)
        if page_number is not None:
            self.set_page_number(layout, page_number)
        return layout

    def _fill_title(self, layout, entry: MapEntry, atlas: bool) -> None:
        title = _item(layout, ITEM_TITLE, QgsLayoutItemLabel)
        if title is None:
            return
        _label_font(title)
        if atlas:
            name_field = self._district_name_field() or "XZQMC"
            text = self._title(entry, district='[% "{}" %]'.format(name_field))
            sample = self._title(entry, district="某某某区")
        else:
            text = sample = self._title(entry)
        title.setText(text)
        _fit_text_width(title, sample, _rect_of(title).w, 10.0)

    def _district_name_field(self) -> Optional[str]:
        base = self._base.get("admin_district")
        if base is None and "admin_district" in self.inputs.roles:
            base = self.inputs.roles["admin_district"].open()
            self._base["admin_district"] = base
            self.layers.append(base)
        return _field_for(base, "admin_district", "XZQMC") if base is not None else None

    def _fill_north_arrow(self, layout, map_item) -> None:
        arrow = _item(layout, ITEM_NORTH_ARROW, QgsLayoutItemPicture)
        if arrow is None:
            return
        if not Path(arrow.picturePath()).is_file():
            arrow.setPicturePath(str(NORTH_ARROW_SVG))
        arrow.setLinkedMap(map_item)

    def _fill_scalebar(self, layout, map_item) -> None:
        scalebar = _item(layout, ITEM_SCALEBAR, QgsLayoutItemScaleBar)
        if scalebar is None:
            return
        # the width the bar may take: the sheet's scale bar box (kept on the item for user templates)
        box_width = float(scalebar.customProperty("cityhealth/box_width", self.geometry.scalebar.w))
        scalebar.setCustomProperty("cityhealth/box_width", box_width)
        scalebar.setLinkedMap(map_item)
        scalebar.setUnits(QgsUnitTypes.DistanceKilometers)
        scalebar.setNumberOfSegmentsLeft(0)
        scalebar.setSegmentSizeMode(QgsScaleBarSettings.SegmentSizeFixed)
        segments = max(1, scalebar.numberOfSegments())
        scalebar.setUnitsPerSegment(scalebar_segment_km(map_item.scale(), box_width * 0.8, segments))
        scalebar.setUnitLabel(self.catalogue.text("scale_unit", self.lang))
        text_format = scalebar.textFormat()
        font = page_font(text_format.size(), text_format.font().bold(), text_format.font().family())
        text_format.setFont(font)
        scalebar.setTextFormat(text_format)
        scalebar.update()

    def crs_text(self) -> str:
        crs = self.map_crs
        parts = crs_parts(crs.authid(), crs.description(), crs.toProj(), crs.isGeographic())
        return crs_note(self.catalogue, parts, self.lang)

    def _fill_notes(self, layout, entry: MapEntry, map_item, atlas: bool) -> None:
        notes = _item(layout, ITEM_NOTES, QgsLayoutItemLabel)
        if notes is None:
            return
        _label_font(notes)
        values = self._values_for(entry)
        sources = source_list(entry, self.lang, [values.source] if values is not None and values.source else [])
        text = notes_text(self.catalogue, self.lang, self.crs_text(), sources, self.date,
                          None if atlas else int(round(map_item.scale())))
        notes.setText(text)
        box = _rect_of(notes)
        _fit_text_box(notes, text, box.w, box.h, 5.0)

    def _fill_legend(self, layout, map_item, layers, atlas: bool = False) -> None:
        legend = _item(layout, ITEM_LEGEND, QgsLayoutItemLegend)
        if legend is None:
            return
        box = _rect_of(legend)
        legend.setLinkedMap(map_item)
        legend.setAutoUpdateModel(False)
        legend.setTitle(self.catalogue.text("legend", self.lang))
        root = legend.model().rootGroup()
        root.removeAllChildren()
        for spec, layer, title in layers:
            if not spec.legend or not title:
                continue
            node = root.addLayer(layer)
            node.setCustomProperty("legend/title-label", title)
        # Whole-city pages: the renderers already hold only the classes present in the data
        # (map_layers.prune_categories and the catalogue styles), so the costly hit test of
        # QGIS's legend filter (about a second per 10 000 patches) is only run on atlas pages,
        # where the map shows one district.
        legend.setLegendFilterByMapEnabled(bool(atlas))
        legend.setResizeToContents(True)
        legend.setReferencePoint(QgsLayoutItem.UpperLeft)
        if atlas:
            legend.updateFilterByMap(False)
        chosen = self._fit_legend(layout, legend, box)
        if chosen[2] > box.w + 0.01 or chosen[3] > box.h + 0.01:
            self.warnings.append(tr("The legend of '{map}' is larger than its box ({w:.0f} × {h:.0f} mm).").format(
                map=layout.name(), w=chosen[2], h=chosen[3]))
        if chosen is not None:
            legend.attemptResize(QgsLayoutSize(chosen[2], chosen[3]))
        legend.attemptMove(QgsLayoutPoint(box.x, box.y))
        legend.setCustomProperty("cityhealth/legend_box", "{},{},{},{}".format(box.x, box.y, box.w, box.h))

    def _apply_legend_scale(self, legend, columns: int, scale: float) -> None:
        _legend_fonts(legend, self.geometry, scale)
        legend.setColumnCount(columns)
        unit = self.geometry.width / 420.0
        legend.setSymbolWidth(6.0 * unit * max(scale, 0.75))
        legend.setSymbolHeight(3.6 * unit * max(scale, 0.75))
        legend.setColumnSpace(3.0 * unit * max(scale, 0.75))

    def _fit_legend(self, layout, legend, box: Rect):
        """The largest font scale (then the fewest columns) at which the legend fits its box.

        Returns (columns, scale, width, height) as applied to ``legend``.
        """
        best = None  # (fits, scale, -columns, overflow) ordering
        chosen = None
        for columns in LEGEND_COLUMNS:
            for scale in LEGEND_SCALES:
                self._apply_legend_scale(legend, columns, scale)
                size = _legend_size(layout, legend)
                fits = size.width() <= box.w + 0.01 and size.height() <= box.h + 0.01
                overflow = max(size.width() / box.w, size.height() / box.h)
                key = (fits, scale if fits else -overflow, -columns)
                if best is None or key > best:
                    best, chosen = key, (columns, scale, size.width(), size.height())
                if fits:
                    break  # smaller scales with this column count are worse
        self._apply_legend_scale(legend, chosen[0], chosen[1])
        return chosen

    def _set_up_atlas(self, layout, map_item, entry: Optional[MapEntry] = None) -> None:
        coverage = self._new_layer("role:admin_district", "atlas coverage")
        if self.add_to_project and entry is not None:
            self._add_to_project(entry, [coverage], replace=False)
        code = _field_for(coverage, "admin_district", "XZQDM") or coverage.fields().names()[0]
        atlas = layout.atlas()
        atlas.setCoverageLayer(coverage)
        atlas.setHideCoverage(False)
        atlas.setEnabled(True)
        atlas.setPageNameExpression('"{}"'.format(code))
        atlas.setSortFeatures(True)
        atlas.setSortExpression('"{}"'.format(code))
        atlas.setFilenameExpression("'{}_' || \"{}\"".format(layout.customProperty(MAP_ID_PROPERTY), code))
        map_item.setAtlasDriven(True)
        map_item.setAtlasScalingMode(QgsLayoutItemMap.Auto)
        map_item.setAtlasMargin(ATLAS_MARGIN)

    def after_atlas_step(self, layout) -> None:
        """On an atlas page: a round scale, the scale bar and the notes for it."""
        map_item = _item(layout, ITEM_MAP, QgsLayoutItemMap)
        if map_item is None:
            return
        map_item.setScale(nice_scale(map_item.scale()))
        self._fill_scalebar(layout, map_item)
        entry = self._entries.get(layout.customProperty(MAP_ID_PROPERTY, ""))
        if entry is not None:
            self._fill_notes(layout, entry, map_item, False)

    def set_page_number(self, layout, number: int) -> None:
        label = _item(layout, ITEM_PAGE_NUMBER, QgsLayoutItemLabel)
        if label is not None:
            label.setText(self.catalogue.text("page", self.lang, page=number))

    def _add_to_project(self, entry: MapEntry, layers: Sequence[QgsVectorLayer], replace: bool = True) -> None:
        """Put the map's private layers into the project, in a hidden group "CityHealth map set /
        <title>" (the layout keeps working after the project is saved and reopened). With
        ``replace`` the group of an earlier layout of this map goes, with its layers."""
        root = self.project.layerTreeRoot()
        group = root.findGroup(GROUP_NAME) or root.addGroup(GROUP_NAME)
        name = self._title(entry)
        sub = group.findGroup(name)
        if sub is not None and replace:
            old_ids = sub.findLayerIds()
            group.removeChildNode(sub)
            self.project.removeMapLayers([layer_id for layer_id in old_ids if layer_id not in
                                          {layer.id() for layer in layers}])
            sub = None
        if sub is None:
            sub = group.addGroup(name)
        for layer in layers:
            self.project.addMapLayer(layer, False)
            sub.addLayer(layer)
        sub.setItemVisibilityChecked(False)
        group.setExpanded(False)
        self.layers = [layer for layer in self.layers if layer not in layers]  # the project owns them now

    # -- cover --------------------------------------------------------------------------
    def build_cover(self, plan: MapSetPlan) -> QgsPrintLayout:
        layout = load_template(self.project, template_path(None, self.geometry.paper, cover=True))
        layout.setName(tr("Map set cover"))
        city = (self.options.city or "").strip()
        title_key = "cover_title" if city else "cover_title_no_city"
        texts = {
            ITEM_COVER_TITLE: self.catalogue.text(title_key, self.lang, city=city),
            ITEM_COVER_SUBTITLE: self.catalogue.text("cover_subtitle", self.lang, year=self.options.year),
            ITEM_TOC_TITLE: self.catalogue.text("toc", self.lang),
        }
        rows = [TocRow(p.number, p.entry.name(self.lang), p.first_page, p.last_page, p.atlas_pages)
                for p in plan.maps]
        lines = toc_lines(self.catalogue, rows, self.lang)
        texts[ITEM_TOC] = "\n".join(line.split("\t")[0] for line in lines)
        texts[ITEM_TOC_PAGES] = "\n".join(line.split("\t")[1] for line in lines)
        missing = unavailable_summary(self.catalogue, plan.unavailable, self.lang)
        notes = unavailable_lines(self.catalogue, missing, self.lang)
        notes.append(self.catalogue.text("crs", self.lang, crs=self.crs_text()) + "    " +
                     self.catalogue.text("map_date", self.lang, date=self._date_text()))
        texts[ITEM_COVER_NOTES] = "\n".join(notes)
        for item_id, text in texts.items():
            label = _item(layout, item_id, QgsLayoutItemLabel)
            if label is None:
                continue
            _label_font(label)
            label.setText(text)
            box = _rect_of(label)
            if item_id in (ITEM_COVER_TITLE, ITEM_COVER_SUBTITLE):
                _fit_text_width(label, text, box.w, 10.0)
        toc, pages = _item(layout, ITEM_TOC, QgsLayoutItemLabel), _item(layout, ITEM_TOC_PAGES, QgsLayoutItemLabel)
        if toc is not None:
            box = _rect_of(toc)
            reserve = QgsLayoutUtils.textWidthMM(toc.font(), "第 00–00 页") + 6.0
            _fit_text_box(toc, texts[ITEM_TOC], box.w - reserve, box.h, 6.0)
            if pages is not None:
                pages.setFont(toc.font())
        cover_notes = _item(layout, ITEM_COVER_NOTES, QgsLayoutItemLabel)
        if cover_notes is not None:
            box = _rect_of(cover_notes)
            _fit_text_box(cover_notes, texts[ITEM_COVER_NOTES], box.w, box.h, 5.0)
        return layout

    def _date_text(self) -> str:
        from ..core.mapset.text import date_text

        return date_text(self.date, self.lang)

    def release(self) -> None:
        """Drop the private layers (call in the builder's thread)."""
        self._data.clear()
        self._base.clear()
        for layer in self.layers:
            layer.deleteLater()
        self.layers = []


# --------------------------------------------------------------------------------------
# export
# --------------------------------------------------------------------------------------

def _export_error(code, path) -> str:
    if code == QgsLayoutExporter.FileError:
        return tr("Cannot write {path}. It may be open in another program, or the folder is read-only.").format(
            path=path)
    if code == QgsLayoutExporter.MemoryError:
        return tr("Not enough memory to export {path}. Use a lower resolution (DPI) or the A4 paper size.").format(
            path=path)
    if code == QgsLayoutExporter.PrintError:
        return tr("The PDF writer could not start for {path}.").format(path=path)
    if code == QgsLayoutExporter.IteratorError:
        return tr("The pages of the map set could not be prepared.")
    return tr("Exporting {path} failed (code {code}).").format(path=path, code=int(code))


class _PageSequence(QgsAbstractLayoutIterator):
    """Hands the PDF exporter the cover, each map page and its atlas pages, one after the other;
    writes each page's PNG on the way. Errors are kept (never raised into C++) and re-raised
    by ``export_map_set``."""

    def __init__(self, builder: MapBuilder, plan: MapSetPlan, png_folder: Optional[Path], png_dpi: int, feedback):
        super().__init__()
        self.builder = builder
        self.plan = plan
        self.png_folder = png_folder
        self.png_dpi = png_dpi
        self.feedback = feedback
        self.jobs: List[Tuple[str, Optional[PlannedMap]]] = []
        if plan.cover:
            self.jobs.append(("cover", None))
        for planned in plan.maps:
            self.jobs.append(("map", planned))
            if planned.atlas_pages:
                self.jobs.append(("atlas", planned))
        self.index = -1
        self.page = 0
        self.current: Optional[QgsPrintLayout] = None
        self.atlas = None
        self.error: Optional[BaseException] = None
        self.trace = ""
        self.pngs: List[str] = []
        self.exported: List[str] = []
        self.times: List[Tuple[str, float, float]] = []
        self._left: Optional[float] = None
        self._label = ""

    # QgsAbstractLayoutIterator
    def layout(self):  # noqa: D401 (Qt API)
        return self.current

    def beginRender(self):  # noqa: N802
        return True

    def endRender(self):  # noqa: N802
        if self.atlas is not None:
            self.atlas.endRender()
            self.atlas = None
        return True

    def count(self):
        return self.plan.total_pages

    def filePath(self, base_path, extension):  # noqa: N802
        return "{}_{}.{}".format(base_path, self.page, extension)

    def next(self):
        entered = time.perf_counter()
        if self._left is not None and self.times:  # the exporter rendered the previous page meanwhile
            name, build, _pdf = self.times[-1]
            self.times[-1] = (name, build, entered - self._left)
        try:
            more = self._next()
        except BaseException as error:  # noqa: BLE001 (kept and re-raised outside the C++ call)
            self.error = error
            self.trace = traceback.format_exc()
            return False
        self._left = time.perf_counter() if more else None
        if more:
            self.times.append((self._label, self._left - entered, 0.0))
        return more

    def finish_timing(self) -> None:
        if self._left is not None and self.times:
            name, build, _pdf = self.times[-1]
            self.times[-1] = (name, build, time.perf_counter() - self._left)
            self._left = None

    def _canceled(self) -> bool:
        return self.feedback is not None and self.feedback.isCanceled()

    def _next(self) -> bool:
        if self._canceled():
            return False
        if self.atlas is not None:
            if self.atlas.next():
                self.builder.after_atlas_step(self.current)
                self._page_done("_" + self._atlas_code())
                return True
            self.atlas.endRender()
            self.atlas = None
        while True:
            self.index += 1
            if self.index >= len(self.jobs):
                return False
            kind, planned = self.jobs[self.index]
            self.current = None
            if self.feedback is not None:
                name = planned.entry.name(self.builder.lang) if planned else tr("Cover and contents")
                self.feedback.pushInfo(tr("Page {page} of {total}: {name}").format(
                    page=self.page + 1, total=self.plan.total_pages, name=name))
            if kind == "cover":
                self.current = self.builder.build_cover(self.plan)
                self._page_done("00_cover", cover=True)
                return True
            if kind == "map":
                self.current = self.builder.build_map_layout(planned.entry)
                self.exported.append(planned.entry.id)
                self._page_done("")
                return True
            self.current = self.builder.build_map_layout(planned.entry, atlas=True)
            atlas = self.current.atlas()
            if not atlas.beginRender():
                continue
            if atlas.count() == 0 or not atlas.next():
                atlas.endRender()
                continue
            self.atlas = atlas
            self.builder.after_atlas_step(self.current)
            self._page_done("_" + self._atlas_code())
            return True

    def _atlas_code(self) -> str:
        name = self.atlas.nameForPage(self.atlas.currentFeatureNumber())
        return "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in str(name)) or str(
            self.atlas.currentFeatureNumber() + 1)

    def _page_done(self, suffix: str, cover: bool = False) -> None:
        self.page += 1
        self.builder.set_page_number(self.current, self.page)
        kind, planned = self.jobs[self.index]
        name = suffix if cover else "{:02d}_{}{}".format(planned.number, planned.entry.id, suffix)
        self._label = name
        if self.png_folder is None:
            return
        path = self.png_folder / (name + ".png")
        write_png(self.current, path, self.png_dpi)
        self.pngs.append(str(path))


def _without_empty_maps(plan: MapSetPlan, builder: MapBuilder, options: MapSetOptions) -> MapSetPlan:
    """The plan without maps whose computed layers turn out empty (listed as left out instead)."""
    kept, dropped = [], list(plan.unavailable)
    for planned in plan.maps:
        reason = builder.empty_reason(planned.entry)
        if reason:
            dropped.append(Availability(planned.entry, False, (), (reason,)))
        else:
            kept.append(planned)
    if len(kept) == len(plan.maps):
        return plan
    page = 2 if plan.cover else 1
    renumbered = []
    for number, planned in enumerate(kept, start=1):
        renumbered.append(PlannedMap(planned.entry, number, page, planned.atlas_pages))
        page += 1 + planned.atlas_pages
    return MapSetPlan(renumbered, dropped, plan.cover, page - 1)


def write_png(layout: QgsPrintLayout, path: Path, dpi: int) -> None:
    """The layout's first page as a PNG at ``dpi``.

    ``QgsLayoutExporter.renderPageToImage`` and ``QImage.save`` rather than ``exportToImage``:
    the latter always tries to georeference the page through GDAL, which cannot update a PNG
    (an 'ERROR 6' on every page) and costs about a second per page.
    """
    image = QgsLayoutExporter(layout).renderPageToImage(0, QSize(), float(dpi))
    if image.isNull():
        raise MapSetError(_export_error(QgsLayoutExporter.MemoryError, path))
    if not image.save(str(path), "PNG", PNG_QUALITY):
        raise MapSetError(_export_error(QgsLayoutExporter.FileError, path))


def export_map_set(inputs: MapSetInputs, options: MapSetOptions, feedback=None,
                   catalogue: Optional[Catalogue] = None) -> MapSetResult:
    """Write the map set PDF (and PNGs) for ``inputs`` (from ``MapSetInputs.prepared()``).

    Runs in the calling thread; see the module docstring. Raises MapSetError with a sentence
    for the user, MapSetCanceled when ``feedback`` was cancelled.
    """
    started = time.perf_counter()
    catalogue = catalogue or default_catalogue()
    if not options.output_folder:
        raise MapSetError(tr("Choose an output folder for the map set."))
    plan = plan_map_set(catalogue, inputs, options)
    if not plan.maps:
        reasons = "; ".join("{}: {}".format(item.entry.name(options.lang), item.reason) for item in plan.unavailable)
        raise MapSetError(tr("No map of the set can be drawn with the given layers. {reasons}").format(
            reasons=reasons))
    pdf = options.pdf_path()
    png_folder = options.png_folder() if options.png else None
    try:
        pdf.parent.mkdir(parents=True, exist_ok=True)
        if png_folder is not None:
            png_folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise MapSetError(tr("Cannot create the output folder {path}: {error}").format(
            path=options.output_folder, error=error)) from None
    project = QgsProject()
    project.setCrs(QgsCoordinateReferenceSystem(options.work_crs))
    builder = MapBuilder(inputs, options, catalogue, project, feedback=feedback)
    try:
        plan = _without_empty_maps(plan, builder, options)
    except MapSetError:
        builder.release()
        raise
    if not plan.maps:
        builder.release()
        raise MapSetError(tr("No map of the set has anything to draw. {reasons}").format(
            reasons="; ".join("{}: {}".format(item.entry.name(options.lang), item.reason)
                              for item in plan.unavailable)))
    sequence = _PageSequence(builder, plan, png_folder, options.png_dpi, feedback)
    settings = QgsLayoutExporter.PdfExportSettings()
    settings.dpi = float(options.pdf_dpi)
    settings.rasterizeWholeImage = False
    settings.forceVectorOutput = True
    settings.textRenderFormat = QgsRenderContext.TextFormatAlwaysText
    settings.simplifyGeometries = SIMPLIFY_PDF
    settings.appendGeoreference = False
    settings.exportMetadata = True
    try:
        result, error_text = QgsLayoutExporter.exportToPdf(sequence, str(pdf), settings, feedback)
        sequence.finish_timing()
        canceled = feedback is not None and feedback.isCanceled()
        if sequence.error is not None:
            _remove(pdf)
            if isinstance(sequence.error, MapSetError):
                raise sequence.error
            raise MapSetError(tr("The map set failed on page {page}: {error}").format(
                page=sequence.page + 1, error=sequence.error)) from sequence.error
        if canceled or result == QgsLayoutExporter.Canceled:
            _remove(pdf)
            raise MapSetCanceled(tr("The map set export was cancelled."))
        if result != QgsLayoutExporter.Success:
            _remove(pdf)
            raise MapSetError(error_text or _export_error(result, pdf))
        if not pdf.is_file() or pdf.stat().st_size == 0:
            raise MapSetError(_export_error(QgsLayoutExporter.FileError, pdf))
        return MapSetResult(
            pdf=str(pdf), png_folder=str(png_folder or ""), pngs=list(sequence.pngs), pages=sequence.page,
            maps=list(sequence.exported),
            unavailable=[(item.entry.id, item.reason) for item in plan.unavailable],
            warnings=list(dict.fromkeys(builder.warnings)), seconds=time.perf_counter() - started,
            page_times=list(sequence.times))
    finally:
        sequence.current = None
        builder.release()
        del sequence
        project.clear()


def _remove(path: Path) -> None:
    try:
        path.unlink()
    except OSError:
        pass


# --------------------------------------------------------------------------------------
# layout designer path (main thread, the user's project)
# --------------------------------------------------------------------------------------

def create_project_layout(map_id: str, inputs: MapSetInputs, options: MapSetOptions,
                          project: Optional[QgsProject] = None, catalogue: Optional[Catalogue] = None,
                          atlas: bool = False) -> QgsPrintLayout:
    """Build one map's layout in ``project``'s layout manager, its layers in a hidden group.

    The user edits it in the layout designer; ``save_user_template`` then keeps the edits for
    the map set. A layout of the same name is replaced. Main thread only.
    """
    project = project or QgsProject.instance()
    catalogue = catalogue or default_catalogue()
    items = {item.entry.id: item for item in availabilities(catalogue, inputs, options.lang)}
    item = items.get(map_id)
    if item is None:
        raise MapSetError(tr("Unknown map '{map}'.").format(map=map_id))
    if not item.available:
        raise MapSetError(tr("{map} cannot be drawn: {reason}").format(map=item.entry.name(options.lang),
                                                                       reason=item.reason))
    builder = MapBuilder(inputs, options, catalogue, project, add_to_project=True)
    layout = builder.build_map_layout(item.entry, atlas=atlas)
    name = layout.name()
    manager = project.layoutManager()
    old = manager.layoutByName(name)
    if old is not None:
        manager.removeLayout(old)
    manager.addLayout(layout)
    builder.release()  # layers that did not go into the project (extent, reading copies)
    return layout


def save_user_template(layout: QgsPrintLayout, folder) -> Path:
    """Save an edited map set layout as the user's template of its map (``<map id>_<paper>.qpt``)."""
    map_id = layout.customProperty(MAP_ID_PROPERTY, "")
    paper = layout.customProperty(PAPER_PROPERTY, "A3")
    if not map_id:
        raise MapSetError(tr("The layout '{layout}' was not made by the map set; open a map from the Map set panel "
                             "first.").format(layout=layout.name()))
    atlas = layout.atlas()
    was_enabled = atlas.enabled()
    path = Path(folder) / user_template_name(str(map_id), str(paper))
    try:
        if was_enabled:
            atlas.setEnabled(False)  # the map set switches the atlas on where it is wanted
        return save_template(layout, path)
    finally:
        if was_enabled:
            atlas.setEnabled(True)
