"""What every CityHealth panel shares: a QgsDockWidget with a stable object name.

A panel subclass sets DOCK_ID (objectName, also the key under which QGIS remembers the
dock's place), ICON (file in resources/icons) and DEFAULT_AREA, and returns its translated
title from ``title()`` (a literal ``tr("...")`` so that the string is extracted). ``plugin.dock_classes()`` lists the panels; the plugin creates each with
``(iface, parent)`` and calls ``shutdown()`` before removing it.
"""

from qgis.gui import QgsDockWidget
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QIcon

from ..core.i18n import tr
from ..resources_paths import RESOURCES
from .signals import SignalGroup

ICONS = RESOURCES / "icons"


def icon(name: str) -> QIcon:
    return QIcon(str(ICONS / name))


class CityHealthDock(QgsDockWidget):
    DOCK_ID = ""
    ICON = "cityhealth.svg"
    DEFAULT_AREA = Qt.RightDockWidgetArea

    def __init__(self, iface, parent=None):
        super().__init__(self.title(), parent)
        self.iface = iface
        self.setObjectName(self.DOCK_ID)
        self.setWindowIcon(icon(self.ICON))
        self.toggleViewAction().setIcon(icon(self.ICON))
        self.toggleViewAction().setToolTip(self.title())
        self.signals = SignalGroup()

    @staticmethod
    def title() -> str:
        return tr("CityHealth")

    def shutdown(self):
        """Disconnect from QGIS (project, layers, tasks) before the dock is deleted."""
        self.signals.disconnect_all()
