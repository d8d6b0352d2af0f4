"""The AssessmentStore API on both backends: GeoPackage (always) and PostgreSQL (postgis_server)."""

import hashlib
import threading
import time
import uuid

import pandas as pd
import pytest

from cityhealth_plugin.core.catalog import load_catalog
from cityhealth_plugin.core.store.database import (
    ConflictError,
    Evidence,
    KeyTask,
    NothingToUndo,
    StoreError,
    evidence_for,
    open_store,
)
from cityhealth_plugin.core.store.sqlite_backend import SqliteStore

YEAR = 2024


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


def reopen(store, user):
    """A second client of the same database (own connection)."""
    if store.backend == "sqlite":
        return SqliteStore(store.path, user=user)
    from cityhealth_plugin.core.store.postgres_backend import PostgresStore

    return PostgresStore(store.dsn, schema=store.schema, user=user)


@pytest.fixture(params=["sqlite", "postgres"])
def store(request, tmp_path, catalog):
    if request.param == "sqlite":
        opened = open_store(tmp_path / "assessment.gpkg", user="alice")
    else:
        server = request.getfixturevalue("postgis_server")
        opened = open_store(server.uri(), schema="t_" + uuid.uuid4().hex[:10], user="alice")
    opened.ensure_year(catalog, YEAR)
    yield opened
    opened.close()


def test_ensure_year_prepares_forms_and_snapshot(store, catalog):
    forms = store.forms(YEAR)
    assert len(forms) == 122 and forms["version"].eq(1).all()
    assert store.catalog_for_year(YEAR)["A-01"].unit == "亿m³"
    assert forms.set_index("code").loc["A-01", "department"] == "市水利局"
    assert forms.set_index("code").loc["A-11", "collection_method"] == "spatial"
    again = store.ensure_year(catalog, YEAR)
    assert again == {"catalog": 0, "forms": 0}
    # the next year starts from this year's assignment
    store.save_assignment(pd.DataFrame({"code": ["A-01"], "department": ["市水务局"], "version": [1]}), YEAR)
    store.ensure_year(catalog, YEAR + 1)
    assert store.form("A-01", YEAR + 1).department == "市水务局"
    assert store.snapshot_years() == [YEAR, YEAR + 1]


def test_form_round_trip_with_value_and_evidence(store, tmp_path):
    pdf = tmp_path / "水资源公报.pdf"
    pdf.write_bytes(b"%PDF-1.4 demo")
    form = store.form("A-01", YEAR)
    assert form.version == 1 and form.value is None and form.unit == "亿m³"
    form.value, form.situation, form.achievements = 6.61, "基本情况", "成效"
    form.shortcomings, form.measures, form.status = "短板", "措施", "submitted"
    form.evidence = [evidence_for(pdf.name, tmp_path)]
    saved = store.save_form(form, by="水利局 张三")
    assert saved.version == 2 and saved.value_version == 1 and saved.value == 6.61
    assert saved.evidence == [Evidence("水资源公报.pdf", hashlib.sha1(b"%PDF-1.4 demo").hexdigest())]
    assert saved.submitted_by == "水利局 张三" and saved.submitted_at
    value = store.values(year=YEAR, code="A-01", origin="reported").iloc[0]
    assert value["computed_by"] == "水利局 张三" and value["status"] == "submitted"
    saves = len(store.saves())
    assert store.save_form(saved).version == 2  # nothing changed: no new version, no save
    assert len(store.saves()) == saves
    with pytest.raises(StoreError):
        evidence_for("missing.pdf", tmp_path)


def test_interleaved_writers_get_a_conflict_not_a_lost_update(store):
    bob = reopen(store, "bob")
    try:
        mine, theirs = store.form("A-02", YEAR), bob.form("A-02", YEAR)  # both read version 1
        mine.achievements = "alice's text"
        store.save_form(mine)
        theirs.measures = "bob's text"
        with pytest.raises(ConflictError) as caught:
            bob.save_form(theirs)
        message = str(caught.value)
        assert "changed by alice at" in message and "reload" in message and "A-02" in message
        assert caught.value.conflicts[0].changed_by == "alice"
        theirs = bob.form("A-02", YEAR)  # reload, re-apply, save
        theirs.measures = "bob's text"
        bob.save_form(theirs)
        final = store.form("A-02", YEAR)
        assert final.achievements == "alice's text" and final.measures == "bob's text" and final.version == 3
    finally:
        bob.close()


def test_concurrent_inserts(store):
    bob = reopen(store, "bob")
    try:
        mine, theirs = store.form("A-04", YEAR), bob.form("A-05", YEAR)
        mine.value, theirs.value = 92.9, 39.8  # two new value rows
        store.save_form(mine)
        bob.save_form(theirs)
        assert store.form("A-05", YEAR).value == 39.8 and bob.form("A-04", YEAR).value == 92.9
        first, second = store.form("A-08", YEAR), bob.form("A-08", YEAR)  # the same new row twice
        first.value, second.value = 1.0, 2.0
        store.save_form(first)
        with pytest.raises(ConflictError, match="alice"):
            bob.save_form(second)
        assert store.form("A-08", YEAR).value == 1.0
    finally:
        bob.close()


def test_threads_incrementing_with_retry_lose_no_update(store):
    """Two clients at once: read-modify-write loops with retry on conflict."""
    store.save_targets(pd.DataFrame({"code": ["C-01"], "target_2035": [0.0]}))
    per_thread, errors, conflicts = 8, [], []

    def worker(name):
        client = reopen(store, name)
        try:
            for _ in range(per_thread):
                while True:
                    row = client.targets().set_index("code").loc["C-01"]
                    time.sleep(0.003)  # read-modify-write with a window for the other client
                    try:
                        client.save_targets(pd.DataFrame({"code": ["C-01"], "target_2035": [row["target_2035"] + 1],
                                                          "version": [row["version"]]}))
                        break
                    except ConflictError:
                        conflicts.append(name)
        except Exception as error:  # noqa: BLE001
            errors.append(error)
        finally:
            client.close()

    threads = [threading.Thread(target=worker, args=(name,)) for name in ("t1", "t2")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert not errors
    print(f"{len(conflicts)} conflicts retried")
    row = store.targets().set_index("code").loc["C-01"]
    assert row["target_2035"] == 2 * per_thread and row["version"] == 2 * per_thread + 1


def test_undo_restores_previous_versions_step_by_step(store):
    form = store.form("B-13", YEAR)
    form.value, form.achievements = 3.1, "v1"
    form = store.save_form(form)
    form.value, form.achievements = 3.3, "v2"
    form = store.save_form(form, by="bob")
    form.measures = "m3"
    store.save_form(form)
    assert store.undo_last_save("B-13", YEAR)["fields"] == 1
    back = store.form("B-13", YEAR)
    assert back.measures == "" and back.achievements == "v2" and back.value == 3.3
    store.undo_last_save("B-13", YEAR)
    back = store.form("B-13", YEAR)
    assert back.achievements == "v1" and back.value == 3.1
    store.undo_last_save("B-13", YEAR)  # the first save inserted the value row: undo removes it
    back = store.form("B-13", YEAR)
    assert back.value is None and back.value_version == 0 and back.achievements == ""
    with pytest.raises(NothingToUndo):
        store.undo_last_save("B-13", YEAR)
    undo_saves = store.saves()
    assert (undo_saves["kind"] == "undo").sum() == 3


def test_undo_is_refused_when_the_field_changed_since(store, monkeypatch):
    form = store.form("B-14", YEAR)
    form.value = 50.0
    store.save_form(form)
    first = store.last_undoable_save("B-14", YEAR)
    bob = reopen(store, "bob")
    try:  # bob saves after alice looked up the save to undo
        theirs = bob.form("B-14", YEAR)
        theirs.value = 57.0
        bob.save_form(theirs)
    finally:
        bob.close()
    monkeypatch.setattr(store, "last_undoable_save", lambda code, year: first)
    with pytest.raises(ConflictError, match="bob"):
        store.undo_last_save("B-14", YEAR)
    assert store.form("B-14", YEAR).value == 57.0
    monkeypatch.undo()
    store.undo_last_save("B-14", YEAR)  # bob's save is the latest: undone, back to alice's value
    assert store.form("B-14", YEAR).value == 50.0


def test_audit_log_records_who_when_field_old_new(store):
    form = store.form("C-07", YEAR)
    form.value = 2.6
    form = store.save_form(form, by="卫健委 李四")
    form.value = 2.7
    store.save_form(form, by="卫健委 王五")
    audit = store.audit(code="C-07", year=YEAR, table="indicator_values")
    audit = audit[audit["field"] == "value"]
    assert list(audit["changed_by"]) == ["卫健委 李四", "卫健委 王五"]
    assert list(audit["old_value"]) == [None, "2.6"] and list(audit["new_value"]) == ["2.6", "2.7"]
    assert list(audit["action"]) == ["insert", "update"] and audit["changed_at"].str.endswith("Z").all()
    assert '"origin": "reported"' in audit["row_key"].iloc[0]


def test_values_history_best_unfilled_and_departments(store, catalog):
    store.put_values(pd.DataFrame({"code": ["A-01", "A-01", "C-01"], "year": [2020, 2023, 2020],
                                   "value": [6.32, 6.55, 516.4], "unit": ["亿m³", "亿m³", "万人"]}))
    form = store.form("A-01", YEAR)
    form.value = 6.61
    store.save_form(form)
    engine = pd.DataFrame({"code": ["A-11", "A-01", "A-01"], "year": [YEAR] * 3, "unit_type": ["city"] * 3,
                           "unit_code": ["city"] * 3, "value": [20.5, 6.0, None], "unit": ["万亩", "亿m³", "亿m³"],
                           "source_type": ["spatial", "statistic", "statistic"],
                           "status": ["ok", "ok", "ok"], "computed_at": ["t"] * 3})
    store.write_engine_results(engine.iloc[:2], None)
    history = store.history("A-01")
    assert list(history["year"]) == [2020, 2023, YEAR, YEAR]
    assert list(history.loc[history["origin"] == "reported", "value"]) == [6.32, 6.55, 6.61]
    best = store.best_values(years=[YEAR], catalog=catalog).set_index("code")
    assert best.loc["A-01", "value"] == 6.61 and best.loc["A-01", "origin"] == "reported"  # department first
    assert best.loc["A-11", "value"] == 20.5 and best.loc["A-11", "origin"] == "computed"  # spatial: computed
    unfilled = store.unfilled(YEAR)
    assert "A-01" not in set(unfilled["code"]) and "A-02" in set(unfilled["code"])
    assert "A-11" not in set(unfilled["code"])  # spatial indicators are not asked for
    assert len(unfilled) == 78 - 1
    assert set(store.unfilled(YEAR, department="市水利局")["code"]) == {"A-02", "A-04", "A-05", "A-08", "A-26",
                                                                      "C-16"}
    water = store.by_department(YEAR, "市水利局")
    assert set(water["code"]) == {"A-01", "A-02", "A-04", "A-05", "A-08", "A-26", "C-16"}
    assert water.set_index("code").loc["A-01", "value"] == 6.61
    progress = store.departments(YEAR).set_index("department")
    assert progress.loc["市水利局", "indicators"] == 7 and progress.loc["市水利局", "with_value"] == 1
    stats = store.statistics_frame(2020)
    assert set(stats["code"]) == {"A-01", "C-01"} and list(stats.columns) == ["code", "year", "unit_code", "value",
                                                                              "unit"]
    assert set(store.department_indicators(YEAR, "市资源规划局")["code"]) >= {"A-11", "C-03", "B-01"}


def test_engine_results_never_touch_department_values(store):
    form = store.form("A-11", YEAR)
    form.value = 21.0
    store.save_form(form)
    frame = pd.DataFrame({"code": ["A-11", "A-11"], "year": [YEAR, YEAR], "unit_type": ["city", "district"],
                          "unit_code": ["city", "350203"], "value": [20.0, 1.0], "unit": ["万亩", "万亩"],
                          "source_type": ["spatial", "spatial"], "status": ["ok", "ok"], "computed_at": ["t1", "t1"]})
    provenance = pd.DataFrame({"code": ["A-11"], "year": [YEAR], "json": ['{"a": 1}']})
    store.write_engine_results(frame, provenance)
    store.write_engine_results(frame.iloc[:1].assign(value=20.2), provenance)
    values = store.values(year=YEAR, code="A-11")
    computed = values[values["origin"] == "computed"]
    assert list(computed["value"]) == [20.2] and computed["version"].iloc[0] == 2  # district row replaced too
    assert values.loc[values["origin"] == "reported", "value"].tolist() == [21.0]
    results = store.audit(code="A-11", table="indicator_values")
    assert list(results.loc[results["action"] == "results", "new_value"]) == ["20.0", "20.2"]


def test_targets_and_key_tasks(store):
    store.save_targets(pd.DataFrame({"code": ["A-01", "C-01"], "base_year_value": [6.32, 516.4],
                                     "target_2025": [7.0, None], "target_2035": [8.0, None], "lower": [None, 500],
                                     "upper": [None, 600], "limit": [8.5, None], "limit_type": ["max", None]}))
    targets = store.targets().set_index("code")
    assert {"base_year_value", "target_2025", "target_2035", "lower", "upper", "limit", "limit_type",
            "direction"} <= set(targets.columns)
    assert targets.loc["A-01", "limit"] == 8.5 and targets.loc["C-01", "upper"] == 600
    with pytest.raises(ConflictError):
        store.save_targets(pd.DataFrame({"code": ["A-01"], "target_2025": [7.1], "version": [5]}))
    with pytest.raises(StoreError):
        store.save_targets(pd.DataFrame({"code": ["A-01"], "limit_type": ["upper"]}))
    task = store.save_key_task(KeyTask(YEAR, "KT-01", name="翔安机场建设", type="重大项目", department="市发改委",
                                       planned_date="2025-12-31", status="推进中", completion_rate=0.6))
    assert task.version == 1
    task.completion_rate, task.problems = 0.8, "征地进度"
    task = store.save_key_task(task)
    stale = KeyTask(YEAR, "KT-01", name="x", version=1)
    with pytest.raises(ConflictError):
        store.save_key_task(stale)
    with pytest.raises(StoreError):
        store.save_key_task(KeyTask(YEAR, "KT-02", completion_rate=80))
    tasks = store.key_tasks(YEAR)
    assert list(tasks.columns[:3]) == ["year", "task_id", "name"] and tasks["completion_rate"].iloc[0] == 0.8
    store.delete_key_task(YEAR, "KT-01", task.version)
    assert not len(store.key_tasks(YEAR))


def test_catalog_snapshot_follows_a_changed_catalog(store, catalog, tmp_path):
    override = tmp_path / "city.csv"
    override.write_text("code,target,target_year\nA-01,≤7.2,2035\n", encoding="utf-8")
    store.snapshot_catalog(load_catalog(), YEAR)  # the files as they are now (other sessions may edit them)
    changed = load_catalog(overrides=[override]).select([c for c in catalog.codes() if c != "F-29"])
    assert store.snapshot_catalog(changed, YEAR) == 2  # one updated, one removed
    snapshot = store.catalog_snapshot(YEAR).set_index("code")
    assert snapshot.loc["A-01", "target"] == "≤7.2" and "F-29" not in snapshot.index
    audit = store.audit(code="A-01", table="catalog_snapshot")
    assert {"target", "target_year", "origin"} == set(audit["field"])  # origin: the override file's line
    row = audit[audit["field"] == "target"].iloc[0]
    assert row["old_value"] is None and row["new_value"] == '"≤7.2"' and row["action"] == "update"


def test_statistics_values_follow_the_reported_figures(store):
    """The derived statistics_values table (DEPT_STATS shape) that the Indicators panel reads."""
    def table():
        return store.read_frame(f"SELECT code, year, unit_code, value, unit FROM {store.t('statistics_values')} "
                                f"ORDER BY code")

    store.import_statistics(pd.DataFrame({"code": ["GDP", "GDP"], "year": [YEAR, YEAR], "unit_code": ["city", "350203"],
                                          "value": [8589.0, 2834.0], "unit": ["亿元", "亿元"]}))
    form = store.form("A-01", YEAR)
    form.value = 6.61
    store.save_form(form)
    assert table().values.tolist() == [["A-01", YEAR, "city", 6.61, "亿m³"], ["GDP", YEAR, "city", 8589.0, "亿元"],
                                       ["GDP", YEAR, "350203", 2834.0, "亿元"]]
    store.undo_last_save("A-01", YEAR)
    assert list(table()["code"]) == ["GDP", "GDP"]
    assert table().equals(store.statistics_frame(YEAR)[["code", "year", "unit_code", "value", "unit"]].sort_values(
        "code", kind="stable").reset_index(drop=True))


def test_simultaneous_insert_of_the_same_row(store):
    """Both clients find no row; the first inserts and holds its transaction open while the
    second tries: the second gets a ConflictError naming the first (PostgreSQL: the unique key)."""
    row = pd.DataFrame({"code": ["D-13"], "year": [YEAR], "value": [125.3], "version": [0]})
    inserted, results = threading.Event(), {}

    def first():
        def hold(done, total):
            inserted.set()
            time.sleep(0.5)  # the insert is written, not committed yet

        results["first"] = store.put_values(row, by="first", progress=hold)

    def second():
        inserted.wait(10)
        client = reopen(store, "second")
        try:
            client.put_values(row.assign(value=999.0))
            results["second"] = "saved"
        except ConflictError as error:
            results["second"] = error
        finally:
            client.close()

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert results["first"] == 1
    assert isinstance(results["second"], ConflictError), results
    assert "alice" in str(results["second"]) or "first" in str(results["second"])
    assert store.values(code="D-13")["value"].tolist() == [125.3]
