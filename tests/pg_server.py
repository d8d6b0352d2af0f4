"""A real, throwaway PostgreSQL + PostGIS server for tests.

``start_postgis_server()`` runs ``initdb`` into a fresh temporary directory, starts the cluster
on a free 127.0.0.1 TCP port (its Unix socket lives in that directory too, so it never clashes
with a system server), creates a PostGIS template database and a database from it, and returns
a ``PostgisServer``. ``PostgisServer.stop()`` stops the cluster (``pg_ctl -m fast``) and removes
the directory. The pytest fixture ``postgis_server`` (tests/conftest.py) wraps both.

PostgreSQL refuses to run as root: when the tests run as root (CI), every server binary runs as
the ``postgres`` OS user (``runuser -u postgres --``, else ``su postgres``) and the temporary
directory belongs to that user; otherwise the binaries run as the current user.

Authentication: ``trust`` for every local connection (Unix socket and 127.0.0.1 / ::1), except
for roles made with ``create_role(name, password=...)``: they belong to the group
``password_login``, for which TCP connections need the password (scram-sha-256), so tests can
check wrong-password handling.

Binaries: ``$CITYHEALTH_PG_BINDIR`` if set, else /usr/lib/postgresql/15/bin.
``ServerUnavailable`` is raised (and the fixture skips) when they, the ``postgres`` OS user or
psycopg2 are missing; any other failure to start raises ``RuntimeError`` with the server log.
"""

import atexit
import os
import shlex
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path
from typing import List, Optional, Sequence
from urllib.parse import quote, urlencode

DEFAULT_BINDIR = "/usr/lib/postgresql/15/bin"
SUPERUSER = "postgres"
OS_USER_WHEN_ROOT = "postgres"
TEMPLATE_DB = "template_postgis"
DEFAULT_DB = "cityhealth"
PASSWORD_GROUP = "password_login"
START_TIMEOUT = 30.0

_SERVER_SETTINGS = """
# --- throwaway test cluster (tests/pg_server.py) ---
listen_addresses = '127.0.0.1'
unix_socket_directories = '{socket_dir}'
max_connections = 100
shared_buffers = 32MB
fsync = off
synchronous_commit = off
full_page_writes = off
wal_level = minimal
max_wal_senders = 0
logging_collector = off
log_min_messages = warning
lc_messages = 'C'
timezone = 'UTC'
"""

_PG_HBA = """# throwaway test cluster (tests/pg_server.py)
# TYPE  DATABASE  USER             ADDRESS        METHOD
local   all       all                             trust
host    all       +{group}  127.0.0.1/32   scram-sha-256
host    all       +{group}  ::1/128        scram-sha-256
host    all       all              127.0.0.1/32   trust
host    all       all              ::1/128        trust
"""


class ServerUnavailable(RuntimeError):
    """PostgreSQL / PostGIS cannot be run here at all (binaries, OS user or psycopg2 missing)."""


def _quote_ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _quote_literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _libpq_value(value) -> str:
    text = str(value)
    if text and all(c.isalnum() or c in "._-/" for c in text):
        return text
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nobody listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class PostgisServer:
    """A running throwaway cluster. ``host``/``port``/``dbname``/``user`` describe the default
    database (PostGIS installed, superuser ``postgres``, no password needed)."""

    host = "127.0.0.1"

    def __init__(self, bindir: Path, base_dir: Path, run_as: Optional[str]):
        self.bindir = Path(bindir)
        self.base_dir = Path(base_dir)
        self.data_dir = self.base_dir / "data"
        self.socket_dir = self.base_dir  # short path: Unix socket paths are limited to ~107 bytes
        self.log_path = self.base_dir / "server.log"
        self.run_as = run_as
        self.port = 0
        self.dbname = DEFAULT_DB
        self.user = SUPERUSER
        self.password: Optional[str] = None
        self.startup_seconds = 0.0
        self._running = False

    # ---------------------------------------------------------------- addresses

    def uri(self, dbname: Optional[str] = None, user: Optional[str] = None, password: Optional[str] = None,
            **params) -> str:
        """A libpq keyword string, as QGIS's postgres provider takes it:
        ``dbname=... host=127.0.0.1 port=... user=... sslmode=disable``."""
        parts = [("dbname", dbname or self.dbname), ("host", self.host), ("port", self.port),
                 ("user", user or self.user)]
        if password is not None:
            parts.append(("password", password))
        parts.append(("sslmode", "disable"))
        parts.extend(params.items())
        return " ".join("{}={}".format(key, _libpq_value(value)) for key, value in parts)

    def url(self, dbname: Optional[str] = None, user: Optional[str] = None, password: Optional[str] = None,
            scheme: str = "postgresql", **query) -> str:
        """``postgresql://user[:password]@127.0.0.1:port/dbname?sslmode=disable[&...]``."""
        auth = quote(user or self.user, safe="")
        if password is not None:
            auth += ":" + quote(password, safe="")
        query = {"sslmode": "disable", **query}
        return "{}://{}@{}:{}/{}?{}".format(scheme, auth, self.host, self.port, quote(dbname or self.dbname, safe=""),
                                            urlencode(query))

    def connect(self, dbname: Optional[str] = None, user: Optional[str] = None, password: Optional[str] = None,
                autocommit: bool = False, **kwargs):
        """A psycopg2 connection over TCP (client encoding UTF8)."""
        import psycopg2

        connection = psycopg2.connect(host=self.host, port=self.port, dbname=dbname or self.dbname,
                                      user=user or self.user, password=password, sslmode="disable",
                                      connect_timeout=kwargs.pop("connect_timeout", 5), **kwargs)
        connection.set_client_encoding("UTF8")
        connection.autocommit = autocommit
        return connection

    def execute(self, sql: str, params: Optional[Sequence] = None, dbname: Optional[str] = None) -> Optional[List]:
        """Run one statement in autocommit mode; the rows if it returns any, else None."""
        connection = self.connect(dbname=dbname, autocommit=True)
        try:
            with connection.cursor() as cursor:
                cursor.execute(sql, params)
                return cursor.fetchall() if cursor.description is not None else None
        finally:
            connection.close()

    # ---------------------------------------------------------------- objects

    def create_database(self, name: str, postgis: bool = True, owner: Optional[str] = None) -> str:
        """A new empty database (with PostGIS when ``postgis``, copied from the template); its name."""
        sql = "CREATE DATABASE {} TEMPLATE {}".format(_quote_ident(name), TEMPLATE_DB if postgis else "template0")
        if owner:
            sql += " OWNER " + _quote_ident(owner)
        self.execute(sql, dbname="postgres")
        return name

    def drop_database(self, name: str) -> None:
        """Drop a database even if clients (e.g. QGIS's connection pool) are still connected."""
        self.execute("DROP DATABASE IF EXISTS {} WITH (FORCE)".format(_quote_ident(name)), dbname="postgres")

    def create_role(self, name: str, password: Optional[str] = None, superuser: bool = False) -> str:
        """A login role. With a password, TCP connections as this role must give it (scram-sha-256);
        without one, trust applies as for everyone else."""
        options = "LOGIN SUPERUSER" if superuser else "LOGIN"
        if password is not None:
            options += " PASSWORD " + _quote_literal(password)
        self.execute("CREATE ROLE {} {}".format(_quote_ident(name), options), dbname="postgres")
        if password is not None:
            self.execute("GRANT {} TO {}".format(PASSWORD_GROUP, _quote_ident(name)), dbname="postgres")
        return name

    # ---------------------------------------------------------------- life cycle

    def _command(self, args: Sequence[str]) -> List[str]:
        args = [str(a) for a in args]
        if self.run_as is None:
            return args
        if shutil.which("runuser"):
            return ["runuser", "-u", self.run_as, "--"] + args
        return ["su", self.run_as, "-s", "/bin/sh", "-c", " ".join(shlex.quote(a) for a in args)]

    def _run(self, args: Sequence[str], timeout: float = 60.0) -> subprocess.CompletedProcess:
        env = {k: v for k, v in os.environ.items() if not k.startswith("PG")}
        env.update(LC_ALL="C", LANG="C")
        return subprocess.run(self._command(args), cwd=str(self.base_dir), env=env, capture_output=True,
                              text=True, timeout=timeout)

    def _fail(self, what: str, result: Optional[subprocess.CompletedProcess] = None) -> RuntimeError:
        details = []
        if result is not None:
            details.append((result.stdout or "") + (result.stderr or ""))
        details.append("--- server log ---\n" + self.log_tail())
        return RuntimeError("PostgreSQL test server: {} failed\n{}".format(what, "\n".join(details)))

    def log_tail(self, lines: int = 40) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no log)"

    def _initdb(self) -> None:
        result = self._run([self.bindir / "initdb", "-D", self.data_dir, "-U", SUPERUSER, "-E", "UTF8",
                            "--no-locale", "-A", "trust", "--no-sync"], timeout=120)
        if result.returncode != 0:
            raise self._fail("initdb", result)
        # root may write the postgres-owned files: opening an existing file keeps its owner
        with open(self.data_dir / "postgresql.conf", "a", encoding="utf-8") as conf:
            conf.write(_SERVER_SETTINGS.format(socket_dir=str(self.socket_dir).replace("'", "''")))
        with open(self.data_dir / "pg_hba.conf", "w", encoding="utf-8") as hba:
            hba.write(_PG_HBA.format(group=PASSWORD_GROUP))

    def _start(self) -> None:
        last = None
        for _attempt in range(3):
            self.port = free_port()
            result = self._run([self.bindir / "pg_ctl", "-D", self.data_dir, "-l", self.log_path, "-w",
                                "-t", str(int(START_TIMEOUT)), "-o", "-p {}".format(self.port), "start"],
                               timeout=START_TIMEOUT + 10)
            if result.returncode == 0:
                self._running = True
                return
            last = result
            if "address already in use" not in (self.log_tail() + result.stderr).lower():
                break
        raise self._fail("pg_ctl start", last)

    def _wait_ready(self, timeout: float = START_TIMEOUT) -> None:
        import psycopg2

        deadline = time.monotonic() + timeout
        while True:
            try:
                self.connect(dbname="postgres", connect_timeout=2).close()
                return
            except psycopg2.OperationalError as error:
                if time.monotonic() > deadline:
                    raise self._fail("waiting for connections ({})".format(str(error).strip())) from None
                time.sleep(0.05)

    def _create_databases(self) -> None:
        self.execute("CREATE ROLE {} NOLOGIN".format(PASSWORD_GROUP), dbname="postgres")
        self.execute("CREATE DATABASE {}".format(TEMPLATE_DB), dbname="postgres")
        try:
            self.execute("CREATE EXTENSION postgis", dbname=TEMPLATE_DB)
        except Exception as error:  # psycopg2.Error: PostGIS not installed for this server version
            raise ServerUnavailable("PostGIS is not installed for the PostgreSQL in {} ({}); install "
                                    "postgresql-15-postgis-3 (tools/setup.sh --with-postgis)".format(
                                        self.bindir, str(error).strip())) from None
        self.execute("ALTER DATABASE {} WITH IS_TEMPLATE true".format(TEMPLATE_DB), dbname="postgres")
        self.create_database(DEFAULT_DB)

    def start(self) -> "PostgisServer":
        began = time.monotonic()
        try:
            self._initdb()
            self._start()
            self._wait_ready()
            self._create_databases()
        except BaseException:
            self.stop()
            raise
        self.startup_seconds = time.monotonic() - began
        return self

    def stop(self) -> None:
        """Stop the server (fast, then immediate) and remove its directory. Idempotent."""
        if self._running or (self.data_dir / "postmaster.pid").exists():  # also a half-started server
            self._running = False
            pg_ctl = self.bindir / "pg_ctl"
            try:
                result = self._run([pg_ctl, "-D", self.data_dir, "-m", "fast", "-w", "-t", "20", "stop"], timeout=30)
                if result.returncode != 0:
                    self._run([pg_ctl, "-D", self.data_dir, "-m", "immediate", "-w", "-t", "10", "stop"], timeout=20)
            except subprocess.TimeoutExpired:
                self._run([pg_ctl, "-D", self.data_dir, "-m", "immediate", "-w", "-t", "10", "stop"], timeout=20)
        shutil.rmtree(self.base_dir, ignore_errors=True)

    def __repr__(self):
        return "<PostgisServer {} ({})>".format(self.uri(), self.base_dir)


def find_bindir() -> Path:
    """The directory holding initdb and pg_ctl, or ServerUnavailable saying what to install."""
    bindir = Path(os.environ.get("CITYHEALTH_PG_BINDIR") or DEFAULT_BINDIR)
    missing = [name for name in ("initdb", "pg_ctl", "postgres") if not os.access(bindir / name, os.X_OK)]
    if missing:
        raise ServerUnavailable("PostgreSQL server binaries not found ({} missing in {}); install postgresql-15 "
                                "and postgresql-15-postgis-3 (tools/setup.sh --with-postgis) or set "
                                "CITYHEALTH_PG_BINDIR".format(", ".join(missing), bindir))
    return bindir


def _make_base_dir(run_as: Optional[str]) -> Path:
    """An empty directory owned by the user the server runs as, which that user can reach."""
    candidates = [tempfile.gettempdir(), "/tmp"] if run_as else [tempfile.gettempdir()]
    for parent in dict.fromkeys(candidates):
        base = Path(tempfile.mkdtemp(prefix="chpg-", dir=parent))
        if run_as is None:
            return base
        shutil.chown(base, user=run_as)
        # the server's user must be able to traverse every ancestor of the directory
        check = subprocess.run(["runuser", "-u", run_as, "--", "test", "-w", str(base)] if shutil.which("runuser")
                               else ["su", run_as, "-s", "/bin/sh", "-c", "test -w " + shlex.quote(str(base))],
                               capture_output=True)
        if check.returncode == 0:
            return base
        shutil.rmtree(base, ignore_errors=True)
    raise ServerUnavailable("no temporary directory that the '{}' OS user can write to".format(run_as))


def start_postgis_server() -> PostgisServer:
    """Start a throwaway PostgreSQL + PostGIS cluster; stop it with ``.stop()`` (also done at exit)."""
    bindir = find_bindir()
    try:
        import psycopg2  # noqa: F401
    except ImportError:
        raise ServerUnavailable("psycopg2 is not installed (pip install psycopg2-binary)") from None
    run_as = None
    if os.geteuid() == 0:
        import pwd

        try:
            pwd.getpwnam(OS_USER_WHEN_ROOT)
        except KeyError:
            raise ServerUnavailable("running as root and there is no '{}' OS user to run PostgreSQL as".format(
                OS_USER_WHEN_ROOT)) from None
        run_as = OS_USER_WHEN_ROOT
    server = PostgisServer(bindir, _make_base_dir(run_as), run_as)
    atexit.register(server.stop)
    return server.start()


if __name__ == "__main__":  # manual check: python tests/pg_server.py
    started = time.monotonic()
    server = start_postgis_server()
    print(server, "started in {:.2f} s".format(time.monotonic() - started))
    print(server.execute("SELECT version(), postgis_full_version()"))
    server.stop()
    print("stopped; directory removed:", not server.base_dir.exists())
