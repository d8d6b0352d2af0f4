"""cityhealth:exportpackage — the year's deliverables (“1+1+6”) written to one folder.

Parameters (public API, never rename): DATA_PACKAGE (the year's GeoPackage data package),
ASSESSMENT_DB (optional: the assessment database of the year; empty = run the assessment
first, into <OUTPUT_FOLDER>/过程数据), YEAR, CITY_NAME, SPECIAL_TOPIC (the special report's
topic, from resources/deliverables/report_outline.json), MAP_SET (draw 附件3), SURVEY (analyse
questionnaires found next to the data package), OUTPUT_FOLDER; advanced: BASE_YEAR, OUTLINE (a
city's report outline JSON), CATALOG_OVERRIDES, TARGETS_FILE, KEY_TASKS_FILE, PAPER, DPI, MAPS
(comma-separated map ids; empty = every map that can be drawn), ORGANISATION.
Outputs: OUTPUT_FOLDER, MANIFEST, ANNUAL_REPORT, SPECIAL_REPORT, BASIC_DATABASE, FILES (count),
SKIPPED (one line per item left out, with the reason).

The map set runs in the algorithm's thread, like cityhealth:exportmapset (see
qgis_bridge/layouts.py): layers are opened from the data package path here, nothing is shared
with the project.
"""

import datetime as _dt
from pathlib import Path

from qgis.core import (
    QgsProcessingOutputFile,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFile,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ...core.deliverables.outline import OutlineError, load_outline
from ...core.deliverables.package import PackageCanceled, PackageError, PackageOptions, build_package
from ...core.i18n import tr, tr_noop
from ...core.mapset.page import PNG_DPI, papers
from ...qgis_bridge.package_export import export_package_map_set
from ..base import CityHealthAlgorithm


def topic_options():
    """(ids, labels) of the special-report topics of the shipped outline."""
    try:
        outline = load_outline()
    except OutlineError:
        return ["life_circle"], ["社区生活圈专项评估"]
    topics = list(outline.topics)
    default = outline.default_topic
    topics.sort(key=lambda t: t.id != default)  # the default first
    return [t.id for t in topics], [t.zh for t in topics]


class ExportPackageAlgorithm(CityHealthAlgorithm):
    NAME = "exportpackage"
    GROUP_ID = "deliverables"
    DISPLAY = tr_noop("Export the year's deliverables (1+1+6 package)")
    GROUP = tr_noop("Deliverables")
    HELP = tr_noop(
        "Writes every deliverable of the year's health check into one folder: the annual report "
        "(年度体检评估总报告, Word, with a chapter for each of the six assessment aspects, indicator tables, maps and "
        "text generated from the numbers for you to edit), the special report of the chosen topic (专项报告), "
        "附件1 indicator conclusion table, 附件2 key-task list, 附件3 map set (PDF and PNG), 附件4 satisfaction "
        "report when questionnaires are found next to the data package, 附件5 basic database (GeoPackage with the "
        "input layers, results, forms and violations) and 附件6 database description generated from that database, "
        "plus manifest.json with timings and what was left out and why. Without an assessment database the "
        "assessment is run first. Missing data is marked in the reports as （待补充：…）.")

    DATA_PACKAGE = "DATA_PACKAGE"
    ASSESSMENT_DB = "ASSESSMENT_DB"
    YEAR = "YEAR"
    BASE_YEAR = "BASE_YEAR"
    CITY_NAME = "CITY_NAME"
    SPECIAL_TOPIC = "SPECIAL_TOPIC"
    MAP_SET = "MAP_SET"
    SURVEY = "SURVEY"
    OUTLINE = "OUTLINE"
    CATALOG_OVERRIDES = "CATALOG_OVERRIDES"
    TARGETS_FILE = "TARGETS_FILE"
    KEY_TASKS_FILE = "KEY_TASKS_FILE"
    PAPER = "PAPER"
    DPI = "DPI"
    MAPS = "MAPS"
    ORGANISATION = "ORGANISATION"
    OUTPUT_FOLDER = "OUTPUT_FOLDER"
    MANIFEST = "MANIFEST"
    ANNUAL_REPORT = "ANNUAL_REPORT"
    SPECIAL_REPORT = "SPECIAL_REPORT"
    BASIC_DATABASE = "BASIC_DATABASE"
    FILES = "FILES"
    SKIPPED = "SKIPPED"

    def __init__(self):
        super().__init__()
        self._topics = []

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterFile(
            self.DATA_PACKAGE, tr("Data package (GeoPackage)"), extension="gpkg"))
        self.addParameter(QgsProcessingParameterFile(
            self.ASSESSMENT_DB, tr("Assessment database of the year (empty: run the assessment first)"),
            extension="gpkg", optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.YEAR, tr("Assessment year"), QgsProcessingParameterNumber.Integer, _dt.date.today().year - 1, False,
            1990, 2100))
        self.addParameter(QgsProcessingParameterString(self.CITY_NAME, tr("City name"), "", optional=True))
        ids, labels = topic_options()
        self._topics = ids
        self.addParameter(QgsProcessingParameterEnum(self.SPECIAL_TOPIC, tr("Special report topic"), labels,
                                                     defaultValue=0))
        self.addParameter(QgsProcessingParameterBoolean(self.MAP_SET, tr("Draw the map set (附件3)"), True))
        self.addParameter(QgsProcessingParameterBoolean(
            self.SURVEY, tr("Analyse questionnaires found next to the data package (附件4)"), True))
        advanced = [
            QgsProcessingParameterNumber(self.BASE_YEAR, tr("Base year"), QgsProcessingParameterNumber.Integer, 2020,
                                         False, 1990, 2100),
            QgsProcessingParameterFile(self.OUTLINE, tr("Report outline (JSON; empty: the shipped one)"),
                                       extension="json", optional=True),
            QgsProcessingParameterFile(self.CATALOG_OVERRIDES, tr("City catalog file (adds or overrides indicators)"),
                                       optional=True),
            QgsProcessingParameterFile(self.TARGETS_FILE, tr("Targets table (CSV / xlsx)"), optional=True),
            QgsProcessingParameterFile(self.KEY_TASKS_FILE, tr("Key tasks table for 附件2 (CSV / xlsx)"),
                                       optional=True),
            QgsProcessingParameterEnum(self.PAPER, tr("Map paper (landscape)"), list(papers()), defaultValue=0),
            QgsProcessingParameterNumber(self.DPI, tr("Map PNG resolution (DPI)"), QgsProcessingParameterNumber.Integer,
                                         PNG_DPI, False, 50, 600),
            QgsProcessingParameterString(self.MAPS, tr("Maps (comma-separated ids; empty: every map that can be drawn)"),
                                         "", optional=True),
            QgsProcessingParameterString(self.ORGANISATION, tr("Organisation on the report covers"), "",
                                         optional=True),
        ]
        self.add_advanced_parameters(advanced)
        self.addParameter(QgsProcessingParameterFolderDestination(self.OUTPUT_FOLDER, tr("Output folder")))
        self.addOutput(QgsProcessingOutputFile(self.MANIFEST, tr("Manifest (JSON)")))
        self.addOutput(QgsProcessingOutputFile(self.ANNUAL_REPORT, tr("Annual report (docx)")))
        self.addOutput(QgsProcessingOutputFile(self.SPECIAL_REPORT, tr("Special report (docx)")))
        self.addOutput(QgsProcessingOutputFile(self.BASIC_DATABASE, tr("Basic database (附件5, GeoPackage)")))
        self.addOutput(QgsProcessingOutputNumber(self.FILES, tr("Number of files written")))
        self.addOutput(QgsProcessingOutputString(self.SKIPPED, tr("Items left out, with the reason")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        data = self.parameterAsFile(parameters, self.DATA_PACKAGE, context)
        database = self.parameterAsFile(parameters, self.ASSESSMENT_DB, context)
        out = self.parameterAsString(parameters, self.OUTPUT_FOLDER, context)
        ids = self._topics or topic_options()[0]
        topic_index = self.parameterAsEnum(parameters, self.SPECIAL_TOPIC, context)
        overrides = self.parameterAsFile(parameters, self.CATALOG_OVERRIDES, context)
        maps = [m.strip() for m in (self.parameterAsString(parameters, self.MAPS, context) or "").split(",") if m.strip()]
        options = PackageOptions(
            city=self.parameterAsString(parameters, self.CITY_NAME, context) or "",
            base_year=self.parameterAsInt(parameters, self.BASE_YEAR, context),
            topic=ids[topic_index] if 0 <= topic_index < len(ids) else None,
            outline=Path(self.parameterAsFile(parameters, self.OUTLINE, context))
            if self.parameterAsFile(parameters, self.OUTLINE, context) else None,
            catalog_overrides=[Path(overrides)] if overrides else [],
            targets=self.parameterAsFile(parameters, self.TARGETS_FILE, context) or None,
            key_tasks=self.parameterAsFile(parameters, self.KEY_TASKS_FILE, context) or None,
            map_set=self.parameterAsBool(parameters, self.MAP_SET, context),
            map_exporter=export_package_map_set,
            maps=maps or None,
            paper=list(papers())[self.parameterAsEnum(parameters, self.PAPER, context)],
            png_dpi=self.parameterAsInt(parameters, self.DPI, context),
            survey=self.parameterAsBool(parameters, self.SURVEY, context),
            organisation=self.parameterAsString(parameters, self.ORGANISATION, context) or "",
            log=lambda text: None,  # the package reports through the feedback
            feedback=feedback,
        )
        try:
            result = build_package(data, self.parameterAsInt(parameters, self.YEAR, context), out,
                                   assessment_db=Path(database) if database else None, options=options)
        except PackageCanceled:
            feedback.pushInfo(tr("The package was cancelled."))
            return {}
        except PackageError as error:
            self.fail(str(error))
        for item in result.skipped:
            feedback.pushWarning(tr("Left out: {item}: {reason}").format(item=item["label"], reason=item["reason"]))
        for warning in result.warnings[:30]:
            feedback.pushWarning(warning)
        return {
            self.OUTPUT_FOLDER: str(result.folder),
            self.MANIFEST: str(result.manifest) if result.manifest else "",
            self.ANNUAL_REPORT: str(result.files.get("annual_report", "")),
            self.SPECIAL_REPORT: str(result.files.get("special_report", "")),
            self.BASIC_DATABASE: str(result.files.get("annex5", "")),
            self.FILES: len(result.files),
            self.SKIPPED: "\n".join("{}: {}".format(item["label"], item["reason"]) for item in result.skipped),
        }
