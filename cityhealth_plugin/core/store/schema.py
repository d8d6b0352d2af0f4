"""The assessment database schema: tables, columns, keys and enumerations (docs/assessment-database.md).

One definition, two renderings: GeoPackage (sqlite3; every table is a GeoPackage 'attributes'
table with ``fid INTEGER PRIMARY KEY AUTOINCREMENT``) and PostgreSQL (schema ``cityhealth`` by
default, ``fid bigserial``). Every versioned table has ``version`` (optimistic concurrency: a
write names the version it read; a stale one is refused with ``ConflictError``) and
``updated_at`` / ``updated_by``.
"""

from dataclasses import dataclass
from typing import Dict, Tuple

from ..i18n import tr_noop

SCHEMA_VERSION = 1
BASE_YEAR = 2020


@dataclass(frozen=True)
class Column:
    name: str
    kind: str  # 'text' | 'int' | 'real'
    not_null: bool = False
    default: object = None
    doc: str = ""


@dataclass(frozen=True)
class Table:
    name: str
    columns: Tuple[Column, ...]
    key: Tuple[str, ...] = ()  # natural key (UNIQUE); empty for log tables
    versioned: bool = True
    indexes: Tuple[Tuple[str, ...], ...] = ()
    doc: str = ""
    audited: Tuple[str, ...] = ()  # fields whose changes go to the audit log (empty: all non-key fields)

    @property
    def column_names(self) -> Tuple[str, ...]:
        return tuple(c.name for c in self.columns)

    @property
    def fields(self) -> Tuple[str, ...]:
        """Columns that are neither key nor bookkeeping."""
        return tuple(c.name for c in self.columns if c.name not in self.key and c.name not in BOOKKEEPING)

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)


BOOKKEEPING = ("version", "updated_at", "updated_by")


def _versioned(*columns: Column) -> Tuple[Column, ...]:
    return columns + (
        Column("version", "int", True, 1, "row version, +1 on every change (optimistic concurrency)"),
        Column("updated_at", "text", doc="UTC time of the last change (ISO 8601)"),
        Column("updated_by", "text", doc="who made the last change"),
    )


META = Table("store_meta", (
    Column("key", "text", True), Column("value", "text")), key=("key",), versioned=False,
    doc="schema_version, created_at, created_by, base_year")

SAVES = Table("save_log", (
    Column("saved_at", "text", True), Column("saved_by", "text"),
    Column("kind", "text", True, doc="form | workbook | values | results | catalog | targets | tasks | undo"),
    Column("note", "text"), Column("undoes", "int", doc="the save this one undoes (kind undo)"),
    Column("row_count", "int")), versioned=False,
    doc="one row per save (= one transaction); fid is the save id")

AUDIT = Table("audit_log", (
    Column("save_id", "int", True), Column("changed_at", "text", True), Column("changed_by", "text"),
    Column("table_name", "text", True), Column("row_key", "text", True, doc="JSON of the row's key"),
    Column("code", "text"), Column("year", "int"),
    Column("field", "text", True), Column("old_value", "text", doc="JSON"), Column("new_value", "text", doc="JSON"),
    Column("action", "text", True, doc="insert | update | delete | results")), versioned=False,
    indexes=(("code", "year"), ("save_id",)), doc="who, when, table, key, field, old → new")

CATALOG_SNAPSHOT = Table("catalog_snapshot", _versioned(
    Column("year", "int", True), Column("code", "text", True),
    Column("level1", "text"), Column("level2", "text"), Column("name_zh", "text"), Column("name_en", "text"),
    Column("unit", "text"), Column("tier", "text"), Column("direction", "text"), Column("method", "text"),
    Column("params", "text", doc="JSON"), Column("source_type", "text"), Column("scope", "text"),
    Column("per_unit", "text"), Column("formula_zh", "text"), Column("target", "text"),
    Column("target_year", "int"), Column("origin", "text", doc="catalog file (and line)")),
    key=("year", "code"), doc="the catalog rows used in an assessment year")

VALUES = Table("indicator_values", _versioned(
    Column("code", "text", True), Column("year", "int", True),
    Column("unit_type", "text", True, "city", "city | district | subdistrict"),
    Column("unit_code", "text", True, "city", "'city' or the XZQDM / JDDM"),
    Column("origin", "text", True, "computed", "computed (the engine) | reported (a department)"),
    Column("value", "real"), Column("unit", "text"),
    Column("source_type", "text", doc="spatial | statistic | survey | web"),
    Column("status", "text", doc="computed: ok | missing_input | unavailable | error; reported: draft | submitted | "
                                 "confirmed"),
    Column("computed_at", "text", doc="computed or entered at (UTC)"),
    Column("computed_by", "text", doc="computed or entered by"),
    Column("note", "text")),
    key=("code", "year", "unit_type", "unit_code", "origin"), indexes=(("year", "code"),),
    audited=("value", "unit", "source_type", "status", "note"),
    doc="indicator values: engine results and department figures side by side")

PROVENANCE = Table("indicator_provenance", _versioned(
    Column("code", "text", True), Column("year", "int", True), Column("json", "text")),
    key=("code", "year"), doc="provenance of a computed result (IndicatorResult.provenance_json())")

FORMS = Table("indicator_forms", _versioned(
    Column("code", "text", True), Column("year", "int", True),
    Column("department", "text", doc="责任部门"), Column("data_source", "text", doc="数据来源"),
    Column("collection_method", "text", doc="采集方式: department | spatial | survey | bigdata | monitoring"),
    Column("division", "text", doc="任务分工"), Column("deadline", "text", doc="时间节点 (YYYY-MM-DD)"),
    Column("connotation", "text", doc="指标内涵 (default: the catalog formula)"),
    Column("situation", "text", doc="基本情况"), Column("achievements", "text", doc="取得成效"),
    Column("shortcomings", "text", doc="短板及成因"), Column("measures", "text", doc="下一步提升措施及建议"),
    Column("evidence", "text", doc='JSON [{"path": ..., "sha1": ...}]'),
    Column("status", "text", doc="draft | submitted | confirmed"),
    Column("submitted_by", "text"), Column("submitted_at", "text")),
    key=("code", "year"), indexes=(("year", "department"),), doc="indicator forms (one per indicator and year)")

TARGETS = Table("indicator_targets", _versioned(
    Column("code", "text", True), Column("base_year", "int", default=BASE_YEAR),
    Column("base_year_value", "real"), Column("target_2025", "real"), Column("target_2035", "real"),
    Column("lower", "real", doc="interval lower bound"), Column("upper", "real", doc="interval upper bound"),
    Column("limit_value", "real", doc="binding limit (diagnosis column 'limit')"),
    Column("limit_type", "text", doc="max | min"), Column("direction", "text", doc="overrides the catalog's"),
    Column("basis", "text", doc="where the target comes from (总体规划 …)"), Column("note", "text")),
    key=("code",), doc="base-year value, 2025 / 2035 targets and thresholds for the status rules")

KEY_TASKS = Table("key_tasks", _versioned(
    Column("year", "int", True), Column("task_id", "text", True), Column("name", "text"), Column("type", "text"),
    Column("department", "text"), Column("planned_date", "text"), Column("status", "text"),
    Column("completion_rate", "real", doc="0–1"), Column("problems", "text"), Column("next_steps", "text")),
    key=("year", "task_id"), doc="规划实施重点任务")

STATISTICS = Table("statistics_values", (
    Column("code", "text", True), Column("year", "int", True), Column("unit_code", "text", True),
    Column("value", "real"), Column("unit", "text")), versioned=False, indexes=(("year", "code"),),
    doc="derived, read only: the reported figures in the DEPT_STATS shape (the engine's statistics input), "
        "rewritten in the same transaction by every save that changes indicator_values")

TABLES: Dict[str, Table] = {t.name: t for t in (META, SAVES, AUDIT, CATALOG_SNAPSHOT, VALUES, PROVENANCE, FORMS,
                                                TARGETS, KEY_TASKS, STATISTICS)}

# ---------------------------------------------------------------- enumerations
ORIGINS = ("computed", "reported")
SOURCE_TYPES = ("statistic", "spatial", "survey", "web")
# workbook drop-down labels (data in the workbook) and UI labels (through tr())
SOURCE_TYPE_ZH = {"statistic": "部门统计", "spatial": "空间数据", "survey": "抽样调查", "web": "网络数据"}
SOURCE_TYPE_LABELS = {"statistic": tr_noop("Department statistics"), "spatial": tr_noop("Spatial data"),
                      "survey": tr_noop("Sample survey"), "web": tr_noop("Web / big data")}
COLLECTION_METHODS = ("department", "spatial", "survey", "bigdata", "monitoring")
COLLECTION_METHOD_ZH = {"department": "部门填报", "spatial": "空间计算", "survey": "抽样调查",
                        "bigdata": "网络大数据", "monitoring": "监测数据"}
COLLECTION_METHOD_LABELS = {"department": tr_noop("Department report"), "spatial": tr_noop("Spatial computation"),
                            "survey": tr_noop("Sample survey"), "bigdata": tr_noop("Big data"),
                            "monitoring": tr_noop("Monitoring data")}
FORM_STATUSES = ("draft", "submitted", "confirmed")
FORM_STATUS_LABELS = {"draft": tr_noop("Draft"), "submitted": tr_noop("Submitted"), "confirmed": tr_noop("Confirmed")}
COMPUTED_STATUSES = ("ok", "missing_input", "unavailable", "error")


def from_zh(mapping: Dict[str, str], text) -> str:
    """The key of a Chinese label (or the key itself); '' when unknown or empty."""
    text = str(text or "").strip()
    if text in mapping:
        return text
    for key, label in mapping.items():
        if label == text:
            return key
    return ""


# ---------------------------------------------------------------- DDL
_SQLITE_TYPES = {"text": "TEXT", "int": "INTEGER", "real": "DOUBLE"}
_PG_TYPES = {"text": "text", "int": "bigint", "real": "double precision"}


def quote(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'


def _literal(value) -> str:
    if isinstance(value, str):
        return "'" + value.replace("'", "''") + "'"
    return str(value)


def _column_sql(column: Column, types: Dict[str, str]) -> str:
    sql = f"{quote(column.name)} {types[column.kind]}"
    if column.not_null:
        sql += " NOT NULL"
    if column.default is not None:
        sql += f" DEFAULT {_literal(column.default)}"
    return sql


def create_statements(table: Table, backend: str, qualified: str) -> Tuple[str, ...]:
    """CREATE TABLE / INDEX statements of ``table`` for 'sqlite' or 'postgres' (``qualified``: quoted name)."""
    types = _SQLITE_TYPES if backend == "sqlite" else _PG_TYPES
    pk = ("\"fid\" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL" if backend == "sqlite"
          else "\"fid\" bigserial PRIMARY KEY")
    parts = [pk] + [_column_sql(c, types) for c in table.columns]
    if table.key:
        parts.append("UNIQUE (" + ", ".join(quote(k) for k in table.key) + ")")
    statements = [f"CREATE TABLE IF NOT EXISTS {qualified} ({', '.join(parts)})"]
    for columns in table.indexes:
        index = quote(f"idx_{table.name}_{'_'.join(columns)}")
        if backend == "postgres":
            statements.append(f"CREATE INDEX IF NOT EXISTS {index} ON {qualified} "
                              f"({', '.join(quote(c) for c in columns)})")
        else:
            statements.append(f"CREATE INDEX IF NOT EXISTS {index} ON {quote(table.name)} "
                              f"({', '.join(quote(c) for c in columns)})")
    return tuple(statements)


def version_trigger_statements(table: Table, backend: str, qualified: str, schema: str = "") -> Tuple[str, ...]:
    """A trigger that bumps ``version`` on any UPDATE that leaves it unchanged — an edit made outside
    the store (e.g. in QGIS's attribute table) still invalidates versions read before it."""
    if not table.versioned:
        return ()
    name = f"trg_{table.name}_version"
    if backend == "sqlite":
        return (f"CREATE TRIGGER IF NOT EXISTS {quote(name)} AFTER UPDATE ON {quote(table.name)} FOR EACH ROW "
                f"WHEN NEW.\"version\" IS OLD.\"version\" BEGIN UPDATE {quote(table.name)} SET \"version\" = "
                f"OLD.\"version\" + 1 WHERE \"fid\" = NEW.\"fid\"; END",)
    function = f"{quote(schema)}.{quote('bump_version')}"
    return (
        f"CREATE OR REPLACE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        f"IF NEW.\"version\" IS NOT DISTINCT FROM OLD.\"version\" THEN NEW.\"version\" := OLD.\"version\" + 1; "
        f"END IF; RETURN NEW; END $$",
        f"DROP TRIGGER IF EXISTS {quote(name)} ON {qualified}",
        f"CREATE TRIGGER {quote(name)} BEFORE UPDATE ON {qualified} FOR EACH ROW EXECUTE FUNCTION {function}()",
    )
