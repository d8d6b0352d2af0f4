"""cityhealth:exportmapset — the planning implementation analysis map set (附件3) as PDF and PNG.

Parameters (public API, never rename): one optional vector layer per role the map catalogue
uses, named after the role id in upper case like cityhealth:validatedatapackage
(ADMIN_DISTRICT, DLTB, DLTB_BASE, FARMLAND_PROTECTION, ECO_REDLINE, URBAN_BOUNDARY,
HERITAGE_LINE, ROADS, POPULATION, URBAN_AREA, FAC_* …); the results of other steps
(VIOLATIONS, SERVICE_AREAS, UNCOVERED, LIFE_CIRCLE, SATISFACTION, INDICATOR_VALUES); MAPS
(multiple choice, empty = every map that can be drawn), PAPER (A3/A4), DPI (PNG), PDF_DPI,
ATLAS, COVER, CITY_NAME, YEAR, BASE_YEAR, LANGUAGE, WORK_CRS, TEMPLATE_FOLDER and
OUTPUT_FOLDER. Outputs: PDF, PNG_FOLDER, PAGES, MAPS_EXPORTED, UNAVAILABLE.

Threading: the layouts are built and exported in the thread that runs processAlgorithm, from
layer handles taken in prepareAlgorithm (main thread); no layout or layer is shared between
threads, so the algorithm needs no FlagNoThreading and runs as a background task in QGIS 3.22
(see qgis_bridge/layouts.py).
"""

import datetime as _dt

from qgis.core import (
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsProcessing,
    QgsProcessingOutputFile,
    QgsProcessingOutputFolder,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterCrs,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFile,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorLayer,
)

from ...core.i18n import tr
from ...core.mapset.catalog import CatalogueError, default_catalogue
from ...core.mapset.page import PDF_DPI, PNG_DPI, papers
from ...core.mapset.text import language
from ...core.roles.registry import ROLES_BY_ID
from ...qgis_bridge.layouts import MapSetCanceled, MapSetError, MapSetOptions, export_map_set
from ...qgis_bridge.map_layers import MapSetInputs
from ..base import CityHealthAlgorithm

_TYPES = {
    "polygon": [QgsProcessing.TypeVectorPolygon],
    "line": [QgsProcessing.TypeVectorLine],
    "point": [QgsProcessing.TypeVectorPoint],
    "point_or_polygon": [QgsProcessing.TypeVectorPoint, QgsProcessing.TypeVectorPolygon],
}
# Result parameters: (parameter name, result id, layer types)
RESULT_PARAMETERS = (
    ("VIOLATIONS", "compliance_violations", [QgsProcessing.TypeVectorPolygon]),
    ("SERVICE_AREAS", "service_area", [QgsProcessing.TypeVectorPolygon]),
    ("UNCOVERED", "uncovered", [QgsProcessing.TypeVectorPolygon]),
    ("LIFE_CIRCLE", "life_circle", [QgsProcessing.TypeVectorPoint, QgsProcessing.TypeVectorPolygon]),
    ("SATISFACTION", "satisfaction", [QgsProcessing.TypeVector]),
    ("INDICATOR_VALUES", "indicator", [QgsProcessing.TypeVector]),
)
LANGUAGES = ("zh", "en")
INDICATOR_OPTION = "indicator"


def parameter_name(role_id: str) -> str:
    """The Processing parameter of a role (public API): the role id in upper case."""
    return role_id.upper()


def map_options():
    """(entry ids, labels) of the MAPS enum, in catalogue order; the last one stands for the
    indicator maps (one per indicator of INDICATOR_VALUES)."""
    catalogue = default_catalogue()
    lang = language(QgsApplication.locale())
    ids, labels = [], []
    for spec in catalogue.specs:
        if spec.each == "indicator":
            ids.append(INDICATOR_OPTION)
            labels.append(tr("Indicator maps by district (one per indicator supplied)"))
            continue
        for entry in catalogue.entries({}):
            if entry.spec_id == spec.id:
                ids.append(entry.id)
                labels.append(entry.name(lang))
    return ids, labels


class ExportMapSetAlgorithm(CityHealthAlgorithm):
    NAME = "exportmapset"
    GROUP_ID = "mapset"
    MAPS = "MAPS"
    PAPER = "PAPER"
    DPI = "DPI"
    PDF_DPI = "PDF_DPI"
    ATLAS = "ATLAS"
    COVER = "COVER"
    CITY_NAME = "CITY_NAME"
    YEAR = "YEAR"
    BASE_YEAR = "BASE_YEAR"
    LANGUAGE = "LANGUAGE"
    WORK_CRS = "WORK_CRS"
    TEMPLATE_FOLDER = "TEMPLATE_FOLDER"
    OUTPUT_FOLDER = "OUTPUT_FOLDER"
    PDF = "PDF"
    PNG_FOLDER = "PNG_FOLDER"
    PAGES = "PAGES"
    MAPS_EXPORTED = "MAPS_EXPORTED"
    UNAVAILABLE = "UNAVAILABLE"

    def __init__(self):
        super().__init__()
        self._inputs = None
        self._map_ids = []

    def displayName(self):  # noqa: N802
        return tr("Export planning implementation map set")

    def group(self):
        return tr("Map set")

    def shortHelpString(self):  # noqa: N802
        return tr(
            "Makes the planning implementation analysis map set (附件3 规划实施分析图集) of the health check: one "
            "multi-page PDF with a contents page and one PNG per page. Each map is a print layout from a template "
            "with title, legend, scale bar in km, north arrow, CRS note, data sources and date. Give the layers of "
            "the roles you have; maps whose layers or results are missing are left out and listed with the reason. "
            "Results of other steps draw more maps: bottom-line violations, facility service areas and uncovered "
            "residential land (with a 'facility' field), 15-minute life-circle completeness (fields 'within' and "
            "'required'), satisfaction and indicator values by district (tables with XZQDM and value; indicator "
            "tables also code, name and unit). With 'per-district atlas' each map is followed by one page per "
            "district. PNG resolution is DPI; the PDF keeps vectors and embeds the Chinese font."
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        catalogue = default_catalogue()
        for role_id in catalogue.roles_used():
            role = ROLES_BY_ID[role_id]
            self.addParameter(QgsProcessingParameterVectorLayer(
                parameter_name(role_id), role.display_name(), _TYPES[role.geometry], optional=True))
        labels = {
            "VIOLATIONS": tr("Bottom-line violations (from the compliance check)"),
            "SERVICE_AREAS": tr("Facility service areas (field 'facility' = facility role id)"),
            "UNCOVERED": tr("Residential land outside the service areas (field 'facility')"),
            "LIFE_CIRCLE": tr("15-minute life-circle completeness (fields 'within', 'required')"),
            "SATISFACTION": tr("Satisfaction by district (table: XZQDM, value)"),
            "INDICATOR_VALUES": tr("Indicator values by district (table: code, name, unit, XZQDM, value)"),
        }
        for name, _result_id, types in RESULT_PARAMETERS:
            self.addParameter(QgsProcessingParameterVectorLayer(name, labels[name], types, optional=True))
        ids, names = map_options()
        self._map_ids = ids
        self.addParameter(QgsProcessingParameterEnum(
            self.MAPS, tr("Maps (none chosen = every map that can be drawn)"), names, allowMultiple=True,
            optional=True))
        self.addParameter(QgsProcessingParameterEnum(self.PAPER, tr("Paper (landscape)"), list(papers()),
                                                     defaultValue=0))
        self.addParameter(QgsProcessingParameterNumber(
            self.DPI, tr("PNG resolution (DPI)"), QgsProcessingParameterNumber.Integer, PNG_DPI, False, 50, 600))
        self.addParameter(QgsProcessingParameterBoolean(self.ATLAS, tr("Per-district atlas pages"), False))
        self.addParameter(QgsProcessingParameterString(self.CITY_NAME, tr("City name"), "", optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.YEAR, tr("Assessment year"), QgsProcessingParameterNumber.Integer, _dt.date.today().year, False,
            1990, 2100))
        advanced = [
            QgsProcessingParameterNumber(self.BASE_YEAR, tr("Base year"), QgsProcessingParameterNumber.Integer,
                                         2020, False, 1990, 2100),
            QgsProcessingParameterNumber(self.PDF_DPI, tr("PDF resolution for rasterised parts (DPI)"),
                                         QgsProcessingParameterNumber.Integer, PDF_DPI, False, 72, 1200),
            QgsProcessingParameterBoolean(self.COVER, tr("Cover and contents page"), True),
            QgsProcessingParameterEnum(self.LANGUAGE, tr("Language of the maps"), [tr("Chinese"), tr("English")],
                                       defaultValue=LANGUAGES.index(language(QgsApplication.locale()))),
            QgsProcessingParameterCrs(self.WORK_CRS, tr("Map CRS (projected, in metres)"), defaultValue="EPSG:4548",
                                      optional=True),
            QgsProcessingParameterFile(self.TEMPLATE_FOLDER, tr("Folder of user layout templates"),
                                       behavior=QgsProcessingParameterFile.Folder, optional=True),
        ]
        self.add_advanced_parameters(advanced)
        self.addParameter(QgsProcessingParameterFolderDestination(self.OUTPUT_FOLDER, tr("Output folder")))
        self.addOutput(QgsProcessingOutputFile(self.PDF, tr("Map set PDF")))
        self.addOutput(QgsProcessingOutputFolder(self.PNG_FOLDER, tr("Folder of PNG pages")))
        self.addOutput(QgsProcessingOutputNumber(self.PAGES, tr("Number of pages")))
        self.addOutput(QgsProcessingOutputString(self.MAPS_EXPORTED, tr("Maps exported (ids)")))
        self.addOutput(QgsProcessingOutputString(self.UNAVAILABLE, tr("Maps left out, with the reason")))

    def prepareAlgorithm(self, parameters, context, feedback):  # noqa: N802
        """Main thread: describe the input layers so that the export can open private copies."""
        try:
            catalogue = default_catalogue()
        except CatalogueError as error:
            self.fail(str(error))
        roles = {}
        for role_id in catalogue.roles_used():
            layer = self.parameterAsVectorLayer(parameters, parameter_name(role_id), context)
            if layer is None:
                continue
            if not layer.isValid():
                self.fail(tr("The layer given for '{role}' cannot be read.").format(
                    role=ROLES_BY_ID[role_id].display_name()))
            roles[role_id] = layer
        results = {}
        for name, result_id, _types in RESULT_PARAMETERS:
            layer = self.parameterAsVectorLayer(parameters, name, context)
            if layer is not None:
                results[result_id] = layer
        try:
            self._inputs = MapSetInputs(roles, results).prepared()
        except ValueError as error:
            self.fail(str(error))
        return True

    def _options(self, parameters, context) -> MapSetOptions:
        ids = self._map_ids or map_options()[0]
        chosen = self.parameterAsEnums(parameters, self.MAPS, context)
        maps = [ids[i] for i in chosen if 0 <= i < len(ids)] or None
        crs = self.parameterAsCrs(parameters, self.WORK_CRS, context)
        if not crs.isValid():
            crs = QgsCoordinateReferenceSystem("EPSG:4548")
        if crs.isGeographic():
            self.fail(tr("The map CRS must be projected (in metres), e.g. EPSG:4548, not {crs}.").format(
                crs=crs.authid()))
        template_folder = self.parameterAsFile(parameters, self.TEMPLATE_FOLDER, context)
        return MapSetOptions(
            maps=maps,
            paper=list(papers())[self.parameterAsEnum(parameters, self.PAPER, context)],
            png_dpi=self.parameterAsInt(parameters, self.DPI, context),
            pdf_dpi=self.parameterAsInt(parameters, self.PDF_DPI, context),
            atlas=self.parameterAsBool(parameters, self.ATLAS, context),
            cover=self.parameterAsBool(parameters, self.COVER, context),
            city=self.parameterAsString(parameters, self.CITY_NAME, context) or "",
            year=self.parameterAsInt(parameters, self.YEAR, context),
            base_year=self.parameterAsInt(parameters, self.BASE_YEAR, context),
            lang=LANGUAGES[self.parameterAsEnum(parameters, self.LANGUAGE, context)],
            output_folder=self.parameterAsString(parameters, self.OUTPUT_FOLDER, context),
            work_crs=crs.authid() or crs.toWkt(),
            template_dirs=[template_folder] if template_folder else [],
        )

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        options = self._options(parameters, context)
        if options.maps and INDICATOR_OPTION in options.maps:
            options.maps = [m for m in options.maps if m != INDICATOR_OPTION] + [
                f"indicator_{code}" for code in self._inputs.indicator_values()]
        try:
            result = export_map_set(self._inputs, options, feedback)
        except MapSetCanceled:
            feedback.pushInfo(tr("The map set export was cancelled."))
            return {}
        except MapSetError as error:
            self.fail(str(error))
        finally:
            self._inputs = None
        for warning in result.warnings:
            feedback.pushWarning(warning)
        for map_id, reason in result.unavailable:
            feedback.pushInfo(tr("Left out: {map}: {reason}").format(map=map_id, reason=reason))
        feedback.pushInfo(tr("{pages} pages, {maps} maps in {seconds:.1f} s: {pdf}").format(
            pages=result.pages, maps=len(result.maps), seconds=result.seconds, pdf=result.pdf))
        return {
            self.OUTPUT_FOLDER: options.output_folder,
            self.PDF: result.pdf,
            self.PNG_FOLDER: result.png_folder,
            self.PAGES: result.pages,
            self.MAPS_EXPORTED: ",".join(result.maps),
            self.UNAVAILABLE: "\n".join("{}: {}".format(map_id, reason) for map_id, reason in result.unavailable),
        }
