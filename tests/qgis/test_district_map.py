"""The district choropleth rendered by QGIS: a real picture (many colours, the class colours of
the scores present), the score layer's attributes and graduated classes, the user's layer untouched."""

import numpy as np
import pandas as pd
import pytest
from qgis.core import NULL, QgsGraduatedSymbolRenderer, QgsVectorLayer
from qgis.PyQt.QtGui import QColor, QImage

from cityhealth_plugin.core.survey.demo import xiamen_district_polygons
from cityhealth_plugin.core.survey.report_docx import RAMP, class_breaks, class_colour
from cityhealth_plugin.qgis_bridge.district_map import render_district_map, render_scores_map, score_layer, style_graduated
from cityhealth_plugin.resources_paths import DATA

SCORES = {"思明区": 71.1, "海沧区": 66.7, "湖里区": 67.9, "集美区": 69.8, "同安区": 63.0, "翔安区": 59.4}


def scores_table():
    names = list(SCORES)
    return pd.DataFrame({"district": names, "n": [820, 282, 720, 626, 369, 333], "score": list(SCORES.values()),
                         "score_lower": [v - 1.5 for v in SCORES.values()], "score_upper": [v + 1.5 for v in SCORES.values()],
                         "pct_satisfied": [60.0] * 6, "rank": [1, 4, 3, 2, 5, 6], "travel": [50.9, 58.6, 59.0, 62.6, 53.8, 46.8]})


def pixel_colours(path, step=4):
    image = QImage(str(path))
    assert not image.isNull()
    colours = set()
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            colours.add(image.pixel(x, y) & 0xFFFFFF)
    return image, colours


def test_rendered_map_is_a_real_choropleth(qgis_app, tmp_path):
    polygons = xiamen_district_polygons()
    path = render_scores_map(polygons.names, polygons.geometries, "EPSG:4326", scores_table(), tmp_path / "map.png",
                             title="各区居民总体满意度", legend_title="满意度得分", size=(800, 600), dpi=96)
    image, colours = pixel_colours(path)
    assert (image.width(), image.height()) == (800, 600)
    assert len(colours) > 50  # fills, outlines, anti-aliased labels and legend text
    breaks = class_breaks(list(SCORES.values()))
    wanted = {QColor(class_colour(v, breaks)).rgb() & 0xFFFFFF for v in SCORES.values()}
    assert wanted <= colours, "every district's class colour appears in the picture"
    assert QColor(RAMP[0]).rgb() & 0xFFFFFF in colours and QColor(RAMP[-1]).rgb() & 0xFFFFFF in colours
    white = sum(1 for c in colours if c == 0xFFFFFF)
    assert white == 1  # the background is white, not transparent or black


def test_score_layer_attributes_and_graduated_classes(qgis_app):
    polygons = xiamen_district_polygons()
    layer = score_layer(polygons.names, polygons.geometries, "EPSG:4326", scores_table())
    assert layer.isValid() and layer.featureCount() == 6
    features = {f["district"]: f for f in layer.getFeatures()}
    assert features["思明区"]["score"] == pytest.approx(71.1) and features["思明区"]["n"] == 820
    assert features["翔安区"]["travel"] == pytest.approx(46.8) and features["翔安区"]["safety"] == NULL
    assert all(f.geometry().isMultipart() and f.geometry().area() > 0 for f in features.values())
    breaks = style_graduated(layer, "score")
    renderer = layer.renderer()
    assert isinstance(renderer, QgsGraduatedSymbolRenderer) and renderer.classAttribute() == "score"
    assert len(renderer.ranges()) == 5 and renderer.ranges()[0].lowerValue() == breaks[0] <= 59.4
    assert renderer.ranges()[-1].upperValue() >= 71.1 and layer.labelsEnabled()


def test_users_layer_is_not_changed(qgis_app, tmp_path):
    layer = QgsVectorLayer(str(DATA / "xiamen_districts.geojson"), "districts", "ogr")
    assert layer.isValid()
    renderer_before = layer.renderer().type()
    fields_before = layer.fields().names()
    from cityhealth_plugin.qgis_bridge.layers import read_layer

    data = read_layer(layer)
    copy = score_layer(list(data.attributes["name"]), data.geometries, data.crs, scores_table())
    render_district_map(copy, tmp_path / "m.png", size=(400, 300), dpi=72)
    assert layer.renderer().type() == renderer_before and layer.fields().names() == fields_before
    assert not layer.isModified()
    assert np.isclose(sum(f.geometry().area() for f in copy.getFeatures()),
                      sum(f.geometry().area() for f in layer.getFeatures()), rtol=1e-6)
