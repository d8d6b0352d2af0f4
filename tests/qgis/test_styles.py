"""Every role has a style that loads; DLTB classes cover the 三调 codes; aliased fields are followed."""

import pytest
from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsFeature,
    QgsField,
    QgsGeometry,
    QgsGraduatedSymbolRenderer,
    QgsPathResolver,
    QgsRenderContext,
    QgsSymbolLayerUtils,
    QgsSingleSymbolRenderer,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtCore import QVariant

from cityhealth_plugin.core.landuse.codes import CodeTable
from cityhealth_plugin.core.roles.registry import ROLES, ROLES_BY_ID
from cityhealth_plugin.qgis_bridge.styles import apply_role_style, cjk_font_family, style_path

GEOMETRY = {"polygon": "Polygon", "line": "LineString", "point": "Point", "point_or_polygon": "Polygon"}
KIND = {"text": QVariant.String, "code": QVariant.String, "int": QVariant.Int, "real": QVariant.Double}


def role_layer(role, field_names=None, geometry=None):
    layer = QgsVectorLayer(f"{geometry or GEOMETRY[role.geometry]}?crs=EPSG:4548", role.standard_name, "memory")
    specs = role.required + role.optional
    names = field_names or [spec.standard for spec in specs]
    kinds = {spec.standard: spec.kind for spec in specs}
    layer.dataProvider().addAttributes([QgsField(n, KIND.get(kinds.get(n, "text"), QVariant.String)) for n in names])
    layer.updateFields()
    return layer


@pytest.mark.parametrize("role_id", [r.id for r in ROLES])
def test_every_role_has_a_style_that_loads(qgis_app, role_id):
    role = ROLES_BY_ID[role_id]
    assert style_path(role_id) is not None, f"no resources/styles/{role_id}.qml"
    layer = role_layer(role)
    result = apply_role_style(layer, role_id)
    assert result.applied, result.message
    assert result.missing == [], result.message
    assert layer.renderer() is not None
    assert layer.renderer().symbols(QgsRenderContext()), role_id


def test_facility_styles_are_distinct(qgis_app):
    """Each facility role has its own icon and colour, so that the map tells them apart."""
    looks = {}
    for role in ROLES:
        if role.group != "facility" or role.geometry != "point":
            continue
        layer = role_layer(role)
        apply_role_style(layer, role.id)
        symbol = layer.renderer().symbol()
        icon = symbol.symbolLayer(1)
        assert icon.layerType() == "SvgMarker" and icon.path().endswith(".svg"), role.id
        assert QgsSymbolLayerUtils.svgSymbolNameToPath(icon.path(), QgsPathResolver()), role.id
        looks[role.id] = (icon.path(), symbol.symbolLayer(0).color().name())
    assert len(looks) == 13
    assert len({path for path, _ in looks.values()}) >= 12
    assert len(set(looks.values())) == 13


def test_dltb_categories_cover_every_sandiao_code(qgis_app):
    layer = role_layer(ROLES_BY_ID["dltb"])
    apply_role_style(layer, "dltb")
    renderer = layer.renderer()
    assert isinstance(renderer, QgsCategorizedSymbolRenderer) and renderer.classAttribute() == "DLBM"
    values = {str(c.value()) for c in renderer.categories()}
    codes = set(CodeTable.default().leaf_codes())
    assert codes <= values, sorted(codes - values)
    assert "" in values  # everything else (invalid codes) still drawn
    colours = {c.value(): c.symbol().color().name() for c in renderer.categories()}
    red, green, blue = (int(colours["0101"][i:i + 2], 16) for i in (1, 3, 5))
    assert red > 200 and green > 180 and blue < 150  # 耕地 yellowish
    assert colours["1101"] != colours["0101"] and colours["0701"] != colours["0301"]


def test_alias_fields_are_followed(qgis_app):
    """A DLTB whose code field is 地类编码 and an admin layer with lower-case names still get their style."""
    layer = role_layer(ROLES_BY_ID["dltb"], ["地类编码", "DLMC", "TBDLMJ", "CZCSXM", "TBMJ"])
    result = apply_role_style(layer, "dltb")
    assert result.applied and layer.renderer().classAttribute() == "地类编码"
    admin = role_layer(ROLES_BY_ID["admin_district"], ["xzqdm", "xzqmc"])
    apply_role_style(admin, "admin_district")
    labeling = admin.labeling()
    assert isinstance(labeling, QgsVectorLayerSimpleLabeling) and labeling.settings().fieldName == "xzqmc"


def test_missing_class_field_falls_back_to_a_plain_symbol_and_says_so(qgis_app):
    layer = role_layer(ROLES_BY_ID["roads"], ["NAME"], geometry="LineString")
    result = apply_role_style(layer, "roads")
    assert isinstance(layer.renderer(), QgsSingleSymbolRenderer)
    assert result.missing == ["DJ"] and "DJ" in result.message


def test_population_classes_follow_the_data(qgis_app):
    layer = role_layer(ROLES_BY_ID["population"])
    features = []
    for index, value in enumerate((10, 50, 300, 800, 2000, 6000, 12000)):
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromWkt(f"POLYGON(({index} 0,{index + 1} 0,{index + 1} 1,{index} 1,{index} 0))"))
        feature.setAttribute("RKS", value)
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    apply_role_style(layer, "population")
    renderer = layer.renderer()
    assert isinstance(renderer, QgsGraduatedSymbolRenderer)
    assert renderer.ranges()[-1].upperValue() == 12000


def test_point_population_gets_the_point_style(qgis_app):
    layer = role_layer(ROLES_BY_ID["population"], geometry="Point")
    result = apply_role_style(layer, "population")
    assert result.path.endswith("population_point.qml")


def test_labels_use_an_installed_cjk_font(qgis_app):
    family = cjk_font_family()
    if family is None:
        pytest.skip("no CJK font installed on this machine")
    layer = role_layer(ROLES_BY_ID["admin_subdistrict"])
    apply_role_style(layer, "admin_subdistrict")
    assert layer.labeling().settings().format().font().family() == family
