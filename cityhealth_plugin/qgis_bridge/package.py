"""Opening a data package: every vector layer of a GeoPackage, a folder, or a PostGIS database.

The layers come back valid and not yet added to any project. Shapefiles without a .cpg
whose text is GBK are opened with the GBK encoding (``setProviderEncoding``) and carry
the custom property ``cityhealth/encoding_note`` = 'GBK' so that validation can say so.
Nothing is written to the sources.
"""

import os
import re
from pathlib import Path
from typing import List, Optional
from urllib.parse import parse_qs, unquote, urlparse

from qgis.core import (
    QgsAbstractDatabaseProviderConnection,
    QgsDataSourceUri,
    QgsException,
    QgsMapLayerType,
    QgsProviderConnectionException,
    QgsProviderRegistry,
    QgsVectorLayer,
    QgsWkbTypes,
)

from ..core.i18n import tr
from .encoding import shapefile_encoding_to_set
from .layers import ENCODING_NOTE

FILE_SUFFIXES = (".shp", ".gpkg", ".geojson")


class DataPackageError(ValueError):
    """A data package that cannot be opened; the message says what and what to do."""


# --------------------------------------------------------------------------------------
# files
# --------------------------------------------------------------------------------------

def _sublayers(path: str) -> List[QgsVectorLayer]:
    """Every vector layer with a geometry in a multi-layer file (GeoPackage)."""
    layers = []
    for detail in QgsProviderRegistry.instance().querySublayers(path):
        if detail.type() != QgsMapLayerType.VectorLayer or detail.providerKey() != "ogr":
            continue
        if QgsWkbTypes.geometryType(detail.wkbType()) in (QgsWkbTypes.NullGeometry,):
            continue  # attribute-only tables (e.g. an assessment database's records)
        layer = QgsVectorLayer(detail.uri(), detail.name(), "ogr")
        if layer.isValid() and layer.isSpatial():
            layers.append(layer)
    return layers


def open_file(path: str) -> List[QgsVectorLayer]:
    """The layers of one .gpkg / .shp / .geojson file."""
    suffix = Path(path).suffix.lower()
    if suffix == ".gpkg":
        return _sublayers(path)
    layer = QgsVectorLayer(path, Path(path).stem, "ogr")
    if not layer.isValid():
        raise DataPackageError(tr("Cannot open '{path}' as a vector layer.").format(path=path))
    if suffix == ".shp":
        encoding = shapefile_encoding_to_set(path)
        if encoding:
            layer.setProviderEncoding(encoding)
            layer.setCustomProperty(ENCODING_NOTE, encoding)
    return [layer]


def _folder_files(folder: Path) -> List[Path]:
    found = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if Path(name).suffix.lower() in FILE_SUFFIXES:
                found.append(Path(root) / name)
    return found


# --------------------------------------------------------------------------------------
# PostGIS
# --------------------------------------------------------------------------------------

def postgres_uri(source: str) -> Optional[QgsDataSourceUri]:
    """A connection URI from 'postgres(ql)://user:pw@host:port/db?sslmode=..', 'PG:dbname=..' or
    a libpq keyword string ('dbname=.. host=..' / 'service=..'); None for anything else."""
    text = source.strip()
    lower = text.lower()
    if lower.startswith(("postgres://", "postgresql://")):
        url = urlparse(text)
        query = {key: values[-1] for key, values in parse_qs(url.query).items()}
        uri = QgsDataSourceUri()
        ssl = QgsDataSourceUri.decodeSslMode(query["sslmode"]) if "sslmode" in query else QgsDataSourceUri.SslPrefer
        database, user, password = unquote(url.path.lstrip("/")), unquote(url.username or ""), unquote(url.password or "")
        if "service" in query:
            uri.setConnection(query["service"], database, user, password, ssl)
        else:
            uri.setConnection(url.hostname or "localhost", str(url.port or 5432), database, user, password, ssl)
        for key in ("connect_timeout", "sslrootcert", "application_name"):
            if key in query:
                uri.setParam(key, query[key])
        if "schema" in query:
            uri.setSchema(query["schema"])
        return uri
    if lower.startswith("pg:"):
        return QgsDataSourceUri(text[3:].strip())
    if ("dbname=" in lower or "service=" in lower) and not os.path.exists(text):
        return QgsDataSourceUri(text)
    return None


def _postgres_connection(source: str):
    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    if metadata is None:
        raise DataPackageError(tr("This QGIS has no PostgreSQL provider."))
    saved = metadata.connections()
    if source in saved:
        return saved[source], ""
    uri = postgres_uri(source)
    if uri is None:
        return None, ""
    schema = uri.schema()
    try:
        return metadata.createConnection(uri.uri(False), {}), schema
    except (QgsProviderConnectionException, QgsException) as error:
        raise DataPackageError(tr("Cannot connect to the database '{source}': {error}").format(
            source=_hide_password(source), error=_hide_password(error))) from None


def _hide_password(text: str) -> str:
    """The text with any password (URL or libpq keyword form) replaced by ***."""
    text = re.sub(r"(://[^:/@\s]*:)[^@\s]*@", r"\1***@", str(text))
    return re.sub(r"(password\s*=\s*)('(?:[^'\\]|\\.)*'|\S+)", r"\1***", text, flags=re.IGNORECASE)


def open_postgres(source: str, feedback=None) -> List[QgsVectorLayer]:
    connection, schema = _postgres_connection(source)
    if connection is None:
        raise DataPackageError(tr("'{source}' is neither a file, a folder, a PostgreSQL URI nor a saved PostgreSQL "
                                  "connection.").format(source=source))
    try:
        tables = connection.tables(schema or "", QgsAbstractDatabaseProviderConnection.Vector)
    except (QgsProviderConnectionException, QgsException) as error:
        raise DataPackageError(tr("Cannot list the tables of the database '{source}': {error}").format(
            source=_hide_password(source), error=_hide_password(error))) from None
    base = connection.uri()
    layers = []
    for table in tables:
        if feedback is not None and feedback.isCanceled():
            break
        if table.geometryColumn():
            layers.extend(_table_layers(base, table, feedback))
    if not layers:
        raise DataPackageError(tr("The database '{source}' holds no table with geometries that this user may "
                                  "read.").format(source=_hide_password(source)))
    return layers


def _key_candidates(table) -> List[str]:
    """Primary-key column choices to try. For views QGIS lists every candidate column
    (the geometry column included): try each alone, then all together."""
    keys = [k for k in table.primaryKeyColumns() if k != table.geometryColumn()]
    is_view = bool(table.flags() & (QgsAbstractDatabaseProviderConnection.View
                                    | QgsAbstractDatabaseProviderConnection.MaterializedView))
    if len(keys) <= 1 or not is_view:
        return [",".join('"{}"'.format(k) for k in keys) if len(keys) > 1 else (keys[0] if keys else "")]
    return keys + [",".join('"{}"'.format(k) for k in keys)]


def _table_layers(base: str, table, feedback) -> List[QgsVectorLayer]:
    """One layer per geometry type of the table (a mixed ``geometry`` column gives several)."""
    types = list(table.geometryColumnTypes()) or [None]
    plain = table.tableName() if table.schema() in ("", "public") else "{}.{}".format(table.schema(), table.tableName())
    layers = []
    for column_type in types:
        name = plain
        if len(types) > 1:
            name = "{} ({})".format(plain, QgsWkbTypes.displayString(column_type.wkbType))
        layer = None
        for key in _key_candidates(table):
            uri = QgsDataSourceUri(base)
            uri.setParam("checkPrimaryKeyUnicity", "1")
            uri.setDataSource(table.schema(), table.tableName(), table.geometryColumn(), "", key)
            if column_type is not None:
                uri.setWkbType(column_type.wkbType)
                if column_type.crs.isValid() and column_type.crs.postgisSrid():
                    uri.setSrid(str(column_type.crs.postgisSrid()))
            layer = QgsVectorLayer(uri.uri(False), name, "postgres")
            if layer.isValid():
                break
        if layer is not None and layer.isValid():
            layers.append(layer)
        elif feedback is not None:
            feedback.reportError(tr("Table {table} could not be opened as a layer; it is skipped.").format(
                table=name))
    return layers


# --------------------------------------------------------------------------------------
# entry point
# --------------------------------------------------------------------------------------

def open_data_package(source: str, feedback=None) -> List[QgsVectorLayer]:
    """Every vector layer of ``source``: a GeoPackage, a folder (recursively .shp/.gpkg/.geojson),
    a single .shp/.geojson, a PostgreSQL URI or the name of a saved QGIS PostgreSQL connection.

    Raises ``DataPackageError`` with a message for the user when nothing can be opened.
    """
    source = str(source).strip()
    if not source:
        raise DataPackageError(tr("No data package was given: choose a GeoPackage, a folder or a database."))
    path = Path(source)
    if path.is_dir():
        files = _folder_files(path)
        if not files:
            raise DataPackageError(tr("The folder '{path}' holds no .shp, .gpkg or .geojson file.").format(path=source))
        layers = []
        for index, file in enumerate(files):
            if feedback is not None:
                if feedback.isCanceled():
                    break
                feedback.setProgress(100.0 * index / len(files))
            try:
                layers.extend(open_file(str(file)))
            except DataPackageError as error:
                if feedback is not None:
                    feedback.reportError(str(error))
        if not layers:
            raise DataPackageError(tr("No vector layer in '{path}' could be opened.").format(path=source))
        return layers
    if path.is_file():
        if path.suffix.lower() not in FILE_SUFFIXES:
            raise DataPackageError(tr("'{path}' is not a GeoPackage, shapefile or GeoJSON file.").format(path=source))
        layers = open_file(source)
        if not layers:
            raise DataPackageError(tr("'{path}' holds no vector layer with geometries.").format(path=source))
        return layers
    if path.suffix.lower() in FILE_SUFFIXES or os.sep in source and "://" not in source and "=" not in source:
        raise DataPackageError(tr("'{path}' does not exist.").format(path=source))
    return open_postgres(source, feedback)
