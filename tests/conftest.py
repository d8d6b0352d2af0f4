"""Shared test set-up.

CI sets CITYHEALTH_REQUIRE_QGIS=1: then a skipped test fails the run, because QGIS and GUI
tests that skip prove nothing.
"""

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def pytest_sessionstart(session):
    import cityhealth_plugin

    where = Path(cityhealth_plugin.__file__).resolve().parent
    if os.environ.get("CITYHEALTH_REQUIRE_QGIS") and where == ROOT / "cityhealth_plugin":
        raise pytest.UsageError("CI must test the assembled plugin (build/), not the source tree")
    sys.stderr.write(f"[tests] cityhealth_plugin from {where}\n")


def pytest_sessionfinish(session, exitstatus):
    if not os.environ.get("CITYHEALTH_REQUIRE_QGIS"):
        return
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = len(reporter.stats.get("skipped", [])) if reporter else 0
    if skipped:
        sys.stderr.write(f"\n[tests] {skipped} tests skipped with CITYHEALTH_REQUIRE_QGIS=1: failing the run\n")
        session.exitstatus = 1


@pytest.fixture(scope="session")
def plugin_dir():
    import cityhealth_plugin

    return Path(cityhealth_plugin.__file__).resolve().parent


# --- postgis_server: a real throwaway PostgreSQL 15 + PostGIS cluster (tests/pg_server.py) ---
@pytest.fixture(scope="session")
def postgis_server():
    """A running PostgreSQL + PostGIS server for the whole session, stopped at the end.
    ``.host/.port/.dbname/.user``, ``.uri()`` (libpq, for QGIS), ``.url()``, ``.connect()`` (psycopg2),
    ``.execute()``, ``.create_database()``, ``.create_role()``: see tests/pg_server.py.
    Skips (a failure in CI) when the PostgreSQL 15 / PostGIS binaries are not installed."""
    if str(ROOT / "tests") not in sys.path:
        sys.path.insert(0, str(ROOT / "tests"))
    import pg_server

    try:
        server = pg_server.start_postgis_server()
    except pg_server.ServerUnavailable as reason:
        pytest.skip(str(reason))
    try:
        yield server
    finally:
        server.stop()

