"""The QGIS plugin object: translator, Processing provider, menu, toolbar and docks.

Kept thin on purpose: every panel lives in gui/, every computation in a Processing algorithm.
``initProcessing`` is safe without an interface (qgis_process calls it with iface None).
``unload`` leaves nothing behind: actions, menu, toolbar, docks (and their connections to
the project), provider and translator are all removed, so the plugin can be reloaded.
"""

from qgis.core import Qgis, QgsApplication, QgsSettings
from qgis.PyQt.QtCore import QCoreApplication, QLocale, QTranslator
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QAction, QMenu, QMessageBox, QToolBar

from .core import i18n
from .core.deps import install_hint, missing_requirements
from .core.i18n import tr
from .resources_paths import I18N, ICON_PATH


MENU_OBJECT_NAME = "CityHealthMenu"
TOOLBAR_OBJECT_NAME = "CityHealthToolbar"


def menu_title() -> str:
    return tr("City Health Check")


def ui_locale() -> str:
    """The language QGIS shows (its override setting first, then the system locale)."""
    settings = QgsSettings()
    if settings.value("locale/overrideFlag", False, type=bool):
        return settings.value("locale/userLocale", "", type=str) or QLocale().name()
    return QLocale().name()


def install_translator():
    """Load the .qm for the QGIS language and route core tr() through Qt. Returns the translator."""
    translator = None
    locale = ui_locale()
    for candidate in (locale[:5], locale[:2]):
        qm_file = I18N / f"cityhealth_{candidate}.qm"
        if qm_file.exists():
            translator = QTranslator()
            if translator.load(str(qm_file)):
                QCoreApplication.installTranslator(translator)
                break
            translator = None
    i18n.set_translator(lambda text: QCoreApplication.translate(i18n.CONTEXT, text))
    return translator


def dock_classes():
    """The panels, in menu order. Each is a gui.base_dock.CityHealthDock subclass taking (iface, parent).

    Later panels (Indicators, Forms, Compliance, Map set, Survey) are added here.
    """
    from .gui.data_dock import DataDock
    from .gui.indicators_dock import IndicatorsDock
    from .gui.forms_dock import FormsDock
    from .gui.compliance_dock import ComplianceDock
    from .gui.mapset_dock import MapSetDock
    from .gui.survey_dock import SurveyDock

    return [DataDock, IndicatorsDock, FormsDock, ComplianceDock, MapSetDock, SurveyDock]


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
    def initProcessing(self):  # noqa: N802 (QGIS API)
        """Register the provider. Called by QGIS before initGui, and by qgis_process without iface."""
        if self.provider is not None or missing_requirements():
            return  # already there, or the GUI explains what is missing
        from .processing_provider.provider import CityHealthProvider

        provider = CityHealthProvider()
        registry = QgsApplication.processingRegistry()
        if registry.providerById(provider.id()) is not None:
            return  # registered by another copy of the plugin (or a test harness): leave it alone
        if registry.addProvider(provider):
            self.provider = provider

    # GUI --------------------------------------------------------------------------------
    def initGui(self):  # noqa: N802 (QGIS API)
        self.initProcessing()
        main_window = self.iface.mainWindow()
        self.menu = QMenu(menu_title(), main_window)
        self.menu.setObjectName(MENU_OBJECT_NAME)
        self._insert_menu(main_window.menuBar(), self.menu)
        self.toolbar = QToolBar(menu_title(), main_window)
        self.toolbar.setObjectName(TOOLBAR_OBJECT_NAME)
        self.iface.addToolBar(self.toolbar)

        problems = missing_requirements()
        if problems:
            self._add_action(tr("Why is CityHealth not available?"), lambda: self._explain_missing(problems))
            self._announce_missing(problems)
            return
        for dock_class in dock_classes():
            dock = dock_class(self.iface, main_window)
            self.iface.addDockWidget(dock.DEFAULT_AREA, dock)
            dock.hide()
            self.docks.append(dock)
            action = dock.toggleViewAction()
            self.menu.addAction(action)
            self.toolbar.addAction(action)
        self._add_action(tr("Deliverables…"), self._open_package_dialog)

    def _open_package_dialog(self):
        from .gui.package_dialog import PackageDialog

        PackageDialog(self.iface.mainWindow()).exec_()

    def _insert_menu(self, menu_bar, menu):
        """Top-level menu just before QGIS's Help menu (at the end when there is none)."""
        before = None
        try:
            help_menu = self.iface.helpMenu()
            before = help_menu.menuAction() if isinstance(help_menu, QMenu) else None
        except AttributeError:
            before = None
        if before is not None and before in menu_bar.actions():
            menu_bar.insertMenu(before, menu)
        else:
            menu_bar.addMenu(menu)

    def _add_action(self, text, callback):
        action = QAction(QIcon(str(ICON_PATH)), text, self.iface.mainWindow())
        action.setObjectName("CityHealthAction")
        action.triggered.connect(callback)
        self.menu.addAction(action)
        self.toolbar.addAction(action)
        self.actions.append(action)
        return action

    def _announce_missing(self, problems):
        """A message bar entry (never a modal dialog at QGIS start-up) with the menu entry as pointer."""
        text = " ".join(problems) + " " + tr("See menu “{menu}” for how to install them.").format(menu=menu_title())
        self.iface.messageBar().pushMessage(tr("CityHealth needs more Python packages"), text, Qgis.Warning, 0)

    def _explain_missing(self, problems):
        QMessageBox.warning(
            self.iface.mainWindow(),
            tr("CityHealth needs more Python packages"),
            "\n".join(problems) + "\n\n" + install_hint(),
        )

    # unload -----------------------------------------------------------------------------
    def unload(self):
        from .gui.tasks import cancel_all

        cancel_all()
        for dock in self.docks:
            dock.shutdown()
            self.iface.removeDockWidget(dock)
            dock.setParent(None)
            dock.deleteLater()
        self.docks = []
        for action in self.actions:
            action.triggered.disconnect()
            action.deleteLater()
        self.actions = []
        if self.toolbar is not None:
            self.iface.mainWindow().removeToolBar(self.toolbar)
            self.toolbar.setParent(None)
            self.toolbar.deleteLater()
            self.toolbar = None
        if self.menu is not None:
            self.iface.mainWindow().menuBar().removeAction(self.menu.menuAction())
            self.menu.setParent(None)
            self.menu.deleteLater()
            self.menu = None
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        if self.translator is not None:
            QCoreApplication.removeTranslator(self.translator)
            self.translator = None
        i18n.reset_translator()
