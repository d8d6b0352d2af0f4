"""open_data_package against a real PostgreSQL 15 + PostGIS server (fixture ``postgis_server``,
tests/pg_server.py): URI forms, a saved QGIS connection, Chinese names and text, EPSG:4548,
attribute-only tables, and connection errors that never show the password."""

import socket

import pytest
from qgis.core import QgsProviderRegistry, QgsVectorLayer

from cityhealth_plugin.qgis_bridge.package import DataPackageError, open_data_package

DB = "cityhealth_package"
SCHEMA_ZH = "三调"
ZONING = "城镇开发边界"  # a Chinese table name in a Chinese schema
RECORDS = "评估记录"  # attribute-only
OWNER_FIELD = "权属单位名称"  # a Chinese column name
PASSWORD = "s@cret:密码 'x'/%"  # every character the URL and libpq forms must quote

DLTB = [  # DLBM, DLMC, TBDLMJ, 权属单位名称 ; one 100 m x 100 m square each
    ("0101", "水田", 9500.0, "厦门市思明区"),
    ("0301", "乔木林地", 10000.0, "厦门市思明区"),
    ("0701", "城镇住宅用地", 10000.0, "厦门市湖里区"),
    ("0601", "工业用地", 8000.0, "厦门市湖里区"),
    ("1001", "铁路用地", 10000.0, "厦门市集美区"),
]
STBHHX = [("筼筜湖生态保护红线", "水源涵养"), ("万石山生态保护红线", "生物多样性维护")]
ZONES = [(1, "中心城区开发边界"), (2, "集美新城开发边界"), (3, "翔安南部开发边界")]
EXPECTED = {"DLTB": 5, "STBHHX": 2, f"{SCHEMA_ZH}.{ZONING}": 3}


def square(x, y, size=100.0):
    return f"POLYGON(({x} {y},{x + size} {y},{x + size} {y + size},{x} {y + size},{x} {y}))"


@pytest.fixture(scope="module")
def package_db(postgis_server):
    """A database holding DLTB (MultiPolygon, typmod EPSG:4548), STBHHX (Polygon), 三调.城镇开发边界
    (an unconstrained geometry column with EPSG:4548 data) and the attribute-only table 评估记录."""
    server = postgis_server
    server.create_database(DB)
    connection = server.connect(dbname=DB, autocommit=True)
    with connection.cursor() as cur:
        cur.execute(f'CREATE TABLE public."DLTB" (fid serial PRIMARY KEY, "BSM" varchar(18), "DLBM" varchar(5), '
                    f'"DLMC" varchar(60), "TBDLMJ" double precision, "{OWNER_FIELD}" varchar(60), '
                    f'geom geometry(MultiPolygon, 4548))')
        for i, (dlbm, dlmc, area, owner) in enumerate(DLTB):
            cur.execute('INSERT INTO public."DLTB" ("BSM", "DLBM", "DLMC", "TBDLMJ", "' + OWNER_FIELD + '", geom) '
                        "VALUES (%s, %s, %s, %s, %s, ST_Multi(ST_GeomFromText(%s, 4548)))",
                        (f"3502030000{i:08d}", dlbm, dlmc, area, owner, square(500000 + 100 * i, 2700000)))
        cur.execute('CREATE TABLE public."STBHHX" (id serial PRIMARY KEY, "HXMC" text, "HXLX" text, '
                    "geom geometry(Polygon, 4548))")
        for i, (name, kind) in enumerate(STBHHX):
            cur.execute('INSERT INTO public."STBHHX" ("HXMC", "HXLX", geom) VALUES (%s, %s, ST_GeomFromText(%s, 4548))',
                        (name, kind, square(500000 + 1000 * i, 2701000, 500)))
        cur.execute(f'CREATE SCHEMA "{SCHEMA_ZH}"')
        cur.execute(f'CREATE TABLE "{SCHEMA_ZH}"."{ZONING}" ("编号" integer PRIMARY KEY, "名称" text, geom geometry)')
        for number, name in ZONES:
            cur.execute(f'INSERT INTO "{SCHEMA_ZH}"."{ZONING}" VALUES (%s, %s, ST_GeomFromText(%s, 4548))',
                        (number, name, square(490000 + 2000 * number, 2690000, 1000)))
        cur.execute(f'CREATE TABLE public."{RECORDS}" (id serial PRIMARY KEY, "指标" text, "数值" double precision)')
        cur.execute(f'INSERT INTO public."{RECORDS}" ("指标", "数值") VALUES (%s, %s), (%s, %s)',
                    ("人均公园绿地面积", 12.5, "建成区绿化覆盖率", 41.2))
    connection.close()
    yield server
    server.drop_database(DB)


def by_name(layers):
    names = [layer.name() for layer in layers]
    assert len(names) == len(set(names)), names
    return {layer.name(): layer for layer in layers}


def check_package(layers):
    layers = by_name(layers)
    assert set(layers) == set(EXPECTED)  # 评估记录 (no geometry) is left out, as in a GeoPackage
    for name, count in EXPECTED.items():
        layer = layers[name]
        assert isinstance(layer, QgsVectorLayer) and layer.isValid(), name
        assert layer.providerType() == "postgres"
        assert layer.isSpatial()
        assert layer.crs().authid() == "EPSG:4548", name
        assert layer.featureCount() == count, name
        assert len(list(layer.getFeatures())) == count, name

    dltb = layers["DLTB"]
    assert {"DLBM", "DLMC", "TBDLMJ", OWNER_FIELD} <= set(dltb.fields().names())
    rows = sorted((f["DLBM"], f["DLMC"], f["TBDLMJ"], f[OWNER_FIELD]) for f in dltb.getFeatures())
    assert rows == sorted(DLTB)
    areas = [f.geometry().area() for f in dltb.getFeatures()]
    assert areas == pytest.approx([10000.0] * 5)
    extent = dltb.extent()
    assert (extent.xMinimum(), extent.yMinimum(), extent.xMaximum(), extent.yMaximum()) == pytest.approx(
        (500000, 2700000, 500500, 2700100))

    assert sorted((f["HXMC"], f["HXLX"]) for f in layers["STBHHX"].getFeatures()) == sorted(STBHHX)
    zoning = layers[f"{SCHEMA_ZH}.{ZONING}"]
    assert sorted((f["编号"], f["名称"]) for f in zoning.getFeatures()) == ZONES
    assert sum(f.geometry().area() for f in zoning.getFeatures()) == pytest.approx(3e6)
    return layers


# --------------------------------------------------------------------------------------
# the fixture itself
# --------------------------------------------------------------------------------------

def test_postgis_server_fixture(postgis_server):
    server = postgis_server
    assert server.host == "127.0.0.1" and server.port > 0
    assert server.uri() == f"dbname={server.dbname} host=127.0.0.1 port={server.port} user={server.user} sslmode=disable"
    assert server.url() == f"postgresql://{server.user}@127.0.0.1:{server.port}/{server.dbname}?sslmode=disable"
    connection = server.connect()
    try:
        with connection.cursor() as cur:
            cur.execute("SELECT postgis_lib_version(), current_setting('server_version_num')::int, "
                        "pg_encoding_to_char(encoding) FROM pg_database WHERE datname = current_database()")
            postgis, version, encoding = cur.fetchone()
            cur.execute("SELECT ST_Area(ST_Transform(ST_GeomFromText(%s, 4548), 4548))", (square(500000, 2700000),))
            assert cur.fetchone()[0] == pytest.approx(10000.0)
            cur.execute("SELECT %s::text", ("水田",))
            assert cur.fetchone()[0] == "水田"
    finally:
        connection.close()
    assert postgis.startswith("3.") and version // 10000 == 15 and encoding == "UTF8"
    assert server.startup_seconds < 30
    # the server is ours: its data and socket live in its own temporary directory
    assert (server.data_dir / "postmaster.pid").exists()
    assert (server.socket_dir / f".s.PGSQL.{server.port}").exists()


def test_password_roles_need_their_password(postgis_server):
    import psycopg2

    role = postgis_server.create_role("fixture_pw_user", password="right-one")
    assert postgis_server.execute("SELECT current_user", dbname="postgres") == [("postgres",)]
    connection = postgis_server.connect(dbname="postgres", user=role, password="right-one")
    connection.close()
    with pytest.raises(psycopg2.OperationalError, match="password authentication failed"):
        postgis_server.connect(dbname="postgres", user=role, password="wrong-one")


# --------------------------------------------------------------------------------------
# open_data_package on PostGIS
# --------------------------------------------------------------------------------------

@pytest.mark.parametrize("form", ["libpq", "PG:", "postgresql://", "postgres://"])
def test_open_postgis_package(qgis_app, package_db, form):
    server = package_db
    source = {
        "libpq": server.uri(dbname=DB),
        "PG:": "PG:" + server.uri(dbname=DB),
        "postgresql://": server.url(dbname=DB),
        "postgres://": server.url(dbname=DB, scheme="postgres"),
    }[form]
    check_package(open_data_package(source))


def test_schema_parameter_limits_the_tables(qgis_app, package_db):
    layers = open_data_package(package_db.url(dbname=DB, schema=SCHEMA_ZH))
    assert [layer.name() for layer in layers] == [f"{SCHEMA_ZH}.{ZONING}"]
    assert layers[0].featureCount() == 3


def test_nothing_is_written_to_the_database(qgis_app, package_db):
    before = package_db.execute('SELECT count(*), sum("TBDLMJ") FROM public."DLTB"', dbname=DB)
    layers = check_package(open_data_package(package_db.uri(dbname=DB)))
    assert all(not layer.isEditable() for layer in layers.values())
    assert package_db.execute('SELECT count(*), sum("TBDLMJ") FROM public."DLTB"', dbname=DB) == before


def test_saved_connection(qgis_app, package_db):
    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    name = "CityHealth 测试库"
    # without saveUsername QGIS stores no user name, and libpq would log in as the OS user
    connection = metadata.createConnection(package_db.uri(dbname=DB), {"saveUsername": True, "savePassword": True})
    metadata.saveConnection(connection, name)
    try:
        assert name in metadata.connections(False)
        check_package(open_data_package(name))
    finally:
        metadata.deleteConnection(name)
    assert name not in metadata.connections(False)


def test_password_login(qgis_app, package_db):
    role = package_db.create_role("planner", password=PASSWORD)
    package_db.execute(f'GRANT USAGE ON SCHEMA "{SCHEMA_ZH}" TO planner; '
                       f'GRANT SELECT ON ALL TABLES IN SCHEMA public, "{SCHEMA_ZH}" TO planner', dbname=DB)
    for source in (package_db.url(dbname=DB, user=role, password=PASSWORD),
                   package_db.uri(dbname=DB, user=role, password=PASSWORD)):
        check_package(open_data_package(source))


@pytest.mark.parametrize("form", ["url", "libpq"])
def test_wrong_password_is_a_readable_error(qgis_app, package_db, form):
    if "wrongpw_user" not in {r[0] for r in package_db.execute("SELECT rolname FROM pg_roles", dbname=DB)}:
        package_db.create_role("wrongpw_user", password="the-right-one")
    wrong = "Wr0ng pw'Geheim"
    source = (package_db.url(dbname=DB, user="wrongpw_user", password=wrong) if form == "url"
              else package_db.uri(dbname=DB, user="wrongpw_user", password=wrong))
    with pytest.raises(DataPackageError) as error:
        open_data_package(source)
    message = str(error.value)
    assert "Geheim" not in message and "Wr0ng" not in message and "the-right-one" not in message
    assert "***" in message
    assert message.startswith("Cannot list the tables of the database")
    assert DB in message and "Traceback" not in message and "\n" not in message


def test_unreachable_server_is_a_readable_error(qgis_app):
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    for source in (f"postgresql://someone:TopSecret9@127.0.0.1:{port}/nowhere?sslmode=disable&connect_timeout=3",
                   f"dbname=nowhere host=127.0.0.1 port={port} user=someone password=TopSecret9 connect_timeout=3"):
        with pytest.raises(DataPackageError) as error:
            open_data_package(source)
        message = str(error.value)
        assert "TopSecret9" not in message
        assert "nowhere" in message and str(port) in message


# --------------------------------------------------------------------------------------
# found with the live server: views, mixed geometry columns, databases without geometries
# --------------------------------------------------------------------------------------

def test_views_are_opened(qgis_app, postgis_server):
    db = postgis_server.create_database("cityhealth_package_view")
    try:
        postgis_server.execute(
            'CREATE TABLE public."DLTB" (fid serial PRIMARY KEY, "DLMC" text, geom geometry(Polygon, 4548)); '
            f"INSERT INTO public.\"DLTB\" (\"DLMC\", geom) VALUES ('水田', ST_GeomFromText('{square(0, 0)}', 4548)); "
            'CREATE VIEW public."DLTB_2024" AS SELECT fid, "DLMC", geom FROM public."DLTB"', dbname=db)
        layers = by_name(open_data_package(postgis_server.uri(dbname=db)))
        assert set(layers) == {"DLTB", "DLTB_2024"}
        assert layers["DLTB_2024"].featureCount() == 1
    finally:
        postgis_server.drop_database(db)


def test_mixed_geometry_types_lose_no_feature(qgis_app, postgis_server):
    db = postgis_server.create_database("cityhealth_package_mixed")
    try:
        postgis_server.execute(
            "CREATE TABLE public.mixed (id serial PRIMARY KEY, geom geometry); "
            f"INSERT INTO public.mixed (geom) VALUES (ST_GeomFromText('{square(0, 0)}', 4548)), "
            "(ST_SetSRID(ST_MakePoint(500000, 2700000), 4548))", dbname=db)
        layers = open_data_package(postgis_server.uri(dbname=db))
        assert sum(layer.featureCount() for layer in layers) == 2
    finally:
        postgis_server.drop_database(db)


def test_database_without_geometry_tables_is_an_error(qgis_app, postgis_server):
    db = postgis_server.create_database("cityhealth_package_records")
    try:
        postgis_server.execute(f'CREATE TABLE public."{RECORDS}" (id serial PRIMARY KEY, "指标" text)', dbname=db)
        with pytest.raises(DataPackageError):
            open_data_package(postgis_server.uri(dbname=db))
    finally:
        postgis_server.drop_database(db)
