"""cityhealth:importdepartmentworkbook — check and import a filled department workbook.

Parameters (public API, never rename): INPUT (the returned .xlsx, or a CSV export of its data
sheet in UTF-8 or GBK); ASSESSMENT_DB or DATABASE_CONNECTION + DATABASE_SCHEMA; YEAR;
CATALOG_OVERRIDES; DEPARTMENT (optional: refuse a workbook of another department; needed to
check the department of a CSV); SUBMITTED_BY; DRY_RUN (only report what would change and what is
wrong); REPORT (optional .xlsx/.csv with the problems and the changes old → new per cell).
Outputs CHANGES, ERRORS, WARNINGS, APPLIED (1 when written), REPORT.

A workbook is applied whole or not at all: with any error nothing is written and the algorithm
fails with the problems (sheet, cell, indicator, what to do); with DRY_RUN it only reports.
"""

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputFile,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
)

from ...core.i18n import tr, tr_noop
from ...core.store.base import StoreError
from ..base import CityHealthAlgorithm
from .export_task_workbooks import YEAR, open_store_from, prepared_catalog, store_parameters

MAX_LISTED = 15


class ImportDepartmentWorkbookAlgorithm(CityHealthAlgorithm):
    NAME = "importdepartmentworkbook"
    DISPLAY = tr_noop("Import department workbook")
    GROUP_ID = "forms"
    GROUP = tr_noop("Forms and assessment database")
    INPUT = "INPUT"
    DEPARTMENT = "DEPARTMENT"
    SUBMITTED_BY = "SUBMITTED_BY"
    DRY_RUN = "DRY_RUN"
    REPORT = "REPORT"

    def shortHelpString(self):  # noqa: N802
        return tr(
            "Checks a filled department workbook (or a CSV export of its data sheet, UTF-8 or GBK) against the "
            "assessment database and imports it: indicator values, data source, collection method, 基本情况, "
            "取得成效, 短板及成因, 提升措施及建议 and evidence files. Every problem names its sheet, cell and "
            "indicator: wrong unit, text in a number cell, value out of range, unknown indicator code, duplicate "
            "rows, edited locked columns, wrong year or department. The workbook is imported whole or not at all. "
            "With 'Dry run' nothing is written: the log and the report list what would change (old → new per "
            "cell) and what is wrong.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterFile(
            self.INPUT, tr("Filled department workbook"), fileFilter=tr("Workbooks (*.xlsx *.csv)")))
        store_parameters(self)
        self.addParameter(QgsProcessingParameterString(
            self.DEPARTMENT, tr("Department (optional check)"), defaultValue="", optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.SUBMITTED_BY, tr("Submitted by"), defaultValue="", optional=True))
        self.addParameter(QgsProcessingParameterBoolean(
            self.DRY_RUN, tr("Dry run (only report, write nothing)"), defaultValue=False))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.REPORT, tr("Validation report"), tr("Excel workbook (*.xlsx);;CSV (*.csv)"), optional=True,
            createByDefault=False))
        for name, text in (("CHANGES", tr("Changed cells")), ("ERRORS", tr("Errors")), ("WARNINGS", tr("Warnings")),
                           ("APPLIED", tr("Imported (1) or not (0)"))):
            self.addOutput(QgsProcessingOutputNumber(name, text))
        self.addOutput(QgsProcessingOutputFile("REPORT_FILE", tr("Validation report")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        from ...core.exports.workbook_import import apply_workbook, preview_workbook, write_report

        path = self.parameterAsFile(parameters, self.INPUT, context)
        year = self.parameterAsInt(parameters, YEAR, context)
        department = self.parameterAsString(parameters, self.DEPARTMENT, context) or None
        by = self.parameterAsString(parameters, self.SUBMITTED_BY, context) or ""
        dry_run = self.parameterAsBool(parameters, self.DRY_RUN, context)
        report_path = self.parameterAsFileOutput(parameters, self.REPORT, context)
        store = open_store_from(self, parameters, context, user=by)
        try:
            catalog = prepared_catalog(self, parameters, context, store, year, feedback)
            preview = preview_workbook(store, path, year, department, catalog)
            outputs = {"CHANGES": len(preview.changes), "ERRORS": len(preview.errors),
                       "WARNINGS": len(preview.warnings), "APPLIED": 0, "REPORT_FILE": ""}
            for row in preview.changes.itertuples(index=False):
                feedback.pushInfo(tr("{cell} {code} {field}: {old} → {new}").format(
                    cell=row.cell, code=row.code, field=row.field, old="" if row.old is None else row.old,
                    new="" if row.new is None else row.new))
            for problem in preview.problems:
                if problem.severity == "error":
                    feedback.reportError(str(problem))
                else:
                    feedback.pushWarning(str(problem))
            if report_path:
                outputs["REPORT_FILE"] = str(write_report(preview, report_path))
                outputs[self.REPORT] = outputs["REPORT_FILE"]
            feedback.pushInfo(preview.summary())
            if dry_run:
                feedback.pushInfo(tr("Dry run: nothing was written."))
                return outputs
            if preview.errors:
                listed = "\n".join(str(p) for p in preview.errors[:MAX_LISTED])
                more = len(preview.errors) - MAX_LISTED
                if more > 0:
                    listed += "\n" + tr("… and {n} more.").format(n=more)
                raise QgsProcessingException(tr("The workbook was not imported (nothing was written): {n} errors. "
                                                "Correct them and import again:\n{problems}").format(
                                                    n=len(preview.errors), problems=listed))
            apply_workbook(store, preview, by or None)
            outputs["APPLIED"] = 1
            feedback.pushInfo(tr("Imported {n} indicators.").format(n=len(preview.forms)))
            return outputs
        except StoreError as error:
            raise QgsProcessingException(str(error)) from None
        finally:
            store.close()
