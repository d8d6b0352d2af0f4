"""The map set rendered for real: templates, layouts, PDF pages with an embedded Chinese font, PNGs,
atlas pages, maps left out with their reason, the Processing algorithm, user templates.

Pages are checked the way a reader would: pdfinfo (page count and size), pdffonts (a CJK font is
embedded), pdftoppm (the map frame is not blank), and the item rectangles of the filled layouts
(nothing overlaps, the legend stays in its box, the title fits).
"""

import re
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import shapely
from qgis.core import (
    QgsApplication,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutUtils,
    QgsProcessingFeedback,
    QgsProject,
    QgsVectorLayer,
)
from qgis.PyQt.QtGui import QImage

from cityhealth_plugin.core.layer_data import LayerData
from cityhealth_plugin.core.mapset import DistrictValues, default_catalogue, page_geometry
from cityhealth_plugin.core.mapset.page import ITEM_LEGEND, ITEM_NOTES, ITEM_SCALEBAR, ITEM_TITLE, MAP_ITEMS, COVER_ITEMS
from cityhealth_plugin.core.roles.registry import ROLES
from cityhealth_plugin.core.store import gpkg
from cityhealth_plugin.qgis_bridge.layouts import (
    MapBuilder,
    MapSetCanceled,
    MapSetOptions,
    create_project_layout,
    export_map_set,
    load_template,
    save_user_template,
    template_path,
)
from cityhealth_plugin.qgis_bridge.map_layers import MapSetInputs, tag_result_layer, project_results
from cityhealth_plugin.resources_paths import LAYOUTS

TOOLS = ("pdfinfo", "pdffonts", "pdftoppm")


def tool(name):
    path = shutil.which(name)
    assert path, f"{name} (poppler-utils) is needed by the map set tests: apt-get install poppler-utils"
    return path


def pdf_pages(pdf) -> int:
    out = subprocess.run([tool("pdfinfo"), str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"Pages:\s+(\d+)", out).group(1))


def pdf_fonts(pdf) -> str:
    return subprocess.run([tool("pdffonts"), str(pdf)], capture_output=True, text=True, check=True).stdout


def page_image(pdf, page, folder, dpi=30) -> QImage:
    prefix = Path(folder) / f"page{page}"
    subprocess.run([tool("pdftoppm"), "-r", str(dpi), "-png", "-f", str(page), "-l", str(page), str(pdf),
                    str(prefix)], check=True, capture_output=True)
    found = sorted(Path(folder).glob(f"page{page}*.png"))
    assert found
    return QImage(str(found[-1]))


def coloured_share(image: QImage, rect_mm, page_w_mm) -> float:
    """Share of non-white pixels inside a page rectangle (mm) of a rendered page."""
    scale = image.width() / page_w_mm
    x0, y0 = int(rect_mm.x * scale) + 3, int(rect_mm.y * scale) + 3
    x1, y1 = int(rect_mm.right * scale) - 3, int(rect_mm.bottom * scale) - 3
    coloured = total = 0
    for y in range(y0, y1, 3):
        for x in range(x0, x1, 3):
            colour = image.pixelColor(x, y)
            total += 1
            if min(colour.red(), colour.green(), colour.blue()) < 235:
                coloured += 1
    return coloured / max(total, 1)


# ---------------------------------------------------------------- fixtures

@pytest.fixture(scope="module")
def demo_city(qgis_app, tmp_path_factory):
    from cityhealth_plugin.core.demo.city import generate_demo_city

    path = tmp_path_factory.mktemp("mapset_city") / "democity_small.gpkg"
    generate_demo_city(scale="small", seed=2024, out=path)
    return path


def role_layers(path, skip=()):
    names = {row[0] for row in gpkg.list_layers(path)}
    layers = {}
    for role in ROLES:
        if role.standard_name in names and role.id not in skip:
            layer = QgsVectorLayer(f"{path}|layername={role.standard_name}", role.standard_name, "ogr")
            assert layer.isValid(), role.standard_name
            layers[role.id] = layer
    return layers


@pytest.fixture(scope="module")
def results(demo_city):
    """Results as other parts of the health check would hand them over (core objects)."""
    from cityhealth_plugin.core.compliance import combine, run_checks

    data = {name: gpkg.read_layer(demo_city, name) for name in
            ("DLTB", "DLTB_2020", "STBHHX", "YJJBNT", "CZKFBJ", "LSWHBHX", "XZQ", "SS_XX", "RK")}
    checks = run_checks({"dltb": data["DLTB"], "dltb_base": data["DLTB_2020"], "eco_redline": data["STBHHX"],
                         "farmland_protection": data["YJJBNT"], "urban_boundary": data["CZKFBJ"],
                         "heritage_line": data["LSWHBHX"], "admin_district": data["XZQ"]})
    violations, _summary = combine(checks)
    schools = data["SS_XX"].geometries
    service = LayerData("service areas", np.array([shapely.union_all(shapely.buffer(schools, 500))], dtype=object),
                        pd.DataFrame({"facility": ["fac_primary_school"]}), np.array([0]), crs="EPSG:4548")
    cells = data["RK"]
    life = LayerData("life circle", shapely.centroid(cells.geometries),
                     pd.DataFrame({"within": np.arange(len(cells)) % 9, "required": np.full(len(cells), 8)}),
                     cells.fids, crs="EPSG:4548", geometry_type="point")
    park = DistrictValues("A-01", "人均公园绿地面积", "m²/人", {"350203": 12.3, "350206": 9.1}, name_en="Park area per capita")
    return {"compliance_violations": violations, "service_area": service, "life_circle": life,
            "indicator:A-01": park}


# ---------------------------------------------------------------- templates

@pytest.mark.parametrize("paper", ["A3", "A4"])
def test_shipped_templates_load_with_every_item(qgis_app, paper):
    project = QgsProject()
    geometry = page_geometry(paper)
    layout = load_template(project, LAYOUTS / f"mapset_{paper.lower()}_landscape.qpt")
    page = layout.pageCollection().page(0).pageSize()
    assert (round(page.width()), round(page.height())) == (round(geometry.width), round(geometry.height))
    for item_id in MAP_ITEMS:
        assert layout.itemById(item_id) is not None, item_id
    title = layout.itemById(ITEM_TITLE)
    assert title.positionWithUnits().x() == pytest.approx(geometry.title.x, abs=0.05)
    assert title.sizeWithUnits().width() == pytest.approx(geometry.title.w, abs=0.05)
    cover = load_template(project, LAYOUTS / f"mapset_cover_{paper.lower()}_landscape.qpt")
    for item_id in COVER_ITEMS:
        assert cover.itemById(item_id) is not None, item_id


# ---------------------------------------------------------------- the whole set

def test_export_pdf_with_cover_maps_cjk_font_and_pngs(demo_city, results, tmp_path):
    inputs = MapSetInputs(role_layers(demo_city), results).prepared()
    maps = ["landuse_status", "control_lines", "construction_change", "road_density", "compliance",
            "coverage_fac_primary_school", "indicator_A_01", "life_circle"]
    options = MapSetOptions(maps=maps, paper="A3", png_dpi=60, city="厦门市", year=2024, lang="zh",
                            output_folder=str(tmp_path / "out"))
    result = export_map_set(inputs, options)
    assert result.maps == ["landuse_status", "control_lines", "construction_change", "road_density", "indicator_A_01",
                           "compliance", "coverage_fac_primary_school", "life_circle"]  # catalogue order
    assert result.pages == 9 and pdf_pages(result.pdf) == 9
    fonts = pdf_fonts(result.pdf)
    cjk = [line for line in fonts.splitlines() if re.search(r"CJK|Hei|Han|WenQuanYi|YaHei", line)]
    assert cjk, fonts
    assert all(" yes " in line for line in cjk), "the Chinese font must be embedded:\n" + fonts
    assert len(result.pngs) == 9
    assert Path(result.pngs[0]).name == "00_cover.png"
    assert Path(result.pngs[1]).name == "01_landuse_status.png"
    image = QImage(result.pngs[1])
    assert image.width() == pytest.approx(420 / 25.4 * 60, abs=2)
    geometry = page_geometry("A3")
    # every map page shows something inside the map frame, and the cover is not a map
    for page in range(2, 10):
        rendered = page_image(result.pdf, page, tmp_path)
        share = coloured_share(rendered, geometry.map, geometry.width)
        assert share > 0.05, f"page {page} looks blank ({share:.1%} coloured)"
    assert coloured_share(page_image(result.pdf, 1, tmp_path), geometry.map, geometry.width) < 0.05
    assert result.unavailable == []  # every chosen map could be drawn


def test_filled_page_keeps_legend_title_and_notes_in_their_boxes(demo_city, results, qgis_app):
    inputs = MapSetInputs(role_layers(demo_city), results).prepared()
    project = QgsProject()
    for paper in ("A3", "A4"):
        options = MapSetOptions(paper=paper, city="厦门市", year=2024, lang="zh", output_folder="unused")
        builder = MapBuilder(inputs, options, default_catalogue(), project)
        geometry = page_geometry(paper)
        for entry in default_catalogue().static_entries()[:2]:
            layout = builder.build_map_layout(entry)
            legend = layout.itemById(ITEM_LEGEND)
            rect = legend.sceneBoundingRect()
            assert rect.left() >= geometry.legend.x - 0.01 and rect.right() <= geometry.legend.right + 0.01, paper
            assert rect.bottom() <= geometry.scalebar.y + 0.01, (paper, entry.id, rect)
            scalebar = layout.itemById(ITEM_SCALEBAR).sceneBoundingRect()
            assert scalebar.left() >= geometry.panel.x and scalebar.right() <= geometry.panel.right
            title = layout.itemById(ITEM_TITLE)
            assert QgsLayoutUtils.textWidthMM(title.font(), title.currentText()) <= geometry.title.w
            notes = layout.itemById(ITEM_NOTES)
            assert notes.currentText().startswith("坐标系：CGCS2000 / 3度带高斯-克吕格投影 中央经线117°E")
            assert "比例尺：1:" in notes.currentText() and "制图日期" in notes.currentText()
            assert round(layout.itemById("map").scale()) in (100000, 120000, 150000, 200000, 250000, 300000)
        builder.release()


def test_legend_lists_only_the_classes_on_the_map(demo_city, qgis_app):
    inputs = MapSetInputs(role_layers(demo_city)).prepared()
    builder = MapBuilder(inputs, MapSetOptions(lang="zh", output_folder="unused"), default_catalogue(), QgsProject())
    entry = default_catalogue().static_entries()[0]
    layout = builder.build_map_layout(entry)
    legend = layout.itemById(ITEM_LEGEND)
    nodes = legend.model().rootGroup().findLayers()
    titles = [node.customProperty("legend/title-label") for node in nodes]
    assert titles == ["地类", "区界"]
    classes = legend.model().layerLegendNodes(nodes[0])
    codes = set(gpkg.read_layer(demo_city, "DLTB", columns=["DLBM"]).attributes["DLBM"])
    assert len(classes) == len(codes) < 70  # the 三调 style has 70 classes; the legend only those present
    builder.release()


def test_atlas_adds_one_page_per_district_with_its_name(demo_city, tmp_path):
    inputs = MapSetInputs(role_layers(demo_city)).prepared()
    options = MapSetOptions(maps=["landuse_status", "road_density"], paper="A4", atlas=True, cover=False,
                            png_dpi=40, city="厦门市", year=2024, lang="zh", output_folder=str(tmp_path))
    result = export_map_set(inputs, options)
    # landuse: city page + 3 district pages; road density is a district map: no atlas pages
    assert result.pages == 5 and pdf_pages(result.pdf) == 5
    names = [Path(p).name for p in result.pngs]
    assert names == ["01_landuse_status.png", "01_landuse_status_350203.png", "01_landuse_status_350206.png",
                     "01_landuse_status_350211.png", "02_road_density.png"]
    out = subprocess.run(["pdftotext", "-f", "2", "-l", "2", result.pdf, "-"], capture_output=True, text=True)
    if out.returncode == 0:
        assert "思明区" in out.stdout


def test_maps_without_inputs_are_left_out_with_the_reason(demo_city, tmp_path):
    layers = role_layers(demo_city, skip=("dltb_base",))
    layers["dltb_base"] = layers["dltb"]  # same year twice: no change to draw
    inputs = MapSetInputs({k: v for k, v in layers.items() if k != "roads"}).prepared()
    options = MapSetOptions(maps=["landuse_status", "construction_change", "road_density"], png=False,
                            year=2024, lang="en", output_folder=str(tmp_path))
    result = export_map_set(inputs, options)
    reasons = dict(result.unavailable)
    assert result.maps == ["landuse_status"] and result.pages == 2
    assert "Roads" in reasons["road_density"] and "Data panel" in reasons["road_density"]
    assert "Nothing to draw" in reasons["construction_change"]
    assert not result.pngs and pdf_pages(result.pdf) == 2


def test_cancel_leaves_no_pdf(demo_city, tmp_path):
    inputs = MapSetInputs(role_layers(demo_city)).prepared()
    feedback = QgsProcessingFeedback()
    feedback.progressChanged.connect(lambda value: feedback.cancel() if value > 0 else None)
    options = MapSetOptions(maps=["landuse_status", "control_lines", "road_density"], png=False, year=2024,
                            output_folder=str(tmp_path))
    with pytest.raises(MapSetCanceled):
        export_map_set(inputs, options, feedback)
    assert not list(tmp_path.glob("*.pdf"))


def test_result_layers_from_the_project_are_found_and_split(demo_city, qgis_new_project, memory_layer):
    service = memory_layer("Polygon", "EPSG:4548", [("facility", "text")],
                           [("POLYGON((600000 2710000,601000 2710000,601000 2711000,600000 2710000))",
                             ["fac_primary_school"]),
                            ("POLYGON((602000 2710000,603000 2710000,603000 2711000,602000 2710000))",
                             ["fac_hospital"])], "service areas")
    values = memory_layer("None", "", [("code", "text"), ("name", "text"), ("unit", "text"), ("XZQDM", "text"),
                                       ("value", "real")],
                          [(None, ["G1", "绿地率", "%", "350203", 35.0]), (None, ["G1", "绿地率", "%", "350206", 30.0])],
                          "indicator values")
    QgsProject.instance().addMapLayers([service, values])
    tag_result_layer(service, "service_area")
    tag_result_layer(values, "indicator")
    found = project_results()
    assert set(found) == {"service_area", "indicator"}
    inputs = MapSetInputs(role_layers(demo_city), found).prepared()
    assert {"service_area:fac_primary_school", "service_area:fac_hospital", "indicator:G1"} <= set(inputs.results)
    from cityhealth_plugin.qgis_bridge.layouts import availabilities

    ready = {a.entry.id for a in availabilities(default_catalogue(), inputs) if a.available}
    assert {"coverage_fac_primary_school", "coverage_fac_hospital", "indicator_G1"} <= ready
    assert "coverage_fac_shelter" not in ready


def test_designer_layout_and_user_template(demo_city, qgis_new_project, tmp_path):
    project = QgsProject.instance()
    layers = role_layers(demo_city)
    project.addMapLayers(list(layers.values()))
    inputs = MapSetInputs(layers).prepared()
    options = MapSetOptions(paper="A4", city="厦门市", year=2024, lang="zh", output_folder=str(tmp_path))
    layout = create_project_layout("road_density", inputs, options, project)
    assert project.layoutManager().layoutByName("厦门市道路网密度分区图（2024年）") is layout
    group = project.layerTreeRoot().findGroup("CityHealth map set")
    assert group is not None and not group.findGroups()[0].itemVisibilityChecked()
    map_layers = layout.itemById("map").layers()
    assert map_layers and all(project.mapLayer(layer.id()) is layer for layer in map_layers)
    # the user edits the layout: one more text item
    note = QgsLayoutItemLabel(layout)
    note.setId("custom_note")
    note.setText("审图号：待定")
    layout.addLayoutItem(note)
    path = save_user_template(layout, tmp_path / "templates")
    assert path.name == "road_density_a4.qpt" and path.is_file()
    entry = next(e for e in default_catalogue().static_entries() if e.id == "road_density")
    assert template_path(entry, "A4", [str(tmp_path / "templates")]) == path
    assert template_path(entry, "A3", [str(tmp_path / "templates")]).parent == LAYOUTS
    builder = MapBuilder(MapSetInputs(role_layers(demo_city)).prepared(),
                         MapSetOptions(paper="A4", template_dirs=[str(tmp_path / "templates")], output_folder="x"),
                         default_catalogue(), QgsProject())
    rebuilt = builder.build_map_layout(entry)
    assert rebuilt.itemById("custom_note").text() == "审图号：待定"
    assert isinstance(rebuilt.itemById(ITEM_LEGEND), QgsLayoutItemLegend)
    builder.release()
    # an atlas layout made for the designer keeps its coverage layer in the project
    atlas_layout = create_project_layout("landuse_status", inputs, options, project, atlas=True)
    coverage = atlas_layout.atlas().coverageLayer()
    coverage_id = coverage.id()
    assert atlas_layout.atlas().enabled() and project.mapLayer(coverage_id) is coverage
    again = create_project_layout("landuse_status", inputs, options, project)  # replaces layout and layers
    assert project.layoutManager().layoutByName(again.name()) is again
    assert project.mapLayer(coverage_id) is None
    assert len(project.layerTreeRoot().findGroup("CityHealth map set").findGroups()) == 2


def test_processing_algorithm_exports(demo_city, cityhealth_provider, tmp_path):
    import processing

    from cityhealth_plugin.processing_provider.algorithms.export_map_set import map_options

    ids, labels = map_options()
    assert ids[0] == "landuse_status" and "indicator" in ids and len(labels) == len(ids)
    algorithm = QgsApplication.processingRegistry().algorithmById("cityhealth:exportmapset")
    names = {p.name() for p in algorithm.parameterDefinitions()}
    assert {"ADMIN_DISTRICT", "DLTB", "DLTB_BASE", "FARMLAND_PROTECTION", "ECO_REDLINE", "URBAN_BOUNDARY",
            "HERITAGE_LINE", "ROADS", "POPULATION", "MAPS", "PAPER", "DPI", "ATLAS", "CITY_NAME", "YEAR",
            "OUTPUT_FOLDER", "VIOLATIONS", "SERVICE_AREAS", "INDICATOR_VALUES"} <= names
    result = processing.run("cityhealth:exportmapset", {
        "ADMIN_DISTRICT": f"{demo_city}|layername=XZQ", "DLTB": f"{demo_city}|layername=DLTB",
        "ROADS": f"{demo_city}|layername=DL", "MAPS": [ids.index("landuse_status"), ids.index("road_density")],
        "PAPER": 1, "DPI": 50, "CITY_NAME": "厦门市", "YEAR": 2024, "LANGUAGE": 0,
        "OUTPUT_FOLDER": str(tmp_path / "alg")})
    assert pdf_pages(result["PDF"]) == 3 and result["PAGES"] == 3
    assert result["MAPS_EXPORTED"] == "landuse_status,road_density"
    assert len(list(Path(result["PNG_FOLDER"]).glob("*.png"))) == 3
    assert Path(result["PDF"]).name == "mapset_2024_A4.pdf"
