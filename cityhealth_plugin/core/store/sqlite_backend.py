"""The assessment database in a GeoPackage (the default; one file per assessment).

Attribute tables live in the same file as the indicator results and result layers, registered
in ``gpkg_contents`` as 'attributes' with ``fid INTEGER PRIMARY KEY AUTOINCREMENT`` so QGIS and
GDAL open them like any GeoPackage table. The journal stays in rollback (DELETE) mode — no WAL,
for GeoPackage compatibility — and every save is one ``BEGIN IMMEDIATE`` … ``COMMIT``
transaction: a write interrupted midway (exception, killed process, power cut with
``synchronous=FULL``) leaves the previous state, which SQLite restores from the hot journal on
the next open. Concurrent writers wait for each other (``timeout``); the version check refuses
stale writes.

A results table written by an older plugin version (``indicator_values`` without ``origin`` /
``version``) is converted in place on first open.
"""

import contextlib
import sqlite3
from pathlib import Path
from typing import Optional, Sequence

import pandas as pd

from ..i18n import tr
from . import gpkg
from . import schema as S
from .database import AssessmentStore
from .base import StoreError

BUSY_TIMEOUT_S = 30.0


class _SqliteTx:
    def __init__(self, con: sqlite3.Connection):
        self.con = con

    def execute(self, sql: str, params: Sequence = ()):
        return self.con.execute(sql, tuple(params))

    def executemany(self, sql: str, rows):
        self.con.executemany(sql, rows)

    def update_rows(self, table: str, typed, rows) -> None:
        """Rows of (new values in ``typed`` order …, fid)."""
        assignments = ", ".join(f"{S.quote(n)} = ?" for n, _ in typed)
        self.con.executemany(f"UPDATE {table} SET {assignments} WHERE fid = ?", rows)

    def query(self, sql: str, params: Sequence = ()):
        return self.con.execute(sql, tuple(params)).fetchall()

    def insert_rows(self, table: str, columns, rows) -> None:
        if not rows:
            return
        names = ", ".join(S.quote(c) for c in columns)
        self.con.executemany(f"INSERT INTO {table} ({names}) VALUES ({', '.join('?' * len(columns))})", rows)

    def insert_one(self, table: str, columns, row) -> int:
        names = ", ".join(S.quote(c) for c in columns)
        cursor = self.con.execute(f"INSERT INTO {table} ({names}) VALUES ({', '.join('?' * len(columns))})", tuple(row))
        return int(cursor.lastrowid)


class SqliteStore(AssessmentStore):
    """``SqliteStore(path, user=None)``: open (and create or upgrade) the assessment GeoPackage."""

    backend = "sqlite"

    def __init__(self, path, user: Optional[str] = None, create: bool = True):
        super().__init__(user)
        self.path = Path(path)
        if not self.path.exists() and not create:
            raise StoreError(tr("Assessment database not found: {path}.").format(path=self.path))
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.con = sqlite3.connect(str(self.path), timeout=BUSY_TIMEOUT_S, isolation_level=None,
                                       check_same_thread=False)
        except (OSError, sqlite3.Error) as error:
            raise StoreError(tr("Cannot open the assessment database {path}: {error}").format(
                path=self.path, error=error)) from None
        try:
            mode = self.con.execute("PRAGMA journal_mode").fetchone()[0]
            if str(mode).lower() == "wal":
                self.con.execute("PRAGMA journal_mode = DELETE")
            self.con.execute("PRAGMA synchronous = FULL")
            self._create_schema()
        except sqlite3.DatabaseError as error:
            self.con.close()
            raise StoreError(tr("{path} is not a usable GeoPackage ({error}).").format(
                path=self.path, error=error)) from None
        except ValueError as error:  # gpkg: an SQLite file that is not a GeoPackage
            self.con.close()
            raise StoreError(str(error)) from None
        except StoreError:
            self.con.close()
            raise

    # ------------------------------------------------------------ backend interface
    def t(self, name: str) -> str:
        return S.quote(name)

    def describe(self) -> str:
        return str(self.path)

    @contextlib.contextmanager
    def _transaction(self):
        with self._lock:
            try:
                self.con.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as error:
                raise StoreError(tr("The assessment database {path} is busy or read-only ({error}); try again "
                                    "later.").format(path=self.path, error=error)) from None
            try:
                yield _SqliteTx(self.con)
                self.con.execute("COMMIT")
            except BaseException as error:
                if self.con.in_transaction:
                    self.con.execute("ROLLBACK")
                if isinstance(error, sqlite3.Error):
                    raise StoreError(tr("The database refused the save: {error}").format(error=error)) from None
                raise

    def read_frame(self, sql: str, params: Sequence = ()) -> pd.DataFrame:
        with self._lock:
            try:
                cursor = self.con.execute(sql, tuple(params))
            except sqlite3.Error as error:
                raise StoreError(tr("The assessment database could not be read: {error}").format(error=error)) from None
            names = [d[0] for d in cursor.description]
            return pd.DataFrame(cursor.fetchall(), columns=names)

    def close(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self.con.close()

    def _touch(self, tx, ctx) -> None:
        if ctx.touched:
            names = sorted(ctx.touched)
            tx.execute(f"UPDATE gpkg_contents SET last_change = ? WHERE table_name IN ({', '.join('?' * len(names))})",
                       [gpkg._timestamp()] + names)

    # ------------------------------------------------------------ schema
    def _columns(self, name: str):
        return [row[1] for row in self.con.execute(f"PRAGMA table_info({S.quote(name)})")]

    def _schema_complete(self) -> bool:
        triggers = {row[0] for row in self.con.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
        for table in S.TABLES.values():
            existing = self._columns(table.name)
            if not existing or any(c not in existing for c in table.column_names):
                return False
            if table.versioned and f"trg_{table.name}_version" not in triggers:
                return False
        return bool(self.con.execute("SELECT 1 FROM store_meta WHERE key = 'schema_version'").fetchone())

    def _create_schema(self) -> None:
        if self._schema_complete():
            return
        with self._transaction() as tx:
            gpkg._ensure_gpkg(self.con, self.path)
            for table in S.TABLES.values():
                existing = self._columns(table.name)
                legacy = table.name in ("indicator_values", "indicator_provenance") and "version" not in existing
                if existing and legacy:
                    self._absorb_legacy(table, existing)
                    continue
                if existing:
                    missing = [c for c in table.columns if c.name not in existing]
                    for column in missing:  # a later schema version added columns
                        tx.execute(f"ALTER TABLE {S.quote(table.name)} ADD COLUMN "
                                   + S._column_sql(column, S._SQLITE_TYPES).replace(" NOT NULL", ""))
                for statement in S.create_statements(table, "sqlite", S.quote(table.name)):
                    tx.execute(statement)
                for statement in S.version_trigger_statements(table, "sqlite", S.quote(table.name)):
                    tx.execute(statement)
                self._register(table.name)
            self._refresh_statistics(tx)
            if not self.con.execute("SELECT 1 FROM store_meta WHERE key = 'schema_version'").fetchone():
                created = self.clock()
                tx.executemany("INSERT INTO store_meta (key, value) VALUES (?, ?)", [
                    ("schema_version", str(S.SCHEMA_VERSION)), ("created_at", created), ("created_by", self.user),
                    ("base_year", str(S.BASE_YEAR))])

    def _register(self, name: str) -> None:
        if not self.con.execute("SELECT 1 FROM gpkg_contents WHERE table_name = ?", (name,)).fetchone():
            self.con.execute("INSERT INTO gpkg_contents (table_name, data_type, identifier, description, last_change) "
                             "VALUES (?, 'attributes', ?, ?, ?)",
                             (name, name, S.TABLES[name].doc, gpkg._timestamp()))

    def _absorb_legacy(self, table: S.Table, existing) -> None:
        """Convert a results table of the pre-store format into the store's (rows kept, computed)."""
        legacy = table.name + "_legacy"
        self.con.execute(f"ALTER TABLE {S.quote(table.name)} RENAME TO {S.quote(legacy)}")
        for statement in S.create_statements(table, "sqlite", S.quote(table.name)):
            self.con.execute(statement)
        shared = [c for c in table.column_names if c in existing and c not in S.BOOKKEEPING]
        extra = ", 'computed'" if "origin" in table.column_names and "origin" not in existing else ""
        extra_names = ", \"origin\"" if extra else ""
        names = ", ".join(S.quote(c) for c in shared)
        self.con.execute(f"INSERT OR REPLACE INTO {S.quote(table.name)} ({names}{extra_names}) "
                         f"SELECT {names}{extra} FROM {S.quote(legacy)} ORDER BY fid")
        self.con.execute(f"DROP TABLE {S.quote(legacy)}")
        for statement in S.version_trigger_statements(table, "sqlite", S.quote(table.name)):
            self.con.execute(statement)
        self._register(table.name)
