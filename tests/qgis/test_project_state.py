"""Role assignments and settings live in the project file and come back when it is reopened."""

from qgis.core import QgsProject, QgsVectorLayer

from cityhealth_plugin.qgis_bridge import project_state


def add_layer(name, geometry="Polygon"):
    layer = QgsVectorLayer(f"{geometry}?crs=EPSG:4548&field=MC:string", name, "memory")
    QgsProject.instance().addMapLayer(layer)
    return layer


def test_assignments_round_trip_through_a_project_file(qgis_new_project, tmp_path):
    dltb_id, roads_id = add_layer("DLTB").id(), add_layer("DL", "LineString").id()
    project_state.write_role_assignment("dltb", dltb_id)
    project_state.write_role_assignment("roads", roads_id)
    project_state.write_work_crs("EPSG:4547")
    path = tmp_path / "state.qgz"
    assert QgsProject.instance().write(str(path))

    QgsProject.instance().clear()
    assert project_state.read_role_assignments() == {}
    assert project_state.read_work_crs() == project_state.DEFAULT_WORK_CRS

    assert QgsProject.instance().read(str(path))
    assert project_state.read_role_assignments() == {"dltb": dltb_id, "roads": roads_id}
    assert project_state.read_work_crs() == "EPSG:4547"
    layers = project_state.assigned_layers()
    assert layers["dltb"].name() == "DLTB" and layers["roads"].name() == "DL"


def test_write_reports_changes_and_removes_empty_assignments(qgis_new_project):
    layer = add_layer("DLTB")
    assert project_state.write_role_assignment("dltb", layer.id()) is True
    assert project_state.write_role_assignment("dltb", layer.id()) is False  # unchanged: project stays clean
    assert project_state.write_role_assignment("dltb", None) is True
    assert project_state.read_role_assignments() == {}


def test_replace_all_and_ignore_unknown_roles(qgis_new_project):
    a, b = add_layer("XZQ"), add_layer("JD")
    project_state.write_role_assignments({"admin_district": a.id(), "admin_subdistrict": b.id()})
    QgsProject.instance().writeEntry(project_state.SCOPE, "roles/not_a_role", "x")
    project_state.write_role_assignments({"admin_district": b.id()})
    assert project_state.read_role_assignments() == {"admin_district": b.id()}


def test_assigned_layers_skip_layers_that_are_gone(qgis_new_project):
    layer = add_layer("DLTB")
    project_state.write_role_assignment("dltb", layer.id())
    QgsProject.instance().removeMapLayer(layer.id())
    assert project_state.assigned_layers() == {}


def test_output_dir(qgis_new_project, tmp_path):
    assert project_state.read_output_dir() == ""
    project_state.write_output_dir(str(tmp_path))
    assert project_state.read_output_dir() == str(tmp_path)
