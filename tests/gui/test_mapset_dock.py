"""The Map set panel end to end: availability from the project, export as a background task,
layout designer, user template."""

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from qgis.core import QgsApplication, QgsProject
from qgis.PyQt.QtCore import Qt

from cityhealth_plugin.core.mapset.text import language
from cityhealth_plugin.core.roles.registry import ROLES
from cityhealth_plugin.qgis_bridge import project_state
from cityhealth_plugin.qgis_bridge.map_layers import tag_result_layer

from .conftest import box, memory_layer, wait_for_job


def pdf_pages(pdf) -> int:
    pdfinfo = shutil.which("pdfinfo")
    assert pdfinfo, "pdfinfo (poppler-utils) is needed: apt-get install poppler-utils"
    out = subprocess.run([pdfinfo, str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"Pages:\s+(\d+)", out).group(1))


@pytest.fixture
def mapset_dock(qgis_iface, qgis_new_project, cityhealth_algorithms, tmp_path):
    from cityhealth_plugin.gui.mapset_dock import MapSetDock, MapSetSettings

    settings = MapSetSettings()
    saved = settings.template_dir
    settings.template_dir = str(tmp_path / "templates")
    qgis_iface.messageBar().clear_messages()
    dock = MapSetDock(qgis_iface, qgis_iface.mainWindow())
    dock.city_edit.setText("厦门市")
    dock.year_spin.setValue(2024)
    dock.language_combo.setCurrentIndex(0)
    dock.paper_combo.setCurrentIndex(0)  # A3 (the panel remembers the last choice)
    yield dock
    dock.shutdown()
    dock.setParent(None)
    dock.deleteLater()
    settings.template_dir = saved


def assign(demo_layers):
    for role in ROLES:
        layer = demo_layers.get(role.standard_name)
        if layer is not None:
            project_state.write_role_assignment(role.id, layer.id())


def row(dock, map_id):
    for i in range(dock.map_list.topLevelItemCount()):
        item = dock.map_list.topLevelItem(i)
        if item.data(0, Qt.UserRole) == map_id:
            return item
    raise AssertionError(map_id)


def test_without_layers_every_map_says_what_is_missing(mapset_dock):
    availability = mapset_dock.refresh()
    assert availability and not any(item.available for item in availability.values())
    landuse = row(mapset_dock, "landuse_status")
    names = {"zh": "国土空间开发保护现状图", "en": "Current territorial space development and protection"}
    assert landuse.text(0) == names[language(QgsApplication.locale())]
    assert "Land-use survey patches, current year" in landuse.text(1)
    assert not (landuse.flags() & Qt.ItemIsEnabled)
    assert mapset_dock.checked_maps() == []
    assert not mapset_dock.export_button.isEnabled()
    assert mapset_dock.objectName() == "CityHealthMapSetDock"


def test_availability_follows_the_project(mapset_dock, demo_layers):
    assign(demo_layers)
    availability = mapset_dock.refresh()
    ready = {map_id for map_id, item in availability.items() if item.available}
    assert {"landuse_status", "control_lines", "construction_change", "population_density", "road_density"} <= ready
    assert "compliance" not in ready and "Missing result" in availability["compliance"].reason
    assert set(mapset_dock.checked_maps()) == ready  # first fill ticks every map that can be drawn
    assert row(mapset_dock, "landuse_status").text(1) == "ready"
    # a result layer tagged by another panel makes its map available (the panel follows layersAdded)
    service = memory_layer("service areas", "Polygon", [("facility", "text")],
                           [(box(0, 0, 1500, 1500), ["fac_primary_school"])])
    tag_result_layer(service, "service_area")
    QgsProject.instance().addMapLayer(service)
    assert mapset_dock.availability["coverage_fac_primary_school"].available
    assert not mapset_dock.availability["coverage_fac_hospital"].available
    # removing a role layer takes its maps away again, with the reason
    QgsProject.instance().removeMapLayer(demo_layers["DL"].id())
    assert not mapset_dock.availability["road_density"].available
    assert "Roads" in row(mapset_dock, "road_density").text(1)


def test_export_two_maps_as_a_background_task(mapset_dock, demo_layers, tmp_path, qgis_iface):
    assign(demo_layers)
    mapset_dock.refresh()
    mapset_dock.select_maps(["landuse_status", "control_lines"])
    assert mapset_dock.checked_maps() == ["landuse_status", "control_lines"]
    mapset_dock.folder_widget.setFilePath(str(tmp_path / "mapset"))
    mapset_dock.dpi_spin.setValue(50)
    mapset_dock.paper_combo.setCurrentIndex(1)  # A4
    job = mapset_dock.export()
    assert job is not None and mapset_dock.jobs.busy and not mapset_dock.export_button.isEnabled()
    wait_for_job(job, 120000)
    assert job.finished_ok, job.error_text()
    pdf = Path(job.result["PDF"])
    assert pdf.name == "mapset_2024_A4.pdf" and pdf_pages(pdf) == 3
    pngs = sorted(p.name for p in (tmp_path / "mapset" / "png").glob("*.png"))
    assert pngs == ["00_cover.png", "01_landuse_status.png", "02_control_lines.png"]
    assert "mapset_2024_A4.pdf" in mapset_dock.status_label.text()
    assert not mapset_dock.jobs.busy and mapset_dock.export_button.isEnabled()


def test_designer_layout_and_saved_template(mapset_dock, demo_layers, qgis_iface, tmp_path):
    assign(demo_layers)
    mapset_dock.refresh()
    mapset_dock.set_current_map("road_density")
    layout = mapset_dock.open_in_designer()
    assert layout is not None
    qgis_iface.openLayoutDesigner.assert_called_with(layout)
    assert QgsProject.instance().layoutManager().layoutByName(layout.name()) is layout
    path = mapset_dock.save_template()
    assert path == tmp_path / "templates" / "road_density_a3.qpt" and path.is_file()
    assert "road_density" in mapset_dock.status_label.text() or "templates" in mapset_dock.status_label.text()
    parameters = mapset_dock.export_parameters(["road_density"])
    assert parameters["TEMPLATE_FOLDER"] == str(tmp_path / "templates")
    assert parameters["ROADS"] == demo_layers["DL"].id() and parameters["CITY_NAME"] == "厦门市"
    # no layout of the map yet: saving a template explains what to do
    assert mapset_dock.save_template("landuse_status") is None
