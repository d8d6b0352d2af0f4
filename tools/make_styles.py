"""Write cityhealth_plugin/resources/styles/*.qml through the QGIS API (run once; commit the .qml).

    QT_QPA_PLATFORM=offscreen PYTHONPATH=. .venv/bin/python tools/make_styles.py

Colours follow the cartographic habits planners in China expect:
- 三调 DLTB by DLBM family (耕地 yellows, 园地 mauves, 林地 greens, 草地 light greens, 湿地
  blue-greens, 商服/工矿/住宅/公管 reds, oranges and pinks, 交通 greys, 水域 blues, 其他 beige),
  using the RGB values of the usual 三调 symbol library; 可调整 (K) codes get a fine hatch.
- Control lines drawn over land use: 永久基本农田 yellow-green hatch with outline, 生态保护红线 red
  outline on translucent green, 城镇开发边界 thick purple dashes, 历史文化保护线 brown.
- Planned land use (用地用海 first level): planning palette (居住 yellow, 公服 magenta, 商业 red ...).
"""

import sys
from pathlib import Path

from qgis.core import (
    QgsSimpleMarkerSymbolLayerBase,
    QgsSymbol,
    QgsSymbolLayer,
    QgsApplication,
    QgsCategorizedSymbolRenderer,
    QgsFillSymbol,
    QgsGraduatedSymbolRenderer,
    QgsLinePatternFillSymbolLayer,
    QgsLineSymbol,
    QgsMapLayer,
    QgsMarkerSymbol,
    QgsPalLayerSettings,
    QgsProperty,
    QgsRendererCategory,
    QgsRendererRange,
    QgsSimpleFillSymbolLayer,
    QgsSimpleLineSymbolLayer,
    QgsSimpleMarkerSymbolLayer,
    QgsSingleSymbolRenderer,
    QgsSvgMarkerSymbolLayer,
    QgsTextBufferSettings,
    QgsTextFormat,
    QgsUnitTypes,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor, QFont

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cityhealth_plugin.core.landuse.codes import CodeTable  # noqa: E402
from cityhealth_plugin.core.roles.registry import ROLES  # noqa: E402
from cityhealth_plugin.resources_paths import STYLES  # noqa: E402

LABEL_FONT = "Noto Sans CJK SC"
ICON_SCALE = 60000  # facilities show their icon when zoomed in beyond 1:60 000

# 三调 DLBM -> RGB (the widely used 三调 symbol library values)
DLTB_COLOURS = {
    "0101": (248, 208, 114), "0102": (248, 231, 28), "0103": (255, 251, 177),
    "0201": (214, 167, 201), "0202": (213, 167, 176), "0203": (231, 204, 226), "0204": (231, 204, 226),
    "0301": (49, 173, 105), "0302": (49, 173, 105), "0303": (49, 173, 105), "0304": (49, 173, 105),
    "0305": (100, 185, 104), "0306": (100, 185, 104), "0307": (151, 207, 178),
    "0401": (131, 194, 56), "0402": (131, 194, 56), "0403": (154, 206, 127), "0404": (200, 227, 160),
    "05H1": (226, 161, 149), "0508": (197, 154, 140),
    "0601": (197, 154, 140), "0602": (197, 154, 140), "0603": (197, 154, 140),
    "0701": (229, 103, 102), "0702": (236, 137, 138),
    "08H1": (241, 165, 180), "08H2": (241, 165, 180), "08H2A": (241, 165, 180), "0809": (241, 165, 180),
    "0810": (129, 195, 93), "0810A": (186, 218, 160),
    "09": (193, 114, 97),
    "1001": (209, 201, 211), "1002": (209, 201, 211), "1003": (210, 216, 201), "1004": (222, 222, 221),
    "1005": (170, 169, 169), "1006": (194, 193, 193), "1007": (235, 137, 126), "1008": (235, 137, 126),
    "1009": (235, 137, 126),
    "1101": (163, 214, 245), "1102": (163, 214, 245), "1103": (163, 214, 245), "1104": (144, 170, 207),
    "1104A": (144, 170, 207), "1104K": (144, 170, 207), "1105": (179, 222, 248), "1106": (179, 222, 248),
    "1107": (160, 205, 240), "1107A": (160, 205, 240), "1108": (175, 200, 220), "1109": (230, 130, 100),
    "1110": (215, 237, 251),
    "1201": (225, 220, 225), "1202": (220, 180, 130), "1203": (200, 204, 210), "1204": (200, 190, 170),
    "1205": (200, 190, 170), "1206": (215, 200, 185), "1207": (222, 221, 214),
}

# 用地用海 first level (two-digit prefix of YDYHDM) -> (name, RGB), planning palette
PLANNED_COLOURS = {
    "01": ("耕地", (245, 248, 220)), "02": ("园地", (191, 233, 170)), "03": ("林地", (104, 177, 103)),
    "04": ("草地", (205, 245, 122)), "05": ("湿地", (101, 205, 170)), "06": ("农业设施建设用地", (216, 215, 159)),
    "07": ("居住用地", (255, 255, 45)), "08": ("公共管理与公共服务用地", (255, 0, 255)),
    "09": ("商业服务业用地", (255, 0, 0)), "10": ("工矿用地", (187, 150, 116)), "11": ("仓储用地", (135, 97, 211)),
    "12": ("交通运输用地", (180, 180, 180)), "13": ("公用设施用地", (0, 99, 128)),
    "14": ("绿地与开敞空间用地", (0, 255, 0)), "15": ("特殊用地", (133, 145, 88)), "16": ("留白用地", (255, 255, 255)),
    "17": ("陆地水域", (77, 184, 255)), "18": ("渔业用海", (0, 153, 204)), "23": ("其他土地", (225, 220, 200)),
}

ROAD_CLASSES = (  # DJ value, colour, width mm, casing colour
    ("高速公路", "#e8552d", 1.6, "#8c2d14"),
    ("快速路", "#f39c34", 1.3, "#8c5a14"),
    ("主干路", "#f7d54a", 1.0, "#8c7a14"),
    ("次干路", "#fffbe0", 0.8, "#6e6e6e"),
    ("支路", "#ffffff", 0.55, "#8a8a8a"),
    ("街巷", "#f2f2f2", 0.35, "#a0a0a0"),
    ("步行道", "#9c6b3c", 0.3, None),
)

FACILITIES = {  # role id -> (colour, svg relative to QGIS's svg folder)
    "fac_community_health": ("#e04f5f", "health/health_doctors.svg"),
    "fac_hospital": ("#b0102b", "health/health_hospital.svg"),
    "fac_kindergarten": ("#f08bb4", "symbol/education_nursery.svg"),
    "fac_primary_school": ("#2f7bd6", "symbol/education_school.svg"),
    "fac_middle_school": ("#1b4f9c", "symbol/education_university.svg"),
    "fac_elderly": ("#8e6bbf", "accommodation/accommodation_house.svg"),
    "fac_culture": ("#c27c0e", "tourist/tourist_theatre.svg"),
    "fac_sports": ("#2a9d8f", "sport/sport_gymnasium.svg"),
    "fac_football": ("#3c9a3c", "sport/sport_soccer.svg"),
    "fac_market": ("#e07b24", "shopping/shopping_greengrocer.svg"),
    "fac_fire_station": ("#d62718", "amenity/amenity_firestation.svg"),
    "fac_metro_station": ("#455a9e", "transport/railway=station.svg"),
    "fac_shelter": ("#167f6c", "accommodation/accommodation_shelter.svg"),
}


def symbol_of(kind, layers):
    """A symbol made of ``layers`` (the list constructors do not take ownership safely)."""
    symbol = kind()
    symbol.deleteSymbolLayer(0)
    for layer in layers:
        symbol.appendSymbolLayer(layer)
    return symbol


def colour(value, alpha=255):
    c = QColor(*value) if isinstance(value, tuple) else QColor(value)
    c.setAlpha(alpha)
    return c


def fill(colour_value, stroke="#7f7f7f", stroke_width=0.06, alpha=255, style=Qt.SolidPattern,
         stroke_style=Qt.SolidLine):
    layer = QgsSimpleFillSymbolLayer(colour(colour_value, alpha), style, colour(stroke), stroke_style, stroke_width)
    layer.setStrokeWidthUnit(QgsUnitTypes.RenderMillimeters)
    return symbol_of(QgsFillSymbol, [layer])


def hatch(colour_value, angle=45, spacing=2.0, width=0.3):
    c = colour(colour_value)
    layer = QgsLinePatternFillSymbolLayer.create({
        "angle": str(angle), "distance": str(spacing), "line_width": str(width),
        "color": f"{c.red()},{c.green()},{c.blue()},{c.alpha()}",
    })
    layer.subSymbol().setColor(c)
    layer.subSymbol().setWidth(width)
    return layer


def labels(field_name, size, bold=False, colour_value="#202020", buffer=1.0, placement=None, zoomed_out=None):
    """Simple labels; ``zoomed_out``: the largest scale denominator at which they still show."""
    settings = QgsPalLayerSettings()
    if zoomed_out:
        settings.scaleVisibility = True
        settings.minimumScale = zoomed_out  # most zoomed-out scale with labels (QGIS naming)
        settings.maximumScale = 0
    settings.fieldName = field_name
    settings.enabled = True
    text_format = QgsTextFormat()
    font = QFont(LABEL_FONT)
    font.setBold(bold)
    text_format.setFont(font)
    text_format.setSize(size)
    text_format.setColor(colour(colour_value))
    buffer_settings = QgsTextBufferSettings()
    buffer_settings.setEnabled(True)
    buffer_settings.setSize(buffer)
    buffer_settings.setColor(QColor("white"))
    text_format.setBuffer(buffer_settings)
    settings.setFormat(text_format)
    if placement is not None:
        settings.placement = placement
    return QgsVectorLayerSimpleLabeling(settings)


def memory_layer(geometry, fields):
    spec = "&".join(f"field={name}:{kind}" for name, kind in fields)
    return QgsVectorLayer(f"{geometry}?crs=EPSG:4548&{spec}", "style", "memory")


def save(layer, name):
    path = STYLES / f"{name}.qml"
    # symbology and labels only: a user's forms, aliases and widgets stay as they are
    categories = QgsMapLayer.Symbology | QgsMapLayer.Labeling
    message, ok = layer.saveNamedStyle(str(path), categories=categories)
    if not ok:
        raise SystemExit(f"could not write {path}: {message}")
    print("wrote", path.relative_to(ROOT))


# ---------------------------------------------------------------------------------------------
def dltb_renderer():
    table = CodeTable.default()
    categories = []
    for code in sorted(table.leaf_codes(), key=lambda c: (c.rstrip("AKH"), c)):
        rgb = DLTB_COLOURS.get(code) or DLTB_COLOURS.get(code.rstrip("K"))
        symbol = fill(rgb, stroke=(150, 150, 150), stroke_width=0.05)
        if code.endswith("K"):
            symbol.appendSymbolLayer(hatch((120, 120, 120), angle=45, spacing=1.6, width=0.15))
        categories.append(QgsRendererCategory(code, symbol, f"{code} {table.names[code]}"))
    other = fill((235, 235, 235), stroke=(150, 150, 150), stroke_width=0.05)
    other.appendSymbolLayer(hatch((200, 60, 60), angle=-45, spacing=1.2, width=0.2))
    categories.append(QgsRendererCategory("", other, "其他/无效编码"))
    return QgsCategorizedSymbolRenderer("DLBM", categories)


def make_dltb():
    fields = [("BSM", "string"), ("DLBM", "string"), ("DLMC", "string"), ("CZCSXM", "string"),
              ("TBMJ", "double"), ("KCMJ", "double"), ("TBDLMJ", "double"), ("ZLDWDM", "string")]
    for name in ("dltb", "dltb_base"):
        layer = memory_layer("Polygon", fields)
        layer.setRenderer(dltb_renderer())
        save(layer, name)


def make_planned():
    layer = memory_layer("Polygon", [("YDYHDM", "string")])
    categories = [QgsRendererCategory(code, fill(rgb, stroke=(140, 140, 140), stroke_width=0.05), f"{code} {name}")
                  for code, (name, rgb) in PLANNED_COLOURS.items()]
    categories.append(QgsRendererCategory("", fill((240, 240, 240)), "其他"))
    layer.setRenderer(QgsCategorizedSymbolRenderer('left("YDYHDM", 2)', categories))
    save(layer, "planned_landuse")


def make_admin():
    district = memory_layer("Polygon", [("XZQDM", "string"), ("XZQMC", "string")])
    symbol = QgsFillSymbol()
    symbol.deleteSymbolLayer(0)
    casing = QgsSimpleFillSymbolLayer(QColor(0, 0, 0, 0), Qt.NoBrush, colour((255, 255, 255, ), 200), Qt.SolidLine, 1.6)
    line = QgsSimpleFillSymbolLayer(QColor(0, 0, 0, 0), Qt.NoBrush, colour("#5a3d7a"), Qt.DashDotLine, 0.7)
    symbol.appendSymbolLayer(casing)
    symbol.appendSymbolLayer(line)
    district.setRenderer(QgsSingleSymbolRenderer(symbol))
    district.setLabeling(labels("XZQMC", 13, bold=True, colour_value="#3d2563", buffer=1.2,
                                placement=QgsPalLayerSettings.Horizontal))
    district.setLabelsEnabled(True)
    save(district, "admin_district")

    sub = memory_layer("Polygon", [("JDDM", "string"), ("JDMC", "string"), ("XZQDM", "string")])
    symbol = QgsFillSymbol()
    symbol.deleteSymbolLayer(0)
    symbol.appendSymbolLayer(QgsSimpleFillSymbolLayer(QColor(0, 0, 0, 0), Qt.NoBrush, colour("#6d6d6d"),
                                                      Qt.DashLine, 0.35))
    sub.setRenderer(QgsSingleSymbolRenderer(symbol))
    sub.setLabeling(labels("JDMC", 8.5, colour_value="#404040", buffer=0.8,
                           placement=QgsPalLayerSettings.Horizontal, zoomed_out=400000))
    sub.setLabelsEnabled(True)
    save(sub, "admin_subdistrict")

    urban = memory_layer("Polygon", [("MC", "string")])
    symbol = QgsFillSymbol()
    symbol.deleteSymbolLayer(0)
    symbol.appendSymbolLayer(QgsSimpleFillSymbolLayer(colour("#d98b3a", 18), Qt.SolidPattern, colour("#c0651b"),
                                                      Qt.DotLine, 0.6))
    urban.setRenderer(QgsSingleSymbolRenderer(symbol))
    save(urban, "urban_area")


def make_control_lines():
    farmland = memory_layer("Polygon", [("BSM", "string"), ("DLBM", "string"), ("TBMJ", "double")])
    symbol = QgsFillSymbol()
    symbol.deleteSymbolLayer(0)
    symbol.appendSymbolLayer(QgsSimpleFillSymbolLayer(colour("#c8dc3c", 60), Qt.SolidPattern, colour("#7a9a1e"),
                                                      Qt.SolidLine, 0.45))
    symbol.appendSymbolLayer(hatch("#8fb21f", angle=45, spacing=2.2, width=0.25))
    farmland.setRenderer(QgsSingleSymbolRenderer(symbol))
    save(farmland, "farmland_protection")

    eco = memory_layer("Polygon", [("BSM", "string"), ("HXMC", "string"), ("MJ", "double")])
    symbol = QgsFillSymbol()
    symbol.deleteSymbolLayer(0)
    symbol.appendSymbolLayer(QgsSimpleFillSymbolLayer(colour("#2e9e4f", 70), Qt.SolidPattern, colour("#e00000"),
                                                      Qt.SolidLine, 0.7))
    eco.setRenderer(QgsSingleSymbolRenderer(symbol))
    save(eco, "eco_redline")

    boundary = memory_layer("Polygon", [("BSM", "string"), ("MJ", "double")])
    symbol = QgsFillSymbol()
    symbol.deleteSymbolLayer(0)
    casing = QgsSimpleFillSymbolLayer(QColor(0, 0, 0, 0), Qt.NoBrush, colour("#ffffff", 180), Qt.SolidLine, 1.6)
    dashes = QgsSimpleFillSymbolLayer(QColor(0, 0, 0, 0), Qt.NoBrush, colour("#8e24aa"), Qt.DashLine, 1.0)
    symbol.appendSymbolLayer(casing)
    symbol.appendSymbolLayer(dashes)
    boundary.setRenderer(QgsSingleSymbolRenderer(symbol))
    save(boundary, "urban_boundary")

    heritage = memory_layer("Polygon", [("BSM", "string"), ("MC", "string")])
    symbol = QgsFillSymbol()
    symbol.deleteSymbolLayer(0)
    symbol.appendSymbolLayer(QgsSimpleFillSymbolLayer(colour("#8b5a2b", 45), Qt.SolidPattern, colour("#7b3f00"),
                                                      Qt.SolidLine, 0.6))
    symbol.appendSymbolLayer(hatch("#6a1b9a", angle=-45, spacing=2.0, width=0.2))
    heritage.setRenderer(QgsSingleSymbolRenderer(symbol))
    heritage.setLabeling(labels("MC", 8, colour_value="#5d2e00", buffer=0.8,
                                placement=QgsPalLayerSettings.Horizontal, zoomed_out=60000))
    heritage.setLabelsEnabled(True)
    save(heritage, "heritage_line")


def make_roads():
    layer = memory_layer("LineString", [("MC", "string"), ("DJ", "string"), ("BX", "integer"), ("DX", "integer"),
                                        ("SD", "double"), ("CC", "integer")])
    categories = []
    for value, fill_colour, width, casing in ROAD_CLASSES:
        symbol = QgsLineSymbol()
        symbol.deleteSymbolLayer(0)
        if casing:
            outer = QgsSimpleLineSymbolLayer(colour(casing), width + 0.35)
            outer.setPenCapStyle(Qt.RoundCap)
            symbol.appendSymbolLayer(outer)
        inner = QgsSimpleLineSymbolLayer(colour(fill_colour), width, Qt.DashLine if casing is None else Qt.SolidLine)
        inner.setPenCapStyle(Qt.RoundCap)
        symbol.appendSymbolLayer(inner)
        categories.append(QgsRendererCategory(value, symbol, value))
    other = symbol_of(QgsLineSymbol, [QgsSimpleLineSymbolLayer(colour("#9e9e9e"), 0.3)])
    categories.append(QgsRendererCategory("", other, "其他"))
    renderer = QgsCategorizedSymbolRenderer("DJ", categories)
    # draw casings below every fill: symbol levels by layer index
    renderer.setUsingSymbolLevels(True)
    layer.setRenderer(renderer)
    _road_levels(layer)
    save(layer, "roads")


def _road_levels(layer):
    """Casings at level 0, fills ordered so that higher classes are drawn last."""
    renderer = layer.renderer()
    count = len(ROAD_CLASSES)
    for index, category in enumerate(renderer.categories()):
        symbol = category.symbol().clone()
        rank = count - index if index < count else 0
        for sl_index in range(symbol.symbolLayerCount()):
            is_fill = sl_index == symbol.symbolLayerCount() - 1
            symbol.symbolLayer(sl_index).setRenderingPass(rank + count + 1 if is_fill else rank)
        renderer.updateCategorySymbol(index, symbol)


def make_buildings():
    layer = memory_layer("Polygon", [("CS", "integer"), ("GD", "double"), ("YT", "string")])
    bounds = ((0, 10, "≤10 m 低层", "#e8e4dc"), (10, 24, "10–24 m 多层", "#cfc6b8"),
              (24, 50, "24–50 m 高层", "#a89b8a"), (50, 100, "50–100 m 高层", "#7d6f63"),
              (100, 1000, ">100 m 超高层", "#4e433c"))
    ranges = [QgsRendererRange(lo, hi, fill(c, stroke="#5b5148", stroke_width=0.08), label)
              for lo, hi, label, c in bounds]
    renderer = QgsGraduatedSymbolRenderer("GD", ranges)
    renderer.setSourceSymbol(fill("#cfc6b8", stroke="#5b5148", stroke_width=0.08))
    layer.setRenderer(renderer)
    save(layer, "buildings")


def make_population():
    ramp_colours = ("#fff5eb", "#fdd0a2", "#fd8d3c", "#d94801", "#7f2704")
    bounds = ((0, 100), (100, 500), (500, 1500), (1500, 4000), (4000, 100000))
    polygon = memory_layer("Polygon", [("RKS", "double")])
    ranges = [QgsRendererRange(lo, hi, fill(c, stroke=c, stroke_width=0.0, alpha=190), f"{lo:g}–{hi:g}")
              for (lo, hi), c in zip(bounds, ramp_colours)]
    renderer = QgsGraduatedSymbolRenderer("RKS", ranges)
    renderer.setSourceSymbol(fill("#fd8d3c", stroke="#fd8d3c", stroke_width=0.0, alpha=190))
    from qgis.core import QgsGradientColorRamp

    renderer.setSourceColorRamp(QgsGradientColorRamp(QColor(ramp_colours[0]), QColor(ramp_colours[-1])))
    polygon.setRenderer(renderer)
    save(polygon, "population")

    point = memory_layer("Point", [("RKS", "double")])
    ranges = []
    for (lo, hi), c, size in zip(bounds, ramp_colours, (1.2, 1.8, 2.5, 3.3, 4.2)):
        marker = symbol_of(QgsMarkerSymbol, [QgsSimpleMarkerSymbolLayer(QgsSimpleMarkerSymbolLayerBase.Circle, size, 0,
                                                             QgsSymbol.ScaleArea, colour(c, 220),
                                                             colour("#7f2704"))])
        ranges.append(QgsRendererRange(lo, hi, marker, f"{lo:g}–{hi:g}"))
    renderer = QgsGraduatedSymbolRenderer("RKS", ranges)
    point.setRenderer(renderer)
    save(point, "population_point")


def make_facilities():
    for role_id, (colour_value, svg) in FACILITIES.items():
        layer = memory_layer("Point", [("MC", "string"), ("MJ", "double")])
        background = QgsSimpleMarkerSymbolLayer(QgsSimpleMarkerSymbolLayerBase.Circle, 3.8)
        background.setColor(colour(colour_value))
        background.setStrokeColor(QColor("white"))
        background.setStrokeWidth(0.35)
        icon = QgsSvgMarkerSymbolLayer(svg, 2.5)
        icon.setFillColor(QColor("white"))
        icon.setStrokeColor(QColor("white"))
        icon.setStrokeWidth(0)
        # city-wide (smaller than 1:60 000) a facility is a coloured dot; zoomed in, a dot with its icon
        background.setDataDefinedProperty(QgsSymbolLayer.PropertySize, QgsProperty.fromExpression(
            f"if(@map_scale > {ICON_SCALE}, 1.8, 3.8)"))
        background.setDataDefinedProperty(QgsSymbolLayer.PropertyStrokeWidth, QgsProperty.fromExpression(
            f"if(@map_scale > {ICON_SCALE}, 0.15, 0.35)"))
        icon.setDataDefinedProperty(QgsSymbolLayer.PropertySize, QgsProperty.fromExpression(
            f"if(@map_scale > {ICON_SCALE}, 0, 2.5)"))
        symbol = symbol_of(QgsMarkerSymbol, [background, icon])
        layer.setRenderer(QgsSingleSymbolRenderer(symbol))
        save(layer, role_id)

    parks = memory_layer("Polygon", [("MC", "string"), ("LX", "string")])
    park = fill("#8fd18a", stroke="#3f8f3a", stroke_width=0.3, alpha=230)
    square = fill("#d9e8c4", stroke="#6f9a4a", stroke_width=0.3, alpha=230)
    square.appendSymbolLayer(hatch("#9bb77a", angle=0, spacing=1.5, width=0.15))
    categories = [QgsRendererCategory("公园", park, "公园"), QgsRendererCategory("广场", square, "广场"),
                  QgsRendererCategory("", fill("#a8dba3", stroke="#3f8f3a", stroke_width=0.3), "其他")]
    parks.setRenderer(QgsCategorizedSymbolRenderer("LX", categories))
    parks.setLabeling(labels("MC", 7.5, colour_value="#1e5a1a", buffer=0.7,
                             placement=QgsPalLayerSettings.Horizontal, zoomed_out=25000))
    parks.setLabelsEnabled(True)
    save(parks, "park_square")


def main():
    app = QgsApplication([], False)
    app.initQgis()
    STYLES.mkdir(parents=True, exist_ok=True)
    make_dltb()
    make_planned()
    make_admin()
    make_control_lines()
    make_roads()
    make_buildings()
    make_population()
    make_facilities()
    missing = [r.id for r in ROLES if not (STYLES / f"{r.id}.qml").exists()]
    if missing:
        raise SystemExit(f"roles without a style: {missing}")
    app.exitQgis()


if __name__ == "__main__":
    main()
