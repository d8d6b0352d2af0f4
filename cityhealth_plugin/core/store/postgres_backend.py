"""The assessment database on a PostgreSQL / PostGIS server (schema ``cityhealth`` by default).

Same tables and API as the GeoPackage. psycopg2 is imported only here, when a PostgreSQL store is
opened, so the plugin works without it. Saves run ``BEGIN`` … ``COMMIT`` at READ COMMITTED; the
rows a save changes are read ``FOR UPDATE`` before the version check, so two clients saving the
same form at once are serialised and the second gets a ``ConflictError`` instead of
overwriting the first (no lost update). Two clients inserting the same new row: the second hits
the unique key and gets a ``ConflictError`` too; different rows never block each other.
The schema is created (under an advisory lock) when missing and the role may create it.
"""

import contextlib
import re
from typing import Optional, Sequence

import pandas as pd

from ..i18n import tr
from . import schema as S
from .base import Conflict, ConflictError, StoreError
from .database import DEFAULT_PG_SCHEMA, AssessmentStore

_SCHEMA_LOCK = 7_344_019_221  # advisory lock id while creating the schema
_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,62}$")


def _psycopg2():
    try:
        import psycopg2
        import psycopg2.extras  # noqa: F401
    except ImportError:
        raise StoreError(tr("PostgreSQL needs the Python package psycopg2, which is not installed. Install it "
                            "(QGIS ships it on most platforms) or use a GeoPackage.")) from None
    return psycopg2


def _sql(sql: str) -> str:
    return sql.replace("?", "%s")


class _PgTx:
    def __init__(self, cursor, extras):
        self.cursor = cursor
        self.extras = extras

    def execute(self, sql: str, params: Sequence = ()):
        self.cursor.execute(_sql(sql), tuple(params))
        return self.cursor

    def executemany(self, sql: str, rows):
        self.extras.execute_batch(self.cursor, _sql(sql), rows, page_size=500)

    def update_rows(self, table: str, typed, rows) -> None:
        """Rows of (new values in ``typed`` order …, fid): one UPDATE … FROM (VALUES …) per page."""
        if not rows:
            return
        names = [n for n, _ in typed] + ["fid"]
        aliases = ", ".join(f"c{i}" for i in range(len(names)))
        assignments = ", ".join(f"{S.quote(n)} = v.c{i}::{S._PG_TYPES[kind]}" for i, (n, kind) in enumerate(typed))
        self.extras.execute_values(
            self.cursor, f"UPDATE {table} AS t SET {assignments} FROM (VALUES %s) AS v({aliases}) "
                         f"WHERE t.fid = v.c{len(names) - 1}::bigint", rows, page_size=1000)

    def query(self, sql: str, params: Sequence = ()):
        self.cursor.execute(_sql(sql), tuple(params))
        return self.cursor.fetchall()

    def insert_rows(self, table: str, columns, rows) -> None:
        if rows:
            names = ", ".join(S.quote(c) for c in columns)
            self.extras.execute_values(self.cursor, f"INSERT INTO {table} ({names}) VALUES %s", rows, page_size=1000)

    def insert_one(self, table: str, columns, row) -> int:
        names = ", ".join(S.quote(c) for c in columns)
        self.cursor.execute(f"INSERT INTO {table} ({names}) VALUES ({', '.join(['%s'] * len(columns))}) RETURNING fid",
                            tuple(row))
        return int(self.cursor.fetchone()[0])


class PostgresStore(AssessmentStore):
    """``PostgresStore(dsn, schema='cityhealth', user=None)``: dsn is a libpq string or URL."""

    backend = "postgres"
    lock_clause = " FOR UPDATE"

    def __init__(self, dsn: str, schema: str = DEFAULT_PG_SCHEMA, user: Optional[str] = None, create: bool = True,
                 connect_timeout: int = 10):
        super().__init__(user)
        if not _IDENTIFIER.match(schema or ""):
            raise StoreError(tr("Invalid schema name '{schema}': use letters, digits and _.").format(schema=schema))
        self.psycopg2 = _psycopg2()
        self.schema = schema
        self.dsn = dsn
        try:
            self.con = self.psycopg2.connect(dsn, connect_timeout=connect_timeout)
        except self.psycopg2.Error as error:
            raise StoreError(tr("Cannot connect to the PostgreSQL database: {error}").format(
                error=str(error).strip())) from None
        self.con.set_client_encoding("UTF8")
        self.con.autocommit = True
        try:
            self._create_schema(create)
        except BaseException:
            self.close()
            raise

    # ------------------------------------------------------------ backend interface
    def t(self, name: str) -> str:
        return f"{S.quote(self.schema)}.{S.quote(name)}"

    def describe(self) -> str:
        params = self.con.get_dsn_parameters()
        return "postgresql {}@{}:{}/{} schema {}".format(params.get("user", ""), params.get("host", ""),
                                                         params.get("port", ""), params.get("dbname", ""), self.schema)

    @contextlib.contextmanager
    def _transaction(self):
        with self._lock:
            cursor = self.con.cursor()
            cursor.execute("BEGIN")
            try:
                yield _PgTx(cursor, self.psycopg2.extras)
                cursor.execute("COMMIT")
            except BaseException as error:
                with contextlib.suppress(Exception):
                    cursor.execute("ROLLBACK")
                if isinstance(error, self.psycopg2.errors.UniqueViolation):
                    raise self._unique_conflict(error) from None
                if isinstance(error, self.psycopg2.Error):
                    raise StoreError(tr("The database refused the save: {error}").format(
                        error=str(error).strip())) from None
                raise
            finally:
                cursor.close()

    def read_frame(self, sql: str, params: Sequence = ()) -> pd.DataFrame:
        with self._lock, self.con.cursor() as cursor:
            try:
                cursor.execute(_sql(sql), tuple(params))
            except self.psycopg2.Error as error:
                raise StoreError(tr("The assessment database could not be read: {error}").format(
                    error=str(error).strip())) from None
            names = [d[0] for d in cursor.description]
            return pd.DataFrame(cursor.fetchall(), columns=names)

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.con.close()

    def _unique_conflict(self, error) -> ConflictError:
        """A concurrent insert of the same key: who created the row (from the key in the error)."""
        table = getattr(error.diag, "table_name", "") or ""
        detail = getattr(error.diag, "message_detail", "") or ""
        match = re.search(r"Key \((.*)\)=\((.*)\) already exists", detail)
        key = {}
        if match:
            key = dict(zip([k.strip().strip('"') for k in match.group(1).split(",")],
                           [v.strip() for v in match.group(2).split(",")]))
        by = at = ""
        if table in S.TABLES and key:
            where = " AND ".join(f"{S.quote(k)}::text = %s" for k in key)
            with contextlib.suppress(Exception), self.con.cursor() as cursor:
                cursor.execute(f"SELECT updated_by, updated_at FROM {self.t(table)} WHERE {where}", list(key.values()))
                row = cursor.fetchone()
                if row:
                    by, at = row[0] or "", row[1] or ""
        return ConflictError([Conflict(table, key, by, at, "exists")])

    # ------------------------------------------------------------ schema
    def _exists(self, cursor, table: str) -> bool:
        cursor.execute("SELECT to_regclass(%s)", (self.t(table),))
        return cursor.fetchone()[0] is not None

    def _columns(self, cursor, table: str):
        cursor.execute("SELECT column_name FROM information_schema.columns WHERE table_schema = %s AND "
                       "table_name = %s", (self.schema, table))
        return {row[0] for row in cursor.fetchall()}

    def _create_schema(self, create: bool) -> None:
        with self.con.cursor() as cursor:
            complete = all(self._exists(cursor, t) and set(S.TABLES[t].column_names) <= self._columns(cursor, t)
                           for t in S.TABLES)
            if complete:
                return
            if not create:
                raise StoreError(tr("The PostgreSQL database has no CityHealth schema '{schema}'.").format(
                    schema=self.schema))
            try:
                cursor.execute("BEGIN")
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", (_SCHEMA_LOCK,))
                cursor.execute(f"CREATE SCHEMA IF NOT EXISTS {S.quote(self.schema)}")
                for table in S.TABLES.values():
                    for statement in S.create_statements(table, "postgres", self.t(table.name)):
                        cursor.execute(statement)
                    for statement in S.version_trigger_statements(table, "postgres", self.t(table.name), self.schema):
                        cursor.execute(statement)
                    existing = self._columns(cursor, table.name)
                    for column in table.columns:
                        if column.name not in existing:
                            cursor.execute(f"ALTER TABLE {self.t(table.name)} ADD COLUMN "
                                           + S._column_sql(column, S._PG_TYPES).replace(" NOT NULL", ""))
                _PgTx(cursor, self.psycopg2.extras).execute(
                    f"INSERT INTO {self.t('statistics_values')} (code, year, unit_code, value, unit) SELECT code, year, "
                    f"unit_code, value, unit FROM {self.t('indicator_values')} WHERE origin = 'reported' AND value IS "
                    f"NOT NULL AND NOT EXISTS (SELECT 1 FROM {self.t('statistics_values')})")
                cursor.execute(f"INSERT INTO {self.t('store_meta')} (key, value) VALUES ('schema_version', %s), "
                               f"('created_at', %s), ('created_by', %s), ('base_year', %s) "
                               f"ON CONFLICT (key) DO NOTHING",
                               (str(S.SCHEMA_VERSION), self.clock(), self.user, str(S.BASE_YEAR)))
                cursor.execute("COMMIT")
            except self.psycopg2.Error as error:
                with contextlib.suppress(Exception):
                    cursor.execute("ROLLBACK")
                raise StoreError(tr("Cannot create the CityHealth schema '{schema}' ({error}); ask the database "
                                    "administrator for CREATE rights or to create it once.").format(
                                        schema=self.schema, error=str(error).strip())) from None
