"""QGIS opens the assessment database's tables — GeoPackage (OGR) and PostgreSQL (postgres provider) —
and an edit made in QGIS's attribute table still invalidates versions read before it."""

import uuid

import pytest
from qgis.core import QgsVectorLayer

from cityhealth_plugin.core.catalog import load_catalog
from cityhealth_plugin.core.store import schema as S
from cityhealth_plugin.core.store.database import ConflictError, open_store

YEAR = 2024


def filled(store):
    store.ensure_year(load_catalog(), YEAR)
    form = store.form("A-01", YEAR)
    form.value, form.achievements = 6.61, "用水总量控制在年度指标以内"
    return store.save_form(form, by="市水利局 张三")


def edit_in_qgis(layer: QgsVectorLayer, code: str, field: str, value) -> None:
    feature = next(f for f in layer.getFeatures() if f["code"] == code and f["year"] == YEAR)
    assert layer.startEditing()
    assert layer.changeAttributeValue(feature.id(), layer.fields().indexOf(field), value)
    assert layer.commitChanges(), layer.commitErrors()


def check_layers(layers, store, form):
    forms = layers["indicator_forms"]
    assert forms.isValid() and forms.featureCount() == 122
    assert {f.name() for f in forms.fields()} >= set(S.FORMS.column_names)
    row = next(f for f in forms.getFeatures() if f["code"] == "A-01")
    assert row["achievements"] == "用水总量控制在年度指标以内" and row["department"] == "市水利局"
    values = layers["indicator_values"]
    assert values.isValid() and [f["value"] for f in values.getFeatures()] == [6.61]
    for name in S.TABLES:
        assert layers[name].isValid(), name
    # someone edits the form in QGIS: the version moves on, the panel's stale copy conflicts
    edit_in_qgis(forms, "A-01", "measures", "在QGIS中修改")
    assert store.form("A-01", YEAR).version == form.version + 1
    form.shortcomings = "stale"
    with pytest.raises(ConflictError):
        store.save_form(form)


def test_geopackage_tables_in_qgis(qgis_app, tmp_path):
    path = tmp_path / "assessment.gpkg"
    store = open_store(path, user="lead")
    form = filled(store)
    layers = {name: QgsVectorLayer(f"{path}|layername={name}", name, "ogr") for name in S.TABLES}
    try:
        check_layers(layers, store, form)
    finally:
        layers.clear()
        store.close()


def test_postgresql_tables_in_qgis(qgis_app, postgis_server):
    schema = "q_" + uuid.uuid4().hex[:8]
    store = open_store(postgis_server.uri(), schema=schema, user="lead")
    form = filled(store)
    layers = {name: QgsVectorLayer(f"{postgis_server.uri()} key='fid' table=\"{schema}\".\"{name}\"", name,
                                   "postgres") for name in S.TABLES}
    try:
        check_layers(layers, store, form)
    finally:
        layers.clear()
        store.close()
