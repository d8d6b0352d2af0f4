"""The assessment database: one ``AssessmentStore`` API over a GeoPackage or PostgreSQL.

    from cityhealth_plugin.core.store.database import open_store, ConflictError
    store = open_store("assessment_2024.gpkg", user="张三")                # GeoPackage (default)
    store = open_store("postgresql://user@host/db", schema="cityhealth")  # a bureau's shared server
    store.ensure_year(catalog, 2024)
    form = store.form("A-01", 2024); form.value = 6.61; form.achievements = "…"
    try:
        form = store.save_form(form)
    except ConflictError as error:                                   # someone saved in between
        show(str(error)); form = store.form("A-01", 2024)           # reload, re-apply, save again
    store.undo_last_save("A-01", 2024)

Tables and columns: core/store/schema.py, docs/assessment-database.md.
"""

from pathlib import Path
from typing import Optional, Union

from ..i18n import tr
from .audit import AuditMixin
from .base import Conflict, ConflictError, NothingToUndo, StoreBase, StoreError
from .forms import Evidence, Form, FormsMixin, evidence_for
from .snapshot import CatalogSnapshotMixin
from .targets import KeyTask, TargetsMixin
from .values import ValuesMixin

DEFAULT_PG_SCHEMA = "cityhealth"
__all__ = ["AssessmentStore", "Conflict", "ConflictError", "Evidence", "Form", "KeyTask", "NothingToUndo", "StoreError",
           "evidence_for", "is_postgres_target", "open_store", "DEFAULT_PG_SCHEMA"]


class AssessmentStore(ValuesMixin, FormsMixin, CatalogSnapshotMixin, TargetsMixin, AuditMixin, StoreBase):
    """The API both backends share (see the module docstring and docs/assessment-database.md).

    Values: ``write_engine_results``, ``put_values``, ``import_statistics``, ``values``,
    ``history``, ``best_values``, ``statistics_frame``, ``unfilled``, ``cross_check``.
    Forms: ``ensure_year``, ``form``, ``save_form``, ``forms``, ``by_department``,
    ``department_indicators``, ``departments``, ``save_assignment``, ``cross_check_codes``.
    Catalog: ``snapshot_catalog``, ``catalog_snapshot``, ``catalog_for_year``, ``snapshot_years``.
    Targets and tasks: ``targets``, ``save_targets``, ``key_tasks``, ``save_key_task``,
    ``delete_key_task``. Audit: ``audit``, ``saves``, ``undo_last_save``.
    """

    def cross_check(self, year: int, tolerance: float = 0.05, catalog=None):
        """Computed spatial value vs the department's figure per indicator (crosscheck.cross_check)."""
        from .crosscheck import cross_check

        return cross_check(self.values(year=int(year), unit_type="city"), tolerance,
                           catalog=self._catalog(int(year), catalog))


def is_postgres_target(target) -> bool:
    text = str(target).strip()
    if text.startswith(("postgresql://", "postgres://")):
        return True
    return ("dbname=" in text or "service=" in text) and not text.lower().endswith((".gpkg", ".sqlite", ".db"))


def open_store(target: Union[str, Path], user: Optional[str] = None, schema: str = DEFAULT_PG_SCHEMA,
               create: bool = True) -> AssessmentStore:
    """A GeoPackage path, or a PostgreSQL connection string (``postgresql://…`` or libpq
    ``dbname=… host=…``) with ``schema``."""
    if is_postgres_target(target):
        from .postgres_backend import PostgresStore

        return PostgresStore(str(target), schema=schema, user=user, create=create)
    path = Path(target)
    if path.suffix.lower() not in (".gpkg", ".sqlite", ".db"):
        raise StoreError(tr("The assessment database must be a GeoPackage (.gpkg) or a PostgreSQL connection; got "
                            "{target}.").format(target=target))
    from .sqlite_backend import SqliteStore

    return SqliteStore(path, user=user, create=create)
