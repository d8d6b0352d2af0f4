"""Write cityhealth_plugin/resources/styles/compliance_violations.qml through the QGIS API (run once; commit the .qml).

    QT_QPA_PLATFORM=offscreen PYTHONPATH=. .venv/bin/python tools/make_compliance_style.py

Categorised on the field ``rule`` of the violation layer (cityhealth:checkcompliance OUTPUT).
The parts sit on top of the 三调 land-use colours, so no category has an opaque fill: each one
is a translucent white veil and a white halo under a strong outline plus a hatch of its own angle and colour —
红线内建设 crimson diagonal hatch, 永久基本农田被建设占用 magenta cross hatch, 永久基本农田非耕地
orange back-diagonal hatch, 开发边界外新增建设 blue horizontal hatch, 历史文化保护线内建设 brown
dashed outline with a vertical hatch, all new construction a thin dark dashed outline only (context).
"""

import sys
from pathlib import Path

from qgis.core import (
    QgsApplication,
    QgsCategorizedSymbolRenderer,
    QgsFillSymbol,
    QgsLinePatternFillSymbolLayer,
    QgsLineSymbol,
    QgsMapLayer,
    QgsRendererCategory,
    QgsSimpleFillSymbolLayer,
    QgsSimpleLineSymbolLayer,
    QgsUnitTypes,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cityhealth_plugin.resources_paths import STYLES  # noqa: E402

# rule: (label, RGB, outline mm, hatch angles, hatch spacing mm, dashed)
RULES = {
    "redline_construction": ("生态保护红线内建设用地", (215, 25, 28), 0.9, (45,), 1.4, False),
    "farmland_construction": ("永久基本农田被建设占用", (197, 27, 138), 0.9, (45, 135), 1.8, False),
    "farmland_non_cultivated": ("永久基本农田非耕地利用", (230, 110, 0), 0.8, (135,), 1.4, False),
    "new_construction_outside_boundary": ("城镇开发边界外新增建设用地", (33, 102, 172), 0.9, (0,), 1.2, False),
    "heritage_construction": ("历史文化保护线内建设用地", (140, 81, 10), 0.7, (90,), 1.8, True),
    "new_construction": ("基期以来新增建设用地", (40, 40, 40), 0.3, (), 0.0, True),
}


def halo(width_mm: float) -> QgsSimpleLineSymbolLayer:
    layer = QgsSimpleLineSymbolLayer(QColor(255, 255, 255, 200), width_mm + 0.6)
    layer.setWidthUnit(QgsUnitTypes.RenderMillimeters)
    layer.setPenJoinStyle(Qt.RoundJoin)
    return layer


def outline(rgb, width_mm: float, dashed: bool) -> QgsSimpleLineSymbolLayer:
    layer = QgsSimpleLineSymbolLayer(QColor(*rgb), width_mm)
    layer.setWidthUnit(QgsUnitTypes.RenderMillimeters)
    layer.setPenJoinStyle(Qt.RoundJoin)
    if dashed:
        layer.setPenStyle(Qt.DashLine)
    return layer


def hatch(rgb, angle: float, spacing: float) -> QgsLinePatternFillSymbolLayer:
    layer = QgsLinePatternFillSymbolLayer()
    layer.setLineAngle(angle)
    layer.setDistance(spacing)
    layer.setDistanceUnit(QgsUnitTypes.RenderMillimeters)
    line = QgsLineSymbol.createSimple({"color": "{},{},{},230".format(*rgb), "width": "0.3", "width_unit": "MM"})
    layer.setSubSymbol(line)
    return layer


def veil() -> QgsSimpleFillSymbolLayer:
    """A translucent white fill: the hatch stays readable over busy land-use colours and hatches."""
    layer = QgsSimpleFillSymbolLayer(QColor(255, 255, 255, 120))
    layer.setStrokeStyle(Qt.NoPen)
    return layer


def symbol(rgb, width, angles, spacing, dashed) -> QgsFillSymbol:
    fill = QgsFillSymbol()
    fill.deleteSymbolLayer(0)
    if angles:
        fill.appendSymbolLayer(veil())
    fill.appendSymbolLayer(halo(width))
    for angle in angles:
        fill.appendSymbolLayer(hatch(rgb, angle, spacing))
    fill.appendSymbolLayer(outline(rgb, width, dashed))
    return fill


def main():
    app = QgsApplication([], False)
    app.initQgis()
    layer = QgsVectorLayer("MultiPolygon?crs=EPSG:4548&field=rule:string", "compliance_violations", "memory")
    categories = [QgsRendererCategory(rule, symbol(rgb, width, angles, spacing, dashed), label)
                  for rule, (label, rgb, width, angles, spacing, dashed) in RULES.items()]
    renderer = QgsCategorizedSymbolRenderer("rule", categories)
    renderer.setSourceSymbol(symbol((90, 90, 90), 0.4, (45,), 2.0, False))
    layer.setRenderer(renderer)
    path = STYLES / "compliance_violations.qml"
    message, ok = layer.saveNamedStyle(str(path), QgsMapLayer.Symbology)
    print(path, ok, message)
    app.exitQgis()


if __name__ == "__main__":
    main()
