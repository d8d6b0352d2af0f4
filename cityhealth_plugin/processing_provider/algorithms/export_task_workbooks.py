"""cityhealth:exportdepartmentworkbooks — the 任务分解表 and one fill-in workbook per department.

Parameters (public API, never rename): ASSESSMENT_DB (GeoPackage) or DATABASE_CONNECTION (a saved
PostgreSQL connection) with DATABASE_SCHEMA (default 'cityhealth'); YEAR; CATALOG_OVERRIDES (city
catalog file, used when the year is prepared: catalog snapshot and default forms); DEPARTMENTS
(comma-separated; empty = every department with indicators to fill); CITY (name in the titles);
PASSWORD (optional sheet-protection password); TASK_TABLE (also write the 任务分解表);
OUTPUT_FOLDER. Outputs OUTPUT_FOLDER, WORKBOOKS (count), TASK_TABLE_FILE.

The helpers ``store_parameters`` / ``open_store_from`` are shared with importdepartmentworkbook.
"""

import re
from pathlib import Path

from qgis.core import (
    QgsDataSourceUri,
    QgsProcessingException,
    QgsProcessingOutputFile,
    QgsProcessingOutputFolder,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFile,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterProviderConnection,
    QgsProcessingParameterString,
    QgsProviderRegistry,
)

from ...core.i18n import tr, tr_noop
from ...core.store.base import StoreError
from ...core.store.database import DEFAULT_PG_SCHEMA
from ..base import CityHealthAlgorithm
from ..indicator_inputs import default_year, load_catalog_checked

ASSESSMENT_DB = "ASSESSMENT_DB"
DATABASE_CONNECTION = "DATABASE_CONNECTION"
DATABASE_SCHEMA = "DATABASE_SCHEMA"
YEAR = "YEAR"
CATALOG_OVERRIDES = "CATALOG_OVERRIDES"


def store_parameters(algorithm) -> None:
    """The database, year and catalog parameters both workbook algorithms share."""
    algorithm.addParameter(QgsProcessingParameterFile(
        ASSESSMENT_DB, tr("Assessment database (GeoPackage)"), fileFilter=tr("GeoPackage (*.gpkg)"), optional=True))
    algorithm.addParameter(QgsProcessingParameterProviderConnection(
        DATABASE_CONNECTION, tr("Or: PostgreSQL connection (shared assessment database)"), "postgres",
        optional=True))
    algorithm.addParameter(QgsProcessingParameterString(
        DATABASE_SCHEMA, tr("PostgreSQL schema"), defaultValue=DEFAULT_PG_SCHEMA, optional=True))
    algorithm.addParameter(QgsProcessingParameterNumber(
        YEAR, tr("Assessment year"), QgsProcessingParameterNumber.Integer, defaultValue=default_year(),
        minValue=1990, maxValue=2100))
    algorithm.addParameter(QgsProcessingParameterFile(
        CATALOG_OVERRIDES, tr("City catalog file (overrides, CSV or JSON)"),
        fileFilter=tr("Catalog files (*.csv *.json)"), optional=True))


def postgres_dsn(connection_name: str) -> str:
    """The libpq connection string of a saved QGIS PostgreSQL connection."""
    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    try:
        connection = metadata.findConnection(connection_name) if metadata else None
    except Exception:  # noqa: BLE001 - QgsProviderConnectionException
        connection = None
    if connection is None:
        raise QgsProcessingException(tr("There is no PostgreSQL connection named '{name}' in QGIS.").format(
            name=connection_name))
    return QgsDataSourceUri(connection.uri()).connectionInfo(True)


def open_store_from(algorithm, parameters, context, user: str = ""):
    """The store the parameters name (GeoPackage or PostgreSQL), or a QgsProcessingException."""
    from ...core.store.database import open_store

    path = algorithm.parameterAsFile(parameters, ASSESSMENT_DB, context)
    connection = algorithm.parameterAsConnectionName(parameters, DATABASE_CONNECTION, context)
    schema = algorithm.parameterAsString(parameters, DATABASE_SCHEMA, context) or DEFAULT_PG_SCHEMA
    if bool(path) == bool(connection):
        raise QgsProcessingException(tr("Give either an assessment GeoPackage or a PostgreSQL connection."))
    try:
        if connection:
            from ...core.store.postgres_backend import PostgresStore

            return PostgresStore(postgres_dsn(connection), schema=schema, user=user or None)
        if not Path(path).is_file():
            raise QgsProcessingException(tr("Assessment database not found: {path}.").format(path=path))
        return open_store(path, user=user or None)
    except StoreError as error:
        raise QgsProcessingException(str(error)) from None


def prepared_catalog(algorithm, parameters, context, store, year: int, feedback):
    """The catalog of the year; prepares the year (snapshot + default forms) when it has no forms."""
    overrides = algorithm.parameterAsFile(parameters, CATALOG_OVERRIDES, context)
    if len(store.forms(year)) and not overrides:
        return store._catalog(year)
    catalog = load_catalog_checked([overrides] if overrides else [])
    counts = store.ensure_year(catalog, year)
    feedback.pushInfo(tr("Prepared {year}: {catalog} catalog rows and {forms} forms written.").format(
        year=year, catalog=counts["catalog"], forms=counts["forms"]))
    return catalog


class ExportDepartmentWorkbooksAlgorithm(CityHealthAlgorithm):
    NAME = "exportdepartmentworkbooks"
    DISPLAY = tr_noop("Export department workbooks")
    GROUP_ID = "forms"
    GROUP = tr_noop("Forms and assessment database")
    DEPARTMENTS = "DEPARTMENTS"
    CITY = "CITY"
    PASSWORD = "PASSWORD"
    TASK_TABLE = "TASK_TABLE"
    OUTPUT_FOLDER = "OUTPUT_FOLDER"

    def shortHelpString(self):  # noqa: N802
        return tr(
            "Writes the task decomposition table (指标内容和任务分解表: indicator, connotation, data source, "
            "collection method, responsible department, division of work, time node) and one fill-in workbook per "
            "responsible department into the output folder. Each workbook holds only that department's indicators: "
            "locked key columns and previous years' values, unlocked value and text columns, drop-down lists, "
            "number checks with the unit, a 填表说明 sheet and hidden metadata that the import checks. A year "
            "without forms is prepared first (catalog snapshot and default task assignment).")

    def initAlgorithm(self, config=None):  # noqa: N802
        store_parameters(self)
        self.addParameter(QgsProcessingParameterString(
            self.DEPARTMENTS, tr("Departments (comma-separated; empty = all)"), defaultValue="", optional=True))
        self.addParameter(QgsProcessingParameterString(self.CITY, tr("City name (in the titles)"), defaultValue="",
                                                       optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.PASSWORD, tr("Sheet protection password (optional)"), defaultValue="", optional=True))
        self.addParameter(QgsProcessingParameterBoolean(
            self.TASK_TABLE, tr("Also write the task decomposition table"), defaultValue=True))
        self.addParameter(QgsProcessingParameterFolderDestination(self.OUTPUT_FOLDER, tr("Output folder")))
        self.addOutput(QgsProcessingOutputFolder(self.OUTPUT_FOLDER, tr("Output folder")))
        self.addOutput(QgsProcessingOutputNumber("WORKBOOKS", tr("Department workbooks written")))
        self.addOutput(QgsProcessingOutputFile("TASK_TABLE_FILE", tr("Task decomposition table")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        from ...core.exports.department_workbook import write_department_workbooks
        from ...core.exports.task_table_xlsx import write_task_table

        year = self.parameterAsInt(parameters, YEAR, context)
        folder = Path(self.parameterAsString(parameters, self.OUTPUT_FOLDER, context))
        departments = [d.strip() for d in re.split(r"[,，;；、]", self.parameterAsString(
            parameters, self.DEPARTMENTS, context) or "") if d.strip()]
        city = self.parameterAsString(parameters, self.CITY, context) or ""
        password = self.parameterAsString(parameters, self.PASSWORD, context) or None
        store = open_store_from(self, parameters, context)
        try:
            catalog = prepared_catalog(self, parameters, context, store, year, feedback)
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                self.fail(tr("Cannot create the output folder {path}: {error}").format(path=folder, error=error))
            outputs = {self.OUTPUT_FOLDER: str(folder), "TASK_TABLE_FILE": ""}
            if self.parameterAsBool(parameters, self.TASK_TABLE, context):
                name = f"{city}{year}年度国土空间规划城市体检评估指标内容和任务分解表.xlsx"
                outputs["TASK_TABLE_FILE"] = str(write_task_table(folder / name, store, year, city, catalog))
                feedback.pushInfo(tr("Wrote {path}").format(path=outputs["TASK_TABLE_FILE"]))

            def progress(done, total, department):
                feedback.setProgress(100.0 * done / max(total, 1))
                feedback.pushInfo(tr("Wrote the workbook of {department}.").format(department=department))

            written = write_department_workbooks(folder, store, year, departments or None, city, password, progress)
        except (StoreError, ValueError, OSError) as error:
            raise QgsProcessingException(str(error)) from None
        finally:
            store.close()
        outputs["WORKBOOKS"] = len(written)
        feedback.pushInfo(tr("{n} department workbooks in {path}.").format(n=len(written), path=folder))
        return outputs
