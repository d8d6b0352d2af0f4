"""The QGIS plugin object: wires the translator, the Processing provider, menu, toolbar and docks.

Kept thin on purpose: every panel lives in gui/, every computation in a Processing algorithm.
``initProcessing`` is safe without an interface (qgis_process calls it with iface None).
"""

from qgis.core import QgsApplication, QgsSettings
from qgis.PyQt.QtCore import QCoreApplication, QLocale, QTranslator
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QAction, QMessageBox

from .core import i18n
from .core.deps import install_hint, missing_requirements
from .core.i18n import tr
from .resources_paths import I18N, ICON_PATH

MENU_TITLE = "City Health Check"  # tr() -> 城市体检评估


def _ui_locale() -> str:
    settings = QgsSettings()
    if settings.value("locale/overrideFlag", False, type=bool):
        return settings.value("locale/userLocale", "") or QLocale().name()
    return QLocale().name()


def install_translator(app=None):
    """Load the zh_CN .qm when QGIS runs in Chinese; route core tr() through Qt. Returns the translator."""
    translator = None
    qm_file = I18N / f"cityhealth_{_ui_locale()[:5]}.qm"
    if not qm_file.exists():
        qm_file = I18N / f"cityhealth_{_ui_locale()[:2]}.qm"
    if qm_file.exists():
        translator = QTranslator()
        if translator.load(str(qm_file)):
            QCoreApplication.installTranslator(translator)
        else:
            translator = None
    i18n.set_translator(lambda text: QCoreApplication.translate(i18n.CONTEXT, text))
    return translator


def dock_classes():
    """The panels, in menu order. Each is a QgsDockWidget subclass taking (iface, parent)."""
    from .gui.data_dock import DataDock

    return [DataDock]


class CityHealthPlugin:
    def __init__(self, iface):
        self.iface = iface
        self.provider = None
        self.translator = install_translator()
        self.actions = []
        self.docks = []
        self.menu = None
        self.toolbar = None

    # Processing -------------------------------------------------------------------------
    def initProcessing(self):  # noqa: N802
        if missing_requirements():
            return  # the GUI explains; qgis_process would fail on import anyway
        from .processing_provider.provider import CityHealthProvider

        self.provider = CityHealthProvider()
        QgsApplication.processingRegistry().addProvider(self.provider)

    # GUI --------------------------------------------------------------------------------
    def initGui(self):  # noqa: N802
        self.initProcessing()
        problems = missing_requirements()
        main_window = self.iface.mainWindow()
        self.menu = main_window.menuBar().addMenu(tr(MENU_TITLE))
        self.menu.setObjectName("CityHealthMenu")
        self.toolbar = self.iface.addToolBar(tr(MENU_TITLE))
        self.toolbar.setObjectName("CityHealthToolbar")
        if problems:
            self._add_action(tr("Why is CityHealth not available?"), lambda: self._explain_missing(problems))
            self._explain_missing(problems)
            return
        for dock_class in dock_classes():
            dock = dock_class(self.iface, main_window)
            self.iface.addDockWidget(dock.DEFAULT_AREA, dock)
            dock.hide()
            self.docks.append(dock)
            action = dock.toggleViewAction()
            action.setIcon(QIcon(str(ICON_PATH)))
            self.menu.addAction(action)
            self.toolbar.addAction(action)

    def _add_action(self, text, callback):
        action = QAction(QIcon(str(ICON_PATH)), text, self.iface.mainWindow())
        action.triggered.connect(callback)
        self.menu.addAction(action)
        self.toolbar.addAction(action)
        self.actions.append(action)
        return action

    def _explain_missing(self, problems):
        QMessageBox.warning(
            self.iface.mainWindow(),
            tr("CityHealth needs more Python packages"),
            "\n".join(problems) + "\n\n" + install_hint(),
        )

    def unload(self):
        for dock in self.docks:
            if hasattr(dock, "shutdown"):
                dock.shutdown()
            self.iface.removeDockWidget(dock)
            dock.setParent(None)
            dock.deleteLater()
        self.docks = []
        for action in self.actions:
            action.deleteLater()
        self.actions = []
        if self.toolbar is not None:
            self.toolbar.setParent(None)
            self.toolbar.deleteLater()
            self.toolbar = None
        if self.menu is not None:
            self.menu.menuAction().setVisible(False)
            self.iface.mainWindow().menuBar().removeAction(self.menu.menuAction())
            self.menu.deleteLater()
            self.menu = None
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        if self.translator is not None:
            QCoreApplication.removeTranslator(self.translator)
            self.translator = None
        i18n.reset_translator()
