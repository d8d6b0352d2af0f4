"""Load the plugin as QGIS does (classFactory -> initProcessing -> initGui), unload it, leave nothing."""

import pytest
from qgis.core import Qgis, QgsApplication, QgsProject
from qgis.gui import QgsDockWidget
from qgis.PyQt.QtCore import QCoreApplication, QEvent
from qgis.PyQt.QtWidgets import QMenu, QToolBar

import cityhealth_plugin
from cityhealth_plugin import plugin as plugin_module

PROVIDER_ID = "cityhealth_lifecycle"  # see isolated_provider


@pytest.fixture(autouse=True)
def isolated_provider(monkeypatch):
    """Other tests keep the real 'cityhealth' provider registered for the whole session; the plugin
    under test registers its provider under another id so that its registration and removal are
    observed on their own."""
    from cityhealth_plugin.processing_provider.provider import CityHealthProvider

    monkeypatch.setattr(CityHealthProvider, "id", lambda self: PROVIDER_ID)


def flush_deletes():
    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)
    QCoreApplication.processEvents()


def our_menus(main_window):
    return [a for a in main_window.menuBar().actions() if a.menu() and a.menu().objectName() == "CityHealthMenu"]


def our_children(main_window, kind, name):
    return [w for w in main_window.findChildren(kind, name)]


def project_receivers(signal_name):
    project = QgsProject.instance()
    return project.receivers(getattr(project, signal_name))


@pytest.fixture
def loaded(qgis_iface, qgis_processing):
    plugin = cityhealth_plugin.classFactory(qgis_iface)
    plugin.initProcessing()  # QGIS calls this first for plugins with hasProcessingProvider=yes
    plugin.initGui()
    yield plugin
    if plugin.menu is not None:  # a failing test must not leak into the next one
        plugin.unload()
        flush_deletes()


def test_init_gui_creates_menu_toolbar_docks_and_provider(loaded, qgis_iface):
    main_window = qgis_iface.mainWindow()
    menus = our_menus(main_window)
    assert len(menus) == 1
    assert menus[0].text() == "City Health Check"
    toolbar = main_window.findChild(QToolBar, "CityHealthToolbar")
    assert toolbar is not None and toolbar.actions()
    docks = [dock_class.DOCK_ID for dock_class in plugin_module.dock_classes()]
    assert docks[0] == "CityHealthDataDock"
    assert len(set(docks)) == len(docks) and all(d.startswith("CityHealth") and d.endswith("Dock") for d in docks)
    for dock_id in docks:
        found = our_children(main_window, QgsDockWidget, dock_id)
        assert len(found) == 1
        assert found[0].toggleViewAction() in menus[0].menu().actions()
    provider = QgsApplication.processingRegistry().providerById(PROVIDER_ID)
    assert provider is loaded.provider
    assert QgsApplication.processingRegistry().algorithmById(f"{PROVIDER_ID}:validatedatapackage") is not None


def test_menu_action_shows_the_data_dock(loaded, qgis_iface):
    dock = qgis_iface.mainWindow().findChild(QgsDockWidget, "CityHealthDataDock")
    assert dock.isHidden()
    dock.toggleViewAction().trigger()
    assert not dock.isHidden()


def test_init_processing_twice_registers_once(loaded):
    registry = QgsApplication.processingRegistry()
    count = len(registry.providers())
    provider = loaded.provider
    loaded.initProcessing()
    assert len(registry.providers()) == count and loaded.provider is provider


def test_unload_leaves_nothing_behind(qgis_iface, qgis_processing):
    main_window = qgis_iface.mainWindow()
    before = {name: project_receivers(name) for name in ("readProject", "cleared", "layersAdded")}
    for _round in range(2):  # load / unload twice, as "Reload plugin" does
        plugin = cityhealth_plugin.classFactory(qgis_iface)
        plugin.initProcessing()
        plugin.initGui()
        assert our_menus(main_window)
        assert project_receivers("readProject") > before["readProject"]
        plugin.unload()
        flush_deletes()
        assert our_menus(main_window) == []
        assert main_window.findChildren(QMenu, "CityHealthMenu") == []
        assert main_window.findChildren(QToolBar, "CityHealthToolbar") == []
        for dock_class in plugin_module.dock_classes():
            assert main_window.findChildren(QgsDockWidget, dock_class.DOCK_ID) == [], dock_class.DOCK_ID
        assert QgsApplication.processingRegistry().providerById(PROVIDER_ID) is None
        assert plugin.translator is None
        for name, count in before.items():
            assert project_receivers(name) == count, f"QgsProject.{name} still connected"


def test_unload_removes_the_translator(qgis_iface, qgis_processing, plugin_dir, monkeypatch):
    from qgis.PyQt.QtCore import QTranslator

    installed = []
    monkeypatch.setattr(plugin_module, "ui_locale", lambda: "zh_CN")
    real_install = QCoreApplication.installTranslator
    monkeypatch.setattr(QCoreApplication, "installTranslator",
                        staticmethod(lambda t: installed.append(t) or real_install(t)))
    plugin = cityhealth_plugin.classFactory(qgis_iface)
    qm = plugin_dir / "i18n" / "cityhealth_zh_CN.qm"
    if qm.exists():
        assert isinstance(plugin.translator, QTranslator) and installed
    plugin.initGui()
    plugin.unload()
    flush_deletes()
    assert plugin.translator is None
    from cityhealth_plugin.core.i18n import tr

    assert tr("City Health Check") == "City Health Check"


def test_missing_package_is_explained_in_the_plugin(qgis_iface, qgis_processing, monkeypatch):
    problem = "Python package 'scipy' is missing."
    monkeypatch.setattr(plugin_module, "missing_requirements", lambda: [problem])
    qgis_iface.messageBar().clear_messages()
    plugin = cityhealth_plugin.classFactory(qgis_iface)
    plugin.initProcessing()
    plugin.initGui()
    try:
        assert QgsApplication.processingRegistry().providerById(PROVIDER_ID) is None
        menu = our_menus(qgis_iface.mainWindow())[0].menu()
        assert [a.text() for a in menu.actions()] == ["Why is CityHealth not available?"]
        warnings = qgis_iface.messageBar().get_messages(Qgis.Warning)
        assert any("scipy" in text for text in warnings)
        assert qgis_iface.mainWindow().findChildren(QgsDockWidget, "CityHealthDataDock") == []
    finally:
        plugin.unload()
        flush_deletes()
    assert our_menus(qgis_iface.mainWindow()) == []


def test_init_processing_without_iface():
    plugin = cityhealth_plugin.classFactory(None)
    plugin.initProcessing()
    try:
        assert QgsApplication.processingRegistry().providerById(PROVIDER_ID) is plugin.provider
    finally:
        if plugin.provider is not None:
            QgsApplication.processingRegistry().removeProvider(plugin.provider)
            plugin.provider = None
        from cityhealth_plugin.core import i18n

        i18n.reset_translator()


def test_an_already_registered_provider_is_left_alone(qgis_iface, qgis_processing):
    from cityhealth_plugin.processing_provider.provider import CityHealthProvider

    registry = QgsApplication.processingRegistry()
    other = CityHealthProvider()
    assert registry.addProvider(other)
    try:
        plugin = cityhealth_plugin.classFactory(qgis_iface)
        plugin.initProcessing()
        assert plugin.provider is None
        plugin.initGui()
        plugin.unload()
        flush_deletes()
        assert registry.providerById(PROVIDER_ID) is other
    finally:
        registry.removeProvider(other)
