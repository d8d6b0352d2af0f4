"""Shared fixtures for the QGIS tests (pytest-qgis provides qgis_app, qgis_processing, ...)."""

import pytest
from qgis.core import QgsApplication, QgsCoordinateReferenceSystem, QgsFeature, QgsField, QgsGeometry, QgsVectorLayer
from qgis.PyQt.QtCore import QVariant

_KINDS = {"text": ("string", QVariant.String), "int": ("integer", QVariant.Int), "real": ("double", QVariant.Double)}


def make_layer(geometry: str, crs: str, fields, rows, name: str = "layer") -> QgsVectorLayer:
    """A memory layer. ``geometry`` e.g. 'Polygon' / 'Point' / 'LineString' / 'None'; ``crs`` an
    authid or '' for none; ``fields`` [(name, 'text'|'int'|'real')]; ``rows`` [(wkt_or_None, [values])]."""
    uri = geometry + (f"?crs={crs}" if crs else "")
    layer = QgsVectorLayer(uri, name, "memory")
    assert layer.isValid(), uri
    if not crs:
        layer.setCrs(QgsCoordinateReferenceSystem())  # no CRS at all (QGIS would default to EPSG:4326)
    layer.dataProvider().addAttributes([QgsField(field_name, _KINDS[kind][1]) for field_name, kind in fields])
    layer.updateFields()
    features = []
    for wkt, values in rows:
        feature = QgsFeature(layer.fields())
        if wkt:
            feature.setGeometry(QgsGeometry.fromWkt(wkt))
        feature.setAttributes(list(values))
        features.append(feature)
    ok, _ = layer.dataProvider().addFeatures(features)
    assert ok
    layer.updateExtents()
    return layer


@pytest.fixture
def memory_layer():
    """Factory fixture: ``memory_layer(geometry, crs, fields, rows, name)`` -> QgsVectorLayer."""
    return make_layer


@pytest.fixture
def cityhealth_provider(qgis_processing):
    """The plugin's Processing provider, registered as the plugin's initProcessing does, for one
    test (an already registered one, e.g. from a loaded plugin, is reused and left in place)."""
    from cityhealth_plugin.processing_provider.provider import CityHealthProvider

    registry = QgsApplication.processingRegistry()
    existing = registry.providerById("cityhealth")
    if existing is not None:
        yield existing
        return
    provider = CityHealthProvider()
    assert registry.addProvider(provider)
    yield provider
    registry.removeProvider(provider)
