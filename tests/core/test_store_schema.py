"""The assessment database schema: GeoPackage conformance, the documented tables, legacy results."""

import re
import sqlite3
import uuid
from pathlib import Path

import pandas as pd
import pytest

from cityhealth_plugin.core.store import gpkg
from cityhealth_plugin.core.store import schema as S
from cityhealth_plugin.core.store.database import StoreError, is_postgres_target, open_store
from cityhealth_plugin.core.store.results import read_provenance, read_values
from cityhealth_plugin.core.store.sqlite_backend import SqliteStore

ROOT = Path(__file__).resolve().parents[2]


def test_every_table_is_a_geopackage_attributes_table(tmp_path):
    path = tmp_path / "a.gpkg"
    SqliteStore(path, user="alice").close()
    listed = {row[0]: row for row in gpkg.list_layers(path)}
    for name in S.TABLES:
        assert listed[name][1] == "attributes", name
        frame = gpkg.read_table(path, name)  # the project's own GeoPackage reader opens it
        assert list(frame.columns) == list(S.TABLES[name].column_names)
    with sqlite3.connect(path) as con:
        assert con.execute("PRAGMA application_id").fetchone()[0] == gpkg.APPLICATION_ID
        assert con.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # WAL off
        pk = [row for row in con.execute("PRAGMA table_info(indicator_forms)") if row[5]]
        assert pk[0][1] == "fid" and pk[0][2] == "INTEGER"
        meta = dict(con.execute("SELECT key, value FROM store_meta"))
    assert meta["schema_version"] == str(S.SCHEMA_VERSION) and meta["created_by"] == "alice"


def test_a_wal_file_is_switched_back_to_rollback_journal(tmp_path):
    path = tmp_path / "wal.gpkg"
    with sqlite3.connect(path) as con:
        con.execute("PRAGMA journal_mode = WAL")
    store = SqliteStore(path)
    assert store.con.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    store.close()


def test_the_schema_is_documented():
    text = (ROOT / "docs" / "assessment-database.md").read_text(encoding="utf-8")
    for table in S.TABLES.values():
        section = re.search(r"### `" + table.name + r"`(.*?)(?=\n### |\Z)", text, re.S)
        assert section, f"docs: no section for {table.name}"
        for column in table.columns:
            assert f"`{column.name}`" in section.group(1), f"docs: {table.name}.{column.name}"


def test_legacy_results_tables_are_absorbed(tmp_path):
    path = tmp_path / "old.gpkg"
    gpkg.write_table(path, "indicator_values", pd.DataFrame({
        "code": ["A-11", "A-11"], "year": [2024, 2024], "unit_type": ["city", "district"],
        "unit_code": ["city", "350203"], "value": [20.1, 3.0], "unit": ["万亩", "万亩"],
        "source_type": ["spatial", "spatial"], "status": ["ok", "ok"], "computed_at": ["t", "t"]}))
    gpkg.write_table(path, "indicator_provenance", pd.DataFrame({"code": ["A-11"], "year": [2024], "json": ["{}"]}))
    store = SqliteStore(path)
    values = store.values(year=2024)
    assert len(values) == 2 and set(values["origin"]) == {"computed"} and set(values["version"]) == {1}
    assert values.set_index("unit_code").loc["city", "value"] == 20.1
    store.close()
    assert read_provenance(path, "A-11", 2024) == "{}"
    assert len(read_values(path, 2024)) == 2


def test_write_results_keeps_department_values(tmp_path):
    """store.results.write_results goes through the store: reported rows survive a recomputation."""
    from cityhealth_plugin.core.indicators.result import IndicatorResult
    from cityhealth_plugin.core.store.results import write_results

    path = tmp_path / "assessment.gpkg"
    store = SqliteStore(path, user="统计局")
    store.put_values(pd.DataFrame({"code": ["A-11"], "year": [2024], "value": [20.9], "unit": ["万亩"]}))
    store.close()
    result = IndicatorResult(code="A-11", name="耕地保有量", name_en="", unit="万亩", year=2024, source_type="spatial",
                             value=20.0, status="ok")
    write_results(path, [result], 2024, layers=False)
    write_results(path, [result], 2024, layers=False)
    values = read_values(path, 2024, "A-11").set_index("origin")
    assert values.loc["computed", "value"] == 20.0 and values.loc["computed", "version"] == 2
    assert values.loc["reported", "value"] == 20.9


def test_not_a_geopackage_and_bad_targets(tmp_path):
    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as con:
        con.execute("PRAGMA application_id = 1234")
        con.execute("CREATE TABLE x (a)")
    with pytest.raises(StoreError, match="not a GeoPackage"):
        SqliteStore(other)
    with pytest.raises(StoreError, match="GeoPackage"):
        open_store(tmp_path / "notes.txt")
    with pytest.raises(StoreError, match="not found"):
        SqliteStore(tmp_path / "missing.gpkg", create=False)
    assert is_postgres_target("postgresql://u@h/db") and is_postgres_target("dbname='x' host=127.0.0.1 port=5432")
    assert not is_postgres_target(str(tmp_path / "a.gpkg"))


def test_postgres_schema_created_once_and_checked(postgis_server):
    from cityhealth_plugin.core.store.postgres_backend import PostgresStore

    schema = "s_" + uuid.uuid4().hex[:8]
    with pytest.raises(StoreError, match="no CityHealth schema"):
        PostgresStore(postgis_server.uri(), schema=schema, create=False)
    store = PostgresStore(postgis_server.uri(), schema=schema, user="alice")
    assert "schema " + schema in store.describe()
    store.close()
    again = PostgresStore(postgis_server.uri(), schema=schema, create=False)
    again.close()
    tables = {r[0] for r in postgis_server.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = %s", [schema])}
    assert tables == set(S.TABLES)
    key = postgis_server.execute(
        "SELECT count(*) FROM information_schema.table_constraints WHERE table_schema = %s AND "
        "table_name = 'indicator_values' AND constraint_type = 'UNIQUE'", [schema])[0][0]
    assert key == 1
    with pytest.raises(StoreError, match="Invalid schema name"):
        PostgresStore(postgis_server.uri(), schema="x; drop table y")
    with pytest.raises(StoreError, match="Cannot connect"):
        PostgresStore(postgis_server.uri(dbname="does_not_exist"))


def test_a_busy_database_gives_a_message(tmp_path, monkeypatch):
    import cityhealth_plugin.core.store.sqlite_backend as backend

    path = tmp_path / "busy.gpkg"
    SqliteStore(path).close()
    monkeypatch.setattr(backend, "BUSY_TIMEOUT_S", 0.2)
    blocker = sqlite3.connect(path, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")  # another program is writing
    try:
        waiting = SqliteStore(path)  # reading still works
        assert len(waiting.saves()) == 0
        with pytest.raises(StoreError, match="busy or read-only"):
            waiting.set_meta("x", "y")
        waiting.close()
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
