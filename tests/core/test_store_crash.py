"""Crash safety: a save interrupted midway leaves the previous state, on both backends.

Two interruptions: an exception raised inside the transaction after half the rows were written
(the ``progress`` callback runs inside the transaction), and a writer process killed with
SIGKILL in the middle of a large save; then the database is reopened and checked (SQLite:
``PRAGMA integrity_check``, the hot journal rolled back) and the previous values must be there.
"""

import hashlib
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import uuid
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import cityhealth_plugin
from cityhealth_plugin.core.store.database import open_store

ROWS = 12_000


class Interrupted(Exception):
    pass


def frame(n: int, value: float) -> pd.DataFrame:
    return pd.DataFrame({"code": "X-01", "year": 2024, "unit_type": "subdistrict",
                         "unit_code": [f"{i:09d}" for i in range(n)], "value": np.full(n, value), "unit": "个"})


@pytest.fixture(params=["sqlite", "postgres"])
def target(request, tmp_path):
    if request.param == "sqlite":
        return {"target": str(tmp_path / "crash.gpkg"), "schema": "cityhealth"}
    server = request.getfixturevalue("postgis_server")
    return {"target": server.uri(), "schema": "c_" + uuid.uuid4().hex[:10]}


def test_exception_after_half_the_rows_leaves_the_previous_state(target):
    store = open_store(target["target"], schema=target["schema"], user="before")
    store.chunk_rows = 250
    n = 4_000
    assert store.put_values(frame(n, 1.0)) == n
    saves, audit = len(store.saves()), len(store.audit())
    calls = []

    def progress(done, total):
        calls.append(done)
        if done >= total // 2:
            raise Interrupted()

    with pytest.raises(Interrupted):
        store.put_values(frame(n, 2.0), by="interrupted", progress=progress)
    assert calls[-1] == n // 2  # it really stopped in the middle
    values = store.values(code="X-01")
    assert len(values) == n and (values["value"] == 1.0).all() and (values["version"] == 1).all()
    assert len(store.saves()) == saves and len(store.audit()) == audit
    assert store.put_values(frame(n, 2.0)) == n  # the store still works
    store.close()
    if store.backend == "sqlite":
        with sqlite3.connect(target["target"]) as con:
            assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


WRITER = textwrap.dedent("""
    import sys, time
    import numpy as np, pandas as pd
    from cityhealth_plugin.core.store.database import open_store
    target, schema, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
    store = open_store(target, schema=schema, user="killed")
    store.chunk_rows = 500
    if store.backend == "sqlite":  # a small page cache: changed pages spill into the file mid-transaction
        store.con.execute("PRAGMA cache_size = 64")
    frame = pd.DataFrame({"code": "X-01", "year": 2024, "unit_type": "subdistrict",
                          "unit_code": [f"{i:09d}" for i in range(n)], "value": np.full(n, 2.0), "unit": "个"})
    def progress(done, total):
        if done >= total // 2:
            print("HALF", done, flush=True)
            time.sleep(60)
    store.put_values(frame, progress=progress)
    print("DONE", flush=True)
""")


def _sha1(path: Path) -> str:
    return hashlib.sha1(path.read_bytes()).hexdigest()


def test_killed_writer_leaves_the_previous_state(target, tmp_path):
    store = open_store(target["target"], schema=target["schema"], user="before")
    assert store.put_values(frame(ROWS, 1.0)) == ROWS
    store.close()
    path = Path(target["target"])
    sqlite = store.backend == "sqlite"
    before = _sha1(path) if sqlite else ""
    script = tmp_path / "writer.py"
    script.write_text(WRITER, encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(Path(cityhealth_plugin.__file__).resolve().parents[1]))
    process = subprocess.Popen([sys.executable, str(script), target["target"], target["schema"], str(ROWS)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        line = process.stdout.readline()
        assert line.startswith("HALF"), line + process.stderr.read()
        if sqlite:
            journal = Path(str(path) + "-journal")
            assert journal.is_file() and journal.stat().st_size > 0  # mid-transaction: a hot journal
        os.kill(process.pid, signal.SIGKILL)
        process.wait(10)
    finally:
        if process.poll() is None:
            process.kill()
        process.stdout.close()
        process.stderr.close()
    assert process.returncode == -signal.SIGKILL
    if sqlite:
        assert _sha1(path) != before  # half the rows had reached the database file itself
    reopened = open_store(target["target"], schema=target["schema"], user="after")
    try:
        if sqlite:
            assert reopened.con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            assert not Path(str(path) + "-journal").exists()  # rolled back from the hot journal
        values = reopened.values(code="X-01")
        assert len(values) == ROWS and (values["value"] == 1.0).all() and (values["version"] == 1).all()
        assert set(reopened.saves()["saved_by"]) == {"before"}
        assert reopened.put_values(frame(10, 3.0)) == 10
    finally:
        reopened.close()
